"""``serve``: build, serve the site on localhost, rebuild on every change, and reload open browsers.

Why not python-livereload's ``Server``: its handler keeps its state in class attributes (one server
per process, and ``start_tasks`` never starts a second time, so tests cannot run it twice), its
``serve()`` blocks on the global IOLoop with no way to stop it, it serves at ``/`` only (no base path),
runs the build on the request thread without an error page, rebuilds on the first changed file of a
burst (no debounce), and drops reload messages sent within 3 s of the previous one — so a quick
"break, then fix" leaves the browser on the error.  What is needed is small, so it is written here
with the standard library, following MkDocs' design: one build function, a polling watcher with a
quiet period, and a long-polling ``/_reportsite/livereload`` endpoint the injected script waits on.
"""

from __future__ import annotations

import html
import mimetypes
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, fields, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

from .buildcache import BuildState
from .builder import BuildResult, build_site, refresh_search_index
from .config import CONFIG_NAME, ConfigError, SiteConfig, load_config
from .frontmatter import ContentError
from .watch import Snapshot, changed_paths, snapshot, watched_paths

RELOAD_PATH = "/_reportsite/livereload"
POLL_SECONDS = 0.1  # how often the watcher looks at the files
QUIET_SECONDS = 0.15  # a burst of saves ends when nothing changed for this long
BURST_LIMIT_SECONDS = 3.0  # ...or after this long, so a file rewritten forever cannot starve the build
LONG_POLL_SECONDS = 20.0  # a browser's reload request is answered at the latest after this long
SEARCH_IDLE_SECONDS = 2.0  # re-index search only after the editor paused this long
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


