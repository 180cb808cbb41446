"""Work spread over the machine's cores with forked workers: per item (checking files, rendering pages),
or one computation beside the caller's own (fork_call; thread_call runs one in a thread instead, for work
numpy does with the interpreter's lock let go).

Forked workers inherit the job (a function and its items) from the parent, so nothing but a run of
items' positions goes to a worker (through a counter they share) and only the results come back: a
page's whole site model is never pickled.
Small jobs, machines with one core, and platforms without ``fork`` run in the calling process.
The jobs (checking a file, rendering a page) never call OpenMP code such as the suffix arrays of
``repeats.py``: a child forked from a process that has used OpenMP can hang in it (see ingest's pool).
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import pickle
import queue
import threading
import traceback
from typing import Any, Callable, Generic, Sequence, TypeVar

T = TypeVar("T")

MIN_ITEMS = 64  # below this, starting workers costs more than it saves
MAX_WORKERS = 4
PIPE_BYTES = 1 << 20  # a worker's pipe to the caller (Linux's default limit for a process)
RUN_SHARE = 4  # a run claimed is at most 1/(RUN_SHARE * processes) of the items left

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # set in the parent just before forking


def worker_count() -> int:
    """Cores this process may use (at most MAX_WORKERS)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``) before forking: a worker
    starts as a copy of the caller and counts every resident page of it again, freed ones included.
    Python frees the objects of a big step (the shared-passage search, parsing thousands of files) into
    the C heap, which keeps the pages it cannot give back from its top.  Nothing where there is no glibc."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this interpreter runs on, found without ldconfig
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS), or no such library handle (Windows)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def _before_fork() -> None:
    """Make this process fit to fork: no thread of thread_call still running (a child forked while a thread
    holds a lock, numpy's or the C heap's, could wait for it for ever), free pages given back."""
    for running in list(_running):
        if not running.is_current():
            running.result_ready()
    release_free_memory()


def fork_map(function: Callable[[Any], Any], items: Sequence[Any], min_items: int = MIN_ITEMS) -> list[Any]:
    """``[function(item) for item in items]``, in order, across the cores when there are enough items.

    The calling process works too, beside one forked worker per other core: a worker starts as a copy of
    the caller, so each one more counts the caller's whole memory again (in RSS; its pages are shared until
    written), and the caller would only wait.  Items are claimed in runs that shrink as the work runs out
    (a long run first, a short one last), so every process finishes at about the same time.  The first
    failure anywhere (an exception, a worker that died, results that cannot be received) stops the
    claiming, and is raised here once the others have finished their runs; a worker's exception comes
    with its traceback as its cause.
    """
    global _job
    workers = worker_count()
    if len(items) < min_items or not can_fork():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    _before_fork()
    claims = _Claims(context, len(items), workers)
    _job = (function, items)
    children: list[_Child] = []
    failed = True
    try:
        for _ in range(workers - 1):
            try:
                children.append(_Child(context, claims))
            except OSError:  # no process to be had (a limit on processes or memory): fewer hands
                break
        for child in children:  # every child forked before any thread starts here
            child.listen()
        results: list[Any] = [None] * len(items)
        filled = 0
        for start, end in iter(claims.next, None):
            results[start:end] = [function(item) for item in items[start:end]]
            filled += end - start
        for child in children:
            for start, values in child.results():
                results[start : start + len(values)] = values
                filled += len(values)
        if filled != len(items):  # every run is claimed once, and each claimed run is done or its failure raised
            raise RuntimeError(f"fork_map lost the results of {len(items) - filled} of {len(items)} items")
        failed = False
        return results
    finally:
        _job = None
        for child in children:
            child.stop(failed)


class WorkerTraceback(Exception):
    """Where an exception raised in a forked worker came from: the cause of that exception, raised here."""


