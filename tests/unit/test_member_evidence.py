"""A merge's evidence as each of its sentences carries it (issue 16, a user's summit story: "The
summit host, Ellandian Prime Minister Jonas Brekke, appealed to the Compact for practical help."
joined the next sentence's quote against one sentence holding both, and was shown with `quote`
as its evidence though it quotes nothing). The quoted words and the numbers are named only for
a member that gives some; the confidence is the link's. Invented text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from retold.model.align.factwords import counts
from retold.model.align.finish import _Evidence
from retold.model.align.records import new_link
from retold.model.align.scoring import Scorer
from velmont_story import outlet

FIRSTS = [
    "The summit host, Prime Minister Jonas Brekke, appealed to the Accord for practical help.",
    "The summit host, Prime Minister Jonas Brekke, said his country had lost 40 million in freight revenue.",
    'The summit host, Prime Minister Jonas Brekke, called the jamming "an attack on all of us".',
]
SECONDS = [
    '"We are a small country on the front line, and we expect our allies to stand with us," Brekke said.',
    "Brekke said his country expected its allies to stand with it on the front line.",
    '"We lost 40 million," Brekke said, "and we expect our allies to stand with us."',
]


def _carried(first: str, second: str):
    rows = [[first, second], [first.rstrip(".") + ", adding: " + second]]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    weights = feature_weights(features)
    judge = ev.Judge(rows, features, weights)
    link = new_link(0.9, 0, (0, 1), 1, (0,))
    evidence = _Evidence({(0, 0): 0, (0, 1): 0, (1, 0): 0}, features, Scorer(features, weights), judge)
    evidence.many(link)
    return judge, link, evidence


def test_the_sentence_without_the_quote_is_not_shown_with_quote_evidence():
    judge, link, evidence = _carried(FIRSTS[0], SECONDS[0])
    assert "quote" in judge.link_verdict(link).evidence
    assert "quote" not in evidence.verdict[(0, 0)].evidence
    assert "quote" in evidence.verdict[(0, 1)].evidence
    assert "quote" in evidence.verdict[(1, 0)].evidence  # the one sentence that holds both
    assert evidence.verdict[(0, 0)].confidence == judge.link_verdict(link).confidence


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(FIRSTS), st.sampled_from(SECONDS))
def test_a_member_is_shown_only_with_quotes_and_numbers_it_gives(first, second):
    judge, _link, evidence = _carried(first, second)
    for node in ((0, 0), (0, 1)):
        clues = judge.clues_of(*node)
        named = evidence.verdict[node].evidence
        assert "quote" not in named or clues.quoted
        assert "numbers" not in named or clues.numbers or counts(clues.words)
