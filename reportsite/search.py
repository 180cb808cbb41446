"""Full-text search in Chinese: a static inverted index of characters and character pairs.

A Chinese reader searching for 工会 expects to find 总工会, so words cannot be the unit of the index:
every Chinese character and every pair of neighbouring characters is a *term* (the classic CJK
bigram index), as is every Latin word or number.  A query is split the same way; the pages holding
all of its terms are the candidates, and the search page keeps those whose text really contains the
query (a pair index cannot tell 工会 from 工…会 in longer queries) and links to the paragraphs.

What the site holds, under ``search-index/`` (all paths relative, so it works under any sub-path):

- ``index.json``: the searchable pages' URLs (a page's number is its place in this sorted list) and
  the file name of every shard;
- ``s/<shard>-<digest>.bin``: the postings of the terms that hash to one shard.  A query fetches one
  shard per term, never the whole index.  The digest in the name makes every shard file immutable, so
  a browser never mixes a cached shard with a newer ``index.json``;
- ``p/<page>.json``: one per searchable page: its title and its anchored paragraphs, for excerpts.

Shard file format (little-endian): ``u32 n``, ``u32 term[n]`` (sorted), ``u32 end[n]`` (where each
term's postings end in the data that follows), then per posting the page number's difference from
the previous posting of the term as a varint (7 bits a byte, high bit = more) and one byte of term
frequency (capped at 255; a title counts ``TITLE_WEIGHT`` times).

``SearchIndex`` keeps every posting as one sorted array of 64-bit keys ``shard | term | page``, so an
edited page is an update of that array and a rewrite of the shards where one of its postings changed;
a cold build and any sequence of updates give byte-identical files.  Pagefind, used before, needed its own copy
of every page with the pairs added and cost about 8 ms a page (86 s of CPU at 10,000 reports, see
bench/SEARCH.md); this index costs well under 1 ms a page.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import pickle
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

OUTPUT_DIR = "search-index"  # in the site folder
FORMAT = 1  # of the files above; the search page refuses another
BODY_MARKER = "data-search-body"  # the element(s) of a page that are indexed (report pages mark their article)
IGNORE_MARKER = "data-search-ignore"  # parts of the body left out (metadata lists, the table of contents)
TITLE_ID = "title"  # the anchored element holding the page's title
TITLE_WEIGHT = 8  # a term in the title counts as this many occurrences
PAGES_PER_SHARD = 2  # shards = the power of two nearest (above) pages / this, at most 2 ** MAX_SHARD_BITS
MAX_SHARD_BITS = 12
# Shards are encoded this many postings at a time: vectorised, yet a cold build of 10,000 reports (13
# million postings) does not hold a dozen temporary arrays of all of them at once (over 1 GB).
ENCODE_BATCH = 1 << 18
PAGE_BITS = 20  # at most 2 ** 20 searchable pages
TERM_BITS = 32
_PAGE_MASK = (1 << PAGE_BITS) - 1
_TERM_MASK = (1 << TERM_BITS) - 1
_SHARD_SHIFT = PAGE_BITS + TERM_BITS
_HASH_MULTIPLIER = 0x9E3779B1  # Knuth's multiplicative hash: the search page computes the same
PAIR_TERMS = 0x30000000  # pairs of characters are terms from here up (the first character is at least 〇, U+3007)
WORD_TERM_BASE, WORD_TERM_SPAN = 0x10000, PAIR_TERMS - 0x10000  # Latin words: between characters and pairs
_FNV_OFFSET, _FNV_PRIME = 0x811C9DC5, 0x01000193

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile("[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")  # as the search page's TOKEN
# The blocks whose text is indexed: paragraphs, list items, headings, figures, quotations, table cells.
_BLOCK = re.compile(r"<(p|li|h[1-6]|figure|dd|dt|blockquote|pre|caption|td|th)\b([^>]*)>")
_ID = re.compile(r'\bid="([^"]+)"')
_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
_AFTER_ATTRIBUTE = frozenset(" \t\n\r=>/")
# Full-width Latin letters and digits read as their ASCII forms (the search page maps a query likewise).
_HALF_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


class SearchIndexError(RuntimeError):
    """The search index could not be made (too many pages, or a page that cannot be read)."""


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows of one page: its URL, its title and its anchored parts (id, text)."""

    url: str
    title: str
    parts: tuple[tuple[str, str], ...]

    def fragment(self) -> bytes:
        """The page's ``p/…json`` file: what the search page shows of it."""
        data = {"url": self.url, "title": self.title, "parts": [list(part) for part in self.parts]}
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# --- pages -> documents ---------------------------------------------------------------------------

