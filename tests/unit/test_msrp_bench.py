"""bench/msrp.py's core: the aligner's verdict on a pair of sentences, its tally and its split.

The pairs here are our own (never MSRP text): a paraphrase, a trimmed copy, the same words
reordered, and pairs on one topic that make different statements.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import msrp  # noqa: E402

SAME = [  # the first near-verbatim (shared), the others reworded, trimmed, reordered (altered)
    ("Engineers found two new cracks in the eastern wall of the Veneth dam on Sunday.",
     "Engineers found two new cracks in the eastern wall of the Veneth dam on Sunday."),
    ("Kestrel Bay's ferry company will raise fares by 12 percent from June to pay for two new boats, its chief executive told shareholders.",
     "Kestrel Bay's ferry company will raise fares by 12 percent from June."),
    ("The harbour council voted on Monday to close the old quay for repairs.",
     "The old quay will close for repairs after a vote by the harbour council on Monday."),
    ("Mayor Ilka Dorn said schools in the evacuated districts would stay closed on Monday.",
     "Schools in the evacuated districts will stay closed on Monday, Mayor Ilka Dorn said."),
]
DIFFERENT = [
    ("The harbour council voted on Monday to close the old quay for repairs.",
     "Fishermen in Kestrel Bay said the new ferry timetable left them without a morning crossing."),
    ("Orlin's mayor opened the new market hall on Saturday.",
     "Divers will inspect the underwater face of the dam on Tuesday."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_statement_is_one_group(a, b):
    assert msrp.same_statement(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_statements_stay_apart(a, b):
    assert not msrp.same_statement(a, b)


def test_verdicts_over_workers_equal_the_verdicts_here():
    pairs = [msrp.Pair(True, str(n), str(n + 1), a, b) for n, (a, b) in enumerate((SAME + DIFFERENT) * 45)]
    assert len(pairs) >= 200  # enough for the pool to be used
    assert msrp.verdicts(pairs, workers=2) == msrp.verdicts(pairs, workers=1) == [(p.a, p.b) in SAME for p in pairs]


def test_confusion_counts_and_figures():
    confusion = msrp.Confusion()
    for label, said in [(True, True)] * 6 + [(False, True)] * 2 + [(True, False)] * 1 + [(False, False)] * 3:
        confusion.add(label, said)
    assert (confusion.tp, confusion.fp, confusion.fn, confusion.tn, confusion.total) == (6, 2, 1, 3, 12)
    accuracy, precision, recall, f1 = confusion.figures()
    assert accuracy == pytest.approx(9 / 12)
    assert precision == pytest.approx(6 / 8)
    assert recall == pytest.approx(6 / 7)
    assert f1 == pytest.approx(2 * (6 / 8) * (6 / 7) / (6 / 8 + 6 / 7))
    assert "TP 6 FP 2 FN 1 TN 3" in confusion.line()


def test_score_splits_reads_the_files_and_holds_out_a_fifth_of_train(tmp_path):
    header = "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
    rows = [(1, a, b) for a, b in SAME] + [(0, a, b) for a, b in DIFFERENT]
    train = [f"{label}\t{n}\t{n + 500}\t{a}\t{b}" for n, (label, a, b) in enumerate(rows * 20)]
    (tmp_path / "train.tsv").write_text(header + "\n".join(train) + "\n", encoding="utf-8")
    # a quote inside a sentence is text, not CSV quoting
    (tmp_path / "dev.tsv").write_text(header + '1\t7\t8\t"Stay home," the mayor said.\t"Stay home," the mayor said.\n', encoding="utf-8")
    (tune, tuned), (held, held_out), (dev, dev_scores) = [(n, c) for n, c, _ in msrp.score_splits(tmp_path, workers=1)]
    assert (tune, held, dev) == ("train (80 %)", "train held out (20 %)", "dev (held out)")
    assert tuned.total + held_out.total == 120 and 10 <= held_out.total <= 40
    assert (tuned.tp + held_out.tp, tuned.tn + held_out.tn, tuned.fp + held_out.fp, tuned.fn + held_out.fn) == (80, 40, 0, 0)
    assert (dev_scores.tp, dev_scores.total) == (1, 1)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**8), st.integers(0, 10**8), st.booleans(), st.text(max_size=20))
def test_held_out_depends_on_the_ids_alone(id_a, id_b, label, text):
    """The fifth held out is fixed by the pair's ids (sha256, not Python's per-run salted hash)."""
    pair = msrp.Pair(label, str(id_a), str(id_b), text, text[::-1])
    again = msrp.Pair(not label, str(id_a), str(id_b), "other", "text")
    assert pair.held_out == again.held_out


def test_held_out_is_about_a_fifth_and_the_same_in_every_process():
    import os
    import subprocess

    pairs = [msrp.Pair(True, str(n), str(n * 7 + 3), "", "") for n in range(5000)]
    assert 0.18 <= sum(p.held_out for p in pairs) / len(pairs) <= 0.22
    program = (
        f"import sys; sys.path.insert(0, {str(Path(msrp.__file__).parent)!r}); import msrp; "
        "print(''.join('1' if msrp.Pair(True, str(n), str(n * 7 + 3), '', '').held_out else '0' for n in range(300)))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                       env=dict(os.environ, PYTHONHASHSEED=seed)).stdout.strip()
        for seed in ("1", "2")
    }
    assert runs == {"".join("1" if p.held_out else "0" for p in pairs[:300])}


def test_the_sentence_model_reaches_align_when_it_takes_one(monkeypatch):
    """The "with the sentence model" rows: detected from align()'s signature, passed through."""
    real_align = msrp.align
    seen = []

    def align_with_model(outlets, semantic=None):
        seen.append(semantic)
        return real_align(outlets)

    model = object()
    monkeypatch.setattr(msrp, "align", align_with_model)
    assert msrp.accepts_semantic()
    assert msrp.same_statement(*SAME[1], semantic=model) and seen == [model]
    assert msrp.same_statement(*SAME[1]) and seen == [model, None]
