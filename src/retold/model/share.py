"""Alignment → a comparison to share: one self-contained HTML page, or CSV for spreadsheets.

Both are a collation table: one row per statement (a group of corresponding sentences, or one
outlet's unique sentence), one column per outlet. A group may hold several consecutive sentences
of one outlet (a split), so a cell holds 0, 1 or more sentences.

The HTML page is one file: inline CSS, no script, no network (a Content-Security-Policy forbids
both, as a second lock behind the escaping). Every piece of article text, outlet name, URL and date
is escaped after control characters are made visible (`safe.printable`); outlet links are links
only when they are http(s).

CSV columns (UTF-8, RFC 4180, CRLF line ends):
    row                  1, 2, ... in table order
    group                the group id in the JSON export; empty for a unique sentence
    <outlet id>:text     the outlet's sentences in this row, joined by one space; empty if none
    <outlet id>:status   shared / altered / unique (statuses joined by "+" if they differ); empty if none
    <outlet id>:sentences  the sentence indices (as in the JSON export), space-separated
then, after every outlet's three columns (so reading them by position still works):
    <outlet id>:strength   strong / possible for a sentence in a group (the JSON's `strength`: possible
                           is a counterpart on thin evidence, the reader's "?"), joined by "+" if they
                           differ; empty for a unique sentence or none
A text cell that would begin with = + - @ (or a tab / carriage return) is prefixed with an
apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import PurePath

from rapidfuzz import fuzz

from retold.model.arrange import story_heading
from retold.model.published import readable_date
from retold.model.share_escape import csv_text as _csv_text, html_marked as _marked, html_text as _e
from retold.model.story import GLYPHS, POSSIBLE_GLYPH, STATUSES, STRONG, Alignment, Status
from retold.model.worddiff import word_diff


@dataclass(frozen=True)
class Row:
    group: int | None  # None: one outlet's unique sentence
    cells: dict[str, tuple[int, ...]]  # outlet id -> its sentence indices in this row, ascending


def collation_rows(alignment: Alignment) -> list[Row]:
    """Every sentence of every outlet in exactly one row; each outlet's column reads in its own
    order, except where outlets put statements in different orders (a crossing: the row then
    follows the earliest outlet in story order)."""
    units: list[Row] = []
    unit_of: dict[str, list[int]] = {}
    group_unit: dict[int, int] = {}
    for group in alignment.groups:
        cells: dict[str, list[int]] = {}
        for member in group.members:
            cells.setdefault(member.outlet, []).append(member.sentence)
        group_unit[group.id] = len(units)
        units.append(Row(group.id, {k: tuple(sorted(v)) for k, v in cells.items()}))
    for outlet in alignment.outlets:
        column = []
        for sentence in outlet.sentences:
            if sentence.group is not None and sentence.group in group_unit:
                column.append(group_unit[sentence.group])
            else:
                column.append(len(units))
                units.append(Row(None, {outlet.id: (sentence.index,)}))
        unit_of[outlet.id] = column
    order = [o.id for o in alignment.outlets]
    pointer = dict.fromkeys(order, 0)
    used = [False] * len(units)
    rows: list[Row] = []

    def advance(outlet_id: str) -> None:
        column = unit_of[outlet_id]
        while pointer[outlet_id] < len(column) and used[column[pointer[outlet_id]]]:
            pointer[outlet_id] += 1

    while True:
        heads = [unit_of[o][pointer[o]] for o in order if pointer[o] < len(unit_of[o])]
        if not heads:
            break
        ready = [u for u in heads if all(pointer[o] < len(unit_of[o]) and unit_of[o][pointer[o]] == u for o in units[u].cells)]
        unit = ready[0] if ready else heads[0]
        used[unit] = True
        rows.append(units[unit])
        for outlet_id in units[unit].cells:
            advance(outlet_id)
    return rows


def _reference(alignment: Alignment, row: Row, outlet_id: str, text: str) -> tuple[str, object] | None:
    """(outlet name, WordDiff) against the other cell of the row whose wording is closest (the
    nearest column on a tie): the changed words are then the ones this outlet really changed.
    The closest is picked by a character ratio (C, cheap); only it gets the word diff."""
    ids = [o.id for o in alignment.outlets]
    here = ids.index(outlet_id)
    best = None
    for i in sorted((i for i in range(len(ids)) if i != here and ids[i] in row.cells), key=lambda i: (abs(i - here), i < here)):
        other = alignment.outlets[i]
        other_text = " ".join(other.sentences[j].text for j in row.cells[other.id])
        score = fuzz.ratio(text, other_text)
        if best is None or score > best[0]:
            best = (score, other.name, other_text)
    if best is None:
        return None
    return best[1], word_diff(text, best[2])


# ---------------------------------------------------------------- HTML

# Okabe–Ito: orange altered, sky blue unique (as the reader); darker text tones for white paper.
CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #ffffff; margin: 1.5em; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.1em; margin: 1.4em 0 .4em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8c8; padding: .35em .5em; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; }
.legend span { margin-right: 1.2em; padding: .1em .4em; }
.outlets td.n, .overlap td { text-align: right; font-variant-numeric: tabular-nums; }
.collation { width: 100%; table-layout: fixed; }
.collation td.no { width: 2.5em; color: #777; font-size: .85em; }
.collation th.no { width: 2.5em; }
.s { display: block; }
.s + .s { margin-top: .35em; }
.g { font-family: monospace; font-weight: bold; margin-right: .35em; }
.shared { color: #1a1a1a; }
.altered { color: #7a4700; font-style: italic; }
.unique { color: #004f7f; font-weight: bold; }
td.altered-cell, .legend .altered { background: #fdefd3; box-shadow: inset 4px 0 0 #e69f00; }
.s.possible { color: #555; }  /* fainter than a sure status, still readable on the cell colours */
.possible .pl { font-size: .75em; font-style: normal; letter-spacing: .04em; margin-right: .4em; border: 1px dashed currentColor; padding: 0 .25em; }
.legend .possible { border: 1px dashed #777; }
td.unique-cell, .legend .unique { background: #e4f3fc; box-shadow: inset 4px 0 0 #56b4e9; }
mark { background: #f5c26b; color: inherit; padding: 0 .1em; }
td.empty { background: #fafafa; }
.meta { color: #555; font-size: .9em; }
"""


