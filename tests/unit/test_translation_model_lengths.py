"""Across languages, outside parallel text, with a sentence model: the lengths fill the regions
between the model's pairs and join the other halves of translators' merges to them
(acrosslang.lengths_between_model_pairs), where the model confirms what the lengths say.

The texts are invented (tests/unit/test_translation_pairs.py's rhythm story, translated into a
code language that spells every word otherwise). The "model" is a stand-in that knows which
sentences translate each other, imperfectly: every source sentence has a random direction, a
target sentence points along the sum of its sources' directions, and each sentence adds a noise
of its own, so the model's clear mutual choices cover some pairs and leave others to the lengths.
"""

from __future__ import annotations

import random
from unittest import mock

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st

import retold.model.align.run as run
from retold.model.align import align
from retold.model.align.features import sentence_features
from retold.model.align.lengths import length_alignment, length_delta, length_order_ratio
from retold.model.align.params import LENGTH_AGREE, LENGTH_ORDER_PARALLEL

from test_translation_pairs import coded, outlet, rhythm_story

DIMENSIONS = 48


class TranslationModel:
    """Vectors by text: source sentence i along direction i, a target sentence along the sum of
    its sources' directions (unrelated texts: a direction of their own), each with noise."""

    def __init__(self, source: list[str], target: list[str], truth: dict[int, int], noise: float, seed: int):
        rng = numpy.random.default_rng(seed)
        directions = rng.normal(size=(len(source), DIMENSIONS))
        self.vectors: dict[str, numpy.ndarray] = {}
        for i, text in enumerate(source):
            self.vectors[text] = directions[i] + noise * rng.normal(size=DIMENSIONS)
        for j, text in enumerate(target):
            held = [i for i, k in truth.items() if k == j]
            base = directions[held].sum(axis=0) / max(1, len(held)) ** 0.5 if held else rng.normal(size=DIMENSIONS)
            self.vectors[text] = base + noise * rng.normal(size=DIMENSIONS)

    def embed(self, texts):
        rows = numpy.asarray([self.vectors[t] for t in texts], dtype=numpy.float32)
        return rows / numpy.linalg.norm(rows, axis=1, keepdims=True)


