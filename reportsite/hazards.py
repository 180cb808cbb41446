"""YAML traps editors fall into, found on the raw lines of the front matter.

YAML accepts some mistakes without complaint: ``title: 临安 #2015年回顾`` silently drops everything from
`` #`` on, because that is a comment.  An unquoted ``: `` inside a value makes YAML stop with an obscure
message, and tabs look like spaces in most editors.  These checks read the lines as typed, so they can
point at the exact character and say how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A mapping key at the start of the value part of a line: plain or quoted, ended by ':' + space/end.
_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},&*!|>%@`-][^#]*?|-[^\s][^#]*?)\s*:(?=[ \t]|$)""")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_BLOCK_SCALAR = re.compile(r"^[|>][-+0-9]*\s*(#.*)?$")


@dataclass(frozen=True)
class Hazard:
    """One problem on one raw line: 1-based line and column in the file."""

    line: int
    column: int
    message: str
    severity: str = "error"


def _indent(line: str) -> int:
    """Number of leading spaces."""
    return len(line) - len(line.lstrip(" "))


def _closing_quote(text: str, quote: str) -> int:
    """Index of the quote closing a scalar that starts at text[0], or -1 when it continues on later lines."""
    index = 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def comment_looks_like_content(comment: str) -> bool:
    """True when text after '#' reads like part of the value (Chinese, or '#' glued to it: #2, #p3)."""
    return bool(_CJK.search(comment)) or (comment[:1] not in ("", " ", "\t"))


def tab_hazards(line: str, number: int) -> list[Hazard]:
    """Tabs: in the indentation they break YAML; elsewhere they hide in values."""
    found = []
    indent_end = len(line) - len(line.lstrip(" \t"))
    for index, char in enumerate(line):
        if char != "\t":
            continue
        if index < indent_end:
            found.append(Hazard(number, index + 1, "tab used for indentation; YAML needs spaces"))
        else:
            found.append(Hazard(number, index + 1, "tab character; use a space instead", "warning"))
    return found


def plain_value_hazards(value: str, column: int, number: int) -> list[Hazard]:
    """Problems in an unquoted value starting at 1-based ``column``: ' #' truncation, ': ' inside."""
    found = []
    comment = re.search(r"(?:^|[ \t])#", value)
    text = value
    if comment:
        hash_index = value.index("#", comment.start())
        after = value[hash_index + 1 :]
        if comment_looks_like_content(after):
            lost = value[hash_index:].strip()
            found.append(Hazard(number, column + hash_index,
                                f"unquoted ' #' starts a comment, so '{lost}' is dropped from the value; "
                                "put the whole value in quotes"))
        elif hash_index > 0:
            found.append(Hazard(number, column + hash_index,
                                "text after ' #' is a comment, not part of the value; quote the value if it belongs",
                                "warning"))
        text = value[:hash_index]
    colon = re.search(r":(?:[ \t]|$)", text.rstrip())
    if colon:
        found.append(Hazard(number, column + colon.start(),
                            "unquoted ': ' inside a value; YAML reads it as a new key: put the whole value in quotes"))
    return found


def yaml_hazards(yaml_text: str, first_line: int = 2) -> list[Hazard]:
    """Every hazard in the front matter's YAML text (its first line is line ``first_line`` of the file)."""
    found: list[Hazard] = []
    block_indent: int | None = None  # inside a '|' or '>' block scalar opened at this indentation
    open_quote: str | None = None  # inside a quoted scalar spanning lines
    for offset, line in enumerate(yaml_text.split("\n")):
        number = first_line + offset
        found.extend(tab_hazards(line, number))
        if block_indent is not None:
            if not line.strip() or _indent(line) > block_indent:
                continue
            block_indent = None
        if open_quote is not None:
            if _closing_quote(open_quote + line, open_quote) >= 0:
                open_quote = None
            continue
        stripped = line.strip(" \t")
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            continue
        position = len(line) - len(line.lstrip(" \t"))
        while line[position : position + 2] in ("- ", "-\t") or line[position:] == "-":
            position += 1
            while line[position : position + 1] in (" ", "\t"):
                position += 1
        owner = position
        key = _KEY.match(line, position)
        if key:
            position = key.end() + 1
            while line[position : position + 1] in (" ", "\t"):
                position += 1
        value = line[position:].rstrip()
        if not value:
            continue
        first = value[0]
        if _BLOCK_SCALAR.match(value):
            block_indent = owner
        elif first in "\"'":
            if _closing_quote(value, first) < 0:
                open_quote = first
        elif first in "[{&*!":
            continue
        else:
            found.extend(plain_value_hazards(value, position + 1, number))
    return found
