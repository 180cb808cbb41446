"""Reading a figure in its sentence: the rules tables, clause bounds and the label (what is counted).

Split out of ``metrics`` so each module stays small: ``metrics`` finds and classifies figures, this
module knows where a clause ends and which noun phrase a number counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .numbers import UNITS_FILE, Grammar, Quantity, grammar_from_data
from .rules import longest_word_pattern, safe_load

SENTENCE_END = "。！？；;!?\n"
CLAUSE_END = SENTENCE_END + "，,、：:…—"
QUOTE_MARKS = "“”‘’「」『』\"'"
YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[~～\-－—–至到]\s*((?:19|20)\d{2})")
YEAR = re.compile(r"((?:19|20)\d{2})年")
ELLIPTICAL_SENTENCE = 30  # a sentence this short continues the topic of the one before
OPENING_YEAR_WITHIN = 12  # a year this close to a paragraph's start dates the whole paragraph
COMMA_END = SENTENCE_END + "，,：:…—"  # a clause without cutting at 、 (lists share their verb)
OPENING, CLOSING = "（(【[", "）)】]"
BRACKETED_DIGITS = re.compile(r"[（(][^（）()]*\d[^（）()]*[）)]")
EDGE_JUNK = "0123456789０１２３４５６７８９.．, \t\n　"  # pieces of a number cut by a line wrap
NO_QUOTES = str.maketrans("", "", QUOTE_MARKS)
_QUOTE = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
BRACKET = re.compile("[" + re.escape(OPENING + CLOSING) + "]")
_QUOTE_OR_BRACKET = re.compile("[" + re.escape(QUOTE_MARKS + OPENING + CLOSING) + "]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{0,4}")
LABEL_AFTER_CHARS = 16  # a label read after its figure is at most this long


@dataclass(frozen=True, eq=False)
class Rules:
    """The grammar plus the word lists for reading a figure in its sentence."""

    grammar: Grammar
    target_cues: tuple[re.Pattern[str], ...]
    target_headings: tuple[str, ...]
    people_at_large: tuple[str, ...]
    label_verbs: tuple[str, ...]
    label_stops: tuple[str, ...]
    trim_start: tuple[str, ...]
    trim_end: tuple[str, ...]
    verb_nouns: tuple[str, ...] = ()  # after a label verb, these make it a noun (慰问金, 补助金额)
    per_unit_cues: tuple[str, ...] = ()  # before a figure in its clause: an amount per recipient, not a total
    per_head_cues: tuple[str, ...] = ()  # …of which those that make a rate (%) per recipient too
    per_unit_after: tuple[str, ...] = ()  # after a figure or its range: amounts that vary by recipient (不等)
    change_cues: tuple[re.Pattern[str], ...] = ()  # before a figure in its clause: a change on a base, not a level
    retrospect_cues: tuple[str, ...] = ()  # in a sentence under a plan's heading: it tells what was done
    story_cues: tuple[re.Pattern[str], ...] = ()  # in a figure's sentence: it tells one person's or family's story
    story_cues_ahead: tuple[re.Pattern[str], ...] = ()  # likewise, for the figures after it in the sentence only
    group_antecedent: re.Pattern[str] | None = None  # before a story cue's 其 in its sentence: 其 is that group, no story
    worker_interviewee_words: tuple[str, ...] = ()  # an interview's subject is a worker: their turns tell their own record
    interviewee_head: re.Pattern[str] | None = None  # …unless they head an institution (市职工服务中心主任)
    honoured_worker_words: tuple[str, ...] = ()  # …though a model worker heading a unit is a worker still
    nation_scope: re.Pattern[str] | None = None  # before a figure in its sentence: the nation's figure, a local report's comparison
    lower_place_head: re.Pattern[str] | None = None  # in a title group: the report is of a district or county
    higher_scope: re.Pattern[str] | None = None  # before a figure in its sentence of such a report: the city federation's figure
    workers_named: re.Pattern[str] | None = None  # in a figure's sentence of a report of no union: figures of workers
    other_issuers: re.Pattern[str] | None = None  # in a title group: another body's report, unless it names unions often
    union_mentions_min: int = 2  # mentions of 工会 in a text from which it is of unions, whoever issued it
    no_metric_after: tuple[re.Pattern[str], ...] = ()  # right after a figure: it counts towns or key projects
    no_metric_before: tuple[re.Pattern[str], ...] = ()  # ending a figure's clause before it: it counts what was inspected
    breakdown_cues: tuple[str, ...] = ()  # before a figure in its sentence: it is a part of the one before (其中)
    part_groups: tuple[str, ...] = ()  # with the taxonomy's groups and recipients: a 其中 part named by them alone counts what its whole does
    venue_verbs: tuple[str, ...] = ()  # after 在N个X in a figure's clause: something set up at each of the places counted
    venue_words_apart: tuple[str, ...] = ()  # words holding a venue verb that set nothing up (建设, 设备)
    venue_systems: tuple[str, ...] = ()  # what is set up is a system of each place (制度): the places are the count
    plan_headings: tuple[re.Pattern[str], ...] = ()  # a section heading naming a work plan (二、2023年工作安排)
    target_cue_exceptions: tuple[re.Pattern[str], ...] = ()  # spans whose cue words mark no target (按照…要求)
    plan_lead_ins: tuple[re.Pattern[str], ...] = ()  # before a list's colon: its items are plans (要重点抓好以下工作：)
    founding_verbs: tuple[str, ...] = ()  # before a stock's alias in a figure's clause: the things were founded (组建)
    stock_cues: tuple[str, ...] = ()  # ... unless one of these says the figure is a stock (已建立, 共组建)
    founded_metrics: tuple[tuple[str, str], ...] = ()  # a stock's metric and the metric of those newly founded
    campaign_verbs: tuple[str, ...] = ()  # before a figure in its sentence: a campaign named just before is what it counts
    bare_noun_openers: re.Pattern[str] | None = None  # right before a metric's bare noun (新建站点): nothing qualifies it
    bare_noun_counts: tuple[str, ...] = ()  # in the clause of a metric's bare noun: it counts them (新建, 总数, 累计)


@dataclass(frozen=True)
class Source:
    """A stretch of report text figures are read from, with its anchor."""

    anchor: str  # "p3", "lead" or "fig1"
    text: str
    caption: bool = False
    target_section: bool = False
    own_record: bool = False  # a worker's turn in an interview of them: one person's or one team's figures
    national: bool = False  # the report is the nation's (its title group names 全国): figures of the nation are its own
    lower: bool = False  # the report is a district's or a county's (its title group names one): its city's figures are another's
    unions: bool = True  # the report is of unions (names them): its figures count under the metrics, of workers or not
    named: frozenset[str] = frozenset()  # the taxonomy's named_before words the report's text before this one holds


def rules_from_data(data: dict[str, Any], path: Path = UNITS_FILE) -> Rules:
    """Build Rules from the parsed units.yml mapping."""
    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in data.get(key) or ())

    return Rules(
        grammar=grammar_from_data(data, path),
        target_cues=tuple(re.compile(c) for c in words("target_cues")),
        target_cue_exceptions=tuple(re.compile(c) for c in words("target_cue_exceptions")),
        plan_lead_ins=tuple(re.compile(c) for c in words("plan_lead_ins")),
        founding_verbs=words("founding_verbs"),
        stock_cues=words("stock_cues"),
        campaign_verbs=words("campaign_verbs"),
        bare_noun_openers=re.compile(str(data["bare_noun_openers"])) if data.get("bare_noun_openers") else None,
        bare_noun_counts=words("bare_noun_counts"),
        founded_metrics=tuple((str(k), str(v)) for k, v in (data.get("founded_metrics") or {}).items()),
        target_headings=words("target_headings"),
        people_at_large=words("people_at_large"),
        label_verbs=tuple(sorted(words("label_verbs"), key=len, reverse=True)),
        label_stops=words("label_stops"),
        trim_start=tuple(sorted(words("label_trim_start"), key=len, reverse=True)),
        trim_end=tuple(sorted(words("label_trim_end"), key=len, reverse=True)),
        verb_nouns=words("label_verb_nouns"),
        per_unit_cues=words("per_unit_cues"),
        per_head_cues=words("per_head_cues"),
        per_unit_after=words("per_unit_after"),
        change_cues=tuple(re.compile(c) for c in words("change_cues")),
        retrospect_cues=words("retrospect_cues"),
        story_cues=tuple(re.compile(c) for c in words("story_cues")),
        story_cues_ahead=tuple(re.compile(c) for c in words("story_cues_ahead")),
        group_antecedent=re.compile(data["group_antecedent_pattern"]) if data.get("group_antecedent_pattern") else None,
        worker_interviewee_words=words("worker_interviewee_words"),
        interviewee_head=re.compile(data["interviewee_head_pattern"]) if data.get("interviewee_head_pattern") else None,
        honoured_worker_words=words("honoured_worker_words"),
        nation_scope=re.compile(data["nation_scope_pattern"]) if data.get("nation_scope_pattern") else None,
        lower_place_head=re.compile(data["lower_place_head_pattern"]) if data.get("lower_place_head_pattern") else None,
        higher_scope=re.compile(data["higher_scope_pattern"]) if data.get("higher_scope_pattern") else None,
        workers_named=re.compile(data["workers_named_pattern"]) if data.get("workers_named_pattern") else None,
        other_issuers=re.compile(data["other_issuers_pattern"]) if data.get("other_issuers_pattern") else None,
        union_mentions_min=int(data.get("union_mentions_min", 2)),
        no_metric_after=tuple(re.compile(c) for c in words("no_metric_after")),
        no_metric_before=tuple(re.compile(c) for c in words("no_metric_before")),
        breakdown_cues=words("breakdown_cues"),
        part_groups=words("part_groups"),
        venue_verbs=words("venue_verbs"),
        venue_words_apart=words("venue_words_apart"),
        venue_systems=words("venue_systems"),
        plan_headings=tuple(re.compile(c) for c in words("plan_headings")),
    )


def load_rules(path: Path = UNITS_FILE) -> Rules:
    """Read units.yml into Rules (the only I/O of this module)."""
    return rules_from_data(safe_load(Path(path).read_text(encoding="utf-8")), Path(path))


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The rules shipped with the package."""
    return load_rules()


