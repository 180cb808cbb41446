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

import gc
import signal
import sys
import threading
import time
import traceback
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, TextIO

from .buildcache import BuildState
from .builder import BuildResult, build_site
from .config import CONFIG_NAME, ConfigError, SiteConfig, load_config
from .frontmatter import ContentError
from .preview_http import LiveState, PreviewHTTPServer
from .watch import Snapshot, changed_paths, snapshot, watched_paths

POLL_SECONDS = 0.1  # how often the watcher looks at the files
QUIET_SECONDS = 0.15  # a burst of saves ends when nothing changed for this long
BURST_LIMIT_SECONDS = 3.0  # ...or after this long, so a file rewritten forever cannot starve the build
COLLECT_IDLE_SECONDS = 5.0  # collect the garbage of past builds only after the editor paused this long


class PreviewServer:
    """The preview: the first build, the HTTP server, and the watcher that rebuilds and reloads."""

    def __init__(self, config: SiteConfig, host: str = "127.0.0.1", port: int = 8000, log: TextIO | None = None) -> None:
        self.config = config
        self.host = host
        self.log = log or sys.stderr
        self.state = BuildState(long_running=True)
        self.live = LiveState()
        self._requested_port = port
        self._file_config = _try_load(config.root)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._collect_due: float | None = None
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
        for thread in self._threads:
            thread.join(timeout=30)
        gc.unfreeze()

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
                self._maybe_collect()
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
        # The site model lives on from build to build: keep the cyclic garbage collector from walking
        # all of it during the next build (hundreds of ms at 1,000 reports); it is collected when idle.
        gc.freeze()
        self._collect_due = time.monotonic() + COLLECT_IDLE_SECONDS
        return seen

    def _maybe_collect(self) -> None:
        """Once the editor has paused, collect what past builds left behind (and freeze the rest again)."""
        if self._collect_due is None or time.monotonic() < self._collect_due:
            return
        self._collect_due = None
        gc.unfreeze()
        gc.collect()
        gc.freeze()

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
