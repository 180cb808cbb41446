"""The site model: every page the site will have, built in memory before anything is written.

Pages link to each other through relative URLs, so the site works unchanged under any sub-path
(``https://<user>.github.io/<repo>/``).  ``Page.url`` is relative to the site root and ends in '/'
for directory pages; templates turn it into a link with the ``url()`` function.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from .body import take_blocks
from .dedup import restore_kept
from .model import Block, Report
from .modelcache import ModelMemo, digest
from .shared import shared_after_edit
from .slugs import region_slug
from .workers import fork_map


@dataclass
class Page:
    """One output file: where it goes, which template renders it, and what the template sees."""

    url: str  # relative to the site root: "", "reports/linan-2015/", "sitemap.xml"
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    deps: tuple[str, ...] = ()  # slugs of the reports this page depends on (for incremental builds)
    raw: str | None = None  # pre-rendered text (CSV, JSON, XML...) written as is instead of a template
    key: str | None = None  # digest of everything the page shows, when its maker knows it (else fingerprinted)
    lazy: Callable[[], "Page"] | None = None  # makes the full page (context or raw) when it must be written
    # Pages one lazy maker makes together (a metric's page, downloads and region pages): rendered by one
    # process, so the maker runs once, not once in every render worker that draws one of them.
    group: str | None = None

    def loaded(self) -> "Page":
        """The page with its context or raw text: a page made lazily is made now."""
        return self if self.lazy is None else self.lazy()

    @property
    def output_path(self) -> str:
        """File path inside the site folder."""
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url


@dataclass
class SharedLink:
    """A passage of this report that another report prints too, with that report's page."""

    passage: Any  # SharedPassage: text, anchor (here), report (other slug), other_anchor
    other: "ReportView"

    @property
    def target(self) -> str:
        """URL of the passage in the other report (site-root relative)."""
        anchor = self.passage.other_anchor
        return self.other.url + (f"#{anchor}" if anchor else "")


@dataclass
class RegionNode:
    """A region page: a city or district, the districts under it and the reports about it."""

    name: str
    url: str
    parent: "RegionNode | None" = None
    children: list["RegionNode"] = field(default_factory=list)
    reports: list["ReportView"] = field(default_factory=list)  # reports about exactly this region

    @property
    def all_reports(self) -> list["ReportView"]:
        """Reports about this region or any region under it, in listing order."""
        seen = {id(v): v for v in self.reports}
        for child in self.children:
            seen.update({id(v): v for v in child.all_reports})
        return sorted(seen.values(), key=lambda v: v.order)


@dataclass
class YearGroup:
    """A year page: the reports whose period covers that year."""

    year: int
    url: str
    reports: list["ReportView"] = field(default_factory=list)
    previous: "YearGroup | None" = None
    next: "YearGroup | None" = None


@dataclass
class ReportView:
    """A report with everything its page needs: blocks (duplicates restored if kept) and neighbours."""

    report: Report
    url: str
    previous: "ReportView | None" = None
    next: "ReportView | None" = None
    related: list["ReportView"] = field(default_factory=list)
    shared: list[Any] = field(default_factory=list)  # SharedPassage records found at build time
    shared_links: list[SharedLink] = field(default_factory=list)
    region_page: RegionNode | None = None
    year_pages: list[YearGroup] = field(default_factory=list)
    order: int = 0  # position in the listing (newest first)
    source: str = ""  # digest of the report's content file ("" when unknown): keys what is kept between builds
    _blocks: list[Block] | None = field(default=None, repr=False, compare=False)
    _make_blocks: Callable[[], list[Block]] | None = field(default=None, repr=False, compare=False)

    @property
    def blocks(self) -> list[Block]:
        """The body's blocks with kept duplicates restored, made the first time they are needed."""
        if self._blocks is None:
            self._blocks = self._make_blocks() if self._make_blocks is not None else []
        return self._blocks


