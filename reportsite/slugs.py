"""Readable, stable ASCII slugs: the region's pinyin and the years (``linan-2015``, ``hangzhou-2013-2017``)."""

from __future__ import annotations

import functools
import re

from .model import Period, Region
from .rules import own_name, text_rules

# Administrative suffixes dropped from a region name before it becomes a slug (临安市 -> linan).
_ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "新区", "省", "市", "区", "县", "镇", "乡")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_WORDS = 8  # syllables of a name kept in its slug


@functools.lru_cache(maxsize=65536)  # headings and region names repeat across thousands of reports
def ascii_slug(text: str, max_words: int = SLUG_WORDS) -> str:
    """Turn Chinese or mixed text into lower-case ASCII words joined by '-'."""
    from pypinyin import lazy_pinyin  # imported on first use: loading its phrase table takes a quarter second

    words = [w.lower() for w in lazy_pinyin(text, errors=lambda s: list(s))]
    joined = "-".join(_NON_SLUG.sub("", w) for w in words[:max_words])
    return re.sub(r"-{2,}", "-", joined).strip("-")


def region_slug(name: str) -> str:
    """Pinyin of a region name without its administrative suffix, syllables run together, read as a place's name is
    (text_rules place_readings and place_reading_characters: 长治 changzhi, 闵行 minhang, not zhangzhi, minxing)."""
    whole = name
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            if suffix.startswith("自治"):  # 延边朝鲜族自治州 -> 延边, 新疆维吾尔自治区 -> 新疆: the place's own name
                name = own_name(name) or name
            break
    readings, characters = _place_readings()
    if whole in readings or name in readings:
        return _NON_SLUG.sub("", readings.get(whole) or readings[name])
    if not any(character in name for character in characters):
        return ascii_slug(name).replace("-", "")
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name, errors=lambda s: list(s))
    if len(syllables) != len(name):  # letters or digits in the name ran together: read as it is
        return ascii_slug(name).replace("-", "")
    read = [characters.get(character, syllable) for character, syllable in zip(name, syllables)]
    return _NON_SLUG.sub("", "".join(read[:SLUG_WORDS]).lower())


@functools.lru_cache(maxsize=1)
def _place_readings() -> tuple[dict[str, str], dict[str, str]]:
    """text_rules place_readings (whole names) and place_reading_characters."""
    rules = text_rules()
    return ({str(k): str(v) for k, v in rules["place_readings"].items()},
            {str(k): str(v) for k, v in rules["place_reading_characters"].items()})


def report_slug(region: Region | None, period: Period | None, title: str, taken: set[str]) -> str:
    """A unique slug from region and period, falling back to the title's pinyin."""
    parts = []
    if region:
        parts.append(region_slug(region.name))
    if period:
        parts.append(str(period.start) if period.start == period.end else f"{period.start}-{period.end}")
    if not region:
        parts.insert(0, ascii_slug(title, max_words=4))
    base = "-".join(p for p in parts if p) or "report"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
