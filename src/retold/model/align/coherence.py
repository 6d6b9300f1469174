"""Group coherence: no chain of three different statements.

Union-find joins whatever its links join: A–B (the same statement) and B–C (the same topic)
make one group of A, B and C although A and C say different things. Every outlet's part of a
group must be supported by the group's other outlets: the mean, over those outlets, of the
better of its direct link's confidence and the two parts' own evidence (outlets in another
language say nothing either way and are left out: the judge reads one language). A group that fails is
split at its weakest link, and each piece is checked again.

A big story asks this of hundreds of groups of twenty outlets, so the links are numbered once:
each link's sentences and its confidence are found once per link, not once per group and
round, and a group's links are put in order only to find the weakest
(tests/unit/test_speed_equivalence.py checks the result against the plain version).
"""

from __future__ import annotations

from collections import Counter

import retold.model.align.evidence as ev
from retold.model.align.nodesets import Node, NodeSets


class _Links:
    """The story's links, numbered as given: each one's sentences, and its confidence once asked."""

    def __init__(self, links: list, judge: ev.Judge):
        self.links = links
        self.judge = judge
        self._confidence: list[float | None] = [None] * len(self.links)

    def confidence(self, n: int) -> float:
        found = self._confidence[n]
        if found is None:
            found = self._confidence[n] = self.judge.link_verdict(self.links[n]).confidence
        return found


def coherent(groups: list[list[Node]], links: list, judge: ev.Judge, languages: list[str]) -> list[list[Node]]:
    """`groups`: disjoint, as union-find makes them (group_links)."""
    numbered = _Links(links, judge)
    # A group's own links are those with all their sentences in it: with disjoint groups, one
    # pass over the links finds them.
    group_of = {node: g for g, members in enumerate(groups) for node in members}
    own: list[list[int]] = [[] for _ in groups]
    for n, link in enumerate(links):
        nodes = _nodes(link)  # made when asked, not kept: a big story's links are a hundred thousand
        g = group_of.get(nodes[0])
        if g is not None:
            for node in nodes[1:]:
                if group_of.get(node) != g:
                    break
            else:
                own[g].append(n)
    result: list[list[Node]] = []
    for g, members in enumerate(groups):
        if len({k for k, _ in members}) < 3:
            result.append(members)  # two outlets: their link is the whole evidence, judged already
            continue
        result += _split(members, own[g], numbered, languages)
    return sorted(result, key=lambda m: m[0])


def _order(link) -> tuple:
    return link.outlet_a, link.rows, link.outlet_b, link.cols, link.score


def _first(link) -> Node:
    return link.outlet_a, link.rows[0]


