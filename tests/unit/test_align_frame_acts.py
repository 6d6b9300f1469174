"""A statement's frame read past the sentence's first verb (align/frames.py, frames_of): a
retelling's lead says "Korrin urged the Tarsa Alliance to stop …" where the wire's sentence
first says something else and then, in a participle or a clause joined by "and", the same act:
"Korrin's foreign ministry rejected the statement within hours, warning the alliance against …".
The act continues the clause before it, so it is Korrin's; "the alliance" written small is the
Tarsa Alliance the story names elsewhere (a name's head is its last word). Invented sentences,
in the Velmont story; hard negatives of the same shape stay apart."""

from __future__ import annotations

from retold.model.align import align
from retold.model.align import evidence as ev
from retold.model.align.frames import frames_of
from velmont_story import FILLER_A, FILLER_B, outlet, together

URGE = "Korrin on Thursday urged the Tarsa Alliance to stop stirring up tensions over its ties with Velmont."


def leads(lead_a: str, lead_b: str):
    return align([outlet("a", [lead_a] + FILLER_A), outlet("b", [lead_b] + FILLER_B)])


def member(alignment, oid, index):
    return next(m for g in alignment.groups for m in g.members if (m.outlet, m.sentence) == (oid, index))


def _named(text):
    c = ev.clues(text)
    return ev.Clues(c.words, ((c.opener,) if c.opener else ()) + c.names, c.opener, c.speakers, c.numbers, c.quoted, c.days)


# ---------------------------------------------------------------- positives

def test_a_participle_after_another_act_pairs_on_its_frame_as_possible():
    alignment = leads("Korrin's foreign ministry rejected the statement within hours, warning the alliance against provoking confrontation.", URGE)
    assert together(alignment, "a", 0, "b", 0)
    m = member(alignment, "a", 0)
    assert m.strength == "possible" and "frame" in m.evidence


def test_an_act_joined_by_and_pairs_on_its_frame():
    alignment = leads("Korrin rejected it and warned the alliance against provoking confrontation.", URGE)
    assert together(alignment, "a", 0, "b", 0)


def test_a_participle_with_no_act_before_takes_the_sentence_subject():
    alignment = leads("Korrin's foreign ministry hit back within hours, warning the alliance against provoking confrontation.", URGE)
    assert together(alignment, "a", 0, "b", 0)


# ---------------------------------------------------------------- hard negatives

def test_another_actor_s_participle_stays_apart():
    alignment = leads("Velmont's foreign ministry rejected the statement within hours, warning the alliance against provoking confrontation.", URGE)
    assert not together(alignment, "a", 0, "b", 0)


def test_an_addressee_the_story_never_names_is_no_anchor():
    """"the farmers" is no name of the story: no addressee, and no day or number ties the two."""
    alignment = leads("Korrin's foreign ministry rejected the statement within hours, warning the farmers against provoking confrontation.", URGE)
    assert not together(alignment, "a", 0, "b", 0)


def test_another_addressee_written_small_stays_apart():
    """"the accord" written small is the Accord the filler names: another addressee than the alliance."""
    alignment = leads("Korrin's foreign ministry rejected the statement within hours, warning the accord against provoking confrontation.", URGE)
    assert not together(alignment, "a", 0, "b", 0)


# ---------------------------------------------------------------- the acts themselves

def test_every_act_is_read_with_its_actor_and_the_head_of_its_addressee():
    assert frames_of(_named("Korrin rejected the plan, warning the Accord against a blockade.")) == (("deny", "korri", None), ("warn", "korri", "accor"))
    assert frames_of(_named(URGE)) == (("warn", "korri", "allia"),)
    assert frames_of(_named("Korrin warned the alliance."), frozenset({"allia"})) == (("warn", "korri", "allia"),)
    assert frames_of(_named("Korrin warned the alliance.")) == (("warn", "korri", None),)


def test_an_act_that_does_not_continue_the_clause_has_no_borrowed_actor():
    """Neither a participle nor joined by "and": the act is someone else's, unnamed."""
    assert frames_of(_named("Korrin rejected the plan as ministers from four states warned the Accord.")) == (("deny", "korri", None),)