def _short_translation(seed: int, count: int, merged: int, named: int):
    rng = random.Random(seed)
    merges = tuple(sorted(rng.sample(range(0, count - 1, 2), min(merged, (count - 1) // 2))))
    alike = {n: [f"Name{n}", str(1000 + n)] for n in rng.sample(range(count), named)}
    return rhythm_story(seed, coded, merges=merges, count=count, alike=alike)


def _lengths(source: list[str], target: list[str]) -> tuple[list[int], list[int]]:
    features = sentence_features([outlet("src", source, "en"), outlet("dst", target, "xx")])
    return [f.length for f in features[0]], [f.length for f in features[1]]


def _recalls(alignment, source, target, truth):
    """(retold's share of source sentences paired with their counterpart alone, and the share a
    length-only alignment pairs right one to one with lengths that agree: within LENGTH_AGREE
    standard deviations, the beads it is sure of)."""
    found = {i: alignment.counterpart_span("src", i, "dst") for i in range(len(source))}
    right = sum(found[i] == (truth[i],) for i in truth)
    lengths = _lengths(source, target)
    ratio = sum(lengths[1]) / sum(lengths[0])
    _cost, beads = length_alignment(*lengths, path=True)
    sure = [(rows, cols) for rows, cols in beads if len(rows) == len(cols) == 1
            and length_delta(ratio * sum(lengths[0][i] for i in rows), sum(lengths[1][j] for j in cols)) <= LENGTH_AGREE]
    by_length = {i: tuple(cols) for rows, cols in sure for i in rows}
    length_right = sum(by_length.get(i) == (truth[i],) for i in truth)
    return right / len(truth), length_right / len(truth)


def _added(source: list[str], target: list[str], model) -> tuple[list[tuple[int, int]], object]:
    """The pairs (source sentence, target sentence) retold makes with the lengths between the
    model's pairs and not without them, and the alignment."""
    outlets = [outlet("src", source, "en"), outlet("dst", target, "xx")]
    with_lengths = align(outlets, semantic=model)
    with mock.patch.object(run, "lengths_between_model_pairs", lambda sides, links: links):
        without = align(outlets, semantic=model)
    added = [(i, j) for i in range(len(source)) for j in with_lengths.counterpart_span("src", i, "dst")
             if j not in without.counterpart_span("src", i, "dst")]
    return added, with_lengths


class Unknowing:
    """A model that knows nothing of the texts: one vector for every sentence (a unit vector, so
    that every cosine is exactly 1 and no rounding tells two apart)."""

    def embed(self, texts):
        rows = numpy.zeros((len(texts), DIMENSIONS), dtype=numpy.float32)
        rows[:, 0] = 1.0
        return rows


def test_short_translations_the_lengths_are_sure_of_are_aligned_at_least_as_by_lengths():
    """Translations too short for the lengths' order test to make them parallel (6 to 15
    sentences, under LENGTH_ORDER_LEAST), with 0 to 2 merges and 0 to 2 names written alike,
    whose lengths follow each other in order (a length-only alignment is sure of itself: the
    order ratio at most LENGTH_ORDER_PARALLEL), and a model that finds some pairs clearly:
    retold pairs at least as many source sentences right as a length-only alignment pairs right
    one to one with lengths that agree, over them all and on all but one text in twenty (where
    the stand-in model, noisy, puts a sentence nearer the wrong neighbour, it confirms nothing
    there). Before the lengths filled in between the model's pairs, a text of 6 to 15
    sentences kept little more than the model's few clear pairs: on these 99 texts, recall 0.833
    against 0.801 by lengths, under on 23 (now 0.968, under on 2)."""
    ours = theirs = 0.0
    texts = under = 0
    for seed in range(100):
        source, target, truth = _short_translation(seed, 6 + seed % 10, seed % 3, (seed // 3) % 3)
        if length_order_ratio(*_lengths(source, target), exact=True) > LENGTH_ORDER_PARALLEL:
            continue  # the lengths are not sure here: nothing to hold retold to
        model = TranslationModel(source, target, truth, noise=0.9, seed=seed)
        recall, length_recall = _recalls(align([outlet("src", source, "en"), outlet("dst", target, "xx")], semantic=model), source, target, truth)
        ours, theirs, texts, under = ours + recall, theirs + length_recall, texts + 1, under + (recall < length_recall)
    assert texts >= 90 and ours >= theirs and under <= texts / 20, (texts, ours, theirs, under)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(6, 30), st.integers(0, 2), st.integers(0, 2))
def test_across_languages_the_lengths_add_nothing_the_model_does_not_confirm(seed, count, merged, named):
    """Translations, short or long, whose lengths follow each other or not, with a model that
    knows nothing of them (every sentence exactly as near every other as the pair's typical
    cosine): the lengths add nothing between the links the words made, nor at the texts' ends,
    nor to a link as the other half of a merge. They pair only what the model confirms."""
    source, target, _truth = _short_translation(seed, count, merged, named)
    unknowing, _alignment = _added(source, target, Unknowing())
    assert not unknowing, unknowing


def _altered(seed: int, count: int, kind: str):
    """A translation whose target lost a paragraph (a run of 3 to 5 sentences, "dropped"), or
    had its paragraphs put in another order ("moved"); or no translation but a rewrite
    ("rewritten": every sentence in another place, a third of them replaced by the outlet's own,
    its words in another order): (source, target, truth), truth holding only the source
    sentences whose counterpart is still there."""
    source, target, truth = _short_translation(seed, count, 1, 2)
    rng = random.Random(seed)
    runs, k = [], 0
    while k < len(target):
        size = rng.randint(3, 5)
        runs.append(list(range(k, min(k + size, len(target)))))
        k += size
    order = list(range(len(runs)))
    if kind == "rewritten":  # every sentence in another place, and a third of them the outlet's own
        placed = list(range(len(target)))
        rng.shuffle(placed)
        own = [" ".join(rng.sample(target[j].split(), len(target[j].split()))) for j in placed[: len(placed) // 3]]
        kept = placed[len(placed) // 3:]
        texts = [target[j] for j in kept] + own
        rng.shuffle(texts)
        where = {target[j]: n for n, j in enumerate(kept)}
        return source, texts, {i: texts.index(target[j]) for i, j in truth.items() if target[j] in where}
    if kind == "moved":
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
    else:
        del order[len(order) // 2]
    placed = [j for n in order for j in runs[n]]
    where = {j: n for n, j in enumerate(placed)}
    return source, [target[j] for j in placed], {i: where[j] for i, j in truth.items() if j in where}


def test_across_languages_what_the_lengths_add_is_right_where_a_paragraph_was_dropped_or_moved():
    """Translations (12 to 30 sentences, drawn by seed) whose target lost a paragraph or had its
    paragraphs moved, with a model that finds some pairs: the lengths add pairs where the whole
    pair's lengths still follow each other (what retold pairs with them and not without them),
    and every one is right: a region between two pairs that spans the gap a paragraph left
    pairs nothing the model puts elsewhere. (The model's own pairs are its business, not the
    lengths': a noisy model makes a wrong one now and then.) A rewrite in another language, not
    a translation, whose statements the model finds just as well, gets nothing from the lengths:
    they do not follow each other there."""
    added_in_all = 0
    for seed in range(24):
        for kind in ("dropped", "moved", "rewritten"):
            count = 12 + (seed * 7) % 19
            source, target, truth = _altered(seed, count, kind)
            added, _alignment = _added(source, target, TranslationModel(source, target, truth, noise=0.9, seed=seed))
            assert all(truth.get(i) == j for i, j in added), (seed, count, kind, added)
            assert kind != "rewritten" or not added, (seed, count, added)  # not a translation: the lengths say nothing
            added_in_all += len(added)
    assert added_in_all >= 10, added_in_all


def test_only_a_neighbour_that_would_complete_a_link_is_held_as_its_other_half():
    """A link across languages whose lengths disagree (more than GROW_FROM standard deviations
    apart) may hold half a translator's merge: a free neighbour whose lengths, joined to it,
    agree with the other side is held out of the regions beyond (beads.halves_left). A neighbour
    that would not mend the lengths is no half (the link is a free translation of one sentence),
    and stays free for the region beside it: a region of one sentence each side between two
    links (Text+Berg's German and French, a piece of 13 and 15 sentences) was left unpaired."""
    from retold.model.align.beads import halves_left
    from retold.model.align.records import Features, PairSides, new_link

    def sides(a: list[int], b: list[int]) -> PairSides:
        made = PairSides(0, 1, [Features(("w",), frozenset({f"a{n}"}), n) for n in a],
                         [Features(("w",), frozenset({f"b{n}"}), n) for n in b], None, False)
        made.linked_a, made.linked_b = {1}, {1}
        return made

    link = new_link(0.1, 0, (1,), 1, (1,))
    assert halves_left(sides([30, 40, 200], [120, 100, 200]), [link]) == ({0}, set())  # 30 + 40 is the merge
    assert halves_left(sides([100, 50, 100], [100, 120, 100]), [link]) == (set(), set())  # no neighbour mends it
