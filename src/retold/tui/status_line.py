"""The reader's status line as a pure function of where it is and how it shows the story."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from retold.model.safe import printable
from retold.model.story import AGAINST, POSSIBLE_GLYPH, STATUSES, Status
from retold.tui.state import ReaderState, ViewModes
from retold.tui.widgets.outlet_pane import NOTE_MARK, QUOTE_MARK, REMOVED_MARK

STATUS_STYLE = {Status.SHARED: "", Status.ALTERED: "italic", Status.UNIQUE: "bold"}
POSSIBLE_STYLE = "dim italic"  # fainter than a sure status, as the pane's "?"
EVIDENCE_WEIGHT = 65  # a "?" sentence's evidence: above the outlets shown (60), below a search (90)


def legend_line() -> Text:
    """The line under the status line: what the marks mean (`/` turns it into the search prompt)."""
    legend = Text(no_wrap=True, overflow="ellipsis")
    for status in STATUSES:
        legend.append(f"{status.glyph} {status}", STATUS_STYLE[status])
        legend.append("   ")
    # The pane's "?" is a counterpart on thin evidence; help is the key bar's last entry.
    legend.append(f"{POSSIBLE_GLYPH} possible", POSSIBLE_STYLE)
    legend.append(f"   {NOTE_MARK} note   {QUOTE_MARK} quote differs   {REMOVED_MARK} removed furniture (r)")
    return legend


def status_line(
    state: ReaderState, modes: ViewModes, width: int, *, noted: bool = False, notes_problem: str | None = None,
    quote: str | None = None,
) -> Text:
    """The focused outlet's name, then what the reader needs most, as many parts as fit in
    `width` cells (the least needed dropped first; the name is cut last, by the ellipsis).
    `noted`: the cursor sentence has a note; `quote`: how its quote differs in another outlet
    (the model's quote marks, `retold.model.sources.quote_marks_for`; it names outlets)."""
    alignment = state.alignment
    outlet = alignment.outlets[state.focused]
    parts: list[tuple[int, str, str]] = []  # (weight, text, style), in the order shown
    short: tuple[int, str, str] | None = None  # a possible pair's count and evidence in one part
    count_at: int | None = None  # the counterpart count's part, and its shorter forms
    shorter: list[str] = []
    if outlet.sentences:
        sentence = outlet.sentences[state.cursor]
        others = len(alignment.outlets) - 1
        found = 0 if sentence.group is None else len({m.outlet for m in alignment.groups[sentence.group].members} - {outlet.id})
        parts.append((80, f"sentence {state.cursor + 1}/{len(outlet.sentences)}", ""))
        member = alignment.member(outlet.id, sentence.index)
        if member is not None and member.strength == "possible":
            # Thin evidence: said as the pane's "?" says it, never as a sure "altered"/"shared",
            # with what the link rests on (the JSON's `evidence`).
            # Two parts, as "altered" and its count: the count may drop at 80 or 100 columns, the
            # word "possible" not (short, so it pushes out nothing "altered" left room for).
            parts.append((70, f"{POSSIBLE_GLYPH} possible", POSSIBLE_STYLE))
            count_at = len(parts)
            parts.append((30, f"counterpart in {found} of {others} others", ""))
            shorter = [f"in {found} of {others}"]
            if member.evidence:
                evidence = printable(", ".join(member.evidence))
                evidence_at = len(parts)
                # What a "?" rests on outranks where the panes are ("outlets 2-3/5 <>", which the
                # panes show): at 100 columns a new user saw "? possible │ counterpart in 4 of 4
                # others" and could not tell that the pair rested on a name and its place alone.
                parts.append((EVIDENCE_WEIGHT, "evidence: " + evidence, POSSIBLE_STYLE))
                # Where the two long parts do not both fit, one short part may still hold both.
                short = (EVIDENCE_WEIGHT, f"in {found} of {others}: {evidence}", POSSIBLE_STYLE)  # "in 2 of 4: names, lexical"
        else:
            parts.append((70, str(sentence.status), STATUS_STYLE[sentence.status]))
            count_at = len(parts)
            # A counterpart on thin evidence is counted apart from the sure ones, from this side
            # too: "in 2 of 2 others" told a reader of the wire that every outlet agreed when one
            # of them was only a "?" whose numbers differ.
            doubtful = alignment.possible_counterparts(outlet.id, sentence.index)
            if doubtful:
                sure = found - len(doubtful)
                # "… , possibly 2 more": a new user read "in 1 of 5 others, 2 possible" as one count
                # contradicting the other.
                parts.append((30, f"in {sure} of {others} others, possibly {len(doubtful)} more", ""))
                shorter = [f"in {sure} of {others}, possibly {len(doubtful)} more", f"in {sure} of {others} +{len(doubtful)}{POSSIBLE_GLYPH}"]
                against = sorted({e for m in doubtful for e in m.evidence if e in AGAINST})
                if against:
                    # What speaks against the doubtful counterpart, and whose it is.
                    against_of = [m.outlet for m in doubtful if AGAINST & set(m.evidence)]
                    whose = (printable(alignment.outlet(against_of[0]).name) if len(against_of) == 1
                             else f"{len(against_of)} outlets")
                    parts.append((35, f"{POSSIBLE_GLYPH} {whose}: {printable(', '.join(against))}", POSSIBLE_STYLE))
            else:
                parts.append((30, f"in {found} of {others} others", ""))
                shorter = [f"in {found} of {others}"]
        if noted:
            parts.append((68, f"{NOTE_MARK} note", "bold"))  # the reader's own: before a "?"'s evidence
        if quote:
            parts.append((60, f"{QUOTE_MARK} {printable(quote)}", "italic"))
    else:
        parts.append((80, "no sentences", ""))
    total = len(alignment.outlets)
    if notes_problem:
        parts.append((40, "notes unavailable", "bold"))
    if not state.sync:
        parts.append((50, "sync off", ""))
    if modes.diff:
        parts.append((20, "diff", ""))
    if modes.removed:
        parts.append((20, "furniture", ""))
    if modes.filter:
        parts.append((55, "only " + ("changes" if modes.filter == "changes" else "unique"), "bold"))
    if modes.search_query is not None:
        where = f"{modes.match_index + 1}/" if modes.match_index is not None else ""
        query = printable(modes.search_query)
        if len(query) > 24:
            query = query[:23] + "…"
        parts.append((90, f"/{query} {where}{modes.match_count} matches (n p)", ""))
    if state.visible_count < total:
        folded = f" ({len(state.folded)} folded)" if state.folded else ""
        parts.append((60, f"outlets {state.first_visible + 1}-{state.first_visible + state.visible_count}/{total}{folded} <>", ""))
    name = printable(outlet.name)
    shown = _fit(name, parts, width)
    if short is not None and not {count_at, evidence_at} <= set(shown):
        merged = [short if n == evidence_at else part for n, part in enumerate(parts) if n != count_at]
        merged_shown = _fit(name, merged, width)
        kept = {parts[n][1] for n in shown if parts[n][0] > short[0]} - {parts[count_at][1], parts[evidence_at][1]}
        # Taken only when it shows both and costs none of the other parts shown that outrank it.
        if short in (merged[n] for n in merged_shown) and kept <= {merged[n][1] for n in merged_shown}:
            parts, shown = merged, merged_shown
    if count_at is not None and shorter and not any(parts[n][1].startswith(("in ", "counterpart in ")) for n in shown):
        # The count is what the line is for: where its long form (and the one short part
        # with the evidence) did not fit, the longest short form that fits in the room left.
        for form in shorter:
            trial = [*parts[:count_at], (parts[count_at][0], form, parts[count_at][2]), *parts[count_at + 1:]]
            if _fits(name, trial, [*shown, count_at], width):
                parts, shown = trial, sorted([*shown, count_at])
                break
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(name, "bold")
    for _, part, style in (parts[n] for n in shown):
        text.append(" │ ")
        text.append(part, style)
    return text


def _fits(name: str, parts: list[tuple[int, str, str]], numbers: list[int], width: int) -> bool:
    """Whether `name` and the parts numbered `numbers` fit in `width` cells (less the padding)."""
    return cell_len(name) + sum(cell_len(parts[n][1]) + 3 for n in numbers) <= width - 2


def _fit(name: str, parts: list[tuple[int, str, str]], width: int) -> list[int]:
    """The numbers of the parts shown after `name` in `width` cells."""
    # Drop the least needed parts until the line fits: a search's count must not be the part
    # that falls off a 100-column screen.
    def fits(numbers: list[int]) -> bool:
        return _fits(name, parts, numbers, width)

    shown = list(range(len(parts)))
    while shown and not fits(shown):
        shown.remove(min(shown, key=lambda n: parts[n][0]))
    # A long part dropped late (a quote's line) may leave room for a short one dropped before it
    # (the note mark): those come back, the most needed first, each in its place.
    for n in sorted(set(range(len(parts))) - set(shown), key=lambda n: -parts[n][0]):
        if fits(shown + [n]):
            shown = sorted(shown + [n])
    return shown
