"""Ingest: every seed → ``content/<slug>.md`` (front matter + clean Markdown), never overwriting hand edits.

A manifest (``content/.ingest.json``) remembers, for every seed, the content file it produced and the
hashes of both.  A content file whose hash no longer matches was edited by hand: ingest leaves it alone
and says so, unless ``--force``, which first copies it to ``content/.backup/``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .body import blocks_to_markdown, hand_over_blocks, markdown_to_blocks
from .config import SiteConfig
from .content import content_files, load_report
from .dedup import find_shared_passages, remove_layout_copies
from .frontmatter import render_content, split_front_matter
from .metrics import extract_metrics
from .model import Document, Report, ReviewNote
from .clauses import dedup_rules
from .labels import default_rules
from .normalize import to_simplified
from .places import load_regions, place_names, where_when
from .reading import SeedError, read_seed
from .rules import text_rules, word_list
from .slugs import report_slug
from .stamps import FileDigests
from .structure import recover_document
from .taxonomy import Taxonomy, load_taxonomy
from .workers import fork_map

MANIFEST = ".ingest.json"
BACKUP_DIR = ".backup"
DIGEST_CACHE = ".reportsite-cache/ingest-digests.pickle"  # in the project folder (git-ignored): see stamps.py


@dataclass
class Outcome:
    """What ingest did with one seed."""

    seed: str
    status: str  # written | unchanged | kept-edits | forced | error | skipped (not a seed)
    content: str | None = None
    message: str = ""

    def line(self) -> str:
        """One line for the terminal."""
        target = f" -> {self.content}" if self.content else ""
        return f"{self.status:>10}  {self.seed}{target}" + (f"  ({self.message})" if self.message else "")


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def document_to_report(doc: Document, source: str, taxonomy: Taxonomy, regions: object, taken: set[str]) -> Report:
    """Turn a recovered document into a Report: dedup, where/when, slug, metrics."""
    report = _unplaced_report(doc, source, taxonomy, regions)
    report.slug = report_slug(report.region, report.period, report.title, taken)
    return report


def _unplaced_report(doc: Document, source: str, taxonomy: Taxonomy, regions: object) -> Report:
    """document_to_report without the slug (left empty): ingest makes it unique among all reports in _place."""
    doc = ensure_title(reanchor(remove_layout_copies(doc)))
    region, organization, period, date = where_when(doc, regions)
    metrics = extract_metrics(doc, taxonomy)
    for record in metrics:
        if record.period is None and period is not None:
            record.period = period.label
    return Report(
        title=doc.title,
        slug="",
        body=blocks_to_markdown(doc.blocks),
        source=source,
        subtitle=doc.subtitle,
        kicker=doc.kicker,
        region=region,
        organization=organization,
        period=period,
        date=date,
        authors=doc.authors,
        lead=doc.lead,
        figures=doc.figures,
        metrics=metrics,
        duplicates=doc.duplicates,
        review=doc.review,
        debris=doc.debris,
    )


FALLBACK_TITLE_CHARS = 24


def ensure_title(doc: Document) -> Document:
    """Every report needs a title: borrow the subtitle, a heading or the opening words, and ask the editor."""
    if doc.title.strip():
        return doc
    heading = next((b.text for b in doc.blocks if b.kind == "heading"), None)
    opening = next((b.text for b in doc.blocks if b.text.strip()), "")
    title = doc.subtitle or doc.kicker or heading or opening[:FALLBACK_TITLE_CHARS] or "（无标题）"
    if title == doc.subtitle:
        doc.subtitle = None
    elif title == doc.kicker:
        doc.kicker = None
    doc.title = title
    doc.review.insert(0, ReviewNote("title", None, title, "未识别出标题，暂用此文字代替，请核对"))
    return doc


def reanchor(doc: Document) -> Document:
    """Point review notes and captions whose paragraph was removed (a layout copy) at the paragraph before it."""
    order = [block.id for block in doc.blocks if block.id]
    present = set(order)

    def number(anchor: str) -> int:
        digits = anchor[1:]
        return int(digits) if anchor.startswith("p") and digits.isdigit() else -1

    def nearest(anchor: str | None) -> str | None:
        if anchor is None or anchor in present or number(anchor) < 0:
            return anchor
        earlier = [a for a in order if 0 <= number(a) < number(anchor)]
        return earlier[-1] if earlier else (order[0] if order else None)

    for note in doc.review:
        note.anchor = nearest(note.anchor)
    for figure in doc.figures:
        figure.after = nearest(figure.after)
    return doc


def seed_to_report(text: str, source: str, taxonomy: Taxonomy, regions: object, taken: set[str]) -> Report:
    """The whole ingest of one decoded seed text (pure: no files)."""
    return document_to_report(recover_document(text), source, taxonomy, regions, taken)


SEED_SUFFIX = ".txt"  # a seed is a plain-text file; notes or scans kept beside the seeds are not reports


def seed_files(seeds_dir: Path) -> tuple[list[Path], list[Path]]:
    """The seeds (every non-hidden regular file named *.txt, in any case), in sorted order; and the other
    non-hidden files of the folder, which ingest leaves alone and names."""
    try:
        entries = list(os.scandir(seeds_dir))
    except OSError:
        return [], []
    names = sorted(e.name for e in entries if not e.name.startswith(".") and e.is_file())
    return ([seeds_dir / name for name in names if name.lower().endswith(SEED_SUFFIX)],
            [seeds_dir / name for name in names if not name.lower().endswith(SEED_SUFFIX)])


def _load_manifest(content_dir: Path) -> dict[str, dict[str, str]]:
    """Read the ingest manifest (empty when missing or unreadable)."""
    path = content_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(content_dir: Path, manifest: dict[str, dict[str, str]]) -> None:
    """Write the manifest with sorted keys so it diffs cleanly."""
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _write_if_changed(content_dir / MANIFEST, text.encode("utf-8"))


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write data atomically unless the file already holds it; return whether it wrote."""
    if path.exists() and path.read_bytes() == data:
        return False
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def _backup(path: Path) -> Path:
    """Copy an edited content file to .backup/<name>.<n> and return the copy's path."""
    backup_dir = path.parent / BACKUP_DIR
    backup_dir.mkdir(exist_ok=True)
    number = 1
    while (backup_dir / f"{path.name}.{number}").exists():
        number += 1
    target = backup_dir / f"{path.name}.{number}"
    target.write_bytes(path.read_bytes())
    return target


