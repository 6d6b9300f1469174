"""Two ways a place or a name made a pair the words do not (issue 16), in our own invented text.

- In parallel text, a retelling's lead that opens with what the original says third is not paired
  with the original's lead by place when its words find that third sentence (anchors.placed_elsewhere).
- A quote's attribution beside a pair ('"…," Secretary-General Ada Roth said') shares the speaker's
  name and title with the pair's other side and nothing of what it says: it is not the other half
  of a split (growth.names_more_than_actors), and a hyphenated title's parts are all names.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align import Scorer, feature_weights, sentence_features
from retold.model.align.growth import extend, names_more_than_actors
import retold.model.align.pairs as pairs
from retold.model.align import align
from retold.model.align.anchors import mutual_pairs, placed_elsewhere, swapped_inside
from retold.model.align.params import MOVED_NEAR
from retold.model.align.records import PairSides, new_link
from retold.model.story import Outlet, OutletMeta, Sentence


def test_a_bead_is_placed_elsewhere_when_a_sentence_has_a_mutual_partner_near_it():
    # Rewrite 0 (a lead) finds wire 2 and wire 2 finds it: the bead wire 0 ~ rewrite 0 is place alone.
    mutual = mutual_pairs({2: (0, 0.47), 0: (5, 0.1)}, {0: (2, 0.47), 5: (0, 0.1)})
    assert mutual == {("a", 2): 0, ("b", 0): 2}
    assert placed_elsewhere((0,), (0,), mutual)
    assert not placed_elsewhere((2,), (0,), mutual)  # the words' own pair
    assert not placed_elsewhere((0,), (3,), mutual)  # neither sentence has a partner


def test_a_partner_far_off_or_below_the_altered_bar_moves_nothing():
    far = {("b", 0): MOVED_NEAR + 1}
    assert not placed_elsewhere((0,), (0,), far)
    assert mutual_pairs({2: (0, 0.3)}, {0: (2, 0.3)}) == {}  # below ALTERED_THRESHOLD: not where the words place it
    assert mutual_pairs({2: (0, 0.6)}, {0: (3, 0.6)}) == {}  # not reciprocal


@given(st.lists(st.integers(0, 9), min_size=1, max_size=3, unique=True), st.lists(st.integers(0, 9), min_size=1, max_size=3, unique=True),
       st.dictionaries(st.tuples(st.sampled_from("ab"), st.integers(0, 9)), st.integers(0, 9), max_size=6))
def test_placed_elsewhere_only_for_a_partner_outside_the_bead_and_near_it(rows, cols, mutual):
    rows, cols = tuple(sorted(rows)), tuple(sorted(cols))
    expected = any(
        p is not None and p not in span and min(abs(p - span[0]), abs(p - span[-1])) <= MOVED_NEAR
        for p, span in [(mutual.get(("a", i)), cols) for i in rows] + [(mutual.get(("b", j)), rows) for j in cols]
    )
    assert placed_elsewhere(rows, cols, mutual) is expected


def test_a_hyphenated_title_gives_every_capitalised_part_as_a_name():
    found = ev.clues('"This is about data, not blame," Secretary-General Ada Roth said after the summit.')
    assert {"secre", "gener", "ada", "roth"} <= set(found.names)
    assert "based" not in ev.clues("The Lund-based council met Ada Roth.").names  # a lower-case part is no name


WIRE = [
    "Storms flooded the lower town of Kessel on Monday night.",
    "Council Secretary-General Ada Roth told reporters the council would send nine engineers to read the gauges on both banks.",
    "Repairs are expected to cost about 14 million crowns.",
    "Fishing boats will move to the southern basin while the work goes on.",
]
REWRITE = [
    "Fishing boats are being moved to the southern basin during the work.",
    '"This is about data, not blame," Secretary-General Ada Roth said after the summit.',
    "Roth said nine engineers would read the gauges on both banks of the border river.",
    "The repairs should cost around 14 million crowns.",
]


def _sides():
    outlets = [Outlet(meta=OutletMeta(id=n, name=n, source=f"{n}.txt"), text="", title=None, removed=(),
                      sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(texts)))
               for n, texts in (("a", WIRE), ("b", REWRITE))]
    features = sentence_features(outlets)
    weights = feature_weights(features)
    judge = ev.Judge([WIRE, REWRITE], features, weights)
    return PairSides(0, 1, features[0], features[1], Scorer(features, weights), True, judge=judge)


def test_an_attribution_that_shares_only_the_speakers_name_is_not_a_split_half():
    sides = _sides()
    other = sides.fa[1].feats
    assert not names_more_than_actors(sides, "b", 1, other)  # the quote's attribution: names and a title only
    assert names_more_than_actors(sides, "b", 2, other)  # the engineers, the gauges: what the wire says
    sides.linked_a.update({1}), sides.linked_b.update({2})
    pair = new_link(0.6, 0, (1,), 1, (2,))
    assert extend(sides, pair) == pair  # the attribution beside it stays the rewrite's own


def test_a_title_in_an_apposition_is_the_actors_too_not_the_other_half_of_a_split():
    """(A sixth user's story: "Ottilie Brask, the culture minister, visited the museum on Monday
    afternoon." was grown into the merge beside "She ordered a review …" against "Culture Minister
    Ottilie Brask has ordered a security review …": it shares the minister's name and title and
    nothing of what she did.)"""
    from retold.model.align.clues import title_words

    assert title_words("Ada Roth, the council's secretary general, visited the gauges on Monday.") == ("council", "secretary", "general")
    assert title_words("Ada Roth, the council said, would resign.") == ()  # a clause, not a title
    wire = ["Council Secretary General Ada Roth said nine engineers would read the gauges on both banks.",
            "Storms flooded the lower town of Kessel on Monday night."]
    rewrite = ["Ada Roth, the council secretary general, toured the lower town on Sunday evening.",
               "She said nine engineers would read the gauges on both banks."]
    outlets = [Outlet(meta=OutletMeta(id=n, name=n, source=f"{n}.txt"), text="", title=None, removed=(),
                      sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(texts)))
               for n, texts in (("a", wire), ("b", rewrite))]
    features = sentence_features(outlets)
    weights = feature_weights(features)
    sides = PairSides(0, 1, features[0], features[1], Scorer(features, weights), True, judge=ev.Judge([wire, rewrite], features, weights))
    assert not names_more_than_actors(sides, "b", 0, sides.fa[0].feats)


def test_across_languages_or_without_a_judge_every_neighbour_passes():
    sides = _sides()
    sides.same_language = False
    assert names_more_than_actors(sides, "b", 1, sides.fa[1].feats)
    sides.same_language, sides.judge = True, None
    assert names_more_than_actors(sides, "b", 1, sides.fa[1].feats)


def test_a_bead_swaps_statements_when_mutual_pairs_inside_it_cross_or_sit_at_opposite_corners():
    assert swapped_inside((0, 1), (0, 1, 2), {("a", 0): 2, ("b", 2): 0})  # first row with the last col
    assert swapped_inside((3, 4), (5, 6), {("a", 3): 6, ("a", 4): 5})  # two that cross
    assert not swapped_inside((0, 1), (0, 1, 2), {("a", 0): 0, ("a", 1): 2})  # in order: a re-cut
    assert not swapped_inside((0,), (0, 1, 2), {("a", 0): 2})  # one sentence split in three: nothing to swap
    assert not swapped_inside((0, 1), (0, 1), {("a", 0): 7})  # its partner is outside the bead


SUMMIT = [
    "Velmont on Monday told the Lake Authority to stop turning a wet spring into a quarrel between neighbours, "
    "hours after the authority's delegates blamed it for flooding downstream towns.",
    "In a statement agreed at their meeting in Sarn, delegates of the authority's three other members said the "
    "sudden opening of Velmont's Tarrow sluices had put farms at risk.",
    "Korrin accused Velmont of opening the sluices to protect its own harbour before the autumn tides.",
    "Velmont's interior ministry warned Korrin that blaming a neighbour for the rain would damage thirty years of trust on the lake.",
    "Korrin officials said the water at the Ebb gauge had risen by 60 centimetres since April.",
    "Velmont's lake office said the rise at Ebb was 15 centimetres, within the usual range for a wet spring.",
    "The Tarrow sluices, rebuilt two years ago, can release 900 cubic metres of water a second.",
    "Authority chairman Osk Lerran said the authority would send six inspectors to read the gauges on both shores.",
    "Delegates agreed to meet again within 45 days to review the inspectors' report.",
]
SUMMIT_RETOLD = [  # opens with the wire's third statement
    "Korrin accused Velmont on Monday of flooding its towns by opening the Tarrow sluices to protect its own harbour, "
    "as farmers in the marshes watched their fields go under.",
    "In their statement, the delegates called the opening of the Tarrow sluices a danger to every farm downstream.",
    "The water at the Ebb gauge has risen by 60 centimetres since April, Korrin officials said.",
    '"We sowed in March and now the fields are a lake," said Mira Holt, who farms near Sarn.',
    "Velmont's lake office put the rise at Ebb at 15 centimetres, normal for a wet spring.",
    "Lerran said six inspectors from the authority would read the gauges on both shores of the lake.",
    "The delegates will meet again in 45 days to study what the inspectors report.",
]


def _summit():
    return align([Outlet(meta=OutletMeta(id=n, name=n, source=f"{n}.txt", language="en"), text="", title=None, removed=(),
                         sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(texts)))
                  for n, texts in (("wire", SUMMIT), ("retold", SUMMIT_RETOLD))])


def test_a_retold_lead_is_not_folded_with_the_wire_lead_it_does_not_tell(monkeypatch):
    """Through align(): the retelling is parallel (its other statements in the wire's order); its
    lead tells the wire's third sentence. The wire's own lead (what Velmont told the authority)
    has no counterpart and stays the wire's own."""
    alignment = _summit()
    lead = alignment.outlet("retold").sentences[0].group
    assert lead is not None and sorted(alignment.groups[lead].of("wire")) == [2]
    assert alignment.outlet("wire").sentences[0].group is None
    monkeypatch.setattr(pairs, "swapped_inside", lambda *args: False)
    folded = _summit()
    assert folded.outlet("wire").sentences[0].group == folded.outlet("retold").sentences[0].group
