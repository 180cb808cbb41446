"""Repeated passages: remove layout copies inside a report, keep restatements, link passages shared across reports.

OCR'd pages print some text twice: a column's tail glued onto another paragraph, a fragment set again
as a block of its own.  Inside a report the copy that does not fit where it sits is cut (whole clauses
only) and recorded in ``duplicates`` so an editor can put it back with ``keep: true``; a passage an
author restates on purpose (an opening summary quoting the body's figures) stays and is recorded.
Across reports nothing is deleted: real reprints become "also appears in" links (shared.py).

How a pair of copies is read (``copy_oddness``): a copy that is the whole block, or that stops
mid-sentence at a block edge, is a fragment set again; a copy running verbatim to the very last
character of its block is a tail glued on (a layout copy reprints the marks too, where an author
restating a figure writes new punctuation around it).  The odder copy goes; equally odd copies are
told apart by how much of their paragraph's vocabulary they share, then the later one goes.  When
neither copy is odd, both sit inside complete sentences: a restatement, kept.
"""

from __future__ import annotations

import re
from itertools import takewhile
from collections import defaultdict
from dataclasses import dataclass, replace

from .clauses import clause_cut, dedup_rules, ends_sentence, meaningful, starts_clause, starts_sentence, trim_span
from .model import Block, Document, DuplicateRecord, ReviewNote
from .repeats import Span, find_repeats
from .shared import find_shared_passages  # noqa: F401  (callers find every dedup step here)

Cuts = dict[str, list[tuple[int, int, str]]]  # paragraph id -> [(start, end, id of the copy that stays)]


@dataclass(frozen=True)
class Passage:
    """A text of a document that can hold a copy: a block, the lead or a caption."""

    anchor: str  # "p3", "lead", "fig2"
    text: str
    order: int  # reading order; ties between equally odd copies go to the later one
    removable: bool  # only body blocks lose copies; a lead or caption is the editor's own summary


def document_passages(doc: Document, blocks: list[Block]) -> list[Passage]:
    """List the lead, the body ``blocks`` with ids (the document's, as far as they are cut) and the captions
    of a document in reading order."""
    passages = [Passage("lead", doc.lead, -1, False)] if doc.lead else []
    passages += [Passage(b.id, b.text, i, True) for i, b in enumerate(blocks) if b.id and b.kind != "heading"]
    start = len(blocks)
    passages += [Passage(f"fig{i + 1}", f.caption, start + i, False) for i, f in enumerate(doc.figures)]
    return passages


# ---------------------------------------------------------------- reading one copy in its paragraph


def copy_oddness(text: str, start: int, end: int, other_text: str, other_start: int) -> float:
    """Score how little a copy fits where it sits: 3 whole block, 2 cut-off edge, 1–1.5 glued tail, 0 fits."""
    fragment = dedup_rules()["fragment_chars"]
    if meaningful(text[:start]) + meaningful(text[end:]) <= fragment:
        return 3.0
    at_end = end >= len(text.rstrip())  # verbatim up to the block's last character
    if at_end and not ends_sentence(text):
        return 2.0
    if meaningful(text[:start]) == 0 and not starts_clause(other_text, other_start):
        return 2.0  # the block opens mid-clause: it is a fragment set again
    if at_end:
        return 1.5 if starts_sentence(text, start) else 1.0
    return 0.0


def coherence(text: str, start: int, end: int) -> float:
    """Share of the copy's character pairs that the rest of its paragraph also uses."""
    copy = _pairs(text[start:end])
    rest = _pairs(text[:start]) | _pairs(text[end:])
    return len(copy & rest) / len(copy) if copy else 0.0


def _pairs(text: str) -> set[str]:
    """Adjacent letter (mostly Han) pairs of a text: a cheap fingerprint of its vocabulary."""
    return {one + two for one, two in zip(text, text[1:]) if one.isalpha() and two.isalpha()}


# ---------------------------------------------------------------- one report


@dataclass(frozen=True)
class _Copy:
    """One occurrence of a repeated passage."""

    passage: Passage
    start: int
    end: int

    @property
    def text(self) -> str:
        """The copy as printed here."""
        return self.passage.text[self.start : self.end]


def judge(first: _Copy, second: _Copy) -> _Copy | None:
    """Return the copy to remove as a layout artifact, or None when the pair is a restatement."""
    scores = {}
    for copy, other in ((first, second), (second, first)):
        if copy.passage.removable:
            scores[copy] = copy_oddness(copy.passage.text, copy.start, copy.end, other.passage.text, other.start)
    if not scores:
        return None
    threshold = 1.0 if len(scores) == 2 else 2.0  # beside a lead or caption only a clear fragment goes
    best = max(scores.values())
    if best < threshold:
        return None
    odder = [copy for copy in scores if scores[copy] == best]
    if len(odder) == 1:  # coherence only tells equally odd copies apart
        return odder[0]
    return max(odder, key=lambda c: (-coherence(c.passage.text, c.start, c.end), c.passage.order, c.start))


