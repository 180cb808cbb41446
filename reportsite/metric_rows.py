"""Every figure of the archive as a row readers can compare: where it was printed, when, and how much.

Rows are plain records (no report objects inside), so metric pages, the CSV and JSON downloads and the
build cache all see the same small, stable data.  Conflicts are found here too: two figures for the same
metric, region, period, unit and kind, from two reports that share no value.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import marshal
import operator
import re
from dataclasses import dataclass, fields
from typing import Any, Callable

from .model import MetricRecord, pickled_by_fields
from .modelcache import ModelMemo
from .site import ReportView
from .zh import format_period

SENTENCE_END = "。！？；!?;"
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
APPROX_TOLERANCE = 0.1  # 近8万 and 79,850 tell the same story; beyond 10% apart they do not
CSV_COLUMNS = ("metric", "metric_name", "report", "report_title", "region", "period", "kind", "value", "unit",
               "approx", "label", "text", "url")


@pickled_by_fields
@dataclass(frozen=True)
class MetricRow:
    """One figure as a metric page shows it: report, region, period, value, and the phrase it quotes."""

    metric: str | None
    report: str  # slug
    report_title: str
    report_url: str
    region: str  # "" when the report names no region
    region_url: str
    period: str  # as stated: "2015", "2013–2017"; the report's period when the figure has none
    label: str
    value: float | int
    unit: str
    approx: str | None
    kind: str  # actual | target
    text: str
    link: str  # the exact place: "reports/linan-2015/#p3" (site-root relative)
    also: tuple[str, ...] = ()  # further places in the same report printing the same figure
    caption: bool = False
    sentence: tuple[str, str, str] = ("", "", "")  # text before the phrase, the phrase, text after (unclassified rows)
    order: int = 0  # position of the record in its report
    conflict: bool = False

    @property
    def period_label(self) -> str:
        """The period as readers read it: 2015年, 2013—2017年."""
        return period_label(self.period)

    def __hash__(self) -> int:
        # Rows key the fragments of metric pages a preview keeps (modelcache.FRAGMENTS): hashed once each.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(_ROW_VALUES(self))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__
        if "_hash" in state:  # str hashes differ between processes
            state = state.copy()
            del state["_hash"]
        return state


_ROW_VALUES = operator.attrgetter(*(f.name for f in fields(MetricRow)))  # every field, in order: a plain tuple
assert fields(MetricRow)[-1].name == "conflict"  # _with_conflict gives it by position


def rows_digest(rows: list[MetricRow], values: Callable[[MetricRow], tuple[Any, ...]] = _ROW_VALUES) -> str:
    """A digest of rows that changes whenever any of their ``values`` (by default every field) does.

    The values as plain tuples in marshal's format 2, twice as quick as their reprs.  Format 2 writes
    equal values alike whether or not they are one object (later formats refer back to an object seen
    before), so equal rows always give the same digest.
    """
    return hashlib.sha256(marshal.dumps(list(map(values, rows)), 2)).hexdigest()[:32]


@dataclass(frozen=True)
class Conflict:
    """Figures that should agree but do not: same metric, region, period, unit and kind."""

    region: str
    period: str
    unit: str
    kind: str
    rows: tuple[MetricRow, ...]

    @property
    def period_label(self) -> str:
        """The period as readers read it."""
        return self.rows[0].period_label


@functools.lru_cache(maxsize=4096)
def period_span(period: str | None) -> tuple[int, int] | None:
    """The first and last year named in a period string: '2013–2017' -> (2013, 2017)."""
    years = [int(y) for y in YEAR.findall(period or "")]
    return (min(years), max(years)) if years else None


@functools.lru_cache(maxsize=4096)
def period_label(period: str) -> str:
    """A period string as readers read it (an archive has few distinct ones: cached)."""
    span = period_span(period)
    return format_period(*span) if span else period


_MARK = re.compile(f"[{re.escape(SENTENCE_END)}]")
_UP_TO_LAST_MARK = re.compile(f".*[{re.escape(SENTENCE_END)}]", re.S)  # greedy: backs off to the last mark


def sentence_around(text: str, phrase: str) -> str:
    """The sentence of ``text`` that holds ``phrase`` (the whole text when the phrase is not in it): from
    the last sentence mark before the phrase to the first one after it, that mark included."""
    at = text.find(phrase)
    if at < 0 or not phrase:
        return text.strip()
    before = _UP_TO_LAST_MARK.match(text, 0, at)
    after = _MARK.search(text, at + len(phrase))
    return text[before.end() if before else 0 : after.end() if after else len(text)].strip()


def split_on_phrase(sentence: str, phrase: str) -> tuple[str, str, str]:
    """(before, phrase, after) so a template can mark the phrase while escaping all three."""
    at = sentence.find(phrase) if phrase else -1
    if at < 0:
        return (sentence, "", "")
    return (sentence[:at], phrase, sentence[at + len(phrase):])


def anchor_texts(view: ReportView) -> dict[str, str]:
    """Text of every place a figure can point at: paragraphs by id, the lead, photo captions."""
    texts = {block.id: block.text for block in view.blocks if block.id}
    if view.report.lead:
        texts["lead"] = view.report.lead
    for number, figure in enumerate(view.report.figures, start=1):
        texts[f"fig{number}"] = figure.caption
    return texts


def place_link(view: ReportView, anchor: str, known: dict[str, str]) -> str:
    """Link to the paragraph of a report; to the report itself when the anchor is not on its page."""
    return f"{view.url}#{anchor}" if anchor in known else view.url


def report_rows(view: ReportView, known: frozenset[str] | None = None) -> list[MetricRow]:
    """The rows of one report's figures, in the order the report lists them.

    Only figures no metric of ``known`` (the taxonomy's ids) claims are listed with their sentence (the
    page of unclassified figures quotes it); the others leave it empty, so a row changes only with what
    a metric page shows of it, and 300,000 rows at 10,000 reports do not each hold a copy of a sentence.
    """
    report, texts = view.report, anchor_texts(view)
    region = report.region.name if report.region else ""
    region_url = view.region_page.url if view.region_page else ""
    default_period = report.period.label if report.period else ""
    return [_row(view, record, index, texts, region, region_url, default_period,
                 known is None or record.metric is None or record.metric not in known)
            for index, record in enumerate(report.metrics)]


_NO_SENTENCE = ("", "", "")


def _row(view: ReportView, record: MetricRecord, index: int, texts: dict[str, str], region: str,
         region_url: str, default_period: str, quoted: bool = True) -> MetricRow:
    """One record as a row (``quoted``: with the sentence around the figure)."""
    sentence = _NO_SENTENCE
    if quoted:
        sentence = split_on_phrase(sentence_around(texts.get(record.anchor, ""), record.text), record.text)
    return MetricRow(
        metric=record.metric, report=view.report.slug, report_title=view.report.title, report_url=view.url,
        region=region, region_url=region_url, period=record.period or default_period, label=record.label,
        value=record.value, unit=record.unit, approx=record.approx, kind=record.kind, text=record.text,
        link=place_link(view, record.anchor, texts),
        also=tuple(place_link(view, a, texts) for a in record.also_at if a != record.anchor),
        caption=record.caption, sentence=sentence, order=index,
    )


def row_sort_key(row: MetricRow) -> tuple[Any, ...]:
    """Oldest period first, then region and report, then the report's own order: stable tables."""
    span = period_span(row.period) or (9999, 9999)
    return (span, row.region, row.report, row.order)


