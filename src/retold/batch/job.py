"""`retold batch`: align every story folder under ROOT on Dask, streaming one record per story.

Each task aligns a few stories in-process on its worker (starting a process per story would cost
about 8× the alignment). The driver writes a record as soon as its task returns, so the output
holds only finished stories, each once: when a worker dies, Dask runs its tasks again elsewhere
and only the run that returns is written. A re-run skips the stories already in the output.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from retold.batch.schema import SCHEMA, arrow_schema, from_arrow_row, story_record, to_arrow_row
from retold.model.story import ARTICLE_SUFFIXES, MANIFEST_NAME


def is_story_dir(directory: Path) -> bool:
    try:
        children = list(os.scandir(directory))
    except OSError:
        return False
    return any(
        entry.is_file() and not entry.name.startswith(".")
        and (entry.name == MANIFEST_NAME or Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES)
        for entry in children
    )


def discover(root: Path) -> list[str]:
    """Story folders under ROOT (ROOT itself included), as sorted relative POSIX paths."""
    found = []
    for current, dirs, _ in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if is_story_dir(Path(current)):
            found.append(Path(current).relative_to(root).as_posix())
    return sorted(found)


def align_story(root: str, path: str, semantic: bool = True) -> dict:
    """One story → its record. Never raises: a bad story is a record with an error.
    `semantic`: use the sentence model when the worker has it installed."""
    from retold.model.pipeline import load_alignment
    from retold.model.story import InputError

    worker = _worker_address()
    warnings: list[str] = []
    started = time.perf_counter()
    try:
        alignment = load_alignment([str(Path(root) / path)], warnings.append, semantic=semantic)
    except InputError as exc:
        return story_record(path, None, time.perf_counter() - started, worker, str(exc), warnings)
    except Exception as exc:  # noqa: BLE001 - one story's crash is its record, never the batch's end
        message = " ".join(str(exc).split())[:300]
        return story_record(path, None, time.perf_counter() - started, worker, f"{path}: {type(exc).__name__}: {message}", warnings)
    record = story_record(path, alignment, time.perf_counter() - started, worker, None, warnings)
    for outlet in record["outlets"]:  # relative to ROOT, like `path`: the output outlives the machine
        outlet["source"] = Path(os.path.relpath(outlet["source"], root)).as_posix()
    return record


def align_chunk(root: str, paths: list[str], semantic: bool = True) -> list[dict]:
    return [align_story(root, path, semantic) for path in paths]


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return None


# ---------------------------------------------------------------- output


class JsonlOutput:
    def __init__(self, path: Path) -> None:
        self.path = path

    def existing(self) -> list[dict]:
        if not self.path.exists():
            return []
        data = self.path.read_bytes()
        complete = data[: data.rfind(b"\n") + 1]
        if len(complete) != len(data):  # a line cut off by a kill: drop it, the story runs again
            with open(self.path, "r+b") as handle:
                handle.truncate(len(complete))
        records = []
        for number, line in enumerate(complete.splitlines(), 1):
            try:
                record = json.loads(line)
            except ValueError:
                raise ValueError(f"{self.path}:{number}: not a JSON line; not a retold batch output?") from None
            if not isinstance(record, dict) or record.get("schema") != SCHEMA:
                raise ValueError(f"{self.path}:{number}: not a {SCHEMA} record")
            records.append(record)
        return records

    def drop(self, paths: set[str]) -> None:
        """Remove the records of `paths` (for --retry-failed), atomically."""
        kept = [line for line in self.path.read_bytes().splitlines(keepends=True) if json.loads(line)["path"] not in paths]
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_bytes(b"".join(kept))
        os.replace(tmp, self.path)

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a", encoding="utf-8")
        return self

    def write(self, records: list[dict]) -> None:
        self.handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        self.handle.flush()

    def __exit__(self, *exc) -> None:
        self.handle.close()


class ParquetOutput:
    """Parquet cannot be appended to: records stream into a JSON Lines journal beside the file,
    folded into the Parquet file when the batch ends or is stopped (and at the next run if killed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.journal = JsonlOutput(path.with_name(path.name + ".journal.jsonl"))

    def _table_records(self) -> list[dict]:
        if not self.path.exists():
            return []
        import pyarrow.parquet as pq

        try:
            return [from_arrow_row(row) for row in pq.read_table(self.path).to_pylist()]
        except Exception as exc:  # noqa: BLE001
            raise ValueError(f"{self.path}: not a readable Parquet file ({exc})") from None

    def existing(self) -> list[dict]:
        return self._table_records() + self.journal.existing()

    def drop(self, paths: set[str]) -> None:
        self._fold(exclude=paths)

    def __enter__(self):
        self.journal.__enter__()
        return self

    def write(self, records: list[dict]) -> None:
        self.journal.write(records)

    def __exit__(self, *exc) -> None:
        self.journal.__exit__(*exc)
        self._fold()

    def _fold(self, exclude: set[str] = frozenset()) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        records = [r for r in self.existing() if r["path"] not in exclude]
        tmp = self.path.with_name(self.path.name + ".tmp")
        pq.write_table(pa.Table.from_pylist([to_arrow_row(r) for r in records], schema=arrow_schema()), tmp)
        os.replace(tmp, self.path)
        self.journal.path.unlink(missing_ok=True)


def open_output(path: Path):
    return ParquetOutput(path) if path.suffix.lower() == ".parquet" else JsonlOutput(path)


def read_output(path: Path) -> list[dict]:
    """Every record of a batch output (either format)."""
    return open_output(path).existing()


# ---------------------------------------------------------------- the job


@dataclass
class Progress:
    total: int  # stories to run in this batch
    done: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output
    started: float = 0.0

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None


@contextmanager
def _workers_ignore_ctrl_c():
    """Ctrl+C reaches every process of the terminal's group: local workers started meanwhile
    inherit an ignored SIGINT (Python keeps it ignored), so only this process stops the batch,
    and the workers are shut down by it instead of dying with a traceback each."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def run_batch(
    root: Path,
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    retry_failed: bool = False,
    chunk_size: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    connect_timeout: float = 30.0,
    semantic: bool = True,
) -> Progress:
    """Align every story under `root` into `out`. KeyboardInterrupt stops it; what is written stays."""
    stories = discover(root)
    output = open_output(out)
    previous = output.existing()
    if retry_failed:
        failed = {r["path"] for r in previous if not r["ok"]}
        if failed:
            output.drop(failed)
            previous = [r for r in previous if r["path"] not in failed]
    done = {r["path"] for r in previous}
    todo = [path for path in stories if path not in done]
    progress = Progress(total=len(todo), skipped=len(stories) - len(todo), started=time.monotonic())
    if not todo:
        with output:  # folds a leftover Parquet journal
            pass
        return progress

    import logging

    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout=connect_timeout)
    else:
        with _workers_ignore_ctrl_c():
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=processes,
                dashboard_address=None, silence_logs=logging.ERROR,
            )
        client = Client(cluster)
    futures = []
    progress.started = time.monotonic()  # the rate counts alignment, not the cluster's start
    try:
        slots = max(1, sum(client.nthreads().values()))
        size = chunk_size or max(1, min(16, len(todo) // (slots * 8)))
        batches = list(chunks(todo, size))
        futures = [client.submit(align_chunk, str(root), batch, semantic, pure=False) for batch in batches]
        batch_of = {future.key: batch for future, batch in zip(futures, batches)}
        with output:
            for future in as_completed(futures):
                try:
                    records = future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: the task kept killing workers
                    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                    records = [story_record(path, None, 0.0, None, f"{path}: task failed ({type(exc).__name__}: {reason})")
                               for path in batch_of[future.key]]
                output.write(records)
                future.release()
                progress.done += len(records)
                progress.failed += sum(not r["ok"] for r in records)
                if on_progress:
                    on_progress(progress)
    finally:
        for future in futures:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
    return progress
