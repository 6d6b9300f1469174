"""Review: `retold align PATH --with-notes` without `--format html` ignored the flag and exited 0.
Like other options that do not go together, it is refused with one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from retold.cli import main

BRENHOLT = Path(__file__).parents[2] / "sample_corpus" / "brenholt-port"


@pytest.mark.parametrize("extra", [[], ["--format", "text"], ["--format", "json"], ["--format", "csv"]])
def test_with_notes_without_html_is_refused(extra, capsys):
    assert main(["align", str(BRENHOLT), "--with-notes", *extra]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == ["retold: error: --with-notes applies to --format html"]
    assert captured.out == ""


def test_with_notes_and_html_still_writes_the_page(tmp_path, capsys):
    page = tmp_path / "story.html"
    assert main(["align", str(BRENHOLT), "--format", "html", "--with-notes", "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
