"""Passages shared across reports: real reprints only, cut at whole clauses, linked both ways.

A page that says "this passage also appears in <other report>" claims the same text was printed twice,
so only a reprint counts: the two copies agree character for character apart from a few OCR variants
(之/的), and never in a figure.  Two reports built on one template ("新发展会员9.3万名，其中……") share
wording but state different facts; where their figures differ, the repeat found by the suffix array is
split, and only the stretches between differing figures that still hold whole clauses, enough Han
characters and a complete sentence are kept — so a genre formula a clause long is no link either.
Copies of one passage in many reports form one group (joined through the repeats found between them);
each copy links to the first ``max_shared_links`` other reports of its group, one link per pair of
paragraphs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from .clauses import clause_bounds, dedup_rules, inside_number, trim_span
from .model import Block, SharedPassage
from .repeats import Span, find_repeats, fold_width, seed_length

Pair = tuple[Span, Span]  # the same passage in two texts


def find_shared_passages(reports: dict[str, list[Block]], min_chars: int = 20) -> dict[str, list[SharedPassage]]:
    """For every report (by slug), the passages it shares with other reports as reprints, in reading order."""
    places = [(slug, b) for slug in sorted(reports) for b in reports[slug] if b.id and b.kind != "heading"]
    pairs = reprint_pairs([b.text for _, b in places], [slug for slug, _ in places], min_chars)
    shared: dict[str, list[SharedPassage]] = {slug: [] for slug in sorted(reports)}
    limit = dedup_rules()["max_shared_links"]
    for group in passage_groups(pairs):
        first_of: dict[str, Span] = {}
        for span in group:  # sorted, so each report's first copy in reading order
            first_of.setdefault(places[span.text][0], span)
        slugs = sorted(first_of)
        for span in group:  # at most limit links each: O(group size × limit), not O(group size²)
            slug, block = places[span.text]
            for other_slug in [s for s in slugs[: limit + 1] if s != slug][:limit]:
                other_anchor = places[first_of[other_slug].text][1].id
                shared[slug].append(SharedPassage(_quote(block.text, span), block.id, other_slug, other_anchor))
    return {slug: _one_link_per_paragraph_pair(items, reports[slug]) for slug, items in shared.items()}


def reprint_pairs(texts: list[str], owners: list[str], min_chars: int) -> list[Pair]:
    """Copies of one passage in texts of two different owners (reports), cut to their reprinted parts."""
    shortest = max(min_chars, dedup_rules()["shared_min_chars"])
    pairs: list[Pair] = []
    for repeat in find_repeats(texts, shortest):
        one, two = repeat.first, repeat.second
        if owners[one.text] == owners[two.text]:
            continue  # inside one report: a layout copy or a restatement, dedup.py's business
        parts = reprinted_parts(texts[one.text], one.start, texts[two.text], two.start, one.end - one.start, shortest)
        for start, end in parts:
            pairs.append((Span(one.text, one.start + start, one.start + end), Span(two.text, two.start + start, two.start + end)))
    return pairs


def _one_link_per_paragraph_pair(items: list[SharedPassage], blocks: list[Block]) -> list[SharedPassage]:
    """One link per paragraph and other paragraph, quoting the shortest passage (the surest to be in both)."""
    order = {b.id: i for i, b in enumerate(blocks)}
    unique: dict[tuple[str, str, str | None], SharedPassage] = {}
    for item in sorted(items, key=lambda s: (len(s.text), s.text)):
        unique.setdefault((item.anchor, item.report, item.other_anchor), item)
    return sorted(unique.values(), key=lambda s: (order.get(s.anchor, 0), s.text, s.report, s.other_anchor))


def reprinted_parts(first: str, first_start: int, second: str, second_start: int, length: int, min_chars: int) -> list[tuple[int, int]]:
    """The stretches [start, end) of an alignment of two texts that are reprints of one another.

    The alignment is first[first_start:][:length] against second[second_start:][:length].  It is split
    at every differing character that belongs to a figure in either text; each piece is narrowed to
    bounds that are clause bounds in both texts, so it never starts or ends inside a number or a word;
    a piece is kept when it has min_chars Han characters, few enough OCR variants and (if the rules ask
    for it) a whole sentence of one of the texts (a reprint may open after "据报道，" in the other).
    Offsets are relative to the alignment.
    """
    rules = dedup_rules()
    one = fold_width(first[first_start : first_start + length])
    two = fold_width(second[second_start : second_start + length])
    differ = [i for i in range(length) if one[i] != two[i]]
    breaks = [i for i in differ if inside_number(first, first_start + i) or inside_number(second, second_start + i)]
    clauses_one, sentences_one = clause_bounds(first)
    clauses_two, sentences_two = clause_bounds(second)
    both = sorted(i for i in range(length + 1) if first_start + i in clauses_one and second_start + i in clauses_two)
    sentence_one = [i for i in both if first_start + i in sentences_one]
    sentence_two = [i for i in both if second_start + i in sentences_two]
    parts = []
    for low, high in zip([0, *(b + 1 for b in breaks)], [*breaks, length]):
        inside = [i for i in both if low <= i <= high]
        # A part opens on words in both texts: the mark before them closes the sentence before.
        opens = [i for i in inside if _opens_words(first, first_start + i) and _opens_words(second, second_start + i)]
        if not opens or opens[0] >= inside[-1]:
            continue
        start, end = opens[0], inside[-1]
        variants = sum(1 for i in differ if start <= i < end)
        if _han(one[start:end]) < min_chars or variants > rules["shared_max_variants"] * (end - start):
            continue
        if rules["shared_whole_sentence"] and not (
            _holds_sentence(first, first_start, [i for i in sentence_one if start <= i <= end])
            or _holds_sentence(second, second_start, [i for i in sentence_two if start <= i <= end])
        ):
            continue
        parts.append((start, end))
    return parts


def _opens_words(text: str, position: int) -> bool:
    """Tell whether text has a word, an opening quote or a bracket (not a mark or a space) at position."""
    return position < len(text) and trim_span(text, position, position + 1)[0] == position


def _holds_sentence(text: str, offset: int, sentence_bounds: list[int]) -> bool:
    """Tell whether two sentence bounds (sorted, relative to offset) enclose some words of text."""
    return len(sentence_bounds) >= 2 and any(
        char.isalnum() for char in text[offset + sentence_bounds[0] : offset + sentence_bounds[-1]]
    )


def _han(text: str) -> int:
    """Count the Han characters of text."""
    return sum(1 for char in text if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")


def _quote(text: str, span: Span) -> str:
    """The shared passage as a reader would quote it: no stray marks at either end."""
    start, end = trim_span(text, span.start, span.end)
    return text[start:end].rstrip(dedup_rules()["clause_ends"] + " ")


def passage_groups(pairs: list[Pair]) -> list[list[Span]]:
    """Group the copies of one passage: spans joined by pairs, directly or through other copies.

    A span is one exact stretch of one block, so copies join only where the very same stretch was paired
    again.  Spans that merely overlap stay apart: a report printing passages A+B and another printing
    A alone share A, not A+B, and joining on overlap would chain neighbouring passages archive-wide.
    """
    parent: dict[Span, Span] = {}

    def root(span: Span) -> Span:
        """The representative of span's group (path halving keeps the chains short)."""
        while parent.setdefault(span, span) != span:
            parent[span] = parent[parent[span]]
            span = parent[span]
        return span

    for one, two in pairs:
        parent[root(one)] = root(two)
    groups: dict[Span, list[Span]] = defaultdict(list)
    for span in sorted(parent):
        groups[root(span)].append(span)
    return sorted(groups.values(), key=min)


