"""Every use of Textual's private API, in one place (Textual 8.2.8, pinned in pyproject.toml).

Each of these reads or sets something Textual does not promise to keep. They are wrapped here
so that an upgrade has one file to check, and tests/tui/test_textual_compat.py fails loudly,
naming the attribute, when one of them has moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import _time
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import Reactive
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import _toast

TESTED_WITH = "8.2.8"

# (owner, attribute) pairs this module relies on; the compat test checks each still exists.
PRIVATE_NAMES = (
    (Screen, "_modal_binding_chain"),
    ("App", "_check_action_state"),
    ("App", "_start_widget"),
    (Widget, "_vertical_scrollbar"),
    (_toast, "ToastRack"),
    (Screen, "_refresh_layout"),
    (Screen, "_layout_required"),
    (Screen, "_on_layout"),
    (Screen, "_on_screen_resume"),
    (Screen, "_screen_resized"),
    (Screen, "_compositor_refresh"),
    (Screen, "_on_screen_suspend"),
    (Widget, "_layout_required"),
    (Widget, "_layout_updates"),
    (Widget, "_clear_arrangement_cache"),
    (_time, "get_time"),
)


def binding_chain(screen: Screen) -> Iterable[tuple[DOMNode, list[tuple[str, Binding]]]]:
    """The focused widget's chain of (node, [(key, binding)]) up to the screen and the app:
    what the key bar and `?` list (Screen._modal_binding_chain)."""
    for node, bindings in screen._modal_binding_chain:
        yield node, list(bindings)


def action_disabled(screen: Screen, action: str, node: DOMNode) -> bool:
    """Whether `check_action` switches the action off for now (App._check_action_state)."""
    return screen.app._check_action_state(action, node) is False


def own_vertical_scrollbar(widget: Widget, make: Callable[[], Widget]) -> Widget:
    """`widget`'s vertical scrollbar, made by `make` the first time, as Widget.vertical_scrollbar
    makes Textual's own (Widget._vertical_scrollbar, App._start_widget)."""
    if widget._vertical_scrollbar is None:
        bar = make()
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar


def hide_toast_rack_inline(screen: Screen) -> None:
    """Give the screen's toast rack (textual.widgets._toast.ToastRack, which its stylesheet hides)
    the inline `display: none` that Textual gives it on the screen's first resume when there is no
    notification (ToastRack.show): set there, it was a change of style after the first frame, and
    a whole layout pass of the screen followed it for nothing; set here, before the first layout
    pass, showing no notification changes nothing. A notification shows the rack as before."""
    for rack in screen.query_children(_toast.ToastRack):
        rack.styles.display = "none"


class OneLayoutScreen(Screen):
    """A screen whose whole layout pass settles every layout asked for before it.

    Textual lays a screen out when a widget asks (Widget.refresh(layout=True)) in three steps:
    the widget's idle handler marks its ancestors' arrangements stale and posts a Layout message
    to the screen, which sets Screen._layout_required, and the screen's update timer lays out.
    Screen._refresh_layout, which lays out every widget (on the screen's resume and on a resize),
    settles none of these: a request whose message was still on its way, or whose widget had not
    yet gone idle, laid the whole screen out once more after it. The reader's first pass runs on
    its resume, just after its columns were sized (one request per column, 20 of them): each of
    its first frames was followed by another whole pass and frame of the same layout (10-20 ms).

    Here a whole pass first does for every pending request what the widget's idle handler would
    (Widget._check_refresh: the ancestors' arrangements marked stale) and then drops it, and a
    Layout message older than the latest whole pass is dropped too. A request made during or
    after a pass (a scrollbar that appears) still gets its own. On its first resume the screen is
    neither styled nor painted a second time (see `_on_screen_resume`)."""

    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)  # see virtual_size_without_layout
    _whole_pass_at = float("-inf")  # textual._time of the latest whole layout pass
    _whole_pass_size = None  # the size it laid the screen out at

    def _screen_resized(self, size) -> None:
        # Textual sends a new screen two or three Resize events of the one size it already has
        # (the app's first size, the driver's, the screen's own), each a whole layout pass.
        # Laid out at this size already: whatever was asked for since gets its own pass.
        if size == self._whole_pass_size:
            return
        super()._screen_resized(size)

    def _refresh_layout(self, size=None, scroll: bool = False) -> None:
        if not scroll and not self.app.is_inline and (size if size is not None else self.outer_size):
            self._whole_pass_at = _time.get_time()
            self._whole_pass_size = size if size is not None else self.outer_size
            for widget in self.walk_children(Widget):
                if widget._layout_required:
                    widget._layout_required = False
                    for ancestor in widget.ancestors:
                        if not isinstance(ancestor, Widget):
                            break
                        ancestor._clear_arrangement_cache()
                        ancestor._layout_updates += 1
                        if not ancestor.styles.auto_dimensions:
                            break
            self._layout_required = False
            super()._refresh_layout(size, scroll)
            if self._first_resume and self.is_current:
                self._painted_whole = True
            return
        super()._refresh_layout(size, scroll)

    _resumed = False
    _first_resume = False  # Screen._on_screen_resume is running for the first time
    _painted_whole = False  # its whole layout pass painted the whole screen, and nothing was painted since

    def _on_screen_resume(self, event) -> None:
        # Screen._on_screen_resume (which runs after this) styles every widget again
        # (`refresh_styles`), lays the screen out when its size changed, and then repaints it
        # whole (`refresh`), as a screen coming back may find the app's styles changed and its
        # widgets stale. On its first resume the widgets were styled as they were mounted, just
        # before, under the same stylesheet and theme, and the layout pass (the screen had no
        # size yet) has just painted every one of them: the same ~70 widgets were styled twice
        # before the first frame, and the whole screen painted again just after it (~10 ms).
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            self._first_resume = True
            self.call_next(self._first_resume_over)

    def _first_resume_over(self) -> None:
        self._first_resume = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        if self._painted_whole and not (regions or recompose):
            # A repaint of the whole screen, asked for before anything else was painted after the
            # first resume's whole paint: Textual's own, on showing the screen (the resume's; on
            # switching from the loading screen, App._replace_screen's and, once that screen is
            # removed, the app's layout pass, whose reflow repaints whatever it moves), of what is
            # on screen already.
            if not layout:
                return self
            repaint = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _compositor_refresh(self) -> None:
        self._painted_whole = False  # a frame after the first: whole repaints are honoured again
        super()._compositor_refresh()

    def _on_screen_suspend(self) -> None:
        self._painted_whole = False  # another screen goes over it: what it painted may be covered

    async def _on_layout(self, message) -> None:
        if message.time < self._whole_pass_at:  # asked for before the latest whole pass: laid out by it
            message.stop()
            message.prevent_default()  # Screen._on_layout does not run


def virtual_size_without_layout() -> Reactive:
    """A `virtual_size` for a widget that scrolls nothing of its own (a line of text, a column,
    the row of columns, a scrollbar): the same value, set by every layout pass, but without the
    whole new layout pass Widget.virtual_size asks for each time it changes. Each widget's first
    layout pass sets it (from 0 x 0): the reader's ~30 widgets asked for a second pass of the
    whole screen just after its first frame, which laid out the very same thing."""
    return Reactive(Size(0, 0), layout=False, repaint=False)
