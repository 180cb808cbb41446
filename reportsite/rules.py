"""Loaders for the text tables in ``reportsite/data`` and for a Chinese word list.

Every rule of block recovery, normalisation and review reads its words and patterns from here,
so a maintainer edits YAML, not regular expressions buried in code.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


# libyaml's parser when PyYAML has it: the same data, read several times faster than in pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: Any) -> Any:
    """yaml.safe_load (a string or an open file), by libyaml when PyYAML was built with it."""
    return yaml.load(stream, Loader=_SafeLoader)


def load_yaml(name: str) -> Any:
    """Read one YAML file from the package data folder."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return safe_load(handle)


@lru_cache(maxsize=None)
def text_rules() -> dict[str, Any]:
    """Return the text rules table (data/text_rules.yml), loaded once."""
    return load_yaml("text_rules.yml")


@lru_cache(maxsize=None)
def compiled(key: str) -> tuple[re.Pattern[str], ...]:
    """Return the regular expressions listed under ``key`` in the text rules, compiled once."""
    return tuple(re.compile(p) for p in text_rules()[key])


@lru_cache(maxsize=1)
def heading_numbering() -> tuple[tuple[re.Pattern[str], int], ...]:
    """The text rules' heading numbering patterns (一、 （一） 1.1 …), compiled once, each with its rank."""
    return tuple((re.compile(pattern), rank) for pattern, rank in text_rules()["heading_numbering"])


@lru_cache(maxsize=None)
def any_of(key: str) -> re.Pattern[str]:
    """One pattern matching where any of the regular expressions under ``key`` matches (one scan, not one per rule)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in compiled(key)) or "(?!)")


@lru_cache(maxsize=None)
def word_list() -> frozenset[str]:
    """Return a general Chinese word list (jieba's dictionary), or an empty set without jieba."""
    # Only jieba's dictionary file is read: finding it without importing jieba saves its slow import.
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a declared dependency
        return frozenset()
    path = Path(spec.origin).parent / "dict.txt"
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.split(" ", 1)[0] for line in handle)


PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")  # words in brackets, full- or half-width: a note, a post, an aside


@lru_cache(maxsize=1)
def caption_subjects() -> re.Pattern[str]:
    """Who acts in a photo, or opens a paragraph (text_rules caption_subjects: 区总工会, 职工, 图为…): any of them."""
    return re.compile(longest_word_pattern(text_rules()["caption_subjects"]))


def acts_at_start(text: str) -> re.Match[str] | None:
    """Who acts in a photo, named within a caption's first SUBJECT_WITHIN characters (双峰县总工会组织…, 职工在…), or None."""
    return caption_subjects().search(text.strip()[:SUBJECT_WITHIN])


SUBJECT_WITHIN = 10  # characters at a bare caption's or a scene's start in which who acts is named


@lru_cache(maxsize=1)
def photo_credit() -> re.Pattern[str]:
    """The text rules' photo credit, which closes a caption (…（张三 摄）$; caption_credit_pattern, its MEDIA a paper's
    or outlet's name: 新华社记者 张平 摄, 甘肃日报记者 李四 摄)."""
    return re.compile(text_rules()["caption_credit_pattern"].replace("MEDIA", media_name_pattern()))


def is_photo_credit(text: str) -> bool:
    """Tell whether a line names only who took a photo: （摄影 张萍）, （罗江 摄）, 通讯员　高文静　摄."""
    found = photo_credit().search(text.strip())  # the pattern ends the caption it closes ($)
    return found is not None and found.start() == 0


@lru_cache(maxsize=1)
def honour_qualifiers() -> str:
    """An alternation of the words that make what follows an honour (text_rules honour_qualifiers: 优秀, 先进…)."""
    return "|".join(re.escape(w) for w in text_rules()["honour_qualifiers"])


def media_name_pattern() -> str:
    """A paper's or outlet's name (兰州晨报, 掌上兰州客户端, 新华社): Chinese before one of the text rules' media suffixes."""
    suffixes = "|".join(re.escape(s) for s in sorted(text_rules()["media_name_suffixes"], key=len, reverse=True))
    return f"[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]{{2,10}}(?:{suffixes})"


def longest_word_pattern(words: Iterable[str]) -> str:
    """Regex source matching, where any of the words starts, the longest one that does.

    The words are nested by their shared beginnings (工会|工会会员|工资 -> 工(?:会(?:会员)?|资)), so the
    engine tries one branch per character read instead of every word in turn: the same matches as an
    alternation of the words longest first, found several times sooner.  No words: a pattern that never matches.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_source(trie) if trie else "(?!)"


def _trie_source(node: dict[str, dict]) -> str:
    """The regex of one node of longest_word_pattern's trie: its longer words first, then the word ending here."""
    branches = [re.escape(char) + _trie_source(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def _peoples() -> re.Pattern[str]:
    """The peoples (text_rules peoples) an autonomous place's name ends on, with or without 族, one or more."""
    return re.compile(f"(?:(?:{longest_word_pattern(text_rules()['peoples'])})族?)+$")


def own_name(name: str) -> str:
    """An autonomous place's own name, without the peoples it is named after (延边朝鲜族 -> 延边; given without
    its 自治州/自治县 suffix), or "" when nothing of two characters or more is left (鄂温克族)."""
    own = _peoples().sub("", name)
    return own if len(own) >= 2 else ""


_TRANSLATION = re.compile(r"\s*[（(][A-Za-z][A-Za-z0-9 ,.'’&:;/-]*[）)]$")


def without_translation(text: str) -> str:
    """A heading without the English translation in brackets at its end (…工作安排（Work Plan for 2023））."""
    return _TRANSLATION.sub("", text) if text.endswith(("）", ")")) else text


@lru_cache(maxsize=1)
def _table_title_pattern() -> re.Pattern[str]:
    """text_rules table_title_pattern, compiled once."""
    return re.compile(text_rules()["table_title_pattern"])


def table_title(text: str) -> bool:
    """Tell whether a line is the title over a table or a list (表1　…开展情况, …先进单位名单): no sentence."""
    return _table_title_pattern().fullmatch(text) is not None
