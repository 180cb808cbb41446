"""Where and when: the region a report is mainly about, its organisation, the years it covers, its date."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from reportsite.model import Document, Period, Region
from reportsite.rules import DATA_DIR, text_rules

_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class RegionEntry:
    """A region of the gazetteer: canonical name, parent, short names and depth (1 = province)."""

    name: str
    parent: str | None
    aliases: tuple[str, ...]
    depth: int


def flatten_regions(items: list[dict[str, Any]], parent: str | None = None, depth: int = 1) -> list[RegionEntry]:
    """Turn the nested regions table into a flat list of entries."""
    entries: list[RegionEntry] = []
    for item in items or []:
        entries.append(RegionEntry(item["name"], parent, tuple(item.get("aliases") or ()), depth))
        entries.extend(flatten_regions(item.get("children") or [], item["name"], depth + 1))
    return entries


def load_regions(path: Path | str | None = None) -> list[RegionEntry]:
    """Read the regions table (data/regions.yml by default)."""
    with open(path or DATA_DIR / "regions.yml", encoding="utf-8") as handle:
        return flatten_regions(yaml.safe_load(handle))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every region name and short name of the default table."""
    return frozenset(n for e in load_regions() for n in (e.name, *e.aliases))


def _name_index(regions: list[RegionEntry]) -> dict[str, RegionEntry]:
    """Map every name and short name to its region."""
    return {n: e for e in regions for n in (e.name, *e.aliases)}


def region_mentions(text: str, regions: list[RegionEntry]) -> Counter[str]:
    """Count mentions of each region; the longest name wins (杭州市 is not also 杭州)."""
    index, pattern = _mention_pattern(regions)
    if not index:
        return Counter()
    return Counter(index[m.group()].name for m in pattern.finditer(text))


_MENTIONS: list = [None, None, None]  # the last regions list seen, its name index and its pattern


def _mention_pattern(regions: list[RegionEntry]) -> tuple[dict[str, RegionEntry], re.Pattern[str]]:
    """The name index and the longest-first pattern of all names, built once per regions table."""
    if _MENTIONS[0] != regions:  # list compare: an identity check per entry when it is the same table
        index = _name_index(regions)
        pattern = re.compile("|".join(re.escape(n) for n in sorted(index, key=len, reverse=True)))
        _MENTIONS[:] = [list(regions), index, pattern]
    return _MENTIONS[1], _MENTIONS[2]


def doc_text(doc: Document) -> str:
    """All the text of a document: title group, lead, body and captions."""
    parts = [doc.kicker, doc.title, doc.subtitle, doc.lead, *(b.text for b in doc.blocks), *(f.caption for f in doc.figures)]
    return "\n".join(p for p in parts if p)


def pick_region(doc: Document, regions: list[RegionEntry]) -> RegionEntry | None:
    """The region the report is about: the most specific one in the title, else the most mentioned."""
    by_name = {e.name: e for e in regions}
    body = region_mentions(doc_text(doc), regions)
    heading = region_mentions(" ".join(p for p in (doc.kicker, doc.title, doc.subtitle) if p), regions)
    pool = heading or body
    if not pool:
        return None
    best = max(pool, key=lambda n: (by_name[n].depth if heading else 0, body[n], by_name[n].depth, n))
    return by_name[best]


def find_organization(doc: Document, region: RegionEntry) -> str | None:
    """The organisation named with the region (临安市总工会), preferring the full formal name."""
    names = sorted((region.name, *region.aliases), key=len, reverse=True)
    suffixes = "|".join(re.escape(s) for s in text_rules()["organization_suffixes"])
    pattern = f"(?:{'|'.join(re.escape(n) for n in names)})(?:市|区|县|省)?(?:{suffixes})"
    found = Counter(re.findall(pattern, doc_text(doc)))
    if not found:
        return None
    title = doc.title or ""
    return max(found, key=lambda o: (o.startswith(region.name), o.endswith("总工会"), o in title, found[o], o))


def find_date(doc: Document) -> _dt.date | None:
    """The first full date the text states (2021年8月3日)."""
    for match in re.finditer(r"(\d{4})年(\d{1,2})月(\d{1,2})日", doc_text(doc)):
        try:
            return _dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            continue
    return None


def _number(word: str) -> int | None:
    """Read a small number written in digits or Chinese numerals (五, 十, 12)."""
    if word.isdigit():
        return int(word)
    if len(word) == 1:
        return _NUMERALS.get(word)
    return None


def report_year(text: str, date: _dt.date | None) -> int | None:
    """The year the report was written: its date's, else the latest year it looks back on."""
    if date:
        return date.year
    prefixes = tuple(text_rules()["target_year_prefixes"])
    years = [
        int(m.group(1))
        for m in re.finditer(r"(?<!\d)((?:19[5-9]|20\d)\d)年", text)
        if not text[: m.start()].endswith(prefixes)
    ]
    return max(years) if years else None


def plan_start(text: str, head: str) -> int | None:
    """The first year of a five-year plan the report looks back over (“十四五”以来 in its head, or twice)."""
    for name, start in text_rules()["five_year_plans"].items():
        since = re.compile(f"[“\"]?{name}[”\"]?(?:规划)?以来")
        if since.search(head) or len(since.findall(text)) >= 2:
            return int(start)
    return None


def find_period(doc: Document, date: _dt.date | None) -> Period | None:
    """The years the report covers: a printed span (2013~2017), N年来 up to its year, or its year."""
    text = doc_text(doc)
    span = re.search(r"(?<!\d)((?:19|20)\d\d)\s*年?\s*[~～\-—–至到]+\s*((?:19|20)\d\d)(?!\d)", text)
    if span and 0 < int(span.group(2)) - int(span.group(1)) <= 10:
        return Period(int(span.group(1)), int(span.group(2)))
    year = report_year(text, date)
    if year is None:
        return None
    head = " ".join(p for p in (doc.title, doc.kicker, doc.subtitle, doc.lead) if p)
    plan = plan_start(text, head)
    if plan is not None and plan <= year:
        return Period(plan, year)
    spans = Counter(re.findall(r"(\d{1,2}|[两二三四五六七八九十])年多?来", text))
    for word, count in spans.most_common():
        years = _number(word)
        if years and 1 < years <= 10 and (count >= 2 or f"{word}年来" in head):
            return Period(year - years + 1, year)
    return Period(year, year)


def where_when(
    doc: Document, regions: list[RegionEntry] | None = None
) -> tuple[Region | None, str | None, Period | None, _dt.date | None]:
    """Return region, organisation, period and date of a recovered report."""
    regions = load_regions() if regions is None else regions
    entry = pick_region(doc, regions)
    date = find_date(doc)
    region = Region(entry.name, entry.parent) if entry else None
    organization = find_organization(doc, entry) if entry else None
    return region, organization, find_period(doc, date), date
