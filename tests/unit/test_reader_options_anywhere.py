"""Review 4: `retold --no-semantic PATH` and `retold --no-cache PATH` failed with "invalid
choice" (the options came before the path, so the top-level parser took PATH for a command).
The reader's options work before or after PATH; commands keep working, options written before
them included; a folder named like a command is read with `retold read NAME` or `retold -- NAME`."""

from __future__ import annotations

import itertools

import pytest

import retold.cli as cli
from retold.cli import main


@pytest.fixture
def seen(monkeypatch):
    calls = []

    def record(name):
        def run(args):
            calls.append((name, args))
            return 0
        return run

    monkeypatch.setattr(cli, "_read", record("read"))
    monkeypatch.setattr(cli, "_align", record("align"))
    return calls


@pytest.mark.parametrize("words", [p for n in range(1, 3) for p in itertools.permutations(["--no-semantic", "--no-cache"], n)])
def test_the_readers_options_go_before_or_after_the_path(seen, words):
    for at in range(len(words) + 1):
        argv = [*words[:at], "story-folder", *words[at:]]
        assert main(argv) == 0, argv
        name, args = seen.pop()
        assert name == "read" and args.paths == ["story-folder"], argv
        assert (args.no_semantic, args.no_cache) == ("--no-semantic" in words, "--no-cache" in words), argv


def test_options_before_a_command_are_the_commands(seen, capsys):
    assert main(["--no-cache", "align", "story-folder", "--no-semantic"]) == 0
    name, args = seen.pop()
    assert name == "align" and args.paths == ["story-folder"] and args.no_cache and args.no_semantic
    # --help and --version stay the program's, wherever they stand
    for words in (["--version"], ["--no-semantic", "--help"]):
        with pytest.raises(SystemExit) as exit:
            main(words)
        assert exit.value.code == 0
    assert "COMMAND" in capsys.readouterr().out


def test_a_folder_named_like_a_command_is_read_through_read_or_a_double_dash(seen):
    assert main(["read", "align"]) == 0 and seen[-1][0] == "read" and seen[-1][1].paths == ["align"]
    assert main(["--no-semantic", "--", "align"]) == 0
    name, args = seen.pop()
    assert name == "read" and args.paths == ["align"] and args.no_semantic
    assert main(["align"]) == 0 and seen[-1][0] == "align" and seen[-1][1].paths == []


def test_python_dash_m_takes_an_option_before_the_path(sample_dir):
    from tests.unit.test_cli import run

    result = run("--no-semantic", str(sample_dir))
    assert "invalid choice" not in result.stderr
    assert "the reader needs a terminal" in result.stderr  # it got as far as the reader
    result = run("--no-cache", "align", str(sample_dir), "--format", "json")
    assert result.returncode == 0 and '"schema"' in result.stdout


def test_the_keymap_form_the_help_shows_is_one_that_works(tmp_path, monkeypatch, capsys):
    """`retold --help` described the keymap as `binding_id = "key,key"`; README shows a TOML list.
    The help's example, as written, is a keymap the reader accepts, and it shows the list form."""
    import re

    from retold.tui.binding_ids import all_binding_ids
    from retold.tui.keymap import load_keymap

    monkeypatch.setenv("RETOLD_CONFIG_DIR", str(tmp_path))
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert '"key,key"' not in out
    example = re.search(r"e\.g\. (.*?); binding ids", out).group(1)
    assignments = re.findall(r'(\w+ = (?:"[^"]*"|\[[^\]]*\]))', example)
    assert any("[" in a for a in assignments), example  # a list of keys, as README writes it
    (tmp_path / "keymap.toml").write_text("[keys]\n" + "\n".join(assignments) + "\n")
    keymap, problems = load_keymap(tmp_path / "keymap.toml", all_binding_ids())
    assert not problems and len(keymap) == len(assignments) >= 2