class _Claims:
    """Runs of items claimed by the processes of one fork_map, shared through a counter in shared memory."""

    def __init__(self, context: Any, count: int, workers: int) -> None:
        self._next = context.Value("q", 0)
        self._count, self._share = count, workers * RUN_SHARE

    def next(self) -> tuple[int, int] | None:
        """(start, end) of the next run of items, or None when every item is taken (or the work failed)."""
        with self._next.get_lock():
            start = self._next.value
            if start >= self._count:
                return None
            end = min(self._count, start + max(1, (self._count - start) // self._share))
            self._next.value = end
        return start, end

    def cancel(self) -> None:
        """Let no process claim another run: the work has failed."""
        with self._next.get_lock():
            self._next.value = self._count


class _Child:
    """A forked worker of fork_map: it claims runs and sends back (start, values) of each, then None."""

    def __init__(self, context: Any, claims: _Claims) -> None:
        self._claims = claims
        self._reader, writer = context.Pipe(duplex=False)
        _widen(self._reader)
        self._process = context.Process(target=_work, args=(claims, writer), daemon=True)
        try:
            self._process.start()
        except OSError:
            self._reader.close()
            raise
        finally:
            writer.close()  # the child holds the only writing end: its death is an end of file here
        self._received: list[tuple[int, list[Any]]] = []
        self._failure: BaseException | None = None
        # Received as they come (the child would wait for a full pipe to be read), by a thread that
        # mostly waits for the pipe; unpickling holds the interpreter, as a Pool's result handler does.
        self._thread = threading.Thread(target=self._receive, daemon=True)

    def listen(self) -> None:
        """Start receiving the child's runs."""
        self._thread.start()

    def _receive(self) -> None:
        """In the caller's receiving thread: take the child's runs until its None, failure or end."""
        try:
            while (message := pickle.loads(self._reader.recv_bytes())) is not None:
                if isinstance(message, _Failure):
                    self._failure = message.raised()
                    break
                self._received.append(message)
        except EOFError:
            self._failure = RuntimeError("a forked worker died before it answered")
        except BaseException as error:  # a result that cannot be unpickled, no memory left: never a silent gap
            self._failure = RuntimeError(f"the results of a forked worker could not be received: {error!r}")
            self._failure.__cause__ = error
        finally:
            if self._failure is not None:
                self._claims.cancel()
            self._reader.close()

    def results(self) -> list[tuple[int, list[Any]]]:
        """The child's runs (start, values); its failure raised here.  Waits for the child to finish."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        return self._received

    def stop(self, failed: bool) -> None:
        """Wait for the child to end; end it first when the work failed (it may be blocked on a full pipe)."""
        if failed and self._process.is_alive():
            self._process.terminate()
        self._process.join()
        if self._thread.ident is not None:
            self._thread.join()
        else:  # never started: nobody else closes the pipe
            self._reader.close()


class _Failure:
    """An exception of a forked worker, as sent to the caller, with the worker's traceback."""

    def __init__(self, error: BaseException, trace: str) -> None:
        self.error, self.trace = error, trace

    def raised(self) -> BaseException:
        """The exception, to raise in the caller, caused by the worker's traceback."""
        self.error.__cause__ = WorkerTraceback(f"in a forked worker:\n{self.trace}")
        return self.error


def _failure(error: BaseException) -> bytes:
    """The pickled _Failure of an exception; a RuntimeError naming it when it would not survive pickling."""
    trace = "".join(traceback.format_exception(error))
    try:
        data = pickle.dumps(_Failure(error, trace), pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)
        return data
    except Exception:  # an exception holding a function, or one whose class cannot be rebuilt from its args
        return pickle.dumps(_Failure(RuntimeError(f"{error!r}, raised in a forked worker"), trace))


def _widen(connection: Any) -> None:
    """Make a pipe hold PIPE_BYTES (where the system allows).  Its reader here takes the interpreter's lock
    again for every read, while the caller computes: that takes milliseconds, and with a 64 KiB pipe the
    worker would spend most of its time waiting to send the few megabytes a run of parsed files comes to."""
    try:
        import fcntl  # POSIX only, as fork is

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or more than an unprivileged process may have
        pass


def _work(claims: _Claims, writer: Any) -> None:
    """In a forked worker: run the job's function on the runs of items claimed, sending each run's values.

    A thread of its own sends them, so the work goes on while the caller, busy with its own share, is slow
    to read (its reading thread waits for the interpreter's lock before every read)."""
    assert _job is not None
    function, items = _job
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(outbox, writer, claims))
    sender.start()
    try:
        for start, end in iter(claims.next, None):
            outbox.put(pickle.dumps((start, [function(item) for item in items[start:end]]), pickle.HIGHEST_PROTOCOL))
        outbox.put(pickle.dumps(None))
    except Exception as error:  # handed to the caller, which raises it
        claims.cancel()
        outbox.put(_failure(error))
    finally:
        outbox.put(None)
        sender.join()
        writer.close()


def _send_all(outbox: "queue.SimpleQueue[bytes | None]", writer: Any, claims: _Claims) -> None:
    """In a forked worker's sending thread: send what is put in the outbox, until None."""
    while (payload := outbox.get()) is not None:
        try:
            writer.send_bytes(payload)
        except OSError:  # the caller stopped reading: it has failed, and nothing more is wanted
            claims.cancel()
            return


def can_fork() -> bool:
    """True when work may go to forked workers: a second core, and fork on this platform."""
    return worker_count() >= 2 and "fork" in multiprocessing.get_all_start_methods()


class Forked(Generic[T]):
    """One computation started by fork_call; ``result()`` waits for it."""

    def __init__(self, function: Callable[[], T], background: bool) -> None:
        self._value: tuple[bool, Any] | None = None
        self._process: Any = None
        if not background or not can_fork():
            self._value = _outcome(function)
            return
        context = multiprocessing.get_context("fork")
        _before_fork()
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
                received = pickle.loads(self._reader.recv_bytes())
                self._value = (False, received.raised()) if isinstance(received, _Failure) else received
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
    """In a worker: send the function's outcome to the parent; an exception as fork_map's workers send
    theirs (with its traceback, and named in a RuntimeError when it would not survive pickling)."""
    ok, value = _outcome(function)
    writer.send_bytes(pickle.dumps((True, value), pickle.HIGHEST_PROTOCOL) if ok else _failure(value))
    writer.close()


class Threaded(Generic[T]):
    """One computation started by thread_call; ``result()`` waits for it."""

    def __init__(self, function: Callable[[], T], background: bool) -> None:
        self._value: tuple[bool, Any] | None = None
        self._thread: threading.Thread | None = None
        if not background:
            self._value = _outcome(function)
            return

        def run() -> None:
            try:
                self._value = _outcome(function)
            except BaseException as error:  # SystemExit, KeyboardInterrupt: handed over like any other
                self._value = (False, error)
            finally:
                _running.discard(self)

        self._thread = threading.Thread(target=run, daemon=True)
        _running.add(self)
        self._thread.start()

    def is_current(self) -> bool:
        """True when called from this computation's own thread."""
        return self._thread is threading.current_thread()

    def result_ready(self) -> None:
        """Wait for the thread to end."""
        if self._thread is not None:
            self._thread.join()

    def result(self) -> T:
        """The function's value (its exception raised here); waits for the thread."""
        self.result_ready()
        if self._value is None:  # cannot happen: run() sets it whatever the function does
            raise RuntimeError("a thread of thread_call ended without a result")
        ok, value = self._value
        if not ok:
            raise value
        return value


_running: set[Threaded[Any]] = set()  # thread_call's computations still running: fork_map waits for them


def thread_call(function: Callable[[], T], background: bool = True) -> Threaded[T]:
    """Start ``function()`` in a thread of this process (when ``background``), to run while the caller goes
    on; otherwise call it now.  For work that spends its time where the interpreter's lock is let go
    (numpy's arithmetic and sorting on big arrays, writing files): unlike fork_call's worker, a thread
    counts none of this process's memory again."""
    return Threaded(function, background)

