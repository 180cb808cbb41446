"""Parts of the site model kept between builds, so one edit recomputes what depends on it and no more.

The site model (report views, metric pages, related reports, shared passages) is a function of the
content files.  Most of it comes from one report at a time — its blocks, the rows of its figures — or
from a few facts of every report — which metrics it states, where and when it is set.  ``ModelMemo``
keeps each such value under a key made of exactly the inputs it is computed from (a report's file
digest, its page address, a digest of the facts involved), so a value is reused only when it would
come out the same.  A build that recomputed everything would write the same site (tested).

Entries not used by a build are dropped after it (``sweep``), so the memo holds one archive's worth.
Tables named in ``TRANSIENT`` (bulky values that are quick to remake, such as finished metric pages)
stay in a server's memory but are not saved to disk with the rest.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Hashable


TRANSIENT = frozenset({"metric-pages"})


class ModelMemo:
    """Values keyed by their inputs, grouped in named tables; kept by ``BuildState`` between builds."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[Hashable, Any]] = {}
        self._used: dict[str, dict[Hashable, Any]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, table: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value stored under key, computing (and storing) it when there is none."""
        stored = self._tables.setdefault(table, {})
        if key in stored:
            value = stored[key]
            self.hits += 1
        else:
            value = stored[key] = compute()
            self.misses += 1
        self._used.setdefault(table, {})[key] = value
        return value

    def sweep(self) -> None:
        """Keep only the entries this build used (call once a build has succeeded)."""
        self._tables, self._used = self._used, {}
        self.hits = self.misses = 0

    def __getstate__(self) -> dict[str, Any]:
        return {"tables": {name: table for name, table in self._tables.items() if name not in TRANSIENT}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._tables = state["tables"]
        self._used = {}
        self.hits = self.misses = 0


def digest(*parts: Any) -> str:
    """A short stable digest of the reprs of some plain values (strings, numbers, tuples of them)."""
    return hashlib.sha256("\0".join(map(repr, parts)).encode("utf-8")).hexdigest()[:32]
