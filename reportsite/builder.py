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
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .buildcache import (
    BuildState,
    Digests,
    Fingerprinter,
    PageRecord,
    file_digest,
    report_page_key,
    global_key,
    input_fingerprint,
    navigation_digest,
    page_key,
    record_of,
    reuse,
    sha256_text,
)
from .body import drop_handed_over_blocks
from .check import check_files, read_content
from .config import SiteConfig
from .frontmatter import ContentError
from .metric_pages import CanonicalRows
from .model import Report
from .modelcache import ModelMemo
from .render import BodyRenderer, link_maker, make_environment, render_page, relative_url, url_prefix
from .search import OUTPUT_DIR as SEARCH_DIR
from .search import SearchIndex, fragment_path, prepare_search_doc
from .shared import drop_last_search
from .site import Page, report_views, site_pages
from .taxonomy import load_taxonomy
from .workers import fork_map

ASSETS_DIR = "assets"
REPORT_PAGE_CONTEXT = {"view", "index"}  # a report page's context: keyed by report_page_key (index: navigation)
METRIC_TEMPLATES, METRIC_ROW_TEMPLATE = ("metric.html", "metric_region.html"), "_metric_row.html"
RENDER_POOL_MIN = 32  # pages to render before the work is spread over the cores (forking costs ~50 ms)
# The preview renders an edit's pages itself up to this many: its pages are quick to remake from the
# fragments it keeps, while forking a process that holds the whole site model costs more than it saves.
PREVIEW_POOL_MIN = 256


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
                state: BuildState | None = None, digests: Digests | None = None, in_place: bool = False) -> RenderOutcome:
    """Render every page whose inputs changed (link the others from the previous site), then copy assets.

    ``in_place``: out_dir receives only the pages rendered anew (and the search index, when it changed);
    the unchanged pages stay where they are in the site folder, and ``publish_in_place`` moves the new
    ones there.  Otherwise out_dir receives a whole new site (unchanged pages as hard links).
    """
    site = site_context(config)
    digests = digests or Digests()
    base = digests.base or global_key(config, site)
    memo = state.model_memo(base) if state is not None else ModelMemo()
    taxonomy_path = config.path(config.taxonomy)
    taxonomy = memo.get("taxonomy", file_digest(taxonomy_path), lambda: load_taxonomy(taxonomy_path))
    views = report_views(reports, memo, digests.full if digests.full else None)
    pages = site_pages(views, site, taxonomy, memo)
    env = _environment(config, state)
    body_renderer = BodyRenderer(memo)
    digests.navigation = navigation_digest(views)
    fingerprinter = Fingerprinter(digests)
    previous = state.pages if state else {}
    records: dict[str, PageRecord] = {}
    todo: list[tuple[Page, str]] = []
    site_dir = os.fspath(config.site_dir)  # a string: joined and stat'ed once per page, 13,000 pages at 10,000 reports
    for page in pages:
        view = page.context.get("view")
        if page.key is None and view is not None and set(page.context) == REPORT_PAGE_CONTEXT:
            page.key = report_page_key(view, digests)
        if page.key is not None:  # its maker digested everything it shows
            key = sha256_text("\0".join([base, page.url, page.template, page.title, page.key]))
        else:
            key = page_key(base, page.url, page.template, page.title, page.raw, page.context, fingerprinter)
        link_to = None if in_place else out_dir / page.output_path
        if reuse(f"{site_dir}/{page.output_path}", link_to, previous.get(page.output_path), key):
            records[page.output_path] = previous[page.output_path]
        else:
            todo.append((page, key))

    def render_one(item: tuple[Page, str]) -> tuple[PageRecord, list[Any], list[Any], Any, tuple[str, PageRecord] | None]:
        page, key = item[0].loaded(), item[1]
        target = out_dir / page.output_path
        text = page.raw if page.raw is not None else _render(env, page, site, body_renderer, memo)
        _write(target, text)
        # What the search index needs of the page, made here (in a render worker, on both cores): its terms,
        # and its fragment file, which has the page's key; only the terms go back to the building process.
        searched = prepare_search_doc(text, page.output_path) if page.output_path.endswith(".html") else None
        fragment_file = None  # (its path in the site, its record)
        if searched is not None:
            doc, terms, tf = searched
            relative = f"{SEARCH_DIR}/{fragment_path(doc.url)}"
            _write_bytes(out_dir / relative, doc.fragment())
            searched, fragment_file = (None, terms, tf), (relative, record_of(out_dir / relative, key))
        return record_of(target, key), body_renderer.take_fresh(), memo.take_fresh(), searched, fragment_file

    memo.table("heading-slugs")  # read once here, not by every render worker
    if any(page.lazy is not None for page, _key in todo):
        memo.table("rows")
    memo.keep_fragments = state is not None and state.long_running
    pool_min = PREVIEW_POOL_MIN if memo.keep_fragments and in_place else RENDER_POOL_MIN
    canonical = CanonicalRows(memo)
    prepared: dict[str, Any] = {}
    written: dict[str, PageRecord] = {}  # the search fragments written beside the pages: path -> record
    if len(todo) >= pool_min:  # counted in pages, however they are batched
        runs = fork_map(lambda batch: [render_one(item) for item in batch], render_batches(todo), min_items=0)
        rendered = [outcome for run in runs for outcome in run]
    else:
        rendered = [render_one(item) for item in todo]
    for (page, _key), (record, headings, fragments, searched, fragment_file) in zip(todo, rendered):
        records[page.output_path] = record
        prepared[page.output_path] = searched
        if fragment_file is not None:
            written[fragment_file[0]] = fragment_file[1]
        for heading_key, heading_id in headings:  # made in a render worker: kept here for the next build
            memo.put("heading-slugs", heading_key, heading_id)
        for table, fragment_key, fragment in fragments:  # likewise (rendered here: already in the memo)
            stored = memo.table(table)
            if fragment_key not in stored:
                stored[canonical.key(fragment_key)] = canonical.value(fragment)
    memo.sweep({(view.report.slug, view.source) for view in views})
    memo.let_go_transient()
    _copy_assets(config, out_dir)
    _search_index(config, out_dir, state, records, previous, in_place, prepared, written)
    return RenderOutcome(len(pages), [page.output_path for page, _key in todo], records)


