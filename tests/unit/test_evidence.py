"""Precision first: a link needs evidence that the statement is the same, not the topic.

Short invented stories, one per failure class: sentences on the same topic that make different
statements (roles swapped, another number, another speaker, the story's topic words alone) must
not pair; a long sentence with two words swapped and (with a sentence model) a paraphrased lead
must. Each story's outlets reorder their sentences, so the order-free phase decides.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align import evidence as ev
from velmont_story import FILLER_A, FILLER_B, outlet, together


def story(extra_a: list[str], extra_b: list[str]):
    a = outlet("a", extra_a + FILLER_A)
    b = outlet("b", FILLER_B[:2] + extra_b + FILLER_B[2:])
    return align([a, b]), len(extra_a), 2


def test_the_filler_story_pairs_its_own_statements():
    alignment, _n, _k = story([], [])
    assert together(alignment, "a", 0, "b", 2) and together(alignment, "a", 3, "b", 0)


def test_roles_swapped_are_not_the_same_statement():
    alignment, _n, k = story(
        ["Velmont accused Korrin on Monday of massing troops on the Tarsa border."],
        ["Korrin accused Velmont on Monday of massing troops on the Tarsa border."],
    )
    assert not together(alignment, "a", 0, "b", k)


def test_a_different_number_is_not_the_same_statement():
    alignment, _n, k = story(
        ["Velmont's defence ministry said 12,000 soldiers had been moved to the Tarsa border in a week."],
        ["Velmont's defence ministry said 40,000 soldiers had been moved to the Tarsa border in a month."],
    )
    assert not together(alignment, "a", 0, "b", k)


def test_a_different_speaker_is_not_the_same_statement():
    alignment, _n, k = story(
        ["Velmont's foreign minister Ada Roth said the drills near the Tarsa border were a threat to peace."],
        ["Korrin's army chief Ivo Lant said the drills near the Tarsa border were no threat to anyone."],
    )
    assert not together(alignment, "a", 0, "b", k)


def test_the_story_topic_words_alone_do_not_pair():
    alignment, _n, k = story(
        ["The Accord's foreign ministers said in a statement that Korrin's drills near Velmont threatened the region."],
        ["The Accord's foreign ministers, meeting in Brussels, voiced deep concern over Velmont and Korrin."],
    )
    assert not together(alignment, "a", 0, "b", k)


def test_two_swapped_words_in_a_long_sentence_still_pair():
    alignment, _n, k = story(
        ["Their deepening partnership and large-scale support for Korrin's defence industrial base were of profound concern to the ministers gathered in Brussels."],
        ["Their deepening partnership and extensive support for Korrin's defence industrial base were of serious concern to the ministers gathered in Brussels."],
    )
    assert together(alignment, "a", 0, "b", k)
    assert alignment.outlet("a").sentences[0].status in ("shared", "altered")


# ---------------------------------------------------------------- the sentence model

class ConceptEmbedder:
    """A deterministic fake sentence model: each word maps to a concept (synonyms to one), a
    sentence is the normalised sum of its concepts' fixed random vectors."""

    name = "concepts (test)"
    SYNONYMS = {"urged": "warn", "warned": "warn", "inciting": "provok", "provoking": "provok",
                "stop": "against", "against": "against", "tensions": "confront", "confrontation": "confront",
                "links": "ties", "ties": "ties", "thursday": "thursday"}

    def __init__(self):
        self.calls = 0

    def _vector(self, concept: str) -> np.ndarray:
        seed = sum(ord(c) * 31 ** n for n, c in enumerate(concept)) % (2**32)
        return np.random.default_rng(seed).standard_normal(64)

    def embed(self, texts):
        self.calls += 1
        rows = []
        for text in texts:
            words = [w.strip(".,'\"").lower() for w in text.split()]
            v = sum(self._vector(self.SYNONYMS.get(w, w)) for w in words if w)
            rows.append(v / np.linalg.norm(v))
        return np.asarray(rows, dtype=np.float32)


LEAD_A = "Korrin on Thursday warned the Accord against provoking confrontation over its ties with Velmont."
LEAD_B = "Korrin urged the Accord on Thursday to stop inciting tensions because of its links with Velmont."


