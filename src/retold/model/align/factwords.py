"""Closed-class fact words (`facts.py` compares them): month names and English numbers written out,
as keys a digit shares ("three" meets "3"), and the word key the judge's features use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from retold.model.align.features import number_key
from retold.model.normalize import STOPWORDS, fold

_KEY = 5  # words compared by their first letters ("appeal" / "appealed", as the features do)


def _key(word: str) -> str:
    return (word if word.isascii() else fold(word))[:_KEY]


word_key = _key

# Months, one key per month, in the languages whose weekdays the judge reads (evidence._DAYS).
# "may" and "march" are English words too ("may rise", "a march"): those count only as names
# (capitalised inside the sentence), which the caller checks.
_MONTHS = {w: f"m{n + 1}" for names in (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
) for n, w in enumerate(names.split())}
_MONTHS.update({"jän": "m1", "jänner": "m1", "sept": "m9"})
_MONTH_ONLY_AS_NAME = frozenset({"may", "march", "mars"})  # "mars" is a planet, a chocolate bar
# ... they are months after these words ("in May", "early March", "fin mars") or beside a digit ("May 4", "3 mars").
_MONTH_BEFORE = frozenset("in of since until till by early late mid from through before after during last next this each every "
                          "en de depuis fin début mi im seit bis ab anfang ende mitte desde hasta".split())

# English numbers written out: the same key a digit has (number_key), so "three" meets "3".
_CARDINALS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_CARDINALS.update({w: str(10 * n) for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)})
_CARDINALS["dozen"] = "12"
# Counts without a number: each its own key ("dozens" / "hundreds" of people).
_MAGNITUDES = {"dozens": "~12", "scores": "~20", "hundreds": "~100", "thousands": "~1000", "millions": "~1e6", "billions": "~1e9"}
# Fractions: "half" alone; the others only as "a third", "one quarter", "two thirds" (else an
# ordinal: "the third time", "the Latin quarter").
_HALF = {"half": "1/2", "halves": "1/2"}
_FRACTIONS = {"third": "1/3", "thirds": "1/3", "quarter": "1/4", "quarters": "1/4", "fifth": "1/5", "fifths": "1/5",
              "tenth": "1/10", "tenths": "1/10"}
# A percentage is the fraction it equals: "a fifth of the country's electricity" / "20 percent of
# the country's power" give one number.
_PERCENT_FRACTIONS = {"50": "1/2", "33": "1/3", "33.3": "1/3", "25": "1/4", "20": "1/5", "10": "1/10"}
_PERCENT = frozenset({"percent", "pct", "%"})
_FRACTION_BEFORE = frozenset({"a", "one", "two", "three", "four"})
# A cardinal that is not a count: "no one", "one another", "the one who"; and a cardinal joined
# to a scale word ("two hundred", "three million") is a number whose digits another outlet may
# write ("200"): it is left to them.
_NOT_COUNT_BEFORE = frozenset({"no", "the", "any", "every", "some", "this", "that", "which", "each", "someone", "anyone"})
_NOT_COUNT_AFTER = frozenset({"another", "hundred", "thousand", "million", "billion", "trillion", "percent", "per"})
_COUNT_WORDS = frozenset(_MONTHS) | frozenset(_CARDINALS) | frozenset(_MAGNITUDES) | frozenset(_HALF) | frozenset(_FRACTIONS)
NUMBER_WORDS = frozenset(_CARDINALS) | frozenset(_MAGNITUDES) | frozenset("hundred thousand million billion".split())  # numbers written out
MONTHS = _MONTHS


@lru_cache(maxsize=100_000)
def counts(words: tuple[str, ...], names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The month names and written-out numbers the words give, as keys (a cardinal as its digits).
    `names`: the sentence's name keys, for months that are English words too ("May")."""
    if _COUNT_WORDS.isdisjoint(words):
        return frozenset()
    found = set()
    last = len(words) - 1
    for n, w in enumerate(words):
        if w in _MONTHS:
            before = words[n - 1] if n else ""
            after = words[n + 1] if n < last else ""
            if w not in _MONTH_ONLY_AS_NAME or w[:_KEY] in names or before in _MONTH_BEFORE or before[:1].isdigit() or after[:1].isdigit():
                found.add(_MONTHS[w])
        elif w in _CARDINALS:
            before = words[n - 1] if n else ""
            after = words[n + 1] if n < last else ""
            if before in _NOT_COUNT_BEFORE or after in _NOT_COUNT_AFTER or after in _CARDINALS or before in _CARDINALS:
                continue
            if after in _FRACTIONS:
                continue  # "two thirds": the fraction speaks
            found.add(_CARDINALS[w])
        elif w in _MAGNITUDES:
            found.add(_MAGNITUDES[w])
        elif w in _HALF:
            found.add(_HALF[w])
        elif w in _FRACTIONS and n and words[n - 1] in _FRACTION_BEFORE:
            found.add(_FRACTIONS[w])
    return frozenset(found)


