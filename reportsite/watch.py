"""What the preview server watches, and how it notices a change: a cheap snapshot of file stats.

Polling the stats of a few thousand files takes milliseconds, works on every filesystem and editor
(atomic renames, network drives, containers), and needs no extra package.  The output folder is never
watched, so a build cannot trigger another build.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import CONFIG_NAME, SiteConfig

Snapshot = dict[str, tuple[int, int, int]]  # path -> (mtime_ns, size, inode)
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")  # editors' temporary files


def watched_paths(config: SiteConfig) -> list[Path]:
    """Seeds, content, templates (with the theme), the taxonomy, the region table and site.yml."""
    paths = [config.seeds_dir, config.content_dir, *config.template_dirs]
    paths += [config.path(config.taxonomy), config.path(config.regions), config.root / CONFIG_NAME]
    unique: list[Path] = []
    for path in paths:
        if path not in unique:
            unique.append(path)
    return unique


def ignored(name: str) -> bool:
    """Hidden files (ingest's manifest and backups, editor state) and editors' temporary files."""
    return name.startswith(".") or name.endswith(IGNORED_SUFFIXES) or name == "4913"  # vim's write test


def snapshot(paths: list[Path], exclude: Path | None = None) -> Snapshot:
    """Stats of every file under the given files and folders, skipping ``exclude`` and ignored names."""
    found: Snapshot = {}
    skip = str(exclude.resolve()) if exclude else None
    for path in paths:
        if path.is_file():
            _add(found, str(path))
        elif path.is_dir():
            _scan(str(path), found, skip)
    return found


def _scan(folder: str, found: Snapshot, skip: str | None) -> None:
    """Add the files under one folder (depth first, sorted for stable order)."""
    if skip is not None and os.path.realpath(folder) == skip:
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if ignored(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            _scan(entry.path, found, skip)
        elif entry.is_file():
            _add(found, entry.path)


def _add(found: Snapshot, path: str) -> None:
    """Record one file's stats (it may vanish between listing and stat)."""
    try:
        info = os.stat(path)
    except OSError:
        return
    found[path] = (info.st_mtime_ns, info.st_size, info.st_ino)


def changed_paths(before: Snapshot, after: Snapshot) -> list[Path]:
    """Files added, removed or modified between two snapshots, sorted."""
    names = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return [Path(p) for p in sorted(names)]
