"""What a long-running build process remembers, so one edited report re-renders only the pages it affects.

Every page gets a *key*: a hash of everything its template can see — the global inputs (templates,
site settings, taxonomy, region table, program code) and a fingerprint of the page's context.  The
fingerprint walks the context: the page's own report view in full, other reports by slug and by a
digest of their front matter (what listings show), and the navigation index (``SiteIndex``) by
structure only, because templates use it for menus, not for report contents.  A page whose key is
unchanged is hard-linked from the previous site instead of rendered again.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .check import CheckCache
from .config import SiteConfig
from .model import Report

PACKAGE_DIR = Path(__file__).resolve().parent
NAVIGATION_TYPES = ("SiteIndex",)  # context objects walked for structure only (see module docstring)


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


@dataclass
class Digests:
    """Per-report digests: of the whole file, and of its front matter alone."""

    full: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


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


def context_tokens(context: dict[str, Any], digests: Digests) -> list[str]:
    """Tokens describing everything a page's template can reach (see module docstring)."""
    out: list[str] = []
    for name in sorted(context):
        out.append(f"@{name}")
        _walk(context[name], digests, out, set(), navigation=False, subject=True)
    return out


def _walk(value: Any, digests: Digests, out: list[str], seen: set[int], navigation: bool, subject: bool = False) -> None:
    """Append tokens for one value; dataclasses field by field, each object once."""
    if value is None or isinstance(value, (str, int, float, bool)):
        out.append(repr(value))
    elif isinstance(value, (_dt.date, Path)):
        out.append(str(value))
    elif isinstance(value, Report):
        out.append(f"report:{value.slug}:{digests.full.get(value.slug, '?')}")
    elif type(value).__name__ == "ReportView" and not subject:
        slug = value.report.slug
        out.append(f"view:{slug}:{value.url}" + ("" if navigation else f":{digests.meta.get(slug, '?')}"))
    elif isinstance(value, dict):
        for key in sorted(value, key=repr):
            out.append(repr(key))
            _walk(value[key], digests, out, seen, navigation)
    elif isinstance(value, (list, tuple)):
        out.append(f"[{len(value)}")
        for item in value:
            _walk(item, digests, out, seen, navigation)
    elif isinstance(value, (set, frozenset)):
        out.append(repr(sorted(map(repr, value))))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if id(value) in seen:
            out.append("^")
            return
        seen.add(id(value))
        kind = type(value).__name__
        out.append(kind)
        for item in dataclasses.fields(value):
            out.append(item.name)
            _walk(getattr(value, item.name), digests, out, seen, navigation or kind in NAVIGATION_TYPES)
    else:  # unknown objects: their repr; one holding a memory address simply re-renders every time
        out.append(repr(value))


def page_key(base: str, url: str, template: str, title: str, raw: str | None, context: dict[str, Any], digests: Digests) -> str:
    """The input key of one page."""
    if raw is not None:
        return sha256_text("\0".join([base, url, "raw", raw]))
    tokens = [base, url, template, title, *context_tokens(context, digests)]
    return sha256_text("\0".join(tokens))


def record_of(path: Path, key: str) -> PageRecord:
    """The record of a file just written."""
    info = path.stat()
    return PageRecord(key, info.st_size, info.st_mtime_ns)


def reuse(previous: Path, target: Path, record: PageRecord | None, key: str) -> bool:
    """Link the previous build's file into the new site when its key matches and it is untouched."""
    if record is None or record.key != key:
        return False
    try:
        info = previous.stat()
    except OSError:
        return False
    if (info.st_size, info.st_mtime_ns) != (record.size, record.mtime_ns):
        return False  # someone changed the output by hand: render it again
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)
    return True
