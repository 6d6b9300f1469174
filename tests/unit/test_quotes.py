"""The quote tracker (issue 20 item 3): quotes, speakers, groups across outlets and their flags."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model.normalize import tokens
from retold.model.pipeline import load_alignment
from retold.model.quotes import (
    MARKS_DROPPED, SHORTENED, SPEAKER_DIFFERS, TRANSLATED, WORDING_CHANGED, quote_groups, quotes_of,
)
from sources_helpers import aligned, make_outlet, relabel

SAMPLE = Path(__file__).resolve().parents[2] / "sample_corpus"


@pytest.mark.parametrize(
    ("sentence", "language", "quote", "speaker"),
    [
        ('"We will rebuild the pier," said Mayor Ada Brook.', "en", "We will rebuild the pier,", "Ada Brook"),
        ("“We will rebuild the pier,” Ada Brook said on Friday.", "en", "We will rebuild the pier,", "Ada Brook"),
        ("Ada Brook, who chairs the council, told reporters: “We will rebuild the pier.”", "en", "We will rebuild the pier.", "Ada Brook"),
        ("According to Ada Brook, the pier is “beyond any simple repair”.", "en", "beyond any simple repair", "Ada Brook"),
        ("„Wir bauen den Pier wieder auf“, sagte Bürgermeisterin Ada Brook.", "de", "Wir bauen den Pier wieder auf", "Ada Brook"),
        ("« Nous reconstruirons la jetée », a déclaré Ada Brook.", "fr", "Nous reconstruirons la jetée", "Ada Brook"),
        ("« Nous reconstruirons la jetée », a déclaré aux journalistes la maire de la ville, Ada Brook.", "fr", "Nous reconstruirons la jetée", "Ada Brook"),
        ("«Reconstruiremos el muelle», dijo Ada Brook.", "es", "Reconstruiremos el muelle", "Ada Brook"),
        ("«Ricostruiremo il molo», ha detto Ada Brook.", "it", "Ricostruiremo il molo", "Ada Brook"),
        ("“Vamos reconstruir o cais”, disse Ada Brook.", "pt", "Vamos reconstruir o cais", "Ada Brook"),
        ("„We bouwen de pier weer op”, zei Ada Brook.", "nl", "We bouwen de pier weer op", "Ada Brook"),
        ("‘We will rebuild the pier,’ said Ada Brook.", "en", "We will rebuild the pier,", "Ada Brook"),
        ("“We will rebuild the pier,” they added.", "en", "We will rebuild the pier,", None),
    ],
)
def test_quotes_and_speakers(sentence, language, quote, speaker):
    (found,) = quotes_of(make_outlet("o", [sentence], language=language))
    assert found.text == quote
    assert found.speaker == speaker


def test_a_quote_over_two_sentences_is_one_quote_and_its_continuation_keeps_the_speaker():
    outlet = make_outlet("o", [
        "“The water rose too fast.", "We had no time to move the boats,” said harbour master Lene Dahl.",
        "“Nobody could have stopped it.”",
    ], paragraphs=[0, 0, 1])
    first, second = quotes_of(outlet)
    assert first.sentences == (0, 1) and first.text.startswith("The water rose") and first.speaker == "Lene Dahl"
    assert second.speaker == "Lene Dahl"  # a sentence that is only a quote continues the speaker before it


@pytest.mark.parametrize(("first", "second", "language"), [
    ("“The water rose too fast,” said harbour master Lene Dahl.", "“Nobody could have stopped it,” she said.", "en"),
    ("“The water rose too fast,” said harbour master Lene Dahl.", "“Nobody could have stopped it,” he added.", "en"),
    ("“The water rose too fast,” said harbour master Lene Dahl.", "“Nobody could have stopped it,” said she.", "en"),
    ("„Das Wasser stieg zu schnell“, sagte Lene Dahl.", "„Niemand hätte es aufhalten können“, sagte sie.", "de"),
])
def test_a_quote_and_a_pronoun_continue_the_speaker_of_the_quote_before(first, second, language):
    """“…,” she said. right after a named speaker's quote is that speaker's; a pronoun after a
    quote that follows no named quote stays without a speaker."""
    outlet = make_outlet("o", [first, second], paragraphs=[0, 1], language=language)
    named, continued = quotes_of(outlet)
    assert named.speaker == "Lene Dahl" and continued.speaker == "Lene Dahl"
    (alone,) = quotes_of(make_outlet("o", ["The harbour was closed on Friday.", second], language=language))
    assert alone.speaker is None


def test_apostrophes_and_scare_quotes_are_not_quotes():
    outlet = make_outlet("o", ["The fishers’ union called the plan a “disaster” on the town’s radio."])
    assert quotes_of(outlet) == []


def test_quote_offsets_point_at_the_words():
    outlet = make_outlet("o", ["Intro sentence here.", '"We will rebuild the pier," said Ada Brook.'])
    (quote,) = quotes_of(outlet)
    assert outlet.text[quote.start:quote.end] == quote.text


# ---------------------------------------------------------------- the sample stories


def _flags(story):
    alignment = load_alignment([str(SAMPLE / story)])
    result = {}
    for group in quote_groups(alignment):
        for member in group.members:
            result[(member.quote.outlet, " ".join(tokens(member.quote.text)))] = (group.id, set(member.flags))
    return result


def test_selke_landslide_quote_flags():
    flags = _flags("selke-landslide")
    serious = flags[("ridge-observer", "a serious setback for the whole valley")]
    major = flags[("kestrel-online", "a major setback for the whole valley")]
    assert major == (serious[0], {WORDING_CHANGED})
    assert serious[1] == set() and flags[("tallis-post", "a serious setback for the whole valley")] == serious
    short = flags[("ridge-observer", "the slope moved far faster than any of our models predicted")]
    assert short[1] == {SHORTENED}
    assert flags[("tageblatt-orven", "der hang hat sich viel schneller bewegt als jedes unserer modelle vorhergesagt hat")] == (short[0], {TRANSLATED})
    dropped = [key for key, (_, f) in flags.items() if MARKS_DROPPED in f]
    assert [key[0] for key in dropped] == ["kestrel-online"]
    assert flags[dropped[0]][0] == flags[("ridge-observer", "we lost a whole season trade in a week")][0]


def test_north_sea_grid_quote_flags():
    flags = _flags("north-sea-grid")
    decisive = flags[("meridian", "this grid is the decisive enabler of our energy independence")][0]
    assert flags[("northwind", "this grid is the crucial enabler of our energy independence")] == (decisive, {WORDING_CHANGED})
    assert flags[("evening-courier", "the key to our energy independence")] == (decisive, {WORDING_CHANGED})
    # The Courier's own interview ("Nobody asked us anything") is not Meridian's quote changed.
    assert flags[("evening-courier", "nobody asked us anything")][0] != flags[("meridian", "we were not consulted")][0]
    assert flags[("rundschau-nord", "we were not asked")] == (flags[("meridian", "we were not consulted")][0], {WORDING_CHANGED})


def test_speaker_differs():
    a = make_outlet("a", ["The pier closed on Friday after divers found cracks.", '"We will rebuild the pier within a year," said Ada Brook.'])
    b = make_outlet("b", ["The pier closed on Friday after divers found cracks.", '"We will rebuild the pier within a year," said Tom Vale.'])
    c = make_outlet("c", ["The pier closed on Friday after divers found cracks.", '"We will rebuild the pier within a year," said Ada Brook.'])
    (group,) = quote_groups(aligned(a, b, c))
    assert {m.quote.outlet: m.flags for m in group.members} == {"a": (), "b": (SPEAKER_DIFFERS,), "c": ()}


def test_a_quote_and_its_denial_are_two_quotes_never_one_shortened():
    """A review: the defendant's "never betrayed the public" was listed as the judge's words and
    another wire's quote of the judge, "betrayed the public", as those words shortened."""
    a = make_outlet("a", ['"You betrayed the harbour that trusted you," Judge Ada Brook told him.',
                          'Tom Vale said he had "never betrayed the harbour".'])
    b = make_outlet("b", ['The judge said he had "betrayed the harbour".', "Vale denies any wrongdoing."])
    groups = quote_groups(aligned(a, b))
    denial = next(g for g in groups if any("never" in m.quote.text for m in g.members))
    assert "betrayed the harbour" not in {m.quote.text for m in denial.members}, denial