def _element_end(html_text: str, tag: str, start: int) -> int:
    """End of the ``tag`` element whose start tag ends at ``start`` (nested ones counted; end of text if unclosed)."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE).finditer(html_text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html_text)


def _join_bodies(html_text: str) -> str:
    """Every body element's HTML with its ignored elements removed, joined by newlines."""
    bodies: list[str] = []
    position = 0
    for start, tag, inner in _marked(html_text, BODY_MARKER, 0, len(html_text)):
        if start < position:
            continue  # a body inside a body
        position = _element_end(html_text, tag, inner)
        bodies.append(_without_ignored(html_text, start, position))
    return "\n".join(bodies)


def _marked(html_text: str, marker: str, start: int, stop: int) -> Iterator[tuple[int, str, int]]:
    """(start of the tag, tag name, end of the tag) of every start tag carrying the attribute ``marker``."""
    position = start
    while (at := html_text.find(marker, position, stop)) >= 0:
        position = at + len(marker)
        opening = html_text.rfind("<", 0, at)
        closing = html_text.find(">", at)
        tag = _TAG_NAME.match(html_text, opening) if opening >= 0 else None
        if tag and closing >= 0 and html_text.rfind(">", opening, at) < 0 and html_text[at - 1].isspace() \
                and html_text[position : position + 1] in _AFTER_ATTRIBUTE:
            yield opening, tag.group(1), closing + 1


def _without_ignored(html_text: str, start: int, end: int) -> str:
    """html_text[start:end] with every element marked ``IGNORE_MARKER`` cut out."""
    out: list[str] = []
    position = start
    for opening, tag, inner in _marked(html_text, IGNORE_MARKER, start, end):
        if opening < position:
            continue  # inside an ignored element already cut out
        out.append(html_text[position:opening])
        position = min(end, _element_end(html_text, tag, inner))
    out.append(html_text[position:end])
    return "".join(out)


def element_text(html_text: str, start: int, tag: str) -> str:
    """Plain text of the element whose start tag ends at ``start``, whitespace collapsed."""
    end = html_text.find(f"</{tag}>", start)
    inner = html_text[start : end if end >= 0 else len(html_text)]
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", inner))).strip()


def search_doc(html_text: str, url: str) -> SearchDoc | None:
    """The document a page gives the index: its title and the text of its blocks; None for a page not marked.

    A block without an id of its own (a paragraph an editor added by hand) takes the id of the
    block before it, so a result still links close to the match.
    """
    if BODY_MARKER not in html_text:
        return None
    body = _join_bodies(html_text)
    title, parts, anchor, consumed = "", [], "", 0
    for match in _BLOCK.finditer(body):
        if match.start() < consumed:
            continue  # inside a block already taken whole (a paragraph inside a list item)
        tag = match.group(1)
        end = body.find(f"</{tag}>", match.end())
        consumed = len(body) if end < 0 else end
        own = _ID.search(match.group(2))
        anchor = own.group(1) if own else anchor
        text = element_text(body, match.end(), tag)
        if own and anchor == TITLE_ID:
            title = title or text
        elif text:
            parts.append((anchor, text))
    return SearchDoc(url, title, tuple(parts))


# A page's document, its terms and their frequencies.  The document is None once its fragment file is
# written (a render worker writes it beside the page): the building process then never holds its text.
Prepared = tuple[SearchDoc | None, np.ndarray, np.ndarray]


def prepare_search_doc(html_text: str, relative: str) -> Prepared | None:
    """What the index takes of one output page: its document and terms; None for a page not marked."""
    doc = search_doc(html_text, page_url(relative))
    if doc is None:
        return None
    terms, tf = doc_terms(doc)
    return doc, terms, tf


