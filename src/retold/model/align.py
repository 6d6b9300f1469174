"""Group corresponding sentences across outlets.

No base text: every outlet is compared with every other through an inverted
index of informative words, so cost grows with the amount of text rather than
its square. Pairs are kept when each is the other's best match in its outlet;
groups are formed by merging those pairs in descending score with union-find,
refusing any merge that would put two sentences of one outlet in one group.
Every tie is broken by (outlet id, sentence index), never by input order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from retold.model.normalize import content_tokens, strip_dateline, tokens
from retold.model.story import Alignment, Group, Member, Outlet

# Thresholds tuned on the gold files in sample_corpus/ (tests/unit/test_gold.py).
ALTERED_THRESHOLD = 0.42  # below this two sentences are not "the same statement"
SHARED_SIMILARITY = 0.84  # word-level similarity for "near-verbatim": about two words changed in twenty
NUMBER_BOOST = 1.6  # numbers and dates survive rewrites and translations
PROBE_TOKENS = 6  # rarest words of a sentence used to find candidates


@dataclass
class _Unit:
    key: tuple[str, int]  # (outlet id, sentence index): the canonical order
    outlet_no: int
    words: tuple[str, ...]
    content: frozenset[str]
    position: float  # 0..1 through its article


def pair_similarity(words_a, words_b, content_a, content_b, weight) -> tuple[float, float]:
    """(word-level similarity, weighted content overlap) of two sentences."""
    word_sim = Indel.normalized_similarity(words_a, words_b)
    shared = sum(weight(t) for t in content_a & content_b)
    total = sum(weight(t) for t in content_a) + sum(weight(t) for t in content_b)
    content_sim = 2 * shared / total if total else 0.0
    return word_sim, content_sim


def _pair_score(word_sim: float, content_sim: float) -> float:
    return max(word_sim, content_sim)


def is_near_verbatim(words_a, words_b) -> bool:
    return Indel.normalized_similarity(words_a, words_b) >= SHARED_SIMILARITY


def align(outlets: list[Outlet]) -> Alignment:
    """Fill in status, group and score of every sentence; return the Alignment."""
    canonical = sorted(range(len(outlets)), key=lambda i: outlets[i].id)
    units: list[_Unit] = []
    for rank, outlet_no in enumerate(canonical):
        outlet = outlets[outlet_no]
        count = max(1, len(outlet.sentences) - 1)
        for sentence in outlet.sentences:
            words = tuple(tokens(strip_dateline(sentence.text)))
            units.append(_Unit(
                key=(outlet.id, sentence.index),
                outlet_no=rank,
                words=words,
                content=frozenset(content_tokens(words)),
                position=sentence.index / count,
            ))
            sentence.status, sentence.group, sentence.score = "unique", None, 0.0

    # Inverse document frequency over sentences: rare words are evidence, topic words are not.
    df: dict[str, int] = {}
    for unit in units:
        for token in unit.content:
            df[token] = df.get(token, 0) + 1
    total_units = max(1, len(units))
    weights: dict[str, float] = {}
    for token, count in df.items():
        w = math.log(1 + total_units / count)
        weights[token] = w * NUMBER_BOOST if token[:1].isdigit() else w
    weight = weights.__getitem__

    # Candidates: units sharing one of each other's rarest words (capped posting lists).
    cap = max(8, 3 * len(outlets))
    postings: dict[str, list[int]] = {}
    for uid, unit in enumerate(units):
        for token in unit.content:
            postings.setdefault(token, []).append(uid)
    probes = [sorted(u.content, key=lambda t: (df[t], t))[:PROBE_TOKENS] for u in units]

    best: dict[tuple[int, int], tuple[float, float, int]] = {}  # (unit, other outlet) -> (score, -distance, unit)
    pair_scores: dict[tuple[int, int], float] = {}
    for uid, unit in enumerate(units):
        seen: set[int] = set()
        probe = [t for t in probes[uid] if df[t] <= cap] or probes[uid][:2]
        for token in probe:
            for vid in postings[token]:
                if vid <= uid or vid in seen or units[vid].outlet_no == unit.outlet_no:
                    continue
                seen.add(vid)
        for vid in seen:
            other = units[vid]
            shared = unit.content & other.content
            if len(shared) < 2 and min(len(unit.content), len(other.content)) > 3:
                continue  # one common word is a topic, not a statement
            word_sim, content_sim = pair_similarity(unit.words, other.words, unit.content, other.content, weight)
            score = _pair_score(word_sim, content_sim)
            if score < ALTERED_THRESHOLD:
                continue
            pair_scores[(uid, vid)] = score
            # Position prior: only a tie-breaker; then the canonical order of the other unit.
            closeness = -abs(unit.position - other.position)
            for a, b in ((uid, vid), (vid, uid)):
                slot = (a, units[b].outlet_no)
                candidate = (round(score, 6), closeness, -b, b)
                if slot not in best or candidate > best[slot]:
                    best[slot] = candidate

    edges = []
    for (uid, _outlet), (score, _dist, _tie, vid) in best.items():
        back = best.get((vid, units[uid].outlet_no))
        if back is not None and back[3] == uid and uid < vid:
            edges.append((-score, units[uid].key, units[vid].key, uid, vid))
    edges.sort()

    parent = list(range(len(units)))
    outlets_of: dict[int, set[int]] = {i: {u.outlet_no} for i, u in enumerate(units)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _neg, _ka, _kb, uid, vid in edges:
        ra, rb = find(uid), find(vid)
        if ra == rb or outlets_of[ra] & outlets_of[rb]:
            continue
        if len(outlets_of[ra]) < len(outlets_of[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        outlets_of[ra] |= outlets_of.pop(rb)

    members_of: dict[int, list[int]] = {}
    for uid in range(len(units)):
        members_of.setdefault(find(uid), []).append(uid)

    by_key = {(o.id, s.index): s for o in outlets for s in o.sentences}
    groups: list[Group] = []
    # Canonical group numbering: by the first member in canonical order.
    for uids in sorted((sorted(m) for m in members_of.values() if len(m) > 1), key=lambda m: m[0]):
        group_id = len(groups)
        members = []
        for uid in uids:
            others = [v for v in uids if v != uid]
            score = max(_member_pair_score(uid, v, units, pair_scores, weight) for v in others)
            shared = any(is_near_verbatim(units[uid].words, units[v].words) for v in others)
            sentence = by_key[units[uid].key]
            sentence.group, sentence.score = group_id, round(score, 4)
            sentence.status = "shared" if shared else "altered"
            members.append(Member(outlet=units[uid].key[0], sentence=units[uid].key[1], score=round(score, 4)))
        groups.append(Group(id=group_id, members=members))
    return Alignment(outlets=outlets, groups=groups)


def _member_pair_score(a: int, b: int, units: list[_Unit], cache: dict, weight) -> float:
    key = (a, b) if a < b else (b, a)
    if key not in cache:
        ua, ub = units[key[0]], units[key[1]]
        cache[key] = _pair_score(*pair_similarity(ua.words, ub.words, ua.content, ub.content, weight))
    return cache[key]
