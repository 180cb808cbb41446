#!/usr/bin/env python3
"""Benchmark the search index: one Pagefind run over every page against the sharded index.

    .venv/bin/python bench/bench_search.py [--site DIR] [--pages 1000 10000] [--runs 3]
                                           [--sweep 250 500 1000 2000] [--browser]

``--site`` is a built site (``python build.py`` on ``bench/generate.py 1000 …``); without it one is
generated and built under ``--work``.  Its report pages become search copies (``search.search_copy``);
for more pages than it has, copy k of a page gets every Chinese character shifted by k steps through
the CJK block, so copies share no terms wholesale.  For each page count it measures, ``--runs`` times:

- ``unsharded``: one Pagefind run over every copy (what any edit cost before sharding);
- ``sharded cold``: ``index_search_source`` with an empty bundle cache (``SHARD_PAGES`` as set);
- ``sharded edit``: the same again after one copy changed (one shard re-indexed, the rest linked).

Each is a child process (this script in ``index`` mode): wall time, CPU time of the process tree and
peak memory summed over the tree (sampled every 20 ms, as bench/run.py does).  ``--sweep`` repeats the
sharded runs at the largest page count for other shard sizes; ``--browser`` counts the requests and
bytes of a first and a second search in Debian's Chromium.  Medians go to stdout as Markdown and to
``WORK/search-results.json``.  Scratch files stay under ``--work`` (default /tmp/reportsite-search-bench).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from run import load_average, measure  # noqa: E402

from reportsite import search  # noqa: E402

CJK_FIRST, CJK_SIZE = 0x4E00, 0x9FA5 - 0x4E00
CJK_STEP = 7919  # a prime: copy k of a character lands k * CJK_STEP places further on
CJK_CHAR = re.compile("[\u4e00-\u9fa4]")
EDIT = re.compile(r'(<p id="p1"[^>]*>)')
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def shift_text(text: str, copy: int) -> str:
    """Every Chinese character moved ``copy * CJK_STEP`` places through the CJK block (copy 0: unchanged)."""
    if copy == 0:
        return text
    offset = copy * CJK_STEP
    return CJK_CHAR.sub(lambda m: chr(CJK_FIRST + (ord(m.group()) - CJK_FIRST + offset) % CJK_SIZE), text)


def report_pages(site: Path) -> list[Path]:
    """The built report pages of a site, sorted."""
    return sorted(site.glob("reports/*/index.html"))


def make_copies(site: Path, pages: int, target: Path) -> Path:
    """Write ``pages`` search copies into target (kept between runs of the bench: same pages, same bytes)."""
    done = target / ".complete"
    if done.is_file():
        return target
    shutil.rmtree(target, ignore_errors=True)
    originals = report_pages(site)
    for number in range(pages):
        copy, page = divmod(number, len(originals))
        html = shift_text(originals[page].read_text(encoding="utf-8"), copy)
        slug = originals[page].parent.name + (f"-v{copy}" if copy else "")
        out = target / "reports" / slug / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(search.search_copy(html) or "", encoding="utf-8")
    done.write_text("", encoding="utf-8")
    return target


def edit_one(source: Path) -> None:
    """Change the first paragraph of the middle copy (one shard's worth of work)."""
    pages = sorted(source.rglob("*.html"))
    page = pages[len(pages) // 2]
    text = page.read_text(encoding="utf-8")
    page.write_text(EDIT.sub(r"\1编辑补记：", text, count=1), encoding="utf-8")


def index_main(argv: list[str]) -> int:
    """Child mode: index copies once, unsharded (one Pagefind run) or sharded into a bundle cache."""
    parser = argparse.ArgumentParser(prog="bench_search.py index")
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--bundles", type=Path)
    parser.add_argument("--shard-pages", type=int, default=search.SHARD_PAGES)
    args = parser.parse_args(argv)
    if args.bundles is None:
        shutil.rmtree(args.out, ignore_errors=True)
        search._run_pagefind(args.source, args.out.resolve(), "zh")
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        indexed = search.index_search_source(args.source, args.out, bundles=args.bundles, shard_pages=args.shard_pages)
        print(json.dumps({"indexed": len(indexed)}))
    return 0


def child(*arguments: str | Path) -> list[str]:
    """The command line of this script in index mode."""
    return [sys.executable, str(Path(__file__).resolve()), "index", *map(str, arguments)]


def row(measured, **extra: object) -> dict:
    """One measurement as a JSON-able row."""
    if measured.status != 0:
        raise SystemExit("a measured run failed")
    return {"wall": measured.wall, "cpu": measured.cpu, "peak_mb": measured.peak_mb,
            "maxrss_mb": measured.maxrss_mb, "load": load_average(), **extra}


def bundle_facts(pagefind: Path) -> dict:
    """Shards, files and bytes of an assembled index; bytes a first search must load before any term."""
    listed = json.loads((pagefind / search.SHARDS_FILE).read_text())["bundles"] if (pagefind / search.SHARDS_FILE).is_file() else []
    files = [p for p in pagefind.rglob("*") if p.is_file()]
    meta = sum(p.stat().st_size for p in files if p.suffix == ".pf_meta")
    return {"bundles": 1 + len(listed), "files": len(files), "mb": sum(p.stat().st_size for p in files) / 2**20,
            "meta_kb": meta / 1024}


def sharded_runs(source: Path, work: Path, shard_pages: int, runs: int) -> dict[str, list[dict]]:
    """Cold and one-edit sharded runs with a fresh bundle cache each time."""
    out: dict[str, list[dict]] = {"cold": [], "edit": []}
    work.mkdir(parents=True, exist_ok=True)
    for _ in range(runs):
        bundles, site = work / "bundles", work / "site"
        shutil.rmtree(bundles, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        out["cold"].append(row(measure(child("--source", source, "--out", site, "--bundles", bundles,
                                             "--shard-pages", shard_pages), work), **bundle_facts(site / "pagefind")))
        edit_one(source)
        out["edit"].append(row(measure(child("--source", source, "--out", site, "--bundles", bundles,
                                             "--shard-pages", shard_pages), work)))
    return out


def bench_pages(site: Path, pages: int, runs: int, work: Path, shard_pages: int) -> dict:
    """Unsharded and sharded runs on ``pages`` copies."""
    folder = work / f"n{pages}"
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    source = make_copies(site, pages, folder / "copies")
    print(f"  {pages} copies ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    unsharded = []
    for _ in range(runs):
        unsharded.append(row(measure(child("--source", source, "--out", folder / "unsharded"), folder)))
    (folder / "unsharded" / search.SHARDS_FILE).write_text('{"bundles": []}\n')  # for the browser check
    sharded = sharded_runs(source, folder, shard_pages, runs)
    return {"pages": pages, "shard_pages": shard_pages, "unsharded": unsharded, **sharded}


def sweep(site: Path, pages: int, sizes: list[int], work: Path) -> list[dict]:
    """One cold and one edit run at each shard size."""
    source = make_copies(site, pages, work / f"n{pages}" / "copies")
    rows = []
    for size in sizes:
        runs = sharded_runs(source, work / f"sweep-{size}", size, 1)
        rows.append({"shard_pages": size, "cold": runs["cold"][0], "edit": runs["edit"][0]})
    return rows


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that logs nothing."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def sized(result: tuple) -> tuple:
    """A search's (seconds, finished requests, status) with each request as (url, response body bytes)."""
    seconds, requests, status = result
    return seconds, [(r.url, r.sizes()["responseBodySize"]) for r in requests], status


def browser_requests(site: Path, pagefind: Path, work: Path, query: str, second: str) -> dict:
    """Requests and bytes of a first and a second search on the built search page over this index."""
    from playwright.sync_api import sync_playwright

    served = work / "served"
    shutil.rmtree(served, ignore_errors=True)
    for folder in ("search", "assets"):
        shutil.copytree(site / folder, served / folder)
    shutil.copytree(REPO / "templates" / "assets", served / "assets", dirs_exist_ok=True)  # today's search.js
    shutil.copytree(pagefind, served / "pagefind", copy_function=os.link)
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    seen: list = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            page.on("requestfinished", lambda request: seen.append(request))
            started = time.perf_counter()
            page.goto(f"{base}search/?q={query}")
            page.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('找到')",
                                   timeout=120_000)
            first = (time.perf_counter() - started, list(seen), page.locator("[data-search-status]").inner_text())
            seen.clear()
            started = time.perf_counter()
            page.fill("[data-search-input]", second)
            page.press("[data-search-input]", "Enter")
            page.wait_for_function(f"document.querySelector('[data-search-status]').textContent.includes('{second}')",
                                   timeout=120_000)
            again = (time.perf_counter() - started, list(seen), page.locator("[data-search-status]").inner_text())
            first, again = sized(first), sized(again)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()

    def summary(result: tuple[float, list[tuple[str, int]], str]) -> dict:
        seconds, requests, status = result
        index = [size for url, size in requests if "/pagefind/" in url]
        return {"seconds": seconds, "requests": len(requests), "index_requests": len(index),
                "index_kb": sum(index) / 1024, "status": status}

    return {"first": summary(first), "second": summary(again)}


def median(rows: list[dict], key: str) -> float:
    """Median of one field."""
    return statistics.median(r[key] for r in rows)


def markdown(results: dict) -> list[str]:
    """The medians as Markdown tables."""
    lines = ["| pages | index | runs | wall s | CPU s | peak MB (tree) | largest process MB | bundles |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for entry in results["sizes"]:
        for name, rows in (("unsharded (any edit)", entry["unsharded"]), ("sharded, cold", entry["cold"]),
                           ("sharded, one page edited", entry["edit"])):
            bundles = rows[0].get("bundles", "")
            lines.append(f"| {entry['pages']:,} | {name} | {len(rows)} | {median(rows, 'wall'):.1f} | "
                         f"{median(rows, 'cpu'):.1f} | {median(rows, 'peak_mb'):,.0f} | {median(rows, 'maxrss_mb'):,.0f} | {bundles} |")
    if results.get("sweep"):
        lines += ["", "| shard size | bundles | cold wall s | cold peak MB | edit wall s | edit peak MB | index MB | meta KB |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for entry in results["sweep"]:
            cold, edit = entry["cold"], entry["edit"]
            lines.append(f"| {entry['shard_pages']} | {cold['bundles']} | {cold['wall']:.1f} | {cold['peak_mb']:,.0f} | "
                         f"{edit['wall']:.1f} | {edit['peak_mb']:,.0f} | {cold['mb']:.0f} | {cold['meta_kb']:.0f} |")
    if results.get("browser"):
        lines += ["", "| pages | index | search | seconds | requests | index requests | index KB |",
                  "| ---: | --- | --- | ---: | ---: | ---: | ---: |"]
        for entry in results["browser"]:
            for which in ("first", "second"):
                data = entry[which]
                lines.append(f"| {entry['pages']:,} | {entry['index']} | {which} | {data['seconds']:.2f} | "
                             f"{data['requests']} | {data['index_requests']} | {data['index_kb']:,.0f} |")
    return lines


def built_site(work: Path) -> Path:
    """A site built from 1,000 generated reports (made once under work)."""
    project = work / "project"
    if (project / "site" / "reports").is_dir():
        return project / "site"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    subprocess.run([sys.executable, str(BENCH / "generate.py"), "1000", str(project / "seeds"), "--seed", "0"], check=True)
    shutil.copy(REPO / "site.yml", project / "site.yml")
    subprocess.run([sys.executable, str(REPO / "build.py")], cwd=project, check=True)
    return project / "site"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``index`` first, one measured child run)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["index"]:
        return index_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: generate and build 1,000 reports)")
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shard-pages", type=int, default=search.SHARD_PAGES)
    parser.add_argument("--sweep", type=int, nargs="*", default=[])
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("/tmp/reportsite-search-bench"))
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    site = args.site or built_site(args.work)
    results: dict = {"load_before": load_average(), "sizes": []}
    for pages in args.pages:
        print(f"{pages} pages (load {load_average()})", file=sys.stderr)
        results["sizes"].append(bench_pages(site, pages, args.runs, args.work, args.shard_pages))
    if args.sweep:
        print(f"sweep at {max(args.pages)} pages (load {load_average()})", file=sys.stderr)
        results["sweep"] = sweep(site, max(args.pages), args.sweep, args.work)
    if args.browser:
        results["browser"] = []
        for pages in args.pages:
            folder = args.work / f"n{pages}"
            for name, pagefind in (("unsharded", folder / "unsharded"), ("sharded", folder / "site" / "pagefind")):
                measured = browser_requests(site, pagefind, folder, "工会", "协商")
                results["browser"].append({"pages": pages, "index": name, **measured})
    results["load_after"] = load_average()
    (args.work / "search-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n".join(markdown(results)))
    print(f"\nload average before {results['load_before']}, after {results['load_after']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
