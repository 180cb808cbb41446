"""serve: the real preview server on a free localhost port — pages, live reload, error page, refusals."""

from __future__ import annotations

import http.client
import io
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
from conftest import REPO, make_project
from test_builder import small_project, write_report

from reportsite.config import SiteConfig
from reportsite.preview_http import RELOAD_PATH, resolve_request
from reportsite.serve import PreviewServer

WAIT = 30.0  # seconds; generous for a loaded machine, but always bounded


def get(port: int, path: str, timeout: float = WAIT) -> tuple[int, dict[str, str], str]:
    """GET a raw path (sent exactly as given): status, headers, text."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


class ReloadListener:
    """What the injected script does: wait on the reload endpoint until the build epoch moves on."""

    def __init__(self, port: int, epoch: int) -> None:
        self.answer: str | None = None
        self._thread = threading.Thread(target=self._wait, args=(port, epoch), daemon=True)
        self._thread.start()

    def _wait(self, port: int, epoch: int) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            _status, _headers, text = get(port, f"{RELOAD_PATH}?epoch={epoch}")
            if text != str(epoch):
                self.answer = text
                return

    def result(self) -> str | None:
        """The new epoch, once the signal arrived (None if it never did)."""
        self._thread.join(WAIT + 5)
        return self.answer


def epoch_of(page: str) -> int:
    """The epoch the served page's reload script waits past."""
    marker = "var epoch = "
    start = page.index(marker) + len(marker)
    return int(page[start : page.index(";", start)])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[SiteConfig, PreviewServer]]:
    """A small project served under /repo/ on a free port; always shut down."""
    config = small_project(tmp_path / "p")
    (config.root / "site.yml").write_text(
        (config.root / "site.yml").read_text(encoding="utf-8").replace("base_url: /", "base_url: /repo/"), encoding="utf-8")
    config = config.with_overrides(base_url="/repo/")
    server = PreviewServer(config, port=0, log=io.StringIO())
    server.start()
    try:
        yield config, server
    finally:
        server.close()


def test_serves_the_site_under_the_base_path_on_localhost(served: tuple[SiteConfig, PreviewServer]) -> None:
    config, server = served
    assert server.httpd is not None and server.httpd.server_address[0] == "127.0.0.1"
    status, headers, page = get(server.port, "/repo/reports/linan-2015/")
    assert status == 200 and "临安市总工会回顾" in page and headers["Content-Type"].startswith("text/html")
    assert RELOAD_PATH in page
    assert get(server.port, "/repo")[0] == 301
    assert get(server.port, "/repo/reports/linan-2015")[1]["Location"] == "/repo/reports/linan-2015/"
    assert get(server.port, "/reports/linan-2015/")[0] == 404
    assert get(server.port, "/repo/assets/style.css")[1]["Content-Type"].startswith("text/css")


@pytest.mark.parametrize(
    "path",
    ["/repo/../site.yml", "/repo/%2e%2e/site.yml", "/repo/%2E%2E/%2e%2e/etc/passwd", "/repo/reports/..%2f..%2fsite.yml",
     "/repo/..\\site.yml", "/../../etc/passwd", "/repo/reports/../../content/linan-2015.md"],
)
def test_paths_leaving_the_site_are_refused(served: tuple[SiteConfig, PreviewServer], path: str) -> None:
    _config, server = served
    status, _headers, text = get(server.port, path)
    assert status == 403
    assert "base_url" not in text and "root:" not in text and "title:" not in text


def test_absolute_paths_stay_inside_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("home", encoding="utf-8")
    assert resolve_request(site, "/", "/").path == site.resolve() / "index.html"
    for path in ("//etc/passwd", "/%2Fetc%2Fpasswd", "/%2F%2Fetc/passwd", "/\\etc\\passwd", "/a/%00"):
        assert resolve_request(site, "/", path).path is None
    assert resolve_request(site, "/", "/%2Fetc%2Fpasswd").status == 403


def test_edit_changes_the_page_and_signals_the_browser(served: tuple[SiteConfig, PreviewServer]) -> None:
    config, server = served
    _status, _headers, page = get(server.port, "/repo/reports/linan-2015/")
    listener = ReloadListener(server.port, epoch_of(page))
    write_report(config, "linan-2015", "临安市总工会新标题", "临安市", 2015)
    assert listener.result() is not None
    status, _headers, page = get(server.port, "/repo/reports/linan-2015/")
    assert status == 200 and "临安市总工会新标题" in page