def _nodes(link) -> tuple[Node, ...]:
    if len(link.rows) == 1 and len(link.cols) == 1:  # by far the commonest link
        return ((link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0]))
    return tuple([(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols])


def _split(members: list[Node], own: list[int], numbered: _Links, languages: list[str]) -> list[list[Node]]:
    """`own`: the numbers of the links with all their sentences among `members`."""
    if len({k for k, _ in members}) < 3:
        return [members]  # two outlets: their link is the whole evidence, judged already
    confidences = [numbered.confidence(n) for n in own]
    strong = [n for n, c in zip(own, confidences) if c >= ev.STRONG]
    strong_pieces = _components(members, strong, numbered.links)
    if len(strong) == len(own) or len(strong_pieces) == 1:
        return [members]  # the weak links only repeat what strong ones already join
    if (not _told_apart(strong_pieces, [n for n, c in zip(own, confidences) if c < ev.STRONG], numbered, languages)
            and _joined(members, own, numbered.links)
            and _supported(members, own, confidences, numbered, languages)
            and not _contradicted(members, own, numbered, languages)):
        return [members]
    # The weakest link; of equal confidence, the first in the order (outlet_a, rows, outlet_b,
    # cols, score). Only twins (the same link made twice) tie on both, and which of them goes
    # changes nothing: they join the same sentences with the same verdict.
    weakest = min(range(len(own)), key=lambda m: (confidences[m], _order(numbered.links[own[m]])))
    rest = own[:weakest] + own[weakest + 1:]  # one link fewer every round
    pieces = []
    for piece in _components(members, rest, numbered.links):
        if len({k for k, _ in piece}) >= 2:
            # Every link of `rest` lies within one piece (the pieces are what they join): the
            # piece's own links are those whose first sentence is in it.
            inside = set(piece)
            pieces += _split(piece, [n for n in rest if _first(numbered.links[n]) in inside], numbered, languages)
    return pieces


def _told_apart(strong_pieces: list[list[Node]], weak: list[int], numbered: _Links, languages: list[str]) -> bool:
    """Two statements, each confirmed by strong links between outlets, in both of which one outlet
    has a sentence (that outlet tells them apart), joined only by weak links across languages: a
    translation's one sentence read, on a name or two and its place, as the merge of a wire's two.
    Across languages the words cannot confirm such a merge; a group held so is split at its
    weak links, never kept whole by them. (In one language a weak merge is judged on its words
    as any group is: a rewrite that merges two sentences two copies keep apart; and across
    languages a merge that carries each half's own numbers or names, "48.906 zu 48.694 Stimmen
    bei einer Wahlbeteiligung von 61,4 Prozent" beside the tally and the turnout.)"""
    links = numbered.links
    piece_of: dict[Node, int] = {}
    holding: dict[int, list[int]] = {}  # outlet -> the confirmed pieces holding one of its sentences
    apart: set[frozenset[int]] = set()
    for p, piece in enumerate(strong_pieces):
        outlets = {k for k, _ in piece}
        if len(outlets) < 2:
            continue
        for node in piece:
            piece_of[node] = p
        for k in outlets:
            apart.update(frozenset((q, p)) for q in holding.get(k, ()))
            holding.setdefault(k, []).append(p)
    if not apart:
        return False
    # A sentence the words link, in its own language, into two statements told apart merges
    # them where the words can judge it (a rewrite's "An estimated 11,500 people rely on private
    # wells, which …" beside two copies' two sentences): then the group is judged as any is.
    reaches: dict[Node, set[int]] = {}
    for n in weak:
        link = links[n]
        if not _one_language(languages, link.outlet_a, link.outlet_b) and not _covers_each_half(link, numbered.judge):
            continue  # (an outlet of no known language may be in either's)
        nodes = _nodes(link)
        touched = {piece_of[x] for x in nodes if x in piece_of}
        for x in nodes:
            reaches.setdefault(x, set()).update(touched)
    return not any(frozenset((a, b)) in apart for pieces in reaches.values() for a in pieces for b in pieces if a < b)


def _covers_each_half(link, judge: ev.Judge) -> bool:
    """A merge link (one sentence against two or more) whose one sentence carries, for each of
    the others, a number or a name that one has and the rest of them do not."""
    if len(link.rows) > 1 and len(link.cols) == 1:
        one, halves = (link.outlet_b, link.cols[0]), [(link.outlet_a, i) for i in link.rows]
    elif len(link.cols) > 1 and len(link.rows) == 1:
        one, halves = (link.outlet_a, link.rows[0]), [(link.outlet_b, j) for j in link.cols]
    else:
        return False

    def marks(node: Node) -> set[str]:
        found = judge.clues_of(*node)
        return set(found.numbers) | set(found.names)

    merged = marks(one)
    own = [marks(half) for half in halves]
    return all((mine - set().union(*(other for m, other in enumerate(own) if m != n))) & merged for n, mine in enumerate(own))


def _joined(members: list[Node], own: list[int], links: list) -> bool:
    """Every two sentences one outlet has in the group are joined as the pieces of one statement:
    one link holds both (a merge), or one sentence elsewhere is linked to each (its two halves), or
    each is linked to one of two sentences of another outlet that are joined so (a translation
    that splits as the wire does, beside an outlet that merges the wire's two). Two of an outlet's
    sentences the group holds only through a chain of other statements ("The prosecution had
    sought nine years." – "Quorrel, who had sought nine years, said …" – "Quorrel said …") are
    two statements that outlet tells apart."""
    parts: dict[int, list[int]] = {}
    for k, i in members:
        parts.setdefault(k, []).append(i)
    if all(len(part) == 1 for part in parts.values()):
        return True  # (most groups)
    beside: dict[Node, set[Node]] = {}
    joined: set[tuple[Node, Node]] = set()
    for n in own:
        nodes = _nodes(links[n])
        for x in nodes:
            beside.setdefault(x, set()).update(y for y in nodes if y[0] != x[0])
        joined.update((x, y) for x in nodes for y in nodes if x[0] == y[0] and x < y)
    pairs = [((k, i), (k, j)) for k, part in parts.items() for n, i in enumerate(part) for j in part[n + 1:]]
    open_pairs = [p for p in pairs if p not in joined]
    for x, y in open_pairs:
        if beside.get(x, set()) & beside.get(y, set()):
            joined.add((x, y))
    changed = True
    while changed:  # joined through joined counterparts, as far as they reach
        changed = False
        for x, y in open_pairs:
            if (x, y) in joined:
                continue
            if any((min(u, v), max(u, v)) in joined for u in beside.get(x, ()) for v in beside.get(y, ()) if u[0] == v[0] and u != v):
                joined.add((x, y))
                changed = True
    return all(p in joined for p in pairs)


def _contradicted(members: list[Node], own: list[int], numbered: _Links, languages: list[str]) -> bool:
    """Two sentences of the group, of two outlets of one language and joined by no link of their
    own, whose words name what neither a model nor a place outweighs (evidence.VETO: another
    number, roles swapped, a refusal beside an answer): a chain through a merge elsewhere ("Of the
    2,100 workers who lost their jobs, 1,400 are crew" – an outlet's "2,100 jobs were lost and the
    airline owes 410 million" – "The airline owes creditors about 410 million") holds two
    statements the words tell apart. Asked only of a group a merge holds together (one outlet with
    several sentences in it): elsewhere each member's links were judged already."""
    outlets = Counter(k for k, _ in members)
    if max(outlets.values()) < 2:
        return False
    linked = {frozenset(_nodes(numbered.links[n])[:2]) for n in own if len(_nodes(numbered.links[n])) == 2}
    single = [(k, i) for k, i in members if outlets[k] == 1]
    judge = numbered.judge
    for n, (k, i) in enumerate(single):
        for (l, j) in single[n + 1:]:
            if k == l or not _one_language(languages, k, l) or frozenset(((k, i), (l, j))) in linked:
                continue
            a, ra, b, rb = (k, i, l, j) if k < l else (l, j, k, i)
            if ev.VETO & set(judge.verdict(a, (ra,), b, (rb,)).evidence):
                return True
    return False


def _supported(members: list[Node], own: list[int], confidences: list[float], numbered: _Links, languages: list[str]) -> bool:
    parts: dict[int, list[int]] = {}
    for k, i in members:
        parts.setdefault(k, []).append(i)
    rows = {k: tuple(part) for k, part in parts.items()}
    direct: dict[tuple[int, int], float] = {}
    for n, confidence in zip(own, confidences):
        link = numbered.links[n]
        key = (min(link.outlet_a, link.outlet_b), max(link.outlet_a, link.outlet_b))
        direct[key] = max(direct.get(key, 0.0), confidence)
    linked: dict[int, int] = {}  # per outlet, how many outlets of the group its direct links reach
    for k, l in direct:
        linked[k] = linked.get(k, 0) + 1
        linked[l] = linked.get(l, 0) + 1
    one_language = len({languages[k] for k in parts if languages[k]}) <= 1
    read: dict[tuple[int, int], float] = {}
    cheap_first = _cheap_first(rows, numbered.judge)
    for k in parts:
        if one_language:
            others = [l for l in parts if l != k]
        else:
            # The judge reads one language: across languages its confidence, direct link or not,
            # is no evidence against (a translated part is held by the aligner's own rules there).
            others = [l for l in parts if l != k and _one_language(languages, k, l)]
        if not others:
            continue
        floor = ev.COHERENCE_FLOOR * len(others)
        # The direct links alone (a missing one counts 0) may settle it: then no text is read.
        # Each is a confidence, at most 1: fewer of them than the floor cannot reach it (in a
        # big group, an outlet's few direct partners never do), and the sum is not taken.
        if linked.get(k, 0) >= floor and sum(direct.get((min(k, l), max(k, l)), 0.0) for l in others) >= floor:
            continue

        def support(l: int, k: int = k) -> float:
            """The better of the direct link and the parts' own evidence (read once per pair of
            parts, whichever side asks first)."""
            key = (min(k, l), max(k, l))
            found = direct.get(key, 0.0)
            if found < 1.0 and (one_language or _one_language(languages, k, l)):
                own_confidence = read.get(key)
                if own_confidence is None:
                    own_confidence = read[key] = numbered.judge.verdict(key[0], rows[key[0]], key[1], rows[key[1]]).confidence
                found = max(found, own_confidence)
            return found

        if not reaches(others, floor, support, [l for l in cheap_first if l != k]):
            return False
    return True


MARGIN = 1e-9  # far above the rounding of a sum of a few hundred confidences (each at most 1)


def reaches(others: list[int], floor: float, value, order: list[int]) -> bool:
    """sum(value(l) for l in others) >= floor, as the plain loop sums it (in order; the values
    are never below 0, so it may stop at the floor), with the values read in `order` (each
    outlet of others once, others' outlets among more) until those read clear the floor by
    MARGIN: the sum of them all does then, in any order. Otherwise, all read, the plain loop
    decides (tests/unit/test_coherence_reaches.py holds it to the plain loop)."""
    wanted = set(others)
    got: dict[int, float] = {}
    total = 0.0
    for l in order:
        if l in wanted:
            got[l] = found = value(l)
            total += found
            if total >= floor + MARGIN:
                return True
    support = 0.0
    for l in others:
        support += got[l] if l in got else value(l)
        if support >= floor:
            return True
    return False


def _cheap_first(rows: dict[int, tuple[int, ...]], judge: ev.Judge) -> list[int]:
    """A group's outlets, those printing the text most of them print first: the judge reads a
    pair of texts once (wire copies share their parse), so the outlets of one text answer
    together, and a part's support is mostly known after a reading or two."""
    parse = {k: id(judge.features[k][part[0]]) if len(part) == 1 else (k,) for k, part in rows.items()}
    size = Counter(parse.values())
    return sorted(rows, key=lambda k: -size[parse[k]])


def _one_language(languages: list[str], k: int, l: int) -> bool:
    """Across languages two parts without a direct link say nothing either way."""
    return not (languages[k] and languages[l] and languages[k] != languages[l])


def _components(members: list[Node], links: list[int], story_links: list) -> list[list[Node]]:
    sets = NodeSets(members)
    for n in links:
        sets.join(_nodes(story_links[n]))
    pieces: dict[Node, list[Node]] = {}
    for node in sorted(members):
        pieces.setdefault(sets.find(node), []).append(node)
    return list(pieces.values())


def peer_supported(groups: list[list[Node]], links: list, judge: ev.Judge, languages: list[str]) -> list[list[Node]]:
    """An end sentence of an outlet's part of several sentences, held in its group only as one
    part of a merge across languages, stays there only when an outlet of its own language in the group
    tells it too (the judge, reading that sentence alone against the peer's part, finds at least
    COHERENCE_FLOOR). Across languages the programme may fold a sentence the other side left out
    into its neighbour's bead rather than skip it (a sentence the translation dropped), and the
    judge, reading one language, cannot say no to it there; the outlets that share the
    sentence's language can. Without such a peer nothing changes, nor for a sentence a link in
    its own language holds (that link was judged), nor for one a one-to-one link holds (made on
    its own evidence: a name, a number, its place between confirmed pairs)."""
    judged: set[Node] = set()  # sentences a link within one language, or a one-to-one link, holds
    for link in links:
        if _one_language(languages, link.outlet_a, link.outlet_b) or (len(link.rows) == 1 and len(link.cols) == 1):
            judged.update(_nodes(link))
    result: list[list[Node]] = []
    for members in groups:
        parts: dict[int, list[int]] = {}
        for k, i in members:
            parts.setdefault(k, []).append(i)
        if len(parts) < 3 or all(len(part) < 2 for part in parts.values()):
            result.append(members)
            continue
        for k, part in parts.items():
            peers = [l for l in parts if l != k and languages[k] and languages[l] == languages[k]]
            while peers and len(part) > 1:
                lone = [i for i in (part[-1], part[0]) if (k, i) not in judged
                        and max(judge.verdict(k, (i,), l, tuple(parts[l])).confidence for l in peers) < ev.COHERENCE_FLOOR]
                if not lone:
                    break
                part.remove(lone[0])
        result.append(sorted((k, i) for k, part in parts.items() for i in part))
    return sorted(result, key=lambda m: m[0])
