"""Review 4: a folder with one outlet aligned with exit 0, every sentence "unique", and no word
that there was nothing to compare it with. One line says so: on stderr for `retold align`, in
the reader's notices, in a batch record's warnings; a stored alignment says it again."""

from __future__ import annotations

import shutil

import pytest

from retold.cli import main
from retold.model.cache import AlignmentCache
from retold.model.pipeline import cached_alignment, load_alignment

NOTICE = "nothing to compare it with"


def one_outlet(tmp_path, sample_dir):
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(sample_dir / "meridian.txt", folder)
    return folder


def test_align_says_a_lone_outlet_has_nothing_to_compare(tmp_path, sample_dir, capsys):
    folder = one_outlet(tmp_path, sample_dir)
    assert main(["align", str(folder)]) == 0  # not an error: a notice
    err = capsys.readouterr().err.strip().splitlines()
    said = [line for line in err if NOTICE in line]
    assert len(said) == 1 and str(folder / "meridian.txt") in said[0] and said[0].startswith("retold: ")
    assert main(["align", str(sample_dir)]) == 0
    assert NOTICE not in capsys.readouterr().err


def test_one_outlet_with_text_among_several_is_said_too(tmp_path, sample_dir):
    folder = one_outlet(tmp_path, sample_dir)
    (folder / "menu.txt").write_text("Home\nMenu\nADVERTISEMENT\nSubscribe\n")
    notices = []
    load_alignment([str(folder)], notices.append)
    assert any(NOTICE in n and "one outlet of 2 with article text" in n for n in notices), notices


@pytest.mark.parametrize("lookup", ["load", "cached"])
def test_a_stored_alignment_says_it_again(tmp_path, sample_dir, lookup):
    folder = one_outlet(tmp_path, sample_dir)
    cache = AlignmentCache(tmp_path / "cache")
    load_alignment([str(folder)], cache=cache)
    notices = []
    if lookup == "load":
        load_alignment([str(folder)], notices.append, cache=cache)
    else:
        assert cached_alignment([str(folder)], cache, notices.append) is not None
    assert sum(NOTICE in n for n in notices) == 1, notices


def test_a_batch_record_carries_the_notice(tmp_path, sample_dir):
    from retold.batch.task import align_story

    folder = one_outlet(tmp_path, sample_dir)
    record = align_story(str(tmp_path), "story")
    assert record["ok"] and any(NOTICE in w for w in record["warnings"]), record
