"""Parts of the site model kept between builds, so one edit recomputes what depends on it and no more.

The site model (report views, metric pages, related reports, shared passages) is a function of the
content files.  Most of it comes from one report at a time — its blocks, the rows of its figures — or
from a few facts of every report — which metrics it states, where and when it is set.  ``ModelMemo``
keeps each such value under a key made of exactly the inputs it is computed from (a report's file
digest, its page address, a digest of the facts involved), so a value is reused only when it would
come out the same.  A build that recomputed everything would write the same site (tested).

On disk (``build`` runs as a new process each time) every table is a file of its own, read only
when a build first asks for a value of it and written only when it changed: an edit that leaves
the metric rows alone never reads them.  Tables in ``TRANSIENT`` (bulky values that are quick to
remake: blocks, finished metric pages) stay in a server's memory but are never written.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import zlib
from pathlib import Path
from typing import Any, Callable, Hashable

from .workers import fork_call

# Pieces of metric pages (a table row's HTML, a CSV or JSON line), kept by a long-running build only:
# an edit that changes one report's title re-makes every page of its metrics, and only its rows are new.
FRAGMENTS = frozenset({"metric-row-html", "metric-row-lines", "conflict-rows", "conflicts"})
FRAGMENTS_MAX = 1_000_000  # entries per fragment table; past this it starts afresh (edits leave old rows)
TRANSIENT = frozenset({"blocks", "metric-pages", "unclassified-pages"}) | FRAGMENTS
# Tables holding the latest state of an incremental computation (see shared.shared_after_edit): kept by a
# build that did not need them, so the next build that does finds the state to update.
LATEST = frozenset({"shared-last", "metric-tally"})
# Tables keyed by (slug, file digest, ...): after a build, entries of reports no longer in the archive go.
PER_REPORT = frozenset({"blocks", "text-key", "rows", "row-digests", "heading-slugs"})
# Per-report tables kept on disk in SHARDS files by slug: an edit rewrites the shard of the edited report,
# not the rows of every figure of the archive (53 MB at 10,000 reports).
SHARDED = PER_REPORT - TRANSIENT
SHARDS = 32


class ModelMemo:
    """Values keyed by their inputs, grouped in named tables; kept by ``BuildState`` between builds."""

    def __init__(self, folder: Path | None = None, stamp: str = "", one_off: bool = False) -> None:
        self._tables: dict[str, dict[Hashable, Any]] = {}
        self._used: dict[str, dict[Hashable, Any]] = {}
        self._dirty: set[str] = set()
        self._dirty_shards: dict[str, set[int]] = {}  # of a SHARDED table in _dirty: the shards to write
        self._folder = folder  # where tables are read from and written to (None: memory only)
        self._stamp = stamp  # code and global inputs the stored tables must have been made under
        self.hits = 0
        self.misses = 0
        self.keep_fragments = False  # a long-running build keeps FRAGMENTS (see fragment)
        self._fresh: list[tuple[str, Hashable, Any]] = []  # fragments made since take_fresh
        self._one_off = one_off  # the memo of a build process that saves it once, at its end (see spill)
        self._spilled: list[tuple[Path, Any]] = []  # (file, its forked writer) of the tables spilled

    def get(self, table: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value stored under key, computing (and storing) it when there is none."""
        stored = self.table(table)
        if key in stored:
            value = stored[key]
            self.hits += 1
        else:
            value = stored[key] = compute()
            self._touch(table, key)
            self.misses += 1
        self._used.setdefault(table, {})[key] = value
        return value

    def fragment(self, table: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        """A piece of a page from a FRAGMENTS table, when this memo keeps them (``keep_fragments``); else
        just computed.  New pieces are also listed for take_fresh: a render worker hands them back to
        the building process, whose memo outlives the worker."""
        if not self.keep_fragments:
            return compute()
        stored = self.table(table)
        value = stored.get(key)
        if value is None:
            value = stored[key] = compute()
            self._fresh.append((table, key, value))
        return value

    def take_fresh(self) -> list[tuple[str, Hashable, Any]]:
        """The fragments made since the last call."""
        fresh, self._fresh = self._fresh, []
        return fresh

    def put(self, table: str, key: Hashable, value: Any) -> None:
        """Store a value (replacing any) under key."""
        self.table(table)[key] = value
        self._used.setdefault(table, {})[key] = value
        self._touch(table, key)

    def _touch(self, table: str, key: Hashable | None = None) -> None:
        """Note that a table changed: under key (a SHARDED table's shard of it), or anywhere (None)."""
        self._dirty.add(table)
        if table in SHARDED:
            self._dirty_shards.setdefault(table, set()).update(
                range(SHARDS) if key is None else (shard_of_key(key),))

    def spill(self, name: str) -> None:
        """Write a table now, from a worker forked to write it, and let it go: the memo of a one-off build
        that will not ask for it again (the reprint store: hundreds of megabytes the build would otherwise
        hold to its end).  Elsewhere nothing happens: the table is saved with the others."""
        if not self._one_off or self._folder is None or name in TRANSIENT | SHARDED or name not in self._dirty:
            return
        job = (self._path(name), (self._stamp, self._tables.pop(name)))
        self._used.pop(name, None)
        self._dirty.discard(name)
        self._spilled.append((job[0], fork_call(lambda: try_write_pickle(job))))

    def spilled(self) -> list[Path]:
        """The files of the tables spilled since the last call that were written (waits for their writers)."""
        spilled, self._spilled = self._spilled, []
        return [path for path, writer in spilled if writer.result()]

    def is_read(self, name: str) -> bool:
        """True when the table is in memory (asked for by this build, or made in this process)."""
        return name in self._tables

    def table(self, name: str) -> dict[Hashable, Any]:
        """A table, read from disk the first time a build asks for it."""
        if name not in self._tables:
            self._tables[name] = self._read(name)
        return self._tables[name]

    def sweep(self, live: set[tuple[str, str]]) -> None:
        """After a good build: per-report tables keep the reports of ``live`` ((slug, digest) pairs), the
        other tables the entries this build used.  Tables no build asked for stay as they are."""
        for name, table in list(self._tables.items()):
            if name in LATEST:
                continue
            if name in FRAGMENTS:  # made by pages rendered in other builds too: kept unless they pile up
                if len(table) > FRAGMENTS_MAX:
                    self._tables[name] = {}
                continue
            if name in PER_REPORT:
                kept = {key: value for key, value in table.items() if key[:2] in live}  # type: ignore[index]
                for key in table.keys() - kept.keys():
                    self._touch(name, key)
            else:
                kept = self._used.get(name, {})
                if len(kept) != len(table):
                    self._touch(name)
            self._tables[name] = kept
        self._used = {}
        self.hits = self.misses = 0

    def let_go_transient(self) -> None:
        """Forget the TRANSIENT tables once a one-off build has rendered its pages: they are never written,
        nothing later in the process asks for them, and the workers forked to save the other tables would
        count them again (the blocks and the finished metric pages: 250 MB at 10,000 reports).  A server's
        memo keeps them for the next edit."""
        if not self._one_off:
            return
        for name in TRANSIENT:
            self._tables.pop(name, None)
            self._used.pop(name, None)

    def save(self) -> None:
        """Write the tables that changed since they were read (a table that cannot be written is skipped)."""
        jobs = self.pending()
        self.saved([path for (path, _value), ok in zip(jobs, map(try_write_pickle, jobs)) if ok] + self.spilled())

    def pending(self) -> list[tuple[Path, Any]]:
        """What save writes: (file, value) of each table that changed since it was read, largest first."""
        if self._folder is None:
            return []
        jobs = []
        for name in self._dirty - TRANSIENT:
            table = self._tables.get(name, {})
            if name not in SHARDED:
                jobs.append((len(table), name, self._path(name), table))
                continue
            wanted = self._dirty_shards.get(name, set(range(SHARDS)))
            parts: dict[int, dict[Hashable, Any]] = {shard: {} for shard in wanted}
            for key, value in table.items():
                part = parts.get(shard_of_key(key))
                if part is not None:
                    part[key] = value
            jobs += [(len(part), name, self._path(name, shard), part) for shard, part in parts.items()]
        jobs.sort(key=lambda job: (-job[0], job[1], job[2].name))
        return [(path, (self._stamp, table)) for _size, _name, path, table in jobs]

    def saved(self, written: list[Path]) -> None:
        """After the pending tables were written (``written``: those that were): remove their files made
        under other code or settings; the tables count as saved."""
        if written:
            stored: dict[str, list[Path]] = {}  # table or shard -> its files (one listing of the folder)
            try:
                for old in written[0].parent.glob("model-*.pickle"):
                    stored.setdefault(_table_of(old), []).append(old)
            except OSError:
                pass
            kept = set(written)
            for path in written:
                table = _table_of(path)
                for name in {table, table.split("@")[0]}:  # a shard's table was once kept in one file
                    for old in stored.get(name, []):  # by exact name: not shared-last's for shared
                        if old not in kept:
                            try:
                                old.unlink(missing_ok=True)
                            except OSError:
                                continue
        self._dirty.clear()
        self._dirty_shards.clear()

    def on_disk(self, name: str) -> bool:
        """True when a table made under this stamp is stored (whether or not this build has read it)."""
        if self._folder is None or name in TRANSIENT:
            return False
        return all(self._path(name, shard).is_file() for shard in (range(SHARDS) if name in SHARDED else [None]))

    def _path(self, name: str, shard: int | None = None) -> Path:  # _table_of reads the name back
        assert self._folder is not None
        part = "" if shard is None else f"@{shard:02d}"
        return self._folder / f"model-{name}{part}-{self._stamp[:12]}.pickle"  # the stamp in the name: on_disk is a stat

    def _read(self, name: str) -> dict[Hashable, Any]:
        """A stored table made under this very stamp, or an empty one (a sharded table: all its shards)."""
        if self._folder is None or name in TRANSIENT:
            return {}
        table: dict[Hashable, Any] = {}
        for shard in range(SHARDS) if name in SHARDED else [None]:
            try:
                stamp, part = read_pickle(self._path(name, shard))
            except Exception:  # missing, truncated or from another version: start afresh
                stamp, part = None, {}
            if stamp != self._stamp:
                if name in SHARDED:
                    self._touch(name)  # a shard missing: the next save writes them all
                return {}
            table.update(part)
        return table

    def __getstate__(self) -> dict[str, Any]:
        raise TypeError("a ModelMemo is saved table by table with save(), not pickled whole")


def write_pickle(path: Path, value: Any) -> None:
    """Pickle value into path, replacing it whole (through a temporary file beside it).

    Streamed into the file, never held as one bytes object: the largest tables (the reprint store)
    are hundreds of megabytes at 10,000 reports.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # no half-written file left behind
        raise


def _table_of(path: Path) -> str:
    """The table (or shard) a file of ModelMemo._path holds: model-shared-last-<stamp>.pickle -> shared-last,
    model-rows@03-<stamp>.pickle -> rows@03."""
    return path.name.removeprefix("model-").rsplit("-", 1)[0]


def shard_of_key(key: Hashable) -> int:
    """The shard of a per-report table's key (slug, ...): stable across processes, unlike hash()."""
    return zlib.crc32(str(key[0]).encode("utf-8")) % SHARDS  # type: ignore[index]


def try_write_pickle(job: tuple[Path, Any]) -> bool:
    """write_pickle(path, value) with its folder; False when the file system refuses (a cache is optional)."""
    path, value = job
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pickle(path, value)
    except OSError:
        return False
    return True


freeze_reads = False  # set by a one-shot command (cli.batch_gc): see read_pickle


def read_pickle(path: Path) -> Any:
    """The value pickled in path, unpickled as it is read (see write_pickle).

    The garbage collector pauses meanwhile: unpickling makes no garbage, only new objects, and a cache of
    10,000 reports is a million of them, which the collector would otherwise walk again and again.  In a
    one-shot command (``freeze_reads``) the objects read are then frozen (``gc.freeze``): they live as
    long as the process, and the collector's next pass would still walk them all once, and its later
    full passes again.  Parsed reports of 10,000: 0.97 s → 0.85 s paused, 0.72 s frozen.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
        if freeze_reads:
            gc.freeze()
        return value
    finally:
        if paused:
            gc.enable()


def digest(*parts: Any) -> str:
    """A short stable digest of the reprs of some plain values (strings, numbers, tuples of them)."""
    return hashlib.sha256("\0".join(map(repr, parts)).encode("utf-8")).hexdigest()[:32]
