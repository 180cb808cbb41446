"""Figures as data: find every quantity that counts a real thing, read it in its sentence, classify it.

``extract_metrics(doc, taxonomy)`` walks the lead, the body blocks and the photo captions in
reading order.  Each quantity found by the number grammar (``reportsite.numbers``) is dropped when
it is an ordinal, a name or slogan, an idiom, a rhetorical or a time count; the rest get a label
(what is counted), a period, a kind (actual or target) and a metric id.  A figure restated
elsewhere in the report becomes one record with the other places in ``also_at``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Document, MetricRecord
from .numbers import Grammar, Quantity, find_quantities
from .labels import (
    CLAUSE_END,
    COMMA_END,
    ELLIPTICAL_SENTENCE,
    HAN_RUN,
    OPENING_YEAR_WITHIN,
    Rules,
    SENTENCE_END,
    Source,
    YEAR,
    YEAR_SPAN,
    clause_bounds,
    clause_start,
    default_rules,
    label_after,
    label_before,
    span_around,
)
from .taxonomy import Taxonomy

# --- what is not a figure ----------------------------------------------------------------------


def quoted_names(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    """Spans inside short quotation marks without sentence punctuation: names and slogans."""
    spans = []
    for opening, closing in grammar.quotes:
        start = text.find(opening)
        while start >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            inner = text[start + 1:end]
            if len(inner) <= grammar.name_max_chars and not any(c in inner for c in "。！？!?"):
                spans.append((start + 1, end))
            start = text.find(opening, end + 1)
    return spans


def not_a_figure(text: str, quantity: Quantity, grammar: Grammar) -> str | None:
    """Why a quantity is not a figure (ordinal, name, idiom, rhetorical, time), or None."""
    start, end = quantity.start, quantity.end
    if text.endswith(grammar.ordinal_prefixes, 0, start):
        return "ordinal"
    quoted, named, idioms = _text_facts(text, grammar)
    if any(s <= start and end <= e for s, e in quoted):
        return "name"
    if any(s < end and start < e for s, e in named):
        return "name"
    for idiom, places in idioms:  # the first occurrence from len(idiom) before the figure decides
        i = bisect_left(places, max(0, start - len(idiom)))
        if i < len(places) and places[i] < end and start < places[i] + len(idiom):
            return "idiom"
    if quantity.chinese and quantity.numeral in grammar.idiomatic_numerals and quantity.approx is None:
        return "idiom"
    if text.startswith(grammar.abstract_nouns, end):
        return "rhetorical"
    if quantity.chinese and HAN_RUN.match(text, end).group(0).endswith(grammar.abstract_nouns):
        return "rhetorical"  # 六个配套制度: a count in characters of policies or aspects
    if text.startswith(grammar.time_nouns, end):
        return "time"
    return None


@lru_cache(maxsize=64)
def _text_facts(text: str, grammar: Grammar) -> tuple[list, list, list]:
    """Once per text: quoted names, spans of name patterns, and where each idiom occurs (overlaps too)."""
    named = [m.span() for pattern in _name_patterns(grammar) for m in pattern.finditer(text)]
    idioms = []
    for idiom in grammar.idioms:
        places, at = [], text.find(idiom)
        while at >= 0:
            places.append(at)
            at = text.find(idiom, at + 1)
        if places:
            idioms.append((idiom, places))
    return quoted_names(text, grammar), named, idioms


@lru_cache(maxsize=8)
def _name_patterns(grammar: Grammar) -> tuple[re.Pattern[str], ...]:
    """The grammar's name patterns, compiled once."""
    return tuple(re.compile(p) for p in grammar.name_patterns)