def render_batches(todo: list[tuple[Page, str]]) -> list[list[tuple[Page, str]]]:
    """The pages to render in the runs a render worker takes whole: consecutive pages of one group (made
    together by one lazy maker) in one run, every other page alone."""
    batches: list[list[tuple[Page, str]]] = []
    for item in todo:
        group = item[0].group
        if group is not None and batches and batches[-1][0][0].group == group:
            batches[-1].append(item)
        else:
            batches.append([item])
    return batches


def publish_in_place(staging: Path, site_dir: Path, outcome: RenderOutcome, previous: dict[str, PageRecord]) -> None:
    """Move the pages rendered anew (and assets, and the search index's new files) from staging into the
    site folder, then delete the files the site no longer has.  Each file is replaced by a rename."""
    for relative in outcome.rendered:
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, target)
    for folder, _subfolders, files in os.walk(staging):  # what is left: assets, .nojekyll, search-index files
        for name in sorted(files):
            target = site_dir / Path(folder).relative_to(staging) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(folder) / name, target)
    for relative in sorted(set(previous) - set(outcome.records)):
        (site_dir / relative).unlink(missing_ok=True)
        folder = (site_dir / relative).parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _environment(config: SiteConfig, state: BuildState | None) -> Any:
    """The Jinja2 environment; a server keeps it, so templates compile once (Jinja reloads edited ones)."""
    if state is None:
        return make_environment(config.template_dirs)
    key = tuple(config.template_dirs)
    if key not in state.environments:
        state.environments[key] = make_environment(config.template_dirs)
    return state.environments[key]


def _search_index(config: SiteConfig, out_dir: Path, state: BuildState | None, records: dict[str, PageRecord],
                  previous: dict[str, PageRecord], in_place: bool, prepared: dict[str, Any],
                  written: dict[str, PageRecord]) -> None:
    """Update the search index from the pages and write its files that changed (their records go in ``records``).

    The index's files are outputs like pages: each has a key (a shard's is its digest, a page
    fragment's its page's key) and is linked from the previous site, or left in place, when the
    key is unchanged.  Only pages whose key changed update the index: the pages rendered now bring
    their terms (``prepared``) and have had their fragments written (``written``), any other is read.
    """
    index = state.search_index() if state is not None else SearchIndex()

    def read(relative: str) -> str:
        fresh = out_dir / relative
        return (fresh if fresh.is_file() else config.site_dir / relative).read_text(encoding="utf-8")

    index.update({path: record.key for path, record in records.items() if path.endswith(".html")}, read, prepared)
    site_dir = os.fspath(config.site_dir)
    for relative, item in sorted(index.files(read).items()):
        path = f"{SEARCH_DIR}/{relative}"
        if path in written and written[path].key == item.key:
            records[path] = written[path]
            continue
        if reuse(f"{site_dir}/{path}", None if in_place else out_dir / path, previous.get(path), item.key):
            records[path] = previous[path]
            continue
        target = out_dir / path
        _write_bytes(target, item.make())
        records[path] = record_of(target, item.key)
    index.fresh.clear()  # the documents' texts are in their fragment files now: a server need not hold them


