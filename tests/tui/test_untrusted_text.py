"""Article text is untrusted: markup renders literally, escape sequences never reach the terminal
(asserted on the screen's text as the terminal receives it)."""

from .helpers import drive, make_app
from .screen_text import screen_text

HOSTILE = (
    "A headline with [bold red]markup[/] in it\n\n"
    "The mayor said [bold red]nothing[/] about the [@click=app.quit]budget[/] today.\n\n"
    "An escape \x1b[31mred\x1b[0m and a bell \x07 and a title set \x1b]0;owned\x07 hid here.\n\n"
    "Right-to-left override \u202e gnirts hidden in this sentence.\n"
)


def test_markup_and_escapes_render_harmlessly(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (story / "plain.txt").write_text("A plain headline of this story\n\nThe mayor said nothing about the budget today.\n")

    async def script(pilot, screen):
        before = screen_text(pilot.app)
        await pilot.press("j", "j", "j")  # moving over the sentences must not trigger [@click=app.quit]
        await pilot.pause()
        return before, screen_text(pilot.app), pilot.app.is_running

    before, after, running = drive(make_app([story]), script)
    assert running
    for shown in (before, after):
        flat = " ".join(shown.split())  # sentences may wrap
        # Markup is shown as the characters it is, in the headline and in the text.
        assert "A headline with [bold red]markup[/] in it" in flat
        assert "[bold red]nothing[/]" in flat and "[@click=app.quit]budget[/]" in flat
        # Escape sequences and controls are shown as visible symbols; none reaches the terminal.
        assert "␛[31mred␛[0m" in flat and "␇" in flat and "␛]0;owned␇" in flat
        assert not any(ch in shown for ch in "\x1b\x07\u202e")
        assert "gnirts hidden in this sentence." in flat


def test_text_report_is_escaped_too(tmp_path, capsys):
    from retold.cli import main

    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    assert main(["align", str(tmp_path), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[31mred" not in out and "\x07" not in out and "␛[31mred" in out
