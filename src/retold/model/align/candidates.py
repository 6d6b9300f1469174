"""Phase 3: which outlet pairs to align, and for each the sentence pairs worth scoring.

Every sentence probes an inverted index with its rarest features and keeps its best few
candidates in each other outlet, so cost grows with the text, not with its square. Wire copies
share one parse, and each distinct text probes once.
"""

from __future__ import annotations

from retold.model.align.params import ALL_PAIRS_UP_TO, CANDIDATE_MARGIN, CANDIDATES_PER_OUTLET, NEIGHBOURS, PROBE_FEATURES, PROBE_LEAST, PROBE_PER_OUTLET
from retold.model.align.records import Features
from retold.model.align.scoring import Scorer

Postings = dict[str, dict[int, list[int]]]  # feature -> outlet -> indices of the sentences holding it
Probe = list[tuple[dict[int, list[int]], float]]  # a sentence's rarest features: (postings, weight)


def outlet_pairs(features: list[list[Features]], scorer: Scorer, ranked: list[list[tuple[float, int]]] | None = None) -> set[tuple[int, int]]:
    """The outlet pairs to align: all of them in a story of up to eight outlets; with more, each
    outlet with its closest (by shared vocabulary), then with its next closest until it has
    NEIGHBOURS partners, counting those that chose it: so the pairs grow with the number of
    outlets, not its square, and not faster than it either (each outlet taking its NEIGHBOURS
    closest of its own, the pairs were 2.9 per outlet of a 10-outlet story and 3.5 of a 40-outlet
    one: doubling the outlets cost x2.3). The outlets whose closest tie is weakest (a rewrite
    among copies) choose first, so they get their closest; the copies fill up with each other
    after. Groups still join across pairs: a wire sentence copied by twenty outlets is one group
    through the links each outlet has to its partners, and a sentence those leave alone looks
    in the other outlets (rescue.py). `ranked`: outlet_ranking's answer, when it is known."""
    n = len(features)
    if n <= ALL_PAIRS_UP_TO:
        return {(a, b) for a in range(n) for b in range(a + 1, n)}
    if ranked is None:
        ranked = outlet_ranking(features, scorer)
    chosen: set[tuple[int, int]] = set()
    partners = [0] * n

    def add(a: int, b: int) -> None:
        key = (a, b) if a < b else (b, a)
        if key not in chosen:
            chosen.add(key)
            partners[a] += 1
            partners[b] += 1

    # The weakest closest tie first (then the lowest number): each outlet takes its closest, then
    # its closest of those with fewer than NEIGHBOURS partners yet (so no outlet becomes every
    # other's partner where they are all alike: copies of one text), then any.
    for a in sorted(range(n), key=lambda a: (-ranked[a][0][0] if ranked[a] else 0.0, a)):
        others = ranked[a]
        if not others:
            continue
        add(a, others[0][1])
        for _c, b in others:
            if partners[a] >= NEIGHBOURS:
                break
            if partners[b] < NEIGHBOURS:
                add(a, b)
        for _c, b in others:
            if partners[a] >= NEIGHBOURS:
                break
            add(a, b)
    return chosen


def outlet_ranking(features: list[list[Features]], scorer: Scorer) -> list[list[tuple[float, int]]]:
    """Per outlet, every other outlet closest first, as (-closeness, outlet): the weight of the
    vocabulary both print, as a share of the smaller one's."""
    n = len(features)
    # Weighed here, not through scorer.mass: its cache would keep every outlet's vocabulary and
    # every pair's intersection (a tenth of a 40-outlet story's memory) for the whole alignment.
    weight = scorer.weights.__getitem__
    vocab = [frozenset().union(*(f.feats for f in row)) if row else frozenset() for row in features]
    mass = [sum(map(weight, v)) for v in vocab]
    shared_mass: dict[tuple[int, int], float] = {}  # (b, a) shares what (a, b) shares: one intersection
    ranked = []
    for a in range(n):
        closeness = []
        for b in range(n):
            if b != a:
                key = (a, b) if a < b else (b, a)
                shared = shared_mass.get(key)
                if shared is None:
                    shared = shared_mass[key] = sum(map(weight, vocab[a] & vocab[b]))
                closeness.append((-(shared / max(1e-9, min(mass[a], mass[b]))), b))
        ranked.append(sorted(closeness))
    return ranked


def _postings(features: list[list[Features]]) -> tuple[Postings, dict[str, int]]:
    """The inverted index, and how many sentences hold each feature."""
    postings: Postings = {}
    frequency: dict[str, int] = {}
    for k, row in enumerate(features):
        mine: dict[str, list[int]] = {}  # this outlet's postings, then filed under each feature
        for i, f in enumerate(row):
            for feat in f.feats:
                found = mine.get(feat)
                if found is None:
                    mine[feat] = [i]
                else:
                    found.append(i)
        for feat, indices in mine.items():
            by_outlet = postings.get(feat)
            if by_outlet is None:
                postings[feat] = {k: indices}
                frequency[feat] = len(indices)
            else:
                by_outlet[k] = indices
                frequency[feat] += len(indices)
    return postings, frequency


def probe_worthy(postings: Postings, frequency: dict[str, int]) -> set[str]:
    """The features rare enough to probe with: held by at most PROBE_PER_OUTLET sentences per
    outlet that prints them (PROBE_LEAST in all). Outlets that do not print a feature do not
    change whether it probes: the cap does not grow with the story's number of outlets."""
    return {feat for feat, n in frequency.items() if n <= max(PROBE_LEAST, PROBE_PER_OUTLET * len(postings[feat]))}