def doubled_in_place(first: _Copy, second: _Copy) -> bool:
    """Tell whether the second copy follows the first straight on in one paragraph (……晋升技能等项，……晋升技能等级):
    prose never says twenty characters twice running, a page break that set a line again does.  Cutting the
    second copy exactly, wherever it starts and ends, with the marks between the two, leaves the sentence as
    it was written."""
    if first.passage is not second.passage or second.start < first.end:
        return False
    between = first.passage.text[first.end:second.start]
    return meaningful(between) == 0 and len(between) <= 2


def _doubled_cut(first: _Copy, second: _Copy) -> tuple[int, int]:
    """What to cut of a copy set again straight on: the second copy, with the marks between the two copies
    (A。A。B leaves A。B, not A。。B): those after it when they are the same, else those before it."""
    text = first.passage.text
    between = text[first.end:second.start]
    if text.startswith(between, second.end):
        return second.start, second.end + len(between)
    return first.end, second.end


def remove_layout_copies(doc: Document, min_chars: int = 20) -> Document:
    """Cut layout copies out of the body (recorded in duplicates); record restatements and keep them.

    A layout record names the paragraph the copy was cut from (``removed_from``, ``offset``) and the
    paragraph it repeats.  A restatement record keeps ``removed_from`` None, as nothing was removed: its
    ``text`` is the later copy exactly as printed (search the body, or a caption, for it) and ``repeats``
    names the paragraph, ``lead`` or caption that holds the earlier copy — so an editor finds both.
    """
    blocks, records, review = list(doc.blocks), list(doc.duplicates), list(doc.review)
    blocks, records = _without_pull_quotes(blocks, records)
    # Each pass settles one copy per passage (a third copy needs another pass) and every pass that cuts
    # shortens the body, so passes stop; the bound only guards against a cut that removes nothing.
    for _ in range(1 + sum(len(b.text) for b in blocks)):
        cuts, found, notes = _plan_cuts(document_passages(doc, blocks), min_chars)
        records += [r for r in found if r not in records]
        review += [n for n in notes if n not in review]
        if not cuts:
            break
        blocks, records = _apply_cuts(blocks, records, cuts)
    blocks, records = join_rests_past_copies(blocks, records)
    debris = list(doc.debris)
    if len(blocks) < len(doc.blocks):  # a story printed twice: the second copy's headline goes with its paragraphs
        blocks, debris = without_orphan_headings(doc.blocks, blocks, debris)
    return replace(doc, blocks=blocks, duplicates=records, review=review, debris=debris)


COLUMN_COPY_MIN = 20  # characters of a column's last lines set again atop the next (a line or more)


def join_rests_past_copies(blocks: list[Block], records: list[DuplicateRecord]) -> tuple[list[Block], list[DuplicateRecord]]:
    """Join two paragraphs that were one printed across a column with its last lines set again atop the next column
    (…成功率达到91.4%。 | 1至10月，…91.4%。针对…): one paragraph ended on the copy that was cut, and the next opens
    on the copy that stays, or the other way round; the first was set in as a paragraph opens and the second was
    not (a column's top line).  The records then name the joined paragraph, at the place of the cut there, so
    keeping a copy puts it back where it was printed.  A paragraph opening as one does (一是…, （二）) stays apart."""
    from .blocks import join_text, starts_paragraph  # blocks imports the ingest modules that import this one

    def rest_past_copy(before: Block, after: Block) -> str | None:
        """What the second paragraph prints after the copy, when it opened on one of the first's end: lines of a
        column (COLUMN_COPY_MIN characters at least), not a quotation an author says again (“…。”这是他常说的话)."""
        for r in records:
            copy = r.text.strip()
            if len(copy) < COLUMN_COPY_MIN or (copy.startswith("“") and copy.rstrip("。！？").endswith("”")):
                continue
            if _cut_from(r, after.id) and r.offset == 0 and r.repeats == before.id and before.text.endswith(copy):
                return after.text  # its opening was cut: the copy that stays ends the paragraph before
            if (_cut_from(r, before.id) and r.offset == len(before.text) and r.repeats == after.id
                    and after.text.startswith(copy)):
                return after.text[len(copy):]  # the end of the paragraph before was cut: the copy that stays opens it
        return None

    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        if (before is None or not (before.kind == block.kind == "paragraph" and before.id and block.id)
                or not before.indented or block.indented
                or (rest := rest_past_copy(before, block)) is None or starts_paragraph(rest.lstrip())):
            out.append(block)
            continue
        joined = join_text(before.text, block.text)
        shift = len(joined) - len(block.text)  # where the rest now starts
        records = [replace(r, removed_from=before.id, offset=(r.offset or 0) + shift) if _cut_from(r, block.id)
                   else replace(r, repeats=before.id) if r.repeats == block.id else r for r in records]
        out[-1] = replace(before, text=joined)
    return out, records