def figure_period(sentence_before: str, sentence: str, paragraph: str) -> str | None:
    """The year or span stated nearest the figure: its sentence, else the paragraph's opening words.

    A year elsewhere in a long paragraph belongs to another sentence; only one that opens the
    paragraph (2014年，市总工会……) sets the time of all its figures.
    """
    opening = _dated_opening(paragraph)
    for scope in (sentence_before, sentence, opening):
        if "19" not in scope and "20" not in scope:
            continue  # every year and span here starts 19 or 20
        spans = list(YEAR_SPAN.finditer(scope))
        if spans:
            return f"{spans[-1].group(1)}–{spans[-1].group(2)}"
        years = YEAR.findall(scope)
        if years:
            return years[-1] if scope is sentence_before else years[0]
    return None


@lru_cache(maxsize=64)
def _dated_opening(paragraph: str) -> str:
    """The paragraph's first sentence when a year opens it, else '' (once per paragraph: its figures share it)."""
    opening = paragraph[: span_around(paragraph, 0, 0, SENTENCE_END)[1]]
    return opening if YEAR.search(opening[:OPENING_YEAR_WITHIN]) or YEAR_SPAN.search(opening[:OPENING_YEAR_WITHIN + 6]) else ""


def is_target(sentence_before: str, rules: Rules) -> bool:
    """True when a plan or goal word precedes the figure in its sentence (计划, 到2026年底...)."""
    return _any_cue(rules).search(sentence_before) is not None


@lru_cache(maxsize=8)
def _any_cue(rules: Rules) -> re.Pattern[str]:
    """One pattern for all target cues: it matches where any of them does."""
    return re.compile("|".join(f"(?:{cue.pattern})" for cue in rules.target_cues) or "(?!)")


# --- walking a document ------------------------------------------------------------------------


def document_sources(doc: Document, rules: Rules) -> list[Source]:
    """Lead, paragraphs, list items and captions in reading order, each with its target flag."""
    captions: dict[str | None, list[tuple[int, str]]] = {}
    for number, figure in enumerate(doc.figures, start=1):
        captions.setdefault(figure.after, []).append((number, figure.caption))
    sources = [Source("lead", doc.lead)] if doc.lead else []
    sources += [Source(f"fig{n}", c, caption=True) for n, c in captions.get(None, [])]
    target_level: int | None = None
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            level = block.level or 2
            if any(word in block.text for word in rules.target_headings):
                target_level = level
            elif target_level is not None and level <= target_level:
                target_level = None
            continue
        target = target_level is not None or (block.kind == "item" and _item_run_is_target(blocks, index, rules))
        sources.append(Source(block.id, block.text, target_section=target))
        sources += [Source(f"fig{n}", c, caption=True) for n, c in captions.get(block.id, [])]
    return sources


def _item_run_is_target(blocks: list, index: int, rules: Rules) -> bool:
    """True when any item of the list holding blocks[index] states a plan (未来五年, 到2026年底)."""
    start = index
    while start > 0 and blocks[start - 1].kind == "item":
        start -= 1
    end = index
    while end + 1 < len(blocks) and blocks[end + 1].kind == "item":
        end += 1
    return any(is_target(b.text, rules) for b in blocks[start:end + 1])


@dataclass
class _Found:
    """A record while extracting, with the words after it (to recognise a restatement)."""

    record: MetricRecord
    follows: str


def figures_in(source: Source, taxonomy: Taxonomy, rules: Rules) -> list[_Found]:
    """Every figure in one source text, read and classified."""
    text, found = source.text, []
    previous_end, previous_label = 0, ""
    for quantity in find_quantities(text, rules.grammar):
        if not_a_figure(text, quantity, rules.grammar):
            continue
        s_start, s_end = span_around(text, quantity.start, quantity.end, SENTENCE_END)
        if previous_end <= s_start:
            previous_label = ""
        label = label_after(text, quantity, rules) or label_before(text, quantity, previous_end, rules)
        label = label or previous_label  # 1家，累计14家: the total counts the same thing
        before = text[s_start: quantity.start]
        target = source.target_section or is_target(before, rules)
        metric = classify_figure(text, quantity, label, taxonomy, rules)
        record = MetricRecord(
            metric=metric,
            label=label,
            value=quantity.value,
            unit=quantity.unit,
            text=quantity.text,
            anchor=source.anchor,
            approx=quantity.approx,
            period=figure_period(before, text[s_start:s_end], text),
            kind="target" if target else "actual",
            caption=source.caption,
        )
        found.append(_Found(record, text[quantity.end: quantity.end + 6]))
        previous_end, previous_label = quantity.end, label
    return found


