#!/usr/bin/env python3
"""Benchmark reportsite against MkDocs, Pelican and a Markdown+Jinja2 baseline on a synthetic archive.

    .venv/bin/python bench/run.py [--sizes 100,1000,10000] [--runs 5,3,1] [--no-peers] [--work /tmp/...]

For every size N: generate N reports (bench/generate.py, seed 0), then per run, in a fresh project
folder: ``python build.py`` cold (ingest + build), ``python build.py`` again with nothing changed,
and ``python build.py build`` after one content file's text was edited.  The peers build the same
reports converted to plain Markdown (bench/peers.py), cold, from bench/.venv-peers.  Wall time and
CPU time come from the child's rusage (os.wait4); peak memory is the largest summed RSS of the child
and all its descendants, sampled every 20 ms (ru_maxrss alone would miss a process pool's workers); its
summed PSS once a second (see PSS_EVERY: reading it costs the measured build time).
Raw numbers go to bench/results.json (merged by size, so sizes can be run separately); bench/RESULTS.md
is rewritten from it, keeping any hand-written text after its measured section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import peers  # noqa: E402

VENV_PY = ROOT / ".venv" / "bin" / "python"
PEERS_BIN = BENCH / ".venv-peers" / "bin"
RESULTS_JSON = BENCH / "results.json"
RESULTS_MD = BENCH / "RESULTS.md"
MEASURED_END = "<!-- end of measured section: text below is kept by bench/run.py -->"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
EDIT_MARK = "（编辑补记）"


@dataclass
class Measurement:
    """One timed command."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the child and its waited-for descendants
    peak_mb: float  # largest summed RSS of the process tree
    maxrss_mb: float  # ru_maxrss: the largest single process
    status: int
    peak_pss_mb: float = 0.0  # largest summed PSS: pages shared by forked workers counted once, not per process


