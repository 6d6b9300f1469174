"""LazyPattern answers as re.compile does, and the credit and quote modules compile none of their
patterns when imported (a story read from the cache never uses them): issue 19, item 4."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from retold.model import credits, quotes
from retold.model.lazy_pattern import LazyPattern

PATTERNS = [getattr(credits, n) for n in ("_DATELINE", "_SIGN_OFF", "_WITH", "_TRANSLATED", "_FIRST_APPEARED", "_REPORTING", "_BYLINE", "_COPYRIGHT_NAME")] + [
    getattr(quotes, n) for n in ("_INTERRUPTION", "_ANY_MARK", "_ELLIPSIS")]

TEXT = st.text(alphabet=st.sampled_from(list("ab (),.-–©“”«»…Reuters by with translated from Meridian 2026\n")), max_size=60)


def _match(found):
    return None if found is None else (found.span(), found.groups())


@given(text=TEXT)
def test_a_lazy_pattern_answers_as_the_compiled_one(text):
    for lazy in PATTERNS:
        assert isinstance(lazy, LazyPattern)
        fresh = LazyPattern(lazy._source, lazy._flags)  # one not yet compiled, each time
        compiled = re.compile(lazy._source, lazy._flags)
        assert _match(fresh.search(text)) == _match(compiled.search(text))
        assert _match(lazy.match(text)) == _match(compiled.match(text))
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert lazy.sub("#", text) == compiled.sub("#", text)
        assert lazy.pattern == compiled.pattern and lazy.groups == compiled.groups


def _compiling_modules(modules: list[str]) -> list[str]:
    """The modules that call re.compile while `modules` are imported, in a fresh interpreter."""
    code = (
        "import json, re, sys\n"
        "real = re.compile\n"
        "seen = []\n"
        "def spy(pattern, flags=0):\n"
        "    seen.append(sys._getframe(1).f_globals.get('__name__'))\n"
        "    return real(pattern, flags)\n"
        "re.compile = spy\n"
        f"import {', '.join(modules)}\n"
        "print(json.dumps(seen))\n"
    )
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def test_importing_credits_and_quotes_compiles_none_of_their_patterns():
    seen = _compiling_modules(["retold.model.credits", "retold.model.quotes"])
    assert [name for name in seen if name in ("retold.model.credits", "retold.model.quotes")] == []


# Every module of the model but the aligner's phases (another room, whose regexes are all used by
# any alignment): cleaning, splitting, dates, names, the JSON's escaping. A story read from the
# cache needs none of cleaning's and few of the others'; each compiles on its first use.
MODEL_MODULES = (
    "clean", "clean_headline", "clean_position", "clean_voice", "furniture", "html", "normalize",
    "pipeline", "published", "safe", "segment", "story", "worddiff",
)


def _lazy_patterns(module):
    found = []

    def walk(value, depth):
        if isinstance(value, LazyPattern):
            found.append(value)
        elif isinstance(getattr(value, "pattern", None), LazyPattern):  # clean._Phrases
            found.append(value.pattern)
        elif isinstance(value, (list, tuple)) and depth < 3:
            for item in value:
                walk(item, depth + 1)

    for value in vars(module).values():
        walk(value, 0)
    return found


def test_importing_the_model_compiles_none_of_its_patterns():
    seen = _compiling_modules(["retold.model." + name for name in MODEL_MODULES])
    assert [name for name in seen if name.startswith("retold.model.") and not name.startswith("retold.model.align")] == []


def test_the_models_patterns_are_lazy_and_many():
    import importlib

    counts = {name: len(_lazy_patterns(importlib.import_module(f"retold.model.{name}"))) for name in MODEL_MODULES}
    assert all(counts.values()), counts  # each module's module-level patterns are LazyPatterns
    assert sum(counts.values()) >= 100


MODEL_TEXT = st.text(alphabet=st.sampled_from(list("aZ9 .,:;|-–—'’\"“”()#@©&/\n\tÀéß中By by Share Read more Home 12 May 2026 Reuters")), max_size=80)


@given(text=MODEL_TEXT)
def test_every_model_pattern_answers_as_the_compiled_one(text):
    import importlib

    for name in MODEL_MODULES:
        for lazy in _lazy_patterns(importlib.import_module(f"retold.model.{name}")):
            fresh = LazyPattern(lazy._source, lazy._flags)  # one not yet compiled
            compiled = re.compile(lazy._source, lazy._flags)
            assert _match(fresh.search(text)) == _match(compiled.search(text))
            assert _match(lazy.match(text)) == _match(compiled.match(text))
            assert lazy.sub("#", text) == compiled.sub("#", text)
            assert lazy.pattern == compiled.pattern and lazy.groups == compiled.groups
