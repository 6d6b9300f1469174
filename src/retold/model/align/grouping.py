"""Phase 6: pairwise links merged into N-way groups — union-find in descending score, refusing a
merge that would make an outlet's members of a group non-consecutive (they may only be a split).
"""

from __future__ import annotations

from operator import attrgetter

from retold.model.align.records import Link

Spans = dict[int, tuple[int, int, int]]  # outlet -> (lowest index, highest index, count) in one component


class _Components:
    """Union-find over every sentence of the story, with each component's spans per outlet."""

    def __init__(self, sizes: list[int]):
        self.offsets = [0]
        for size in sizes:
            self.offsets.append(self.offsets[-1] + size)
        self.parent = list(range(self.offsets[-1]))
        self.spans: dict[int, Spans] = {}  # component root -> its spans (absent: one sentence)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def root(self, outlet: int, index: int) -> int:
        return self.find(self.offsets[outlet] + index)

    def span_of(self, root: int, outlet: int, index: int) -> Spans:
        return self.spans.get(root) or {outlet: (index, index, 1)}

    def join(self, keep: int, others: list[int], spans: Spans) -> None:
        for root in others:
            self.parent[root] = keep
            self.spans.pop(root, None)
        self.spans[keep] = spans


def _merge_one_to_one(parts: _Components, link: Link) -> None:
    """A one-to-one link, by far the commonest: the same merge as `_merge`, without building a
    new span table. Each component's spans are already consecutive (a merge that would break
    that is refused), so only the outlets both sides hold need checking, and the larger table
    takes in the smaller one."""
    (i,), (j,) = link.rows, link.cols
    ra, rb = parts.root(link.outlet_a, i), parts.root(link.outlet_b, j)
    if ra == rb:
        return
    sa, sb = parts.span_of(ra, link.outlet_a, i), parts.span_of(rb, link.outlet_b, j)
    small, big = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    for k, (lo, hi, count) in small.items():
        got = big.get(k)
        if got is not None and max(hi, got[1]) - min(lo, got[0]) + 1 != count + got[2]:
            return  # refused
    for k, (lo, hi, count) in small.items():
        got = big.get(k)
        big[k] = (lo, hi, count) if got is None else (min(lo, got[0]), max(hi, got[1]), count + got[2])
    keep, other = (ra, rb) if ra < rb else (rb, ra)
    parts.join(keep, [other], big)


def _merge(parts: _Components, link: Link) -> None:
    """Any link: merge the components of all its sentences, unless that breaks a span."""
    nodes = [(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols]
    roots = {}
    for outlet, index in nodes:
        roots.setdefault(parts.root(outlet, index), (outlet, index))
    if len(roots) == 1:
        return
    merged: Spans = {}
    for root, (outlet, index) in roots.items():
        for k, (lo, hi, count) in parts.span_of(root, outlet, index).items():
            if k in merged:
                mlo, mhi, mcount = merged[k]
                merged[k] = (min(lo, mlo), max(hi, mhi), count + mcount)
            else:
                merged[k] = (lo, hi, count)
    if any(hi - lo + 1 != count for lo, hi, count in merged.values()):
        return
    keep, *others = sorted(roots)
    parts.join(keep, others, merged)


def group_links(links: list[Link], sizes: list[int]) -> list[list[tuple[int, int]]]:
    """N-way groups from pairwise links: union-find in descending score; an outlet's members
    of one group must stay consecutive (a split), so a link that would break that is refused."""
    parts = _Components(sizes)
    # By (-score, outlet_a, rows, outlet_b, cols): two stable sorts on C-level keys, no tuple per link.
    ordered = sorted(links, key=attrgetter("outlet_a", "rows", "outlet_b", "cols"))
    ordered.sort(key=attrgetter("score"), reverse=True)  # reverse keeps equal scores in the order above
    for link in ordered:
        if len(link.rows) == 1 and len(link.cols) == 1:
            _merge_one_to_one(parts, link)
        else:
            _merge(parts, link)
    members: dict[int, list[tuple[int, int]]] = {}
    for outlet, size in enumerate(sizes):
        for index in range(size):
            members.setdefault(parts.root(outlet, index), []).append((outlet, index))
    return sorted((m for m in members.values() if len({k for k, _ in m}) > 1), key=lambda m: m[0])