# --- An edit that touches no repeated text --------------------------------------------------------
#
# Repeats are seeded by stretches of at least ``seed_length`` characters that two places share.  When
# every such stretch of an edited place occurs in no other place — before the edit for its old text,
# after it for its new text — no seed involves the edit, and every other place's repeats stay exactly
# as they were: the previous result holds.  The build keeps, for this test, how many places hold each
# k-character sequence (made at the first edit, or ahead of it by the preview server; `build` saves it
# with its cache); an edit that fails the test is searched in full.

Place = tuple[str, str, str, str]  # slug, block id, block kind, text


def places_of(reports: dict[str, list[Block]]) -> list[Place]:
    """The passages find_shared_passages compares: every anchored block but headings, in report order."""
    return [(slug, b.id or "", b.kind, b.text) for slug in sorted(reports) for b in reports[slug]
            if b.id and b.kind != "heading"]


def gram_hashes(text: str, k: int) -> np.ndarray:
    """Distinct hashes of a text's k-character sequences, widths folded as find_repeats folds them."""
    codes = np.frombuffer(fold_width(text).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    count = len(codes) - k + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping around 2**64 is part of the hash
        for offset in range(k):
            hashes = hashes * np.uint64(0x100000001B3) + codes[offset : offset + count]
    return np.unique(hashes)


class GramIndex:
    """How many places hold each k-character sequence (by hash: a collision can only make a sequence look shared)."""

    def __init__(self, texts: list[str], k: int) -> None:
        self.k = k
        grams = [gram_hashes(text, k) for text in texts]
        self.hashes, counts = np.unique(np.concatenate(grams) if grams else np.zeros(0, np.uint64),
                                        return_counts=True)
        self.counts = counts.astype(np.int32)  # half the memory (and cache file) of the default int64

    def unique(self, text: str) -> bool:
        """True when no k-character sequence of text is held by another place (text itself is indexed)."""
        grams = gram_hashes(text, self.k)
        at = np.searchsorted(self.hashes, grams)
        return bool(len(grams) == 0 or np.all(self.counts[np.minimum(at, len(self.counts) - 1)] <= 1))

    def update(self, removed: list[str], added: list[str]) -> None:
        """Take the removed places' texts out and put the added ones in."""
        for texts, step in ((removed, -1), (added, 1)):
            if not texts:
                continue
            grams, counts = np.unique(np.concatenate([gram_hashes(t, self.k) for t in texts]), return_counts=True)
            at = np.searchsorted(self.hashes, grams)
            found = (at < len(self.hashes)) & (self.hashes[np.minimum(at, len(self.hashes) - 1)] == grams)
            self.counts[at[found]] += (step * counts[found]).astype(np.int32)
            if step > 0 and not found.all():
                self.hashes = np.insert(self.hashes, at[~found], grams[~found])
                self.counts = np.insert(self.counts, at[~found], counts[~found].astype(np.int32))


@dataclass
class SharedState:
    """The last result of a long-running build, with what it was computed from."""

    places: Counter  # Place -> how many times the archive holds it
    slugs: frozenset[str]
    result: dict[str, list[SharedPassage]]
    index: GramIndex | None = None  # made at the first edit (a one-off build never needs it)


def prepare_for_edits(state: SharedState | None, min_chars: int = 20) -> None:
    """Make the sequence index of a long-running build ahead of the first edit (the preview server calls this
    when idle, so the first save does not pay for it)."""
    if state is not None and state.index is None:
        k = seed_length(max(min_chars, dedup_rules()["shared_min_chars"]))
        index = GramIndex([p[3] for p in state.places.elements()], k)
        if state.index is None:
            state.index = index


def shared_after_edit(reports: dict[str, list[Block]], last: SharedState | None,
                      min_chars: int = 20) -> tuple[dict[str, list[SharedPassage]], SharedState, bool]:
    """find_shared_passages, reusing ``last`` when the edit since touches no repeated text.

    Returns the result, the state for the next call and whether the full search was skipped.
    """
    places = Counter(places_of(reports))
    slugs = frozenset(reports)
    k = seed_length(max(min_chars, dedup_rules()["shared_min_chars"]))
    index = None
    if last is not None:
        removed = list((last.places - places).elements())
        added = list((places - last.places).elements())
        index = last.index or GramIndex([p[3] for p in last.places.elements()], k)
        quiet = last.slugs == slugs and all(index.unique(place[3]) for place in removed)
        index.update([p[3] for p in removed], [p[3] for p in added])  # now the index of the new archive
        if quiet and all(index.unique(place[3]) for place in added):
            return last.result, SharedState(places, slugs, last.result, index), True
    result = find_shared_passages(reports, min_chars)
    return result, SharedState(places, slugs, result, index), False