def test_a_paraphrased_lead_pairs_with_the_sentence_model_and_as_possible_on_its_frame():
    a_text, b_text = [LEAD_A] + FILLER_A, FILLER_B[:2] + [LEAD_B] + FILLER_B[2:]
    words_only = align([outlet("a", a_text), outlet("b", b_text)])
    # The words alone share only the actors and the day: the frame (Korrin warning the Accord on
    # Thursday, align/frames.py) pairs them, as "possible" and naming it; the model's cosine names itself.
    assert together(words_only, "a", 0, "b", 2)
    lead = next(m for g in words_only.groups for m in g.members if (m.outlet, m.sentence) == ("a", 0))
    assert lead.strength == "possible" and "frame" in lead.evidence and "semantic" not in lead.evidence
    model = ConceptEmbedder()
    with_model = align([outlet("a", a_text), outlet("b", b_text)], semantic=model)
    assert model.calls == 1  # every sentence of the story embedded at once
    assert together(with_model, "a", 0, "b", 2)
    member = next(m for g in with_model.groups for m in g.members if (m.outlet, m.sentence) == ("a", 0))
    assert "semantic" in member.evidence


def test_the_sentence_model_does_not_pair_what_the_words_refuse():
    """Roles swapped: the model sees nearly the same sentence, the names say otherwise."""
    a_text = ["Velmont accused Korrin on Monday of massing troops on the Tarsa border."] + FILLER_A
    b_text = FILLER_B[:2] + ["Korrin accused Velmont on Monday of massing troops on the Tarsa border."] + FILLER_B[2:]
    alignment = align([outlet("a", a_text), outlet("b", b_text)], semantic=ConceptEmbedder())
    assert not together(alignment, "a", 0, "b", 2)


# ---------------------------------------------------------------- confidence

def test_members_carry_a_calibrated_score_and_the_evidence_named():
    alignment, _n, _k = story([], [])
    scores = {(m.outlet, m.sentence): (m.score, m.evidence) for g in alignment.groups for m in g.members}
    assert scores
    for score, named in scores.values():
        assert 0.0 < score <= 1.0 and named
    # the reworded pair is less certain than a verbatim copy would be
    assert scores[("a", 0)][0] < 1.0


_WORDS = st.sampled_from("Velmont Korrin Accord border troops said Monday 12 40 the of on in drills talks minister".split())


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=14), st.lists(_WORDS, min_size=3, max_size=14))
def test_the_judge_is_symmetric_and_bounded(a_words, b_words):
    """Whatever the two texts, the confidence is a probability, the same both ways round."""
    a, b = " ".join(a_words) + ".", " ".join(b_words) + "."
    from retold.model.align import feature_weights, sentence_features

    features = sentence_features([outlet("a", [a]), outlet("b", [b])])
    judge = ev.Judge([[a], [b]], features, feature_weights(features))
    one, other = judge.verdict(0, (0,), 1, (0,)), judge.verdict(1, (0,), 0, (0,))
    assert 0.0 <= one.confidence <= 1.0
    assert abs(one.confidence - other.confidence) < 1e-9


# ---------------------------------------------------------------- group coherence

def _judge(rows):
    from retold.model.align import feature_weights, sentence_features

    outlets = [outlet(chr(97 + n), row) for n, row in enumerate(rows)]
    features = sentence_features(outlets)
    return ev.Judge(rows, features, feature_weights(features))


def test_a_chain_of_three_statements_is_split_at_its_weakest_link():
    """A–B say the same, B–C only share a topic (a weak link): C is not part of A and B's group."""
    from retold.model.align import Link
    from retold.model.align.coherence import coherent

    same = "The harbour council voted on Monday to close the old quay for repairs next spring."
    other = "Fishermen said the council's quay plan would leave them nowhere to land their catch."
    judge = _judge([[same], [same], [other]])
    links = [Link(1.0, 0, (0,), 1, (0,)), Link(0.45, 1, (0,), 2, (0,))]
    groups = coherent([[(0, 0), (1, 0), (2, 0)]], links, judge, ["en", "en", "en"])
    assert groups == [[(0, 0), (1, 0)]]
    # the same three with a strong link also between A and C: nothing to split
    judge = _judge([[same], [same], [same.replace("spring", "summer")]])
    links.append(Link(0.9, 0, (0,), 2, (0,)))
    assert coherent([[(0, 0), (1, 0), (2, 0)]], links, judge, ["en"] * 3) == [[(0, 0), (1, 0), (2, 0)]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 3), st.integers(0, 2), st.floats(0.1, 1.0)), min_size=1, max_size=10))
