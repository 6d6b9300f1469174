"""The app's custom messages, in one place, as dataclasses.

Panes do not move themselves: they report what the user asked for (a key that belongs to a
pane, a click, a scroll they did not cause) and the reader screen turns it into a new
navigation state (`retold.tui.state.ReaderState`), which it applies to every pane at once.
The loading worker reports its stages and its result the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from retold.model.story import Alignment


@dataclass
class Navigate(Message):
    """A pane key asked for a cursor move: `action` is a ReaderState method name
    (move_cursor, cursor_edge, page, change) and `argument` its first argument."""

    number: int
    action: str
    argument: int | bool


@dataclass
class PaneClicked(Message):
    """A click on screen row `row` of pane `number` (blank rows included)."""

    number: int
    row: int


@dataclass
class PaneScrolled(Message):
    """Pane `number` was scrolled to `top` by the user (wheel, scrollbar), not by the screen."""

    number: int
    top: int


@dataclass
class LoadProgress(Message):
    """Posted from the loading thread as each stage begins."""

    stage: str
    done: int
    total: int


@dataclass
class LoadFinished(Message):
    """The loading thread's result: the alignment, or the error that stopped it; with the
    alignment, the order of its panes (retold.tui.state.arrange, computed there too: it costs
    ~0.15 s on 20 x 400, which the screen would otherwise pay on its own thread)."""

    alignment: Alignment | None
    error: Exception | None
    arrangement: object | None = None  # retold.tui.state.Arrangement


@dataclass
class SourcesReady(Message):
    """Posted from the loading thread when the story's whole Sources (retold.model.sources: the
    provenance came after the first screen) are in; the app puts them on its alignments."""

    sources: object  # retold.model.sources.Sources
