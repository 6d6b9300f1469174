"""`--help` describes every option and subcommand, and says where retold's files live."""

import argparse

from retold.cli import _parser, main


def walk(parser: argparse.ArgumentParser, path=("retold",)):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                assert helps.get(name), f"{' '.join(path)} {name}: subcommand without a description"
                yield from walk(sub, path + (name,))


def test_every_option_and_subcommand_has_a_description():
    seen = 0
    for path, parser in walk(_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and action.help != argparse.SUPPRESS, f"{' '.join(path)} {action.dest}: no help"
            seen += 1
        if len(path) > 1:
            assert parser.description, f"{' '.join(path)}: no description"
    assert seen > 10


def test_top_help_names_the_notes_folder_the_keymap_and_story_toml(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETOLD_CONFIG_DIR", str(tmp_path / "config"))
    try:
        main(["--help"])
    except SystemExit as exit:
        assert exit.code == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "data" / "notes.db") in out and "RETOLD_DATA_DIR" in out
    assert str(tmp_path / "config" / "keymap.toml") in out
    assert "story.toml" in out and "[[outlet]]" in out and "published" in out and "language" in out
