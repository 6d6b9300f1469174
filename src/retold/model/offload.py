"""Align a big story in a child process, so the reader's screen keeps the interpreter lock.

The reader loads in a thread; a thread that aligns a 20-outlet story holds the GIL for a second
or more against the thread that paints. A story found in the alignment cache is read in-process
(a few tens of milliseconds); a small one is aligned in-process too (it aligns faster than an
interpreter starts); anything bigger runs `load_alignment` in `python -m retold.model.offload`,
which reports its stages and warnings as JSON lines on its standard output and hands the
alignment back as a cache entry (retold.model.cache: typed data behind a digest, never a
pickle), stored in the cache as well when there is one. The child ends when its parent does
(its standard input closes) and is killed when the load is cancelled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

# Below this many bytes of input a story aligns in well under the ~0.25 s an interpreter
# takes to start and import the pipeline: aligned in-process.
IN_PROCESS_BELOW = 200_000
_CHILD_KEY = "offload"


def load_alignment_aside(paths: list[str], notice: Callable[[str], None] | None = None,
                         progress: Callable[[str, int, int], None] | None = None, *, cache=None,
                         semantic: bool = True):
    """As `pipeline.load_alignment(paths, notice, progress, semantic, cache=cache)`, aligning a big story
    in a child process. An exception raised by `progress` kills the child and propagates."""
    alignment, finish = load_alignment_first(paths, notice, progress, cache=cache, semantic=semantic)
    if finish is not None:
        finish()
    return alignment


def load_alignment_first(paths: list[str], notice: Callable[[str], None] | None = None,
                         progress: Callable[[str, int, int], None] | None = None, *, cache=None,
                         semantic: bool = True, looked_up: bool = False):
    """(alignment, finish): as `load_alignment_aside`, but the alignment comes back as soon as it
    is aligned (or read), with its quotes and panes' order (what the reader's first screen shows)
    and without its provenance (`retold.model.sources`: who took whose text, ~0.3 s on a
    20-outlet story). `finish()` then works it out (here, or the child does: it waits for it),
    puts the whole Sources on the alignment (where `sources_of` finds them: identical to
    computing them at once), stores the cache entry whole, and returns them; it raises if the
    child failed (the caller may then compute them itself). `finish` is None when the alignment
    carries its Sources already (a hit on a whole entry). `looked_up`: the caller just found no
    entry in `cache` (not looked up again here; the load looks it up all the same before it aligns)."""
    from retold.model.arrange import arrangement_of
    from retold.model.pipeline import cached_alignment, load_alignment
    from retold.model.sources import has_sources, quotes_of
    from retold.model.story import collect_files

    found = None
    if cache is not None and not looked_up:
        found = cached_alignment(paths, cache, notice, semantic=semantic)
    if found is None:
        files, _, _ = collect_files(paths)  # raises InputError as the load would; notices come from the load
        try:
            size = sum(os.stat(path).st_size for path, _ in files)
        except OSError:
            size = 0  # the load says what is wrong with the file
        if size >= IN_PROCESS_BELOW:
            return _in_child(paths, notice, progress, cache, semantic)
        if cache is not None:
            cache.holding = True  # stored by `finish`, whole
        try:
            found = load_alignment(paths, notice, progress, semantic, cache=cache, vector_cache=cache is not None)
        finally:
            if cache is not None:
                cache.holding = False
    if has_sources(found):
        return found, None
    quotes_of(found)
    arrangement_of(found)

    def finish():
        from retold.model.sources import sources_of

        sources = sources_of(found)
        if cache is not None:
            cache.store_held(found)
        return sources

    return found, finish


class EarlyLoad:
    """A forked process aligning a small story into the alignment cache (`load_early`)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.status: int | None = None  # its wait status once it has ended

    def done(self, timeout: float) -> bool:
        """Whether it has ended (whatever its outcome), waiting up to `timeout` seconds."""
        import time

        deadline = time.monotonic() + timeout
        while self.status is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                pid, status = self.pid, -1
            if pid:
                self.status = status
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.002)
        return True

    def cancel(self) -> None:
        """Ends it now (the reader was left, or it took too long) and reaps it."""
        if self.status is None:
            import signal

            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.done(5.0)