class PreviewServer:
    """The preview: the first build, the HTTP server, and the watcher that rebuilds and reloads."""

    def __init__(self, config: SiteConfig, host: str = "127.0.0.1", port: int = 8000, log: TextIO | None = None) -> None:
        self.config = config
        self.host = host
        self.log = log or sys.stderr
        self.state = BuildState(defer_search=True)
        self.live = LiveState()
        self._requested_port = port
        self._file_config = _try_load(config.root)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._search: threading.Thread | None = None
        self._search_due: float | None = None
        self.httpd: PreviewHTTPServer | None = None

    @property
    def port(self) -> int:
        """The port actually bound (useful with port 0)."""
        return self.httpd.server_address[1] if self.httpd else self._requested_port

    @property
    def url(self) -> str:
        """The site's address."""
        return f"http://{self.host}:{self.port}{self.config.base_path}"

    def start(self) -> "PreviewServer":
        """Build once, bind, and start serving and watching in background threads."""
        baseline = self._snapshot()
        self.rebuild(ingest_seeds=any(self.config.seeds_dir.glob("*")))
        self.httpd = PreviewHTTPServer((self.host, self._requested_port), self)
        self._spawn(self.httpd.serve_forever, "preview-http")
        self._spawn(lambda: self._watch(baseline), "preview-watch")
        return self

    def close(self) -> None:
        """Stop watching and serving; wake and answer every waiting browser."""
        self._stop.set()
        with self.live.changed:
            self.live.closing = True
            self.live.changed.notify_all()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
        for thread in self._threads + ([self._search] if self._search else []):
            thread.join(timeout=30)

    def __enter__(self) -> "PreviewServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self, target: Any, name: str) -> None:
        """Start a daemon thread and remember it for close()."""
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _snapshot(self) -> Snapshot:
        """Files of every watched input right now."""
        return snapshot(watched_paths(self.config), exclude=self.config.site_dir)

    def _watch(self, baseline: Snapshot) -> None:
        """Poll the inputs; after a burst of changes goes quiet, rebuild once."""
        while not self._stop.wait(POLL_SECONDS):
            current = self._snapshot()
            if current == baseline:
                self._maybe_refresh_search()
                continue
            current = self._settle(current)
            try:
                baseline = self._rebuild_after(changed_paths(baseline, current))
            except Exception:  # never let one bad rebuild stop the watcher
                traceback.print_exc(file=self.log)
                baseline = current

    def _settle(self, current: Snapshot) -> Snapshot:
        """Wait until the files stop changing (a git checkout of many files gives one rebuild)."""
        deadline = time.monotonic() + BURST_LIMIT_SECONDS
        while time.monotonic() < deadline and not self._stop.wait(QUIET_SECONDS):
            later = self._snapshot()
            if later == current:
                break
            current = later
        return current

    def _rebuild_after(self, changed: list[Path]) -> Snapshot:
        """Reload the configuration if it changed, rebuild, and return the snapshot the build saw."""
        if any(p.name == CONFIG_NAME and p.parent == self.config.root for p in changed):
            self._reload_config()
        seeds = self.config.seeds_dir.resolve()
        return self.rebuild(ingest_seeds=any(seeds in p.resolve().parents for p in changed))

    def rebuild(self, ingest_seeds: bool = False) -> Snapshot:
        """Ingest changed seeds (hand edits stay protected), build, publish; return the inputs' snapshot."""
        started = time.monotonic()
        problems = self._ingest() if ingest_seeds else []
        seen = self._snapshot()  # after ingest wrote content, before the build reads it
        try:
            result = build_site(self.config, self.state)
        except Exception as exc:  # a crash must not stop the server: show it like a content error
            traceback.print_exc(file=self.log)
            result = BuildResult(errors=[ContentError("build", 1, 1, f"the build crashed: {exc!r}")])
        problems += [str(e) for e in result.errors]
        self._say(result, problems, time.monotonic() - started)
        self.live.publish(problems)
        if self.state.search_stale:
            self._search_due = time.monotonic() + SEARCH_IDLE_SECONDS
        return seen

    def _ingest(self) -> list[str]:
        """Run ingest; return its failures as problems (a crash too: the server must keep running)."""
        from .ingest import ingest

        problems = []
        try:
            outcomes = ingest(self.config)
        except Exception as exc:
            traceback.print_exc(file=self.log)
            return [f"error: ingest crashed: {exc!r}"]
        for outcome in outcomes:
            if outcome.status == "error":
                problems.append(f"error: {outcome.message}")
            elif outcome.status != "unchanged":
                print(outcome.line(), file=self.log, flush=True)
        return problems

    def _reload_config(self) -> None:
        """Read site.yml again, keeping the command-line overrides the server was started with."""
        try:
            fresh = load_config(self.config.root)
        except ConfigError as exc:
            print(f"error: {exc}; keeping the previous configuration", file=self.log, flush=True)
            return
        base = self._file_config or SiteConfig(root=self.config.root)
        overrides = {f.name: getattr(self.config, f.name) for f in fields(SiteConfig)
                     if getattr(self.config, f.name) != getattr(base, f.name)}
        self.config, self._file_config = replace(fresh, **overrides), fresh

    def _maybe_refresh_search(self) -> None:
        """Once the editor has paused, re-index search in the background (Pagefind reads every page)."""
        if self._search_due is None or time.monotonic() < self._search_due:
            return
        if self._search is not None and self._search.is_alive():
            return
        self._search_due = None
        self._search = threading.Thread(target=self._refresh_search, name="preview-search", daemon=True)
        self._search.start()

    def _refresh_search(self) -> None:
        """Refresh the search index; a failure is reported, never fatal."""
        try:
            refresh_search_index(self.config, self.state)
        except Exception as exc:  # keep serving; the next rebuild tries again
            print(f"warning: search index not refreshed: {exc}", file=self.log, flush=True)

    def _say(self, result: BuildResult, problems: list[str], seconds: float) -> None:
        """One status line per build, then the problems."""
        if problems:
            print(f"build failed ({len(problems)} problem(s)); still serving the last good site", file=self.log)
            for problem in problems:
                print(f"  {problem}", file=self.log)
        else:
            print(f"rebuilt {len(result.rendered)} of {result.pages} page(s) in {seconds:.2f} s", file=self.log)
        self.log.flush()


def _try_load(root: Path) -> SiteConfig | None:
    """The configuration as the file says (None when it cannot be read)."""
    try:
        return load_config(root)
    except ConfigError:
        return None


def _interrupt(signum: int, frame: object) -> None:
    """Turn SIGTERM into KeyboardInterrupt."""
    raise KeyboardInterrupt


def serve(config: SiteConfig, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve under the base path, rebuild and reload on every change, until Ctrl-C."""
    server = PreviewServer(config, host, port)
    try:
        server.start()
    except OSError as exc:
        print(f"error: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        server.close()
        return 2
    print(f"serving {server.url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a terminated server cleans up like Ctrl-C
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopping", file=sys.stderr)
    finally:
        server.close()
    return 0
