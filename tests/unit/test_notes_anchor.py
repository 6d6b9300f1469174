"""Notes survive edits of the article files; what cannot be placed is detached, never lost."""

import json

from retold.cli import main
from retold.model.pipeline import load_alignment
from retold.notes.service import StoryNotes
from retold.notes.store import NoteStore

WIRE = (
    "Harbour council backs new sea wall plan for the old town\n\n"
    "The harbour council voted on Monday to build a sea wall around the old town.\n\n"
    "The wall will cost 12 million euros and take three years to build, officials said.\n\n"
    "\"This wall is the decisive defence of our town,\" said mayor Anna Berg.\n\n"
    "Fishermen asked for a gap that lets their boats through at low tide.\n"
)


def story(tmp_path, text=WIRE):
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    (folder / "wire.txt").write_text(text, encoding="utf-8")
    (folder / "other.txt").write_text(
        "Town to get sea wall\n\nThe council voted to build a sea wall around the old town on Monday.\n", encoding="utf-8"
    )
    return folder


def note_on(tmp_path, folder, fragment, body="my note"):
    alignment = load_alignment([str(folder)])
    notes = StoryNotes(NoteStore.open(tmp_path / "data"), alignment)
    outlet = alignment.outlet("wire")
    index = next(s.index for s in outlet.sentences if fragment in s.text)
    notes.save_on_sentence("wire", index, body)
    return outlet.sentences[index].text


def placed_after(tmp_path, folder):
    alignment = load_alignment([str(folder)])
    notes = StoryNotes(NoteStore.open(tmp_path / "data"), alignment)
    [placed] = notes.placed
    return placed


def test_save_and_reopen(tmp_path):
    folder = story(tmp_path)
    quote = note_on(tmp_path, folder, "decisive defence")
    placed = placed_after(tmp_path, folder)
    assert placed.anchor.how == "exact" and placed.quote == quote and placed.note.body == "my note"


def test_paragraph_inserted_above(tmp_path):
    folder = story(tmp_path)
    quote = note_on(tmp_path, folder, "decisive defence")
    edited = WIRE.replace("The harbour council voted", "A storm flooded the quay last winter.\n\nThe harbour council voted")
    (folder / "wire.txt").write_text(edited, encoding="utf-8")
    placed = placed_after(tmp_path, folder)
    assert placed.anchor.how == "exact" and placed.quote == quote


def test_two_words_changed_in_the_noted_sentence(tmp_path):
    folder = story(tmp_path)
    note_on(tmp_path, folder, "decisive defence")
    (folder / "wire.txt").write_text(WIRE.replace("decisive defence", "crucial protection"), encoding="utf-8")
    placed = placed_after(tmp_path, folder)
    assert placed.anchor.how == "fuzzy" and "crucial protection" in placed.quote


def test_paragraph_moved(tmp_path):
    folder = story(tmp_path)
    note_on(tmp_path, folder, "decisive defence")
    paragraphs = WIRE.strip().split("\n\n")
    moved = [paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[2], paragraphs[4]]
    (folder / "wire.txt").write_text("\n\n".join(moved) + "\n", encoding="utf-8")
    placed = placed_after(tmp_path, folder)
    assert placed.anchor.how == "exact" and "decisive defence" in placed.quote


def test_all_three_edits_at_once(tmp_path):
    folder = story(tmp_path)
    note_on(tmp_path, folder, "decisive defence")
    paragraphs = WIRE.strip().split("\n\n")
    changed = paragraphs[3].replace("decisive defence", "crucial protection")
    edited = [paragraphs[0], "A storm flooded the quay last winter.", changed, paragraphs[1], paragraphs[2], paragraphs[4]]
    (folder / "wire.txt").write_text("\n\n".join(edited) + "\n", encoding="utf-8")
    placed = placed_after(tmp_path, folder)
    assert placed.anchor.how == "fuzzy" and "crucial protection" in placed.quote


