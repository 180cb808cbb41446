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

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable


from .clauses import clause_bounds, dedup_rules, inside_number, trim_span
from .model import Block, SharedPassage
from .reprints import Place, ReprintStore, by_report
from .repeats import Span, fold_width, seed_length

Pair = tuple[Span, Span]  # the same passage in two texts


def find_shared_passages(reports: dict[str, list[Block]], min_chars: int = 20) -> dict[str, list[SharedPassage]]:
    """For every report (by slug), the passages it shares with other reports as reprints, in reading order."""
    places = places_of(reports)
    store = searched_store(places, min_chars)
    return shared_from_pairs(by_report(places, reports), places, store.pairs(places))


# The last archive-wide search of this process: (places, min_chars, its reprint store).  The main job
# ingests, then builds in the same process: the build takes the store ingest has just made (take_store)
# and keeps it for the next build to update after an edit.
_last_search: tuple[list[Place], int, ReprintStore] | None = None


def searched_store(places: list[Place], min_chars: int) -> ReprintStore:
    """The reprint store of the places, kept as this process's last search: that of the last search when it
    had the same places (the last one is let go before a new search takes more memory)."""
    global _last_search
    store = take_store(places, min_chars) or full_search(places, min_chars)
    _last_search = (places, min_chars, store)  # the caller's places: those of the last search can go
    return store


def take_store(places: list[Place], min_chars: int) -> ReprintStore | None:
    """The store of this process's last search when it had the same places, for a caller that will update
    it: no later search may find it (changed) again.  None when the last search had other places."""
    global _last_search
    last, _last_search = _last_search, None
    if last is not None and last[1] == min_chars and last[0] == places:
        return last[2]
    return None


def drop_last_search() -> None:
    """Forget the last search (a build that did not take it: a server would keep it)."""
    global _last_search
    _last_search = None


def full_search(places: list[Place], min_chars: int) -> ReprintStore:
    """The reprint store of an archive's passages, searched anew."""
    return ReprintStore.build(places, *store_lengths(min_chars))


def shared_from_pairs(by_report: dict[str, list[Place]], places: list[Place], pairs: list[Pair]) -> dict[str, list[SharedPassage]]:
    """Group the reprints (pairs of spans of places) into passages and link each copy to the others
    (``by_report``: each report's places in reading order, every report a key)."""
    shared: dict[str, list[SharedPassage]] = {slug: [] for slug in sorted(by_report)}
    limit = dedup_rules()["max_shared_links"]
    for group in passage_groups(pairs):
        first_of: dict[str, Span] = {}
        for span in group:  # sorted, so each report's first copy in reading order
            first_of.setdefault(places[span.text][0], span)
        slugs = sorted(first_of)
        for span in group:  # at most limit links each: O(group size × limit), not O(group size²)
            slug, anchor, _kind, text = places[span.text]
            for other_slug in [s for s in slugs[: limit + 1] if s != slug][:limit]:
                other_anchor = places[first_of[other_slug].text][1]
                shared[slug].append(SharedPassage(_quote(text, span), anchor, other_slug, other_anchor))
    return {slug: _one_link_per_paragraph_pair(items, by_report[slug]) for slug, items in shared.items()}


def _one_link_per_paragraph_pair(items: list[SharedPassage], places: list[Place]) -> list[SharedPassage]:
    """One link per paragraph and other paragraph, quoting the shortest passage (the surest to be in both)."""
    order = {p[1]: i for i, p in enumerate(places)}
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


# --- Kept between builds -------------------------------------------------------------------------

def places_of(reports: dict[str, list[Block]]) -> list[Place]:
    """The passages find_shared_passages compares: every anchored block but headings, in report order."""
    return [(slug, b.id or "", b.kind, b.text) for slug in sorted(reports) for b in reports[slug]
            if b.id and b.kind != "heading"]


def store_lengths(min_chars: int = 20) -> tuple[int, int]:
    """The seed length and the shortest reprint (in Han characters) find_shared_passages works with."""
    shortest = max(min_chars, dedup_rules()["shared_min_chars"])
    return seed_length(shortest), shortest


@dataclass
class SharedState:
    """The last result of a long-running build, with what it was computed from."""

    places: list[Place]
    result: dict[str, list[SharedPassage]]
    store: ReprintStore | None = None  # None only after an update that did not finish
    min_chars: int = 20
    sources: dict[str, str] = field(default_factory=dict)  # slug -> digest of the file its places came from
    by_report: dict[str, list[Place]] = field(default_factory=dict)  # slug -> its places


Blocks = list[Block] | Callable[[], list[Block]]


def shared_after_edit(reports: dict[str, Blocks], last: SharedState | None, min_chars: int = 20,
                      sources: dict[str, str] | None = None,
                      ) -> tuple[dict[str, list[SharedPassage]], SharedState, bool]:
    """find_shared_passages, updating ``last`` (the state of the previous call) instead of searching anew.

    ``reports``: each report's blocks, or a function making them.  With ``sources`` (slug -> digest of
    the report's file), a report whose digest is the one ``last`` saw keeps its places from then, and
    its blocks are not made.  Returns the result, the state for the next call and whether the full
    search was skipped.
    """
    sources = sources or {}
    by_report: dict[str, list[Place]] = {}
    for slug in sorted(reports):
        digest = sources.get(slug)
        if last is not None and digest is not None and last.sources.get(slug) == digest and slug in last.by_report:
            by_report[slug] = last.by_report[slug]
        else:
            blocks = reports[slug]
            by_report[slug] = places_of({slug: blocks() if callable(blocks) else blocks})
    places = [place for slug in sorted(by_report) for place in by_report[slug]]
    known = {slug: digest for slug, digest in sources.items() if slug in reports}

    def state(result: dict[str, list[SharedPassage]], store: ReprintStore | None) -> SharedState:
        return SharedState(places, result, store, min_chars, known, by_report)

    store = take_store(places, min_chars)  # ingest has just searched these very passages (taken in any case)
    if last is not None and last.min_chars == min_chars and last.places == places:
        return last.result, state(last.result, last.store or store), True
    skipped = False
    if store is None and last is not None and last.min_chars == min_chars:
        store, last.store = last.store, None  # a store interrupted half-way is never used again
        if store is not None:
            store.update(places, by_report)
            skipped = True
    if store is None:
        store = full_search(places, min_chars)
    result = shared_from_pairs(by_report, places, store.pairs(places))
    return result, state(result, store), skipped
