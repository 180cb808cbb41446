"""Per-metric summary pages: one page per measure to compare it across districts and years.

``metric_pages`` adds to the site model: a page per metric that has figures (table, chart, conflicts,
related metrics, CSV and JSON downloads), the metrics index grouped by category, and the page of
figures no metric claims, so an editor sees which aliases the taxonomy still lacks.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from .charts import Bar, bar_chart
from .metric_rows import (MetricRow, find_conflicts, mark_conflicts, period_span, report_rows, row_sort_key, rows_csv,
                          rows_digest, rows_json)
from .modelcache import ModelMemo, digest
from .model import pickled_by_fields
from .site import Page, ReportView
from .slugs import ascii_slug
from .taxonomy import Metric, Taxonomy, load_taxonomy
from .zh import format_number, format_period, format_value

INDEX_URL = "metrics/"
UNCLASSIFIED_URL = "metrics/unclassified/"  # the same address report pages link unclassified figures to
MAX_COOCCURRING = 6  # beyond this, "often reported together" stops meaning much
KIND_NAMES = {"actual": "实际", "target": "目标"}
# A metric with more figures than this lists them on a page per region, its own page a table of the
# regions: a table of 25,000 figures (an archive of 10,000 reports) is a 16 MB page no phone opens.
TABLE_MAX_ROWS = 400
NO_REGION = "no-region"  # the address part of the figures of reports that name no region
TALLY = "metric-tally"  # the memo table holding the MetricTally of the last build


@dataclass(frozen=True)
class RelatedMetric:
    """A metric worth visiting from another: same category, or stated in the same reports."""

    id: str
    name: str
    url: str
    same_category: bool
    shared_reports: int  # reports stating both metrics


@dataclass(frozen=True)
class Chart:
    """One chart of a metric page: the figures of one unit (家 and 个 do not share a scale)."""

    unit: str
    svg: str
    latest_only: bool = False  # the chart shows each region's latest figure, not every figure


@dataclass(frozen=True)
class RegionPart:
    """A metric's figures in one region, as the metric page's table of regions lists them."""

    region: str  # "" when the reports name no region
    url: str  # the page listing these figures: metrics/<id>/<region>/
    region_url: str  # the region's own page ("" when there is none)
    figures: int
    reports: int
    period: str  # the years the figures span, as readers read them
    latest: str  # the latest actual figure (the latest target when there is none), with its period
    conflicts: int


@dataclass(frozen=True)
class UnclassifiedPart:
    """The unclassified figures of one region, as the table of regions lists them."""

    region: str  # "" when the reports name no region
    url: str  # the page listing these figures: metrics/unclassified/<region>/
    region_url: str  # the region's own page ("" when there is none)
    figures: int
    reports: int


@dataclass
class MetricSummary:
    """A metric as the index lists it: name, link (when it has figures) and counts."""

    metric: Metric
    url: str | None
    figures: int
    reports: int


@dataclass
class CategoryGroup:
    """A category of the index with its metrics in taxonomy order."""

    name: str
    anchor: str
    metrics: list[MetricSummary] = field(default_factory=list)

    @property
    def figures(self) -> int:
        """Figures of all metrics in the category."""
        return sum(m.figures for m in self.metrics)


@dataclass
class ReportFigures:
    """The unclassified figures of one report, for the editors' page."""

    title: str
    url: str
    rows: list[MetricRow]


def metric_url(metric_id: str) -> str:
    """URL of a metric page."""
    return f"metrics/{metric_id}/"


@functools.lru_cache(maxsize=4096)  # an archive has a few hundred regions; every build asks for each report's
def region_segment(region_page_url: str) -> str:
    """The address part of a region within a metric: its region page's (regions/linan/ -> linan)."""
    return region_page_url.rstrip("/").rsplit("/", 1)[-1] or NO_REGION


