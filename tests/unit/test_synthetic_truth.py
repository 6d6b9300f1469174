"""retold.synthetic's truth (which wire sentence each outlet sentence retells) and
bench/synthetic_gold.py's pair score over it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.synthetic import make_story

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import synthetic_gold  # noqa: E402


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 5), st.integers(1, 30), st.integers(0, 10_000))
def test_truth_leaves_the_files_alone_and_names_their_sentences_in_order(outlets, sentences, seed):
    with tempfile.TemporaryDirectory() as tmp:
        plain = make_story(Path(tmp) / "plain", outlets=outlets, sentences=sentences, seed=seed)
        truth: dict[str, list[tuple[str, int | None]]] = {}
        told = make_story(Path(tmp) / "told", outlets=outlets, sentences=sentences, seed=seed, truth=truth)
        files = sorted(p.name for p in plain.iterdir())
        assert files == sorted(p.name for p in told.iterdir()) == sorted(truth)
        for name in files:
            text = (told / name).read_text(encoding="utf-8")
            assert text == (plain / name).read_text(encoding="utf-8")
            at = 0
            for sentence, wire in truth[name]:
                found = text.find(sentence, at)
                assert found >= 0, sentence  # each sentence stands in the file, after the one before
                at = found + len(sentence)
                assert wire is None or 0 <= wire < sentences
        # Retellings of one wire sentence keep its words in place (a word changed, some reworded
        # with synonyms): as many words, most of them the same at each place.
        by_wire: dict[int, list[list[str]]] = {}
        for name in files:
            for sentence, wire in truth[name]:
                if wire is not None:
                    by_wire.setdefault(wire, []).append(sentence.split())
        for told_alike in by_wire.values():
            first = told_alike[0]
            for words in told_alike[1:]:
                assert len(words) == len(first)
                assert sum(x == y for x, y in zip(words, first)) >= 0.4 * len(first)


def test_pair_score_counts_pairs_across_outlets():
    truth = {"a.txt": [("A1.", 0), ("A2.", 1), ("Own.", None)], "b.txt": [("B1.", 0), ("B2.", 1)], "c.txt": [("C2.", 1)]}
    right = [["a.txt", [["A1.", 0], ["A2.", 1], ["Own.", None]]], ["b.txt", [["B1.", 0], ["B2.", 1]]], ["c.txt", [["C2.", 1]]]]
    figures = synthetic_gold.score(truth, right)
    assert (figures["precision"], figures["recall"], figures["status"], figures["unplaced"]) == (1.0, 1.0, 1.0, 0)
    # C2 left out of its group: two of the four true pairs (A2-C2, B2-C2) are missed, nothing wrong is claimed.
    missed = [right[0], right[1], ["c.txt", [["C2.", None]]]]
    figures = synthetic_gold.score(truth, missed)
    assert (figures["precision"], figures["recall"], figures["missed"], figures["missed_lone"]) == (1.0, 0.5, 2, 2)
    # B1 grouped with A's own sentence, not with A1: one wrong pair claimed (Own-B1), one true pair missed (A1-B1).
    wrong = [["a.txt", [["A1.", 0], ["A2.", 1], ["Own.", 5]]], ["b.txt", [["B1.", 5], ["B2.", 1]]], right[2]]
    figures = synthetic_gold.score(truth, wrong)
    assert figures["recall"] == 0.75 and figures["precision"] == 3 / 4
