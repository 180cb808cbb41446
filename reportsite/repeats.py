"""Find repeated passages in many texts at once: one suffix array, exact seeds, near-copy extension.

All texts are concatenated into one array of character ranks, suffix-sorted with libdivsufsort and
scanned with the LCP array.  Each text is followed by a separator, its number in the list (two
symbols: 1 + index // _ID_BASE, 1 + index % _ID_BASE) and another separator, so two suffixes that
agree up to the end of their texts are ordered by the texts' order and by nothing after them: which
suffixes neighbour each other, and so which seeds exist, depends only on the texts holding the seed's
characters.  That makes the seeds of a part of the archive computable from that part alone (``shared``
updates its results one edit at a time).  Neighbouring suffixes that share at least ``seed_length``
characters give exact seeds; each seed is extended along its diagonal through a few
OCR substitutions (之歌/的歌, 职工/職工).  Every step is linear in the archive size apart from the
suffix sort itself, and the extension runs vectorised over all seeds at once, so 50 million
characters fit in a minute and well under 2 GB.  One report's few thousand characters take a plain
path, mostly Python, with the very same results (``_find_repeats_small``): there the set-up of the
suffix array costs more than the work.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

import numpy as np
import pydivsufsort

# Full-width ASCII forms (，vs , ；vs ;) are the same mark to a reader: fold them before matching.
_FULL_WIDTH = (0xFF01, 0xFF5E)
_FULL_WIDTH_SHIFT = 0xFEE0
_SEPARATOR = 0
_WINDOW = 6  # a near copy dies when 3 of the last 6 characters compared differ
_WINDOW_MISSES = 3
_BRIDGE = 2  # after a mismatch, this many matching characters must follow before the copy grows
_MAX_MISMATCH_RATIO = 0.15
_CHUNK = 1 << 20  # seeds extended at a time
_ENCODE_TEXTS = 4096  # texts encoded at a time
Alignment = tuple[int, int, int, int]  # start in the array, start of the copy, length, differing characters
_GAP = 8  # a burst of variants this long between two aligned stretches does not split a copy


@dataclass(frozen=True, order=True)
class Span:
    """A stretch [start, end) of texts[text]."""

    text: int
    start: int
    end: int


@dataclass(frozen=True, order=True)
class Repeat:
    """Two places holding the same passage, exactly or with a few differing characters."""

    first: Span
    second: Span
    mismatches: int = 0


def find_repeats(texts: list[str], min_chars: int = 20) -> list[Repeat]:
    """Return repeated passages of at least min_chars Han characters within and across texts."""
    total = sum(map(len, texts))
    if not texts or total == 0:
        return []
    if total <= SMALL_INPUT and not any("\0" in text for text in texts):
        return _find_repeats_small(texts, min_chars)
    archive = Encoded.of(texts)
    seed_a, seed_b, seed_len, _text_a, _text_b = _exact_seeds(archive.symbols, archive.offsets, seed_length(min_chars))
    return archive.grow(seed_a, seed_b, seed_len, min_chars)


@dataclass
class Encoded:
    """Texts concatenated as find_repeats compares them (``_encode``), to find seeds and grow them."""

    symbols: np.ndarray
    offsets: np.ndarray
    han: np.ndarray

    @classmethod
    def of(cls, texts: list[str]) -> "Encoded":
        """The encoding of texts."""
        return cls(*_encode(texts))

    def seeds(self, seed: int) -> tuple[np.ndarray, ...]:
        """The exact seeds find_repeats grows, as (text, start) of each copy and their length.

        The first copy is in the earlier text (or earlier in the same text).
        """
        a, b, length, text_a, text_b = _exact_seeds(self.symbols, self.offsets, seed)
        return text_a, a - self.offsets[text_a], text_b, b - self.offsets[text_b], length

    def grow(self, a: np.ndarray, b: np.ndarray, length: np.ndarray, min_chars: int) -> list[Repeat]:
        """The repeats grown from exact seeds at array positions a and b (a < b): find_repeats' last steps."""
        seed = seed_length(min_chars)
        start_a, start_b, grown = _extend_seeds(self.symbols, a, b, length, seed + _BRIDGE)
        start_a, start_b, grown = _join_on_diagonals(start_a, start_b, grown, self.offsets)
        keep = grown >= min_chars  # a passage holds at most as many Han characters as characters
        found = _count_mismatches(self.symbols, self.han, start_a[keep], start_b[keep], grown[keep], min_chars)
        return _to_repeats(found, self.offsets, self.symbols, self.han, min_chars)