def split_by_region(rows: list[MetricRow]) -> dict[str, list[MetricRow]]:
    """Rows by region_segment, in table order; regions by name, the rows without a region last."""
    parts: dict[str, list[MetricRow]] = {}
    for row in sorted(rows, key=lambda r: (not r.region, r.region)):  # a stable sort keeps table order inside
        parts.setdefault(region_segment(row.region_url), []).append(row)
    return parts


def region_part(url: str, rows: list[MetricRow], conflicts: int) -> RegionPart:
    """The line of the table of regions for one region's rows (table order)."""
    spans = [span for span in map(period_span, (row.period for row in rows)) if span]
    period = format_period(min(s[0] for s in spans), max(s[1] for s in spans)) if spans else ""
    actual = [row for row in rows if row.kind == "actual"] or rows
    dated = [row for row in actual if period_span(row.period)]
    latest = max(dated, key=lambda row: period_span(row.period)[1]) if dated else actual[-1]  # type: ignore[index]
    shown = format_value(latest.value, latest.unit, latest.approx)
    return RegionPart(rows[0].region, url, rows[0].region_url, len(rows), len({row.report for row in rows}), period,
                      f"{shown}（{latest.period_label}）" if latest.period_label else shown, conflicts)


def category_anchor(category: str) -> str:
    """An ASCII fragment id for a category heading (组织建设 -> zu-zhi-jian-she)."""
    return ascii_slug(category, max_words=12) or "category"


def report_sets(grouped: dict[str, list[MetricRow]]) -> dict[str, set[str]]:
    """The reports stating each metric."""
    return {metric_id: {row.report for row in rows} for metric_id, rows in grouped.items()}


def related_metrics(metric: Metric, grouped: dict[str, Any], taxonomy: Taxonomy,
                    reports_of: dict[str, set[str]] | None = None) -> list[RelatedMetric]:
    """Metrics with pages (the keys of ``grouped``) in the same category, then those most often stated in the
    same reports (``reports_of``; from ``grouped``'s rows when not given)."""
    reports_of = reports_of if reports_of is not None else report_sets(grouped)
    mine = reports_of.get(metric.id, set())
    shared = {other: len(mine & reports) for other, reports in reports_of.items()}
    same = [m for m in taxonomy.metrics if m.id in grouped and m.id != metric.id and m.category == metric.category]
    others = [m for m in taxonomy.metrics if m.id in grouped and m.category != metric.category and shared[m.id]]
    position = {m.id: i for i, m in enumerate(taxonomy.metrics)}
    others = sorted(others, key=lambda m: (-shared[m.id], position[m.id]))[:MAX_COOCCURRING]
    return [RelatedMetric(m.id, m.name, metric_url(m.id), m.category == metric.category, shared[m.id])
            for m in same + others]


def chart_bar(row: MetricRow) -> Bar:
    """A row as a chart bar labelled by region and period."""
    return Bar(
        label=f"{row.region or '未注明地区'} {row.period_label}".strip(),
        detail=row.label,
        value=float(row.value),
        value_text=format_value(row.value, row.unit, row.approx),
        target=row.kind == "target",
        approx=bool(row.approx),
    )


CHART_MAX_BARS = 40  # beyond this many figures a chart shows each region's latest figure (the table lists all)


def chart_rows(rows: list[MetricRow]) -> tuple[list[MetricRow], bool]:
    """The rows a chart shows, and whether they were reduced to the latest figure of each region.

    Up to CHART_MAX_BARS figures are all charted.  An archive of hundreds of reports would draw a chart
    nobody can read, so then each region keeps its latest figure (actual figures before targets); when
    even the regions are too many, the largest values stay.  Rows come in table order (oldest first).
    """
    if len(rows) <= CHART_MAX_BARS:
        return rows, False
    latest: dict[str, MetricRow] = {}
    for row in rows:  # oldest first, so a later figure replaces an earlier one
        kept = latest.get(row.region)
        if kept is None or not (kept.kind == "actual" and row.kind != "actual"):
            latest[row.region] = row
    chosen = list(latest.values())
    if len(chosen) > CHART_MAX_BARS:
        chosen = sorted(chosen, key=lambda r: (-float(r.value), r.region))[:CHART_MAX_BARS]
    return sorted(chosen, key=row_sort_key), True


