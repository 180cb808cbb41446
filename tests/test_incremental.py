"""A long-running build that keeps its site model between builds writes exactly what a fresh build writes.

Editors' edits are replayed on copies of the five ingested seeds (plus copies of them, so reports share
passages, regions, years and metrics): titles, bodies, figures, metric ids, regions, periods, reports
added and deleted, a paragraph reprinted from another report.  After every edit the incremental build
(one ``BuildState``, as ``serve`` keeps it, and a state saved to disk and loaded again, as ``build``
does) must give the same bytes as a cold build of the same content.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, make_project

from reportsite.buildcache import BuildState, load_state, save_state
from reportsite.builder import build_site
from reportsite.config import SiteConfig
from reportsite.taxonomy import load_taxonomy

def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a site with its bytes, the search index's included."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def archive(root: Path) -> SiteConfig:
    """The five seeds' content files and a renamed copy of two of them, moved to other years."""
    config = make_project(root, seeds=False)
    shutil.copytree(REPO / "content", config.content_dir, ignore=shutil.ignore_patterns(".*"))
    for path in sorted(config.content_dir.glob("*.md"))[:2]:
        text = path.read_text(encoding="utf-8")
        slug = re.search(r"^slug: (.+)$", text, re.M).group(1)
        text = text.replace(f"slug: {slug}", f"slug: {slug}-copy", 1).replace("\ntitle: ", "\ntitle: 重刊：", 1)
        text = re.sub(r"^  (start|end): (\d+)$", lambda m: f"  {m.group(1)}: {int(m.group(2)) - 3}", text, flags=re.M)
        (config.content_dir / f"{slug}-copy.md").write_text(text, encoding="utf-8")
    return config


def paragraphs(text: str) -> list[str]:
    """The body's paragraphs (lines of Chinese text followed by an anchor line)."""
    body = text.split("\n---\n", 1)[1]
    return [p for p in re.findall(r"^([^\n{#>|*-][^\n]{20,})\n\{#p\d+\}$", body, re.M)]


def edit(config: SiteConfig, rng: random.Random) -> str:
    """Apply one random editor's edit to the archive; return what it was."""
    files = sorted(config.content_dir.glob("*.md"))
    path = rng.choice(files)
    text = path.read_text(encoding="utf-8")
    kind = rng.choice(["title", "body", "value", "metric", "region", "period", "delete", "add", "reprint", "keep"])
    if kind == "title":
        text = text.replace("\ntitle: ", f"\ntitle: 修订{rng.randrange(100)}：", 1)
    elif kind == "body":
        text = text.rstrip("\n") + f"\n\n编辑补记第{rng.randrange(100)}条，职工服务中心当年接待来访职工。\n"
    elif kind == "value":
        text = re.sub(r"^  value: [\d.]+$", f"  value: {rng.randrange(1, 9999)}", text, count=1, flags=re.M)
    elif kind == "metric":
        ids = [m.id for m in load_taxonomy().metrics]
        text = re.sub(r"^- metric: [\w-]+$", f"- metric: {rng.choice(ids)}", text, count=1, flags=re.M)
    elif kind == "region":
        text = re.sub(r"^  name: .+$", "  name: " + rng.choice(["富阳区", "临平区", "桐庐县", "临安市"]), text, count=1,
                      flags=re.M)
    elif kind == "period":
        year = rng.randrange(2005, 2022)
        text = re.sub(r"^period:\n  start: \d+\n  end: \d+$", f"period:\n  start: {year}\n  end: {year}", text,
                      count=1, flags=re.M)
    elif kind == "delete" and len(files) > 3:
        path.unlink()
        return f"delete {path.name}"
    elif kind == "add":
        slug = f"added-{rng.randrange(10**6)}"
        text = re.sub(r"^slug: .+$", f"slug: {slug}", text, count=1, flags=re.M)
        path = config.content_dir / f"{slug}.md"
    elif kind == "reprint":
        other = rng.choice(files).read_text(encoding="utf-8")
        found = paragraphs(other)
        if found:
            text = text.rstrip("\n") + f"\n\n据报道：{rng.choice(found)}\n"
    elif kind == "keep":
        text = text.replace("  keep: false\n", "  keep: true\n", 1)
    path.write_text(text, encoding="utf-8")
    return f"{kind} {path.name}"


