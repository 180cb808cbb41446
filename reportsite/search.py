"""The full-text search index: Pagefind, run on the built pages, no server and no internet needed.

Pagefind's Chinese segmenter keeps words such as 总工会 whole, so a reader searching for 工会
would miss a page that only says 总工会.  Before indexing, every paragraph of a page gets its
Chinese two-character sequences (总工 工会 …) as an indexed attribute.  That text goes only into the
index: the served HTML stays as rendered.  Because the terms sit on the paragraph's own element, a
match still points at that paragraph, and the search page links straight to it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
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


def page_path(path: Path, site_dir: Path) -> str:
    """A page's path relative to the site folder, in POSIX form."""
    return path.relative_to(site_dir).as_posix()


def searchable_pages(site_dir: Path) -> list[tuple[str, str]]:
    """(relative path, html with search terms) for every page that marks a part of itself for the index."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        if OUTPUT_DIR in path.relative_to(site_dir).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in text:
            pages.append((page_path(path, site_dir), add_search_terms(text)))
    return pages


def _run_pagefind(source: Path, output: Path, language: str) -> None:
    """Index the pages in ``source`` with Pagefind's command-line indexer, writing the bundle to ``output``.

    The command line indexes a whole folder at once, in parallel, in Rust: about a hundred times faster
    than sending pages one by one through Pagefind's Python service.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
               "--force-language", language, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(f"pagefind exited with status {result.returncode}: {detail[-1] if detail else ''}")


def build_search_index(site_dir: Path, language: str = "zh") -> int:
    """Write the Pagefind bundle into ``site_dir/pagefind``; return the number of pages indexed."""
    pages = searchable_pages(site_dir)
    # The terms go only into the index: Pagefind reads copies of the pages, the site keeps its own HTML.
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site_dir.parent) as scratch:
        source = Path(scratch)
        for relative, text in pages:
            target = source / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        index_search_source(source, site_dir, language)
    return len(pages)


def sync_search_source(site_dir: Path, source: Path, pages: dict[str, str], known: dict[str, str]) -> bool:
    """Bring the folder of search copies up to date with the site; True when any copy changed.

    ``pages`` maps every HTML page of the site to its build key, ``known`` the keys the copies were made
    from (updated in place): only pages whose key changed are read again, so one edit costs one page.
    """
    changed = False
    for relative in sorted(set(known) - set(pages)):
        del known[relative]
        if (source / relative).is_file():
            (source / relative).unlink()
            changed = True
    for relative, key in pages.items():
        if known.get(relative) == key:
            continue
        text = (site_dir / relative).read_text(encoding="utf-8")
        target = source / relative
        copy = add_search_terms(text) if "data-pagefind-body" in text else None
        old = target.read_text(encoding="utf-8") if target.is_file() else None
        if copy != old:
            changed = True
            if copy is None:
                target.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(copy, encoding="utf-8")
        known[relative] = key
    return changed


def index_search_source(source: Path, site_dir: Path, language: str = "zh") -> None:
    """Run Pagefind on a folder of search copies, writing the bundle into ``site_dir/pagefind``."""
    output = site_dir / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)
    try:
        _run_pagefind(source, output.resolve(), language)
    except (OSError, SearchIndexError) as exc:
        raise SearchIndexError(f"{site_dir}: building the search index with Pagefind failed: {exc}") from exc
    if not (output / "pagefind.js").is_file():
        raise SearchIndexError(f"{output}: Pagefind wrote no pagefind.js")
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    for extra in ("playground",):
        shutil.rmtree(output / extra, ignore_errors=True)
