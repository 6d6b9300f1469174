"""`R`: a reference outlet for word marks; ⟲rewritten instead of marks below ~40 % similarity."""

from retold.tui.widgets.pane_header import PaneHeader
from retold.tui.widgets.outlet_pane import REWRITTEN_TAG

from .helpers import drive, make_app


class TestReference:
    def test_r_compares_every_pane_with_the_focused_outlet_and_headers_say_so(self, sample_dir):
        async def script(pilot, reader):
            ledger = reader.number_of("harbour-ledger")
            reader.focus_outlet(ledger)
            await pilot.press("R")
            ref_id = reader.alignment.outlets[ledger].id
            layouts = {n: dict(p.text_layout().compared_with) for n, p in enumerate(reader.panes)}
            notes = [h.note for h in reader.query(PaneHeader)]
            await pilot.press("R")  # again: back to the closest counterpart
            notes_after = [h.note for h in reader.query(PaneHeader)]
            return ref_id, reader.show_diff, layouts, notes, notes_after, reader.alignment, ledger

        ref_id, diff_on, layouts, notes, notes_after, alignment, ledger = drive(make_app([sample_dir]), script)
        assert diff_on
        assert notes[ledger] == "reference" and all(n.startswith("vs The Harbour Ledger") for i, n in enumerate(notes) if i != ledger)
        assert notes_after == ["vs closest"] * len(notes_after)
        with_reference = 0
        for number, compared in layouts.items():
            if number == ledger:
                continue
            outlet_id = alignment.outlets[number].id
            for sentence, partner in compared.items():
                if alignment.counterpart_span(outlet_id, sentence, ref_id):
                    assert partner == ref_id
                    with_reference += 1
        assert with_reference > 0

    def test_rewritten_sentences_are_marked_not_confettied(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("d")
            found = []
            for pane in reader.panes:
                layout = pane.text_layout()
                for sentence in layout.rewritten:
                    rows = [r for r in layout.rows if r.sentence == sentence]
                    text = "".join(r.plain for r in rows)
                    found.append((sentence in layout.diff_spans, text))
            return found

        found = drive(make_app([sample_dir]), script)
        assert found, "the sample story has sentences reworded beyond word marks"
        for has_marks, text in found:
            assert not has_marks and text.replace(" ", "").endswith(REWRITTEN_TAG.replace(" ", ""))
