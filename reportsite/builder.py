"""The one build function, shared by ``build`` and ``serve``.

It runs the same checks as ``check`` on every content file, builds the whole site model in memory,
renders it into a fresh temporary folder beside the output, and only then swaps that folder into
place.  A build that fails on bad content leaves the previous ``site/`` exactly as it was.

Given a ``BuildState`` (the preview server keeps one), a rebuild re-parses only edited files and
re-renders only pages whose inputs changed; the other pages are hard-linked from the previous site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .buildcache import (
    BuildState,
    Digests,
    Fingerprinter,
    PageRecord,
    global_key,
    input_fingerprint,
    navigation_digest,
    page_key,
    record_of,
    reuse,
)
from .check import check_files, read_content
from .config import SiteConfig
from .frontmatter import ContentError
from .model import Report
from .render import BodyRenderer, make_environment, render_page, relative_url
from .search import OUTPUT_DIR as SEARCH_DIR
from .search import build_search_index, index_search_source, sync_search_source
from .site import Page, report_views, site_pages
from .taxonomy import load_taxonomy
from .workers import fork_map

ASSETS_DIR = "assets"
RENDER_POOL_MIN = 200  # pages to render before the work is spread over the cores (a cold build, a template edit)


@dataclass
class BuildResult:
    """What a build produced, or why it did not."""

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    pages: int = 0
    reports: int = 0
    rendered: list[str] = field(default_factory=list)  # output paths rendered this time; the rest were reused

    @property
    def ok(self) -> bool:
        """True when the site was written."""
        return not self.errors


def site_context(config: SiteConfig) -> dict[str, Any]:
    """Site-wide values every template sees as ``site``."""
    return {
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "base_url": config.base_url,
        "base_path": config.base_path,
    }


@dataclass
class RenderOutcome:
    """Pages of a render: how many, which were rendered anew, and the records for the next build."""

    pages: int
    rendered: list[str]
    records: dict[str, PageRecord]


def render_site(config: SiteConfig, reports: list[Report], out_dir: Path,
                state: BuildState | None = None, digests: Digests | None = None) -> RenderOutcome:
    """Render every page whose inputs changed (link the others from the previous site), then copy assets."""
    site = site_context(config)
    views = report_views(reports)
    pages = site_pages(views, site, load_taxonomy(config.path(config.taxonomy)))
    env = _environment(config, state)
    body_renderer = BodyRenderer()
    digests = digests or Digests()
    base = digests.base or global_key(config, site)
    digests.navigation = navigation_digest(views)
    fingerprinter = Fingerprinter(digests)
    previous = state.pages if state else {}
    records: dict[str, PageRecord] = {}
    todo: list[tuple[Page, str]] = []
    for page in pages:
        key = page_key(base, page.url, page.template, page.title, page.raw, page.context, fingerprinter)
        if reuse(config.site_dir / page.output_path, out_dir / page.output_path, previous.get(page.output_path), key):
            records[page.output_path] = previous[page.output_path]
        else:
            todo.append((page, key))

    def render_one(item: tuple[Page, str]) -> PageRecord:
        page, key = item
        target = out_dir / page.output_path
        _write(target, page.raw if page.raw is not None else _render(env, page, site, body_renderer))
        return record_of(target, key)

    for (page, _key), record in zip(todo, fork_map(render_one, todo, min_items=RENDER_POOL_MIN)):
        records[page.output_path] = record
    _copy_assets(config, out_dir)
    _search_index(config, out_dir, state, {path: record.key for path, record in records.items()})
    return RenderOutcome(len(pages), [page.output_path for page, _key in todo], records)


def _environment(config: SiteConfig, state: BuildState | None) -> Any:
    """The Jinja2 environment; a server keeps it, so templates compile once (Jinja reloads edited ones)."""
    if state is None:
        return make_environment(config.template_dirs)
    key = tuple(config.template_dirs)
    if key not in state.environments:
        state.environments[key] = make_environment(config.template_dirs)
    return state.environments[key]


def _search_index(config: SiteConfig, out_dir: Path, state: BuildState | None, keys: dict[str, str]) -> None:
    """Index the site for search; the preview server instead keeps the previous index and refreshes it later.

    A build with a cache folder keeps the pages' search copies there and runs Pagefind only when one
    of them changed (a new title in listings alone leaves the index as it was).
    """
    previous = config.site_dir / SEARCH_DIR
    if state is not None and state.defer_search and previous.is_dir():
        link_tree(previous, out_dir / SEARCH_DIR)
        state.search_stale = True
        return
    if state is None or state.cache_dir is None:
        build_search_index(out_dir)
    else:
        source = state.cache_dir / "search"
        if not source.is_dir():
            state.search_keys = {}
        html = {path: key for path, key in keys.items() if path.endswith(".html")}
        try:
            changed = sync_search_source(out_dir, source, html, state.search_keys)
        except BaseException:
            state.search_keys = {}  # the copies are in an unknown state: remake them all next time
            shutil.rmtree(source, ignore_errors=True)
            raise
        if changed or state.search_stale or _file_identity(previous / "pagefind.js") != state.search_index:
            index_search_source(source, out_dir)
            state.search_index = _file_identity(out_dir / SEARCH_DIR / "pagefind.js")
        else:  # the very index built from these copies (hard links keep inode and mtime)
            link_tree(previous, out_dir / SEARCH_DIR)
    if state is not None:
        state.search_stale = False


def _file_identity(path: Path) -> tuple[int, int] | None:
    """A file's inode and modification time (None when missing): which copy of a file this is."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns)


