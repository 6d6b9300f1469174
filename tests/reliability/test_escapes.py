"""Issue 11, "Escape codes and markup reaching the terminal or a document" (9–10).

One sanitiser (`retold.model.safe.printable`) on every path to a terminal: every C0/C1
control and every ESC/CSI/OSC sequence is fed through the CLI's notices and errors, the align
report, its JSON, the notes list and exports, and the reader's toasts. Markdown export is
parsed with a CommonMark parser to check that note text never becomes structure.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from retold.model.safe import json_inert, printable, printable_lines
from retold.notes.anchor import Anchor
from retold.notes.export import md_text, to_json, to_markdown
from retold.notes.service import PlacedNote
from retold.notes.store import Note

CONTROLS = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]]
BIDI = ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\u2028", "\u2029"]
SEQUENCES = [
    "\x1b]0;pwned title\x07",  # OSC: window title
    "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[2J\x1b[H",  # CSI: clear screen
    "\x1b[31mred\x1b[0m",
    "\x9b31m",  # 8-bit CSI
    "\x9d0;t\x9c",  # 8-bit OSC ... ST
    "\x1bP+q\x1b\\",  # DCS
    "\x1b7\x1b8\x1bc",  # save/restore cursor, full reset
]
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def assert_inert(text: str, allow_newlines: bool = False) -> None:
    checked = text.replace("\n", "") if allow_newlines else text
    assert not UNSAFE.search(checked), repr(UNSAFE.search(checked).group())


# ---------------------------------------------------------------- the sanitiser itself

def test_every_control_and_bidi_character_is_replaced():
    for ch in CONTROLS + BIDI + ["\ud800", "\udcff"]:
        out = printable(f"a{ch}b")
        assert_inert(out)
        assert out.startswith("a") and out.endswith("b") and len(out) == 3  # one visible stand-in each
    assert printable("\x1b") == "␛" and printable("\x07") == "␇" and printable("\t") == " "


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CONTROLS + BIDI + SEQUENCES + ["\t", "[bold]", "\ud800"]), st.text(max_size=5))))
def test_printable_leaves_nothing_a_terminal_acts_on(parts):
    text = "".join(parts)
    out = printable(text)
    assert_inert(out)
    assert len(out) == len(text)  # no character dropped: what was there stays visible
    assert printable(out) == out
    lines = printable_lines(text)
    assert_inert(lines, allow_newlines=True) and lines.count("\n") == text.count("\n")


@settings(max_examples=200, deadline=None)
@given(st.text(), st.booleans())
def test_json_inert_keeps_the_value_and_drops_every_unsafe_character(text, ascii_only):
    raw = json.dumps({"name": text, "list": [text, 1]}, ensure_ascii=False, indent=2)
    out = json_inert(raw, ascii_only=ascii_only)
    assert json.loads(out) == json.loads(raw)
    assert_inert(out, allow_newlines=True)
    if ascii_only:
        out.encode("ascii")


# ---------------------------------------------------------------- every CLI path

ARTICLE = "Harbour council approves the new sea wall\n\nThe council approved the sea wall on Monday after a long debate.\n"
OTHER = "Sea wall approved by the harbour council\n\nOn Monday the council approved the sea wall after a long debate.\n"
HOSTILE_NAMES = ["\x1b]0;title\x07a", "\x1b]52;c;Zm9v\x07b", "c\x9b2J", "d\u202etxt.exe"]


def run(*args, data_dir: Path):
    env = dict(os.environ, RETOLD_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-m", "retold", *map(str, args)], capture_output=True, timeout=120, env=env)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


@pytest.fixture()
def hostile_story(tmp_path):
    folder = tmp_path / "story \x1b[31m"
    folder.mkdir()
    for n, name in enumerate(HOSTILE_NAMES):
        (folder / f"{name}.txt").write_text(ARTICLE if n % 2 else OTHER, encoding="utf-8")
    (folder / "\x1b]0;skipped\x07.bin").write_bytes(b"x")
    (folder / "story.toml").write_text(
        '[story]\ntitle = "Title \\u001b]0;t\\u0007 [bold]x[/bold]"\n'
        f'[[outlet]]\nfile = "{HOSTILE_NAMES[0]}.txt"\nname = "Outlet \\u001b[2J \\u009b31m [red]n[/red]"\n'.replace("\x1b", "\\u001b").replace("\x07", "\\u0007"),
        encoding="utf-8",
    )
    return folder


def test_align_text_json_and_notices_carry_no_escape(hostile_story, tmp_path):
    for fmt in ("text", "json"):
        code, out, err = run("align", hostile_story, "--format", fmt, data_dir=tmp_path / "data")
        assert code == 0, err
        assert_inert(out, allow_newlines=True)
        assert_inert(err, allow_newlines=True)
        assert "skipped" in err  # the .bin notice, its name made visible
    assert "␛]0;title␇a.txt" in out or "\\u001b]0;title\\u0007a.txt" in out


def test_errors_name_hostile_paths_inertly(tmp_path):
    code, out, err = run("align", tmp_path / "\x1b]0;missing\x07.txt", data_dir=tmp_path / "data")
    assert code == 2 and "␛]0;missing␇.txt: no such file or directory" in err
    assert_inert(err, allow_newlines=True)
    code, out, err = run("align", "--format", "\x1b]0;x\x07", data_dir=tmp_path / "data")
    assert code == 2
    assert_inert(err, allow_newlines=True)


def test_notes_list_and_exports_carry_no_escape(hostile_story, tmp_path):
    data = tmp_path / "data"
    body = "# Heading\n" + "".join(SEQUENCES) + "\n```\n<script>alert(1)</script> [x](javascript:alert(1))"
    code, out, err = run("notes", "add", hostile_story, "--outlet", HOSTILE_NAMES[1] + ".txt", "--quote", "council",
                         "--text", body.replace("\x00", ""), data_dir=data)
    assert code == 0, err
    assert_inert(out, allow_newlines=True) and assert_inert(err, allow_newlines=True)
    for args in (["notes", "list"], ["notes", "export"], ["notes", "export", "--format", "json"], ["notes", "doctor"]):
        code, out, err = run(*args, data_dir=data)
        assert code == 0, (args, err)
        assert_inert(out, allow_newlines=True)
        assert_inert(err, allow_newlines=True)
        assert "Traceback" not in err


# ---------------------------------------------------------------- Markdown export: inert structure

def placed(body: str, outlet_name: str = "Outlet", quote: str = "A quoted sentence.", on_story: bool = False) -> PlacedNote:
    note = Note(
        id=1, story="/stories/x", source=None if on_story else "/stories/x/a.txt", outlet_name=outlet_name,
        exact=quote, prefix="", suffix="", start=0, end=len(quote), text_hash=None, body=body, draft=False,
        created="2026-03-05T14:10:00+00:00", updated="2026-03-06T09:00:00+00:00",
    )
    return PlacedNote(note, Anchor("story" if on_story else "detached", None), None)


STRUCTURE = st.sampled_from([
    "# ", "## ", "```", "~~~", "    ", "> ", "- ", "* ", "+ ", "1. ", "2) ", "---", "===", "***", "___", "| a | b |",
    "|---|---|", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<!-- ", "-->", "[x](javascript:alert(1))",
    "![i](http://evil.example/p.png)", "<http://evil.example>", "https://evil.example", "`code`", "*em*", "**strong**",
    "_u_", "~~s~~", "&lt;", "&#60;", "\\", "[ref]: http://evil.example", "[ref]", "\n", "\n\n", " ", "\t", "\x1b]0;t\x07",
    "\x9b31m", "\u202e", "word", "Text.",
])


def parse(markdown: str):
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = []
    for token in md.parse(markdown):
        tokens.append(token)
        tokens.extend(token.children or [])
    return tokens


@settings(max_examples=150, deadline=None)
@given(st.lists(STRUCTURE, min_size=1, max_size=25), st.lists(STRUCTURE, max_size=8), st.lists(STRUCTURE, max_size=8))
def test_markdown_export_is_inert_whatever_the_note_says(body_parts, name_parts, quote_parts):
    body, name, quote = "".join(body_parts), "".join(name_parts) or "?", "".join(quote_parts) or "q"
    doc = to_markdown([("/stories/x", "A story", [placed(body, on_story=True), placed(body, name, quote)])])
    assert_inert(doc, allow_newlines=True)
    tokens = parse(doc)
    kinds = [t.type for t in tokens]
    for forbidden in ("html_block", "html_inline", "link_open", "image", "fence", "code_block", "code_inline",
                      "hr", "table_open", "s_open", "bullet_list_open", "ordered_list_open"):
        assert forbidden not in kinds, (forbidden, doc)
    # Only our own structure: the story title and two sections; one emphasised date line per
    # note; the detached note's outlet in bold; one quote.
    assert kinds.count("heading_open") == 3, doc
    assert kinds.count("em_open") == 2 and kinds.count("strong_open") == 1, doc
    assert kinds.count("blockquote_open") == 1, doc
    # And the note says what it said: every word of it is in the rendered text.
    rendered = " ".join(t.content for t in tokens if t.type == "text")
    for word in printable_lines(body).split():
        assert word in rendered, (word, doc)


def test_markdown_export_carries_dates_and_outlet_names():
    doc = to_markdown([("/stories/x", "A story", [placed("On the story.", on_story=True), placed("A note.", "Meridian Press")])])
    assert "noted 2026-03-05 14:10 UTC, edited 2026-03-06 09:00 UTC" in doc
    assert "**Meridian Press**" in doc


def test_json_export_escapes_what_json_leaves_raw():
    out = to_json([("/stories/x", "A story", [placed("a\x9b31m \u202e b", "Name\x1b]0;t\x07")])])
    assert_inert(out, allow_newlines=True)
    assert json.loads(out)[0]["body"]["value"] == "a\x9b31m \u202e b"


def test_md_text_keeps_plain_prose_readable():
    assert md_text("The mayor's plan, 2026-03-03: approved.") == "The mayor's plan, 2026-03-03: approved."


# ---------------------------------------------------------------- the reader's toasts

def test_reader_toasts_show_outlet_names_and_paths_literally(tmp_path, monkeypatch):
    from tests.tui.helpers import drive, make_app

    data = tmp_path / "data [bold]x [@click=app.quit]y \x1b]0;t\x07"
    data.mkdir()
    (data / "notes.db").write_bytes(b"garbage" * 200)  # damaged: the toast names where it went
    monkeypatch.setenv("RETOLD_DATA_DIR", str(data))
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(ARTICLE)
    (story / "b.txt").write_text(OTHER)

    async def script(pilot, screen):
        await pilot.pause()
        return list(pilot.app._notifications)

    notifications = drive(make_app([story]), script)
    moved = [n for n in notifications if "moved to" in n.message]
    assert moved and all(not n.markup for n in moved)  # "[bold]" shown as typed, not as style