@dataclass
class SiteIndex:
    """The archive's navigation: region tree and years."""

    regions: list[RegionNode]  # top-level regions, by name
    years: list[YearGroup]  # newest first

    @property
    def all_regions(self) -> list[RegionNode]:
        """Every region, parents before their children."""
        out: list[RegionNode] = []
        for node in self.regions:
            out.extend(_walk(node))
        return out


def _walk(node: RegionNode) -> list[RegionNode]:
    """A node and everything under it, depth first."""
    out = [node]
    for child in node.children:
        out.extend(_walk(child))
    return out


def report_url(slug: str) -> str:
    """URL of a report page."""
    return f"reports/{slug}/"


def year_url(year: int) -> str:
    """URL of a year page."""
    return f"years/{year}/"


def sort_key(report: Report) -> tuple[Any, ...]:
    """Newest period first, then by region and slug, so listings are stable."""
    end = report.period.end if report.period else 0
    return (-end, report.region.name if report.region else "", report.slug)


def report_views(reports: list[Report], memo: ModelMemo | None = None,
                 digests: dict[str, str] | None = None) -> list[ReportView]:
    """Build ReportViews in listing order with previous/next, shared passages, regions and years.

    With a ``memo`` and the content files' ``digests`` (slug -> digest), what depends on one report
    (its blocks) or on facts of every report (shared passages, related reports) is computed only when
    those inputs changed since the memo saw them.
    """
    if memo is None or digests is None:
        memo, digests = ModelMemo(), {}  # nothing kept: key by object, for this call only
    views = []
    for order, report in enumerate(sorted(reports, key=sort_key)):
        source = digests.get(report.slug) or f"object-{id(report)}"
        def make_blocks(report: Report = report, source: str = source) -> list[Block]:
            return memo.get("blocks", (report.slug, source),
                            lambda: restore_kept(take_blocks(report.body), report.duplicates))

        views.append(ReportView(report, report_url(report.slug), order=order, source=source, _make_blocks=make_blocks))
    for before, after in zip(views, views[1:]):
        before.next, after.previous = after, before
    by_slug = {v.report.slug: v for v in views}
    shared = memo.get("shared", _texts_key(views, memo), lambda: _shared_passages(views, memo))
    for view in views:
        view.shared = shared.get(view.report.slug, [])
        view.shared_links = [SharedLink(s, by_slug[s.report]) for s in view.shared if s.report in by_slug]
    related = memo.get("related", _related_key(views), lambda: _all_related(views))
    for view in views:
        view.related = [by_slug[slug] for slug in related[view.report.slug]]
    region_tree(views, memo)
    year_groups(views)
    return views


def _shared_passages(views: list[ReportView], memo: ModelMemo) -> dict[str, list[Any]]:
    """Passages shared across reports; a long-running build skips the search after an edit of unrepeated text."""
    last = memo.table("shared-last").get("last")
    blocks = {v.report.slug: (lambda v=v: v.blocks) for v in views}  # made only for reports edited since
    result, state, _skipped = shared_after_edit(blocks, last, sources={v.report.slug: v.source for v in views})
    memo.put("shared-last", "last", state)
    memo.spill("shared-last")  # a one-off build is done with the reprint store: write it now, and free it
    return result


def _texts_key(views: list[ReportView], memo: ModelMemo) -> str:
    """Digest of every report's text (body and kept duplicates): what shared passages are found in."""
    rows = [(v.report.slug, memo.get("text-key", (v.report.slug, v.source),
                                     lambda r=v.report: digest(r.body, repr(r.duplicates)))) for v in views]
    return digest(tuple(rows))


def _related_key(views: list[ReportView]) -> str:
    """Digest of what related reports are chosen from: each report's place, metrics and shared passages."""
    return digest(tuple((v.report.slug, v.order, v.report.region.name if v.report.region else None,
                         v.report.region.parent if v.report.region else None, tuple(sorted(_metric_ids(v))),
                         tuple(s.report for s in v.shared)) for v in views))


RELATED_POOL_MIN = 2000  # reports from which related reports are chosen on all cores (≈ 0.2 ms per report)


