#!/usr/bin/env python3
"""Benchmark the editor's loop: with N reports, the time from saving one report to its rebuilt page being served.

    .venv/bin/python bench/bench_edit_loop.py [--reports 1000] [--runs 7] [--keep DIR]

It ingests the seeds into a temporary project, multiplies their content files into N reports with
varied slugs, regions and years (deterministically: report i always looks the same), starts the real
preview server (``python build.py serve``) as a separate process, then repeatedly saves one report with
a new title and polls its page until the new title is served.  Prints the medians as Markdown.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportsite.config import load_config  # noqa: E402
from reportsite.frontmatter import parse_content, render_content  # noqa: E402
from reportsite.ingest import ingest  # noqa: E402

CJK_FIRST, CJK_SIZE = 0x4E00, 0x9FA5 - 0x4E00  # the common CJK block
CJK_STEP = 37  # steps of different reports never coincide for fewer than CJK_SIZE / 37 reports
CJK_RUN = re.compile("[\u4e00-\u9fa4]+")
ATTR_LINE = re.compile(r"^\s*\{#[\w-]+\}\s*$")


def region_pairs(regions_file: Path) -> list[tuple[str, str | None]]:
    """(name, parent) for every region of the region table, in file order."""
    pairs: list[tuple[str, str | None]] = []

    def walk(nodes: list[dict], parent: str | None) -> None:
        for node in nodes:
            pairs.append((node["name"], parent))
            walk(node.get("children") or [], node["name"])

    walk(yaml.safe_load(regions_file.read_text(encoding="utf-8")), None)
    return pairs


def vary_text(text: str, number: int) -> str:
    """Shift every Chinese character of the body by a report-specific step through the CJK block.

    The copies keep the originals' shape (paragraph lengths, numbers, punctuation, ids, headings and
    lists) but share no passages, as distinct reports would not; near-copy detection would see
    through a few changed characters, so all of them change.
    """
    step = 1 + number * CJK_STEP

    def shift(match: re.Match[str]) -> str:
        return "".join(chr(CJK_FIRST + (ord(c) - CJK_FIRST + step) % CJK_SIZE) for c in match.group(0))

    return "\n".join(line if ATTR_LINE.match(line) else CJK_RUN.sub(shift, line) for line in text.split("\n"))


def variant(meta: dict, body: str, number: int, regions: list[tuple[str, str | None]]) -> tuple[dict, str]:
    """Report ``number`` made from one ingested report: new slug, title, region, years and body marks."""
    meta = dict(meta)
    meta["slug"] = f"{meta['slug']}-{number:04d}"
    meta["title"] = f"{meta['title']}（{number}）"
    name, parent = regions[number % len(regions)]
    meta["region"] = {"name": name, "parent": parent}
    shift = number % 12
    period = meta.get("period") or {"start": 2015, "end": 2015}
    meta["period"] = {"start": period["start"] - shift, "end": period["end"] - shift}
    meta.pop("also_in", None)  # passages shared between the originals do not exist between variants
    meta.pop("source", None)  # variants have no seed of their own, so ingest leaves them alone
    return meta, vary_text(body, number)


def make_project(root: Path, count: int) -> Path:
    """A project with the seeds ingested, then ``count`` report variants; returns the project folder."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "site.yml", root / "site.yml")
    shutil.copytree(REPO / "seeds", root / "seeds")
    config = load_config(root)
    ingest(config)
    originals = []
    for path in sorted(config.content_dir.glob("*.md")):
        parsed = parse_content(path.read_text(encoding="utf-8"), str(path))
        originals.append((parsed.meta, parsed.body))
        path.unlink()
    (config.content_dir / ".ingest.json").unlink(missing_ok=True)
    shutil.rmtree(root / "seeds")
    (root / "seeds").mkdir()
    regions = region_pairs(config.path(config.regions))
    for number in range(count):
        meta, body = variant(*originals[number % len(originals)], number, regions)
        (config.content_dir / f"{meta['slug']}.md").write_text(render_content(meta, body), encoding="utf-8")
    return root


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str]:
    """GET a path from the server: (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_for(port: int, path: str, needle: str, timeout: float) -> float:
    """Poll a page until it contains needle; return the time it first did (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            status, body = fetch(port, path)
            if status == 200 and needle in body:
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.01)
    raise TimeoutError(f"{path} did not show {needle!r} within {timeout} s")


def edit_title(path: Path, title: str) -> None:
    """Save the report with a new title, as an editor would (one write of the whole file)."""
    text = path.read_text(encoding="utf-8")
    start = text.index("\ntitle: ") + len("\ntitle: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + title + text[end:], encoding="utf-8")


def edit_body(path: Path, marker: str) -> None:
    """Save the report with a marker appended to its last paragraph's text line."""
    text = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    index = max(i for i, line in enumerate(text) if line.strip() and not line.lstrip().startswith("{"))
    text[index] = text[index] + marker
    path.write_text("\n".join(text) + "\n", encoding="utf-8")


def run(count: int, runs: int, keep: Path | None) -> str:
    """Build the project, start the server, time the edits; return the Markdown report."""
    work = Path(tempfile.mkdtemp(prefix="bench-edit-loop-"))
    root = make_project(work / "project", count)
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--port", str(port), "--root", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        files = sorted((root / "content").glob("*.md"))
        target = files[len(files) // 2]
        slug = target.stem
        page = f"/reports/{slug}/"
        first_build = wait_for(port, page, "<html", 600) - started
        title_times, body_times = [], []
        for run_number in range(runs):
            time.sleep(0.5)  # let the watcher settle, as between two saves by a person
            marker = f"基准标题{run_number:03d}"
            saved = time.perf_counter()
            edit_title(target, marker)
            title_times.append(wait_for(port, page, marker, 60) - saved)
            time.sleep(0.5)
            marker = f"基准正文{run_number:03d}"
            saved = time.perf_counter()
            edit_body(target, marker)
            body_times.append(wait_for(port, page, marker, 60) - saved)
    finally:
        server.terminate()
        try:
            _out, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _out, errors = server.communicate()
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    rebuilds = [line for line in errors.splitlines() if "rebuilt" in line]
    lines = [
        f"| reports | runs | first build + start (s) | save → page served, title edit (median s) | body edit (median s) |",
        "|---:|---:|---:|---:|---:|",
        f"| {count} | {runs} | {first_build:.2f} | {statistics.median(title_times):.3f} | {statistics.median(body_times):.3f} |",
        "",
        "All title-edit runs (s): " + ", ".join(f"{t:.3f}" for t in title_times),
        "",
        "All body-edit runs (s): " + ", ".join(f"{t:.3f}" for t in body_times),
        "",
        "Server log of the last rebuilds:",
        "",
        *[f"    {line}" for line in rebuilds[-4:]],
    ]
    return "\n".join(lines)


def main() -> int:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="copy the temporary project here for inspection")
    args = parser.parse_args()
    print(run(args.reports, args.runs, args.keep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
