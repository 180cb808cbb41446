"""Content files → ``Report`` records, validated against the documented front-matter schema.

Every problem becomes a ``ContentError`` with the file, line and column of the offending value, so
``check`` and ``build`` can print ``content/linan-2015.md:14:5: error: metrics[3].value: expected a number``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Any, Callable

import yaml

from .frontmatter import ContentError, Parsed, parse_content, split_front_matter
from .model import (
    DuplicateRecord,
    FigureCaption,
    MetricRecord,
    Period,
    Region,
    Report,
    ReviewNote,
    SharedPassage,
)

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
APPROX_VALUES = {None, "near", "over", "at_least", "at_most", "about", "under"}
KIND_VALUES = {"actual", "target"}
DUPLICATE_KINDS = {"layout", "restatement"}


class _Checker:
    """Collects schema errors for one file instead of stopping at the first."""

    def __init__(self, parsed: Parsed, path: str) -> None:
        self.parsed = parsed
        self.path = path
        self.errors: list[ContentError] = []

    def fail(self, key_path: str, message: str) -> None:
        """Record an error at the position of ``key_path``."""
        line, column = self.parsed.where(key_path)
        self.errors.append(ContentError(self.path, line, column, f"{key_path}: {message}"))

    def text(self, data: dict[str, Any], key: str, prefix: str, required: bool = False) -> str | None:
        """Return a string value, or record an error."""
        value = data.get(key)
        if isinstance(value, str) and (value.strip() or not required):
            return value  # the common case, settled before any message is made
        where = f"{prefix}{key}"
        if value is None:
            if required:
                self.fail(where if key in data else prefix.rstrip(".") or key, f"required key '{key}' is missing" if key not in data else "must not be empty")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.fail(where, "expected text")
            return None
        if required and not value.strip():
            self.fail(where, "must not be empty")
        return value

    def items(self, data: dict[str, Any], key: str, build: Callable[[Any, str], Any]) -> list[Any]:
        """Build each element of a list value with ``build(element, key_path)``."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, "expected a list")
            return []
        out = []
        for index, element in enumerate(value):
            built = build(element, f"{key}[{index}]")
            if built is not None:
                out.append(built)
        return out

    def mapping(self, value: Any, where: str) -> dict[str, Any] | None:
        """Return value when it is a mapping, else record an error."""
        if isinstance(value, dict):
            return value
        self.fail(where, "expected a mapping of keys to values")
        return None