def _existing_slugs(content_dir: Path, ours: set[str]) -> set[str]:
    """Slugs already used by content files: the file stem, and the front matter's slug when an editor wrote it."""
    taken = set()
    for path in content_files(content_dir):
        taken.add(path.stem)
        if path.name not in ours:
            report, _errors = load_report(path)
            if report is not None and report.slug:
                taken.add(report.slug)
    return taken


def _written_by_ingest(path: Path, manifest: dict[str, dict[str, str]], digests: FileDigests) -> bool:
    """True when the file is byte for byte what ingest wrote (so its slug is its stem)."""
    entry = manifest.get(path.name)
    return bool(entry) and digests.digest(path) == entry.get("output_sha256")


@dataclass
class _Job:
    """A seed that needs (re)converting, with what the manifest knew about it."""

    seed: Path
    source: str
    seed_hash: str
    target: Path | None
    entry: dict[str, str]


# Modules that only render, serve or check: changing them cannot change what ingest writes.
BUILD_ONLY_MODULES = frozenset({
    "builder", "buildcache", "workers", "render", "site", "metric_pages", "metric_rows", "charts", "search",
    "feeds", "serve", "preview_http", "watch", "check", "hazards", "cli", "zh", "modelcache", "stamps",
})


@functools.lru_cache(maxsize=1)
def ingest_fingerprint() -> str:
    """A hash of the ingest code and its data tables: when they change, unedited content is regenerated."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    sources = [p for p in package.glob("*.py") if p.stem not in BUILD_ONLY_MODULES]
    for path in sorted([*sources, *(package / "data").glob("*.yml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _plan(seed: Path, config: SiteConfig, manifest: dict[str, dict[str, str]], by_source: dict, force: bool,
          digests: FileDigests, folders: tuple[str, str]) -> Outcome | _Job:
    """Decide, from hashes alone, whether a seed is unchanged, hand-edited, unreadable or to convert.

    ``folders``: how the seeds and content folders are displayed (every file sits right in one of them).
    """
    source = f"{folders[0]}/{seed.name}" if folders[0] != "." else seed.name
    try:
        seed_hash = digests.digest(seed)
    except OSError as exc:
        return Outcome(source, "error", message=f"{seed}: cannot read: {exc.strerror}")
    name = by_source.get(source)
    entry = manifest.get(name, {}) if name else {}
    target = config.content_dir / name if name else None
    try:
        output_hash = digests.digest(target) if target is not None else None
    except OSError:  # the content file was deleted (or cannot be read): make it again
        output_hash = None
    if target is not None and output_hash is not None:
        shown = f"{folders[1]}/{name}" if folders[1] != "." else str(name)
        edited = output_hash != entry.get("output_sha256")
        seed_changed = seed_hash != entry.get("seed_sha256")
        if edited and not force:
            note = "seed changed since" if seed_changed else "seed unchanged"
            return Outcome(source, "kept-edits", shown, f"hand-edited; left alone, {note}; --force regenerates")
        if not edited and not seed_changed and entry.get("version") == ingest_fingerprint():
            return Outcome(source, "unchanged", shown)
    return _Job(seed, source, seed_hash, target, entry)


# Per-process state of the pool's workers: set once by _init_worker, read by _convert.
_WORKER: dict[str, object] = {}
# Below this many seeds the pool's start (a fork server loading the tables, then each worker compiling the rules'
# patterns on its first seed: about a second in all) costs more than the second core saves: `build.py ingest` of 50
# seeds took 1.5-1.6 s pooled, 1.2 s in-process; of 100, 1.6-1.7 s either way; of 200, 2.1 s pooled, 2.4 s in-process.
POOL_MIN_JOBS = 100


def _init_worker(taxonomy: Taxonomy, regions: object) -> None:
    """Give a worker process the taxonomy and regions once, instead of with every seed."""
    _WORKER["taxonomy"], _WORKER["regions"] = taxonomy, regions


def _convert(job: _Job) -> Report | str:
    """Read and convert one seed (no slug yet: _place makes it); an unreadable seed gives its message."""
    try:
        text = read_seed(job.seed)
    except SeedError as exc:
        return str(exc)
    return _unplaced_report(recover_document(text), job.source, _WORKER["taxonomy"], _WORKER["regions"])  # type: ignore[arg-type]


def _map(function, items: list, taxonomy: Taxonomy, regions: object) -> list:
    """function over items in order: in a process pool on several cores when there are enough items."""
    workers = min(os.cpu_count() or 1, len(items) // (POOL_MIN_JOBS // 2) or 1)
    if workers < 2 or len(items) < POOL_MIN_JOBS:
        _init_worker(taxonomy, regions)
        return [function(item) for item in items]
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(taxonomy, regions)) as pool:
        return list(pool.map(function, items, chunksize=max(1, min(32, len(items) // (workers * 8)))))


def _pool_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a fresh server process, never from this one.

    The suffix arrays run OpenMP (libgomp): once this process has built one (the archive-wide shared
    passages do, and the server ingests again and again), a worker forked from it hangs in its first
    suffix array.  A fork server has never run OpenMP, and it imports reportsite only once.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context()  # spawn on Windows and macOS: fresh processes as well
    # Every worker has a core of its own: OpenMP threads inside one only spin-wait, and that burned more
    # CPU than the suffix arrays themselves (read when the fork server starts, i.e. by the workers only).
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from multiprocessing import forkserver  # POSIX only

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    os.environ[_WARM_UP] = "1"  # the fork server loads the tables once, for every worker it forks
    try:
        forkserver.ensure_running()  # start it now, with the variable (a no-op once it runs)
    finally:
        del os.environ[_WARM_UP]
    return context


def stop_pool_server() -> None:
    """Stop the pool's fork server, if one runs.  A one-shot command that goes on to build is done with it, and
    it holds the tables, word lists and rules it loaded for its workers: about 100 MB at every later step's peak
    (the preview server keeps it, to ingest again)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    from multiprocessing import forkserver  # POSIX only

    stop = getattr(forkserver._forkserver, "_stop", None)  # the standard library's own way (its tests use it)
    if stop is not None:
        stop()


