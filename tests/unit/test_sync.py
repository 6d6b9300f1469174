from hypothesis import given, settings
from hypothesis import strategies as st

from retold.tui.sync import follower_row


def rows(counts, gaps=None):
    first, row = [], 0
    for i, count in enumerate(counts):
        row += (gaps or {}).get(i, 0)
        first.append(row)
        row += count
    return first, row


def test_counterpart_stands_level():
    spans = {0: (0,), 1: (1,), 2: (2,), 3: (3,)}
    assert follower_row(2, [0, 3, 6, 9], [3, 3, 3, 3], [0, 2, 4, 8], [2, 2, 4, 2], lambda i: spans.get(i, ()), 12, 10) == 4


def test_a_split_counterpart_stands_level_with_its_first_part():
    spans = {0: (0,), 1: (1, 2)}  # leader sentence 1 is two sentences in the follower
    assert follower_row(1, [0, 2], [2, 4], [0, 3, 5], [3, 2, 2], lambda i: spans.get(i, ()), 6, 7) == 3


def test_unique_sentences_interpolate_between_the_end_before_and_the_start_after():
    spans = {0: (0,), 3: (1,)}  # leader sentences 1 and 2 have no counterpart
    got = [follower_row(i, [0, 4, 8, 12], [4, 4, 4, 4], [0, 6], [6, 2], lambda i: spans.get(i, ()), 16, 8) for i in range(4)]
    # sentence 0 ends at leader row 4 / follower row 6; sentence 3 starts at 12 / 6: no room, both in between at 6
    assert got == [0, 6, 6, 6]
    spans = {0: (0,), 3: (1,)}
    got = [follower_row(i, [0, 2, 4, 6], [2, 2, 2, 2], [0, 2], [2, 2], lambda i: spans.get(i, ()), 8, 4) for i in range(4)]
    assert got == [0, 2, 2, 2]
    got = [follower_row(i, [0, 2, 4, 6], [2, 2, 2, 2], [0, 6], [2, 2], lambda i: spans.get(i, ()), 8, 8) for i in range(4)]
    assert got == [0, 2, 4, 6]


def test_before_first_and_after_last_aligned_sentence_move_in_step():
    spans = {1: (0,)}
    assert follower_row(0, [0, 5, 10], [5, 5, 5], [3], [4], lambda i: spans.get(i, ()), 15, 8) == 0  # clamped at the top
    assert follower_row(2, [0, 5, 10], [5, 5, 5], [3], [4], lambda i: spans.get(i, ()), 15, 8) == 3 + 4 + 0


def test_nothing_aligned_scrolls_proportionally():
    assert follower_row(1, [0, 10], [10, 10], [0, 5], [5, 5], lambda i: (), 20, 10) == 5


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_interpolation_stays_between_the_aligned_neighbours(data):
    """With no counterpart, the row lies between the end of the counterpart before and the
    start of the counterpart after (alignment in order)."""
    size = data.draw(st.integers(3, 30))
    lead_first, lead_total = rows(data.draw(st.lists(st.integers(1, 5), min_size=size, max_size=size)))
    follow_size = data.draw(st.integers(2, 30))
    follow_first, follow_total = rows(data.draw(st.lists(st.integers(1, 5), min_size=follow_size, max_size=follow_size)))
    follow_count = [b - a for a, b in zip(follow_first, follow_first[1:] + [follow_total])]
    lead_count = [b - a for a, b in zip(lead_first, lead_first[1:] + [lead_total])]
    # an order-keeping alignment: increasing pairs
    pairs = sorted(data.draw(st.sets(st.tuples(st.integers(0, size - 1), st.integers(0, follow_size - 1)), max_size=10)))
    spans, last_j = {}, -1
    for i, j in pairs:
        if i not in spans and j > last_j:
            spans[i] = (j,)
            last_j = j
    anchor = data.draw(st.integers(0, size - 1))
    row = follower_row(anchor, lead_first, lead_count, follow_first, follow_count, lambda i: spans.get(i, ()), lead_total, follow_total)
    if anchor in spans:
        assert row == follow_first[spans[anchor][0]]
        return
    before = [i for i in spans if i < anchor]
    after = [i for i in spans if i > anchor]
    if before and after:
        b, a = spans[max(before)][0], spans[min(after)][0]
        assert follow_first[b] + follow_count[b] <= row <= follow_first[a]
    assert row >= 0
