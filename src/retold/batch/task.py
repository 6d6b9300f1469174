"""One task of a batch: a story, or a chunk of stories, aligned in the worker that runs it.

Its own module so that the local workers (batch/local.py) and the driver (batch/job.py) both
import it without importing each other.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from retold.batch.schema import story_record


def align_story(root: str, path: str, semantic: bool = True, cache: bool = False) -> dict:
    """One story → its record. Never raises: a bad story is a record with an error.
    `semantic`: use the sentence model when the worker has it installed.
    `cache`: read and fill this machine's alignment cache (an unchanged story is not aligned again)."""
    from retold.model.pipeline import load_alignment
    from retold.model.story import InputError

    worker = _worker_address()
    warnings: list[str] = []
    started = time.perf_counter()
    try:
        # --no-cache reads and writes nothing: neither alignments nor the sentence model's vectors.
        alignment = load_alignment([str(Path(root) / path)], warnings.append, semantic=semantic,
                                   cache=_alignment_cache() if cache else None, vector_cache=cache)
    except InputError as exc:
        return story_record(path, None, time.perf_counter() - started, worker, str(exc), warnings)
    except Exception as exc:  # noqa: BLE001 - one story's crash is its record, never the batch's end
        message = " ".join(str(exc).split())[:300]
        return story_record(path, None, time.perf_counter() - started, worker, f"{path}: {type(exc).__name__}: {message}", warnings)
    record = story_record(path, alignment, time.perf_counter() - started, worker, None, warnings)
    for outlet in record["outlets"]:  # relative to ROOT, like `path`: the output outlives the machine
        outlet["source"] = Path(os.path.relpath(outlet["source"], root)).as_posix()
    return record


def align_chunk(root: str, paths: list[str], semantic: bool = True, cache: bool = False) -> list[dict]:
    return [align_story(root, path, semantic, cache) for path in paths]


def _alignment_cache():
    from retold.model.cache import AlignmentCache

    return AlignmentCache()


LOCAL_WORKER: str | None = None  # "local://PID" in a local batch worker (batch/local.py)


def _worker_address() -> str | None:
    """The Dask worker's address, a local worker's name, or None (in the driver's own process)."""
    if "distributed" in sys.modules:  # only a Dask worker has it loaded; importing it costs 0.4 s and 40 MB
        from distributed import get_worker

        try:
            return get_worker().address
        except ValueError:
            pass
    return LOCAL_WORKER
