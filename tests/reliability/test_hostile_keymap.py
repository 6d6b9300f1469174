"""Issue 17, the keymap (items 14, 15): a value that is not a key is one line and the default
keys; a key another action of the same screen has is refused, said plainly, and both actions
keep their keys. The reader always starts."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.tui.binding_ids import all_binding_ids, binding_scopes
from retold.tui.keymap import load_keymap
from tests.tui.helpers import drive, make_app

NOT_KEYS = ["quit = [1]", 'quit = [["q"]]', "quit = {a = 1}", "quit = true", 'cursor_down = [1, "j"]', "quit = []",
            'quit = ["q", 2.5]', 'cursor_down = [["j", "k"], "x"]']


@pytest.mark.parametrize("line", NOT_KEYS)
def test_a_value_that_is_not_a_key_is_one_line_and_the_defaults(tmp_path, line):
    path = tmp_path / "keymap.toml"
    path.write_text(f"[keys]\n{line}\noverview = \"O\"\n")
    keymap, problems = load_keymap(path, all_binding_ids())
    assert keymap == {"overview": "O"}  # the good entry still applies
    [problem] = problems
    binding_id = line.split(" =")[0]
    assert problem.startswith(f"{path}: {binding_id}: expected a key") and "default keys stay" in problem


def test_the_reader_starts_with_a_keymap_of_wrong_types_and_keeps_the_default_keys(tmp_path, sample_dir):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\nquit = [1]\ncursor_down = [["j"]]\n')

    async def script(pilot, reader):
        notices = [n.message for n in pilot.app._notifications]
        before = reader.focused_pane.cursor
        await pilot.press("j")
        moved = reader.focused_pane.cursor - before
        await pilot.press("q")
        return notices, moved, pilot.app.is_running

    notices, moved, running = drive(make_app([sample_dir], keymap_file=path), script)
    assert sum(str(path) in n for n in notices) == 2
    assert moved == 1 and not running  # j moves, q quits: the defaults


def test_a_key_taken_from_another_action_is_refused_and_said_plainly(tmp_path, sample_dir):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\ncursor_down = "q"\n')
    keymap, problems = load_keymap(path, all_binding_ids(), binding_scopes())
    assert keymap == {}
    [problem] = problems
    assert "cursor_down = 'q': 'q' is also quit's key on the reader; not applied" in problem
    assert "cursor_down keeps its default keys (j, down), quit keeps 'q'" in problem

    async def script(pilot, reader):
        notices = [n.message for n in pilot.app._notifications]
        before = reader.focused_pane.cursor
        await pilot.press("j")
        moved = reader.focused_pane.cursor - before
        await pilot.press("q")
        return notices, moved, pilot.app.is_running

    notices, moved, running = drive(make_app([sample_dir], keymap_file=path), script)
    assert any("is also quit's key" in n for n in notices)
    assert not any("defaults are kept" in n for n in notices)
    assert moved == 1 and not running  # cursor_down still on j, quit still on q


def test_moving_both_actions_is_not_a_clash(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\ncursor_down = "q"\nquit = "Q"\n')
    assert load_keymap(path, all_binding_ids(), binding_scopes()) == ({"cursor_down": "q", "quit": "Q"}, [])


SCOPES = binding_scopes()
IDS = sorted(all_binding_ids())
KEYS = sorted({b.key for bindings in SCOPES.values() for b in bindings} | {"x", "ctrl+o", "F"})


@given(st.dictionaries(st.sampled_from(IDS), st.one_of(
    st.sampled_from(KEYS), st.lists(st.sampled_from(KEYS), min_size=1, max_size=3),
    st.integers(), st.lists(st.integers(), max_size=2), st.booleans()), max_size=6))
@settings(max_examples=300, deadline=None)
def test_no_keymap_gives_one_key_two_actions_on_one_screen(tmp_path_factory, entries):
    path = tmp_path_factory.mktemp("keymap") / "keymap.toml"
    lines = ["[keys]"]
    for binding_id, value in entries.items():
        rendered = repr(value).replace("'", '"').replace("True", "true").replace("False", "false")
        lines.append(f"{binding_id} = {rendered}")
    path.write_text("\n".join(lines) + "\n")
    assert tomllib.loads(path.read_text())  # the file is what was meant
    keymap, problems = load_keymap(path, all_binding_ids(), SCOPES)
    assert all(p.startswith(f"{path}: ") and "\n" not in p for p in problems)
    assert set(keymap) <= set(entries) and len(problems) >= len(entries) - len(keymap)
    for where, bindings in SCOPES.items():
        holders: dict[str, set[str]] = {}
        for binding in bindings:
            keys = keymap[binding.id].split(",") if binding.id in keymap else [binding.key]
            for key in keys:
                holders.setdefault(key, set()).add(binding.id)
        for key, ids in holders.items():
            assert len(ids) == 1 or not ids & set(keymap), (where, key, ids)
