"""The order-free phase's second look, with a sentence model: sentences the words left unlinked.

A paraphrased lead shares few content words with its original ("Velmont on Monday warned the Accord
against stirring up a quarrel" / "Velmont urged the Accord on Monday to stop fanning
the dispute"). Between the sentences of an outlet pair that no lexical link took, each one's
best match by the model's cosine is proposed when the choice is mutual; the judge then weighs
the cosine (above the outlet pair's median, the level of unrelated sentences of this story)
together with the words, the numbers, the names and the quotes, and keeps the pair only when
the blend reaches the same bar as any order-free pair.
"""

from __future__ import annotations

from retold.model.align.evidence import SAME_STATEMENT
from retold.model.align.records import Link, PairSides, new_link
from retold.model.align.statements import different_statement


def semantic_pairs(sides: PairSides, links: list[Link]) -> list[Link]:
    """Links between sentences of the pair that `links` leave unlinked, found by the model."""
    judge, a, b = sides.judge, sides.a, sides.b
    vectors = judge.vectors if judge is not None else None
    if vectors is None or vectors[a] is None or vectors[b] is None:
        return []
    linked_a = {i for link in links for i in link.rows}
    linked_b = {j for link in links for j in link.cols}
    free_a = [i for i, f in enumerate(sides.fa) if i not in linked_a and f.words]
    free_b = [j for j, f in enumerate(sides.fb) if j not in linked_b and f.words]
    if not free_a or not free_b:
        return []
    parallel = judge.parallel.get((a, b), False)
    cosines = vectors[a][free_a] @ vectors[b][free_b].T
    best_col = cosines.argmax(axis=1)  # the first of equals: the lower index
    best_row = cosines.argmax(axis=0)
    found: list[Link] = []
    for n, i in enumerate(free_a):
        m = int(best_col[n])
        if int(best_row[m]) != n:
            continue  # not mutual
        j = free_b[m]
        if not parallel and different_statement(sides, (i,), (j,)) and judge.verdict(a, (i,), b, (j,)).confidence >= SAME_STATEMENT:
            # Outside parallel text the words refused it already (statements.py): what they share
            # is the story's actors and topic, and those words, not the model, would carry it
            # here again. A paraphrase the words alone leave short is the model's to find.
            continue
        if judge.accept(a, (i,), b, (j,), links + found, semantic=True):
            found.append(new_link(sides.scorer.pair(sides.fa[i], sides.fb[j])[0], a, (i,), b, (j,)))
    return found
