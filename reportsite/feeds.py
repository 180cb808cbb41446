"""Machine-readable pages: sitemap.xml, robots.txt and an Atom feed.

All dates come from the content (a report's date, else the last year of its period), never from the
clock, so building twice gives the same bytes.  Absolute URLs need the published address
(``base_url: https://<user>.github.io/<repo>/``); without it, URLs are written from the site root.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import uuid
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .site import Page, ReportView

FEED_URL = "feed.xml"
SITEMAP_URL = "sitemap.xml"
# Stable namespace for entry ids: ids must not change when the site moves to another address.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "reportsite:report")


def absolute_url(base_url: str, url: str) -> str:
    """The published address of a site-relative URL (root-relative when no host is configured)."""
    if "://" in base_url:
        return base_url.rstrip("/") + "/" + url
    return "/" + base_url.strip("/") + ("/" if base_url.strip("/") else "") + url


def report_date(view: ReportView) -> _dt.date | None:
    """The date a report is filed under: its own date, else 31 December of its period's last year."""
    if view.report.date:
        return view.report.date
    if view.report.period:
        return _dt.date(view.report.period.end, 12, 31)
    return None


def _timestamp(day: _dt.date | None) -> str:
    """An RFC 3339 timestamp for a date (midnight UTC); the epoch when the content has no date."""
    return (day or _dt.date(1970, 1, 1)).isoformat() + "T00:00:00Z"


def sitemap_xml(pages: list[Page], base_url: str) -> str:
    """A sitemap listing every HTML page except the 404 page."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in pages:
        if page.raw is None and page.output_path.endswith(".html") and page.url != "404.html":
            lines.append(f"  <url><loc>{escape(absolute_url(base_url, page.url))}</loc></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(base_url: str) -> str:
    """Allow everything; point at the sitemap when the published address is known."""
    text = "User-agent: *\nAllow: /\n"
    if "://" in base_url:
        text += f"Sitemap: {absolute_url(base_url, SITEMAP_URL)}\n"
    return text


def _entry(view: ReportView, base_url: str) -> str:
    """One Atom entry for a report."""
    report = view.report
    link = absolute_url(base_url, view.url)
    summary = report.lead or report.subtitle or report.title
    authors = "".join(f"<author><name>{escape(a)}</name></author>" for a in report.authors)
    return (
        "  <entry>\n"
        f"    <title>{escape(report.title)}</title>\n"
        f"    <id>urn:uuid:{uuid.uuid5(_ID_NAMESPACE, report.slug)}</id>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>\n"
        f"    <updated>{_timestamp(report_date(view))}</updated>\n"
        + (f"    {authors}\n" if authors else "")
        + f"    <summary>{escape(summary)}</summary>\n"
        "  </entry>\n"
    )


FEED_ENTRIES = 100  # the newest reports a feed lists: what a feed reader shows, not the whole archive


def atom_feed(views: list[ReportView], site: dict[str, Any], entries: int = FEED_ENTRIES) -> str:
    """An Atom feed of the newest ``entries`` reports, newest first; 'updated' is the newest report's date."""
    base_url = site["base_url"]
    dated = [((report_date(v) or _dt.date.min), v.report.slug, v) for v in views]
    ordered = [v for _date, _slug, v in heapq.nlargest(entries, dated, key=lambda item: item[:2])]
    dates = [d for d, _slug, _v in dated if d != _dt.date.min]
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site["language"])}>\n'
        f"  <title>{escape(site['title'])}</title>\n"
        f"  <subtitle>{escape(site['description'])}</subtitle>\n"
        f"  <id>urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed:' + site['title'])}</id>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(absolute_url(base_url, ''))}/>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(absolute_url(base_url, FEED_URL))}/>\n"
        f"  <updated>{_timestamp(max(dates) if dates else None)}</updated>\n"
        f"  <author><name>{escape(site['title'])}</name></author>\n"
    )
    return head + "".join(_entry(v, base_url) for v in ordered) + "</feed>\n"


def feed_pages(pages: list[Page], views: list[ReportView], site: dict[str, Any]) -> list[Page]:
    """sitemap.xml, robots.txt and feed.xml as raw pages."""
    base_url = site["base_url"]
    return [
        Page(SITEMAP_URL, "", "sitemap", raw=sitemap_xml(pages, base_url), deps=("*",)),
        Page("robots.txt", "", "robots", raw=robots_txt(base_url)),
        Page(FEED_URL, "", "feed", raw=atom_feed(views, site), deps=("*",)),
    ]
