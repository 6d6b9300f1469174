"""Phase 5c'': in one language, a paraphrased statement found by its frame, not its words.

A retelling's lead often says the wire's lead in other words: "Korrin on Thursday warned the
Accord against provoking confrontation" / "Korrin urged the Accord on Thursday to stop inciting
tensions". Few content words meet (the judge gives such a pair 0.1-0.2), yet the statement is
the same: the same named actor does the same kind of speech act (warn, urge, caution and "call
on" are one family), to the same addressee or on the same day, and nothing the words name speaks
against it. That frame is evidence the words miss; the story's topic words and a place in the
text are not, and make no pair here (DESIGN: "precision first: evidence, not place").

A pair is proposed between two sentences of an outlet pair that no link holds yet when

- both open a clause with a verb of one family below (the first such verb of each sentence),
  done by the same named actor (the nearest name before the verb: "Korrin on Thursday warned",
  "Korrin's foreign minister warned");
- whom it is done to, when both name someone right after the verb, is the same actor (so roles
  swapped — "Velmont warned Korrin" / "Korrin warned Velmont" — never meet: the agents differ);
- a second anchor ties them: that same addressee named by both, or a day of the week both give,
  or a number both give;
- the words name nothing against the pair (another number or day, roles swapped, another
  speaker, another quote: evidence.AGAINST);
- and the choice is unique on both sides: a sentence with two such candidates in the other text
  is left unpaired, unless both sentences are their texts' leads and exactly one candidate is
  the other's lead (position breaks a tie between candidates with content evidence; it never
  makes a pair on its own).

The frame adds FRAME_EVIDENCE to the words' log-odds; the pair is kept when that reaches the bar
of any order-free pair (evidence.SAME_STATEMENT), and is shown as "possible" at most
(evidence.POSITION_CEILING): two statements of one actor on one day in one family ("Velmont
accused Korrin on Monday of X" / "... of Y") can share a frame too.

The plain verbs of saying (say, tell, state) are no family here: nearly every sentence of a news
story says who said it, so "X said on Tuesday" ties nothing.
"""

from __future__ import annotations

import math

import retold.model.align.evidence as ev
from retold.model.align.params import FRAME_AFTER, FRAME_BEFORE, FRAME_EVIDENCE
from retold.model.align.records import Link, PairSides, new_link

from retold.model.align.acts import _PARTICLE, _VERBS, FAMILY  # noqa: F401 (FAMILY: read by name elsewhere)

_DAY_KEYS = frozenset(day[:5] for day in ev._DAY_WORDS)

Frame = tuple[str, str, str | None]  # (family, agent, addressee or None)


def frame_of(clues: ev.Clues, known: frozenset[str] = frozenset()) -> Frame | None:
    """The first act of a family in the sentence with a named actor doing it (frames_of), or None."""
    found = frames_of(clues, known)
    return found[0] if found else None


def frames_of(clues: ev.Clues, known: frozenset[str] = frozenset()) -> tuple[Frame, ...]:
    """Every act of a family in the sentence with a named actor doing it: its family, the actor
    (a name key) and whom it is done to (the head of the first name right after it: "the Halden
    Alliance" is the alliance; or None).

    An act with no name just before it continues the clause of the one before it when it is a
    participle or joined by "and" ("Korrin rejected the plan, warning the Accord …", "Korrin
    rejected it and warned the Accord …"): its actor is that act's, or with none before, the
    sentence's subject ("Korrin's foreign ministry hit back within hours, warning the Accord …").
    `known`: the story's names; a word the story capitalises elsewhere names whom an act is done
    to even where this sentence writes it small ("warned the alliance" in a story of the Halden
    Alliance)."""
    words = clues.words
    if _VERBS.isdisjoint(words):
        return ()  # most sentences: no act of a family (one set test, for every outlet pair of a big story)
    names = set(clues.names) - _DAY_KEYS  # "on Thursday warned": a day is capitalised, and no actor
    heads = names | (known - _DAY_KEYS)
    found: list[Frame] = []
    agent_before: str | None = None
    for n, word in enumerate(words):
        family = FAMILY.get(word)
        if family is None:
            continue
        particle = _PARTICLE.get(word)
        if particle is not None and (n + 1 >= len(words) or words[n + 1] != particle):
            continue
        agent = next((words[m][:5] for m in range(n - 1, max(-1, n - 1 - FRAME_BEFORE), -1) if words[m][:5] in names), None)
        if agent is None and (word.endswith("ing") or (n and words[n - 1] == "and")):
            agent = agent_before or next((w[:5] for w in words[:min(n, FRAME_BEFORE)] if w[:5] in names), None)
        if agent is None:
            continue  # an act done by no one named ("ministers accused …"): no frame
        agent_before = agent
        start = n + (2 if particle else 1)
        after = [w[:5] for w in words[start:start + FRAME_AFTER]]
        first = next((m for m, key in enumerate(after) if key in heads and key != agent), None)
        addressee = None
        if first is not None:
            last = first
            while last + 1 < len(after) and after[last + 1] in heads and after[last + 1] != agent:
                last += 1
            addressee = after[last]  # a name's last word is its head ("the Halden Alliance": the alliance)
        found.append((family, agent, addressee))
    return tuple(found)


