"""What a long-running build process remembers, so one edited report re-renders only the pages it affects.

Every page gets a *key*: a hash of everything its template can see — the global inputs (templates,
site settings, taxonomy, region table, program code) and a fingerprint of the page's context:

- the page's subject (a context value such as the report view of a report page) field by field;
- any other report by slug, URL and a digest of its front matter (what listings and neighbours show);
- navigation objects (the region tree, year groups, the site index) by one site-wide *navigation
  digest* of every report's slug, place in the listing, region and years, because templates use
  them for menus and breadcrumbs, not for report contents.  A region or year page is the subject of
  its own page, so its reports (and sub-regions) count in full there.

A page whose key is unchanged is hard-linked from the previous site instead of rendered again.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import hashlib
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .check import SHARDS, CheckCache
from .config import SiteConfig
from .model import Report
from .modelcache import ModelMemo, read_pickle, try_write_pickle
from .search import SearchIndex
from .workers import fork_map

PACKAGE_DIR = Path(__file__).resolve().parent
CACHE_DIR = ".reportsite-cache"  # in the project folder (git-ignored): what `build` remembers between runs
SEARCH_CACHE = "search-index"  # in a site's cache folder: the search index's postings
NAVIGATION_TYPES = ("SiteIndex", "RegionNode", "YearGroup")  # summarised by the navigation digest
NAVIGATION_FIELDS = ("parent", "previous", "next")  # links from a navigation subject to its neighbours


@dataclass(frozen=True)
class PageRecord:
    """A page as written by the previous build: its input key and the file's identity."""

    key: str
    size: int
    mtime_ns: int


@dataclass
class BuildState:
    """Kept by the preview server between builds: parsed files, written pages, and the swap lock."""

    checks: CheckCache = field(default_factory=CheckCache)
    pages: dict[str, PageRecord] = field(default_factory=dict)  # output path -> record
    lock: threading.Lock = field(default_factory=threading.Lock)  # held while the site folder is swapped
    generation: int = 0  # swaps so far
    long_running: bool = False  # the preview server's state, which lives in one process across many builds
    environments: dict[tuple[Path, ...], Any] = field(default_factory=dict)  # template dirs -> Jinja2 environment
    fingerprint: str = ""  # digest of every input of the last good build (see input_fingerprint)
    last_result: Any = None  # that build's BuildResult, returned again when nothing changed
    stored: tuple[Path, str] | None = None  # parsed reports on disk, not read yet (see load_state)
    cache_dir: Path | None = None  # this site's folder in .reportsite-cache/, when builds persist
    search: SearchIndex | None = None  # the search index's postings (read from cache_dir when first needed)
    memo: ModelMemo = field(default_factory=ModelMemo)  # parts of the site model, by their inputs (modelcache.py)
    memo_base: str = ""  # the global key the memo's values were computed under ("" before the first build)
    code: str = ""  # digest of the program code the saved cache was written by
    files: dict[str, Any] = field(default_factory=dict)  # content file -> (stamp, what was read): see check.read_content

    def model_memo(self, base: str) -> ModelMemo:
        """The memo of the site model, emptied when code, templates, taxonomy, regions or settings changed."""
        if base != self.memo_base:
            folder = self.cache_dir / "model" if self.cache_dir is not None else None
            self.memo = ModelMemo(folder, sha256_text(self.code + base), one_off=not self.long_running)
            self.memo_base = base
        return self.memo

    def load_parsed(self) -> None:
        """Read the parsed reports a previous process saved, once, when a build needs them."""
        if self.stored is not None:
            folder, code = self.stored
            self.stored = None
            shards = [_read_pickle(folder / _shard_name(number), code) for number in range(SHARDS)]
            if all(shard is not None for shard in shards):
                self.checks.load_shards([shard["checks"] for shard in shards])  # type: ignore[index]

    def search_index(self) -> SearchIndex:
        """The search index of the last build: kept in memory, or read from the cache folder once."""
        if self.search is None:
            folder = self.cache_dir / SEARCH_CACHE if self.cache_dir is not None else None
            self.search = SearchIndex.load(folder, self.code) if folder is not None else SearchIndex()
        return self.search

    def outputs_intact(self, site_dir: Path) -> bool:
        """True when every file the last build wrote (pages, search index) is still there, untouched."""
        for output_path, record in self.pages.items():
            try:
                info = (site_dir / output_path).stat()
            except OSError:
                return False
            if (info.st_size, info.st_mtime_ns) != (record.size, record.mtime_ns):
                return False
        return bool(self.pages)