def counts_differ(words_a: tuple[str, ...], numbers_a: Iterable[str], names_a: frozenset[str],
                  words_b: tuple[str, ...], numbers_b: Iterable[str], names_b: frozenset[str]) -> bool:
    """Each side gives a month the other does not; or both count the same thing (the words after
    the count meet: "half of the cost" / "a third of the cost", "two boats" / "three boats") in
    different numbers, one of them written out, and neither gives the other's number anywhere
    ("four decades" / "forty years" count other things: not compared); or both rank the same
    thing differently ("the second derailment" / "the third derailment this year")."""
    if ordinals_differ(words_a, words_b):
        return True
    ka, kb = counts(words_a, names_a), counts(words_b, names_b)
    if not ka and not kb:
        return False
    ka, kb = ka | _percent_fractions(words_a), kb | _percent_fractions(words_b)
    ma, mb = {k for k in ka if k[0] == "m" and k[1:].isdigit()}, {k for k in kb if k[0] == "m" and k[1:].isdigit()}
    if ma - mb and mb - ma:
        return True
    a, b = ka | set(numbers_a), kb | set(numbers_b)
    if not (a - b and b - a):
        return False
    rounded_a, rounded_b = rounded_alike(words_a, numbers_a, words_b, numbers_b)
    for value_a, first_a, counted_a in _counted(words_a, names_a):
        if value_a in b or value_a in rounded_a:
            continue
        for value_b, first_b, counted_b in _counted(words_b, names_b):
            if value_b not in a and value_b not in rounded_b and (first_a in counted_b or first_b in counted_a) and (value_a in ka or value_b in kb):
                return True
    return False


def _percent_fractions(words: tuple[str, ...]) -> frozenset[str]:
    """The fractions the words' percentages equal ("20 percent", "20 per cent": "1/5")."""
    found = set()
    for n, w in enumerate(words[:-1]):
        if w[0].isdigit() and (words[n + 1] in _PERCENT or (words[n + 1] == "per" and n + 2 < len(words) and words[n + 2] == "cent")):
            fraction = _PERCENT_FRACTIONS.get(number_key(w.rstrip(".,")))
            if fraction:
                found.add(fraction)
    return frozenset(found)


_COUNTED_SPAN = 2  # words after a count that say what it counts ("two new cracks", "half of the cost")


def _counted_key(word: str) -> str:
    """The key of a counted word, one for its singular and plural ("a nine-year sentence" / "a
    sentence of eight years": a short word's plural would otherwise keep a key of its own)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return _key(word)


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


@lru_cache(maxsize=100_000)
def _counted(words: tuple[str, ...], names: frozenset[str]) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Each count the words give (a digit, or written out; not a month) with the key of the
    first word after it that is not a stopword or a count, and of the first two: what it counts
    (two counts count one thing when one's first word is among the other's two: "two new
    cracks" / "three cracks", not "four decades of cooperation" / "forty years of cooperation")."""
    found = []
    for n, w in enumerate(words):
        if w[0].isdigit():
            value = number_key(w.rstrip(".,")) if w.replace(",", "").replace(".", "").isdigit() else None
        else:
            one = counts((words[n - 1] if n else "", w, words[n + 1] if n + 1 < len(words) else ""), names)
            value = next((k for k in one if not (k[0] == "m" and k[1:].isdigit())), None) if w in _COUNT_WORDS and w not in _MONTHS else None
        if value is None or _YEAR.fullmatch(value):
            continue  # (a year counts nothing: "in July 2025 near the village" / "at one site near …")
        if n + 1 < len(words) and (words[n + 1] in _PERCENT or (words[n + 1] == "per" and n + 2 < len(words) and words[n + 2] == "cent")):
            value = _PERCENT_FRACTIONS.get(value, value)  # "20 percent" counts what "a fifth" does
        after = []
        for v in words[n + 1:]:
            if v in STOPWORDS or v in _COUNT_WORDS or v[0].isdigit() or v in _PERCENT or v in ("per", "cent"):
                continue  # ("percent" says how it counts, not what: "30 per cent of the homes" counts homes)
            after.append(_counted_key(v))
            if len(after) == _COUNTED_SPAN:
                break
        if after:
            found.append((value, after[0], frozenset(after)))
    return tuple(found)


