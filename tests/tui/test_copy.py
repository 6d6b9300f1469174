"""`y`: copy the cursor sentence with its outlet's name and url, sanitised."""

from .helpers import drive, make_app


class TestCopy:
    def test_copies_sentence_outlet_and_url(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("tab", "j", "j", "y")
            pane = reader.focused_pane
            return pilot.app.clipboard, pane.outlet, pane.cursor

        clipboard, outlet, cursor = drive(make_app([sample_dir]), script)
        source = outlet.name + (f", {outlet.meta.url}" if outlet.meta.url else "")
        assert clipboard == f"{outlet.sentences[cursor].text}\n— {source}"

    def test_escape_sequences_never_reach_the_clipboard(self, tmp_path):
        (tmp_path / "a.txt").write_text("Headline of the story here\n\nThe mayor \x1b]52;c;ZXZpbA==\x07 said \x1b[2J nothing today.\n")
        (tmp_path / "story.toml").write_text('[[outlet]]\nfile = "a.txt"\nname = "Evil\\u001b[31m"\nurl = "https://x.example/\\u0007"\n')

        async def script(pilot, reader):
            await pilot.press("y")
            return pilot.app.clipboard

        clipboard = drive(make_app([tmp_path]), script)
        assert "nothing today" in clipboard
        assert all(ord(c) >= 0x20 or c == "\n" for c in clipboard) and clipboard.count("\n") == 1
        assert "␛]52;c;ZXZpbA==␇" in clipboard
