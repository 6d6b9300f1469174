"""The order of the reader's panes: a pure function of the alignment and the outlets' metadata.

Here in the model, not in the reader, so that the alignment cache can keep it with the entry
(retold.model.cache: a story reopened unchanged computes nothing) and the child process that
aligns a big story can compute it off the reader's interpreter lock (retold.model.offload).
`arrangement_of` computes it once per alignment. Pure: no Textual or Rich import.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# The near-verbatim threshold lives with the story (the aligner's params take it from there):
# importing it from retold.model.align loaded the whole aligner (~30 ms) on a reopened story.
from retold.model.story import SHARED_SIMILARITY, Alignment, Outlet, Status


def arrangement_of(alignment: Alignment) -> Arrangement:
    """`arrange(alignment)`, computed once and kept on the alignment (where the cache finds it)."""
    found = alignment._cache.get("arrangement")
    if found is None:
        found = alignment._cache["arrangement"] = arrange(alignment)
    return found


@dataclass(frozen=True)
class Copy:
    """An outlet whose every sentence is near-verbatim its source's, and the reverse: its
    pane is folded (placed after every other and left out of the first screen); its
    source's header names it. `delay`: "2 h later", "same time"… (None: a time is missing)."""

    outlet: str
    source: str
    delay: str | None


@dataclass(frozen=True)
class Arrangement:
    """The order of the panes: the reference outlet first (earliest published, else the one
    the others share most with), then the others from the most to the least different from
    it, then the folded verbatim copies. A function of the outlets' content and metadata,
    never of the order the files were given in (ties go to the outlet id)."""

    order: tuple[str, ...]  # outlet ids, left to right
    reference: str | None
    copies: tuple[Copy, ...] = ()

    def copies_of(self, source: str) -> tuple[Copy, ...]:
        return tuple(copy for copy in self.copies if copy.source == source)

    @property
    def folded(self) -> frozenset[str]:
        return frozenset(copy.outlet for copy in self.copies)


def _published(outlet: Outlet) -> tuple[datetime.date, int, datetime.time] | None:
    """A sort key for the publication time: the day (UTC), then an exact time before a bare
    date (a bare date cannot show it came first), then the time. None when absent or unreadable."""
    text = (outlet.meta.published or "").strip()
    if not text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) <= 10:  # a date without a time
        return (moment.date(), 1, datetime.time.max)
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return (moment.date(), 0, moment.time())


_SOURCE_CREDITS = ("wire", "source", "first appeared", "byline", "agencies", "dateline")


def _credited_source(outlet: Outlet, outlets: list[Outlet]) -> Outlet | None:
    """The one other outlet of the story that `outlet`'s credit lines name as where its text
    came from (retold.model.credits), or None."""
    from retold.model.credits import credits_of, names_match

    others = [o for o in outlets if o is not outlet]
    found = {o.id: o for credit in credits_of(outlet, tuple(o.name for o in others))
             if credit.kind in _SOURCE_CREDITS and not credit.own
             for o in others if names_match(credit.source, o.name, o.meta.url)}
    return next(iter(found.values())) if len(found) == 1 else None


def _later_day(outlet: Outlet, than: Outlet) -> bool:
    mine, theirs = _published(outlet), _published(than)
    return mine is not None and theirs is not None and mine[0] > theirs[0]


def _exact_time(outlet: Outlet) -> datetime.datetime | None:
    key = _published(outlet)
    if key is None or key[1]:
        return None
    return datetime.datetime.combine(key[0], key[2])


def delay_text(copy: Outlet, source: Outlet) -> str | None:
    """How long after its source a copy came out, in words ("2 h later", "35 min earlier")."""
    a, b = _exact_time(copy), _exact_time(source)
    if a is None or b is None:
        return None
    minutes = round((a - b).total_seconds() / 60)
    if minutes == 0:
        return "same time"
    word = "later" if minutes > 0 else "earlier"
    minutes = abs(minutes)
    if minutes < 60:
        return f"{minutes} min {word}"
    if minutes < 48 * 60:
        return f"{round(minutes / 60)} h {word}"
    return f"{round(minutes / 1440)} days {word}"


