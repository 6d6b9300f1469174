"""The reader's view actions: word marks (d, R), furniture (r), the filter (f), copy (y), the
share page (e), the overview (o) and the outlet panel (i). They change the screen's ViewModes and put them on the
panes and headers; the screen forwards its keys here."""

from __future__ import annotations

from dataclasses import replace

from textual.screen import Screen

from retold.model.safe import printable
from retold.tui.state import ReaderState


class ViewActions:
    """The view actions of `screen` (the reader: its alignment, panes, headers, state, modes)."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen

    def assign_diff_partners(self) -> None:
        """`d` compares each sentence with the reference outlet's counterpart (R), else with
        the counterpart it shares most words with; the headers say which."""
        reference = self.screen.alignment.outlets[self.screen.reference].id if self.screen.reference is not None else None
        for number, pane in enumerate(self.screen.panes):
            wanted = reference if number != self.screen.reference else None
            if pane.reference != wanted:
                pane.reference = wanted
                if pane.show_diff:
                    pane.invalidate()
        self.update_header_notes()

    def update_header_notes(self) -> None:
        if not self.screen.is_mounted:
            return
        for number, header in enumerate(self.screen.headers):
            note = ""
            if number == self.screen.reference:
                note = "reference"
            elif self.screen.show_diff:
                note = "vs " + (self.screen.alignment.outlets[self.screen.reference].name if self.screen.reference is not None else "closest")
            header.set_note(note)

    def relayout(self) -> None:
        for pane in self.screen.panes:
            pane.show_diff, pane.show_removed = self.screen.show_diff, self.screen.show_removed
            pane.invalidate()
        self.screen.resettle()
        self.screen.warm_layouts()

    def toggle_diff(self) -> None:
        self.screen.modes = replace(self.screen.modes, diff=not self.screen.modes.diff)
        self.relayout()
        self.update_header_notes()

    def toggle_removed(self) -> None:
        self.screen.modes = replace(self.screen.modes, removed=not self.screen.modes.removed)
        self.relayout()

    def reference(self) -> None:
        """R: compare words against the focused outlet (again: back to the closest counterpart)."""
        focused = self.screen.state.focused
        self.screen.modes = replace(self.screen.modes, reference=None if self.screen.reference == focused else focused)
        self.assign_diff_partners()
        if not self.screen.show_diff:
            self.toggle_diff()
        name = self.screen.alignment.outlets[self.screen.reference].name if self.screen.reference is not None else None
        self.screen.notify(
            f"Words compared with {printable(name)}." if name else "Words compared with the closest counterpart.",
            timeout=3, markup=False,
        )

    def next_filter(self) -> None:
        """f: only changes, only unique, everything. A cursor on a now hidden sentence moves to
        the nearest shown one; the panes stay level through the fold markers."""
        self.screen.modes = self.screen.modes.next_filter()
        for pane in self.screen.panes:
            pane.filter = self.screen.filter_mode
            pane.invalidate()
        pane = self.screen.focused_pane
        if pane.outlet.sentences and pane.hides(self.screen.state.cursor):
            target = pane.next_shown(self.screen.state.cursor, 1)
            if target == self.screen.state.cursor:
                target = pane.next_shown(self.screen.state.cursor, -1)
            self.screen.navigate(ReaderState.move_to, target)
        self.relayout()

    def copy_sentence(self) -> None:
        """y: the cursor sentence, then a line naming the outlet and its url. Each part goes
        through printable(): no control or escape character reaches the clipboard sequence."""
        outlet = self.screen.alignment.outlets[self.screen.state.focused]
        if not outlet.sentences:
            return
        cursor = self.screen.state.cursor
        source = printable(outlet.name) + (f", {printable(outlet.meta.url)}" if outlet.meta.url else "")
        self.screen.app.copy_to_clipboard(f"{printable(outlet.sentences[cursor].text)}\n— {source}")
        self.screen.notify(f"Copied sentence {cursor + 1} of {printable(outlet.name)}.", timeout=3, markup=False)

    def export_page(self) -> None:
        """e: the share page (retold align --format html --with-notes: the outlets side by side,
        who took what, the quotes, the notes but drafts) as a new file in the folder retold was started from.
        Never over a file already there (a number is added); written on a thread, the reader
        stays live; whatever goes wrong is said, the reader goes on."""
        from pathlib import Path

        from retold.model.share import page_stem

        screen = self.screen
        notes = screen.notes.shared() if screen.notes is not None else None
        alignment, stem = screen.alignment, page_stem(screen.alignment)

        def write() -> None:
            from retold.files import write_new
            from retold.model.share import to_html

            folder = "the folder retold was started from"
            try:
                folder = str(Path.cwd())  # gone if that folder was removed meanwhile: said below
                path = write_new(Path(folder), stem, ".retold.html", to_html(alignment, notes).encode("utf-8"))
            except Exception as exc:  # a full disk, a folder not writable, ...: said, never a crash
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
                message, severity = f"Share page not written in {printable(folder)}: {printable(reason)}", "error"
            else:
                left_out = "" if notes is not None else " (notes unavailable: not included)"
                message, severity = f"Share page written: {printable(str(path))}{left_out}", "information"
            screen.app.call_from_thread(screen.notify, message, severity=severity, timeout=8, markup=False)

        screen.notify("Writing the share page …", timeout=2, markup=False)
        screen.run_worker(write, thread=True, group="export", exit_on_error=False)

    def overview(self) -> None:
        from retold.tui.screens.overview import OverviewScreen

        def done(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                self.screen.jump_to(*choice)

        start = (self.screen.state.focused, self.screen.state.cursor)
        # Composed once and kept: reopening only moves its cursor.
        if not self.screen.app.is_screen_installed("overview"):
            self.screen.app.install_screen(OverviewScreen(self.screen.alignment, start), "overview")
        else:
            self.screen.app.get_screen("overview").start = start
        self.screen.app.push_screen("overview", done)

    def outlet_info(self) -> None:
        from retold.tui.screens.outlet_info import OutletInfo

        self.screen.app.push_screen(OutletInfo(self.screen.alignment.outlets[self.screen.state.focused]))

    def filter_off(self) -> None:
        while self.screen.filter_mode is not None:
            self.next_filter()