def values_agree(a: MetricRow, b: MetricRow) -> bool:
    """Equal values agree; an approximate value agrees with anything within the tolerance."""
    if a.value == b.value:
        return True
    if a.approx or b.approx:
        largest = max(abs(a.value), abs(b.value))
        return abs(a.value - b.value) <= APPROX_TOLERANCE * largest
    return False


def _disagree(mine: list[MetricRow], theirs: list[MetricRow]) -> bool:
    """Two reports' figures for one measure disagree when no value of one matches a value of the other.

    A report often states a total and its parts under one metric, so single pairs prove nothing;
    but two reports that share no value at all for the same place and time tell different stories.
    """
    return not any(values_agree(a, b) for a in mine for b in theirs)


# What decides whether rows conflict, and in which order a conflict lists them (row_sort_key).
_CONFLICT_FACTS = operator.attrgetter("report", "order", "metric", "region", "period", "unit", "kind", "value", "approx")


def find_conflicts(rows: list[MetricRow], memo: ModelMemo | None = None) -> list[Conflict]:
    """Rows of different reports for one region, period, unit and kind that disagree (restatements agree).

    ``memo``: where a long-running build keeps which rows conflict, by a digest of what decides it, so a
    metric's pages made again after an edit that leaves those facts alone (a new title, a reworded
    sentence) find the conflicts at once and only put the current rows in them.
    """
    if memo is None or not memo.keep_fragments:
        return _find_conflicts(rows)
    places = memo.fragment("conflicts", rows_digest(rows, _CONFLICT_FACTS),
                           lambda: [tuple((r.report, r.order) for r in conflict.rows) for conflict in _find_conflicts(rows)])
    by_place = {(row.report, row.order): row for row in rows}
    return [_conflict(tuple(by_place[place] for place in members)) for members in places]


def _conflict(members: tuple[MetricRow, ...]) -> Conflict:
    """The conflict of these rows (in table order)."""
    first = members[0]
    return Conflict(first.region, first.period, first.unit, first.kind, members)


