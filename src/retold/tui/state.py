"""The reader's navigation as one headless model (no Textual import).

`ReaderState` holds everything that says where the reader is: the focused outlet, the
window of outlets on screen, one sentence cursor per outlet, the anchor row (the screen
row of the focused cursor's first line) and the scroll top of every pane. Every
navigation action is a pure method returning a new, *settled* state: its `tops` are the
scroll targets the screen applies to the panes in one `batch_update`. The widgets never
compute positions themselves.

Actions need to know how each pane is laid out. They take `layouts`, a function from
an outlet number to its `PaneLayout` (first row and row count of every sentence at the
pane's width, total rows, pane height), so the model never touches a widget.

Outlets are numbered by their order in the Alignment (0 is the leftmost pane).
Guarantees after every action (property-tested in tests/unit/test_state_properties.py):
1. the focused pane's cursor sentence is on screen;
2. every visible pane with sentences shows some of them;
3. with sync on (and not on opening, see 7), every visible pane holding a counterpart of the cursor sentence has the
   first sentence of that counterpart span on the cursor's first row, unless no scroll
   position could put it there: neither its own pane's nor the focused pane's (which moves
   up for it unless its cursor is at the screen's top or the pane at its bottom; not when
   the cursor is on the first sentence with its pane at its very top), stated exactly in
   tests/unit/test_levelling_exact.py, as is: after a cursor move, MARGIN rows stay below
   the cursor unless its pane is at its bottom;
4. a pane without one is interpolated between the nearest aligned sentences
   (`retold.tui.sync.follower_row`) and does not start mid-sentence, unless that
   sentence is taller than the pane;
5. `jump_counterpart(1)` then `jump_counterpart(-1)` returns to the same outlet and sentence;
6. the visible window contains the focused outlet;
7. on opening (`at_open`: until the reader's first action; a resize or relayout keeps it)
   every visible pane stands at its own top, so each shows its headline's article from its
   first sentence; the focused one lower only if its first sentence is taller than the pane.
"""

from __future__ import annotations

import datetime
import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

# The panes' order lives in the model (the alignment cache keeps it); named here as before.
from retold.model.arrange import Arrangement, Copy, arrange, delay_text  # noqa: F401
from retold.model.published import readable_date
from retold.model.story import Alignment, Status
from retold.tui.sync import follower_row

MARGIN = 2  # rows kept above and below the cursor when the pane has to scroll to it


def _user_action(method):
    """A move of the reader's: from here on the panes stand level (the state is no longer `at_open`)."""

    @functools.wraps(method)
    def act(self, *args, **kwargs):
        if not self.at_open:
            return method(self, *args, **kwargs)
        moved = replace(self, at_open=False)
        result = method(moved, *args, **kwargs)
        return self if result is moved else result  # an action with nothing to do is no move

    return act