def test_coherence_only_splits_never_adds(raw_links):
    """Whatever the links: the groups coherence returns are disjoint pieces of the groups it was
    given, each spanning two outlets at least."""
    from retold.model.align import Link, group_links
    from retold.model.align.coherence import coherent

    texts = [[f"Outlet {k} sentence {i} about the {w} quay." for i, w in enumerate(("old", "new", "north"))] for k in range(4)]
    judge = _judge(texts)
    links = [Link(s, min(a, b), (i,) if a < b else (j,), max(a, b), (j,) if a < b else (i,)) for a, i, b, j, s in raw_links if a != b]
    groups = group_links(links, [3] * 4)
    result = coherent(groups, links, judge, ["en"] * 4)
    given_nodes = {node: n for n, members in enumerate(groups) for node in members}
    seen = set()
    for members in result:
        assert len({k for k, _ in members}) >= 2
        assert len({given_nodes[node] for node in members}) == 1  # a piece of one given group
        assert not seen & set(members)
        seen |= set(members)


def test_a_place_between_confirmed_pairs_does_not_outweigh_roles_swapped():
    """The swapped sentence stands exactly where its counterpart would, between pairs made in both
    texts: position may support what the words suggest, never what they contradict."""
    swapped_a = "Velmont accused Korrin on Monday of massing troops on the Tarsa border."
    swapped_b = "Korrin accused Velmont on Monday of massing troops on the Tarsa border."
    a_text = FILLER_A[:3] + [swapped_a] + FILLER_A[3:]
    b_text = [FILLER_B[2], FILLER_B[3], FILLER_B[1], swapped_b, FILLER_B[0], FILLER_B[5], FILLER_B[4]]
    alignment = align([outlet("a", a_text), outlet("b", b_text)])
    assert together(alignment, "a", 2, "b", 2) and together(alignment, "a", 3 + 1, "b", 4)  # its neighbours pair
    assert not together(alignment, "a", 3, "b", 3)


# ---------------------------------------------------------------- position never makes a pair sure

@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=14), st.lists(_WORDS, min_size=3, max_size=14),
       st.sampled_from([ev.POSITION_PARALLEL, ev.POSITION_NEIGHBOURS, ev.POSITION_NEAR]))
def test_a_pair_its_place_carries_is_at_most_possible(a_words, b_words, structure):
    """Where the words alone would not pair two sentences, their place in parallel text may, but
    the pair is then shown as "possible" (position named), never as a sure counterpart."""
    a, b = " ".join(a_words) + ".", " ".join(b_words) + "."
    judge = _judge([[a], [b]])
    content = judge.verdict(0, (0,), 1, (0,))
    placed = judge.verdict(0, (0,), 1, (0,), structure=structure)
    if content in (ev.VERBATIM, ev.NEAR):
        assert placed == content  # a copy needs no place to be sure
        return
    assert "position" in placed.evidence
    if content.confidence < ev.SAME_STATEMENT:
        assert placed.confidence < ev.STRONG
    else:
        assert placed.confidence >= content.confidence  # its place only adds to what its words say


# ---------------------------------------------------------------- one number, however it is written

@given(st.integers(1000, 10**9))
def test_a_number_with_thousands_separators_is_one_number(n):
    from retold.model.align.features import number_key

    english, german, plain = f"{n:,}", f"{n:,}".replace(",", "."), str(n)
    assert number_key(english) == number_key(german) == number_key(plain) == plain


def test_a_translation_writing_4000_for_4_000_shares_its_number_and_is_not_vetoed():
    judge = _judge([["About 4,000 passengers ride the Orven line on weekdays."],
                    ["An Werktagen fahren rund 4000 Fahrgäste auf der Orvenbahn."]])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "numbers differ" not in verdict.evidence and "numbers" in verdict.evidence


def test_a_translated_part_is_not_split_off_for_want_of_words_in_common():
    """The judge reads one language: across languages its confidence (few words meet) is no
    evidence against, so a translated sentence stays in the group of the sentence it translates.
    (Found on selke-landslide: a short German translation was split off every group.)"""
    from retold.model.align.coherence import coherent
    from retold.model.align.records import new_link

    rows = [["About 4,000 passengers use the line on weekdays, most of them commuters to Orven."],
            ["About 4,000 passengers use the line on a weekday, most of them commuters to Orven."],
            ["An Werktagen nutzen rund 4000 Fahrgäste die Strecke, die meisten pendeln nach Orven."]]
    judge = _judge(rows)
    links = [new_link(0.99, 0, (0,), 1, (0,), "words"), new_link(0.6, 0, (0,), 2, (0,), "translation"),
             new_link(0.6, 1, (0,), 2, (0,), "translation")]
    assert judge.link_verdict(links[1]).confidence < ev.COHERENCE_FLOOR  # the words alone would not hold it
    group = [(0, 0), (1, 0), (2, 0)]
    assert coherent([group], links, judge, ["en", "en", "de"]) == [group]
    # In one language the same weak support does split the group (the rule the test guards stays).
    assert coherent([group], links, judge, ["en", "en", "en"]) != [group]
