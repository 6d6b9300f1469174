"""The aligner against the hand-made gold alignment of every sample story."""

from pathlib import Path

import pytest

from retold.model.gold import score
from retold.model.pipeline import load_alignment

STORIES = sorted((Path(__file__).resolve().parents[2] / "sample_corpus").glob("*/gold.json"))


@pytest.mark.parametrize("gold", STORIES, ids=[g.parent.name for g in STORIES])
def test_gold_scores(gold):
    result = score(load_alignment([str(gold.parent)]), gold)
    assert result.body_missing == []  # every body sentence kept
    assert result.furniture_leaked == []  # no furniture reaches the alignment
    assert result.pair_f1 >= 0.90, result.pair_errors
    assert result.status_accuracy >= 0.90, result.status_errors


def test_there_is_a_gold_story():
    assert STORIES