# Set only while the pool's fork server starts (see _pool_context): importing this module there warms it up.
_WARM_UP = "REPORTSITE_INGEST_FORK_SERVER"


def _warm_up() -> None:
    """Load the tables, the word list and OpenCC that converting any seed needs (in the fork server only)."""
    try:
        text_rules(), dedup_rules(), default_rules(), place_names(), word_list(), to_simplified("")
    except Exception:  # noqa: BLE001 - a broken table must fail a seed with its message, not the server
        pass


def ingest(config: SiteConfig, force: bool = False, release_pool: bool = False) -> list[Outcome]:
    """Ingest every seed of config.seeds_dir into config.content_dir; return one Outcome per seed.

    ``release_pool``: stop the pool's fork server once the seeds are converted (a one-shot command, which will
    not ingest again; the preview server keeps it).
    """
    content_dir = config.content_dir
    content_dir.mkdir(parents=True, exist_ok=True)
    manifest = _load_manifest(content_dir)
    by_source = {entry.get("source"): name for name, entry in manifest.items()}
    digests = FileDigests(config.path(Path(DIGEST_CACHE)))
    folders = (config.display(config.seeds_dir), config.display(content_dir))
    seeds, others = seed_files(config.seeds_dir)
    plans = [_plan(seed, config, manifest, by_source, force, digests, folders) for seed in seeds]
    plans += [Outcome(config.display(path), "skipped", message=f"not a seed: only {SEED_SUFFIX} files are ingested")
              for path in others]
    jobs = [p for p in plans if isinstance(p, _Job)]
    if not jobs:  # nothing changed: hashes were enough, no conversion, no archive-wide pass
        if not (content_dir / MANIFEST).exists():
            _write_manifest(content_dir, manifest)
        digests.save()
        return [p for p in plans if isinstance(p, Outcome)]
    taxonomy = load_taxonomy(config.path(config.taxonomy))
    regions = load_regions(config.path(config.regions))
    converted = dict(zip(map(id, jobs), _map(_convert, jobs, taxonomy, regions)))
    if release_pool:
        stop_pool_server()
    ours = {p.name for p in content_files(content_dir) if _written_by_ingest(p, manifest, digests)}
    taken = _existing_slugs(content_dir, ours)
    fresh: dict[str, Report] = {}
    outcomes: list[Outcome] = []
    for plan in plans:
        if isinstance(plan, Outcome):
            outcomes.append(plan)
            continue
        result = converted[id(plan)]
        if isinstance(result, str):
            outcomes.append(Outcome(plan.source, "error", message=result))
            continue
        outcomes.append(_place(result, plan, config, taken, force, fresh, manifest))
    if fresh:
        _link_shared_passages(fresh, content_dir, ours)
    # Not in the pool (sending reports there costs more than the 0.2 ms a file takes) but, for many files,
    # in workers forked from here: they have the reports already, write the files, and only digests come back.
    written = fork_map(_write_content, [(content_dir / name, report) for name, report in fresh.items()],
                       min_items=WRITE_POOL_MIN)
    for name, digest in zip(fresh, written):
        manifest[name]["output_sha256"] = digest
    _write_manifest(content_dir, manifest)
    digests.save()
    return outcomes