def _link(url: str | None) -> str:
    if not url:
        return ""
    safe = url.strip()
    if safe.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in safe):
        return f'<a href="{_e(safe)}" rel="noopener noreferrer nofollow">{_e(safe)}</a>'
    return _e(url)  # any other scheme (javascript:, data:, ...) stays text


def _cell(alignment: Alignment, row: Row, outlet_id: str) -> str:
    indices = row.cells.get(outlet_id, ())
    if not indices:
        return '<td class="empty"></td>'
    outlet = alignment.outlet(outlet_id)
    sentences = [outlet.sentences[i] for i in indices]
    spans: list[tuple[int, int]] = []
    note = ""
    if any(s.status == Status.ALTERED for s in sentences):
        reference = _reference(alignment, row, outlet_id, " ".join(s.text for s in sentences))
        if reference is not None:
            name, diff = reference
            spans = [] if diff.rewritten else diff.spans_a
            note = f' title="{"rewritten" if diff.rewritten else "changed words marked"}, compared with {_e(name)}"'
    parts, offset = [], 0
    for s in sentences:
        local = [(a - offset, b - offset) for a, b in spans if b > offset and a < offset + len(s.text)]
        text = _marked(s.text, local) if s.status == Status.ALTERED else _e(s.text)
        member = alignment.member(outlet_id, s.index)
        if member is not None and member.strength == "possible":
            # Thin evidence: the reader's "?", a visible class and a title naming the evidence
            # (our own words, escaped all the same), never a sure "="/"~".
            evidence = ", ".join(member.evidence) or "none named"  # _e makes it printable and escapes it
            parts.append(
                f'<span class="s {s.status} possible" title="possible {s.status} counterpart: sentence {s.index}; '
                f'evidence: {_e(evidence)}"><span class="g" aria-hidden="true">{POSSIBLE_GLYPH}</span>'
                f'<span class="pl">possible</span>{text}</span>'
            )
        else:
            parts.append(
                f'<span class="s {s.status}" title="{s.status}: sentence {s.index}">'
                f'<span class="g" aria-hidden="true">{GLYPHS[s.status]}</span>{text}</span>'
            )
        offset += len(s.text) + 1
    statuses = {s.status for s in sentences}
    kind = Status.UNIQUE if Status.UNIQUE in statuses else Status.ALTERED if Status.ALTERED in statuses else Status.SHARED
    lang = f' lang="{_e(outlet.meta.language)}"' if outlet.meta.language else ""  # screen readers, hyphenation
    return f'<td class="{kind}-cell"{lang}{note}>{"".join(parts)}</td>'


