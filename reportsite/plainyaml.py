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


Row = tuple[int, int, str]  # file line, indentation, text after the indentation (trailing spaces gone)


def read_plain_yaml(yaml_text: str, first_line: int = 2) -> tuple[dict[str, Any], Positions] | None:
    """The mapping and value positions of plain block YAML, or None when the text leaves the subset.

    ``first_line`` is the file line of the text's first line; positions are 1-based (line, column),
    keyed like ``metrics[3].value`` (and ``key@key`` for where a key itself sits), as frontmatter's
    reader records them.
    """
    if "\t" in yaml_text:
        return None
    rows = _rows(yaml_text, first_line)
    positions: Positions = {}
    if not rows:
        return None  # an empty document is PyYAML's to judge (it reads as None)
    try:
        if rows[0][1] != 0:
            raise _Unsupported
        value, end = _Reader(rows, positions).mapping(0, 0, "")
        if end != len(rows):
            raise _Unsupported
    except _Unsupported:
        return None
    return value, positions


def _rows(yaml_text: str, first_line: int) -> list[Row]:
    """The lines that hold something (not blank, not a comment), each as (file line, indent, text)."""
    rows = []
    for number, line in enumerate(yaml_text.split("\n"), first_line):
        text = line.lstrip(" ")
        if text and text[0] != "#":
            rows.append((number, len(line) - len(text), text.rstrip(" ")))
    return rows


class _Reader:
    """Recursive descent over (file line, indent, text) rows."""

    def __init__(self, rows: list[Row], positions: Positions) -> None:
        self.rows = rows
        self.positions = positions

    def mapping(self, at: int, indent: int, prefix: str, first: str | None = None) -> tuple[dict[str, Any], int]:
        """A block mapping whose keys sit at column ``indent`` (0-based).

        ``first`` is the text of its first entry when that shares a row with a list item's '- '.
        """
        rows, positions = self.rows, self.positions
        out: dict[str, Any] = {}
        text = first
        end, column = len(rows), indent + 1  # 1-based column of the keys
        while at < end:
            line_no, row_indent, row_text = rows[at]
            if text is None:
                if row_indent != indent:
                    if row_indent > indent:
                        raise _Unsupported  # a continuation line or odd indentation
                    break
                text = row_text
            entry = _entry(text)
            if entry is None:
                raise _Unsupported
            key, offset, value = entry
            if key in out:
                raise _Unsupported  # a duplicate key: PyYAML's error says where
            path = f"{prefix}.{key}" if prefix else key
            positions[path + "@key"] = (line_no, column)  # paths are unique: no setdefault needed
            if value is not _NESTED:
                positions[path] = (line_no, column + offset)
                out[key] = value.make() if type(value) is _Empty else value  # _fresh(value), inlined: the hot path
                at += 1
            else:
                out[key], at = self.nested(at + 1, indent, path)
            text = None
        return out, at

    def nested(self, at: int, indent: int, path: str) -> tuple[Any, int]:
        """The block value of a key with nothing after its colon: a deeper mapping or a sequence."""
        if at >= len(self.rows):
            raise _Unsupported  # an empty value: PyYAML places its null oddly
        line_no, row_indent, text = self.rows[at]
        if text.startswith("- ") and row_indent >= indent:
            self.positions[path] = (line_no, row_indent + 1)
            return self.sequence(at, row_indent, path)
        if row_indent > indent:
            self.positions[path] = (line_no, row_indent + 1)
            return self.mapping(at, row_indent, path)
        raise _Unsupported

    def sequence(self, at: int, indent: int, prefix: str) -> tuple[list[Any], int]:
        """A block sequence whose '- ' marks sit at ``indent``."""
        rows, positions = self.rows, self.positions
        out: list[Any] = []
        while at < len(rows):
            line_no, row_indent, text = rows[at]
            if row_indent != indent or not text.startswith("- "):
                if row_indent > indent:
                    raise _Unsupported
                break
            item = text[2:]
            if item[0] == " ":
                raise _Unsupported
            path = f"{prefix}[{len(out)}]"
            positions[path] = (line_no, indent + 3)
            if _entry(item) is not None:
                value, at = self.mapping(at, indent + 2, path, first=item)
            else:
                value, at = _fresh(_scalar(item)), at + 1
            out.append(value)
        return out, at


@functools.lru_cache(maxsize=8192)  # most lines recur across files: 'kind: actual', 'unit: 人', 'anchor: p3'
def _entry(text: str) -> tuple[str, int, Any] | None:
    """A 'key: value' line as its key, the value's offset in the text and the value.

    The value is _NESTED when nothing follows the colon, and an _Empty for '[]' and '{}'.  None when
    the text does not start with a plain key and a colon that ends it or is followed by spaces (so a
    list item holding it is a scalar); _Unsupported for a key that PyYAML does not read as a string.
    """
    colon = text.find(":")
    key = text[:colon]
    if colon < 0 or not (key.isascii() and key.isidentifier()):  # ASCII identifiers: [A-Za-z_][A-Za-z0-9_]*
        return None
    rest = text[colon + 1 :]
    value = rest.lstrip(" ")
    if value == rest != "":
        return None  # 'key:value' is one plain scalar
    if _resolve(key) != _STR:
        raise _Unsupported  # a key such as 'on' or 'null' that PyYAML reads as another type
    return key, len(text) - len(value), _scalar(value) if value else _NESTED


class _Empty:
    """An empty flow collection ('[]' or '{}') as cached: shared, so each place it is read makes its own."""

    def __init__(self, make: type) -> None:
        self.make = make


_NESTED = object()  # an entry whose value is on the lines below its key
_EMPTY = {"[]": _Empty(list), "{}": _Empty(dict)}


def _scalar(text: str) -> Any:
    """The value of a scalar that fills the rest of a line (trailing spaces already gone); an _Empty for [] or {}."""
    return _EMPTY.get(text) or _immutable_scalar(text)


def _fresh(scalar: Any) -> Any:
    """What _scalar read, as a value to store: a new list or dict for an _Empty."""
    return scalar.make() if type(scalar) is _Empty else scalar


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
    if not text.isascii():
        return _STR  # PyYAML's patterns match ASCII text only (tests/test_plainyaml.py checks): '853期' is text
    for tag, pattern in yaml.resolver.Resolver.yaml_implicit_resolvers.get(text[0], []):
        if pattern.match(text):
            return tag
    return _STR