def link_tree(source: Path, target: Path, skip: str | None = None) -> None:
    """Hard-link (or copy) every file under source into target, except the top-level folder ``skip``."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if skip and relative.parts[0] == skip:
            continue
        if path.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target / relative)
            except OSError:
                shutil.copy2(path, target / relative)


def refresh_search_index(config: SiteConfig, state: BuildState) -> None:
    """Re-index the served site (slow: Pagefind reads every page) and swap the new index in under the lock."""
    site_dir = config.site_dir
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.search-", dir=site_dir.parent))
    try:
        with state.lock:
            generation = state.generation
            link_tree(site_dir, work, skip=SEARCH_DIR)
        build_search_index(work)
        with state.lock:
            if state.generation == generation:  # a build since then keeps its own stale flag
                swap_into_place(work / SEARCH_DIR, site_dir / SEARCH_DIR)
                state.search_stale = False
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _render(env: Any, page: Page, site: dict[str, Any], body_renderer: BodyRenderer) -> str:
    """Render one template page, with the report body when the page shows a report."""
    extra: dict[str, Any] = {}
    view = page.context.get("view")
    if view is not None:
        def metric_url(metric_id: str) -> str:
            return relative_url(f"metrics/{metric_id}/", page.url)
        extra["body_html"], extra["toc"] = body_renderer.render(view, metric_url)
    return render_page(env, page, site, extra)


def _write(path: Path, text: str) -> None:
    """Write a UTF-8 file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_assets(config: SiteConfig, out_dir: Path) -> None:
    """Copy the assets folder of every template dir (theme first wins) into the site."""
    for template_dir in reversed(config.template_dirs):
        assets = template_dir / ASSETS_DIR
        if assets.is_dir():
            shutil.copytree(assets, out_dir / ASSETS_DIR, dirs_exist_ok=True)
    (out_dir / ".nojekyll").write_text("", encoding="utf-8")


def swap_into_place(new_dir: Path, site_dir: Path) -> None:
    """Replace site_dir with new_dir using renames, so readers never see a half-written site."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(new_dir, site_dir)
    if old.exists():
        shutil.rmtree(old)


def build_site(config: SiteConfig, state: BuildState | None = None) -> BuildResult:
    """Check all content; render into a temp folder (reusing unchanged pages); swap it into place."""
    state = state or BuildState()
    inputs = read_content(config)
    base = global_key(config, site_context(config))
    fingerprint = input_fingerprint(base, config, [(i.display, i.digest) for i in inputs])
    if fingerprint == state.fingerprint and state.last_result is not None and state.outputs_intact(config.site_dir):
        return replace(state.last_result, rendered=[])  # nothing changed since the last good build
    state.load_parsed()
    checked = check_files(config, state.checks, inputs)
    warnings = [p for p in checked.problems if p.severity != "error"]
    if checked.errors:
        state.fingerprint = ""
        return BuildResult(errors=checked.errors, warnings=warnings)
    site_dir = config.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.build-", dir=site_dir.parent))
    try:
        digests = Digests(checked.digests, checked.meta_digests, base=base)
        outcome = render_site(config, checked.reports, tmp, state, digests)
        with state.lock:  # the preview server reads files under this lock, so it never sees the gap
            swap_into_place(tmp, site_dir)
            state.generation += 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    state.pages = outcome.records
    result = BuildResult(warnings=warnings, pages=outcome.pages, reports=len(checked.reports), rendered=outcome.rendered)
    state.fingerprint, state.last_result = fingerprint, replace(result, rendered=[])
    return result