def _all_related(views: list[ReportView]) -> dict[str, list[str]]:
    """Every report's related reports, by slug (in forked workers for a large archive: only slugs come back)."""
    index = related_index(views)

    def related_slugs(view: ReportView) -> list[str]:
        return [other.report.slug for other in _related(view, index)]

    return {view.report.slug: slugs
            for view, slugs in zip(views, fork_map(related_slugs, views, min_items=RELATED_POOL_MIN))}


RELATED_LIMIT = 5  # related reports shown on a report page
CANDIDATE_CAP = 40  # reports looked at per bucket: keeps "related" linear in the size of the archive


@dataclass
class RelatedIndex:
    """Reports grouped by region, parent region and metric, so each report scores a few candidates, not all."""

    by_region: dict[str, list[ReportView]] = field(default_factory=dict)
    by_parent: dict[str, list[ReportView]] = field(default_factory=dict)
    by_metric: dict[str, list[ReportView]] = field(default_factory=dict)
    by_slug: dict[str, ReportView] = field(default_factory=dict)
    metric_ids: dict[str, set[str]] = field(default_factory=dict)  # slug -> the report's metric ids


def related_index(views: list[ReportView]) -> RelatedIndex:
    """Index the reports (in listing order) by region name, parent region and metric id."""
    index = RelatedIndex()
    for view in views:
        index.by_slug[view.report.slug] = view
        index.metric_ids[view.report.slug] = _metric_ids(view)
        region = view.report.region
        if region:
            index.by_region.setdefault(region.name, []).append(view)
            if region.parent:
                index.by_parent.setdefault(region.parent, []).append(view)
        for metric in sorted(index.metric_ids[view.report.slug]):
            index.by_metric.setdefault(metric, []).append(view)
    return index


def _metric_ids(view: ReportView) -> set[str]:
    """The taxonomy ids of a report's figures."""
    return {m.metric for m in view.report.metrics if m.metric}


def _candidates(view: ReportView, index: RelatedIndex) -> list[ReportView]:
    """Reports worth scoring: same place, the places around it, shared passages, then the rarest shared metrics."""
    region = view.report.region
    buckets: list[list[ReportView]] = []
    if region:
        buckets.append(index.by_region.get(region.name, []))
        buckets.append(index.by_region.get(region.parent or "", []))
        buckets.append(index.by_parent.get(region.name, []))
        buckets.append(index.by_parent.get(region.parent or "", []))
    buckets.append([index.by_slug[s.report] for s in view.shared if s.report in index.by_slug])
    rare_first = sorted(index.metric_ids[view.report.slug], key=lambda m: (len(index.by_metric.get(m, [])), m))
    buckets.extend(index.by_metric.get(m, []) for m in rare_first[:3])
    seen: dict[str, ReportView] = {}
    for bucket in buckets:
        for other in _nearest(bucket, view)[:CANDIDATE_CAP]:
            if other is not view:
                seen.setdefault(other.report.slug, other)
    return list(seen.values())


def _nearest(bucket: list[ReportView], view: ReportView) -> list[ReportView]:
    """A bucket's reports closest to ``view`` in listing order (nearest years first), without sorting it all."""
    if len(bucket) <= CANDIDATE_CAP:
        return bucket
    position = bisect.bisect_left(bucket, view.order, key=lambda other: other.order)  # buckets are in listing order
    low = max(0, position - CANDIDATE_CAP // 2)
    return bucket[low : low + CANDIDATE_CAP]


def _related(view: ReportView, index: RelatedIndex) -> list[ReportView]:
    """Reports of the same region (or parent region), sharing metrics or passages, best first.

    A candidate scores 3 for the same region, 2 for the region around or inside it, 1 for a sister
    region; one per metric both report; two per passage both print.  Ties go by slug.
    """
    mine = index.metric_ids[view.report.slug]
    region = view.report.region
    name, parent = (region.name, region.parent) if region else (None, None)
    shared_with = Counter(s.report for s in view.shared)
    metric_ids = index.metric_ids
    scored = []
    for other in _candidates(view, index):
        slug, place = other.report.slug, other.report.region
        value = 0
        if region and place:
            if place.name == name:
                value = 3
            elif parent and place.parent == parent:
                value = 1
            elif place.name == parent or place.parent == name:
                value = 2
        value += len(mine & metric_ids[slug]) + 2 * shared_with[slug]
        if value > 0:
            scored.append((-value, slug, other))
    scored.sort(key=lambda item: item[:2])
    return [other for _value, _slug, other in scored[:RELATED_LIMIT]]


def region_urls(names: list[str]) -> dict[str, str]:
    """A unique page URL per region name, from its pinyin (临安市 -> regions/linan/)."""
    urls: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names)):
        base = region_slug(name) or "region"
        slug, number = base, 2
        while slug in taken:  # two places with the same pinyin
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        urls[name] = f"regions/{slug}/"
    return urls