def tree_pids(pid: int) -> list[int]:
    """pid and all its descendants."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return found


def tree_memory(pid: int, with_pss: bool = True) -> tuple[int, int]:
    """Summed resident memory and proportional set size (bytes) of pid and its descendants (PSS 0 unless
    with_pss).

    RSS counts a page shared by k processes (a forked worker's copy-on-write pages) k times; PSS once.
    RSS comes from ``statm`` (a counter: microseconds); PSS from ``smaps_rollup``, which walks the
    process's page tables under its memory-map lock: about 20 ms for a process of 1 GB.
    """
    rss = pss = 0
    for current in tree_pids(pid):
        try:
            with open(f"/proc/{current}/statm") as handle:
                rss += int(handle.read().split()[1]) * PAGE_SIZE
            if with_pss:
                with open(f"/proc/{current}/smaps_rollup") as handle:
                    pss += next((int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:")), 0)
        except (OSError, ValueError):
            continue
    return rss, pss


RSS_EVERY = 0.02  # seconds between samples of the summed RSS
# Seconds between samples of the summed PSS.  Read every 20 ms, smaps_rollup of three 1 GB processes kept
# one of the two cores busy in the kernel and stalled the build's page faults: the cold main job at 10,000
# reports measured 133 s against 93 s unobserved.  Once a second costs about 6 % of one core at that size.
PSS_EVERY = 1.0


def measure(command: list[str], cwd: Path) -> Measurement:
    """Run command in cwd, silencing its output; time it and sample its memory."""
    peak, peak_pss = [0], [0]
    done = threading.Event()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        last_pss = -PSS_EVERY
        while not done.is_set():
            now = time.perf_counter()
            with_pss = now - last_pss >= PSS_EVERY
            rss, pss = tree_memory(process.pid, with_pss)
            if with_pss:
                last_pss = now
            peak[0], peak_pss[0] = max(peak[0], rss), max(peak_pss[0], pss)
            done.wait(RSS_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(f"  ! {' '.join(command)} exited {process.returncode}: {stderr.decode(errors='replace')[-2000:]}", file=sys.stderr)
    return Measurement(wall, usage.ru_utime + usage.ru_stime, peak[0] / 2**20, usage.ru_maxrss / 1024, process.returncode,
                       peak_pss[0] / 2**20)


def fresh_project(seeds: Path, folder: Path) -> Path:
    """A new project folder: site.yml and hard links to the generated seeds."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "seeds").mkdir(parents=True)
    shutil.copy2(ROOT / "site.yml", folder / "site.yml")
    for path in seeds.iterdir():
        os.link(path, folder / "seeds" / path.name)
    return folder


def edit_one_report(content_dir: Path) -> Path:
    """Change the text of one paragraph in the middle content file, as an editor would."""
    files = sorted(content_dir.glob("*.md"))
    target = files[len(files) // 2]
    lines = target.read_text(encoding="utf-8").split("\n")
    for i in range(1, len(lines)):
        if lines[i].startswith("{#p") and lines[i - 1].strip():
            lines[i - 1] += EDIT_MARK
            break
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def reportsite_runs(seeds: Path, work: Path, runs: int) -> dict[str, list[dict]]:
    """Cold, nothing-changed and one-edit timings of reportsite, `runs` times in fresh folders."""
    python, build_py = str(VENV_PY if VENV_PY.exists() else sys.executable), str(ROOT / "build.py")
    out: dict[str, list[dict]] = {"cold": [], "unchanged": [], "edit": []}
    for run in range(runs):
        project = fresh_project(seeds, work / f"reportsite-{run}")
        for label, command in (("cold", [python, build_py]), ("unchanged", [python, build_py])):
            result = measure(command, project)
            out[label].append(asdict(result))
            print(f"  reportsite {label:>9}: {result.wall:7.2f} s  {result.peak_mb:7.0f} MB", flush=True)
        edit_one_report(project / "content")
        result = measure([python, build_py, "build"], project)
        out["edit"].append(asdict(result))
        print(f"  reportsite {'edit':>9}: {result.wall:7.2f} s  {result.peak_mb:7.0f} MB", flush=True)
        shutil.rmtree(project, ignore_errors=True)
    return out


def peer_commands(work: Path, run: int) -> dict[str, tuple[list[str], Path]]:
    """Cold build command and working folder of each peer."""
    mkdocs_dir, pelican_dir = work / "mkdocs", work / "pelican"
    return {
        "mkdocs": ([str(PEERS_BIN / "mkdocs"), "build", "-q", "--clean", "-d", f"site-{run}"], mkdocs_dir),
        "pelican": ([str(PEERS_BIN / "pelican"), "content", "-o", f"output-{run}", "-s", "pelicanconf.py", "-q", "--delete-output-directory"], pelican_dir),
        "baseline": ([str(PEERS_BIN / "python"), str(BENCH / "baseline.py"), str(work / "md"), str(work / f"baseline-{run}")], work),
    }


def peer_runs(work: Path, runs: int) -> dict[str, list[dict]]:
    """Cold builds of every peer, `runs` times each, output removed before and after."""
    out: dict[str, list[dict]] = {}
    for run in range(runs):
        for name, (command, cwd) in peer_commands(work, run).items():
            result = measure(command, cwd)
            out.setdefault(name, []).append(asdict(result))
            print(f"  {name:>10} cold: {result.wall:7.2f} s  {result.peak_mb:7.0f} MB", flush=True)
            for leftover in (work / "mkdocs" / f"site-{run}", work / "pelican" / f"output-{run}", work / f"baseline-{run}"):
                shutil.rmtree(leftover, ignore_errors=True)
    return out


def load_average() -> str:
    """The 1/5/15-minute load averages."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_size(size: int, runs: int, work_root: Path, with_peers: bool) -> dict:
    """Generate the archive of `size` reports and measure everything on it."""
    work = work_root / str(size)
    shutil.rmtree(work, ignore_errors=True)
    raw = work / "raw"
    generate.generate(size, raw, seed=0)
    print(f"N = {size}: {runs} run(s), load {load_average()}", flush=True)
    entry = {"size": size, "runs": runs, "load_before": load_average(), "started": time.strftime("%Y-%m-%d %H:%M")}
    entry["reportsite"] = reportsite_runs(raw, work, runs)
    if with_peers:
        peers.prepare(raw, work)
        entry["peers"] = peer_runs(work, runs)
    entry["load_after"] = load_average()
    shutil.rmtree(work, ignore_errors=True)
    return entry


# ---------------------------------------------------------------- the report


def median(rows: list[dict], key: str) -> float:
    """Median of one field over runs."""
    return statistics.median(r[key] for r in rows)


def machine() -> dict[str, str]:
    """CPU, cores, memory, Python and package versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")))
    return {
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "ram": f"{mem_kb / 2**20:.1f} GiB",
        "os": platform.platform(),
        "python": _version([str(VENV_PY), "-c", "import sys; print(sys.version.split()[0])"]),
        "reportsite packages": _version([str(VENV_PY), "-m", "pip", "list", "--format=freeze"], ("jinja2", "markdown", "markdown-it-py", "pyyaml", "numpy", "pydivsufsort", "charset-normalizer")),
        "peer packages": _version([str(PEERS_BIN / "pip"), "list", "--format=freeze"], ("mkdocs", "pelican", "markdown", "jinja2")),
    }


def _version(command: list[str], names: tuple[str, ...] = ()) -> str:
    """Output of a version command, filtered to the named packages."""
    try:
        text = subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "not installed"
    if not names:
        return text
    keep = [line for line in text.splitlines() if line.split("==")[0].lower() in names]
    return ", ".join(keep) or "not installed"


def size_table(entries: list[dict]) -> list[str]:
    """Median seconds (and peak MB) per size and task."""
    lines = [
        "| N | runs | reportsite cold | nothing changed | one edit | reportsite peak (RSS sum / PSS) | MkDocs cold | Pelican cold | MD+Jinja2 cold | load before → after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for e in entries:
        rs, pe = e["reportsite"], e.get("peers", {})
        peer = lambda name: f"{median(pe[name], 'wall'):.2f} s ({median(pe[name], 'peak_mb'):.0f} MB)" if name in pe else "–"  # noqa: E731
        lines.append(
            f"| {e['size']:,} | {e['runs']} | {median(rs['cold'], 'wall'):.2f} s | {median(rs['unchanged'], 'wall'):.2f} s"
            f" | {median(rs['edit'], 'wall'):.2f} s | {median(rs['cold'], 'peak_mb'):.0f} / {pss(rs['cold'])} MB"
            f" | {peer('mkdocs')} | {peer('pelican')}"
            f" | {peer('baseline')} | {e['load_before']} → {e['load_after']} |"
        )
    return lines


def pss(runs: list[dict]) -> str:
    """Median peak PSS of some runs, or '–' for runs measured before PSS was sampled."""
    values = [run.get("peak_pss_mb", 0.0) for run in runs]
    return f"{statistics.median(values):.0f}" if all(values) else "–"


def ratio_table(entries: list[dict]) -> list[str]:
    """Peer cold time divided by reportsite cold time (above 1: reportsite is faster)."""
    lines = ["| N | MkDocs / reportsite | Pelican / reportsite | MD+Jinja2 / reportsite | reportsite ms per report (cold) | CPU s / wall s (cold) |", "|---:|---:|---:|---:|---:|---:|"]
    for e in entries:
        cold = median(e["reportsite"]["cold"], "wall")
        pe = e.get("peers", {})
        ratio = lambda name: f"{median(pe[name], 'wall') / cold:.2f}×" if name in pe else "–"  # noqa: E731
        cpu = median(e["reportsite"]["cold"], "cpu")
        lines.append(f"| {e['size']:,} | {ratio('mkdocs')} | {ratio('pelican')} | {ratio('baseline')} | {1000 * cold / e['size']:.1f} | {cpu / cold:.2f} |")
    return lines


def targets(entries: list[dict]) -> list[str]:
    """The issue's targets against the largest measured size."""
    big = next((e for e in entries if e["size"] == 10000), None)
    if big is None:
        return ["10,000 not measured yet."]
    rs = big["reportsite"]
    checks = [
        ("cold ingest + build ≤ 45 s", median(rs["cold"], "wall"), 45, "s"),
        ("peak memory ≤ 1 GB (summed RSS)", median(rs["cold"], "peak_mb"), 1024, "MB"),
        ("nothing changed ≤ 2 s", median(rs["unchanged"], "wall"), 2, "s"),
        ("one edit ≤ 1 s", median(rs["edit"], "wall"), 1, "s"),
    ]
    lines = [f"- {name}: **{value:.2f} {unit}** — {'met' if value <= limit else 'NOT met'}" for name, value, limit, unit in checks]
    if pss(rs["cold"]) != "–":
        lines.append(f"- peak memory, summed PSS (shared pages of forked workers counted once): **{pss(rs['cold'])} MB**")
    return lines


def write_markdown(entries: list[dict]) -> None:
    """Rewrite the measured section of RESULTS.md, keeping the text after it."""
    kept = ""
    if RESULTS_MD.exists() and MEASURED_END in RESULTS_MD.read_text(encoding="utf-8"):
        kept = RESULTS_MD.read_text(encoding="utf-8").split(MEASURED_END, 1)[1]
    info = machine()
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/run.py` from `bench/results.json`; see bench/README.md for how to run it.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "## Commands",
        "",
        "- archive: `python bench/generate.py N $WORK/raw --seed 0`",
        "- reportsite cold: `cd $PROJECT && .venv/bin/python build.py` in a fresh folder holding `site.yml` and `seeds/` (the N reports)",
        "- nothing changed: the same command again",
        f"- one edit: `{EDIT_MARK}` appended to one paragraph of the middle content file, then `.venv/bin/python build.py build`",
        "- MkDocs: `bench/.venv-peers/bin/mkdocs build -q --clean` (theme `mkdocs`, search plugin on, nav = index page only)",
        "- Pelican: `bench/.venv-peers/bin/pelican content -o output -s pelicanconf.py -q --delete-output-directory` (pagination 10, no feeds, no cache)",
        "- MD+Jinja2: `bench/.venv-peers/bin/python bench/baseline.py md/ out/` (single-threaded)",
        "",
        "Times are wall-clock medians; memory is the peak summed RSS of the process tree (sampled every 20 ms) and its summed PSS (sampled once a second).",
        "",
        "## Medians",
        "",
        *size_table(entries),
        "",
        "## Ratios",
        "",
        *ratio_table(entries),
        "",
        "## Targets at 10,000 reports (issue 8)",
        "",
        *targets(entries),
        "",
        MEASURED_END,
    ]
    RESULTS_MD.write_text("\n".join(lines) + (kept if kept else "\n"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description="Benchmark reportsite and its peers on a synthetic archive.")
    parser.add_argument("--sizes", default="100,1000,10000", help="archive sizes, comma-separated")
    parser.add_argument("--runs", default="5,3,1", help="runs per size (medians), comma-separated, one per size")
    parser.add_argument("--no-peers", action="store_true", help="measure reportsite only")
    parser.add_argument("--work", type=Path, default=Path("/tmp/reportsite-bench"), help="scratch folder (never the repo)")
    parser.add_argument("--report-only", action="store_true", help="rewrite RESULTS.md from results.json without measuring")
    args = parser.parse_args(argv)
    results = json.loads(RESULTS_JSON.read_text(encoding="utf-8")) if RESULTS_JSON.exists() else {}
    if not args.report_only:
        sizes = [int(s) for s in args.sizes.split(",")]
        runs = [int(r) for r in args.runs.split(",")]
        runs += [runs[-1]] * (len(sizes) - len(runs))
        for size, count in zip(sizes, runs):
            results[str(size)] = bench_size(size, count, args.work, not args.no_peers)
            RESULTS_JSON.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    write_markdown([results[k] for k in sorted(results, key=int)])
    print(f"wrote {RESULTS_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
