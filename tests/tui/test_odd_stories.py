"""The reader never crashes because of what an article contains."""

from .helpers import drive, make_app

ALL_KEYS = ["j", "k", "G", "g", "n", "p", "right_square_bracket", "left_square_bracket", "tab", "shift+tab",
            "d", "r", "s", "s", "greater_than_sign", "less_than_sign", "pagedown", "pageup", "end", "home"]


def test_odd_articles(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "only_furniture.txt").write_text("Home\nMenu\nADVERTISEMENT\n© 2026 Nobody\n")
    (folder / "long_word.txt").write_text("A headline about a very long word here\n\n" + "x" * 500 + " ends here.\n")
    (folder / "cjk.txt").write_text("东京的新闻标题在这里写着\n\n东京市议会周一批准了新的预算。市长表示满意。\n", encoding="utf-8")
    (folder / "one_line.md").write_text("# Short\n\nOne sentence only here.\n")

    async def script(pilot, screen):
        for key in ALL_KEYS:
            await pilot.press(key)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        for key in ALL_KEYS:
            await pilot.press(key)
        return pilot.app.is_running, len(screen.alignment.outlets)

    running, outlets = drive(make_app([folder]), script, size=(100, 30))
    assert running and outlets == 4


def test_single_outlet(sample_dir):
    async def script(pilot, screen):
        for key in ALL_KEYS:
            await pilot.press(key)
        return pilot.app.is_running, screen.visible_count

    assert drive(make_app([sample_dir / "meridian.txt"]), script) == (True, 1)
