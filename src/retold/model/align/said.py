"""Phase 5c''': in one language, one speaker's statement reported in other words of attribution.

"Varnholm added that the alliance was not seeking confrontation with Harkany and remained open to
dialogue" / "Alliance Secretary General Ilse Varnholm said at a press conference that the alliance
did not seek confrontation with Harkany": who said it, where and how fill half of the second
sentence, so the words of the whole pair stay under any bar, and the pair is never proposed.
What was said — the reported clause after the verb of reporting — is the statement; the judge
compares the clauses when both sentences report speech by one named speaker
(`Judge.said_alike`), and this phase proposes such pairs between sentences no link holds yet.

A pair is made when both sentences name one speaker beside a verb of reporting, the judge on the
clauses alone (not the whole sentences, whose shared attribution says nothing of what was said)
reaches the bar of any order-free pair (evidence.SAME_STATEMENT) with nothing named
against it (another number, roles swapped, another actor, a negation: evidence.AGAINST), the
statement words of the clauses are not only the story's names and topic (statements.py's rule,
asked of the clauses), and the choice is mutual: each is the other's best such candidate. The
speaker alone is no evidence: the same speaker says several things in one story ("Varnholm told
reporters that Harkany could not …" / "Varnholm added that the alliance was not seeking …").
"""

from __future__ import annotations

import retold.model.align.evidence as ev
from retold.model.align.records import Link, PairSides, new_link
from retold.model.align.statements import different_statement


def said_pairs(sides: PairSides, links: list[Link]) -> list[Link]:
    """Links between free sentences of the pair that report one speaker's same statement."""
    judge, a, b = sides.judge, sides.a, sides.b
    if judge is None or not sides.same_language:
        return []
    linked_a = {i for link in links for i in link.rows}
    linked_b = {j for link in links for j in link.cols}
    speech_b: dict[str, list[int]] = {}
    for j, f in enumerate(sides.fb):
        if j not in linked_b and f.words:
            for key in judge.clues_of(b, j).speakers:
                speech_b.setdefault(key, []).append(j)
    if not speech_b:
        return []
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for i, f in enumerate(sides.fa):
        if i in linked_a or not f.words:
            continue
        ca = judge.clues_of(a, i)
        for j in sorted({j for key in ca.speakers for j in speech_b.get(key, ())}):
            said = judge.said_alike(a, (i,), b, (j,), ca, judge.clues_of(b, j))
            if said is None:
                continue
            # The clauses alone must make the pair (the whole sentences share who said it: two
            # quotes of one analyst, "…," said Ada Roth, an analyst at …, are two statements).
            confidence = ev.sigmoid(ev.LEXICAL_MODEL[0] + sum(w * v for w, v in zip(ev.LEXICAL_MODEL[1:], said)))
            if confidence < ev.SAME_STATEMENT or ev.AGAINST.intersection(judge.verdict(a, (i,), b, (j,)).evidence):
                continue
            if (confidence, -j) > best_a.get(i, (0.0, 0)):
                best_a[i] = (confidence, -j)
            if (confidence, -i) > best_b.get(j, (0.0, 0)):
                best_b[j] = (confidence, -i)
    found = []
    for i, (confidence, minus_j) in sorted(best_a.items()):
        j = -minus_j
        if best_b.get(j, (0.0, 1))[1] != -i:
            continue
        within = judge.said_within(a, (i,), b, (j,), judge.clues_of(a, i), judge.clues_of(b, j))
        if different_statement(sides, (i,), (j,), (within[0][1], within[1][1])):
            continue
        found.append(new_link(sides.scorer.pair(sides.fa[i], sides.fb[j])[0], a, (i,), b, (j,)))
    return found
