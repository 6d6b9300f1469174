"""Article text is untrusted: markup renders literally, escape sequences never reach the terminal."""

from .helpers import drive, make_app

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
        pane = screen.pane(0)
        lines = [pane.render_line(y).text for y in range(8)]
        header = str(screen.query(".column").first().children[0].render())
        await pilot.press("j", "j", "j")  # moving over the sentences must not trigger [@click=app.quit]
        return lines, header, pilot.app.is_running

    lines, header, running = drive(make_app([story]), script)
    text = "\n".join(lines)
    assert "[bold red]nothing[/]" in text and "[@click=app.quit]budget[/]" in text
    assert "[bold red]markup[/]" in header
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "␛[31mred␛[0m" in text and "␇" in text
    assert running


def test_text_report_is_escaped_too(tmp_path, capsys):
    from retold.cli import main

    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    assert main(["align", str(tmp_path), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[31mred" not in out and "\x07" not in out and "␛[31mred" in out
