"""A near-verbatim copy with one fact changed is another statement (retold.model.align.facts).

Four classes the judge missed: roles swapped when a title or article stands before the names,
another actor doing the same act, a month or a number written out, and a negation. Each pair
must be refused or shown as "possible" with the evidence against named, and never as "shared".
Sentences are our own, about an invented lake town and its water company."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align import facts
from retold.model.align.evidence import clues
from retold.model.story import Outlet, OutletMeta, Sentence, Status


def outlet(oid, sentences):
    meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language="en")
    return Outlet(meta=meta, text="", title=None, removed=(),
                  sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))


def against(a: str, b: str) -> tuple[str, ...]:
    return facts.against(clues(a), clues(b))


def judged(a: str, b: str) -> tuple[str, ...]:
    """The evidence the judge names for two sentences, each a one-sentence outlet."""
    from retold.model.align import evidence, feature_weights, sentence_features

    features = sentence_features([outlet("a", [a]), outlet("b", [b])])
    judge = evidence.Judge([[a], [b]], features, feature_weights(features))
    return judge.verdict(0, (0,), 1, (0,)).evidence


# A story whose other sentences both outlets copy word for word.
FILLER = [
    "Residents of Perrow queued for bottled water at the town hall on Saturday.",
    "The lake supplies drinking water to about 9,000 homes on the western shore.",
    "Tests found traces of diesel near the intake pipe below the old jetty.",
    "Schools in the lower town will stay open, the district office said.",
    "Anglers have been asked to keep their boats out of the northern bay.",
]


def pair(a_sentence: str, b_sentence: str):
    """The two sentences third in two outlets that copy the rest: (status a, status b, members)."""
    a = outlet("a", FILLER[:2] + [a_sentence] + FILLER[2:])
    b = outlet("b", FILLER[:2] + [b_sentence] + FILLER[2:])
    alignment = align([a, b])
    sa, sb = alignment.outlet("a").sentences[2], alignment.outlet("b").sentences[2]
    members = [m for g in alignment.groups for m in g.members if (m.outlet, m.sentence) in (("a", 2), ("b", 2))]
    return sa, sb, members


def assert_not_claimed(a_sentence: str, b_sentence: str, evidence: str) -> None:
    """Refused, or possible with the evidence named; never shared, never strong."""
    sa, sb, members = pair(a_sentence, b_sentence)
    if sa.group is None or sa.group != sb.group:
        return  # refused: another statement
    assert sa.status is not Status.SHARED and sb.status is not Status.SHARED
    assert members and all(m.strength == "possible" and evidence in m.evidence for m in members), members


# ---------------------------------------------------------------- 1. roles, titles before the names


def test_roles_swapped_with_titles_before_the_names():
    a = "Water board chair Mira Holt blamed the contractor Greyline Civil for the leak at the jetty."
    b = "Greyline Civil blamed water board chair Mira Holt for the leak at the jetty."
    assert "roles swapped" in against(a, b)
    assert_not_claimed(a, b, "roles swapped")


def test_roles_swapped_after_a_dateline():
    a = "PERROW, March 3 (Lake Wire) – The Perrow district office sued the haulier Vantor Freight over the spill."
    b = "Vantor Freight sued the Perrow district office over the spill."
    assert "roles swapped" in against(a, b)


def test_roles_swapped_when_the_other_party_follows_a_preposition():
    # A new user's fraud verdict (issue 16): who passed money to whom, the second party after "to"
    # and the first a coordinated verb away; it was a *strong* pair. Invented names.
    a = "Prosecutors said that Orrin Vael passed part of the money back to the contractor Ilse Moray."
    b = "Prosecutors said contractor Ilse Moray passed part of the money back to Orrin Vael."
    c = "Prosecutors said contractor Ilse Moray inflated invoices for harbour work and passed part of the money back to Orrin Vael."
    assert "roles swapped" in against(a, b)
    assert "roles swapped" in against(a, c)
    assert_not_claimed(a, b, "roles swapped")
    # The same roles told in other words, or the money passed in one sentence and another act in
    # the next clause, are no swap.
    assert "roles swapped" not in against(b, c)
    assert "roles swapped" not in against(
        "Orrin Vael passed the files to Ilse Moray, who sent them to the court.",
        "Ilse Moray sent the files to the court after Orrin Vael passed them on.")


def test_the_same_roles_with_other_titles_and_a_passive_are_not_swapped():
    a = "Water board chair Mira Holt blamed the contractor Greyline Civil for the leak."
    assert "roles swapped" not in against(a, "Mira Holt blamed Greyline Civil for the leak.")
    assert "roles swapped" not in against(a, "Greyline Civil was blamed by Mira Holt for the leak.")
    # A reported clause keeps its roles wherever the speaker stands.
    assert not against("Mira Holt said Greyline Civil had caused the leak.", "Greyline Civil had caused the leak, Mira Holt said.")


TITLES = st.sampled_from(["", "the ", "the contractor ", "Union leader ", "union leader ", "District mayor ", "the haulier "])
NAMES = st.sampled_from(["Mira Holt", "Greyline Civil", "Vantor Freight", "Ivo Dresk", "Selma Arnott", "Perrow Council"])
VERBS = st.sampled_from(["blamed", "sued", "accused", "fined", "thanked", "criticised"])


@settings(max_examples=200, deadline=None)
@given(NAMES, NAMES, TITLES, TITLES, TITLES, TITLES, VERBS)
def test_roles_are_read_around_the_verb_whatever_stands_before_the_names(x, y, tx1, ty1, tx2, ty2, verb):
    """Invariant: "[title] X verb [title] Y over the leak" against the same with X and Y swapped
    names roles swapped, and against the same order (any titles) does not."""
    if x.split()[0] == y.split()[0] or x.split()[1] == y.split()[1]:
        return
    first = f"{tx1}{x} {verb} {ty1}{y} over the leak."
    first = first[0].upper() + first[1:]
    swapped = f"{ty2}{y} {verb} {tx2}{x} over the leak."
    swapped = swapped[0].upper() + swapped[1:]
    same = f"{tx2}{x} {verb} {ty2}{y} over the leak."
    same = same[0].upper() + same[1:]
    assert "roles swapped" in against(first, swapped)
    assert "roles swapped" in against(swapped, first)
    assert "roles swapped" not in against(first, same)


# ---------------------------------------------------------------- 2. another actor, the same act


def test_another_actor_doing_the_same_act():
    a = "Harbour councillor Ivo Dresk abstained in the vote, calling the repair plan rushed."
    b = "District mayor Selma Arnott abstained in the vote, calling the repair plan rushed."
    assert "actors differ" in against(a, b)
    assert_not_claimed(a, b, "actors differ")


def test_the_same_actor_told_with_or_without_a_title_is_not_another():
    a = "Harbour councillor Ivo Dresk abstained in the vote."
    assert "actors differ" not in against(a, "Ivo Dresk abstained in the vote.")
    assert "actors differ" not in against(a, "Dresk abstained in the vote.")
    assert "actors differ" not in against(a, "The councillor abstained in the vote.")
    # An abbreviation may be the same actor; a weekday is no actor.
    assert "actors differ" not in against("U.S. engineers inspected the pipe.", "American engineers inspected the pipe.")
    assert "actors differ" not in against("Shares closed Friday at a low.", "Shares closed Thursday at a low.")


# ---------------------------------------------------------------- 3. months and numbers in words

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(MONTHS), st.sampled_from(MONTHS))
def test_a_month_is_compared_like_a_number(m1, m2):
    a = f"Divers expect to clear the intake by the middle of {m1}."
    b = f"Divers expect to clear the intake by the middle of {m2}."
    assert ("numbers differ" in against(a, b)) == (m1 != m2)


def test_another_month_is_not_claimed_as_shared():
    assert_not_claimed("Divers expect to clear the intake by the middle of August.",
                       "Divers expect to clear the intake by the middle of October.", "numbers differ")


def test_months_in_the_languages_whose_weekdays_are_read():
    assert "numbers differ" in against("Die Arbeiten enden im Juni.", "Die Arbeiten enden im Juli.")
    assert "numbers differ" in against("Les travaux finiront en mars.", "Les travaux finiront en avril.")
    assert not against("Les travaux finiront en mars.", "Les travaux finiront en mars.")
    assert "numbers differ" not in against("Prices may rise.", "Prices could rise.")  # "may" is no month here


WORDS = {"two": "2", "three": "3", "five": "5", "eight": "8", "twenty": "20"}


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(WORDS)), st.sampled_from(sorted(WORDS)), st.booleans())
def test_a_number_written_out_is_compared_with_words_and_digits(x, y, digits):
    a = f"The company sent {x} tankers of clean water to the town."
    b = f"The company sent {WORDS[y] if digits else y} tankers of clean water to the town."
    assert ("numbers differ" in against(a, b)) == (x != y)


def test_fractions_and_counts_without_a_number():
    assert "numbers differ" in against("The district will pay half of the clean-up bill.", "The district will pay a third of the clean-up bill.")
    assert "numbers differ" in against("Dozens of residents filed complaints.", "Hundreds of residents filed complaints.")
    # Two counts of different things are not compared ("four decades" / "forty years").
    assert not against("The pact ended four decades of cooperation.", "The pact ended forty years of cooperation.")
    assert not against("One of the pumps failed.", "One of the pumps failed again.")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(WORDS)), st.sampled_from(sorted(WORDS)), st.sampled_from(["year", "day", "week", "month"]))
def test_a_count_before_its_thing_or_after_it_in_the_plural_is_compared(x, y, unit):
    # "a nine-year sentence" / "a sentence of eight years" (a new user's verdict, issue 16: a strong
    # pair): the thing counted is one word in the singular and the plural.
    a = f"Prosecutors had asked for a {x}-{unit} sentence for the harbour master."
    b = f"Prosecutors had asked for a sentence of {y} {unit}s for the harbour master."
    assert ("numbers differ" in against(a, b)) == (x != y)


def test_a_figure_given_rounded_is_the_same_figure():
    # A new user's nitrate story (issue 16): "around 170 milligrams" beside the wire's 171 was
    # refused as another number, and the rewrite's sentence shown as a statement of its own.
    exact = "The highest reading, 171 milligrams per litre, was taken near the village of Tarrow Ford."
    assert "numbers differ" not in judged(exact, "The highest reading, around 170 milligrams per litre, came near the village of Tarrow Ford.")
    assert "numbers differ" not in judged("About 3,000 people marched to the dam.", "Some 3,400 people marched to the dam.")
    # ... but not a figure outside its rounding, nor one not given as approximate.
    assert "numbers differ" in judged(exact, "The highest reading, around 180 milligrams per litre, came near the village of Tarrow Ford.")
    assert "numbers differ" in judged(exact, "The highest reading, 170 milligrams per litre, came near the village of Tarrow Ford.")


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 99).filter(lambda t: t % 10), st.integers(-9, 9), st.sampled_from(["around", "about", "some", "nearly"]))
def test_rounding_reads_the_approximate_figures_own_precision(tens, off, word):
    from retold.model.align.factwords import rounded_alike

    approx, exact = tens * 10, tens * 10 + off
    a = ("readings", "reached", word, str(approx), "milligrams")
    b = ("readings", "reached", str(exact), "milligrams")
    alike = rounded_alike(a, {str(approx)}, b, {str(exact)})
    assert (alike == ({str(approx)}, {str(exact)})) == (abs(off) <= 5)


def test_a_year_counts_nothing():
    # "in July 2025 near the village" is no count of what is near ("at one site near …").
    assert not against("At one site near Tarrow Ford, readings reached 171 milligrams per litre.",
                       "The highest reading, 171 milligrams per litre, was taken in July 2025 near the village of Tarrow Ford.")
    assert "numbers differ" in against("Two boats sank in 2024.", "Three boats sank in 2024.")


FRACTIONS = {"half": 50, "a third": 33, "a quarter": 25, "a fifth": 20, "a tenth": 10}


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(FRACTIONS)), st.sampled_from(sorted(FRACTIONS)), st.sampled_from(["percent", "per cent"]))
def test_a_fraction_meets_the_percentage_it_equals(fraction, other, percent):
    """"a fifth of the lake's water" / "20 percent of the lake's water" give one number; another
    fraction's percentage is another number (and "percent" is not what it counts)."""
    a = f"The pumps took {fraction} of the lake's water in a week."
    b = f"The pumps took about {FRACTIONS[other]} {percent} of the lake's water in a week."
    assert ("numbers differ" in against(a, b)) == (fraction != other)


