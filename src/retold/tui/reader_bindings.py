"""The reader's key table: every binding of the reader screen, with its id (a keymap may remap
it), its description (the key bar, the palette) and its tooltip (`?`). The key bar shows the
`show` ones in this order, as many as fit: the most used first."""

from __future__ import annotations

from textual.binding import Binding

READER_BINDINGS = [
    # The key bar shows the `show` ones in this order, as many as fit: the most used first.
    # While a search is on, the panes' n / p (changes) stand aside for these (check_action);
    # first, so that the key bar shows n where it showed "Next change".
    Binding("n", "match(1)", "Next match", id="match_next", tooltip="while a search is on: the next match, in any outlet"),
    Binding("p", "match(-1)", "Previous match", id="match_previous", tooltip="while a search is on: the previous match, in any outlet", show=False),
    Binding("escape", "clear_search", "End search", id="search_end", tooltip="end the search (n / p go back to changes)"),
    Binding("tab", "focus_outlet(1)", "Next outlet", id="focus_next", tooltip="focus the next outlet's pane"),
    Binding("shift+tab", "focus_outlet(-1)", "Previous outlet", id="focus_previous", tooltip="focus the previous outlet's pane", show=False),
    Binding("greater_than_sign,full_stop", "shift_outlets(1)", "More outlets", id="outlets_right", tooltip="show the next outlet when not all fit"),
    Binding("less_than_sign,comma", "shift_outlets(-1)", "Earlier outlets", id="outlets_left", tooltip="show the previous outlet when not all fit", show=False),
    Binding("right_square_bracket", "counterpart(1)", "Same in next", id="counterpart_next", tooltip="jump to this sentence in the next outlet that has it"),
    Binding("left_square_bracket", "counterpart(-1)", "Same in previous", id="counterpart_previous", tooltip="jump to this sentence in the previous outlet that has it", show=False),
    Binding("f", "filter", "Filter", id="filter", tooltip="show only changes (altered + unique), then only unique, then everything; hidden runs fold to one line"),
    Binding("slash", "search", "Search", id="search", tooltip="search every outlet; n / p then step through the matches, escape ends the search"),
    Binding("d", "toggle_diff", "Diff", id="toggle_diff", tooltip="mark the words an altered sentence changed, against the reference outlet (R) or the closest counterpart; ⟲rewritten: too different to mark"),
    Binding("o", "overview", "Overview", id="overview", tooltip="the whole story at a glance: coverage map, overlap matrix, outlets (enter jumps)"),
    Binding("m", "note", "Note", id="note", tooltip="write a note on this sentence"),
    Binding("N", "notes", "Notes", id="notes", tooltip="list this story's notes"),
    Binding("i", "outlet_info", "Outlet info", id="outlet_info", tooltip="this outlet's url, file, date, language, full headline, byline and counts"),
    Binding("e", "export", "Export", id="export", tooltip="write the share page (the outlets side by side, who took what, the quotes, your notes) as a new HTML file in the folder retold was started from", show=False),
    Binding("y", "copy_sentence", "Copy", id="copy_sentence", tooltip="copy the cursor sentence, with the outlet's name and url, to the clipboard"),
    Binding("s", "toggle_sync", "Sync", id="toggle_sync", tooltip="scroll sync on / off"),
    Binding("r", "toggle_removed", "Furniture", id="toggle_removed", tooltip="show the removed site furniture, greyed, where it stood"),
    Binding("R", "reference", "Reference", id="reference", tooltip="make this outlet the reference the others' words are compared with (again: back to the closest)"),
    Binding("M", "story_note", "Story note", id="story_note", tooltip="write a note on the whole story", show=False),
    Binding("q", "app.quit", "Quit", id="quit", tooltip="quit"),
    Binding("question_mark", "help", "Help", id="help", tooltip="this help"),
]
