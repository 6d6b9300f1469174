"""The whole alignment, phase after phase: features, weights, candidates, each outlet pair's
links, groups, statuses."""

from __future__ import annotations

from collections.abc import Sequence

from retold.model.align.candidates import candidate_pairs, outlet_pairs
from retold.model.align.features import feature_weights, sentence_features
from retold.model.align.finish import finish
from retold.model.align.grouping import group_links
from retold.model.align.pairs import pair_links
from retold.model.align.records import Link, PairSides
from retold.model.align.scoring import Scorer
from retold.model.story import Alignment, Outlet


def _language(outlet: Outlet) -> str:
    return (outlet.meta.language or "").split("-")[0].lower()


def align(outlets: Sequence[Outlet]) -> Alignment:
    """Align the sentences of every outlet with every other; return a finished Alignment."""
    canonical = sorted(range(len(outlets)), key=lambda n: outlets[n].id)
    ordered = [outlets[n] for n in canonical]
    features = sentence_features(ordered)
    weights = feature_weights(features)
    scorer = Scorer(features, weights)
    pairs = outlet_pairs(features, scorer)
    candidates = candidate_pairs(features, weights, scorer, pairs)
    links: list[Link] = []
    for a, b in sorted(pairs):
        la, lb = _language(ordered[a]), _language(ordered[b])
        same = not la or not lb or la == lb
        links += pair_links(PairSides(a, b, features[a], features[b], scorer, same), candidates[(a, b)])
    groups = group_links(links, [len(row) for row in features])
    return finish(outlets, canonical, groups, links, features, scorer)
