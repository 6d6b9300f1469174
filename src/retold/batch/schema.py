"""The batch output: one record per story folder (schema `retold.batch/1`).

JSON Lines (`--out x.jsonl`): one JSON object a line, in the order stories finish:

    schema     "retold.batch/1"
    path       the story folder, relative to ROOT, with "/" separators ("." for ROOT itself)
    ok         true when the story aligned; false when it failed (then `error` says why)
    error      one line naming the file and the problem, or null
    seconds    time to load, clean, segment and align the story on its worker
    worker     the Dask worker's address, "local://PID" for a local worker process, or null when
               aligned in the driving process
    title      the story title (story.toml, else the first outlet headline), or null
    groups     number of groups of corresponding sentences
    warnings   notices while loading (skipped files, fallback encodings)
    outlets    [{id, name, source, url, published, headline,
                 sentences, shared, altered, unique}]   (source relative to ROOT; counts of
                 sentences by status)
    overlap    {outlet id: {other outlet id: share}}: the share of the first outlet's sentences
               that have a counterpart in the other (1.0 on the diagonal), as in `--format json`

Parquet (`--out x.parquet`, pyarrow): the same columns; `outlets` is a list of structs, and
`overlap` a list of structs {outlet, other, share} (Parquet has no map with arbitrary keys).
"""

from __future__ import annotations

from retold.model.arrange import story_heading
from retold.model.story import Alignment

SCHEMA = "retold.batch/1"


def story_record(path: str, alignment: Alignment | None, seconds: float, worker: str | None,
                 error: str | None = None, warnings: list[str] | None = None) -> dict:
    record = {
        "schema": SCHEMA, "path": path, "ok": error is None, "error": error, "seconds": round(seconds, 6),
        "worker": worker, "title": None, "groups": 0, "warnings": list(warnings or []), "outlets": [], "overlap": {},
    }
    if alignment is not None:
        record["title"] = story_heading(alignment)
        record["groups"] = len(alignment.groups)
        record["outlets"] = [
            {
                "id": o.id, "name": o.name, "source": o.meta.source, "url": o.meta.url, "published": o.meta.published,
                "headline": o.title, "sentences": len(o.sentences), **o.counts(),
            }
            for o in alignment.outlets
        ]
        record["overlap"] = alignment.overlap()
    return record


def arrow_schema():
    import pyarrow as pa

    outlet = pa.struct([
        ("id", pa.string()), ("name", pa.string()), ("source", pa.string()), ("url", pa.string()),
        ("published", pa.string()), ("headline", pa.string()), ("sentences", pa.int32()),
        ("shared", pa.int32()), ("altered", pa.int32()), ("unique", pa.int32()),
    ])
    overlap = pa.struct([("outlet", pa.string()), ("other", pa.string()), ("share", pa.float64())])
    return pa.schema([
        ("schema", pa.string()), ("path", pa.string()), ("ok", pa.bool_()), ("error", pa.string()),
        ("seconds", pa.float64()), ("worker", pa.string()), ("title", pa.string()), ("groups", pa.int32()),
        ("warnings", pa.list_(pa.string())), ("outlets", pa.list_(outlet)), ("overlap", pa.list_(overlap)),
    ])


def to_arrow_row(record: dict) -> dict:
    row = dict(record)
    row["overlap"] = [{"outlet": a, "other": b, "share": share}
                      for a, others in record["overlap"].items() for b, share in others.items()]
    return row


def from_arrow_row(row: dict) -> dict:
    record = dict(row)
    overlap: dict[str, dict[str, float]] = {}
    for cell in row.get("overlap") or []:
        overlap.setdefault(cell["outlet"], {})[cell["other"]] = cell["share"]
    record["overlap"] = overlap
    return record