def page_url(relative: str) -> str:
    """The URL of an output file, relative to the site root: reports/x/index.html -> reports/x/."""
    return relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative


def fragment_path(url: str) -> str:
    """Where a page's fragment goes inside the index folder: reports/x/ -> p/reports/x.json."""
    stem = url.rstrip("/") or "index"
    return f"p/{stem.removesuffix('.html')}.json"


# --- text -> terms --------------------------------------------------------------------------------

def _is_cjk(codes: np.ndarray) -> np.ndarray:
    """Which UTF-16 code units are Chinese characters (basic block, extension A, compatibility, 〇)."""
    return ((codes >= 0x3400) & (codes <= 0x9FFF)) | ((codes >= 0xF900) & (codes <= 0xFAFF)) | (codes == 0x3007)


def word_term(word: str) -> int:
    """The term of a Latin word or number (ASCII, lower case): its FNV-1a hash, between characters and pairs."""
    value = _FNV_OFFSET
    for byte in word.encode("ascii"):
        value = ((value ^ byte) * _FNV_PRIME) & 0xFFFFFFFF
    return WORD_TERM_BASE + value % WORD_TERM_SPAN


def text_terms(text: str) -> np.ndarray:
    """Every term occurrence in text: each Chinese character, each pair of neighbours, each Latin word."""
    codes = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2").astype(np.uint32)
    cjk = _is_cjk(codes)
    pairs = cjk[:-1] & cjk[1:]
    words = np.array([word_term(w.translate(_HALF_WIDTH).lower()) for w in _WORD.findall(text)], dtype=np.uint32)
    return np.concatenate([codes[cjk], (codes[:-1][pairs] << 16) | codes[1:][pairs], words])


def cjk_bigrams(text: str) -> list[str]:
    """The distinct pairs of neighbouring Chinese characters of text, in order of first use."""
    terms = text_terms(text)
    seen: dict[str, None] = {}
    for term in terms[terms >= PAIR_TERMS].tolist():
        seen.setdefault(chr(term >> 16) + chr(term & 0xFFFF), None)
    return list(seen)


def doc_terms(doc: SearchDoc) -> tuple[np.ndarray, np.ndarray]:
    """A document's distinct terms (sorted, uint32) and their frequencies (uint8, capped at 255)."""
    body = text_terms("\n".join(text for _id, text in doc.parts))
    title = np.tile(text_terms(doc.title), TITLE_WEIGHT)
    terms, counts = np.unique(np.concatenate([body, title]), return_counts=True)
    return terms.astype(np.uint32), np.minimum(counts, 255).astype(np.uint8)


def shard_bits(pages: int) -> int:
    """log2 of the shard count for this many searchable pages."""
    bits = 0
    while bits < MAX_SHARD_BITS and (1 << bits) * PAGES_PER_SHARD < pages:
        bits += 1
    return bits


def term_shards(terms: np.ndarray, bits: int) -> np.ndarray:
    """The shard of each term: the top ``bits`` bits of its multiplicative hash."""
    if bits == 0:
        return np.zeros(len(terms), dtype=np.uint64)
    hashed = (terms.astype(np.uint64) * np.uint64(_HASH_MULTIPLIER)) & np.uint64(0xFFFFFFFF)
    return hashed >> np.uint64(32 - bits)


def posting_keys(terms: np.ndarray, page: int, bits: int) -> np.ndarray:
    """The sort keys ``shard | term | page`` of one page's terms."""
    t = terms.astype(np.uint64)
    return (term_shards(terms, bits) << np.uint64(_SHARD_SHIFT)) | (t << np.uint64(PAGE_BITS)) | np.uint64(page)


# --- postings -> shard files ----------------------------------------------------------------------

