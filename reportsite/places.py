"""Where and when: the region a report is mainly about, its organisation, the years it covers, its date."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportsite.blocks import is_mail_header, is_running_head, issue_masthead
from reportsite.bylines import is_team_byline
from reportsite.model import Document, Period, Region
from reportsite.normalize import HAN
from reportsite.numbers import parse_chinese_numeral
from reportsite.rules import DATA_DIR, honour_qualifiers, longest_word_pattern, own_name, safe_load, text_rules, word_list
from reportsite.unwrap import speaker_of

_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class RegionEntry:
    """A region of the gazetteer: canonical name, parent, short names and depth (1 = province)."""

    name: str
    parent: str | None
    aliases: tuple[str, ...]
    depth: int


def flatten_regions(items: list[Any], parent: str | None = None, depth: int = 1) -> list[RegionEntry]:
    """Turn a nested regions table into a flat list of entries (an item is a mapping, or a bare name)."""
    entries: list[RegionEntry] = []
    for item in items or []:
        if isinstance(item, str):
            item = {"name": item}
        entries.append(RegionEntry(item["name"], parent, tuple(item.get("aliases") or ()), depth))
        entries.extend(flatten_regions(item.get("children") or [], item["name"], depth + 1))
    return entries


def load_regions(path: Path | str | None = None) -> list[RegionEntry]:
    """Read the regions table (data/regions.yml by default)."""
    with open(path or DATA_DIR / "regions.yml", encoding="utf-8") as handle:
        return flatten_regions(safe_load(handle))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every region name and short name of the default table."""
    return frozenset(n for e in load_regions() for n in (e.name, *e.aliases))


def _name_index(regions: list[RegionEntry]) -> dict[str, RegionEntry]:
    """Map every name and short name to its region."""
    return {n: e for e in regions for n in (e.name, *e.aliases)}


def region_mentions(text: str, regions: list[RegionEntry]) -> Counter[str]:
    """Count mentions of each region; the longest name wins (杭州市 is not also 杭州).  A short name before a
    smaller place's word (龙湾社区, 龙湾街道; text_rules smaller_place_words) names that place, not the region; a province
    before an honour (湖北省劳动模范; text_rules honour_words) names the honour's rank, and so does a city whose county is
    named too (a city's own honour alone, 杭州工匠, names the city whose report it is)."""
    index, pattern, _by_name = _mention_pattern(regions)
    if not index:
        return Counter()
    smaller, honours = _smaller_place_words(), _honour_words()
    found = [(index[m.group()], text.startswith(honours, m.end())) for m in pattern.finditer(text)
             if (index[m.group()].name == m.group()
                 or not (text.startswith(smaller, m.end()) or _inside_a_word(text, m.start(), m.end(), index)))
             and not _inside_longer_place(text, m.start(), m.end())]
    # Below a province, an honour's rank names the reporting place itself unless a place under it is named too (绍兴市劳动
    # 模范 in a report of 诸暨市, which lies in 绍兴市).
    parents = {entry.parent for entry, honour in found if not honour}
    return Counter(entry.name for entry, honour in found if not honour or (entry.depth > 1 and entry.name not in parents))


def _inside_a_word(text: str, start: int, end: int, places: dict[str, RegionEntry]) -> bool:
    """Tell whether a region's short name found at [start, end) ends a word of the general word list that opens one or
    two characters before it, or lies inside one (海口 in 出海口, 入海口): that word, not the region, is named.  Not when
    the characters before it are a place's name or a word that comes before places (吉林长春, 中国宁波, 从金华: the word
    list holds such pairs; ``places``: the regions by name and short name; text_rules place_prefixes)."""
    words, prefixes = word_list(), _place_prefixes()
    return any(text[start - back: end + more] in words and not _a_place_or_prefix(text[start - back: start], places, prefixes)
               for back in (1, 2) if start >= back for more in (0, 1))


def _a_place_or_prefix(word: str, places: dict[str, RegionEntry], prefixes: frozenset[str]) -> bool:
    """Tell whether a word is a place's name or short name (of the table, or of the gazetteer with its rank left off:
    吉林 of 吉林省), or one of the words that come before places."""
    return word in prefixes or (len(word) >= 2 and (word in places or any(word + rank in gazetteer() for rank in "省市县区")))


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    """text_rules place_prefixes (中国, 首都, 从, 于…), as a set."""
    return frozenset(text_rules()["place_prefixes"])


def _inside_longer_place(text: str, start: int, end: int) -> bool:
    """Tell whether a region's name found at [start, end) lies inside the name of another place of the gazetteer that
    opens before it (大连 in 五大连池, 五大连池市 for short): that place, not the region, is named."""
    return any(offset <= start and text.startswith(name, start - offset) for name, offset in _places_around(text[start:end]))


@lru_cache(maxsize=4096)
def _places_around(name: str) -> tuple[tuple[str, int], ...]:
    """The gazetteer's names holding a region's name after their first character (五大连池 holds 大连 at 1), each with
    where it holds it: worked out once per name, among the names holding its first two characters there."""
    return tuple((place, place.find(name, 1)) for place in _places_by_pair().get(name[:2], ()) if place.find(name, 1) > 0)


@lru_cache(maxsize=1)
def _places_by_pair() -> dict[str, tuple[str, ...]]:
    """The gazetteer's names, and each without its rank when three characters or more are left (五大连池市 ->
    五大连池), by each pair of characters they hold after their first one."""
    names = set(gazetteer()) | {name[:-1] for name in gazetteer() if name[-1:] in "市县区旗" and len(name) >= 4}
    found: dict[str, set[str]] = {}
    for place in names:
        for at in range(1, len(place) - 1):
            found.setdefault(place[at:at + 2], set()).add(place)
    return {pair: tuple(sorted(places)) for pair, places in found.items()}


@lru_cache(maxsize=1)
def _smaller_place_words() -> tuple[str, ...]:
    """text_rules smaller_place_words, as startswith takes them."""
    return tuple(text_rules()["smaller_place_words"])


@lru_cache(maxsize=1)
def _honour_words() -> tuple[str, ...]:
    """text_rules honour_words, as startswith takes them."""
    return tuple(text_rules()["honour_words"])


_MENTIONS: list = [None, None, None, None]  # the last regions list seen, its name index, its pattern, entries by name


def _mention_pattern(regions: list[RegionEntry]) -> tuple[dict[str, RegionEntry], re.Pattern[str], dict[str, RegionEntry]]:
    """The name index, the longest-first pattern of all names and the entries by canonical name, built once per table."""
    if _MENTIONS[0] != regions:  # list compare: an identity check per entry when it is the same table
        index = _name_index(regions)
        pattern = re.compile(longest_word_pattern(index))  # the longest name wins where several start
        _MENTIONS[:] = [list(regions), index, pattern, {e.name: e for e in regions}]
    return _MENTIONS[1], _MENTIONS[2], _MENTIONS[3]


def doc_text(doc: Document, blocks: list | None = None) -> str:
    """All the text of a document: title group, lead, body (or the blocks given) and captions."""
    blocks = doc.blocks if blocks is None else blocks
    parts = [title_group(doc), doc.lead, *(b.text for b in blocks), *(f.caption for f in doc.figures)]
    return "\n".join(p for p in parts if p)


def title_group(doc: Document) -> str:
    """The kicker, title and subtitle, in one line, and a team that signed the report (赤峰市总工会调研组) or the speaker
    of a speech with their post (城固县总工会主席　杨振华)."""
    head = " ".join(p for p in (doc.kicker, doc.title, doc.subtitle) if p)
    teams = [line for line in doc.debris if is_team_byline(line) or _speaker_of_place(line, head)]
    return " ".join(p for p in (head, *teams) if p)


