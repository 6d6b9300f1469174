"""Credits, publication times and the provenance graph (issue 20 items 1 and 2)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model.credits import credits_of, names_match
from retold.model.pipeline import load_alignment
from retold.model.provenance import LIKELY, POSSIBLE, provenance
from retold.model.published import parse_published
from sources_helpers import aligned, make_outlet, relabel

SAMPLE = Path(__file__).resolve().parents[2] / "sample_corpus"

WIRE_TEXT = [
    "The harbour authority of Kelmouth closed the northern pier on Friday after divers found cracks in three of its pillars.",
    "Engineers will inspect the remaining 42 pillars over the next fortnight, the authority said in a statement.",
    "Ferries to the outer islands will leave from the southern quay until further notice.",
    "The pier, built in 1911, carries about 600 vehicles a day in summer.",
    "Repairs could cost up to 9 million pounds, according to an estimate seen by councillors.",
]


# ---------------------------------------------------------------- credits


@pytest.mark.parametrize(
    ("body", "removed", "kind", "source"),
    [
        (["KELMOUTH, May 2 (AFP) – The pier closed on Friday after divers found cracks."], [], "wire", "AFP"),
        (["KELMOUTH, 2. Mai (BPA) – Der Pier wurde am Freitag gesperrt."], [], "wire", "BPA"),
        (["Kelmouth (dpa) - Der Pier wurde am Freitag gesperrt."], [], "wire", "dpa"),
        (["The pier closed on Friday after divers found cracks."], [("By JANE ROE Associated Press", "byline")], "wire", "Associated Press"),
        (["The pier closed on Friday after divers found cracks."], [("— Reuters", "short fragment")], "wire", "Reuters"),
        (["The pier closed on Friday after divers found cracks."], [("with agencies", "short fragment")], "agencies", "agencies"),
        (["The pier closed on Friday after divers found cracks."], [("Translated from German by our desk", "headline-like line (no sentence end)")], "translated", "German"),
        (["The pier closed on Friday after divers found cracks.", "Aus dem Englischen übersetzt von Lena Haas."], [], "translated", "Englisch"),
        (["The pier closed on Friday after divers found cracks.", "This article first appeared in The Kelmouth Tribune."], [], "first appeared", "Kelmouth Tribune"),
        (["The pier closed on Friday after divers found cracks."], [("Additional reporting by Ana Ruiz", "byline")], "additional reporting", "Ana Ruiz"),
        (["The pier closed on Friday after divers found cracks."], [("By Harbour Press Service", "byline")], "byline", "Harbour Press Service"),
        (["The pier closed on Friday after divers found cracks."], [("Copyright 2026 The Associated Press. All rights reserved.", "copyright")], "copyright", "The Associated Press"),
    ],
)
def test_credit_lines_are_read(body, removed, kind, source):
    credits = credits_of(make_outlet("o", body, name="Kelmouth Echo", removed=removed))
    assert (kind, source) in {(c.kind, c.source) for c in credits}


@pytest.mark.parametrize("body", [
    "The World Health Organization (WHO) – meeting on Monday – declared the outbreak over.",
    "Officials in the port (police and coastguard) – all of them – were there.",
])
def test_a_bracket_in_prose_is_no_dateline(body):
    assert credits_of(make_outlet("o", [body], name="Kelmouth Echo")) == ()


def test_an_agency_in_a_teaser_headline_is_no_credit():
    outlet = make_outlet("o", ["The pier closed on Friday."], removed=[("Reuters poll shows voters split", "headline list")])
    assert credits_of(outlet) == ()


def test_a_dateline_naming_the_outlet_itself_is_its_own_and_a_person_is_no_source():
    outlet = make_outlet(
        "m", ["VALMORA, March 3 (Meridian) – Ministers agreed on a grid."], name="Meridian Press",
        removed=[("By Sofie Lind", "byline"), ("© 2026 Meridian Press. All rights reserved.", "copyright")],
    )
    credits = credits_of(outlet)
    assert [(c.kind, c.source, c.own) for c in credits] == [("dateline", "Meridian", True)]


def test_credits_keep_the_offsets_of_their_text():
    outlet = make_outlet("o", ["KELMOUTH, May 2 (AFP) – The pier closed."], removed=[("— Reuters", "short fragment")])
    for credit in credits_of(outlet):
        assert outlet.text[credit.start:credit.end] == credit.text


def test_names_match():
    assert names_match("Meridian", "Meridian Press")
    assert names_match("BPA", "Baltica Press Agency")
    assert names_match("Tallis Post", "The Tallis Post")
    assert not names_match("Post", "Tallis Post")  # a generic word alone names nobody
    assert not names_match("Meridian", "Coastline Daily")


# ---------------------------------------------------------------- times


def test_times_are_compared_in_utc():
    berlin = parse_published("2026-03-03T16:05:00+01:00")
    london = parse_published("2026-03-03T15:30:00Z")
    assert berlin.exact and berlin.before(london)  # 15:05 UTC is before 15:30 UTC, whatever the clock read


def test_a_date_is_a_day_wide_interval_never_midnight():
    day = parse_published("2026-03-03")
    morning = parse_published("2026-03-03T09:14:00Z")
    assert day.precision == "day" and not day.exact
    assert not day.before(morning) and not morning.before(day)  # order unknown
    assert parse_published("2026-03-01").before(morning)


def test_page_date_lines_with_zones():
    assert parse_published("9 June 2026, 14:45 CEST").earliest.hour == 12
    assert parse_published("Tuesday, March 3, 2026, 4:05 pm GMT+1").earliest.hour == 15
    zoneless = parse_published("03.03.2026, 16:05")
    assert zoneless.precision == "time, zone unknown" and zoneless.latest > zoneless.earliest


@given(st.datetimes(timezones=st.timezones()), st.datetimes(timezones=st.timezones()))
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_order_of_instants_is_the_order_in_utc(a, b):
    pa, pb = parse_published(a.isoformat()), parse_published(b.isoformat())
    if pa is None or pb is None:
        return
    assert pa.before(pb) == (a.astimezone(tz=None).timestamp() < b.astimezone(tz=None).timestamp()) or abs(
        a.timestamp() - b.timestamp()
    ) < 1  # isoformat keeps seconds; sub-second instants may compare equal


# ---------------------------------------------------------------- the sample stories


def _edges(story):
    alignment = load_alignment([str(SAMPLE / story)])
    result = provenance(alignment)
    names = result.names()
    return {(names[e.source], names[e.target], e.confidence) for e in result.edges}, result, alignment


def test_selke_landslide_graph():
    edges, result, _ = _edges("selke-landslide")
    assert edges == {
        ("Tallis Post", "Valley Gazette", LIKELY),
        ("BPA", "Ridge Observer", LIKELY),
        ("BPA", "Kestrel Online", LIKELY),
        ("BPA", "Tageblatt Orven", LIKELY),
    }
    copy = next(e for e in result.edges if e.target == "valley-gazette")
    kinds = {ev.kind for ev in copy.evidence}
    assert {"kept dateline", "near-verbatim", "order"} <= kinds
    # Valley Gazette's time came from its page's date line, with its zone: 14:45 CEST is 12:45 UTC.
    assert "12:45 UTC" in next(n.published for n in result.nodes if n.id == "valley-gazette")
    verdict = next(p.verdict for p in result.pairs if {p.a, p.b} == {"ridge-observer", "kestrel-online"})
    assert "both credit BPA" in verdict


def test_north_sea_grid_graph():
    edges, result, _ = _edges("north-sea-grid")
    assert edges == {("Meridian Press", "The Harbour Ledger", LIKELY), ("German original", "Rundschau Nord", LIKELY)}
    # Coastline Daily is near-verbatim Meridian but gives only a day: no claim, and it says why.
    verdict = next(p.verdict for p in result.pairs if {p.a, p.b} == {"meridian", "coastline-daily"})
    assert verdict.endswith("order unknown") and "share 96 %" in verdict


# ---------------------------------------------------------------- never more certain than the evidence


def test_shared_text_alone_makes_no_edge():
    a = make_outlet("a", WIRE_TEXT, name="Kelmouth Echo")
    b = make_outlet("b", WIRE_TEXT, name="Island Times")
    result = provenance(aligned(a, b))
    assert result.edges == ()
    assert [p.verdict for p in result.pairs] == ["Island Times and Kelmouth Echo share 100 % of their 10 sentences; order unknown"]


def test_shared_text_and_a_known_order_is_only_possible():
    a = make_outlet("a", WIRE_TEXT, name="Kelmouth Echo", published="2026-05-02T08:00:00Z")
    b = make_outlet("b", WIRE_TEXT, name="Island Times", published="2026-05-02T11:00:00+01:00")
    (edge,) = provenance(aligned(a, b)).edges
    assert (edge.source, edge.target, edge.confidence) == ("a", "b", POSSIBLE)


def test_a_common_wire_is_a_node_and_no_edge_joins_its_two_users():
    a = make_outlet("a", ["KELMOUTH, May 2 (AFP) – " + WIRE_TEXT[0]] + WIRE_TEXT[1:], name="Kelmouth Echo", published="2026-05-02T08:00:00Z")
    b = make_outlet("b", WIRE_TEXT, name="Island Times", published="2026-05-02T12:00:00Z", removed=[("— AFP", "short fragment")])
    result = provenance(aligned(a, b))
    assert {(e.source, e.target) for e in result.edges} == {("source:afp", "a"), ("source:afp", "b")}


def test_a_credit_contradicted_by_the_times_is_only_possible():
    a = make_outlet("a", WIRE_TEXT, name="Kelmouth Echo", published="2026-05-02T12:00:00Z")
    b = make_outlet("b", WIRE_TEXT, name="Island Times", published="2026-05-02T08:00:00Z", removed=[("By Kelmouth Echo", "byline")])
    (edge,) = provenance(aligned(a, b)).edges
    assert (edge.source, edge.target, edge.confidence) == ("a", "b", POSSIBLE)
    assert any(ev.weight == "against" for ev in edge.evidence)


# ---------------------------------------------------------------- properties

NAMES = ["Kelmouth Echo", "Island Times", "Harbour Ledger", "Northern Star", "Bay Courier"]


@st.composite
def stories(draw):
    n = draw(st.integers(2, 4))
    outlets = []
    for i in range(n):
        picks = draw(st.lists(st.sampled_from(range(len(WIRE_TEXT))), min_size=2, max_size=5, unique=True))
        body = [WIRE_TEXT[k] for k in sorted(picks)]
        removed = []
        for j in draw(st.lists(st.sampled_from(range(n)), max_size=2, unique=True)):
            if j != i:  # credits naming other outlets, in any direction: cycles of claims are possible
                removed.append((f"By {NAMES[j]}", "byline"))
        if draw(st.booleans()):
            body[0] = f"KELMOUTH, May 2 ({NAMES[draw(st.sampled_from(range(n)))].split()[0]}) – " + body[0]
        hour = draw(st.one_of(st.none(), st.integers(0, 23)))
        published = None if hour is None else f"2026-05-02T{hour:02d}:00:00Z"
        outlets.append(make_outlet(f"o{i}", body, name=NAMES[i], published=published, removed=removed))
    return outlets


@given(stories())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_likely_edges_never_form_a_cycle(outlets):
    result = provenance(aligned(*outlets))
    graph: dict[str, set[str]] = {}
    for edge in result.edges:
        if edge.confidence == LIKELY:
            graph.setdefault(edge.source, set()).add(edge.target)
    state: dict[str, int] = {}

    def visit(node):  # depth-first search: meeting a node still on the path is a cycle
        state[node] = 1
        for nxt in graph.get(node, ()):
            assert state.get(nxt) != 1, f"cycle of likely edges through {node} → {nxt}"
            if nxt not in state:
                visit(nxt)
        state[node] = 2

    for node in list(graph):
        if node not in state:
            visit(node)
    for edge in result.edges:  # and never a claim without a named piece of evidence
        assert edge.evidence


@given(stories(), st.randoms(use_true_random=False))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_renaming_and_reordering_outlets_changes_nothing(outlets, rnd):
    alignment = aligned(*outlets)
    ids = [o.id for o in alignment.outlets]
    new_names = [f"x{rnd.randrange(10**6)}-{k}" for k in range(len(ids))]
    mapping = dict(zip(ids, new_names))
    back = {v: k for k, v in mapping.items()}
    order = ids[:]
    rnd.shuffle(order)
    before = provenance(alignment)
    after = provenance(relabel(alignment, mapping, order))

    def canonical(result, translate):
        def node(x):
            return translate.get(x, x)
        return (
            {(node(e.source), node(e.target), e.confidence, tuple(ev.detail for ev in e.evidence)) for e in result.edges},
            {(frozenset((node(p.a), node(p.b))), p.verdict) for p in result.pairs},
        )

    assert canonical(after, back) == canonical(before, {})


def test_near_verbatim_bar_is_the_aligners():
    """One "near-verbatim" bar for the aligner, its evidence judge and provenance (kept in
    retold.model.story, so the JSON of a cached alignment computes provenance without loading the
    aligner), or "near-verbatim" would mean two things."""
    from retold.model import provenance as provenance_module
    from retold.model.align import evidence
    from retold.model.align.params import SHARED_SIMILARITY

    assert provenance_module.SHARED_SIMILARITY == SHARED_SIMILARITY == evidence.NEAR_VERBATIM


def _plain_shares(alignment):
    from retold.model.provenance import text_shares

    return {(b.id, a.id): text_shares(alignment, b, a) for b in alignment.outlets for a in alignment.outlets if a.id != b.id}


@pytest.mark.parametrize("story", sorted(p.name for p in SAMPLE.iterdir() if p.is_dir()))
def test_all_text_shares_are_text_shares_of_every_pair_on_the_samples(story):
    """provenance() counts every ordered pair's shares in one pass over the groups (a 40-outlet
    story has 1,560 pairs): the same counts as text_shares, pair by pair."""
    from retold.model.provenance import all_text_shares

    alignment = load_alignment([str(SAMPLE / story)], semantic=False, vector_cache=False)
    assert all_text_shares(alignment) == _plain_shares(alignment)


def test_all_text_shares_on_a_many_outlet_story(tmp_path):
    from retold.model.provenance import all_text_shares
    from retold.synthetic import make_story

    alignment = load_alignment([str(make_story(tmp_path / "s", outlets=10, sentences=40, seed=5))], semantic=False, vector_cache=False)
    shares = all_text_shares(alignment)
    assert shares == _plain_shares(alignment)
    assert any(v for v, _c in shares.values()) and any(c > v for v, c in shares.values())


@given(stories())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_all_text_shares_are_text_shares_of_every_pair(outlets):
    from retold.model.provenance import all_text_shares

    alignment = aligned(*outlets)
    assert all_text_shares(alignment) == _plain_shares(alignment)
