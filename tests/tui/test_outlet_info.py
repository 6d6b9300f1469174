"""`i`: the outlet details panel."""

from retold.tui.screens.outlet_info import OutletInfo

from .helpers import drive, make_app


def shown(widget) -> str:
    """What a widget shows on screen, as plain text."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


class TestOutletInfo:
    def test_shows_where_the_focused_outlet_came_from_and_its_counts(self, sample_dir):
        async def script(pilot, reader):
            reader.focus_outlet(reader.number_of("harbour-ledger"))  # an outlet with a url
            await pilot.press("i")
            panel = pilot.app.screen
            text = shown(panel.query_one("#outlet-info"))
            outlet = reader.focused_pane.outlet
            await pilot.press("escape")
            return isinstance(panel, OutletInfo), text, outlet, pilot.app.screen is reader

        is_panel, text, outlet, closed = drive(make_app([sample_dir]), script)
        assert is_panel and closed
        assert outlet.name in text and outlet.meta.url in text and outlet.meta.source in text
        assert outlet.title in text
        counts = outlet.counts()
        assert f"{len(outlet.sentences)}: = {counts['shared']} shared" in text
        assert f"{len(outlet.removed)} lines" in text

    def test_byline_found_and_missing_metadata_said_plainly(self, tmp_path):
        story = tmp_path / "s"
        story.mkdir()
        (story / "a.txt").write_text("A headline about the harbour\n\nBy Ada Quill\n\nThe harbour reopened on Monday after repairs.\n")
        (story / "b.txt").write_text("Harbour news \x1b]0;t\x07\n\nThe harbour reopened on Monday after repairs.\n")

        async def script(pilot, reader):
            texts = []
            for key in ["i", "escape", "tab", "i"]:
                await pilot.press(key)
                if isinstance(pilot.app.screen, OutletInfo):
                    texts.append(shown(pilot.app.screen.query_one("#outlet-info")))
            return texts

        first, second = drive(make_app([story]), script)
        assert "Ada Quill" in first and "(add url to story.toml)" in first
        assert "(none found)" in second and "\x1b" not in second


def test_a_time_without_a_zone_is_not_labelled_utc(tmp_path):
    """Two reviews: the `i` panel's "in UTC" row read "18/11/2026 17:45 (zone unknown)"."""
    from retold.model.pipeline import load_alignment
    from retold.tui.screens.outlet_info import source_info

    for name, line in (("local.txt", "Published 12 March 2026, 09:40"), ("zoned.txt", "Published 12 March 2026, 09:40 GMT")):
        (tmp_path / name).write_text(f"Ferry to run all night\n\n{line}\n\nThe ferry will run all night from July, the harbour said.\n")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    rows = {outlet.id: dict(source_info(alignment, outlet)) for outlet in alignment.outlets}
    assert rows["local"]["as printed"].endswith("(zone unknown)") and "in UTC" not in rows["local"]
    assert rows["zoned"]["in UTC"].startswith("12 Mar 2026 09:40 UTC") and "as printed" not in rows["zoned"]


def test_the_panel_says_when_the_page_says_it_was_updated(tmp_path):
    """A review: a broadcaster's page printed "Updated 7 December, 19:45" above a later toll, and
    retold showed it nowhere; the `i` panel now has an "updated" row, only where a page says so."""
    from retold.model.pipeline import load_alignment
    from retold.tui.screens.outlet_info import source_info

    body = "The ferry will run all night from July, the harbour said.\nThe fares stay as they are.\n"
    (tmp_path / "radio.txt").write_text(f"Ferry to run all night\nPublished 12 March 2026, 09:40 | Updated 12 March 2026, 19:45\n\n{body}")
    (tmp_path / "paper.txt").write_text(f"Ferry to run all night\nPublished 12 March 2026, 09:40\n\n{body}")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    rows = {outlet.id: dict(source_info(alignment, outlet)) for outlet in alignment.outlets}
    assert rows["radio"]["updated"] == "12 March 2026, 19:45 (zone unknown)" and "updated" not in rows["paper"]
