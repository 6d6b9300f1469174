from retold.tui.sync import follower_row


def test_counterpart_stands_level():
    assert follower_row(2, 0, [0, 3, 6, 9], [0, 2, 4, 8], {0: 0, 1: 1, 2: 2, 3: 3}.get, 12, 10) == 4


def test_unique_sentence_interpolates_between_neighbours():
    mapping = {0: 0, 3: 1}.get  # leader sentences 1 and 2 have no counterpart
    rows = [follower_row(i, 0, [0, 4, 8, 12], [0, 6], mapping, 16, 10) for i in range(4)]
    assert rows == [0, 2, 4, 6]


def test_before_first_and_after_last_aligned_sentence_move_in_step():
    mapping = {1: 0}.get
    assert follower_row(0, 0, [0, 5, 10], [3], mapping, 15, 8) == 0  # clamped at the top
    assert follower_row(2, 1, [0, 5, 10], [3], mapping, 15, 8) == 3 + 6


def test_nothing_aligned_scrolls_proportionally():
    assert follower_row(1, 0, [0, 10], [0, 5], lambda i: None, 20, 10) == 5
