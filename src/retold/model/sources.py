"""Credits, provenance and quotes as plain data (JSON, HTML, CSV and the overview read this).

One call computes all three from a finished alignment; each is a pure function of it, so the
result is cached on the alignment's own cache (never compared, never shown).
"""

from __future__ import annotations

from dataclasses import dataclass

from retold.model.credits import Credit
from retold.model.provenance import Provenance, provenance
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
        cached = alignment._cache["sources"] = Sources(provenance(alignment), quote_groups(alignment))
    return cached


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