def _number(value: Any) -> bool:
    """True for ints and floats, not booleans."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _region(c: _Checker, data: dict[str, Any]) -> Region | None:
    """Read region: either a name or {name, parent}."""
    value = data.get("region")
    if value is None:
        return None
    if isinstance(value, str):
        return Region(value)
    mapping = c.mapping(value, "region")
    if mapping is None:
        return None
    name = c.text(mapping, "name", "region.", required=True)
    parent = c.text(mapping, "parent", "region.")
    return Region(name, parent) if name else None


def _period(c: _Checker, data: dict[str, Any]) -> Period | None:
    """Read period: a year, or {start, end}."""
    value = data.get("period")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return Period(value, value)
    mapping = c.mapping(value, "period")
    if mapping is None:
        return None
    start, end = mapping.get("start"), mapping.get("end", mapping.get("start"))
    for key, year in (("start", start), ("end", end)):
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
            c.fail(f"period.{key}", "expected a year such as 2015")
            return None
    if start > end:
        c.fail("period.end", f"end year {end} is before start year {start}")
        return None
    return Period(start, end)


def _date(c: _Checker, data: dict[str, Any]) -> _dt.date | None:
    """Read date: an ISO date such as 2021-08-03."""
    value = data.get("date")
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    c.fail("date", f"expected a date written YYYY-MM-DD, got {value!r}")
    return None


def _figure(c: _Checker, value: Any, where: str) -> FigureCaption | None:
    """Read one figures[] entry."""
    mapping = c.mapping(value, where)
    if mapping is None:
        return None
    caption = c.text(mapping, "caption", where + ".", required=True)
    after = c.text(mapping, "after", where + ".")
    return FigureCaption(caption, after) if caption else None


def _metric(c: _Checker, value: Any, where: str) -> MetricRecord | None:
    """Read one metrics[] entry."""
    m = c.mapping(value, where)
    if m is None:
        return None
    ok = True
    if not _number(m.get("value")):
        c.fail(f"{where}.value", "expected a number")
        ok = False
    if m.get("approx") not in APPROX_VALUES:
        c.fail(f"{where}.approx", f"expected one of near, over, at_least, at_most, about or nothing; got {m.get('approx')!r}")
        ok = False
    kind = m.get("kind", "actual")
    if kind not in KIND_VALUES:
        c.fail(f"{where}.kind", f"expected actual or target; got {kind!r}")
        ok = False
    inner = where + "."
    unit = c.text(m, "unit", inner, required=True)
    text = c.text(m, "text", inner, required=True)
    anchor = c.text(m, "anchor", inner, required=True)
    metric = c.text(m, "metric", inner)
    also = m.get("also_at") or []
    if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
        c.fail(f"{where}.also_at", "expected a list of paragraph ids")
        ok = False
    if not (ok and unit and text and anchor):
        return None
    return MetricRecord(
        metric=metric,
        label=c.text(m, "label", inner) or "",
        value=m["value"],
        unit=unit,
        text=text,
        anchor=anchor,
        approx=m.get("approx"),
        period=c.text(m, "period", inner),
        kind=kind,
        also_at=list(also),
        caption=bool(m.get("caption", False)),
    )


def _duplicate(c: _Checker, value: Any, where: str) -> DuplicateRecord | None:
    """Read one duplicates[] entry."""
    m = c.mapping(value, where)
    if m is None:
        return None
    text = c.text(m, "text", where + ".", required=True)
    repeats = c.text(m, "repeats", where + ".", required=True)
    kind = m.get("kind", "layout")
    if kind not in DUPLICATE_KINDS:
        c.fail(f"{where}.kind", f"expected layout or restatement; got {kind!r}")
        return None
    keep = m.get("keep", False)
    if not isinstance(keep, bool):
        c.fail(f"{where}.keep", "expected true or false")
        return None
    offset = m.get("offset")
    if offset is not None and (not isinstance(offset, int) or isinstance(offset, bool) or offset < 0):
        c.fail(f"{where}.offset", "expected a character position (0 or more)")
        return None
    if not (text and repeats):
        return None
    return DuplicateRecord(text, c.text(m, "removed_from", where + "."), repeats, kind, keep, offset)


def _shared(c: _Checker, value: Any, where: str) -> SharedPassage | None:
    """Read one also_in[] entry."""
    m = c.mapping(value, where)
    if m is None:
        return None
    text = c.text(m, "text", where + ".", required=True)
    anchor = c.text(m, "anchor", where + ".", required=True)
    report = c.text(m, "report", where + ".", required=True)
    if not (text and anchor and report):
        return None
    return SharedPassage(text, anchor, report, c.text(m, "other_anchor", where + "."))


def _review(c: _Checker, value: Any, where: str) -> ReviewNote | None:
    """Read one review[] entry."""
    m = c.mapping(value, where)
    if m is None:
        return None
    kind = c.text(m, "kind", where + ".", required=True)
    text = c.text(m, "text", where + ".") or ""
    if not kind:
        return None
    return ReviewNote(kind, c.text(m, "anchor", where + "."), text, c.text(m, "note", where + ".") or "")


def _string_list(c: _Checker, data: dict[str, Any], key: str) -> list[str]:
    """Read a list of strings (authors, debris)."""
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        c.fail(key, "expected a list")
        return []
    out = []
    for index, item in enumerate(value):
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            out.append(str(item))
        elif isinstance(item, dict):
            c.fail(f"{key}[{index}]", "expected text, but an unquoted ': ' made it a 'key: value' pair; put the item in quotes")
        else:
            c.fail(f"{key}[{index}]", "expected text")
    return out


KNOWN_KEYS = {
    "title", "subtitle", "kicker", "slug", "source", "region", "organization", "period", "date",
    "authors", "lead", "figures", "metrics", "duplicates", "also_in", "review", "debris",
}


def report_from_parsed(parsed: Parsed, path: str) -> tuple[Report | None, list[ContentError]]:
    """Validate parsed front matter and build a Report; return it (or None) with all errors found."""
    c = _Checker(parsed, path)
    meta = parsed.meta
    title = c.text(meta, "title", "", required=True)
    slug = c.text(meta, "slug", "", required=True)
    if slug and not SLUG_RE.match(slug):
        c.fail("slug", f"'{slug}' is not safe as a path: use lower-case ASCII letters, digits and '-' only")
    report = Report(
        title=title or "",
        slug=slug or "",
        body=parsed.body,
        source=c.text(meta, "source", ""),
        subtitle=c.text(meta, "subtitle", ""),
        kicker=c.text(meta, "kicker", ""),
        region=_region(c, meta),
        organization=c.text(meta, "organization", ""),
        period=_period(c, meta),
        date=_date(c, meta),
        authors=_string_list(c, meta, "authors"),
        lead=c.text(meta, "lead", ""),
        figures=c.items(meta, "figures", lambda v, w: _figure(c, v, w)),
        metrics=c.items(meta, "metrics", lambda v, w: _metric(c, v, w)),
        duplicates=c.items(meta, "duplicates", lambda v, w: _duplicate(c, v, w)),
        also_in=c.items(meta, "also_in", lambda v, w: _shared(c, v, w)),
        review=c.items(meta, "review", lambda v, w: _review(c, v, w)),
        debris=_string_list(c, meta, "debris"),
        extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
    )
    return (None if c.errors else report), c.errors


def load_report(path: Path, display: str | None = None) -> tuple[Report | None, list[ContentError]]:
    """Read one content file; return the Report (or None) and every error with its place."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [ContentError(name, 1, 1, f"not UTF-8 text: {exc.reason}")]
    try:
        parsed = parse_file(text, name)
    except ContentError as exc:
        return None, [exc]
    return report_from_parsed(parsed, name)


