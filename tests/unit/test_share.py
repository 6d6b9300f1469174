"""HTML and CSV exports: the collation table's rules, escaping, and the CSV's columns."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.safe import printable
from retold.model.share import collation_rows, csv_header, to_csv, to_html
from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta, Sentence, Status


def build(columns: list[list[tuple[int | None, str]]], urls: list[str | None] | None = None) -> Alignment:
    """columns[o] = the outlet's sentences as (statement id or None for unique, text)."""
    members: dict[int, list[Member]] = {}
    outlets = []
    group_ids: dict[int, int] = {}
    for o, column in enumerate(columns):
        for i, (statement, _) in enumerate(column):
            if statement is not None:
                members.setdefault(statement, []).append(Member(f"o{o}", i, 0.9))
    kept = sorted(k for k, v in members.items() if len({m.outlet for m in v}) >= 2)
    group_ids = {statement: n for n, statement in enumerate(kept)}
    for o, column in enumerate(columns):
        sentences, at, text = [], 0, ""
        for i, (statement, words) in enumerate(column):
            group = group_ids.get(statement)
            sentences.append(Sentence(i, 0, words, at, at + len(words),
                                      Status.ALTERED if group is not None else Status.UNIQUE, group))
            text += words + " "
            at += len(words) + 1
        url = urls[o] if urls else None
        outlets.append(Outlet(OutletMeta(f"o{o}", f"Outlet <{o}>", f"o{o}.txt", url=url), text, None, tuple(sentences), ()))
    groups = tuple(Group(group_ids[s], tuple(members[s])) for s in kept)
    return Alignment(tuple(outlets), groups, story_title="A story")


WORDS = st.text(st.sampled_from("abc <>&\"'=+-@\x1b\u202e é"), min_size=1, max_size=20)


@st.composite
def stories(draw, crossing: bool):
    statements = draw(st.integers(1, 8))
    n_outlets = draw(st.integers(1, 4))
    columns = []
    for _ in range(n_outlets):
        order = list(range(statements))
        if crossing:
            order = draw(st.permutations(order))
        # Blocks: a statement's sentences (absent, once, or split in two) stay consecutive, as in the model.
        blocks = [[(statement, draw(WORDS)) for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2])))] for statement in order]
        for _ in range(draw(st.integers(0, 2))):  # unique sentences between blocks
            blocks.insert(draw(st.integers(0, len(blocks))), [(None, draw(WORDS))])
        columns.append([sentence for block in blocks for sentence in block])
    return columns


def every_sentence_once(alignment, rows):
    seen = [(o, i) for row in rows for o, idx in row.cells.items() for i in idx]
    everything = [(o.id, s.index) for o in alignment.outlets for s in o.sentences]
    assert sorted(seen) == sorted(everything)


@settings(max_examples=150, deadline=None)
@given(stories(crossing=False))
def test_rows_keep_every_outlets_order(columns):
    alignment = build(columns)
    rows = collation_rows(alignment)
    every_sentence_once(alignment, rows)
    for outlet in alignment.outlets:
        column = [i for row in rows for i in row.cells.get(outlet.id, ())]
        assert column == sorted(column)  # reads top to bottom in the outlet's own order
    for row in rows:  # a group's row holds exactly its spans
        if row.group is not None:
            group = alignment.groups[row.group]
            assert row.cells == {o: group.of(o) for o in {m.outlet for m in group.members}}


@settings(max_examples=100, deadline=None)
@given(stories(crossing=True))
def test_rows_hold_every_sentence_once_even_when_outlets_reorder(columns):
    alignment = build(columns)
    every_sentence_once(alignment, collation_rows(alignment))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "span", "table", "thead",
           "tbody", "tr", "th", "td", "mark", "a",
           "ul", "li", "q", "br"}  # who took what (edges, evidence, credits): inert text markup


