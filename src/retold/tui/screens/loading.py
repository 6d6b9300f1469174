"""While a story loads: which stage it is at, how far, and ctrl+c to give up.

The work runs in a thread worker (RetoldApp._load); this screen only shows what it reports.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from retold.model.safe import printable

STAGES = {
    "loading": "Loading the files",
    "cleaning": "Cleaning away site furniture",
    "splitting": "Splitting into sentences",
    "aligning": "Aligning the sentences of every outlet",
    "embedding": "Comparing meanings with the sentence model",
    "summarizing": "Summing up the story",
}
ORDER = list(STAGES)


class LoadingScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+c,escape,q", "app.cancel_loading", "Cancel", id="loading_cancel", priority=True)]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.stage: str | None = None
        self._last: tuple[str, int, int] | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(printable(f"retold: {self.what}")))
            yield Static(Text("Starting…"), id="loading-stage")
            yield ProgressBar(total=len(ORDER), show_eta=False, id="loading-progress")
            yield Static(Text("ctrl+c cancels"), classes="hint")

    def on_mount(self) -> None:
        if self._last is not None:
            self.show_stage(*self._last)

    def show_stage(self, stage: str, done: int, total: int) -> None:
        """Stage `stage` has begun (`done` of `total` items of it finished)."""
        self.stage = stage
        self._last = (stage, done, total)
        if not self.is_mounted:
            return  # shown on mount
        label = STAGES.get(stage, stage)
        if total > 1:
            label += f" ({min(done + 1, total)}/{total})"
        self.query_one("#loading-stage", Static).update(Text(label))
        position = ORDER.index(stage) if stage in ORDER else 0
        fraction = done / total if total else 0.0
        self.query_one(ProgressBar).update(progress=position + fraction)
