"""A big story's outlet pairs (candidates.outlet_pairs) and the second look of the sentences
they leave alone (rescue.py).

Past params.ALL_PAIRS_UP_TO outlets each outlet is aligned with its closest, then with its
closest of those that still have fewer than NEIGHBOURS partners: the pairs grow as the outlets
do. A sentence no pair linked then looks in the outlets its own was not aligned with.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import retold.model.align.run as run
from retold.model.align import align
from retold.model.align.candidates import outlet_pairs
from retold.model.align.params import ALL_PAIRS_UP_TO, NEIGHBOURS
from retold.model.story import Outlet, OutletMeta, Sentence


def _ranked(closeness: list[list[float]]) -> list[list[tuple[float, int]]]:
    n = len(closeness)
    return [sorted((-closeness[min(a, b)][max(a, b)], b) for b in range(n) if b != a) for a in range(n)]


def _partners(pairs: set[tuple[int, int]], n: int) -> list[set[int]]:
    found: list[set[int]] = [set() for _ in range(n)]
    for a, b in pairs:
        found[a].add(b)
        found[b].add(a)
    return found


def _check(pairs: set[tuple[int, int]], ranked: list[list[tuple[float, int]]]) -> None:
    n = len(ranked)
    assert all(0 <= a < b < n for a, b in pairs)
    for a, partners in enumerate(_partners(pairs, n)):
        assert ranked[a][0][1] in partners  # every outlet is aligned with its closest ...
        assert len(partners) >= min(NEIGHBOURS, n - 1)  # ... and with NEIGHBOURS others at least


def test_alike_outlets_have_pairs_in_proportion_to_their_number():
    # Copies of one text: every outlet as close as any other. Each taking its NEIGHBOURS closest
    # of its own (ties to the lowest numbers) made every outlet a partner of outlets 0-3: about
    # NEIGHBOURS pairs per outlet, and those four outlets each in a pair with all the others.
    for n in (12, 24, 48):
        ranked = _ranked([[1.0] * n for _ in range(n)])
        pairs = outlet_pairs([[]] * n, None, ranked)
        _check(pairs, ranked)
        assert len(pairs) <= 3 * n


@settings(max_examples=60, deadline=None)
@given(st.integers(ALL_PAIRS_UP_TO + 1, 40), st.integers(0, 10_000), st.sampled_from([0.0, 0.5, 1.0]))
def test_every_outlet_keeps_its_closest_and_enough_partners(n, seed, spread):
    rng = random.Random(seed)
    # Closeness of each pair (symmetric): alike (spread 0) to scattered (spread 1).
    closeness = [[1.0 - spread * rng.random() for _b in range(n)] for _a in range(n)]
    ranked = _ranked(closeness)
    pairs = outlet_pairs([[]] * n, None, ranked)
    _check(pairs, ranked)
    assert len(pairs) <= NEIGHBOURS * n


# ---------------------------------------------------------------- the second look

def _outlet(oid: str, sentences: list[str]) -> Outlet:
    meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language="en")
    return Outlet(meta=meta, text="", title=None, removed=(),
                  sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))


WIRE = [
    "The Orlin harbour council voted on Monday to close the old quay for repairs.",
    "Divers found two cracks in the eastern wall of the quay last spring.",
    "Repairs will cost about 12 million crowns and take three years.",
    "Fishermen who moor at the quay will move to the northern basin until then.",
    "The ferry to Kestrel Bay will keep its berth at the southern pier.",
    "Mayor Ilka Dorn said the town would ask the province for half of the cost.",
    "The quay was built in 1887 and last repaired in 1962.",
    "A public meeting on the works is planned for the town hall on 14 March.",
]
KEPT = "Harbour pilots have asked for a temporary light at the quay's northern end during the works."
OWN = "Local bakers plan a fundraising fair for the lifeboat crew in the spring."


def _story(with_rescue: bool):
    """Twelve outlets of the wire, aligned along a chain (o00-o01, o01-o02, ...): the pairs are
    set, so that o00 and o07 print KEPT and both their partners dropped it. o03 adds a
    sentence of its own that no other prints."""
    outlets = []
    for n in range(12):
        lines = list(WIRE)
        if n in (0, 7):
            lines.insert(4, KEPT)
        if n == 3:
            lines.insert(2, OWN)
        outlets.append(_outlet(f"o{n:02d}", lines))
    chain = {(n, n + 1) for n in range(11)}
    original = run.outlet_pairs
    try:
        run.outlet_pairs = lambda features, scorer, ranked=None: set(chain)
        if not with_rescue:
            plain = run.rescued
            run.rescued = lambda *args: []
            try:
                return align(outlets)
            finally:
                run.rescued = plain
        return align(outlets)
    finally:
        run.outlet_pairs = original


def test_a_sentence_its_partners_dropped_joins_its_copy_in_an_outlet_not_aligned_with_its_own():
    result = _story(with_rescue=True)
    assert result.counterpart("o00", 4, "o07") == 4
    assert result.outlet("o00").sentences[4].status != "unique"
    assert result.outlet("o03").sentences[2].status == "unique"  # a sentence of its own finds nothing
    # The wire's sentences, linked along the chain, stay one group each across all twelve.
    for i in (0, 1, 5):
        assert len({m.outlet for m in next(g for g in result.groups if ("o05", i) in {(m.outlet, m.sentence) for m in g.members}).members}) == 12
    alone = _story(with_rescue=False)
    assert alone.outlet("o00").sentences[4].status == "unique"  # what the second look changes


def test_a_story_with_every_pair_aligned_is_left_as_its_pairs_make_it():
    outlets = [_outlet(f"o{n}", WIRE + ([KEPT] if n in (0, 3) else [])) for n in range(ALL_PAIRS_UP_TO)]
    called = []
    plain = run.rescued

    def spy(*args):
        found = plain(*args)
        called.append(found)
        return found

    run.rescued = spy
    try:
        align(outlets)
    finally:
        run.rescued = plain
    assert called == [[]]
