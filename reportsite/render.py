"""Rendering: Jinja2 templates and Markdown → HTML files, with relative links that work under any sub-path."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

import jinja2
import markdown
from markdown.extensions import toc as toc_extension
from markupsafe import Markup

from .body import blocks_to_markdown
from .model import Block
from .site import Page, ReportView
from .slugs import ascii_slug
from .zh import format_count, format_date, format_number, format_period, format_value

UNCLASSIFIED = "unclassified"  # metrics/unclassified/ lists figures no metric claims
# A link or asset starting with a single "/" points at the server root and breaks under /<repo>/.
_ROOT_ABSOLUTE = re.compile(r"""\b(?:href|src|action|srcset|poster|data)\s*=\s*["']?/(?!/)[^"'\s>]*""", re.I)


class RootAbsoluteLinkError(ValueError):
    """Generated HTML links to '/...', which breaks when the site is served under a sub-path."""


def relative_url(target: str, current: str) -> str:
    """Link from the page at ``current`` to ``target`` (both relative to the site root)."""
    current_dir = current if current.endswith("/") or "/" not in current else posixpath.dirname(current) + "/"
    depth = current_dir.count("/")
    prefix = "../" * depth
    return (prefix + target) or "./"


def heading_slug(value: str, separator: str) -> str:
    """Heading ids from pinyin, so anchors are readable ASCII (回顾篇 -> hui-gu-pian)."""
    return ascii_slug(value, max_words=12) or "section"


def _escape_blocks(blocks: list[Block]) -> list[Block]:
    """Escape HTML in block text so OCR'd '<script>' shows as text; Markdown syntax still works."""
    return [Block(b.kind, html.escape(b.text, quote=False), b.level, b.id) for b in blocks]


# In escaped block text: what makes Python-Markdown do more than wrap the text in an element.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]{}!\t\n]|&(?!amp;|lt;|gt;)")
_BLOCK_SYNTAX = re.compile(r"[#>+\-=|:~ ]|\d+[.)](?:\s|$)")  # at the start of a block


def plain_body_html(blocks: list[Block], slugify: Any) -> tuple[str, list[dict[str, Any]]] | None:
    """The HTML and table of contents Python-Markdown makes of blocks of plain text, made directly.

    Almost every report body is headings, paragraphs and list items of plain text, for which
    Markdown (3 ms a report) only wraps each block in its element.  Any block with Markdown syntax
    (emphasis, links, code, escapes, a list or quote marker…) returns None: Markdown renders the
    body.  Heading ids are made as the toc extension makes them (its own ``unique`` and nesting).
    """
    for block in blocks:
        text = block.text
        if not text or text != text.strip() or _INLINE_SYNTAX.search(text) or _BLOCK_SYNTAX.match(text):
            return None
        if block.kind == "heading" and ("&" in text or "#" in text):  # entities; closing hashes (## a #)
            return None
    used = {block.id for block in blocks if block.id}
    counters: dict[str, int] = {}
    out: list[str] = []
    flat: list[dict[str, Any]] = []
    in_list = False
    for block in blocks:
        attribute = f' id="{block.id}"' if block.id else ""
        if block.kind == "item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li{attribute}>{block.text}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if block.kind == "heading":
            level = max(2, block.level or 2)
            name = " ".join(block.text.split())  # the toc extension's name: tags stripped, spaces collapsed
            heading_id = toc_extension.unique(slugify(name, "-"), used, counters)
            out.append(f'<h{level} id="{heading_id}">{block.text}</h{level}>')
            flat.append({"level": level, "id": heading_id, "name": name, "html": block.text, "data-toc-label": ""})
        else:
            out.append(f"<p{attribute}>{block.text}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out), toc_extension.nest_toc_tokens(flat)


class BodyRenderer:
    """Markdown → HTML for report bodies, with paragraph ids, figures and metric links."""

    def __init__(self, memo: Any = None) -> None:
        self._memo = memo  # a ModelMemo: heading ids kept between builds (pinyin is slow to load)
        self._report: tuple[str, str] | None = None  # (slug, file digest) of the report being rendered
        self._known: dict[tuple[str, str], str] | None = None
        self.fresh: list[tuple[tuple[str, ...], str]] = []  # heading ids made since the last take_fresh()
        self._md = markdown.Markdown(
            extensions=["attr_list", "toc", "sane_lists"],
            extension_configs={"toc": {"slugify": self._slugify, "permalink": False}},
        )

    def _slugify(self, value: str, separator: str) -> str:
        """A heading's id, from the memo when this heading (in this report or another) had one last time."""
        if self._memo is None or self._report is None:
            return heading_slug(value, separator)
        if self._known is None:  # every heading id of the last build, by heading text
            self._known = {(k[2], k[3]): v for k, v in self._memo.table("heading-slugs").items()}
        key = (*self._report, value, separator)
        known = self._known.get((value, separator))

        def compute() -> str:
            slug = known if known is not None else heading_slug(value, separator)
            self.fresh.append((key, slug))  # a render worker hands these back to the building process
            return slug

        return self._memo.get("heading-slugs", key, compute)

    def take_fresh(self) -> list[tuple[tuple[str, ...], str]]:
        """The heading ids made since the last call (for the memo of the process that keeps it)."""
        fresh, self.fresh = self.fresh, []
        return fresh

    def render(self, view: ReportView, metric_url: Any) -> tuple[str, list[dict[str, Any]]]:
        """Return the body HTML and the table of contents tokens for one report."""
        self._report = (view.report.slug, view.source)
        blocks = _escape_blocks(view.blocks)
        plain = plain_body_html(blocks, self._slugify)
        if plain is not None:
            body, toc = plain
        else:
            self._md.reset()
            body = self._md.convert(blocks_to_markdown(blocks))
            toc = list(getattr(self._md, "toc_tokens", []))
        body = insert_captions(body, view)  # first, so figures printed in captions get linked too
        body = highlight_figures(body, view, metric_url)
        body = insert_shared_notes(body, view)
        return body, toc


def _element_span(body: str, element_id: str) -> tuple[int, int] | None:
    """Start and end offsets of the element carrying id="element_id" (a paragraph, item, heading or figure)."""
    match = re.search(rf'<(p|li|h\d|figure)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', body)
    if not match:
        return None
    end = body.find(f"</{match.group(1)}>", match.end())
    return (match.start(), end + len(match.group(1)) + 3) if end >= 0 else None


def highlight_figures(body: str, view: ReportView, metric_url: Any) -> str:
    """Wrap each metric's printed phrase in its paragraph with a link to the metric page."""
    for index, record in enumerate(view.report.metrics):
        for anchor in [record.anchor, *record.also_at]:
            span = _element_span(body, anchor)
            if span is None:
                continue
            start, end = span
            segment = body[start:end]
            phrase = html.escape(record.text, quote=False)
            position = segment.find(phrase)
            if position < 0 or 'class="figure-value' in segment[max(0, position - 80) : position]:
                continue
            title = html.escape(f"{record.label}：{format_value(record.value, record.unit, record.approx)}")
            # Unclassified figures still lead somewhere: the page that lists them for editors.
            css = "figure-value" if record.metric else "figure-value unclassified"
            href = metric_url(record.metric or UNCLASSIFIED)
            link = f'<a class="{css}" href="{href}" title="{title}">{phrase}</a>'
            segment = segment[:position] + link + segment[position + len(phrase) :]
            body = body[:start] + segment + body[end:]
    return body


def insert_shared_notes(body: str, view: ReportView) -> str:
    """After each passage another report also prints, add a note linking to it there."""
    notes: dict[str, list[str]] = {}
    for link in view.shared_links:
        href = html.escape(relative_url(link.target, view.url))
        title = html.escape(link.other.report.title, quote=False)
        notes.setdefault(link.passage.anchor, []).append(f'<a href="{href}">{title}</a>')
    for anchor, links in notes.items():
        span = _element_span(body, anchor)
        if span is not None:
            note = f'<p class="also-in" data-search-ignore><span class="also-in-label">此段亦见于：</span>{"、".join(links)}</p>\n'
            body = body[: span[1]] + "\n" + note + body[span[1] :]
    return body


def insert_captions(body: str, view: ReportView) -> str:
    """Place each photo caption after the paragraph it followed on the printed page."""
    for number, figure in reversed(list(enumerate(view.report.figures, start=1))):
        caption = html.escape(figure.caption, quote=False)
        markup = (
            f'<figure class="photo" id="fig{number}"><figcaption><span class="photo-label">图{number}</span>'
            f"{caption}</figcaption></figure>\n"
        )
        span = _element_span(body, figure.after) if figure.after else None
        if span is None:
            body = markup + body if not figure.after else body + markup
        else:
            body = body[: span[1]] + "\n" + markup + body[span[1] :]
    return body


def make_environment(template_dirs: list[Path]) -> jinja2.Environment:
    """A Jinja2 environment with autoescaping and the project's filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["zh_number"] = format_number
    env.filters["zh_date"] = format_date
    env.filters["zh_value"] = format_value
    env.filters["zh_period"] = format_period
    env.filters["zh_count"] = format_count
    return env


_ROOT_ABSOLUTE_HINT = re.compile(r"""=\s*["']?/(?!/)""")  # starts with a literal: a fast scan that rules most pages out


def root_absolute_links(text: str) -> list[str]:
    """Every root-absolute internal reference (href="/...") in an HTML text."""
    if not _ROOT_ABSOLUTE_HINT.search(text):
        return []
    return [m.group(0) for m in _ROOT_ABSOLUTE.finditer(text)]


def check_relative_links(text: str, page: Page, template_name: str) -> None:
    """Fail the build, naming template and page, when HTML holds a link that breaks under a sub-path."""
    found = root_absolute_links(text)
    if found:
        raise RootAbsoluteLinkError(
            f"{template_name} -> {page.output_path}: root-absolute link {found[0]!r} breaks when the site is "
            f"published under a sub-path such as /<repo>/; use url('...') in templates or a relative link in content"
        )


def toc_markup(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Table of contents tokens with names marked safe: Markdown already escaped the heading text."""
    return [
        {**t, "name": Markup(t.get("name", "")), "children": toc_markup(t.get("children", []))} for t in tokens
    ]


def render_page(env: jinja2.Environment, page: Page, site: dict[str, Any], extra: dict[str, Any]) -> str:
    """Render one page to text; raise RootAbsoluteLinkError on a link that would break under a sub-path."""
    def url(target: str) -> str:
        return relative_url(target, page.url)

    template = env.get_template(page.template)
    if "toc" in extra:
        extra = {**extra, "toc": toc_markup(extra["toc"])}
    text = template.render(page=page, site=site, url=url, Markup=Markup, **extra, **page.context)
    if page.output_path.endswith(".html"):
        check_relative_links(text, page, template.filename or page.template)
    return text
