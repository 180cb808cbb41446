"""The full-text search index: Pagefind, run on the built pages, no server and no internet needed.

Pagefind's Chinese segmenter keeps words such as 总工会 whole, so a reader searching for 工会
would miss a page that only says 总工会.  Before indexing, every paragraph of a page gets its
Chinese two-character sequences (总工 工会 …) as an indexed attribute.  That text goes only into the
index: the served HTML stays as rendered.  Because the terms sit on the paragraph's own element, a
match still points at that paragraph, and the search page links straight to it.
"""

from __future__ import annotations

import asyncio
import html
from concurrent.futures import ThreadPoolExecutor
import re
import shutil
from pathlib import Path

OUTPUT_DIR = "pagefind"
TERMS_ATTRIBUTE = "data-zh-terms"
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_TAG = re.compile(r"<[^>]+>")
# Elements that are search targets: paragraphs, list items, headings, captions, the lead.
_ANCHORED = re.compile(r'<(p|li|h[1-6]|figure|dd)\b([^>]*\bid="[^"]+"[^>]*)>')
# Pagefind's own UI bundles: the site has its own search page, so these are not shipped.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def cjk_bigrams(text: str) -> list[str]:
    """Every distinct two-character sequence of the Chinese runs in text, in order of first use."""
    seen: dict[str, None] = {}
    for run in _CJK_RUN.findall(text):
        for start in range(len(run) - 1):
            seen.setdefault(run[start : start + 2], None)
    return list(seen)


def element_text(html_text: str, start: int, tag: str) -> str:
    """Plain text of the element whose start tag ends at ``start``."""
    end = html_text.find(f"</{tag}>", start)
    inner = html_text[start : end if end >= 0 else len(html_text)]
    return html.unescape(_TAG.sub("", inner))


def add_search_terms(html_text: str) -> str:
    """Give each anchored element its two-character terms as an attribute Pagefind indexes."""
    out: list[str] = []
    position = 0
    for match in _ANCHORED.finditer(html_text):
        terms = " ".join(cjk_bigrams(element_text(html_text, match.end(), match.group(1))))
        out.append(html_text[position : match.start()])
        if terms:
            out.append(
                f'<{match.group(1)}{match.group(2)} {TERMS_ATTRIBUTE}="{terms}" '
                f'data-pagefind-index-attrs="{TERMS_ATTRIBUTE}">'
            )
        else:
            out.append(match.group(0))
        position = match.end()
    out.append(html_text[position:])
    return "".join(out)


def page_url(path: Path, site_dir: Path) -> str:
    """The URL Pagefind records for a page: site-root relative, directory style (/reports/x/)."""
    relative = path.relative_to(site_dir).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def searchable_pages(site_dir: Path) -> list[tuple[str, str]]:
    """(url, html with search terms) for every page that marks a part of itself for the index."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        if OUTPUT_DIR in path.relative_to(site_dir).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in text:
            pages.append((page_url(path, site_dir), add_search_terms(text)))
    return pages


async def _write_index(pages: list[tuple[str, str]], output: Path, language: str) -> None:
    """Index the pages with Pagefind's service and write the bundle to ``output``."""
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=language, output_path=str(output))
    async with PagefindIndex(config=config) as index:
        for url, text in pages:
            await index.add_html_file(content=text, url=url)


def build_search_index(site_dir: Path, language: str = "zh") -> int:
    """Write the Pagefind bundle into ``site_dir/pagefind``; return the number of pages indexed."""
    output = site_dir / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)
    pages = searchable_pages(site_dir)
    try:
        # A thread of its own: the caller may already run an event loop (the live-reload server,
        # a browser driver), and asyncio.run refuses to nest.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _write_index(pages, output.resolve(), language)).result()
    except Exception as exc:  # the service reports errors in many shapes; name the stage and re-raise
        raise SearchIndexError(f"{site_dir}: building the search index with Pagefind failed: {exc}") from exc
    if not (output / "pagefind.js").is_file():
        raise SearchIndexError(f"{output}: Pagefind wrote no pagefind.js")
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    return len(pages)
