"""Forked workers (workers.py): results in order, exceptions handed back, the caller's own work beside them."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time

import pytest

from reportsite import workers


def test_fork_call_returns_the_value_computed_in_another_process(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent = os.getpid()
    forked = workers.fork_call(lambda: (os.getpid(), [n * n for n in range(5)]))
    pid, squares = forked.result()
    assert squares == [0, 1, 4, 9, 16] and pid != parent
    assert forked.result() == (pid, squares)  # asked again: the same answer, no second wait


@pytest.mark.parametrize("call", [workers.fork_call, workers.thread_call], ids=["fork_call", "thread_call"])
def test_a_computation_beside_the_caller_raises_its_exception_in_the_caller(call) -> None:
    def fails() -> None:
        raise ValueError("a passage appears twice")

    beside = call(fails)
    with pytest.raises(ValueError, match="appears twice"):
        beside.result()


def test_fork_call_reports_a_worker_that_died(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)  # forked even on one core
    forked = workers.fork_call(lambda: os._exit(3))
    with pytest.raises(RuntimeError, match="died"):
        forked.result()


def test_fork_call_without_background_work_computes_at_once() -> None:
    calls = []
    forked = workers.fork_call(lambda: calls.append(os.getpid()) or "done", background=False)
    assert calls == [os.getpid()] and forked.result() == "done"


def test_fork_call_computes_in_the_caller_when_no_process_can_be_started(monkeypatch) -> None:
    import multiprocessing.process

    monkeypatch.setattr(workers, "worker_count", lambda: 2)

    def refuse(self) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    assert workers.fork_call(lambda: os.getpid()).result() == os.getpid()


FORK = multiprocessing.get_context("fork")


def _after_a_worker_started(started, parent: int) -> None:
    """In the caller: wait until a forked worker has taken an item; in a worker: say so.  So a worker takes
    part however loaded the machine is, and a little time per item lets it take several."""
    if os.getpid() == parent:
        assert started.wait(timeout=30), "no forked worker started"
    else:
        started.set()
    time.sleep(0.002)


def test_fork_map_gives_results_in_order_made_by_the_caller_and_one_worker_per_other_core(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent, started, calls = os.getpid(), FORK.Event(), FORK.Value("q", 0)

    def square(item: int) -> tuple[int, int]:
        _after_a_worker_started(started, parent)
        with calls.get_lock():
            calls.value += 1
        return item * item, os.getpid()

    results = workers.fork_map(square, range(300), min_items=10)
    assert [value for value, _pid in results] == [n * n for n in range(300)]
    assert calls.value == 300  # every item made once, wherever
    pids = {pid for _value, pid in results}
    assert parent in pids and len(pids) == 2  # the caller worked too, beside a single worker
    assert not multiprocessing.active_children()


def test_fork_map_below_its_minimum_runs_in_the_caller(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    assert workers.fork_map(lambda n: (n, os.getpid()), range(5), min_items=10) == [(n, os.getpid()) for n in range(5)]


class _Unreadable:
    """Pickles in a worker; cannot be unpickled by the caller."""

    def __reduce__(self):
        return (_refuse, ())


def _refuse() -> None:
    raise ValueError("cannot be rebuilt")


class _NeedsTwo(Exception):
    def __init__(self, first: str, second: str) -> None:  # pickled with one argument: not rebuilt
        super().__init__(f"{first} {second}")


@pytest.mark.parametrize(("raised", "expected", "message"), [
    (lambda item: ValueError(f"item {item} has no front matter"), ValueError, "has no front matter"),
    (lambda item: _NeedsTwo("front", "matter"), RuntimeError, "_NeedsTwo.*raised in a forked worker"),
])
def test_fork_map_raises_a_workers_exception_in_the_caller_with_its_traceback(monkeypatch, raised, expected, message) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent, started = os.getpid(), FORK.Event()

    def fails_in_a_worker(item: int) -> int:
        _after_a_worker_started(started, parent)
        if os.getpid() != parent:
            raise raised(item)
        return item

    with pytest.raises(expected, match=message) as caught:
        workers.fork_map(fails_in_a_worker, range(300), min_items=10)
    assert isinstance(caught.value.__cause__, workers.WorkerTraceback)
    assert "fails_in_a_worker" in str(caught.value.__cause__)  # where in the worker it was raised
    assert not multiprocessing.active_children()


def test_fork_map_stops_everyone_at_a_workers_failure(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent, started = os.getpid(), FORK.Event()
    made_here = []

    def fails_in_a_worker(item: int) -> int:
        _after_a_worker_started(started, parent)
        if os.getpid() != parent:
            raise KeyError(item)
        made_here.append(item)
        return item

    with pytest.raises(KeyError):
        workers.fork_map(fails_in_a_worker, range(3000), min_items=10)
    assert len(made_here) < 1500  # the caller stopped claiming: it did not go on alone with the rest


def test_fork_map_reports_results_it_cannot_receive_instead_of_leaving_gaps(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent, started = os.getpid(), FORK.Event()

    def unreadable_from_a_worker(item: int) -> object:
        _after_a_worker_started(started, parent)
        return item if os.getpid() == parent else _Unreadable()

    with pytest.raises(RuntimeError, match="could not be received") as caught:
        workers.fork_map(unreadable_from_a_worker, range(300), min_items=10)
    assert "cannot be rebuilt" in repr(caught.value.__cause__)
    assert not multiprocessing.active_children()


def test_fork_map_reports_a_worker_that_died(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent, started = os.getpid(), FORK.Event()

    def dies_in_a_worker(item: int) -> int:
        _after_a_worker_started(started, parent)
        if os.getpid() != parent:
            os._exit(3)
        return item

    with pytest.raises(RuntimeError, match="died"):
        workers.fork_map(dies_in_a_worker, range(300), min_items=10)
    assert not multiprocessing.active_children()


def test_fork_map_ends_its_worker_when_the_caller_fails(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent, started, made_elsewhere = os.getpid(), FORK.Event(), FORK.Value("q", 0)

    def fails_in_the_caller(item: int) -> int:
        _after_a_worker_started(started, parent)
        if os.getpid() == parent:
            raise KeyError(item)
        with made_elsewhere.get_lock():
            made_elsewhere.value += 1
        return item

    with pytest.raises(KeyError):
        workers.fork_map(fails_in_the_caller, range(3000), min_items=10)
    assert not multiprocessing.active_children()
    # Read without the lock: the worker may have been ended while it held it (.value would wait for ever).
    assert made_elsewhere.get_obj().value < 1500  # ended, not waited for while it did the rest alone


def test_fork_map_works_alone_when_no_process_can_be_started(monkeypatch) -> None:
    import multiprocessing.process

    monkeypatch.setattr(workers, "worker_count", lambda: 2)

    def refuse(self) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    results = workers.fork_map(lambda n: (n * n, os.getpid()), range(100), min_items=10)
    assert results == [(n * n, os.getpid()) for n in range(100)]


def test_fork_call_raises_an_exception_that_cannot_be_pickled_as_one_naming_it(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)

    def fails() -> None:
        raise _NeedsTwo("front", "matter")

    with pytest.raises(RuntimeError, match="_NeedsTwo.*raised in a forked worker") as caught:
        workers.fork_call(fails).result()
    assert isinstance(caught.value.__cause__, workers.WorkerTraceback)


def test_thread_call_returns_the_value_computed_beside_the_caller() -> None:
    started, go_on = threading.Event(), threading.Event()

    def work() -> list[int]:
        started.set()
        go_on.wait(10)
        return [n * n for n in range(5)]

    beside = workers.thread_call(work)
    assert started.wait(10)  # running while the caller goes on
    go_on.set()
    assert beside.result() == [0, 1, 4, 9, 16]
    assert beside.result() == [0, 1, 4, 9, 16]  # asked again: the same answer


def test_thread_call_without_background_work_computes_at_once() -> None:
    calls = []
    beside = workers.thread_call(lambda: calls.append(threading.get_ident()) or "done", background=False)
    assert calls == [threading.get_ident()] and beside.result() == "done"


def _resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux") or workers._malloc_trim() is None,
                    reason="glibc's malloc_trim and /proc are Linux's")
def test_memory_freed_by_python_goes_back_to_the_system_before_workers_are_forked() -> None:
    """Objects freed below one still alive stay resident in the C heap, and a forked worker would count
    them again; release_free_memory gives their pages back."""
    blocks, kept = [], []
    for n in range(30_000):  # 240 MB taken from the C heap, written to
        blocks.append(bytes([n % 256]) * 8192)
        if n % 100 == 99:  # one block in a hundred outlives the others: the heap cannot shrink from its top
            kept.append(bytes([n % 256]) * 8192)
    del blocks
    freed = _resident_mb()
    workers.release_free_memory()
    assert _resident_mb() < freed - 150, (freed, _resident_mb())
    assert all(block == bytes([block[0]]) * 8192 for block in kept)  # what lives is untouched


def test_thread_call_hands_over_an_exit_raised_in_its_thread() -> None:
    beside = workers.thread_call(lambda: sys.exit(3))
    with pytest.raises(SystemExit):
        beside.result()


def test_workers_are_forked_only_once_every_thread_call_has_ended(monkeypatch) -> None:
    """A child forked while a thread holds a lock (numpy's, the C heap's) could wait for it for ever: fork_map
    waits for thread_call's computations first, so its workers see them done."""
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    done = {}

    def slow() -> str:
        time.sleep(0.3)
        done["yes"] = True
        return "done"

    beside = workers.thread_call(slow)

    def seen(_item: int) -> tuple[int, bool]:
        time.sleep(0.01)
        return os.getpid(), done.get("yes", False)

    results = workers.fork_map(seen, range(60), min_items=0)
    assert len({pid for pid, _ in results}) == 2  # the caller and a forked worker both took items
    assert all(flag for _, flag in results) and beside.result() == "done"
