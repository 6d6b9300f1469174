"""The local workers of `retold batch` (no `--scheduler`): a process pool as lean as
`multiprocessing.Pool`, with what a batch needs that a plain pool lacks.

Dask's LocalCluster cost a local run about a third of its speed and half again its memory
against `multiprocessing.Pool(2)` over the same `align_story` (issue 19): importing
`distributed` in the driver and in every worker, the scheduler and its event loop in the
driver, a forkserver process, and a message round trip per task. None of that buys anything on
one machine, so a local batch runs the same tasks (`task.align_chunk`, the same chunks, the same
records) on worker processes forked from the driver, one chunk at a time each, over a pipe;
`--scheduler` still sends them to a Dask cluster.

What a plain pool lacks and this one keeps (the guarantees `retold batch` had on Dask):
- a worker that dies is replaced, and the chunk it held runs again, split into single stories
  (a plain Pool waits forever for it; ProcessPoolExecutor fails every pending task);
- a story whose worker died alone with it is aligned once more in a child process of its own
  (`isolated.py`), which names it for certain, or gives its record if it was innocent;
- workers ignore Ctrl+C: only the driver stops, and it ends the workers itself, quietly.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait

# What a worker imports while the driver walks the archive, before its first chunk arrives.
WARM = ("retold.model.pipeline", "retold.model.align", "retold.model.clean", "retold.model.segment")
# Tries of a story in a worker before it is tried alone in a child process: once in its chunk, once alone.
TRIES_IN_WORKERS = 2
STOP_WAIT_S = 5.0  # a worker told to stop that is still there after this is ended


def usable_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextmanager
def workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl+C reaches every process of the terminal's group: processes started meanwhile inherit
    an ignored SIGINT, so only this process stops the batch, and the workers are ended by it
    instead of dying with a traceback each."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _context():
    # fork: a worker starts in milliseconds and shares the driver's imported pages (as Pool does
    # on Linux); workers are forked before the driver starts a thread. Elsewhere, spawn.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _warm() -> None:
    import importlib

    for name in WARM:
        importlib.import_module(name)


def _serve(conn) -> None:
    """A worker: chunks in, records out, until told to stop or the driver goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # spawn does not inherit it
    from retold.batch import task as batch_task

    batch_task.LOCAL_WORKER = f"local://{os.getpid()}"
    _warm()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        root, paths, semantic, cache = task
        try:
            answer = ("records", batch_task.align_chunk(root, paths, semantic, cache))
        except Exception as exc:  # noqa: BLE001 - align_story never raises; anything else is the task's failure
            answer = ("error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, context) -> None:
        self.conn, child = context.Pipe()
        with workers_ignore_ctrl_c():
            self.process = context.Process(target=_serve, args=(child,), name="retold-batch-worker", daemon=True)
            self.process.start()
        child.close()
        self.task: tuple[list[str], int] | None = None  # (stories, tries so far) while it holds a chunk


class LocalWorkers:
    """`workers` processes on this machine, started at once (before the archive is walked)."""

    def __init__(self, workers: int) -> None:
        self.context = _context()
        if self.context.get_start_method() == "fork":
            # Loaded once here, before forking: every worker shares these pages (less memory for
            # the process tree) and none spends its own CPU loading them (on a busy machine the
            # workers' imports compete with each other for the same cores).
            _warm()
        self.workers = [_Worker(self.context) for _ in range(workers)]

    def slots(self) -> int:
        return len(self.workers)

    def run(self, batches: list[list[str]], root: str, semantic: bool, cache: bool) -> Iterator[tuple[list, str | None]]:
        """Yields (records, None) per chunk as it finishes, in any order; (stories, reason) for a
        task that raised; (stories, "died") for a story whose worker died with it each try."""
        queue = deque((batch, 0) for batch in batches)
        while queue or any(w.task for w in self.workers):
            for worker in self.workers:
                if worker.task is None and queue:
                    worker.task = queue.popleft()
                    try:
                        worker.conn.send((root, worker.task[0], semantic, cache))
                    except (BrokenPipeError, OSError):
                        pass  # it died idle: found below by its sentinel
            busy = [w for w in self.workers if w.task]
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                stories, tries = worker.task
                answer = None
                if worker.conn in ready or worker.conn.poll():
                    try:
                        answer = worker.conn.recv()
                    except (EOFError, OSError):
                        answer = None
                if answer is None:  # it died holding the chunk: a new worker, the chunk again
                    self._replace(worker)
                    if len(stories) > 1:
                        for story in reversed(stories):
                            queue.appendleft(([story], tries + 1))
                    elif tries + 1 < TRIES_IN_WORKERS:
                        queue.appendleft((stories, tries + 1))
                    else:
                        yield stories, "died"
                    continue
                worker.task = None
                kind, value = answer
                yield (value, None) if kind == "records" else (stories, value)

    def _replace(self, worker: _Worker) -> None:
        worker.conn.close()
        worker.process.join(1.0)
        index = self.workers.index(worker)
        self.workers[index] = _Worker(self.context)

    def close(self, at_once: bool = False) -> None:
        """Tell the workers to stop and wait for them; `at_once` (Ctrl+C, an error): end them."""
        for worker in self.workers:
            if at_once:
                worker.process.terminate()
            else:
                try:
                    worker.conn.send(None)
                except (BrokenPipeError, OSError):
                    pass
        for worker in self.workers:
            worker.process.join(STOP_WAIT_S)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


@contextmanager
def local_workers(workers: int) -> Iterator[LocalWorkers]:
    pool = LocalWorkers(workers)
    try:
        yield pool
    except BaseException:
        pool.close(at_once=True)
        raise
    pool.close()
