"""What `d` compares a sentence with (retold.model.compare)."""

from rapidfuzz.distance import Indel

from retold.model.compare import compare
from retold.model.worddiff import REWRITTEN_BELOW, _words


def test_default_partner_is_the_counterpart_sharing_most_words_and_reference_wins_when_it_has_one(sample_alignment):
    a = sample_alignment
    checked = 0
    for outlet in a.outlets:
        for sentence in outlet.sentences:
            if sentence.group is None:
                assert compare(a, outlet.id, sentence.index) is None
                continue
            result = compare(a, outlet.id, sentence.index)
            words = _words(sentence.text)[1]

            def similarity(other_id):
                span = a.counterpart_span(outlet.id, sentence.index, other_id)
                text = " ".join(a.outlet(other_id).sentences[i].text for i in span)
                return Indel.normalized_similarity(words, _words(text)[1])

            others = [o.id for o in a.outlets if o.id != outlet.id and a.counterpart_span(outlet.id, sentence.index, o.id)]
            assert result.partner in others
            same = [o for o in others if a.outlet(o).meta.language == outlet.meta.language] or others
            assert similarity(result.partner) >= max(similarity(o) for o in same) - 1e-12
            assert result.diff.rewritten == (result.diff.similarity < REWRITTEN_BELOW)
            for reference in others:
                assert compare(a, outlet.id, sentence.index, reference).partner == reference
            lacking = [o.id for o in a.outlets if o.id != outlet.id and o.id not in others]
            for reference in lacking:  # a reference without the sentence: the closest instead
                assert compare(a, outlet.id, sentence.index, reference).partner == result.partner
            checked += 1
    assert checked > 20


def test_a_translation_is_compared_in_its_own_language_first_and_never_called_rewritten():
    """veneth-dam has one French outlet among English ones: its sentences are compared with an
    English counterpart only because no other French outlet has them, and that comparison says
    'translated'; an English sentence is compared with an English counterpart whenever one exists."""
    from pathlib import Path

    from retold.model.pipeline import load_alignment

    a = load_alignment([str(Path(__file__).resolve().parents[2] / "sample_corpus" / "veneth-dam")])
    french = [o for o in a.outlets if o.meta.language == "fr"]
    assert french
    checked = 0
    for outlet in a.outlets:
        for sentence in outlet.sentences:
            result = compare(a, outlet.id, sentence.index)
            if result is None:
                continue
            partner_language = a.outlet(result.partner).meta.language
            assert result.translated == (partner_language != outlet.meta.language)
            english_counterparts = [o.id for o in a.outlets if o.id != outlet.id and o.meta.language == outlet.meta.language
                                    and a.counterpart_span(outlet.id, sentence.index, o.id)]
            if english_counterparts:
                assert result.partner in english_counterparts and not result.translated
            checked += outlet in french
    assert checked > 3
