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

The counts live in `factwords.py` and negation in `negation.py`; the actors and the judge's
entry point (`against`) here. Each reads only the judge's clues (normalised words, name keys, the opener), so it costs nothing
for the common pair: each check opens with a set test that most sentence pairs fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from retold.model.align.answers import non_answer
from retold.model.align.factwords import MONTHS as _MONTHS
from retold.model.align.factwords import _ranked, count_places, counts, counts_differ
from retold.model.align.factwords import word_key as _key
from retold.model.align.negation import _CLAIM_NOUNS, _negators, negation_differs
from retold.model.normalize import STOPWORDS

# Roles: verbs of saying open a reported clause ("Brask said Oskland had …": not agent and
# patient); a passive keeps the agent in other words ("B was fined by A").
_SAYING = frozenset("said says told tells added adds according announced stated declared warned urged".split())
_ROLE_NEAR = 4  # the actor stands at most three words (a title: "the shipping firm") from the verb
# ... or from a preposition that takes the verb's other party ("passed part of the money back to
# the contractor Rena Sollis"), in the verb's own clause: within _ROLE_SPAN words of the verb,
# with no word between that opens another clause.
_ROLE_TO = frozenset("to from against into onto towards toward".split())
_ROLE_SPAN = 8
_CLAUSE_OPENERS = frozenset("and but or after before while when which who whom that because as since".split())
_PASSIVE_BEFORE = frozenset("was were been being is are be get got gets".split())


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


def _reach(words: tuple[str, ...], places: dict[str, list[int]], keys: Iterable[str], n: int) -> int:
    """How far the verb at word n stands from these keys (after it), counting from the
    preposition that takes its other party when one follows in its own clause."""
    gap = _gap(places, keys, n)
    for m in range(n + 1, min(len(words), n + _ROLE_SPAN + 1)):
        if words[m] in _CLAUSE_OPENERS:
            break
        if words[m] in _ROLE_TO:
            # ... its object: the key within a title's reach after it ("to the contractor Rena
            # Sollis"; not "to the court after Orrin Vael …", another clause)
            after = [p for k in keys for p in places[k] if m < p <= m + _ROLE_NEAR - 1]
            if after and _CLAUSE_OPENERS.isdisjoint(words[m + 1:min(after)]):
                gap = min(gap, _ROLE_NEAR)
    return gap


def _reach_back(words: tuple[str, ...], places: dict[str, list[int]], keys: Iterable[str], n: int) -> int:
    """How far the verb at word n stands from these keys (before it); a verb joined by "and" to
    one before it has that one's subject ("Rena Sollis inflated invoices for dredging work and
    passed part of the money back …"), within _ROLE_SPAN words of the "and" and no other
    clause between."""
    gap = _gap(places, keys, n)
    if n < 2 or words[n - 1] != "and":
        return gap
    nearest = max((p for k in keys for p in places[k] if n - 2 - _ROLE_SPAN <= p < n - 1), default=None)
    if nearest is not None and _CLAUSE_OPENERS.isdisjoint(words[nearest + 1:n - 1]):
        return min(gap, _ROLE_NEAR)
    return gap


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
        if max(_reach_back(words_a, pa, forth, n), _reach(words_a, pa, back, n), _reach(words_b, pb, forth, m), _reach_back(words_b, pb, back, m)) <= _ROLE_NEAR:
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
    first = first_shared(words_a, words_b, names_a | names_b)
    if first is None:
        return False
    sa, sb = _subject(words_a, first[0], names_a), _subject(words_b, first[1], names_b)
    if not any(len(k) >= 4 and k.isalpha() for k in sa) or not any(len(k) >= 4 and k.isalpha() for k in sb):
        return False  # an abbreviation ("U.S." / "American", "PM" / "Prime Minister") may be the same actor
    keys_in_b = {_key(v) for v in words_b}
    keys_in_a = {_key(v) for v in words_a}
    return not (sa & keys_in_b) and not (sb & keys_in_a)


def first_shared(words_a: tuple[str, ...], words_b: tuple[str, ...], names: frozenset[str]) -> tuple[int, int] | None:
    """Where the first word (not a stopword, not a name) both sentences give stands in each: none
    of A's words before it is in B, and none of B's words before it in A. None when there is
    none, or when A's first shared word is not B's."""
    # (The tuples searched as they are: the loop stops at A's first shared word, two or three
    # words in, before a dict of B's places or a set of A's words would have paid for itself.)
    for n, w in enumerate(words_a):
        if w in STOPWORDS or _key(w) in names or w not in words_b:
            continue
        m = words_b.index(w)  # its first place in B
        if any(v in words_a and v not in STOPWORDS and _key(v) not in names for v in words_b[:m]):
            return None
        return n, m
    return None


