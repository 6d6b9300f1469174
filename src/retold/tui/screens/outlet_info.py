"""`i`: everything known about the focused outlet: where it came from, its headline, byline, counts."""

from __future__ import annotations

from collections import Counter

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from retold.model.safe import printable
from retold.model.story import AGAINST, GLYPHS, POSSIBLE_GLYPH, Alignment, Outlet
from retold.tui.state import reason_label


PENDING = "working it out… (i again in a moment)"


def source_info(alignment: Alignment | None, outlet: Outlet, pending: bool = False) -> list[tuple[str, str]]:
    """The outlet's credits and where it likely took its text from (the model's provenance);
    `pending`: still on its way (RetoldApp.sources_pending), said rather than worked out here."""
    if alignment is None or all(o.id != outlet.id for o in alignment.outlets):
        return []
    from retold.model.sources import has_sources, sources_of

    from retold.model.published import outlet_published, outlet_updated

    if pending and not has_sources(alignment):
        return [("credits", PENDING), ("text from", PENDING)]
    sources = sources_of(alignment)
    credits = sources.credits(outlet.id)
    published = outlet_published(outlet)
    rows = [
        # "in UTC" only over a time that is one: a review read "in UTC" over "17:45 (zone unknown)".
        ("in UTC" if published and published.exact else "as printed",
         published.describe() + (f", read from “{published.text}”" if published.exact else "") if published else "unknown"),
        ("credits", "\n".join(f"{c.describe()}: “{c.text}”" for c in credits) or "(none found)"),
    ]
    updated = outlet_updated(outlet)
    if updated is not None:  # a later figure may be the update's: say when the page says it changed
        rows.insert(1, ("updated", updated.describe() + (f", read from “{updated.text}”" if updated.exact else "")))
    names = sources.provenance.names()
    edges = sources.provenance.edges_into(outlet.id)
    taken = [f"{e.confidence} from {names[e.source]}: " + "; ".join(ev.detail for ev in e.evidence) for e in edges]
    given = [f"{names[e.target]} {e.confidence} from it" for e in sources.provenance.edges if e.source == outlet.id]
    rows.append(("text from", "\n".join(taken) or "no claim: no credit or kept dateline, or no known order"))
    if given:
        rows.append(("taken by", "\n".join(given)))
    return rows


def _possible_count(outlet: Outlet, alignment: Alignment | None) -> str:
    """How many of the shared/altered counted rest on thin evidence (the panes' "?"), on a line
    of its own: after "+ 8 unique" a "(3 of them possible)" read as if unique sentences were."""
    if alignment is None:
        return ""
    possible = len(alignment.possible(outlet.id))
    counts = outlet.counts()
    paired = sum(counts[status] for status in ("shared", "altered"))
    line = ""
    if possible:
        line = f"\n{POSSIBLE_GLYPH} {possible} possible {'pair' if possible == 1 else 'pairs'} among the {paired} shared or altered (weak evidence)"
    # The other side of such pairs: sure here, but a counterpart elsewhere is only possible with
    # evidence against it (the panes' "=?"), counted so that this outlet's reader sees the doubt.
    doubted = alignment.doubted(outlet.id)
    if doubted:
        against = sorted({e for i in doubted for m in alignment.possible_counterparts(outlet.id, i) for e in m.evidence if e in AGAINST})
        line += (f"\n{POSSIBLE_GLYPH} {len(doubted)} of the {paired} shared or altered {'has' if len(doubted) == 1 else 'have'} "
                 f"a counterpart elsewhere that is only possible, with evidence against it ({', '.join(against)})")
    return line


def info_rows(outlet: Outlet, alignment: Alignment | None = None, pending: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs of the panel, plain strings (made printable when drawn)."""
    meta = outlet.meta
    counts = outlet.counts()
    total = len(outlet.sentences)
    reasons = Counter(removed.reason for removed in outlet.removed)
    removed = f"{len(outlet.removed)} lines"
    if reasons:
        shown = reasons.most_common(4)
        rest = sum(reasons.values()) - sum(n for _reason, n in shown)
        # The four commonest reasons by name; the others counted, so the parts add up.
        removed += " (" + "; ".join(f"{n} {reason_label(reason)}" for reason, n in shown) + (f"; {rest} other" if rest else "") + ")"
    return [
        ("outlet", outlet.name),
        ("url", meta.url or "— (add url to story.toml)"),
        ("file", meta.source),
        ("published", meta.published or "—"),
        ("language", meta.language or "—"),
        ("encoding", outlet.encoding),
        ("headline", outlet.title or "(no headline found)"),
        # The author the exports give (the page's markup, or the byline cleaning set aside, read
        # once in the pipeline): one source of truth, never recomputed here.
        ("byline", meta.author or "(none found)"),
        ("sentences", f"{total}: " + ", ".join(f"{GLYPHS[s]} {counts[s]} {s}" for s in ("shared", "altered", "unique"))
         + _possible_count(outlet, alignment)),
        ("removed", removed + " — r shows them in the pane"),
    ] + source_info(alignment, outlet, pending)


class OutletInfo(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,i", "close", "Close", id="info_close")]

    def __init__(self, outlet: Outlet) -> None:
        super().__init__()
        self.outlet = outlet

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for label, value in info_rows(self.outlet, getattr(self.app, "alignment", None), getattr(self.app, "sources_pending", False)):
            table.add_row(Text(label), Text("\n".join(printable(line) for line in value.split("\n"))))
        with VerticalScroll():
            yield Static(table, id="outlet-info")
            yield Static(Text("escape closes"), classes="hint")

    def sources_ready(self) -> None:
        """The story's provenance arrived (RetoldApp.on_sources_ready): drawn again with it."""
        if self.is_mounted:
            self.refresh(recompose=True)

    def action_close(self) -> None:
        self.dismiss(None)