def metric_charts(metric: Metric, rows: list[MetricRow]) -> list[Chart]:
    """One bar chart per unit, the most used unit first."""
    units = Counter(row.unit for row in rows)
    charts = []
    for number, (unit, count) in enumerate(sorted(units.items(), key=lambda kv: (-kv[1], kv[0])), start=1):
        shown, reduced = chart_rows([row for row in rows if row.unit == unit])
        bars = [chart_bar(row) for row in shown]
        largest = max(bar.value for bar in bars)
        if reduced:
            title = f"{metric.name}：各地最新数值（单位：{unit}）"
            description = (f"横向柱形图，共{count}个数值，图中为{len(bars)}个地区各自最新的数值，最大为"
                           f"{format_number(largest)}{unit}；实心柱为实际数值，虚线框为目标，浅色为约数。"
                           "下方表格列出全部数值与原文出处。")
        else:
            title = f"{metric.name}：各地各时期数值（单位：{unit}）"
            description = (f"横向柱形图，共{count}个数值，最大为{format_number(largest)}{unit}；"
                           "实心柱为实际数值，虚线框为目标，浅色为约数。下方表格列出全部数值与原文出处。")
        charts.append(Chart(unit, bar_chart(bars, title, description, f"chart-{number}"), reduced))
    return charts


def metric_definition(metric: Metric) -> dict[str, str]:
    """The metric's taxonomy entry as the JSON download states it."""
    return {"id": metric.id, "name": metric.name, "unit": metric.unit, "category": metric.category,
            "description": metric.description}


def metric_page_set(metric: Metric, rows: list[MetricRow], grouped: dict[str, Any],
                    taxonomy: Taxonomy, reports_of: dict[str, set[str]] | None = None,
                    related: list[RelatedMetric] | None = None, keys: dict[str, str] | None = None,
                    anchors: dict[str, str] | None = None, memo: ModelMemo | None = None) -> list[Page]:
    """The HTML page and the CSV and JSON downloads of one metric, and, when it has more than
    TABLE_MAX_ROWS figures, a page per region listing that region's (``keys``: each page's digest of
    all it shows, by URL, if known; ``memo``: where a long-running build keeps each row's lines)."""
    conflicts = find_conflicts(rows, memo)
    rows = mark_conflicts(rows, conflicts, memo)
    url = metric_url(metric.id)
    reports = sorted({row.report for row in rows})
    keys = keys or {}
    category_url = f"{INDEX_URL}#{(anchors or {}).get(metric.category) or category_anchor(metric.category)}"
    context = {
        "metric": metric,
        "category_url": category_url,
        "rows": rows,
        "figure_count": len(rows),
        "conflicts": conflicts,
        "charts": metric_charts(metric, rows),
        "related": related if related is not None else related_metrics(metric, grouped, taxonomy, reports_of),
        "report_count": len(reports),
        "regions": sorted({row.region for row in rows if row.region}),
        "csv_url": url + "data.csv",
        "json_url": url + "data.json",
        "kind_names": KIND_NAMES,
        "parts": [],
    }
    deps = tuple(reports)
    region_pages = []
    if len(rows) > TABLE_MAX_ROWS:
        by_region: dict[str, list[Any]] = {}
        for conflict in conflicts:
            by_region.setdefault(conflict.region, []).append(conflict)
        parts = []
        for segment, mine in split_by_region(rows).items():
            part_url = f"{url}{segment}/"
            part = region_part(part_url, mine, len(by_region.get(mine[0].region, [])) if mine[0].region else 0)
            parts.append(part)
            part_context = {**context, "rows": mine, "figure_count": len(mine), "part": part, "metric_url": url,
                            "conflicts": by_region.get(part.region, []) if part.region else [],
                            "report_count": part.reports}
            for name in ("charts", "related", "regions", "parts"):
                del part_context[name]
            title = f"{metric.name}：{part.region or '未注明地区'}"
            region_pages.append(Page(part_url, "metric_region.html", title, part_context,
                                     deps=tuple(sorted({row.report for row in mine})), key=keys.get(part_url)))
        context.update(rows=[], parts=parts)
    key = keys.get(url)
    return [
        Page(url, "metric.html", metric.name, context, deps=deps, key=key),
        Page(url + "data.csv", "", f"{metric.name} CSV", raw=rows_csv(rows, metric.name, memo), deps=deps, key=key),
        Page(url + "data.json", "", f"{metric.name} JSON", raw=rows_json(rows, metric_definition(metric), memo),
             deps=deps, key=key),
        *region_pages,
    ]


