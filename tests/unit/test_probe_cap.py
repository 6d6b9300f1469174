"""The features a sentence probes for candidates with (align/candidates.py): a feature's cap is
per outlet that prints it, so a story's outlets that never print it do not let it probe."""

from hypothesis import given
from hypothesis import strategies as st

from retold.model.align.candidates import _postings, probe_worthy
from retold.model.align.params import PROBE_LEAST, PROBE_PER_OUTLET
from retold.model.align.records import new_features


def _story(rows: list[list[set[str]]]) -> list[list]:
    return [[new_features((), frozenset(feats), 10, True, False) for feats in row] for row in rows]


def _worthy(rows: list[list[set[str]]]) -> set[str]:
    return probe_worthy(*_postings(_story(rows)))


# Up to 6 outlets of up to 12 sentences, each sentence some of five features.
_outlets = st.lists(st.lists(st.sets(st.sampled_from("abcde"), max_size=3), max_size=12), min_size=1, max_size=6)


@given(_outlets, st.integers(min_value=1, max_value=40))
def test_outlets_that_do_not_print_a_feature_do_not_change_whether_it_probes(rows, more):
    """A story with `more` outlets of their own words beside: the same features probe."""
    others = [[{f"own{n}"}] for n in range(more)]
    assert _worthy(rows + others) & set("abcde") == _worthy(rows)


def test_a_word_one_outlet_repeats_does_not_probe_a_big_story():
    """One outlet says "quay" in 20 sentences; 39 other outlets never do. Under a cap on the
    story's count (4 per outlet of the story: 160) it probed; per outlet that prints it, not."""
    rows = [[{"quay", f"w{i}"} for i in range(20)]] + [[{f"x{n}"}] for n in range(39)]
    worthy = _worthy(rows)
    assert "quay" not in worthy
    assert "w3" in worthy


def test_a_wire_word_every_outlet_prints_a_few_times_probes():
    rows = [[{"quay"} for _ in range(PROBE_PER_OUTLET)] + [{"y"}] for _ in range(40)]
    assert "quay" in _worthy(rows)
    rows = [row + [{"quay"}] for row in rows]  # one more than PROBE_PER_OUTLET per outlet
    assert "quay" not in _worthy(rows)


def test_a_small_story_keeps_the_least():
    rows = [[{"quay"} for _ in range(PROBE_LEAST)], [{"y"}]]
    assert "quay" in _worthy(rows)
    rows[0].append({"quay"})
    assert "quay" not in _worthy(rows)
