"""Ingest as editors live with it: nothing lost, idempotent, deterministic, and hand edits never overwritten."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from reportsite.content import load_report
from reportsite.ingest import ingest
from reportsite.model import Report
from reportsite.normalize import to_simplified
from reportsite.reading import read_seed

from conftest import SEEDS

HAN = re.compile(r"[\u3400-\u9fff]")


def han_counter(text: str) -> Counter[str]:
    """Multiset of the Han characters of a text."""
    return Counter(HAN.findall(text))


def kept_text(report: Report) -> str:
    """Everything a report keeps of its seed: body and the front-matter fields that hold seed text."""
    parts = [report.title, report.subtitle or "", report.kicker or "", report.lead or "", report.body]
    parts += report.authors + report.debris + [f.caption for f in report.figures]
    parts += [d.text for d in report.duplicates if d.kind == "layout"]
    return "\n".join(parts)


def statuses(outcomes) -> list[str]:
    return [o.status for o in outcomes]


def test_nothing_lost_on_every_seed(project):
    ingest(project)
    for path in sorted((project.content_dir).glob("*.md")):
        report, errors = load_report(path)
        assert not errors, errors
        seed = han_counter(to_simplified(read_seed(project.root / report.source)))
        missing = seed - han_counter(kept_text(report))
        assert not missing, f"{path.name} lost {sum(missing.values())} Han characters: {''.join(sorted(missing.elements()))[:80]}"


def test_ingest_is_idempotent_and_deterministic(project, tmp_path):
    ingest(project)
    first = {p.name: p.read_bytes() for p in project.content_dir.glob("*.md")}
    assert statuses(ingest(project)) == ["unchanged"] * 5
    assert {p.name: p.read_bytes() for p in project.content_dir.glob("*.md")} == first
    from conftest import make_project

    other = make_project(tmp_path / "again")
    ingest(other)
    assert {p.name: p.read_bytes() for p in other.content_dir.glob("*.md")} == first



def test_content_files_made_on_all_cores_are_those_made_in_one_process(project, tmp_path, monkeypatch):
    from conftest import make_project
    from reportsite import ingest as ingest_module
    from reportsite.workers import worker_count

    ingest(project)
    alone = {p.name: p.read_bytes() for p in project.content_dir.glob("*.md")}
    monkeypatch.setattr(ingest_module, "WRITE_POOL_MIN", 2)
    made_by: list[int] = []
    real = ingest_module._write_content
    parent, started = os.getpid(), multiprocessing.get_context("fork").Event()

    def write(job):  # this process waits until a forked worker has taken a file (when there is one)
        made_by.append(os.getpid())
        if os.getpid() != parent:
            started.set()
        elif worker_count() > 1:
            assert started.wait(timeout=30)
        return real(job)

    monkeypatch.setattr(ingest_module, "_write_content", write)
    other = make_project(tmp_path / "pooled")
    ingest(other)
    assert {p.name: p.read_bytes() for p in other.content_dir.glob("*.md")} == alone
    manifest = (other.content_dir / ".ingest.json").read_bytes()
    assert manifest == (project.content_dir / ".ingest.json").read_bytes()  # the digests of what was written
    # With two cores, some made in a forked worker: this process's list missed them.
    assert (len(made_by) < len(alone)) == (worker_count() > 1)


def test_hand_edits_are_never_overwritten(project):
    ingest(project)
    target = project.content_dir / "linan-2015.md"
    edited = target.read_text(encoding="utf-8").replace("title: 临安市总工会奋进创新谱写工运新篇章", "title: 临安工会五年回顾")
    target.write_text(edited, encoding="utf-8")
    outcomes = {o.content: o for o in ingest(project)}
    kept = outcomes["content/linan-2015.md"]
    assert kept.status == "kept-edits" and "seed unchanged" in kept.message
    assert target.read_text(encoding="utf-8") == edited

    seed = project.root / "seeds" / "000_c7cb6c34759da0ab.txt"
    seed.write_bytes(seed.read_bytes() + "\n\n补充的一段文字。\n".encode("utf-8"))
    kept = {o.content: o for o in ingest(project)}["content/linan-2015.md"]
    assert kept.status == "kept-edits" and "seed changed since" in kept.message
    assert target.read_text(encoding="utf-8") == edited


def test_force_regenerates_and_keeps_a_backup(project):
    ingest(project)
    target = project.content_dir / "jiande-2014.md"
    edited = target.read_text(encoding="utf-8") + "\n编辑加的一段。\n"
    target.write_text(edited, encoding="utf-8")
    outcome = {o.content: o for o in ingest(project, force=True)}["content/jiande-2014.md"]
    assert outcome.status == "forced"
    backup = project.content_dir / ".backup" / "jiande-2014.md.1"
    assert backup.read_text(encoding="utf-8") == edited
    assert "编辑加的一段" not in target.read_text(encoding="utf-8")
    assert statuses(ingest(project)) == ["unchanged"] * 5


def test_changed_seed_is_reingested_when_not_edited(project):
    ingest(project)
    seed = project.root / "seeds" / "003_b22997240e314b2b.txt"
    seed.write_bytes(seed.read_bytes() + "\n\n工会新增一项服务举措。\n".encode("utf-8"))
    outcome = {o.seed: o for o in ingest(project)}["seeds/003_b22997240e314b2b.txt"]
    assert outcome.status == "written"
    assert "工会新增一项服务举措" in (project.root / outcome.content).read_text(encoding="utf-8")


def test_front_matter_is_written_for_people(project):
    ingest(project)
    text = (project.content_dir / "linan-2015.md").read_text(encoding="utf-8")
    assert "\\u" not in text and "title: 临安市总工会奋进创新谱写工运新篇章" in text
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if line and not line.startswith((" ", "-"))]
    assert keys[:4] == ["title", "subtitle", "slug", "source"]


def test_new_seed_gets_a_unique_slug(project):
    ingest(project)
    copy = project.root / "seeds" / "zz_copy.txt"
    copy.write_bytes((project.root / "seeds" / "000_c7cb6c34759da0ab.txt").read_bytes())
    outcome = {o.seed: o for o in ingest(project)}["seeds/zz_copy.txt"]
    assert outcome.content == "content/linan-2015-2.md"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_other_encodings_ingest_the_same(project, encoding):
    seed = project.root / "seeds" / "002_36acb990d8d75a58.txt"
    reference = seed.read_text(encoding="utf-8")
    ingest(project)
    expected = (project.content_dir / "yuhang-2012-2016.md").read_text(encoding="utf-8")
    seed.write_bytes(reference.replace("\n", "\r\n").encode(encoding))
    ingest(project, force=True)
    produced = (project.content_dir / "yuhang-2012-2016.md").read_text(encoding="utf-8")
    assert produced == expected


def test_a_report_without_a_recognisable_title_still_gets_one_and_a_review_note():
    from reportsite.ingest import ensure_title
    from reportsite.model import Block, Document

    doc = ensure_title(Document(title="", blocks=[Block("paragraph", "全市工会系统深入开展职工技能竞赛活动，成效明显。", id="p1")]))
    assert doc.title == "全市工会系统深入开展职工技能竞赛活动，成效明显。"[:24]
    assert doc.review[0].kind == "title"
    assert ensure_title(Document(title="", blocks=[], subtitle="副题")).title == "副题"


def test_unedited_content_is_regenerated_when_the_ingest_code_changes(project, monkeypatch):
    import reportsite.ingest as ingest_module

    ingest(project)
    monkeypatch.setattr(ingest_module, "ingest_fingerprint", lambda: "new-rules")
    assert statuses(ingest(project)) == ["written"] * 5
    assert statuses(ingest(project)) == ["unchanged"] * 5


def _pooled_project(tmp_path):
    """A project with enough seeds for ingest's process pool; its config and the number of seeds."""
    from conftest import make_project
    from reportsite.ingest import POOL_MIN_JOBS

    config = make_project(tmp_path / "project")
    seeds = sorted(config.seeds_dir.glob("*.txt"))
    for n in range(POOL_MIN_JOBS):
        (config.seeds_dir / f"copy{n:02d}.txt").write_bytes(seeds[n % len(seeds)].read_bytes())
    return config, len(seeds) + POOL_MIN_JOBS


