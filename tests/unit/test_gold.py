"""The aligner against the hand-made gold alignment of every sample story."""

from pathlib import Path

import pytest

from retold.model.gold import score
from retold.model.pipeline import load_alignment

STORIES = sorted((Path(__file__).resolve().parents[2] / "sample_corpus").glob("*/gold.json"))

# The floor every story is held to: every body sentence kept, no furniture reaching the alignment,
# pair F1 and status accuracy at least 0.90.
FLOOR = {"body_missing": 0, "furniture_leaked": 0, "pair_f1": 0.90, "status_accuracy": 0.90}
# tavel-river was written to be hard (issue 16 item 6) and does not meet that floor yet: it is
# held at what the aligner scored when the story was added (pair F1 0.915, status 0.875, the two
# sentences of a fundraising appeal leaked), so that nothing gets worse. Issue 16 must raise this
# to FLOOR (and its goal is F1 >= 0.95, precision >= 0.97) and then delete the exception.
# selke-landslide was written for provenance and quotes (issue 20): a short German translation of a
# wire and an outlet's own reporting on the same event are hard for the aligner; it is held at what
# the aligner scored when it was added (pair F1 0.548, status 0.879, a headline with a quote and the
# translation credit line leaked) so that nothing gets worse, until issue 16's work raises it.
FLOORS = {
    "tavel-river": FLOOR | {"furniture_leaked": 2, "status_accuracy": 0.875},
    "selke-landslide": FLOOR | {"furniture_leaked": 2, "pair_f1": 0.54, "status_accuracy": 0.875},
}


@pytest.mark.parametrize("gold", STORIES, ids=[g.parent.name for g in STORIES])
def test_gold_scores(gold):
    floor = FLOORS.get(gold.parent.name, FLOOR)
    result = score(load_alignment([str(gold.parent)]), gold)
    assert len(result.body_missing) <= floor["body_missing"], result.body_missing  # body sentences kept
    assert len(result.furniture_leaked) <= floor["furniture_leaked"], result.furniture_leaked  # no furniture reaches the alignment
    assert result.pair_f1 >= floor["pair_f1"], result.pair_errors
    assert result.status_accuracy >= floor["status_accuracy"], result.status_errors


def test_there_is_a_gold_story():
    assert STORIES


def test_every_old_story_is_held_to_the_full_floor():
    """Only the stories added hard (issue 16, issue 20) may sit below the floor, and only until it is raised."""
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
