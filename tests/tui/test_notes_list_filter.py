"""The notes list: search, narrow to one outlet, drafts set apart (issue 10)."""

from textual.widgets import OptionList

from retold.tui.screens.notes_list import NotesList

from .helpers import drive, make_app


def shown_ids(screen):
    option_list = screen.query_one(OptionList)
    return [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]


class TestNotesListFilters:
    def test_search_outlet_filter_and_drafts(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("j", "m", *"harbour fees", "ctrl+s")  # Meridian
            await pilot.press("tab", "j", "j", "m", *"unfinished idea", "escape")  # Harbour Ledger, a draft
            await pilot.press("tab", "m", *"cable worry", "ctrl+s")  # Coastline Daily
            await pilot.press("M", *"story wide", "ctrl+s")
            await pilot.press("N")
            notes = pilot.app.screen
            assert isinstance(notes, NotesList)
            everything = shown_ids(notes)
            by_body = {p.note.body: str(p.note.id) for p in notes.placed}
            await pilot.press("slash", *"CABLE")
            searched = shown_ids(notes)
            scope = notes.query_one("#notes-scope").render()
            await pilot.press("escape")  # back to the list, the list stays filtered
            still_open = pilot.app.screen is notes
            await pilot.press("slash", *["backspace"] * 5, "enter")  # back to the list
            outlets = []
            for _ in range(len(notes.outlets) + 1):
                await pilot.press("o")
                outlets.append((notes.outlet, shown_ids(notes)))
            lines = {}
            option_list = notes.query_one(OptionList)
            for i in range(option_list.option_count):
                option = option_list.get_option_at_index(i)
                lines[option.id] = option.prompt
            return everything, by_body, searched, str(scope), still_open, outlets, lines, reader

        everything, by_body, searched, scope, still_open, outlets, lines, reader = drive(make_app([sample_dir]), script)
        assert len(everything) == 4
        assert searched == [by_body["cable worry"]] and "1 of 4 notes" in scope and still_open
        names = [o.name for o in reader.alignment.outlets]
        assert [outlet for outlet, _ in outlets] == [*sorted(names[:3]), None]
        for outlet, ids in outlets:
            if outlet == names[0]:
                assert ids == [by_body["harbour fees"]]
            if outlet is None:
                assert len(ids) == 4  # all again, story note included
        draft, saved = lines[by_body["unfinished idea"]], lines[by_body["harbour fees"]]
        assert draft.plain.startswith(" DRAFT ") and not saved.plain.startswith(" DRAFT ")
        body_style = [span.style for span in draft.spans if draft.plain[span.start:span.end].strip() == "unfinished idea"]
        assert body_style and "dim" in str(body_style[0])


class TestNotesListClosing:
    """Escape always closes the list: at once from the list or an empty search box, after
    leaving a search with text first; an empty list offers only what it can do."""

    def test_empty_list_closes_on_escape_at_both_sizes(self, sample_dir):
        for size in [(100, 30), (160, 45)]:
            async def script(pilot, reader):
                await pilot.press("N")
                notes = pilot.app.screen
                hint = str(notes.query_one("#notes-hint").render())
                await pilot.press("escape")
                await pilot.pause()
                return isinstance(notes, NotesList), hint, pilot.app.screen is reader

            opened, hint, closed = drive(make_app([sample_dir]), script, size=size)
            assert opened and closed, size
            assert "re-attach" not in hint and "e edit" not in hint and "escape close" in hint

    def test_escape_from_search_leaves_then_closes(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("m", *"first", "ctrl+s", "N", "slash", *"fir", "escape")
            left_search = (pilot.app.screen, pilot.app.screen.focused)
            await pilot.press("escape")
            closed_from_list = pilot.app.screen is reader
            await pilot.press("N", "slash", "escape")  # an empty search box: closes at once
            closed_from_empty_box = pilot.app.screen is reader
            return left_search, closed_from_list, closed_from_empty_box

        (screen, focused), closed_from_list, closed_from_empty_box = drive(make_app([sample_dir]), script)
        assert isinstance(screen, NotesList) and isinstance(focused, OptionList)
        assert closed_from_list and closed_from_empty_box


class TestNotesListReattachHint:
    """`a` re-attaches the highlighted note to the reader's sentence: offered only where it would
    move the note (a tester saw it offered for a note already on that very sentence)."""

    def test_offered_for_a_note_elsewhere_not_for_one_already_here(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("m", *"on the first", "ctrl+s")
            await pilot.press("j", "j", "m", *"on the third", "ctrl+s")  # the cursor stays here
            await pilot.press("N")
            notes = pilot.app.screen
            option_list = notes.query_one(OptionList)
            by_body = {p.note.body: str(p.note.id) for p in notes.placed}
            hints = {}
            for i in range(option_list.option_count):
                option_list.highlighted = i
                await pilot.pause()
                body = next(b for b, nid in by_body.items() if nid == option_list.get_option_at_index(i).id)
                hints[body] = str(notes.query_one("#notes-hint").render())
            option_list.highlighted = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)].index(by_body["on the third"])
            await pilot.press("a")  # already here: nothing happens, the list stays open
            stayed = pilot.app.screen is notes
            return hints, stayed

        hints, stayed = drive(make_app([sample_dir]), script)
        assert "a re-attach" in hints["on the first"]
        assert "a re-attach" not in hints["on the third"]
        assert stayed