def without_orphan_headings(before: list[Block], after: list[Block], debris: list[str]) -> tuple[list[Block], list[str]]:
    """``after`` (the body once layout copies were cut from ``before``) without a heading whose whole section was cut
    and that repeats an earlier heading: a story's headline printed again with the story; it goes to debris.  A
    heading followed by a subheading, or with any of its own paragraphs left, stays."""
    cut = {b.id for b in before if b.id} - {b.id for b in after if b.id}  # paragraphs cut whole (a part cut keeps its id)
    orphans: set[int] = set()
    seen: set[str] = set()
    for at, block in enumerate(before):
        if block.kind != "heading":
            continue
        section = list(takewhile(lambda b: b.kind != "heading", before[at + 1:]))
        following = before[at + 1 + len(section)] if at + 1 + len(section) < len(before) else None
        if (block.text in seen and section and all(b.id in cut for b in section)
                and (following is None or (following.level or 2) <= (block.level or 2))):
            orphans.add(id(block))
        seen.add(block.text)
    debris = [*debris, *(b.text for b in after if id(b) in orphans)]
    return [b for b in after if id(b) not in orphans], debris


_PULL_QUOTE = re.compile("^[“「]([^“”「」]{6,80})[”」]$")


def _without_pull_quotes(blocks: list[Block], records: list[DuplicateRecord]) -> tuple[list[Block], list[DuplicateRecord]]:
    """Take out a pull quote: a paragraph that is only a quotation printed in another paragraph of the body
    (“焊缝就像人品，来不得半点马虎。”, set large on the next page), however short; it is recorded as a
    layout copy of that paragraph, so an editor can put it back."""
    kept: list[Block] = []
    for block in blocks:
        quote = _PULL_QUOTE.match(block.text) if block.kind == "paragraph" and block.id else None
        home = None if quote is None else next(  # the body is searched for a quotation's paragraphs only
            (b for b in blocks if b is not block and b.id and b.kind in ("paragraph", "item")
             and quote.group(1) in b.text and len(b.text) > len(block.text)), None)
        if home is None:
            kept.append(block)
            continue
        records = [*records, DuplicateRecord(block.text, block.id, home.id, offset=0)]
    return kept, records


def _plan_cuts(passages: list[Passage], min_chars: int) -> tuple[Cuts, list[DuplicateRecord], list[ReviewNote]]:
    """Decide, for every repeated pair, what to cut, which restatements to record and what to flag."""
    cuts: Cuts = defaultdict(list)
    busy: dict[str, list[tuple[int, int]]] = defaultdict(list)
    restated: list[DuplicateRecord] = []
    notes: list[ReviewNote] = []
    for repeat in find_repeats([p.text for p in passages], min_chars):
        first, second = (_as_copy(passages, span) for span in (repeat.first, repeat.second))
        first, second = sorted((first, second), key=lambda c: (c.passage.order, c.start))
        doubled = doubled_in_place(first, second)
        victim = second if doubled else judge(first, second)
        if victim is None:
            restated.append(DuplicateRecord(second.text, None, first.passage.anchor, kind="restatement"))
            continue
        keeper = second if victim is first else first
        cut = _doubled_cut(first, second) if doubled else clause_cut(victim.passage.text, victim.start, victim.end)
        if cut is None:  # no whole clause to cut: an editor decides
            notes.append(ReviewNote("repeat", victim.passage.anchor, victim.text, f"与 {keeper.passage.anchor} 重复，但无法按整句删除，请核对"))
            continue
        kept = (keeper.start, keeper.end)
        if _overlaps(busy[victim.passage.anchor], cut) or _overlaps(busy[keeper.passage.anchor], kept):
            continue  # settled in a later pass, once this pass's cuts are made
        cuts[victim.passage.anchor].append((*cut, keeper.passage.anchor))
        busy[victim.passage.anchor].append(cut)
        busy[keeper.passage.anchor].append(kept)
    return cuts, restated, notes


def _as_copy(passages: list[Passage], span: Span) -> _Copy:
    """The copy a span of find_repeats points at, without the marks at its head."""
    passage = passages[span.text]
    return _Copy(passage, *trim_span(passage.text, span.start, span.end))


def _overlaps(ranges: list[tuple[int, int]], candidate: tuple[int, int]) -> bool:
    """Tell whether candidate overlaps any of ranges."""
    return any(start < candidate[1] and candidate[0] < end for start, end in ranges)


