"""The number grammar: Arabic and Chinese numerals, 万/亿 multipliers, qualifiers and measure words.

Everything here reads text and returns data; the word lists come from ``data/units.yml``
(``load_grammar``).  Displayed text is never rewritten: a quantity keeps its exact span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .rules import safe_load

UNITS_FILE = Path(__file__).resolve().parent / "data" / "units.yml"

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
CN_POINT = "点"  # a Chinese decimal point: 四十一点五 is 41.5 (only with digits after it: 三点 is three o'clock)
CN_DECIMAL = f"[{CN_NUMERAL_CHARS}]+(?:{CN_POINT}[{''.join(CN_DIGITS)}]+)?"
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"


class GrammarError(ValueError):
    """A units file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, eq=False)
class Grammar:
    """Measure words, multipliers, qualifiers and non-figure patterns, as loaded from units.yml."""

    units: dict[str, str]
    unit_false_words: tuple[str, ...]
    multipliers: dict[str, int]
    before: dict[str, str]
    inside: dict[str, str]
    after: dict[str, str]
    bare_only: tuple[str, ...]
    percent_words: tuple[str, ...]
    implied_unit: str
    people_nouns: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    name_max_chars: int
    abstract_nouns: tuple[str, ...]
    time_nouns: tuple[str, ...]
    name_patterns: tuple[str, ...]
    idioms: tuple[str, ...]
    idiomatic_numerals: tuple[str, ...]
    qualifier_words: tuple[str, ...] = ()  # words ending on a qualifier that are no qualifier (要约, 签约)
    share_false_next: str = ""  # characters after N成 that make 成 part of a word (成立, 九成新): no share
    concrete_after_abstract: tuple[str, ...] = ()  # nouns an abstract word may qualify (12个重点项目): a real count
    abstract_classes: tuple[str, ...] = ()  # between the abstract word and such a noun: classes of it (8个重点行业企业)
    # A figure bounding a noun it qualifies (满意率低于80%的职工之家): the comparison words around it, and the
    # nouns after 的 that make it a stated figure after all (100个以上的目标).
    threshold_before: tuple[str, ...] = ()
    threshold_after: tuple[str, ...] = ()
    threshold_nouns_stated: tuple[str, ...] = ()
    threshold_money_nouns: tuple[str, ...] = ()
    threshold_people_nouns: tuple[str, ...] = ()
    threshold_per_head: tuple[str, ...] = ()

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled quantity pattern (built once per grammar)."""
        return _compile(self)


@dataclass(frozen=True)
class Quantity:
    """One quantity phrase found in text: its exact span and its normalised value."""

    start: int
    end: int
    text: str  # exactly as printed
    value: int | float
    unit: str  # canonical base unit: 元 not 万元
    approx: str | None  # near | over | at_least | at_most | about | under | None
    numeral: str  # the numeral as printed (2.58, 三千, 亿)
    chinese: bool  # numeral written in characters
    implied: bool = False  # unit inferred from a following noun (25万职工)


def _alternation(words: Any) -> str:
    """Regex alternation of words, longest first so 人次 wins over 人."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=8)
def _compile(grammar: Grammar) -> re.Pattern[str]:
    """Build the quantity regex from the grammar's word lists."""
    cn = CN_DECIMAL
    number = (
        f"(?:(?<![0-9０-９.．])(?P<ar>{ARABIC})|(?<![{CN_NUMERAL_CHARS}])(?P<cn>{cn}))"
        f"(?P<mid>{_alternation(grammar.inside)})?"
        f"(?P<mult>{_alternation(grammar.multipliers)})?"
        f"(?P<mid2>{_alternation(grammar.inside)})?"
        f"(?P<unit>{_alternation(grammar.units)})?"
    )
    percent = f"(?P<pw>{_alternation(grammar.percent_words)})(?P<pnum>{ARABIC}|{cn})"
    # Every match starts on a qualifier, a percent word or a numeral: the lookahead lets the engine skip
    # every other position at once (the same matches, about three times sooner).
    firsts = set(CN_NUMERAL_CHARS + "0123456789０１２３４５６７８９")
    firsts |= {w[0] for w in (*grammar.before, *grammar.percent_words) if w}
    return re.compile(
        f"(?=[{re.escape(''.join(sorted(firsts)))}])"
        f"(?P<pre>{_alternation(grammar.before)})?"
        f"(?:{percent}|{number})"
        f"(?P<post>{_alternation(grammar.after)})?"
    )


def _tuple(data: dict[str, Any], key: str, path: Path) -> tuple[Any, ...]:
    """A required list from the units file, as a tuple."""
    if not isinstance(data.get(key), list):
        raise GrammarError(f"{path}: '{key}' must be a list")
    return tuple(tuple(x) if isinstance(x, list) else x for x in data[key])


