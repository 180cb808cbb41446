"""Forked workers (workers.py): results in order, exceptions handed back, the caller's own work beside them."""

from __future__ import annotations

import multiprocessing
import os
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


def test_fork_call_raises_the_workers_exception_in_the_caller() -> None:
    def fails() -> None:
        raise ValueError("a passage appears twice")

    forked = workers.fork_call(fails)
    with pytest.raises(ValueError, match="appears twice"):
        forked.result()


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


def _slow_pid(item: int) -> tuple[int, int]:
    time.sleep(0.003)  # long enough for a forked worker to start and claim some of the items
    return item * item, os.getpid()


def test_fork_map_gives_results_in_order_made_by_the_caller_and_one_worker_per_other_core(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    results = workers.fork_map(_slow_pid, range(300), min_items=10)
    assert [square for square, _pid in results] == [n * n for n in range(300)]
    pids = {pid for _square, pid in results}
    assert os.getpid() in pids and len(pids) == 2  # the caller worked too, beside a single worker
    assert not multiprocessing.active_children()


def test_fork_map_below_its_minimum_runs_in_the_caller(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    assert {pid for _square, pid in workers.fork_map(_slow_pid, range(5), min_items=10)} == {os.getpid()}


def test_fork_map_raises_a_workers_exception_in_the_caller(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent = os.getpid()

    def fails_in_a_worker(item: int) -> int:
        time.sleep(0.003)
        if os.getpid() != parent:
            raise ValueError(f"item {item} has no front matter")
        return item

    with pytest.raises(ValueError, match="has no front matter"):
        workers.fork_map(fails_in_a_worker, range(300), min_items=10)
    assert not multiprocessing.active_children()


def test_fork_map_reports_a_worker_that_died(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent = os.getpid()

    def dies_in_a_worker(item: int) -> int:
        time.sleep(0.003)
        if os.getpid() != parent:
            os._exit(3)
        return item

    with pytest.raises(RuntimeError, match="died"):
        workers.fork_map(dies_in_a_worker, range(300), min_items=10)


def test_fork_map_stops_its_worker_when_the_caller_fails(monkeypatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    parent = os.getpid()

    def fails_in_the_caller(item: int) -> int:
        time.sleep(0.003)
        if os.getpid() == parent and item > 50:
            raise KeyError(item)
        return item

    with pytest.raises(KeyError):
        workers.fork_map(fails_in_the_caller, range(3000), min_items=10)
    assert not multiprocessing.active_children()  # stopped, not left to render the rest


def test_fork_map_works_alone_when_no_process_can_be_started(monkeypatch) -> None:
    import multiprocessing.process

    monkeypatch.setattr(workers, "worker_count", lambda: 2)

    def refuse(self) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    results = workers.fork_map(_slow_pid, range(100), min_items=10)
    assert results == [(n * n, os.getpid()) for n in range(100)]
