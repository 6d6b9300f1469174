"""`?`: every key of the reader, built from the bindings themselves so it never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "right_square_bracket": "]", "left_square_bracket": "[", "question_mark": "?", "greater_than_sign": ">",
    "less_than_sign": "<", "full_stop": ".", "comma": ",", "shift+tab": "shift+tab",
}


def key_label(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help_close")]
    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys  # (binding keys, what they do)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in self.keys:
            table.add_row(Text(key_label(keys)), Text(description))
        table.add_row(Text("ctrl+p"), Text("command palette: every action by name"))
        intro = Text(
            "Each sentence is marked = shared (near-verbatim in another outlet), ~ altered "
            "(reworded, trimmed, translated) or + unique (nobody else has it). The panes scroll "
            "together so matching passages stay level.\n"
        )
        with VerticalScroll():
            yield Static(intro)
            yield Static(table)
            yield Static(Text("\nescape closes this help", style="italic"))

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(None)
