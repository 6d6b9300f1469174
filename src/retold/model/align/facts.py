"""Facts two sentences state differently, however many words they share.

A near-verbatim copy with one fact changed is another statement, and the worst thing retold can
do is to claim it as the same one. The evidence judge (`evidence.py`) already compares digits,
years and weekdays (`numbers differ`), the order of two bare names around a verb (`roles
swapped`) and who speaks (`speakers differ`). This module adds what those miss:

- `counts(c)`: the closed-class fact words a sentence gives — month names (the languages whose
  weekdays the judge knows) and English numbers written out ("two", "a third", "half",
  "dozens", "hundreds"); compared like digits, so "by the end of June" / "... of July" and
  "half of the cost" / "a third of the cost" are `numbers differ`, and "three" meets "3";
- `roles_swapped(ca, cb)`: the same named actors on opposite sides of a verb both sentences
  give, wherever titles, descriptors, articles or a dateline stand before the names ("Union
  leader Aila Voss accused the operator Brightwater Lines …" / "Brightwater Lines accused union
  leader Aila Voss …");
- `actors_differ(ca, cb)`: the named actor just before the first word both sentences give is
  another one, named nowhere in the other sentence ("Opposition councillor Jon Brek voted
  against the plan" / "Council chair Rosa Vint voted against the plan");
- `negation_differs(ca, cb)`: one sentence negates a word the other states ("would appeal" /
  "would not appeal", "had offered" / "had not offered", "with" / "without a licence").

Each reads only the judge's clues (normalised words, name keys, the opener), so it costs nothing
for the common pair: each check opens with a set test that most sentence pairs fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from retold.model.align.features import number_key
from retold.model.normalize import STOPWORDS, fold

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
_FRACTIONS = {"third": "1/3", "thirds": "1/3", "quarter": "1/4", "quarters": "1/4", "fifth": "1/5", "fifths": "1/5"}
_FRACTION_BEFORE = frozenset({"a", "one", "two", "three", "four"})
# A cardinal that is not a count: "no one", "one another", "the one who"; and a cardinal joined
# to a scale word ("two hundred", "three million") is a number whose digits another outlet may
# write ("200"): it is left to them.
_NOT_COUNT_BEFORE = frozenset({"no", "the", "any", "every", "some", "this", "that", "which", "each", "someone", "anyone"})
_NOT_COUNT_AFTER = frozenset({"another", "hundred", "thousand", "million", "billion", "trillion", "percent", "per"})
_COUNT_WORDS = frozenset(_MONTHS) | frozenset(_CARDINALS) | frozenset(_MAGNITUDES) | frozenset(_HALF) | frozenset(_FRACTIONS)

# Negation: a word that negates the next words ("not", "n't", "never", "no", "without").
_NEGATORS = frozenset("not no never without nor cannot neither none nobody nothing".split())
# Words that negate in other words ("refused to comment" is "did not comment", "unless they are
# repealed" is "if they are not repealed"): where either side has one, the negators are not
# compared (which verb or clause it turns is beyond a word list).
_NEGATIVE_STEMS = ("refus", "declin", "fail", "deni", "deny", "unabl", "unless", "reject", "lack", "absen")
# "don't" written without its apostrophe (a wire's plain-text copy):
_NEGATORS |= frozenset("dont doesnt didnt isnt arent wasnt werent wont cant couldnt wouldnt shouldnt hasnt havent hadnt".split())
_NEGATED_SPAN = 3  # words after a negator that it negates ("had not yet offered")
_KEY = 5  # words compared by their first letters ("appeal" / "appealed", as the features do)

# Roles: verbs of saying open a reported clause ("Brask said Oskland had …": not agent and
# patient); a passive keeps the agent in other words ("B was fined by A").
_SAYING = frozenset("said says told tells added adds according announced stated declared warned urged".split())
_ROLE_NEAR = 4  # the actor stands at most three words (a title: "the shipping firm") from the verb
_PASSIVE_BEFORE = frozenset("was were been being is are be get got gets".split())


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't") or word.endswith("n’t")


def _key(word: str) -> str:
    return (word if word.isascii() else fold(word))[:_KEY]


# ---------------------------------------------------------------- counts and months


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
    ("four decades" / "forty years" count other things: not compared)."""
    ka, kb = counts(words_a, names_a), counts(words_b, names_b)
    if not ka and not kb:
        return False
    ma, mb = {k for k in ka if k[0] == "m" and k[1:].isdigit()}, {k for k in kb if k[0] == "m" and k[1:].isdigit()}
    if ma - mb and mb - ma:
        return True
    a, b = ka | set(numbers_a), kb | set(numbers_b)
    if not (a - b and b - a):
        return False
    for value_a, first_a, counted_a in _counted(words_a, names_a):
        if value_a in b:
            continue
        for value_b, first_b, counted_b in _counted(words_b, names_b):
            if value_b not in a and (first_a in counted_b or first_b in counted_a) and (value_a in ka or value_b in kb):
                return True
    return False


