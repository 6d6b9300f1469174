"""Same topic is not same statement: what the words say against a pair (issue 16, class 1).

Every rule here names evidence the judge (retold.model.align.evidence) reads in the words alone,
so neither a sentence model nor a place in the text may outweigh it. Sentences are our own,
about two invented countries and an alliance."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align import evidence as ev
from velmont_story import outlet, together


# Every sentence names the story's actors: the topic words of the story.
FILLER_A = [
    "Talks between Velmont and Korrin are due to resume in Geneva next month.",
    "The Tarsa valley has been disputed since the treaty of 1921 drew the border along the river.",
    "Shops in the border town of Lesk stayed shut as families left for the coast.",
    "The Accord's secretary general will visit Velmont's capital at the end of the month.",
    "Korrin's currency fell to a record low against the dollar as traders sold.",
    "Velmont closed two crossings on the Tarsa river to lorries overnight.",
]
FILLER_B = [
    "The Accord's secretary general is expected in Velmont's capital at the end of the month.",
    "Families in the border town of Lesk kept their shops shut and drove to the coast.",
    "Velmont and Korrin are due to resume their talks in Geneva next month.",
    "The treaty of 1921 drew the border along the river, and the Tarsa valley has been disputed ever since.",
    "Lorries were turned back at two Tarsa river crossings that Velmont closed overnight.",
    "Traders sold Korrin's currency, which fell to a record low against the dollar.",
]


def paired(a_sentence: str, b_sentence: str) -> bool:
    """The two sentences, each in its outlet among the same story's others in another order."""
    a = outlet("a", [a_sentence] + FILLER_A)
    b = outlet("b", FILLER_B[:2] + [b_sentence] + FILLER_B[2:])
    return together(align([a, b]), "a", 0, "b", 2)


def judged(a_sentence: str, b_sentence: str) -> ev.Verdict:
    from retold.model.align import feature_weights, sentence_features

    rows = [[a_sentence] + FILLER_A, FILLER_B[:2] + [b_sentence] + FILLER_B[2:]]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features)).verdict(0, (0,), 1, (2,))


# ---------------------------------------------------------------- who did what to whom

_ACTORS = ["Velmont", "Korrin", "Oskland", "Brask"]
_ADDRESSING = ["accused", "warned", "told", "urged", "criticised", "thanked", "threatened"]
_REST = ["on Monday to pull its troops back from the Tarsa border", "of massing troops near the Tarsa border",
         "over the closure of the river crossings", "against stirring up a quarrel over the valley"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_ACTORS), st.sampled_from(_ACTORS), st.sampled_from(_ADDRESSING), st.sampled_from(_ADDRESSING), st.sampled_from(_REST))
def test_swapping_who_acts_on_whom_never_makes_a_strong_pair(agent, patient, verb, other_verb, rest):
    """"A <verb> B …" beside "B <verb> A …": the agent became the patient, whatever the verb of
    address ("warned", "told", "urged" included: they take whom they address as their object)."""
    if agent == patient:
        return
    one, other = f"{agent} {verb} {patient} {rest}.", f"{patient} {other_verb} {agent} {rest}."
    verdict = judged(one, other)
    assert "roles swapped" in verdict.evidence
    assert verdict.confidence < ev.STRONG
    assert not paired(one, other)


def test_a_verb_of_address_swapped_is_no_pair():
    assert not paired("Velmont accused Korrin on Monday of massing troops near the Tarsa border.",
                      "Korrin warned Velmont on Monday against massing troops near the Tarsa border.")
    assert not paired("Velmont told Korrin on Monday to pull its troops back from the Tarsa border.",
                      "Korrin told Velmont on Monday to pull its troops back from the Tarsa border.")


def test_a_reported_clause_is_not_a_patient():
    """"Velmont said Korrin had …" names who speaks and who acts: no agent and patient to swap."""
    verdict = judged("Velmont said Korrin had moved troops to the Tarsa border on Monday.",
                     "Korrin had moved troops to the Tarsa border on Monday, Velmont said.")
    assert "roles swapped" not in verdict.evidence


