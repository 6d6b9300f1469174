"""Issue 18 item 4: the palette's Screenshot saves and says where, Maximize is not offered for
a pane (it would hide the status line and key bar), toasts hide no state."""

from __future__ import annotations

import asyncio
import os

from textual.widgets._toast import Toast

from .helpers import drive, make_app


def test_screenshot_is_saved_in_the_current_folder_and_the_toast_says_where(sample_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def script(pilot, reader):
        saved = pilot.app.deliver_screenshot()
        await pilot.pause()
        return saved, [str(n.message) for n in pilot.app._notifications]

    saved, notices = drive(make_app([sample_dir]), script)
    assert saved and os.path.dirname(saved) == str(tmp_path) and os.path.getsize(saved) > 1000
    assert any(saved in n for n in notices)


def test_maximize_is_not_offered_for_a_pane(sample_dir):
    async def script(pilot, reader):
        return [c.title for c in pilot.app.get_system_commands(reader)]

    titles = drive(make_app([sample_dir]), script)
    assert "Screenshot" in titles and "Maximize" not in titles


def test_toasts_cover_neither_the_status_line_nor_the_key_bar(sample_dir):
    async def main():
        app = make_app([sample_dir])
        async with app.run_test(size=(100, 30), notifications=True) as pilot:  # run_test hides toasts by default
            await pilot.pause()
            return await script(pilot, app.screen)

    async def script(pilot, reader):
        pilot.app.notify("A message that takes a few lines to say what happened. " * 3, timeout=30)
        await pilot.pause()
        await pilot.pause(0.3)
        toasts = [t.region for t in pilot.app.screen.query(Toast)]
        lines = [reader.query_one(f"#{name}").region for name in ("status", "legend", "keys")]
        return toasts, lines

    toasts, lines = asyncio.run(main())
    assert toasts
    for toast in toasts:
        for line in lines:
            assert not toast.overlaps(line), (toast, line)
