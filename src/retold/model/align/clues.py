"""A sentence's clues for the evidence judge (`evidence.py`): its named actors, who speaks, its
numbers, days and quoted words, and who acts on whom when it opens "A <verb> B …"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from retold.model.align.factwords import NUMBER_WORDS
from retold.model.align.features import number_key
from retold.model.normalize import STOPWORDS, fold, tokens


_NUMBER = re.compile(r"\d[\d.,]*")
_SAYING = frozenset("said says told added according announced stated warned declared".split())
# Verbs of saying that open a reported clause ("Brask said Oskland had …": the second name is the
# clause's subject, no patient); "told", "warned", "urged" take whom they address as their object
# ("Korrin warned Velmont …": Velmont is the patient, as in "Velmont accused Korrin …").
_CLAUSE_VERBS = frozenset("said says added according announced stated declared".split())
_ADDRESS = _SAYING - _CLAUSE_VERBS  # "told", "warned": whom they address follows them
_QUOTED = re.compile(r'"([^"]{3,})"')
_NAME = re.compile(r"(?<![\w'])([A-ZÀ-Þ][\w'’.-]*[\w])")
_NO_WORDS: frozenset[str] = frozenset()
# The days of the week, one key per day in the languages retold's users write most.
_DAYS = {w: str(n) for names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
) for n, w in enumerate(names.split())}
_DAY_WORDS = frozenset(_DAYS)


@dataclass(frozen=True, slots=True)
class Clues:
    words: tuple[str, ...]  # all normalised words, for the common run
    names: tuple[str, ...]  # named actors (capitalised words, as 5-letter keys), first occurrence order
    opener: str | None  # the sentence's first word when capitalised: a name only if the story says so
    speakers: frozenset[str]  # names next to a verb of saying ("said Ada Roth", "Roth told …")
    numbers: frozenset[str]
    quoted: tuple[str, ...]  # words inside quotation marks
    days: frozenset[str] = _NO_WORDS  # days of the week it names (one key per day, any language)


def clues(text: str, words: tuple[str, ...] | None = None) -> Clues:
    """The text's clues; `words` its normalised words when already known (the aligner's)."""
    return _clues(text, tuple(tokens(text)) if words is None else words)


@lru_cache(maxsize=100_000)
def _clues(text: str, words: tuple[str, ...]) -> Clues:
    names: list[str] = []
    seen = set()
    first = True
    opener = None
    for match in _NAME.finditer(text):
        word = match.group(1)
        key = word.lower() if word.isascii() else fold(word)
        at_start = first and match.start() <= 2
        first = False
        if key in STOPWORDS:
            continue
        key = key[:5]
        if at_start:
            opener = key  # "Shops in the border town …": capitalised because it opens the sentence
            continue
        if key not in seen:
            seen.add(key)
            names.append(key)
        # A hyphenated name's later capitalised parts are the name too ("Secretary-General",
        # "Baden-Württemberg"): the matcher reads them as words of their own.
        for part in word.split("-")[1:]:
            if part[:1].isupper():
                part_key = (part.lower() if part.isascii() else fold(part))[:5]
                if part_key not in seen and part_key not in STOPWORDS:
                    seen.add(part_key)
                    names.append(part_key)
    numbers = _NO_WORDS
    with_digits = [w for w in words if w[0].isdigit()]
    if with_digits:
        numbers = frozenset([number_key(_NUMBER.match(w).group().rstrip(".,")) for w in with_digits])  # "310km" is 310
    days = _NO_WORDS
    if not _DAY_WORDS.isdisjoint(words):
        # The day something was said ("said on Monday", "told reporters Tuesday") is when it was
        # reported, which retellings of one statement give differently; the statement's own day
        # ("will meet on Thursday") is not.
        days = frozenset([_DAYS[w] for n, w in enumerate(words) if w in _DAYS and _SAYING.isdisjoint(words[max(0, n - 3):n])])
    quoted: tuple[str, ...] = ()
    if '"' in text or not text.isascii():
        quoted = tuple(w for q in _QUOTED.findall(fold(text)) for w in tokens(q))
    speakers = _NO_WORDS
    if not _SAYING.isdisjoint(words):  # most sentences have no verb of saying: no speaker to look for
        said = [n for n, w in enumerate(words) if w in _SAYING]
        named = seen | {opener}
        # Who speaks stands before the verb or after it ("said Ada Roth"), but after "told" and
        # "warned" stands whom they address ("told Reuters"); a day is no speaker ("Thursday said").
        speakers = frozenset(w[:5] for n in said for w in words[max(0, n - 3):n + (1 if words[n] in _ADDRESS else 4)]
                             if w[:5] in named and w not in _DAY_WORDS)
    return Clues(words, tuple(names), opener, speakers, numbers, quoted, days)


def _merged(parts: Sequence[Clues]) -> Clues:
    if len(parts) == 1:
        return parts[0]
    names: list[str] = []
    for p in parts:
        names += [n for n in p.names if n not in names]
    return Clues(tuple(w for p in parts for w in p.words), tuple(names), parts[0].opener,
                 frozenset().union(*(p.speakers for p in parts)),
                 frozenset().union(*(p.numbers for p in parts)), tuple(w for p in parts for w in p.quoted),
                 frozenset().union(*(p.days for p in parts)))


def _who_to_whom(c: Clues) -> tuple[str, str] | None:
    """(agent, patient) when the sentence opens "A <verb> B …": a name opens it (after "The" at
    most), and another name follows within three words, a word between and none of them a verb
    opening a reported clause or a conjunction ("Velmont accused Korrin …", "Korrin warned
    Velmont …", not "Brask said Oskland had …", "Dylan Baker and Lindsay Frost play …")."""
    if not c.names or not c.words:
        return None
    names = set(c.names)
    start = 1 if c.words[0] == "the" and len(c.words) > 1 else 0
    agent = c.words[start][:5]
    if agent not in names:
        return None
    for n in range(start + 2, min(len(c.words), start + 5)):
        key = c.words[n][:5]
        if key in names and key != agent:
            between = c.words[start + 1:n]
            if any(w in _CLAUSE_VERBS or w in ("and", "or", "with", "&") for w in between) or between[-1] == "by":
                return None  # "B was accused by A": a passive keeps the agent, in other words
            return agent, key
    return None


# A person's title: who they are, not what they say. Before a full name (two capitalised words)
# in the phrase that opens the sentence ("Calderine Rail chief executive Bram Telford said …",
# "Rail union leader Piet Harnow denied …") or straight after a verb of saying ("…, said the
# professor Tomas Reyk"): one to three lower-case words; and in apposition after a full name, up
# to a preposition, a comma or "who" ("Tomas Reyk, a water-quality professor at Kessler
# Institute, …", "Piet Harnow, leader of the union, …"). Elsewhere the words before a name are
# what is done ("would buy two Eastern Shield batteries", "Residents praised Mayor Oona Strade").
_FULL_NAME = r"[A-Z][\w'’.-]*\s+[A-Z][\w'’-]*[\w]"
_TITLE_RUN = r"((?:[a-z][\w'’-]*\s+){1,3})"
_OPENING_TITLE = re.compile(r"^\W*(?:[A-Z][\w'’.-]*\s+)*" + _TITLE_RUN + "(?=" + _FULL_NAME + ")")
_SAID_TITLE = re.compile(r"\b(?:said|says|told|added|according\s+to)\s+(?:(?:the|a|an)\s+)?" + _TITLE_RUN + "(?=" + _FULL_NAME + ")")
_APPOSITION = re.compile(_FULL_NAME + r",\s+(?:(?:a|an|the)\s+)?((?:[a-z][\w'’-]*\s+){1,4}?)(?:at|of|from|for|with|in|on|who|which)\b")
# ... or the whole apposition between commas: "Ottilie Brask, the culture minister, visited …"
_APPOSITION_CLOSED = re.compile(_FULL_NAME + r",\s+(?:a|an|the)\s+((?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*),")


def title_words(text: str) -> tuple[str, ...]:
    """The lower-case words of the titles beside the full names in a sentence (normalised as
    tokens are), or ()."""
    found: list[str] = []
    runs = [m.group(1) for m in (_OPENING_TITLE.match(text),) if m]
    runs += [m.group(1) for pattern in (_SAID_TITLE, _APPOSITION, _APPOSITION_CLOSED) for m in pattern.finditer(text)]
    for run in runs:
        words = tuple(tokens(run))
        if not any(w in STOPWORDS or w in _SAYING or w.endswith("ed") or w[0].isdigit() or w in NUMBER_WORDS for w in words):
            found += words  # ("Police closed the …", "Residents praised Mayor …": a verb, not a title)
    return tuple(dict.fromkeys(found))


# The reported clause of a sentence of reported speech: what the speaker said, without who said
# it, where and how ("Alliance Secretary General Ilse Varnholm said at a press conference that
# …" / "Varnholm added that …": the same statement, attributed in other words).
_REPORTING = frozenset("said says told added adds announced stated declared insisted".split())
_THAT_WITHIN = 10  # "said at a press conference in Geneva on Monday that": the clause starts after "that" this near the verb
_CLAUSE_LEAST = 4  # words a clause needs to be compared on its own
_BE = frozenset("is are was were be been being".split())
_TAIL = 4  # "…, Leshin said on Thursday": a verb this near the end closes the clause before the speaker


def reported_clause(c: Clues, speaker: frozenset[str]) -> tuple[str, ...] | None:
    """The words `speaker` (name keys) is reported to have said: a quotation that opens the
    sentence ('"…," Keker said'); else, at the first verb of reporting next to the speaker, the
    words after "that" when it follows within a few words ("said at a press conference that …"),
    the words before the speaker when the verb closes the sentence ("…, Leshin said on Thursday")
    or the speaker follows it ("…, said Leshin"), else the words after the verb ("Keker said his
    client …"). None when the sentence reports no such speech or the clause is too short."""
    words = c.words
    if _REPORTING.isdisjoint(words):
        return None
    if len(c.quoted) >= _CLAUSE_LEAST and words[:_CLAUSE_LEAST] == c.quoted[:_CLAUSE_LEAST]:
        return c.quoted
    for n, w in enumerate(words):
        if w not in _REPORTING or (n and words[n - 1] in _BE):
            continue  # ("was added to the currency": no speech)
        near = [m for m in range(max(0, n - 4), min(len(words), n + 4)) if m != n and words[m][:5] in speaker]
        if not near:
            continue
        that = next((m for m in range(n + 1, min(len(words), n + 1 + _THAT_WITHIN)) if words[m] == "that"), None)
        if that is not None:
            clause = words[that + 1:]
        elif near[0] < n and n >= len(words) - _TAIL:
            clause = words[:near[0]]
        elif near[0] > n:
            clause = words[:n]
        else:
            clause = words[n + 1:]
        return clause if len(clause) >= _CLAUSE_LEAST else None
    return None
