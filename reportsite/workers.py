"""Work spread over the machine's cores with forked workers: per item (checking files, rendering pages),
or one computation beside the caller's own (fork_call).

Forked workers inherit the job (a function and its items) from the parent, so nothing but the item's
index goes to a worker and only the result comes back: a page's whole site model is never pickled.
Small jobs, machines with one core, and platforms without ``fork`` run in the calling process.
The jobs (checking a file, rendering a page) never call OpenMP code such as the suffix arrays of
``repeats.py``: a child forked from a process that has used OpenMP can hang in it (see ingest's pool).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Generic, Sequence, TypeVar

T = TypeVar("T")

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
    if len(items) < min_items or not can_fork():
        return [function(item) for item in items]
    _job = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (workers * 8)))
    finally:
        _job = None


def can_fork() -> bool:
    """True when work may go to forked workers: a second core, and fork on this platform."""
    return worker_count() >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _run(index: int) -> Any:
    """In a worker: the job's function on one item."""
    assert _job is not None
    function, items = _job
    return function(items[index])


class Forked(Generic[T]):
    """One computation started by fork_call; ``result()`` waits for it."""

    def __init__(self, function: Callable[[], T], background: bool) -> None:
        self._value: tuple[bool, Any] | None = None
        self._process: Any = None
        if not background or not can_fork():
            self._value = _outcome(function)
            return
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_outcome, args=(function, writer), daemon=True)
        try:
            self._process.start()
        except OSError:  # no process to be had (a limit on processes or memory): do it here
            self._reader.close()
            self._process = None
            self._value = _outcome(function)
        finally:
            writer.close()  # the child holds the only writing end: its death is an end of file here

    def result(self) -> T:
        """The function's value (its exception raised here); waits for the worker."""
        if self._value is None:
            try:
                self._value = self._reader.recv()
            except EOFError:
                self._value = (False, RuntimeError("a forked worker died before it answered"))
            finally:
                self._reader.close()
                self._process.join()
        ok, value = self._value
        if not ok:
            raise value
        return value


def fork_call(function: Callable[[], T], background: bool = True) -> Forked[T]:
    """Start ``function()`` in a forked worker (when ``background`` and there is a second core), to run
    while the caller goes on; otherwise call it now.  Like fork_map's jobs, it must not call OpenMP code."""
    return Forked(function, background)


def _outcome(function: Callable[[], T]) -> tuple[bool, Any]:
    """(True, value) or (False, the exception raised)."""
    try:
        return True, function()
    except Exception as error:  # handed to the caller, which raises it
        return False, error


def _send_outcome(function: Callable[[], Any], writer: Any) -> None:
    """In a worker: send the function's outcome to the parent."""
    writer.send(_outcome(function))
    writer.close()
