"""Find repeated passages in many texts at once: one suffix array, exact seeds, near-copy extension.

All texts are concatenated into one array of character ranks (0 separates texts), suffix-sorted with
libdivsufsort and scanned with the LCP array.  Neighbouring suffixes that share at least
``seed_length`` characters give exact seeds; each seed is extended along its diagonal through a few
OCR substitutions (之歌/的歌, 职工/職工).  Every step is linear in the archive size apart from the
suffix sort itself, and the extension runs vectorised over all seeds at once, so 50 million
characters fit in a minute and well under 2 GB.
"""

from __future__ import annotations

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
    if not texts or sum(map(len, texts)) == 0:
        return []
    symbols, offsets, han = _encode(texts)
    seed = seed_length(min_chars)
    seed_a, seed_b, seed_len = _exact_seeds(symbols, offsets, seed)
    start_a, start_b, length = _extend_seeds(symbols, seed_a, seed_b, seed_len, seed + _BRIDGE)
    del seed_a, seed_b, seed_len
    start_a, start_b, length = _join_on_diagonals(start_a, start_b, length, offsets)
    keep = length >= min_chars  # a passage holds at most as many Han characters as characters
    found = _count_mismatches(symbols, han, start_a[keep], start_b[keep], length[keep], min_chars)
    return _to_repeats(found, offsets, symbols, han, min_chars)


_WIDTH_FOLD = {code: code - _FULL_WIDTH_SHIFT for code in range(_FULL_WIDTH[0], _FULL_WIDTH[1] + 1)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """The text as find_repeats compares it: full-width ASCII forms and the ideographic space folded."""
    return text.translate(_WIDTH_FOLD)


def seed_length(min_chars: int) -> int:
    """Exact-seed length: short enough that a copy with 10% of its characters changed keeps one."""
    # A copy of L characters with L/10 substitutions keeps an exact run of at least 0.9L/(L/10+1)
    # characters; for L = 20 that is 6.
    return max(4, (min_chars * 3) // 10)


def _encode(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Concatenate texts as uint16 character ranks with 0 before, between and after them."""
    total = sum(len(t) for t in texts) + len(texts) + 1
    codes = np.zeros(total, dtype=np.int32)
    offsets = np.empty(len(texts), dtype=np.int64)
    position = 1
    for index, text in enumerate(texts):
        offsets[index] = position
        codes[position : position + len(text)] = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
        position += len(text) + 1
    full_width = (codes >= _FULL_WIDTH[0]) & (codes <= _FULL_WIDTH[1])
    codes[full_width] -= _FULL_WIDTH_SHIFT
    codes[codes == 0x3000] = 0x20  # ideographic space
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
    """Maximal exact matches of at least min_seed characters between suffix-array neighbours."""
    sa = _suffix_array(symbols)
    lcp = pydivsufsort.kasai(symbols, sa)
    rows = np.flatnonzero(lcp[:-1] >= min_seed).astype(np.int32)
    first, second, length = sa[rows], sa[rows + 1], lcp[rows].astype(np.int32)
    del sa, lcp, rows
    a, b = np.minimum(first, second), np.maximum(first, second)
    del first, second
    # One separator value for all texts, so a match may run through a separator: cut it there.
    length = np.minimum(length, np.minimum(_room(a, offsets, len(symbols)), _room(b, offsets, len(symbols))))
    before_a, before_b = symbols[a - 1], symbols[b - 1]
    keep = ((before_a != before_b) | (before_a == _SEPARATOR)) & (length >= min_seed)  # left-maximal
    return a[keep], b[keep], length[keep]


def _room(positions: np.ndarray, offsets: np.ndarray, total: int) -> np.ndarray:
    """Characters from each position to the end of its text."""
    ends = np.append(offsets[1:] - 1, total - 1)  # the separator after each text
    return (ends[np.searchsorted(offsets, positions, side="right") - 1] - positions).astype(np.int32)


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
    order = np.lexsort((a, diagonal))
    a, diagonal, end = a[order], diagonal[order], (a + length)[order]
    group_of_diagonal = np.concatenate(([0], np.cumsum(diagonal[1:] != diagonal[:-1])))
    # Running maximum of the end within each diagonal: offset every diagonal above the previous one.
    reach = np.maximum.accumulate(group_of_diagonal * (1 << 32) + end) - group_of_diagonal * (1 << 32)
    new = np.ones(len(a), dtype=bool)
    text_a = np.searchsorted(offsets, a, side="right")
    text_b = np.searchsorted(offsets, a + diagonal, side="right")
    new[1:] = (diagonal[1:] != diagonal[:-1]) | (a[1:] > reach[:-1] + _GAP)
    new[1:] |= (text_a[1:] != text_a[:-1]) | (text_b[1:] != text_b[:-1])  # never join across a separator
    firsts = np.flatnonzero(new)
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
