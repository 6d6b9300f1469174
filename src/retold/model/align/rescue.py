"""Phase 5e: a sentence no outlet pair linked looks in the outlets its own was not aligned with.

A story of more than params.ALL_PAIRS_UP_TO outlets aligns each outlet with a few others only
(candidates.outlet_pairs): a wire sentence joins its group through the copies in the outlets its
outlet was aligned with. Where those dropped it, or reworded it past what their pairs link, it
stays alone although a copy stands in an outlet never aligned with its own (synthetic 20 x 400:
every outlet pair aligned, pair recall 0.993; four partners each, 0.986, nearly all of the loss
sentences left in no group: bench/synthetic_gold.py). Such a sentence — no link holds it once
every pair is aligned — probes the RESCUE_TRIES closest outlets its own was not aligned with,
through the inverted index as the candidates do, and is linked to a sentence there on the
order-free rule of a pair's own pass (pairs._order_free): reciprocal best (the partner's best
candidate in the sentence's outlet is the sentence) at least ALTERED_THRESHOLD alike, and the
judge finds the same statement (pairs._add), in RESCUE_LINKS outlets at most. Lone sentences are
few (an outlet's own, and those its partners dropped), so the look costs little beside the
outlet pairs it lets go; a story whose every outlet pair is aligned has nowhere to look, and
nothing changes there.
"""

from __future__ import annotations

from collections.abc import Callable

from retold.model.align.candidates import Probe, _candidates_in, _postings, probe_worthy
from retold.model.align.params import ALTERED_THRESHOLD, PROBE_FEATURES, RESCUE_LINKS, RESCUE_TRIES
from retold.model.align.records import Features, Link, PairSides
from retold.model.align.scoring import Scorer


def rescued(features: list[list[Features]], weights: dict[str, float], scorer: Scorer, judge, pairs: set[tuple[int, int]],
            ranked: list[list[tuple[float, int]]] | None, links: list[Link], same_language: Callable[[int, int], bool]) -> list[Link]:
    """The links that bring a sentence no link holds into a group, through outlets its own was
    not aligned with. `ranked`: per outlet, the others closest first (candidates.outlet_ranking;
    None when every pair was aligned)."""
    n = len(features)
    if ranked is None or len(pairs) == n * (n - 1) // 2:
        return []
    partners: list[set[int]] = [{k} for k in range(n)]
    for a, b in pairs:
        partners[a].add(b)
        partners[b].add(a)
    held: set[tuple[int, int]] = set()
    for link in links:
        held.update((link.outlet_a, i) for i in link.rows)
        held.update((link.outlet_b, j) for j in link.cols)
    lone = [(k, i) for k, row in enumerate(features) for i, f in enumerate(row) if f.feats and (k, i) not in held]
    if not lone:
        return []
    postings, frequency = _postings(features)
    worthy = probe_worthy(postings, frequency)
    rarity = {feat: r for r, feat in enumerate(sorted(frequency, key=lambda feat: (frequency[feat], feat)))}
    where: dict[int, dict[int, list[int]]] = {}  # one parse -> outlet -> its sentences (wire copies)
    for k, row in enumerate(features):
        for i, f in enumerate(row):
            if f.feats:
                where.setdefault(id(f), {}).setdefault(k, []).append(i)
    spans = [max(1, len(row) - 1) for row in features]
    probes: dict[int, Probe] = {}

    def probe_of(f: Features) -> Probe:
        found = probes.get(id(f))
        if found is None:
            ranking = sorted(f.feats, key=rarity.__getitem__)
            chosen = [feat for feat in ranking[:PROBE_FEATURES] if feat in worthy] or ranking[:2]
            found = probes[id(f)] = [(postings[feat], weights[feat]) for feat in chosen]
        return found

    def best_in(k: int, i: int, l: int) -> tuple[int, float] | None:
        """Sentence (k, i)'s best candidate in outlet l, as (index, score); the lowest index of equals."""
        f = features[k][i]
        best = None
        for j in _candidates_in(l, probe_of(f), where[id(f)], spans[l], i / spans[k]):
            score = scorer.pair(f, features[l][j])[0] if k < l else scorer.pair(features[l][j], f)[0]
            if best is None or score > best[1] or (score == best[1] and j < best[0]):
                best = (j, score)
        return best

    from retold.model.align.pairs import _add  # (pairs.py is the phase before: imported when asked)

    found: list[Link] = []
    for k, i in lone:
        tries = [l for _c, l in ranked[k] if l not in partners[k] and same_language(k, l)][:RESCUE_TRIES]
        made = 0
        for l in tries:
            best = best_in(k, i, l)
            if best is None or best[1] < ALTERED_THRESHOLD:
                continue
            back = best_in(l, best[0], k)
            if back is None or back[0] != i:
                continue
            a, b = (k, l) if k < l else (l, k)
            rows, cols = ((i,), (best[0],)) if k < l else ((best[0],), (i,))
            before = len(found)
            _add(PairSides(a, b, features[a], features[b], scorer, True, judge=judge), found, rows, cols, best[1])
            made += len(found) > before
            if made >= RESCUE_LINKS:
                break
    return found
