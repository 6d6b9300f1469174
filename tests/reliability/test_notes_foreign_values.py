"""A notes database whose rows hold values of other types than retold writes (SQLite keeps any
value in any column: another program, a hand edit, a damaged page that still reads) is read,
never a crash: before, one row with a text in `start` made `notes list`, both exports, the HTML
page with notes and the reader fail with a traceback (TypeError: slice indices must be
integers), and a story stored as bytes did the same in Path().

Invariant (hypothesis over every column and value kind: NULL where allowed, integers at the
ends of SQLite's range, floats, text, bytes that are not UTF-8): every notes command and the
page with notes exit 0, print every note (none is lost), and nothing they print holds a
control or bidirectional character; no note's text changes.
"""

from __future__ import annotations

import re
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.cli import main
from retold.notes.store import NoteStore

UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
COLUMNS = ["story", "source", "outlet_name", "exact", "prefix", "suffix", "start", "end", "text_hash", "body",
           "draft", "created", "updated", "version", "story_id"]
NOT_NULL = {"story", "exact", "prefix", "suffix", "start", "end", "body", "draft", "created", "updated", "version"}
ARTICLE = "Sea wall approved\n\nThe council approved the sea wall on Monday. Work starts in May, the mayor said.\n"
OTHER = "Harbour wall passes\n\nOn Monday the council approved the sea wall. Building starts in May.\n"

anything = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1), st.floats(allow_nan=False),
    st.text(max_size=40), st.binary(max_size=40),
    st.sampled_from(["\x1b]0;t\x07", "\u202e", "[bold]x[/bold]", "/etc/passwd", "a.txt", "", "0", "1e9"]),
)


def run(args, capsys) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@given(rows=st.lists(st.fixed_dictionaries({}, optional={c: anything if c in NOT_NULL else st.none() | anything
                                                        for c in COLUMNS}), min_size=1, max_size=4),
       on_story=st.lists(st.booleans(), min_size=4, max_size=4))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_value_in_any_column_is_read_listed_and_exported_inertly(tmp_path_factory, monkeypatch, capsys, rows, on_story):
    data, cache = tmp_path_factory.mktemp("data"), tmp_path_factory.mktemp("cache")
    story = tmp_path_factory.mktemp("story")
    (story / "a.txt").write_text(ARTICLE)
    (story / "b.txt").write_text(OTHER)
    monkeypatch.setenv("RETOLD_DATA_DIR", str(data))
    monkeypatch.setenv("RETOLD_CACHE_DIR", str(cache))
    NoteStore.open(data).close()
    db = sqlite3.connect(data / "notes.db")
    for row, here in zip(rows, on_story):
        values = {"story": str(story) if here else "x", "body": "a note", "created": "", "updated": ""} | row
        if here and "story" in row and isinstance(row["story"], str):
            values["story"] = str(story)
        names = ", ".join(f'"{name}"' for name in values)
        db.execute(f"INSERT INTO notes ({names}) VALUES ({', '.join('?' * len(values))})", list(values.values()))
    db.commit()
    before = db.execute("SELECT id, body FROM notes ORDER BY id").fetchall()
    ids = [r[0] for r in db.execute("SELECT id FROM notes")]
    db.close()
    for args in (["notes", "list"], ["notes", "list", str(story)], ["notes", "export"], ["notes", "export", "--format", "json"],
                 ["notes", "export", str(story), "--format", "json"], ["notes", "doctor"],
                 ["align", str(story), "--format", "html", "--with-notes", "--no-semantic"]):
        code, out, err = run(args, capsys)
        assert code == 0, (args, err)
        assert not UNSAFE.search(out.replace("\n", "")), (args, repr(UNSAFE.search(out.replace("\n", "")).group()))
        assert not UNSAFE.search(err.replace("\n", "")), args
        if args == ["notes", "list"]:
            assert all(f"#{note_id} " in out for note_id in ids), out
    db = sqlite3.connect(data / "notes.db")
    assert db.execute("SELECT id, body FROM notes ORDER BY id").fetchall() == before  # (refiling may update keys)
    db.close()