def test_a_percentage_told_as_a_fraction_pairs():
    sa, sb, _members = pair("The lake supplies about a fifth of the district's drinking water.",
                            "The lake supplies about 20 percent of the district's drinking water.")
    assert sa.group is not None and sa.group == sb.group


# ---------------------------------------------------------------- 4. negation


def test_a_negation_differs():
    a = "Greyline Civil said it would pay for the repairs."
    b = "Greyline Civil said it would not pay for the repairs."
    assert "negation differs" in against(a, b)
    assert "negation differs" in against(b, a)
    assert "negation differs" in against("The board had warned residents.", "The board hadn't warned residents.")
    assert_not_claimed(a, b, "negation differs")


NEGATORS = st.sampled_from(["not", "never"])


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["would", "had", "will", "could"]), st.sampled_from(["pay", "repair", "close", "inspect"]), NEGATORS, st.booleans(), st.booleans())
def test_negation_is_one_sided_or_nothing(aux, verb, negator, neg_a, neg_b):
    """Invariant: the same sentence with and without a negator before its verb names "negation
    differs" exactly when one side negates and the other does not."""
    a = f"The board {aux} {negator + ' ' if neg_a else ''}{verb} the old jetty this year."
    b = f"The board {aux} {negator + ' ' if neg_b else ''}{verb} the old jetty this year."
    assert ("negation differs" in against(a, b)) == (neg_a != neg_b)


