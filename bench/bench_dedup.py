"""Benchmark find_repeats over a generated archive: time, peak memory and scaling.

    .venv/bin/python bench/bench_dedup.py --reports 10000 --runs 3
    .venv/bin/python bench/bench_dedup.py --scaling 1000 3000 10000 --runs 3

Reports are generated deterministically (random.Random(seed)): sentences of words drawn with Zipf
weights from a vocabulary built of common-range Han characters, so common words and phrases recur as
in real reports.  Each report gets one layout copy (a sentence printed again at the end of another
paragraph) and one near copy (a sentence with a tenth of its characters changed); one report in ten
reprints a boilerplate paragraph shared across the archive.  The time measured is find_repeats alone,
as wall-clock and as CPU time of the process (the machine is shared, so wall time carries others' load);
peak memory is the process's maximum resident set size (it includes the generated texts).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportsite.repeats import find_repeats  # noqa: E402

_CHARS = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]


def vocabulary(rng: random.Random, size: int = 8000) -> tuple[list[str], list[float]]:
    """Words of 1–4 characters with cumulative Zipf weights."""
    words = ["".join(rng.choices(_CHARS, k=rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(size)]
    cumulative, total = [], 0.0
    for rank in range(1, size + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, cumulative


def report(rng: random.Random, words: list[str], weights: list[float], boilerplate: list[str], chars: int = 5000) -> str:
    """One report of about chars characters with a layout copy, a near copy and maybe boilerplate."""
    stream = iter(rng.choices(words, cum_weights=weights, k=chars))
    paragraphs: list[list[str]] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            clauses = ["".join(next(stream) for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(2, 4))]
            sentences.append("，".join(clauses) + "。")
        paragraphs.append(sentences)
        size += sum(map(len, sentences))
    source, target = rng.sample(range(len(paragraphs)), 2)
    paragraphs[target].append(rng.choice(paragraphs[source]))  # a layout copy glued to a paragraph's end
    original = rng.choice(rng.choice(paragraphs))
    near = list(original)
    for i in rng.sample(range(len(near)), len(near) // 10):
        near[i] = rng.choice(_CHARS)
    rng.choice(paragraphs).insert(0, "".join(near))
    texts = ["".join(p) for p in paragraphs]
    if rng.random() < 0.1:
        texts.insert(rng.randrange(len(texts)), rng.choice(boilerplate))
    return "\n".join(texts)


def archive(count: int, seed: int = 2024) -> list[str]:
    """Generate count reports, the same ones for the same seed."""
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    boilerplate = ["".join(rng.choices(words, cum_weights=weights, k=60)) + "。" for _ in range(50)]
    return [report(rng, words, weights, boilerplate) for _ in range(count)]


def measure(count: int, runs: int) -> dict[str, float]:
    """Time find_repeats over count reports, runs times; return the numbers."""
    texts = archive(count)
    times, cpu, found = [], [], 0
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = len(find_repeats(texts))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "reports": count,
        "chars": sum(map(len, texts)),
        "runs": runs,
        "median_s": round(statistics.median(times), 2),
        "min_s": round(min(times), 2),
        "median_cpu_s": round(statistics.median(cpu), 2),
        "peak_rss_mb": round(peak_mb),
        "repeats": found,
    }


def main() -> None:
    """Run one size in this process, or several sizes each in a fresh process (for honest peak memory)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scaling", type=int, nargs="*", help="sizes to run, each in its own process")
    args = parser.parse_args()
    if not args.scaling:
        print(json.dumps(measure(args.reports, args.runs)))
        return
    rows = []
    for count in args.scaling:
        out = subprocess.run(
            [sys.executable, __file__, "--reports", str(count), "--runs", str(args.runs)],
            check=True, capture_output=True, text=True,
        ).stdout
        rows.append(json.loads(out))
        print(out.strip(), flush=True)
    base = rows[0]
    for row in rows:
        ratio = (row["median_s"] / base["median_s"]) / (row["chars"] / base["chars"])
        print(f"{row['reports']:>6} reports  {row['chars']:>11,} chars  median {row['median_s']:7.2f} s  "
              f"(cpu {row['median_cpu_s']:7.2f} s)  peak {row['peak_rss_mb']:5d} MB  time per char vs smallest: {ratio:.2f}")


if __name__ == "__main__":
    main()
