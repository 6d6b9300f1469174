"""Saved pages that ask for unbounded work (README: the size limits and bounds).

(1) The blocks the extractor left out are put back in page order by matching each block of the
page against the kept lines still to come: with one block repeated, the search for its next
number was a scan from the start each time (2.4 MB of 270,000 "<p>x</p>" ran over 5 minutes);
now a bisection. Checked against the scan it replaced (hypothesis, same output) and under a
hang guard on 300,000 repeats (no timing assertion).
(2) A page of more than 200,000 tags ('<') is refused before any parse, one line naming the
file, exit 2 (before: 2.7 million paragraphs, 24 MB, took 6 GB and over 5 minutes).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model import story
from retold.model.html import _BlockText, _with_dropped_lines
from retold.model.story import MAX_ATTRIBUTES, MAX_HTML_TAGS, InputError, load_raw


def scanned(markup: str, kept: list[str], headline: str | None = None) -> tuple[list[str], set[int]]:
    """The placement as it was: the first number of a block from next_kept on, by a scan."""
    parser = _BlockText()
    parser.feed(markup)
    parser.close()
    wanted: dict[str, list[int]] = {}
    for number, line in enumerate(kept):
        wanted.setdefault(" ".join(line.split()), []).append(number)
    result, dropped, next_kept = [], set(), 0
    headline = " ".join(headline.split()) if headline else None
    for block, _element in parser.blocks:
        if block == headline:
            continue
        at = next((n for n in wanted.get(block, ()) if n >= next_kept), None)
        if at is None:
            dropped.add(len(result))
            result.append(block)
            continue
        result.extend(kept[next_kept:at + 1])
        next_kept = at + 1
    result.extend(kept[next_kept:])
    return result, dropped


words = st.sampled_from(["Alpha said.", "Beta.", "Gamma rose", "Alpha said.", "Delta"])


@given(blocks=st.lists(words, max_size=30), kept=st.lists(words, max_size=30), headline=st.none() | words)
@settings(max_examples=300, deadline=None)
def test_putting_dropped_blocks_back_is_the_scan_it_replaced(blocks, kept, headline):
    markup = "<html><body>" + "".join(f"<p>{b}</p>" for b in blocks) + "</body></html>"
    assert _with_dropped_lines(markup, kept, headline) == scanned(markup, kept, headline)


def test_a_block_repeated_300000_times_is_put_back_without_a_scan_each():
    markup = "<html><body>" + "<p>x</p>\n" * 300_000 + "</body></html>"
    kept = ["x"] * 300_000
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(value=_with_dropped_lines(markup, kept)), daemon=True)
    worker.start()
    worker.join(120)  # a hang guard: the scan took some 45,000,000,000 steps here (20,000 repeats: 3 s)
    assert not worker.is_alive(), "placing 300,000 repeated blocks did not finish"
    assert outcome["value"] == (kept, set())


@given(limit=st.integers(1, 30), tags=st.integers(0, 60))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_page_is_refused_exactly_when_its_tags_pass_the_limit(tmp_path_factory, monkeypatch, limit, tags):
    monkeypatch.setattr(story, "MAX_HTML_TAGS", limit)
    path = tmp_path_factory.mktemp("page") / "page.html"
    page = "<article>" + "<p>The council approved the sea wall on Monday.</p>" * max(1, (tags - 2) // 2) + "</article>"
    page = (page + " a<b" * max(0, tags - page.count("<")))  # '<' in text counts too
    path.write_text(page)
    if page.count("<") > limit:
        with pytest.raises(InputError) as raised:
            load_raw(path, {})
        assert str(path) in str(raised.value) and f"{page.count('<'):,} tags" in str(raised.value)
    else:
        load_raw(path, {})


def test_the_cli_refuses_a_page_just_past_the_tag_limit(tmp_path):
    (tmp_path / "other.txt").write_text("The council approved the sea wall on Monday after a long debate.\n")
    page = "<html><body>" + "<p>The council approved the sea wall.</p>\n" * (MAX_HTML_TAGS // 2) + "</body></html>"
    (tmp_path / "page.html").write_text(page)
    done = subprocess.run([sys.executable, "-m", "retold", "align", str(tmp_path), "--no-semantic", "--no-cache"],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert done.returncode == 2, done.stderr[-300:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(tmp_path / "page.html") in lines[0] and "too much markup" in lines[0], lines
    assert f"{page.count('<'):,} tags" in lines[0] and f"{MAX_HTML_TAGS:,}" in lines[0]


@given(limit=st.integers(2, 40), attributes=st.integers(0, 80), quoted=st.lists(st.sampled_from(
    ["", "a b c", "it's", "x=y z", "data:AAAA", "a > b", "x='y' > z w"]), min_size=1, max_size=4))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_page_is_refused_exactly_when_one_elements_attributes_pass_the_limit(tmp_path_factory, monkeypatch,
                                                                              limit, attributes, quoted):
    """(3) One element of more than 1,000 attributes (before: 100,000 of them, 1.6 MB, took 57 s
    in the parsers; 1,000,000 over 5 minutes): quoted values, spaces and all, are one attribute,
    and a '>' inside one does not end the tag (it did: the attributes after it went uncounted)."""
    monkeypatch.setattr(story, "MAX_ATTRIBUTES", limit)
    path = tmp_path_factory.mktemp("page") / "page.html"
    values = [f'v{i}="{quoted[i % len(quoted)]}"' if i % 3 else f"a{i}" for i in range(attributes)]
    path.write_text("<article><p " + " ".join(values) + ">The council approved the sea wall on Monday.</p></article>")
    if attributes > limit:
        with pytest.raises(InputError) as raised:
            load_raw(path, {})
        assert str(path) in str(raised.value) and f"{attributes:,} attributes" in str(raised.value)
    else:
        load_raw(path, {})


def test_the_cli_refuses_an_element_just_past_the_attribute_limit(tmp_path):
    (tmp_path / "other.txt").write_text("The council approved the sea wall on Monday after a long debate.\n")
    attributes = " ".join(f"a{i}='{i}'" for i in range(MAX_ATTRIBUTES + 1))
    (tmp_path / "page.html").write_text(f"<html><body><article><p {attributes}>The council approved the sea wall.</p>"
                                        "</article></body></html>")
    done = subprocess.run([sys.executable, "-m", "retold", "align", str(tmp_path), "--no-semantic", "--no-cache"],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert done.returncode == 2, done.stderr[-300:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(tmp_path / "page.html") in lines[0], lines
    assert f"{MAX_ATTRIBUTES + 1:,} attributes" in lines[0] and f"{MAX_ATTRIBUTES:,}" in lines[0]


@given(words=st.integers(1_100, 3_000), where=st.sampled_from(["script", "style", "comment"]))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_scripts_or_comments_words_are_not_attributes(tmp_path_factory, words, where):
    """Real pages carry long scripts ("for (i = 0; i<n; i++) {...}" reads as the start of a tag
    'n') and long comments: their words are not one element's attributes. Before, 33 of
    trafilatura's 1,033 evaluation pages counted over 300 "attributes" this way and 8 were
    refused as "not an article page"; now none counts over 38."""
    body = " ".join(f"w{i} = t{i};" for i in range(words))
    hidden = {"script": f"<script>for (i = 0; i<n; i++) {{ {body} }}</script>",
              "style": f"<style>p<b {{ {body} }}</style>",
              "comment": f"<!-- <note {body} -->"}[where]
    path = tmp_path_factory.mktemp("page") / "page.html"
    path.write_text(f"<html><head>{hidden}</head><body><article><p>The council approved the sea wall on Monday "
                    "after a long debate about the cost.</p></article></body></html>")
    load_raw(path, {})
