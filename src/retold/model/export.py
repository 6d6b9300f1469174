"""Alignment → JSON (schema retold.alignment/3) and a text report for a person.

Schema 3 (README, "The JSON schema"): each group member's `score` is the calibrated confidence
(0–1) that it tells the group's statement, with the `evidence` it rests on and its `strength`
("strong" or "possible"). Since schema 2, a group may hold several consecutive sentences of one
outlet (a merge or split elsewhere), and every sentence's `text` is exactly
`source_text[start:end]`: the decoded file for plain text and Markdown, the extracted article
text for HTML (`offsets_into` says which).
"""

from __future__ import annotations

import json

from retold.model.arrange import story_heading
from retold.model.safe import printable
from retold.model.story import AGAINST, GLYPHS, POSSIBLE_GLYPH, STRONG, Alignment

SCHEMA = "retold.alignment/3"


def to_dict(alignment: Alignment) -> dict:
    # Imported here: the text report needs none of it (nor rapidfuzz, which the sources compare words with).
    from retold.model.sources import credit_dict, provenance_dict, quotes_list, sources_of

    sources = sources_of(alignment)
    return {
        "schema": SCHEMA,
        "story": {"title": alignment.story_title, "key": alignment.story_key},
        "outlets": [
            {
                "id": outlet.id,
                "name": outlet.name,
                "source": outlet.meta.source,
                "title": outlet.title,
                "url": outlet.meta.url,
                "published": outlet.meta.published,
                "author": outlet.meta.author,
                "name_from": outlet.meta.name_from,
                "language": outlet.meta.language,
                "encoding": outlet.encoding,
                "offsets_into": "extracted_text" if outlet.meta.source.lower().endswith((".html", ".htm")) else "file",
                "counts": outlet.counts(),
                "sentences": [
                    {
                        "index": s.index,
                        "paragraph": s.paragraph,
                        "text": outlet.text[s.start:s.end],
                        "start": s.start,
                        "end": s.end,
                        "status": s.status,
                        "group": s.group,
                    }
                    for s in outlet.sentences
                ],
                "removed": [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in outlet.removed],
                "credits": [credit_dict(c) for c in sources.credits(outlet.id)],
            }
            for outlet in alignment.outlets
        ],
        "groups": [
            {"id": g.id, "members": [
                {"outlet": m.outlet, "sentence": m.sentence, "score": m.score, "evidence": list(m.evidence), "strength": m.strength}
                for m in g.members
            ]}
            for g in alignment.groups
        ],
        "overlap": alignment.overlap(),
        "provenance": provenance_dict(sources.provenance),
        "quotes": quotes_list(sources.quotes),
    }


def to_json(alignment: Alignment) -> str:
    return json.dumps(to_dict(alignment), ensure_ascii=False)  # no indent: the C encoder is 5× faster


GLYPH = GLYPHS  # one glyph table, shared with the reader
_ANSI = {"shared": "", "altered": "\x1b[33m", "unique": "\x1b[36m", "dim": "\x1b[2m", "bold": "\x1b[1m"}
_RESET = "\x1b[0m"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(alignment: Alignment, color: bool = False) -> str:
    def paint(kind: str, text: str) -> str:
        code = _ANSI.get(kind, "")
        return f"{code}{text}{_RESET}" if color and code else text

    lines: list[str] = []
    title = story_heading(alignment)
    if title:
        lines.append(paint("bold", printable(title)))
    lines.append(f"{_count(len(alignment.outlets), 'outlet')}, {_count(len(alignment.groups), 'group')} of corresponding sentences")
    lines.append("legend: = shared (near-verbatim elsewhere)  ~ altered (reworded elsewhere)  + unique")
    lines.append(f"        {POSSIBLE_GLYPH} possible: a counterpart on thin evidence (confidence below {STRONG}; the evidence in brackets)")
    lines.append("")
    width = max(len(printable(o.name)) for o in alignment.outlets)
    for outlet in alignment.outlets:
        c = outlet.counts()
        # The possible pairs counted apart, as each sentence line marks them: "=0 ~6 +0" alone
        # read as six sure rewordings when all six rested on thin evidence.
        possible = len(alignment.possible(outlet.id))
        lines.append(
            f"{printable(outlet.name).ljust(width)}  {len(outlet.sentences):4d} sentences  "
            + " ".join(paint(status, f"{GLYPH[status]}{c[status]}") for status in ("shared", "altered", "unique"))
            + (paint("dim", f" ({POSSIBLE_GLYPH}{possible} of them possible)") if possible else "")
            + f"  {len(outlet.removed)} furniture lines removed"
        )
    lines.append("")
    lines.append("overlap: share of the row outlet's sentences with a counterpart in the column outlet")
    ids = [o.id for o in alignment.outlets]
    table = alignment.overlap()
    # Columns headed by the outlets' names, cut with an ellipsis (file ids say little).
    short = [_cut(printable(o.name), 8) for o in alignment.outlets]
    lines.append(" " * (width + 2) + " ".join(s.rjust(8) for s in short))
    for outlet in alignment.outlets:
        row = " ".join(("—" if b == outlet.id else f"{table[outlet.id][b]:.0%}").rjust(8) for b in ids)
        lines.append(f"{printable(outlet.name).ljust(width)}  {row}")
    for outlet in alignment.outlets:
        lines.append("")
        lines.append(paint("bold", f"── {printable(outlet.name)} ({printable(outlet.meta.source)})"))
        if outlet.title:
            lines.append(paint("bold", printable(outlet.title)))
        paragraph = None
        for s in outlet.sentences:
            if paragraph is not None and s.paragraph != paragraph:
                lines.append("")
            paragraph = s.paragraph
            where = ""
            if s.group is not None:
                # One entry per outlet; "×2" when that outlet tells the statement in two sentences.
                counts: dict[str, int] = {}
                for m in alignment.groups[s.group].members:
                    if m.outlet != outlet.id:
                        counts[m.outlet] = counts.get(m.outlet, 0) + 1
                member = alignment.member(outlet.id, s.index)
                # A counterpart that is only possible is said so from this side too, with what
                # speaks against it: "[g6: copycat, islandvoice]" told the wire's reader that
                # every outlet agreed when Island Voice's numbers differ.
                doubtful = {} if member is not None and member.strength == "possible" else {
                    m.outlet: [e for e in m.evidence if e in AGAINST] for m in alignment.possible_counterparts(outlet.id, s.index)
                }
                others = [
                    (f"{o} ×{n}" if n > 1 else o)
                    + ("" if o not in doubtful else f" ({POSSIBLE_GLYPH} possible" + "".join(f", {e}" for e in doubtful[o]) + ")")
                    for o, n in counts.items()
                ]
                if member is not None and member.strength == "possible":
                    # Said as the reader says it: "?", not a sure "="/"~", and what the link rests on.
                    evidence = f"; possible {s.status}, evidence: {printable(', '.join(member.evidence)) or 'none named'}"
                    where = paint("dim", f"  [g{s.group}: {', '.join(others)}{evidence}]")
                    lines.append(f"{POSSIBLE_GLYPH} {paint('dim', printable(s.text))}{where}")
                    continue
                where = paint("dim", f"  [g{s.group}: {', '.join(others)}]")
            lines.append(f"{GLYPH[s.status]} {paint(s.status, printable(s.text))}{where}")
    return "\n".join(lines) + "\n"
