"""Numbers, values and dates formatted the way Chinese readers expect (zh-CN)."""

from __future__ import annotations

import datetime as _dt

APPROX_WORDS = {
    "near": "近",
    "over": "逾",
    "at_least": "不少于",
    "at_most": "不超过",
    "about": "约",
    "under": "不足",
}


def _trim(number: float) -> str:
    """Up to two decimals, without trailing zeros."""
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text


def format_number(value: float | int | None) -> str:
    """25800 -> '2.58万', 172000000 -> '1.72亿', 1600 -> '1,600', 86.5 -> '86.5'."""
    if value is None:
        return ""
    magnitude = abs(value)
    if magnitude >= 100_000_000:
        return _trim(value / 100_000_000) + "亿"
    if magnitude >= 100_000:
        return _trim(value / 10_000) + "万"
    if float(value).is_integer():
        return f"{int(value):,}"
    return _trim(value)


def format_value(value: float | int, unit: str, approx: str | None = None) -> str:
    """A figure as a reader reads it: '近1亿元', '逾20万名', '86%'."""
    word = APPROX_WORDS.get(approx or "", "")
    return f"{word}{format_number(value)}{_SPOKEN_UNITS.get(unit, unit)}"


_SPOKEN_UNITS = {"百分点": "个百分点"}  # units stored bare that a reader says with their measure word


def format_date(value: _dt.date | None) -> str:
    """2021-08-03 -> '2021年8月3日'."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def format_period(start: int | None, end: int | None = None) -> str:
    """2015 -> '2015年', (2013, 2017) -> '2013—2017年'."""
    if start is None:
        return ""
    if end is None or end == start:
        return f"{start}年"
    return f"{start}—{end}年"


def format_count(value: int, measure: str) -> str:
    """5, '篇' -> '5篇'; counts read as plain digits with a measure word."""
    return f"{format_number(value)}{measure}"
