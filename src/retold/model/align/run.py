"""The whole alignment, phase after phase: features, weights, candidates, each outlet pair's
links, groups, statuses."""

from __future__ import annotations

from collections.abc import Sequence

import retold.model.align.evidence as ev
from retold.model.align.acrosslang import cross_language_pairs, lengths_between_model_pairs
from retold.model.align.candidates import candidate_pairs, outlet_pairs, outlet_ranking
from retold.model.align.coherence import coherent
from retold.model.align.features import feature_weights, sentence_features
from retold.model.align.finish import finish
from retold.model.align.frames import frame_pairs
from retold.model.align.grouping import group_links
from retold.model.align.lone import lone_pairs_dropped
from retold.model.align.weakmerge import weak_merges_cut
from retold.model.align.pairs import pair_links
from retold.model.align.params import ALL_PAIRS_UP_TO
from retold.model.align.paraphrase import semantic_pairs
from retold.model.align.records import Link, PairSides
from retold.model.align.rescue import rescued
from retold.model.align.said import said_pairs
from retold.model.align.scoring import Scorer
from retold.model.align.splits import grow_splits
from retold.model.story import Alignment, Outlet


def _language(outlet: Outlet) -> str:
    return (outlet.meta.language or "").split("-")[0].lower()


def align(outlets: Sequence[Outlet], semantic: object | None = None) -> Alignment:
    """Align the sentences of every outlet with every other; return a finished Alignment.

    `semantic`: a sentence model (retold.model.semantic's Embedder: `embed(texts)` gives
    L2-normalised rows) or None. It is extra evidence in the order-free phase only, for the
    sentences the words leave unlinked (`paraphrase`)."""
    canonical = sorted(range(len(outlets)), key=lambda n: outlets[n].id)
    ordered = [outlets[n] for n in canonical]
    features = sentence_features(ordered)
    weights = feature_weights(features)
    scorer = Scorer(features, weights)
    texts = [[s.text for s in outlet.sentences] for outlet in ordered]
    languages = [_language(o) for o in ordered]
    judge = ev.Judge(texts, features, weights, ev.embed_rows(semantic, texts) if semantic is not None else None, languages)
    ranked = outlet_ranking(features, scorer) if len(features) > ALL_PAIRS_UP_TO else None
    pairs = outlet_pairs(features, scorer, ranked)
    candidates = candidate_pairs(features, weights, scorer, pairs)
    links: list[Link] = []
    for a, b in sorted(pairs):
        la, lb = _language(ordered[a]), _language(ordered[b])
        same = not la or not lb or la == lb
        sides = PairSides(a, b, features[a], features[b], scorer, same, judge=judge)
        # Each pair's candidates are read by its own pass only: dropped once read (a big
        # story's candidate scores would otherwise all live until the end).
        scores = candidates.pop((a, b))
        found = pair_links(sides, scores)
        if judge.vectors is not None:
            found += semantic_pairs(sides, found)
            found = cross_language_pairs(sides, found)
            found = lengths_between_model_pairs(sides, found)
        found += frame_pairs(sides, found)
        found += said_pairs(sides, found)
        links += grow_splits(sides, found)
        scorer.forget_scored(features[a], features[b], scores)  # and their scores in the scorer
        judge.forget_cells()  # and the cells of its link lists, never asked about again
    links += rescued(features, weights, scorer, judge, pairs, ranked, links, judge.same_language)
    scorer.forget_pairs()
    judge.forget_pairs()
    links = weak_merges_cut(links, judge, languages)
    links = lone_pairs_dropped(links, judge, [len(row) for row in features], languages)
    groups = coherent(group_links(links, [len(row) for row in features]), links, judge, languages)
    return finish(outlets, canonical, groups, links, features, scorer, judge)
