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
from collections import Counter
from itertools import chain
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from retold.model.normalize import content_tokens, strip_dateline, tokens
from retold.model.story import Alignment, Group, Member, Outlet, Status

# Thresholds tuned on the gold files in sample_corpus/ (tests/unit/test_gold.py).
ALTERED_THRESHOLD = 0.42  # below this two sentences are not "the same statement"
SHARED_SIMILARITY = 0.84  # word-level similarity for "near-verbatim": about two words changed in twenty
NUMBER_BOOST = 1.6  # numbers and dates survive rewrites and translations
PROBE_TOKENS = 8  # rarest words of a sentence used to find candidates


_NONE = (-1.0,)  # sorts below every (score, ...) tuple


@dataclass
class _Unit:
    key: tuple[str, int]  # (outlet id, sentence index): the canonical order
    outlet_no: int
    words: tuple[str, ...]
    content: frozenset[str]
    position: float  # 0..1 through its article


def align(outlets: list[Outlet]) -> Alignment:
    """Fill in status, group and score of every sentence; return the Alignment."""
    canonical = sorted(range(len(outlets)), key=lambda i: outlets[i].id)
    units: list[_Unit] = []
    parsed: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}  # wire copies repeat: parse each text once
    for rank, outlet_no in enumerate(canonical):
        outlet = outlets[outlet_no]
        count = max(1, len(outlet.sentences) - 1)
        for sentence in outlet.sentences:
            if sentence.text not in parsed:
                # Datelines only open paragraphs.
                first = sentence.index == 0 or outlet.sentences[sentence.index - 1].paragraph != sentence.paragraph
                words = tuple(tokens(strip_dateline(sentence.text) if first else sentence.text))
                parsed[sentence.text] = (words, frozenset(content_tokens(words)))
            words, content = parsed[sentence.text]
            units.append(_Unit(
                key=(outlet.id, sentence.index),
                outlet_no=rank,
                words=words,
                content=content,
                position=sentence.index / count,
            ))

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

    # Candidates: units sharing one of each other's rarest words (capped posting lists),
    # so cost grows with the text, not with the square of the number of sentences.
    cap = max(8, 3 * len(outlets))
    postings: dict[str, list[int]] = {}
    for uid, unit in enumerate(units):
        for token in unit.content:
            postings.setdefault(token, []).append(uid)
    norms = [sum(weights[t] for t in u.content) for u in units]
    outlet_of = [u.outlet_no for u in units]
    candidates: set[int] = set()  # pair (u, v), u < v, encoded as u * n + v: ints hash fast
    n_units = len(units)
    rarity = df.__getitem__
    hits_by_text: dict[int, list[tuple[int, int]]] = {}  # identical texts find the same candidates
    for uid, unit in enumerate(units):
        hits = hits_by_text.get(id(unit.words))
        if hits is None:
            ranked = sorted(sorted(unit.content), key=rarity)[:PROBE_TOKENS]
            probe = [t for t in ranked if df[t] <= cap] or ranked[:2]
            # Two shared rare words make a candidate; one is enough for very short sentences.
            need = 2 if len(probe) >= 3 else 1
            counted = Counter(chain.from_iterable(postings[t] for t in probe))
            hits = hits_by_text[id(unit.words)] = [v for v, n in counted.items() if n >= need]
        mine = unit.outlet_no
        candidates.update([uid * n_units + v if uid < v else v * n_units + uid for v in hits if outlet_of[v] != mine])

    # Keys are ints for speed: slot = unit * n_outlets + other outlet; pair = u * n_units + v.
    n_outlets = len(outlets)
    best: dict[int, tuple[float, float, int]] = {}  # slot -> (score, closeness, -unit): a total order
    pair_scores: dict[int, tuple[float, float]] = {}  # pair -> (score, word similarity)
    similarity = Indel.normalized_similarity
    weight_of = weights.__getitem__
    by_texts: dict[tuple[int, int], tuple[float, float]] = {}  # identical texts score alike
    words_of = [u.words for u in units]
    content_of = [u.content for u in units]
    position_of = [u.position for u in units]
    for pair in candidates:  # any order: `best` keeps a total order
        uid, vid = divmod(pair, n_units)
        words_u, words_v = words_of[uid], words_of[vid]
        text_pair = (id(words_u), id(words_v))
        cached = by_texts.get(text_pair)
        if cached is None:
            content_u, content_v = content_of[uid], content_of[vid]
            shared = content_u & content_v
            if len(shared) < 2 and min(len(content_u), len(content_v)) > 3:
                cached = (0.0, 0.0)  # one common word is a topic, not a statement
            else:
                total = norms[uid] + norms[vid]
                content_sim = 2 * sum(map(weight_of, shared)) / total if total else 0.0
                word_sim = 1.0 if words_u == words_v else similarity(words_u, words_v)
                cached = (word_sim if word_sim > content_sim else content_sim, word_sim)
            by_texts[text_pair] = cached
        score = cached[0]
        if score < ALTERED_THRESHOLD:
            continue
        pair_scores[pair] = cached
        # Position prior: only a tie-breaker; then the canonical order of the other unit.
        closeness = -abs(position_of[uid] - position_of[vid])
        slot = uid * n_outlets + outlet_of[vid]
        candidate = (score, closeness, -vid)
        if candidate > best.get(slot, _NONE):
            best[slot] = candidate
        slot = vid * n_outlets + outlet_of[uid]
        candidate = (score, closeness, -uid)
        if candidate > best.get(slot, _NONE):
            best[slot] = candidate

    edges = []
    for slot, (score, _closeness, negative_vid) in best.items():
        uid, vid = slot // n_outlets, -negative_vid
        if uid < vid:
            back = best.get(vid * n_outlets + outlet_of[uid])
            if back is not None and back[2] == -uid:
                edges.append((-score, uid, vid))  # unit ids follow the canonical (outlet id, index) order
    edges.sort()

    parent = list(range(len(units)))
    outlets_of: dict[int, set[int]] = {i: {u.outlet_no} for i, u in enumerate(units)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _neg, uid, vid in edges:
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

    assigned: dict[tuple[str, int], tuple[Status, int]] = {}
    groups: list[Group] = []
    # Canonical group numbering: by the first member in canonical order.
    for uids in sorted((sorted(m) for m in members_of.values() if len(m) > 1), key=lambda m: m[0]):
        group_id = len(groups)
        # A member's score is its best scored pair inside the group; it is shared when one of
        # those pairs is near-verbatim. Pairs never scored were not similar enough to matter.
        best_score = dict.fromkeys(uids, 0.0)
        best_words = dict.fromkeys(uids, 0.0)
        for i, uid in enumerate(uids):
            for vid in uids[i + 1:]:
                scored = pair_scores.get(uid * n_units + vid)
                if scored is None:
                    continue
                score, word_sim = scored
                for member in (uid, vid):
                    if score > best_score[member]:
                        best_score[member] = score
                    if word_sim > best_words[member]:
                        best_words[member] = word_sim
        members = []
        for uid in uids:
            score = round(best_score[uid], 4)
            status = Status.SHARED if best_words[uid] >= SHARED_SIMILARITY else Status.ALTERED
            assigned[units[uid].key] = (status, group_id)
            members.append(Member(outlet=units[uid].key[0], sentence=units[uid].key[1], score=score))
        groups.append(Group(id=group_id, members=tuple(members)))
    finished = []
    for outlet in outlets:
        sentences = []
        for sentence in outlet.sentences:
            status, group = assigned.get((outlet.id, sentence.index), (Status.UNIQUE, None))
            sentences.append(replace(sentence, status=status, group=group))
        finished.append(replace(outlet, sentences=tuple(sentences)))
    return Alignment(outlets=tuple(finished), groups=tuple(groups))
