"""`retold batch ROOT --out FILE [--scheduler ADDRESS]`: the command line around `job.run_batch`."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from retold.model.safe import printable


def _fail(message: str, code: int = 2) -> int:
    print(f"retold: error: {printable(message)}", file=sys.stderr)
    return code


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else f"{seconds // 60}:{seconds % 60:02d}"


class Bar:
    """One status line on stderr: redrawn in place on a terminal, every 10 s otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def line(self, p) -> str:
        width = 24
        filled = int(width * p.done / p.total) if p.total else width
        return (f"[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} stories · {p.failed} failed · "
                f"{p.rate:.1f}/s · ETA {_clock(p.eta)}")

    def __call__(self, p) -> None:
        now = time.monotonic()
        if now - self.last < (0.1 if self.tty else 10.0) and p.done < p.total:
            return
        self.last = now
        if self.tty:
            sys.stderr.write("\r" + self.line(p) + "\x1b[K")
        else:
            sys.stderr.write(self.line(p) + "\n")
        sys.stderr.flush()

    def end(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


def run_batch_command(args) -> int:
    from importlib.util import find_spec

    from retold.batch.job import run_batch
    from retold.batch.noise import quiet_dask

    # Only a cluster needs Dask (found, not imported: 0.4 s); the local workers are ours.
    if args.scheduler:
        if find_spec("distributed") is None:
            return _fail("`retold batch --scheduler` needs Dask: in retold's checkout, pip install '.[batch]'")
        import distributed  # noqa: F401 - now: its logging handlers must exist before quiet_dask filters them
    root, out = Path(args.root), Path(args.out)
    if not root.is_dir():
        return _fail(f"{args.root}: no such directory")
    if out.suffix.lower() not in (".jsonl", ".parquet"):
        return _fail(f"{args.out}: the output must end in .jsonl or .parquet")
    if out.suffix.lower() == ".parquet" and find_spec("pyarrow") is None:
        return _fail(f"{args.out}: Parquet output needs pyarrow: in retold's checkout, pip install '.[batch]'")
    if args.workers is not None and args.workers < 1:
        return _fail("--workers must be at least 1")
    from retold.model.pipeline import semantic_hint

    semantic = not getattr(args, "no_semantic", False)
    hint = semantic_hint(semantic)
    if hint:  # once for the whole batch, not once a story
        print(f"retold: {hint}", file=sys.stderr)
    bar = Bar()
    started = time.monotonic()
    try:
        with quiet_dask():  # a dying worker's log lines and tracebacks: the lines below say what happened
            progress = run_batch(root, out, scheduler=args.scheduler, workers=args.workers,
                                 retry_failed=args.retry_failed, on_progress=bar, connect_timeout=args.connect_timeout,
                                 semantic=semantic, cache=not getattr(args, "no_cache", False))
    except KeyboardInterrupt:
        bar.end()
        print(f"retold: stopped; the stories finished so far are in {printable(out)} (run again to resume)", file=sys.stderr)
        return 130
    except ValueError as exc:  # an output file that is not ours
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.scheduler or out}: {exc}")
    bar.end()
    for problem in progress.reported:
        print(f"retold: {printable(os.path.join(args.root, problem))}; counted as failed", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"retold: {progress.done - progress.failed} stories aligned, {progress.failed} failed, in {elapsed:.1f} s; "
          f"{progress.skipped} already in {printable(out)}", file=sys.stderr)
    for story, reason in progress.failures:  # each failure once: the lines above said these already
        if not any(problem.startswith(f"{story}: ") for problem in progress.reported):
            print(f"retold: failed: {printable(story)}: {printable(reason)}", file=sys.stderr)
    if progress.failed_before:
        print(f"retold: {len(progress.failed_before)} failed in an earlier run, still in {printable(out)} "
              "(--retry-failed runs them again):", file=sys.stderr)
        for story, reason in progress.failed_before:
            print(f"retold: failed: {printable(story)}: {printable(reason)}", file=sys.stderr)
    return 1 if progress.failed or progress.failed_before else 0