def _find_conflicts(rows: list[MetricRow]) -> list[Conflict]:
    """find_conflicts, worked out."""
    groups: dict[tuple[Any, ...], dict[str, list[MetricRow]]] = {}
    for row in rows:
        span = period_span(row.period)
        if row.region and span:
            key = (row.metric or "", row.region, span, row.unit, row.kind)
            groups.setdefault(key, {}).setdefault(row.report, []).append(row)
    conflicts = []
    for _key, by_report in sorted(groups.items(), key=lambda kv: kv[0]):
        clashing = [slug for slug, mine in by_report.items()
                    if any(_disagree(mine, theirs) for other, theirs in by_report.items() if other != slug)]
        if clashing:
            conflicts.append(_conflict(tuple(sorted((r for slug in clashing for r in by_report[slug]), key=row_sort_key))))
    return conflicts


def mark_conflicts(rows: list[MetricRow], conflicts: list[Conflict], memo: ModelMemo | None = None) -> list[MetricRow]:
    """The rows with ``conflict`` set on those that take part in a conflict (and only on those).

    ``memo``: where a long-running build keeps the marked copy of each row, so a metric's pages made
    again after an edit hold the same row objects as before, whose fragments are found at once.
    """
    clashing = {(r.report, r.order) for c in conflicts for r in c.rows}

    def flipped(row: MetricRow) -> MetricRow:
        if memo is None:
            return _with_conflict(row, not row.conflict)
        return memo.fragment("conflict-rows", row, lambda: _with_conflict(row, not row.conflict))

    return [r if r.conflict == ((r.report, r.order) in clashing) else flipped(r) for r in rows]


def _with_conflict(row: MetricRow, conflict: bool) -> MetricRow:
    """``replace(row, conflict=conflict)`` in half the time (by position: conflict is the last field)."""
    return MetricRow(*_ROW_VALUES(row)[:-1], conflict)  # type: ignore[arg-type]


def _plain_number(value: float | int) -> int | float:
    """25800.0 -> 25800, so downloads do not print a spurious '.0'."""
    return int(value) if float(value).is_integer() else value


def row_data(row: MetricRow, metric_name: str) -> dict[str, Any]:
    """A row as a flat mapping, keys in CSV column order."""
    return {
        "metric": row.metric or "", "metric_name": metric_name, "report": row.report,
        "report_title": row.report_title, "region": row.region, "period": row.period, "kind": row.kind,
        "value": _plain_number(row.value), "unit": row.unit, "approx": row.approx or "", "label": row.label,
        "text": row.text, "url": row.link,
    }


def rows_csv(rows: list[MetricRow], metric_name: str, memo: ModelMemo | None = None) -> str:
    """CSV with a header, starting with a BOM so Excel reads the Chinese text as UTF-8 (``memo``: where a
    long-running build keeps each row's line)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    if memo is None or not memo.keep_fragments:  # nothing kept: one writer writes every line
        writer.writerows(row_data(row, metric_name).values() for row in rows)
    else:
        for row in rows:
            buffer.write(_line(memo, "csv", row, metric_name, _csv_line))
    return "\ufeff" + buffer.getvalue()


def _line(memo: ModelMemo | None, kind: str, row: MetricRow, metric_name: str,
          make: Callable[[MetricRow, str], str]) -> str:
    """One row's line of a download, from the memo's fragments when it keeps them."""
    if memo is None:
        return make(row, metric_name)
    return memo.fragment("metric-row-lines", (kind, row, metric_name), lambda: make(row, metric_name))


def _csv_line(row: MetricRow, metric_name: str) -> str:
    """One row as a CSV line."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(row_data(row, metric_name).values())
    return buffer.getvalue()


# json.dumps with an option makes a new encoder at every call: one for all the lines, a third quicker.
_encode_json = json.JSONEncoder(ensure_ascii=False).encode


def _json_line(row: MetricRow, metric_name: str) -> str:
    """One row as a line of the JSON download."""
    return _encode_json({**row_data(row, metric_name), "approx": row.approx, "also": list(row.also),
                         "caption": row.caption, "conflict": row.conflict})


def rows_json(rows: list[MetricRow], metric: dict[str, Any], memo: ModelMemo | None = None) -> str:
    """JSON of the metric's definition and its rows (readable Chinese, stable key order)."""
    # One row per line: readable and diff-friendly, and fast (indent= makes json use its pure-Python encoder).
    lines = [_line(memo, "json", r, metric["name"], _json_line) for r in rows]
    head = json.dumps(metric, ensure_ascii=False)
    return '{"metric": ' + head + ',\n"rows": [\n' + ",\n".join(lines) + "\n]}\n"
