#!/usr/bin/env python3
"""Time the phases of one cold main job (`python build.py`: ingest, then build) in a project folder.

    cd PROJECT && /path/to/reportsite/.venv/bin/python /path/to/reportsite/bench/phases.py

Runs the main job in this process with timers around its phases: the ingest pool, the archive-wide
search for shared passages, checking the content, the report views, the site model's other pages, the
render pool and saving the build cache.  Prints each phase's wall time, the CPU time of this process
and of its waited-for children (the render and save pools' workers; the ingest pool's workers are
children of its fork server, so their CPU time is not counted), then the total.  To compare two versions, run
it with PYTHONPATH pointing at each checkout in turn, on copies of one archive, back to back.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.append(str(Path(__file__).resolve().parent.parent))  # last: a checkout on PYTHONPATH comes first

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


def timed(function: Callable[..., Any], label: str, log: list[tuple[str, float, float, float]]) -> Callable[..., Any]:
    """function, logging (label, wall, own CPU, children's CPU) of each call."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, (own, children) = time.perf_counter(), cpu()
        try:
            return function(*args, **kwargs)
        finally:
            now_own, now_children = cpu()
            log.append((label, time.perf_counter() - start, now_own - own, now_children - children))
    return wrapper


def main() -> int:
    import importlib

    from reportsite import cli

    log: list[tuple[str, float, float, float]] = []
    for module_name, name, label in PHASES:
        module = importlib.import_module(module_name)
        setattr(module, name, timed(getattr(module, name), label, log))
    start = time.perf_counter()
    status = cli.main([])
    total = time.perf_counter() - start
    print(f"{'phase':16s} {'wall s':>8s} {'CPU s':>8s} {'workers':>8s}", file=sys.stderr)
    for label, wall, own, children in log:
        print(f"{label:16s} {wall:8.2f} {own:8.2f} {children:8.2f}", file=sys.stderr)
    own, children = cpu()
    print(f"{'total':16s} {total:8.2f} {own:8.2f} {children:8.2f}", file=sys.stderr)
    return status


if __name__ == "__main__":  # the ingest pool's fork server imports this module again: run only here
    sys.exit(main())