def parse_file(text: str, name: str) -> Parsed:
    """parse_content, with impossible dates (2015-13-01) reported at their place instead of crashing."""
    try:
        return parse_content(text, name)
    except ValueError as exc:  # PyYAML's date constructor raises a bare ValueError without a place
        if isinstance(exc, ContentError):
            raise
        line, column = _bad_timestamp_place(text)
        raise ContentError(name, line, column, f"invalid date: {exc}; write it as YYYY-MM-DD") from exc


def _bad_timestamp_place(text: str) -> tuple[int, int]:
    """Line and column of the first YAML date value that is not a real calendar date."""
    yaml_text, _body, _line = split_front_matter(text.replace("\r\n", "\n"))
    node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.MappingNode):
            stack[:0] = [value for pair in current.value for value in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack[:0] = list(current.value)
        elif current.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(current)
            except ValueError:
                return current.start_mark.line + 2, current.start_mark.column + 1
    return 2, 1


class ContentFolderError(Exception):
    """The content folder exists but cannot be listed (no permission, a loop of symbolic links...)."""


def content_files(content_dir: Path) -> list[Path]:
    """Return the content files in sorted order (hidden files and backups skipped); none when the folder is missing."""
    try:
        with os.scandir(content_dir) as entries:  # names, not Path objects, are sorted: 10,000 files per build
            names = sorted(entry.name for entry in entries if entry.name.endswith(".md") and not entry.name.startswith("."))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise ContentFolderError(f"{content_dir}: cannot read the content folder: {exc.strerror}") from exc
    return [content_dir / name for name in names]
