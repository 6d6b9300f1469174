"""A story whose task kept killing its workers (local or Dask), aligned once more alone, in a
child process of the driver (issue 17, item 11).

Dask reports KilledWorker for every task that was on a worker when it died, and a worker can die
for reasons of its own (the out-of-memory killer picks the largest process), so the story to
blame is not known from a death alone: a story that was only sharing the worker is innocent.
Alone in its own process, a story either gives its record (it was innocent: the record is
written as usual) or ends the process, which names it for certain.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from retold.batch.schema import story_record

CHILD = ("import json, sys; from retold.batch.job import align_story; "
         "print(json.dumps(align_story(sys.argv[1], sys.argv[2], sys.argv[3] == '1')))")
TIMEOUT_S = 600.0  # far beyond any story the workers align; only a hang reaches it


def align_isolated(root: str, path: str, semantic: bool = True) -> dict:
    env = dict(os.environ)
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, root, path, "1" if semantic else "0"], capture_output=True, text=True,
                              timeout=TIMEOUT_S, env=env, errors="replace")
    except subprocess.TimeoutExpired:
        return story_record(path, None, TIMEOUT_S, None, f"{path}: its workers died aligning it, and alone it "
                            f"did not finish within {TIMEOUT_S:g} s")
    except OSError as exc:
        return story_record(path, None, 0.0, None, f"{path}: its worker died aligning it; it could not be "
                            f"tried alone ({exc.strerror or exc})")
    if done.returncode == 0:
        try:
            record = json.loads(done.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            record = None
        if isinstance(record, dict):
            return record
    return story_record(path, None, 0.0, None, f"{path}: the story kills the process aligning it "
                        f"({_ending(done.returncode)}; its workers died the same way)")


def _ending(code: int) -> str:
    if code < 0:
        try:
            return f"ended by {signal.Signals(-code).name}"
        except ValueError:
            return f"ended by signal {-code}"
    return f"exit status {code}"