# ---------------------------------------------------------------- another day, another statement

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_DAYS), st.sampled_from(_DAYS))
def test_a_meeting_on_another_day_is_another_statement(day, other_day):
    one = f"Velmont's foreign minister will meet his Korrin counterpart in Geneva on {day}."
    other = f"Velmont's foreign minister met his Korrin counterpart in Geneva on {other_day}."
    verdict = judged(one, other)
    if day == other_day:
        assert "numbers differ" not in verdict.evidence
        return
    assert "numbers differ" in verdict.evidence
    assert not paired(one, other)


def test_a_day_is_one_day_in_every_language_and_the_day_something_was_said_is_not_the_statements():
    assert ev.clues("Die Minister treffen sich am Montag in Genf.").days == ev.clues("The ministers meet in Geneva on Monday.").days
    assert ev.clues("Les ministres se réunissent lundi à Genève.").days == ev.clues("The ministers meet in Geneva on Monday.").days
    # "said on Tuesday" dates the report, which retellings of one statement give differently
    assert not ev.clues("The minister said on Tuesday the crossings would reopen.").days
    assert ev.clues("The minister said the crossings would reopen on Tuesday.").days


# ---------------------------------------------------------------- another speaker

_SPEAKERS = [("The Accord's secretary general", "Korrin's foreign ministry"), ("Velmont's defence minister", "The Accord's envoy"),
             ("Oskland's prime minister", "Brask's foreign ministry")]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(_SPEAKERS), st.sampled_from(["the drills near the border were a provocation",
                                                    "the closure of the river crossings broke the treaty of 1921"]))
def test_a_place_beside_a_pair_made_does_not_outweigh_another_speaker(speakers, claim):
    """Two speakers saying the same words are two statements. The words alone leave the pair
    short of the bar; the pair made next to it (its neighbour in both texts) would lift it over:
    a place may not outweigh who speaks."""
    one, other = f"{speakers[0]} said {claim}.", f"{speakers[1]} said {claim}."
    verdict = judged(one, other)
    assert "speakers differ" in verdict.evidence
    if verdict.confidence < ev.SAME_STATEMENT:
        assert not paired(one, other)


def test_the_speaker_rule_acts_where_a_neighbour_would_lift_the_pair():
    one = "The Accord's secretary general said the drills near the border were a provocation."
    other = "Korrin's foreign ministry said the drills near the border were a provocation."
    words = judged(one, other).confidence
    assert words < ev.SAME_STATEMENT < ev.sigmoid(ev.math.log(words / (1 - words)) + ev.POSITION_NEIGHBOURS / 2)
    assert not paired(one, other)


def test_one_speaker_opening_both_sentences_is_not_another_speaker():
    """"Velmont said …" beside "Velmont has said …": the opening word is the speaker on both
    sides (it counts as named when the speakers are compared, though an opening capital alone is
    no name elsewhere)."""
    verdict = ev.pair_features(frozenset(), frozenset(),
                               ev.clues("Velmont said it would oppose the new border checks at Lesk."),
                               ev.clues("Velmont has said it wants to haggle over the border checks at Lesk."), {})
    assert verdict[ev.FEATURE_NAMES.index("speakers_differ")] == 0.0


def test_whom_a_speaker_tells_and_the_day_are_not_speakers():
    told = ev.clues('"We will reopen the crossings," Velmont\'s envoy Ada Roth told Brask on Thursday.')
    assert "brask" not in told.speakers and "thurs" not in told.speakers and "roth" in told.speakers
    said = ev.clues('"We will reopen the crossings," said Ada Roth, Velmont\'s envoy.')
    assert "roth" in said.speakers


# ---------------------------------------------------------------- the same actors and topic, another statement

ARRIVED = ("Korrin's foreign minister Ada Roth arrived in Geneva late on Sunday with a delegation of twelve "
           "advisers for the Tarsa talks with Velmont.")
WALKED_OUT = ("Korrin's foreign minister Ada Roth walked out of the Tarsa talks with Velmont in Geneva, slamming "
              "the door and refusing questions.")


def test_outside_parallel_text_the_words_beyond_names_and_topic_must_meet():
    """Everything the two share is the story's actors and topic (Korrin, Ada Roth, Geneva, the
    talks): what each says of them — arrived with a delegation / walked out slamming the door —
    has nothing in common. The judge alone would take them for one statement."""
    assert judged(ARRIVED, WALKED_OUT).confidence >= ev.SAME_STATEMENT
    assert not paired(ARRIVED, WALKED_OUT)