_COUNTED_SPAN = 2  # words after a count that say what it counts ("two new cracks", "half of the cost")


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
        if value is None:
            continue
        after = []
        for v in words[n + 1:]:
            if v in STOPWORDS or v in _COUNT_WORDS or v[0].isdigit():
                continue
            after.append(_key(v))
            if len(after) == _COUNTED_SPAN:
                break
        if after:
            found.append((value, after[0], frozenset(after)))
    return tuple(found)


# ---------------------------------------------------------------- negation


@lru_cache(maxsize=100_000)
def _negated(words: tuple[str, ...]) -> tuple[tuple[str | None, str], ...]:
    """Per negator: (the word before it, None at the sentence's start; the key of the first word
    after it that is not a stopword: what it negates)."""
    found = []
    for n, w in enumerate(words):
        if _is_negator(w):
            if w == "not" and n + 1 < len(words) and words[n + 1] in ("only", "just", "merely"):
                continue  # "not only … but also" states both
            for v in words[n + 1:n + 1 + _NEGATED_SPAN]:
                if _is_negator(v):
                    break
                if v not in STOPWORDS:
                    found.append((words[n - 1] if n else None, _key(v)))
                    break
    return tuple(found)


@lru_cache(maxsize=100_000)
def _negators(words: tuple[str, ...]) -> int:
    """How many negators the words give (asked of every pair: counted once per sentence)."""
    return sum(map(_is_negator, words))


def _states(words: tuple[str, ...], before: str | None, key: str) -> bool:
    """The words give `key` with no negator just before it, in the same frame as the negated
    side: the word before the negator stands among the few before it ("would not appeal" /
    "would appeal"; "No ferries ran" / "Ferries ran" at the start)."""
    for j, w in enumerate(words):
        if _key(w) != key or w in STOPWORDS:
            continue
        window = words[max(0, j - _NEGATED_SPAN):j]
        if any(map(_is_negator, window)):
            continue
        if (before is None and j < _NEGATED_SPAN) or (before is not None and before in window):
            return True
    return False


