"""A keymap file of the user's own, the command palette and help, all from the bindings."""

from retold.tui.actions import screen_actions
from retold.tui.keymap import load_keymap
from retold.tui.screens.help import HelpScreen

from .helpers import drive, make_app


class TestKeymap:
    def test_keymap_file_rebinds_by_id(self, sample_dir, tmp_path):
        keymap = tmp_path / "keymap.toml"
        keymap.write_text('[keys]\ncursor_down = ["ctrl+n", "x"]\noverview = "O"\n')

        async def script(pilot, reader):
            await pilot.press("x", "x", "ctrl+n")
            moved = reader.focused_pane.cursor
            await pilot.press("j")  # no longer bound to cursor_down
            after_j = reader.focused_pane.cursor
            await pilot.press("O")
            return moved, after_j, type(pilot.app.screen).__name__

        moved, after_j, screen = drive(make_app([sample_dir], keymap_file=keymap), script)
        assert moved == 3 and after_j == 3 and screen == "OverviewScreen"

    def test_bad_keymap_files_get_one_line_each_and_the_reader_still_opens(self, sample_dir, tmp_path):
        broken = tmp_path / "broken.toml"
        broken.write_text("[keys\noverview = ")
        keys, problems = load_keymap(broken)
        assert keys == {} and len(problems) == 1 and problems[0].startswith(f"{broken}: not valid TOML")

        odd = tmp_path / "odd.toml"
        odd.write_text('[keys]\nno_such_action = "z"\noverview = 3\ncursor_up = "K"\n')
        keys, problems = load_keymap(odd, {"overview", "cursor_up"})
        assert keys == {"cursor_up": "K"}
        assert any("no_such_action" in p for p in problems) and any("overview" in p for p in problems)
        assert load_keymap(tmp_path / "missing.toml") == ({}, [])

        async def script(pilot, reader):
            return [n.message for n in pilot.app._notifications], pilot.app.is_running

        notices, running = drive(make_app([sample_dir], keymap_file=broken), script)
        assert running and any(str(broken) in n for n in notices)

    def test_palette_and_help_list_every_reader_action_by_name_with_its_keys(self, sample_dir, tmp_path):
        keymap = tmp_path / "keymap.toml"
        keymap.write_text('[keys]\noverview = "O"\n')

        async def script(pilot, reader):
            commands = list(pilot.app.get_system_commands(reader))
            actions = screen_actions(reader)
            await pilot.press("question_mark")
            help_screen = pilot.app.screen
            enabled = [b for b in type(reader).BINDINGS if reader.check_action(b.action.split("(")[0], ()) is not False]
            return commands, actions, help_screen, enabled

        commands, actions, help_screen, enabled = drive(make_app([sample_dir], keymap_file=keymap), script)
        titles = {c.title for c in commands}
        helps = {c.title: c.help for c in commands}
        from retold.tui.screens.reader import ReaderScreen

        from retold.tui.widgets.outlet_pane import OutletPane

        assert len(enabled) >= len(ReaderScreen.BINDINGS) - 3  # escape, and n / p as match keys: only while a search is on
        for binding in enabled + OutletPane.BINDINGS:
            if binding.action != "app.quit":
                assert binding.description in titles
        assert "right_square_bracket" not in " ".join(helps.values())  # keys read as keys: ]
        assert "(O)" in helps["Overview"] and "whole story at a glance" in helps["Overview"]
        described = {text for _keys, text, _id in help_screen.keys}
        for binding in enabled + OutletPane.BINDINGS:  # help says what the binding itself says
            assert binding.tooltip and binding.tooltip in described
        assert isinstance(help_screen, HelpScreen)
        help_ids = {binding_id for _keys, _text, binding_id in help_screen.keys}
        assert {b.id for b in enabled + OutletPane.BINDINGS} <= help_ids
        assert dict((i, k) for k, _t, i in help_screen.keys)["overview"] == "O"
        assert str(keymap) in str(help_screen.keymap_file)
        assert len(actions) >= len(enabled)
