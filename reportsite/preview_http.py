"""The preview's HTTP side: the built site under its base path, the live-reload endpoint, the error page.

Files are read under the build lock, so a request never sees the moment the site folder is swapped.
Browsers learn about a new build by long-polling ``/_reportsite/livereload?epoch=N``: the answer comes
as soon as the build epoch moves past N, and the injected script then reloads the page.
"""

from __future__ import annotations

import html
import mimetypes
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

if TYPE_CHECKING:
    from .serve import PreviewServer

RELOAD_PATH = "/_reportsite/livereload"
LONG_POLL_SECONDS = 20.0  # a browser's reload request is answered at the latest after this long
ERROR_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}}
pre{{background:#fff3f3;border-left:4px solid #c00;padding:1rem;white-space:pre-wrap}}</style>
</head><body><h1>Build failed: {count} problem(s)</h1>
<p>The last good site is still being served for everything else. Fix the file and save it: this page reloads by itself.</p>
<pre>{problems}</pre>
</body></html>
"""
RELOAD_SCRIPT = """<script>
(function () {{
  var epoch = {epoch};
  function poll() {{
    fetch("{path}?epoch=" + epoch, {{cache: "no-store"}})
      .then(function (response) {{ return response.text(); }})
      .then(function (text) {{ if (Number(text) !== epoch) {{ location.reload(); }} else {{ poll(); }} }})
      .catch(function () {{ setTimeout(poll, 1000); }});
  }}
  poll();
}})();
</script>
"""


@dataclass(frozen=True)
class Resolution:
    """What a request path maps to: a file, a redirect, or a refusal."""

    status: int  # 200 file, 301 redirect, 403 refused, 404 missing
    path: Path | None = None
    location: str | None = None


def resolve_request(site_dir: Path, base_path: str, raw_path: str) -> Resolution:
    """Map a URL path to a file of the built site; refuse anything that could leave it."""
    path = urlsplit(raw_path).path
    decoded = unquote(path)
    if "\\" in decoded or "\x00" in decoded or any(part in (".", "..") for part in decoded.split("/")):
        return Resolution(403)
    if decoded + "/" == base_path:
        return Resolution(301, location=base_path)
    if not decoded.startswith(base_path):
        return Resolution(404)
    rest = decoded[len(base_path):]
    if rest.startswith("/"):
        return Resolution(403)  # '//etc/passwd' or '/%2Fetc': an absolute path would replace the site folder
    root = site_dir.resolve()
    target = (root / rest).resolve()
    if target != root and root not in target.parents:
        return Resolution(403)  # a symlink pointing out of the site
    if target.is_dir():
        if not path.endswith("/"):
            return Resolution(301, location=path + "/")  # relative links need the slash
        target = target / "index.html"
    return Resolution(200, target) if target.is_file() else Resolution(404)


def inject_script(page: bytes, script: str) -> bytes:
    """Put the reload script before </body> (or at the end)."""
    marker = page.rfind(b"</body>")
    data = script.encode("utf-8")
    return page + data if marker < 0 else page[:marker] + data + page[marker:]


def error_page(problems: list[str]) -> bytes:
    """The page shown instead of the site while the build is broken."""
    text = "\n".join(html.escape(p) for p in problems)
    return ERROR_TEMPLATE.format(count=len(problems), problems=text).encode("utf-8")


class LiveState:
    """The build epoch and its problems, shared by the watcher thread and the request threads."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.epoch = 0
        self.problems: list[str] = []
        self.closing = False

    def publish(self, problems: list[str]) -> None:
        """A build finished: record its problems and wake every waiting browser."""
        with self.changed:
            self.epoch += 1
            self.problems = problems
            self.changed.notify_all()

    def wait_past(self, epoch: int, timeout: float) -> int:
        """Block until the epoch differs from ``epoch`` (or timeout / shutdown); return the current one."""
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch or self.closing, timeout)
            return self.epoch


class PreviewHandler(BaseHTTPRequestHandler):
    """Serves the built site, the reload endpoint, and the error page while the build is broken."""

    server: "PreviewHTTPServer"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        """Answer GET."""
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer HEAD."""
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        """Route one request."""
        preview = self.server.preview
        if urlsplit(self.path).path == RELOAD_PATH:
            self._reload(preview, send_body)
            return
        resolution = resolve_request(preview.config.site_dir, preview.config.base_path, self.path)
        if resolution.status == 301:
            self._send(301, b"", "text/plain", send_body, {"Location": resolution.location or "/"})
            return
        if resolution.status == 403:
            self._send(403, b"403 Forbidden: outside the site\n", "text/plain; charset=utf-8", send_body)
            return
        epoch, problems = preview.live.epoch, list(preview.live.problems)
        status, body, kind = self._content(preview, resolution)
        if kind.startswith("text/html"):
            if problems:
                status, body = 500, error_page(problems)
            body = inject_script(body, RELOAD_SCRIPT.format(epoch=epoch, path=RELOAD_PATH))
        self._send(status, body, kind, send_body)

    def _content(self, preview: "PreviewServer", resolution: Resolution) -> tuple[int, bytes, str]:
        """Status, bytes and type of a file (or of the site's 404 page), read under the build lock."""
        site_dir = preview.config.site_dir
        with preview.state.lock:  # the builder swaps the site folder under this lock
            path = resolution.path if resolution.status == 200 else site_dir / "404.html"
            try:
                data = path.read_bytes() if path is not None else b""
            except OSError:
                path, data = None, b""
        if resolution.status == 200 and path is not None:
            return 200, data, content_type(path)
        return 404, data or b"<!DOCTYPE html><title>Not found</title><p>Not found</p>", "text/html; charset=utf-8"

    def _reload(self, preview: "PreviewServer", send_body: bool) -> None:
        """Long poll: answer with the build epoch once it differs from the browser's."""
        query = parse_qs(urlsplit(self.path).query)
        try:
            epoch = int(query.get("epoch", ["-1"])[0])
        except ValueError:
            epoch = -1
        current = preview.live.wait_past(epoch, LONG_POLL_SECONDS)
        self._send(200, str(current).encode(), "text/plain; charset=utf-8", send_body)

    def _send(self, status: int, body: bytes, kind: str, send_body: bool, headers: dict[str, str] | None = None) -> None:
        """Write a complete response; pages are never cached, so a reload always shows the new build."""
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep the terminal for build messages; requests are not logged."""


def content_type(path: Path) -> str:
    """MIME type of a site file, with UTF-8 for text."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "application/xml", "image/svg+xml"):
        kind += "; charset=utf-8"
    return kind


class PreviewHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its PreviewServer."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], preview: "PreviewServer") -> None:
        self.preview = preview
        super().__init__(address, PreviewHandler)