def test_unrelated_quotes_of_one_speaker_stay_apart():
    a = make_outlet("a", ['"The budget is balanced for the first time," said Ada Brook.'])
    b = make_outlet("b", ['"Our ferries will run on time this summer," said Ada Brook.'])
    assert len(quote_groups(aligned(a, b))) == 2


# ---------------------------------------------------------------- properties

QUOTES = [
    "We will rebuild the pier within a year",
    "We will rebuild the old pier within a year",
    "We will rebuild the pier",
    "Nobody could have stopped the water",
    "The council has failed the harbour again",
    "We were not consulted about the closure",
]
FRAMES = ['"{q}," said Ada Brook.', "“{q},” Tom Vale told reporters.", "Ada Brook called it “{q}”.", '"{q}."']
FILLER = ["The pier closed on Friday after divers found cracks.", "Ferries will use the southern quay until further notice."]


@st.composite
def quote_stories(draw):
    outlets = []
    for i in range(draw(st.integers(2, 4))):
        body = list(FILLER)
        for _ in range(draw(st.integers(1, 4))):
            q = draw(st.sampled_from(QUOTES))
            body.insert(draw(st.integers(0, len(body))), draw(st.sampled_from(FRAMES)).format(q=q))
        outlets.append(make_outlet(f"o{i}", body, name=f"Outlet {i}"))
    return outlets


