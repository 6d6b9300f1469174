"""The batch's chunks: every story once, in order; big first, single stories at the end."""

from hypothesis import given
from hypothesis import strategies as st

from retold.batch.job import guided_chunks


@given(st.integers(0, 3000), st.integers(1, 64), st.integers(1, 32))
def test_guided_chunks_cover_every_story_once_shrinking_to_one(count, slots, most):
    items = [f"s{n}" for n in range(count)]
    sizes = [len(chunk) for chunk in guided_chunks(items, slots, most)]
    assert [item for chunk in guided_chunks(items, slots, most) for item in chunk] == items
    assert all(1 <= size <= most for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert not sizes or sizes[-1] == 1
    # The last slots × 4 stories go one at a time: no worker waits long on another's tail.
    assert all(size == 1 for size in sizes[-min(count, slots * 4):])
