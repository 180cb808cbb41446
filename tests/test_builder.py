"""build: checks first and keeps the previous site on errors; incremental rebuilds touch only affected pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import make_project

from reportsite.buildcache import BuildState
from reportsite.builder import build_site
from reportsite.config import SiteConfig

REPORT = """---
title: {title}
slug: {slug}
region:
  name: {region}
  parent: 杭州市
period:
  start: {year}
  end: {year}
lead: 全市25万职工群众。
metrics:
- metric: union-members
  label: 职工群众
  value: 250000
  unit: 人
  text: 25万
  anchor: lead
---

{body}
{{#p1}}

第二段，职工之家建设。
{{#p2}}
"""


def write_report(config: SiteConfig, slug: str, title: str, region: str, year: int, body: str = "第一段正文。") -> Path:
    """Write one small content file."""
    config.content_dir.mkdir(parents=True, exist_ok=True)
    path = config.content_dir / f"{slug}.md"
    path.write_text(REPORT.format(slug=slug, title=title, region=region, year=year, body=body), encoding="utf-8")
    return path


def small_project(root: Path) -> SiteConfig:
    """Three reports in two regions and three years."""
    config = make_project(root, seeds=False)
    write_report(config, "linan-2015", "临安市总工会回顾", "临安市", 2015)
    write_report(config, "jiande-2014", "建德市总工会回顾", "建德市", 2014)
    write_report(config, "yuhang-2012", "余杭区总工会回顾", "余杭区", 2012)
    return config


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_the_previous_site_byte_identical(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    assert build_site(config).ok
    before = tree(config.site_dir)
    write_report(config, "linan-2015", "临安市总工会回顾", "临安市", 2015).write_text(
        "---\ntitle: 坏了: 标题\nslug: linan-2015\n---\n\n正文\n", encoding="utf-8")
    result = build_site(config)
    assert [str(e) for e in result.errors] == [
        "content/linan-2015.md:2:10: error: unquoted ': ' inside a value; YAML reads it as a new key: put the whole value in quotes"
    ]
    assert tree(config.site_dir) == before
    assert sorted(p.name for p in config.site_dir.parent.iterdir()) == sorted(["content", "seeds", "site", "site.yml"])


def test_build_refuses_an_unknown_metric_id(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    path = config.content_dir / "jiande-2014.md"
    path.write_text(path.read_text(encoding="utf-8").replace("metric: union-members", "metric: no-such-metric"), encoding="utf-8")
    result = build_site(config)
    assert not result.ok
    assert str(result.errors[0]).startswith("content/jiande-2014.md:12:11: error: metrics[0].metric: unknown metric id 'no-such-metric'")
    assert not config.site_dir.exists()


def test_body_edit_rerenders_only_that_report_and_pages_that_show_its_text(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    state = BuildState()
    first = build_site(config, state)
    assert len(first.rendered) == first.pages
    write_report(config, "linan-2015", "临安市总工会回顾", "临安市", 2015, body="第一段正文，改过了。")
    second = build_site(config, state)
    assert "reports/linan-2015/index.html" in second.rendered
    assert "reports/jiande-2014/index.html" not in second.rendered
    assert "reports/yuhang-2012/index.html" not in second.rendered
    assert len(second.rendered) < first.pages / 2
    assert "第一段正文，改过了。" in (config.site_dir / "reports/linan-2015/index.html").read_text(encoding="utf-8")


def test_nothing_changed_renders_nothing(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    state = BuildState()
    build_site(config, state)
    assert build_site(config, state).rendered == []


def test_incremental_and_full_builds_give_identical_sites(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    state = BuildState()
    build_site(config, state)
    write_report(config, "linan-2015", "临安市总工会新标题", "临安市", 2015, body="第一段正文，改过了。")
    build_site(config, state)
    write_report(config, "yuhang-2012", "余杭区总工会回顾", "临平区", 2013)  # moves region and year
    (config.content_dir / "jiande-2014.md").unlink()
    write_report(config, "fuyang-2016", "富阳区总工会回顾", "富阳区", 2016)
    result = build_site(config, state)
    assert result.ok and result.rendered
    incremental = tree(config.site_dir)
    shutil.rmtree(config.site_dir)
    assert build_site(config).ok  # a fresh build with no memory of the previous ones
    assert tree(config.site_dir) == incremental


def test_a_hand_changed_output_file_is_rendered_again(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    state = BuildState()
    build_site(config, state)
    page = config.site_dir / "reports/jiande-2014/index.html"
    original = page.read_bytes()
    page.write_bytes(b"changed by hand")
    assert "reports/jiande-2014/index.html" in build_site(config, state).rendered
    assert page.read_bytes() == original


def test_editing_a_template_rerenders_the_pages_that_use_it(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", config.root / "templates")
    state = BuildState()
    build_site(config, state)
    template = config.root / "templates" / "report.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% block main %}", "{% block main %}<p>模板已改</p>", 1),
                        encoding="utf-8")
    result = build_site(config, state)
    assert "reports/linan-2015/index.html" in result.rendered
    assert "模板已改" in (config.site_dir / "reports/linan-2015/index.html").read_text(encoding="utf-8")


def test_build_processes_share_a_cache_on_disk(tmp_path: Path) -> None:
    from reportsite.buildcache import load_state, save_state

    config = small_project(tmp_path / "p")

    def build_process() -> list[str]:
        """What `python build.py build` does: load the saved state, build, save it."""
        state = load_state(config)
        result = build_site(config, state)
        assert result.ok
        save_state(config, state)
        return result.rendered

    assert build_process()  # cold: everything rendered
    assert build_process() == []  # nothing changed: nothing parsed, nothing rendered
    write_report(config, "linan-2015", "临安市总工会回顾", "临安市", 2015, body="第一段正文，改过了。")
    assert "reports/linan-2015/index.html" in build_process()
    index = (config.site_dir / "search-index" / "index.json").stat().st_ino
    (config.site_dir / "reports" / "jiande-2014" / "index.html").unlink()  # a damaged site is repaired
    assert build_process() == ["reports/jiande-2014/index.html"]
    assert (config.site_dir / "search-index" / "index.json").stat().st_ino == index  # same text: index untouched
    incremental = tree(config.site_dir)
    shutil.rmtree(config.site_dir)
    shutil.rmtree(config.root / ".reportsite-cache")
    assert build_process()
    assert tree(config.site_dir) == incremental


def test_a_corrupt_cache_means_a_full_build(tmp_path: Path) -> None:
    from reportsite.buildcache import load_state, save_state

    config = small_project(tmp_path / "p")
    state = BuildState()
    build_site(config, state)
    save_state(config, state)
    for path in (config.root / ".reportsite-cache").rglob("*.pickle"):
        path.write_bytes(b"not a pickle")
    assert build_site(config, load_state(config)).rendered


def test_a_metric_split_by_region_is_made_once_when_its_pages_render_on_two_cores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A metric with pages per region is made by one process: a render worker drawing some of its pages made the
    whole metric again (a third of the metric pages' work at 10,000 reports). The site is the one a serial build writes."""
    from reportsite import builder, metric_pages, workers

    made = tmp_path / "made.log"
    real = metric_pages.metric_page_set

    def logged(metric, rows, *args, **kwargs):  # type: ignore[no-untyped-def]
        with made.open("a", encoding="utf-8") as log:  # appended by whichever process makes it
            log.write(f"{metric.id}\n")
        return real(metric, rows, *args, **kwargs)

    monkeypatch.setattr(metric_pages, "metric_page_set", logged)
    monkeypatch.setattr(metric_pages, "TABLE_MAX_ROWS", 1)  # every metric of two rows or more gets region pages
    monkeypatch.setattr(builder, "RENDER_POOL_MIN", 1)
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    monkeypatch.setattr(workers, "RUN_SHARE", 64)  # runs of one item: the two processes take turns
    config = small_project(tmp_path / "spread")
    assert build_site(config).ok
    assert made.read_text(encoding="utf-8").split() == ["union-members"]
    regions = sorted(p.parent.name for p in (config.site_dir / "metrics" / "union-members").glob("*/index.html"))
    assert len(regions) >= 2, regions  # its pages per region exist

    monkeypatch.setattr(workers, "can_fork", lambda: False)
    serial = small_project(tmp_path / "serial")
    assert build_site(serial).ok
    assert tree(config.site_dir) == tree(serial.site_dir)


def test_pages_of_one_group_are_rendered_in_one_run() -> None:
    from reportsite.builder import render_batches
    from reportsite.site import Page

    pages = [Page("a/", "t", "a"), Page("m/", "t", "m", group="m/"), Page("m/data.csv", "", "c", group="m/"),
             Page("m/x/", "t", "x", group="m/"), Page("n/", "t", "n", group="n/"), Page("b/", "t", "b")]
    batches = render_batches([(page, str(i)) for i, page in enumerate(pages)])
    assert [[page.url for page, _key in batch] for batch in batches] == [
        ["a/"], ["m/", "m/data.csv", "m/x/"], ["n/"], ["b/"]]
