#!/usr/bin/env python3
"""Peak memory and time of a cold search index over synthetic pages, measured with tracemalloc.

    .venv/bin/python bench/bench_index_memory.py [--pages 13208] [--runs 3] [--seed 0]

Each page gets about 300 single characters and 700 character pairs as terms (a report page of the
synthetic archive has about 1,000 distinct terms: 13,208 pages give 13 million postings, as a site of
10,000 reports does).  One run makes the index from these prepared pages, as a cold build does with
the terms its render workers send back (``SearchIndex.update``), then encodes every shard.  Printed:
the postings, and per run the seconds and the peak of memory allocated beyond what the pages hold
(numpy's arrays included: numpy reports them to tracemalloc), then the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportsite.search import SearchDoc, SearchIndex  # noqa: E402


def prepared_pages(count: int, seed: int) -> dict[str, tuple[SearchDoc | None, np.ndarray, np.ndarray]]:
    """count pages' prepared terms: sorted distinct characters and pairs, frequency 1."""
    rng = np.random.default_rng(seed)
    out = {}
    for number in range(count):
        characters = rng.integers(0x4E00, 0x9FFF, 300).astype(np.uint32)
        pairs = (rng.integers(0x4E00, 0x9FFF, 700).astype(np.uint32) << 16) | rng.integers(0x4E00, 0x9FFF, 700).astype(np.uint32)
        terms = np.unique(np.concatenate([characters, pairs]))
        url = f"reports/r{number:05d}/"  # a document without text (older versions key pages by its URL)
        out[f"{url}index.html"] = (SearchDoc(url, "", ()), terms, np.ones(len(terms), dtype=np.uint8))
    return out


def one_run(prepared: dict) -> tuple[float, float]:
    """Seconds and peak MB beyond the pages of one cold index, shards encoded."""
    keys = {path: str(number) for number, path in enumerate(prepared)}
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    index = SearchIndex()
    index.update(keys, lambda path: "", prepared)
    for relative, item in index.files(lambda path: "").items():
        if relative.startswith("s/"):
            item.make()
    seconds = time.perf_counter() - started
    peak = (tracemalloc.get_traced_memory()[1] - base) / 2**20
    tracemalloc.stop()
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=13208)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    prepared = prepared_pages(args.pages, args.seed)
    print(f"{args.pages} pages, {sum(len(terms) for _doc, terms, _tf in prepared.values()):,} postings")
    runs = [one_run(prepared) for _ in range(args.runs)]
    for seconds, peak in runs:
        print(f"run: {seconds:.2f} s, peak {peak:.0f} MB")
    print(f"median: {statistics.median(s for s, _ in runs):.2f} s, peak {statistics.median(p for _, p in runs):.0f} MB")


if __name__ == "__main__":
    main()
