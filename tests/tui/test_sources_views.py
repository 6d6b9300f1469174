"""`o` 4 Sources and 5 Quotes, and the reader's quote mark (issue 20 item 4)."""

from pathlib import Path

from retold.model.normalize import tokens
from retold.model.safe import printable
from retold.model.sources import sources_of
from retold.tui.widgets.outlet_pane import QUOTE_MARK
from retold.tui.widgets.sources_views import LineList

from .helpers import drive, make_app

SELKE = Path(__file__).resolve().parents[2] / "sample_corpus" / "selke-landslide"


def _plain(view: LineList) -> list[str]:
    return [row.plain for row in view.rows]


def test_sources_view_draws_the_graph_and_the_evidence_under_the_cursor():
    async def script(pilot, reader):
        await pilot.press("o", "4")
        view = pilot.app.screen.query_one("#sources-list", LineList)
        rows = _plain(view)
        await pilot.press(*["j"] * next(n for n, r in enumerate(rows) if "Valley Gazette" in r and "likely" in r))
        await pilot.pause()
        detail = str(pilot.app.screen.query_one("#sources-detail").render())
        return rows, pilot.app.focused is view, detail

    rows, focused, detail = drive(make_app([SELKE]), script, size=(100, 30))
    assert focused
    assert rows[0].startswith("■ BPA") and "not among the outlets" in rows[0]
    edge = next(r for r in rows if "Valley Gazette" in r)
    assert "likely" in edge and "12:45 UTC" in edge
    assert rows.index(edge) == next(n for n, r in enumerate(rows) if r.startswith("■ Tallis Post")) + 1
    assert "keeps Tallis Post's own dateline" in detail


def test_enter_on_a_changed_quote_opens_the_reader_there_and_the_gutter_marks_it():
    async def script(pilot, reader):
        await pilot.press("o", "5")
        view = pilot.app.screen.query_one("#quotes-list", LineList)
        row = next(n for n, r in enumerate(_plain(view)) if "wording changed" in r)
        await pilot.press(*["j"] * row, "enter")
        await pilot.pause()
        pane = reader.focused_pane
        sentence = pane.outlet.sentences[pane.cursor]
        gutter = [pane.render_line(y).text[:3] for y in range(pane.scrollable_content_region.height)]
        return pilot.app.screen is reader, pane.outlet.id, sentence.text, gutter, str(reader._status.text)

    back, outlet, text, gutter, status = drive(make_app([SELKE]), script, size=(100, 30))
    assert back and outlet == "kestrel-online" and "a major setback" in text
    assert any(g[1] == QUOTE_MARK for g in gutter)
    assert "quote reworded here" in status


def test_only_sentences_whose_quote_changed_elsewhere_are_marked():
    async def script(pilot, reader):
        return {pane.outlet.id: set(pane.quote_marks) for pane in reader.panes}

    marks = drive(make_app([SELKE]), script)
    groups = sources_of(make_app([SELKE]).alignment).quotes
    expected: dict[str, set[int]] = {}
    for group in groups:
        if group.changed and len(group.outlets()) > 1:
            for member in group.members:
                expected.setdefault(member.quote.outlet, set()).update(member.quote.sentences)
    assert {k: v for k, v in marks.items() if v} == expected
    # The Tallis Post headline quote (one outlet only) and the German quote nobody grouped are not marked.
    assert all(" ".join(tokens("like thunder that did not stop")) not in " ".join(tokens(g.reference)) or not g.changed for g in groups)


def test_outlet_names_and_quotes_reach_the_views_only_as_visible_symbols(tmp_path):
    body = ('KELMOUTH, May 2 (Echo\x1b]0;x\x07) – The harbour authority closed the northern pier on Friday after divers found cracks.\n\n'
            '"We will rebuild the pier\x1b[2J within a year," said Ada Brook.\n\n'
            'Engineers will inspect the remaining 42 pillars over the next fortnight.\n')
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.replace("within a year", "within two years"), encoding="utf-8")
    (tmp_path / "story.toml").write_text(
        '[[outlet]]\nfile = "a.txt"\nname = "Echo\\u001b]0;x\\u0007"\npublished = "2026-05-02T08:00:00Z"\n'
        '[[outlet]]\nfile = "b.txt"\nname = "Times\\u001b[31m"\npublished = "2026-05-02T10:00:00Z"\n', encoding="utf-8")

    async def script(pilot, reader):
        await pilot.press("o", "4")
        sources = _plain(pilot.app.screen.query_one("#sources-list", LineList))
        await pilot.press("5")
        quotes = _plain(pilot.app.screen.query_one("#quotes-list", LineList))
        detail = str(pilot.app.screen.query_one("#quotes-detail").render())
        return sources, quotes, detail

    sources, quotes, detail = drive(make_app([tmp_path]), script, size=(100, 30))
    shown = "\n".join(sources + quotes) + detail
    assert "\x1b" not in shown and "\x07" not in shown
    assert "␛" in shown


def test_the_quotes_detail_lists_outlets_in_the_numbers_order_of_the_row():
    """The reader orders the panes (and the overview numbers outlets) by their differences, not by
    story.toml: the wordings under a quote follow those numbers, as its row's outlet column does."""
    async def script(pilot, reader):
        await pilot.press("o", "5")
        view = pilot.app.screen.query_one("#quotes-list", LineList)
        row = next(n for n, r in enumerate(_plain(view)) if "wording changed" in r)
        await pilot.press(*["j"] * row)
        await pilot.pause()
        detail = str(pilot.app.screen.query_one("#quotes-detail").render())
        return _plain(view)[row], detail

    app = make_app([SELKE])
    sources_of(app.alignment)  # as the loading thread does: computed in story.toml's order, then reordered
    row, detail = drive(app, script, size=(100, 30))
    numbers = [int(line.split()[0]) for line in detail.splitlines() if line.strip()]
    carrying = [int(cell) for cell in row[22:].split("  ")[0].split() if cell.isdigit()]
    assert numbers == sorted(numbers) == carrying and len(numbers) >= 3


BRENHOLT = SELKE.parent / "brenholt-port"


def _quote_details(story, size):
    """Every quote group's detail panel as drawn at `size`: (the group, its lines, the panel's width)."""
    async def script(pilot, reader):
        await pilot.press("o", "5")
        await pilot.pause()
        view = pilot.app.screen.query_one("#quotes-list", LineList)
        detail = pilot.app.screen.query_one("#quotes-detail")
        shown = []
        for row in range(len(view.rows)):
            if row:
                await pilot.press("j")
            await pilot.pause()
            shown.append((row, str(detail.render()).splitlines(), detail.content_size.width))
        return shown

    app = make_app([story])
    return sources_of(app.alignment).quotes, drive(app, script, size=size)


def test_the_quotes_detail_wraps_every_wording_whole_at_any_width():
    """Review: the quotes view cut its text at 100 columns. Each outlet's wording of the quote
    under the cursor wraps to the panel's width (under its own start): at 80, 100 and 160 columns
    every word of every wording is shown, and no line is wider than the panel."""
    for story in (SELKE, BRENHOLT):
        for size in ((80, 24), (100, 30), (160, 45)):
            groups, shown = _quote_details(story, size)
            assert len(shown) == len(groups) > 0
            for (row, lines, width), group in zip(shown, groups):
                assert width >= 60 and all(len(line) <= width for line in lines), (story.name, size, lines)
                flat = " ".join(" ".join(lines).split())
                for member in group.members:
                    words = " ".join(printable(member.quote.text).split())
                    assert words in flat, (story.name, size, row, words, lines)