def load_early(paths: list[str], cache, semantic: bool = True) -> EarlyLoad | None:
    """Start aligning a small story before the reader's process imports Textual: a forked copy of
    this process (it has imported little yet) runs the reader's own load, `load_alignment_first`
    and its `finish`, and stores the whole entry (with Sources and panes' order) in `cache`, on the
    second core while this one imports the screen's code (~0.12 s). The reader then finds the
    story in the cache and opens straight on it (RetoldApp's `early`). It says nothing and
    decides nothing: any warning is stored with the entry and repeated by the hit, and a story
    that fails to load leaves no entry, so the reader's own loading path says why, as without it.

    None (nothing started) without a cache (the hand-over goes through it), off Linux (macOS
    frameworks are not safe in a forked process that does not exec; Windows has no fork), for
    a story of IN_PROCESS_BELOW bytes or more (the reader aligns those in a child with progress),
    and when the sentence model takes part (embedding takes seconds and reports progress, which
    the loading screen shows). Call it before any thread is started in this process."""
    from retold.model.pipeline import semantic_option
    from retold.model.story import InputError, collect_files

    if cache is None or not sys.platform.startswith("linux") or semantic_option(semantic) is not None:
        return None
    try:
        files, _, _ = collect_files(paths)
        if sum(os.stat(path).st_size for path, _ in files) >= IN_PROCESS_BELOW:
            return None
    except (InputError, OSError):
        return None  # said by the reader's loading path
    pid = os.fork()
    if pid:
        return EarlyLoad(pid)
    code = 1
    try:  # the child: never writes to the terminal, never returns to the caller
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        cache.with_sources = True  # as RetoldApp sets it: the reader opens on an entry with its Sources
        _, finish = load_alignment_first(paths, cache=cache, semantic=semantic)
        if finish is not None:
            finish()  # works out the provenance and stores the whole entry
        code = 0
    finally:
        os._exit(code)


