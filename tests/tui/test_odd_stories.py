"""The reader never crashes because of what an article contains, and shows what the odd articles
hold: the screen's own text is read back (tests/tui/screen_text.py), not merely the app's pulse."""

from .helpers import drive, make_app
from .screen_text import screen_text

ALL_KEYS = ["j", "k", "G", "g", "n", "p", "right_square_bracket", "left_square_bracket", "tab", "shift+tab",
            "d", "r", "s", "s", "greater_than_sign", "less_than_sign", "pagedown", "pageup", "end", "home"]
CJK_SENTENCES = ["东京市议会周一批准了新的预算。", "市长表示满意。"]


def cells(line: str) -> int:
    """Terminal columns a line takes (an ideograph takes two)."""
    return sum(2 if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uff60" else 1 for ch in line)


def test_odd_articles(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "only_furniture.txt").write_text("Home\nMenu\nADVERTISEMENT\n© 2026 Nobody\n")
    (folder / "long_word.txt").write_text("A headline about a very long word here\n\n" + "x" * 500 + " ends here.\n")
    (folder / "cjk.txt").write_text("东京的新闻标题在这里写着\n\n东京市议会周一批准了新的预算。市长表示满意。\n", encoding="utf-8")
    (folder / "one_line.md").write_text("# Short\n\nOne sentence only here.\n")

    async def script(pilot, screen):
        shown = {"start": screen_text(pilot.app)}
        for key in ("greater_than_sign", "greater_than_sign"):  # to the last two outlets
            await pilot.press(key)
        await pilot.pause()
        shown["last two"] = screen_text(pilot.app)
        await pilot.press("r")  # removed furniture shown
        await pilot.pause()
        shown["furniture"] = screen_text(pilot.app)
        for key in ALL_KEYS:
            await pilot.press(key)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        for key in ALL_KEYS:
            await pilot.press(key)
        await pilot.pause()
        shown["small"] = screen_text(pilot.app)
        focused = screen.alignment.outlets[screen.state.focused]
        return shown, pilot.app.is_running, len(screen.alignment.outlets), focused.name

    shown, running, outlets, focused = drive(make_app([folder]), script, size=(100, 30))
    assert running and outlets == 4
    start = shown["start"]
    # Chinese prose is article text, split at its full stops, and shown.
    assert all(sentence in start for sentence in CJK_SENTENCES), start
    # A 500-letter word wraps inside its pane and the sentence's end is on screen.
    assert "x" * 40 in start and "ends here." in start
    assert all(cells(line) <= 100 for line in start.splitlines())
    last_two = shown["last two"]
    assert "One sentence only here." in last_two and "Short" in last_two
    # A file of furniture only: nothing shown as article, its lines there under `r`.
    assert "ADVERTISEMENT" not in last_two
    assert "ADVERTISEMENT" in shown["furniture"] and "Menu" in shown["furniture"]
    # After every key at two sizes: the small screen still shows the focused outlet, by name.
    small = shown["small"]
    assert focused in small and all(cells(line) <= 60 for line in small.splitlines())


def test_single_outlet(sample_dir):
    async def script(pilot, screen):
        for key in ALL_KEYS:
            await pilot.press(key)
        await pilot.pause()
        outlet = screen.alignment.outlets[0]
        cursor = outlet.sentences[screen.state.cursor].text
        return pilot.app.is_running, screen.visible_count, screen_text(pilot.app), outlet.name, cursor

    running, visible, shown, name, cursor = drive(make_app([sample_dir / "meridian.txt"]), script)
    assert (running, visible) == (True, 1)
    # The one pane fills the screen with its outlet: its name, and the cursor sentence's opening words.
    assert name in shown and " ".join(cursor.split()[:4]) in " ".join(shown.split())
