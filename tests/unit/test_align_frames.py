"""Paraphrased statements found by their frame (align/frames.py): the same named actor doing the
same kind of speech act, to the same addressee or on the same day. Invented examples: positives
that share few content words, and hard negatives of the same shape (same actors, same day) that
must stay unpaired."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align import evidence as ev
from retold.model.align.frames import frame_of, same_frame
from velmont_story import FILLER_A, FILLER_B, outlet, together


def member(alignment, oid, index):
    return next(m for g in alignment.groups for m in g.members if (m.outlet, m.sentence) == (oid, index))


def leads(lead_a: str, lead_b: str, semantic=None):
    """Each text opens with its lead, then the filler (in another order in b)."""
    return align([outlet("a", [lead_a] + FILLER_A), outlet("b", [lead_b] + FILLER_B)], semantic=semantic)


# ---------------------------------------------------------------- positives

WARN_A = "Korrin on Thursday warned the Accord against provoking confrontation over its ties with Velmont."
WARN_B = "Korrin urged the Accord on Thursday to stop inciting tensions because of its links with Velmont."


def test_a_paraphrased_lead_pairs_on_its_frame_as_possible():
    alignment = leads(WARN_A, WARN_B)
    assert together(alignment, "a", 0, "b", 0)
    m = member(alignment, "a", 0)
    assert m.strength == "possible" and "frame" in m.evidence


def test_the_same_accusation_in_other_words_pairs():
    alignment = leads(
        "Velmont accused Korrin of choking the Tarsa's flow to fill a vast new reservoir.",
        "Velmont blamed Korrin for cutting off the water so that its dam could be filled.",
    )
    assert together(alignment, "a", 0, "b", 0)
    assert member(alignment, "b", 0).strength == "possible"


def test_the_lead_breaks_a_tie_between_two_candidates_with_the_frame():
    """b says twice that Korrin warned the Accord: the lead and a later line. a's lead pairs with
    b's lead, and the later line stays on its own."""
    later = "Korrin also cautioned the Accord over sending warships into the Tarsa estuary."
    alignment = align([outlet("a", [WARN_A] + FILLER_A), outlet("b", [WARN_B] + FILLER_B[:3] + [later] + FILLER_B[3:])])
    assert together(alignment, "a", 0, "b", 0)
    assert not alignment.counterpart_span("b", 4, "a")


# ---------------------------------------------------------------- hard negatives: same actors, same day, another statement