def _in_child(paths, notice, progress, cache, semantic=True):
    import retold
    from retold.model.cache import unpack
    from retold.model.pipeline import cyclic_gc_paused
    from retold.model.story import InputError

    say = notice or (lambda message: None)
    step = progress or (lambda stage, done, total: None)
    source_root = str(Path(retold.__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")])))
    with tempfile.TemporaryDirectory(prefix="retold-offload-") as scratch:
        entry = Path(scratch) / "alignment"
        request = {"paths": list(paths), "out": str(entry), "semantic": bool(semantic),
                   "cache": str(cache.directory) if cache is not None else None,
                   "max_bytes": cache.max_bytes if cache is not None else None}
        child = subprocess.Popen(
            [sys.executable, "-m", "retold.model.offload"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8", start_new_session=True,
        )
        errors: list[str] = []
        drain = threading.Thread(target=lambda: errors.append(child.stderr.read()), daemon=True)
        drain.start()

        def leave() -> None:
            try:
                child.stdin.close()  # the child's signal to leave (once it has stored the entry)
            except OSError:
                pass
            child.wait()
            drain.join(timeout=5)

        def failure() -> RuntimeError:
            tail = " ".join("".join(errors).split())[-300:]
            return RuntimeError(f"the aligning process ended unexpectedly (exit code {child.returncode}){': ' + tail if tail else ''}")

        try:
            child.stdin.write(json.dumps(request) + "\n")
            child.stdin.flush()
            outcome = None
            for line in child.stdout:
                message = json.loads(line)
                if "progress" in message:
                    step(*message["progress"])
                elif "notice" in message:
                    say(message["notice"])
                else:
                    outcome = message
                    break
        except BaseException:
            child.kill()
            leave()
            raise
        if outcome is None or "error" in outcome:
            leave()
            if outcome is None:
                raise failure()
            if outcome["error"] == "InputError":
                raise InputError(outcome["message"])
            raise RuntimeError(outcome["message"])
        try:
            with cyclic_gc_paused():  # ~10^5 objects made at once, none in a cycle
                alignment, _ = unpack(entry.read_bytes(), outcome.get("key", _CHILD_KEY))
        except BaseException:
            child.kill()
            leave()
            raise
    if not outcome.get("sources_next"):
        leave()
        return alignment, None

    def finish():
        from retold.model.cache import unpack_sources

        try:
            line = child.stdout.readline()
        finally:
            leave()
        if not line:
            raise failure()
        message = json.loads(line)
        if "error" in message:
            raise RuntimeError(message["message"])
        sources = unpack_sources(message["sources"], alignment)
        alignment._cache["sources"] = sources
        return sources

    return alignment, finish


def _child() -> int:
    """`python -m retold.model.offload`: one request on stdin, JSON lines on stdout.

    Sends the alignment as soon as it is aligned, with its quotes and panes' order (a file
    holding a cache entry without the provenance, and a line "aligned"), then works out the
    provenance, sends it (one line) and stores the whole entry in the cache. Until the
    alignment is sent, a closed standard input (the parent gone or done) ends it at once;
    after, it ends once the entry is stored."""
    from retold.model.cache import AlignmentCache, pack, pack_provenance
    from retold.model.pipeline import load_alignment
    from retold.model.story import InputError

    request = json.loads(sys.stdin.readline())
    out = sys.stdout
    finishing = threading.Event()

    def watch_parent() -> None:  # stdin closes when the parent ends or is done with us
        sys.stdin.read()
        if not finishing.is_set():
            os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()

    def send(message: dict) -> None:
        try:
            out.write(json.dumps(message) + "\n")
            out.flush()
        except (BrokenPipeError, ValueError):  # the parent left: the cache entry is still worth storing
            pass

    # The reader shows the story's Sources and orders its panes: computed here, off its interpreter lock, and stored.
    cache = AlignmentCache(Path(request["cache"]), request["max_bytes"], with_sources=True) if request["cache"] else None
    if cache is not None:
        cache.holding = True  # what a miss stores is held until the provenance is in
    notices: list[str] = []
    try:
        alignment = load_alignment(
            request["paths"], lambda m: (notices.append(m), send({"notice": m})),
            lambda stage, done, total: send({"progress": [stage, done, total]}), request.get("semantic", True), cache=cache,
            vector_cache=cache is not None,  # --no-cache: no vectors kept either
        )
        from retold.model.arrange import arrangement_of
        from retold.model.sources import has_sources, quotes_of

        quotes_of(alignment)  # the reader's first screen marks them: handed back with the alignment
        arrangement_of(alignment)  # so is the panes' order
        sources_next = not has_sources(alignment)  # (a hit on a whole entry carries them already)
        Path(request["out"]).write_bytes(pack(_CHILD_KEY, alignment, notices))
    except InputError as exc:
        send({"error": "InputError", "message": str(exc)})
        return 0
    except Exception as exc:  # noqa: BLE001 - said by the parent in one line
        send({"error": type(exc).__name__, "message": f"{type(exc).__name__}: {exc}"})
        return 0
    if not sources_next:
        send({"done": True, "key": _CHILD_KEY})
        return 0
    finishing.set()
    send({"done": True, "key": _CHILD_KEY, "sources_next": True})
    try:
        from retold.model.sources import sources_of

        sources = sources_of(alignment)
        send({"sources": pack_provenance(sources.provenance)})
    except Exception as exc:  # noqa: BLE001 - said by the parent, which computes them itself
        send({"error": type(exc).__name__, "message": f"{type(exc).__name__}: {exc}"})
        return 0
    if cache is not None:
        cache.holding = False
        cache.store_held(alignment)  # a miss: the whole entry; a hit on one without them: completed
    return 0


if __name__ == "__main__":
    raise SystemExit(_child())
