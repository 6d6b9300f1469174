"""The records the phases hand on, and the one place they are built without `__init__`.

A big story makes tens of thousands of features, links and members: each is built here field by
field (`object.__setattr__`, as a frozen dataclass's `__init__` sets them), not through the
dataclass constructor. tests/unit/test_speed_equivalence.py checks that every builder gives the
value the constructor gives, with the same fields in the same order. No other module of the
package takes this shortcut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from retold.model.story import Member, Sentence, Status

if TYPE_CHECKING:
    from retold.model.align.evidence import Judge
    from retold.model.align.scoring import Scorer

_object_new = object.__new__
_set = object.__setattr__


@dataclass(frozen=True)
class Features:
    words: tuple[str, ...]  # normalised words, dateline stripped: the near-verbatim test
    feats: frozenset[str]  # informative features: the similarity
    length: int  # characters, for the length model
    ends: bool = True  # ends a sentence (a caption, label or heading does not)
    runs_on: bool = False  # no sentence end ("Grenoble-Paris:", "the crane from"): its sentence goes on in the next


@dataclass(frozen=True)
class Link:
    score: float
    outlet_a: int
    rows: tuple[int, ...]
    outlet_b: int
    cols: tuple[int, ...]
    # What made the link: "words" (its sentences share enough to say so), or "length+order" (a
    # bead of the programme between parallel texts whose words alone would not make it a link:
    # a translation, where the lengths and places of its sentences are the evidence).
    basis: str = "words"


def new_features(words: tuple[str, ...], feats: frozenset[str], length: int, ends: bool, runs_on: bool) -> Features:
    """`Features(words, feats, length, ends, runs_on)` without the frozen __init__: one per distinct text of a story."""
    found = _object_new(Features)
    _set(found, "words", words)
    _set(found, "feats", feats)
    _set(found, "length", length)
    _set(found, "ends", ends)
    _set(found, "runs_on", runs_on)
    return found


_SINGLES: list[tuple[int]] = []  # (0,), (1,), ...: one tuple per sentence index, for the process


def single(i: int) -> tuple[int]:
    """`(i,)`, always the same tuple: a big story's links hold a hundred thousand one-sentence
    sides, which are then a few thousand tuples (equal values, so equal links)."""
    while len(_SINGLES) <= i:
        _SINGLES.append((len(_SINGLES),))
    return _SINGLES[i]


def new_link(score: float, outlet_a: int, rows: tuple[int, ...], outlet_b: int, cols: tuple[int, ...], basis: str = "words") -> Link:
    """`Link(score, outlet_a, rows, outlet_b, cols, basis)`: equal, hashed and printed alike
    (a one-sentence side is its index's single() tuple)."""
    if len(rows) == 1:
        rows = single(rows[0])
    if len(cols) == 1:
        cols = single(cols[0])
    link = _object_new(Link)
    # Set as __init__ sets them (not through __dict__, which would give each link a dict of
    # its own rather than the class's shared-key layout: more memory).
    _set(link, "score", score)
    _set(link, "outlet_a", outlet_a)
    _set(link, "rows", rows)
    _set(link, "outlet_b", outlet_b)
    _set(link, "cols", cols)
    _set(link, "basis", basis)
    return link


def new_member(outlet: str, sentence: int, score: float, evidence: tuple[str, ...] = ()) -> Member:
    """`Member(outlet=..., sentence=..., score=..., evidence=...)`: one per grouped sentence."""
    member = _object_new(Member)
    _set(member, "outlet", outlet)
    _set(member, "sentence", sentence)
    _set(member, "score", score)
    _set(member, "evidence", evidence)
    return member


def with_status(sentence: Sentence, status: Status, group: int | None) -> Sentence:
    """`replace(sentence, status=status, group=group)`, several times faster: replace() walks the
    dataclass's fields and calls __init__ for each of the thousands of sentences of a big story.
    Every field is copied, so a field added to Sentence is carried along."""
    if sentence.status is status and sentence.group == group:
        return sentence  # frozen: the same value may be shared
    copy = object.__new__(Sentence)
    state = copy.__dict__
    state.update(sentence.__dict__)
    state["status"] = status
    state["group"] = group
    return copy


@dataclass
class PairSides:
    """The two sides of one outlet pair, as every phase of its alignment sees them: the outlets'
    numbers (a < b in canonical order), their sentences' features, the scorer, whether they are
    in one language, and the sentences of each side already linked (the programme passes them
    over; later phases grow links only into free sentences)."""

    a: int
    b: int
    fa: list[Features]
    fb: list[Features]
    scorer: Scorer
    same_language: bool
    linked_a: set[int] = field(default_factory=set)
    linked_b: set[int] = field(default_factory=set)
    # The judge of evidence (None: every link the rules make stands, as before evidence) and
    # the pairs it refused, for a second look once their neighbours are confirmed.
    judge: Judge | None = None
    refused: list[tuple[tuple[int, ...], tuple[int, ...], float, bool]] = field(default_factory=list)
    # Parallel text in one language that copies some of its sentences near-verbatim (a rewrite
    # of the same copy, not a translation): set by the pair's pass.
    copies: bool = False
    # Why the pair counts as parallel ("anchors", "translation", "lengths"; "" when it does not).
    basis: str = ""

    @cached_property
    def length_ratio(self) -> float:
        """Characters of side b per character of side a: what the length model expects."""
        return sum(f.length for f in self.fb) / max(1, sum(f.length for f in self.fa))
