"""How untrusted text (article text, outlet names, credits, notes) goes into the shared HTML page
and CSV: control characters made visible first (`safe.printable`), then HTML-escaped, or in CSV a
formula start defused. Apart from share.py so that share_sources.py (who took what, quotes) uses
the same rules without importing the page that imports it.
"""

from __future__ import annotations

import html

from retold.model.safe import printable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def html_text(text: str | None) -> str:
    return html.escape(printable(text or ""), quote=True)


def html_marked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` escaped, the spans (character offsets) inside <mark>."""
    out, at = [], 0
    for start, end in spans:
        start, end = max(start, at), min(end, len(text))
        if end <= start:
            continue
        out.append(html_text(text[at:start]))
        out.append(f"<mark>{html_text(text[start:end])}</mark>")
        at = end
    out.append(html_text(text[at:]))
    return "".join(out)


def csv_text(text: str) -> str:
    """A CSV cell: printable, and prefixed with an apostrophe where a spreadsheet would run it."""
    text = printable(text)
    return "'" + text if text.startswith(_FORMULA_START) else text