def _mapping(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    """A required mapping from the units file."""
    if not isinstance(data.get(key), dict):
        raise GrammarError(f"{path}: '{key}' must be a mapping")
    return {str(k): v for k, v in data[key].items()}


def grammar_from_data(data: dict[str, Any], path: Path = UNITS_FILE) -> Grammar:
    """Build a Grammar from the parsed units.yml mapping."""
    if not isinstance(data, dict):
        raise GrammarError(f"{path}: expected a mapping at the top level")
    qualifiers = _mapping(data, "qualifiers", path)
    thresholds = _mapping(data, "thresholds", path) if "thresholds" in data else {}

    def threshold(key: str) -> tuple[Any, ...]:
        return _tuple(thresholds, key, path) if key in thresholds else ()

    return Grammar(
        units={k: str(v) for k, v in _mapping(data, "units", path).items()},
        unit_false_words=_tuple(data, "unit_false_words", path),
        multipliers={k: int(v) for k, v in _mapping(data, "multipliers", path).items()},
        before=_mapping(qualifiers, "before", path),
        inside=_mapping(qualifiers, "inside", path),
        after=_mapping(qualifiers, "after", path),
        bare_only=_tuple(data, "bare_only_qualifiers", path),
        percent_words=_tuple(data, "percent_words", path),
        implied_unit=str(data.get("implied_unit", "人")),
        people_nouns=_tuple(data, "people_nouns", path),
        ordinal_prefixes=_tuple(data, "ordinal_prefixes", path),
        quotes=_tuple(data, "quotes", path),
        name_max_chars=int(data.get("name_max_chars", 20)),
        abstract_nouns=_tuple(data, "abstract_nouns", path),
        time_nouns=_tuple(data, "time_nouns", path),
        name_patterns=_tuple(data, "name_patterns", path),
        idioms=_tuple(data, "idioms", path),
        idiomatic_numerals=_tuple(data, "idiomatic_numerals", path),
        qualifier_words=_tuple(data, "qualifier_false_words", path) if "qualifier_false_words" in data else (),
        share_false_next=str(data.get("share_false_next") or ""),
        concrete_after_abstract=_tuple(data, "concrete_after_abstract", path) if "concrete_after_abstract" in data else (),
        abstract_classes=_tuple(data, "abstract_classes", path) if "abstract_classes" in data else (),
        threshold_before=threshold("before"),
        threshold_after=threshold("after"),
        threshold_nouns_stated=threshold("stated_nouns"),
        threshold_money_nouns=threshold("money_nouns"),
        threshold_people_nouns=threshold("people_nouns"),
        threshold_per_head=threshold("per_head"),
    )


def load_grammar(path: Path = UNITS_FILE) -> Grammar:
    """Read units.yml into a Grammar (the only I/O of this module)."""
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise GrammarError(f"{where}: {exc.problem or exc}") from exc
    return grammar_from_data(data, path)


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    """The grammar shipped with the package."""
    return load_grammar()


def _tidy(value: Decimal) -> int | float:
    """An int when the value is whole, else a float (2.58万 -> 25800, 94.86 -> 94.86)."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_arabic(text: str) -> int | float:
    """'2.58' -> 2.58, '1,000' -> 1000, '１６００' -> 1600."""
    return _tidy(Decimal(text.translate(FULL_WIDTH).replace(",", "")))


def _chinese_section(text: str) -> int:
    """Value of a numeral below 万: 三千 -> 3000, 十三 -> 13, 一百二十 -> 120."""
    total, digit = 0, None
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[char]
            digit = None
    return total + (digit or 0)


def parse_chinese_numeral(text: str) -> int:
    """'三千' -> 3000, '两' -> 2, '零' -> 0, '三万五千' -> 35000, '亿' -> 100000000, '二〇二一' -> 2021."""
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(c in CN_DIGITS for c in text):
        # Digit by digit, as in years (二〇二一).
        return int("".join(str(CN_DIGITS[c]) for c in text))
    total, section = 0, ""
    for char in text:
        if char in CN_BIG_UNITS:
            size = CN_BIG_UNITS[char]
            # 一亿二千万: 万 scales only the part after the last 亿.
            if size == 10_000:
                total += (_chinese_section(section) if section else 1) * size
            else:
                total = (total + (_chinese_section(section) if section else (0 if total else 1))) * size
            section = ""
        else:
            section += char
    return total + (_chinese_section(section) if section else 0)


def parse_number(text: str, grammar: Grammar | None = None) -> int | float:
    """A numeral with an optional multiplier: '2.58万' -> 25800, '1.72亿' -> 172000000, '十三' -> 13."""
    grammar = grammar or default_grammar()
    for mult in _longest_first(grammar)[0]:
        if not text.endswith(mult):
            continue
        head = text[: -len(mult)]
        if head and head[-1].translate(FULL_WIDTH).isdigit():
            return _tidy(Decimal(str(parse_arabic(head))) * grammar.multipliers[mult])
    if text and text[0].translate(FULL_WIDTH).isdigit():
        return parse_arabic(text)
    if CN_POINT in text:
        return parse_chinese_decimal(text)
    return parse_chinese_numeral(text)


def parse_chinese_decimal(text: str) -> int | float:
    """'四十一点五' -> 41.5, '三点零二' -> 3.02: the whole part as any numeral, then digit by digit."""
    whole, _point, fraction = text.partition(CN_POINT)
    if not fraction or any(c not in CN_DIGITS for c in fraction):
        raise ValueError(f"not a Chinese decimal: {text!r}")
    digits = "".join(str(CN_DIGITS[c]) for c in fraction)
    return _tidy(Decimal(parse_chinese_numeral(whole)) + Decimal(f"0.{digits}"))


@lru_cache(maxsize=8)
def _longest_first(grammar: Grammar) -> tuple[tuple[str, ...], bool]:
    """The grammar's multipliers, longest first, and whether one ends on a digit (a plain count may hold it)."""
    ordered = tuple(sorted(grammar.multipliers, key=len, reverse=True))
    return ordered, any(m[-1:].translate(FULL_WIDTH).isdigit() for m in ordered)


def _count_value(numeral: str, mult: str | None, grammar: Grammar) -> int | float:
    """The value of a numeral times its multiplier, as _quantity computes it."""
    if numeral.isascii() and numeral.isdigit() and not _longest_first(grammar)[1]:
        return int(numeral) * (grammar.multipliers[mult] if mult else 1)  # whole numbers stay exact ints
    base = Decimal(str(parse_number(numeral, grammar)))
    if mult:
        base *= grammar.multipliers[mult]
    return _tidy(base)


def _approx(match: re.Match[str], grammar: Grammar, before: bool = True) -> str | None:
    """The qualifier code of a match: the word before wins (unless ``before`` is False: it is no
    qualifier there), then inside, then after."""
    pre, mid, mid2, post = match.group("pre", "mid", "mid2", "post")
    if pre and before:
        return grammar.before[pre]
    if mid or mid2:
        return grammar.inside[mid or mid2]
    return grammar.after[post] if post else None


def _is_bare(numeral: str) -> bool:
    """A numeral made only of 百/千/万/亿 (万家, 千名) is round, not a count."""
    return not numeral.strip(_ROUND) and not numeral.startswith("十")


_ROUND = "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
_BIG_UNIT_CHARS = frozenset(CN_BIG_UNITS)


def _implied(text: str, match: re.Match[str], grammar: Grammar) -> bool:
    """True for 25万职工 / 会员150万: a multiplied number whose noun says it counts people."""
    mult, cn = match.group("mult", "cn")
    if not (mult or (cn and not _BIG_UNIT_CHARS.isdisjoint(cn))):
        return False
    end = match.end()
    if text.startswith(grammar.people_nouns, end):
        return True
    ends_clause = end >= len(text) or not ("\u4e00" <= text[end] <= "\u9fff")
    return ends_clause and text.endswith(grammar.people_nouns, 0, match.start())


def _quantity(text: str, match: re.Match[str], grammar: Grammar) -> Quantity | None:
    """Turn one regex match into a Quantity, or None when the grammar rejects it."""
    pre, pw, pnum, ar, cn, mid, mid2, unit, mult = match.group("pre", "pw", "pnum", "ar", "cn", "mid", "mid2", "unit", "mult")
    if pw:
        return Quantity(match.start(), match.end(), match.group(0), parse_number(pnum, grammar), "%",
                        _approx(match, grammar), pnum, not pnum[0].translate(FULL_WIDTH).isdigit())
    numeral = ar or cn
    chinese = cn is not None
    start = match.start()
    if pre and _false_qualifier(text, start + len(pre), pre, grammar):
        start, pre = match.end("pre"), None  # 协商要约1900余次: 约 ends 要约 (an offer), it does not say "about"
    if pre in grammar.bare_only and not (chinese and _is_bare(numeral)):
        if start == 0 or text[start - 1] not in _PLACE_BEFORE_SHANG:
            return None  # 上 is a verb (再上1个台阶, 上10亿元的企业) unless it makes 上千 / 上万
        start, pre = match.end("pre"), None  # 市级以上6个, 大会上12名: 上 ends a word, the figure after it is read
    qualified = bool(pre or mid or mid2)
    if chinese and _is_bare(numeral) and not qualified:
        return None
    end = match.end()
    implied = False
    if unit is None:
        if not _implied(text, match, grammar):
            return None
        implied = True
    elif text.startswith(grammar.unit_false_words, match.start("unit")):
        return None
    value = _count_value(numeral, mult, grammar)
    canonical = grammar.implied_unit if implied else grammar.units[unit]
    if canonical == "元":  # 港币126万元: a currency named before the number is the amount's
        canonical = next((c for word, c in _currencies(grammar) if text.endswith(word, 0, start)), canonical)
    approx = _approx(match, grammar, before=start == match.start())
    return Quantity(start, end, text[start:end], value, canonical, approx, numeral, chinese, implied)


# Before 上 they make it the end of a word of place or rank (以上, 会上, 线上, 岗位上, 基础上, 工地上), not a verb.
_PLACE_BEFORE_SHANG = frozenset("以会线位础台路网地场面班车街岸")

# Every quantity holds a numeral (the number, or the one after a percent word): a text without one has none.
_NUMERAL = re.compile(f"[0-9０-９{CN_NUMERAL_CHARS}]")


@lru_cache(maxsize=8)
def _currencies(grammar: Grammar) -> tuple[tuple[str, str], ...]:
    """The grammar's other currencies (港币 -> 港元, 美元): measure words whose canonical unit ends on 元 but is not 元."""
    return tuple((word, unit) for word, unit in grammar.units.items() if unit != "元" and unit.endswith("元"))


def find_quantities(text: str, grammar: Grammar | None = None) -> list[Quantity]:
    """Every quantity phrase in text, left to right, by grammar alone (no context filters)."""
    grammar = grammar or default_grammar()
    if _NUMERAL.search(text) is None:
        return []
    found = []
    for match in grammar.pattern.finditer(text):
        if _bare_number(match):
            continue
        quantity = _quantity(text, match, grammar)
        if quantity is not None:
            found.append(quantity)
    if "成" in text:
        found = sorted(found + _shares(text, grammar, found), key=lambda q: q.start)
    return found


def _false_qualifier(text: str, end: int, qualifier: str, grammar: Grammar) -> bool:
    """Tell whether the qualifier ending at ``end`` is the end of a word that is no qualifier (要约, 附近)."""
    return any(text.endswith(word, 0, end) for word in grammar.qualifier_words if word.endswith(qualifier))


@lru_cache(maxsize=8)
def _share_pattern(grammar: Grammar) -> re.Pattern[str]:
    """A share in tenths written in words (三成, 近四成职工, 六成以上, 三成多), the qualifiers around it, and after
    it no character that makes 成 a word's (成立, 成效, 九成新, 一成不变: units.yml share_false_next)."""
    before, after = _alternation(grammar.before), _alternation({**grammar.after, **grammar.inside})
    stops = f"(?![{re.escape(grammar.share_false_next)}])" if grammar.share_false_next else ""
    return re.compile(f"(?P<pre>{before})?(?P<n>[一二两三四五六七八九])成(?P<post>{after})?{stops}")


def _shares(text: str, grammar: Grammar, found: list[Quantity]) -> list[Quantity]:
    """Shares written in tenths (三成以上: over 30 %), where no other quantity was read."""
    taken = [(q.start, q.end) for q in found]
    shares = []
    for match in _share_pattern(grammar).finditer(text):
        start, end = match.span()
        pre, post = match.group("pre"), match.group("post")
        if pre and _false_qualifier(text, match.end("pre"), pre, grammar):
            start, pre = match.start("n"), None  # 附近三成: 近 ends 附近
        if any(s < end and start < e for s, e in taken):
            continue
        approx = grammar.before[pre] if pre else (grammar.after.get(post) or grammar.inside.get(post)) if post else None
        numeral = match.group("n")
        shares.append(Quantity(start, end, text[start:end], CN_DIGITS[numeral] * 10, "%", approx, numeral + "成", True))
    return shares


def _bare_number(match: re.Match[str]) -> bool:
    """True for a match that _quantity rejects on sight: a numeral and nothing after it, no 万 or 亿 in it.

    Such a number (the 一 of 一线, a year) ends its match: no multiplier, unit or qualifier follows,
    so it has no unit and nothing that could make it count people.  The last group that matched
    tells, before _quantity reads every group.
    """
    last = match.lastgroup
    return last == "ar" or (last == "cn" and _BIG_UNIT_CHARS.isdisjoint(match.group("cn")))


def parse_quantity(text: str, grammar: Grammar | None = None) -> Quantity | None:
    """Parse a phrase that is exactly one quantity: '三千余万元' -> 30000000 元 over."""
    found = find_quantities(text, grammar)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0]
    return None