@dataclass(frozen=True)
class SharedNote:
    """A reading note as the share page shows it (plain data: the model knows no notes store)."""

    outlet: str | None  # None: a note on the whole story
    sentence: int | None  # index in the outlet, when the note found its sentence
    quote: str | None  # the sentence as the file has it now
    written: str | None  # the quote as it was when the note was written, if the article changed since
    detached: bool
    body: str
    created: str
    updated: str | None


def _notes_section(notes: list[SharedNote]) -> list[str]:
    out = ["<h2>Notes</h2>"]
    if not notes:
        out.append('<p class="meta">No notes on this story.</p>')
        return out
    out.append('<ol class="notes">')
    for note in notes:
        where = "On the whole story" if note.outlet is None else _e(note.outlet)
        if note.sentence is not None:
            where += f", sentence {note.sentence + 1}"
        if note.detached:
            where += " (its sentence is no longer in the file)"
        parts = [f"<li><p><strong>{where}</strong></p>"]
        if note.written is not None:
            parts.append(f"<blockquote>{_e(note.written)}</blockquote>")
            parts.append('<p class="meta">changed since the note was written; the article now reads:</p>')
        if note.quote is not None:
            parts.append(f"<blockquote>{_e(note.quote)}</blockquote>")
        body = "<br>".join(_e(line) for line in note.body.split("\n"))
        parts.append(f"<p>{body}</p>")
        times = f"noted {_e(note.created)}" + (f", edited {_e(note.updated)}" if note.updated else "")
        parts.append(f'<p class="meta">{times}</p></li>')
        out.append("".join(parts))
    out.append("</ol>")
    return out


def page_stem(alignment: Alignment) -> str:
    """A file name stem for the story's share page: its folder's name (the folder the files are
    in, for a story of loose files), else its title; word characters, dots and dashes only (no
    separator, control or bidi character reaches a file name), at most 60."""
    parts = [part for part in alignment.story_key.split("|") if part]
    base = ""
    if len(parts) == 1:
        base = PurePath(parts[0]).name
    elif parts:
        base = PurePath(parts[0]).parent.name
    stem = re.sub(r"[^\w.-]+", "-", base or alignment.story_title or "").strip("-.")[:60].strip("-.")
    return stem or "story"