def _render(env: Any, page: Page, site: dict[str, Any], body_renderer: BodyRenderer,
            memo: ModelMemo | None = None) -> str:
    """Render one template page, with the report body when the page shows a report."""
    extra: dict[str, Any] = {}
    view = page.context.get("view")
    if view is not None:
        def metric_url(metric_id: str) -> str:
            return relative_url(f"metrics/{metric_id}/", page.url)
        extra["body_html"], extra["toc"] = body_renderer.render(view, metric_url)
    if page.template in METRIC_TEMPLATES and memo is not None and memo.keep_fragments:
        extra["rows_html"] = metric_rows_html(env, page, memo)
    return render_page(env, page, site, extra)


def metric_rows_html(env: Any, page: Page, memo: ModelMemo) -> Markup:
    """The rows of a metric page's table, each rendered once (by the template's macro, as a list of one) while
    it stays the same."""
    markup = env.get_template(METRIC_ROW_TEMPLATE).module
    rows_macro = getattr(markup, "metric_rows", None)  # a theme's _metric_row.html may define metric_row alone
    prefix = url_prefix(page.url)  # every link of a row depends on the page's depth only
    url = link_maker(page.url)

    def one(row: Any) -> str:
        return str(rows_macro([row], url) if rows_macro is not None else markup.metric_row(row, url))
    return Markup("".join(memo.fragment("metric-row-html", (row, prefix), lambda row=row: one(row))
                          for row in page.context["rows"]))


def _write(path: Path, text: str) -> None:
    """Write a UTF-8 file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_bytes(path: Path, data: bytes) -> None:
    """Write a file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _copy_assets(config: SiteConfig, out_dir: Path) -> None:
    """Copy the assets folder of every template dir (theme first wins) into the site."""
    for template_dir in reversed(config.template_dirs):
        assets = template_dir / ASSETS_DIR
        if assets.is_dir():
            shutil.copytree(assets, out_dir / ASSETS_DIR, dirs_exist_ok=True)
    (out_dir / ".nojekyll").write_text("", encoding="utf-8")


def swap_into_place(new_dir: Path, site_dir: Path, background: bool = False) -> None:
    """Replace site_dir with new_dir using renames, so readers never see a half-written site.

    The old folder is deleted afterwards; with ``background`` (the preview server) in a thread, so
    a rebuild does not wait for thousands of unlinks.  Leftovers of an interrupted delete go next time.
    """
    for stale in site_dir.parent.glob(f".{site_dir.name}.old*"):
        shutil.rmtree(stale, ignore_errors=True)
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    if site_dir.exists():
        os.replace(site_dir, old / site_dir.name)
    os.replace(new_dir, site_dir)
    if background:
        threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True},
                         name="old-site-cleanup", daemon=True).start()
    else:
        shutil.rmtree(old, ignore_errors=True)


def build_site(config: SiteConfig, state: BuildState | None = None) -> BuildResult:
    """Check all content; render what changed beside the site; move it in (or swap a whole new site in).

    Nothing in the site folder changes before every page has been rendered, so a build that fails
    (bad content, a template error) leaves the previous site exactly as it was.
    """
    try:
        return _build_site(config, state or BuildState())
    finally:
        drop_handed_over_blocks()  # those of an ingest this build had no use for: a server would keep them
        drop_last_search()


def _build_site(config: SiteConfig, state: BuildState) -> BuildResult:
    """build_site's work."""
    inputs = read_content(config, state.files, keep_bytes=state.long_running)  # `build` keeps them on disk
    base = global_key(config, site_context(config))
    fingerprint = input_fingerprint(base, config, [(i.display, i.digest) for i in inputs])
    if fingerprint == state.fingerprint and state.last_result is not None and state.outputs_intact(config.site_dir):
        return replace(state.last_result, rendered=[])  # nothing changed since the last good build
    state.load_parsed()
    checked = check_files(config, state.checks, inputs)
    del inputs  # the files' bytes (110 MB at 10,000 reports, unless a server keeps them): not held while pages render
    warnings = [p for p in checked.problems if p.severity != "error"]
    if checked.errors:
        state.fingerprint = ""
        return BuildResult(errors=checked.errors, warnings=warnings)
    site_dir = config.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # A site this state wrote is updated in place: only new pages are written (beside it, then moved in).
    in_place = bool(state.pages) and site_dir.is_dir()
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.build-", dir=site_dir.parent))
    try:
        digests = Digests(checked.digests, checked.meta_digests, base=base)
        outcome = render_site(config, checked.reports, tmp, state, digests, in_place=in_place)
        with state.lock:  # the preview server reads files under this lock, so it never sees a half-built site
            if in_place:
                publish_in_place(tmp, site_dir, outcome, state.pages)
            else:
                swap_into_place(tmp, site_dir, background=state.long_running)
            state.generation += 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(tmp, ignore_errors=True)  # in place: what is left of the staging folder
    state.pages = outcome.records
    result = BuildResult(warnings=warnings, pages=outcome.pages, reports=len(checked.reports), rendered=outcome.rendered)
    state.fingerprint, state.last_result = fingerprint, replace(result, rendered=[])
    return result
