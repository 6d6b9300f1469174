"""Notes → Markdown (story → outlet → quote → note) or W3C Web Annotations (JSON)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from retold.model.safe import json_inert, printable_lines
from retold.notes.service import PlacedNote


# Every character that can start Markdown or HTML syntax, escaped wherever it stands: a note's
# "# " line, ``` fence, <script> or [link](javascript:...) is shown as typed, never acted on.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#|~&])")
# These start a block only at the start of a line: lists, "---" rules, "===" underlines, quotes.
_LINE_START = re.compile(r"^(\s*)([-+=>])")
_ORDERED_LIST = re.compile(r"^(\s*\d+)([.)])")


def md_text(text: str) -> str:
    """Untrusted text as inert Markdown: no control or escape character (`printable`), every
    syntax character backslash-escaped, line breaks kept as hard breaks."""
    lines = []
    for line in printable_lines(text).split("\n"):
        line = _MARKDOWN_SPECIAL.sub(r"\\\1", line)
        line = _ORDERED_LIST.sub(lambda m: m.group(1) + "\\" + m.group(2), line)  # "1." would start a list
        line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line).rstrip()
        # Indentation kept as no-break spaces: four spaces would start a code block.
        stripped = line.lstrip(" ")
        lines.append("\u00a0" * (len(line) - len(stripped)) + stripped)
    return "  \n".join(lines)  # two spaces: a hard line break inside the paragraph


def _quote_block(text: str) -> str:
    return "\n".join("> " + line for line in md_text(text).split("\n")) if text else ">"


def _date(stamp: str | None) -> str:
    """'2026-03-05T14:10:00+00:00' -> '2026-03-05 14:10 UTC', '2026-11-19' stays a date (shown as
    stored otherwise)."""
    if not stamp:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp.strip()):
        return stamp.strip()  # a bare date (an outlet that gives no time): no invented 00:00
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return md_text(stamp)  # not one of ours: shown as stored, inert
    if moment.tzinfo is not None and moment.utcoffset() == timedelta(0):
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    return moment.isoformat(sep=" ", timespec="minutes")


def _note_line(p: PlacedNote) -> str:
    """When the note was written (and last changed), and whether it is a draft."""
    made = f"noted {_date(p.note.created)}"
    if p.note.updated and p.note.updated != p.note.created:
        made += f", edited {_date(p.note.updated)}"
    if p.note.draft:
        made += " · draft"
    return f"*{made}*"


def _outlet_heading(p: PlacedNote) -> str:
    """'## Name — published 2026-03-03 09:14 UTC', then where to find it: the article's URL
    (story.toml or the page's own metadata) and the file it was read from."""
    name = p.outlet.name if p.outlet else p.note.outlet_name or "?"
    heading = md_text(" ".join(name.split()))
    published = p.outlet.meta.published if p.outlet is not None else None
    lines = [f"## {heading}" + (f" — published {_date(str(published))}" if published else "")]
    where = []
    url = p.outlet.meta.url if p.outlet is not None else None
    if url:
        where.append(f"URL: {md_text(url)}")
    source = p.outlet.meta.source if p.outlet is not None else p.note.source
    if source:
        where.append(f"file: {md_text(str(source))}")
    if where:
        lines += ["", " · ".join(where)]
    return "\n".join(lines)


def _changed_block(p: PlacedNote) -> list[str]:
    """A note whose sentence was edited since: the quote as written, then the current wording."""
    return [
        _quote_block(p.written),
        "",
        "*changed since the note was written; the article now reads:*",
        "",
        _quote_block(p.quote),
    ]


def to_markdown(stories: list[tuple[str, str | None, list[PlacedNote]]]) -> str:
    """stories: (story key, story title, placed notes). All text from files and notes is
    escaped (`md_text`): the document's structure is only ours."""
    out: list[str] = []
    for key, title, placed in stories:
        out.append(f"# {md_text(' '.join((title or Path(key).name).split()))}")
        out.append("")
        out.append(md_text(key))
        out.append("")
        story_notes = [p for p in placed if p.note.on_story]
        if story_notes:
            out.append("## On the whole story")
            out.append("")
            for p in story_notes:
                out.append(_note_line(p))
                out.append("")
                out.append(md_text(p.note.body))
                out.append("")
        outlets: dict[str, list[PlacedNote]] = {}
        headings: dict[str, str] = {}
        for p in placed:
            if not p.note.on_story and p.anchor.how != "detached":
                name = p.outlet.name if p.outlet else p.note.outlet_name or "?"
                outlets.setdefault(name, []).append(p)
                headings.setdefault(name, _outlet_heading(p))
        for name, notes in outlets.items():
            out.append(headings[name])
            out.append("")
            for p in sorted(notes, key=lambda p: p.anchor.sentence or 0):
                out.extend(_changed_block(p) if p.changed else [_quote_block(p.quote)])
                out.append("")
                where = f"sentence {p.anchor.sentence + 1} · " if p.anchor.sentence is not None else ""
                out.append(f"*{where}{_note_line(p)[1:]}")
                out.append("")
                out.append(md_text(p.note.body))
                if p.anchor.how == "fuzzy" and not p.changed:
                    out.append("")
                    out.append("*(re-attached after the article changed)*")
                out.append("")
        detached = [p for p in placed if p.anchor.how == "detached"]
        if detached:
            out.append("## Detached notes (their sentence is no longer in the files)")
            out.append("")
            for p in detached:
                out.append(f"**{md_text(' '.join((p.note.outlet_name or '').split()) or '?')}**")
                out.append("")
                out.append(_quote_block(p.quote))
                out.append("")
                out.append(_note_line(p))
                out.append("")
                out.append(md_text(p.note.body))
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
                item["target"] = {"source": _file_uri(key)}
                item["retold:anchor"] = "exact"  # the story itself is always there
            else:
                if p.anchor.how in ("exact", "fuzzy") and p.outlet is not None:
                    text = p.outlet.text
                    start, end = p.anchor.start, p.anchor.end
                    quote = {"exact": text[start:end], "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]}
                else:
                    start, end = note.start, note.end
                    quote = {"exact": note.exact, "prefix": note.prefix, "suffix": note.suffix}
                # The article's URL when story.toml or the page gives one (the file stays in
                # retold:file); the selectors count in the text retold read from that file.
                meta = p.outlet.meta if p.outlet is not None else None
                file_uri = _file_uri(note.source)
                item["target"] = {
                    "source": meta.url if meta is not None and meta.url else file_uri,
                    "selector": [
                        {"type": "TextQuoteSelector", **quote},
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                }
                if meta is not None and meta.published:
                    item["target"]["state"] = {"type": "TimeState", "sourceDate": meta.published}
                item["retold:file"] = file_uri
                item["retold:anchor"] = p.anchor.how
                item["retold:outlet"] = note.outlet_name
                if p.changed:  # edited since: the words the note was written against, and now
                    item["retold:changed"] = True
                    item["retold:quoteAsWritten"] = {"exact": note.exact, "prefix": note.prefix, "suffix": note.suffix}
                    item["retold:quoteNow"] = p.quote
            annotations.append(item)
    return annotations


def to_json(stories) -> str:
    """The same JSON value with C1 controls, bidi overrides and lone surrogates as \\u escapes."""
    return json_inert(json.dumps(to_annotations(stories), ensure_ascii=False, indent=2))


def _file_uri(path: str) -> str:
    """A file:// URI for an absolute path; a path stored otherwise (a database another program
    wrote) as it is."""
    return Path(path).as_uri() if Path(path).is_absolute() else path
