"""Forked workers (workers.py): results in order, exceptions handed back, the caller's own work beside them."""

from __future__ import annotations

import os

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
