import json
import subprocess
import sys

import pytest

from retold.cli import main


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "retold", *args], capture_output=True, text=True, env=env, timeout=120)


def test_json_shape(sample_dir, capsys):
    assert main(["align", str(sample_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "retold.alignment/2"
    groups = {g["id"]: g for g in data["groups"]}
    for outlet in data["outlets"]:
        assert set(outlet) >= {"id", "name", "source", "title", "sentences", "removed"}
        assert outlet["source"].endswith((".txt", ".md", ".html"))
        for n, s in enumerate(outlet["sentences"]):
            assert set(s) >= {"index", "paragraph", "text", "start", "end", "status", "group"}
            assert s["index"] == n and s["status"] in {"shared", "altered", "unique"}
            assert (s["group"] is None) == (s["status"] == "unique")
            if s["group"] is not None:
                assert {"outlet": outlet["id"], "sentence": n} in [
                    {"outlet": m["outlet"], "sentence": m["sentence"]} for m in groups[s["group"]]["members"]
                ]
        for r in outlet["removed"]:
            assert r["text"] and r["reason"]


def test_text_report(sample_dir, capsys):
    assert main(["align", str(sample_dir)]) == 0
    out = capsys.readouterr().out
    assert "The Harbour Ledger" in out and "~ " in out and "+ " in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_text_report_counts_and_headers_read_as_words(sample_dir, capsys):
    """Issue 18: "1 outlet", not "1 outlets"; overlap columns headed by outlet names (cut
    with an ellipsis), not by cut file ids."""
    assert main(["align", str(sample_dir / "meridian.txt")]) == 0
    assert "1 outlet, 0 groups" in capsys.readouterr().out
    assert main(["align", str(sample_dir)]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "Meridia…" in line)
    assert "The Har…" in header and "harbour-" not in header


def test_align_with_no_path_aligns_the_sample_and_says_so(capsys):
    assert main(["align", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "no PATH given: aligning the sample story" in captured.err
    assert "Meridian Press" in json.loads(captured.out)["outlets"][0]["name"]


def test_single_file_is_not_an_error(sample_dir, capsys):
    assert main(["align", str(sample_dir / "meridian.txt"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {s["status"] for s in data["outlets"][0]["sentences"]} == {"unique"}


def write(path, data):
    path.write_bytes(data)
    return [str(path)]


@pytest.mark.parametrize(
    "setup, problem",
    [
        (lambda d: [str(d / "missing")], "no such file or directory"),
        (lambda d: (d / "empty").mkdir() or [str(d / "empty")], "no readable article"),
        (lambda d: write(d / "e.txt", b""), "empty file"),
        (lambda d: write(d / "b.txt", bytes(range(256)) * 4), "binary file"),
        (lambda d: write(d / "only.txt", b"Home\nMenu\nADVERTISEMENT\n"), "no readable article text"),
    ],
)
def test_bad_input_gets_one_line_naming_the_problem(tmp_path, capsys, setup, problem):
    paths = setup(tmp_path)
    assert main(["align", *paths]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) >= 1 and problem in err[-1]
    if paths:
        assert paths[0] in err[-1]


def test_skipped_files_get_a_notice(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("A headline for the story here\n\nThe council approved the plan on Monday.\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    assert main(["align", str(tmp_path)]) == 0
    assert "photo.jpg: skipped" in capsys.readouterr().err


def test_python_dash_m_and_reader_without_terminal(sample_dir):
    result = run("align", str(sample_dir), "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["schema"] == "retold.alignment/2"
    reader = run(str(sample_dir))
    assert reader.returncode != 0 and "retold align" in reader.stderr
    assert len(reader.stderr.strip().splitlines()) == 1