WRITE_POOL_MIN = 1000  # content files to write from which they are made and written on all cores


def _write_content(job: tuple[Path, Report]) -> str:
    """Write a report's content file (its front matter and body) unless it holds them already; the text's digest."""
    path, report = job
    data = render_content(report.front_matter(), report.body).encode("utf-8")
    _write_if_changed(path, data)
    return sha256(data)


def _place(report: Report, job: _Job, config: SiteConfig, taken: set[str], force: bool, fresh: dict[str, Report], manifest: dict) -> Outcome:
    """Give a converted report its unique slug and content file, in seed order; back up forced edits."""
    target = job.target
    own_slug = target.stem if target is not None else None
    report.slug = report_slug(report.region, report.period, report.title, taken - {own_slug} if own_slug else taken)
    if target is None or not target.exists():
        target = config.content_dir / f"{report.slug}.md"
    else:
        report.slug = target.stem
    taken.add(report.slug)
    status, message = "written", ""
    if force and target.exists() and sha256(target.read_bytes()) != job.entry.get("output_sha256"):
        backup = _backup(target)
        status, message = "forced", f"hand edits saved in {config.display(backup)}"
    fresh[target.name] = report
    manifest[target.name] = {"source": job.source, "seed_sha256": job.seed_hash, "version": ingest_fingerprint()}
    return Outcome(job.source, status, config.display(target), message)


def _link_shared_passages(fresh: dict[str, Report], content_dir: Path, ours: set[str]) -> None:
    """Fill each freshly written report's also_in with passages it shares with any report of the archive."""
    bodies = {report.slug: report.body for report in fresh.values()}
    for path in content_files(content_dir):
        if path.name in fresh:
            continue
        if path.name in ours:  # our own file: its slug is its stem, only the body is needed
            _yaml, body, _line = split_front_matter(path.read_text(encoding="utf-8"), str(path))
            bodies.setdefault(path.stem, body)
            continue
        report, _errors = load_report(path)
        if report is not None:
            bodies.setdefault(report.slug, report.body)
    blocks = {slug: markdown_to_blocks(body) for slug, body in bodies.items()}
    hand_over_blocks((bodies[slug], parsed) for slug, parsed in blocks.items())  # for the build that follows
    shared = find_shared_passages(blocks)
    for report in fresh.values():
        report.also_in = shared.get(report.slug, [])


if os.environ.get(_WARM_UP):  # this is the pool's fork server, importing us as its preload
    _warm_up()
