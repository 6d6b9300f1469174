"""Issue 11, "Hangs and crashes on input" (12–15): size limits, non-files, wrong types in
story.toml, unreadable files, huge character references, a non-UTF-8 terminal, encodings.

Each case builds its hostile input in a temporary folder and runs `retold align` in a child
process (a hang is a failure: every run has a timeout): the answer is one line naming the file
and the problem, a non-zero exit where the story cannot be read, and never a traceback.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.story import MAX_TEXT_BYTES, InputError, decode_bytes

ARTICLE = (
    "Harbour council approves the new sea wall\n\n"
    "The council approved the sea wall on Monday after a long debate. It will cost 3 million euros.\n\n"
    "Work starts in May, the mayor said.\n"
)
OTHER = (
    "Sea wall approved by the harbour council\n\n"
    "On Monday the council approved the sea wall after a long debate. The cost is 3 million euros.\n\n"
    "Building starts in May.\n"
)


def align(*paths, env_extra=None, timeout=60):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "retold", "align", *map(str, paths)],
        capture_output=True, text=True, timeout=timeout, env=env, errors="replace",
    )


def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def assert_clear_failure(result, *words):
    assert result.returncode != 0, result.stdout[-300:]
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("retold: error:")]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def assert_ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr


# ---------------------------------------------------------------- 12: size limit

def test_file_above_the_size_limit_is_refused_by_name(tmp_path):
    folder = story(tmp_path)
    big = folder / "huge.txt"
    with open(big, "wb") as handle:  # sparse: no disk needed for the bytes
        handle.truncate(MAX_TEXT_BYTES + 1)
    assert_clear_failure(align(folder), "huge.txt", "too large", "10.0 MB")


def test_read_stops_at_the_limit(tmp_path):
    from retold.model.story import read_regular_file

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match=r"big\.txt: too large \(0\.0 MB; the limit is 0\.0 MB\)"):
        read_regular_file(path, 1000)
    assert read_regular_file(path, 2000) == b"a" * 2000


# ---------------------------------------------------------------- 13: non-files

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_in_the_story_folder_is_skipped_not_waited_for(tmp_path):
    folder = story(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    result = align(folder, timeout=60)  # reading the FIFO would wait forever for a writer
    assert_ok(result)
    assert "pipe.txt: skipped (a FIFO, not a regular file)" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_named_on_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert_clear_failure(align(tmp_path / "pipe.txt"), "pipe.txt", "not a regular file (a FIFO)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_link_to_dev_zero_is_refused_without_reading(tmp_path):
    folder = story(tmp_path)
    (folder / "zero.txt").symlink_to("/dev/zero")
    result = align(folder)
    assert_ok(result)
    assert "zero.txt: skipped (a device, not a regular file)" in result.stderr
    assert_clear_failure(align(folder / "zero.txt"), "zero.txt", "not a regular file (a device)")


def test_link_to_a_regular_file_still_loads(tmp_path):
    folder = story(tmp_path)
    (folder / "b.txt").rename(tmp_path / "elsewhere.txt")
    (folder / "b.txt").symlink_to(tmp_path / "elsewhere.txt")
    assert_ok(align(folder))


# ---------------------------------------------------------------- 14: tracebacks

@pytest.mark.parametrize(
    "manifest, words",
    [
        ('[story]\ntitle = 42\n', ["story.toml", "[story]", "'title' must be a string, not a number"]),
        ('story = "x"\n', ["story.toml", "'story' must be a table"]),
        ('[[outlet]]\nfile = "a.txt"\nname = 7\n', ["story.toml", "[[outlet]] 1", "'name' must be a string"]),
        ('[[outlet]]\nfile = "a.txt"\nlanguage = 7\n', ["'language' must be a string"]),
        ('[[outlet]]\nfile = 5\n', ["'file' must be a string"]),
        ('[[outlet]]\nfile = "a.txt"\ntitle = ["x"]\n', ["'title' must be a string, not a list"]),
        ('[[outlet]]\nfile = "a.txt"\npublished = true\n', ["'published' must be a string or a date"]),
        ('outlet = "a.txt"\n', ["'outlet' must be a list of tables"]),
        ('[story\n', ["story.toml", "not valid TOML"]),
        (b'[story]\ntitle = "\xff"\n', ["story.toml", "not UTF-8"]),
    ],
)
def test_story_toml_with_wrong_types_gets_one_clear_line(tmp_path, manifest, words):
    folder = story(tmp_path)
    data = manifest if isinstance(manifest, bytes) else manifest.encode()
    (folder / "story.toml").write_bytes(data)
    assert_clear_failure(align(folder), *words)


def test_story_toml_dates_are_accepted(tmp_path):
    folder = story(tmp_path)
    (folder / "story.toml").write_text('[[outlet]]\nfile = "a.txt"\npublished = 2026-03-03T09:14:00Z\n')
    assert_ok(align(folder))


def test_unreadable_story_toml(tmp_path, monkeypatch):
    from retold.model import story as story_module
    from retold.model.pipeline import load_alignment

    folder = story(tmp_path)
    (folder / "story.toml").write_text('[story]\ntitle = "x"\n')
    real_open = os.open

    def denied(path, *args, **kwargs):  # tests may run as root, which ignores file modes
        if str(path).endswith("story.toml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(story_module.os, "open", denied)
    with pytest.raises(InputError, match=r"story\.toml: cannot read \(Permission denied\)"):
        load_alignment([str(folder)])


def test_html_with_a_charref_of_5000_digits(tmp_path):
    folder = story(tmp_path)
    (folder / "c.html").write_text(
        "<html><body><article><h1>Harbour council approves the new sea wall</h1>"
        f"<p>The council approved the sea wall on Monday &#{'9' * 5000}; after a long debate.</p>"
        "<p>Work starts in May, the mayor said.</p></article></body></html>"
    )
    assert_ok(align(folder))


def test_stdout_that_is_not_utf8(tmp_path):
    folder = story(tmp_path)
    (folder / "a.txt").write_text(ARTICLE.replace("mayor", "maire «Bérénice» 😀"), encoding="utf-8")
    (folder / "story.toml").write_text('[[outlet]]\nfile = "b.txt"\nname = "Ça Va Presse ✓"\n', encoding="utf-8")
    for fmt in ("text", "json"):
        result = subprocess.run(
            [sys.executable, "-m", "retold", "align", str(folder), "--format", fmt],
            capture_output=True, timeout=60, env=dict(os.environ, PYTHONIOENCODING="ascii"),
        )
        assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
        result.stdout.decode("ascii")  # every byte ASCII
    import json

    assert "Ça Va Presse ✓" in json.loads(result.stdout)["outlets"][0]["name"] + json.loads(result.stdout)["outlets"][1]["name"]
    notice = subprocess.run(
        [sys.executable, "-m", "retold", "align", str(folder / "missing-é.txt")],
        capture_output=True, timeout=60, env=dict(os.environ, PYTHONIOENCODING="ascii"),
    )
    assert notice.returncode == 2 and b"Traceback" not in notice.stderr and b"missing-" in notice.stderr


def test_undecodable_file_name_does_not_crash_the_report(tmp_path):
    folder = story(tmp_path)
    name = os.fsencode(str(folder)) + b"/c\xff\xfe.txt"
    with open(name, "wb") as handle:
        handle.write(OTHER.encode())
    for fmt in ("text", "json"):
        result = subprocess.run([sys.executable, "-m", "retold", "align", str(folder), "--format", fmt],
                                capture_output=True, timeout=60)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr


# ---------------------------------------------------------------- 15: encodings

TEXT = "The council approved the sea wall on Monday after a long debate. Work starts in May.\n" * 3


def test_utf16_without_bom_is_text_and_says_so():
    for codec in ("utf-16-le", "utf-16-be"):
        text, encoding, warnings = decode_bytes(TEXT.encode(codec), "a.txt")
        assert text == TEXT and encoding.replace("_", "-") == codec
        assert warnings == [f"a.txt: {codec.upper()} text without a byte-order mark"]


def test_bom_followed_by_binary_is_refused():
    junk = bytes(range(128, 256)) * 8
    with pytest.raises(InputError, match="UTF-8 byte-order mark but is not UTF-8 text"):
        decode_bytes(codecs.BOM_UTF8 + junk, "a.txt")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(codecs.BOM_UTF8 + b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50, "a.txt")


def test_other_scripts_are_detected_and_named():
    for sample, codec in [
        ("Министр сказал, что сделка подписана во вторник вечером в столице. ", "cp1251"),
        ("Ο υπουργός είπε ότι η συμφωνία υπεγράφη την Τρίτη το βράδυ. ", "cp1253"),
    ]:
        text, encoding, warnings = decode_bytes((sample * 3).encode(codec), "a.txt")
        assert text == sample * 3 and encoding == codec
        assert warnings == [f"a.txt: not valid UTF-8, decoded as {codec}"]


_LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,éèàçüöäßñÉ", min_size=20, max_size=200)


@settings(max_examples=100, deadline=None)
@given(_LATIN.filter(lambda t: any(ord(c) > 127 for c in t)))
def test_latin_text_in_windows_1252_reads_back_unchanged(text):
    decoded, encoding, warnings = decode_bytes(text.encode("cp1252"), "old.txt")
    assert (decoded, encoding) == (text, "cp1252")
    assert warnings == ["old.txt: not valid UTF-8, decoded as cp1252"]


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_any_bytes_decode_or_say_why(data):
    try:
        text, encoding, warnings = decode_bytes(data, "x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
    else:
        assert text.strip() and isinstance(encoding, str)
