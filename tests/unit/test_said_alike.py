"""One speaker's statement reported with other attribution (align/said.py, Judge.said_alike):
"Brask added that Velmont was not seeking a quarrel …" / "Velmont's foreign minister Ivo Brask
said at a news conference in Geneva that Velmont did not seek a quarrel …" — who said it, where
and how fill half of the second sentence, so the whole pair stays under the bar; the reported
clauses are one statement. Two different quotes of one speaker with the same attribution are
not one statement, however much of the sentence the attribution is. Invented sentences, in the
Velmont story (tests/velmont_story.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from retold.model.align.clues import clues, reported_clause
from velmont_story import FILLER_A, FILLER_B, outlet, together

ADDED = "Brask added that Velmont was not seeking a quarrel with Korrin over the crossings and remained open to talks."
SAID = "Velmont's foreign minister Ivo Brask said at a news conference in Geneva on Monday evening that Velmont did not seek a quarrel with Korrin over the crossings."


def _align(a_extra, b_extra):
    return align([outlet("a", FILLER_A + list(a_extra)), outlet("b", FILLER_B + list(b_extra))])


def _judge(a_extra, b_extra):
    rows = [FILLER_A + list(a_extra), FILLER_B + list(b_extra)]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features))


def test_one_speakers_statement_in_other_attribution_is_paired():
    n = len(FILLER_A)
    judge = _judge([ADDED], [SAID])
    words_alone = ev.sigmoid(ev.LEXICAL_MODEL[0] + sum(w * v for w, v in zip(ev.LEXICAL_MODEL[1:], judge.features_of(0, (n,), 1, (n,)))))
    assert words_alone < ev.SAME_STATEMENT  # the whole sentences: under the bar
    assert judge.verdict(0, (n,), 1, (n,)).confidence >= ev.SAME_STATEMENT
    assert together(_align([ADDED], [SAID]), "a", n, "b", n)


def test_two_quotes_of_one_speaker_are_two_statements():
    """The attribution is most of both sentences and the same: only the clauses may pair them."""
    a = '"The crossings will stay shut," said Ivo Brask, Velmont\'s foreign minister, speaking in Geneva on Monday night.'
    b = '"It will be a long night," said Ivo Brask, Velmont\'s foreign minister, speaking in Geneva on Monday night.'
    alignment = align([outlet("a", [a] + FILLER_A), outlet("b", FILLER_B + [b])])
    assert not together(alignment, "a", 0, "b", len(FILLER_B))


def test_another_speaker_is_not_compared_by_clause():
    judge = _judge([ADDED], [SAID.replace("Velmont's foreign minister Ivo Brask", "Korrin's foreign minister Rana Olt")])
    n = len(FILLER_A)
    assert judge.said_alike(0, (n,), 1, (n,), judge.clues_of(0, n), judge.clues_of(1, n)) is None


def test_the_reported_clause():
    brask = frozenset({"brask"})
    assert reported_clause(clues(SAID), brask) == tuple("velmont did not seek a quarrel with korrin over the crossings".split())
    assert reported_clause(clues("Velmont will not seek a quarrel with Korrin, Brask said on Monday."), brask) == tuple(
        "velmont will not seek a quarrel with korrin".split())
    assert reported_clause(clues("Velmont will not seek a quarrel with Korrin, said Ivo Brask."), brask) == tuple(
        "velmont will not seek a quarrel with korrin".split())
    assert reported_clause(clues('"We seek no quarrel with Korrin," Brask said in Geneva.'), brask) == ("we", "seek", "no", "quarrel", "with", "korrin")
    assert reported_clause(clues("Brask was added to the list of speakers at the talks."), brask) is None  # no speech


_WORDS = ["Velmont", "will", "not", "seek", "a", "quarrel", "with", "Korrin", "said", "added", "that", "Brask", "at", "the",
          "talks", "in", "Geneva", "told", "reporters", "on", "Monday"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=18))
def test_a_clause_is_a_run_of_the_sentence_and_none_without_its_speaker(words):
    """Invariant: what is said is a run of the sentence's own words (or its opening quotation);
    a sentence whose speaker stands beside no verb of reporting says no clause for them."""
    c = clues(" ".join(words) + ".")
    clause = reported_clause(c, frozenset({"brask"}))
    if clause is not None:
        n = len(clause)
        assert any(c.words[k:k + n] == clause for k in range(len(c.words) - n + 1)) or clause == c.quoted
    if "brask" not in {w[:5] for w in c.words}:
        assert clause is None


def test_only_the_clauses_may_make_a_pair_of_one_speakers_sentences():
    """Quotes cut off at their opening mark (as copied text often is) share all the attribution:
    the whole sentences look alike, what was said does not."""
    a = 'And the crossings will stay shut," said Ivo Brask, a foreign ministry adviser in Geneva.'
    b = 'Now the rest is routine," said Ivo Brask, a foreign ministry adviser in Geneva.'
    alignment = align([outlet("a", [a] + FILLER_A), outlet("b", FILLER_B + [b])])
    assert not together(alignment, "a", 0, "b", len(FILLER_B))

