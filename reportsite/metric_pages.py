"""Per-metric summary pages: one page per measure to compare it across districts and years.

``metric_pages`` adds to the site model: a page per metric that has figures (table, chart, conflicts,
related metrics, CSV and JSON downloads), the metrics index grouped by category, and the page of
figures no metric claims, so an editor sees which aliases the taxonomy still lacks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .charts import Bar, bar_chart
from .metric_rows import MetricRow, all_rows, find_conflicts, mark_conflicts, rows_csv, rows_json
from .site import Page, ReportView
from .slugs import ascii_slug
from .taxonomy import Metric, Taxonomy, load_taxonomy
from .zh import format_number, format_value

INDEX_URL = "metrics/"
UNCLASSIFIED_URL = "metrics/unclassified/"  # the same address report pages link unclassified figures to
MAX_COOCCURRING = 6  # beyond this, "often reported together" stops meaning much
KIND_NAMES = {"actual": "实际", "target": "目标"}


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


def category_anchor(category: str) -> str:
    """An ASCII fragment id for a category heading (组织建设 -> zu-zhi-jian-she)."""
    return ascii_slug(category, max_words=12) or "category"


def rows_by_metric(rows: list[MetricRow], taxonomy: Taxonomy) -> dict[str, list[MetricRow]]:
    """Rows of every metric in the taxonomy that has any, in taxonomy order."""
    grouped: dict[str, list[MetricRow]] = {m.id: [] for m in taxonomy.metrics}
    for row in rows:
        if row.metric in grouped:
            grouped[row.metric].append(row)
    return {metric_id: found for metric_id, found in grouped.items() if found}


def unclassified_rows(rows: list[MetricRow], taxonomy: Taxonomy) -> list[MetricRow]:
    """Rows no metric of the taxonomy claims (no id, or an id the taxonomy does not know)."""
    return [row for row in rows if not row.metric or taxonomy.get(row.metric) is None]


def report_sets(grouped: dict[str, list[MetricRow]]) -> dict[str, set[str]]:
    """The reports stating each metric."""
    return {metric_id: {row.report for row in rows} for metric_id, rows in grouped.items()}


def related_metrics(metric: Metric, grouped: dict[str, list[MetricRow]], taxonomy: Taxonomy,
                    reports_of: dict[str, set[str]] | None = None) -> list[RelatedMetric]:
    """Metrics with pages in the same category, then those most often stated in the same reports."""
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


def metric_charts(metric: Metric, rows: list[MetricRow]) -> list[Chart]:
    """One bar chart per unit, the most used unit first."""
    units = Counter(row.unit for row in rows)
    charts = []
    for number, (unit, count) in enumerate(sorted(units.items(), key=lambda kv: (-kv[1], kv[0])), start=1):
        bars = [chart_bar(row) for row in rows if row.unit == unit]
        largest = max(bar.value for bar in bars)
        title = f"{metric.name}：各地各时期数值（单位：{unit}）"
        description = (f"横向柱形图，共{count}个数值，最大为{format_number(largest)}{unit}；"
                       "实心柱为实际数值，虚线框为目标，浅色为约数。下方表格列出全部数值与原文出处。")
        charts.append(Chart(unit, bar_chart(bars, title, description, f"chart-{number}")))
    return charts


def metric_definition(metric: Metric) -> dict[str, str]:
    """The metric's taxonomy entry as the JSON download states it."""
    return {"id": metric.id, "name": metric.name, "unit": metric.unit, "category": metric.category,
            "description": metric.description}


def metric_page_set(metric: Metric, rows: list[MetricRow], grouped: dict[str, list[MetricRow]],
                    taxonomy: Taxonomy, reports_of: dict[str, set[str]] | None = None) -> list[Page]:
    """The HTML page and the CSV and JSON downloads of one metric."""
    conflicts = find_conflicts(rows)
    rows = mark_conflicts(rows, conflicts)
    url = metric_url(metric.id)
    reports = sorted({row.report for row in rows})
    context = {
        "metric": metric,
        "category_url": f"{INDEX_URL}#{category_anchor(metric.category)}",
        "rows": rows,
        "conflicts": conflicts,
        "charts": metric_charts(metric, rows),
        "related": related_metrics(metric, grouped, taxonomy, reports_of),
        "report_count": len(reports),
        "regions": sorted({row.region for row in rows if row.region}),
        "csv_url": url + "data.csv",
        "json_url": url + "data.json",
        "kind_names": KIND_NAMES,
    }
    deps = tuple(reports)
    return [
        Page(url, "metric.html", metric.name, context, deps=deps),
        Page(url + "data.csv", "", f"{metric.name} CSV", raw=rows_csv(rows, metric.name), deps=deps),
        Page(url + "data.json", "", f"{metric.name} JSON", raw=rows_json(rows, metric_definition(metric)), deps=deps),
    ]


def category_groups(taxonomy: Taxonomy, grouped: dict[str, list[MetricRow]]) -> list[CategoryGroup]:
    """The index: every metric of the taxonomy under its category, with figure and report counts."""
    groups = []
    for category, metrics in taxonomy.by_category().items():
        if not metrics:
            continue
        group = CategoryGroup(category, category_anchor(category))
        for metric in metrics:
            rows = grouped.get(metric.id, [])
            group.metrics.append(MetricSummary(metric, metric_url(metric.id) if rows else None, len(rows),
                                               len({row.report for row in rows})))
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


def metric_pages(views: list[ReportView], taxonomy: Taxonomy | None) -> list[Page]:
    """Metric pages with their downloads, the metrics index and the unclassified figures page."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()  # callers without one get the shipped taxonomy
    rows = all_rows(views)
    grouped = rows_by_metric(rows, taxonomy)
    loose = unclassified_rows(rows, taxonomy)
    index_context = {
        "categories": category_groups(taxonomy, grouped),
        "figure_count": len(rows),
        "metric_count": len(grouped),
        "unclassified_count": len(loose),
        "unclassified_url": UNCLASSIFIED_URL,
    }
    pages = [Page(INDEX_URL, "metrics_index.html", "数据指标", index_context, deps=("*",))]
    reports_of = report_sets(grouped)
    for metric_id, found in grouped.items():
        metric = taxonomy.get(metric_id)
        assert metric is not None  # rows_by_metric keeps taxonomy ids only
        pages.extend(metric_page_set(metric, found, grouped, taxonomy, reports_of))
    labels = Counter(row.label for row in loose if row.label)
    unclassified_context = {
        "groups": unclassified_by_report(loose, views),
        "figure_count": len(loose),
        "labels": sorted(labels.items(), key=lambda kv: (-kv[1], kv[0])),
        "known_ids": {m.id for m in taxonomy.metrics},
    }
    pages.append(Page(UNCLASSIFIED_URL, "unclassified.html", "未归类数据", unclassified_context, deps=("*",)))
    return pages