def category_groups(taxonomy: Taxonomy, counts: dict[str, int], reports_of: dict[str, set[str]],
                    anchors: dict[str, str] | None = None) -> list[CategoryGroup]:
    """The index: every metric of the taxonomy under its category, with figure and report counts."""
    groups = []
    for category, metrics in taxonomy.by_category().items():
        if not metrics:
            continue
        group = CategoryGroup(category, (anchors or {}).get(category) or category_anchor(category))
        for metric in metrics:
            figures = counts.get(metric.id, 0)
            group.metrics.append(MetricSummary(metric, metric_url(metric.id) if figures else None, figures,
                                               len(reports_of.get(metric.id, ()))))
        groups.append(group)
    return groups


def unclassified_by_report(rows: list[MetricRow], views: list[ReportView]) -> list[ReportFigures]:
    """Unclassified rows grouped by report, reports in listing order, figures in report order."""
    by_report: dict[str, list[MetricRow]] = {}
    for row in rows:
        by_report.setdefault(row.report, []).append(row)
    groups = []
    for view in views:
        mine = sorted(by_report.get(view.report.slug, []), key=lambda row: row.order)
        if mine:
            groups.append(ReportFigures(view.report.title, view.url, mine))
    return groups


@pickled_by_fields
@dataclass(frozen=True)
class RowSummary:
    """What every build needs of one report's rows: per metric id, a digest of its rows and how many there are."""

    # (slug, file digest, page address, region page address, digest of the taxonomy's ids): what the rows are made from
    key: tuple[str, ...]
    metrics: dict[str | None, tuple[str, int]]  # metric id (None: no id) -> (digest of its rows, number of rows)


def _report_rows(view: ReportView, memo: ModelMemo, known: frozenset[str],
                 known_key: str) -> tuple[RowSummary, list[MetricRow]]:
    """A report's row summary and its rows that no taxonomy metric may claim (no id): both small, read every build.

    The rows themselves are made (or read from the memo) only when a metric page has to be made.  They
    depend on the taxonomy's ids (``known``, digested as ``known_key``: which rows quote their sentence).
    """
    key = (view.report.slug, view.source, view.url, view.region_page.url if view.region_page else "", known_key)

    def summary() -> tuple[RowSummary, list[MetricRow]]:
        # One report's rows are quick to make; reading every report's rows only to store these is not.
        stored = memo.on_disk("rows") and not memo.is_read("rows")
        grouped = _group(report_rows(view, known)) if stored else _grouped_rows(view, key, memo, known)
        metrics = {metric: (rows_digest(rows), len(rows)) for metric, rows in grouped.items()}
        return RowSummary(key, metrics), grouped.get(None, [])

    return memo.get("row-digests", key, summary)


def _grouped_rows(view: ReportView, key: tuple[str, ...], memo: ModelMemo,
                  known: frozenset[str]) -> dict[str | None, list[MetricRow]]:
    """A report's rows by metric id, in the order the report lists them (``key``: _report_rows', which holds a
    digest of ``known``, the taxonomy's ids)."""
    return memo.get("rows", key, lambda: _group(report_rows(view, known)))


