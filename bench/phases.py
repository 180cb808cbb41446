#!/usr/bin/env python3
"""Time the phases of one cold main job (`python build.py`: ingest, then build) in a project folder.

    cd PROJECT && /path/to/reportsite/.venv/bin/python /path/to/reportsite/bench/phases.py

Runs the main job in this process with timers around its phases: the ingest pool, the archive-wide
search for shared passages, checking the content, the report views, the site model's other pages, the
render pool and saving the build cache.  Prints each phase's wall time, the CPU time of this process
and of its waited-for children (the render and save pools' workers; the ingest pool's workers are
children of its fork server, so their CPU time is not counted), then the total.  To compare two versions, run
it with PYTHONPATH pointing at each checkout in turn, on copies of one archive, back to back.

Memory, per phase and between phases (the steps no timer wraps, such as writing the content files or the
search index): this process's resident set at the phase's end, and the largest summed RSS of this process
and all its descendants while it ran (sampled every 20 ms, as bench/run.py samples a whole job), with this
process's share of it and the largest other process's: where a job's peak comes from, a forked worker
counting its caller's memory again.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

sys.path.append(str(Path(__file__).resolve().parent.parent))  # last: a checkout on PYTHONPATH comes first
sys.path.append(str(Path(__file__).resolve().parent))  # bench/run.py's tree_memory

PHASES = [  # (module, function, label): the module attribute the caller looks up at run time
    ("reportsite.ingest", "_map", "ingest pool"),
    ("reportsite.ingest", "_link_shared_passages", "shared passages"),
    ("reportsite.builder", "check_files", "check"),
    ("reportsite.builder", "report_views", "report views"),
    ("reportsite.builder", "site_pages", "site pages"),
    ("reportsite.builder", "fork_map", "render pool"),
    ("reportsite.buildcache", "save_state", "save"),
]


def cpu() -> tuple[float, float]:
    """User + system seconds of this process, and of its children that were waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class TreePeaks:
    """The largest summed RSS of this process tree (MB) in each stretch of the job, by a sampling thread; with, at
    that moment, this process's own RSS and the largest other process's (a forked worker counts the pages it
    shares with this process again)."""

    def __init__(self) -> None:
        self.current = "before the first phase"
        self.peaks: dict[str, float] = {}
        self.shares: dict[str, tuple[float, float]] = {}  # label -> (this process, the largest other) at the peak
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        from run import PAGE_SIZE, tree_pids  # bench/run.py: the benchmark's own reading of the process tree

        me = os.getpid()
        while True:
            sizes = {}
            for pid in tree_pids(me):
                try:
                    with open(f"/proc/{pid}/statm") as handle:
                        sizes[pid] = int(handle.read().split()[1]) * PAGE_SIZE / 2**20
                except (OSError, ValueError):
                    continue
            label, total = self.current, sum(sizes.values())
            if total > self.peaks.get(label, 0.0):
                self.peaks[label] = total
                self.shares[label] = (sizes.get(me, 0.0), max((v for p, v in sizes.items() if p != me), default=0.0))
            time.sleep(0.02)


def resident_mb() -> float:
    """This process's resident set now (MB)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timed(function: Callable[..., Any], label: str, log: list[tuple[str, float, float, float, float]],
          peaks: TreePeaks | None = None) -> Callable[..., Any]:
    """function, logging (label, wall, own CPU, children's CPU, resident MB at its end) of each call."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, (own, children) = time.perf_counter(), cpu()
        if peaks is not None:
            peaks.current = label
        try:
            return function(*args, **kwargs)
        finally:
            now_own, now_children = cpu()
            log.append((label, time.perf_counter() - start, now_own - own, now_children - children, resident_mb()))
            if peaks is not None:
                peaks.current = f"after {label}"
    return wrapper


def main() -> int:
    import importlib

    from reportsite import cli

    log: list[tuple[str, float, float, float, float]] = []
    peaks = TreePeaks() if sys.platform.startswith("linux") else None
    for module_name, name, label in PHASES:
        module = importlib.import_module(module_name)
        setattr(module, name, timed(getattr(module, name), label, log, peaks))
    start = time.perf_counter()
    status = cli.main([])
    total = time.perf_counter() - start
    print(f"{'phase':16s} {'wall s':>8s} {'CPU s':>8s} {'workers':>8s} {'RSS MB':>8s} {'tree MB':>8s}"
          f" {'(own':>6s} {'other)':>7s}", file=sys.stderr)
    for label, wall, own, children, resident in log:
        tree = peaks.peaks.get(label) if peaks else None  # none when the phase ended before a sample
        shown = f"{tree:8.0f} {peaks.shares[label][0]:6.0f} {peaks.shares[label][1]:7.0f}" if tree is not None else f"{'-':>8s} {'-':>6s} {'-':>7s}"
        print(f"{label:16s} {wall:8.2f} {own:8.2f} {children:8.2f} {resident:8.0f} {shown}", file=sys.stderr)
    own, children = cpu()
    print(f"{'total':16s} {total:8.2f} {own:8.2f} {children:8.2f}", file=sys.stderr)
    if peaks is not None:
        between = {label: peak for label, peak in peaks.peaks.items() if label.startswith(("after ", "before "))}
        print("largest summed RSS of the process tree between phases (MB): "
              + ", ".join(f"{label} {peak:.0f}" for label, peak in between.items()), file=sys.stderr)
    return status


if __name__ == "__main__":  # the ingest pool's fork server imports this module again: run only here
    sys.exit(main())