def test_roles_swapped_stay_apart():
    alignment = leads(
        "Velmont on Monday warned Korrin against moving troops to the Tarsa border.",
        "Korrin urged Velmont on Monday to stop sending soldiers toward the Tarsa frontier.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_another_number_stays_apart():
    alignment = leads(
        "Korrin on Thursday warned the Accord that 12,000 troops stood ready at the border.",
        "Korrin urged the Accord on Thursday to remember that 40,000 reservists could be called up.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_another_speaker_stays_apart():
    alignment = leads(
        "Velmont's foreign minister Ada Roth on Monday warned the Accord against arming Korrin.",
        "Korrin's army chief Ivo Lant urged the Accord on Monday to stop shielding Velmont.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_another_addressee_stays_apart():
    alignment = leads(
        "Korrin on Thursday warned the Accord against sending warships into the Tarsa estuary.",
        "Korrin urged Velmont on Thursday to stop its patrols along the Tarsa river.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_an_accusation_is_not_a_warning():
    alignment = leads(
        "Velmont accused the Accord on Monday of turning a blind eye to Korrin's drills.",
        "Velmont warned the Accord on Monday against holding its summit in Korrin.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_another_day_stays_apart():
    alignment = leads(
        "Korrin on Tuesday warned the Accord against a naval blockade.",
        "Korrin urged the Accord on Friday to drop its sanctions plan.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_two_candidates_away_from_the_leads_stay_apart():
    """Neither sentence leads: two candidates with the frame in b, and no place may choose."""
    a_text = FILLER_A[:3] + [WARN_A] + FILLER_A[3:]
    b_text = FILLER_B[:2] + [WARN_B, "Korrin also cautioned the Accord on Thursday over warships in the estuary."] + FILLER_B[2:]
    alignment = align([outlet("a", a_text), outlet("b", b_text)])
    assert not alignment.counterpart_span("a", 3, "b")


def test_the_same_act_without_a_second_anchor_stays_apart():
    """One actor warning twice, with no addressee, day or number in common: two warnings."""
    alignment = leads(
        "Korrin warned its fishermen to stay out of the Tarsa estuary.",
        "Korrin cautioned shipping firms about mines laid near the Tarsa coast.",
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_another_quote_stays_apart():
    alignment = leads(
        'Korrin on Thursday warned the Accord: "Do not test our patience."',
        'Korrin urged the Accord on Thursday to "think again before it is too late".',
    )
    assert not together(alignment, "a", 0, "b", 0)


def test_two_leads_without_a_frame_stay_apart():
    """Position alone makes no pair: two leads about the same actors, no act in common."""
    alignment = leads(
        "Korrin on Thursday closed its airspace to the Accord's patrol flights.",
        "Korrin's parliament on Thursday voted to leave the Accord's trade pact.",
    )
    assert not together(alignment, "a", 0, "b", 0)


# ---------------------------------------------------------------- the frame itself

def _named(text):
    """The clues as the judge reads them in a story that names the opening word elsewhere too."""
    c = ev.clues(text)
    return ev.Clues(c.words, ((c.opener,) if c.opener else ()) + c.names, c.opener, c.speakers, c.numbers, c.quoted, c.days)


def test_the_frame_reads_actor_act_and_addressee():
    assert frame_of(_named(WARN_A)) == ("warn", "korri", "accor")
    assert frame_of(_named("Velmont's foreign minister called on Korrin to talk.")) == ("warn", "velmo", "korri")
    assert frame_of(ev.clues("Ministers from four states accused Korrin of theft.")) is None  # no one named acts
    assert frame_of(_named("Velmont said Korrin had closed the river.")) is None  # saying is no family


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["warned", "urged", "accused", "blamed", "denied", "pledged"]),
       st.sampled_from(["Velmont", "Korrin", "Brask"]), st.sampled_from(["Velmont", "Korrin", "Brask"]),
       st.sampled_from(["Monday", "Thursday", ""]), st.sampled_from(["Monday", "Thursday", ""]))
def test_a_frame_never_meets_its_roles_swapped(verb, x, y, day_a, day_b):
    """Invariant: "X <verb> Y" and "Y <verb> X" never share a frame, whatever the days."""
    if x == y:
        return
    ta = f"{x} {verb} {y} {('on ' + day_a) if day_a else ''} over the river."
    tb = f"{y} {verb} {x} {('on ' + day_b) if day_b else ''} over the river."
    ca, cb = _named(ta), _named(tb)
    assert frame_of(ca) is not None
    assert not same_frame(frame_of(ca), frame_of(cb), ca, cb)


ACTORS = ["Velmont", "Korrin"]
VERBS = ["warned", "urged", "accused", "blamed"]


def _sentence(agent, verb, addressee, day, number, second=False):
    """One act in two wordings that share no word beyond the frame's and a place (a retelling's)."""
    when = f" on {day}" if day else ""
    count = f" about {number} soldiers" if number else ""
    if second:
        return f"{agent} {verb} {addressee}{when}{count} to halt its shipping convoys off Orsk."
    return f"{agent}{when} {verb} {addressee}{count} against a naval blockade of Orsk."


DAYS = st.sampled_from(["Monday", "Thursday", ""])
NUMBERS = st.sampled_from([0, 12, 40])


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ACTORS), st.booleans(), st.sampled_from(VERBS), st.sampled_from(VERBS), DAYS, DAYS, NUMBERS, NUMBERS)
def test_a_pair_made_by_its_frame_is_possible_and_never_against_the_words(agent, swapped, verb_a, verb_b, day_a, day_b, number_a, number_b):
    """Invariant over generated leads, one act each in two wordings (actors kept or swapped,
    verbs, days and numbers drawn apart): whatever the frame pairs is shown as "possible",
    names the frame, is one actor's act of one family, and has nothing the words name against it."""
    other = next(x for x in ACTORS if x != agent)
    lead_a = _sentence(agent, verb_a, other, day_a, number_a)
    lead_b = _sentence(other, verb_b, agent, day_b, number_b, second=True) if swapped else _sentence(agent, verb_b, other, day_b, number_b, second=True)
    alignment = align([outlet("a", [lead_a] + FILLER_A), outlet("b", [lead_b] + FILLER_B)])
    frame = [m for g in alignment.groups for m in g.members if "frame" in m.evidence]
    if not frame:
        return
    family = {"warned": "warn", "urged": "warn", "accused": "accuse", "blamed": "accuse"}
    assert together(alignment, "a", 0, "b", 0)  # only the leads have a frame
    assert all(m.strength == "possible" and not ev.AGAINST.intersection(m.evidence) for m in frame)
    assert not swapped and family[verb_a] == family[verb_b]  # one actor, one act
    assert not (day_a and day_b and day_a != day_b) and not (number_a and number_b and number_a != number_b)