# ---------------------------------------------------------------- the same count of another thing


def counted_differ(words_a: tuple[str, ...], names_a: frozenset[str], words_b: tuple[str, ...], names_b: frozenset[str],
                   apart: Callable[[str, str], bool]) -> bool:
    """A count both give counts another thing in each: "2,500 police officers were deployed around
    the square" / "2,500 farmers drove tractors into the square". At every place the count
    stands in each, the nouns it counts differ and neither (nor the word right after it: "the
    14-nation bloc" / "the 14-member bloc") is in the other sentence, what is done
    with the count differs (the word before it where both give one: "buy 40 trucks" / "cut 40
    jobs"; else the two words after its noun: "police were deployed" / "farmers drove tractors"; a synonym
    keeps it: "2,500 officers were deployed" / "2,500 police were deployed"), and `apart(noun_a, noun_b)` says the story tells the two apart (a
    third sentence names both: "police blocked the farmers' tractors"; a paraphrase's "seven
    miners" / "seven men" are not two things a story names side by side). A count whose noun is
    elided, a year, a date or a percentage is never compared (factwords.count_places)."""
    places_a, places_b = count_places(words_a, names_a), count_places(words_b, names_b)
    if not places_a or not places_b:
        return False
    shared = {p[0] for p in places_a} & {p[0] for p in places_b}
    if not shared:
        return False
    keys_a, keys_b = frozenset(map(_key, words_a)), frozenset(map(_key, words_b))
    for value in shared:
        if all(pa[4].isdisjoint(keys_b) and pb[4].isdisjoint(keys_a) and _done_otherwise(pa, pb) and apart(pa[1], pb[1])
               for pa in places_a if pa[0] == value for pb in places_b if pb[0] == value):
            return True
    return False


def _done_otherwise(pa: tuple, pb: tuple) -> bool:
    """What is done with the two counts differs (count_places: the word before, else the words after the noun)."""
    if pa[2] and pb[2]:
        return pa[2] != pb[2]
    return bool(pa[3]) and bool(pb[3]) and pa[3].isdisjoint(pb[3])  # one says nothing: nothing tells them apart


# ---------------------------------------------------------------- actors written small

# Who speaks or acts, written as a common noun after an article: "the union said", "… said the
# union" (at the sentence's end: "said the plan …" opens a reported clause), "the court ruled".
_ARTICLES = frozenset("the a an its their".split())
_SAY_AFTER = frozenset("said says added adds announced stated declared".split())  # "…, said the union." (not "told the union")
_AUXILIARY = frozenset("has have had also would will".split())  # "the union has said"


def _small_actor(words: tuple[str, ...], n: int, names: frozenset[str]) -> str | None:
    """The key of the common noun an article puts right before word n ("the union said"; an
    auxiliary may stand between: "the union has said"), or None."""
    k = n - 1
    if k >= 0 and words[k] in _AUXILIARY:
        k -= 1
    if k < 1 or words[k - 1] not in _ARTICLES:
        return None
    noun = words[k]
    if noun in STOPWORDS or noun[0].isdigit() or _key(noun) in names:
        return None
    return _key(noun)


@lru_cache(maxsize=100_000)
def small_speakers(words: tuple[str, ...], names: frozenset[str]) -> frozenset[str]:
    """Who speaks, written small: "the union said", "… said the union" at the end. (A value
    of one sentence, asked of it with each partner: read once.)"""
    if _SAYING.isdisjoint(words):
        return frozenset()
    found = set()
    last = len(words) - 1
    for n, w in enumerate(words):
        if w not in _SAYING:
            continue
        before = _small_actor(words, n, names)
        if before:
            found.add(before)
        if w in _SAY_AFTER and n + 2 == last and words[n + 1] in _ARTICLES and words[last] not in STOPWORDS and _key(words[last]) not in names:
            found.add(_key(words[last]))
    return frozenset(found)