def region_tree(views: list[ReportView], memo: ModelMemo | None = None) -> list[RegionNode]:
    """Region pages from the reports' regions and their parents; sets ``view.region_page``."""
    parents: dict[str, str | None] = {}
    for view in views:
        region = view.report.region
        if not region:
            continue
        if region.parent:
            parents.setdefault(region.parent, None)
        if region.parent and not parents.get(region.name):
            parents[region.name] = region.parent  # the first report naming a parent decides
        else:
            parents.setdefault(region.name, None)
    names = tuple(sorted(parents))  # the same places as last time need no pinyin (slow to load) to name their pages
    urls = memo.get("region-urls", names, lambda: region_urls(list(names))) if memo else region_urls(list(names))
    nodes = {name: RegionNode(name, urls[name]) for name in sorted(parents)}
    for name in sorted(parents):
        parent = parents[name]
        if parent and parent != name and parent in nodes and not _is_under(nodes[parent], name, parents):
            nodes[name].parent = nodes[parent]
            nodes[parent].children.append(nodes[name])
    for view in views:
        if view.report.region:
            view.region_page = nodes[view.report.region.name]
            view.region_page.reports.append(view)
    return [node for name, node in sorted(nodes.items()) if node.parent is None]


def _is_under(node: RegionNode, name: str, parents: dict[str, str | None]) -> bool:
    """True when ``node`` already lies under ``name`` (guards against cycles in hand-edited regions)."""
    seen: set[str] = set()
    current: str | None = node.name
    while current and current not in seen:
        if current == name:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def year_groups(views: list[ReportView]) -> list[YearGroup]:
    """Year pages, newest first: a report appears on every year its period covers."""
    groups: dict[int, YearGroup] = {}
    for view in views:
        period = view.report.period
        if not period:
            continue
        for year in range(period.start, period.end + 1):
            group = groups.setdefault(year, YearGroup(year, year_url(year)))
            group.reports.append(view)
            view.year_pages.append(group)
    ordered = [groups[y] for y in sorted(groups, reverse=True)]
    for newer, older in zip(ordered, ordered[1:]):
        newer.previous, older.next = older, newer
    return ordered


def site_index(views: list[ReportView]) -> SiteIndex:
    """Collect the region tree and year pages already linked from the views."""
    roots: dict[str, RegionNode] = {}
    years: dict[int, YearGroup] = {}
    for view in views:
        node = view.region_page
        while node is not None and node.parent is not None:
            node = node.parent
        if node is not None:
            roots[node.name] = node
        for group in view.year_pages:
            years[group.year] = group
    return SiteIndex([roots[n] for n in sorted(roots)], [years[y] for y in sorted(years, reverse=True)])


def archive_summary(views: list[ReportView], index: SiteIndex) -> dict[str, Any]:
    """Counts the home page states: reports, regions, years and figures."""
    figures = [m for v in views for m in v.report.metrics]
    years = [g.year for g in index.years]
    return {
        "reports": len(views),
        "regions": len(index.all_regions),
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        "figures": len(figures),
        "metrics": len({m.metric for m in figures if m.metric}),
        "unclassified": sum(1 for m in figures if not m.metric),
        "shared": sum(len(v.shared_links) for v in views),
    }


