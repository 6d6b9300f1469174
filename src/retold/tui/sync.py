"""Scroll sync between panes: where should a follower pane stand?

Pure functions (no Textual), as Meld's `_sync_vscroll` does it: find the anchor
sentence in the leading pane; if the follower has its counterpart, put that
counterpart at the same screen row; if not, interpolate between the nearest
aligned sentences before and after, so a unique passage does not make the other
panes jump.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def follower_row(
    anchor: int,
    offset: float,
    leader_rows: Sequence[int],
    follower_rows: Sequence[int],
    counterpart: Callable[[int], int | None],
    leader_height: int,
    follower_height: int,
) -> float:
    """The follower's content row that should stand level with the leader's anchor.

    anchor: the leader's anchor sentence; offset: rows into it (may be fractional);
    leader_rows / follower_rows: first content row of every sentence of each pane;
    counterpart(i): the follower's sentence aligned with the leader's sentence i.
    """
    if not leader_rows:
        return 0.0
    row = leader_rows[anchor] + offset
    here = counterpart(anchor)
    if here is not None:
        return follower_rows[here] + offset
    before = after = None
    for i in range(anchor - 1, -1, -1):
        j = counterpart(i)
        if j is not None:
            before = (leader_rows[i], follower_rows[j])
            break
    for i in range(anchor + 1, len(leader_rows)):
        j = counterpart(i)
        if j is not None:
            after = (leader_rows[i], follower_rows[j])
            break
    if before and after and after[0] > before[0] and after[1] >= before[1]:
        share = (row - before[0]) / (after[0] - before[0])
        return before[1] + share * (after[1] - before[1])
    if before:  # past the last aligned sentence: move in step with the leader
        return before[1] + (row - before[0])
    if after:
        return max(0.0, after[1] - (after[0] - row))
    return row * follower_height / leader_height if leader_height else 0.0