def _group(rows: list[MetricRow]) -> dict[str | None, list[MetricRow]]:
    """Rows by metric id, in their order."""
    grouped: dict[str | None, list[MetricRow]] = {}
    for row in rows:
        grouped.setdefault(row.metric, []).append(row)
    return grouped


@dataclass(frozen=True)
class MetricTotals:
    """What the pages of one metric are made from, besides its rows: made again only when its reports' rows change."""

    count: int  # figures
    reports: frozenset[str]  # slugs of the reports stating it
    deps: tuple[str, ...]  # the same, sorted
    reports_key: str  # digest of deps: what related metrics are chosen from
    rows_sum: int  # the sum of the _entry_hash of every (slug, digest of the report's rows of this metric)
    parts: dict[str, tuple[int, tuple[str, ...]]]  # region address part -> (its rows' sum, its reports), when split

    @property
    def rows_key(self) -> str:
        """A key of every report's rows of this metric."""
        return f"{self.rows_sum:064x}"


# The rows of a set of reports are keyed by the sum of their entries' 256-bit hashes modulo 2 ** 256: one
# changed digest moves the sum without the others, and the order of the entries does not matter.
_SUM_MODULUS = 1 << 256


def _entry_hash(slug: str, rows: str) -> int:
    """One (slug, digest of rows) entry's share of a sum of rows."""
    return int.from_bytes(hashlib.blake2b(f"{slug}\0{rows}".encode("utf-8"), digest_size=32).digest(), "little")


Entry = tuple[str, int, str]  # a report's entry for one metric: (digest of its rows, how many, region address part)


@dataclass
class MetricTally:
    """Which reports state each metric and the digests of their rows, kept between builds and updated
    report by report: an edit recounts the metrics of the edited report, not the archive's."""

    known: frozenset[str]  # the taxonomy's metric ids
    summaries: dict[str, RowSummary] = field(default_factory=dict)  # slug -> the summary counted
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)  # metric -> slug -> its entry
    totals: dict[str, MetricTotals] = field(default_factory=dict)  # metrics with figures
    figure_count: int = 0  # figures of every report, classified or not

    def update(self, current: list[RowSummary]) -> None:
        """Count the reports whose summaries changed (and forget the reports gone) since the last update."""
        before: dict[str, dict[str, Entry | None]] = {}  # metric -> slug -> its entry before this update
        live = set()
        for summary in current:
            slug = summary.key[0]
            live.add(slug)
            old = self.summaries.get(slug)
            if old is None or old.key != summary.key:
                self._count(old, -1, before)
                self._count(summary, 1, before)
                self.summaries[slug] = summary
        for slug in [slug for slug in self.summaries if slug not in live]:
            self._count(self.summaries.pop(slug), -1, before)
        for metric_id, changed in before.items():
            found = self.entries.get(metric_id)
            if found:
                self.totals[metric_id] = _totals_after(self.totals.get(metric_id), found, changed)
            else:
                self.entries.pop(metric_id, None)
                self.totals.pop(metric_id, None)

    def _count(self, summary: RowSummary | None, sign: int, before: dict[str, dict[str, Entry | None]]) -> None:
        """Add (sign 1) or take away (-1) one report's entries, noting what each entry was before."""
        if summary is None:
            return
        slug, part = summary.key[0], region_segment(summary.key[3])
        for metric_id, (rows_digest_, count) in summary.metrics.items():
            self.figure_count += sign * count
            if metric_id in self.known:
                found = self.entries.setdefault(metric_id, {})
                was = before.setdefault(metric_id, {})
                if slug not in was:
                    was[slug] = found.get(slug)
                if sign > 0:
                    found[slug] = (rows_digest_, count, part)
                else:
                    found.pop(slug, None)