@dataclass(frozen=True)
class PaneLayout:
    """How one pane is laid out at its current width: enough to place any sentence.

    first_row[i] / row_count[i]: the rows of sentence i (rows between sentences are
    paragraph gaps and removed furniture); total_rows: every row; height: rows on screen.
    """

    first_row: tuple[int, ...]
    row_count: tuple[int, ...]
    total_rows: int
    height: int

    @property
    def max_top(self) -> int:
        """The furthest scroll: the last sentence's first row at the top of the pane."""
        return self.first_row[-1] if self.first_row else 0

    def clamp(self, top: int) -> int:
        return max(0, min(top, self.max_top))

    def sentence_at(self, row: int) -> int | None:
        """The sentence shown at content row `row`; on a blank or furniture row the one
        before it (the first sentence above the first one). None when there are none."""
        if not self.first_row:
            return None
        return max(0, bisect_right(self.first_row, row) - 1)

    def mid_sentence(self, top: int) -> int | None:
        """The sentence a pane scrolled to `top` would start in the middle of, if any."""
        sentence = self.sentence_at(top)
        if sentence is None:
            return None
        first = self.first_row[sentence]
        return sentence if first < top < first + self.row_count[sentence] else None

    def snap(self, top: int) -> int:
        """Move `top` to the nearer edge of the sentence it would cut (unless the sentence
        is taller than the pane: then the cut is unavoidable)."""
        sentence = self.mid_sentence(top)
        if sentence is None or self.row_count[sentence] > self.height:
            return top
        start = self.first_row[sentence]
        end = start + self.row_count[sentence]
        if end - top < top - start and end <= self.max_top:
            return end
        return start

    def fits_on_screen(self, sentence: int, top: int) -> bool:
        """Whether all of `sentence` is visible at `top` (for a sentence taller than the
        pane: any of it, which is the best it can do). A cursor there needs no scrolling."""
        first, count = self.first_row[sentence], self.row_count[sentence]
        if count > self.height:
            return self.on_screen(sentence, top)
        return top <= first and first + count <= top + self.height

    def sentence_near(self, row: int, top: int) -> int:
        """The sentence at content row `row` if it fits on screen at `top`, else the nearest
        one that does (searching outwards), else the one at `row`: a cursor put there makes
        the pane move as little as possible."""
        here = self.sentence_at(row) or 0
        for distance in range(len(self.first_row)):
            candidates = [s for s in (here + distance, here - distance) if 0 <= s < len(self.first_row)]
            if not candidates:
                break
            for sentence in candidates:
                if self.fits_on_screen(sentence, top):
                    return sentence
            if all(not self.on_screen(s, top) for s in candidates) and distance > self.height:
                break  # far off screen on both sides: nothing nearer will fit
        return here

    def on_screen(self, sentence: int, top: int) -> bool:
        """Whether any row of `sentence` is visible with the pane scrolled to `top`."""
        first = self.first_row[sentence]
        return first < top + self.height and first + self.row_count[sentence] > top


Layouts = Callable[[int], PaneLayout]


@dataclass(frozen=True)
class ViewModes:
    """How the reader shows the story, apart from where it is (ReaderState): one value, so a
    toggle is one replace() and the status line one function of it.

    diff (d): changed words marked; removed (r): furniture shown; reference (R): the outlet
    number words are compared with (None: the closest counterpart); filter (f): None,
    "changes" or "unique"; search (/): the query, the match count and the match the cursor
    was last sent to (None when no search is on)."""

    diff: bool = False
    removed: bool = False
    reference: int | None = None
    filter: str | None = None
    search_query: str | None = None
    match_count: int = 0
    match_index: int | None = None

    FILTERS = (None, "changes", "unique")

    def next_filter(self) -> ViewModes:
        return replace(self, filter=self.FILTERS[(self.FILTERS.index(self.filter) + 1) % len(self.FILTERS)])


# ---------------------------------------------------------------- the order of the panes (retold.model.arrange)




def compact_date(published: str | None, utc_mark: str = " UTC") -> str:
    """'3 Mar 15:05 UTC' for a time that carries its zone (shown in UTC, as the Sources view shows
    it, so that the panes' times can be compared: '10:05+02:00' is earlier than '09:30Z'), '3 Mar
    16:05' for a time without a zone (shown as given: its zone is unknown), '3 Mar 2026' for a bare
    date; text that is no ISO date is returned as it is ("" for none). `utc_mark="Z"` is the
    narrow form a pane header takes before it would cut an outlet's name. The model's
    readable_date without the year of a time: the exports show dates the same way."""
    return readable_date(published, utc_mark, year=False)


def reason_label(reason: str) -> str:
    """A removal reason as shown inside brackets: its own bracketed part becomes a comma clause
    ("headline-like line (no sentence end)" → "headline-like line, no sentence end"), so the
    reader never shows "((…))"."""
    return re.sub(r"\s*\(([^()]*)\)", r", \1", reason).replace("(", "").replace(")", "")


