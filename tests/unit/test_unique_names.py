"""Two panes no one can tell apart: outlets whose names read the same (equal, or equal but for
case, spacing or an invisible zero-width character) are shown with their file's name after
them; every other name is left as it is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold.model.story import OutletMeta, _name_as_read, unique_names

NAMES = st.lists(st.sampled_from(["Gazette", "gazette", "Gaz\u200bette", "Gazette ", "Tribune", "Tri\u00adbune",
                                  "Herald", "Nordwire"]), min_size=1, max_size=6)


def metas(names: list[str]) -> list[OutletMeta]:
    return [OutletMeta(id=f"o{i}", name=name, source=f"/story/file{i}.txt") for i, name in enumerate(names)]


@given(NAMES)
def test_no_two_shown_names_read_the_same(names):
    shown = [meta.name for meta in unique_names(metas(names))]
    assert len({_name_as_read(name) for name in shown}) == len(shown), shown


@given(NAMES)
def test_a_name_no_other_reads_like_is_left_alone(names):
    for name, meta in zip(names, unique_names(metas(names))):
        alike = sum(_name_as_read(other) == _name_as_read(name) for other in names)
        assert (meta.name == name) == (alike == 1), (name, meta.name)


def test_the_file_name_tells_them_apart():
    shown = [meta.name for meta in unique_names(metas(["Gazette", "Gaz\u200bette", "Herald"]))]
    assert shown == ["Gazette (file0.txt)", "Gaz\u200bette (file1.txt)", "Herald"]


def test_a_story_of_two_same_named_outlets_opens_with_names_told_apart(tmp_path):
    from retold.model.pipeline import load_alignment

    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text("The council approved the sea wall on Monday after a long debate.\n")
    (tmp_path / "story.toml").write_text('[[outlet]]\nfile = "first.txt"\nname = "Gazette"\n'
                                        '[[outlet]]\nfile = "second.txt"\nname = "Gaz\u200bette"\n')
    alignment = load_alignment([str(tmp_path)], semantic=False)
    assert sorted(outlet.name for outlet in alignment.outlets) == ["Gazette (first.txt)", "Gaz\u200bette (second.txt)"]
