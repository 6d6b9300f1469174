"""Who took what, and the quotes, on the shared HTML page and as a CSV table (`--table quotes`).

Article text, outlet names and credits are untrusted: every string goes through `share_escape` (control
characters made visible, then HTML-escaped; in CSV formula starts defused), as on the rest of the page.
"""

from __future__ import annotations

import csv
import io

from retold.model.share_escape import csv_text as _csv_text, html_marked as _marked, html_text as _e
from retold.model.sources import sources_of
from retold.model.story import Alignment

CSS = """
.sources li { margin: .2em 0; }
.sources .likely { font-weight: bold; }
.sources .evidence { color: #444; font-size: .9em; }
.quotes td.flags { color: #7a4700; font-style: italic; white-space: nowrap; }
.quotes .nomarks { color: #555; }
"""


def sources_html(alignment: Alignment) -> list[str]:
    sources = sources_of(alignment)
    result = sources.provenance
    names = result.names()
    out: list[str] = [f"<style>{CSS}</style>", "<h2>Who took what</h2>"]
    if result.edges:
        out.append('<ul class="sources">')
        for edge in result.edges:
            evidence = "".join(f"<li>{_e(ev.detail)}</li>" for ev in edge.evidence)
            out.append(
                f'<li><span class="{edge.confidence}">{_e(names[edge.target])} — {edge.confidence} from '
                f'{_e(names[edge.source])}</span><ul class="evidence">{evidence}</ul></li>'
            )
        out.append("</ul>")
    else:
        out.append('<p class="meta">No outlet is shown to have taken its text from another.</p>')
    notes = [p.verdict for p in result.pairs if not any({e.source, e.target} == {p.a, p.b} for e in result.edges)]
    if notes:
        out.append('<p class="meta">Shared text that proves no direction:</p><ul class="sources">')
        out += [f"<li>{_e(note)}</li>" for note in notes]
        out.append("</ul>")
    credited = [(o, sources.credits(o.id)) for o in alignment.outlets if sources.credits(o.id)]
    if credited:
        out.append('<table class="credits"><thead><tr><th>outlet</th><th>credits</th></tr></thead><tbody>')
        for outlet, credits in credited:
            cells = "<br>".join(f"{_e(c.describe())}: <q>{_e(c.text)}</q>" for c in credits)
            out.append(f"<tr><th>{_e(outlet.name)}</th><td>{cells}</td></tr>")
        out.append("</tbody></table>")

    out.append("<h2>Quotes</h2>")
    groups = [g for g in sources.quotes if len(g.outlets()) > 1 or g.changed]
    if not groups:
        out.append('<p class="meta">No quote is carried by more than one outlet.</p>')
        return out
    out.append('<p class="meta">Each quote as every outlet prints it; words that differ from the most common '
               'wording are marked.</p>')
    out.append('<table class="quotes"><thead><tr><th>speaker</th><th>outlet</th><th>as printed</th><th>flags</th></tr></thead><tbody>')
    for group in groups:
        for n, member in enumerate(group.members):
            speaker = f'<th rowspan="{len(group.members)}">{_e(group.speaker or "—")}</th>' if n == 0 else ""
            quote = member.quote
            text = _marked(quote.text, list(member.changed))
            shown = f'<span class="nomarks">{text} (no quotation marks)</span>' if not quote.quoted else f"“{text}”"
            out.append(
                f"<tr>{speaker}<td>{_e(alignment.outlet(quote.outlet).name)}</td><td>{shown}</td>"
                f'<td class="flags">{_e(", ".join(member.flags))}</td></tr>'
            )
    out.append("</tbody></table>")
    return out


QUOTE_COLUMNS = ["quote", "speaker", "group_flags", "outlet", "outlet_name", "sentences", "text", "quoted", "member_speaker", "flags", "changed_words", "reference"]


def to_quotes_csv(alignment: Alignment) -> str:
    """One row per quote as an outlet prints it: the group it belongs to, the words, the flags."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(QUOTE_COLUMNS)
    for group in sources_of(alignment).quotes:
        for member in group.members:
            quote = member.quote
            changed = " | ".join(quote.text[a:b] for a, b in member.changed)
            writer.writerow([
                str(group.id), _csv_text(group.speaker or ""), "; ".join(group.flags), _csv_text(quote.outlet),
                _csv_text(alignment.outlet(quote.outlet).name), " ".join(str(i) for i in quote.sentences),
                _csv_text(quote.text), "yes" if quote.quoted else "no", _csv_text(quote.speaker or ""),
                "; ".join(member.flags), _csv_text(changed), _csv_text(group.reference),
            ])
    return buffer.getvalue()
