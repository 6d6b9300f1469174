"""Issue 10's keys on odd stories: an outlet with no sentences, CJK, one outlet. Nothing crashes."""

from .helpers import drive, make_app

GLANCE_KEYS = ["f", "j", "k", "f", "j", "f", "R", "j", "tab", "R", "R", "d", "y", "i", "escape",
               "slash", *"the", "enter", "n", "p", "escape", "slash", "escape",
               "o", "j", "l", "h", "n", "p", "G", "enter", "2", "j", "3", "j", "1", "escape",
               "o", "3", "G", "enter", "N", "slash", *"x", "escape", "o", "escape"]


def test_glance_keys_on_odd_articles(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "a_only_furniture.txt").write_text("Home\nMenu\nADVERTISEMENT\n© 2026 Nobody\n")
    (folder / "cjk.txt").write_text("东京的新闻标题在这里写着\n\n东京市议会周一批准了新的预算。市长表示满意。\n", encoding="utf-8")
    (folder / "one_line.md").write_text("# Short\n\nOne sentence only here.\n")

    async def script(pilot, screen):
        for key in GLANCE_KEYS:
            await pilot.press(key)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        for key in GLANCE_KEYS:
            await pilot.press(key)
        return pilot.app.is_running

    assert drive(make_app([folder]), script, size=(100, 30))


def test_glance_keys_with_one_outlet(sample_dir):
    async def script(pilot, screen):
        for key in GLANCE_KEYS:
            await pilot.press(key)
        return pilot.app.is_running

    assert drive(make_app([sample_dir / "meridian.txt"]), script)
