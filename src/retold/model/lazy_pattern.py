"""A regular expression compiled the first time it is used, not when its module is imported.

Credits and quotes are read from a cached story (the reader's Sources come back from the
alignment cache) far more often than they are computed; compiling their patterns at import cost
that path ~10 ms of a quiet machine's start for nothing. Pure: no Textual or Rich import.
"""

from __future__ import annotations

import re


class LazyPattern:
    """Stands for `re.compile(source, flags)`: the pattern's methods and attributes (match,
    search, sub, finditer, pattern, groups…) compile it once, then are the compiled pattern's own."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str):
        # Only for what the instance lacks: after the first use, its methods sit in __dict__.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for method in ("match", "search", "fullmatch", "sub", "subn", "split", "finditer", "findall"):
            self.__dict__[method] = getattr(compiled, method)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags})"


class PhrasedPattern(LazyPattern):
    """A LazyPattern whose search and finditer stand behind a cheap test they imply: every match
    holds one of `phrases` (lower case, ASCII). On ASCII text, where a (?i) pattern's
    case-folding is plain lower-casing, a text holding none of them is passed over without
    running the pattern; other text runs it (as clean._Phrases does for cleaning's rules;
    tests/unit/test_speed_equivalence_2.py checks that each decides as its pattern). Everything
    else is the compiled pattern's own, as for a LazyPattern."""

    def __init__(self, source: str, phrases: tuple[str, ...], flags: int = 0) -> None:
        super().__init__(source, flags)
        self.phrases = phrases

    def __getattr__(self, name: str):
        found = super().__getattr__("pattern" if name in ("_search", "_finditer") else name)  # compiles it
        # The compiled pattern's search and finditer stay behind the phrases (the methods below).
        self.__dict__["_search"] = self.__dict__.pop("search")
        self.__dict__["_finditer"] = self.__dict__.pop("finditer")
        return self.__dict__[name] if name in ("_search", "_finditer") else found

    def _passed_over(self, text: str) -> bool:
        if not text.isascii():
            return False
        lowered = text.lower()
        return not any(phrase in lowered for phrase in self.phrases)

    def search(self, text: str, *args):
        return None if not args and self._passed_over(text) else self._search(text, *args)

    def finditer(self, text: str, *args):
        return iter(()) if not args and self._passed_over(text) else self._finditer(text, *args)
