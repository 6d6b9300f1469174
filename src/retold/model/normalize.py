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


# Function words: the commonest words of each language, which every text in it is full of. Each
# list is whole, the words it shares with its neighbours included ("de", "la", "en" are Spanish as
# much as French): a list without them hands its language's commonest words to the neighbour
# (a Spanish text was read as French, a Polish one as Portuguese). A word of several languages is
# shared out between them; the words of one language alone tell them apart.
_FUNCTION_WORDS = {
    "en": "the of and to a in is that it was for on are with as he be at by this had not but from have they "
          "which his her were she an you or has their been would its will said one all there we who more also",
    "fr": "de la le et les des en un une du que qui est dans pour pas au sur par plus ne se ce il elle sont "
          "avec été a ont aux cette mais ou son sa ses leur nous vous était fut",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden "
          "aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder",
    "es": "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o fue "
          "este ha porque esta entre cuando muy sin sobre también me hasta hay donde desde todo nos durante",
    "it": "di e il la che in a per un è del non una da sono le si con i al della come anche dei ma più nel "
          "alla ha gli delle lo ci questo essere fra degli nella sul",
    "pt": "de a o que e do da em um para com não uma os no se na por mais as dos como mas foi ao ele das tem "
          "à seu sua ou ser quando muito há nos já está também só pelo pela",
    "nl": "de van het een en in is dat op te zijn met voor niet aan er ook als bij door om maar werd naar nog "
          "dan wordt uit heeft hij ze zich",
    "pl": "i w nie na się z że do to jest jak o a co ale tak po od przez dla jego już jej są być może który "
          "która które tylko przy ze było bardzo oraz także",
    "sv": "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så "
          "kan man när år",
    "da": "og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi fra",
    "no": "og i det som på er en til av at med for den har de ikke om et han var seg fra men",
    "fi": "ja on ei se että oli hän mutta kun niin myös joka ovat sen tai jos kuin vain olla",
    "cs": "a se na je v to že do z s o jako by ale pro jsou tak jeho které který byl bylo již při",
    "ro": "de și în a la cu nu că o pe din se mai un care este pentru sau fost",
    "hu": "a az és hogy nem is egy van meg de ez csak már volt mint",
    "tr": "ve bir bu da de için ile olarak daha çok gibi en olan ama kadar sonra",
}
_LANGUAGES_OF: dict[str, list[str]] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF.setdefault(_word, []).append(_language)
GUESS_LEAST = 10  # function words a text needs before its language is guessed
GUESS_MARGIN = 2.0  # ... and how far the likeliest language must lead the next
GUESS_COVER = 0.75  # ... and the share of all listed words its own list holds (a pure text: about 0.9)


def guess_language(text: str) -> str | None:
    """The text's language from its function words, or None when they do not say clearly (a
    short text, a mixed one, a language not listed): a guess is only made where it is safe."""
    counts: dict[str, float] = {}
    cover: dict[str, int] = {}
    listed = 0  # words of any list
    for word in tokens(text[:200_000]):  # the opening of a long text says as much as the whole
        languages = _LANGUAGES_OF.get(word, ())
        listed += bool(languages)
        for language in languages:  # a word of several languages ("de", "la") is shared out
            counts[language] = counts.get(language, 0.0) + 1 / len(languages)
            cover[language] = cover.get(language, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < GUESS_LEAST:
        return None
    if len(ranked) > 1 and ranked[0][1] < GUESS_MARGIN * ranked[1][1]:
        return None
    if cover[ranked[0][0]] < GUESS_COVER * listed:
        return None  # another language's words stand beside it: a mixed text
    return ranked[0][0]