def test_a_retold_statement_of_the_same_actors_still_pairs():
    assert paired(ARRIVED, "Korrin's foreign minister Ada Roth arrived in Geneva on Sunday night for the Tarsa talks "
                           "with Velmont, with a delegation of twelve advisers.")


SUMMIT_A = ["Leaders of the Accord will meet in Geneva for the 2027 summit next week.",
            "Velmont has asked for the 2027 summit to discuss the Tarsa border first.",
            "Korrin's currency fell to a record low against the dollar as traders sold.",
            "Shops in the border town of Lesk stayed shut as families left for the coast.",
            "The Tarsa valley has been disputed since the treaty drew the border along the river.",
            "Security for the 2027 summit will cost the host city more than it planned."]
SUMMIT_B = ["The host city says security for the 2027 summit will cost more than planned.",
            "Families in the border town of Lesk kept their shops shut and drove to the coast.",
            "Velmont wants the 2027 summit to take up the Tarsa border before anything else.",
            "Traders sold Korrin's currency, which fell to a record low against the dollar.",
            "The treaty drew the border along the river, and the Tarsa valley has been disputed ever since.",
            "Accord leaders are due in Geneva next week for the 2027 summit."]


def test_a_number_the_whole_story_gives_is_topic_not_the_statements_evidence():
    """"2027" names the summit in most sentences of the story: sharing it says no more than
    sharing "Geneva" does."""
    arrived = "Korrin's foreign minister Ada Roth arrived in Geneva on Sunday with a delegation of twelve advisers for the 2027 summit."
    walked_out = "Korrin's foreign minister Ada Roth walked out of the 2027 summit in Geneva, slamming the door and refusing questions."
    alignment = align([outlet("a", [arrived] + SUMMIT_A), outlet("b", SUMMIT_B[:2] + [walked_out] + SUMMIT_B[2:])])
    assert not together(alignment, "a", 0, "b", 2)


def test_the_sentence_model_does_not_bring_back_what_the_statement_words_refused():
    """The model reads "arrived with a delegation" and "walked out slamming the door" about the
    same minister at the same talks as close; the words it would then ride on are the story's
    actors and topic, which the statement-word rule has already refused."""
    from test_evidence import ConceptEmbedder

    a = outlet("a", [ARRIVED] + FILLER_A)
    b = outlet("b", FILLER_B[:2] + [WALKED_OUT] + FILLER_B[2:])
    assert not together(align([a, b], semantic=ConceptEmbedder()), "a", 0, "b", 2)


# ---------------------------------------------------------------- evidence against is never shown as sure

@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_SPEAKERS), st.sampled_from(["the drills near the Tarsa border were a provocation",
                                                    "the closure of the river crossings broke the treaty of 1921"]),
       st.sampled_from([0.0, ev.POSITION_NEIGHBOURS, ev.POSITION_PARALLEL]))
def test_a_pair_the_words_name_something_against_is_at_most_possible(speakers, claim, structure):
    """"Velmont's defence minister said X" / "Korrin's defence minister said X": everything else
    the same, the words make the pair, but they also name another speaker — the reader sees a
    possible counterpart, not a sure one, whatever its place adds."""
    one, other = f"{speakers[0]} said {claim}.", f"{speakers[1]} said {claim}."
    from retold.model.align import feature_weights, sentence_features

    rows = [[one] + FILLER_A, FILLER_B[:2] + [other] + FILLER_B[2:]]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    verdict = ev.Judge(rows, features, feature_weights(features)).verdict(0, (0,), 1, (2,), structure=structure)
    assert "speakers differ" in verdict.evidence
    assert verdict.confidence < ev.STRONG


def test_the_same_words_from_another_speaker_are_a_possible_pair():
    verdict = judged("Velmont's defence minister said the drills near the Tarsa border were a provocation.",
                     "Korrin's defence minister said the drills near the Tarsa border were a provocation.")
    assert "speakers differ" in verdict.evidence and ev.SAME_STATEMENT <= verdict.confidence < ev.STRONG
