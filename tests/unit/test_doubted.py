"""`Alignment.doubted` (the reader's "=?" mark: a sure sentence with a possible counterpart whose
evidence speaks against the link) is worked out once per group; it must stay exactly the
per-sentence definition over `possible_counterparts`, for any alignment."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.story import AGAINST, Alignment, Group

from tests.unit.state_strategies import stories

EVIDENCE = sorted(AGAINST) + ["lexical", "numbers", "verbatim"]


@st.composite
def weighed(draw) -> Alignment:
    """A generated story whose members carry random scores (sure or possible) and evidence."""
    alignment = draw(stories(max_outlets=5, max_sentences=20))
    groups = tuple(
        Group(group.id, tuple(
            replace(m, score=draw(st.sampled_from([0.3, 0.5, 0.74, 0.75, 0.9])),
                    evidence=tuple(draw(st.lists(st.sampled_from(EVIDENCE), max_size=3))))
            for m in group.members
        ))
        for group in alignment.groups
    )
    return Alignment(alignment.outlets, groups)


def by_definition(alignment: Alignment, outlet_id: str) -> frozenset[int]:
    possible = alignment.possible(outlet_id)
    return frozenset(
        s.index for s in alignment.outlet(outlet_id).sentences
        if s.group is not None and s.index not in possible
        and any(AGAINST & set(m.evidence) for m in alignment.possible_counterparts(outlet_id, s.index))
    )


@settings(max_examples=300, deadline=None)
@given(weighed())
def test_doubted_is_the_per_sentence_definition(alignment):
    for outlet in alignment.outlets:
        assert alignment.doubted(outlet.id) == by_definition(alignment, outlet.id)
