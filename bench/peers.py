"""The same synthetic reports as plain Markdown for the peers: MkDocs, Pelican and a bare baseline.

``prepare(raw_dir, work_dir)`` writes, once per archive size:
- ``md/``: one ``<name>.md`` per report (``# title`` then the blocks as paragraphs) for the baseline;
- ``mkdocs/``: ``mkdocs.yml`` and ``docs/`` (the same pages plus an index linking them all);
- ``pelican/``: ``pelicanconf.py`` and ``content/`` (the same pages with Title/Date/Category/Slug).
MkDocs' nav holds the index only: listing 10,000 pages in a nav that every page renders would make
MkDocs quadratic, and reportsite does not put every report on every page either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

YEAR = re.compile(r"(20[0-2]\d)年")
PLACE = re.compile(r"^(?:#+\s*)?([\u4e00-\u9fff]{2,6}?[市区县])")

MKDOCS_YML = """site_name: 工会报道档案 (MkDocs)
docs_dir: docs
theme:
  name: mkdocs
  locale: zh
use_directory_urls: true
nav:
  - index.md
"""

PELICAN_CONF = """SITENAME = "工会报道档案 (Pelican)"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
DEFAULT_PAGINATION = 10
LOAD_CONTENT_CACHE = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


@dataclass
class Page:
    """One report as a Markdown page."""

    name: str  # file stem
    title: str
    year: int
    region: str
    body: str  # Markdown without the title


def raw_to_page(name: str, text: str) -> Page:
    """Turn a raw synthetic report into a plain Markdown page: blocks become paragraphs."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    title_block = next((b for b in blocks if not b.startswith("## ")), blocks[0])
    title = re.sub(r"^#+\s*", "", title_block)
    body = "\n\n".join(b for b in blocks if b is not title_block)
    year_match = YEAR.search(text)
    place = PLACE.match(title)
    return Page(name, title, int(year_match.group(1)) if year_match else 2015, place.group(1) if place else "其他", body)


def page_markdown(page: Page) -> str:
    """The page as Markdown with its title as the first heading."""
    return f"# {page.title}\n\n{page.body}\n"


def pelican_markdown(page: Page) -> str:
    """The page with Pelican's metadata header."""
    header = f"Title: {page.title}\nDate: {page.year}-01-01\nCategory: {page.region}\nSlug: {page.name}\n\n"
    return header + page.body + "\n"


def prepare(raw_dir: Path, work_dir: Path) -> None:
    """Write md/, mkdocs/ and pelican/ under work_dir from the raw reports in raw_dir."""
    md, docs, pelican = work_dir / "md", work_dir / "mkdocs" / "docs", work_dir / "pelican" / "content"
    for folder in (md, docs, pelican):
        folder.mkdir(parents=True, exist_ok=True)
    index = ["# 工会报道档案", ""]
    for path in sorted(raw_dir.iterdir()):
        page = raw_to_page(path.stem, path.read_text(encoding="utf-8"))
        (md / f"{page.name}.md").write_text(page_markdown(page), encoding="utf-8")
        (docs / f"{page.name}.md").write_text(page_markdown(page), encoding="utf-8")
        (pelican / f"{page.name}.md").write_text(pelican_markdown(page), encoding="utf-8")
        index.append(f"- [{page.title}]({page.name}.md)")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    (work_dir / "mkdocs" / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (work_dir / "pelican" / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