def negation_differs(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """One side negates a word ("would not appeal") the other states in the same frame ("would
    appeal"), and the two do not give as many negators (the same polarity in other words), nor
    negate in other words ("refused to", "unless": which clause those turn is not read)."""
    count_a, count_b = _negators(words_a), _negators(words_b)
    if count_a == count_b:
        return False
    if any(w.startswith(_NEGATIVE_STEMS) for w in words_a) or any(w.startswith(_NEGATIVE_STEMS) for w in words_b):
        return False
    return any(_states(words_b, before, key) for before, key in _negated(words_a)) or any(
        _states(words_a, before, key) for before, key in _negated(words_b))


# ---------------------------------------------------------------- actors


def _positions(words: tuple[str, ...], keys: Iterable[str]) -> dict[str, list[int]]:
    """Where each name key stands among the words (every place)."""
    wanted = set(keys)
    found: dict[str, list[int]] = {}
    for n, w in enumerate(words):
        k = _key(w)
        if k in wanted:
            found.setdefault(k, []).append(n)
    return found


def _sides(places: dict[str, list[int]], keys: Iterable[str], n: int) -> tuple[frozenset[str], frozenset[str]]:
    """(keys wholly before word n, keys wholly after it); a key on both sides is on neither."""
    before, after = set(), set()
    for k in keys:
        at = places[k]
        if at[-1] < n:
            before.add(k)
        elif at[0] > n:
            after.add(k)
    return frozenset(before), frozenset(after)


def _gap(places: dict[str, list[int]], keys: Iterable[str], n: int) -> int:
    """How far word n stands from the nearest place of these keys."""
    return min(abs(p - n) for k in keys for p in places[k])


def _passive(words: tuple[str, ...], n: int) -> bool:
    return any(w in _PASSIVE_BEFORE for w in words[max(0, n - 2):n]) or (n + 1 < len(words) and words[n + 1] == "by")


def _has_passive(words: tuple[str, ...]) -> bool:
    """A passive with its agent ("was fined by the port authority"): who acts stands after "by"."""
    return "by" in words and any(w == "by" and not _PASSIVE_BEFORE.isdisjoint(words[max(0, n - 3):n]) for n, w in enumerate(words))


def roles_swapped(words_a: tuple[str, ...], names_a: frozenset[str], words_b: tuple[str, ...], names_b: frozenset[str]) -> bool:
    """The same named actors stand on opposite sides of a verb both sentences give: those before
    it in one are after it in the other, and the other way round (each side at least one).
    Titles and descriptors before a name do not matter; verbs of saying and passives are not
    asked (the reported clause, "was fined by", keep the roles in other words)."""
    shared = names_a & names_b
    if len(shared) < 2 or _has_passive(words_a) or _has_passive(words_b):
        return False
    pa, pb = _positions(words_a, shared), _positions(words_b, shared)
    keys = [k for k in shared if k in pa and k in pb]
    if len(keys) < 2:
        return False
    names = names_a | names_b
    where_b: dict[str, int] = {}
    twice = set()
    for m, w in enumerate(words_b):
        if w in where_b:
            twice.add(w)
        where_b[w] = m
    seen_a = set()
    for n, w in enumerate(words_a):
        if w in seen_a:
            twice.add(w)
        seen_a.add(w)
    for n, w in enumerate(words_a):
        if w in twice or w not in where_b or w in STOPWORDS or w in _SAYING or _key(w) in names or w[0].isdigit():
            continue
        m = where_b[w]
        if _passive(words_a, n) or _passive(words_b, m):
            continue
        before_a, after_a = _sides(pa, keys, n)
        if not before_a or not after_a:
            continue
        before_b, after_b = _sides(pb, keys, m)
        # Actors that cross the verb each way, more of them than stay on their side (a
        # capitalised title that stays, "Union leader", or that moves while the names stay).
        forth, back = before_a & after_b, after_a & before_b
        stay = (before_a & before_b) | (after_a & after_b)
        if not forth or not back or len(forth) + len(back) <= len(stay):
            continue
        # ... next to the verb on both sides (a title or two between): not names spread over
        # two clauses ("800 people in Orlin … after engineers discovered cracks in the Veneth
        # dam" / "Engineers inspecting the Veneth dam found cracks, and Orlin …").
        if max(_gap(pa, forth, n), _gap(pa, back, n), _gap(pb, forth, m), _gap(pb, back, m)) <= _ROLE_NEAR:
            return True
    return False


def _subject(words: tuple[str, ...], n: int, names: frozenset[str]) -> frozenset[str]:
    """The name keys standing right before word n (a run of names: "Rosa Vint voted")."""
    run = []
    k = n - 1
    while k >= 0 and _key(words[k]) in names:
        run.append(_key(words[k]))
        k -= 1
    return frozenset(run)


def actors_differ(words_a: tuple[str, ...], names_a: frozenset[str], words_b: tuple[str, ...], names_b: frozenset[str]) -> bool:
    """The first word (not a stopword, not a name) both sentences give has a named actor right
    before it on each side, and neither actor is named anywhere in the other sentence: the same
    act told of someone else ("Opposition councillor Jon Brek voted against the plan" / "Council
    chair Rosa Vint voted against the plan")."""
    if not names_a or not names_b:
        return False
    names = names_a | names_b
    keys_b = {w: m for m, w in reversed(list(enumerate(words_b)))}  # first place of each word
    for n, w in enumerate(words_a):
        if w in STOPWORDS or _key(w) in names or w not in keys_b:
            continue
        m = keys_b[w]
        # The first word both give, on both sides (none of A's words before it is in B, and
        # none of B's words before it in A).
        in_a = set(words_a)
        if any(v in in_a and v not in STOPWORDS and _key(v) not in names for v in words_b[:m]):
            return False
        sa, sb = _subject(words_a, n, names_a), _subject(words_b, m, names_b)
        if not any(len(k) >= 4 and k.isalpha() for k in sa) or not any(len(k) >= 4 and k.isalpha() for k in sb):
            return False  # an abbreviation ("U.S." / "American", "PM" / "Prime Minister") may be the same actor
        keys_in_b = {_key(v) for v in words_b}
        keys_in_a = {_key(v) for v in words_a}
        return not (sa & keys_in_b) and not (sb & keys_in_a)
    return False


# ---------------------------------------------------------------- for the judge

# The evidence against named here (the judge adds the two new names to what caps a pair to "possible").
AGAINST = ("numbers differ", "roles swapped", "actors differ", "negation differs")


# A weekday or a month is capitalised, but is no actor ("The stock closed Friday at …").
_TIME_KEYS = frozenset(_key(w) for w in _MONTHS) | frozenset(_key(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo").split())


def _names(c, opener: bool = True) -> frozenset[str]:
    """The clues' name keys (with its opening word, for roles: "Brightwater Lines accused …"), less weekdays and months."""
    names = frozenset(c.names) | ({c.opener} if opener and c.opener else frozenset())
    return names - _TIME_KEYS


@lru_cache(maxsize=200_000)
def against(ca, cb) -> tuple[str, ...]:
    """What the two clues (evidence.Clues) state differently, as evidence names."""
    found = []
    na, nb = _names(ca), _names(cb)
    if counts_differ(ca.words, ca.numbers, frozenset(ca.names), cb.words, cb.numbers, frozenset(cb.names)):
        found.append("numbers differ")
    if roles_swapped(ca.words, na, cb.words, nb):
        found.append("roles swapped")
    elif actors_differ(ca.words, _names(ca, opener=False), cb.words, _names(cb, opener=False)):
        # (named actors only: an opening capital is a name only when the story says so, which
        # the judge's clues already tell — "Subway, bus …" / "Metro, bus …" name nobody)
        found.append("actors differ")
    if negation_differs(ca.words, cb.words):
        found.append("negation differs")
    return tuple(found)