def same_frame(fa: Frame | None, fb: Frame | None, ca: ev.Clues, cb: ev.Clues) -> bool:
    """One act by one actor, to one addressee, tied by a second anchor (see the module)."""
    if fa is None or fb is None or fa[0] != fb[0] or fa[1] != fb[1]:
        return False
    if fa[2] and fb[2] and fa[2] != fb[2]:
        return False
    return bool((fa[2] and fa[2] == fb[2]) or ca.days & cb.days or ca.numbers & cb.numbers)


def frame_pairs(sides: PairSides, links: list[Link]) -> list[Link]:
    """Links between sentences of the pair that `links` leave free, found by their frame."""
    judge, a, b = sides.judge, sides.a, sides.b
    if judge is None or not sides.same_language:
        return []
    linked_a = {i for link in links for i in link.rows}
    linked_b = {j for link in links for j in link.cols}
    known = judge.story_names()
    frames_a = {i: frames_of(judge.clues_of(a, i), known) for i, f in enumerate(sides.fa) if i not in linked_a and f.words}
    frames_b = {j: frames_of(judge.clues_of(b, j), known) for j, f in enumerate(sides.fb) if j not in linked_b and f.words}
    frames_a = {i: f for i, f in frames_a.items() if f}
    frames_b = {j: f for j, f in frames_b.items() if f}
    if not frames_a or not frames_b:
        return []
    options_a: dict[int, list[int]] = {}
    options_b: dict[int, list[int]] = {}
    by_act: dict[tuple[str, str], list[tuple[int, Frame]]] = {}  # (family, agent) -> b's acts: no pair of a big story is walked in full
    for j, acts in frames_b.items():
        for fb in acts:
            by_act.setdefault(fb[:2], []).append((j, fb))
    for i, acts in frames_a.items():
        ca = judge.clues_of(a, i)
        for fa in acts:
            for j, fb in by_act.get(fa[:2], ()):
                if j not in options_a.get(i, ()) and same_frame(fa, fb, ca, judge.clues_of(b, j)):
                    options_a.setdefault(i, []).append(j)
                    options_b.setdefault(j, []).append(i)

    def chosen(options: list[int], me: int) -> int | None:
        if len(options) == 1:
            return options[0]
        if me == 0 and options.count(0) == 1:
            return 0  # two leads: their place breaks the tie between candidates that share the frame
        return None

    found: list[Link] = []
    for i, options in sorted(options_a.items()):
        j = chosen(options, i)
        if j is None or chosen(options_b[j], j) != i:
            continue
        verdict = judge.verdict(a, (i,), b, (j,))
        if ev.AGAINST.intersection(verdict.evidence):
            continue
        logit = _logit(verdict.confidence) + FRAME_EVIDENCE
        if ev.sigmoid(logit) < ev.SAME_STATEMENT:
            continue
        judge.verdicts[(a, (i,), b, (j,))] = ev.Verdict(min(ev.sigmoid(logit), ev.POSITION_CEILING), verdict.evidence + ("frame",))
        found.append(new_link(sides.scorer.pair(sides.fa[i], sides.fb[j])[0], a, (i,), b, (j,)))
    return found


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))