def encode_shards(keys: np.ndarray, tf: np.ndarray, spans: list[tuple[int, int]]) -> list[bytes]:
    """The files of several shards, each given by its span of the sorted postings (see the module docstring).

    All the spans are encoded in one vectorised pass; a shard always starts a new term, because a
    term's postings all live in its one shard.
    """
    lengths = [hi - lo for lo, hi in spans]
    if sum(lengths) == 0:
        return [(0).to_bytes(4, "little") for _span in spans]
    rows = np.concatenate([np.arange(lo, hi) for lo, hi in spans])
    keys, tf = keys[rows], tf[rows]
    pages = (keys & np.uint64(_PAGE_MASK)).astype(np.int64)
    terms = ((keys >> np.uint64(PAGE_BITS)) & np.uint64(_TERM_MASK)).astype("<u4")
    first = np.ones(len(keys), dtype=bool)
    first[1:] = terms[1:] != terms[:-1]
    delta = pages.copy()
    delta[1:] -= pages[:-1]
    delta[first] = pages[first]
    size = 1 + (delta >= 1 << 7) + (delta >= 1 << 14)  # varint bytes: pages < 2 ** 21
    ends = np.cumsum(size + 1)
    starts = ends - size - 1
    data = np.zeros(int(ends[-1]), dtype=np.uint8)
    data[starts] = (delta & 0x7F) | ((size > 1) << 7)
    two = size > 1
    data[starts[two] + 1] = ((delta[two] >> 7) & 0x7F) | ((size[two] > 2) << 7)
    three = size > 2
    data[starts[three] + 2] = (delta[three] >> 14) & 0x7F
    data[starts + size] = tf
    heads = np.flatnonzero(first)
    head_ends = ends[np.append(heads[1:] - 1, len(keys) - 1)]  # where each term's postings end
    span_starts = np.cumsum([0, *lengths])
    head_bounds = np.searchsorted(heads, span_starts).tolist()
    data_starts = np.append(starts, ends[-1])[span_starts].tolist()
    terms_bytes = terms[heads]
    out = []
    for number in range(len(spans)):
        h_lo, h_hi = head_bounds[number], head_bounds[number + 1]
        lo, hi = data_starts[number], data_starts[number + 1]
        term_ends = (head_ends[h_lo:h_hi] - lo).astype("<u4")
        out.append((h_hi - h_lo).to_bytes(4, "little") + terms_bytes[h_lo:h_hi].tobytes() + term_ends.tobytes()
                   + data[lo:hi].tobytes())
    return out


def encode_shard(keys: np.ndarray, tf: np.ndarray) -> bytes:
    """One shard's file from its sorted posting keys and frequencies."""
    return encode_shards(keys, tf, [(0, len(keys))])[0]


def decode_shard(data: bytes) -> dict[int, list[tuple[int, int]]]:
    """A shard file read back: term -> [(page, frequency)] (for tests and tools; the search page has its own)."""
    count = int.from_bytes(data[:4], "little")
    terms = np.frombuffer(data, dtype="<u4", count=count, offset=4)
    ends = np.frombuffer(data, dtype="<u4", count=count, offset=4 + 4 * count)
    base = 4 + 8 * count
    out: dict[int, list[tuple[int, int]]] = {}
    start = 0
    for term, end in zip(terms.tolist(), ends.tolist()):
        postings, page, position = [], 0, base + start
        while position < base + end:
            delta, shift = 0, 0
            while True:
                byte = data[position]
                position += 1
                delta |= (byte & 0x7F) << shift
                shift += 7
                if byte < 0x80:
                    break
            page = delta if not postings else page + delta
            postings.append((page, data[position]))
            position += 1
        out[term] = postings
        start = end
    return out


def shard_file_name(shard: int, data: bytes) -> str:
    """A shard's file name: its number and a digest of its bytes (so a file never changes under its name)."""
    return f"s/{shard:03x}-{hashlib.blake2b(data, digest_size=6).hexdigest()}.bin"


# --- the index ------------------------------------------------------------------------------------

@dataclass
class IndexFile:
    """One file of the index folder: its key (a digest of what it is made from) and how to make its bytes."""

    key: str
    make: Callable[[], bytes]


