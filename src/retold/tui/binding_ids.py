"""Every binding id of retold's screens and widgets: what a keymap may name.

Apart from keymap.py (which reads the keymap file) so that the keymap never imports the
screens, and the screens can use the keymap's helpers without an import cycle.
"""

from __future__ import annotations

from textual.binding import Binding

from retold.tui.screens.confirm import Confirm
from retold.tui.screens.help import HelpScreen
from retold.tui.screens.note_editor import NoteEditor
from retold.tui.screens.notes_list import NotesList
from retold.tui.screens.outlet_info import OutletInfo
from retold.tui.screens.overview import OverviewScreen
from retold.tui.widgets.coverage_map import CoverageMap
from retold.tui.widgets.rows_view import RowsView
from retold.tui.screens.reader import ReaderScreen
from retold.tui.widgets.outlet_pane import OutletPane
from retold.tui.widgets.search_bar import SearchBar
from retold.tui.widgets.sources_views import LineList

OWNERS = (ReaderScreen, OutletPane, SearchBar, OverviewScreen, CoverageMap, RowsView, OutletInfo, HelpScreen, NotesList, NoteEditor, Confirm, LineList)


def all_binding_ids() -> set[str]:
    ids: set[str] = set()
    for owner in OWNERS:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def binding_scopes() -> dict[str, list[Binding]]:
    """The bindings active together, by where: a screen with the widgets on it. One key may
    mean different things on different screens, never two things on one."""
    owners = {
        "the reader": (ReaderScreen, OutletPane), "the overview": (OverviewScreen, CoverageMap, RowsView, LineList),
        "the search bar": (SearchBar,), "outlet info": (OutletInfo,), "help": (HelpScreen,),
        "the notes list": (NotesList,), "the note editor": (NoteEditor,), "the confirmation": (Confirm,),
    }
    return {
        where: [b for owner in classes for b in Binding.make_bindings(owner.BINDINGS) if isinstance(b, Binding) and b.id]
        for where, classes in owners.items()
    }