@dataclass
class Digests:
    """Per-report digests: of the whole file, and of its front matter alone."""

    full: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    navigation: str = ""  # see navigation_digest
    base: str = ""  # see global_key


def sha256_text(text: str) -> str:
    """Hex SHA-256 of a string."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def tree_digest(folders: list[Path], suffixes: tuple[str, ...] | None = None) -> str:
    """Digest of every file's path and bytes under the folders (sorted walk)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
                continue
            digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """Digest of a file's bytes ('-' when it does not exist)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


def global_key(config: SiteConfig, site: dict[str, Any]) -> str:
    """Digest of the inputs every page shares: code, templates, settings, taxonomy and regions."""
    parts = [
        tree_digest([PACKAGE_DIR], (".py", ".yml", ".yaml", ".json", ".txt")),
        tree_digest(config.template_dirs),
        file_digest(config.path(config.taxonomy)),
        file_digest(config.path(config.regions)),
        repr(sorted(site.items())),
    ]
    return sha256_text("\n".join(parts))


def input_fingerprint(base: str, config: SiteConfig, files: list[tuple[str, str]]) -> str:
    """Digest of everything a build reads: the global inputs, the settings and every content file's digest."""
    rows = [base, repr(config), *(f"{display}\0{digest}" for display, digest in files)]
    return sha256_text("\n".join(rows))


def cache_folder(config: SiteConfig) -> Path:
    """Where the build cache of this output folder lives."""
    site = sha256_text(str(config.site_dir.resolve()))[:12]
    return config.root / CACHE_DIR / f"build-{site}"


_SMALL = ("fingerprint", "pages", "last_result", "files")  # read on every build
# The parsed reports (the check cache) are read only when something changed, from SHARDS files of which
# a build rewrites those holding a changed file (the site model's tables: modelcache.py).


SAVE_POOL_MIN = 16  # files to write from which they are pickled on all cores (a build of 500 reports writes 40)


def _shard_name(number: int) -> str:
    """The file of one shard of the check cache."""
    return f"parsed-{number:02d}.pickle"


def save_state(config: SiteConfig, state: BuildState) -> None:
    """Keep what the next `build` process needs on disk; a cache that cannot be written is skipped.

    The files are pickled on both cores (2.5 s of pickling at 10,000 reports, the rows of every figure
    alone 1 s), by workers forked from this process, which holds every value already.
    """
    folder = cache_folder(config)
    code = tree_digest([PACKAGE_DIR], (".py",))
    parts = [("state.pickle", {f: getattr(state, f) for f in _SMALL})]
    if state.stored is None:  # parsed reports never loaded are still on disk as they were
        shards = state.checks.shards(state.checks.dirty)
        parts += [(_shard_name(n), {"checks": shards[n]}) for n in sorted(shards)]
    tables = state.memo.pending()
    jobs = tables + [(folder / name, (code, values)) for name, values in parts]  # the largest first
    done = fork_map(try_write_pickle, jobs, min_items=SAVE_POOL_MIN)
    state.memo.saved([path for (path, _value), ok in zip(tables, done) if ok] + state.memo.spilled())
    if not all(done[len(tables):]):
        return
    try:
        if state.stored is None:
            state.checks.dirty = set()
            (folder / "parsed.pickle").unlink(missing_ok=True)  # one file before the shards
        if state.search is not None and state.search.changed:
            state.search.save(folder / SEARCH_CACHE, state.code)
            state.search.changed = False
    except OSError:
        return


