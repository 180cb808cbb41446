"""Ingest: every seed → ``content/<slug>.md`` (front matter + clean Markdown), never overwriting hand edits.

A manifest (``content/.ingest.json``) remembers, for every seed, the content file it produced and the
hashes of both.  A content file whose hash no longer matches was edited by hand: ingest leaves it alone
and says so, unless ``--force``, which first copies it to ``content/.backup/``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .body import blocks_to_markdown, markdown_to_blocks
from .config import SiteConfig
from .content import content_files, load_report
from .dedup import find_shared_passages, remove_layout_copies
from .frontmatter import render_content
from .metrics import extract_metrics
from .model import Document, Report
from .places import load_regions, where_when
from .reading import SeedError, read_seed
from .slugs import report_slug
from .structure import recover_document
from .taxonomy import Taxonomy, load_taxonomy

MANIFEST = ".ingest.json"
BACKUP_DIR = ".backup"


@dataclass
class Outcome:
    """What ingest did with one seed."""

    seed: str
    status: str  # written | unchanged | kept-edits | forced | error
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
    doc = remove_layout_copies(doc)
    region, organization, period, date = where_when(doc, regions)
    metrics = extract_metrics(doc, taxonomy)
    for record in metrics:
        if record.period is None and period is not None:
            record.period = period.label
    slug = report_slug(region, period, doc.title, taken)
    return Report(
        title=doc.title,
        slug=slug,
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


def seed_to_report(text: str, source: str, taxonomy: Taxonomy, regions: object, taken: set[str]) -> Report:
    """The whole ingest of one decoded seed text (pure: no files)."""
    return document_to_report(recover_document(text), source, taxonomy, regions, taken)


def seed_files(seeds_dir: Path) -> list[Path]:
    """Seeds in sorted order: every non-hidden regular file."""
    if not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.iterdir() if p.is_file() and not p.name.startswith("."))


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
    _write_if_changed(content_dir / MANIFEST, text)


def _write_if_changed(path: Path, text: str) -> bool:
    """Write text atomically unless the file already holds it; return whether it wrote."""
    data = text.encode("utf-8")
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


def _relative(path: Path, root: Path) -> str:
    """Path relative to the project root when possible, in POSIX form."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _existing_slugs(content_dir: Path, skip: set[str]) -> set[str]:
    """Slugs already used by content files (by file stem, or by front matter when it loads)."""
    taken = set()
    for path in content_files(content_dir):
        if path.name in skip:
            continue
        taken.add(path.stem)
        report, _errors = load_report(path)
        if report is not None and report.slug:
            taken.add(report.slug)
    return taken


def ingest(config: SiteConfig, force: bool = False) -> list[Outcome]:
    """Ingest every seed of config.seeds_dir into config.content_dir; return one Outcome per seed."""
    content_dir = config.content_dir
    content_dir.mkdir(parents=True, exist_ok=True)
    manifest = _load_manifest(content_dir)
    by_source = {entry.get("source"): name for name, entry in manifest.items()}
    taxonomy = load_taxonomy(config.path(config.taxonomy))
    regions = load_regions(config.path(config.regions))
    fresh: dict[str, Report] = {}
    outcomes: list[Outcome] = []
    taken = _existing_slugs(content_dir, skip=set())
    for seed in seed_files(config.seeds_dir):
        source = _relative(seed, config.root)
        try:
            data = seed.read_bytes()
        except OSError as exc:
            outcomes.append(Outcome(source, "error", message=f"{seed}: cannot read: {exc.strerror}"))
            continue
        seed_hash = sha256(data)
        name = by_source.get(source)
        entry = manifest.get(name, {}) if name else {}
        target = content_dir / name if name else None
        if target is not None and target.exists():
            current = sha256(target.read_bytes())
            edited = current != entry.get("output_sha256")
            seed_changed = seed_hash != entry.get("seed_sha256")
            if edited and not force:
                note = "seed changed since" if seed_changed else "seed unchanged"
                outcomes.append(Outcome(source, "kept-edits", _relative(target, config.root), f"hand-edited; left alone, {note}; --force regenerates"))
                continue
            if not edited and not seed_changed and entry.get("version") == __version__:
                outcomes.append(Outcome(source, "unchanged", _relative(target, config.root)))
                continue
        try:
            text = read_seed(seed)
        except SeedError as exc:
            outcomes.append(Outcome(source, "error", message=str(exc)))
            continue
        own_slug = target.stem if target is not None else None
        report = seed_to_report(text, source, taxonomy, regions, taken - {own_slug} if own_slug else taken)
        if target is None or not target.exists():
            target = content_dir / f"{report.slug}.md"
        else:
            report.slug = target.stem if own_slug else report.slug
        taken.add(report.slug)
        status = "written"
        if force and target.exists() and sha256(target.read_bytes()) != entry.get("output_sha256"):
            backup = _backup(target)
            status = "forced"
            message = f"hand edits saved in {_relative(backup, config.root)}"
        else:
            message = ""
        fresh[target.name] = report
        manifest[target.name] = {"source": source, "seed_sha256": seed_hash, "version": __version__}
        outcomes.append(Outcome(source, status, _relative(target, config.root), message))
    if fresh:
        _link_shared_passages(fresh, content_dir)
    for name, report in fresh.items():
        text = render_content(report.front_matter(), report.body)
        _write_if_changed(content_dir / name, text)
        manifest[name]["output_sha256"] = sha256(text.encode("utf-8"))
    _write_manifest(content_dir, manifest)
    return outcomes


def _link_shared_passages(fresh: dict[str, Report], content_dir: Path) -> None:
    """Fill each freshly written report's also_in with passages it shares with any report of the archive."""
    blocks = {report.slug: markdown_to_blocks(report.body) for report in fresh.values()}
    for path in content_files(content_dir):
        if path.name in fresh:
            continue
        report, _errors = load_report(path)
        if report is not None and report.slug not in blocks:
            blocks[report.slug] = markdown_to_blocks(report.body)
    shared = find_shared_passages(blocks)
    for report in fresh.values():
        report.also_in = shared.get(report.slug, [])
