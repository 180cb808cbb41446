"""The one front-matter reader and the one writer, used by ingest, check, build and the tests.

A content file is::

    ---
    <YAML mapping>
    ---
    <Markdown body>

The reader keeps the position (line, column in the file, 1-based) of every value, so errors can say
``content/linan-2015.md:14:5: metrics[3].value: expected a number``.  It refuses duplicate keys and tabs,
two traps that YAML either hides or reports obscurely.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .plainyaml import read_plain_yaml

FENCE = "---"


@dataclass
class ContentError(Exception):
    """A problem in a content file, with its place: path:line:col: message."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


@dataclass
class Parsed:
    """Front matter, body and where every front-matter value sits in the file."""

    meta: dict[str, Any]
    body: str
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # "metrics[3].value" -> (line, col)
    body_line: int = 1  # line number of the body's first line in the file
    plain: bool = False  # read by plainyaml: the front matter holds none of the hazards check looks for

    def where(self, key_path: str) -> tuple[int, int]:
        """Return the (line, column) of a key path, or of its nearest parent that has one."""
        path = key_path
        while path:
            if path in self.positions:
                return self.positions[path]
            path = _parent_path(path)
        return (2, 1)


def _parent_path(path: str) -> str:
    """metrics[3].value -> metrics[3] -> metrics -> ''."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
    if "." in path:
        return path[: path.rindex(".")]
    return ""


def split_front_matter(text: str, path: str = "<string>") -> tuple[str, str, int]:
    """Split a content file into (yaml_text, body, body_line); raise ContentError without fences."""
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != FENCE:
        raise ContentError(path, 1, 1, "file must start with a '---' line opening the front matter")
    fence = _closing_fence(text, first_end)
    if fence < 0:
        raise ContentError(path, 1, 1, "front matter is not closed by a second '---' line")
    yaml_text = text[first_end + 1 : fence] + "\n"  # a literal block keeps its final newline
    body_start = text.find("\n", fence + 1)
    body = text[body_start + 1 :] if body_start >= 0 else ""
    return yaml_text, body, text.count("\n", 0, fence) + 3


def _closing_fence(text: str, start: int) -> int:
    """The index of the line break that opens the first '---' line after the one ending at ``start``; -1 if none.

    The search jumps from one line starting with '---' to the next instead of reading every line.
    """
    if start < 0:
        return -1
    at = text.find("\n" + FENCE, start)
    while at >= 0:
        end = text.find("\n", at + 1)
        if text[at + 1 : end if end >= 0 else len(text)].rstrip() == FENCE:  # an indented --- belongs to a YAML value
            return at
        at = text.find("\n" + FENCE, at + 1)
    return -1


# libyaml's C parser and emitter when PyYAML has them: the same results, several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _PositionLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that refuses duplicate keys (it reads front matter, which starts on line 2 of the file)."""


def _construct_mapping(loader: _PositionLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """Build a dict, raising on a key that appears twice in one mapping."""
    seen: dict[Any, yaml.Node] = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first at line {seen[key].start_mark.line + 2})", key_node.start_mark
            )
        seen[key] = key_node
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


_PositionLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _collect_positions(node: yaml.Node, prefix: str, line_offset: int, out: dict[str, tuple[int, int]]) -> None:
    """Record the file position of every value below ``node`` under its key path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            path = f"{prefix}.{key}" if prefix else key
            out[path] = (value_node.start_mark.line + line_offset, value_node.start_mark.column + 1)
            out.setdefault(path + "@key", (key_node.start_mark.line + line_offset, key_node.start_mark.column + 1))
            _collect_positions(value_node, path, line_offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            out[path] = (item.start_mark.line + line_offset, item.start_mark.column + 1)
            _collect_positions(item, path, line_offset, out)


def _compose_and_construct(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """Parse the YAML once: the node tree (for positions) and the data built from it."""
    loader = _PositionLoader(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


def _refuse_tab_indentation(yaml_text: str, path: str, line_offset: int) -> None:
    """Raise ContentError at the first line whose indentation holds a tab."""
    for number, line in enumerate(yaml_text.split("\n")):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise ContentError(path, number + line_offset, 1, "tab used for indentation; YAML needs spaces")


def parse_content(text: str, path: str = "<string>") -> Parsed:
    """Parse a content file into front matter, body and value positions; raise ContentError on bad YAML."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    yaml_text, body, body_line = split_front_matter(text, path)
    line_offset = 2  # the YAML starts on line 2 of the file; marks are 0-based
    if "\t" in yaml_text:  # rare: only then is each line's indentation looked at
        _refuse_tab_indentation(yaml_text, path, line_offset)
    plain = read_plain_yaml(yaml_text, line_offset)
    if plain is not None:  # the common case, read without PyYAML (same results: see plainyaml.py)
        return Parsed(meta=plain[0], body=body, positions=plain[1], body_line=body_line, plain=True)
    try:
        node, meta = _compose_and_construct(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + line_offset if mark else 2
        column = mark.column + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(path, line, column, f"invalid YAML: {problem}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError(path, 2, 1, "front matter must be a mapping of keys to values")
    positions: dict[str, tuple[int, int]] = {}
    if node is not None:
        _collect_positions(node, "", line_offset, positions)
    return Parsed(meta=meta, body=body, positions=positions, body_line=body_line)


class _ReadableDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Block style, Chinese unescaped, multi-line strings as literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Write multi-line strings as '|' blocks so editors see the real line breaks."""
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_date(dumper: yaml.SafeDumper, value: _dt.date) -> yaml.ScalarNode:
    """Write dates as plain ISO dates (2021-08-03)."""
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_ReadableDumper.add_representer(str, _represent_str)
_ReadableDumper.add_representer(_dt.date, _represent_date)


def dump_yaml(data: Any) -> str:
    """Serialise data as people-friendly YAML: block style, stable key order, unescaped Chinese."""
    fast = _block_yaml(data)
    return fast if fast is not None else _library_yaml(data)


def _library_yaml(data: Any) -> str:
    """dump_yaml by PyYAML itself: the reference every shortcut below must match byte for byte."""
    return yaml.dump(
        data,
        Dumper=_ReadableDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )


# ---------------------------------------------------------------- a faster writer, same bytes
#
# PyYAML spends most of a content file's writing time building and resolving a node per value.  Front
# matter is plain data (mappings of simple keys, lists, strings, numbers, dates), so it is written
# directly here, deciding each scalar's style the way libyaml's emitter does.  Whatever this writer is
# not sure of (line breaks, characters written as escapes, unusual types, shared objects, very long
# strings) goes to PyYAML: a single scalar when its style does not depend on where it stands, else
# the whole mapping.

_STR_TAG = "tag:yaml.org,2002:str"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_SIMPLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")  # libyaml writes a key over 128 characters as '? key'
# Characters libyaml writes only escaped or in a literal block: not printable, outside the BMP, BOM, line breaks.
_NOT_PRINTABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
# What keeps a printable one-line string from being written plain in block context: an indicator at its
# start, ": " or " #" inside, a space at either end (a leading - ? : goes to PyYAML, see _string).
_NOT_PLAIN = re.compile("^[#,\\[\\]{}&*!|>'\"%@`]|^---|^\\.\\.\\.|: |:$| #|^ | $")
_LONGEST_LINE = 9000  # libyaml folds a line at a space past column 10,000 (width): stay below it


class _Unsupported(Exception):
    """A value the block writer leaves to PyYAML."""


@functools.lru_cache(maxsize=None)
def _resolvers(first: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The dumper's implicit resolvers tried for a plain scalar starting with first ('' for the empty one)."""
    table = _ReadableDumper.yaml_implicit_resolvers
    return tuple(table.get(first, []) + table.get(None, []))


def _implicit_tag(value: str) -> str:
    """The tag a plain scalar is read back as (the dumper's resolver, as PyYAML's serializer asks it)."""
    for tag, regexp in _resolvers(value[:1]):
        if regexp.match(value):
            return tag
    return _STR_TAG


@functools.lru_cache(maxsize=8192)  # units, kinds, anchors and periods come again and again
def _string(value: str) -> str:
    """A one-line string as libyaml writes it as a block value: plain, single-quoted or (PyYAML) escaped."""
    if _LINE_BREAK.search(value):
        raise _Unsupported  # a literal block: its indentation depends on where it stands
    if value[:1] in "-?:" or _NOT_PRINTABLE.search(value):  # "" too: PyYAML knows how it quotes nothing
        return _library_scalar(value)
    if not _NOT_PLAIN.search(value) and _implicit_tag(value) == _STR_TAG:
        return value
    return "'" + value.replace("'", "''") + "'"


def _library_scalar(value: Any) -> str:
    """One scalar written by PyYAML as a list item, without the '- ' (the style of a block value)."""
    text = _library_yaml([value])
    if not text.startswith("- ") or text.count("\n") != 1:
        raise _Unsupported
    return text[2:-1]


def _scalar(value: Any) -> str:
    """A scalar value as written in block context; _Unsupported when it is not a scalar this writer knows."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        text = repr(value).lower()
        if "." in text and "e" not in text and _implicit_tag(text) == _FLOAT_TAG:
            return text
        return _library_scalar(value)
    if kind is _dt.date:
        return value.isoformat()
    raise _Unsupported


@functools.lru_cache(maxsize=1024)
def _simple_key(key: str) -> bool:
    """Tell whether a key is a short identifier that reads back as a string."""
    return bool(_SIMPLE_KEY.fullmatch(key)) and _implicit_tag(key) == _STR_TAG


def _key(key: Any) -> str:
    """A mapping key: only short identifiers that read back as strings."""
    if type(key) is not str or not _simple_key(key):
        raise _Unsupported
    return key


def _write_mapping(data: dict, indent: int, lead: str, out: list[str], seen: set[int]) -> None:
    """Write a non-empty block mapping; its first line starts with lead (an indent, or '- ' in a list)."""
    _visit(data, seen)
    prefix, pad = lead, " " * indent
    for key, value in data.items():
        key = _key(key)
        kind = type(value)
        if kind is str:  # the common cases first, without the general path's calls
            line = f"{prefix}{key}: {_string(value)}\n"
        elif value is None:
            line = f"{prefix}{key}: null\n"
        elif kind is dict and value:
            out.append(f"{prefix}{key}:\n")
            _write_mapping(value, indent + 2, " " * (indent + 2), out, seen)
            prefix = pad
            continue
        elif kind is list and value:
            out.append(f"{prefix}{key}:\n")
            _write_sequence(value, indent, out, seen)  # a list under a key is not indented
            prefix = pad
            continue
        else:
            line = f"{prefix}{key}: {_empty_or_scalar(value, seen)}\n"
        if len(line) > _LONGEST_LINE:
            raise _Unsupported
        out.append(line)
        prefix = pad


def _write_sequence(items: list, indent: int, out: list[str], seen: set[int]) -> None:
    """Write a non-empty block sequence whose dashes stand at column indent."""
    _visit(items, seen)
    dash = " " * indent + "- "
    for item in items:
        if type(item) is dict and item:
            _write_mapping(item, indent + 2, dash, out, seen)
        elif type(item) is list and item:
            raise _Unsupported  # a list in a list: left to PyYAML
        else:
            _write_line(f"{dash}{_empty_or_scalar(item, seen)}\n", out)


def _write_line(line: str, out: list[str]) -> None:
    """Add a line holding a scalar, unless libyaml would fold it."""
    if len(line) > _LONGEST_LINE:
        raise _Unsupported
    out.append(line)


def _empty_or_scalar(value: Any, seen: set[int]) -> str:
    """An empty collection in flow style, or a scalar."""
    if type(value) is dict or type(value) is list:
        if value:
            raise _Unsupported
        _visit(value, seen)
        return "{}" if type(value) is dict else "[]"
    return _scalar(value)


def _visit(collection: dict | list, seen: set[int]) -> None:
    """Refuse a collection met twice: PyYAML writes it with an anchor and an alias."""
    if id(collection) in seen:
        raise _Unsupported
    seen.add(id(collection))


def _block_yaml(data: Any) -> str | None:
    """data as dump_yaml writes it, without PyYAML; None when a value is left to PyYAML."""
    if type(data) is not dict or not data:
        return None
    out: list[str] = []
    try:
        _write_mapping(data, 0, "", out, set())
    except _Unsupported:
        return None
    return "".join(out)


def render_content(meta: dict[str, Any], body: str) -> str:
    """Write a content file: fenced front matter, then the Markdown body ending in one newline."""
    return f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n\n{body.strip()}\n"
