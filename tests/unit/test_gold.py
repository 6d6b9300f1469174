"""The aligner against the hand-made gold alignment of every sample story."""

from pathlib import Path

import pytest

from retold.model.gold import score
from retold.model.pipeline import load_alignment

STORIES = sorted((Path(__file__).resolve().parents[2] / "sample_corpus").glob("*/gold.json"))

# The floor every story is held to: every body sentence kept, no furniture reaching the alignment,
# pair F1 and status accuracy at least 0.90.
FLOOR = {"body_missing": 0, "furniture_leaked": 0, "pair_f1": 0.90, "status_accuracy": 0.90}
# tavel-river was written to be hard (issue 16 item 6) and does not meet that floor yet. It was
# first held at pair F1 0.915 / status 0.875 with its fundraising appeal leaking two lines; once
# cleaning removed the appeal, the outlet that carried it aligns as a parallel retelling and a
# paraphrased lead pairs by position with the wrong wire sentence (F1 0.872, P 0.891, R 0.854).
# Held now at that, with no furniture leaked, so nothing gets worse; issue 16 must raise it to
# FLOOR (its goal: F1 >= 0.95, precision >= 0.97), tuned elsewhere (this story is held out), and
# then delete the exception.
# selke-landslide was written for provenance and quotes (issue 20): a short German translation of
# the wire and one outlet's own reporting on the same event are hard; held at today's figures
# (pair F1 0.792, status 0.909, the translation credit line leaked) so that nothing gets worse,
# until issue 16's work raises it.
FLOORS = {
    "tavel-river": FLOOR | {"pair_f1": 0.87, "status_accuracy": 0.87},
    "selke-landslide": FLOOR | {"furniture_leaked": 1, "pair_f1": 0.79},
}
# Each story is also held where the aligner stands today, less a margin of 0.01 (issue 21): one
# status or pair more wrong than today in any of these stories fails (one status is 0.015-0.024
# of a story's accuracy), while a better aligner passes. Raise a figure when the aligner gets
# better; never lower one to make a change pass (`python bench/score_gold.py` prints them).
# Today (bench/score_gold.py, Dec 2026): north-sea-grid and rowing-worlds 1.000 throughout;
# tavel-river precision 0.891, F1 0.872, status 0.875 (its appeal cleaned away); veneth-dam precision 1.000, F1 0.968, status 0.967.
MARGIN = 0.01
TODAY = {
    "north-sea-grid": {"pair_precision": 1.0, "pair_f1": 1.0, "status_accuracy": 1.0},
    "rowing-worlds": {"pair_precision": 1.0, "pair_f1": 1.0, "status_accuracy": 1.0},
    "selke-landslide": {"pair_precision": 0.840, "pair_f1": 0.840, "status_accuracy": 0.939},
    "tavel-river": {"pair_precision": 0.891, "pair_f1": 0.872, "status_accuracy": 0.875},
    "veneth-dam": {"pair_precision": 1.0, "pair_f1": 0.968, "status_accuracy": 0.967},
}


@pytest.mark.parametrize("gold", STORIES, ids=[g.parent.name for g in STORIES])
def test_gold_scores(gold):
    floor = FLOORS.get(gold.parent.name, FLOOR)
    result = score(load_alignment([str(gold.parent)]), gold)
    assert len(result.body_missing) <= floor["body_missing"], result.body_missing  # body sentences kept
    assert len(result.furniture_leaked) <= floor["furniture_leaked"], result.furniture_leaked  # no furniture reaches the alignment
    assert result.pair_f1 >= floor["pair_f1"], result.pair_errors
    assert result.status_accuracy >= floor["status_accuracy"], result.status_errors
    today = TODAY[gold.parent.name]
    assert result.pair_precision >= today["pair_precision"] - MARGIN, result.pair_errors
    assert result.pair_f1 >= today["pair_f1"] - MARGIN, result.pair_errors
    assert result.status_accuracy >= today["status_accuracy"] - MARGIN, result.status_errors


def test_every_gold_story_is_pinned_at_its_own_figures():
    assert {g.parent.name for g in STORIES} == set(TODAY)


def test_there_is_a_gold_story():
    assert STORIES


def test_every_old_story_is_held_to_the_full_floor():
    """Only the story added hard (issue 16) may sit below the floor, and only until it is raised."""
    assert set(FLOORS) <= {"tavel-river", "selke-landslide"}


def test_gold_names_are_scored(tmp_path):
    """A gold `name` is the name the reader must see: a story.toml name matches it, a file stem
    that is not the page's name does not, and an outlet without one is not counted."""
    import json

    body = "The council voted on Monday to close the old quay for repairs.\n"
    (tmp_path / "ledger.txt").write_text(body, encoding="utf-8")
    (tmp_path / "quayside.txt").write_text(body, encoding="utf-8")
    (tmp_path / "other.txt").write_text(body, encoding="utf-8")
    (tmp_path / "story.toml").write_text('[[outlet]]\nfile = "ledger.txt"\nname = "The Harbour Ledger"\n', encoding="utf-8")
    sentence = [{"text": body.strip(), "group": "Q1", "status": "shared"}]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"outlets": {
        "ledger.txt": {"title": None, "sentences": sentence, "name": "The Harbour Ledger"},
        "quayside.txt": {"title": None, "sentences": sentence, "name": "Quayside Weekly"},
        "other.txt": {"title": None, "sentences": sentence},
    }}), encoding="utf-8")
    result = score(load_alignment([str(tmp_path)]), gold)
    assert (result.names_right, result.names_total) == (1, 2)
    assert result.name_errors == ["quayside.txt: named 'Quayside', not 'Quayside Weekly'"]
    assert "names 1/2" in result.summary()
