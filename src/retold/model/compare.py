"""Which counterpart a sentence's words are compared with (`d` in the reader), and the result.

Default: the counterpart the sentence shares most words with, in its own language when one
outlet there has it (a translation shares few words with its original and is not a rewrite). With a reference outlet chosen
(`R`), that outlet's counterpart whenever it has one. A counterpart span (an outlet that split
the statement) is compared as one text.
"""

from __future__ import annotations

from dataclasses import dataclass


from retold.model.story import Alignment
from retold.model.worddiff import WordDiff, _words, word_diff


@dataclass(frozen=True)
class Comparison:
    partner: str  # outlet id compared with
    sentences: tuple[int, ...]  # its counterpart span
    diff: WordDiff
    translated: bool = False  # the counterpart is in another language: a word diff says nothing


def _span_text(alignment: Alignment, outlet_id: str, span: tuple[int, ...]) -> str:
    sentences = alignment.outlet(outlet_id).sentences
    return " ".join(sentences[i].text for i in span)


def compare(alignment: Alignment, outlet_id: str, index: int, reference: str | None = None) -> Comparison | None:
    """Compare sentence `index` of `outlet_id` with its reference counterpart (see module doc);
    None when no other outlet has the sentence."""
    text = alignment.outlet(outlet_id).sentences[index].text
    candidates = []
    for other in alignment.outlets:
        if other.id == outlet_id:
            continue
        span = alignment.counterpart_span(outlet_id, index, other.id)
        if span:
            candidates.append((other.id, span))
    if not candidates:
        return None
    chosen = next((c for c in candidates if c[0] == reference), None) if reference else None
    own = _language(alignment, outlet_id)
    if chosen is None:
        from rapidfuzz.distance import Indel  # (here, not at the top: a story read from the cache needs no rapidfuzz)

        words = _words(text)[1]
        # Its own language first, then most words in common; ties go to the earlier outlet (story order).
        chosen = max(
            candidates,
            key=lambda c: (not _other_language(own, _language(alignment, c[0])),
                           Indel.normalized_similarity(words, _words(_span_text(alignment, c[0], c[1]))[1])),
        )
    partner, span = chosen
    return Comparison(partner, span, word_diff(text, _span_text(alignment, partner, span)),
                      translated=_other_language(own, _language(alignment, partner)))


def _language(alignment: Alignment, outlet_id: str) -> str | None:
    language = alignment.outlet(outlet_id).meta.language
    return language.split("-")[0].lower() if language else None


def _other_language(one: str | None, other: str | None) -> bool:
    """Both languages known and different (an unknown language is taken as the same, as the aligner does)."""
    return bool(one and other and one != other)