def cold_build(config: SiteConfig, scratch: Path) -> dict[str, bytes]:
    """A build of the same content with no memory of earlier builds."""
    if scratch.exists():
        shutil.rmtree(scratch)
    fresh = make_project(scratch, seeds=False)
    shutil.copytree(config.content_dir, fresh.content_dir)
    result = build_site(fresh, BuildState())
    assert result.ok, [str(e) for e in result.errors]
    return tree(fresh.site_dir)


@pytest.mark.parametrize("seed, table_max_rows", [(3, 400), (11, 400), (7, 3)])
def test_a_server_s_incremental_builds_equal_cold_builds_after_every_edit(tmp_path: Path, seed: int, table_max_rows: int,
                                                                         monkeypatch) -> None:
    import reportsite.metric_pages as metric_pages
    import reportsite.site as site

    monkeypatch.setattr(metric_pages, "TABLE_MAX_ROWS", table_max_rows)  # 3: metrics listed on a page per region
    if table_max_rows < 400:
        monkeypatch.setattr(site, "REPORTS_PER_PAGE", 3)  # region, year and report lists on several pages
    rng = random.Random(seed)
    config = archive(tmp_path / "archive")
    state = BuildState(long_running=True)
    assert build_site(config, state).ok
    for step in range(6):
        done = edit(config, rng)
        result = build_site(config, state)
        assert result.ok, (done, [str(e) for e in result.errors])
        assert tree(config.site_dir) == cold_build(config, tmp_path / "cold"), f"step {step}: {done}"


def test_the_reprint_store_outlives_builds_that_do_not_touch_the_text(tmp_path: Path) -> None:
    config = archive(tmp_path / "archive")
    state = BuildState(long_running=True)
    assert build_site(config, state).ok
    target = sorted(config.content_dir.glob("*.md"))[0]
    text = target.read_text(encoding="utf-8")
    first, second = paragraphs(text)[:2]
    target.write_text(text.replace(first, first + "（补记）", 1), encoding="utf-8")  # the text: the store is made
    assert build_site(config, state).ok
    store = state.memo.table("shared-last")["last"].store
    assert store is not None
    title = re.search(r"^title: (.+)$", text, re.M).group(1)
    target.write_text(target.read_text(encoding="utf-8").replace(f"title: {title}", f"title: {title}（修订）", 1),
                      encoding="utf-8")  # the title only: shared passages are not looked at
    assert build_site(config, state).ok
    target.write_text(target.read_text(encoding="utf-8").replace(second, second + "（再补记）", 1), encoding="utf-8")
    assert build_site(config, state).ok
    assert state.memo.table("shared-last")["last"].store is store  # updated, not made again


@pytest.mark.parametrize("pool_min", [1, 10**6], ids=["pickled-by-forked-workers", "pickled-here"])
def test_build_processes_with_a_saved_model_equal_cold_builds(tmp_path: Path, pool_min: int, monkeypatch) -> None:
    from reportsite import buildcache

    monkeypatch.setattr(buildcache, "SAVE_POOL_MIN", pool_min)
    rng = random.Random(5)
    config = archive(tmp_path / "archive")

    def build_process() -> None:
        """What `python build.py build` does: load the saved state, build, save it."""
        state = load_state(config)
        assert build_site(config, state).ok
        save_state(config, state)

    build_process()
    for step in range(4):
        done = edit(config, rng)
        build_process()
        assert tree(config.site_dir) == cold_build(config, tmp_path / "cold"), f"step {step}: {done}"


def test_a_build_process_rewrites_only_the_check_cache_shard_of_the_edited_file(tmp_path: Path) -> None:
    from reportsite.buildcache import cache_folder
    from reportsite.check import SHARDS, shard_of

    config = archive(tmp_path / "archive")
    for _ in range(2):
        state = load_state(config)
        assert build_site(config, state).ok
        save_state(config, state)
    folder = cache_folder(config)
    shards = sorted(folder.glob("parsed-*.pickle"))
    assert len(shards) == SHARDS
    before = {path.name: path.stat().st_mtime_ns for path in shards}
    target = sorted(config.content_dir.glob("*.md"))[0]
    first = paragraphs(target.read_text(encoding="utf-8"))[0]
    target.write_text(target.read_text(encoding="utf-8").replace(first, first + "（补记）", 1), encoding="utf-8")
    state = load_state(config)
    assert build_site(config, state).ok
    save_state(config, state)
    changed = {path.name for path in folder.glob("parsed-*.pickle") if path.stat().st_mtime_ns != before[path.name]}
    assert changed == {f"parsed-{shard_of(f'content/{target.name}'):02d}.pickle"}
    assert tree(config.site_dir) == cold_build(config, tmp_path / "cold")