REPORTS_PER_PAGE = 200  # the list of all reports, split into pages of this many (newest first)


@dataclass(frozen=True)
class Pager:
    """Where one page of a list split into pages stands: its number, the count and its neighbours."""

    number: int  # 1-based
    count: int  # pages in all
    total: int  # items in all
    first_item: int  # 1-based position of this page's first item
    urls: tuple[str, ...]  # every page's URL, page 1 first

    @property
    def previous_url(self) -> str | None:
        """URL of the page before, if any."""
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        """URL of the page after, if any."""
        return self.urls[self.number] if self.number < self.count else None


def paged(url: str, views: list[ReportView]) -> list[tuple[str, list[ReportView], Pager]]:
    """A list of reports split into pages of REPORTS_PER_PAGE: url, then url + 'page/2/' and so on."""
    size = REPORTS_PER_PAGE
    chunks = [views[start : start + size] for start in range(0, len(views), size)] or [[]]
    urls = tuple(url if n == 1 else f"{url}page/{n}/" for n in range(1, len(chunks) + 1))
    return [(urls[number - 1], chunk, Pager(number, len(chunks), len(views), (number - 1) * size + 1, urls))
            for number, chunk in enumerate(chunks, start=1)]


def page_title(title: str, pager: Pager) -> str:
    """A listing's title, with its page number after the first page: 临安市（第2页）."""
    return title if pager.number == 1 else f"{title}（第{pager.number}页）"


def report_list_pages(views: list[ReportView], common: dict[str, Any]) -> list[Page]:
    """The list of all reports: reports/, then reports/page/2/ and so on when there are many."""
    return [Page(url, "reports.html", page_title("全部报道", pager), {"reports": chunk, "pager": pager, **common},
                 deps=("*",)) for url, chunk, pager in paged("reports/", views)]


def region_pages(node: RegionNode, common: dict[str, Any]) -> list[Page]:
    """A region's page, listing the reports about it and the regions under it (a page per 200 reports)."""
    return [Page(url, "region.html", page_title(node.name, pager), {"region": node, "reports": chunk, "pager": pager,
                                                                    **common}, deps=("*",))
            for url, chunk, pager in paged(node.url, node.all_reports)]


def year_pages(group: YearGroup, common: dict[str, Any]) -> list[Page]:
    """A year's page, listing the reports whose period covers it (a page per 200 reports)."""
    return [Page(url, "year.html", page_title(f"{group.year}年", pager), {"year": group, "reports": chunk,
                                                                          "pager": pager, **common}, deps=("*",))
            for url, chunk, pager in paged(group.url, group.reports)]


def site_pages(views: list[ReportView], site: dict[str, Any], taxonomy: Any = None,
               memo: ModelMemo | None = None) -> list[Page]:
    """Every page of the site, in a stable order."""
    from .feeds import feed_pages  # feeds list the pages, so they come last

    index = site_index(views)
    common = {"index": index}
    summary = archive_summary(views, index)
    pages = [Page("", "index.html", site["title"], {"reports": views, "summary": summary, **common}, deps=("*",))]
    pages.extend(report_list_pages(views, common))
    for view in views:
        pages.append(Page(view.url, "report.html", view.report.title, {"view": view, **common}, deps=(view.report.slug,)))
    pages.append(Page("regions/", "regions.html", "地区", {**common}, deps=("*",)))
    for node in index.all_regions:
        pages.extend(region_pages(node, common))
    pages.append(Page("years/", "years.html", "年份", {**common}, deps=("*",)))
    for group in index.years:
        pages.extend(year_pages(group, common))
    from .metric_pages import metric_pages  # imported here: metric_pages builds on this module
    pages.extend(metric_pages(views, taxonomy, memo))
    pages.append(Page("search/", "search.html", "搜索", {**common}))
    pages.append(Page("404.html", "404.html", "页面未找到", {**common}))
    pages.extend(feed_pages(pages, views, site))
    return pages
