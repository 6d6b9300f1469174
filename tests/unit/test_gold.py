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
# then delete the exception. prec4 (issue 16, rules for classes found on the other stories and
# the order of a retold lead) took its five wrong pairs away: precision 1.000, F1 0.921 (over
# FLOOR's 0.90); its status accuracy (0.875) is still under FLOOR: the three paraphrased leads
# and the Delta Herald's lead (its words just short of the judge's bar) are left unique.
# recall4 (issue 16, class 3: paraphrased leads found by their frame, align/frames.py, developed
# on invented examples and measured here once): precision 1.000, F1 0.968, status 0.917 — over
# FLOOR, so its exception is deleted.
# selke-landslide was written for provenance and quotes (issue 20): a short German translation of
# the wire and one outlet's own reporting on the same event are hard; held at today's figures
# (pair F1 0.792, status 0.909, the translation credit line leaked) so that nothing gets worse,
# until issue 16's work raises it. Once the credit line is cleaned away (a furniture class of its
# own) the translation aligns with the wire: F1 0.893, status 1.000, nothing leaked. Its precision
# went from 0.826 to 0.806: the six pairs still wrong are the Tallis Post's "The railway expects
# the line to stay closed for at least six weeks." (and its copy) beside the wire's lead, which
# says that in other words among more; the gold keeps the Tallis reporting apart from the wire
# (its own reporting: the same quote of Quell is not paired either), and the German lead now
# joins the wire's lead group. The old 0.826 held only because half the German sentences were
# left unaligned (recall 0.760).
# issue 16 "precision first" (prec4) then took the six wrong pairs away: the Tallis Post's
# sentence was a lone "possible" pair between two outlets that share nothing else, chaining its
# group to the wire's lead (align/lone.py); selke-landslide now scores 1.000 throughout and is
# held to the full FLOOR.
# brenholt-port is the second story written hard and held out (issue 16 item 6; its gold was
# committed before the aligner first ran on it). Its first run, words alone as these tests align:
# pair P/R/F1 1.000/0.766/0.868, status 0.885, the translator/editor credit line leaked as two
# sentences; held at those figures less 0.01 (the leaked count as it is), so that nothing gets
# worse, until issue 16's work (tuned elsewhere) raises it to FLOOR and deletes the exception.
# The statement-word rule outside parallel text (precision3: MSRP precision up on every split) then
# cost it recall, 0.766 -> 0.727 (F1 0.842, status 0.869, precision still 1.000); splits.py won
# it back (0.766). Its credit line ("Translated from … by …. Edited by ….", two credits on one
# line) was then cleaned as a class after a review saw it leak: its furniture figure is no
# longer held out (0 leaked; F1 0.892, status 0.902 with the two false sentences gone).
# aldmere-summit (story5's dev story) and lethmar-rates (held out) are five independently written
# reports of one event each (issue 16, story5), gold committed before the aligner first ran on
# them. First run, words alone: aldmere-summit 1.000 / 0.642 / 0.782, status 0.819;
# lethmar-rates 1.000 / 0.772 / 0.871, status 0.928. Precision already held; recall is what the
# rules of this round raise (the figures below are today's, held as the others are). velka-mine
# (story5's second dev story, written to press harder on same-topic sentences; gold before its
# first run): first run 1.000 / 0.759 / 0.863, status 0.867.
# olm-derailment (a new user's five invented outlets of one derailment; gold from the user's list
# of expected pairs written before they ran retold) and kestvale-barrier (story6: one club
# chairman's several statements at one press conference) are DEV stories for the precision class
# left open by issue 16 (one named speaker, several statements, short quotes), gold committed
# before the aligner first ran on them. First run, words alone (story6, Dec 2026):
# olm-derailment P/R/F1 0.580 / 0.516 / 0.547, status 0.825, headlines 5/5, names 4/5, 6 body
# sentences missing and 3 lines leaked; kestvale-barrier 0.644 / 0.522 / 0.577, status 0.775,
# headlines 5/5, names 5/5, 4 missing and 4 leaked. Most missing/leaked are one cause: each wire
# is a sentence per line with a few two-sentence lines, so segment.SEGMENTED_BY_AUTHOR keeps
# those lines whole (the gold splits them: 3 such lines in olm, 2 in kestvale); kestvale also
# leaks a lone "Share" line and a "Translated from … by the … desk." credit line. Held at those
# figures less 0.01 (the counts as they are) so that nothing gets worse; issue 16 must raise them.
# prec6 (merged with them, the same day) moved both, and two figures down, on purpose: an author's
# line that plainly holds two sentences is now split (olm: body missing 6 -> 0, leaked 3 -> 0,
# recall 0.516 -> 0.637, F1 0.547 -> 0.592; its precision 0.580 -> 0.552 because the now-split wire
# sentences pair, and chain, where the one long sentence was a leaked line before), and a merge
# outside parallel text needs every part to say more than who acts (kestvale: precision 0.644 ->
# 0.821, F1 0.577 -> 0.630, leaked 4 -> 2; status 0.775 -> 0.750: the leads that were wrongly
# merged are now unique where the gold pairs them to other leads). Held at the new figures.
# prec7: a thin merge no longer joins two sentences a third outlet tells apart (align/weakmerge.py):
# olm-derailment precision 0.552 -> 0.690, F1 0.592 -> 0.663. clean7: kestvale-barrier leaked 2 -> 1 (its
# translation note, "Translated from … by the … desk.", is a credit now).
FLOORS = {
    "brenholt-port": FLOOR | {"pair_f1": 0.858, "status_accuracy": 0.875},
    "aldmere-summit": FLOOR | {"pair_f1": 0.772, "status_accuracy": 0.809},
    "lethmar-rates": FLOOR | {"pair_f1": 0.861, "status_accuracy": 0.918},
    "velka-mine": FLOOR | {"pair_f1": 0.853, "status_accuracy": 0.857},
    "olm-derailment": FLOOR | {"pair_f1": 0.653, "status_accuracy": 0.839},
    "kestvale-barrier": FLOOR | {"furniture_leaked": 1, "pair_f1": 0.620, "status_accuracy": 0.740},
}
# Each story is also held where the aligner stands today, less a margin of 0.01 (issue 21): one
# status or pair more wrong than today in any of these stories fails (one status is 0.015-0.024
# of a story's accuracy), while a better aligner passes. Raise a figure when the aligner gets
# better; never lower one to make a change pass (`python bench/score_gold.py` prints them).
# Today (bench/score_gold.py, Dec 2026): north-sea-grid and rowing-worlds 1.000 throughout;
# tavel-river precision 0.891, F1 0.872, status 0.875 (its appeal cleaned away); veneth-dam precision 1.000, F1 0.968, status 0.967.
# prec4 (issue 16): selke-landslide 0.806/0.893/1.000 -> 1.000/1.000/1.000; tavel-river 0.891/0.872/0.875 -> 1.000/0.921/0.875.
# brenholt-port (held out, words alone) precision 1.000, F1 0.892, status 0.902 (a split's other half joined, align/splits.py; its credit line cleaned).
# recall4 (issue 16, paraphrased leads by their frame): tavel-river 1.000/0.921/0.875 -> 1.000/0.968/0.917.
# prec9 (a wire's and its copy's thin merges beside one sentence no longer shield each other,
# align/weakmerge.py): kestvale-barrier precision 0.821 -> 0.920, F1 0.630 -> 0.657. Of two thin
# merges that overlap in part, the thinner keeps only what the other does not hold: olm-derailment
# precision 0.690 -> 0.853, F1 0.663 -> 0.730. A short quote beside an act of its speaker is
# another statement outside parallel text (align/statements.py): olm 0.853 -> 0.951, F1 -> 0.763.
MARGIN = 0.01
TODAY = {
    "aldmere-summit": {"pair_precision": 1.0, "pair_f1": 0.874, "status_accuracy": 0.861},
    "lethmar-rates": {"pair_precision": 1.0, "pair_f1": 0.871, "status_accuracy": 0.928},
    "velka-mine": {"pair_precision": 1.0, "pair_f1": 0.885, "status_accuracy": 0.911},
    "brenholt-port": {"pair_precision": 1.0, "pair_f1": 0.892, "status_accuracy": 0.902},
    "north-sea-grid": {"pair_precision": 1.0, "pair_f1": 1.0, "status_accuracy": 1.0},
    "rowing-worlds": {"pair_precision": 1.0, "pair_f1": 1.0, "status_accuracy": 1.0},
    "selke-landslide": {"pair_precision": 1.0, "pair_f1": 1.0, "status_accuracy": 1.0},
    "tavel-river": {"pair_precision": 1.0, "pair_f1": 0.968, "status_accuracy": 0.917},
    "veneth-dam": {"pair_precision": 1.0, "pair_f1": 0.968, "status_accuracy": 0.967},
    "olm-derailment": {"pair_precision": 0.951, "pair_f1": 0.763, "status_accuracy": 0.849},
    "kestvale-barrier": {"pair_precision": 0.920, "pair_f1": 0.657, "status_accuracy": 0.750},
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
    """Only the stories added hard (issues 16 and 20) may sit below the floor, and only until it is raised."""
    assert set(FLOORS) <= {
        "tavel-river", "selke-landslide", "brenholt-port", "aldmere-summit", "lethmar-rates", "velka-mine",
        "olm-derailment", "kestvale-barrier",
    }


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
