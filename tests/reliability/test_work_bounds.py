"""Bounds on the work a story can ask for, whatever its bytes (README: "Bad input gets one line"):
at most 200 outlet files in a story, 50,000 lines in an outlet's text, 5,000 sentences in an
outlet and 50,000 in a story. Beyond, the story is refused with one line naming the file or
folder, the count and the limit, exit 2. Before: 4 million one-letter lines (8 MB, under the
size limit) took over 6 minutes in cleaning; 10,000 one-line files did not finish in 25 minutes;
a 1 MB file of 33,000 short sentences took 15 s.

The rule is checked in-process with the limits made small (hypothesis: refused exactly when a
count is above its limit), and once through the CLI with the real limits, each just crossed (a
subprocess timeout is only a hang guard).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model import pipeline, story
from retold.model.pipeline import load_alignment
from retold.model.story import MAX_LINES, MAX_OUTLETS, MAX_SENTENCES, InputError, collect_files, load_raw

ONE = "The council approved the sea wall on Monday after a long debate, the mayor said.\n"
OTHER = "On Monday the council approved the sea wall after a long debate.\n"


def sentences(count: int, tag: str = "") -> str:
    return "".join(f"The {tag}council approved wall number {i} on Monday after a long debate.\n" for i in range(count))


@given(limit=st.integers(2, 40), lines=st.integers(1, 80), trailing=st.booleans())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_an_outlet_is_refused_exactly_when_its_lines_pass_the_limit(tmp_path_factory, monkeypatch, limit, lines, trailing):
    monkeypatch.setattr(story, "MAX_LINES", limit)
    path = tmp_path_factory.mktemp("s") / "a.txt"
    path.write_text("\n".join(["Some words here."] * lines) + ("\n" if trailing else ""))
    counted = lines + (1 if trailing else 0)
    if counted > limit:
        with pytest.raises(InputError) as raised:
            load_raw(path, {})
        assert str(path) in str(raised.value) and f"{counted:,}" in str(raised.value) and "\n" not in str(raised.value)
    else:
        load_raw(path, {})


@given(limit=st.integers(1, 12), files=st.integers(1, 20))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_story_is_refused_exactly_when_its_files_pass_the_limit(tmp_path_factory, monkeypatch, limit, files):
    monkeypatch.setattr(story, "MAX_OUTLETS", limit)
    folder = tmp_path_factory.mktemp("s")
    for number in range(files):
        (folder / f"o{number}.txt").write_text(ONE)
    if files > limit:
        with pytest.raises(InputError) as raised:
            collect_files([str(folder)])
        assert str(folder) in str(raised.value) and f"{files:,} article files" in str(raised.value)
    else:
        assert len(collect_files([str(folder)])[0]) == files


@given(limit=st.integers(1, 8), counts=st.lists(st.integers(1, 8), min_size=1, max_size=3), story_limit=st.integers(2, 20))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_sentences_are_refused_exactly_past_an_outlets_or_the_storys_limit(tmp_path_factory, monkeypatch, limit, counts, story_limit):
    monkeypatch.setattr(pipeline, "MAX_SENTENCES", limit)
    monkeypatch.setattr(pipeline, "MAX_STORY_SENTENCES", story_limit)
    folder = tmp_path_factory.mktemp("s")
    for number, count in enumerate(counts):
        (folder / f"o{number}.txt").write_text(sentences(count, tag=f"{number} "))
    try:
        alignment = load_alignment([str(folder)], semantic=False)
    except InputError as exc:
        message = str(exc)
        assert max(counts) > limit or sum(counts) > story_limit
        assert "too many sentences" in message and "\n" not in message
        return
    assert [len(o.sentences) for o in alignment.outlets] == counts  # one sentence a line
    assert max(counts) <= limit and sum(counts) <= story_limit


def align(folder, timeout=180):
    return subprocess.run([sys.executable, "-m", "retold", "align", str(folder), "--no-semantic", "--no-cache"],
                          capture_output=True, text=True, timeout=timeout, env=dict(os.environ), errors="replace")


def assert_refused(done, where: str, *words: str) -> None:
    assert done.returncode == 2, done.stderr[-500:]
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and where in lines[0] and all(w in lines[0] for w in words), lines


def test_the_cli_refuses_each_bound_just_crossed(tmp_path):
    lines = tmp_path / "lines"
    lines.mkdir()
    (lines / "a.txt").write_text(ONE + "a\n" * MAX_LINES)
    (lines / "b.txt").write_text(OTHER)
    assert_refused(align(lines), str(lines / "a.txt"), "too many lines", f"{MAX_LINES + 2:,}", f"{MAX_LINES:,}")

    outlets = tmp_path / "outlets"
    outlets.mkdir()
    for number in range(MAX_OUTLETS + 1):
        (outlets / f"o{number:04d}.txt").write_text(ONE)
    assert_refused(align(outlets), str(outlets), f"{MAX_OUTLETS + 1:,} article files", f"at most {MAX_OUTLETS} outlets")

    long = tmp_path / "long"
    long.mkdir()
    (long / "a.txt").write_text(sentences(MAX_SENTENCES + 1))
    (long / "b.txt").write_text(OTHER)
    assert_refused(align(long), str(long / "a.txt"), "too many sentences", f"{MAX_SENTENCES + 1:,}", f"{MAX_SENTENCES:,}")


def test_lone_carriage_returns_count_as_lines(tmp_path):
    """The cleaner breaks lines at "\\r" too: a file of lone "\\r" breaks is held to the same bound."""
    import pytest

    from retold.model.story import MAX_LINES, InputError, load_raw

    page = tmp_path / "cr.txt"
    page.write_bytes(b"x\r" * (MAX_LINES + 10))
    with pytest.raises(InputError, match="too many lines"):
        load_raw(page, {})
