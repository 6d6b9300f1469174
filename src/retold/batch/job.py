"""`retold batch`: align every story folder under ROOT on worker processes of this machine
(batch/local.py) or on a Dask cluster (`--scheduler`), streaming one record per story.

Each task aligns a few stories in-process on its worker (starting a process per story would cost
about 8× the alignment): the same `align_chunk` on either. The driver writes a record as soon as
its task returns, so the output holds only finished stories, each once: when a worker dies, its
task runs again elsewhere and only the run that returns is written. A re-run skips the stories
already in the output.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from retold.batch.guard import check_output_path, is_our_cut_line
from retold.batch.isolated import align_isolated
from retold.batch.noise import is_killed_worker
from retold.batch.schema import SCHEMA, arrow_schema, from_arrow_row, story_record, to_arrow_row
from retold.batch.task import align_chunk, align_story  # noqa: F401 - align_story: the batch's unit, for callers
from retold.files import write_atomic
from retold.model.parse import load_json
from retold.model.safe import json_inert
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


def discover(root: Path, problems: list[tuple[str, str]] | None = None) -> list[str]:
    """Story folders under ROOT (ROOT itself included), as sorted relative POSIX paths.
    `problems` receives (folder, reason) for each folder that cannot be read or is a link."""
    found = []

    def unreadable(exc: OSError) -> None:
        if problems is not None:
            problems.append((_relative(root, exc.filename), f"cannot be read ({exc.strerror})"))

    for current, dirs, _ in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if problems is not None:
            problems += [(_relative(root, os.path.join(current, d)), LINKED_FOLDER)
                         for d in dirs if os.path.islink(os.path.join(current, d))]
        if is_story_dir(Path(current)):
            found.append(Path(current).relative_to(root).as_posix())
    return sorted(found)


def _relative(root: Path, path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


LINKED_FOLDER = "a symbolic link to a folder; not followed (copy the story in, or run batch on it)"


# ---------------------------------------------------------------- output


class JsonlOutput:
    def __init__(self, path: Path) -> None:
        self.path = path

    def existing(self) -> list[dict]:
        """The records already written. Every line is checked before anything is changed: a
        file that is not ours is refused, by name, as it is."""
        check_output_path(self.path)
        if not self.path.exists():
            return []
        data = self.path.read_bytes()
        complete = data[: data.rfind(b"\n") + 1]
        records = self._records(complete)
        if len(complete) != len(data):  # a line cut off by a kill: drop it, the story runs again
            if not is_our_cut_line(data[len(complete):]):
                raise ValueError(f"{self.path}: its last line is not a {SCHEMA} record; "
                                 "not a retold batch output? (nothing was changed)")
            with open(self.path, "r+b") as handle:
                handle.truncate(len(complete))
        return records

    def _records(self, complete: bytes) -> list[dict]:
        records = []
        for number, line in enumerate(complete.splitlines(), 1):
            try:
                record = load_json(line)
            except ValueError:
                raise ValueError(f"{self.path}:{number}: not a JSON line; not a retold batch output? "
                                 "(nothing was changed)") from None
            if not isinstance(record, dict) or record.get("schema") != SCHEMA:
                raise ValueError(f"{self.path}:{number}: not a {SCHEMA} record (nothing was changed)")
            records.append(record)
        return records

    def drop(self, paths: set[str]) -> None:
        """Remove the records of `paths` (for --retry-failed), atomically."""
        kept = [line for line in self.path.read_bytes().splitlines(keepends=True) if load_json(line)["path"] not in paths]
        write_atomic(self.path, b"".join(kept))

    def __enter__(self):
        check_output_path(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Appending: O_NOFOLLOW, so a link put there since the check is refused, not written through.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        self.handle = open(fd, "a", encoding="utf-8")
        return self

    def write(self, records: list[dict]) -> None:
        # Same JSON values; C1 controls, bidi overrides and lone surrogates (a folder name's
        # undecodable bytes, which UTF-8 cannot even write) as \u escapes, as `align --format json`.
        self.handle.write("".join(json_inert(json.dumps(r, ensure_ascii=False)) + "\n" for r in records))
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
        check_output_path(self.path)
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
        buffer = pa.BufferOutputStream()
        pq.write_table(pa.Table.from_pylist([to_arrow_row(r) for r in records], schema=arrow_schema()), buffer)
        write_atomic(self.path, buffer.getvalue().to_pybytes())
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
    reported: list[str] = field(default_factory=list)  # "story: what happened", for the user (each a failed record too)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (story, one-line reason), this run
    failed_before: list[tuple[str, str]] = field(default_factory=list)  # failures left in the output from earlier runs

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None


def _record_problems(output, problems: list[tuple[str, str]], progress: Progress, on_progress) -> None:
    """Folders that cannot be read or are links: a failed record each, named in `progress`."""
    if not problems:
        return
    records = [story_record(path, None, 0.0, None, f"{path}: {why}") for path, why in problems]
    with output:
        output.write(records)
    progress.total += len(records)
    progress.done += len(records)
    progress.failed += len(records)
    progress.reported += [record["error"] for record in records]
    if on_progress:
        on_progress(progress)


def _one_line(error: str | None) -> str:
    return " ".join((error or "failed").split())[:300]


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def guided_chunks(items: list[str], slots: int, most: int = 16) -> Iterator[list[str]]:
    """Big chunks first, shrinking to single stories at the end (guided scheduling): few tasks
    for the scheduler to send, and no worker left idle while another ends a long last chunk."""
    start = 0
    while start < len(items):
        size = max(1, min(most, (len(items) - start) // (slots * 4)))
        yield items[start:start + size]
        start += size


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
    cache: bool = False,
) -> Progress:
    """Align every story under `root` into `out`. KeyboardInterrupt stops it; what is written stays.

    Local workers start while the archive is being discovered (when the output is new, so there
    is work to do), no more of them than usable cores unless `workers` says so."""
    output = open_output(out)
    previous = output.existing()
    if retry_failed:
        failed = {r["path"] for r in previous if not r["ok"]}
        if failed:
            output.drop(failed)
            previous = [r for r in previous if r["path"] not in failed]
    done = {r["path"] for r in previous}
    problems: list[tuple[str, str]] = []  # folders that cannot be read or are links
    with ExitStack() as stack:
        runner = None
        if not scheduler and not done:  # the workers load the pipeline while this process walks the archive
            runner = stack.enter_context(_local(workers, processes))
        stories = discover(root, problems)
        todo = [path for path in stories if path not in done]
        progress = Progress(total=len(todo), skipped=len(stories) - len(todo), started=time.monotonic())
        progress.failed_before = [(r["path"], _one_line(r.get("error"))) for r in previous if not r["ok"]]
        _record_problems(output, [(p, why) for p, why in problems if p not in done], progress, on_progress)
        if not todo:
            with output:  # folds a leftover Parquet journal
                pass
            return progress
        if runner is None:
            runner = stack.enter_context(_on_dask(scheduler, connect_timeout) if scheduler else _local(workers, processes))
        _submit_all(runner, root, todo, output, progress, chunk_size, semantic, cache, on_progress)
    return progress


def _local(workers: int | None, processes: bool):
    if not processes:  # in this process, one chunk after another (tests, and a debugger)
        return nullcontext(InProcess())
    from retold.batch.local import local_workers, usable_cores

    return local_workers(workers or usable_cores())


class InProcess:
    """The chunks aligned here, one after another."""

    def slots(self) -> int:
        return 1

    def run(self, batches, root, semantic, cache):
        for batch in batches:
            yield align_chunk(root, batch, semantic, cache), None


class OnDask:
    """The chunks as tasks on a Dask cluster (`--scheduler`)."""

    def __init__(self, client) -> None:
        self.client = client

    def slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def run(self, batches, root, semantic, cache):
        from distributed import as_completed

        futures = [self.client.submit(align_chunk, root, batch, semantic, cache, pure=False) for batch in batches]
        batch_of = {future.key: batch for future, batch in zip(futures, batches)}
        try:
            for future in as_completed(futures):
                try:
                    records = future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: the task kept killing workers
                    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                    yield batch_of[future.key], "died" if is_killed_worker(exc) else f"{type(exc).__name__}: {reason}"
                else:
                    yield records, None
                future.release()
        finally:
            for future in futures:
                future.cancel()


@contextmanager
def _on_dask(scheduler: str, connect_timeout: float):
    from distributed import Client

    client = Client(scheduler, timeout=connect_timeout)
    try:
        yield OnDask(client)
    finally:
        client.close()


def _submit_all(runner, root: Path, todo: list[str], output, progress: Progress, chunk_size: int | None,
                semantic: bool, cache: bool, on_progress: Callable[[Progress], None] | None) -> None:
    progress.started = time.monotonic()  # the rate counts alignment, not the workers' start
    slots = runner.slots()
    batches = list(chunks(todo, chunk_size)) if chunk_size else list(guided_chunks(todo, slots))
    with output:
        for value, problem in runner.run(batches, str(root), semantic, cache):
            if problem is None:
                records = value
            elif problem == "died":  # which story kills its worker: each tried alone, in a child process
                records = [align_isolated(str(root), path, semantic) for path in value]
                progress.reported += [r["error"] for r in records if not r["ok"]]
            else:
                records = [story_record(path, None, 0.0, None, f"{path}: task failed ({problem})") for path in value]
            output.write(records)
            progress.done += len(records)
            progress.failed += sum(not r["ok"] for r in records)
            progress.failures += [(r["path"], _one_line(r.get("error"))) for r in records if not r["ok"]]
            if on_progress:
                on_progress(progress)
