"""RETOLD_CACHE_MAX_MB holding anything (a typo, "inf", "1e400", "nan") bounds the cache by a
positive number of bytes or falls back to the default; it never ends a run (before: "inf" or
"1e400" ended `retold align` with OverflowError: cannot convert float infinity to integer)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold.model import cache

values = st.one_of(st.text(max_size=12), st.floats().map(repr), st.integers().map(str),
                   st.sampled_from(["inf", "-inf", "1e400", "nan", "Infinity", " 5 ", "1_0", "0x10"]))


@given(values)
def test_any_value_gives_a_positive_bound(value):
    import os

    old = os.environ.get(cache.MAX_BYTES_ENV)
    os.environ[cache.MAX_BYTES_ENV] = value.replace("\x00", "")
    try:
        bound = cache._max_bytes_from_env()
    finally:
        if old is None:
            del os.environ[cache.MAX_BYTES_ENV]
        else:
            os.environ[cache.MAX_BYTES_ENV] = old
    assert isinstance(bound, int) and bound >= 1
