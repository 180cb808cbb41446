"""The benchmark's measurement: the memory of a command's whole process tree, sampled cheaply."""

from __future__ import annotations

import sys

import pytest

from conftest import bench_module

HOLD = "import time; block = bytearray({mb} * 2**20); block[::4096] = b'x' * len(block[::4096]); time.sleep({seconds})"


@pytest.fixture(scope="module")
def run():
    """The bench/run.py module."""
    return bench_module("run")


def test_a_childs_memory_counts_in_the_peak(run, tmp_path):
    """A worker started by the measured command holds 80 MB: the summed RSS and PSS peaks include it."""
    child = HOLD.format(mb=80, seconds=1.5)
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    result = run.measure([sys.executable, "-c", parent], tmp_path)
    assert result.status == 0
    assert result.peak_mb >= 80
    assert result.peak_pss_mb >= 80  # PSS is read too, at its slower pace
    assert result.maxrss_mb >= 80


def test_pss_is_read_only_when_asked(run):
    """The cheap sample reads RSS alone: smaps_rollup walks page tables (20 ms for a process of 1 GB)."""
    import os

    rss, pss = run.tree_memory(os.getpid(), with_pss=False)
    assert rss > 10 * 2**20 and pss == 0
    rss, pss = run.tree_memory(os.getpid())
    assert 0 < pss <= rss * 1.01


def test_pss_is_sampled_at_most_once_a_second(run, tmp_path, monkeypatch):
    """Over a command of about 1.2 s, RSS is sampled dozens of times and PSS two or three times."""
    calls = []
    real = run.tree_memory

    def counting(pid, with_pss=True):
        calls.append(with_pss)
        return real(pid, with_pss)

    monkeypatch.setattr(run, "tree_memory", counting)
    result = run.measure([sys.executable, "-c", HOLD.format(mb=8, seconds=1.2)], tmp_path)
    assert result.status == 0
    assert len(calls) >= 20
    assert 1 <= sum(calls) <= 3
