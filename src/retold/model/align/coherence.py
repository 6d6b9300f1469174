"""Group coherence: no chain of three different statements.

Union-find joins whatever its links join: A–B (the same statement) and B–C (the same topic)
make one group of A, B and C although A and C say different things. Every outlet's part of a
group must be supported by the group's other outlets: the mean, over those outlets, of the
better of its direct link's confidence and the two parts' own evidence (outlets in another
language without a direct link say nothing either way and are left out). A group that fails is
split at its weakest link, and each piece is checked again.
"""

from __future__ import annotations

import retold.model.align.evidence as ev

Node = tuple[int, int]


def coherent(groups: list[list[Node]], links: list, judge: ev.Judge, languages: list[str]) -> list[list[Node]]:
    by_node: dict[Node, list] = {}
    for link in links:
        for node in _nodes(link):
            by_node.setdefault(node, []).append(link)
    result: list[list[Node]] = []
    for members in groups:
        result += _split(members, by_node, judge, languages)
    return sorted(result, key=lambda m: m[0])


def _nodes(link) -> list[Node]:
    return [(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols]


def _split(members: list[Node], by_node: dict, judge: ev.Judge, languages: list[str]) -> list[list[Node]]:
    if len({k for k, _ in members}) < 3:
        return [members]  # two outlets: their link is the whole evidence, judged already
    inside = set(members)
    own: dict[int, object] = {}  # by identity (a frozen dataclass hashes every field, every time)
    for node in members:
        for link in by_node.get(node, ()):
            if id(link) not in own and all(n in inside for n in _nodes(link)):
                own[id(link)] = link
    group_links = sorted(own.values(), key=lambda l: (l.outlet_a, l.rows, l.outlet_b, l.cols, l.score))
    verdicts = [judge.link_verdict(link) for link in group_links]
    strong = [link for link, v in zip(group_links, verdicts) if v.confidence >= ev.STRONG]
    if len(strong) == len(group_links) or len(_components(members, strong)) == 1:
        return [members]  # the weak links only repeat what strong ones already join
    if _supported(members, group_links, verdicts, judge, languages):
        return [members]
    weakest = min(range(len(group_links)), key=lambda n: (verdicts[n].confidence, n))
    rest = group_links[:weakest] + group_links[weakest + 1:]
    pieces = []
    for piece in _components(members, rest):
        if len({k for k, _ in piece}) >= 2:
            # By identity: a twin (the same link made twice) stays as a link of its own, and the
            # one removed is gone, so every round has one link fewer.
            kept = {id(link) for link in rest}
            pieces += _split(piece, {node: [l for l in by_node.get(node, ()) if id(l) in kept] for node in piece}, judge, languages)
    return pieces


def _supported(members: list[Node], links: list, verdicts: list, judge: ev.Judge, languages: list[str]) -> bool:
    parts: dict[int, list[int]] = {}
    for k, i in members:
        parts.setdefault(k, []).append(i)
    direct: dict[tuple[int, int], float] = {}
    for link, verdict in zip(links, verdicts):
        key = (min(link.outlet_a, link.outlet_b), max(link.outlet_a, link.outlet_b))
        direct[key] = max(direct.get(key, 0.0), verdict.confidence)
    read: dict[tuple[int, int], float] = {}
    for k in parts:
        others = [l for l in parts if l != k and (direct.get((min(k, l), max(k, l))) is not None or _one_language(languages, k, l))]
        if not others:
            continue
        # The direct links alone (a missing one counts 0) may settle it: then no text is read.
        if sum(direct.get((min(k, l), max(k, l)), 0.0) for l in others) >= ev.COHERENCE_FLOOR * len(others):
            continue
        support = 0.0
        for l in others:
            key = (min(k, l), max(k, l))
            found = direct.get(key, 0.0)
            if _one_language(languages, k, l) and found < 1.0:
                own = read.get(key)
                if own is None:  # one reading per pair of parts, whichever side asks first
                    own = read[key] = judge.verdict(key[0], tuple(parts[key[0]]), key[1], tuple(parts[key[1]])).confidence
                found = max(found, own)
            support += found
        if support < ev.COHERENCE_FLOOR * len(others):
            return False
    return True


def _one_language(languages: list[str], k: int, l: int) -> bool:
    """Across languages two parts without a direct link say nothing either way."""
    return not (languages[k] and languages[l] and languages[k] != languages[l])


def _components(members: list[Node], links: list) -> list[list[Node]]:
    parent = {node: node for node in members}

    def find(x: Node) -> Node:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        nodes = _nodes(link)
        root = find(nodes[0])
        for node in nodes[1:]:
            other = find(node)
            if other != root:
                parent[max(other, root)] = min(other, root)
                root = min(other, root)
    pieces: dict[Node, list[Node]] = {}
    for node in sorted(members):
        pieces.setdefault(find(node), []).append(node)
    return list(pieces.values())