# Ordinals rank things: "the second derailment this year" / "the third derailment this year" are
# two claims, "the second-largest port" / "the third-largest port" too. Written out or in digits
# ("3rd"); not a fraction ("a third of the wagons", "two thirds").
_ORDINALS = {w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
_ORDINAL_DIGITS = re.compile(r"(\d{1,4})(?:st|nd|rd|th)")
_RANKED_SPAN = 2  # words after an ordinal that say what it ranks ("third major derailment")


@lru_cache(maxsize=100_000)
def _ranked(words: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """Each ordinal the words give, with the key of the first word after it (of the next two) that
    is not a stopword, a count or another ordinal: what it ranks."""
    found = []
    for n, w in enumerate(words):
        value = _ORDINALS.get(w)
        if value is None and w[:1].isdigit():  # (the pattern opens with a digit: most words need not be matched)
            match = _ORDINAL_DIGITS.fullmatch(w)
            value = int(match.group(1)) if match else None
        if value is None or words[n + 1:n + 2] in (("of",), ()):
            continue  # "a third of the wagons": a fraction; an ordinal at the end ranks nothing said
        ranked = next((v for v in words[n + 1:n + 1 + _RANKED_SPAN]
                       if v not in STOPWORDS and v not in _ORDINALS and v not in _COUNT_WORDS and not v[0].isdigit()), None)
        if ranked is not None:
            found.append((value, _key(ranked)))
    return tuple(found)


def ordinals_differ(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """Both rank one thing (the same word after the ordinal) at different places, and neither gives
    the other's place anywhere ("the second train" / "the first train and the second" agree)."""
    a = _ranked(words_a)  # (once per sentence: asked of every pair)
    if not a:
        return False
    b = _ranked(words_b)
    if not b:
        return False
    places_a, places_b = {v for v, _ in a}, {v for v, _ in b}
    return any(ka == kb and va != vb and va not in places_b and vb not in places_a for va, ka in a for vb, kb in b)


# ---------------------------------------------------------------- the same count of another thing

_SCALE = frozenset("hundred thousand million billion trillion bn mn".split())  # part of the number ("40 million")
_AROUND = 3  # words before a count that may say what is done with it ("deployed 2,500 officers")
_AROUND_AFTER = 4  # words after its noun that may say what the thing counted does ("2,500 farmers drove tractors")


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


@lru_cache(maxsize=100_000)
def years(words: tuple[str, ...]) -> frozenset[str]:
    """The keys of the years the words give (four digits, no separator: "2024", not "2,024")."""
    return frozenset(w for w in words if w[:1].isdigit() and _is_year(w))


def not_years(shared: frozenset[str], words_a: tuple[str, ...], words_b: tuple[str, ...]) -> frozenset[str]:
    """The numbers of `shared` that are not a year in both sentences: a year both give is when,
    not what ("suspended since 2024" / "walked out of talks in 2024": two acts of one year)."""
    if not shared:
        return shared
    both = years(words_a) & years(words_b)
    return shared - both if both else shared


@lru_cache(maxsize=100_000)
def count_places(words: tuple[str, ...], names: frozenset[str]) -> tuple[tuple[str, str, str | None, frozenset[str], frozenset[str]], ...]:
    """Each count the words give with the noun it counts written out: (its value; the key of that
    noun, the word right after the count and its scale word; the key of the content word before
    the count within three words, what is done with it ("deployed 2,500 officers"), or None; the
    keys of the first two content words after the noun within four, not names, what it does
    ("2,500 farmers drove tractors"); and the keys of the noun with the content word right after
    it ("police officers", "the 14-nation bloc": the thing counted may be the second)).
    Left out: a year, a date (a count beside a month), a percentage (it counts no thing), and a
    count whose noun is elided ("2,500 were deployed", "rose to 12 on Tuesday": a stopword or a
    name follows it), which may count anything."""
    found = []
    last = len(words)
    for n, w in enumerate(words):
        if w[0].isdigit():
            if _is_year(w) or not w.replace(",", "").replace(".", "").isdigit():
                continue
            value = number_key(w.rstrip(".,"))
        elif w in _COUNT_WORDS and w not in _MONTHS and w not in _MAGNITUDES:
            one = counts((words[n - 1] if n else "", w, words[n + 1] if n + 1 < last else ""), names)
            value = next((k for k in one if not (k[0] == "m" and k[1:].isdigit())), None)
            if value is None:
                continue
        else:
            continue
        m = n + 1
        while m < last and (words[m] in _SCALE or words[m][0].isdigit()):
            m += 1
        noun = words[m] if m < last else ""
        before = words[n - 1] if n else ""
        if (not noun or noun in STOPWORDS or noun in _MONTHS or before in _MONTHS or noun in _PERCENT or noun == "per"
                or noun in _COUNT_WORDS or _key(noun) in names):
            continue
        run = _noun_run(words, m)
        end = m + len(run)
        does = frozenset([_key(v) for v in words[end:end + _AROUND_AFTER] if _content(v) and _key(v) not in names][:2])
        done = next((_key(v) for v in reversed(words[max(0, n - _AROUND):n]) if _content(v)), None)
        found.append((value, _key(noun), done, does, frozenset(map(_key, run))))
    return tuple(found)


def _noun_run(words: tuple[str, ...], m: int) -> tuple[str, ...]:
    """The count's noun and the content word right after it, when one follows with no word between
    ("police officers", "14-nation bloc": the head may be the second)."""
    if m + 1 < len(words) and _content(words[m + 1]):
        return words[m:m + 2]
    return words[m:m + 1]


def _content(word: str) -> bool:
    return word not in STOPWORDS and not word[0].isdigit() and word not in _COUNT_WORDS and word not in _SCALE


# A figure given as approximate ("around 170", "about 3,000", "some 40,000", "rund 170") is the
# same figure as any value that rounds to it at its own precision (its trailing zeros, or its
# decimals): "around 170 milligrams" / "171 milligrams" is one reading, told rounded, not two.
_APPROXIMATE = frozenset(
    "around about approximately roughly some nearly almost circa approx. approx rund etwa fast knapp environ presque quelque".split())


def _value(key: str) -> float | None:
    try:
        return float(key)
    except ValueError:
        return None


def _rounds_to(approx: str, exact: str) -> bool:
    """`exact` rounds to `approx` at approx's own precision (both number keys)."""
    a, b = _value(approx), _value(exact)
    if a is None or b is None or a == b:
        return a is not None and a == b
    if "." in approx:
        step = 10.0 ** -len(approx.split(".", 1)[1])
    else:
        digits = approx.lstrip("-")
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.rstrip("0") else 1.0
    return abs(a - b) <= step / 2


def _approximate_keys(words: tuple[str, ...]) -> frozenset[str]:
    """The number keys the words give as approximate (an approximation word just before)."""
    return frozenset(
        number_key(w.rstrip(".,")) for n, w in enumerate(words)
        if w[0].isdigit() and n and words[n - 1] in _APPROXIMATE
    )


def rounded_alike(words_a: tuple[str, ...], numbers_a: Iterable[str],
                  words_b: tuple[str, ...], numbers_b: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers of each side that the other gives rounded (either way): (of a, of b)."""
    approx_a, approx_b = _approximate_keys(words_a), _approximate_keys(words_b)
    if not approx_a and not approx_b:
        return frozenset(), frozenset()
    numbers_a, numbers_b = frozenset(numbers_a), frozenset(numbers_b)
    of_a = {x for x in approx_a for y in numbers_b if _rounds_to(x, y)} | {x for x in numbers_a for y in approx_b if _rounds_to(y, x)}
    of_b = {y for y in numbers_b for x in approx_a if _rounds_to(x, y)} | {y for y in approx_b for x in numbers_a if _rounds_to(y, x)}
    return frozenset(of_a), frozenset(of_b)

