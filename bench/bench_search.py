#!/usr/bin/env python3
"""Benchmark the search index on a built site: a cold index, one edited page, and what a query fetches.

    .venv/bin/python bench/bench_search.py --site DIR [--runs 5] [--edits 5] [--pagefind PYTHON]

``--site`` is a site built by reportsite (``python build.py`` on ``bench/generate.py N …``).  Each
measurement runs in a child process (this script in ``child`` mode), timed and sampled like
bench/run.py does (wall time, CPU of the process tree, peak summed RSS):

- ``cold``: every HTML page read, the index made and every file of ``search-index/`` written into a
  scratch folder (what a build without a cache does);
- ``edit``: the same index in memory, then one report page edited (a sentence added to its first
  paragraph) and the index updated: the time of the update and of writing the files whose keys
  changed, with how many files and bytes that is (median over ``--edits`` pages);
- ``pagefind`` (with ``--pagefind``, a Python that has ``pagefind[extended]`` installed, e.g. the
  peers' virtual environment): Pagefind's indexer over the same report pages as they are, without
  the character pairs the site needed it to index, so a lower bound of what it cost here.

Then the sizes a reader's browser fetches: ``index.json``, a shard, the shards and fragments of a
search for 工会 (the first batch of 20 results).  Medians go to stdout as Markdown.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from run import load_average, measure  # noqa: E402

from reportsite import search  # noqa: E402


def child(argv: list[str]) -> int:
    """Child mode: ``cold SITE OUT`` or ``edit SITE OUT EDITS`` (prints a JSON line of timings)."""
    mode, site, out = argv[0], Path(argv[1]), Path(argv[2])

    def read(relative: str) -> str:
        return (site / relative).read_text(encoding="utf-8")

    pages = {relative: "" for relative in search.html_pages(site)}
    index = search.SearchIndex()
    started = time.perf_counter()
    index.update(pages, read)
    if mode == "cold":
        search.write_index(index, out, read)
        print(json.dumps({"seconds": time.perf_counter() - started, "pages": len(index.urls), "postings": len(index.keys)}))
        return 0
    files = {name: item.key for name, item in index.files(read).items()}
    reports = sorted(p for p in pages if p.startswith("reports/"))
    rows = []
    for number in range(int(argv[3])):
        target = reports[(number * 7919) % len(reports)]
        edited = read(target).replace("</p>", f"编辑补记第{number}次。</p>", 1)
        started = time.perf_counter()
        index.update({**pages, target: f"edit {number}"}, lambda p: edited if p == target else read(p))
        written, size = 0, 0
        made = index.files(lambda p: edited if p == target else read(p))
        for name, item in made.items():
            if files.get(name) != item.key:
                data = item.make()
                (out / "edit.bin").write_bytes(data)
                written, size = written + 1, size + len(data)
        rows.append({"seconds": time.perf_counter() - started, "files": written, "bytes": size})
        files = {name: item.key for name, item in made.items()}
        pages = {**pages, target: f"edit {number}"}
    print(json.dumps({"edits": rows}))
    return 0


def query_bytes(site: Path) -> dict[str, int]:
    """What the search page fetches: index.json, shards, and the fragments of a search for 工会."""
    folder = site / search.OUTPUT_DIR
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    shards = [folder / name for name in manifest["shards"] if name]
    sizes = sorted(p.stat().st_size for p in shards)
    term = (ord("工") << 16) | ord("会")
    shard = manifest["shards"][int(search.term_shards(np.array([term], dtype=np.uint32), manifest["bits"])[0])]
    postings = search.decode_shard((folder / shard).read_bytes()).get(term, [])
    first = sorted(postings, key=lambda row: -row[1])[:20]
    fragments = sum((folder / search.fragment_path(manifest["pages"][page])).stat().st_size for page, _tf in first)
    return {"index.json": (folder / "index.json").stat().st_size, "shards": len(shards), "shard median": sizes[len(sizes) // 2],
            "shards total": sum(sizes), "工会: pages": len(postings), "工会: shard": (folder / shard).stat().st_size,
            "工会: 20 fragments": fragments}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "child":
        return child(args[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a site built by reportsite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--pagefind", help="a Python with pagefind[extended] installed")
    options = parser.parse_args(args)
    site = options.site.resolve()
    print(f"load before: {load_average()}")
    rows: dict[str, list] = {"cold": [], "pagefind": []}
    with tempfile.TemporaryDirectory(prefix="search-bench-") as scratch:
        out = Path(scratch)
        for _run in range(options.runs):
            shutil.rmtree(out / search.OUTPUT_DIR, ignore_errors=True)
            rows["cold"].append(measure([sys.executable, __file__, "child", "cold", str(site), str(out)], REPO))
        done = subprocess.run([sys.executable, __file__, "child", "edit", str(site), str(out), str(options.edits)],
                              capture_output=True, text=True, check=True)
        edits = json.loads(done.stdout.strip().splitlines()[-1])["edits"]
        if options.pagefind:
            copies = out / "pages"
            for page in sorted((site / "reports").glob("*/index.html")):
                target = copies / page.relative_to(site)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page.read_text(encoding="utf-8").replace("data-search-body", "data-pagefind-body"),
                                  encoding="utf-8")
            for _run in range(options.runs):
                shutil.rmtree(out / "pf", ignore_errors=True)
                rows["pagefind"].append(measure([options.pagefind, "-m", "pagefind", "--site", str(copies), "--output-path",
                                                 str(out / "pf"), "--force-language", "zh", "--silent"], REPO))
    print(f"load after: {load_average()}\n")
    print("| indexer | runs | wall s | CPU s | peak MB |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in rows.items():
        if runs:
            print(f"| {name} | {len(runs)} | {statistics.median(r.wall for r in runs):.2f} | "
                  f"{statistics.median(r.cpu for r in runs):.2f} | {statistics.median(r.peak_mb for r in runs):.0f} |")
    print(f"\none page edited (median of {len(edits)}): {statistics.median(e['seconds'] for e in edits):.3f} s to update "
          f"the index and write {statistics.median(e['files'] for e in edits):.0f} files of "
          f"{statistics.median(e['bytes'] for e in edits) / 1024:.0f} KB; all: {[round(e['seconds'], 3) for e in edits]}")
    print(json.dumps(query_bytes(site), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
