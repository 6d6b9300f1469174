import codecs

import pytest

from retold.model.pipeline import load_alignment
from retold.model.story import InputError, collect_files, decode_bytes

ARTICLE = "A headline for the story here\n\nThe council approved the plan on Monday. It costs 3 million euros.\n"


def test_utf8_with_and_without_bom():
    assert decode_bytes(ARTICLE.encode(), "a")[:2] == (ARTICLE, "utf-8")
    # The mark stays as U+FEFF, so offsets index the file as bytes.decode("utf-8") reads it.
    assert decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode(), "a")[:2] == ("\ufeff" + ARTICLE, "utf-8")


def test_bom_file_offsets_and_headline(tmp_path):
    data = codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode()
    (tmp_path / "a.txt").write_bytes(data)
    [outlet] = load_alignment([str(tmp_path)]).outlets
    assert outlet.title == "A headline for the story here"  # no U+FEFF glued to the headline
    text = data.decode("utf-8")
    assert [text[s.start:s.end] for s in outlet.sentences] == [s.text for s in outlet.sentences]


def test_utf16_with_bom():
    text, encoding, warnings = decode_bytes(ARTICLE.encode("utf-16"), "a")
    assert (text, encoding, warnings) == (ARTICLE, "utf-16", [])


def test_legacy_encoding_falls_back_with_a_named_warning():
    text, encoding, warnings = decode_bytes("Café crème for the mayor.".encode("cp1252"), "old.txt")
    assert text == "Café crème for the mayor." and encoding == "cp1252"
    assert warnings == ["old.txt: not valid UTF-8, decoded as cp1252"]


@pytest.mark.parametrize("data, problem", [(b"", "empty file"), (b"  \n\n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file")])
def test_bad_bytes(data, problem):
    with pytest.raises(InputError, match=problem):
        decode_bytes(data, "x.txt")


def test_manifest_names_outlets(sample_alignment):
    names = {o.id: o.name for o in sample_alignment.outlets}
    assert names["harbour-ledger"] == "The Harbour Ledger"
    assert sample_alignment.story_title == "North Sea power grid deal"


def test_name_from_file_name_without_manifest(tmp_path):
    (tmp_path / "daily_bugle.txt").write_text(ARTICLE)
    alignment = load_alignment([str(tmp_path)])
    assert alignment.outlets[0].name == "Daily Bugle"
    assert alignment.outlets[0].title == "A headline for the story here"


def test_offsets_survive_bom_and_crlf(sample_alignment):
    outlet = sample_alignment.outlet("rundschau-nord")
    for s in outlet.sentences:
        assert " ".join(outlet.text[s.start:s.end].split()) == s.text


def test_html_stdlib_extraction_keeps_chrome_as_removed_lines():
    from retold.model.html import extract_text_stdlib

    text, chrome = extract_text_stdlib(
        "<html><head><title>T</title><script>var x = 1;</script></head><body><nav>Home</nav>"
        "<article><h1>Big headline here now</h1><p>First &amp; only paragraph.</p></article>"
        "<footer>© 2026 Site</footer></body></html>"
    )
    lines = text.rstrip("\n").split("\n\n")
    assert "First & only paragraph." in lines and "var x = 1;" not in text
    marked = {lines[i]: chrome[start] for i in range(len(lines)) if (start := sum(len(x) + 2 for x in lines[:i])) in chrome}
    assert marked == {
        "Home": "page chrome (<nav>)",
        "Big headline here now": "heading",
        "© 2026 Site": "page chrome (<footer>)",
    }


def test_exclamation_headline_is_the_title_not_a_sentence(tmp_path):
    (tmp_path / "blog.html").write_text(
        "<html><head><title>We won the cup! | Blog</title></head><body><div>"
        "<p>The team won the cup on Sunday after a long season.</p></div></body></html>"
    )
    alignment = load_alignment([str(tmp_path)])
    [outlet] = alignment.outlets
    assert outlet.title == "We won the cup!"
    assert [s.text for s in outlet.sentences] == ["The team won the cup on Sunday after a long season."]


def test_a_file_named_twice_is_read_once_and_the_user_told(tmp_path):
    (tmp_path / "a.txt").write_text("The ferry runs all night.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The ferry runs until midnight.\n", encoding="utf-8")
    said = []
    files, _title, _root = collect_files([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "a.txt")], said.append)
    assert sorted(path.name for path, _entry in files) == ["a.txt", "b.txt"]
    assert len(said) == 2 and all("a.txt: given more than once" in line for line in said)