@dataclass
class SearchIndex:
    """Every posting of the site's searchable pages, kept between builds and updated page by page."""

    known: dict[str, str] = field(default_factory=dict)  # every HTML page seen: output path -> its build key
    urls: list[str] = field(default_factory=list)  # the searchable pages' URLs, sorted: a page's number is its place
    bits: int = 0
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # sorted shard|term|page
    tf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint8))
    shards: list[str] = field(default_factory=lambda: [""])  # file name of each shard ("" when empty)
    fresh: dict[str, SearchDoc] = field(default_factory=dict)  # documents read by the last update, by URL
    changed: bool = False  # since it was last saved
    encoded: dict[int, bytes] = field(default_factory=dict)  # the shards the last update encoded: shard -> file
    bounds: list[int] | None = None  # where each shard's postings start in keys (and the end), once known

    def update(self, pages: dict[str, str], read: Callable[[str], str],
               prepared: dict[str, Prepared | None] | None = None) -> None:
        """Bring the index up to date with the site's HTML pages (output path -> build key).

        Only pages whose key changed are read (``read(path)`` gives a page's HTML), unless ``prepared``
        already holds what ``prepare_search_doc`` makes of them.  An edited page changes only the
        shards where one of its postings was removed, added or changed frequency; a page added or
        removed renumbers the pages after it, which rewrites every shard.
        """
        changed = sorted(path for path, key in pages.items() if self.known.get(path) != key)
        drop = {page_url(path) for path in self.known.keys() - pages.keys()} | {page_url(path) for path in changed}
        docs: dict[str, Prepared] = {}
        for path in changed:
            ready = prepared[path] if prepared is not None and path in prepared else prepare_search_doc(read(path), path)
            if ready is not None:
                docs[page_url(path)] = ready
        urls = sorted([*(url for url in self.urls if url not in drop), *docs])
        if len(urls) > 1 << PAGE_BITS:
            raise SearchIndexError(f"{len(urls)} searchable pages: the index holds at most {1 << PAGE_BITS}")
        bits = shard_bits(len(urls))
        dropped = np.array([number for number, url in enumerate(self.urls) if url in drop], dtype=np.uint64)
        keys, tf = self.keys, self.tf
        old_keys, old_tf = keys[:0], tf[:0]
        if len(dropped) and len(keys):
            hit = np.isin(keys & np.uint64(_PAGE_MASK), dropped)
            old_keys, old_tf = keys[hit], tf[hit]
            keys, tf = keys[~hit], tf[~hit]
        if urls != self.urls:
            keys = _renumber(keys, self.urls, urls)
        if bits != self.bits:
            keys, tf = _reshard(keys, tf, bits)
        new_keys, new_tf = _doc_postings(docs, urls, bits)
        self.keys, self.tf = _merge(keys, tf, new_keys, new_tf)
        # Edits alone keep every page's number: only the shards of the postings that differ change.
        same_numbers = bits == self.bits and urls == self.urls
        dirty = _changed_shards(old_keys, old_tf, new_keys, new_tf) if same_numbers else None
        self.urls, self.bits, self.known = urls, bits, dict(pages)
        self.fresh = {url: doc for url, (doc, _terms, _tf) in docs.items() if doc is not None}
        self.changed = self.changed or bool(changed or drop)
        self._encode(dirty)

    def _encode(self, dirty: set[int] | None) -> None:
        """Re-encode the shards in ``dirty`` (every shard when None) and record their file names."""
        count = 1 << self.bits
        if dirty is None or len(self.shards) != count:
            self.shards, dirty = [""] * count, set(range(count))
        bounds = self.bounds = _shard_bounds(self.keys, count)
        chosen = sorted(dirty)
        encoded = []
        for batch in _batches(chosen, bounds, ENCODE_BATCH):
            encoded.extend(encode_shards(self.keys, self.tf, [(bounds[shard], bounds[shard + 1]) for shard in batch]))
        self.encoded = {}
        for shard, data in zip(chosen, encoded):
            empty = bounds[shard] == bounds[shard + 1]
            self.shards[shard] = "" if empty else shard_file_name(shard, data)
            if not empty:
                self.encoded[shard] = data

    def shard_bytes(self, shard: int) -> bytes:
        """A shard's file, encoded now if the last update did not."""
        cached = self.encoded.get(shard)
        if cached is not None:
            return cached
        if self.bounds is None:
            self.bounds = _shard_bounds(self.keys, 1 << self.bits)
        lo, hi = self.bounds[shard], self.bounds[shard + 1]
        return encode_shard(self.keys[lo:hi], self.tf[lo:hi])

    def manifest(self) -> bytes:
        """``index.json``: the format, shard bits, page URLs and shard file names."""
        data = {"format": FORMAT, "bits": self.bits, "pages": self.urls, "shards": self.shards}
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    def files(self, read: Callable[[str], str]) -> dict[str, IndexFile]:
        """Every file of the index folder (paths relative to it) with its key and maker.

        A fragment is made from its page's HTML (``read``) unless the last update read the page.
        """
        out: dict[str, IndexFile] = {}
        manifest = self.manifest()
        out["index.json"] = IndexFile(hashlib.sha256(manifest).hexdigest(), lambda: manifest)
        for shard, name in enumerate(self.shards):
            if name:
                out[name] = IndexFile(name, lambda shard=shard: self.shard_bytes(shard))
        by_url = {page_url(path): (path, key) for path, key in self.known.items()}
        for url in self.urls:
            path, key = by_url[url]
            out[fragment_path(url)] = IndexFile(key, lambda url=url, path=path: self._fragment(url, path, read))
        return out

    def _fragment(self, url: str, path: str, read: Callable[[str], str]) -> bytes:
        """A page's fragment file."""
        doc = self.fresh.get(url) or search_doc(read(path), url)
        if doc is None:
            raise SearchIndexError(f"{path}: the page is no longer marked for search")
        return doc.fragment()

    # Kept between `build` processes in the build cache: the arrays as .npy files, the rest pickled.
    def save(self, folder: Path, identity: str) -> None:
        """Write the index into folder (replacing what is there)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, array in (("keys.npy", self.keys), ("tf.npy", self.tf)):
            with open(folder / f".{name}.tmp", "wb") as handle:
                np.save(handle, array, allow_pickle=False)
            os.replace(folder / f".{name}.tmp", folder / name)
        meta = {"identity": identity, "known": self.known, "urls": self.urls, "bits": self.bits,
                "shards": self.shards, "count": len(self.keys)}
        (folder / ".meta.tmp").write_bytes(pickle.dumps(meta, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(folder / ".meta.tmp", folder / "meta.pickle")

    @classmethod
    def load(cls, folder: Path, identity: str) -> "SearchIndex":
        """The index saved in folder by this very code, or an empty one."""
        try:
            meta = pickle.loads((folder / "meta.pickle").read_bytes())
            if meta["identity"] != identity:
                return cls()
            keys = np.load(folder / "keys.npy", allow_pickle=False)
            tf = np.load(folder / "tf.npy", allow_pickle=False)
        except Exception:  # missing, truncated or from another version: start afresh
            return cls()
        if len(keys) != meta["count"] or len(tf) != len(keys):
            return cls()
        return cls(known=meta["known"], urls=meta["urls"], bits=meta["bits"], keys=keys, tf=tf, shards=meta["shards"])


def _batches(shards: list[int], bounds: list[int], size: int) -> Iterator[list[int]]:
    """Consecutive runs of ``shards`` holding about ``size`` postings each (a shard is never split)."""
    batch: list[int] = []
    held = 0
    for shard in shards:
        batch.append(shard)
        held += bounds[shard + 1] - bounds[shard]
        if held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _changed_shards(old_keys: np.ndarray, old_tf: np.ndarray, new_keys: np.ndarray, new_tf: np.ndarray) -> set[int]:
    """The shards of the postings that an update removed, added or gave another frequency (both sides sorted)."""
    common, at_old, at_new = np.intersect1d(old_keys, new_keys, assume_unique=True, return_indices=True)
    differ = np.concatenate([np.setdiff1d(old_keys, new_keys, assume_unique=True),
                             np.setdiff1d(new_keys, old_keys, assume_unique=True),
                             common[old_tf[at_old] != new_tf[at_new]]])
    return set((differ >> np.uint64(_SHARD_SHIFT)).tolist())


def _shard_bounds(keys: np.ndarray, count: int) -> list[int]:
    """Where each of ``count`` shards starts in the sorted keys, and where the last one ends."""
    starts = np.arange(count, dtype=np.uint64) << np.uint64(_SHARD_SHIFT)  # (count << shift would overflow)
    return [*np.searchsorted(keys, starts).tolist(), len(keys)]


def _renumber(keys: np.ndarray, old: list[str], new: list[str]) -> np.ndarray:
    """Postings of pages numbered by ``old`` renumbered by ``new`` (every page they hold is in both).

    Both lists are sorted, so the pages keep their relative order and the keys stay sorted.
    """
    if len(keys) == 0:
        return keys
    place = {url: number for number, url in enumerate(new)}
    mapping = np.array([place.get(url, 0) for url in old], dtype=np.uint64)
    return (keys & ~np.uint64(_PAGE_MASK)) | mapping[(keys & np.uint64(_PAGE_MASK)).astype(np.int64)]


def _reshard(keys: np.ndarray, tf: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Postings moved to the shards of another shard count, sorted again."""
    terms = (keys >> np.uint64(PAGE_BITS)) & np.uint64(_TERM_MASK)
    moved = (term_shards(terms, bits) << np.uint64(_SHARD_SHIFT)) | (keys & ~(np.uint64((1 << MAX_SHARD_BITS) - 1) << np.uint64(_SHARD_SHIFT)))
    order = np.argsort(moved, kind="stable")
    return moved[order], tf[order]