def _totals(found: dict[str, Entry]) -> MetricTotals:
    """A metric's totals from its entries (slug -> entry)."""
    deps = tuple(sorted(found))
    count = sum(entry[1] for entry in found.values())
    hashes = {slug: _entry_hash(slug, entry[0]) for slug, entry in found.items()}
    parts: dict[str, tuple[int, tuple[str, ...]]] = {}
    if count > TABLE_MAX_ROWS:  # a page per region, each keyed by its own reports' rows
        by_part: dict[str, list[str]] = {}
        for slug in deps:
            by_part.setdefault(found[slug][2], []).append(slug)
        parts = {part: (sum(map(hashes.__getitem__, slugs)) % _SUM_MODULUS, tuple(slugs)) for part, slugs in by_part.items()}
    return MetricTotals(count, frozenset(deps), deps, digest(deps), sum(hashes.values()) % _SUM_MODULUS, parts)


def _totals_after(old: MetricTotals | None, found: dict[str, Entry], changed: dict[str, Entry | None]) -> MetricTotals:
    """A metric's totals after the entries of ``changed`` (slug -> entry before) became those of ``found``.

    When the same reports state it, each in the same region part, only the rows' count and sums move
    (a few additions, however many reports state the metric); otherwise the totals are made afresh.
    """
    if old is None or any(was is None or slug not in found or found[slug][2] != was[2] for slug, was in changed.items()):
        return _totals(found)
    count = old.count + sum(found[slug][1] - was[1] for slug, was in changed.items())  # type: ignore[index]
    if (count > TABLE_MAX_ROWS) != bool(old.parts):
        return _totals(found)  # the metric's pages split by region, or join again
    total, parts = old.rows_sum, dict(old.parts)
    for slug, was in changed.items():
        assert was is not None
        delta = _entry_hash(slug, found[slug][0]) - _entry_hash(slug, was[0])
        total += delta
        if parts:
            part_sum, slugs = parts[was[2]]
            parts[was[2]] = ((part_sum + delta) % _SUM_MODULUS, slugs)
    return MetricTotals(count, old.reports, old.deps, old.reports_key, total % _SUM_MODULUS, parts)