def _run_script(tmp_path, script: str, config, timeout: int):
    """Run a Python script with this checkout first on the path and the project's folder as its argument."""
    import os
    import subprocess
    import sys

    (tmp_path / "script.py").write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run([sys.executable, str(tmp_path / "script.py"), str(config.root)], capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_a_second_pooled_ingest_in_the_same_process_finishes(tmp_path):
    """serve ingests again and again: workers must not fork from a process that has run OpenMP (suffix arrays)."""
    config, total = _pooled_project(tmp_path)
    script = (
        "import shutil, sys\n"
        "from pathlib import Path\n"
        "from reportsite.config import load_config\n"
        "from reportsite.ingest import ingest\n"
        "if __name__ == '__main__':\n"
        "    config = load_config(Path(sys.argv[1]))\n"
        "    first = ingest(config)\n"
        "    shutil.rmtree(config.content_dir)\n"
        "    second = ingest(config)\n"
        "    print(len(first), len(second), sum(o.status == 'written' for o in second))\n"
    )
    done = _run_script(tmp_path, script, config, timeout=180)
    assert done.stdout.split() == [str(total)] * 3, done.stderr


def test_the_main_job_builds_without_the_ingest_pools_server(tmp_path):
    """`build.py` ingests on a pool forked from a server process, then builds: the server, which holds the rules'
    tables (about 100 MB), is gone once the seeds are converted instead of counting to the end of the job."""
    config, _total = _pooled_project(tmp_path)
    script = (
        "import os, sys\n"
        "from multiprocessing import forkserver\n"
        "import reportsite.builder as builder, reportsite.ingest as ingest\n"
        "from reportsite import cli\n"
        "servers = []\n"
        "def pool_context(original=ingest._pool_context):\n"
        "    context = original()\n"
        "    servers.append(forkserver._forkserver._forkserver_pid)\n"
        "    return context\n"
        "def check_files(*args, original=builder.check_files):\n"
        "    print('alive' if any(os.path.exists(f'/proc/{pid}') for pid in servers) else 'gone', len(servers))\n"
        "    return original(*args)\n"
        "if __name__ == '__main__':\n"
        "    ingest._pool_context, builder.check_files = pool_context, check_files\n"
        "    sys.exit(cli.main(['--root', sys.argv[1]]))\n"
    )
    done = _run_script(tmp_path, script, config, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "gone 1" in done.stdout.splitlines(), done.stdout[-2000:]
    assert (config.site_dir / "index.html").is_file()


_YAML_TEXT = st.text(alphabet=st.sampled_from(list("工会职工“”：:#-?'\"，。 ~!&*|>%@`[]{},.aZ019\t\n\x85\u2028\ufeff\U0001f600")), max_size=12)
_YAML_SCALARS = st.one_of(
    _YAML_TEXT,
    st.sampled_from(["", "null", "yes", "No", "~", "2009", "1.5", "0x1f", "2021-08-03", "---", "- a", "a: b", "a:", "a #b", " a"]),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
)
_YAML_VALUES = st.recursive(
    _YAML_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "anchor", "k_1"]), inner, max_size=3),
    max_leaves=8,
)


