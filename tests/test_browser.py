"""A real headless Chromium on the built site, served over HTTP under a sub-path like GitHub Pages.

Debian's /usr/bin/chromium is used through Playwright; no browser is ever downloaded.  Without
chromium these tests are skipped on a workstation and fail in CI (CI=true).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitekit import build_small_site, paragraphs, sample_report

from reportsite.config import SiteConfig
from reportsite.content import content_files, load_report
from reportsite import search
from reportsite.search import cjk_bigrams, shard_bits

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SUB_PATH = "repo"


def _require_chromium() -> None:
    """Skip on a workstation without chromium; fail in CI, where the tests must run."""
    if shutil.which(CHROMIUM) or Path(CHROMIUM).is_file():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium (scripts/test does)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _serve(site_dir: Path, parent: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve site_dir at http://127.0.0.1:<port>/repo/ from a background thread."""
    (parent / SUB_PATH).symlink_to(site_dir, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for the whole module."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def seeds_url(built_seeds: SiteConfig, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built seeds, served under /repo/."""
    server, url = _serve(built_seeds.site_dir, tmp_path_factory.mktemp("serve-seeds"))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def words_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site where 工会 only occurs inside 总工会 and 协商 only inside 工资集体协商."""
    reports = [
        sample_report("a-2015", "甲地报道", paragraphs("甲地开篇介绍。", "临安市总工会开展慰问活动，开通12351热线和职工APP。")),
        sample_report("b-2016", "乙地报道", paragraphs("乙地全面推进工资集体协商。"), period=(2016, 2016)),
        sample_report("c-2017", "丙地报道", paragraphs("丙地职工书屋建设。"), period=(2017, 2017)),
        # every pair of 职工书屋, but not the word itself
        sample_report("d-2018", "丁地报道", paragraphs("丁地职工书记走访新建的书屋。"), period=(2018, 2018)),
    ]
    config = build_small_site(tmp_path_factory.mktemp("words") / "p", reports)
    server, url = _serve(config.site_dir, tmp_path_factory.mktemp("serve-words"))
    yield url
    server.shutdown()
    server.server_close()


SHARDED = 25  # reports in the sharded site: more than one batch of results (20)


@pytest.fixture(scope="module")
def shards_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Twenty-five reports in many small shards: every one says 职工, three of them 协商."""
    texts = {0: "开展工资集体协商。", 2: "民主协商议事会。", 5: "平等协商签订合同。"}
    reports = [sample_report(f"r{i:02d}-{2000 + i}", f"第{i}篇报道",
                             paragraphs(f"第{i}地开篇。", texts.get(i, "劳动竞赛。"), "职工参与。"), period=(2000 + i, 2000 + i))
               for i in range(SHARDED)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PAGES_PER_SHARD", 1)
        config = build_small_site(tmp_path_factory.mktemp("shards") / "p", reports)
    server, url = _serve(config.site_dir, tmp_path_factory.mktemp("serve-shards"))
    yield url
    server.shutdown()
    server.server_close()


class Watched:
    """A page that records console errors, page errors and failed requests."""

    def __init__(self, browser: object, **options: object) -> None:
        self.page = browser.new_page(**options)  # type: ignore[attr-defined]
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        # Leaving a page aborts its pending requests; that is navigation, not a failure.
        self.page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and self.errors.append(f"failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def search(self, base: str, query: str) -> list[str]:
        """Open the search page for query; return the result titles."""
        self.page.goto(f"{base}search/?q={query}")
        self.page.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('找到')")
        return self.page.locator("[data-search-results] > li h2").all_inner_texts()


@pytest.fixture
def tab(browser: object) -> Iterator[Watched]:
    """A fresh desktop page; fails the test on any console error."""
    watched = Watched(browser)
    yield watched
    watched.page.close()
    assert watched.errors == []


def test_home_to_report_to_metric_page(tab: Watched, seeds_url: str):
    page = tab.page
    page.goto(seeds_url)
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.locator(".home-reports .report-list a").first.click()
    page.wait_for_url("**/reports/**")
    assert page.locator("article.report h1").inner_text().strip()
    page.locator("a.figure-value:not(.unclassified)").first.click()
    page.wait_for_url("**/metrics/**")
    assert page.locator("main h1").inner_text().strip()


def _distinct_words(config: SiteConfig) -> dict[str, str]:
    """For each report, a two-character word its body has and no other report has: title -> word."""
    reports = [load_report(path)[0] for path in content_files(config.content_dir)]
    words = {r.title: set(cjk_bigrams(r.body)) for r in reports if r}
    chosen = {}
    for title, own in words.items():
        others = set().union(*(w for t, w in words.items() if t != title))
        unique = sorted(own - others - set(cjk_bigrams("".join(words))))
        if unique:
            chosen[title] = unique[0]
    return chosen


def test_chinese_search_finds_the_right_report_and_links_to_the_paragraph(tab: Watched, seeds_url: str,
                                                                          built_seeds: SiteConfig):
    chosen = _distinct_words(built_seeds)
    assert len(chosen) >= 3
    for title, word in sorted(chosen.items())[:3]:
        assert tab.search(seeds_url, word) == [title], word
    link = tab.page.locator("[data-search-results] ul a").first
    href = link.get_attribute("href")
    assert "#" in href
    link.click()
    tab.page.wait_for_url(href)
    assert word in tab.page.locator(":target").inner_text()


def test_two_character_words_inside_longer_words_are_found(tab: Watched, words_url: str):
    assert tab.search(words_url, "工会") == ["甲地报道"]
    assert tab.search(words_url, "总工会") == ["甲地报道"]
    assert tab.search(words_url, "协商") == ["乙地报道"]
    assert "#p1" in tab.page.locator("[data-search-results] h2 a").first.get_attribute("href")
    assert tab.page.locator("[data-search-results] mark").first.inner_text() == "协商"
    tab.page.fill("[data-search-input]", "没有这个词语")
    tab.page.press("[data-search-input]", "Enter")
    tab.page.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('没有找到')")


def test_latin_words_numbers_and_single_characters_are_found(tab: Watched, words_url: str):
    assert tab.search(words_url, "12351") == ["甲地报道"]
    assert tab.search(words_url, "app") == ["甲地报道"]  # case and width folded, as in the index
    assert tab.search(words_url, "ＡＰＰ 热线") == ["甲地报道"]
    assert sorted(tab.search(words_url, "屋")) == ["丁地报道", "丙地报道"]


def test_a_longer_word_must_be_there_whole(tab: Watched, words_url: str):
    # 丁地 holds 职工, 工书 and 书屋 apart; only 丙地 says 职工书屋
    assert tab.search(words_url, "职工书屋") == ["丙地报道"]
    assert sorted(tab.search(words_url, "书屋")) == ["丁地报道", "丙地报道"]


def test_search_reads_only_the_shards_of_its_terms_and_pages_its_results(tab: Watched, shards_url: str):
    bits = shard_bits(SHARDED)
    assert bits >= 4  # many shards
    requests: list[str] = []
    tab.page.on("request", lambda r: requests.append(r.url))
    assert sorted(tab.search(shards_url, "协商")) == ["第0篇报道", "第2篇报道", "第5篇报道"]
    assert all(f"/{SUB_PATH}/" in url for url in requests)  # the site itself, under its sub-path
    for link in tab.page.locator("[data-search-results] h2 a").all():
        assert "#p2" in link.get_attribute("href")
    assert len([url for url in requests if "/search-index/s/" in url]) == 1  # 协商 is one term: one shard
    assert len([url for url in requests if "/search-index/p/" in url]) == 3  # the three candidates' texts
    requests.clear()
    tab.page.fill("[data-search-input]", "职工")
    tab.page.press("[data-search-input]", "Enter")
    status = "document.querySelector('[data-search-status]').textContent"
    tab.page.wait_for_function(f"{status}.includes('找到 {SHARDED} 篇')")
    assert "已列出最相关的 20 篇" in tab.page.evaluate(status)
    assert tab.page.locator("[data-search-results] > li").count() == 20
    assert not [url for url in requests if "index.json" in url]  # the index was opened once
    tab.page.click("[data-search-more]")
    tab.page.wait_for_function(f"{status} === '找到 {SHARDED} 篇与“职工”相关的报道。'")
    assert tab.page.locator("[data-search-results] > li").count() == SHARDED
    assert tab.page.locator("[data-search-more]").count() == 0


def test_header_search_box_leads_to_results(tab: Watched, words_url: str):
    tab.page.goto(words_url + "reports/")
    tab.page.fill("#site-search", "工会")
    tab.page.press("#site-search", "Enter")
    tab.page.wait_for_function("document.querySelectorAll('[data-search-results] > li').length > 0")
    assert "search/?q=" in tab.page.url


def test_skip_link_is_the_first_stop_for_the_keyboard(tab: Watched, seeds_url: str):
    tab.page.goto(seeds_url + "reports/")
    tab.page.keyboard.press("Tab")
    assert tab.page.evaluate("document.activeElement.className") == "skip-link"
    tab.page.keyboard.press("Enter")
    assert tab.page.evaluate("document.activeElement.id") == "main"


def test_pages_fit_a_phone_screen(browser: object, seeds_url: str):
    phone = Watched(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2)
    for path in ["", "reports/", "search/?q=工会", "regions/", "years/"]:
        phone.page.goto(seeds_url + path)
        phone.page.wait_for_load_state("networkidle")  # the search page keeps working after 'load'
        assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390, path
    phone.page.goto(seeds_url)
    phone.page.locator(".home-reports .report-list a").first.click()
    phone.page.wait_for_load_state("networkidle")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    phone.page.close()
    assert phone.errors == []