def _speaker_of_place(line: str, head: str) -> bool:
    """Tell whether a line is a speech's speaker whose union's place the title names, by name or by its rank (城固县总工会
    主席　杨振华 under 在城固县第十届职工代表大会…上的讲话; 绍兴市总工会主席 under 在全市…的讲话), not a visitor's (宜昌市
    总工会副主席 under 在全县工会工作会议上的讲话)."""
    if speaker_of(line) is None:
        return False
    places = union_places(line)
    return any(_named_in(head, place) or f"全{place[-1:]}" in head or re.search(f"(?:^|[在、，\\s]){place[-1:]}总工会", head)
               for place in places)


def pick_region(doc: Document, regions: list[RegionEntry]) -> RegionEntry | None:
    """The region the report is about: the most specific one in the title, else the most mentioned."""
    return _pick_region(doc, doc_text(doc), regions)


def _pick_region(doc: Document, text: str, regions: list[RegionEntry]) -> RegionEntry | None:
    """pick_region, given the document's text."""
    by_name = _mention_pattern(regions)[2]
    body = region_mentions(text, regions)
    heading = region_mentions(title_group(doc), regions)
    pool = heading or body
    if not pool:
        return None
    best = max(pool, key=lambda n: (by_name[n].depth if heading else 0, body[n], by_name[n].depth, n))
    return by_name[best]


def find_organization(doc: Document, region: RegionEntry) -> str | None:
    """The organisation named with the region (临安市总工会), preferring the full formal name."""
    return _find_organization(doc, doc_text(doc), region)


def _find_organization(doc: Document, text: str, region: RegionEntry) -> str | None:
    """find_organization, given the document's text: not a union named only as giving an honour (被威海市总工会命名为…)."""
    found = Counter(m.group() for m in _organization_pattern((region.name, *region.aliases)).finditer(text)
                    if not text.startswith(_HONOURS, m.end()))
    if not found:
        return None
    title = doc.title or ""
    return max(found, key=lambda o: (o.startswith(region.name), o.endswith("总工会"), o in title, found[o], o))


@lru_cache(maxsize=1024)
def _organization_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """A region's names (longest first) followed by an organisation suffix (总工会, 工会…)."""
    names = tuple(sorted(names, key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in text_rules()["organization_suffixes"])
    return re.compile(f"(?:{'|'.join(re.escape(n) for n in names)})(?:市|区|县|省)?(?:{suffixes})")


# \d\d\d\d rather than \d{4}: a pattern opening on a character class lets the engine skip to the next digit.
_DATE = re.compile(r"(\d\d\d\d)年(\d{1,2})月(\d{1,2})日")
# (?=[12][09]) only lets the engine skip ahead to a possible 19xx or 20xx: the same matches, found sooner.
_YEAR_SPAN = re.compile(r"(?=[12][09])(?<!\d)((?:19|20)\d\d)\s*年?\s*[~～\-—–至到]+\s*((?:19|20)\d\d)(?!\d)")
_REPORT_YEAR = re.compile(r"(?=[12])(?<!\d)((?:19[5-9]|20\d)\d)年")
_YEARS_SINCE = re.compile(r"(?=[\d两二三四五六七八九十])(\d{1,2}|[两二三四五六七八九十])年多?来")


def find_date(doc: Document) -> _dt.date | None:
    """The publication date: the first full date of a running head or page header kept out of the body
    (人民日报 2016年5月3日 第3版), else the first full date the text states (2021年8月3日)."""
    return _publication_date(doc, doc_text(doc))


def _publication_date(doc: Document, text: str) -> _dt.date | None:
    """find_date, given the document's text (a running head may write its date with points: 2019.12.10; a web
    page's line of when it was published with dashes: 发布时间：2023-01-12)."""
    # A document's colophon dates its printing (…办公室　2021年1月20日印发), not the text: its signature does; a
    # forwarded mail's header (发送时间：…) dates the mail.
    debris = "\n".join(line for line in doc.debris if not line.rstrip().endswith(_PRINTED) and not is_mail_header(line))
    return (_find_date(debris) or _find_date(debris, _DOTTED_DATE) or _find_date(debris, _DASHED_DATE)
            or _find_numeral_date(debris) or _find_minguo_date(debris) or _find_date(text))


_PRINTED = ("印发", "印制")


_ISSUE_MONTH = re.compile(r"(?<![\d.．])((?:19|20)\d\d)\s*[.．年]\s*(\d{1,2})\s*月?(?![\d.．日])")


def _issue_month(doc: Document) -> _dt.date | None:
    """The month of a magazine's issue its running head names (北疆工会　2018.11), as the month's first day:
    no publication date, but it dates the report's 今年 when the text gives no full date.  A head naming the
    issue by its year and number (工会信息　2017年第18期) gives the year alone: its middle stands for it."""
    debris = "\n".join(doc.debris)
    for match in _ISSUE_MONTH.finditer(debris):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return _dt.date(year, month, 1)
    # a running head naming the issue by its year and number (with its folio, as text_rules' pattern has it), or the
    # masthead over the text's first line (中原工运　2022年第10期)
    numbered = next((m for line in doc.debris if (is_running_head(line) or issue_masthead(line))
                     and (m := _ISSUE_OF_YEAR.search(line))), None)
    return _dt.date(int(numbered.group(1)), 7, 1) if numbered else None


_ISSUE_OF_YEAR = re.compile(r"((?:19|20)\d\d)\s*年\s*总?第\s*\d{1,4}\s*期")  # 2017年第18期


_DASHED_DATE = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?![\d-])")  # a web page's 2023-01-12
_DOTTED_DATE = re.compile(r"(?<![\d.])((?:19|20)\d\d)[.．](\d{1,2})[.．](\d{1,2})(?![\d.])")