def classify_figure(text: str, quantity: Quantity, label: str, taxonomy: Taxonomy, rules: Rules) -> str | None:
    """The metric of a figure: its label and the nearest clause first, then wider stretches.

    The clause cut at 、 comes first, then the clause at commas, then the sentence up to the
    figure, then the rest of it.  Words a list shares (新发展司机、快递员等会员86万名) may rule a
    metric out; a short sentence continues the topic of the one before (……医疗互助参保人数达到
    68万人。全年补助2.9万人次，补助金额5600万元。), which may satisfy a metric's ``requires``.
    """
    s_start, s_end = span_around(text, quantity.start, quantity.end, SENTENCE_END)
    topic = text[s_start:s_end]
    if s_end - s_start <= ELLIPTICAL_SENTENCE:
        topic = text[span_around(text, max(s_start - 1, 0), max(s_start - 1, 0), SENTENCE_END)[0]:s_end]
    left, c_end = clause_bounds(text, quantity.start, quantity.end, CLAUSE_END)
    comma_left = max(clause_start(text, quantity.start, COMMA_END), s_start)
    shared = text[comma_left:left]
    if text.startswith(rules.trim_start, left) or find_quantities(shared, rules.grammar):
        shared = ""  # this item restarts (累计, 共) or the earlier items are figures of their own
    scopes = [(text[left:c_end], "end", shared), (text[comma_left:c_end], "end", ""),
              (text[s_start:c_end], "end", ""), (text[c_end:s_end], "start", "")]
    asked = None
    for scope in scopes:
        if scope == asked:
            continue  # a wider scope that is no wider: the same question has the same answer
        context, nearest, lead_in = asked = scope
        metric = taxonomy.classify(label, context, quantity.unit, nearest=nearest, topic=topic, lead_in=lead_in)
        if metric:
            return metric
    return None


def merge_restatements(found: list[_Found]) -> list[MetricRecord]:
    """One record per figure: a restated figure keeps its first anchor and lists the others."""
    return _merged(found, copy=True)


def _merged(found: list[_Found], copy: bool) -> list[MetricRecord]:
    """merge_restatements; without copy the kept records themselves collect also_at (when no one else holds them)."""
    kept: list[_Found] = []
    alike: dict[tuple, list[_Found]] = {}  # kept records by (metric, value, unit, kind), in order
    for item in found:
        r = item.record
        twin = next(
            (k for k in alike.get((r.metric, r.value, r.unit, r.kind), ())
             if k.record.label == r.label or (len(item.follows) >= 4 and k.follows == item.follows)),
            None,
        )
        if twin is None:
            kept.append(_Found(replace(r, also_at=list(r.also_at)) if copy else r, item.follows))
            alike.setdefault((r.metric, r.value, r.unit, r.kind), []).append(kept[-1])
        elif r.anchor != twin.record.anchor and r.anchor not in twin.record.also_at:
            twin.record.also_at.append(r.anchor)
    return [k.record for k in kept]


def extract_metrics(doc: Document, taxonomy: Taxonomy, rules: Rules | None = None) -> list[MetricRecord]:
    """Every figure of a document as MetricRecords, in reading order, restatements merged."""
    rules = rules or default_rules()
    found = [f for source in document_sources(doc, rules) for f in figures_in(source, taxonomy, rules)]
    return _merged(found, copy=False)  # the records were made just now, for this list only