def arranged(alignment: Alignment, arrangement: Arrangement) -> Alignment:
    """The alignment with its outlets in the arrangement's order (groups refer to outlets by
    id, so nothing else changes)."""
    by_id = {o.id: o for o in alignment.outlets}
    ordered = replace(alignment, outlets=tuple(by_id[i] for i in arrangement.order))
    # Credits, provenance and quotes name outlets by id, so the new order keeps them: computed
    # once in the loading thread (retold.model.sources), never again on the reader's thread.
    # So do the counterpart look-ups (by outlet id; `arrange` filled many): shared, not redone.
    for key, value in alignment._cache.items():
        if key in _BY_OUTLET_ID or (type(key) is tuple and key[0] in _BY_OUTLET_ID):
            ordered._cache[key] = value
    return ordered


# Memos of Alignment._cache that name outlets by id and so hold in any order of the outlets
# (the overview's summary numbers outlets by position: it is not among them).
_BY_OUTLET_ID = frozenset({"sources", "quotes", "arrangement", "spans", "first", "possible", "members", "doubted"})


@dataclass(frozen=True)
class ReaderState:
    """Where the reader is. Immutable: every action returns a new state (see module doc).

    focused: the outlet whose pane has the cursor; first_visible / visible_count: the
    window of outlets on screen; cursors[n]: outlet n's sentence cursor; anchor_row: the
    screen row of the focused cursor's first line (may be negative for a sentence taller
    than the pane); tops[n]: outlet n's scroll top (None until it was first shown); sync:
    whether the other panes follow the focused one.
    """

    alignment: Alignment = field(repr=False, compare=False)
    focused: int = 0
    first_visible: int = 0
    visible_count: int = 1
    cursors: tuple[int, ...] = ()
    anchor_row: int = 0
    tops: tuple[int | None, ...] = ()
    sync: bool = True
    folded: frozenset[int] = frozenset()  # verbatim copies (last in order): no pane of their own on opening
    at_open: bool = False  # as opened, before the reader's first move: every pane at its own top
    arrangement: Arrangement | None = field(default=None, repr=False, compare=False)

    # ------------------------------------------------------------ construction and queries

    @classmethod
    def start(
        cls,
        alignment: Alignment,
        visible_count: int,
        layouts: Layouts | None = None,
        *,
        folded: Iterable[int] = (),
        arrangement: Arrangement | None = None,
    ) -> ReaderState:
        """The state on opening: first outlet focused, every cursor on the first sentence,
        every pane at its own top (its headline's article from the first line, not levelled
        on a counterpart further down) until the reader's first move (`at_open`). Settled
        when `layouts` is given."""
        count = len(alignment.outlets)
        state = cls(
            alignment,
            cursors=(0,) * count,
            tops=(None,) * count,
            folded=frozenset(folded),
            arrangement=arrangement,
            at_open=True,
        )
        state = replace(state, visible_count=state._fitting(visible_count))
        return state.settle(layouts) if layouts is not None else state

    @classmethod
    def open(cls, alignment: Alignment, visible_count: int, layouts: Layouts | None = None,
             arrangement: Arrangement | None = None) -> ReaderState:
        """The state on opening a story: the outlets in the order that leads with their
        differences (`arrange`, unless the caller computed it: `arrangement`), verbatim copies
        folded. Outlet numbers are positions in that order: `state.alignment` is the reordered alignment."""
        if arrangement is None:
            arrangement = arrange(alignment)
        ordered = arranged(alignment, arrangement)
        folded = [number for number, outlet in enumerate(ordered.outlets) if outlet.id in arrangement.folded]
        return cls.start(ordered, visible_count, layouts, folded=folded, arrangement=arrangement)

    def _fitting(self, visible_count: int) -> int:
        """Panes in the window when `visible_count` fit: no more than there are outlets, nor
        than there are unfolded ones (a folded copy takes a pane only when `>`, tab or a jump
        brings it into the window)."""
        unfolded = self.outlet_count - len(self.folded)
        return max(1, min(visible_count, self.outlet_count, unfolded))

    @property
    def outlet_count(self) -> int:
        return len(self.alignment.outlets)

    @property
    def visible(self) -> range:
        """Outlet numbers on screen, left to right."""
        return range(self.first_visible, self.first_visible + self.visible_count)

    @property
    def cursor(self) -> int:
        """The focused outlet's cursor."""
        return self.cursors[self.focused]

    def sentence_count(self, number: int) -> int:
        return len(self.alignment.outlets[number].sentences)

    def counterpart_span(self, number: int) -> tuple[int, ...]:
        """Outlet `number`'s sentences aligned with the focused cursor sentence (() for the
        focused outlet itself, for one that lacks it, or when the focused outlet is empty)."""
        if number == self.focused or not self.sentence_count(self.focused):
            return ()
        outlets = self.alignment.outlets
        return self.alignment.counterpart_span(outlets[self.focused].id, self.cursor, outlets[number].id)

    def counterpart_outlet(self, step: int) -> int | None:
        """The next (step 1) or previous (step -1) outlet, cyclically, that has the cursor
        sentence; None when no other outlet has it."""
        for distance in range(1, self.outlet_count):
            number = (self.focused + step * distance) % self.outlet_count
            if self.counterpart_span(number):
                return number
        return None

    def change_index(self, step: int) -> int | None:
        """The next (1) or previous (-1) altered or unique sentence of the focused outlet."""
        sentences = self.alignment.outlets[self.focused].sentences
        index = self.cursor + step
        while 0 <= index < len(sentences):
            if sentences[index].status != Status.SHARED:
                return index
            index += step
        return None

    # ------------------------------------------------------------ settling: scroll targets

    def settle(self, layouts: Layouts, *, partly: bool = False) -> ReaderState:
        """This state with the anchor made valid and every visible pane's scroll top computed.

        The focused pane stands so its cursor's first row is at `anchor_row`, clamped so the
        whole cursor sentence is on screen (`partly`: so at least one row of it is, when the
        reader scrolled past it on purpose); with sync on, each other visible pane puts the
        counterpart of the cursor sentence on that row, or interpolates when it has none.
        """
        tops = list(self.tops)
        lead = layouts(self.focused)
        if not lead.first_row:  # nothing to anchor on: every pane shows its own cursor
            for number in self.visible:
                tops[number] = self._own_top(number, layouts(number))
            return replace(self, anchor_row=0, tops=tuple(tops))
        first, count = lead.first_row[self.cursor], lead.row_count[self.cursor]
        if self.at_open:
            # Opened and not moved yet: each pane shows its own start (the rows above its
            # first sentence too, when shown with `r`), lower only as far as its cursor needs.
            for number in self.visible:
                tops[number] = self._start_top(number, layouts(number))
            return replace(self, anchor_row=first - tops[self.focused], tops=tuple(tops))
        if partly:
            low, high = 1 - count, lead.height - 1  # anchors that keep a row of the cursor on screen
        else:
            low, high = sorted((0, lead.height - count))  # anchors that keep the cursor on screen
        low = max(low, first - lead.max_top)  # and the top within its range
        anchor = max(low, min(self.anchor_row, high, first))
        targets: dict[int, tuple[bool, float]] = {}  # number -> (level with a counterpart?, content row)
        if self.sync:
            for number in self.visible:
                if number == self.focused:
                    continue
                layout = layouts(number)
                if not layout.first_row:
                    continue
                span = self.counterpart_span(number)
                if span:
                    targets[number] = (True, float(layout.first_row[span[0]]))
                else:
                    targets[number] = (False, self._interpolated_row(number, lead, layout))
            # A counterpart nearer the top of its article than the cursor is to the top of
            # the screen cannot scroll down to it: move the focused pane up instead. Not when
            # the cursor is on the first sentence with the pane at its very top: the rows
            # above it (removed furniture shown with `r`) stay reachable, the others wait at theirs.
            deficit = max((anchor - row for level, row in targets.values() if level), default=0)
            if deficit > 0 and (first - anchor > 0 or self.cursor > 0) and not partly:
                anchor = max(low, anchor - int(deficit))
        tops[self.focused] = first - anchor
        for number in self.visible:
            if number == self.focused:
                continue
            layout = layouts(number)
            if number in targets:
                level, row = targets[number]
                top = layout.clamp(round(row) - anchor)
                tops[number] = top if level else layout.clamp(layout.snap(top))
            elif self.sync or tops[number] is None:
                tops[number] = self._own_top(number, layout)
            else:
                tops[number] = layout.clamp(tops[number])
        return replace(self, anchor_row=anchor, tops=tuple(tops))

    def _interpolated_row(self, number: int, lead: PaneLayout, layout: PaneLayout) -> float:
        outlets = self.alignment.outlets
        spans = self.alignment.counterpart_spans(outlets[self.focused].id, outlets[number].id)
        return follower_row(
            self.cursor,
            lead.first_row,
            lead.row_count,
            layout.first_row,
            layout.row_count,
            spans.__getitem__,
            lead.total_rows,
            layout.total_rows,
        )

    def _start_top(self, number: int, layout: PaneLayout) -> int:
        """A pane as opened: at its top, unless its cursor sentence would not be whole there
        (rows of furniture above it, shown with `r`): then just low enough to show it."""
        if not layout.first_row:
            return 0
        cursor = min(self.cursors[number], len(layout.first_row) - 1)
        first, count = layout.first_row[cursor], layout.row_count[cursor]
        return layout.clamp(first if count > layout.height else max(0, first + count - layout.height))

    def _own_top(self, number: int, layout: PaneLayout) -> int:
        """A pane that follows nobody: its own cursor near its top."""
        if not layout.first_row:
            return 0
        cursor = min(self.cursors[number], len(layout.first_row) - 1)
        return layout.clamp(layout.first_row[cursor] - MARGIN)

    def _top(self, number: int, layouts: Layouts) -> int:
        top = self.tops[number]
        if top is None:
            return self.settle(layouts).tops[number] or 0
        return top

    # ------------------------------------------------------------ cursor actions

    @_user_action
    def move_to(self, index: int, layouts: Layouts, *, keep_row: bool = False) -> ReaderState:
        """Put the focused cursor on sentence `index` (clamped). The pane scrolls only as far
        as needed to show it with a margin (`keep_row`: keep the cursor's screen row, as a
        page key does); on the first or last sentence it also shows the rows (removed
        furniture) above or below it when they fit."""
        lead = layouts(self.focused)
        if not lead.first_row:
            return self.settle(layouts)
        index = max(0, min(index, len(lead.first_row) - 1))
        first, count = lead.first_row[index], lead.row_count[index]
        height = lead.height
        top = self._top(self.focused, layouts)
        if keep_row:
            top = first - self.anchor_row
        margin = min(MARGIN, max(0, (height - count) // 2))
        highest = first - margin  # the top may not be below this (cursor too near the top edge)
        lowest = first + count + margin - height  # nor above this
        if index == 0 and first + count <= height:  # the rows above it fit too: show them
            highest, lowest = 0, min(lowest, 0)
        if index == len(lead.first_row) - 1:
            lowest = max(lowest, min(lead.total_rows - height, first))
        top = first if lowest > highest else max(lowest, min(top, highest))
        # No blank rows below the article while rows above it are off screen (a pane left
        # scrolled down, then most of it folded by `f`): as low as the cursor allows.
        if top > lead.total_rows - height and lowest <= highest:
            top = max(lowest, lead.total_rows - height, 0)
        if index == 0 == self.cursor and not keep_row and first > 0 and self._top(self.focused, layouts) <= top:
            # Asked again for the first sentence while showing it: reveal the rows above it
            # (removed furniture shown with `r`), keeping a row of the sentence on screen.
            return replace(self, anchor_row=min(first, height - 1)).settle(layouts, partly=True)
        # Rather not start the pane in the middle of a sentence, if a sentence edge will do.
        cut = lead.mid_sentence(top)
        if cut is not None:
            start, end = lead.first_row[cut], lead.first_row[cut] + lead.row_count[cut]
            edges = [edge for edge in (start, end) if lowest <= edge <= highest]
            if edges:
                top = min(edges, key=lambda edge: abs(edge - top))
        cursors = list(self.cursors)
        cursors[self.focused] = index
        return replace(self, cursors=tuple(cursors), anchor_row=first - lead.clamp(top)).settle(layouts)

    @_user_action
    def move_cursor(self, step: int, layouts: Layouts) -> ReaderState:
        """j / k: the next or previous sentence."""
        return self.move_to(self.cursor + step, layouts)

    @_user_action
    def cursor_edge(self, last: bool, layouts: Layouts) -> ReaderState:
        """g / G: the first or last sentence (g again: the rows above the first)."""
        return self.move_to(self.sentence_count(self.focused) - 1 if last else 0, layouts)

    @_user_action
    def page(self, direction: int, layouts: Layouts) -> ReaderState:
        """pgdn / pgup: about a screen further, the cursor keeping its screen row."""
        lead = layouts(self.focused)
        if not lead.first_row:
            return self.settle(layouts)
        row = lead.first_row[self.cursor] + direction * max(1, lead.height - MARGIN)
        target = lead.sentence_at(max(0, row))
        if target == self.cursor:
            target += direction
        return self.move_to(target, layouts, keep_row=True)

    @_user_action
    def change(self, step: int, layouts: Layouts) -> ReaderState:
        """n / p: the next or previous altered or unique sentence (unchanged if none)."""
        index = self.change_index(step)
        return self if index is None else self.move_to(index, layouts)

    # ------------------------------------------------------------ outlet actions

    def _window_with(self, number: int) -> int:
        """The first visible outlet of the nearest window that shows `number`."""
        first = self.first_visible
        if number < first:
            first = number
        elif number >= first + self.visible_count:
            first = number - self.visible_count + 1
        return max(0, min(first, self.outlet_count - self.visible_count))

    def focus(self, number: int, layouts: Layouts) -> ReaderState:
        """Focus outlet `number`, showing it if it is outside the window. The panes stay
        where they stand (synced to the old cursor) and the reader keeps their place: with
        sync on, the new cursor is the counterpart of the old one (the pane's own cursor if
        it is part of it), else the sentence level with the old cursor (or the nearest that
        fits on screen); with sync off, the pane's own cursor if it fits on screen."""
        number %= self.outlet_count
        if self.at_open:
            # As opened nothing stands level yet: the newly focused pane keeps its place and
            # its own cursor (as with sync off; a click that focused it lands where it aimed),
            # and the others then level on it.
            if number == self.focused:
                return self
            moved = replace(self, at_open=False, sync=False).focus(number, layouts)
            return replace(moved, sync=self.sync).settle(layouts)
        if number == self.focused:
            return self.settle(layouts)
        shown = replace(self, first_visible=self._window_with(number)).settle(layouts)
        layout = layouts(number)
        if not layout.first_row:
            return replace(shown, focused=number).settle(layouts)
        top = shown.tops[number] if shown.tops[number] is not None else 0
        cursor = min(self.cursors[number], len(layout.first_row) - 1)
        span = shown.counterpart_span(number) if self.sync else ()
        if span:
            cursor = cursor if cursor in span else span[0]
        elif self.sync or not layout.fits_on_screen(cursor, top):
            cursor = layout.sentence_near(top + max(0, min(shown.anchor_row, layout.height - 1)), top)
        cursors = list(self.cursors)
        cursors[number] = cursor
        return replace(
            shown, focused=number, cursors=tuple(cursors), anchor_row=layout.first_row[cursor] - top
        ).settle(layouts)

    @_user_action
    def focus_step(self, step: int, layouts: Layouts) -> ReaderState:
        """tab / shift+tab: the next or previous outlet, cyclically."""
        return self.focus(self.focused + step, layouts)

    @_user_action
    def jump_counterpart(self, step: int, layouts: Layouts) -> ReaderState:
        """] / [: the cursor sentence in the next or previous outlet that has it (unchanged
        if none does). Lands on that outlet's cursor if it already stands in the span, else
        on the span's first sentence; the cursor keeps its screen row."""
        number = self.counterpart_outlet(step)
        if number is None:
            return self
        span = self.counterpart_span(number)
        cursors = list(self.cursors)
        if cursors[number] not in span:
            cursors[number] = span[0]
        return replace(
            self, focused=number, first_visible=self._window_with(number), cursors=tuple(cursors)
        ).settle(layouts)

    @_user_action
    def go_to(self, number: int, index: int, layouts: Layouts) -> ReaderState:
        """Focus outlet `number` and put its cursor on sentence `index` (a note's jump)."""
        return self.focus(number, layouts).move_to(index, layouts)

    @_user_action
    def shift_window(self, step: int, layouts: Layouts) -> ReaderState:
        """> / <: show further outlets when not all fit. If the focused outlet leaves the
        window, the nearest visible outlet takes the focus (see `focus`)."""
        first = max(0, min(self.first_visible + step, self.outlet_count - self.visible_count))
        shifted = replace(self, first_visible=first)
        if self.focused in shifted.visible:
            return shifted.settle(layouts)
        nearest = max(first, min(self.focused, first + self.visible_count - 1))
        return shifted.settle(layouts).focus(nearest, layouts)

    def resize(self, visible_count: int, layouts: Layouts) -> ReaderState:
        """The number of panes that fit changed: keep the focused outlet in the window."""
        count = self._fitting(visible_count)
        first = max(self.focused - count + 1, min(self.first_visible, self.focused))
        first = max(0, min(first, self.outlet_count - count))
        return replace(self, visible_count=count, first_visible=first).settle(layouts)

    # ------------------------------------------------------------ mouse and toggles

    @_user_action
    def click(self, number: int, row: int, layouts: Layouts) -> ReaderState:
        """A click on screen row `row` of pane `number`: focus it and put its cursor on the
        sentence there (on a blank or furniture row, the sentence before it, or after it when
        the one before starts above the screen). The clicked pane does not move unless the
        sentence must be brought on screen."""
        if number not in self.visible:
            return self
        layout = layouts(number)
        top = self._top(number, layouts)
        if not layout.first_row:
            return self.focus(number, layouts)
        sentence = layout.sentence_near(top + row, top)
        cursors = list(self.cursors)
        cursors[number] = sentence
        return replace(
            self, focused=number, cursors=tuple(cursors), anchor_row=layout.first_row[sentence] - top
        ).settle(layouts)

    @_user_action
    def scrolled(self, number: int, top: int, layouts: Layouts) -> ReaderState:
        """The user scrolled pane `number` (mouse wheel, scrollbar) to `top`. The focused
        pane takes the others along and drags its cursor onto the screen; another pane
        just stays where it was put until the next action."""
        layout = layouts(number)
        top = layout.clamp(top)
        tops = list(self.tops)
        tops[number] = top
        if number != self.focused or not layout.first_row:
            return replace(self, tops=tuple(tops))
        cursor = self.cursor
        if not layout.fits_on_screen(cursor, top):
            cursor = layout.sentence_near(top + max(0, min(self.anchor_row, layout.height - 1)), top)
        cursors = list(self.cursors)
        cursors[number] = cursor
        return replace(self, cursors=tuple(cursors), tops=tuple(tops), anchor_row=layout.first_row[cursor] - top).settle(
            layouts, partly=True
        )

    @_user_action
    def toggle_sync(self, layouts: Layouts) -> ReaderState:
        """s: scroll sync on or off."""
        return replace(self, sync=not self.sync).settle(layouts)
