"""The benchmark's synthetic archive: deterministic, N files, and the seeds' damage present."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import bench_module

BENCH = Path(__file__).resolve().parent.parent / "bench" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    """The bench/generate.py module."""
    return bench_module("generate")


@pytest.fixture(scope="module")
def archive(generate, tmp_path_factory) -> list[Path]:
    """Forty synthetic reports in a temporary folder."""
    return generate.generate(40, tmp_path_factory.mktemp("archive"), seed=7)


def test_writes_n_files(archive):
    assert len(archive) == 40
    assert len({p.name for p in archive}) == 40
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{16}\.txt", p.name) for p in archive)


def test_same_seed_same_bytes(generate, archive, tmp_path):
    again = generate.generate(40, tmp_path, seed=7)
    assert [p.name for p in again] == [p.name for p in archive]
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in archive]


def test_other_seed_other_archive(generate, archive, tmp_path):
    other = generate.generate(40, tmp_path, seed=8)
    assert {p.name for p in other}.isdisjoint({p.name for p in archive})


def test_photo_gaps_and_captions(archive):
    texts = [p.read_text(encoding="utf-8") for p in archive]
    assert sum("\n\n\n\n" in t for t in texts) >= 30


def test_broken_paragraphs(generate, archive):
    # A block that ends mid-sentence, followed (maybe after a photo gap) by the rest of the paragraph.
    broken = 0
    for path in archive:
        blocks = [b for _, b in generate.split_blocks(path.read_text(encoding="utf-8"))]
        broken += sum(1 for b in blocks if len(b) > 40 and b[-1] not in generate.BLOCK_END)
    assert broken >= 40


def test_mixed_punctuation_and_traditional(archive):
    texts = [p.read_text(encoding="utf-8") for p in archive]
    assert sum("," in t and "，" in t for t in texts) >= 10
    assert sum(bool(re.search("[會職動發勞業開經濟術務區協資維權議實現]", t)) for t in texts) >= 3


def test_repeated_passages(generate, archive):
    repeated = 0
    for path in archive:
        text = path.read_text(encoding="utf-8").translate(str.maketrans(generate.HALF_TO_FULL))
        blocks = [b for _, b in generate.split_blocks(text)]
        sentences = [s for b in blocks for s in generate.split_sentences(b) if len(s) >= 20]
        repeated += len(sentences) != len(set(sentences))
    assert repeated >= 10


def test_regions_vary_and_seed_places_move(generate, archive):
    titles = [generate.split_blocks(p.read_text(encoding="utf-8"))[0][1] for p in archive]
    assert len(set(titles)) >= 30


def test_break_paragraph_never_cuts_numbers(generate):
    import random

    rng = random.Random(1)
    text = "全年慰问各类困难职工448户，发放慰问金94.86万元，动员20231名女职工参加团体保险。"
    for _ in range(50):
        head, tail = generate.break_paragraph(text, rng)
        assert head + tail == text
        assert not (head[-1].isdigit() and tail[0].isdigit())


def test_vary_words_only_lengthens(generate):
    import random

    varied = generate.vary_words("开展职工服务", random.Random(3))
    assert "职工" in varied and "服务" in varied and len(varied) >= len("开展职工服务")


def test_the_phase_timer_runs_the_main_job_and_times_each_phase(tmp_path) -> None:
    import subprocess

    from conftest import make_project

    config = make_project(tmp_path / "project")
    done = subprocess.run([sys.executable, str(BENCH.parent / "phases.py")], cwd=config.root,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (config.root / "site" / "index.html").is_file()  # the main job ran: ingest, then build
    timed = {line.split()[0] for line in done.stderr.splitlines()[1:] if line.strip()}
    assert {"check", "render", "total"} <= timed, done.stderr
    lines = done.stderr.splitlines()
    total = next(line for line in lines if line.startswith("total")).split()
    assert float(total[1]) > 0
    # each phase's resident set at its end and the process tree's largest summed RSS while it ran, with this
    # process's part of that sum and the largest other process's
    header = next(line for line in lines if line.startswith("phase"))
    assert header.split()[-6:] == ["RSS", "MB", "tree", "MB", "(own", "other)"]
    rows = [line.split() for line in lines if line.split()[:1] and line.split()[0] in {"check", "render", "save", "site"}]
    assert rows and all(float(row[-4]) > 10 for row in rows)  # MB resident at each phase's end
    sampled = [row for row in rows if row[-3] != "-"]
    assert any(float(row[-3]) >= float(row[-4]) for row in sampled)  # a phase sampled: the tree's sum
    assert all(float(row[-2]) > 10 and float(row[-2]) + float(row[-1]) <= float(row[-3]) + 1 for row in sampled)
    assert lines[-1].startswith("largest summed RSS of the process tree between phases")
