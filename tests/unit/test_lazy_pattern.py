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


def test_importing_credits_and_quotes_compiles_none_of_their_patterns():
    code = (
        "import json, re, sys\n"
        "real = re.compile\n"
        "seen = []\n"
        "def spy(pattern, flags=0):\n"
        "    seen.append(sys._getframe(1).f_globals.get('__name__'))\n"
        "    return real(pattern, flags)\n"
        "re.compile = spy\n"
        "import retold.model.credits, retold.model.quotes\n"
        "print(json.dumps(seen))\n"
    )
    seen = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert [name for name in seen if name in ("retold.model.credits", "retold.model.quotes")] == []
