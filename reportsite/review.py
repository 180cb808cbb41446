"""Review notes: what an editor should look at, each with its paragraph and the quoted text.

Stray Latin words inside Chinese sentences, stuttered phrases and doubled characters, sentences cut
off where text was lost, and list numbering out of order.  The rules lean towards silence: a doubled
character is flagged only when no word list explains it (谢谢, 工会|会员 and 学习|习近平 are fine).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportsite.blocks import is_cut
from reportsite.model import Block, Document, ReviewNote
from reportsite.normalize import HAN
from reportsite.rules import table_title, text_rules, word_list

_NUMERALS = "一二三四五六七八九十"


@lru_cache(maxsize=64)
def _pattern(source: str) -> re.Pattern[str]:
    """A pattern from the text rules, compiled once."""
    return re.compile(source)


def _quote(text: str, start: int, end: int, context: int = 6) -> str:
    """Quote a match with a few characters of context on each side."""
    return text[max(0, start - context) : end + context]


def stray_latin(text: str) -> list[str]:
    """Quote lower-case Latin words standing between Chinese characters (…活动 and 职工…)."""
    if _LATIN_PAIR.search(text) is None:  # every such word holds two lower-case letters in a row
        return []
    allowed = _allowed_latin()
    found = []
    for match in _LATIN_WORD.finditer(text):
        if match.group(1) not in allowed:
            found.append(_quote(text, match.start(), match.end()))
    return found


_LATIN_PAIR = re.compile("[a-z]{2}")
_LATIN_WORD = re.compile(f"(?<=[{HAN}，。、；：]) ?([a-z]{{2,}}) ?(?=[{HAN}])")
_DOUBLED = re.compile(f"([{HAN}])\\1")


@lru_cache(maxsize=1)
def _allowed_latin() -> frozenset[str]:
    """The allowed Latin words of the text rules, in lower case."""
    return frozenset(w.lower() for w in text_rules()["allowed_latin"])


def repeated_phrases(text: str) -> list[str]:
    """Quote a phrase printed twice in a row (化解在早，化解在早)."""
    return [_quote(text, m.start(), m.end(), 2) for m in _stutter().finditer(text)]


@lru_cache(maxsize=1)
def _stutter() -> re.Pattern[str]:
    """A Han phrase of the text rules' stutter length, then (after a comma at most) the same again."""
    rules = text_rules()
    low, high = rules["stutter_min_chars"], rules["stutter_max_chars"]
    return re.compile(f"([{HAN}]{{{low},{high}}})[，、,]?\\1")


def _word_starts_at(text: str, index: int) -> bool:
    """Tell whether a word of the word list starts at index."""
    words = word_list()
    return any(text[index : index + n] in words for n in (2, 3, 4) if index + n <= len(text))


def _explained_double(text: str, i: int) -> bool:
    """Tell whether the doubled character at i, i+1 is ordinary Chinese rather than a stutter."""
    char, words = text[i], word_list()
    before = text[i - 1] if i > 0 else ""
    after_pair = len(text) > i + 3 and text[i + 2] == text[i + 3]
    if after_pair or (i >= 2 and text[i - 2] == before):
        return True  # AABB: 扎扎实实
    if before == "一":
        return True  # 一个个, 一次次
    if text[i + 2 : i + 3] == "长" and char + "长" in words:
        return True  # 工作部|部长, 监察局|局长: a unit's name, then its head's title
    doubling = char in rules_reduplications() or char * 2 in words
    claimed = bool(before) and before + char in words  # the first copy belongs to the word before (纵深|深)
    if claimed:
        # two words meet (工会|会员, 学习|习近平); flag only a doubling that reads as a slip (纵深深推进)
        return _word_starts_at(text, i + 1) or not doubling
    return doubling


def rules_reduplications() -> str:
    """Characters whose doubling is ordinary (谢谢, 常常, 天天…), from the text rules."""
    return text_rules()["allowed_reduplications"]


def doubled_characters(text: str) -> list[str]:
    """Quote doubled characters that no word explains (向纵深深推进)."""
    return [
        _quote(text, m.start(), m.end(), 3)
        for m in _DOUBLED.finditer(text)
        if not _explained_double(text, m.start())
    ]


def _numeral(word: str) -> int:
    """Read a Chinese numeral up to 99 (三, 十二, 二十)."""
    if len(word) == 1:
        return _NUMERALS.index(word) + 1
    tens, _, ones = word.partition("十")
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def list_number(text: str) -> tuple[str, int] | None:
    """Return (family, number) when a paragraph opens with a list number (一是, 三、, （二）)."""
    for family, pattern in _list_numbering():
        match = pattern.match(text)
        if match and family != "ordinal":
            try:
                return family, _numeral(match.group(1))
            except ValueError:
                return None
    return None


@lru_cache(maxsize=1)
def _list_numbering() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The list numbering patterns of the text rules, by family, compiled once."""
    return tuple((family, _pattern(pattern)) for family, pattern in text_rules()["list_numbering"].items())


def numbering_notes(blocks: list[Block]) -> list[ReviewNote]:
    """Flag list numbers that skip or start past one within a section (一是, 三是, 四是…)."""
    notes: list[ReviewNote] = []
    last: dict[str, int] = {}
    for block in blocks:
        if block.kind == "heading":
            last = {}
            continue
        found = list_number(block.text)
        if not found:
            continue
        family, number = found
        expected = last.get(family, 0) + 1
        if number not in (expected, 1):
            notes.append(ReviewNote("numbering", block.id, block.text[:12], f"序号应为“{expected}”，实为“{number}”"))
        last[family] = number
    return notes


def text_notes(text: str, anchor: str | None) -> list[ReviewNote]:
    """Notes about one piece of text: stray Latin, repeated phrases, doubled characters."""
    notes = [ReviewNote("stray_latin", anchor, q, "中文句子中夹有英文单词") for q in stray_latin(text)]
    notes += [ReviewNote("stutter", anchor, q, "词句连续重复") for q in repeated_phrases(text)]
    notes += [ReviewNote("stutter", anchor, q, "字重复") for q in doubled_characters(text)]
    return notes


TAIL_CHARS = 16  # characters of a cut paragraph's end quoted in its note


def tail(text: str, size: int = TAIL_CHARS) -> str:
    """The last ``size`` characters of a text, widened to the start of a number or a Latin word they would cut
    (…表1　2021年部分站段劳动竞赛开展情况 -> 2021年部分…, not 021年部分…)."""
    start = max(len(text) - size, 0)
    while 0 < start and _token_char(text[start - 1]) and _token_char(text[start]):
        start -= 1
    return text[start:]


def _token_char(char: str) -> bool:
    """A character of a number or a Latin word (ASCII letters and digits, full-width digits, a decimal point)."""
    return char.isascii() and (char.isalnum() or char == ".") or "０" <= char <= "９"


def review_document(doc: Document) -> list[ReviewNote]:
    """All review notes of a document, in reading order."""
    notes = text_notes(doc.lead, "lead") if doc.lead else []
    for block in doc.blocks:
        anchor = block.id or None
        notes += text_notes(block.text, anchor)
        if block.kind == "paragraph" and is_cut(block.text) and not table_title(block.text):
            notes.append(ReviewNote("cut_off", anchor, tail(block.text), "段落在句中断开，可能有文字缺失"))
    for n, figure in enumerate(doc.figures, 1):
        notes += text_notes(figure.caption, f"fig{n}")
    return notes + numbering_notes(doc.blocks)
