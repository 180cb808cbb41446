"""Rendering: Jinja2 templates and Markdown → HTML files, with relative links that work under any sub-path."""

from __future__ import annotations

import html
import itertools
import posixpath
import re
from pathlib import Path
from types import FunctionType
from typing import Any, Callable

import jinja2
import jinja2.runtime
import jinja2.utils
import markdown
from markdown.extensions import toc as toc_extension
from markupsafe import Markup

from .body import blocks_to_markdown
from .model import Block
from .site import Page, ReportView
from .rules import table_title
from .slugs import ascii_slug
from .zh import format_count, format_date, format_number, format_period, format_value

UNCLASSIFIED = "unclassified"  # metrics/unclassified/ lists figures no metric claims
# A link or asset starting with a single "/" points at the server root and breaks under /<repo>/.
_ROOT_ABSOLUTE = re.compile(r"""\b(?:href|src|action|srcset|poster|data)\s*=\s*["']?/(?!/)[^"'\s>]*""", re.I)


class RootAbsoluteLinkError(ValueError):
    """Generated HTML links to '/...', which breaks when the site is served under a sub-path."""


def relative_url(target: str, current: str) -> str:
    """Link from the page at ``current`` to ``target`` (both relative to the site root)."""
    return (url_prefix(current) + target) or "./"


def link_maker(current: str) -> Callable[[str], str]:
    """The templates' ``url()`` on the page at ``current``: relative_url, its prefix worked out once (a table
    of 500 figures asks for 1,500 links)."""
    prefix = url_prefix(current)

    def url(target: str) -> str:
        return (prefix + target) or "./"
    return url


def url_prefix(current: str) -> str:
    """What leads from the page at ``current`` back to the site root: '', '../', '../../'..."""
    current_dir = current if current.endswith("/") or "/" not in current else posixpath.dirname(current) + "/"
    return "../" * current_dir.count("/")


def heading_slug(value: str, separator: str) -> str:
    """Heading ids from pinyin, so anchors are readable ASCII (回顾篇 -> hui-gu-pian)."""
    return ascii_slug(value, max_words=12) or "section"


def _escape_blocks(blocks: list[Block]) -> list[Block]:
    """Escape HTML in block text so OCR'd '<script>' shows as text; Markdown syntax still works."""
    return [Block(b.kind, html.escape(b.text, quote=False), b.level, b.id) for b in blocks]


# In escaped block text: what makes Python-Markdown do more than wrap the text in an element.  Asterisks
# are left to bold_html; "\r", STX and ETX are changed by Markdown's whitespace normalisation.
_INLINE_SYNTAX = re.compile(r"[\\`_\[\]{}!\t\n\r\x02\x03]|&(?!amp;|lt;|gt;)")
_BLOCK_SYNTAX = re.compile(r"[#>+\-=|:~ ]|\d+[.)](?:\s|$)")  # at the start of a block
_SPACE = re.compile(r"\s")  # Markdown's idea of whitespace around an asterisk run (Unicode, as here)


def bold_html(text: str) -> str | None:
    """Escaped text whose only emphasis is '**bold**' pairs, with each pair made <strong>; None otherwise.

    Python-Markdown's asterisk processor pairs runs of exactly two asterisks left to right when each
    opening run is followed, and each closing run preceded, by a character that is not whitespace:
    '**守牢安全底线。**推动' -> '<strong>守牢安全底线。</strong>推动'.  Anything else (a single or
    triple asterisk, three or five… runs, a space inside the pair) returns None: Markdown decides.
    """
    if "*" not in text:
        return text
    parts = text.split("**")  # outside, bold, outside, bold, …, outside
    if any("*" in part for part in parts):
        return None
    if len(parts) == 2:  # a lone run pairs with nothing: printed as it is (a bold lead-in split by OCR)
        return text
    if len(parts) % 2 == 0:
        return None
    for inner in parts[1::2]:
        if not inner or _SPACE.match(inner[0]) or _SPACE.match(inner[-1]):
            return None
    return "".join(part if i % 2 == 0 else f"<strong>{part}</strong>" for i, part in enumerate(parts))