def test_a_server_reads_again_only_the_files_that_changed(tmp_path: Path) -> None:
    from reportsite.check import read_content

    config = archive(tmp_path / "archive")
    known: dict = {}
    first = {item.display: item for item in read_content(config, known)}
    target = sorted(config.content_dir.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    (config.content_dir / "new-report.md").write_bytes(target.read_bytes())
    second = {item.display: item for item in read_content(config, known)}
    changed = {name for name in second if second[name] is not first.get(name)}
    assert changed == {f"content/{target.name}", "content/new-report.md"}
    assert second[f"content/{target.name}"].data == target.read_bytes()
    target.unlink()
    assert f"content/{target.name}" not in {item.display for item in read_content(config, known)}
    assert f"content/{target.name}" not in known


@pytest.mark.parametrize("cache", [False, True])
def test_an_in_place_update_keeps_every_page_in_the_search_index(tmp_path: Path, cache: bool) -> None:
    config = archive(tmp_path / "archive")
    state = load_state(config) if cache else BuildState()
    assert build_site(config, state).ok
    pages = {p.relative_to(config.site_dir).parent.as_posix() + "/" for p in (config.site_dir / "reports").glob("*/index.html")}
    target = sorted(config.content_dir.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n\n编辑补记一段新话。\n", encoding="utf-8")
    first_page = config.site_dir / "reports" / sorted(pages)[-1].split("/")[-2] / "index.html"
    inode = first_page.stat().st_ino
    if cache:
        save_state(config, state)
        state = load_state(config)  # the next `build` process
    result = build_site(config, state)
    assert result.ok and len(result.rendered) < 10
    assert first_page.stat().st_ino == inode  # an unchanged page is left where it was, not rewritten
    index = config.site_dir / "search-index"
    assert set(json.loads((index / "index.json").read_text(encoding="utf-8"))["pages"]) == pages
    contents = [f.read_text(encoding="utf-8") for f in (index / "p").rglob("*.json")]
    assert len(contents) == len(pages)
    assert sum("编辑补记一段新话" in text for text in contents) == 1  # the edit is searchable


def test_the_report_page_key_covers_every_field_of_a_report_view() -> None:
    import dataclasses

    from reportsite.buildcache import REPORT_VIEW_FIELDS
    from reportsite.site import ReportView

    public = tuple(f.name for f in dataclasses.fields(ReportView) if not f.name.startswith("_"))
    assert public == REPORT_VIEW_FIELDS, "a new ReportView field must be added to buildcache.report_page_key"


def test_saving_a_table_removes_its_files_from_other_code_but_not_tables_its_name_begins(tmp_path: Path) -> None:
    from reportsite.modelcache import ModelMemo

    old = ModelMemo(tmp_path, "0" * 64)
    old.put("shared", "k", 1)
    old.save()
    first = ModelMemo(tmp_path, "1" * 64)
    first.put("shared", "k", 2)
    first.put("shared-last", "last", "state")
    first.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-shared-111111111111.pickle",
                                                          "model-shared-last-111111111111.pickle"]
    again = ModelMemo(tmp_path, "1" * 64)
    again.put("shared", "k", 3)  # only this table changed
    again.save()
    assert ModelMemo(tmp_path, "1" * 64).get("shared-last", "last", lambda: "made again") == "state"
    assert ModelMemo(tmp_path, "1" * 64).get("shared", "k", lambda: 0) == 3


def test_a_cache_table_that_cannot_be_pickled_leaves_the_stored_one_and_no_stray_file(tmp_path: Path) -> None:
    from reportsite.modelcache import read_pickle, write_pickle

    path = tmp_path / "table.pickle"
    write_pickle(path, {"kept": [1, 2]})
    with pytest.raises(Exception):
        write_pickle(path, {"kept": [3], "bad": lambda: None})  # fails half-way through the stream
    assert read_pickle(path) == {"kept": [1, 2]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.pickle"]


def test_a_one_off_build_writes_a_spilled_table_at_once_and_lets_it_go(tmp_path: Path, monkeypatch) -> None:
    from reportsite import workers
    from reportsite.modelcache import ModelMemo

    monkeypatch.setattr(workers, "worker_count", lambda: 2)  # written by a forked worker even on one core
    old = ModelMemo(tmp_path, "0" * 64)
    old.put("shared-last", "last", "made by other code")
    old.save()
    memo = ModelMemo(tmp_path, "1" * 64, one_off=True)
    memo.put("shared-last", "last", {"store": list(range(1000))})
    memo.put("related", "a", 1)
    memo.spill("shared-last")
    assert not memo.is_read("shared-last")  # the build's memory is free of it
    memo.save()  # waits for the writer; the other table is written as usual, old files go
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-related-111111111111.pickle",
                                                          "model-shared-last-111111111111.pickle"]
    again = ModelMemo(tmp_path, "1" * 64)
    assert again.get("shared-last", "last", lambda: "made again") == {"store": list(range(1000))}
    # A server's memo keeps the table in memory for its next build, and saves it with the others.
    server = ModelMemo(tmp_path, "2" * 64)
    server.put("shared-last", "last", "kept")
    server.spill("shared-last")
    assert server.is_read("shared-last") and server.pending()


def test_a_one_off_build_lets_go_of_the_tables_it_never_writes_once_its_pages_are_rendered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The blocks and finished metric pages (250 MB at 10,000 reports) are not held while the build saves
    the rest from forked workers; a server keeps them for its next edit.  Pages are rendered in the building
    process here: with a render worker beside it, which process makes a metric's pages is a race."""
    from reportsite import builder
    from reportsite.modelcache import TRANSIENT

    monkeypatch.setattr(builder, "RENDER_POOL_MIN", 10**9)
    config = archive(tmp_path / "archive")
    state = load_state(config)
    assert not state.long_running
    assert build_site(config, state).ok
    assert not [name for name in TRANSIENT if state.memo.is_read(name)]
    save_state(config, state)
    server = BuildState(long_running=True)
    assert build_site(config, server).ok
    assert server.memo.is_read("blocks") and server.memo.is_read("metric-pages")
    assert tree(config.site_dir) == cold_build(config, tmp_path / "cold")


def test_reading_a_cache_table_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    import gc

    from reportsite.modelcache import read_pickle, write_pickle

    path = tmp_path / "table.pickle"
    write_pickle(path, {"rows": [[n] for n in range(1000)]})
    assert gc.isenabled()
    assert read_pickle(path) == {"rows": [[n] for n in range(1000)]} and gc.isenabled()
    gc.disable()  # a caller that had paused it (the preview server's freeze scheme) keeps it paused
    try:
        read_pickle(path)
        assert not gc.isenabled()
        with pytest.raises(FileNotFoundError):
            read_pickle(tmp_path / "missing.pickle")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(FileNotFoundError):
        read_pickle(tmp_path / "missing.pickle")
    assert gc.isenabled()


def test_a_one_shot_command_freezes_what_it_reads_from_the_cache_and_a_server_does_not(tmp_path: Path) -> None:
    import gc

    from reportsite import modelcache
    from reportsite.cli import batch_gc

    path = tmp_path / "table.pickle"
    modelcache.write_pickle(path, {"rows": [[n] for n in range(1000)]})
    before = gc.get_freeze_count()
    modelcache.read_pickle(path)  # as the preview server reads: it collects when idle, frozen or not
    assert gc.get_freeze_count() == before
    try:
        with batch_gc():
            rows = modelcache.read_pickle(path)["rows"]
            assert gc.get_freeze_count() >= before + len(rows)  # out of the collector's walks
        assert not modelcache.freeze_reads
    finally:
        gc.unfreeze()


def test_build_reads_only_the_content_files_touched_since_the_last_build(project, monkeypatch) -> None:
    import os

    from reportsite import stamps
    from reportsite.check import read_content
    from reportsite.ingest import ingest

    monkeypatch.setattr(stamps, "RACY_SECONDS", -60.0)  # files written by the test are trusted at once
    ingest(project)
    stamps: dict = {}
    first = read_content(project, stamps, keep_bytes=False)
    assert all(item.data and item.path is None for item in first) and len(stamps) == len(first) == 5
    edited = sorted(project.content_dir.glob("*.md"))[0]
    text = edited.read_text(encoding="utf-8")
    before = edited.stat()
    # The same size and modification time, other bytes (as a copy that keeps times could leave it).
    edited.write_text(text.replace("工会", "公会", 1), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    (project.content_dir / sorted(p.name for p in project.content_dir.glob("*.md"))[-1]).unlink()
    second = read_content(project, stamps, keep_bytes=False)
    read = {item.display.rsplit("/", 1)[1] for item in second if item.path is None}
    assert read == {edited.name} and len(second) == len(stamps) == 4
    changed = next(item for item in second if item.path is None)
    assert changed.digest != next(item.digest for item in first if item.display == changed.display)
    kept = next(item for item in second if item.path is not None)
    assert kept.content() == kept.path.read_bytes() and kept.data == b""


def test_a_build_after_an_edit_that_kept_the_file_s_size_and_time_shows_the_edit(project, monkeypatch) -> None:
    import os

    from reportsite import stamps
    from reportsite.cli import main

    monkeypatch.setattr(stamps, "RACY_SECONDS", -60.0)  # files written by the test are trusted at once
    assert main(["--root", str(project.root)]) == 0
    edited = project.content_dir / "linan-2015.md"
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.M).group(1)
    new_title = title[:-2] + "新题"  # two characters for two: the same size in UTF-8
    edited.write_text(text.replace(f"title: {title}", f"title: {new_title}", 1), encoding="utf-8")
    assert edited.stat().st_size == before.st_size
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert main(["--root", str(project.root), "build"]) == 0
    page = (project.site_dir / "reports" / "linan-2015" / "index.html").read_text(encoding="utf-8")
    assert new_title in page


def test_a_per_report_table_is_saved_in_shards_and_an_edit_rewrites_only_the_shard_of_its_report(tmp_path: Path) -> None:
    from reportsite.modelcache import SHARDS, ModelMemo, shard_of_key

    stamp = "1" * 64
    old = ModelMemo(tmp_path, "0" * 64)
    old.put("rows", ("a", "d0"), "made by other code")
    old.save()
    (tmp_path / "model-rows-000000000000.pickle").write_bytes(b"kept in one file by an older version")
    memo = ModelMemo(tmp_path, stamp)
    slugs = [f"report-{n}" for n in range(200)]
    for slug in slugs:
        memo.get("rows", (slug, "d1"), lambda slug=slug: [slug.upper()])
    memo.save()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == sorted(f"model-rows@{shard:02d}-111111111111.pickle" for shard in range(SHARDS))
    written = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    again = ModelMemo(tmp_path, stamp)
    assert again.on_disk("rows") and again.get("rows", ("report-7", "d1"), lambda: None) == ["REPORT-7"]
    again.get("rows", ("report-7", "d2"), lambda: ["EDITED"])  # report-7 edited: a new digest
    again.sweep({(slug, "d1") for slug in slugs if slug != "report-7"} | {("report-7", "d2")})
    jobs = again.pending()
    assert [path.name for path, _ in jobs] == [f"model-rows@{shard_of_key(('report-7',)):02d}-111111111111.pickle"]
    again.save()
    changed = {p.name for p in tmp_path.iterdir() if p.stat().st_mtime_ns != written[p.name]}
    assert changed == {jobs[0][0].name}
    third = ModelMemo(tmp_path, stamp)
    assert third.get("rows", ("report-7", "d2"), lambda: None) == ["EDITED"]
    assert third.get("rows", ("report-7", "d1"), lambda: "gone") == "gone"
    assert third.get("rows", ("report-8", "d1"), lambda: None) == ["REPORT-8"]
    (tmp_path / jobs[0][0].name).unlink()  # a shard lost: the table is made afresh, and saved whole
    fourth = ModelMemo(tmp_path, stamp)
    assert not fourth.on_disk("rows") and fourth.get("rows", ("report-8", "d1"), lambda: "made") == "made"
    assert len(fourth.pending()) == SHARDS


def test_build_does_not_trust_the_stamp_of_a_file_changed_just_now(project) -> None:
    from reportsite.check import read_content
    from reportsite.ingest import ingest

    ingest(project)  # every content file written a moment ago: within the racy window
    known: dict = {}
    read_content(project, known, keep_bytes=False)
    assert known == {}  # a file changed within RACY_SECONDS may change again without its stamp moving
    again = read_content(project, known, keep_bytes=False)
    assert all(item.path is None and item.data for item in again)  # read again, not taken on trust