def metric_pages(views: list[ReportView], taxonomy: Taxonomy | None, memo: ModelMemo | None = None) -> list[Page]:
    """Metric pages with their downloads, the metrics index and the unclassified figures page.

    A metric's pages are made again only when the rows of one of its reports, its definition or its
    related metrics changed (``memo``); otherwise the pages and their keys from the last build are reused.
    Which reports state which metric is kept in a ``MetricTally`` that an edit updates for the edited
    reports only.
    """
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()  # callers without one get the shipped taxonomy
    memo = memo if memo is not None else ModelMemo()
    known = frozenset(m.id for m in taxonomy.metrics)
    known_key = digest(tuple(sorted(known)))
    summaries: list[RowSummary] = []
    loose: list[MetricRow] = []
    views_of: dict[str, ReportView] = {}
    summary_of: dict[str, RowSummary] = {}
    unknown: list[MetricRow] = []  # rows of ids the taxonomy does not know: listed as unclassified
    for view in views:
        summary, no_id = _report_rows(view, memo, known, known_key)
        summaries.append(summary)
        views_of[summary.key[0]] = view
        summary_of[summary.key[0]] = summary
        loose.extend(no_id)
        for metric_id in summary.metrics:
            if metric_id is not None and metric_id not in known:
                unknown.extend(_grouped_rows(view, summary.key, memo, known)[metric_id])
    loose.extend(unknown)
    tally = memo.table(TALLY).get("last")
    if not isinstance(tally, MetricTally) or tally.known != known:
        tally = MetricTally(known)
    tally.update(summaries)
    memo.put(TALLY, "last", tally)
    totals = tally.totals
    counts = {m.id: totals[m.id].count for m in taxonomy.metrics if m.id in totals}  # in taxonomy order
    reports_of = {m: totals[m].reports for m in counts}
    categories = tuple(taxonomy.by_category())  # their anchors come from pinyin, slow to load: kept
    anchors = memo.get("category-anchors", categories, lambda: {c: category_anchor(c) for c in categories})

    def rows_of(metric_id: str) -> list[MetricRow]:
        """Every row of one metric (made or read only for a metric page that has to be made)."""
        return [row for slug in totals[metric_id].deps
                for row in _grouped_rows(views_of[slug], summary_of[slug].key, memo, known)[metric_id]]

    index_context = {
        "categories": category_groups(taxonomy, counts, reports_of, anchors),
        "figure_count": tally.figure_count,
        "metric_count": len(counts),
        "unclassified_count": len(loose),
        "unclassified_url": UNCLASSIFIED_URL,
    }
    pages = [Page(INDEX_URL, "metrics_index.html", "数据指标", index_context, deps=("*",))]
    # Which reports state which metric changes seldom (an edit of a title or a sentence leaves it): the
    # related metrics of every metric, a comparison of each with each, are made again only when it does.
    all_related = memo.get("related-metrics", digest(tuple((m, totals[m].reports_key) for m in counts)),
                           lambda: {m: related_metrics(taxonomy.get(m), counts, taxonomy, reports_of) for m in counts})
    for metric_id in counts:
        metric = taxonomy.get(metric_id)
        assert metric is not None  # only taxonomy ids are counted
        related = all_related[metric_id]
        mine = totals[metric_id]
        url = metric_url(metric_id)
        keys = {url: digest(metric, related, mine.rows_key)}
        keys.update({f"{url}{part}/": digest(metric, anchors.get(metric.category), f"{url}{part}/", part_sum)
                     for part, (part_sum, _slugs) in mine.parts.items()})

        def make(metric: Metric = metric, related: list[RelatedMetric] = related, keys: dict[str, str] = keys
                 ) -> dict[str, Page]:
            def compute() -> dict[str, Page]:
                rows = sorted(rows_of(metric.id), key=row_sort_key)
                made = metric_page_set(metric, rows, counts, taxonomy, reports_of, related, keys, anchors, memo)
                return {page.url: page for page in made}
            return memo.get("metric-pages", keys[metric_url(metric.id)], compute)

        pages += lazy_page_set(metric, keys, mine.deps,
                               {f"{url}{part}/": slugs for part, (_part_sum, slugs) in mine.parts.items()}, make)
    # Unclassified figures are a handful of every report's rows: their pages are made again only when one
    # of those rows (or the listing order) changed, not at every edit.
    shown = unclassified_shown(summaries, known)
    pages += memo.get("unclassified-pages", digest(tuple(shown), known_key),
                      lambda: unclassified_page(loose, views, shown, known))
    return pages


class CanonicalRows:
    """The building process's own copy of each metric row, for keys a render worker sent back.

    A fragment keyed by the very row object the next build looks it up with is found by identity;
    keyed by an equal copy (unpickled from a worker), every lookup compares all the row's fields.
    """

    def __init__(self, memo: ModelMemo) -> None:
        self._memo = memo
        self._rows: dict[MetricRow, MetricRow] | None = None

    def key(self, key: Any) -> Any:
        """The key (a row, or a tuple holding rows) with each row replaced by the building process's own
        equal row: the memo's, or the first equal one sent back (a row marked as conflicting)."""
        if isinstance(key, MetricRow):
            return self._own(key)
        if not isinstance(key, tuple):
            return key
        return tuple(self._own(part) if isinstance(part, MetricRow) else part for part in key)

    def value(self, value: Any) -> Any:
        """A fragment's value, likewise (the conflict-marked copy of a row is a row)."""
        return self._own(value) if isinstance(value, MetricRow) else value

    def _own(self, row: MetricRow) -> MetricRow:
        if self._rows is None:
            self._rows = {row: row for grouped in self._memo.table("rows").values()
                          for rows in grouped.values() for row in rows}
        return self._rows.setdefault(row, row)