def _read_pickle(path: Path, code: str) -> dict[str, Any] | None:
    """A pickled cache written by this very code, or None."""
    try:
        stored_code, values = read_pickle(path)
    except Exception:  # missing, truncated or from another version: start afresh
        return None
    return values if stored_code == code else None


def load_state(config: SiteConfig) -> BuildState:
    """The state the previous `build` saved for this output folder (a fresh one when there is none)."""
    folder = cache_folder(config)
    code = tree_digest([PACKAGE_DIR], (".py",))
    small = _read_pickle(folder / "state.pickle", code)
    if small is None:  # another program version (so also the first run after Pagefind's copies and bundles)
        for stale in (SEARCH_CACHE, "search", "search-bundles"):
            shutil.rmtree(folder / stale, ignore_errors=True)
        return BuildState(cache_dir=folder, code=code)
    return BuildState(**small, stored=(folder, code), cache_dir=folder, code=code)


def navigation_digest(views: list[Any]) -> str:
    """Digest of what menus and breadcrumbs show: each report's slug, URL, place, region and years."""
    rows = []
    for view in views:
        report = view.report
        region = (report.region.name, report.region.parent) if report.region else None
        period = (report.period.start, report.period.end) if report.period else None
        rows.append(repr((report.slug, view.url, getattr(view, "order", 0), region, period)))
    return sha256_text("\n".join(rows))


class Fingerprinter:
    """Turns page contexts into tokens; an object shared by many pages is digested once per build."""

    def __init__(self, digests: Digests) -> None:
        self.digests = digests
        self._memo: dict[int, str] = {}
        self._subjects: dict[int, str] = {}  # like _memo, for the subjects of pages (walked more deeply)
        self._open: set[int] = set()  # objects being digested: a reference back to one is a cycle

    def context_tokens(self, context: dict[str, Any]) -> list[str]:
        """Tokens describing everything a page's template can reach (see module docstring)."""
        out: list[str] = []
        for name in sorted(context):
            out.append(f"@{name}")
            self._walk(context[name], out, subject=True)
        return out

    def _walk(self, value: Any, out: list[str], subject: bool = False) -> None:
        """Append tokens for one value."""
        if value is None or isinstance(value, (str, int, float, bool)):
            out.append(repr(value))
        elif isinstance(value, (_dt.date, Path)):
            out.append(str(value))
        elif isinstance(value, Report):
            out.append(f"report:{value.slug}:{self.digests.full.get(value.slug, '?')}")
        elif type(value).__name__ == "ReportView" and not subject:
            out.append(f"view:{value.report.slug}:{value.url}:{self.digests.meta.get(value.report.slug, '?')}")
        elif type(value).__name__ in NAVIGATION_TYPES and not subject:
            out.append(f"nav:{self.digests.navigation}")
        elif isinstance(value, dict):
            for key in sorted(value, key=repr):
                out.append(repr(key))
                self._walk(value[key], out)
        elif isinstance(value, (list, tuple)):
            out.append(f"[{len(value)}")
            for item in value:
                self._walk(item, out)
        elif isinstance(value, (set, frozenset)):
            out.append(repr(sorted(map(repr, value))))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            out.append(self._subject(value) if subject else self._memoised(value))
        else:  # unknown objects: their repr; one holding a memory address simply re-renders every time
            out.append(repr(value))

    def _memoised(self, value: Any) -> str:
        """Digest of a dataclass that is not a page's subject, computed once per build."""
        key = id(value)
        if key not in self._memo:
            if key in self._open:
                return "^"
            self._open.add(key)
            self._memo[key] = self._fields(value, subject=False)
            self._open.discard(key)
        return self._memo[key]

    def _subject(self, value: Any) -> str:
        """Digest of a page's subject, computed once per build: the pages of a region or a year split
        into pages of 200 reports share theirs."""
        key = id(value)
        if key not in self._subjects:
            self._subjects[key] = self._fields(value, subject=True)
        return self._subjects[key]

    def _fields(self, value: Any, subject: bool) -> str:
        """Digest of a dataclass, field by field; a navigation subject's sub-regions count in full."""
        kind = type(value).__name__
        names = _field_names(type(value))
        values = [getattr(value, name) for name in names]
        if all(_plain(v) for v in values):  # a leaf record (Block, MetricRecord...): its repr says it all
            return sha256_text(kind + repr(values))
        navigation = kind in NAVIGATION_TYPES
        out = [kind]
        for name, child in zip(names, values):
            out.append(name)
            if navigation and name in NAVIGATION_FIELDS:
                out.append(f"nav:{self.digests.navigation}")
            elif navigation and subject and name == "children":
                for node in child:
                    out.append(self._subject(node))
            else:
                self._walk(child, out)
        return sha256_text("\0".join(out))