def plain_body_html(blocks: list[Block], slugify: Any) -> tuple[str, list[dict[str, Any]]] | None:
    """The HTML and table of contents Python-Markdown makes of blocks of plain text, made directly.

    Almost every report body is headings, paragraphs and list items of plain text, perhaps with a
    bold lead-in, for which Markdown (2-3 ms a report) only wraps each block in its element.  Any
    block with other Markdown syntax (emphasis, links, code, escapes, a list or quote marker, bold in
    a heading…) returns None: Markdown renders the body.  Heading ids are made as the toc extension
    makes them (its own ``unique`` and nesting).
    """
    inner: list[str] = []
    for block in blocks:
        if block.kind == "item" and block.level:
            return None  # a numbered list: Markdown's <ol start="…">
        text = block.text
        if not text or text != text.strip() or _INLINE_SYNTAX.search(text) or _BLOCK_SYNTAX.match(text):
            return None
        if block.kind == "heading" and ("&" in text or "#" in text or "*" in text):  # entities; closing hashes
            return None
        html_text = bold_html(text)
        if html_text is None:
            return None
        inner.append(html_text)
    used = {block.id for block in blocks if block.id}
    counters: dict[str, int] = {}
    out: list[str] = []
    flat: list[dict[str, Any]] = []
    in_list = False
    for block, text in zip(blocks, inner):
        attribute = f' id="{block.id}"' if block.id else ""
        if block.kind == "item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li{attribute}>{text}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if block.kind == "heading":
            level = max(2, block.level or 2)
            name = " ".join(text.split())  # the toc extension's name: tags stripped, spaces collapsed
            heading_id = toc_extension.unique(slugify(name, "-"), used, counters)
            out.append(f'<h{level} id="{heading_id}">{text}</h{level}>')
            flat.append({"level": level, "id": heading_id, "name": name, "html": text, "data-toc-label": ""})
        else:
            out.append(f"<p{attribute}>{text}</p>")
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
            extensions=["attr_list", "toc", "sane_lists", "tables"],
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
        return numeric_columns_aligned(table_titles_as_captions(body)), toc


def _element_span(body: str, element_id: str) -> tuple[int, int] | None:
    """Start and end offsets of the element carrying id="element_id" (a paragraph, item, heading or figure)."""
    match = re.search(rf'<(p|li|h\d|figure)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', body)
    if not match:
        return None
    end = body.find(f"</{match.group(1)}>", match.end())
    return (match.start(), end + len(match.group(1)) + 3) if end >= 0 else None


_ELEMENT_START = re.compile(r"<(p|li|h\d|figure)\b([^>]*)>")  # _element_span's start tag, whatever its id
_ID_ATTRIBUTE = re.compile(r'\bid="(?=([^"]*)")')  # every id="…" of a start tag, overlapping ones too


def element_spans(body: str) -> dict[str, tuple[int, int, int, int]]:
    """For each id, what _element_span finds, in one pass: element start, content start, content end, element end.

    Only the first element carrying an id counts; an id whose element has no end tag is left out.
    """
    spans: dict[str, tuple[int, int, int, int]] = {}
    seen: set[str] = set()
    for match in _ELEMENT_START.finditer(body):
        for attribute in _ID_ATTRIBUTE.finditer(body, match.start(2), match.end(2)):
            element_id = attribute.group(1)
            if element_id in seen:
                continue
            seen.add(element_id)
            end = body.find(f"</{match.group(1)}>", match.end())
            if end >= 0:
                spans[element_id] = (match.start(), match.end(), end, end + len(match.group(1)) + 3)
    return spans


def _figure_link(record: Any, phrase: str, metric_url: Any) -> str:
    """The link that wraps a metric's printed phrase: to the metric page, titled with its value."""
    title = html.escape(f"{record.label}：{format_value(record.value, record.unit, record.approx)}")
    # Unclassified figures still lead somewhere: the page that lists them for editors.
    css = "figure-value" if record.metric else "figure-value unclassified"
    href = metric_url(record.metric or UNCLASSIFIED)
    return f'<a class="{css}" href="{href}" title="{title}">{phrase}</a>'


def _linked_segments(body: str, view: ReportView, metric_url: Any) -> dict[int, tuple[int, str]] | None:
    """The elements highlight_figures changes, by start offset: (end offset, new text); None if unsure.

    Each element is edited as a string of its own, so a body is scanned once, not once per figure.
    That gives what editing the whole body gives while each link lands inside its element's content
    and the elements looked at do not overlap; otherwise None, and the body is rescanned per figure.
    """
    spans = element_spans(body)
    looked_at: dict[int, int] = {}
    edited: dict[int, tuple[int, str]] = {}
    for record in view.report.metrics:
        phrase = html.escape(record.text, quote=False)
        for anchor in [record.anchor, *record.also_at]:
            if '"' in anchor:  # element_spans reads id values up to a quote
                return None
            span = spans.get(anchor)
            if span is None:
                continue
            start, content_start, content_end, end = span
            looked_at[start] = end
            segment = edited[start][1] if start in edited else body[start:end]
            position = segment.find(phrase)
            if position < 0 or 'class="figure-value' in segment[max(0, position - 80) : position]:
                continue
            tail = end - content_end  # the end tag, which links never move
            if position < content_start - start or position + len(phrase) > len(segment) - tail:
                return None
            link = _figure_link(record, phrase, metric_url)
            edited[start] = (end, segment[:position] + link + segment[position + len(phrase) :])
    bounds = sorted(looked_at.items())
    if any(next_start < end for (_, end), (next_start, _) in zip(bounds, bounds[1:])):
        return None
    return edited


def _splice(body: str, edited: dict[int, tuple[int, str]]) -> str:
    """The body with each edited element (start offset -> end offset, new text) put in place."""
    pieces: list[str] = []
    done = 0
    for start in sorted(edited):
        end, text = edited[start]
        pieces += [body[done:start], text]
        done = end
    pieces.append(body[done:])
    return "".join(pieces)


