"""`f`: only changes, then only unique, then everything; hidden runs fold to one counted line."""

import re

from .helpers import drive, make_app

SAMPLES = ["north-sea-grid", "rowing-worlds", "veneth-dam"]


def check_folding(pane, hidden_statuses):
    layout = pane.text_layout()
    sentences = pane.outlet.sentences
    folded_counts = {}
    for index, sentence in enumerate(sentences):
        row = layout.rows[layout.first_row[index]]
        if sentence.status in hidden_statuses:
            assert row.kind == "folded" and layout.row_count[index] == 1
            folded_counts[layout.first_row[index]] = folded_counts.get(layout.first_row[index], 0) + 1
        else:
            assert row.kind == "sentence" and row.sentence == index
    for row_no, count in folded_counts.items():
        # Each marker says how many sentences it hides, and they are one unbroken run.
        assert int(re.search(r"┄ (\d+) ", layout.rows[row_no].plain).group(1)) == count
    assert not any(r.kind == "sentence" and sentences[r.sentence].status in hidden_statuses for r in layout.rows)


class TestFilter:
    def test_filter_cycles_folds_and_counts_on_every_sample(self, sample_dir):
        for name in SAMPLES:
            story = sample_dir.parent / name

            async def script(pilot, reader):
                await pilot.press("f")
                for pane in reader.panes:
                    check_folding(pane, {"shared"})
                status = reader.query_one("#status").text.plain
                await pilot.press("f")
                for pane in reader.panes:
                    check_folding(pane, {"shared", "altered"})
                await pilot.press("f")
                for pane in reader.panes:
                    check_folding(pane, set())
                return status, reader.filter_mode

            status, mode = drive(make_app([story]), script)
            assert "only changes" in status and mode is None

    def test_j_and_k_skip_what_is_hidden(self, sample_dir):
        async def script(pilot, reader):
            # The outlet with the most changes, so there is somewhere to go.
            best = max(range(len(reader.alignment.outlets)), key=lambda n: sum(s.status != "shared" for s in reader.alignment.outlets[n].sentences))
            for _ in range(best):
                await pilot.press("tab")
            await pilot.press("f")
            pane = reader.focused_pane
            visited = [pane.cursor]
            for _ in range(len(pane.outlet.sentences)):
                await pilot.press("j")
                visited.append(pane.cursor)
            for _ in range(3):
                await pilot.press("k")
                visited.append(pane.cursor)
            return [pane.outlet.sentences[i].status for i in visited], visited

        statuses, visited = drive(make_app([sample_dir]), script)
        assert "shared" not in statuses and len(set(visited)) > 1

    def test_panes_stay_level_through_the_folds(self, tmp_path):
        from retold.synthetic import make_story

        story = make_story(tmp_path / "s", outlets=4, sentences=90, seed=5)

        async def script(pilot, reader):
            await pilot.press("f")
            checked = 0
            for _ in range(25):
                await pilot.press("j")
                state = reader.state
                lead = reader.pane(state.focused).text_layout()
                row = lead.first_row[state.cursor] - state.tops[state.focused]
                for number in state.visible:
                    span = state.counterpart_span(number)
                    if number == state.focused or not span:
                        continue
                    layout = reader.pane(number).pane_layout()
                    top = state.tops[number]
                    if 0 < top < layout.max_top:  # not held at either end of its article
                        assert layout.first_row[span[0]] - top == row
                        checked += 1
            return checked

        assert drive(make_app([story]), script) > 0


def test_fold_lines_fit_narrow_panes(sample_dir):
    """Issue 18: the fold line of a hidden run is never cut (`hidden (f sho`): a shorter
    wording is chosen when the pane is narrow."""
    from rich.cells import cell_len

    from retold.tui.widgets.outlet_pane import RowKind

    async def script(pilot, reader):
        await pilot.press("f")
        await pilot.pause()
        found = []
        for pane in reader.panes:
            layout = pane.text_layout()
            found += [(row.source, pane.text_width) for row in layout.rows if row.kind == RowKind.FOLDED]
        return found

    folds = drive(make_app([sample_dir]), script, size=(160, 45))  # four panes of 40 columns
    assert folds
    for text, width in folds:
        assert cell_len(text) <= width and text.endswith(")"), (text, width)


def test_last_sentence_in_only_unique_mode_leaves_no_blank_space_below(sample_dir):
    """Issue 18: in "only unique" mode `G` left the first unique sentence off screen with empty
    rows below it; the pane now stands as low as the cursor allows, every shown row that fits on screen."""

    async def script(pilot, reader):
        await pilot.press("f", "f")  # only unique
        await pilot.pause()
        results = []
        for number in range(reader.state.outlet_count):
            reader.focus_outlet(number)
            await pilot.press("G")
            await pilot.pause()
            layout = reader.layouts(number)
            results.append((reader.alignment.outlets[number].id, int(reader.pane(number).scroll_y), layout.total_rows, layout.height))
        return results

    results = drive(make_app([sample_dir]), script, size=(100, 30))
    for outlet, top, total, height in results:
        assert top <= max(0, total - height), (outlet, top, total, height)
