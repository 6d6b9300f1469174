"""Scroll sync between panes: where should a follower pane stand? (pure, no Textual)

As Meld's `_sync_vscroll` does it: the leading pane's anchor is the first row of its
cursor sentence; a follower that has a counterpart puts the counterpart's first row at
the same screen row; one that lacks it interpolates between the nearest aligned
sentences before and after (the end of the one before, the start of the one after), so
a passage only one outlet has does not make the other panes jump.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def follower_row(
    anchor: int,
    leader_first: Sequence[int],
    leader_count: Sequence[int],
    follower_first: Sequence[int],
    follower_count: Sequence[int],
    span: Callable[[int], tuple[int, ...]],
    leader_total: int,
    follower_total: int,
) -> float:
    """The follower's content row that should stand level with the leader's sentence `anchor`.

    leader_first / leader_count: first row and row count of every leader sentence (the same
    for the follower); span(i): the follower's sentences aligned with leader sentence i
    (ascending, empty when it lacks it); *_total: rows in each pane.
    """
    if not leader_first or not follower_first:
        return 0.0
    row = leader_first[anchor]
    here = span(anchor)
    if here:
        return float(follower_first[here[0]])
    before = after = None
    for i in range(anchor - 1, -1, -1):
        other = span(i)
        if other:
            last = other[-1]
            before = (leader_first[i] + leader_count[i], follower_first[last] + follower_count[last])
            break
    for i in range(anchor + 1, len(leader_first)):
        other = span(i)
        if other:
            after = (leader_first[i], follower_first[other[0]])
            break
    if before and after and after[0] > before[0] and after[1] >= before[1]:
        share = (row - before[0]) / (after[0] - before[0])
        return before[1] + share * (after[1] - before[1])
    if before:  # past the last aligned sentence (or crossing alignments): move in step with the leader
        return float(max(0, before[1] + (row - before[0])))
    if after:
        return float(max(0, after[1] - (after[0] - row)))
    return row * follower_total / leader_total if leader_total else 0.0