_WIDTH_FOLD = {code: code - _FULL_WIDTH_SHIFT for code in range(_FULL_WIDTH[0], _FULL_WIDTH[1] + 1)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """The text as find_repeats compares it: full-width ASCII forms and the ideographic space folded."""
    return text.translate(_WIDTH_FOLD)


def fold_codes(codes: np.ndarray) -> np.ndarray:
    """Fold an array of code points in place as fold_width folds a string; return it."""
    full_width = (codes >= _FULL_WIDTH[0]) & (codes <= _FULL_WIDTH[1])
    codes[full_width] -= codes.dtype.type(_FULL_WIDTH_SHIFT)
    codes[codes == 0x3000] = 0x20  # the ideographic space
    return codes


def seed_length(min_chars: int) -> int:
    """Exact-seed length: short enough that a copy with 10% of its characters changed keeps one."""
    # A copy of L characters with L/10 substitutions keeps an exact run of at least 0.9L/(L/10+1)
    # characters; for L = 20 that is 6.
    return max(4, (min_chars * 3) // 10)


_GAP_SIZE = 4  # separator, the text's number in two symbols, separator
_ID_BASE = 0xD7FF  # numbers stay below the surrogates (and 16 bits), so a string can hold them too


def _encode(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Concatenate texts as uint16 character ranks: a separator first, and after each text its gap."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    offsets = np.cumsum(lengths + _GAP_SIZE) - lengths - (_GAP_SIZE - 1)  # each text starts after a separator
    codes = np.zeros(int(lengths.sum()) + _GAP_SIZE * len(texts) + 1, dtype=np.int32)
    padding = _SEPARATOR_CHAR * _GAP_SIZE  # the gaps' numbers are written after ranking
    for begin in range(0, len(texts), _ENCODE_TEXTS):  # a block of texts per encode: few calls, little memory
        block = texts[begin : begin + _ENCODE_TEXTS]
        start = int(offsets[begin])
        joined = np.frombuffer(padding.join(block).encode("utf-32-le"), dtype="<u4")
        codes[start : start + len(joined)] = joined
    fold_codes(codes)
    present = np.zeros(0x110000, dtype=bool)
    present[codes] = True
    present[0] = False
    alphabet = np.flatnonzero(present)
    if len(alphabet) >= 0xFFFF:
        raise ValueError(f"too many distinct characters to rank in 16 bits: {len(alphabet)}")
    rank = np.zeros(0x110000, dtype=np.uint16)
    rank[alphabet] = np.arange(1, len(alphabet) + 1, dtype=np.uint16)
    symbols = rank[codes]
    del codes
    ends = offsets + lengths
    numbers = np.arange(len(texts), dtype=np.int64)
    symbols[ends + 1] = 1 + numbers // _ID_BASE
    symbols[ends + 2] = 1 + numbers % _ID_BASE
    han = np.zeros(len(alphabet) + 1, dtype=bool)
    han[1:] = _is_han(alphabet)
    return symbols, offsets, han


def _is_han(codes: np.ndarray) -> np.ndarray:
    """True for code points of CJK ideographs (basic block, extension A, compatibility, planes 2–3)."""
    return (
        ((codes >= 0x4E00) & (codes <= 0x9FFF))
        | ((codes >= 0x3400) & (codes <= 0x4DBF))
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
        | ((codes >= 0x20000) & (codes <= 0x3FFFF))
    )


def _suffix_array(symbols: np.ndarray) -> np.ndarray:
    """Suffix array of a uint16 array, sorted as big-endian byte pairs to keep memory at 8 bytes/char."""
    big_endian = symbols.astype(">u2").view(np.uint8)
    byte_sa = pydivsufsort.divsufsort(big_endian)
    del big_endian
    result = np.empty(len(symbols), dtype=np.int32)
    filled = 0
    chunk = 1 << 22
    for begin in range(0, len(byte_sa), chunk):
        part = byte_sa[begin : begin + chunk]
        even = part[(part & 1) == 0] >> 1
        result[filled : filled + len(even)] = even
        filled += len(even)
    return result


def _exact_seeds(symbols: np.ndarray, offsets: np.ndarray, min_seed: int) -> tuple[np.ndarray, ...]:
    """Maximal exact matches of at least min_seed characters between suffix-array neighbours: the array
    positions of both copies, the length, and the number of the text each copy lies in."""
    sa = _suffix_array(symbols)
    lcp = pydivsufsort.kasai(symbols, sa)
    rows = np.flatnonzero(lcp[:-1] >= min_seed).astype(np.int32)
    first, second, length = sa[rows], sa[rows + 1], lcp[rows].astype(np.int32)
    del sa, lcp, rows
    a, b = np.minimum(first, second), np.maximum(first, second)
    del first, second
    before_a, before_b = symbols[a - 1], symbols[b - 1]
    maximal = (before_a != before_b) | (before_a == _SEPARATOR)  # left-maximal (most rows are not: measure fewer)
    a, b, length = a[maximal], b[maximal], length[maximal]
    # One separator value for all texts, so a match may run through a separator: cut it there.
    owner, ends = _owners(offsets, len(symbols))
    text_a, text_b = owner[a], owner[b]
    del owner
    length = np.minimum(length, np.minimum(_room(a, text_a, ends), _room(b, text_b, ends)))
    keep = length >= min_seed
    return a[keep], b[keep], length[keep], text_a[keep], text_b[keep]


def _owners(offsets: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """For every position of the symbols, the number of the text it lies in (-1 before the first; a
    text's separators count as its own), and where each text's separators begin.

    Looking positions up here is five times quicker than a binary search of the offsets for each of
    the millions of seeds of a large archive, for 4 bytes a symbol while the seeds are cut; the seeds
    keep the numbers of their texts (Encoded.seeds gives them).
    """
    owner = np.full(size, -1, dtype=np.int32)
    if len(offsets):
        owner[offsets[0]:] = np.repeat(np.arange(len(offsets), dtype=np.int32), np.diff(np.append(offsets, size)))
    return owner, np.append(offsets[1:] - _GAP_SIZE, size - _GAP_SIZE)


def _room(positions: np.ndarray, text: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Characters from each position to the end of its text (``text``: _owners'; negative in a gap or
    before the first text)."""
    return np.where(text >= 0, ends[np.maximum(text, 0)] - positions, -1).astype(np.int32)


def _extend_seeds(
    symbols: np.ndarray, a: np.ndarray, b: np.ndarray, length: np.ndarray, shortest: int
) -> tuple[np.ndarray, ...]:
    """Grow seeds left and right through scattered substitutions; keep alignments of at least shortest."""
    starts_a, starts_b, lengths = [], [], []
    for begin in range(0, len(a), _CHUNK):  # chunks bound the memory of the walk's state
        ca, cb, cl = a[begin : begin + _CHUNK], b[begin : begin + _CHUNK], length[begin : begin + _CHUNK]
        left = _extend(symbols, ca - 1, cb - 1, -1)
        right = _extend(symbols, ca + cl, cb + cl, 1)
        total = left + cl + right
        keep = total >= shortest  # a common phrase that matched by chance and grew no further
        starts_a.append((ca - left)[keep])
        starts_b.append((cb - left)[keep])
        lengths.append(total[keep])
    empty = np.zeros(0, dtype=np.int32)
    return tuple(np.concatenate(parts) if parts else empty for parts in (starts_a, starts_b, lengths))


_POPCOUNT = np.array([bin(i).count("1") for i in range(1 << _WINDOW)], dtype=np.int8)


def _extend(symbols: np.ndarray, pos_a: np.ndarray, pos_b: np.ndarray, step: int) -> np.ndarray:
    """Walk from pos_a/pos_b in direction step; return how far each copy reaches."""
    # Texts are fenced by separators on both sides, so every walk stops before leaving the array.
    count = len(pos_a)
    grown = np.zeros(count, dtype=np.int32)
    alive = np.arange(count, dtype=np.int32)
    pa, pb = pos_a.astype(np.int32), pos_b.astype(np.int32)
    taken = np.zeros(count, dtype=np.int32)  # characters compared so far
    pending = np.zeros(count, dtype=np.int32)  # mismatches not yet followed by enough matches
    run = np.zeros(count, dtype=np.int32)
    recent = np.zeros(count, dtype=np.uint8)
    while len(alive):
        ca, cb = symbols[pa], symbols[pb]
        edge = (ca == _SEPARATOR) | (cb == _SEPARATOR)
        match = ca == cb
        taken += 1
        recent = ((recent << 1) | ~match) & ((1 << _WINDOW) - 1)
        run = np.where(match, run + 1, 0)
        pending = np.where(match, pending, pending + 1)
        commit = match & ~edge & ((pending == 0) | (run >= _BRIDGE))
        grown[alive[commit]] = taken[commit]
        pending[commit] = 0
        live = ~(edge | (_POPCOUNT[recent] >= _WINDOW_MISSES))
        alive, pa, pb = alive[live], pa[live] + step, pb[live] + step
        taken, pending, run, recent = taken[live], pending[live], run[live], recent[live]
    return grown


def _join_on_diagonals(a: np.ndarray, b: np.ndarray, length: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, ...]:
    """Union alignments of one diagonal and one pair of texts that overlap or lie at most _GAP apart."""
    if len(a) == 0:
        return a, b, length
    diagonal = b - a
    order = np.argsort((diagonal.astype(np.int64) << 32) | a, kind="stable")  # lexsort((a, diagonal)), one key
    a, diagonal, end = a[order], diagonal[order], (a + length)[order]
    group_of_diagonal = np.concatenate(([0], np.cumsum(diagonal[1:] != diagonal[:-1])))
    # Running maximum of the end within each diagonal: offset every diagonal above the previous one.
    reach = np.maximum.accumulate(group_of_diagonal * (1 << 32) + end) - group_of_diagonal * (1 << 32)
    joins = (diagonal[1:] == diagonal[:-1]) & (a[1:] <= reach[:-1] + _GAP)
    # Never join across a separator: compare the texts of the few neighbours that would be joined.
    near = np.flatnonzero(joins)
    before, after, shift = a[near], a[near + 1], diagonal[near]
    joins[near] = (np.searchsorted(offsets, before, side="right") == np.searchsorted(offsets, after, side="right")) & (
        np.searchsorted(offsets, before + shift, side="right") == np.searchsorted(offsets, after + shift, side="right")
    )
    firsts = np.flatnonzero(np.concatenate(([True], ~joins)))
    start, stop = a[firsts], np.maximum.reduceat(end, firsts)
    return start, start + diagonal[firsts], stop - start


def _count_mismatches(
    symbols: np.ndarray, han: np.ndarray, a: np.ndarray, b: np.ndarray, length: np.ndarray, min_chars: int
) -> list[Alignment]:
    """Keep alignments with min_chars Han characters and few enough differences; count the differences."""
    found = []
    for start, other, size in zip(a.tolist(), b.tolist(), length.tolist()):
        here = symbols[start : start + size]
        if int(np.count_nonzero(han[here])) < min_chars:
            continue
        differ = int(np.count_nonzero(here != symbols[other : other + size]))
        if differ <= _MAX_MISMATCH_RATIO * size:
            found.append((start, other, size, differ))
    return found


def _to_repeats(
    found: list[Alignment], offsets: np.ndarray, symbols: np.ndarray, han: np.ndarray, min_chars: int
) -> list[Repeat]:
    """Turn array positions into per-text spans, clipping a passage that overlaps its own copy."""
    repeats: set[Repeat] = set()
    for start, other, size, differ in found:
        text_a = int(np.searchsorted(offsets, start, side="right") - 1)
        text_b = int(np.searchsorted(offsets, other, side="right") - 1)
        if text_a == text_b and start + size > other:
            size = other - start  # a periodic run: the copy starts where the passage ends
            if int(np.count_nonzero(han[symbols[start : start + size]])) < min_chars:
                continue
        base_a, base_b = int(offsets[text_a]), int(offsets[text_b])
        first = Span(text_a, start - base_a, start - base_a + size)
        second = Span(text_b, other - base_b, other - base_b + size)
        repeats.add(Repeat(first, second, differ))
    return sorted(repeats)


# ---------------------------------------------------------------- small inputs: the same result, in Python
#
# One report's passages hold a few thousand characters: there, building the suffix array and walking
# all seeds in numpy costs more in set-up than the work itself.  The same steps run on a string
# instead, with the same results: the suffix array's neighbours are found by grouping positions by
# their first seed-length characters (the suffixes sharing them are contiguous in the suffix array) and
# sorting each group's suffixes; seeds are extended by the same walk, joined on the same diagonals.
# At this size numpy's cost is per call, not per character, and Python's per seed: the grouping, the
# seeds' lengths and the walks that die at once (most of them) take a few whole-array steps, and only
# groups of three or more and the walks that go on run in Python.

# Characters (the Python path grows faster with size: past a few reports, the suffix array wins); below
# 65,535 characters the alphabet always fits the suffix array's 16-bit ranks, so both ways accept
# the same inputs.  A text holding NUL (the separator's code) takes the suffix array whatever its size.
SMALL_INPUT = 6_000
_SEPARATOR_CHAR = "\0"
_HAN_CHAR = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003ffff]")
_HASH_BASE = np.uint64(0x9E3779B97F4A7C15)
_CHUNK_CHARS = 32  # characters compared at a time when measuring a common run
_MISSES_IN = tuple(bin(i).count("1") for i in range(1 << _WINDOW))  # _POPCOUNT as Python ints


def _find_repeats_small(texts: list[str], min_chars: int) -> list[Repeat]:
    """find_repeats without the suffix array, for inputs of at most SMALL_INPUT characters."""
    joined, codes, offsets = _joined(texts)
    seed = seed_length(min_chars)
    grown = _grow(joined, codes, *_neighbour_seeds(joined, codes, seed), seed + _BRIDGE)
    found = []
    for start, other, size in _join_diagonals(grown, offsets):
        if size < min_chars:
            continue
        here = joined[start : start + size]
        if len(_HAN_CHAR.findall(here)) < min_chars:
            continue
        differ = sum(x != y for x, y in zip(here, joined[other : other + size]))
        if differ <= _MAX_MISMATCH_RATIO * size:
            found.append((start, other, size, differ))
    return _spans(found, offsets, joined, min_chars)


def _joined(texts: list[str]) -> tuple[str, np.ndarray, list[int]]:
    """The string _find_repeats_small reads (a separator, then each text folded and its gap), its code
    points, and where each text starts in it."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths + _GAP_SIZE) - (_GAP_SIZE - 1)  # the separator after each text
    padding = _SEPARATOR_CHAR * _GAP_SIZE  # the gaps' numbers are written after folding, as _encode does
    raw = (_SEPARATOR_CHAR + padding.join(texts) + padding).encode("utf-32-le")
    codes = fold_codes(np.frombuffer(bytearray(raw), dtype="<u4"))  # str.translate takes 20 times longer
    numbers = np.arange(len(texts), dtype=np.uint32)
    codes[ends + 1] = 1 + numbers // _ID_BASE
    codes[ends + 2] = 1 + numbers % _ID_BASE
    return codes.tobytes().decode("utf-32-le"), codes, (ends - lengths).tolist()


def _neighbour_seeds(joined: str, codes: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The exact seeds _exact_seeds finds (left-maximal matches of suffix-array neighbours, cut at
    separators) as arrays of their positions a < b and their lengths."""
    pairs, groups = _seed_groups(codes, seed)
    # Most groups are a pair of windows: their suffixes neighbour each other, and as the group gives a
    # seed, they follow different characters (or a separator).  Measuring the common run tells the pairs
    # whose windows only share a hash, or hold a separator: they agree on fewer than seed characters.
    more = np.array([pair for group in groups for pair in _group_neighbours(joined, group, seed)], dtype=np.int64)
    more = more.reshape(-1, 2).T  # (earlier, later) of each pair, none for no group
    a, b = np.concatenate((pairs.min(axis=0), more[0])), np.concatenate((pairs.max(axis=0), more[1]))
    length = _common_runs(joined, codes, a, b)
    keep = length >= seed
    return a[keep], b[keep], length[keep]


def _group_neighbours(joined: str, group: list[int], seed: int) -> list[tuple[int, int]]:
    """The left-maximal pairs (earlier, later) of neighbouring suffixes among a group's positions of one window."""
    by_gram: dict[str, list[int]] = {}  # windows that only share a hash go apart
    for position in group:
        by_gram.setdefault(joined[position : position + seed], []).append(position)
    found = []
    for gram, members in by_gram.items():
        if len(members) < 2 or _SEPARATOR_CHAR in gram:
            continue
        ordered = _sorted_suffixes(joined, members, seed)
        for first, second in zip(ordered, ordered[1:]):
            low, high = min(first, second), max(first, second)
            before_low, before_high = joined[low - 1], joined[high - 1]
            if before_low != before_high or before_low == _SEPARATOR_CHAR:
                found.append((low, high))
    return found


_CODE_BITS = 21  # a code point fits in 21 bits


def _seed_groups(codes: np.ndarray, seed: int) -> tuple[np.ndarray, list[list[int]]]:
    """Positions grouped by a hash of their first seed characters, the groups that may give a seed only:
    the groups of two as a 2×n array, the larger ones as lists.

    A group gives a seed only when two of its positions follow different characters (or a separator):
    positions inside a longer repeat all follow the same one, and are skipped before any sorting.
    One sort of 64-bit keys (the window's hash, the character before it, the position) gives the groups,
    their first and last character before, and their positions.  Windows that only share a hash, or
    hold a separator, are still in: _neighbour_seeds tells them apart.
    """
    count = len(codes) - seed + 1
    if count < 2:
        return np.zeros((2, 0), dtype=np.int64), []
    position_bits = count.bit_length()
    hash_bits = 64 - _CODE_BITS - position_bits  # 30 at SMALL_INPUT; fewer only mean more windows to tell apart
    before = np.empty(count, dtype=np.uint64)
    before[0] = _SEPARATOR  # position 0 is the leading separator, in no group that counts
    before[1:] = codes[: count - 1]
    keys = _window_hashes(codes, seed) >> np.uint64(64 - hash_bits) << np.uint64(_CODE_BITS + position_bits)
    keys |= before << np.uint64(position_bits)
    keys |= np.arange(count, dtype=np.uint64)
    keys.sort()
    window = keys >> np.uint64(_CODE_BITS + position_bits)
    last = np.flatnonzero(window[1:] != window[:-1])
    starts, ends = np.concatenate(([0], last + 1)), np.concatenate((last, [count - 1]))  # of each group
    before_mask = np.uint64((1 << _CODE_BITS) - 1)
    low = (keys[starts] >> np.uint64(position_bits)) & before_mask  # keys sort by the character before
    high = (keys[ends] >> np.uint64(position_bits)) & before_mask
    useful = (ends > starts) & ((low != high) | (low == _SEPARATOR))
    starts, sizes = starts[useful], (ends - starts + 1)[useful]
    positions = (keys & np.uint64((1 << position_bits) - 1)).astype(np.int64)
    two = starts[sizes == 2]
    pairs = np.stack((positions[two], positions[two + 1]))
    larger = [positions[start : start + size].tolist() for start, size in zip(starts.tolist(), sizes.tolist()) if size > 2]
    return pairs, larger


def _window_hashes(codes: np.ndarray, width: int) -> np.ndarray:
    """A polynomial hash of every width-long window of codes, wrapping at 2**64, mixed into its high bits."""
    count = len(codes) - width + 1
    wide = codes.astype(np.uint64)
    hashes = wide[:count].copy()
    for offset in range(1, width):
        hashes *= _HASH_BASE
        hashes += wide[offset : offset + count]
    hashes *= _HASH_BASE  # the last character reaches the high bits too
    return hashes


_LOOK_AHEAD = 24  # characters _common_runs compares at once; longer runs go on in _run


def _common_runs(joined: str, codes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """_run for many pairs of positions: how many characters agree from a and b on, up to a separator."""
    ahead = np.arange(_LOOK_AHEAD)
    # Reads past the end are clipped onto the last separator: no run goes past its own separator anyway.
    x = codes.take(a[:, None] + ahead, mode="clip")
    stop = (x != codes.take(b[:, None] + ahead, mode="clip")) | (x == _SEPARATOR)
    runs = np.where(stop.any(axis=1), stop.argmax(axis=1), _LOOK_AHEAD)
    for i in np.flatnonzero(runs == _LOOK_AHEAD).tolist():
        runs[i] += _run(joined, int(a[i]) + _LOOK_AHEAD, int(b[i]) + _LOOK_AHEAD, 1)
    return runs


def _grow(
    joined: str, codes: np.ndarray, a: np.ndarray, b: np.ndarray, length: np.ndarray, shortest: int
) -> list[tuple[int, int, int]]:
    """Extend each seed by _walk both ways, as _extend_seeds does; keep alignments of at least shortest."""
    # Most walks die within their first few characters: tell those apart at once.
    count = len(a)
    steps = np.repeat([-1, 1], count)  # the walks to the left, then those to the right
    dead = _dead_walks(codes, np.concatenate((a - 1, a + length)), np.concatenate((b - 1, b + length)), steps)
    dead_left, dead_right = dead[:count], dead[count:]
    live = ~(dead_left & dead_right)
    still = ~live & (length >= shortest)  # seeds that grow no further but are long enough
    grown = list(zip(a[still].tolist(), b[still].tolist(), length[still].tolist()))
    for start_a, start_b, size, no_left, no_right in zip(
        a[live].tolist(), b[live].tolist(), length[live].tolist(), dead_left[live].tolist(), dead_right[live].tolist()
    ):
        left = 0 if no_left else _walk(joined, start_a - 1, start_b - 1, -1)
        right = 0 if no_right else _walk(joined, start_a + size, start_b + size, 1)
        if left + size + right >= shortest:
            grown.append((start_a - left, start_b - left, left + size + right))
    return grown


def _dead_walks(codes: np.ndarray, a: np.ndarray, b: np.ndarray, step: np.ndarray) -> np.ndarray:
    """Which walks from a/b in direction step (-1 or 1 each) certainly reach nothing: _walk returns 0.

    A walk commits nothing before two characters agree, so it is dead when its first _WINDOW_MISSES
    characters all differ, or when a separator comes before any two agree.
    """
    steps = step[:, None] * np.arange(_WINDOW_MISSES)
    # Reads past either end are clipped onto a separator: no walk goes past its own separator anyway.
    x, y = codes.take(a[:, None] + steps, mode="clip"), codes.take(b[:, None] + steps, mode="clip")
    edge = (x == _SEPARATOR) | (y == _SEPARATOR)
    event = edge | (x == y)
    return ~event.any(axis=1) | edge[np.arange(len(a)), event.argmax(axis=1)]


def _sorted_suffixes(joined: str, positions: list[int], depth: int) -> list[int]:
    """positions sorted by the suffix of joined starting there, all of which agree on their first depth characters."""
    window = 64
    if len(positions) == 2:
        p, q = positions
        while joined[p + depth : p + depth + window] == joined[q + depth : q + depth + window]:
            depth += window  # two different suffixes differ somewhere, if only in their length
        return [p, q] if joined[p + depth : p + depth + window] < joined[q + depth : q + depth + window] else [q, p]
    keys = [joined[p + depth : p + depth + window] for p in positions]
    if len(set(keys)) == len(keys):  # the usual case: the next window tells every suffix apart
        return [p for _key, p in sorted(zip(keys, positions))]
    ordered = sorted(positions, key=lambda p: joined[p + depth : p + depth + window])
    result: list[int] = []
    for _key, tied in itertools.groupby(ordered, key=lambda p: joined[p + depth : p + depth + window]):
        tied = list(tied)
        result += tied if len(tied) == 1 else _sorted_suffixes(joined, tied, depth + window)
    return result


def _run(joined: str, a: int, b: int, step: int) -> int:
    """How many characters agree from a and b on (step 1) or back (step -1), up to a separator."""
    n = 0
    while True:
        if step > 0:
            x, y = joined[a + n : a + n + _CHUNK_CHARS], joined[b + n : b + n + _CHUNK_CHARS]
        else:
            x = joined[max(a - n - _CHUNK_CHARS + 1, 0) : a - n + 1][::-1]
            y = joined[max(b - n - _CHUNK_CHARS + 1, 0) : b - n + 1][::-1]
        if x == y and len(x) == _CHUNK_CHARS and _SEPARATOR_CHAR not in x:
            n += _CHUNK_CHARS
            continue
        for cx, cy in zip(x, y):
            if cx != cy or cx == _SEPARATOR_CHAR:
                return n
            n += 1
        return n


def _walk(joined: str, a: int, b: int, step: int) -> int:
    """_extend for one seed: how far the copy reaches from a/b in direction step."""
    grown = taken = pending = run = recent = 0
    mask = (1 << _WINDOW) - 1
    while True:
        ca, cb = joined[a], joined[b]
        if ca == cb and ca != _SEPARATOR_CHAR and (pending == 0 or run + 1 >= _BRIDGE):
            skip = _run(joined, a, b, step)  # every match from here commits: skip the run of them
            if skip:
                taken += skip
                run += skip
                grown, pending = taken, 0
                recent = (recent << min(skip, _WINDOW)) & mask
                a += step * skip
                b += step * skip
                ca, cb = joined[a], joined[b]
        edge = ca == _SEPARATOR_CHAR or cb == _SEPARATOR_CHAR
        match = ca == cb
        taken += 1
        recent = ((recent << 1) | (not match)) & mask
        if match:
            run += 1
        else:
            run, pending = 0, pending + 1
        if match and not edge and (pending == 0 or run >= _BRIDGE):
            grown, pending = taken, 0
        if edge or _MISSES_IN[recent] >= _WINDOW_MISSES:
            return grown
        a += step
        b += step


def _join_diagonals(grown: list[tuple[int, int, int]], offsets: list[int]) -> list[tuple[int, int, int]]:
    """_join_on_diagonals on a list: alignments of one diagonal and pair of texts, overlapping or close, united."""
    united: list[tuple[int, int, int]] = []
    last = None
    for diagonal, text_a, text_b, start, end in sorted(
        (b - a, bisect.bisect_right(offsets, a), bisect.bisect_right(offsets, b), a, a + length) for a, b, length in grown
    ):
        key = (diagonal, text_a, text_b)
        if key == last and start <= reach + _GAP:
            first, reach = united[-1][0], max(reach, end)
            united[-1] = (first, first + diagonal, reach - first)
        else:
            united.append((start, start + diagonal, end - start))
            last, reach = key, end
    return united


def _spans(found: list[Alignment], offsets: list[int], joined: str, min_chars: int) -> list[Repeat]:
    """_to_repeats on a string: positions to per-text spans, a passage overlapping its own copy clipped."""
    repeats: set[Repeat] = set()
    for start, other, size, differ in found:
        text_a = bisect.bisect_right(offsets, start) - 1
        text_b = bisect.bisect_right(offsets, other) - 1
        if text_a == text_b and start + size > other:
            size = other - start
            if len(_HAN_CHAR.findall(joined[start : start + size])) < min_chars:
                continue
        base_a, base_b = offsets[text_a], offsets[text_b]
        repeats.add(Repeat(Span(text_a, start - base_a, start - base_a + size), Span(text_b, other - base_b, other - base_b + size), differ))
    return sorted(repeats)