def _doc_postings(docs: dict[str, Prepared], urls: list[str], bits: int) -> tuple[np.ndarray, np.ndarray]:
    """The sorted posting keys and frequencies of freshly read documents."""
    if not docs:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint8)
    place = {url: number for number, url in enumerate(urls)}
    total = sum(len(terms) for _doc, terms, _tf in docs.values())
    all_keys, all_tf = np.empty(total, dtype=np.uint64), np.empty(total, dtype=np.uint8)
    at = 0  # filled page by page: no list of per-page arrays beside the whole (millions of postings cold)
    for url, (_doc, terms, tf) in docs.items():
        all_keys[at : at + len(terms)] = posting_keys(terms, place[url], bits)
        all_tf[at : at + len(terms)] = tf
        at += len(terms)
    # The keys are unique (a page's terms are): any sort gives this order.  One sort, then both arrays taken in its
    # order (sorting the keys a second time took as long as taking them), the keys into the order's own memory, a
    # batch at a time: no third array of millions of keys beside the unsorted ones and the order.
    order = np.argsort(all_keys)
    all_tf = all_tf[order]
    ranked = order.view(np.uint64)  # the positions' 8 bytes each, overwritten by the keys once read
    for begin in range(0, total, ENCODE_BATCH):
        batch = order[begin : begin + ENCODE_BATCH].copy()  # read before its place is written
        np.take(all_keys, batch, out=ranked[begin : begin + ENCODE_BATCH])
    return ranked, all_tf


