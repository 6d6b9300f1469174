"""Notes → Markdown (story → outlet → quote → note) or W3C Web Annotations (JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from retold.notes.service import PlacedNote


def _quote_block(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines() or [""])


def to_markdown(stories: list[tuple[str, str | None, list[PlacedNote]]]) -> str:
    """stories: (story key, story title, placed notes)."""
    out: list[str] = []
    for key, title, placed in stories:
        out.append(f"# {title or Path(key).name}")
        out.append(f"`{key}`")
        out.append("")
        story_notes = [p for p in placed if p.note.on_story]
        if story_notes:
            out.append("## On the whole story")
            out.append("")
            for p in story_notes:
                out.append(p.note.body + (" *(draft)*" if p.note.draft else ""))
                out.append("")
        outlets: dict[str, list[PlacedNote]] = {}
        for p in placed:
            if not p.note.on_story and p.anchor.how != "detached":
                outlets.setdefault(p.outlet.name if p.outlet else p.note.outlet_name or "?", []).append(p)
        for name, notes in outlets.items():
            out.append(f"## {name}")
            out.append("")
            for p in sorted(notes, key=lambda p: p.anchor.sentence or 0):
                out.append(_quote_block(p.quote))
                out.append("")
                out.append(p.note.body + (" *(draft)*" if p.note.draft else ""))
                if p.anchor.how == "fuzzy":
                    out.append("")
                    out.append("*(re-attached after the article changed)*")
                out.append("")
        detached = [p for p in placed if p.anchor.how == "detached"]
        if detached:
            out.append("## Detached notes (their sentence is no longer in the files)")
            out.append("")
            for p in detached:
                out.append(f"{p.note.outlet_name or '?'}:")
                out.append("")
                out.append(_quote_block(p.quote))
                out.append("")
                out.append(p.note.body)
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_annotations(stories: list[tuple[str, str | None, list[PlacedNote]]]) -> list[dict]:
    annotations = []
    for key, _title, placed in stories:
        for p in placed:
            note = p.note
            item = {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": f"urn:retold:note:{note.id}",
                "type": "Annotation",
                "created": note.created,
                "modified": note.updated,
                "body": {"type": "TextualBody", "value": note.body, "format": "text/plain"},
                "retold:story": key,
                "retold:draft": note.draft,
            }
            if note.on_story:
                item["target"] = {"source": Path(key).as_uri() if Path(key).is_absolute() else key}
                item["retold:anchor"] = "exact"  # the story itself is always there
            else:
                if p.anchor.how in ("exact", "fuzzy") and p.outlet is not None:
                    text = p.outlet.text
                    start, end = p.anchor.start, p.anchor.end
                    quote = {"exact": text[start:end], "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]}
                else:
                    start, end = note.start, note.end
                    quote = {"exact": note.exact, "prefix": note.prefix, "suffix": note.suffix}
                item["target"] = {
                    "source": Path(note.source).as_uri(),
                    "selector": [
                        {"type": "TextQuoteSelector", **quote},
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                }
                item["retold:anchor"] = p.anchor.how
                item["retold:outlet"] = note.outlet_name
            annotations.append(item)
    return annotations


def to_json(stories) -> str:
    return json.dumps(to_annotations(stories), ensure_ascii=False, indent=2)
