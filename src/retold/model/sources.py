"""Credits, provenance and quotes as plain data (JSON, HTML, CSV and the overview read this).

One call computes all three from a finished alignment; each is a pure function of it, so the
result is cached on the alignment's own cache (never compared, never shown).
"""

from __future__ import annotations

from dataclasses import dataclass

from retold.model.credits import Credit
from retold.model.provenance import Provenance, provenance
from retold.model.published import outlet_published
from retold.model.quotes import QuoteGroup, quote_groups
from retold.model.story import Alignment


@dataclass(frozen=True)
class Sources:
    provenance: Provenance
    quotes: tuple[QuoteGroup, ...]

    def credits(self, outlet_id: str) -> tuple[Credit, ...]:
        return self.provenance.credits.get(outlet_id, ())


def sources_of(alignment: Alignment) -> Sources:
    cached = alignment._cache.get("sources")
    if cached is None:
        cached = alignment._cache["sources"] = Sources(provenance(alignment), quotes_of(alignment))
    return cached


def quotes_of(alignment: Alignment) -> tuple[QuoteGroup, ...]:
    """The story's quote groups alone (the reader's first screen marks them in the gutter), without
    the provenance `sources_of` computes with them: from the Sources when they are there, else kept
    on their own until they are (the aligning child hands the quotes over first, the provenance after)."""
    cached = alignment._cache.get("sources")
    if cached is not None:
        return cached.quotes
    quotes = alignment._cache.get("quotes")
    if quotes is None:
        quotes = alignment._cache["quotes"] = quote_groups(alignment)
    return quotes


def has_sources(alignment: Alignment) -> bool:
    """The whole Sources (provenance too) are on the alignment: `sources_of` computes nothing."""
    return "sources" in alignment._cache


def credit_dict(credit: Credit) -> dict:
    return {
        "kind": credit.kind, "source": credit.source, "text": credit.text, "own": credit.own,
        "where": credit.where, "start": credit.start, "end": credit.end, "language": credit.language,
    }


def provenance_dict(result: Provenance) -> dict:
    return {
        "nodes": [
            {"id": n.id, "name": n.name, "outlet": n.outlet, "published": n.published} for n in result.nodes
        ],
        "edges": [
            {
                "from": e.source, "to": e.target, "confidence": e.confidence,
                "evidence": [{"kind": ev.kind, "weight": ev.weight, "detail": ev.detail} for ev in e.evidence],
            }
            for e in result.edges
        ],
        "pairs": [
            {"a": p.a, "b": p.b, "shared": round(p.shared, 4), "order": p.order, "verdict": p.verdict}
            for p in result.pairs
        ],
    }


def quotes_list(groups: tuple[QuoteGroup, ...]) -> list[dict]:
    return [
        {
            "id": g.id,
            "speaker": g.speaker,
            "reference": g.reference,
            "flags": list(g.flags),
            "members": [
                {
                    "outlet": m.quote.outlet,
                    "sentences": list(m.quote.sentences),
                    "text": m.quote.text,
                    "start": m.quote.start,
                    "end": m.quote.end,
                    "marks": m.quote.marks,
                    "speaker": m.quote.speaker,
                    "flags": list(m.flags),
                    "changed": [list(span) for span in m.changed],
                }
                for m in g.members
            ],
        }
        for g in groups
    ]


# ---------------------------------------------------------------- rows for the overview's two views


@dataclass(frozen=True)
class SourceRow:
    """One line of the Sources view: a node, an edge under it, or a note on a pair."""

    kind: str  # "node" | "edge" | "note" | "heading"
    label: str  # what the line says
    confidence: str | None  # for an edge: likely | possible
    when: str  # the node's or the edge target's publication time as read ("" if unknown)
    details: tuple[str, ...]  # the evidence (edge), the credits (node), the verdict (note)
    outlet: str | None  # outlet id the line is about (the edge's target), if any