def test_deleted_sentence_detaches_and_still_exports(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    folder = story(tmp_path)
    quote = note_on(tmp_path, folder, "decisive defence", body="softened quote")
    (folder / "wire.txt").write_text(WIRE.replace("\"This wall is the decisive defence of our town,\" said mayor Anna Berg.\n\n", ""), encoding="utf-8")
    placed = placed_after(tmp_path, folder)
    assert placed.anchor.how == "detached" and placed.quote == quote
    assert main(["notes", "export", str(folder), "--format", "json"]) == 0
    [annotation] = json.loads(capsys.readouterr().out)
    assert annotation["type"] == "Annotation" and annotation["retold:anchor"] == "detached"
    assert annotation["body"]["value"] == "softened quote"
    selectors = {s["type"]: s for s in annotation["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == quote
    assert {"start", "end"} <= set(selectors["TextPositionSelector"])
    assert main(["notes", "export", str(folder), "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert "Detached notes" in markdown and "softened quote" in markdown and quote in markdown


def test_reattach_detached_note(tmp_path):
    folder = story(tmp_path)
    note_on(tmp_path, folder, "decisive defence")
    (folder / "wire.txt").write_text(WIRE.replace("\"This wall is the decisive defence of our town,\" said mayor Anna Berg.\n\n", ""), encoding="utf-8")
    alignment = load_alignment([str(folder)])
    notes = StoryNotes(NoteStore.open(tmp_path / "data"), alignment)
    [placed] = notes.placed
    notes.reattach(placed.note.id, "wire", 2)
    [placed] = notes.placed
    assert placed.anchor.how == "exact" and placed.anchor.sentence == 2


def test_cli_list_and_markdown_structure(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    folder = story(tmp_path)
    note_on(tmp_path, folder, "12 million", body="cost figure only here")
    alignment = load_alignment([str(folder)])
    StoryNotes(NoteStore.open(tmp_path / "data"), alignment).save_on_story("whole story: council-friendly framing")
    assert main(["notes", "list"]) == 0
    listing = capsys.readouterr().out
    assert "cost figure only here" in listing and "[exact" in listing and "whole story" in listing
    assert main(["notes", "export", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert md.index("# story") < md.index("## On the whole story") < md.index("## Wire") < md.index("> The wall will cost")


def test_notes_cli_with_unusable_data_dir(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("RETOLD_DATA_DIR", str(blocker / "sub"))
    assert main(["notes", "list"]) == 2
    assert "notes unavailable" in capsys.readouterr().err


def _cited_story(tmp_path):
    folder = story(tmp_path)
    (folder / "story.toml").write_text(
        '[[outlet]]\nfile = "wire.txt"\nname = "Harbour Wire"\nurl = "https://wire.example/sea-wall"\n'
        'published = "2026-03-03T09:14:00Z"\n[[outlet]]\nfile = "other.txt"\nname = "Other"\n',
        encoding="utf-8",
    )
    return folder


def test_exports_cite_the_url_time_and_both_wordings_after_an_edit(tmp_path, capsys, monkeypatch):
    """Issue 18 item 3: the Markdown and JSON exports carry the outlet's URL and publication
    time beside the file; after the article changed, both the quote as written and the current
    wording, marked as changed."""
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    folder = _cited_story(tmp_path)
    written = note_on(tmp_path, folder, "decisive defence", body="check this quote")
    (folder / "wire.txt").write_text(WIRE.replace("decisive defence", "crucial protection"), encoding="utf-8")
    placed = placed_after(tmp_path, folder)
    assert placed.changed and placed.written == written and "crucial protection" in placed.quote

    assert main(["notes", "export", str(folder), "--format", "json"]) == 0
    [annotation] = json.loads(capsys.readouterr().out)
    target = annotation["target"]
    assert target["source"] == "https://wire.example/sea-wall"
    assert annotation["retold:file"].startswith("file://") and annotation["retold:file"].endswith("wire.txt")
    assert target["state"] == {"type": "TimeState", "sourceDate": "2026-03-03T09:14:00Z"}
    assert annotation["retold:changed"] is True
    assert "decisive defence" in annotation["retold:quoteAsWritten"]["exact"]
    assert "crucial protection" in annotation["retold:quoteNow"]

    assert main(["notes", "export", str(folder), "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert "https://wire.example/sea-wall" in markdown.replace("\\", "")
    assert "published 2026-03-03 09:14 UTC" in markdown and "wire.txt" in markdown
    assert "decisive defence" in markdown and "crucial protection" in markdown
    assert markdown.index("decisive defence") < markdown.index("the article now reads") < markdown.index("crucial protection")


def test_an_unchanged_note_is_not_marked_changed(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    folder = _cited_story(tmp_path)
    note_on(tmp_path, folder, "decisive defence")
    assert not placed_after(tmp_path, folder).changed
    assert main(["notes", "export", str(folder), "--format", "json"]) == 0
    [annotation] = json.loads(capsys.readouterr().out)
    assert "retold:changed" not in annotation and annotation["target"]["source"] == "https://wire.example/sea-wall"


def test_the_notes_list_shows_a_changed_anchor_plainly(tmp_path):
    """Issue 18 item 3: `N` says [changed] and shows the wording now and as it was."""
    from retold.tui.screens.notes_list import NotesList

    folder = _cited_story(tmp_path)
    note_on(tmp_path, folder, "decisive defence")
    (folder / "wire.txt").write_text(WIRE.replace("decisive defence", "crucial protection"), encoding="utf-8")
    shown = NotesList.option_for(placed_after(tmp_path, folder)).prompt.plain
    assert "[changed]" in shown
    assert shown.index("now “") < shown.index("crucial protection") < shown.index("was “") < shown.index("decisive defence")


def test_share_page_with_notes(tmp_path, capsys, monkeypatch):
    """Issue 18 item 3: `retold align --format html --with-notes` includes the notes, escaped,
    with both wordings when the article changed; without the flag, no notes."""
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    folder = _cited_story(tmp_path)
    note_on(tmp_path, folder, "decisive defence", body="<script>alert(1)</script> softened?")
    (folder / "wire.txt").write_text(WIRE.replace("decisive defence", "crucial protection"), encoding="utf-8")
    assert main(["align", str(folder), "--format", "html"]) == 0
    assert "softened?" not in capsys.readouterr().out
    assert main(["align", str(folder), "--format", "html", "--with-notes"]) == 0
    page = capsys.readouterr().out
    notes = page[page.index("<h2>Notes</h2>"):page.index("<h2>Overlap</h2>")]
    assert "Harbour Wire, sentence" in notes and "softened?" in notes
    assert "<script>" not in notes and "&lt;script&gt;" in notes
    assert notes.index("decisive defence") < notes.index("the article now reads") < notes.index("crucial protection")
