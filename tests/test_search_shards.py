"""The sharded search index: stable shards, one Pagefind run per changed shard, byte-identical output."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from sitekit import paragraphs, sample_report, write_reports
from conftest import make_project

from reportsite import search
from reportsite.buildcache import BuildState
from reportsite.builder import build_site, refresh_search_index
from reportsite.config import SiteConfig
from reportsite.search import SHARDS_FILE, assign_shards, shard_count, shard_name, shard_of

SHARD_PAGES = 2  # twelve reports -> eight shards of 1.5 pages on average


def reports(count: int = 12, edited: str | None = None) -> list:
    """Reports r00…, each with its own sentence (r03's says ``edited`` when given)."""
    out = []
    for i in range(count):
        slug = f"r{i:02d}"
        text = edited if edited and slug == "r03" else f"第{i}号报道讲职工书屋建设。"
        out.append(sample_report(slug, f"报道{i}", paragraphs(text, "全体职工共同参与。"), period=(2000 + i, 2000 + i)))
    return out


def project(root: Path, items: list) -> SiteConfig:
    """A project folder with the given reports (not built)."""
    config = make_project(root, seeds=False)
    write_reports(config, items)
    return config


def bundle_urls(bundle: Path) -> set[str]:
    """The page URLs a Pagefind bundle holds (from its fragments, one per page)."""
    urls = set()
    for fragment in (bundle / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def shard_bundles(site_dir: Path) -> dict[str, Path]:
    """Every shard bundle of a built site: '' for the primary one, then 'sNN/' as listed in shards.json."""
    index = site_dir / search.OUTPUT_DIR
    listed = json.loads((index / SHARDS_FILE).read_text(encoding="utf-8"))["bundles"]
    return {"": index, **{name: index / name for name in listed}}


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and mtime of every file directly under a bundle and in its index/fragment folders."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and not p.relative_to(folder).parts[0].startswith("s")}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Tiny shards, and the pages of every Pagefind run, recorded."""
    monkeypatch.setattr(search, "SHARD_PAGES", SHARD_PAGES)
    recorded: list[list[str]] = []
    real = search._run_pagefind

    def spy(source: Path, output: Path, language: str) -> None:
        recorded.append(sorted(search.page_path(p, source) for p in source.rglob("*.html")))
        real(source, output, language)

    monkeypatch.setattr(search, "_run_pagefind", spy)
    return recorded


def test_shard_count_is_the_smallest_power_of_two_that_fits():
    assert [shard_count(n, 500) for n in (0, 1, 500, 501, 1000, 1001, 10_000)] == [1, 1, 1, 2, 2, 4, 32]


def test_doubling_the_count_splits_each_shard_in_two():
    paths = [f"reports/r{i}/index.html" for i in range(200)]
    for path in paths:
        assert shard_of(path, 8) == shard_of(path, 16) % 8 == shard_of(path, 32) % 8
    shards = assign_shards(paths, 8)
    assert sorted(p for pages in shards.values() for p in pages) == sorted(paths)
    assert len(shards) == 8 and max(map(len, shards.values())) < 2 * 200 / 8


def test_every_page_is_in_exactly_one_shard(tmp_path: Path, runs: list[list[str]]):
    config = project(tmp_path / "p", reports())
    assert build_site(config).ok
    bundles = shard_bundles(config.site_dir)
    assert len(bundles) >= 3
    found = {name: bundle_urls(bundle) for name, bundle in bundles.items()}
    every = [url for urls in found.values() for url in urls]
    assert sorted(every) == sorted(f"/reports/r{i:02d}/" for i in range(12))  # each once, nothing else
    for name, urls in found.items():  # and in the shard its path hashes to
        expected = {shard_of(f"{url.strip('/')}/index.html", shard_count(12, SHARD_PAGES)) for url in urls}
        assert len(expected) == 1
        if name:
            assert name == f"{shard_name(expected.pop())}/"
    assert len(runs) == len(bundles)  # one Pagefind run per shard
    for name, bundle in bundles.items():  # merged shards carry only their index, not the script
        assert (bundle / "pagefind-entry.json").is_file()
        assert (bundle / "pagefind.js").is_file() == (name == "")


def test_an_edit_reindexes_only_its_own_shard(tmp_path: Path, runs: list[list[str]]):
    config = project(tmp_path / "p", reports())
    state = BuildState(cache_dir=tmp_path / "cache")
    assert build_site(config, state).ok
    before = {name: identities(bundle) for name, bundle in shard_bundles(config.site_dir).items()}
    runs.clear()
    write_reports(config, reports(edited="第三号报道改写了，讲劳动竞赛。"))
    assert build_site(config, state).ok
    edited = "reports/r03/index.html"
    assert runs == [[p for p in sorted(before_pages(config)) if shard_of(p, 8) == shard_of(edited, 8)]]
    after = {name: identities(bundle) for name, bundle in shard_bundles(config.site_dir).items()}
    assert after.keys() == before.keys()
    changed = [name for name in before if after[name] != before[name]]
    assert len(changed) == 1
    assert "/reports/r03/" in bundle_urls(shard_bundles(config.site_dir)[changed[0]])
    for name in before:  # the other shards are the very same files, hard-linked from the cache
        if name != changed[0]:
            assert after[name] == before[name], name
    incremental = tree(config.site_dir)
    runs.clear()
    assert build_site(project(tmp_path / "cold", reports(edited="第三号报道改写了，讲劳动竞赛。"))).ok
    assert tree(tmp_path / "cold" / "site") == incremental  # the same bytes as a cold build


def before_pages(config: SiteConfig) -> list[str]:
    """The report pages of a built site, as relative paths."""
    return [p.relative_to(config.site_dir).as_posix() for p in (config.site_dir / "reports").glob("r*/index.html")]


def test_two_cold_builds_are_byte_identical(tmp_path: Path, runs: list[list[str]]):
    one = project(tmp_path / "one", reports())
    two = project(tmp_path / "two", reports())
    assert build_site(one).ok and build_site(two, BuildState(cache_dir=tmp_path / "cache")).ok
    assert tree(one.site_dir) == tree(two.site_dir)
    assert len(shard_bundles(one.site_dir)) >= 3


def test_growing_past_the_shard_size_doubles_the_shards(tmp_path: Path, runs: list[list[str]]):
    config = project(tmp_path / "p", reports(4))
    state = BuildState(cache_dir=tmp_path / "cache")
    assert build_site(config, state).ok
    assert sum(len(pages) for pages in runs) == 4
    runs.clear()
    write_reports(config, reports(6))  # 6 pages > 2 shards x 2: four shards, every page indexed again
    assert build_site(config, state).ok
    assert sorted(p for pages in runs for p in pages) == [f"reports/r{i:02d}/index.html" for i in range(6)]
    kept = sorted(path.name for path in (tmp_path / "cache" / "search-bundles").iterdir())
    assert all(name.removesuffix(".key") in {shard_name(s) for s in range(4)} for name in kept)
    urls = set().union(*(bundle_urls(b) for b in shard_bundles(config.site_dir).values()))
    assert urls == {f"/reports/r{i:02d}/" for i in range(6)}


def test_a_removed_page_leaves_its_shard(tmp_path: Path, runs: list[list[str]]):
    config = project(tmp_path / "p", reports(8))
    state = BuildState(cache_dir=tmp_path / "cache")
    assert build_site(config, state).ok
    (config.content_dir / "r05.md").unlink()
    runs.clear()
    assert build_site(config, state).ok
    assert len(runs) <= 1  # the shard r05 was in (none when it was alone there)
    urls = set().union(*(bundle_urls(b) for b in shard_bundles(config.site_dir).values()))
    assert urls == {f"/reports/r{i:02d}/" for i in range(8) if i != 5}


def test_the_preview_refresh_reindexes_only_changed_shards(tmp_path: Path, runs: list[list[str]]):
    config = project(tmp_path / "p", reports())
    state = BuildState(defer_search=True)  # as the preview server keeps it
    assert build_site(config, state).ok  # no index yet: a full one
    write_reports(config, reports(edited="第三号报道改写了，讲劳动竞赛。"))
    assert build_site(config, state).ok and state.search_stale
    runs.clear()
    refresh_search_index(config, state)  # the first refresh makes every shard's bundle
    assert not state.search_stale
    assert sorted(p for pages in runs for p in pages) == sorted(before_pages(config))
    write_reports(config, reports(edited="第三号报道又改了，讲技能比武。"))
    assert build_site(config, state).ok and state.search_stale
    runs.clear()
    refresh_search_index(config, state)
    assert len(runs) == 1 and "reports/r03/index.html" in runs[0]
    fragments = [gzip.decompress(p.read_bytes()) for p in (config.site_dir / "pagefind").rglob("*.pf_fragment")]
    assert any("技能比武".encode() in data for data in fragments)
    assert not [name for name in os.listdir(config.site_dir.parent) if name.startswith(".site.")]  # no scratch left