def lazy_page_set(metric: Metric, keys: dict[str, str], deps: tuple[str, ...], part_deps: dict[str, tuple[str, ...]],
                  make: Callable[[], dict[str, Page]]) -> list[Page]:
    """A metric's page, CSV, JSON and pages per region (``part_deps``: their URLs and reports), all made
    by ``make`` only when one of them has to be written: their keys say all they show."""
    url = metric_url(metric.id)
    key = keys[url]
    pages = [
        Page(url, "metric.html", metric.name, deps=deps, key=key, lazy=lambda: make()[url], group=url),
        Page(url + "data.csv", "", f"{metric.name} CSV", deps=deps, key=key, lazy=lambda: make()[url + "data.csv"],
             group=url),
        Page(url + "data.json", "", f"{metric.name} JSON", deps=deps, key=key, lazy=lambda: make()[url + "data.json"],
             group=url),
    ]
    for part_url, mine in sorted(part_deps.items()):
        pages.append(Page(part_url, "metric_region.html", f"{metric.name}：{part_url}", deps=mine, key=keys[part_url],
                          lazy=lambda part_url=part_url: make()[part_url], group=url))
    return pages


def unclassified_shown(summaries: list[RowSummary], known: frozenset[str]) -> list[tuple[str, str, str]]:
    """(slug, region address part, digest of the rows) of every report's rows no metric claims, in listing order."""
    shown = []
    for summary in summaries:
        loose = [metric for metric in summary.metrics if metric not in known]
        for metric in sorted(loose, key=str) if len(loose) > 1 else loose:
            shown.append((summary.key[0], region_segment(summary.key[3]), summary.metrics[metric][0]))
    return shown


def unclassified_page(loose: list[MetricRow], views: list[ReportView], shown: list[tuple[str, str, str]],
                      known: frozenset[str]) -> list[Page]:
    """The page of figures no metric claims, and, when there are more than TABLE_MAX_ROWS of them, a page
    per region listing that region's (the first page then a table of the regions).

    Each page is keyed by the digests of the rows it shows (``shown``: rows carry their report's title
    and address), in listing order, and by the ids the taxonomy knows.
    """
    labels = Counter(row.label for row in loose if row.label)
    context: dict[str, Any] = {
        "figure_count": len(loose),
        "labels": sorted(labels.items(), key=lambda kv: (-kv[1], kv[0])),
        "known_ids": known,
        "parts": [],
    }
    if len(loose) <= TABLE_MAX_ROWS:
        key = digest("unclassified", tuple((slug, rows) for slug, _part, rows in shown), tuple(sorted(known)))
        context["groups"] = unclassified_by_report(loose, views)
        return [Page(UNCLASSIFIED_URL, "unclassified.html", "未归类数据", context, deps=("*",), key=key)]
    # By region address part, each in one pass: the reports' row digests and their groups of figures.
    shown_in: dict[str, list[tuple[str, str]]] = {}
    for slug, segment, rows in shown:
        shown_in.setdefault(segment, []).append((slug, rows))
    groups_in: dict[str, list[ReportFigures]] = {}
    for group in unclassified_by_report(loose, views):
        groups_in.setdefault(region_segment(group.rows[0].region_url), []).append(group)
    pages, parts = [], []
    for segment, mine in split_by_region(loose).items():
        url = f"{UNCLASSIFIED_URL}{segment}/"
        part = UnclassifiedPart(mine[0].region, url, mine[0].region_url, len(mine), len({row.report for row in mine}))
        parts.append(part)
        key = digest("unclassified", url, part, tuple(shown_in[segment]), tuple(sorted(known)))
        place = part.region or "未注明地区"
        part_context = {**context, "labels": [], "part": part, "place": place, "groups": groups_in[segment]}
        pages.append(Page(url, "unclassified.html", f"未归类数据：{place}", part_context,
                          deps=tuple(sorted({row.report for row in mine})), key=key))
    context.update(parts=parts, groups=[])
    key = digest("unclassified", context["labels"], tuple(parts), tuple(sorted(known)))
    return [Page(UNCLASSIFIED_URL, "unclassified.html", "未归类数据", context, deps=("*",), key=key), *pages]