def _apply_cuts(blocks: list[Block], records: list[DuplicateRecord], cuts: Cuts) -> tuple[list[Block], list[DuplicateRecord]]:
    """Cut the planned ranges out of their blocks; a block left with no words goes as a whole."""
    kept_blocks: list[Block] = []
    for block in blocks:
        planned = sorted(cuts.get(block.id, [])) if block.id else []
        if not planned:
            kept_blocks.append(block)
            continue
        whole = meaningful(_without(block.text, planned)) == 0
        if whole:
            planned = [(0, len(block.text), planned[0][2])]
        text = block.text
        for start, end, keeper in reversed(planned):
            text, records = _cut(text, records, block.id, start, end, keeper)
        if not whole:
            kept_blocks.append(replace(block, text=text))
    return kept_blocks, records


def _without(text: str, ranges: list[tuple[int, int, str]]) -> str:
    """The text left once the sorted, disjoint ranges are cut out."""
    pieces, at = [], 0
    for start, end, _ in ranges:
        pieces.append(text[at:start])
        at = end
    return "".join(pieces) + text[at:]


def _cut(
    text: str, records: list[DuplicateRecord], anchor: str, start: int, end: int, keeper: str
) -> tuple[str, list[DuplicateRecord]]:
    """Cut [start, end) from a paragraph and record it; earlier cuts inside or at its edges join the record."""
    inside = [(i, r) for i, r in enumerate(records) if _cut_from(r, anchor) and start <= (r.offset or 0) <= end]
    removed = text[start:end]
    for _, record in sorted(inside, key=lambda e: (e[1].offset or 0, e[0]), reverse=True):
        at = (record.offset or 0) - start
        removed = removed[:at] + record.text + removed[at:]
    absorbed = {i for i, _ in inside}
    shifted = []
    for i, record in enumerate(records):
        if i in absorbed:
            continue
        if _cut_from(record, anchor) and (record.offset or 0) > end:
            record = replace(record, offset=(record.offset or 0) - (end - start))
        shifted.append(record)
    shifted.append(DuplicateRecord(removed, anchor, keeper, offset=start))
    return text[:start] + text[end:], shifted


def _cut_from(record: DuplicateRecord, anchor: str) -> bool:
    """Tell whether record is a layout cut from paragraph anchor."""
    return record.kind == "layout" and record.removed_from == anchor and record.offset is not None


# ---------------------------------------------------------------- undo


def restore_kept(blocks: list[Block], duplicates: list[DuplicateRecord]) -> list[Block]:
    """Put back every layout copy an editor marked keep: true.

    The text goes into paragraph ``removed_from`` at ``offset`` (clamped to the paragraph's length, as
    hand edits may have shortened it).  When that paragraph is gone (the whole block was a copy), a new
    paragraph with that id is made and placed where it stood: before the first block whose id number is
    larger (ids p1…pn follow reading order) or after the last numbered one; an id without a number goes
    right after the ``repeats`` paragraph, else at the end.
    """
    result = list(blocks)
    kept = [(i, d) for i, d in enumerate(duplicates) if d.kind == "layout" and d.keep and d.removed_from]
    by_anchor: dict[str, list[tuple[int, DuplicateRecord]]] = defaultdict(list)
    for index, record in kept:
        by_anchor[str(record.removed_from)].append((index, record))
    for anchor in sorted(by_anchor, key=lambda a: min(i for i, _ in by_anchor[a])):
        entries = by_anchor[anchor]
        position = next((i for i, b in enumerate(result) if b.id == anchor), None)
        if position is None:
            text = "".join(r.text for _, r in sorted(entries, key=lambda e: (e[1].offset or 0, e[0])))
            result.insert(_home_of(result, anchor, entries[0][1].repeats), Block("paragraph", text, id=anchor))
            continue
        text = result[position].text
        for _, record in sorted(entries, key=lambda e: (e[1].offset or 0, e[0]), reverse=True):
            at = min(max(record.offset or 0, 0), len(text))
            text = text[:at] + record.text + text[at:]
        result[position] = replace(result[position], text=text)
    return result


def _id_number(anchor: str) -> int | None:
    """The number of an id such as p12, or None."""
    match = re.fullmatch(r"[A-Za-z]+(\d+)", anchor)
    return int(match.group(1)) if match else None


def _home_of(blocks: list[Block], anchor: str, repeats: str) -> int:
    """Where a re-created paragraph goes: among its numbered neighbours, else after the copy it repeats."""
    number = _id_number(anchor)
    numbered = [(i, n) for i, b in enumerate(blocks) if b.id and (n := _id_number(b.id)) is not None]
    if number is not None and numbered:
        later = [i for i, n in numbered if n > number]
        return later[0] if later else numbered[-1][0] + 1
    after = next((i + 1 for i, b in enumerate(blocks) if b.id == repeats), None)
    return after if after is not None else len(blocks)
