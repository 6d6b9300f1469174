"""Shortcuts the reader's start takes for speed (issue 19), each checked against the plain code it
stands in for: the same result on generated inputs."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.tui.widgets.outlet_pane import _wrap_by_words, wrap_ranges

# Words of every length around a line's width, runs of spaces, tabs and newlines, and now and then
# a character outside ASCII (a wide one too): what a pane wraps, and what trips a wrapper.
WORD = st.text(alphabet="abcXYZ.,!'-0", min_size=1, max_size=24)
GAP = st.sampled_from([" ", " ", " ", "  ", "\t", " \n ", "   "])
ODD = st.sampled_from(["é", "漢字", "—", "\u00a0"])


@st.composite
def texts(draw) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(GAP))  # leading spaces
    for _ in range(draw(st.integers(0, 14))):
        parts.append(draw(WORD) if draw(st.integers(0, 9)) else draw(ODD))
        parts.append(draw(GAP))
    if parts and draw(st.booleans()):
        parts.pop()  # no trailing space
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(texts(), st.integers(1, 40))
def test_wrapping_a_line_at_a_time_gives_the_ranges_of_wrapping_word_by_word(text, width):
    assert wrap_ranges(text, width) == _wrap_by_words(text, width)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" ab\t", max_size=30), st.integers(1, 8))
def test_runs_of_spaces_wrap_alike(text, width):
    assert wrap_ranges(text, width) == _wrap_by_words(text, width)


# ---------------------------------------------------------------- the cache's records


@dataclasses.dataclass(frozen=True)
class _Plain:
    a: int
    b: str | None = None
    memo: dict = dataclasses.field(default_factory=dict, init=False, compare=False)


@dataclasses.dataclass(frozen=True)
class _Checked:
    a: int

    def __post_init__(self):
        if self.a < 0:
            raise ValueError("negative")


def test_a_record_is_built_at_once_only_when_its_constructor_only_sets_its_fields():
    from retold.model.cache import _built_directly, _decoder

    assert _built_directly(_Plain) == (["a", "b"], [("memo", dict)])
    assert _built_directly(_Checked) is None  # its constructor checks: it is called
    made = _decoder(_Plain)([3, None])
    assert made == _Plain(3) and made.memo == {} and made.memo is not _decoder(_Plain)([3, None]).memo
    try:
        _decoder(_Checked)([-1])
    except ValueError:
        pass
    else:
        raise AssertionError("the constructor's own check did not run")


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4), st.integers(1, 12), st.integers(0, 10_000))
def test_an_alignment_read_back_from_the_cache_is_the_one_built_by_its_constructors(outlets, sentences, seed):
    from retold.model import cache
    from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta, Sentence, Status

    assert all(cache._built_directly(kind) is not None for kind in (Sentence, Member, Group, Outlet, Alignment))  # the hot records
    rng = random.Random(seed)
    made = []
    for k in range(outlets):
        words = [f"w{rng.randint(0, 9)}" for _ in range(sentences * 3)]
        text = " ".join(words)
        spots, at = [], 0
        for i in range(sentences):
            piece = " ".join(words[i * 3:i * 3 + 3])
            start = text.index(piece, at)
            spots.append(Sentence(i, rng.randint(0, 2), piece, start, start + len(piece), rng.choice(list(Status)), None))
            at = start
        made.append(Outlet(OutletMeta(f"o{k}", f"O{k}", f"o{k}.txt"), text, None, tuple(spots), ()))
    groups = (Group(0, tuple(Member(o.id, 0, rng.random(), ("lexical",) * rng.randint(0, 2)) for o in made)),)
    made = [dataclasses.replace(o, sentences=(dataclasses.replace(o.sentences[0], group=0),) + o.sentences[1:]) for o in made]
    alignment = Alignment(tuple(made), groups, "T", "key")
    back = cache.decode_alignment(cache.encode_alignment(alignment))
    assert back == alignment
    assert [[type(s.status) for s in o.sentences] for o in back.outlets] == [[Status] * sentences] * outlets
    assert back._cache == {} and back._cache is not alignment._cache


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.floats(0, 1)), min_size=1, max_size=5), max_size=8),
       st.integers(0, 3))
def test_every_outlets_possible_sentences_come_from_one_pass_and_match_the_plain_scan(groups, asked):
    from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta

    outlets = tuple(Outlet(OutletMeta(f"o{k}", f"O{k}", f"o{k}.txt"), "", None, (), ()) for k in range(4))
    alignment = Alignment(outlets, tuple(Group(n, tuple(Member(f"o{o}", s, score) for o, s, score in members))
                                         for n, members in enumerate(groups)))
    alignment.possible(f"o{asked}")
    assert all(("possible", outlet.id) in alignment._cache for outlet in outlets)  # one pass filled them all
    for outlet in outlets:
        plain = frozenset(m.sentence for g in alignment.groups for m in g.members
                          if m.outlet == outlet.id and m.strength == "possible")
        assert alignment.possible(outlet.id) == plain
    assert alignment.possible("nowhere") == frozenset()