def _merge(keys: np.ndarray, tf: np.ndarray, new_keys: np.ndarray, new_tf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted posting arrays (with no key in common) merged into one."""
    if len(new_keys) == 0:
        return keys, tf
    if len(keys) == 0:
        return new_keys, new_tf
    at = np.searchsorted(keys, new_keys)
    return np.insert(keys, at, new_keys), np.insert(tf, at, new_tf)


def build_index(pages: Iterable[tuple[str, str]]) -> SearchIndex:
    """An index made at once from (output path, HTML) pairs (every page keyed by its own text)."""
    texts = dict(pages)
    index = SearchIndex()
    index.update({path: hashlib.sha256(text.encode("utf-8")).hexdigest() for path, text in texts.items()}, texts.__getitem__)
    return index


def write_index(index: SearchIndex, site_dir: Path, read: Callable[[str], str]) -> int:
    """Write every file of the index into ``site_dir/search-index`` (after removing an older one)."""
    folder = site_dir / OUTPUT_DIR
    if folder.exists():
        shutil.rmtree(folder)
    for relative, item in sorted(index.files(read).items()):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.make())
    return len(index.urls)


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a site folder (relative POSIX paths, sorted), outside the index folder."""
    out = []
    for directory, dirs, names in os.walk(site_dir):
        dirs[:] = sorted(d for d in dirs if not (Path(directory) == site_dir and d == OUTPUT_DIR))
        prefix = os.path.relpath(directory, site_dir).replace(os.sep, "/")
        out.extend(name if prefix == "." else f"{prefix}/{name}" for name in names if name.endswith(".html"))
    return sorted(out)
