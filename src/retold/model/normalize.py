"""Normalisation for matching only; display always uses the original text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from retold.model.lazy_pattern import LazyPattern

_QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
})
# Words: letters/digits, keeping inner apostrophes and decimal points ("3.5", "don't").
_TOKEN = LazyPattern(r"[^\W_]+(?:['.,][^\W_]+)*")
_DATELINE = LazyPattern(
    r"^\s*[A-ZÀ-Þ][\w.'À-ÿ -]{1,40}?(?:,\s*[\w. ]{1,20}?)?"  # PLACE or PLACE, STATE
    r"(?:,?\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # , July 11
    r"\s*\([^)]{2,30}\)"  # (AFP)
    r"(?:\s*[A-Z][a-z]{2}\s+\d{1,2},\s*\d{4})?"  # Jul 11, 2024
    r"\s*[-–—:]?\s*"
)
_DATELINE_CAPS = LazyPattern(r"^\s*[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w. ]{1,20})?\s*[-–—.:]\s+")

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto about over under after before
    between through during without within than then that this these those there here it its it's is are was
    were be been being am do does did done have has had having will would shall should can could may might
    must not no nor so such too very just also only own same other some any each every all both few more most
    he she they we you i me him her them us our your their his hers theirs my mine who whom whose which what
    when where why how while said says say told added according which whose up out off again further once
    s t don't didn't won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't mr mrs ms""".split()
)


def fold(text: str) -> str:
    if text.isascii():
        # NFKC leaves ASCII as it is, the quote table maps only non-ASCII characters, and
        # casefold() of ASCII is lower(): the same result, at a fraction of the cost.
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()


_POSSESSIVE = LazyPattern(r"'s\b")


def tokens(text: str) -> list[str]:
    """Normalised words: NFKC, casefolded, unified quotes and dashes, punctuation dropped, digits kept.

    A possessive 's is dropped: "Castellmar's bid" and "the bid of Castellmar" share "castellmar".
    """
    folded = fold(text)
    if "'" in folded:  # most sentences have no apostrophe: no possessive to drop
        folded = _POSSESSIVE.sub("", folded)
    return _TOKEN.findall(folded)


def strip_dateline(text: str) -> str:
    """Remove a leading wire dateline ("BEIJING, July 11 (AFP) –") for matching."""
    match = _DATELINE.match(text) or _DATELINE_CAPS.match(text)
    if match and match.end() < len(text) - 10:
        return text[match.end():]
    return text


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light stemmer: enough to meet "cable"/"cables", "agree"/"agreed"."""
    if word.isdigit() or len(word) <= 4:
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def content_tokens(words: list[str] | tuple[str, ...]) -> list[str]:
    """Informative words, stemmed: no function words."""
    return [stem(w) for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


# Function words: the commonest words of each language, which every text in it is full of.
_FUNCTION_WORDS = {
    "en": "the and of to is was with that for on are were this from by have has be it at which but not they their said",
    "fr": "le la les des du et est une un dans pour que qui sur pas au aux avec ce sont été ont il elle ne se plus par "
          "mais cette en à sa ses son fut était leur",
    "de": "der die das und ist nicht mit den dem des ein eine zu von sich auf für auch wird wurde sie es im bei nach aus",
    "es": "el los las y que un una es por con para del se no al lo su como pero fue está",
    "it": "il gli di che è un una per con non del della sono nel alla ha anche dei delle come ma",
    "pt": "os as do da em um uma para com não no na por mais dos das foi ao",
    "nl": "het een van dat op te niet met voor zijn er aan ook als bij door werd naar maar",
}
_LANGUAGES_OF: dict[str, list[str]] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF.setdefault(_word, []).append(_language)
GUESS_LEAST = 10  # function words a text needs before its language is guessed
GUESS_MARGIN = 2.0  # ... and how far the likeliest language must lead the next


def guess_language(text: str) -> str | None:
    """The text's language from its function words, or None when they do not say clearly (a
    short text, a mixed one, a language not listed): a guess is only made where it is safe."""
    counts: dict[str, float] = {}
    for word in tokens(text[:200_000]):  # the opening of a long text says as much as the whole
        languages = _LANGUAGES_OF.get(word, ())
        for language in languages:  # a word of several languages ("de", "la") is shared out
            counts[language] = counts.get(language, 0.0) + 1 / len(languages)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < GUESS_LEAST:
        return None
    if len(ranked) > 1 and ranked[0][1] < GUESS_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]

