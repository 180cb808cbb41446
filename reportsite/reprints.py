"""Reprints between reports, kept between builds and updated one edit at a time.

``ReprintStore.build`` searches the whole archive with one suffix array (``shared.find_shared_passages``
does, and the build of the same process keeps the store).  After an edit, the build updates the store,
which then gives the very same pairs of reprinted spans while looking only at the passages that share a
seed with the edited ones.  Why that is exact:

* find_repeats' exact seeds are pairs of neighbouring suffixes that agree on their first ``k``
  characters.  Suffixes starting with the same k characters (one *gram*) are neighbours in the suffix
  array, in an order set by the characters that follow them and, where two agree to the end of their
  passages, by the passages' order (``repeats._encode`` puts each passage's number after it).  So the
  seeds of a gram depend only on the passages that hold that gram.
* An edit removes some passages and adds others.  Only the seeds of grams they hold can change.  The
  store keeps, for every gram, which passages hold it; the passages holding an edited gram are
  encoded alone, and their seeds for those grams replace the stored ones.
* Growing seeds into repeats, and cutting repeats into reprints, looks at the two passages of a seed
  only.  So the pairs of passages whose seeds changed are grown again, from all their seeds; every
  other pair keeps its reprints.

``tests/test_reprints.py`` replays random edits and compares the store with find_repeats' pairs over the
whole archive (the search the store replaced) each time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np

from .repeats import Encoded, Span, fold_codes
from .workers import thread_call

Place = tuple[str, str, str, str]  # slug, block id, block kind, text
Reprint = tuple[int, int, int, int]  # start and end in the first passage, start and end in the second
Pair = tuple[Span, Span]
_MULTIPLIER = np.uint64(0x100000001B3)
_LOW = np.uint64(0xFFFFFFFF)
_NO_HASHES = np.zeros(0, dtype=np.uint32)
SORT_MAX_CHARS = 50_000_000  # characters of suffixes gram_seeds sorts at most (an edit's: a few million)
KEY_RUN_CHARS = 1_000_000  # characters of passages _gram_keys hashes at a time
THREAD_MIN_CHARS = 1_000_000  # characters of passages from which a full build hashes their grams in a thread


def window_hashes(texts: list[str], k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """32-bit hashes of every k-character window of the texts joined end to end, widths folded as
    find_repeats folds them; with each text's start in the joined string and its length.

    The window at starts[i] + j lies inside text i when j + k <= lengths[i].  Two equal windows always
    hash alike; two different ones rarely do, and then the store only looks at more passages than it
    needs to.
    """
    codes, starts, lengths = _folded("".join(texts), texts)
    return _hashes(codes, k), starts, lengths


def _folded(joined: str, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The code points of the texts joined (``joined``), widths folded; each text's start and length."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.cumsum(lengths) - lengths
    return fold_codes(np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.uint64)), starts, lengths


def _hashes(codes: np.ndarray, k: int) -> np.ndarray:
    """The 32-bit hash of every k-character window of the folded codes (window_hashes')."""
    count = len(codes) - k + 1
    if count <= 0:
        return _NO_HASHES
    hashes = codes[:count].copy()
    with np.errstate(over="ignore"):  # wrapping around 2**64 is part of the hash
        for offset in range(1, k):
            hashes = hashes * _MULTIPLIER + codes[offset : offset + count]
    return (hashes >> np.uint64(32)).astype(np.uint32)


def gram_seeds(texts: list[str], k: int, grams: np.ndarray) -> tuple[np.ndarray, ...] | None:
    """``Encoded.of(texts).seeds(k)`` of the grams only (seeds whose first k characters hash to one of
    ``grams``, sorted, distinct), with each seed's gram: (text, start) of both copies, length, gram.

    Found without a suffix array: the seeds of a gram are pairs of neighbours among the suffixes that
    start with it, in suffix-array order, so sorting those suffixes alone gives them.  The order is the
    suffix array's: folded characters compared as code points, the end of a text before any character,
    and equal suffixes by the number of their text (what ``repeats._encode`` writes after each text).
    After an edit a few hundred grams are searched in a few thousand passages: the suffixes starting
    with them are a few per cent of all.  None (the caller builds the suffix array) when a text holds the
    separator character, which the encoding does not tell from the end of a text; when the suffixes to
    sort hold more than SORT_MAX_CHARS characters (a run of one character thousands long would make the
    sort quadratic); or for grams shorter than 3 characters: a gap's two numbers (``repeats._encode``) can
    then rank like two characters and sit between two suffixes of one gram, which this sort would wrongly
    make neighbours (from 3 on, the gap's separator sorts it first).
    """
    joined = "".join(texts)
    if k < 3 or "\0" in joined:
        return None
    codes, starts, lengths = _folded(joined, texts)
    hashes = _hashes(codes, k)
    hits = np.flatnonzero(_member(hashes, grams))
    owner = np.searchsorted(starts, hits, side="right") - 1  # an empty text holds no position
    inside = hits - starts[owner] + k <= lengths[owner]
    hits, owner = hits[inside], owner[inside]
    ends = (starts + lengths)[owner]
    if int((ends - hits).sum()) > SORT_MAX_CHARS:
        return None  # suffixes too long to sort as strings (a run of one character thousands long): the suffix array
    folded = codes.astype("<u4").tobytes().decode("utf-32-le")
    # Stable: equal suffixes (both to the end of their texts) stay in the order of their texts.
    suffix = sorted(range(len(hits)), key=lambda i, at=hits.tolist(), end=ends.tolist(): folded[at[i] : end[i]])
    at, end = hits[suffix], ends[suffix]
    first, second = at[:-1], at[1:]
    room = np.minimum(end[:-1] - first, end[1:] - second)
    common = np.zeros(len(first), dtype=np.int64)
    going = np.arange(len(first))
    while len(going):  # one character of every pair still agreeing at a time: runs are short
        going = going[common[going] < room[going]]
        going = going[codes[first[going] + common[going]] == codes[second[going] + common[going]]]
        common[going] += 1
    a, b = np.minimum(first, second), np.maximum(first, second)
    text_a, text_b = (np.searchsorted(starts, position, side="right") - 1 for position in (a, b))
    start_a, start_b = a - starts[text_a], b - starts[text_b]
    maximal = (start_a == 0) | (start_b == 0) | (codes[a - 1] != codes[b - 1])  # left-maximal
    keep = maximal & (common >= k)
    return text_a[keep], start_a[keep], text_b[keep], start_b[keep], common[keep], hashes[a[keep]]


def hashes_at(texts: list[str], k: int, text: np.ndarray, start: np.ndarray) -> np.ndarray:
    """window_hashes' hash of the k-character window at each (text number, start in that text): the grams
    of a few million seeds without hashing every window of the archive."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    joined = np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4")
    at = (np.cumsum(lengths) - lengths)[text] + start
    hashes = fold_codes(joined[at].astype(np.uint64))
    with np.errstate(over="ignore"):
        for offset in range(1, k):
            hashes = hashes * _MULTIPLIER + fold_codes(joined[at + offset].astype(np.uint64))
    return (hashes >> np.uint64(32)).astype(np.uint32)


def _inside(starts: np.ndarray, lengths: np.ndarray, k: int, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The windows (of count) that lie inside one text, and the number of the text each lies in."""
    text = np.repeat(np.arange(len(lengths)), lengths)[:count]
    inside = np.arange(count) - starts[text] + k <= lengths[text]
    return inside, text


def grams_of(texts: list[str], k: int) -> np.ndarray:
    """The distinct hashes of the texts' k-character windows (windows inside one text only)."""
    hashes, starts, lengths = window_hashes(texts, k)
    inside, _text = _inside(starts, lengths, k, len(hashes))
    return _distinct(hashes[inside])


def _gram_keys(texts: list[str], ids: np.ndarray, k: int) -> np.ndarray:
    """Sorted distinct keys gram << 32 | place id: which passage holds which gram.

    Made a run of texts of about KEY_RUN_CHARS characters at a time: every window of the archive at once
    takes a dozen arrays of 8 bytes a character (0.5 GB at 10,000 reports) for keys that are fewer than
    the windows (a passage's gram is kept once) and take 8 bytes each."""
    runs = []
    begin = 0
    while begin < len(texts):
        end, chars = begin + 1, len(texts[begin])
        while end < len(texts) and chars < KEY_RUN_CHARS:
            chars += len(texts[end])
            end += 1
        hashes, starts, lengths = window_hashes(texts[begin:end], k)
        inside, text = _inside(starts, lengths, k, len(hashes))
        runs.append(_distinct((hashes[inside].astype(np.uint64) << np.uint64(32)) | ids[begin:end][text[inside]].astype(np.uint64)))
        del hashes, inside, text
        begin = end
    if len(runs) <= 1:
        return runs[0] if runs else np.zeros(0, dtype=np.uint64)
    keys = np.concatenate(runs)
    del runs
    keys.sort(kind="stable")  # a merge of the sorted runs (timsort finds them), in place
    repeated = keys[1:] == keys[:-1]  # none when every text has its own id
    return keys[np.concatenate(([True], ~repeated))] if repeated.any() else keys


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique's hash table is several times slower on millions of keys)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


@dataclass
class ReprintStore:
    """Every reprint between two reports' passages, with what it takes to update them after an edit."""

    k: int  # seed length
    shortest: int  # Han characters a reprint holds at least
    ids: dict[Place, int] = field(default_factory=dict)  # a passage's number while it exists
    places: dict[int, Place] = field(default_factory=dict)  # the passage of each number
    next_id: int = 0
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # see _gram_keys
    # The seeds between passages of different reports: gram, first passage, start, second passage, start, length.
    seeds: dict[str, np.ndarray] = field(default_factory=dict)
    reprints: dict[tuple[int, int], list[Reprint]] = field(default_factory=dict)  # by pair of passage ids
    order: dict[str, list[Place]] = field(default_factory=dict)  # each report's passages in reading order

    @classmethod
    def build(cls, places: list[Place], k: int, shortest: int) -> "ReprintStore":
        """The store of an archive's passages (in find_shared_passages' order), found with one full search."""
        if len(set(places)) != len(places):
            raise ValueError("a passage appears twice")  # block ids are unique within a report
        store = cls(k, shortest)
        store.ids = {place: number for number, place in enumerate(places)}
        store.places = dict(enumerate(places))
        store.next_id = len(places)
        store.order = by_report(places)
        ids = np.arange(len(places), dtype=np.int64)
        texts = [p[3] for p in places]
        # Which passage holds which gram, in a thread while this one finds and grows the seeds: numpy hashes and
        # sorts with the interpreter's lock let go, and a thread counts none of this process's memory again.
        keys = thread_call(lambda: _gram_keys(texts, ids, k), sum(map(len, texts)) >= THREAD_MIN_CHARS)
        try:
            store.seeds = _empty_seeds()
            store._add_seeds(places, ids, None)
        finally:
            store.keys = keys.result()
        return store

    def update(self, places: list[Place], order: dict[str, list[Place]] | None = None) -> None:
        """Bring the store to the archive whose passages are now ``places`` (in find_shared_passages' order;
        ``order``: by_report(places), when the caller has it already)."""
        order = by_report(places) if order is None else order
        removed, added = self._changes(order)
        self.order = order
        if not removed and not added:
            return
        gone = np.array([self.ids.pop(place) for place in removed], dtype=np.int64)
        for number in gone.tolist():
            del self.places[number]
        fresh = np.arange(self.next_id, self.next_id + len(added), dtype=np.int64)
        self.next_id += len(added)
        self.ids.update(zip(added, fresh.tolist()))
        self.places.update(zip(fresh.tolist(), added))
        self.keys = _replace_sorted(self.keys, _gram_keys([p[3] for p in removed], gone, self.k),
                                    _gram_keys([p[3] for p in added], fresh, self.k))
        grams = grams_of([p[3] for p in removed + added], self.k)
        holders = self._holders(grams).tolist()
        chosen = [self.places[number] for number in holders]
        at = _archive_positions(order, chosen)
        ranked = sorted(range(len(chosen)), key=at.__getitem__)  # archive order
        self._add_seeds([chosen[i] for i in ranked], np.array([holders[i] for i in ranked], dtype=np.int64), grams, gone)

    def pairs(self, places: list[Place]) -> list[Pair]:
        """The reprints as pairs of spans of places (numbered by their position in the list, which is in
        find_shared_passages' order: by report, then reading order)."""
        wanted = sorted({number for pair in self.reprints for number in pair})
        held = [self.places[number] for number in wanted]
        at = _archive_positions(self.order, held) if sum(map(len, self.order.values())) == len(places) else None
        if at is not None and all(places[i] is place or places[i] == place for i, place in zip(at, held)):
            position = dict(zip(wanted, at))
        else:  # places the store's order does not describe: look every one up
            numbers = set(wanted)
            position = {self.ids[place]: i for i, place in enumerate(places) if self.ids[place] in numbers}
        return [(Span(position[first], sa, ea), Span(position[second], sb, eb))
                for (first, second), found in self.reprints.items() for sa, ea, sb, eb in found]

    def _changes(self, order: dict[str, list[Place]]) -> tuple[list[Place], list[Place]]:
        """The passages gone and new since the last update.  A report whose kept passages changed their
        order counts as all gone and all new (the order of passages orients the seeds)."""
        removed: list[Place] = []
        added: list[Place] = []
        for slug in sorted(self.order.keys() | order.keys()):
            before, after = self.order.get(slug, []), order.get(slug, [])
            if before == after:
                continue
            now = set(after)
            if len(now) != len(after):
                raise ValueError(f"a passage of {slug} appears twice")  # block ids are unique within a report
            kept = [p for p in before if p in now]
            if kept != [p for p in after if p in self.ids]:
                kept = []
            keep = set(kept)
            removed += [p for p in before if p not in keep]
            added += [p for p in after if p not in keep]
        return removed, added

    def _holders(self, grams: np.ndarray) -> np.ndarray:
        """The ids of the passages holding any of the grams."""
        if not len(grams):
            return np.zeros(0, dtype=np.int64)
        high = grams.astype(np.uint64) << np.uint64(32)
        low = np.searchsorted(self.keys, high)
        up = np.searchsorted(self.keys, high | _LOW, side="right")
        spans = up - low
        take = np.repeat(low - np.cumsum(spans) + spans, spans) + np.arange(int(spans.sum()))
        return _distinct((self.keys[take] & _LOW).astype(np.int64))

    def _add_seeds(self, places: list[Place], ids: np.ndarray, grams: np.ndarray | None,
                   gone: np.ndarray | None = None) -> None:
        """Search ``places`` (every passage holding one of ``grams``, in archive order) for the seeds of those
        grams (of every gram when grams is None), put them in place of the stored ones and grow again the
        reprints of each pair of passages whose seeds changed (``gone``: the ids of passages removed)."""
        texts = [p[3] for p in places]
        encoded = Encoded.of(texts) if texts else None
        found = _empty_seeds()
        if encoded is not None and sum(map(len, texts)):
            seeds = None if grams is None else gram_seeds(texts, self.k, grams)
            if seeds is None:
                text_a, start_a, text_b, start_b, length = encoded.seeds(self.k)
                gram = hashes_at(texts, self.k, text_a, start_a)
            else:
                text_a, start_a, text_b, start_b, length, gram = seeds
            report: dict[str, int] = {}
            reports = np.array([report.setdefault(p[0], len(report)) for p in places], dtype=np.int32)
            keep = reports[text_a] != reports[text_b]  # within one report: dedup's business, not a reprint
            if grams is not None and seeds is None:
                keep &= _member(gram, grams)
            found = {"gram": gram[keep], "a": ids[text_a[keep]].astype(np.int32), "start_a": start_a[keep].astype(np.int32),
                     "b": ids[text_b[keep]].astype(np.int32), "start_b": start_b[keep].astype(np.int32),
                     "length": length[keep].astype(np.int32)}
        if grams is None:  # a new store: every pair of passages with a seed grows
            self.seeds = found
            mine = np.ones(len(found["a"]), dtype=bool)
        else:
            stale = _member(self.seeds["gram"], grams)
            changed = _distinct(np.concatenate((_pair_keys(self.seeds, stale), _pair_keys(found))))
            for key in changed.tolist():
                self.reprints.pop(_unpair(key), None)
            if gone is not None and len(gone):
                gone = np.sort(gone)
                changed = changed[~(_member(changed >> 32, gone) | _member(changed & 0xFFFFFFFF, gone))]
            self.seeds = {name: np.concatenate((column[~stale], found[name])) for name, column in self.seeds.items()}
            mine = _member(_pair_keys(self.seeds), changed)
        if not mine.any() or encoded is None:
            return
        # A pair of live passages with a changed seed holds an edited gram: both passages are among ``places``.
        first, second = self.seeds["a"][mine], self.seeds["b"][mine]
        text_a, text_b = _positions(ids, first), _positions(ids, second)
        a = encoded.offsets[text_a] + self.seeds["start_a"][mine]
        b = encoded.offsets[text_b] + self.seeds["start_b"][mine]
        self._keep_reprints(encoded.grow(a, b, self.seeds["length"][mine], self.shortest), texts, ids)

    def _keep_reprints(self, repeats: list, texts: list[str], ids: np.ndarray) -> None:
        """Cut repeats into reprints (shared.reprinted_parts) and file them by pair of passage ids."""
        from .shared import reprinted_parts  # shared imports this module

        grown: dict[tuple[int, int], list[Reprint]] = defaultdict(list)
        for repeat in repeats:
            one, two = repeat.first, repeat.second
            parts = reprinted_parts(texts[one.text], one.start, texts[two.text], two.start, one.end - one.start,
                                    self.shortest)
            grown[(int(ids[one.text]), int(ids[two.text]))] += [
                (one.start + start, one.start + end, two.start + start, two.start + end) for start, end in parts]
        self.reprints.update((pair, found) for pair, found in grown.items() if found)


def _archive_positions(order: dict[str, list[Place]], wanted: list[Place]) -> list[int]:
    """Where each of the wanted passages stands among all, by report (sorted by slug), then in reading
    order: found in its own report's list, without numbering every passage of the archive."""
    offsets, start = {}, 0
    for slug in sorted(order):
        offsets[slug] = start
        start += len(order[slug])
    return [offsets[place[0]] + order[place[0]].index(place) for place in wanted]


_FEW_CHANGES = 20_000  # keys removed and added up to which _replace_sorted cuts and glues in one copy


def _replace_sorted(values: np.ndarray, old: np.ndarray, new: np.ndarray) -> np.ndarray:
    """Sorted distinct values without ``old`` (each among them) and with ``new`` (none among them), in one
    copy: np.delete and np.insert would each copy the hundreds of megabytes of a large archive's keys."""
    old, new = np.unique(old), np.unique(new)
    if len(old) + len(new) > _FEW_CHANGES:  # many: two vectorised copies beat a step per key in Python
        keep = np.ones(len(values), dtype=bool)
        keep[np.searchsorted(values, old)] = False
        kept = values[keep]
        return np.insert(kept, np.searchsorted(kept, new), new)
    cuts = sorted([(int(i), 0, 0) for i in np.searchsorted(values, new)] + [(int(i), 1, 0) for i in np.searchsorted(values, old)])
    pieces, cursor, inserted = [], 0, iter(new)
    for at, removal, _ in cuts:  # at one position, the new value (smaller) goes before the removed one
        pieces.append(values[cursor:at])
        if removal:
            cursor = at + 1
        else:
            pieces.append(np.array([next(inserted)], dtype=values.dtype))
            cursor = at
    pieces.append(values[cursor:])
    return np.concatenate(pieces)


def _positions(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Where each of the wanted ids is in ids (distinct; a full build's are 0, 1, 2, … and their own places)."""
    if len(ids) and ids[0] == 0 and ids[-1] == len(ids) - 1 and np.all(ids[1:] > ids[:-1]):
        at = np.clip(wanted, 0, len(ids) - 1)
    else:
        by_id = np.argsort(ids)
        at = by_id[np.minimum(np.searchsorted(ids[by_id], wanted), len(ids) - 1)]
    if not np.array_equal(ids[at], wanted):
        raise AssertionError("a changed pair of passages lies outside the passages searched")
    return at


def by_report(places: list[Place], slugs: Iterable[str] = ()) -> dict[str, list[Place]]:
    """Each report's passages, in reading order (``slugs``: reports listed even when they have none)."""
    order: dict[str, list[Place]] = {slug: [] for slug in sorted(slugs)}
    for place in places:
        order.setdefault(place[0], []).append(place)
    return order


def _empty_seeds() -> dict[str, np.ndarray]:
    """No seeds, in the store's columns."""
    return {"gram": np.zeros(0, dtype=np.uint32), **{name: np.zeros(0, dtype=np.int32)
                                                      for name in ("a", "start_a", "b", "start_b", "length")}}


def _pair_keys(seeds: dict[str, np.ndarray], mask: np.ndarray | None = None) -> np.ndarray:
    """One number per seed naming its pair of passages."""
    a, b = (seeds["a"], seeds["b"]) if mask is None else (seeds["a"][mask], seeds["b"][mask])
    return (a.astype(np.int64) << 32) | b.astype(np.int64)


def _unpair(key: int) -> tuple[int, int]:
    """The pair of passage ids a pair key names."""
    return key >> 32, key & 0xFFFFFFFF


_FILTER_MIN = 64  # values per set member from which a bit table screens the values before binary search
_FILTER_MAX_BITS = 1 << 22  # the table's size at most (4 MB): set members' low bits spread over it


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """values in sorted_set (sorted, distinct), by binary search: no hash table of millions of values.

    Millions of stored seeds are checked against the few grams of an edit: a table of the set's low
    bits (small enough to stay in the processor's cache) rules out almost every value first, and
    only the rest are searched for.
    """
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    if len(values) < _FILTER_MIN * len(sorted_set):
        return _searched(values, sorted_set)
    size = min(_FILTER_MAX_BITS, 1 << (16 * len(sorted_set)).bit_length())
    table = np.zeros(size, dtype=bool)
    table[sorted_set & (size - 1)] = True
    maybe = np.flatnonzero(table[values & (size - 1)])
    found = np.zeros(len(values), dtype=bool)
    found[maybe] = _searched(values[maybe], sorted_set)
    return found


def _searched(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """values in sorted_set (sorted, distinct, not empty), by binary search."""
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values
