"""The whole story at a glance: statements in story order, who carries each, overlap and counts.

Headless (no Textual or Rich): the overview screen draws what this computes, and tests check
its rules directly. Everything here is read from a finished Alignment; nothing is re-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass

from retold.model.story import Alignment, Status


@dataclass(frozen=True)
class Statement:
    """One row of the coverage map: a group of corresponding sentences, or one unique sentence.

    `sentences[k]` is the first sentence of outlet number k telling it (None: the outlet lacks it);
    `possible[k]`: that sentence's place in the group rests on thin evidence (Member.strength
    "possible"): the map shows it "?", as the pane does, not as a sure "="/"~".
    """

    group: int | None
    sentences: tuple[int | None, ...]
    possible: tuple[bool, ...] = ()

    def is_possible(self, outlet_no: int) -> bool:
        return bool(self.possible) and self.possible[outlet_no]

    def carried_by(self) -> int:
        return sum(1 for s in self.sentences if s is not None)


@dataclass(frozen=True)
class Overlap:
    """Of A's sentences, how many have a counterpart in B, split by how close the pair is."""

    shared: int  # both sentences are near-verbatim copies (status shared)
    altered: int  # the same statement, reworded on at least one side
    total: int  # A's sentence count

    @property
    def share(self) -> float:
        return (self.shared + self.altered) / self.total if self.total else 0.0


@dataclass(frozen=True)
class OutletStats:
    sentences: int
    shared: int
    altered: int
    unique: int

    def percent(self, status: str) -> float:
        return 100.0 * getattr(self, str(status)) / self.sentences if self.sentences else 0.0


@dataclass(frozen=True)
class StorySummary:
    statements: tuple[Statement, ...]
    overlap: tuple[tuple[Overlap, ...], ...]  # overlap[a][b], outlet numbers in story order
    stats: tuple[OutletStats, ...]
    # row_of[k][i]: the coverage-map row of sentence i of outlet number k
    row_of: tuple[tuple[int, ...], ...]


def summarize(alignment: Alignment) -> StorySummary:
    """Compute the summary once per alignment (cached on it: it is derived from its groups)."""
    cached = alignment._cache.get("summary")
    if cached is None:
        cached = alignment._cache["summary"] = _summarize(alignment)
    return cached


def _statement_key(outlet_no: int, sentence) -> tuple:
    return ("g", sentence.group) if sentence.group is not None else ("u", outlet_no, sentence.index)


def story_order(alignment: Alignment) -> list[tuple]:
    """Every statement once, in story order: the first outlet's order, with what each further
    outlet adds inserted after the last statement it shares with those before it.

    A statement an outlet tells in several consecutive sentences appears once. Where outlets
    disagree about order (a moved paragraph), the earlier outlet's order wins.
    """
    rank: dict[tuple, float] = {}
    for outlet_no, outlet in enumerate(alignment.outlets):
        anchor = -1.0
        added: dict[tuple, int] = {}  # new statements of this outlet -> its order among them
        for sentence in outlet.sentences:
            key = _statement_key(outlet_no, sentence)
            known = rank.get(key)
            if known is None:
                # After the anchor, before whatever followed it; several land in one gap in this order.
                rank[key] = anchor + 0.5
                added[key] = len(added)
            elif key not in added:
                anchor = known
        if added:
            ordered = sorted(rank, key=lambda key: (rank[key], added.get(key, -1)))
            rank = {key: float(position) for position, key in enumerate(ordered)}
    return sorted(rank, key=rank.__getitem__)


def _summarize(alignment: Alignment) -> StorySummary:
    outlets = alignment.outlets
    number_of = {outlet.id: n for n, outlet in enumerate(outlets)}
    order = story_order(alignment)
    row_of_key = {key: row for row, key in enumerate(order)}
    width = len(outlets)
    firsts: list[list[int | None]] = [[None] * width for _ in order]
    row_of: list[tuple[int, ...]] = []
    for outlet_no, outlet in enumerate(outlets):
        rows = []
        for sentence in outlet.sentences:
            row = row_of_key[_statement_key(outlet_no, sentence)]
            rows.append(row)
            if firsts[row][outlet_no] is None:
                firsts[row][outlet_no] = sentence.index
        row_of.append(tuple(rows))
    possible_sets = [alignment.possible(outlet.id) for outlet in outlets]
    statements = tuple(
        Statement(
            key[1] if key[0] == "g" else None,
            tuple(cells),
            tuple(index is not None and index in possible_sets[k] for k, index in enumerate(cells)),
        )
        for key, cells in zip(order, firsts)
    )

    stats = []
    for outlet in outlets:
        counts = outlet.counts()
        stats.append(OutletStats(len(outlet.sentences), counts["shared"], counts["altered"], counts["unique"]))

    # overlap[a][b]: walk A's sentences once, visiting the outlets of each one's group. For an
    # outlet holding several sentences of a group (a split), one near-verbatim one is enough.
    group_outlets: list[dict[int, bool]] = []
    for group in alignment.groups:
        near_verbatim: dict[int, bool] = {}
        for m in group.members:
            b = number_of[m.outlet]
            near_verbatim[b] = near_verbatim.get(b, False) or outlets[b].sentences[m.sentence].status == Status.SHARED
        group_outlets.append(near_verbatim)
    overlap = []
    for a, outlet in enumerate(outlets):
        shared = [0] * width
        altered = [0] * width
        for sentence in outlet.sentences:
            if sentence.group is None:
                continue
            shared_here = sentence.status == Status.SHARED
            for b, verbatim in group_outlets[sentence.group].items():
                if b == a:
                    continue
                if shared_here and verbatim:
                    shared[b] += 1
                else:
                    altered[b] += 1
        total = len(outlet.sentences)
        row = []
        for b in range(width):
            if b == a:
                row.append(Overlap(total, 0, total))
            else:
                row.append(Overlap(shared[b], altered[b], total))
        overlap.append(tuple(row))
    return StorySummary(statements, tuple(overlap), tuple(stats), tuple(row_of))
