"""The Markdown body of a content file ↔ a list of ``Block`` records.

Ingest writes the body from blocks; build and check read it back.  Each paragraph ends with an
attribute line (``{#p3}``) and each list item carries an indented one, so paragraph ids survive an
editor's hand edits and Python-Markdown's attr_list turns them into HTML ids that pages and metrics link to.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

from .model import Block

_ATTR = re.compile(r"^\s*\{:?\s*#([A-Za-z][\w-]*)\s*\}\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*([-*+]|\d{1,9}[.)])\s+(.*)$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # | --- | :---: |


def blocks_to_markdown(blocks: list[Block]) -> str:
    """Render blocks as Markdown: '## heading', paragraphs with '{#id}', '- item' lists, pipe tables."""
    parts: list[str] = []
    previous_kind = ""
    for block in blocks:
        if block.kind == "heading":
            parts.append(f"{'#' * max(2, block.level or 2)} {block.text}")
        elif block.kind == "table":
            parts.append(block.text)
        elif block.kind == "item":
            marker = f"{block.level}." if block.level else "-"  # a numbered item keeps its number
            line = f"{marker} {block.text}" + (f"\n  {{#{block.id}}}" if block.id else "")
            if previous_kind == "item":
                parts[-1] += "\n" + line
            else:
                parts.append(line)
        else:
            parts.append(block.text + (f"\n{{#{block.id}}}" if block.id else ""))
        previous_kind = block.kind
    return "\n\n".join(parts) + "\n" if parts else ""


def markdown_to_blocks(markdown: str) -> list[Block]:
    """Parse a body written by blocks_to_markdown (or edited by hand) back into blocks."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        blocks.extend(_chunk_to_blocks(lines))
    return blocks


def _chunk_to_blocks(lines: list[str]) -> list[Block]:
    """Turn the lines of one blank-line-separated chunk into blocks."""
    heading = _HEADING.match(lines[0])
    if heading and len(lines) == 1:
        return [Block("heading", heading.group(2).strip(), level=len(heading.group(1)))]
    if len(lines) >= 2 and lines[0].lstrip().startswith("|") and TABLE_RULE.match(lines[1]):
        return [Block("table", "\n".join(line.strip() for line in lines))]
    if _ITEM.match(lines[0]):
        return _items(lines)
    block_id = ""
    match = _ATTR.match(lines[-1])
    if match:
        block_id = match.group(1)
        lines = lines[:-1]
    return [Block("paragraph", "".join(line.strip() for line in lines), id=block_id)]


def _items(lines: list[str]) -> list[Block]:
    """Parse list lines, each optionally followed by an indented '{#id}' line."""
    items: list[Block] = []
    for line in lines:
        attr = _ATTR.match(line)
        item = _ITEM.match(line)
        if attr and items:
            items[-1].id = attr.group(1)
        elif item:
            number = item.group(1)  # "1." or "1)": the item's number, kept (level); "-", "*", "+": a bullet
            items.append(Block("item", item.group(2).strip(), level=int(number[:-1]) if number[0].isdigit() else 0))
        elif items:
            items[-1].text += line.strip()
    return items


# Blocks parsed by ingest, by a digest of their body, until the build of the same process takes them: the
# main job parses every report's body for the archive-wide search of shared passages, then builds from the
# very same texts (0.6 s of parsing at 10,000 reports, while the other core idles).
_handed_over: dict[bytes, list[Block]] = {}


def hand_over_blocks(parsed: Iterable[tuple[str, list[Block]]]) -> None:
    """Keep (body, its blocks) pairs for take_blocks, in place of any kept before."""
    _handed_over.clear()
    _handed_over.update((_body_key(body), blocks) for body, blocks in parsed)


def drop_handed_over_blocks() -> None:
    """Forget the blocks handed over and not taken (a build takes only those of reports it had none for)."""
    _handed_over.clear()


def take_blocks(markdown: str) -> list[Block]:
    """markdown_to_blocks(markdown): the blocks handed over for this very text (each taken once), or parsed."""
    if _handed_over:
        blocks = _handed_over.pop(_body_key(markdown), None)
        if blocks is not None:
            return blocks
    return markdown_to_blocks(markdown)


def _body_key(markdown: str) -> bytes:
    """A digest of what markdown_to_blocks reads of a body: its text without the blank lines around it (a
    content file's body starts with the line break after the front matter)."""
    return hashlib.blake2b(markdown.strip().encode("utf-8", "surrogatepass"), digest_size=16).digest()
