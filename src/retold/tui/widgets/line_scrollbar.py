"""LineScrollBar: Textual's vertical scrollbar, drawn as strips without the rich render path.

Textual draws a scrollbar through rich (the bar as a renderable, split into lines, each line
through the styles cache): about 2 ms for a 40-row bar, and every visible pane's bar is
redrawn whenever its pane scrolls, which with sync is on most keys. This one draws the
very same segments (ScrollBarRender.render_bar: same glyphs, colours and mouse actions in
their style meta) straight into one strip per row, reusing the strip of a repeated row,
so it costs a few hundredths of that. Everything else (grab, drag, click above or below
the thumb, hover colours) is ScrollBar's own.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from retold.tui.textual_compat import virtual_size_without_layout


class LineScrollBar(ScrollBar):
    # A bar has no children and draws from its pane's sizes (window_virtual_size and the rest),
    # never from a scrollable size of its own: Widget.virtual_size's layout pass on each change
    # (a bar's first layout sets it) laid out the whole screen again after the reader's first frame.
    virtual_size = virtual_size_without_layout()
    _drawn: tuple | None = None  # what the last render_lines drew (see refresh)
    _asked: tuple | None = None  # what the last repaint passed on to Textual was for

    def _looks(self, bar) -> tuple:
        return (self.size, bar.virtual_size, bar.window_size, bar.position, bar.style)

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        # Textual asks a scrollbar to repaint on every layout pass and every style update of
        # its pane (each focus change), mostly with nothing new to show; each such request
        # costs a frame of its own after the one that drew everything. A bar never drawn
        # has nothing stale on screen: the layout pass that exposes it draws it.
        if not (regions or layout or recompose) and self.is_attached:
            if self._drawn is None:
                return self
            try:
                looks = self._looks(self.render())
            except Exception:  # no parent or screen yet: let Textual decide
                looks = None
            if looks is not None:
                if looks in (self._drawn, self._asked):  # drawn already, or a repaint is on its way
                    return self
                self._asked = looks
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()  # a ScrollBarRender with the colours for this state (hover, grab)
        self._drawn = self._looks(bar)
        style = bar.style
        height, thickness = self.size.height, self.size.width
        if not height or not thickness:
            return [Strip.blank(crop.width)] * crop.height
        segments = bar.render_bar(
            size=height,
            virtual_size=bar.virtual_size,
            window_size=bar.window_size,
            position=bar.position,
            thickness=thickness,
            vertical=True,
            back_color=style.bgcolor,
            bar_color=style.color,
        ).segments
        base = self.rich_style  # what the styles cache lays under every row: colour and background
        filters = self.get_line_filters()
        background = self.background_colors[1]
        strips: dict[int, Strip] = {}  # render_bar repeats one Segment object down the track
        lines = []
        for segment in segments[crop.y:crop.bottom]:
            strip = strips.get(id(segment))
            if strip is None:
                strip = Strip([segment], thickness).apply_style(base)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                if crop.x or crop.width != thickness:
                    strip = strip.crop(crop.x, crop.right)
                strips[id(segment)] = strip
            lines.append(strip)
        return lines


def line_scrollbar_for(widget) -> LineScrollBar:
    """What Widget.vertical_scrollbar does, with a LineScrollBar (see textual_compat)."""
    from retold.tui.textual_compat import own_vertical_scrollbar

    def make() -> LineScrollBar:
        bar = LineScrollBar(vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical)
        bar.display = False
        return bar

    return own_vertical_scrollbar(widget, make)