def highlight_figures(body: str, view: ReportView, metric_url: Any) -> str:
    """Wrap each metric's printed phrase in its paragraph with a link to the metric page."""
    edited = _linked_segments(body, view, metric_url)
    if edited is None:
        return highlight_figures_rescanning(body, view, metric_url)
    return _splice(body, edited)


def highlight_figures_rescanning(body: str, view: ReportView, metric_url: Any) -> str:
    """highlight_figures as it reads most simply: find the element again after every link (slow on long bodies)."""
    for record in view.report.metrics:
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
            segment = segment[:position] + _figure_link(record, phrase, metric_url) + segment[position + len(phrase) :]
            body = body[:start] + segment + body[end:]
    return body


# A paragraph right before a table (nothing between them: no note on a shared passage), and its words.
_PARAGRAPH_OVER_TABLE = re.compile(r"<p((?: [^>]*)?)>((?:(?!</p>).)*)</p>\n?<table>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_NUMBERED_TABLE = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+")  # 表1, 附表2, 表三: a table's number
TABLE_TITLE_MAX = 80  # characters of a table's title at most


def table_titles_as_captions(body: str) -> str:
    """The body with each table's title, printed as a paragraph right above it (表1　…情况, …一览表), made the
    table's caption, its id and links kept: a reader sees which table the title names, and prose stays prose.
    A paragraph that reads as a sentence (closing on 。, or longer than a title) stays a paragraph."""
    def caption(match: re.Match[str]) -> str:
        words = html.unescape(_TAGS.sub("", match.group(2))).strip()
        if not words or len(words) > TABLE_TITLE_MAX or words.endswith(("。", "！", "？", "：", ":")):
            return match.group(0)
        if not (_NUMBERED_TABLE.match(words) or table_title(words)):
            return match.group(0)
        return f"<table>\n<caption{match.group(1)}>{match.group(2)}</caption>"
    return _PARAGRAPH_OVER_TABLE.sub(caption, body) if "<table>" in body else body


_TABLE = re.compile(r"<table>.*?</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)((?: [^>]*)?)>(.*?)</\1>", re.S)
# A cell holding one number and at most a short unit after it (612, 62.1%, 1,360家, 8.6万册): figures a reader compares
_NUMERIC_CELL = re.compile(r"[-+−]?\d[\d,.]*\s*(?:%|‰)?[\u4e00-\u9fff]{0,3}")
_YEAR_CELL = re.compile(r"(?:19|20)\d\d\s*年?(?:度)?")


def numeric_columns_aligned(body: str) -> str:
    """The body with the cells of each table column whose body cells all hold a number (and its header cell) marked
    ``class="num"``, which the style sets right-aligned: figures line up by their digits."""
    if "<table>" not in body:
        return body

    def table(match: re.Match[str]) -> str:
        rows = [[cell for cell in _CELL.finditer(row.group(1))] for row in _ROW.finditer(match.group(0))]
        data = [row for row in rows if row and row[0].group(1) == "td"]
        if not data:
            return match.group(0)
        width = max(len(row) for row in data)
        words = [[_TAGS.sub("", cell.group(3)).strip() for cell in row] for row in data]
        numeric = {column for column in range(width)
                   if all(column < len(row) and _NUMERIC_CELL.fullmatch(row[column]) for row in words)
                   and not all(_YEAR_CELL.fullmatch(row[column]) for row in words)}  # years label rows, not figures
        if not numeric:
            return match.group(0)

        def cell(found: re.Match[str], column: int) -> str:
            if column not in numeric or "class=" in found.group(2):
                return found.group(0)
            return f'<{found.group(1)}{found.group(2)} class="num">{found.group(3)}</{found.group(1)}>'

        def row(found: re.Match[str]) -> str:
            columns = itertools.count()
            return "<tr>" + _CELL.sub(lambda c: cell(c, next(columns)), found.group(1)) + "</tr>"
        return _ROW.sub(row, match.group(0))
    return _TABLE.sub(table, body)


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


class _Context(jinja2.runtime.Context):
    """Jinja's context, calling plain functions and macros straight away.

    Every call in a template (``url(…)``, a macro) goes through ``Context.call``, which looks twice for a
    ``pass_context``-style mark on the callable and its ``__call__`` before calling it: a few microseconds,
    paid 200 times a page (2.7 million calls at 10,000 reports).  A plain function with no attributes and a
    template's own macro carry no such mark, so they are called at once, as Jinja would call them; anything
    else (a marked function, a callable object) takes Jinja's own way.
    """

    @jinja2.utils.internalcode  # hidden from a template error's traceback, as Jinja's own call is
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's own signature)
        kind = type(__obj)
        if (kind is FunctionType and not __obj.__dict__) or kind is jinja2.runtime.Macro:
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception")
        return super().call(__obj, *args, **kwargs)


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
    env.context_class = _Context
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
    url = link_maker(page.url)
    template = env.get_template(page.template)
    if "toc" in extra:
        extra = {**extra, "toc": toc_markup(extra["toc"])}
    text = template.render(page=page, site=site, url=url, Markup=Markup, **extra, **page.context)
    if page.output_path.endswith(".html"):
        check_relative_links(text, page, template.filename or page.template)
    return text