def _nearest(js, span: int, here: float) -> list[int]:
    """The CANDIDATES_PER_OUTLET of js nearest to relative position `here` (then lowest index)."""
    found = sorted([(abs(j / span - here), j) for j in js])[:CANDIDATES_PER_OUTLET]
    return [j for _d, j in found]


def _best_hits(probe: Probe, l: int, span: int, here: float) -> list[int]:
    """Outlet l's sentences with the most probe weight in common (a repeated line: the nearest)."""
    hits: dict[int, float] | None = None
    for posted, w in probe:
        here_too = posted.get(l)
        if here_too:
            if hits is None:
                # The first list of hits, each at its weight (0.0 + w is w; an outlet's postings
                # list a sentence once), in one call; the others added one by one.
                hits = dict.fromkeys(here_too, w)
                get = hits.get
                continue
            for j in here_too:
                hits[j] = get(j, 0.0) + w
    if hits is None or len(hits) <= 1:
        return list(hits or ())
    # The runners-up only when they come close to the best: a copy's best candidate is plain,
    # and scoring its also-rans is most of the cost. (The best two of those within the margin
    # are the best two overall kept by the margin: the filter first spares most sorting.)
    # Equal overlaps (a repeated line) go to the nearest relative position. Sorted by (overlap,
    # distance, index), the kept candidates are the nearest of the best overlap's when it has
    # enough of them (a third of the probes of a big story): only those need their distance,
    # and the others are not even sifted by the margin (the best overlap always passes it).
    top = max(hits.values())
    tier = [j for j, overlap in hits.items() if overlap == top]
    if len(tier) >= CANDIDATES_PER_OUTLET:
        return _nearest(tier, span, here)
    bar = -top * CANDIDATE_MARGIN
    strong = [(-overlap, j) for j, overlap in hits.items() if -overlap <= bar]
    if len(strong) == 1:
        return [strong[0][1]]
    found = sorted([(o, abs(j / span - here), j) for o, j in strong])[:CANDIDATES_PER_OUTLET]
    return [j for _o, _d, j in found]


def _candidates_in(l: int, probe: Probe, copies: dict[int, list[int]], span: int, here: float) -> list[int]:
    """One sentence's candidates in outlet l (empty: none)."""
    found_copies = copies.get(l)
    if found_copies:
        # The partner prints this very text: its nearest copy is the candidate, no probing.
        if len(found_copies) == 1:
            return found_copies
        return [min(found_copies, key=lambda j: (abs(j / span - here), j))]
    if len(probe) == 1:
        # One probe feature (half the sentences of a big story): every hit overlaps equally,
        # so all pass the margin and the nearest by position win.
        js = probe[0][0].get(l)
        if not js:
            return []
        return _nearest(js, span, here) if len(js) > 1 else js
    return _best_hits(probe, l, span, here)


def candidate_pairs(features: list[list[Features]], weights: dict[str, float], scorer: Scorer, pairs: set[tuple[int, int]] | None = None) -> dict[tuple[int, int], dict[tuple[int, int], float]]:
    """For every outlet pair (a < b): {(i, j): score} of the sentences sharing rare features."""
    n_outlets = len(features)
    if pairs is None:
        pairs = {(k, l) for k in range(n_outlets) for l in range(k + 1, n_outlets)}
    partners: dict[int, list[int]] = {k: [] for k in range(n_outlets)}
    for k, l in sorted(pairs):
        partners[k].append(l)
        partners[l].append(k)
    postings, frequency = _postings(features)
    worthy = probe_worthy(postings, frequency)
    result: dict[tuple[int, int], dict[tuple[int, int], float]] = {pair: {} for pair in pairs}
    probes: dict[int, Probe] = {}
    where: dict[int, dict[int, list[int]]] = {}  # one parsed text -> outlet -> its sentences (wire copies)
    for k, row in enumerate(features):
        for i, f in enumerate(row):
            if f.feats:
                where.setdefault(id(f), {}).setdefault(k, []).append(i)
    spans = [max(1, len(row) - 1) for row in features]
    # Every feature's place in the order (frequency, feature), sorted once: each sentence's
    # probe is then its features in that order, without a key tuple per feature and sentence.
    rarity = {feat: n for n, feat in enumerate(sorted(frequency, key=lambda feat: (frequency[feat], feat)))}
    pair_score = scorer.pair
    for k, row in enumerate(features):
        if not partners[k]:
            continue
        # Per partner, once per outlet rather than once per sentence: its bucket (pairs keyed
        # (a-side, b-side)), its sentences and its relative-position scale.
        sides = [(l, result[(k, l)] if k < l else result[(l, k)], k < l, features[l], spans[l]) for l in partners[k]]
        scale = max(1, len(row) - 1)
        for i, f in enumerate(row):
            if not f.feats:
                continue  # nothing to probe with and no copies: never a candidate
            # Each sentence ranks its own candidates: a repeated line goes to the nearest copy.
            fid = id(f)
            probe = probes.get(fid)
            if probe is None:
                ranked = sorted(f.feats, key=rarity.__getitem__)
                chosen = [feat for feat in ranked[:PROBE_FEATURES] if feat in worthy] or ranked[:2]
                probe = probes[fid] = [(postings[feat], weights[feat]) for feat in chosen]
            here = i / scale
            copies = where[fid]
            for l, bucket, forward, other, span in sides:
                for j in _candidates_in(l, probe, copies, span, here):
                    key = (i, j) if forward else (j, i)
                    if key not in bucket:
                        bucket[key] = pair_score(f, other[j])[0] if forward else pair_score(other[j], f)[0]
    return result
