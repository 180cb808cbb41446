"""Reading text at clause level: where sentences and clauses start and end, and whole-clause cuts.

Both halves of repeated-passage handling cut at these places only: removal of layout copies inside a
report (dedup.py) and the passages reports share (shared.py).  The marks come from data/dedup.yml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .rules import load_yaml

_MEANINGFUL = re.compile(r"[\w]", re.UNICODE)  # Han, letters, digits: what a clause is made of


@lru_cache(maxsize=None)
def dedup_rules() -> dict[str, Any]:
    """Return the repeated-passage rules (data/dedup.yml), loaded once."""
    return load_yaml("dedup.yml")


def meaningful(text: str) -> int:
    """Count the characters a clause is made of (Han, letters, digits), not marks or spaces."""
    return len(_MEANINGFUL.findall(text))


def is_mark(char: str) -> bool:
    """Tell whether a character ends a sentence or a clause."""
    rules = dedup_rules()
    return char in rules["sentence_ends"] or char in rules["clause_ends"]


@lru_cache(maxsize=1)
def _marks() -> re.Pattern[str]:
    """One character that ends a sentence or a clause (is_mark)."""
    rules = dedup_rules()
    marks = rules["sentence_ends"] + rules["clause_ends"]
    return re.compile(f"[{re.escape(marks)}]" if marks else "(?!)")


def ends_sentence(text: str) -> bool:
    """Tell whether text ends a sentence (。！？…, possibly before a closing quote)."""
    end = text.rstrip().rstrip(dedup_rules()["closing_marks"])
    return bool(end) and end[-1] in dedup_rules()["sentence_ends"]


def starts_sentence(text: str, start: int) -> bool:
    """Tell whether position start opens a sentence: paragraph start or right after 。！？."""
    return start == 0 or ends_sentence(text[:start])


def starts_clause(text: str, start: int) -> bool:
    """Tell whether position start opens a clause: paragraph start or right after a mark."""
    before = text[:start].rstrip().rstrip(dedup_rules()["closing_marks"])
    return not before or is_mark(before[-1])


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop marks and spaces at the head of a copy: they close the sentence before it."""
    closing = dedup_rules()["closing_marks"]
    while start < end and (is_mark(text[start]) or text[start].isspace() or text[start] in closing):
        start += 1
    return start, end


def inside_number(text: str, position: int) -> bool:
    """Tell whether the character at position belongs to a figure: a digit, a numeral or unit, 1,650's comma."""
    char = text[position]
    if char.isdigit() or char in dedup_rules()["number_chars"]:
        return True
    between_digits = 0 < position < len(text) - 1 and text[position - 1].isdigit() and text[position + 1].isdigit()
    return between_digits and char in dedup_rules()["number_separators"]


def clause_bounds(text: str) -> tuple[set[int], set[int]]:
    """Positions where a clause may start or end, and the subset where a sentence does.

    A bound sits on either side of a mark (after it, past the closing quotes that follow), or at either
    end of the text (the start also opens a sentence).  Both sides count because two copies of a passage
    may differ in the mark that ends it (。 against ，).  A mark inside a figure (1,650; 8:30) is no bound,
    nor is the gap inside a run of marks (……), so a cut at a bound never splits a number or a word.
    """
    rules = dedup_rules()
    clauses, sentences = {0, len(text)}, {0}
    for match in _marks().finditer(text):  # the marks only: every other character is no bound
        position, char = match.start(), match.group()
        if inside_number(text, position):
            continue
        sides = [_past_closing(text, position + 1)]
        if position == 0 or not is_mark(text[position - 1]):
            sides.append(position)
        if sides[0] < len(text) and is_mark(text[sides[0]]):
            sides.pop(0)
        clauses.update(sides)
        if char in rules["sentence_ends"]:
            sentences.update(sides)
    return clauses, sentences


def clause_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen or narrow [start, end) to whole clauses; None when no whole clause is left to cut."""
    fragment = dedup_rules()["fragment_chars"]
    if not starts_clause(text, start):
        head = max((i + 1 for i in range(start) if is_mark(text[i])), default=0)
        if meaningful(text[head:start]) <= fragment:
            start = head
        else:
            start = next((i for i in range(start, end) if starts_clause(text, i) and not is_mark(text[i])), end)
    if end < len(text) and not starts_clause(text, end):
        tail = next((i + 1 for i in range(end, len(text)) if is_mark(text[i])), len(text))
        tail = _past_closing(text, tail)
        if meaningful(text[end:tail]) <= fragment:
            end = tail
        else:
            end = max((i + 1 for i in range(start, end) if is_mark(text[i])), default=start)
            end = _past_closing(text, end)
    if meaningful(text[start:end]) == 0:
        return None
    if end >= len(text.rstrip()) and start > 0 and text[start - 1] in dedup_rules()["clause_ends"]:
        start -= 1  # a paragraph must not end on a dangling comma
    elif start == 0 and end < len(text) and text[end] in dedup_rules()["clause_ends"]:
        end += 1  # nor open on one
    return start, end


def _past_closing(text: str, position: int) -> int:
    """Move past closing quotes and brackets that follow a mark."""
    closing = dedup_rules()["closing_marks"]
    while position < len(text) and text[position] in closing:
        position += 1
    return position