def _unmatched(alignment: Alignment, outlet: Outlet, other: Outlet) -> int:
    """How many of `outlet`'s sentences have no near-verbatim counterpart in `other`. Where a
    group holds several sentences of one side (a split), the runs are compared whole."""
    spans = alignment.counterpart_spans(outlet.id, other.id)
    own = alignment.counterpart_spans(outlet.id, outlet.id)
    # (rapidfuzz on first use: the reports of a story read from its cache entry, which keeps the
    # arrangement, import this module for story_heading and never compare a sentence)
    from retold.model.worddiff import word_similarity

    compared: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = {}
    count = 0
    for sentence, span, mine in zip(outlet.sentences, spans, own):
        if not span or sentence.status != Status.SHARED:  # altered or unique: near-verbatim with no one
            count += 1
            continue
        key = (mine or (sentence.index,), span)
        if key not in compared:
            ours = _joined(outlet, key[0])
            theirs = _joined(other, span)
            compared[key] = word_similarity(ours, theirs) >= SHARED_SIMILARITY
        count += not compared[key]
    return count


def _joined(outlet: Outlet, indices: tuple[int, ...]) -> str:
    """The text of a run of sentences (one sentence, nearly always: its own text, no join)."""
    if len(indices) == 1:
        return outlet.sentences[indices[0]].text
    return " ".join(outlet.sentences[i].text for i in indices)


def _missing(alignment: Alignment, outlet: Outlet, other: Outlet) -> int:
    """How many of `other`'s sentences `outlet` lacks altogether."""
    return sum(1 for span in alignment.counterpart_spans(other.id, outlet.id) if not span)


def arrange(alignment: Alignment) -> Arrangement:
    """The order of the panes and the verbatim copies to fold (see `Arrangement`)."""
    outlets = sorted(alignment.outlets, key=lambda o: o.id)
    if not outlets:
        return Arrangement((), None)
    dated = [o for o in outlets if _published(o) is not None]
    # The outlet known to come first is the earliest dated; an outlet without a date may have come
    # before it (a wire whose page gave no date had sorted after its copies). Among the two kinds,
    # the one the others carry most: the text's own evidence of the source.
    contenders = [min(dated, key=lambda o: (_published(o), o.id))] if dated else []
    contenders += [o for o in outlets if o not in dated]
    overlap = alignment.overlap() if len(contenders) > 1 else None
    reference = contenders[0] if overlap is None else min(
        contenders, key=lambda o: (-sum(overlap[x.id][o.id] for x in outlets if x is not o), o not in dated, o.id))
    # ... and an outlet whose credit lines name another of the story as its source (its dateline's
    # "TARNHOLM (Nordwire) -") is not that source's reference, unless the source is dated to a later day.
    credited = _credited_source(reference, outlets)
    if credited is not None and not _later_day(credited, reference):
        reference = credited

    def difference(outlet: Outlet) -> float:
        total = len(outlet.sentences) + len(reference.sentences)
        if not total:
            return 0.0
        return (_unmatched(alignment, outlet, reference) + _missing(alignment, outlet, reference)) / total

    # Verbatim copies: each outlet, earliest first, folds under the first kept outlet it copies.
    kept: list[Outlet] = [reference]
    copies: list[Copy] = []
    by_time = sorted((o for o in outlets if o is not reference), key=lambda o: (_published(o) is None, _published(o) or (), o.id))
    for outlet in by_time:
        source = next((k for k in kept if _verbatim(alignment, outlet, k)), None)
        if source is None:
            kept.append(outlet)
        else:
            copies.append(Copy(outlet.id, source.id, delay_text(outlet, source)))
    others = sorted(kept[1:], key=lambda o: (-difference(o), o.id))
    folded = sorted(copies, key=lambda c: c.outlet)
    order = (reference.id, *(o.id for o in others), *(c.outlet for c in folded))
    return Arrangement(order, reference.id, tuple(folded))


def _verbatim(alignment: Alignment, outlet: Outlet, source: Outlet) -> bool:
    """Whether every sentence of each has a near-verbatim counterpart in the other."""
    if not outlet.sentences or not source.sentences:
        return False
    if any(s.status != Status.SHARED for s in outlet.sentences):
        return False
    return (
        _missing(alignment, outlet, source) == 0
        and _missing(alignment, source, outlet) == 0
        and _unmatched(alignment, outlet, source) == 0
        and _unmatched(alignment, source, outlet) == 0
    )


def story_heading(alignment: Alignment) -> str | None:
    """The story's title for a report: story.toml's, else the reference outlet's headline (the
    earliest published, as the reader's first pane), else the first headline found. The first
    outlet by name told a reader the story under a late feature's headline."""
    if alignment.story_title:
        return alignment.story_title
    reference = arrangement_of(alignment).reference
    titled = [o for o in alignment.outlets if o.title and o.sentences]  # (a blocked page's "Access denied" tells no story)
    return next((o.title for o in titled if o.id == reference), titled[0].title if titled else None)