@given(_YAML_SCALARS)
@settings(max_examples=1000, deadline=None)
def test_every_scalar_is_written_exactly_as_pyyaml_writes_it(value):
    """The block writer behind render_content is a shortcut: every byte must be PyYAML's."""
    from reportsite.frontmatter import _library_yaml, dump_yaml

    for meta in ({"title": value}, {"authors": [value, "x"]}, {"metrics": [{"label": value}], "yes": value}):
        assert dump_yaml(meta) == _library_yaml(meta)


@given(st.dictionaries(st.sampled_from(["title", "region", "metrics", "period"]), _YAML_VALUES, min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_nested_front_matter_is_written_exactly_as_pyyaml_writes_it(meta):
    from reportsite.frontmatter import _library_yaml, dump_yaml

    assert dump_yaml(meta) == _library_yaml(meta)


def test_front_matter_of_a_report_takes_the_block_writer(project):
    from reportsite.frontmatter import _block_yaml, _library_yaml, parse_content

    ingest(project)
    meta = parse_content((project.content_dir / "linan-2015.md").read_text(encoding="utf-8")).meta
    assert _block_yaml(meta) == _library_yaml(meta)


def test_the_committed_content_was_made_by_the_current_ingest_code() -> None:
    """A fresh clone finds content/ up to date: whoever changes ingest code or data re-runs ingest and commits."""
    import json

    from reportsite.ingest import ingest_fingerprint

    manifest = json.loads((Path(__file__).resolve().parent.parent / "content" / ".ingest.json").read_text(encoding="utf-8"))
    assert manifest and {entry["version"] for entry in manifest.values()} == {ingest_fingerprint()}


def test_the_build_after_an_ingest_takes_the_blocks_ingest_parsed_instead_of_parsing_again(project, monkeypatch):
    from reportsite import body
    from reportsite.check import check_files
    from reportsite.site import report_views

    ingest(project)
    reports = check_files(project).reports
    expected = {r.slug: body.markdown_to_blocks(r.body) for r in reports}  # what parsing gives
    parsed: list[str] = []
    real = body.markdown_to_blocks
    monkeypatch.setattr(body, "markdown_to_blocks", lambda text: parsed.append(text) or real(text))
    views = report_views(reports)
    assert {v.report.slug: v.blocks for v in views} == expected
    assert len(reports) == 5 and parsed == []  # every body was handed over by ingest, none parsed again
    assert body.take_blocks(reports[0].body) == expected[reports[0].slug] and len(parsed) == 1  # each taken once


def test_blocks_handed_over_and_not_taken_are_dropped_by_the_build(project, monkeypatch):
    from reportsite import body
    from reportsite.builder import build_site

    from reportsite.buildcache import BuildState

    ingest(project)
    state = BuildState(long_running=True)  # as the preview server keeps it
    assert build_site(project, state).ok
    seed = sorted((project.root / "seeds").glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes() + "\n\n补充的一段文字，职工之家建设情况。\n".encode("utf-8"))
    ingest(project)  # one seed converted again: every report's blocks are handed over for the shared passages
    assert build_site(project, state).ok  # the server's build parses that report alone: it takes one
    parsed: list[str] = []
    real = body.markdown_to_blocks
    monkeypatch.setattr(body, "markdown_to_blocks", lambda text: parsed.append(text) or real(text))
    files = sorted(project.content_dir.glob("*.md"))
    for path in files:
        body.take_blocks(path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
    assert len(parsed) == len(files) == 5  # nothing kept after the build: a server holds no second copy


def test_files_beside_the_seeds_that_are_not_txt_are_named_and_left_alone(project, capsys):
    """Notes, expectations or scans kept in seeds/ are not reports: ingest names each and writes nothing
    for it; a seed named in capitals (.TXT) is still a seed."""
    from reportsite.cli import main

    (project.root / "seeds" / "notes.expect.yml").write_text("title: 备注\n", encoding="utf-8")
    (project.root / "seeds" / "scan.pdf").write_bytes(b"%PDF-1.4")
    shout = project.root / "seeds" / "ZZ_COPY.TXT"
    shout.write_bytes((project.root / "seeds" / "000_c7cb6c34759da0ab.txt").read_bytes())
    outcomes = {o.seed: o for o in ingest(project)}
    assert outcomes["seeds/notes.expect.yml"].status == "skipped"
    assert outcomes["seeds/scan.pdf"].status == "skipped" and outcomes["seeds/scan.pdf"].content is None
    assert outcomes["seeds/ZZ_COPY.TXT"].status == "written"
    assert sorted(p.name for p in project.content_dir.glob("*.md")) == sorted(
        Path(o.content).name for o in outcomes.values() if o.content)
    assert main(["--root", str(project.root), "ingest"]) == 0
    out = capsys.readouterr().out
    assert "skipped  seeds/notes.expect.yml" in out and "skipped  seeds/scan.pdf" in out
    assert out.strip().endswith("ingest: 6 seed(s), 6 unchanged, 0 failed, 2 other file(s) left alone")