def source_rows(alignment: Alignment) -> list[SourceRow]:
    """The provenance graph drawn in text: every source with the outlets that took from it
    beneath it, then the outlets no claim connects, then the shared text that proves no direction."""
    sources = sources_of(alignment)
    result = sources.provenance
    nodes = {n.id: n for n in result.nodes}
    rows: list[SourceRow] = []

    def node_details(node_id: str) -> tuple[str, ...]:
        credits = sources.credits(node_id)
        if not nodes[node_id].outlet:
            takers = [nodes[e.target].name for e in result.edges if e.source == node_id]
            return (f"not among the outlets; named by {', '.join(takers)}",)
        return tuple(f"{c.describe()}: “{c.text}”" for c in credits) or ("no credit line found",)

    outlet_order = {o.id: n for n, o in enumerate(alignment.outlets)}
    # The outlets that took from one source are listed in the order they published (the earliest
    # moment each could have; an unknown time last), then in story order.
    when = {}
    for outlet in alignment.outlets:
        published = outlet_published(outlet)
        when[outlet.id] = (0, published.earliest) if published else (1, None)
    roots = [n for n in result.nodes if any(e.source == n.id for e in result.edges)]
    roots.sort(key=lambda n: (n.outlet, outlet_order.get(n.id, 0), n.name))
    shown: set[str] = set()
    for node in roots:
        rows.append(SourceRow("node", node.name, None, node.published or ("not among the outlets" if not node.outlet else "time unknown"),
                              node_details(node.id), node.id if node.outlet else None))
        shown.add(node.id)
        for edge in sorted((e for e in result.edges if e.source == node.id), key=lambda e: (e.confidence != "likely", *when[e.target], outlet_order[e.target])):
            target = nodes[edge.target]
            rows.append(SourceRow("edge", f"{target.name} — {edge.confidence} from {node.name}", edge.confidence,
                                  target.published or "time unknown", tuple(ev.detail for ev in edge.evidence), edge.target))
            shown.add(edge.target)
    rest = [n for n in result.nodes if n.outlet and n.id not in shown]
    if rest:
        rows.append(SourceRow("heading", "No claim about where these took their text", None, "", (), None))
        for node in rest:
            rows.append(SourceRow("node", node.name, None, node.published or "time unknown", node_details(node.id), node.id))
    notes = [p for p in result.pairs if not any({e.source, e.target} == {p.a, p.b} for e in result.edges)]
    if notes:
        rows.append(SourceRow("heading", "Shared text that proves no direction", None, "", (), None))
        for note in notes:
            rows.append(SourceRow("note", note.verdict, None, "", (note.verdict,), None))
    return rows


def quote_jump(group: QuoteGroup) -> tuple[str, int]:
    """Where Enter on a quote group goes: the first member that changed it, else the first."""
    member = next((m for m in group.members if any(f != "translated" for f in m.flags)), group.members[0])
    return member.quote.outlet, member.quote.sentences[0]


_OWN_FLAG = {
    "wording changed": "quote reworded here",
    "shortened": "quote shortened here",
    "speaker differs": "other speaker here",
    "quote marks dropped": "quote marks dropped here",
}


def quote_marks_for(alignment: Alignment) -> dict[tuple[str, int], str]:
    """(outlet id, sentence) -> one line saying how the sentence's quote differs elsewhere: what the
    reader's gutter mark and status line show. Only quotes another outlet prints differently."""
    from retold.model.quotes import CHANGE_FLAGS

    cached = alignment._cache.get("quote_marks")
    if cached is not None:
        return cached
    marks: dict[tuple[str, int], str] = {}
    alignment._cache["quote_marks"] = marks
    for group in quotes_of(alignment):
        if len(group.outlets()) < 2 or not group.changed:
            continue
        names = {o.id: o.name for o in alignment.outlets}
        for member in group.members:
            others = [m for m in group.members if m.quote.outlet != member.quote.outlet and set(m.flags) & set(CHANGE_FLAGS)]
            own = [f for f in member.flags if f in CHANGE_FLAGS]
            if own:
                line = "; ".join(_OWN_FLAG[f] for f in own)
            elif others:
                named = [names[m.quote.outlet] for m in others]
                line = "quote differs in " + ", ".join(named[:2]) + (f" +{len(named) - 2}" if len(named) > 2 else "")
            else:
                continue
            for index in member.quote.sentences:
                marks.setdefault((member.quote.outlet, index), line)
    return marks
