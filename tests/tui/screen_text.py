"""What the terminal shows, as text: every row of the screen as the user sees it (for tests that
assert what is shown, not merely that the app still runs)."""

from __future__ import annotations

import io

from rich.console import Console


def screen_text(app) -> str:
    """The current screen's rows joined by newlines, as App.export_screenshot composes the
    screen (the same compositor output the terminal receives), exported as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
