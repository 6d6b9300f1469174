"""Programme beads that fuse two statements side by side are kept as their 1:1 pairs (fused.py).

Two independent reports of an invented mine flood (written for this project by a tester, review11)
both give the company's denial and then the minister's inquiry; the gap programme took the two
neighbours of each as one 2:2 bead, and one group held both statements, shown as sure.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align, feature_weights, sentence_features
from retold.model.align.fused import split_fused
from retold.model.align.records import PairSides
from retold.model.align.scoring import Scorer
from test_align import outlet

COURIER = [
    "ARDOVAR, Dec 8 (Kellmark Press Agency) – Four miners were still missing on Tuesday evening after water burst into a deep gallery of the Saltmere potash mine in Ardovar, trapping 23 workers below ground.",
    "Rescuers brought 19 of the men to the surface in the afternoon, three of them with hypothermia.",
    "The water broke through a wall of the gallery at a depth of 340 metres shortly after 9.15 a.m., around three hours into the morning shift.",
    "Rescue chief Ilse Marrow said water was still flowing in at about 600 cubic metres per hour.",
    "\"We believe the four men reached a refuge chamber with air and water for 48 hours,\" Marrow told reporters.",
    "Divers and a drilling team from nearby Veskel were heading to the site, she said.",
    "Operator Orvane Minerals has halted all production at Saltmere, and chief executive Teodor Vask said the firm would fully cooperate with investigators.",
    "\"Our only concern tonight is to bring every one of our colleagues home,\" Vask said.",
    "The Kellmark Miners' Union said two of the gallery's three drainage pumps had been broken for weeks.",
    "Union leader Bram Olsk said workers had warned managers about the rising water in November.",
    "Orvane denied ignoring warnings and said the pumps had been checked on November 20.",
    "Mines Minister Halina Crest called the flooding \"a wound for the whole region\" and ordered an inquiry into safety at all of the country's deep mines.",
    "The inquiry will look at nine mines and is due to report by the end of February.",
    "Relatives of the trapped miners waited throughout the day in Ardovar's sports hall, where the council set up a support centre.",
    "Saltmere employs about 1,100 people and is the largest employer in the valley.",
    "The mine last flooded in 1998, when a lower gallery was shut for a year but no one was hurt.",
    "The rescue is expected to go on through the night."
]

HERALD = [
    "Four miners were still trapped deep below Ardovar on Tuesday night after a wall gave way in a flooded gallery of the Saltmere mine.",
    "By late afternoon rescue teams had lifted 19 of the 23 men on the shift to the surface.",
    "Sirens sounded across the town at about 9.20 a.m., residents told the Herald.",
    "The breach happened 340 metres underground, in a gallery opened only two years ago.",
    "The refuge chamber where the four are thought to be sheltering lies at 410 metres, below the flooded section.",
    "\"They have air and water for two days, and they know the drill,\" rescue commander Ilse Marrow said of the four men.",
    "Water was still flooding in at some 600 cubic metres an hour by evening, according to her team.",
    "Marrow said pumps brought in from Veskel could remove about 250 cubic metres of water an hour.",
    "Hundreds of relatives waited in the sports hall, where the council had set up beds and a canteen.",
    "Orvane Minerals chief executive Teodor Vask flew in from the capital and met families at the sports hall.",
    "\"We will not rest until every miner is home,\" said Ardovar's mayor, Greta Solvaine.",
    "The miners' union says two of the three drainage pumps in the gallery had been broken for weeks.",
    "Workers warned managers about the rising water as early as November, union leader Bram Olsk said.",
    "According to Orvane managers, it was they who had told workers in November to keep out of the lower end of the gallery.",
    "Orvane spokesman Lukas Brenner said all three pumps had been working normally on Monday.",
    "The company rejected claims that warnings were ignored, saying the pumps had been checked on 20 November.",
    "Mines Minister Halina Crest ordered an inquiry into safety at the country's nine deep mines.",
    "A previous inquiry, after a roof collapse at Veskel in 2019, took 14 months to report.",
    "Saltmere, with some 1,100 workers, is by far the valley's biggest employer.",
    "In 1998 a flood closed one of the mine's lower galleries for a year.",
    "In trading in the capital, Orvane shares lost 12 percent of their value.",
    "The Herald understands that divers from the national rescue service will attempt to reach the chamber on Wednesday morning.",
    "Rescuers expected to work through the night."
]


def test_the_denial_and_the_inquiry_are_two_groups_not_one():
    alignment = align([outlet("courier", COURIER), outlet("herald", HERALD)])
    denial = next(i for i, s in enumerate(COURIER) if s.startswith("Orvane denied"))
    inquiry = next(i for i, s in enumerate(COURIER) if s.startswith("Mines Minister"))
    assert alignment.counterpart_span("courier", denial, "herald") == (HERALD.index(next(s for s in HERALD if s.startswith("The company rejected"))),)
    assert alignment.counterpart_span("courier", inquiry, "herald") == (HERALD.index(next(s for s in HERALD if s.startswith("Mines Minister"))),)


WORDS = "miners pumps inquiry minister denied warnings flooded gallery rescue union company mine water shift".split()


@settings(max_examples=150, deadline=None)
@given(data=st.data(), k=st.integers(2, 3))
def test_a_split_keeps_every_sentence_of_the_bead_one_for_one_in_order(data, k):
    sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=8).map(lambda w: " ".join(w).capitalize() + ".")
    texts_a = data.draw(st.lists(sentence, min_size=k, max_size=k))
    texts_b = data.draw(st.lists(sentence, min_size=k, max_size=k))
    features = sentence_features([outlet("a", texts_a), outlet("b", texts_b)])
    sides = PairSides(0, 1, features[0], features[1], Scorer(features, feature_weights(features)), True)
    bead = (tuple(range(k)), tuple(range(k)), 0.5)
    parts = split_fused(sides, bead)
    if parts != [bead]:
        assert [(p[0], p[1]) for p in parts] == [((i,), (i,)) for i in range(k)]