def test_negation_in_other_words_is_not_a_difference():
    assert not against("The company refused to comment.", "The company did not comment.")
    assert not against("Residents found no water in the taps.", "Taps ran dry, residents said.")
    assert not against("Schools will not only stay open but also serve meals.", "Schools will stay open and serve meals.")


def test_a_translated_quote_is_not_a_quote_that_differs():
    # A new user's German outlet (issue 16): faithful translations of the wire's quotes were marked
    # "quote differs" (the judge compared an English quote's words with a German one's).
    from retold.model.align import evidence, feature_weights, sentence_features

    en = '"The river is paying for what we spread on the fields," said Ada Holm.'
    de = '"Der Fluss bezahlt für das, was wir auf den Feldern ausbringen", sagte Ada Holm.'
    other = '"Nobody warned anybody about this summer storm," said Ada Holm.'
    for languages, second, expected in ((["en", "de"], de, False), (["en", "en"], other, True)):
        features = sentence_features([outlet("a", [en]), outlet("b", [second])])
        judge = evidence.Judge([[en], [second]], features, feature_weights(features), None, languages)
        assert ("quote differs" in judge.verdict(0, (0,), 1, (0,)).evidence) == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 19), st.integers(2, 19), st.sampled_from(["a.m.", "p.m.", "o'clock"]))
