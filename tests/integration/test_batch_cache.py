"""`retold batch` with the alignment cache: a story whose files did not change is not aligned again."""

from __future__ import annotations

from retold.batch.job import read_output, run_batch

from tests.integration.test_batch import archive


def strip(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("seconds", "worker")}


def test_a_second_batch_aligns_only_the_changed_story(tmp_path, monkeypatch):
    root = tmp_path / "archive"
    names = archive(root, 4)
    run_batch(root, tmp_path / "first.jsonl", workers=1, processes=False, cache=True)
    first = {r["path"]: strip(r) for r in read_output(tmp_path / "first.jsonl")}

    def refuse(*args, **kwargs):
        raise RuntimeError("aligned again")

    monkeypatch.setattr("retold.model.pipeline.align", refuse)  # workers are threads here: they see it
    changed = root / names[1] / "outlet_0.txt"
    changed.write_text(changed.read_text() + "\nA late sentence about the ferry timetable.\n")
    progress = run_batch(root, tmp_path / "second.jsonl", workers=1, processes=False, cache=True)
    second = {r["path"]: r for r in read_output(tmp_path / "second.jsonl")}
    assert progress.failed == 1 and not second[names[1]]["ok"] and "aligned again" in second[names[1]]["error"]
    assert {p: strip(r) for p, r in second.items() if p != names[1]} == {p: r for p, r in first.items() if p != names[1]}


def test_without_the_cache_every_story_is_aligned(tmp_path, monkeypatch):
    root = tmp_path / "archive"
    archive(root, 2)
    run_batch(root, tmp_path / "first.jsonl", workers=1, processes=False, cache=True)
    monkeypatch.setattr("retold.model.pipeline.align", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("aligned again")))
    progress = run_batch(root, tmp_path / "second.jsonl", workers=1, processes=False, cache=False)
    assert progress.failed == 2
