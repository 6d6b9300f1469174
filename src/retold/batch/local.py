"""The local Dask cluster of `retold batch`, started for what a batch needs and nothing more.

A plain `LocalCluster` spawns each worker as a fresh interpreter that imports Dask and retold
from nothing (over a second each on a busy 2-core machine), and closing it waits on the spawned
processes. Workers forked from a forkserver that has already imported `distributed` and retold's
pipeline start at once, share those modules' pages with each other (less memory for the process
tree), and leave at once. The same `align_chunk` tasks run as on a user's cluster (`--scheduler`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# What every worker imports before its first story: loaded once, in the forkserver.
PRELOAD = ["distributed", "retold.batch.job", "retold.model.pipeline", "retold.model.align",
           "retold.model.clean", "retold.model.segment", "retold.model.cache"]


def usable_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextmanager
def workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl+C reaches every process of the terminal's group: processes started meanwhile (the
    forkserver, and through it the workers) inherit an ignored SIGINT, so only this process stops
    the batch, and the workers are shut down by it instead of dying with a traceback each."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def local_cluster(workers: int, processes: bool = True):
    """A LocalCluster of `workers` single-threaded workers (processes forked from a preloaded
    forkserver where the platform has one), and a Client on it; both closed on leaving."""
    import dask
    from distributed import Client, LocalCluster

    method = "forkserver" if processes and "forkserver" in multiprocessing.get_all_start_methods() else None
    settings = {"distributed.worker.multiprocessing-method": method} if method else {}
    with dask.config.set(settings):
        if method:
            from distributed.utils import get_mp_context

            # Dask's own preload list imports every optional package it knows (pandas, numpy…),
            # none of which a batch needs: ours replaces it, before the forkserver starts.
            get_mp_context().set_forkserver_preload(PRELOAD)
        with workers_ignore_ctrl_c():
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=processes,
                dashboard_address=None, silence_logs=logging.CRITICAL,  # a dying worker's noise: batch/noise.py
            )
        try:
            client = Client(cluster)
            try:
                yield client
            finally:
                client.close()
        finally:
            cluster.close()