def small_actors_differ(words_a: tuple[str, ...], names_a: frozenset[str], words_b: tuple[str, ...], names_b: frozenset[str],
                        apart: Callable[[str, str], bool]) -> str | None:
    """Two institutions written small: "speakers differ" when each sentence says who speaks only
    so ("the union said …" / "the company said …"), "actors differ" when the first word both give
    has one right before it on each side ("The union rejected the offer" / "The company rejected
    the offer"); in both, neither noun is in the other sentence and `apart(a, b)` says the story
    tells the two apart (a third sentence names both, not side by side: "the union accused the
    company …"; "the league said" / "the group said" may be one body). A noun the story
    capitalises ("the alliance" in a story of the Halden Alliance) is a name and left to the name
    rules; a sentence that names its speaker is left to them too. Else None."""
    # (Each side's word keys are read only for two small actors found: most pairs have none.)
    sa, sb = small_speakers(words_a, names_a), small_speakers(words_b, names_b)
    if sa and sb and sa.isdisjoint(map(_key, words_b)) and sb.isdisjoint(map(_key, words_a)) and any(apart(x, y) for x in sa for y in sb):
        return "speakers differ"
    first = first_shared(words_a, words_b, names_a | names_b)
    if first is None:
        return None
    xa, xb = _small_actor(words_a, first[0], names_a), _small_actor(words_b, first[1], names_b)
    if xa and xb and xa not in map(_key, words_b) and xb not in map(_key, words_a) and apart(xa, xb):
        return "actors differ"
    return None


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


# ---------------------------------------------------------------- one sentence's facts, read once

class Sheet(NamedTuple):
    """What one sentence's clues give the pair checks above before any pair is read: each
    check opens with a test of one side alone (no ordinal, no count, no names, the same number
    of negators …), and most pairs fail it. The judge keeps one sheet per sentence (small: a
    big story holds tens of thousands); the `*_none` tests below are True only where the check
    itself gives nothing (tests/unit/test_speed_equivalence_3.py holds them to the checks)."""

    ranked: bool  # factwords._ranked: an ordinal that ranks something
    counted: bool  # factwords.counts with its names: a month or a number written out
    named: bool  # _names(c, opener=False) is not empty
    claim: bool  # a claim noun ("allegations"): negation.claim_denied reads on
    negators: int  # negation._negators
    values: tuple[str, ...]  # the values of factwords.count_places with its names and opener (counts given with their nouns)
    speaks: bool  # small_speakers: who speaks, written small
    small_actor: bool  # some word has an institution written small right before it (_small_actor)
    non_answer: bool  # answers.non_answer: it reports that someone would not say


def sheet(c) -> Sheet:
    """The sheet of one sentence's clues (evidence.Clues)."""
    words = c.words
    with_opener = frozenset(c.names) | ({c.opener} if c.opener else frozenset())  # as the judge passes them
    # _small_actor(words, n) needs an article two words before n, or three with an auxiliary
    # between: only the words after an article are asked.
    small_actor = not _ARTICLES.isdisjoint(words) and any(
        _small_actor(words, n, with_opener) for p, w in enumerate(words) if w in _ARTICLES for n in (p + 2, p + 3) if n < len(words))
    # (Each read through the plain function, not its lru cache: the sheet is made once per
    # sentence, and the caches would keep every sentence's answer for the process's life.)
    return Sheet(bool(_ranked.__wrapped__(words)), bool(counts.__wrapped__(words, frozenset(c.names))), bool(_names(c, opener=False)),
                 not _CLAIM_NOUNS.isdisjoint(words), _negators.__wrapped__(words),
                 tuple({p[0]: None for p in count_places.__wrapped__(words, with_opener)}),
                 bool(small_speakers.__wrapped__(words, with_opener)), small_actor, non_answer.__wrapped__(words))


def against_none(sa: Sheet, sb: Sheet) -> bool:
    """True only where against() gives nothing: no two ordinals and no count written out or
    month (counts_differ), a side without names but its opener (actors_differ; and so fewer than
    two names both give: roles_swapped), and no claim noun and as many negators on each side
    (negation_differs)."""
    return ((not sa.ranked or not sb.ranked) and not sa.counted and not sb.counted
            and (not sa.named or not sb.named)
            and not sa.claim and not sb.claim and sa.negators == sb.negators)


def counted_none(sa: Sheet, sb: Sheet) -> bool:
    """True only where counted_differ() (with each side's names and opener) is False: no value
    both give a count of with its noun (or a side gives none)."""
    return not sa.values or not sb.values or set(sa.values).isdisjoint(sb.values)


def small_none(sa: Sheet, sb: Sheet) -> bool:
    """True only where small_actors_differ() (with each side's names and opener) gives None: not
    both speak written small, and not both have an institution written small before some word."""
    return (not sa.speaks or not sb.speaks) and (not sa.small_actor or not sb.small_actor)