# A signature's date in Chinese numerals (二〇二二年一月十日; OCR may read 〇 as ○ or Ｏ)
_NUMERAL_DATE = re.compile(r"([〇○Ｏ零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_ZERO_LOOKALIKES = str.maketrans("○Ｏ", "〇〇")


def _find_numeral_date(text: str) -> _dt.date | None:
    """The first real calendar date written in Chinese numerals in the text."""
    for match in _NUMERAL_DATE.finditer(text):
        year, month, day = (parse_chinese_numeral(g.translate(_ZERO_LOOKALIKES)) for g in match.groups())
        try:
            return _dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _find_date(text: str, pattern: re.Pattern[str] | None = None) -> _dt.date | None:
    """The first real calendar date written in full in the text (as _DATE writes it, or as ``pattern`` does)."""
    for match in (pattern or _DATE).finditer(text):
        try:
            return _dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            continue
    return None


_MINGUO_DATE = re.compile(r"(?:中华民国|民国)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
MINGUO_OFFSET = 1911  # 中华民国112年 is 2023: the calendar Taiwan's documents are dated in


def _find_minguo_date(text: str) -> _dt.date | None:
    """The first real date written in the Minguo calendar (中华民国112年2月18日: 2023-02-18)."""
    for match in _MINGUO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        try:
            return _dt.date(year + MINGUO_OFFSET, month, day)
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


def report_year(text: str, date: _dt.date | None, head: str = "") -> int | None:
    """The year the report looks back on: one its title group states (2023年工作综述), else its date's (the
    year before, for a first-quarter date when the text states that year and not the date's), else the
    latest year the text states of itself.

    A year after a target word (到2026年, 展望2025年) or in a sentence that states a plan (2024年，将……力争)
    is the future, not the report's own; a year after 截至 is its own (截至2016年3月底).
    """
    stated = _own_years(_DATE.sub("", head))  # not the day a speech or report was delivered (2024年1月16日在…会议上)
    if stated:
        return max(stated)
    if date:
        if date.month <= EARLY_MONTHS:  # a review of the past year printed early in the next (2019年1月: 2018)
            own = _own_years(_DATE.sub("", text))
            if own.count(date.year - 1) >= 2 and date.year not in own:  # stated more than in passing
                return date.year - 1
            if date.year - 1 in own and own.count(date.year) <= own.count(date.year - 1) and _past_year_said(text):
                return date.year - 1  # 过去的一年 of a speech or work report given early in the year after
        return date.year
    years = _own_years(text)
    return max(years) if years else anniversary_year(text)


def _past_year_said(text: str) -> bool:
    """Tell whether a text reviews the year past in words opening a clause (过去的一年，… ; 一、过去一年工作回顾: text_rules
    past_year_words and past_year_after), not inside one (在过去一年工作的基础上, 比…过去一年积累的经验, 过去一年多来)."""
    return _past_year_pattern().search(text) is not None


@lru_cache(maxsize=1)
def _past_year_pattern() -> re.Pattern[str]:
    rules = text_rules()
    return re.compile(f"(?:^|(?<=[。！？；：:、\\s]))(?:{longest_word_pattern(rules['past_year_words'])})"
                      f"(?={longest_word_pattern(rules['past_year_after'])})", re.M)


def anniversary_year(text: str) -> int | None:
    """The latest year a text names as this year's anniversary of an event (今年是中国共产党成立100周年, 在…100周年之际:
    2021; text_rules anniversaries), or None.  Not a speech given at one (在庆祝…100周年大会上的讲话), a year before or
    after it (明年是…, 迎接…), nor what has passed since (…周年以来)."""
    founded, years = _anniversaries(), []
    for match in _anniversary_pattern().finditer(text):
        clause = text[max(text.rfind(mark, 0, match.start()) for mark in "，。；！？!?\n") + 1: match.start()]
        sentence_start = max(text.rfind(mark, 0, match.start()) for mark in "。！？!?\n") + 1  # SENTENCE_MARK's marks
        end = SENTENCE_MARK.search(text, match.end())
        sentence = text[sentence_start: end.start() if end else len(text)]
        after = text[match.end(): match.end() + 4]
        if after.startswith(_ANNIVERSARY_PAST) or any(word in clause for word in _ANNIVERSARY_OTHER_YEAR):
            continue
        # 今年是…，也是建党100周年: the sentence's frame carries over; 为庆祝…100周年，今年…: a celebration this year
        carried = clause.lstrip().startswith(("也是", "又是", "同时也是", "还是")) and "今年" in text[sentence_start: match.start()]
        celebrated = "庆祝" in clause and "今年" in sentence
        if after.startswith("之际") or carried or celebrated or any(word in clause for word in _ANNIVERSARY_THIS_YEAR):
            count = match.group(2)
            years.append(founded[match.group(1)] + (int(count) if count.isdigit() else parse_chinese_numeral(count)))
    return max(years, default=None)


_ANNIVERSARY_THIS_YEAR = ("今年是", "今年恰逢", "今年正值", "正值", "时值", "适逢", "恰逢")
_ANNIVERSARY_OTHER_YEAR = ("明年", "去年", "迎接", "前夕")
_ANNIVERSARY_PAST = ("以来", "大会", "讲话", "重要讲话")


@lru_cache(maxsize=1)
def _anniversaries() -> dict[str, int]:
    """text_rules anniversaries: an event and the year it was founded."""
    return {str(event): int(year) for event, year in text_rules()["anniversaries"].items()}


@lru_cache(maxsize=1)
def _anniversary_pattern() -> re.Pattern[str]:
    """An event of text_rules anniversaries and its anniversary's number (中国共产党成立100周年, 新中国成立七十周年)."""
    return re.compile(f"({longest_word_pattern(_anniversaries())})(\\d{{1,3}}|[一二三四五六七八九十百]{{1,4}})周年")


EARLY_MONTHS = 3  # a report printed in the first quarter may look back on the year before


def _own_years(text: str) -> list[int]:
    """The years a text states of its own time (see report_year).  A year in a sentence stating a plan is
    left out only when it is later than every other year: 2019年，区总工会为困难职工争取救助资金 is 2019's."""
    rules = text_rules()
    prefixes, as_of = tuple(rules["target_year_prefixes"]), tuple(rules["as_of_year_prefixes"])
    years, planned = [], []
    for match in _REPORT_YEAR.finditer(text):
        start = match.start()
        if text.endswith(prefixes, 0, start) and not text.endswith(as_of, 0, start):
            continue
        end = SENTENCE_MARK.search(text, match.end())
        plan = plan_cue().search(text, match.end(), end.start() if end else len(text)) is not None
        (planned if plan else years).append(int(match.group(1)))
    latest = max(years, default=None)
    return years + [year for year in planned if latest is not None and year <= latest]


SENTENCE_MARK = re.compile("[。！？!?\n]")


@lru_cache(maxsize=1)
def plan_cue() -> re.Pattern[str]:
    """One pattern for the words that make a year's sentence state a plan (力争, 计划, 目标是: plan_cues)."""
    return re.compile(longest_word_pattern(text_rules()["plan_cues"]))


def plan_start(text: str, head: str) -> int | None:
    """The first year of a five-year plan the report looks back over (“十四五”以来 in its head, or twice)."""
    for name, start in text_rules()["five_year_plans"].items():
        if re.escape(name) == name and name not in text and name not in head:
            continue  # every match holds the plan's name (a plain word): no need to scan for it
        since = _since_pattern(name)
        if since.search(head) or len(since.findall(text)) >= 2:
            return int(start)
    return None


@lru_cache(maxsize=64)
def _since_pattern(name: str) -> re.Pattern[str]:
    """“十四五”以来, 十四五规划以来: looking back over a five-year plan."""
    return re.compile(f"[“\"]?{name}[”\"]?(?:规划)?以来")


def find_period(doc: Document, date: _dt.date | None) -> Period | None:
    """The years the report covers: a printed span (2013~2017), N年来 up to its year, or its year."""
    return _find_period(doc, doc_text(doc), date)


def _find_period(doc: Document, text: str, date: _dt.date | None) -> Period | None:
    """find_period, given the document's text.

    A span of years printed in the title group or the lead is the period; one in the body's paragraphs is
    when it ends in the report's own year (对杭州工会来说，2013~2017，是奋斗的五年, in a report of 2017), not
    when it looks back on earlier years (2016—2018年，全区累计……, in a report of 2019); one in a heading or
    a table's title (2019—2021年园区工资集体协商情况) is not.
    """
    head = " ".join(p for p in (doc.title, doc.kicker, doc.subtitle, doc.lead) if p)
    year = report_year(_without_plan_sections(doc, text), date, title_group(doc))
    blocks = doc.blocks
    titled = {i - 1 for i, b in enumerate(blocks) if b.kind == "table"}  # the line naming a table, above it
    # A section's or a table's title (and a table) is no period.
    prose = "\n".join(b.text for i, b in enumerate(blocks) if b.kind not in ("heading", "table") and i not in titled)
    for scope in (head, prose):
        for span in _YEAR_SPAN.finditer(scope):
            start, end = int(span.group(1)), int(span.group(2))
            if 0 < end - start <= 10 and (scope is head or year is None or end in _closing_years(year, date)):
                return Period(start, end)
    if year is None:
        return None
    plan = plan_start(text, head)
    if plan is not None and plan <= year:
        return Period(plan, year)
    spans = Counter(_YEARS_SINCE.findall(text))
    for word, count in spans.most_common():
        years = _number(word)
        if years and 1 < years <= 10 and (count >= 2 or f"{word}年来" in head):
            return Period(year - years + 1, year)
    if date is not None and year == date.year:
        last, this = _relative_years(prose, year)
        if last >= LAST_YEAR_MIN and not this:  # a paper's report on the year before it (截至去年底…, 去年…), whose
            return Period(year - 1, year - 1)  # 今年 states plans only (今年将…) or nothing done
        if last >= LAST_YEAR_MIN:  # figures of the year before and of this one (2022年，全区…。今年以来，…): both years
            return Period(year - 1, year)
    return Period(year, year)


LAST_YEAR_MIN = 2  # sentences of figures dated the year before that make a paper's report one on that year too
_THIS_YEAR = re.compile("今年(?![\\d一二三四五六七八九十]+岁)(?![^。；！？]*(?:将|要|计划|力争|打算|准备))")  # not one's age
# (今年58岁), nor a plan (今年将新建…, 今年要求…)
_FIGURE = re.compile("\\d")
_DATE_DIGITS = re.compile("\\d{4}\\s*年|\\d{1,2}\\s*[月日]")  # a date's digits are no figure
_CLAUSE_OPENING = "(?:^|(?<=[，,：:\\n]))\\s*(?:截至|截止|到)?"  # a sentence's or a clause's first words


def _relative_years(text: str, year: int) -> tuple[int, int]:
    """How many sentences with a figure state the year before ``year`` as the time of their own clause, and how many
    this year (今年, or ``year`` written out) without stating a plan (今年将…).

    The year before counts written out at a clause's opening (2022年，全区各级工会…; …，2021年组织开展…; 截至2021年底), or
    as 去年 there in a sentence of a whole place or body's (text_rules period_scope_words: 去年，市总工会…; 截至去年底，全市…),
    not a story's (去年，他考取了…; 去年12月，…李某等15人被拖欠工资), a base compared with (由去年底的32%提高到…) nor 去年 inside
    a word (送去年货)."""
    last = this = 0
    plan = plan_cue()
    before, own, scope, story = _year_before(year - 1), _year_stated(year), _period_scope(), _period_story()
    for sentence in _SENTENCES.split(text):
        if not _FIGURE.search(_DATE_DIGITS.sub("", sentence)):
            continue
        opening = before.search(sentence)
        last += opening is not None and (scope.search(sentence) is not None
                                          or opening.group(1) is not None and story.search(sentence) is None)
        this += (_THIS_YEAR.search(sentence) is not None or own.search(sentence) is not None) and plan.search(sentence) is None
    return last, this


@lru_cache(maxsize=16)
def _year_before(year: int) -> re.Pattern[str]:
    """The year before a report's, opening a clause: written out (group 1) or as 去年; not a base (去年同期, 2022年相比),
    nor a span's start (去年以来, 2022年至…)."""
    return re.compile(f"{_CLAUSE_OPENING}(?:({year}年)|去年)(?!同期|以来|至|到|[-—～~]|相比)")


@lru_cache(maxsize=16)
def _year_stated(year: int) -> re.Pattern[str]:
    """A year written out as a sentence's own time (2022年，…; 截至2022年底), not a base compared with (比2022年, 较2022年,
    与2022年相比, 2022年同期), a span's start (2022年以来, 2022年至2023年) nor one of a date's digits (20221)."""
    return re.compile(f"(?<![比较与和\\d]){year}年(?!同期|以来|至|到|[-—～~]|\\d|相比)")


@lru_cache(maxsize=1)
def _period_story() -> re.Pattern[str]:
    """One person's story (text_rules period_story_pattern: 他, 王某等, 周师傅): a year written out at its opening
    dates the story, not the report's figures."""
    return re.compile(text_rules()["period_story_pattern"])


@lru_cache(maxsize=1)
def _period_scope() -> re.Pattern[str]:
    """Words of a whole place's or body's figures (text_rules period_scope_words: 全市, 市总工会, 各级工会)."""
    return re.compile(longest_word_pattern(text_rules()["period_scope_words"]))


_SENTENCES = re.compile("(?<=[。！？；])")


def _without_plan_sections(doc: Document, text: str) -> str:
    """The text without the sections a plan heading opens (二、2023年工作安排): a work report's coming year."""
    cue = plan_cue()
    skipping, kept = 0, []
    for block in doc.blocks:
        if block.kind == "heading":
            if skipping and block.level > skipping:
                continue
            skipping = block.level if cue.search(block.text) else 0
        if not skipping:
            kept.append(block)
    return text if len(kept) == len(doc.blocks) else doc_text(doc, kept)


def _closing_years(year: int, date: _dt.date | None) -> tuple[int, ...]:
    """The years a span in the body may end in to be the report's period: its year, and the year before when
    it was published in the first quarter (an annual report of 2019 printed in January 2020)."""
    early = date is not None and date.year == year and date.month <= EARLY_MONTHS
    return (year, year - 1) if early else (year,)


def where_when(
    doc: Document, regions: list[RegionEntry] | None = None
) -> tuple[Region | None, str | None, Period | None, _dt.date | None]:
    """Return region, organisation, period and date of a recovered report.

    The region is found in steps, in this order, each a function with its cues in its docstring:

    1. the pick (_pick_region): the place of the regions table the title group, else the text, names most
       specifically and most often;
    2. over it, or without it: the place whose union the report names, the city a company of the title group is
       named after; without it: a place the title group or a masthead names, the body a brief's masthead names as
       its issuer, the company whose union speaks in the opening sentence;
    3. a headline's city; a gazetteer place the title group names, within the place picked or instead of one the body
       names less often; the whole province a title speaks of; with nothing yet, the one city or county named with a
       location cue or as the union honouring someone;
    4. the place the report's own subject says it lies in, within the place picked;
    5. lifted above a district or county: its city when the city's own union speaks or a city paper's page covers
       the city; above cities: the province of a round-up of three or more of its cities.
    """
    regions = load_regions() if regions is None else regions
    text = doc_text(doc)
    entry = _pick_region(doc, text, regions)
    entry = (_union_place(doc, text, entry, regions) or _company_place(doc, entry, text=text) or entry or _title_place(doc, text)
             or _masthead_place(doc, text) or _masthead_body(doc, text) or _company_place(doc, None, _opening_sentence(doc)))
    entry = _headline_place(doc, text, entry, regions) or entry
    entry = _title_place_within(doc, text, entry) or entry
    entry = _title_place_over_body(doc, text, entry, regions) or entry
    entry = _whole_province(doc, entry, regions) or entry or _only_place_named(text)
    entry = _subject_place(doc, text, entry) or entry
    entry = _city_union_speaks(doc, entry) or entry
    entry = _masthead_city_over(doc, text, entry) or entry
    entry = _roundup_province(doc, regions) or entry
    date = _publication_date(doc, text)
    region = Region(entry.name, entry.parent) if entry else None
    # the issuer of a signature taken out of the body (洮南市人力资源和社会保障局 | 2019年1月8日) names it too; not whom
    # copies go to (抄送：…), a mail's header or a source line
    kept = [line for line in doc.debris if not _RECIPIENT_LINE.match(line) and not is_mail_header(line)]
    organization = _find_organization(doc, "\n".join([text, *kept]), entry) if entry else None
    return region, organization, _find_period(doc, text, date or _issue_month(doc)), date


@lru_cache(maxsize=1)
def _whole_province_line() -> re.Pattern[str]:
    """A line of the title group opening on this is the province's report: 全省…, 我省…, or 省 opening a provincial
    body's name (ending on 工会, 厅, 委员会 or 联合会 within ten characters, no verb between: not 省委宣讲团走进…工会),
    but not an honour's rank (省劳模, 省优秀工会工作者: text_rules honour_words and honour_qualifiers) nor 省 as a
    verb (省心省力的工会驿站)."""
    honours = "|".join(re.escape(w) for w in text_rules()["honour_words"])
    return re.compile(f"全省|我省|省(?!{honours}|{honour_qualifiers()}|五一|级|心|钱|力|事|时)"
                      "(?=(?:(?!走进|深入|来到|看望|慰问|[的与又在到赴为对])[\u4e00-\u9fff]){0,10}?"
                      "(?:工会|厅|委员会|联合会)(?!工作者|积极分子))")


_PROVINCE_FIRST = (*(f"{w}{n}" for w in ("全省", "我省") for n in ("首家", "首个", "第一家", "第一个")), "全省首创", "全省率先")  # …not a place's first (全省首家…成立)
_OWN_PLACE = ("我市", "本市", "全市", "我区", "我县", "本县", "全县", "全区")  # …nor a report of its place (全省…大赛在我市开幕)


def _whole_province(doc: Document, picked: RegionEntry | None, regions: list[RegionEntry]) -> RegionEntry | None:
    """The province of the place picked when a line of the title group opens on 全省 or 我省 and names no place
    (全省工会“金秋助学”资助困难职工子女1.26万名): a province's report comparing its cities, the most named of which was
    picked (its last ancestor in the gazetteer).  None when the pick is a province already, or its province is unknown."""
    if picked is None or picked.depth <= 1:
        return None
    lines = (doc.kicker, doc.title, doc.subtitle)
    head = title_group(doc)
    if (not any(line and _whole_province_line().match(line) and not line.startswith(_PROVINCE_FIRST) for line in lines)
            or region_mentions(head, regions) or any(word in head for word in _OWN_PLACE)):
        return None
    above = _ancestors(picked)
    top = above[-1] if above else ""
    province = _mention_pattern(regions)[2].get(top) or next((e for e in gazetteer().get(top, ()) if e.depth == 1), None)
    return province if province is not None and province.depth == 1 else None


# --- places the regions table does not list ----------------------------------------------------


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[RegionEntry, ...]]:
    """Every province, city and county of the country by full name (data/gazetteer.yml); a name that several
    places share maps to all of them."""
    found: dict[str, list[RegionEntry]] = {}
    for entry in load_regions(DATA_DIR / "gazetteer.yml"):
        found.setdefault(entry.name, []).append(entry)
        short = _autonomous_short_name(entry.name)
        if short:
            found.setdefault(short, []).append(entry)
    return {name: tuple(entries) for name, entries in found.items()}


def names_a_place(word: str) -> bool:
    """Tell whether a word is a place's name: of the regions table (name or short name), of the gazetteer with or
    without its rank (阳江市, 阳江), a province's and a place's short names run together (广东阳江), or a place left
    unnamed (某地: text_rules unnamed_places)."""
    if word in place_names() or word in gazetteer() or word in text_rules()["unnamed_places"]:
        return True
    if len(word) >= 2 and any(word + rank in gazetteer() for rank in "省市县区旗州"):
        return True
    return any(names_a_place(word[:cut]) and names_a_place(word[cut:]) for cut in range(2, len(word) - 1)) if len(word) >= 4 else False


_AUTONOMOUS = re.compile("自治([州县旗])$")


def _autonomous_short_name(name: str) -> str:
    """How an autonomous prefecture, county or banner is called for short: its own name and its rank
    (黔东南苗族侗族自治州 -> 黔东南州, 互助土族自治县 -> 互助县), or "" (鄂温克族自治旗: its people's name)."""
    rank = _AUTONOMOUS.search(name)
    if rank is None:
        return ""
    own = own_name(name[: rank.start()])
    return own + rank.group(1) if own else ""


@lru_cache(maxsize=1)
def _name_lengths() -> tuple[int, ...]:
    """The lengths of the gazetteer's names, longest first (恩施土家族苗族自治州 is 10): the only ones to try."""
    return tuple(sorted({len(name) for name in gazetteer()}, reverse=True))


def union_places(text: str) -> Counter[str]:
    """How often the text names the union of each place of the gazetteer (佛山市南海区总工会 -> 南海区).

    A two-character name (和县, 易县) counts only at the start of a run of Chinese or after a place it lies
    in (马鞍山市和县总工会): 各区和县总工会 names no 和县.  The last of a list of places (临颍县、舞阳县工会) names the
    unions of all of them, and none is counted.
    """
    places = gazetteer()
    rules = text_rules()
    pattern = _suffix_pattern(tuple(rules["organization_suffixes"]))
    lengths = _name_lengths()
    counts: Counter[str] = Counter()
    for match in pattern.finditer(text):
        if text[match.start() - 1: match.start()] not in _PLACE_ENDS:
            continue  # 企业工会, 基层工会: no place's name ends there
        if text.startswith(_HONOURS, match.end()):
            continue  # 被河南省总工会授予…: the body that gave an honour, not the report's own union
        before = text[max(0, match.start() - lengths[0] - 9): match.start()]
        zone = next((z for z in rules["zone_suffixes"] if before.endswith(z)), None)
        city = _city_of_zone(before[: -len(zone)]) if zone is not None else None
        if city is not None:
            counts[city + zone] += 1  # type: ignore[operator]
            continue
        for size in lengths:  # the longest full name ending there
            name = before[-size:]
            if size <= len(before) and name in places and (size > 2 or _stands_alone(before[:-size], places[name])):
                if not _LIST_OF_PLACES.search(before[:-size]):
                    counts[name] += 1
                break
    return counts


# A place's name after another's and a list's mark (源汇区、…和临颍县、|舞阳县工会): the union of every place listed, no one's.
_LIST_OF_PLACES = re.compile(r"[省市区县州旗][、和及与]$")


_HONOURS = ("授予", "评为", "命名为", "命名", "表彰为", "评定为")  # after a union's name: it gave an honour
_PLACE_ENDS = frozenset("省市区县州旗盟域岛")  # the last character of every division's name and every zone's
_CITY_OR_COUNTY_ENDS = frozenset("市县区旗")  # … and of a city's or a county's
_HAN_CHAR = re.compile(f"[{HAN}]")


def _stands_alone(before: str, entries: tuple[RegionEntry, ...]) -> bool:
    """Tell whether a short place name starts a name of its own: no Chinese before it, or a place it lies in."""
    if not before or not _HAN_CHAR.match(before[-1]):
        return True
    return any(before.endswith(name) for entry in entries for name in _ancestors(entry))


def _city_of_zone(before: str) -> str | None:
    """The city a zone's name opens with (苏州 of 苏州工业园区): its short name or full name, as printed."""
    places = gazetteer()
    for size in range(min(len(before), 6), 1, -1):
        name = before[-size:]
        if any(e.depth == 2 for e in places.get(name, ())) or any(e.depth == 2 for e in places.get(name + "市", ())):
            return name
    return None


@lru_cache(maxsize=4)
def _suffix_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """Any organisation suffix (总工会 before 工会: the longest one where several start)."""
    return re.compile(longest_word_pattern(suffixes))


def _union_place(doc: Document, text: str, picked: RegionEntry | None,
                 regions: list[RegionEntry]) -> RegionEntry | None:
    """A place of the gazetteer whose union the report names, when the regions table has no better answer.

    It replaces the table's pick when there is none, or when the pick is the place's own province or city
    and the table does not list the place itself (a report from 南海区 names 广东省 too).  A name several
    places share is read as the one whose city or province the text names; without that, as none.
    """
    known = _mention_pattern(regions)[0]
    head = title_group(doc)
    named = union_places(text)
    if not named:
        return None
    in_head = union_places(head)
    # The title group's union first (佛山市总工会2016年工作报告 citing 南海区总工会 twice), then a union of a place the title
    # group names (——湛江市各级工会开展…综述: 湛江市总工会 before 坡头区总工会), then the most named.
    for name in sorted(named, key=lambda n: (n not in in_head, not _named_in(head, n), -named[n], n)):
        if name in known:
            return None  # the table knows the place the union belongs to: its pick stands
        entry = _resolve(name, text)
        if entry is None:
            continue
        if picked is None:
            return _masthead_over_caption(doc, text, name, entry) or entry
        if picked.name in _ancestors(entry):
            # A province the title group names, but not this place (甘肃省各地工会…扫描), keeps a report naming several of
            # its places' unions (天水市总工会, 酒泉市总工会…) or this one once (a caption's); a title naming the province
            # over one place's union named again and again, or naming that place too (江苏南通：…), is that place's.
            titled = _names_outside_firms(head, picked) and name not in in_head and not _named_in(head, entry.name)
            if not titled and _names(head, picked) and _only_visited(text, name):
                return None  # a union the report's people only went to (赴涪陵区总工会学习) under a firm's province
            return entry if not titled or (len(named) == 1 and named[name] >= 2) else None
        # Another place the table knows, named in the body only (a contest held in 昆明), gives way to the
        # union of the title group, or to a union named at least as often as that place.
        own = sum(named[n] for n in (picked.name, *picked.aliases))  # the picked place's own union, named?
        if (not own and not region_mentions(head, regions)
                and (name in in_head or named[name] >= region_mentions(text, regions)[picked.name])):
            return entry
        return None
    return None


def _masthead_over_caption(doc: Document, text: str, name: str, entry: RegionEntry) -> RegionEntry | None:
    """The city a paper's masthead names (盘锦日报) over a district whose union only a photo's caption names (双台子区总工会
    工作人员在…): the caption shows where one scene was, the masthead and the body's 市总工会 whose report it is."""
    uncaptioned = "\n".join(p for p in (title_group(doc), doc.lead, *(b.text for b in doc.blocks)) if p)
    if not doc.figures or union_places(uncaptioned)[name] or _named_in(title_group(doc), entry.name):
        return None  # no caption, the union named outside them too, or the place the headline's (于都：…)
    masthead = _masthead_place(doc, text)
    if masthead is None or masthead.name not in _ancestors(entry):
        return None
    # the body speaking of the place's own rank more than of the city's (区总工会…全区…, 得到市总工会肯定): the place's story
    own = [len(re.findall(_OWN_RANK.format(rank=place.name[-1]), uncaptioned)) for place in (entry, masthead)]
    return masthead if own[0] <= own[1] else None


def _named_in(text: str, name: str) -> bool:
    """Tell whether a text names a place, in full or by a short form that is no common word (坡头 of 坡头区; not 和 of 和县,
    青山 of 青山区, 长寿 of 长寿区)."""
    short = name[:-1]
    return name in text or (len(short) >= 2 and short in text and short not in word_list())


def _names(text: str, entry: RegionEntry) -> bool:
    """Tell whether a text names a place of the regions table, by its name or an alias (甘肃省, 甘肃)."""
    return any(name in text for name in (entry.name, *entry.aliases))


def _names_outside_firms(text: str, entry: RegionEntry) -> bool:
    """_names, not counting the place's name opening a firm's (重庆长涪机械有限公司: a firm's name, no report's place; text_rules
    company_suffixes within FIRM_NAME_CHARS characters of Chinese after it)."""
    suffixes = tuple(text_rules()["company_suffixes"])
    for name in (entry.name, *entry.aliases):
        at = text.find(name)
        while at >= 0:
            run = _HAN_RUN.match(text, at + len(name))
            words = run.group() if run else ""
            ends = [end for suffix in suffixes if 0 <= (end := words.find(suffix)) <= FIRM_NAME_CHARS]
            if not ends or "工会" in words[: min(ends)]:  # no firm's name, or a union's (重庆市总工会为长安汽车公司…)
                return True
            at = text.find(name, at + 1)
    return False


FIRM_NAME_CHARS = 8  # characters of a firm's own words between a place's name and the firm's suffix (长涪机械|有限公司)
_HAN_RUN = re.compile(f"[{HAN}]+")


def _company_place(doc: Document, picked: RegionEntry | None, scope: str | None = None, text: str = "") -> RegionEntry | None:
    """The city a company of the title group is named after (国网赣州供电公司工会, 淮北矿业集团: 赣州市, 淮北市), when the regions
    table picked none or that city's province, or a place ``text`` names only at the head of firms' names (中国铁路广州局集团
    有限公司怀化工务段: the parent group's): an enterprise union's report names its city nowhere else.  ``scope``: the
    text to look in instead, when nothing else placed the report (a mine's title names it by its short name, 香山矿; its
    opening the company, 平顶山香山矿业有限公司工会在…): there only the company whose union speaks counts, not one
    visited or partnered (赴大庆油田有限责任公司学习, 与鞍山钢铁集团有限公司签订协议)."""
    head = title_group(doc) if scope is None else scope
    pattern, cities = _company_cities()
    for match in pattern.finditer(head):
        if scope is not None and not head.startswith("工会", match.end()):
            continue
        entry = cities[match.group(1)]
        if picked is None or picked.name in _ancestors(entry):
            return entry
        if text and scope is None and not _names(head, picked) and not _names_outside_firms(text, picked):
            return entry
    return None


@lru_cache(maxsize=1)
def _company_cities() -> tuple[re.Pattern[str], dict[str, RegionEntry]]:
    """A pattern of a city's short name (赣州 of 赣州市) before a company's word (text_rules company_suffixes),
    and the city of each short name that only one city of the gazetteer has."""
    cities: dict[str, list[RegionEntry]] = {}
    for name, entries in gazetteer().items():
        for entry in entries:
            if entry.depth == 2 and name.endswith("市") and len(name) >= 3:
                cities.setdefault(name[:-1], []).append(entry)
    single = {short: entries[0] for short, entries in cities.items() if len(entries) == 1}
    suffixes = longest_word_pattern(text_rules()["company_suffixes"])
    # An industry's word may come between (淮北矿业集团, 赣州供电公司).
    return re.compile(f"({longest_word_pattern(single)})[{HAN}]{{0,4}}?(?:{suffixes})"), single


def _opening_sentence(doc: Document) -> str:
    """The report's first sentence (its lead's, or its first paragraph's), where the union that reports names itself
    (2012年，平顶山香山矿业有限公司工会在矿党委的领导下，…)."""
    first = doc.lead or next((block.text for block in doc.blocks if block.kind == "paragraph"), "")
    return re.split("[。！？]", first, maxsplit=1)[0]


def _subject_place(doc: Document, text: str, picked: RegionEntry | None) -> RegionEntry | None:
    """Where the report's own subject says it lies, in the report's first sentence: a name of the title group just
    before a location cue (沙溪镇位于太仓市中北部, under the title 沙溪镇) or just after the places and 的 (位于唐山市曹妃甸区的
    冀东滦海钢铁集团有限公司工会, the subtitle's company); the last place named right after the cue, when it lies within
    the place picked (a province an honour names, the city of a union met) or nothing was picked.  Not a venue (在位于…的
    基地: where something happened) nor anything the title group does not name."""
    head, sentence = title_group(doc), _opening_sentence(doc)
    if picked is not None and picked.depth == 1 and any(
            line and _whole_province_line().match(line) for line in (doc.kicker, doc.title, doc.subtitle)):
        return None  # the title group is the whole province's (全省工会驿站建设综述): _whole_province's pick stands
    for cue in text_rules()["location_cues"]:
        at = sentence.find(cue)
        while at >= 0:
            after = sentence[at + len(cue):]
            run, last = 0, None
            for start, name in _gazetteer_names(after[:SUBJECT_PLACE_CHARS], _PLACE_ENDS):
                if start != run:
                    break
                run, last = start + len(name), name
            subject = _subject_of(sentence[:at], after[run:], head) if last is not None else ""
            if subject and not (picked is not None and subject.startswith((picked.name, *picked.aliases))):
                # …not the picked place's own body (位于济南市的山东省职工服务中心, 潍坊市总工会疗养院位于…)
                entry = _resolve(last, text)
                if entry is not None and (picked is None or picked.name in _ancestors(entry)):
                    return entry
            at = sentence.find(cue, at + 1)
    return None


SUBJECT_PLACE_CHARS = 16  # characters after a location cue where the places it names are looked for
SUBJECT_WORDS = 4  # characters after 的 that must be the title group's for the subject to be the report's


def _subject_of(before: str, rest: str, head: str) -> str:
    """The report's own subject a location statement is about, or "": the clause before the cue when it is a name the
    title group holds, or the words after the places' 的 (a few characters on, 中北部的) when they open one."""
    if before.endswith("在"):
        return ""  # 在位于…: a venue
    clause = re.split("[，,；;：:、]", before)[-1].strip()
    if clause:
        return clause if len(clause) >= 2 and clause in head else ""
    of = rest.find("的", 0, 5)
    words = rest[of + 1:]
    return words if of >= 0 and len(words) > SUBJECT_WORDS and words[:SUBJECT_WORDS] in head else ""


MASTHEAD_LINES = 4  # the first lines of furniture with words, where a station's or paper's name stands (仁寿县融媒体中心　广播稿)


def _masthead_lines(doc: Document) -> list[str]:
    """The first MASTHEAD_LINES lines of furniture with words (four Chinese characters or more): where a paper's, a
    station's or a brief's name stands."""
    return [line for line in doc.debris if len(_HAN_CHAR.findall(line)) >= 4][:MASTHEAD_LINES]


def _title_place(doc: Document, text: str, masthead: bool = True) -> RegionEntry | None:
    """When nothing else placed the report: the most specific place of the gazetteer its title group or (``masthead``)
    its masthead names in full (芦淞区服装产业工人…: 芦淞区), read as _resolve reads a shared name."""
    masthead = _masthead_lines(doc) if masthead else []
    head = " ".join([title_group(doc), *masthead])
    found = [entry for _start, name in _gazetteer_names(head, _PLACE_ENDS) if (entry := _resolve(name, text)) is not None]
    return max(found, key=lambda e: e.depth, default=None)


def _gazetteer_names(text: str, ends: frozenset[str]) -> Iterator[tuple[int, str]]:
    """Each gazetteer name of three characters or more the text holds, where it starts, found by its last character
    (one of ``ends``), the longest name ending there."""
    places = gazetteer()
    for end, char in enumerate(text, 1):
        if char in ends:
            size = next((size for size in _name_lengths() if 2 < size <= end and text[end - size:end] in places), None)
            if size is not None:
                yield end - size, text[end - size:end]


def _title_place_within(doc: Document, text: str, picked: RegionEntry | None) -> RegionEntry | None:
    """A place of the gazetteer the title group names in full that lies in the place picked, when the title group
    does not name the picked one (邳州市2019年工会工作统计公报 over a body naming 徐州市总工会 once): the title's place."""
    if picked is None or _names(title_group(doc), picked) or _named_in(title_group(doc), picked.name):
        return None
    entry = _title_place(doc, text, masthead=False)
    return entry if entry is not None and picked.name in _ancestors(entry) else None


def _title_place_over_body(doc: Document, text: str, picked: RegionEntry | None,
                           regions: list[RegionEntry]) -> RegionEntry | None:
    """A place of the gazetteer the title group names in full (在阆中市第十五届人民代表大会…上), in place of another the
    body names less often (在成都、广州等地设立…服务站: where something was set up), when the title group names no place
    of the regions table and neither lies within the other."""
    head = title_group(doc)
    if picked is None or _names(head, picked) or region_mentions(head, regions):
        return None
    entry = _title_place(doc, text, masthead=False)
    if entry is None or entry.name == picked.name or picked.name in _ancestors(entry) or entry.name in _ancestors(picked):
        return None
    if _only_visited(head, entry.name):
        return None  # where the report's people went (市总工会组织劳模赴延安市疗休养), not its place
    return entry if text.count(entry.name) > region_mentions(text, regions)[picked.name] else None


def _only_visited(text: str, name: str) -> bool:
    """Tell whether a text names a place only as where someone went (赴延安市疗休养, 前往涪陵区总工会学习: text_rules
    destination_cues right before it)."""
    cues = tuple(text_rules()["destination_cues"])
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(starts) and all(text.endswith(cues, 0, start) for start in starts)


def _only_place_named(text: str) -> RegionEntry | None:
    """When nothing else placed the report: the one city or county of the gazetteer its text names in full, if it names
    only one, and says at least once that something lies there (text_rules location_cues: 位于嘉峪关市的…炼轧厂 in a
    company paper naming no union of a place; not 赴杭州市疗休养, 与苏州市一家企业结对: where one went, whom one met) or that
    its union honoured someone of the report (被威海市总工会命名为…: a city's or county's union names its own workers),
    read as _resolve reads a shared name."""
    places, found, located = gazetteer(), set(), set()
    cues = tuple(text_rules()["location_cues"])
    for start, name in _gazetteer_names(text, _CITY_OR_COUNTY_ENDS):
        if any(e.depth >= 2 for e in places[name]):
            found.add(name)
            if text.endswith(cues, 0, start) or _honouring_union(text, start + len(name)):
                located.add(name)
    if len(found) != 1 or not located:
        return None
    entry = _resolve(found.pop(), text)
    return entry if entry is not None and entry.depth >= 2 else None


def _honouring_union(text: str, end: int) -> bool:
    """Tell whether the place's name ending at ``end`` opens the name of a union giving an honour (威海市|总工会命名为)."""
    union = _suffix_pattern(tuple(text_rules()["organization_suffixes"])).match(text, end)
    return union is not None and text.startswith(_HONOURS, union.end())


def _masthead_place(doc: Document, text: str) -> RegionEntry | None:
    """When nothing else placed the report: the city or county a paper's masthead names for short (张家口日报, 今日于都),
    where the text speaks of that rank's own union or of the whole place unnamed (市总工会, 全市, 我市; 县总工会, 全县…):
    a local paper's report on its own place, or that names the place in full (景德镇市卫生健康系统…).  A short name several
    places share names none."""
    masthead = _masthead_lines(doc)
    pattern, places = _short_places()
    found = [places[m.group("a") or m.group("b")] for line in masthead for m in pattern.finditer(line)]
    ranked = [entry for entry in found if _speaks_of_own(text, entry)]
    return ranked[0] if ranked else None


def _masthead_body(doc: Document, text: str) -> RegionEntry | None:
    """When nothing else placed the report: the place whose body a brief's or a document's masthead names as its issuer
    (淇县共青团工作简报: text_rules organization_suffixes after a place's name), where the text speaks of that rank as its
    own (全县, 县总工会): a two-character county's name (淇县) is found nowhere else when the body names it only so."""
    masthead = _masthead_lines(doc)
    for name, _count in union_places("\n".join(masthead)).most_common():
        entry = _resolve(name, text)
        if entry is not None and _speaks_of_own(text, entry):
            return entry
    return None


def _masthead_city_over(doc: Document, text: str, picked: RegionEntry | None) -> RegionEntry | None:
    """The city a paper's masthead names (绵阳日报, 镇江日报), in place of its province picked when the title group speaks
    of the city as its own (我市表彰…: the province only in firms' names, 江苏恒顺集团), or of one of its districts or
    counties picked when the text names at least MASTHEAD_CITY_PLACES of the city's places in full and speaks of the
    city as its own (市总工会, 全市): a page of briefs from all over the city (江油市…, 三台县总工会…, 涪城区…), not one
    county's story."""
    if picked is None:
        return None
    city = _masthead_place(doc, text)
    if city is None or city.depth != 2:
        return None
    if picked.depth == 1:
        own = city.parent == picked.name and re.search(_OWN_RANK.format(rank="市"), title_group(doc)) is not None
        return city if own else None
    if city.name not in _ancestors(picked) or _named_in(title_group(doc), picked.name):
        return None  # …nor one county's story its headline names (三台县工会驿站…, citing 江油市、盐亭县 once each)
    places = gazetteer()
    named = {name for _start, name in _gazetteer_names(text, _CITY_OR_COUNTY_ENDS)
             if any(entry.parent == city.name for entry in places[name])}
    return city if len(named) >= MASTHEAD_CITY_PLACES else None


MASTHEAD_CITY_PLACES = 3  # places of a masthead's city a text names in full for it to be the city's, not one place's


def _speaks_of_own(text: str, entry: RegionEntry) -> bool:
    """Tell whether a text speaks of a place as its own: its rank's union or the whole place unnamed (市总工会, 全市),
    or the place by its full name (景德镇市)."""
    return re.search(_OWN_RANK.format(rank=entry.name[-1]), text) is not None or entry.name in text


_OWN_RANK = "{rank}总工会|[全我本]{rank}(?!级)"  # 市总工会, 全市, 我市 (not 全市级: a rank of honours)


@lru_cache(maxsize=1)
def _short_places() -> tuple[re.Pattern[str], dict[str, RegionEntry]]:
    """The short names of the gazetteer's cities and counties (张家口 of 张家口市, 于都 of 于都县) that one place has, or
    that a city shares only with a county of its own (邯郸 of 邯郸市, not of 邯郸县: 邯郸日报 is the city's paper), and a
    pattern of them."""
    short: dict[str, list[RegionEntry]] = {}
    for name, entries in gazetteer().items():
        for entry in entries:
            if entry.depth in (2, 3) and entry.name == name and len(name) >= 3 and name[-1] in "市县":
                short.setdefault(name[:-1], []).append(entry)
    single = {}
    for name, entries in short.items():
        over = [e for e in entries if all(other is e or other.parent == e.name for other in entries)]
        if over and name + "省" not in gazetteer():
            single[name] = over[0]
    # Standing as a paper's or station's name (张家口日报, 今日于都, 于都新闻), not inside a longer word (中国合作时报) nor
    # as a word of another paper's (新民晚报: Shanghai's, not 新民市's)
    names = longest_word_pattern(single)
    return re.compile(f"今日(?P<a>{names})|(?<![{HAN}])(?P<b>{names})(?={_MASTHEAD_ENDS})"), single


_MASTHEAD_ENDS = "日报|新闻|融媒|广播电视台|电视台"  # the words after a place's short name in a local paper's masthead


_RECIPIENT_LINE = re.compile("(?:抄送|抄报|报送|分送|主送|送|报|发|来源|稿件来源|信息来源|转自|摘自)[：:]")
_BARE_CITY_UNION = re.compile(f"(?<![{HAN}])市总工会")


def _city_union_speaks(doc: Document, picked: RegionEntry | None) -> RegionEntry | None:
    """The city of the district or county picked, when the title group is the city union's own (a bare 市总工会 in a
    speech's title or in the line giving its speaker's post, （市总工会主席　某某）): a district or county has no 市总工会, so
    the place picked is one the city's report names in passing (a county's union among those that spoke).  None otherwise."""
    if picked is None or picked.name[-1:] not in "区县旗" or _named_in(title_group(doc), picked.name):
        return None  # …not a county's own report the city's union only visits (修水县总工会…大会召开　市总工会主席到会祝贺)
    posts = [line for line in doc.debris if any(author in line for author in doc.authors)]
    if not _BARE_CITY_UNION.search(" ".join([title_group(doc), *posts])):
        return None
    return next((e for e in gazetteer().get(picked.parent or "", ()) if e.depth == 2), None)
_HEADLINE_PLACE = re.compile(f"^([{HAN}]{{2,4}})[：:]")  # 鹰潭：“比学赶超”赛出…: the place a headline opens on


def _headline_place(doc: Document, text: str, picked: RegionEntry | None, regions: list[RegionEntry]) -> RegionEntry | None:
    """The city a headline opens on by its short name before a colon (鹰潭：…赛出铜都工匠风采), when the regions table
    picked another place that the title group does not name, and the text names the headline's city at least as
    often (a contest held once in 南昌 is no report of 南昌).  None otherwise."""
    if picked is None:
        return None
    found = _HEADLINE_PLACE.match(doc.title or "")
    short = found.group(1) if found else ""
    city = _company_cities()[1].get(short) if short and short + "省" not in gazetteer() else None  # not 吉林 of 吉林省
    if city is None or city.name == picked.name or picked.name in _ancestors(city) or _names(title_group(doc), picked):
        return None
    body = text.replace(doc.title, "", 1)
    if city.name in _ancestors(picked):
        # a county under the headline's city (贵溪市 under 鹰潭：…) is the report's place, unless the city's union acts in
        # the text: named in full, or bare where the place picked is a district or county (区, 县 have no 市总工会)
        acts = city.name + "总工会" in body or (picked.name[-1:] in "区县旗" and _BARE_CITY_UNION.search(body) is not None)
        return city if acts else None
    # 鹰潭 and 鹰潭市 (not 朝阳区 of 朝阳), and the city left unnamed: 全市, a bare 市总工会
    own = len(re.findall(f"{re.escape(short)}(?![省区县州])|全市|(?<![{HAN}])市总工会", body))
    picked_short = picked.name[:-1] if len(picked.name) > 2 and picked.name[-1] in "市县区旗" else picked.name
    if own < len(re.findall(re.escape(picked_short), body)):
        return None
    return city


def _roundup_province(doc: Document, regions: list[RegionEntry]) -> RegionEntry | None:
    """The province of a page of briefs whose headlines open on at least ROUNDUP_CITIES of its cities (内江：…, 眉山：…,
    达州：…, 巴中市总工会…), when the title group names no place (市州工会动态): a provincial paper's round-up, no one
    city's report."""
    cities = {city.name: city for block in doc.blocks if block.kind == "heading"
              and (city := _headline_city(block.text)) is not None}
    provinces = {city.parent for city in cities.values()}
    if len(cities) < ROUNDUP_CITIES or len(provinces) != 1:
        return None
    head = title_group(doc)
    if region_mentions(head, regions) or next(_gazetteer_names(head, _PLACE_ENDS), None) is not None:
        return None
    return next((e for e in gazetteer().get(provinces.pop() or "", ()) if e.depth == 1), None)


def _headline_city(text: str) -> RegionEntry | None:
    """The city a headline opens on: by its short name before a colon (内江：…) or by its full name (巴中市总工会…)."""
    found = _HEADLINE_PLACE.match(text)
    if found and (city := _company_cities()[1].get(found.group(1))) is not None:
        return city
    places = gazetteer()
    return next((e for size in _name_lengths() for e in places.get(text[:size], ()) if e.depth == 2), None)


ROUNDUP_CITIES = 3  # cities a page's headlines open on for the page to be their province's round-up


def _resolve(name: str, text: str) -> RegionEntry | None:
    """The gazetteer's place of that name: the only one, or the one whose city or province the text names.
    A development zone (苏州工业园区) lies under the city it is named after."""
    zone = next((z for z in text_rules()["zone_suffixes"] if name.endswith(z) and name not in gazetteer()), None)
    if zone is not None:
        city = name[: -len(zone)]
        city = city if city in gazetteer() else city + "市"
        return RegionEntry(name, city, (), 3)
    entries = gazetteer()[name]
    if len(entries) == 1:
        return entries[0]
    # The one written after its city (邢台市桥东区), else the one whose city or province the text names.
    for test in (lambda a: a + name in text or a[:-1] + name in text, lambda a: a in text):
        named = [e for e in entries if any(test(a) for a in _ancestors(e))]
        if named:
            return named[0] if len(named) == 1 else None
    return None


def _ancestors(entry: RegionEntry) -> list[str]:
    """The names of the city and province a place of the gazetteer (or a zone under a city) lies in."""
    names, parent, depth = [], entry.parent, entry.depth
    while parent is not None:
        names.append(parent)
        above = [e for e in gazetteer().get(parent, ()) if e.depth < depth]
        parent, depth = (above[0].parent, above[0].depth) if above else (None, 0)
    return names
