#!/usr/bin/env python3
"""Time the metric tally of a built archive: counted afresh, and updated after one report's rows change.

    .venv/bin/python bench/bench_tally.py PROJECT [--edits 7]

PROJECT is a folder built with ``python build.py`` (its build cache holds the tally of the last
build).  The tally is counted afresh from the row summaries it holds; then, ``--edits`` times, the
rows of one report in the middle of the archive get new digests (an edit that changes its figures'
sentences or its title) and the tally is updated.  Printed: the time of the fresh count and the
median time of an update, with how many metrics the edited reports state.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportsite.metric_pages import TALLY, MetricTally, RowSummary  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    stored = sorted(args.project.glob(f".reportsite-cache/build-*/model/model-{TALLY}-*.pickle"))
    if not stored:
        sys.exit(f"{args.project}: no tally in the build cache (build the project first)")
    with open(stored[-1], "rb") as handle:
        _stamp, table = pickle.load(handle)
    kept: MetricTally = table["last"]
    summaries = list(kept.summaries.values())
    tally = MetricTally(kept.known)
    started = time.perf_counter()
    tally.update(summaries)
    fresh = time.perf_counter() - started
    times, metrics = [], []
    for number in range(args.edits):
        at = len(summaries) // 2 + number
        old = summaries[at]
        summaries[at] = RowSummary((old.key[0], old.key[1] + "-edited", *old.key[2:]),
                                   {metric: (digest + "-edited", rows) for metric, (digest, rows) in old.metrics.items()})
        started = time.perf_counter()
        tally.update(summaries)
        times.append(time.perf_counter() - started)
        metrics.append(len(old.metrics))
    print(f"{len(summaries)} reports, {len(tally.totals)} metrics stated")
    print(f"fresh count: {fresh:.2f} s")
    print(f"one report's rows changed: median {statistics.median(times) * 1000:.1f} ms "
          f"({args.edits} edits, {min(metrics)}–{max(metrics)} metrics each)")


if __name__ == "__main__":
    main()