def to_html(alignment: Alignment, notes: list[SharedNote] | None = None) -> str:
    """The share page; `notes` (retold align --with-notes): a Notes section after the outlets."""
    outlets = alignment.outlets
    title = story_heading(alignment) or "retold comparison"
    language = next((o.meta.language for o in outlets if o.meta.language), None) or "en"
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(language.split(",")[0])}">',
        "<head>",
        '<meta charset="utf-8">',
        # No script, no fetches: the page is only itself, whatever an article contains.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="retold">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{len(outlets)} outlets, {len(alignment.groups)} groups of corresponding sentences.</p>',
        '<p class="legend">'
        + "".join(f'<span class="{s}"><span class="g">{GLYPHS[s]}</span>{label}</span>' for s, label in (
            (Status.SHARED, "shared: near-verbatim in another outlet"),
            (Status.ALTERED, "altered: the same statement, reworded (changed words marked)"),
            (Status.UNIQUE, "unique: no other outlet has it"),
        ))
        + f'<span class="possible"><span class="g">{POSSIBLE_GLYPH}</span>possible: a counterpart on thin evidence '
        f'(confidence below {STRONG}; hover for the evidence)</span>'
        + "</p>",
        "<h2>Outlets</h2>",
        '<table class="outlets"><thead><tr><th>outlet</th><th>headline</th><th>published</th><th>by</th><th>link</th>'
        + "".join(f'<th>{GLYPHS[s]} {s}</th>' for s in STATUSES)
        + f'<th title="of the shared and altered, how many rest on thin evidence">{POSSIBLE_GLYPH} possible</th>'
        + "</tr></thead><tbody>",
    ]
    for o in outlets:
        counts = o.counts()
        out.append(
            f"<tr><th>{_e(o.name)}</th><td>{_e(o.title)}</td><td>{_e(readable_date(o.meta.published))}</td>"
            f"<td>{_e(o.meta.author)}</td><td>{_link(o.meta.url)}</td>"
            + "".join(f'<td class="n">{counts[s]}</td>' for s in STATUSES)
            + f'<td class="n possible-n">{len(alignment.possible(o.id))}</td>'
            + "</tr>"
        )
    out.append("</tbody></table>")
    if notes is not None:
        out.extend(_notes_section(notes))
    out.append("<h2>Overlap</h2>")
    out.append('<p class="meta">Share of the row outlet\'s sentences that have a counterpart in the column outlet.</p>')
    table = alignment.overlap()
    out.append('<table class="overlap"><thead><tr><th></th>' + "".join(f"<th>{_e(o.name)}</th>" for o in outlets) + "</tr></thead><tbody>")
    for a in outlets:
        cells = "".join("<td>—</td>" if b.id == a.id else f"<td>{table[a.id][b.id]:.0%}</td>" for b in outlets)
        out.append(f"<tr><th>{_e(a.name)}</th>{cells}</tr>")
    out.append("</tbody></table>")
    from retold.model.share_sources import sources_html  # it uses this module's escaping

    out += sources_html(alignment)
    out.append("<h2>Side by side</h2>")
    out.append('<table class="collation"><thead><tr><th class="no">#</th>' + "".join(f"<th>{_e(o.name)}</th>" for o in outlets) + "</tr></thead><tbody>")
    for number, row in enumerate(collation_rows(alignment), 1):
        out.append(f'<tr><td class="no">{number}</td>' + "".join(_cell(alignment, row, o.id) for o in outlets) + "</tr>")
    out.append("</tbody></table>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- CSV

def csv_header(alignment: Alignment) -> list[str]:
    header = ["row", "group"]
    for o in alignment.outlets:
        header += [f"{o.id}:text", f"{o.id}:status", f"{o.id}:sentences"]
    # After every outlet's three columns, so a sheet reading those by position still reads them.
    return header + [f"{o.id}:strength" for o in alignment.outlets]


def to_csv(alignment: Alignment) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in csv_header(alignment)])
    for number, row in enumerate(collation_rows(alignment), 1):
        record = [str(number), "" if row.group is None else str(row.group)]
        strengths = []
        for o in alignment.outlets:
            sentences = [o.sentences[i] for i in row.cells.get(o.id, ())]
            statuses = list(dict.fromkeys(str(s.status) for s in sentences))
            members = [m for m in (alignment.member(o.id, s.index) for s in sentences) if m is not None]
            record += [
                _csv_text(" ".join(s.text for s in sentences)),
                "+".join(statuses),
                " ".join(str(s.index) for s in sentences),
            ]
            strengths.append("+".join(dict.fromkeys(m.strength for m in members)))
        writer.writerow(record + strengths)
    return buffer.getvalue()
