"""Per-item work spread over the machine's cores with forked workers (checking files, rendering pages).

Forked workers inherit the job (a function and its items) from the parent, so nothing but the item's
index goes to a worker and only the result comes back: a page's whole site model is never pickled.
Small jobs, machines with one core, and platforms without ``fork`` run in the calling process.
The jobs (checking a file, rendering a page) never call OpenMP code such as the suffix arrays of
``repeats.py``: a child forked from a process that has used OpenMP can hang in it (see ingest's pool).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Sequence

MIN_ITEMS = 64  # below this, starting workers costs more than it saves
MAX_WORKERS = 4

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # set in the parent just before forking


def worker_count() -> int:
    """Cores this process may use (at most MAX_WORKERS)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def fork_map(function: Callable[[Any], Any], items: Sequence[Any], min_items: int = MIN_ITEMS) -> list[Any]:
    """``[function(item) for item in items]``, in order, across the cores when there are enough items."""
    global _job
    workers = worker_count()
    if workers < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    _job = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (workers * 8)))
    finally:
        _job = None


def _run(index: int) -> Any:
    """In a worker: the job's function on one item."""
    assert _job is not None
    function, items = _job
    return function(items[index])
