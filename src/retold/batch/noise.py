"""Dask's own messages kept off the user's terminal while a batch runs (issue 17, item 11).

When a worker dies, the scheduler, the client and the event loop each log what they saw
("Couldn't gather keys", a CommClosedError traceback, a port already in use): none of it is
something the user can act on, and the batch's own lines say what happened to which story.
Records of the `distributed`, `tornado` and `asyncio` loggers below CRITICAL are dropped by
every handler, and distributed's warnings are ignored, for the length of the batch only.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

NOISY = ("distributed", "tornado", "asyncio", "bokeh")


class _DropDaskNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.CRITICAL:
            return True
        return not any(record.name == name or record.name.startswith(name + ".") for name in NOISY)


@contextmanager
def quiet_dask() -> Iterator[None]:
    noise = _DropDaskNoise()
    handlers = {handler for name in ("", *NOISY) for handler in logging.getLogger(name).handlers}
    if logging.lastResort is not None:
        handlers.add(logging.lastResort)
    for handler in handlers:
        handler.addFilter(noise)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"(distributed|tornado|bokeh)(\..*)?$")
            yield
    finally:
        for handler in handlers:
            handler.removeFilter(noise)


def is_killed_worker(exc: BaseException) -> bool:
    """True for distributed's KilledWorker: the task's workers kept dying while running it."""
    return type(exc).__name__ == "KilledWorker"