@settings(max_examples=100, deadline=None)
@given(stories(crossing=False), st.lists(st.sampled_from(["javascript:alert(1)", "https://ok.example/a?b=<c>", " data:text/html,x", None]), min_size=4, max_size=4))
def test_html_renders_any_text_as_text(columns, urls):
    alignment = build(columns, urls)
    page = to_html(alignment)
    parser = Tags()
    parser.feed(page)
    assert {tag for tag, _ in parser.tags} <= ALLOWED
    for tag, attrs in parser.tags:
        assert not any(k.startswith("on") for k in attrs)
        if tag == "a":
            assert attrs["href"].startswith("https://")
    text = "".join(parser.text)
    for outlet in alignment.outlets:
        assert printable(outlet.name) in text
        for s in outlet.sentences:
            assert printable(s.text) in text
    assert "\x1b" not in page and "\u202e" not in page


@settings(max_examples=100, deadline=None)
@given(stories(crossing=False))
def test_csv_columns_give_back_every_sentence(columns):
    alignment = build(columns)
    records = list(csv.reader(io.StringIO(to_csv(alignment), newline="")))
    assert records[0] == csv_header(alignment)
    body = records[1:]
    assert [r[0] for r in body] == [str(n) for n in range(1, len(body) + 1)]
    for k, outlet in enumerate(alignment.outlets):
        text_col, status_col, index_col = 2 + 3 * k, 3 + 3 * k, 4 + 3 * k
        indices = [int(i) for r in body for i in r[index_col].split()]
        assert indices == [s.index for s in outlet.sentences]
        for r in body:
            idx = [int(i) for i in r[index_col].split()]
            expected = printable(" ".join(outlet.sentences[i].text for i in idx))
            cell = r[text_col]
            if expected.startswith(("=", "+", "-", "@")):
                assert cell == "'" + expected  # never a spreadsheet formula
            else:
                assert cell == expected
            assert r[status_col] == "+".join(dict.fromkeys(outlet.sentences[i].status for i in idx))
            # Strength columns follow every outlet's three: the JSON's strength, "" for unique.
            strength = r[2 + 3 * len(alignment.outlets) + k]
            members = [alignment.member(outlet.id, i) for i in idx]
            assert strength == "+".join(dict.fromkeys(m.strength for m in members if m is not None))


def test_sample_story_html_marks_changed_words_in_altered_cells(sample_alignment):
    page = to_html(sample_alignment)
    assert page.count("<mark>") > 0
    assert "altered-cell" in page and "unique-cell" in page
    assert "<script" not in page.lower()
    for outlet in sample_alignment.outlets:
        assert f"<th>{outlet.name}</th>" in page


def test_cli_writes_csv_and_html_files(sample_dir, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "story.csv"
    done = subprocess.run([sys.executable, "-m", "retold", "align", str(sample_dir), "--format", "csv", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == ""
    records = list(csv.reader(out.open(newline="", encoding="utf-8")))
    assert records[0][:2] == ["row", "group"] and len(records) > 10
    assert out.read_bytes().count(b"\r\n") == len(records)
    bad = subprocess.run([sys.executable, "-m", "retold", "align", str(sample_dir), "--format", "html", "-o",
                          str(tmp_path / "no-such-dir" / "x.html")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "cannot write" in bad.stderr


class TestPageStem:
    @settings(max_examples=200, deadline=None)
    @given(key=st.text(max_size=200), title=st.none() | st.text(max_size=80))
    def test_a_stem_is_one_plain_file_name(self, key, title):
        from retold.model.share import page_stem

        stem = page_stem(Alignment(outlets=(), groups=(), story_title=title, story_key=key))
        assert stem and len(stem) <= 60 and stem not in (".", "..")
        assert all(c.isalnum() or c in "_.-" for c in stem), stem
        assert "/" not in stem and "\\" not in stem and stem[0] not in ".-"

    def test_the_folder_name_then_the_files_folder_then_the_title(self):
        from retold.model.share import page_stem

        assert page_stem(Alignment((), (), "T", "/x/harbour fire")) == "harbour-fire"
        assert page_stem(Alignment((), (), "T", "/x/fire/a.txt|/x/fire/b.txt")) == "fire"
        assert page_stem(Alignment((), (), "Dam \u202eopens", "")) == "Dam-opens"
