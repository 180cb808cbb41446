"""The site model: every page the site will have, built in memory before anything is written.

Pages link to each other through relative URLs, so the site works unchanged under any sub-path
(``https://<user>.github.io/<repo>/``).  ``Page.url`` is relative to the site root and ends in '/'
for directory pages; templates turn it into a link with the ``url`` filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .body import markdown_to_blocks
from .dedup import find_shared_passages, restore_kept
from .model import Block, Report


@dataclass
class Page:
    """One output file: where it goes, which template renders it, and what the template sees."""

    url: str  # relative to the site root: "", "reports/linan-2015/", "sitemap.xml"
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    deps: tuple[str, ...] = ()  # slugs of the reports this page depends on (for incremental builds)
    raw: str | None = None  # pre-rendered text (CSV, JSON, XML...) written as is instead of a template

    @property
    def output_path(self) -> str:
        """File path inside the site folder."""
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url


@dataclass
class ReportView:
    """A report with everything its page needs: blocks (duplicates restored if kept) and neighbours."""

    report: Report
    blocks: list[Block]
    url: str
    previous: "ReportView | None" = None
    next: "ReportView | None" = None
    related: list["ReportView"] = field(default_factory=list)
    shared: list[Any] = field(default_factory=list)  # SharedPassage records found at build time


def report_url(slug: str) -> str:
    """URL of a report page."""
    return f"reports/{slug}/"


def sort_key(report: Report) -> tuple[Any, ...]:
    """Newest period first, then by region and slug, so listings are stable."""
    end = report.period.end if report.period else 0
    return (-end, report.region.name if report.region else "", report.slug)


def report_views(reports: list[Report]) -> list[ReportView]:
    """Build ReportViews in listing order with previous/next links and restored duplicates."""
    views = []
    for report in sorted(reports, key=sort_key):
        blocks = restore_kept(markdown_to_blocks(report.body), report.duplicates)
        views.append(ReportView(report, blocks, report_url(report.slug)))
    for before, after in zip(views, views[1:]):
        before.next, after.previous = after, before
    shared = find_shared_passages({v.report.slug: v.blocks for v in views})
    by_slug = {v.report.slug: v for v in views}
    for view in views:
        view.shared = shared.get(view.report.slug, [])
        view.related = _related(view, views, by_slug)
    return views


def _related(view: ReportView, views: list[ReportView], by_slug: dict[str, ReportView]) -> list[ReportView]:
    """Reports of the same region (or parent region), sharing metrics or passages, best first."""
    mine = {m.metric for m in view.report.metrics if m.metric}
    region = view.report.region

    def score(other: ReportView) -> int:
        value = 0
        if region and other.report.region:
            if other.report.region.name == region.name:
                value += 3
            elif region.parent and other.report.region.parent == region.parent:
                value += 1
            elif other.report.region.name == region.parent or other.report.region.parent == region.name:
                value += 2
        value += len(mine & {m.metric for m in other.report.metrics if m.metric})
        value += 2 * sum(1 for s in view.shared if s.report == other.report.slug)
        return value

    scored = [(score(o), o.report.slug, o) for o in views if o is not view]
    return [o for s, _slug, o in sorted(scored, key=lambda t: (-t[0], t[1])) if s > 0][:5]


def site_pages(views: list[ReportView], site: dict[str, Any], taxonomy: Any = None) -> list[Page]:
    """Every page of the site, in a stable order."""
    pages = [Page("", "index.html", site["title"], {"reports": views}, deps=("*",))]
    for view in views:
        pages.append(Page(view.url, "report.html", view.report.title, {"view": view}, deps=(view.report.slug,)))
    return pages
