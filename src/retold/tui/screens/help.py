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
    "less_than_sign": "<", "full_stop": ".", "comma": ",", "shift+tab": "shift+tab", "slash": "/",
    "down": "↓", "up": "↑", "enter": "enter",
}


def key_label(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def show_help(screen, *, include_disabled: bool = False) -> None:
    """`?` on any screen: its bindings (the focused widget's, the screen's, the app's) with the
    keymap applied; `include_disabled`: also the keys a mode switches off for now."""
    from retold.tui.actions import screen_actions

    keys = [(",".join(a.keys), a.description, a.id or "") for a in screen_actions(screen, include_disabled=include_disabled)]
    screen.app.push_screen(HelpScreen(keys, str(getattr(screen.app, "keymap_file", "") or "")))


# What every mark of the panes means (the legend under the status line names them only).
HELP_INTRO = (
    "Each sentence is marked = shared (near-verbatim in another outlet), ~ altered "
    "(reworded, trimmed, translated) or + unique (nobody else has it). ? marks a possible "
    "pair, shared or altered: the aligner shows its counterpart, but on weak evidence (its "
    "place in the text more than its words, words that match only in part, or something "
    "against it, such as different numbers); the status line names the evidence. A ? after a sure "
    "mark (=? or ~?) says that one of its counterparts is only such a possible pair, with evidence "
    "against it: the status line counts it apart (in 1 of 2 others, 1 possible) and names "
    "the outlet and the evidence. The panes scroll together so "
    "matching passages stay level.\n"
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help_close")]
    def __init__(self, keys: list[tuple[str, str, str]], keymap_file: str | None = None) -> None:
        """`keys`: (binding keys, what they do, binding id), from the screen's bindings."""
        super().__init__()
        self.keys = keys
        self.keymap_file = keymap_file

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True)
        for keys, description, binding_id in self.keys:
            table.add_row(Text(key_label(keys)), Text(description), Text(binding_id))
        table.add_row(Text("ctrl+p"), Text("command palette: every action by name"), Text(""))
        intro = Text(HELP_INTRO)
        with VerticalScroll():
            yield Static(intro)
            yield Static(table)
            if self.keymap_file:
                yield Static(Text(
                    f"\nKeys are yours to change: in {self.keymap_file} write, for example,\n"
                    '[keys]\noverview = "O"\ncursor_down = ["j", "down", "ctrl+n"]\n'
                    "using the ids in the right-hand column."
                ))
            yield Static(Text("\nescape closes this help", style="italic"))

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(None)
