"""File digests remembered between runs by each file's stat stamp, so unchanged files are not read again.

Ingest decides what to do with a seed from the SHA-256 of the seed and of its content file.  With
10,000 seeds, reading and hashing them all took most of a run in which nothing had changed.  Like
git's index, this cache keeps each file's digest with its inode, size, modification and change
times; a file whose stamp is the same is taken to hold the same bytes.  The change time (ctime)
cannot be set back by tools that restore a modification time (``cp -p``, ``tar``, ``rsync -t``),
so a file rewritten by one of them is still read again.

A file changed within ``RACY_SECONDS`` of being hashed might change again without its stamp moving
(timestamps have a coarse tick), so its digest is not remembered: it is read again next time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path

FORMAT = 1
RACY_SECONDS = 2.0

Stamp = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns


def stamp_of(info: os.stat_result) -> Stamp:
    """The part of a file's status that changes whenever its bytes do."""
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def settled(info: os.stat_result) -> bool:
    """True when a file last changed more than RACY_SECONDS ago: its stamp may be trusted from now on."""
    return max(info.st_mtime_ns, info.st_ctime_ns) < (time.time() - RACY_SECONDS) * 1e9


class FileDigests:
    """SHA-256 of files by path, read from ``path`` (a cache file) and written back by ``save``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._known: dict[str, tuple[Stamp, str]] = {}
        self._seen: dict[str, tuple[Stamp, str]] = {}
        self._changed = False
        if path is not None:
            try:
                stored = pickle.loads(path.read_bytes())
                if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT:
                    self._known = stored[1]
            except Exception:  # missing, truncated, another format: every file is read once
                self._known = {}

    def digest(self, path: Path, data: bytes | None = None) -> str:
        """The hex SHA-256 of a file's bytes (``data``, when the caller has just read them); OSError when unreadable."""
        key = str(path)
        info = os.stat(key)
        stamp = stamp_of(info)
        known = self._known.get(key)
        if data is None and known is not None and known[0] == stamp:
            self._seen[key] = known
            return known[1]
        if data is None:
            with open(key, "rb") as handle:
                data = handle.read()
        digest = hashlib.sha256(data).hexdigest()
        if settled(info):
            self._seen[key] = (stamp, digest)
        if known is None or known != self._seen.get(key):
            self._changed = True
        return digest

    def save(self) -> None:
        """Write the digests of the files looked at in this run (others are forgotten); errors are ignored."""
        if self.path is None or not (self._changed or set(self._known) != set(self._seen)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.tmp")
            tmp.write_bytes(pickle.dumps((FORMAT, self._seen), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, self.path)
        except OSError:
            return
