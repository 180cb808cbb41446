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
from dataclasses import dataclass, field
from typing import Any

import yaml

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
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise ContentError(path, 1, 1, "file must start with a '---' line opening the front matter")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:  # an indented --- belongs to a YAML value
            yaml_text = "\n".join(lines[1:index]) + "\n"  # a literal block keeps its final newline
            body = "\n".join(lines[index + 1 :])
            return yaml_text, body, index + 2
    raise ContentError(path, 1, 1, "front matter is not closed by a second '---' line")


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


def parse_content(text: str, path: str = "<string>") -> Parsed:
    """Parse a content file into front matter, body and value positions; raise ContentError on bad YAML."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    yaml_text, body, body_line = split_front_matter(text, path)
    line_offset = 2  # the YAML starts on line 2 of the file; marks are 0-based
    for number, line in enumerate(yaml_text.split("\n")):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise ContentError(path, number + line_offset, 1, "tab used for indentation; YAML needs spaces")
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
    return yaml.dump(
        data,
        Dumper=_ReadableDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )


def render_content(meta: dict[str, Any], body: str) -> str:
    """Write a content file: fenced front matter, then the Markdown body ending in one newline."""
    return f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n\n{body.strip()}\n"