def test_broken_yaml_shows_the_error_page_and_fixing_it_brings_the_page_back(served: tuple[SiteConfig, PreviewServer]) -> None:
    config, server = served
    path = config.content_dir / "linan-2015.md"
    good = path.read_text(encoding="utf-8")
    _status, _headers, page = get(server.port, "/repo/reports/linan-2015/")
    listener = ReloadListener(server.port, epoch_of(page))
    path.write_text(good.replace("title: 临安市总工会回顾", "title: 临安: 回顾"), encoding="utf-8")
    assert listener.result() is not None
    status, _headers, page = get(server.port, "/repo/reports/linan-2015/")
    assert status == 500
    assert "content/linan-2015.md:2:10: error: unquoted &#x27;: &#x27; inside a value" in page
    assert get(server.port, "/repo/assets/style.css")[0] == 200  # the last good site is still there
    assert "临安市总工会回顾" in (config.site_dir / "reports/linan-2015/index.html").read_text(encoding="utf-8")
    listener = ReloadListener(server.port, epoch_of(page))
    path.write_text(good, encoding="utf-8")
    assert listener.result() is not None
    status, _headers, page = get(server.port, "/repo/reports/linan-2015/")
    assert status == 200 and "临安市总工会回顾" in page


def test_a_burst_of_saves_gives_one_rebuild(served: tuple[SiteConfig, PreviewServer]) -> None:
    config, server = served
    before = server.live.epoch
    for number in range(20):
        write_report(config, f"burst-{number:02d}", f"第{number}篇", "临安市", 2015)
    deadline = time.monotonic() + WAIT
    while server.live.epoch == before and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # a second rebuild would have started by now
    assert server.live.epoch == before + 1
    assert get(server.port, "/repo/reports/burst-19/")[0] == 200


def test_changes_to_the_output_folder_do_not_rebuild(served: tuple[SiteConfig, PreviewServer]) -> None:
    config, server = served
    before = server.live.epoch
    (config.site_dir / "stray.html").write_text("x", encoding="utf-8")
    time.sleep(1.0)
    assert server.live.epoch == before


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_build_py_serve_runs_as_a_subprocess(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    port = free_port()
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--port", str(port), "--root", str(config.root)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                status = get(port, "/reports/jiande-2014/", timeout=5)[0]
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200
    finally:
        process.terminate()
        _out, errors = process.communicate(timeout=30)
    assert f"serving http://127.0.0.1:{port}/" in errors
    assert not list(config.root.glob(".site.*"))  # no half-built folders left behind


def test_seed_changes_are_ingested(tmp_path: Path) -> None:
    config = make_project(tmp_path / "p", seeds=False)
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    with PreviewServer(config, port=0, log=io.StringIO()) as server:
        listener = ReloadListener(server.port, server.live.epoch)
        (config.seeds_dir / seed.name).write_bytes(seed.read_bytes())
        assert listener.result() is not None
        written = list(config.content_dir.glob("*.md"))
        assert len(written) == 1
        status, _headers, _page = get(server.port, f"/reports/{written[0].stem}/")
        assert status == 200


def test_an_edit_is_searchable_as_soon_as_the_page_reloads(served: tuple[SiteConfig, PreviewServer]) -> None:
    config, server = served
    listener = ReloadListener(server.port, server.live.epoch)
    write_report(config, "jiande-2014", "建德市总工会回顾", "建德市", 2014, body="一段全新的正文，讲职工书屋。")
    assert listener.result() is not None
    status, _headers, body = get(server.port, "/repo/search-index/index.json")
    assert status == 200 and "reports/jiande-2014/" in json.loads(body)["pages"]
    status, _headers, body = get(server.port, "/repo/search-index/p/reports/jiande-2014.json")
    assert status == 200 and "一段全新的正文，讲职工书屋。" in body


def test_garbage_left_by_past_builds_is_collected_once_the_editor_pauses(
        served: tuple[SiteConfig, PreviewServer], monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import weakref

    from reportsite import serve

    _config, server = served
    monkeypatch.setattr(serve, "COLLECT_IDLE_SECONDS", 0.3)

    class Node:
        """A cycle, as the site model of a past build is full of them."""

    node = Node()
    node.self = node  # type: ignore[attr-defined]
    alive = weakref.ref(node)
    server.rebuild()  # the server freezes what exists, so builds do not walk it
    del node
    gc.collect()
    assert alive() is not None  # frozen: an ordinary collection leaves it alone
    deadline = time.monotonic() + WAIT
    while alive() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive() is None  # collected while the editor paused
