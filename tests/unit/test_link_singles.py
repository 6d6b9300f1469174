"""A link's one-sentence side is one shared tuple per sentence index (records.single): a big
story's hundred thousand links then hold a few thousand tuples, with the values unchanged."""

from hypothesis import given
from hypothesis import strategies as st

from retold.model.align.records import Link, new_link, single

_index = st.integers(min_value=0, max_value=5000)


@given(_index, _index, st.lists(_index, min_size=2, max_size=4).map(tuple))
def test_one_sentence_sides_are_shared_and_equal(i, j, many):
    first, again = new_link(0.5, 0, (i,), 1, (j,)), new_link(0.9, 2, (i,), 3, (j,))
    assert first.rows is again.rows is single(i) and first.cols is again.cols is single(j)
    assert first == Link(0.5, 0, (i,), 1, (j,)) and hash(first) == hash(Link(0.5, 0, (i,), 1, (j,)))
    wide = new_link(0.5, 0, many, 1, (j,))
    assert wide.rows == many and wide.cols is single(j)


@given(_index)
def test_single_is_the_index_alone(i):
    assert single(i) == (i,)
