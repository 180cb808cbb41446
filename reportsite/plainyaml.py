"""A fast reader for the plain block YAML that front matter is written in, with PyYAML as the judge.

PyYAML builds its results in Python even with libyaml's parser: about 3.4 ms for a report's front
matter, plus 1 ms for the hazard scan, which made reading 10,000 content files the largest part of
a cold build.  Front matter as ingest writes it (and as editors usually leave it) is a small
subset of YAML: block mappings and sequences, one value per line, and scalars that are plain
Chinese text, integers, decimals, ``null``, ``true``/``false``, ISO dates or single-line quoted
strings.  ``read_plain_yaml`` reads exactly that subset, line by line, and gives up (``None``) on
the first line outside it, for PyYAML to read the whole text instead.

Within the subset the results are PyYAML's own, value for value and position for position, and the
text holds none of the traps ``hazards.py`` looks for (tabs, `` #``, ``: `` inside plain values):
``tests/test_plainyaml.py`` checks both on generated texts.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

import yaml

Positions = dict[str, tuple[int, int]]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +|$)")
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Characters that cannot start a plain scalar (YAML syntax); '-', '?' and ':' only before a space.
_INDICATORS = set(",[]{}#&*!|>'\"%@`")
_STR, _INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL_TAG, _NULL_TAG, _DATE_TAG = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"
_SCALARS = {"null": None, "true": True, "false": False}


class _Unsupported(Exception):
    """The text leaves the subset: PyYAML must read it."""


def read_plain_yaml(yaml_text: str, first_line: int = 2) -> tuple[dict[str, Any], Positions] | None:
    """The mapping and value positions of plain block YAML, or None when the text leaves the subset.

    ``first_line`` is the file line of the text's first line; positions are 1-based (line, column),
    keyed like ``metrics[3].value`` (and ``key@key`` for where a key itself sits), as frontmatter's
    reader records them.
    """
    if "\t" in yaml_text:
        return None
    rows = []
    for number, line in enumerate(yaml_text.split("\n")):
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#"):
            rows.append((number + first_line, len(line) - len(stripped), line.rstrip(" ")))
    positions: Positions = {}
    if not rows:
        return None  # an empty document is PyYAML's to judge (it reads as None)
    try:
        reader = _Reader(rows, positions)
        if rows[0][1] != 0:
            raise _Unsupported
        value, end = reader.mapping(0, 0, "")
        if end != len(rows):
            raise _Unsupported
    except _Unsupported:
        return None
    return value, positions


class _Reader:
    """Recursive descent over (file line, indent, text) rows."""

    def __init__(self, rows: list[tuple[int, int, str]], positions: Positions) -> None:
        self.rows = rows
        self.positions = positions

    def mapping(self, at: int, indent: int, prefix: str, column: int | None = None) -> tuple[dict[str, Any], int]:
        """A block mapping whose keys sit at ``indent`` (its first key at ``column`` of row ``at`` when inside '- ')."""
        out: dict[str, Any] = {}
        first = True
        while at < len(self.rows):
            line_no, row_indent, text = self.rows[at]
            start = column if first and column is not None else row_indent
            if not first and row_indent != indent:
                if row_indent > indent:
                    raise _Unsupported  # a continuation line or odd indentation
                break
            match = _KEY.match(text, start)
            if match is None:
                raise _Unsupported
            key = match.group(1)
            if key in out or _resolve(key) != _STR:
                raise _Unsupported  # a duplicate key (PyYAML's error says where), or a key that is not a string
            path = f"{prefix}.{key}" if prefix else key
            self.positions.setdefault(path + "@key", (line_no, start + 1))
            rest = text[match.end():]
            if rest:
                self.positions[path] = (line_no, match.end() + 1)
                out[key] = _scalar(rest)
                at += 1
            else:
                out[key], at = self.nested(at + 1, indent, path)
            first = False
        return out, at

    def nested(self, at: int, indent: int, path: str) -> tuple[Any, int]:
        """The block value of a key with nothing after its colon: a deeper mapping or a sequence."""
        if at >= len(self.rows):
            raise _Unsupported  # an empty value: PyYAML places its null oddly
        line_no, row_indent, text = self.rows[at]
        if text[row_indent:].startswith("- ") and row_indent >= indent:
            self.positions[path] = (line_no, row_indent + 1)
            return self.sequence(at, row_indent, path)
        if row_indent > indent:
            self.positions[path] = (line_no, row_indent + 1)
            return self.mapping(at, row_indent, path)
        raise _Unsupported

    def sequence(self, at: int, indent: int, prefix: str) -> tuple[list[Any], int]:
        """A block sequence whose '- ' marks sit at ``indent``."""
        out: list[Any] = []
        while at < len(self.rows):
            line_no, row_indent, text = self.rows[at]
            if row_indent != indent or not text[row_indent:].startswith("- "):
                if row_indent > indent:
                    raise _Unsupported
                break
            start = row_indent + 2
            if text[start : start + 1] == " ":
                raise _Unsupported
            path = f"{prefix}[{len(out)}]"
            self.positions[path] = (line_no, start + 1)
            if _KEY.match(text, start):
                item, at = self.mapping(at, start, path, column=start)
            else:
                item, at = _scalar(text[start:]), at + 1
            out.append(item)
        return out, at


def _scalar(text: str) -> Any:
    """The value of a scalar that fills the rest of a line (trailing spaces already gone)."""
    if text in ("[]", "{}"):
        return [] if text == "[]" else {}
    return _immutable_scalar(text)


@functools.lru_cache(maxsize=4096)  # values repeat across files: units, kinds, approx words, ids
def _immutable_scalar(text: str) -> Any:
    """_scalar for everything but the (mutable) empty collections."""
    first = text[0]
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Unsupported
        return inner.replace("''", "'")
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            raise _Unsupported
        return inner
    if "#" in text or ": " in text or text.endswith(":") or first in _INDICATORS or text[:2] in ("- ", "? ", ": ") \
            or text in ("-", "?", ":"):
        raise _Unsupported
    tag = _resolve(text)
    if tag == _STR:
        return text
    if tag in (_BOOL_TAG, _NULL_TAG) and text in _SCALARS:
        return _SCALARS[text]
    if tag == _INT_TAG and _INT.fullmatch(text):
        return int(text)
    if tag == _FLOAT_TAG and _FLOAT.fullmatch(text):
        return float(text)
    date = _DATE.fullmatch(text) if tag == _DATE_TAG else None
    if date:
        try:
            return _dt.date(int(date.group(1)), int(date.group(2)), int(date.group(3)))
        except ValueError:
            raise _Unsupported from None
    raise _Unsupported  # another form (0x1F, 1_000, yes, ~, 12:30…): PyYAML's to read


@functools.lru_cache(maxsize=1024)
def _resolve(text: str) -> str:
    """The tag PyYAML's own resolver gives a plain scalar (``str`` unless it looks like a number, bool…)."""
    for tag, pattern in yaml.resolver.Resolver.yaml_implicit_resolvers.get(text[0], []):
        if pattern.match(text):
            return tag
    return _STR