def test_a_figure_in_digits_meets_the_same_figure_in_words(hour, other, suffix):
    # A new user's derailment (issue 16): "just after six in the morning" beside the wire's "6
    # a.m." was called another number, and the pair refused as another statement.
    from retold.model.align.factwords import _CARDINALS

    word = next(w for w, n in _CARDINALS.items() if n == str(hour))
    a = f"Of the train's 34 wagons, eleven came off the track just after {word} in the morning."
    b = f"Eleven wagons left the track shortly after {other} {suffix}, the operator said."
    assert ("numbers differ" in judged(a, b)) == (hour != other)


@pytest.mark.parametrize("denial, named", [
    ("The returning officer rejected a claim by the party that some ballots had been counted twice.", True),
    ("The returning officer dismissed allegations that ballots had been counted twice.", True),
    # a denial that does not name the claim may answer one the other side does not make
    ("The returning officer denied that any ballots had been counted twice.", False),
])
def test_a_claim_and_its_denial_are_told_apart(denial, named):
    # A new user's election count (review6): the party's claim and the officer's rejection of
    # it were a possible pair with nothing against it.
    claim = "Campaign manager Hendrik Soll claimed that about 400 ballots had been counted twice."
    assert ("negation differs" in judged(claim, denial)) == named
    other_denial = "The board also rejected claims that ballots had been counted twice."
    assert "negation differs" not in judged(denial, other_denial)


@pytest.mark.parametrize("one, other", [
    # a name that starts as a verb of denial does, and "disputed" as an adjective, deny nothing
    ("Spokeswoman Denise Carr said the report was accurate.", "Carr said the report was accurate."),
    ("The court ruled on the disputed claims on Monday.", "The court ruled on the claims on Monday."),
])
def test_no_denial_is_read_where_none_is_made(one, other):
    assert "negation differs" not in judged(one, other)