PLAIN = (str, int, float, bool, type(None), _dt.date)


def _plain(value: Any) -> bool:
    """True for a primitive or a list/tuple of primitives."""
    if isinstance(value, PLAIN):
        return True
    return isinstance(value, (list, tuple)) and all(isinstance(item, PLAIN) for item in value)


@functools.lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    """Public field names of a dataclass type (dataclasses.fields is slow to call per object).

    Fields named with a leading underscore hold what is derived from the others (a view's blocks
    made on demand): they add nothing to a key, and reading them could make them.
    """
    return tuple(f.name for f in dataclasses.fields(kind) if not f.name.startswith("_"))


REPORT_VIEW_FIELDS = ("report", "url", "previous", "next", "related", "shared", "shared_links", "region_page",
                      "year_pages", "order", "source")  # what report_page_key covers (a test keeps this in step)


def report_page_key(view: Any, digests: Digests) -> str:
    """The key of a report page, straight from its view: the same inputs the fingerprint of its context covers.

    The report itself by its file's digest; neighbours, related reports and reports sharing a passage by
    slug, address and front-matter digest; the region and year pages, like every page's menus, by the
    navigation digest.  Cheaper than walking the context, which matters with thousands of report pages.
    """
    def token(other: Any) -> str:
        if other is None:
            return "-"
        return f"{other.report.slug}:{other.url}:{digests.meta.get(other.report.slug, '?')}"

    parts = [
        "report-page", view.report.slug, digests.full.get(view.report.slug, view.source), view.url, str(view.order),
        digests.navigation, token(view.previous), token(view.next), *map(token, view.related), "|",
        *map(repr, view.shared), "|", *(repr(link.passage) + token(link.other) for link in view.shared_links),
    ]
    return sha256_text("\0".join(parts))


def page_key(base: str, url: str, template: str, title: str, raw: str | None, context: dict[str, Any],
             fingerprinter: Fingerprinter) -> str:
    """The input key of one page."""
    if raw is not None:
        return sha256_text("\0".join([base, url, "raw", raw]))
    tokens = [base, url, template, title, *fingerprinter.context_tokens(context)]
    return sha256_text("\0".join(tokens))


def record_of(path: Path, key: str) -> PageRecord:
    """The record of a file just written."""
    info = path.stat()
    return PageRecord(key, info.st_size, info.st_mtime_ns)


def reuse(previous: Path | str, target: Path | None, record: PageRecord | None, key: str) -> bool:
    """True when the previous build's file has this key and is untouched; it is then linked to target
    (the new site's folder), unless target is None (the site is updated in place)."""
    if record is None or record.key != key:
        return False
    try:
        info = os.stat(previous)
    except OSError:
        return False
    if (info.st_size, info.st_mtime_ns) != (record.size, record.mtime_ns):
        return False  # someone changed the output by hand: render it again
    if target is None:
        return True
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)
    return True