# --- a figure in its sentence ------------------------------------------------------------------


def span_around(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The stretch of text around [start, end) bounded by any of the stop characters."""
    if start < 0 or end < 0:  # str.find reads a negative index from the end
        left = max(text.rfind(c, 0, start) for c in stops) + 1
        rights = [i for i in (text.find(c, end) for c in stops) if i >= 0]
        return left, min(rights) if rights else len(text)
    places = _stop_places(text, stops)
    i, j = bisect_left(places, start), bisect_left(places, end)
    return (places[i - 1] + 1 if i else 0), (places[j] if j < len(places) else len(text))


@lru_cache(maxsize=256)
def _stop_places(text: str, stops: str) -> list[int]:
    """Every index of a stop character in text, ascending (once per text: figures share sentences)."""
    return [m.start() for m in _char_class(stops).finditer(text)]


@lru_cache(maxsize=16)
def _char_class(chars: str) -> re.Pattern[str]:
    """A pattern matching any one of chars."""
    return re.compile("|".join(re.escape(c) for c in chars))


def clause_bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """Like span_around, but a stop inside brackets does not end the clause (县（市、区）总工会)."""
    return clause_start(text, start, stops), clause_end(text, end, stops)


def clause_start(text: str, start: int, stops: str) -> int:
    """The left bound of clause_bounds alone."""
    left, depth = start, 0
    while left > 0:
        char = text[left - 1]
        if char in CLOSING:
            depth += 1
        elif char in OPENING:
            if depth == 0:
                break  # the figure itself is inside brackets
            depth -= 1
        elif depth == 0 and char in stops:
            break
        left -= 1
    return left


def widen_clause_start(text: str, left: int, stops: str) -> int:
    """clause_start with these stops, from left: where clause_start of the same place stopped with more stops.

    That walk stopped at a bracket or at one of its stops (all at depth 0); only at a stop that is not
    one of these does this walk go on, from there.
    """
    if left > 0 and text[left - 1] not in stops and text[left - 1] not in OPENING:
        return clause_start(text, left - 1, stops)
    return left


def clause_end(text: str, end: int, stops: str) -> int:
    """The right bound of clause_bounds alone."""
    right, depth = end, 0
    while right < len(text):
        char = text[right]
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and char in stops:
            break
        right += 1
    return right


def balanced(label: str) -> str:
    """The label without bracketed notes holding digits (（下转第4版）) and without stray brackets."""
    if not BRACKET.search(label):
        return label
    label = BRACKETED_DIGITS.sub("", label)
    depth, start = 0, 0
    for i, char in enumerate(label):
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            if depth == 0:
                start = i + 1  # 区）总工会: the opening was cut off, keep what follows
            else:
                depth -= 1
    label = label[start:]
    if depth:  # 县（市: an opening bracket never closed, keep what precedes the last one
        label = label[: max(label.rfind(c) for c in OPENING)]
    if label[:1] in OPENING and label[-1:] in CLOSING and _closes_at_end(label):
        return ""  # （人）: a note, not a noun
    return label


def _closes_at_end(label: str) -> bool:
    """True when the bracket opening the label is the one closing it."""
    depth = 0
    for i, char in enumerate(label):
        depth += (char in OPENING) - (char in CLOSING)
        if depth == 0:
            return i == len(label) - 1
    return False


def clean_label(label: str, rules: Rules) -> str:
    """Emphasis marks, quotes, digit fragments of a broken number, stray brackets and scope or linking
    words removed (a bold lead-in's ** is Markdown, never part of what is counted)."""
    if "*" in label:
        label = label.replace("*", "")
    if _QUOTE_OR_BRACKET.search(label):  # most labels hold neither: one search instead of two
        label = balanced(label.translate(NO_QUOTES) if _QUOTE.search(label) else label)
    return _trim(label.strip(EDGE_JUNK), rules)


def _trim(label: str, rules: Rules) -> str:
    """Drop scope words at the start and linking words at the end (全市…达到 -> …); label holds no quotes."""
    label = label.strip()
    if not (label.startswith(rules.trim_start) or label.endswith(rules.trim_end)):
        return label
    changed = True
    while changed and label:
        changed = False
        for word in rules.trim_start:
            if label.startswith(word):
                label, changed = label[len(word):], True
        for word in rules.trim_end:
            if label.endswith(word):
                label, changed = label[: -len(word)], True
    return label


def _after_last(phrase: str, words: tuple[str, ...], rules: Rules, nouns: tuple[str, ...] = ()) -> str:
    """Cleaned phrase after the last of the words that still leaves two characters, else all of it.

    A word followed by one of ``nouns`` is part of a noun (慰问 in 慰问金, 补助 in 补助金额), not a cut.
    """
    cuts = _cuts(phrase, words)
    if not cuts:
        return clean_label(phrase, rules)
    for cut in sorted(cuts, reverse=True):
        if phrase.startswith(nouns, cut):
            continue
        rest = clean_label(phrase[cut:], rules)
        if len(rest) >= 2:
            return rest
    return clean_label(phrase, rules)


def _cuts(phrase: str, words: tuple[str, ...]) -> set[int]:
    """The index just after every occurrence of any of the words (as _positions finds them, per word)."""
    if len(words) == 1:
        return {i + len(words[0]) for i in _positions(phrase, words[0])}
    finder, prefixes, bordered = _word_index(words)
    cuts = {i + len(w) for w in bordered for i in _positions(phrase, w)} if bordered else set()
    for match in finder.finditer(phrase):  # the longest word starting at each place, and the words it begins with
        i = match.start()
        for n in prefixes[match.group(1)]:
            cuts.add(i + n)
    return cuts


@lru_cache(maxsize=16)
def _word_index(words: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], tuple[str, ...]]:
    """A pattern finding, at every place, the longest word starting there, with the lengths of the words it begins with.

    Words that may overlap themselves (哈哈) are left out and returned apart: _positions skips their overlaps.
    """
    def overlaps_itself(word: str) -> bool:
        return any(word[:k] == word[-k:] for k in range(1, len(word)))

    plain = [w for w in dict.fromkeys(words) if w and not overlaps_itself(w)]
    bordered = tuple(w for w in dict.fromkeys(words) if w and overlaps_itself(w))
    prefixes = {w: tuple(len(p) for p in plain if w.startswith(p)) for w in plain}
    firsts = "".join(sorted({w[0] for w in plain}))
    finder = f"(?=[{re.escape(firsts)}])(?=({longest_word_pattern(plain)}))" if plain else "(?!)"
    return re.compile(finder), prefixes, bordered


def _positions(text: str, word: str) -> list[int]:
    """Every index where word occurs in text (non-overlapping, like re.finditer; str.find is much cheaper)."""
    found, start = [], text.find(word)
    while start >= 0 and word:
        found.append(start)
        start = text.find(word, start + len(word))
    return found


def label_after(text: str, quantity: Quantity, rules: Rules) -> str:
    """The noun a measure word introduces (120名青年职工参加培训 -> 青年职工), or ''."""
    return label_after_to(text, quantity, clause_end(text, quantity.end, CLAUSE_END), rules)


def label_after_to(text: str, quantity: Quantity, end: int, rules: Rules) -> str:
    """label_after, given where the figure's clause ends (clause_end with CLAUSE_END)."""
    # A 的 right after the figure is neither a stop nor a bracket: the clause ends where it would without it.
    start = quantity.end + (text.startswith("的", quantity.end))
    rest = text[start:end]
    first_chars, stops = _label_ends(rules)
    depth = 0
    for i, char in enumerate(rest[:LABEL_AFTER_CHARS]):  # a cut further on leaves these characters as they are
        depth += (char in OPENING) - (char in CLOSING)
        if depth == 0 and (char.isdigit() or ((first_chars is None or char in first_chars) and stops.match(rest, i))):
            rest = rest[:i]
            break
    label = clean_label(rest[:LABEL_AFTER_CHARS], rules)
    return label if len(label) >= 2 else ""


@lru_cache(maxsize=8)
def _label_ends(rules: Rules) -> tuple[frozenset[str] | None, re.Pattern[str]]:
    """What ends a label after its figure (a stop word or a verb): their first characters and one pattern.

    The first characters are None when an empty word makes every position an end.
    """
    words = rules.label_stops + rules.label_verbs
    first_chars = None if "" in words else frozenset(w[0] for w in words)
    return first_chars, re.compile("|".join(re.escape(w) for w in words) or "(?!)")


# When the clause opens on a date (2016年全区新发展会员5.6万名, 1至11月共接待…): no part of what is counted.
_LEADING_TIME = re.compile(r"^\s*(?:(?:19|20)\d\d年度?(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}(?:至\d{1,2})?月(?:\d{1,2}日)?)"
                           r"(?:底|末|初|以来|来|份)?[，,]?")


def label_before(text: str, quantity: Quantity, left: int, floor: int, rules: Rules) -> str:
    """The counted thing named before a figure (开展职工读书活动35场 -> 职工读书活动), read from ``left``,
    where the figure's clause starts (clause_start with CLAUSE_END), but not before ``floor``."""
    phrase = _LEADING_TIME.sub("", text[max(left, floor): quantity.start])
    phrase = _after_last(phrase, rules.label_verbs, rules, rules.verb_nouns)
    return _after_last(phrase, ("的",), rules)
