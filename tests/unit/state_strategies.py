"""Hypothesis strategies for the navigation model: random stories, layouts and key sequences."""

from __future__ import annotations

from hypothesis import strategies as st

from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta, Sentence, Status
from retold.tui.state import PaneLayout

ACTIONS = ["j", "k", "g", "G", "pgdn", "pgup", "tab", "shift+tab", "]", "[", "n", "p", ">", "<", "s",
           "click", "wheel", "relayout", "resize"]


@st.composite
def stories(draw, max_outlets: int = 8, max_sentences: int = 60) -> Alignment:
    """1-8 outlets of 0-60 sentences; groups hold runs of 1-3 consecutive sentences per outlet
    (merges and splits), at most one run per outlet, in any order across outlets."""
    outlet_count = draw(st.integers(1, max_outlets))
    pool = draw(st.integers(0, 20))
    members: dict[int, list[Member]] = {}
    assigned: list[list[int | None]] = []
    for number in range(outlet_count):
        size = draw(st.integers(0, max_sentences))
        groups: list[int | None] = []
        used: set[int] = set()
        while len(groups) < size:
            run = min(draw(st.integers(1, 3)), size - len(groups))
            group = draw(st.none() | st.integers(0, pool - 1)) if pool else None
            if group in used:
                group = None
            if group is not None:
                used.add(group)
                for offset in range(run):
                    members.setdefault(group, []).append(Member(f"o{number}", len(groups) + offset, 1.0))
            groups.extend([group] * run)
        assigned.append(groups)
    # Only groups with members of two outlets or more are groups; renumber them 0..n-1.
    kept = sorted(g for g, ms in members.items() if len({m.outlet for m in ms}) > 1)
    new_id = {g: i for i, g in enumerate(kept)}
    outlets = []
    for number, groups in enumerate(assigned):
        sentences = []
        for index, group in enumerate(groups):
            gid = new_id.get(group) if group is not None else None
            status = Status.UNIQUE if gid is None else draw(st.sampled_from([Status.SHARED, Status.ALTERED]))
            sentences.append(Sentence(index, index // 3, f"s{index}", index, index + 1, status, gid))
        meta = OutletMeta(id=f"o{number}", name=f"Outlet {number}", source=f"o{number}.txt")
        outlets.append(Outlet(meta, "", None, tuple(sentences), ()))
    order = {f"o{n}": n for n in range(outlet_count)}
    group_list = tuple(
        Group(new_id[g], tuple(sorted(members[g], key=lambda m: (order[m.outlet], m.sentence)))) for g in kept
    )
    return Alignment(tuple(outlets), group_list)


@st.composite
def layout_for(draw, sentences: int, height: int) -> PaneLayout:
    """Rows per sentence 1-6 (a narrow pane wraps more), paragraph gaps, furniture blocks of
    0-2 rows at the start, between sentences and at the end (`r` shows them)."""
    first_row, row_count = [], []
    row = draw(st.integers(0, 2))
    for index in range(sentences):
        if index:
            row += draw(st.sampled_from([0, 0, 0, 1, 2]))
        first_row.append(row)
        count = draw(st.integers(1, 6))
        row_count.append(count)
        row += count
    row += draw(st.integers(0, 2))
    return PaneLayout(tuple(first_row), tuple(row_count), row, height)


@st.composite
def scenarios(draw):
    """A story, two layout sets (as before and after `r`/`d`/a resize re-wraps), pane height,
    panes that fit, and a key sequence with its arguments."""
    alignment = draw(stories())
    height = draw(st.integers(4, 30))
    layout_sets = [
        [draw(layout_for(len(o.sentences), height)) for o in alignment.outlets] for _ in range(2)
    ]
    fit = draw(st.integers(1, 4))
    actions = draw(
        st.lists(
            st.tuples(st.sampled_from(ACTIONS), st.integers(0, 7), st.integers(-40, 40)),
            min_size=1,
            max_size=25,
        )
    )
    return alignment, layout_sets, fit, actions
