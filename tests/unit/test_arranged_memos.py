"""The reader's arranged alignment shares the look-ups the loading thread already made (they
name outlets by id): sharing never changes an answer, whatever the story."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model.pipeline import load_alignment
from retold.model.sources import quote_marks_for, sources_of
from retold.model.story import Alignment
from retold.synthetic import make_story
from retold.tui.state import arrange, arranged


def _fresh(alignment: Alignment) -> Alignment:
    """The same alignment with no memo at all."""
    return Alignment(alignment.outlets, alignment.groups, alignment.story_title, alignment.story_key)


def _check(alignment: Alignment) -> None:
    sources_of(alignment)
    arrangement = arrange(alignment)  # fills counterpart look-ups on `alignment`
    ids = [o.id for o in alignment.outlets]
    for a in ids:  # and every other one, so that all are shared
        alignment.possible(a)
        alignment.member(a, 0)
        for b in ids:
            alignment.counterparts(a, b)
    ordered = arranged(alignment, arrangement)
    assert len(ordered._cache) > 1  # something was shared
    plain = arranged(_fresh(alignment), arrangement)
    assert [o.id for o in ordered.outlets] == [o.id for o in plain.outlets] == list(arrangement.order)
    for a in ids:
        assert ordered.possible(a) == plain.possible(a)
        assert [ordered.member(a, s.index) for s in ordered.outlet(a).sentences] == [plain.member(a, s.index) for s in plain.outlet(a).sentences]
        for b in ids:
            assert ordered.counterpart_spans(a, b) == plain.counterpart_spans(a, b)
            assert ordered.counterparts(a, b) == plain.counterparts(a, b)
    # The Sources are the file-order alignment's, as before sharing (they were copied alone).
    assert sources_of(ordered) is sources_of(alignment)
    assert quote_marks_for(ordered) == quote_marks_for(alignment)


def test_every_sample_story_answers_alike_after_sharing():
    root = Path(__file__).resolve().parents[2] / "sample_corpus"
    for story in sorted(p for p in root.iterdir() if p.is_dir()):
        _check(load_alignment([str(story)], semantic=False))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(outlets=st.integers(2, 5), sentences=st.integers(1, 12), seed=st.integers(0, 10_000))
def test_any_synthetic_story_answers_alike_after_sharing(tmp_path_factory, outlets, sentences, seed):
    folder = tmp_path_factory.mktemp("story")
    make_story(folder / "s", outlets=outlets, sentences=sentences, seed=seed)
    _check(load_alignment([str(folder / "s")], semantic=False))
