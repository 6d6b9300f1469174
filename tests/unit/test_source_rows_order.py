"""The Sources view lists the outlets that took from one source in the order they published
(the earliest moment each could have published; an unknown time last), never in file order."""

from __future__ import annotations

from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.model.published import outlet_published
from retold.model.sources import source_rows

SAMPLES = Path(__file__).resolve().parents[2] / "sample_corpus"


def test_takers_of_each_source_are_listed_in_publication_order():
    checked = 0
    for story in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        alignment = load_alignment([str(story)], semantic=False)
        by_name = {o.name: o for o in alignment.outlets}
        rows = source_rows(alignment)
        groups: list[list] = []
        for row in rows:
            if row.kind == "node":
                groups.append([])
            elif row.kind == "edge" and groups:
                groups[-1].append(row)
        for edges in groups:
            likely = [r for r in edges if r.confidence == "likely"]
            times = [outlet_published(by_name[r.label.split(" — ")[0]]) for r in likely]
            keys = [(0, t.earliest) if t else (1, None) for t in times]
            known = [k for k in keys if k[0] == 0]
            assert known == sorted(known), [r.label for r in likely]
            assert keys == sorted(keys, key=lambda k: k[0])  # unknown times after known ones
            checked += len(known) > 1
    assert checked >= 1  # selke-landslide: three outlets took from BPA