@given(quote_stories())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_group_never_holds_two_different_quotes_of_one_outlet(outlets):
    for group in quote_groups(aligned(*outlets)):
        words: dict[str, set] = {}
        for member in group.members:
            words.setdefault(member.quote.outlet, set()).add(tuple(tokens(member.quote.text)))
        assert all(len(w) == 1 for w in words.values()), group


@given(quote_stories(), st.randoms(use_true_random=False))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_quote_groups_do_not_depend_on_outlet_ids_or_order(outlets, rnd):
    alignment = aligned(*outlets)
    ids = [o.id for o in alignment.outlets]
    mapping = {old: f"z{rnd.randrange(10**6)}-{k}" for k, old in enumerate(ids)}
    back = {v: k for k, v in mapping.items()}
    order = ids[:]
    rnd.shuffle(order)

    def canonical(groups, translate):
        return {
            frozenset((translate.get(m.quote.outlet, m.quote.outlet), m.quote.start, m.flags) for m in g.members)
            for g in groups
        }

    assert canonical(quote_groups(relabel(alignment, mapping, order)), back) == canonical(quote_groups(alignment), {})


def test_a_quote_cut_with_an_ellipsis_is_shortened_not_changed():
    a = make_outlet("a", ['"We will rebuild the pier within a year, whatever it costs," said Ada Brook.'])
    b = make_outlet("b", ['"We will rebuild the pier … whatever it costs," said Ada Brook.'])
    c = make_outlet("c", ['"We will rebuild the pier within a year, whatever it costs," said Ada Brook.'])
    (group,) = quote_groups(aligned(a, b, c))
    assert {m.quote.outlet: m.flags for m in group.members} == {"a": (), "b": (SHORTENED,), "c": ()}


def test_a_paragraph_of_quotation_marks_is_not_scanned_for_quotes(monkeypatch):
    """Each opening mark looks up to 1,500 characters ahead for its closing one: a paragraph made of
    marks would cost quadratic time, so such a run (not prose) is skipped before the scan."""
    import retold.model.quotes as quotes_module

    scanned = []
    real = quotes_module._find_spans
    monkeypatch.setattr(quotes_module, "_find_spans", lambda text: scanned.append(len(text)) or real(text))
    outlet = make_outlet("o", ["“" * 50_000 + " word " * 10 + ".", '"We will rebuild the pier," said Ada Brook.'])
    (quote,) = quotes_of(outlet)
    assert quote.speaker == "Ada Brook" and len(scanned) == 1  # only the prose paragraph was scanned


def test_a_quote_interrupted_by_its_attribution_is_one_quote():
    a = make_outlet("a", ["“We will rebuild the pier,” said Ada Brook, “and we will do it before the summer.”"])
    b = make_outlet("b", ["“We will rebuild the pier and we will do it before the summer,” said Ada Brook."])
    (quote,) = quotes_of(a)
    assert quote.text == "We will rebuild the pier, and we will do it before the summer." and quote.speaker == "Ada Brook"
    (group,) = quote_groups(aligned(a, b))
    assert all(m.flags == () for m in group.members)  # the same words: neither shortened nor changed


def test_an_article_printed_outside_the_marks_is_not_a_shortened_quote():
    """Review (a new user's translation): 'spoke of a "despicable crime against the sick"'
    quotes what '"a despicable crime against the sick"' quotes; it was flagged shortened, and the
    reader marked the sentence "quote differs". A quote that leaves out a word the outlet prints
    inside (or an article it does not print at all) is still shortened."""
    a = make_outlet("a", ['Mayor Ada Brook called the flood "a disaster for the whole harbour" on Friday.'])
    b = make_outlet("b", ['Mayor Ada Brook spoke of a "disaster for the whole harbour" on Friday.'])
    c = make_outlet("c", ['Mayor Ada Brook called the flood "a disaster for the whole harbour" on Friday.'])
    (group,) = quote_groups(aligned(a, b, c))
    assert {m.quote.outlet: m.flags for m in group.members} == {"a": (), "b": (), "c": ()}
    assert {m.quote.outlet: m.quote.speaker for m in group.members}["b"] == "Ada Brook"
    cut = make_outlet("b", ['Mayor Ada Brook spoke of "disaster for the whole harbour" on Friday.'])
    (group,) = quote_groups(aligned(a, cut, c))
    assert {m.quote.outlet: m.flags for m in group.members}["b"] == (SHORTENED,)
