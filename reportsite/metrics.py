"""Figures as data: find every quantity that counts a real thing, read it in its sentence, classify it.

``extract_metrics(doc, taxonomy)`` walks the lead, the body blocks and the photo captions in
reading order.  Each quantity found by the number grammar (``reportsite.numbers``) is dropped when
it is an ordinal, a name or slogan, an idiom, a rhetorical or a time count; the rest get a label
(what is counted), a period, a kind (actual or target) and a metric id.  A figure restated
elsewhere in the report becomes one record with the other places in ``also_at``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import takewhile
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from .model import Document, MetricRecord
from .normalize import is_han
from .numbers import CN_NUMERAL_CHARS, Grammar, Quantity, find_quantities
from .labels import (
    CLAUSE_END,
    COMMA_END,
    ELLIPTICAL_SENTENCE,
    HAN_RUN,
    OPENING_YEAR_WITHIN,
    Rules,
    SENTENCE_END,
    Source,
    YEAR,
    YEAR_SPAN,
    clause_end,
    clause_start,
    default_rules,
    label_after_to,
    label_before,
    span_around,
    widen_clause_start,
)
from .places import SENTENCE_MARK, gazetteer, place_names, plan_cue
from .rules import longest_word_pattern, without_translation
from .taxonomy import Taxonomy

# --- what is not a figure ----------------------------------------------------------------------


_SENTENCE_MARK = re.compile("[。！？!?]")  # quoted words holding one are a quotation, not a name


def quoted_names(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    """Spans inside short quotation marks without sentence punctuation: names and slogans."""
    spans = []
    for opening, closing in grammar.quotes:
        start = text.find(opening)
        while start >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            inner = text[start + 1:end]
            if len(inner) <= grammar.name_max_chars and _SENTENCE_MARK.search(inner) is None:
                spans.append((start + 1, end))
            start = text.find(opening, end + 1)
    return spans


def not_a_figure(text: str, quantity: Quantity, grammar: Grammar) -> str | None:
    """Why a quantity is not a figure (ordinal, name, idiom, rhetorical, time), or None."""
    start, end = quantity.start, quantity.end
    if text.endswith(grammar.ordinal_prefixes, 0, start):
        return "ordinal"
    quoted, named, idioms = _text_facts(text, grammar)
    if quoted and any(s <= start and end <= e for s, e in quoted):
        return "name"
    if quantity.chinese and any(s <= start < e for s, e in _numeral_place_spans(text)):
        return "name"  # 三台县: the place's name opens with the figure's numeral
    if named and any(s < end and start < e for s, e in named):
        return "name"
    for idiom, places in idioms:  # the first occurrence from len(idiom) before the figure decides
        i = bisect_left(places, max(0, start - len(idiom)))
        if i < len(places) and places[i] < end and start < places[i] + len(idiom):
            return "idiom"
    if quantity.chinese and quantity.numeral in grammar.idiomatic_numerals and quantity.approx is None:
        return "idiom"
    if text.startswith(grammar.abstract_nouns, end) and (quantity.chinese or not _qualifies_a_thing(text, end, grammar)):
        return "rhetorical"
    if quantity.chinese and HAN_RUN.match(text, end).group(0).endswith(grammar.abstract_nouns):
        return "rhetorical"  # 六个配套制度: a count in characters of policies or aspects
    if text.startswith(grammar.time_nouns, end):
        return "time"
    if _bounds_a_noun(text, quantity, grammar):
        return "threshold"
    return None


RATE_BEFORE = 6  # characters before a percentage in which the rate it bounds is named (满意率低于80%的)
STATED_WITHIN = 4  # characters after 的 in which a noun making the figure a stated one starts (的较高水平)
PER_HEAD_BEFORE = 6  # characters before a figure in which 每人, 每户… make it a standard


def _names_soon(after: str, nouns: tuple[str, ...]) -> bool:
    """Tell whether one of the nouns heads the phrase ``after`` opens (帮扶资金, 志愿者队伍): it starts within
    STATED_WITHIN characters and no word goes on from it (群众性文体活动, 欠薪案件: the noun qualifies another)."""
    for noun in nouns:
        at = after.find(noun)
        if 0 <= at <= STATED_WITHIN and not after.startswith(_COMPOUND_ON, at + len(noun)):
            return True
    return False


_MODIFIER = re.compile("^(?:较高|较好|良好|稳定|平稳|持续|较快|历史)")  # 的较高水平: a word qualifying a stated noun
_COMPOUND_ON = ("性", "案", "项目", "服务", "活动", "组织", "团队", "单位", "企业", "工作")  # 群众性, 欠薪案件


def _bounds_a_noun(text: str, quantity: Quantity, grammar: Grammar) -> bool:
    """Tell whether a figure is a threshold qualifying the noun after it (满意率低于80%的职工之家, 不足5人次的站点,
    10人次以上的站点): 的 and a noun after it, a comparison word before it, opening it or closing it."""
    start, end = quantity.start, quantity.end
    if not grammar.threshold_before or not text.startswith("的", end) or not is_han(text[end + 1 : end + 2]):
        return False
    after = text[end + 1 : end + 1 + STATED_WITHIN]
    if _MODIFIER.sub("", after, count=1).startswith(grammar.threshold_nouns_stated):
        return False  # 新建100个以上的目标, 保持在90%以上的较高水平: the figure stated (not 的企业要求…: the next phrase's)
    if quantity.unit == "%" and "率" not in text[max(0, start - RATE_BEFORE) : start]:
        return False  # 全区70%以上的单位建起…: a share of the units, not a bound on a rate (满意率低于80%的…)
    if quantity.unit == "元" and _names_soon(after, grammar.threshold_money_nouns):
        return False  # 超过500万元的帮扶资金: the money itself
    if quantity.unit in ("人", "名", "人次", "户") and _names_soon(after, grammar.people_nouns + grammar.threshold_people_nouns):
        return False  # 超过3,000名的职工: the people themselves
    if any(head in text[max(0, start - PER_HEAD_BEFORE) : start] for head in grammar.threshold_per_head):
        return False  # 每人1万元以内的救助: a standard per person
    words = text[start:end]
    return (text.endswith(grammar.threshold_before, 0, start) or words.startswith(grammar.threshold_before)
            or words.endswith(grammar.threshold_after))


def _qualifies_a_thing(text: str, at: int, grammar: Grammar) -> bool:
    """Tell whether the abstract word at ``at`` qualifies a concrete noun after it, next to it or a word further on
    (12个重点项目, 3项关键工程, 560名重点优抚对象): then the figure counts those things."""
    for word in grammar.abstract_nouns:
        if text.startswith(word, at):
            run = HAN_RUN.match(text, at + len(word)).group(0)[:CONCRETE_WITHIN]
            return any(run[i:].startswith(grammar.concrete_after_abstract)
                       and not any(word in run[:i] for word in grammar.abstract_classes) for i in range(len(run)))
    return False


CONCRETE_WITHIN = 4  # characters after an abstract word (重点) in which the thing it qualifies starts (重点优抚对象)


@lru_cache(maxsize=64)
def _numeral_place_spans(text: str) -> list[tuple[int, int]]:
    """Once per text, when a figure in Chinese numerals is checked: the spans of place names opening with a
    numeral (三台县, 七台河市)."""
    return [m.span() for m in _numeral_places().finditer(text)]


@lru_cache(maxsize=64)
def _text_facts(text: str, grammar: Grammar) -> tuple[list, list, list]:
    """Once per text: quoted names, spans of name patterns, and where each idiom occurs (overlaps too)."""
    named = [m.span() for pattern in _name_patterns(grammar) for m in pattern.finditer(text)]
    idioms = []
    present = grammar.idioms if _any_idiom(grammar).search(text) else ()  # most texts hold none
    for idiom in present:
        places, at = [], text.find(idiom)
        while at >= 0:
            places.append(at)
            at = text.find(idiom, at + 1)
        if places:
            idioms.append((idiom, places))
    return quoted_names(text, grammar), named, idioms


@lru_cache(maxsize=8)
def _any_idiom(grammar: Grammar) -> re.Pattern[str]:
    """One pattern finding any of the grammar's idioms: most texts hold none, and need no search per idiom."""
    return re.compile(longest_word_pattern(grammar.idioms))


@lru_cache(maxsize=1)
def _numeral_places() -> re.Pattern[str]:
    """Every place name of the regions table and the gazetteer that opens with a numeral: 三台县 is no 3 台."""
    names = (*place_names(), *gazetteer())
    return re.compile(longest_word_pattern(n for n in names if n[:1] in CN_NUMERAL_CHARS))


@lru_cache(maxsize=8)
def _name_patterns(grammar: Grammar) -> tuple[re.Pattern[str], ...]:
    """The grammar's name patterns, compiled once."""
    return tuple(re.compile(p) for p in grammar.name_patterns)


def figure_period(sentence_before: str, sentence: str, paragraph: str) -> str | None:
    """The year or span stated nearest the figure: its sentence, else the paragraph's opening words.

    A year elsewhere in a long paragraph belongs to another sentence; only one that opens the
    paragraph (2014年，市总工会……) sets the time of all its figures.
    """
    opening = _dated_opening(paragraph)
    for scope in (sentence_before, sentence, opening):
        if "19" not in scope and "20" not in scope:
            continue  # every year and span here starts 19 or 20
        spans = list(YEAR_SPAN.finditer(scope))
        if spans:
            return f"{spans[-1].group(1)}–{spans[-1].group(2)}"
        years = [m.group(1) for m in YEAR.finditer(scope)
                 if not scope.endswith(_COMPARED_WITH, 0, m.start()) and not scope.startswith(_COMPARED_AFTER, m.end())]
        if years:
            return years[-1] if scope is sentence_before else years[0]
    return None


_COMPARED_WITH = ("比", "较", "相比", "同比")  # 比2015年底增加2.1万人: 2015 is the base, not the figure's year
_COMPARED_AFTER = ("相比", "底相比", "末相比", "同期")  # 与2015年相比…, 与2015年同期相比…


@lru_cache(maxsize=64)
def _dated_opening(paragraph: str) -> str:
    """The paragraph's first sentence when a year opens it, else '' (once per paragraph: its figures share it)."""
    opening = paragraph[: span_around(paragraph, 0, 0, SENTENCE_END)[1]]
    return opening if YEAR.search(opening[:OPENING_YEAR_WITHIN]) or YEAR_SPAN.search(opening[:OPENING_YEAR_WITHIN + 6]) else ""


def is_target(sentence_before: str, rules: Rules) -> bool:
    """True when a plan or goal word precedes the figure in its sentence (计划, 到2026年底...), outside the
    spans whose cue words mark no target (按照群团改革要求: in line with what was required)."""
    cues = _one_of(rules, "target_cues")
    if cues.search(sentence_before) is None:
        return False
    if rules.target_cue_exceptions:
        sentence_before = _one_of(rules, "target_cue_exceptions").sub("", sentence_before)
    return cues.search(sentence_before) is not None


def planned_item(text: str, at: int, rules: Rules) -> bool:
    """True when the figure at ``at`` is in a later item of a list of plans (…工作：力争…10万名以上；新建驿站300个):
    the items after a colon, apart by semicolons, share the plan word of an earlier one in the sentence; or in
    any item of a list whose lead-in announces the work to be done (要重点抓好以下工作：一是…；二是…)."""
    colon = max(text.rfind("：", 0, at), text.rfind(":", 0, at))
    if colon < 0:
        return False
    items = text[colon:at]
    if rules.plan_lead_ins and SENTENCE_MARK.search(items) is None:
        opening = max(text.rfind(mark, 0, colon) for mark in "。！？\n") + 1
        if _one_of(rules, "plan_lead_ins").search(text, opening, colon):
            return True
    # Only a word stating a plan outright (力争, 计划: text_rules plan_cues) carries through the list; a weaker
    # cue (争取, 拟, 要求) marks its own figure only.
    return (("；" in items or ";" in items) and SENTENCE_MARK.search(items) is None  # in the colon's sentence
            and plan_cue().search(items) is not None)


_HAN_WORDS = re.compile("[\u4e00-\u9fff]{2,}")
_NAMES_RECIPIENT = re.compile("[向为给][\u4e00-\u9fff]{2,}")  # 向困难职工…: the money's own recipients


# A figure right after a locative 在 (在12个驿站…, 在全市186个…, 在全县47个…), not 保持在, 稳定在, 控制在.
_LOCATIVE = re.compile("(?<![持定制于是正现])在(?:全[市县区省镇州旗])?$")  # not 现在全区28个驿站都配备了…: now, no locative
_LOCATIVE_CHARS = 3  # its longest form (在全市): searched for only right before the figure, not along its clause


def _set_up_at(text: str, quantity: Quantity, end: int, metric: str | None, taxonomy: Taxonomy, rules: Rules) -> str | None:
    """The metric of a count of places something was set up at (在12个户外劳动者服务站点设立“书香角”): what was set up there,
    one at each (在8个街道设立了工会法律服务站: 8 stations), never the places themselves; ``metric`` when the clause
    sets nothing up (在12个驿站开展…: read as it was)."""
    apart = set(rules.venue_words_apart)
    verb = next((m for m in _one_of_words(rules.venue_verbs + rules.venue_words_apart).finditer(text, quantity.end, end)
                 if m.group() not in apart), None)  # 设 of 建设, 设备: nothing set up
    if verb is None:
        return metric
    made = text[verb.end():end]
    if any(word in made for word in rules.venue_systems):
        return metric  # 在86家企业建立了工资集体协商制度: a system of each firm, the firms counted
    if not made or _DIGIT.search(made) is not None:
        return None  # …设立“流动书屋”26个: what was set up has a count of its own
    return taxonomy.classify(made, made, quantity.unit)


@lru_cache(maxsize=8)
def _one_of_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any of the words, the longest where several start (a list of rules' words, compiled once)."""
    return re.compile(longest_word_pattern(words))


@lru_cache(maxsize=8)
def _groups_pattern(groups: tuple[str, ...]) -> re.Pattern[str]:
    """Groups of people, one or several joined (劳动模范和先进工作者, 一线职工、新就业形态劳动者): the whole of a part's name."""
    group = longest_word_pattern(groups)
    return re.compile(f"(?:{group})(?:[和及与、](?:{group}))*")


def _part_by_who(text: str, start: int, quantity: Quantity, rules: Rules, groups: re.Pattern[str]) -> bool:
    """Tell whether a figure is a part of the figure before it named only by who it is (…，其中劳动模范和先进工作者1,860名，
    一线职工和新就业形态劳动者1.9万名): after 其中 in its sentence, nothing but groups of people (``groups``) before it, every
    item between 其中 and it a part too (not …，其中特困户86户，走访一线职工3.2万人次，劳模260人次: the 劳模 visited), and a
    clause's end after it (not 其中312名职工晋升技能等级: what follows says what the part did)."""
    cue = max(text.rfind(word, start, quantity.start) for word in rules.breakdown_cues)
    if cue < 0 or not text.startswith(_PART_ENDS, quantity.end):
        return False
    cue += next(len(word) for word in rules.breakdown_cues if text.startswith(word, cue))
    *before, own = _ITEM_BREAKS.split(text[cue:quantity.start])
    return groups.fullmatch(own.strip(" \u3000")) is not None and all(
        (named := groups.match(item)) is not None and _PART_FIGURE.fullmatch(item, named.end()) is not None
        for item in before if item.strip(" \u3000"))


# Between 其中 and a part's figure: a comma, 、, a semicolon or a colon ends an item (not a thousands comma: 1,860名).
_ITEM_BREAKS = re.compile(r"[，、；;：:]|,(?!\d)")
_PART_FIGURE = re.compile(r"(?:约|近|共|达|有)?\d[\d,.]*(?:万|千|亿)?(?:余|多)?[\u4e00-\u9fff]{1,2}")
_PART_ENDS = ("，", ",", "、", "；", ";", "。")


def _same_head(label: str, whole: str, rules: Rules) -> bool:
    """Tell whether the words before a part's figure end on the noun its whole's label does (其中“八大群体”会员
    of 新发展会员: 会员; not 其中 alone, whose figure is read by what follows it), a noun
    that names what is counted, not people at large (职工, 人员: 1.1万名职工参与，其中312名职工晋升技能等级)."""
    label, whole = label.rstrip("”’"), whole.rstrip("”’")
    return (len(label) >= 2 and len(whole) >= 2 and label[-2:] == whole[-2:]
            and label[-2:] not in rules.people_at_large)


@lru_cache(maxsize=8)
def _per_unit(rules: Rules) -> re.Pattern[str]:
    """One pattern for the per-recipient cues (每户, 人均, 最高): searched in the clause before a figure."""
    return re.compile(longest_word_pattern(rules.per_unit_cues))


def _looks_back(sentence: str, rules: Rules) -> bool:
    """True when a sentence under a plan's heading tells what was done (五年来…累计, 疫情发生后…) and
    states no plan: its figures are achieved, not aimed at."""
    return (_retrospect(rules).search(sentence) is not None and not is_target(sentence, rules)
            and plan_cue().search(sentence) is None)


@lru_cache(maxsize=8)
def _retrospect(rules: Rules) -> re.Pattern[str]:
    """The words of a sentence that looks back (units.yml retrospect_cues)."""
    return re.compile(longest_word_pattern(rules.retrospect_cues) if rules.retrospect_cues else "(?!)")


def _is_change(text: str, start: int, end: int, rules: Rules) -> bool:
    """True when the clause before a figure states a base it is compared with (比上年, 同比, 较2015年), or the clause is
    a bare verb of change after a clause that states one (比上年增加3.2万人，增长17.4%: the same change as a rate)."""
    cues = _one_of(rules, "change_cues")
    if cues.search(text, start, end) is not None:
        return True
    if start < 1 or text[start - 1] != "，" or _BARE_CHANGE.fullmatch(text, start, end) is None:
        return False
    before = max(text.rfind(mark, 0, start - 1) for mark in "，。；：") + 1
    return cues.search(text, before, start - 1) is not None


# not 增长为, 下降为 (…，下降为12.6万人: the level it came to)
_BARE_CHANGE = re.compile("(?:增长|增加|提高|上升|下降|减少|降低)了?达?|(?:增幅|降幅)(?:为|达到?)?")


@lru_cache(maxsize=16)
def _one_of(rules: Rules, field: str) -> re.Pattern[str]:
    """One pattern matching where any of the rules' cues of a field does (target_cues, change_cues, story_cues, story_cues_ahead,
    plan_headings, no_metric_after, no_metric_before).
    Cached by the rules (hashed by identity) and the field's name: hashing the patterns is slow."""
    return re.compile("|".join(f"(?:{cue.pattern})" for cue in getattr(rules, field)) or "(?!)")


def uncounted_figure(text: str, left: int, quantity: Quantity, rules: Rules) -> bool:
    """True when the words right after a figure (no_metric_after: 9个镇（街道）, 15个站点限期整改) or its own clause
    before it (no_metric_before: 抽查基层“职工之家”320个) say it counts what no metric counts."""
    return (_one_of(rules, "no_metric_after").match(text, quantity.end) is not None
            or (quantity.unit not in ("名", "人", "人次") and _one_of(rules, "no_metric_before").search(text, left, quantity.start) is not None))


POINTS = "百分点"  # a difference of two rates in points: never a level a metric compares


def _unit_of(taxonomy: Taxonomy, metric_id: str) -> str | None:
    """The unit of a metric of the taxonomy (a growth rate's is %)."""
    metric = taxonomy.get(metric_id)
    return metric.unit if metric is not None else None


@lru_cache(maxsize=8)
def _varies(rules: Rules) -> re.Pattern[str]:
    """After a figure: a word that makes it vary by recipient (不等), or a range's other end and that word
    (1000元至5000元不等: both ends)."""
    joins = "".join(sorted(re.escape(j) for j in _RANGE_JOINS))
    return re.compile(f"(?:[{joins}][^，。；、,;\\n]{{1,12}}?)?(?:{longest_word_pattern(rules.per_unit_after)})"
                      if rules.per_unit_after else "(?!)")


# --- walking a document ------------------------------------------------------------------------


def document_sources(doc: Document, rules: Rules, names: tuple[str, ...] = ()) -> list[Source]:
    """Lead, paragraphs, list items and captions in reading order, each with its target flag and the ``names``
    (taxonomy named_before words) the text before it holds, title group and headings included."""
    captions: dict[str | None, list[tuple[int, str]]] = {}
    for number, figure in enumerate(doc.figures, start=1):
        captions.setdefault(figure.after, []).append((number, figure.caption))
    target_level: int | None = None
    blocks = doc.blocks
    planned = _planned_items(blocks, rules)
    head = "".join(part for part in (doc.kicker, doc.title, doc.subtitle) if part)
    own_turn = _worker_turns(head, rules)
    national = "全国" in head  # the nation's report: figures of the nation are its own
    lower = rules.lower_place_head is not None and rules.lower_place_head.search(head) is not None  # a district's, a county's
    # Another body's report (a government's, a charity's: its title group names it, or its text does as often as
    # union_mentions_min under a title group naming no one and before any union: 团市委…) that names unions seldom
    # if at all.  A text naming a union first (市总工会在市委领导下… | 我会联合市人社局…) is the union's.
    unions = rules.other_issuers is None or "工会" in head
    if not unions:
        whole = "\n".join((doc.lead or "", *(b.text for b in blocks)))
        others = [m.start() for m in rules.other_issuers.finditer(whole)]
        unions = ((rules.other_issuers.search(head) is None
                   and (not others or len(others) < rules.union_mentions_min or -1 < whole.find("工会") < others[0]))
                  or whole.count("工会") >= rules.union_mentions_min)
    seen = frozenset(name for name in names if name in head)

    def named_in(text: str) -> frozenset[str]:
        return seen.union(name for name in names if name in text) if names else seen

    sources = [Source("lead", doc.lead, unions=unions, named=seen)] if doc.lead else []
    seen = named_in(doc.lead or "")
    sources += [Source(f"fig{n}", c, caption=True, unions=unions, named=seen) for n, c in captions.get(None, [])]
    for index, block in enumerate(blocks):
        if block.kind == "table":
            continue  # its cells are bare numbers: the units are in its header, no figure reads alone
        before, seen = seen, named_in(block.text)
        if block.kind == "heading":
            level = block.level or 2
            heading = without_translation(block.text)  # 六、2023年工作安排（Work Plan for 2023）
            if (any(word in heading for word in rules.target_headings)
                    or (_one_of(rules, "plan_headings").search(heading) is not None and not _year_reviewed(heading, head))):
                target_level = level
            elif target_level is not None and level <= target_level:
                target_level = None
            continue
        target = target_level is not None or index in planned
        sources.append(Source(block.id, block.text, target_section=target, own_record=own_turn(block.text), national=national, lower=lower,
                              unions=unions, named=before))
        sources += [Source(f"fig{n}", c, caption=True, unions=unions, named=seen) for n, c in captions.get(block.id, [])]
    return sources


_YEAR = re.compile("(?:19|20)\\d\\d(?=年)")
_REVIEW = "[^，。；、\\d]{0,12}(?:总结|回顾|盘点|述职)"


def _year_reviewed(heading: str, head: str) -> bool:
    """True when a plan heading's year is the year the title group reviews (2023年十大重点工作 in 某县总工会2023年工作
    总结): that year's priorities, told as done (not 三、2024年工作重点 in …2023年工作总结和2024年工作计划)."""
    years = _YEAR.findall(heading)
    return bool(years) and all(re.search(f"{year}年{_REVIEW}", head) for year in years)


_INTERVIEW = re.compile("(?:专?访|对话)")
_TURN = re.compile("([\u4e00-\u9fff]{1,4})[：:]")


def _worker_turns(head: str, rules: Rules) -> Callable[[str], bool]:
    """A test of a paragraph, given the title group's words (kicker, title, subtitle): a turn of the worker an interview
    is with (——访全国劳动模范、…领衔人王丽华 | 王丽华：…, 答：…), when the title group names them as a worker (units.yml
    worker_interviewee_words) and not as a union's officer."""
    found = _INTERVIEW.search(head)
    who = head[found.end():] if found else ""
    officer = (rules.interviewee_head is not None and rules.interviewee_head.search(who) is not None
               and not any(word in who for word in rules.honoured_worker_words))
    if not who or "工会" in who or officer or not any(word in who for word in rules.worker_interviewee_words):
        return lambda text: False  # not a worker, but whoever heads a union or an institution (市职工服务中心主任)

    def turn(text: str) -> bool:
        speaker = _TURN.match(text)
        return speaker is not None and (speaker.group(1) == "答" or (len(speaker.group(1)) >= 2 and speaker.group(1) in who))
    return turn


def _planned_items(blocks: list, rules: Rules) -> set[int]:
    """Indices of the list items whose list states a plan in any of its items (未来五年, 到2026年底)."""
    planned: set[int] = set()
    run: list[int] = []  # the items of the list read so far
    for index, block in enumerate([*blocks, None]):
        if block is not None and block.kind == "item":
            run.append(index)
            continue
        if any(is_target(blocks[i].text, rules) for i in run):  # once per list, not once per item
            planned.update(run)
        run = []
    return planned


@dataclass
class _Found:
    """A record while extracting, with the words after it (to recognise a restatement)."""

    record: MetricRecord
    follows: str


_RANGE_JOINS = frozenset({"至", "到", "~", "～", "-", "－", "—", "–"})  # between the two ends of a range


def figures_in(source: Source, taxonomy: Taxonomy, rules: Rules) -> list[_Found]:
    """Every figure in one source text, read and classified."""
    text, found, grammar = source.text, [], rules.grammar
    previous_end, previous_label, previous_unit, previous_metric = 0, "", "", None
    previous_per_unit = False  # the figure before was per recipient (每户1,000元): so is the top of its range
    varies = _varies(rules) if any(word in text for word in rules.per_unit_after) else None  # seldom: 不等
    story = (_one_of(rules, "story_cues").search(text) or _one_of(rules, "story_cues_ahead").search(text)) is not None  # seldom: a story of one person or family
    changes = _one_of(rules, "change_cues").search(text) is not None  # a base some figure is compared with
    # Under a plan's heading, a paragraph that looks back and states no plan (答：五年来…) is achieved throughout.
    looks_back = source.target_section and _looks_back(text, rules)
    quantities = find_quantities(text, grammar)
    for at, quantity in enumerate(quantities):
        if not_a_figure(text, quantity, grammar):
            continue
        sentence = s_start, s_end = span_around(text, quantity.start, quantity.end, SENTENCE_END)
        if previous_end <= s_start:
            previous_label, previous_metric = "", None
        # The figure's clause, which the labels and classify_figure all read.
        left, c_end = clause_start(text, quantity.start, CLAUSE_END), clause_end(text, quantity.end, CLAUSE_END)
        if previous_label and text[previous_end:quantity.start] in _RANGE_JOINS and quantity.unit == previous_unit:
            label = previous_label  # 2000元至5000元: the top of a range counts what its bottom does
        else:
            label = label_after_to(text, quantity, c_end, rules) or label_before(text, quantity, left, previous_end, rules)
        label = label or previous_label  # 1家，累计14家: the total counts the same thing
        before = text[s_start: quantity.start]
        in_plan = source.target_section and not (looks_back or _looks_back(text[s_start:s_end], rules))
        # A plan word in an earlier clause is undone by a figure's own clause that looks back (…提出明确要求，三年来累计
        # 投入资金860万元: spent, not planned).
        target = (in_plan or (is_target(before, rules) and not _looks_back_from(text, left, quantity.start, rules))
                  or planned_item(text, quantity.start, rules))
        # Per what: searched back to the comma when the list items before the figure hold no figure of their
        # own (每只书箱装有技术、法律和文学等图书50册), else in the figure's own item.
        comma_left = max(widen_clause_start(text, left, COMMA_END), s_start)  # the clause with its list's lead-in
        per_unit = _per_unit(rules).search(text, left, quantity.start) is not None
        if not per_unit and left > s_start:
            per_unit = (comma_left < left and _per_unit(rules).search(text, comma_left, left) is not None
                        and not find_quantities(text[comma_left:left], grammar))
        per_unit = per_unit or (varies is not None and varies.match(text, quantity.end) is not None)
        in_range = text[previous_end:quantity.start] in _RANGE_JOINS and quantity.unit == previous_unit
        per_unit = per_unit or (in_range and previous_per_unit)  # 每户1,000元至3,000元: the top of a range is per unit too
        if per_unit and quantity.unit == "%":  # a rate per head (人均报销比例85%) or an extreme (最高的企业建会率98%); not of
            cues = [cue for cue in rules.per_unit_cues if cue in text[left:quantity.start]]  # each place (每个乡镇建会率100%), of
            per_unit = (_GROWTH.search(text, left, quantity.start) is None  # a group by income (月收入5000元以下职工入会率95%)
                        and any(cue.startswith("最") or cue in rules.per_head_cues for cue in cues))  # nor a change (人均收入增长)
        uncounted = uncounted_figure(text, left, quantity, rules)
        following = (quantities, at + 1)
        metric = None if per_unit or uncounted else classify_figure(text, quantity, label, sentence, (left, c_end), taxonomy,
                                                                    rules, following)
        if metric is None and not (per_unit or uncounted) and rules.bare_noun_openers is not None:
            # 全市县域新建站点26个: a bare noun counts what the report named in full before (户外劳动者服务站点)
            named = source.named.union(n for n in taxonomy.named_subjects() if text.find(n, 0, quantity.start) >= 0)
            metric = (taxonomy.bare_subject(text[left:c_end], quantity.unit, named, rules.bare_noun_openers, rules.bare_noun_counts)
                      if named else None)
        if (not (per_unit or uncounted) and rules.venue_verbs
                and _LOCATIVE.search(text, max(left, quantity.start - _LOCATIVE_CHARS), quantity.start) is not None):
            metric = _set_up_at(text, quantity, c_end, metric, taxonomy, rules)
        if metric is not None and rules.founded_metrics:
            metric = founded(metric, text[comma_left:quantity.start], before, rules)
            if ((metric, previous_metric) in rules.founded_metrics
                    and any(cue in text[s_start:quantity.start] for cue in rules.breakdown_cues)
                    and not any(cue in text[previous_end:quantity.start] for cue in rules.stock_cues)):
                # 新建基层工会23家，其中…村级工会联合会4家: a part of the unions founded is founded (not …，全市基层工会
                # 累计达到2,860家: a stock after the parts)
                metric = previous_metric
        if (metric is not None and previous_metric is not None
                and (taxonomy.names_a_rank_only(label, quantity.unit)
                     or _same_head(text[left:quantity.start], previous_label, rules))
                and any(cue in text[s_start:quantity.start] for cue in rules.breakdown_cues)
                and taxonomy.counts(previous_metric, quantity.unit)):
            # 妈咪小屋238个，其中省级示范点9个: a rank of what the sentence counts; 新发展会员12.6万名，其中“八大
            # 群体”会员4.3万名: a part of the whole, which counts what the whole counts
            metric = previous_metric
        if (previous_metric not in (None, metric) and rules.part_groups
                and _part_by_who(text, s_start, quantity, rules,
                                 _groups_pattern(rules.part_groups + taxonomy.gap_groups + taxonomy.recipients))
                and taxonomy.counts(previous_metric, quantity.unit)):
            metric = previous_metric  # 组织职工疗休养2.6万名，其中劳动模范和先进工作者1,860名: the trips of those who went
        if (metric is not None and previous_metric not in (None, metric) and label in taxonomy.aid_money
                and quantity.unit != previous_unit and taxonomy.counts(previous_metric, quantity.unit)
                and _NAMES_RECIPIENT.search(text, left, quantity.start) is None):  # 向困难职工发放救助金: their own
            metric = previous_metric  # 走访慰问困难劳模1860人次，发放补助金760万元: the money of the aid just counted
        change = quantity.unit == POINTS or (changes and _is_change(text, left, quantity.start, rules))
        if metric is not None and change and (quantity.unit == POINTS or _unit_of(taxonomy, metric) != "%"):
            metric = None  # 比上年增加8.3万人次, 高于…增幅1.1个百分点: how much a level moved, not the level a metric compares
        if metric is not None and "其中" in before and _part_of_a_place(before):
            metric = None  # 其中，银川市新建基层工会118家: one named place's part of the total, no total of the report's
        if (metric is not None and not source.national and rules.nation_scope is not None
                and rules.nation_scope.search(text, s_start, quantity.start) is not None):
            metric = None  # 据全国总工会统计，截至…全国新就业形态劳动者会员总数已超过1,300万人: the nation's, quoted
        if (metric is not None and source.lower and rules.higher_scope is not None
                and rules.higher_scope.search(text, s_start, quantity.start) is not None):
            metric = None  # 成都市总工会今年共下拨全市…资金1,200万元 in a district's report: the city federation's, quoted
        if (metric is not None and not source.unions and rules.workers_named is not None and taxonomy.of_workers(metric)
                and rules.workers_named.search(text, s_start, s_end) is None):
            metric = None  # 城乡医疗救助4.6万人次 in a city government's report: aid to people at large, not to hardship workers
        if metric is not None and source.own_record and _WHOLE_PLACE.search(text, s_start, s_end) is None:
            metric = None  # 王丽华：这些年前前后后带了42名徒弟: a worker's own record in an interview of them
        if metric is not None and story and _told_before(text, (s_start, s_end), quantity.start, rules):
            metric = None  # 了解情况后，为她申请救助金8000元: one family's story, not a total to compare
        record = MetricRecord(
            metric=metric,
            label=label,
            value=quantity.value,
            unit=quantity.unit,
            text=quantity.text,
            anchor=source.anchor,
            approx=quantity.approx,
            period=figure_period(before, text[s_start:s_end], text),
            kind="target" if target else "actual",
            caption=source.caption,
        )
        found.append(_Found(record, text[quantity.end: quantity.end + 6]))
        if not (change and metric is None and previous_metric is not None):
            previous_label, previous_unit, previous_metric = label, quantity.unit, metric
        # else 新发展会员3.86万人，比上年增长15.2%，其中…会员1.12万人: a change names no whole, the part is the level's
        previous_end = quantity.end
        previous_per_unit = per_unit
    return found


@lru_cache(maxsize=1)
def _one_place_of_many() -> re.Pattern[str]:
    """其中 then a place's full name (其中，银川市…, 其中永宁县…): the figures after it are that place's part; not a rank
    named by a place (其中潍坊市级示范性工作室8个: a part of the whole, by rank)."""
    names = {n for n in (*place_names(), *gazetteer()) if len(n) >= 3 and n[-1] in "省市县区州旗盟"}
    return re.compile(f"其中[，,：:]?(?:{longest_word_pattern(names)})(?!级)")


def _part_of_a_place(before: str) -> bool:
    """Tell whether the words before a figure in its sentence end on 其中 and a place's full name, and the figure
    stands in that clause (其中，银川市新建基层工会118家、新发展会员9,260名; not …，新发展会员2.1万人 after it)."""
    at = before.rfind("其中")
    found = _one_place_of_many().match(before, at) if at >= 0 else None
    return found is not None and _CLAUSE_BREAK.search(before, found.end()) is None


_CLAUSE_BREAK = re.compile("[，,；;：:]")
_GROWTH = re.compile("增长|增幅|提高|上涨|上升|增加")  # before a rate in its clause: a change of what it rates


def _told_before(text: str, sentence: tuple[int, int], at: int, rules: Rules) -> bool:
    """Tell whether the figure at ``at`` is told in one person's or one studio's story: its sentence holds a cue of one
    (story_cues: 了解情况后，为她…), or one of story_cues_ahead before the figure, or after it when the words before the cue
    name no whole place nor its union (团队完成技术攻关46项，…，工作室先后获得…: the studio's; 全市累计达到27个，工作室今年
    完成…, 市总工会命名工作室27个，工作室今年…: the city's count, then the studio's); a cue with no word of one (工作室累计…,
    its group ``bare``) after words naming the whole place is the place's studios (全市已建成工作室126个，…；工作室累计完成…)."""
    if any(not _refers_to_a_group(text, sentence[0], cue, rules) for cue in _one_of(rules, "story_cues").finditer(text, *sentence)):
        return True
    start = sentence[0]
    return any((_opens_on_the_place(cue.group()).search(text, cue.end(), at) is None
                and not (cue.group("bare") is not None and _place_counted_before(text, _sentence_start(text, cue.start()), cue.start())))
               if cue.start() < at else _WHOLE_PLACE.search(text, start, cue.start()) is None
               for cue in _one_of(rules, "story_cues_ahead").finditer(text, *sentence))  # 一家企业…，全县共培训…: the county's


def _refers_to_a_group(text: str, start: int, cue: re.Match[str], rules: Rules) -> bool:
    """Tell whether a story cue refers back (为其) to a group its sentence names before it (针对快递员、外卖送餐员等新就业形态
    劳动者，…全年为其办理法律援助案件312件): the group's figures, not one person's (职工李某…，市总工会为其发放救助金2万元)."""
    return ("其" in cue.group() and rules.group_antecedent is not None
            and rules.group_antecedent.search(text, start, cue.start()) is not None)


def _place_counted_before(text: str, start: int, end: int) -> bool:
    """Tell whether a clause between start and end opens on the whole place or its union and counts something there
    (全市已建成工作室126个, …，全市累计达到27个): what follows of bare studios is the place's (not 被市总工会命名为…, 在市总工会
    的支持下…, 获评全市示范工作室: one studio's honour or backer)."""
    openings = [m.end() for m in _PLACE_OPENS_CLAUSE.finditer(text, start, end)]
    opening = _PLACE_OPENS_SENTENCE.match(text, start, end)
    if opening is not None:
        openings.append(opening.end())
    return any(_DIGIT.search(text, at, end) is not None for at in openings)


_DIGIT = re.compile("[0-9]")


def _sentence_start(text: str, at: int) -> int:
    """Where the whole sentence holding ``at`` starts: past the last 。！？ or line break before it (not past a ；)."""
    return max(text.rfind(mark, 0, at) for mark in "。！？\n") + 1


# A clause opening on a time that looks back (三年来累计…, 今年以来…, 已经…, 今年已为…): done, whatever plan an earlier clause states;
# not 以来 inside a goal (力争…达到建会以来最多的…).
_LOOKS_BACK = re.compile("(?:[\\d一二两三四五六七八九十几多]+年多?来|(?:今年|去年|近年|近几年|多年|长期)以来|已经|累计"
                         "|(?:今年|去年|全年|当年|目前|现|至今)?已(?=[为建开完实累有发组举培帮投]))")  # 今年已为…: done
_STILL_AHEAD = re.compile("(?<![有所重主])(?:要|需|应|须)(?![求点])|达到|力争|确保")  # 已建会企业…要达到90%: a goal about what exists


def _looks_back_from(text: str, left: int, at: int, rules: Rules) -> bool:
    """Tell whether the figure's clause (from ``left``) opens on what has been done (三年来累计…, 今年已为…), which
    undoes a plan word of an earlier clause; not 已 describing what a goal is about (已建会企业…要达到90%), nor a
    clause whose words after that opening state a plan of their own (已发文要求…新建30个)."""
    back = _LOOKS_BACK.match(text, left)
    if back is None or (back.group().endswith("已") and _STILL_AHEAD.search(text, back.end(), at) is not None):
        return False
    return not is_target(text[back.end():at], rules)
_WHOLE_OF_PLACE = "(?<![健安完齐周])[全我][省市县区旗州盟镇乡]|[省市县区旗州盟]总工会"  # 全市…, 市总工会… (not 健全乡镇)
_WHOLE = f"{_WHOLE_OF_PLACE}|(?<![健安完齐周])(?:[全我]厂|全公司)"  # …, 全公司…, 全厂…: the whole place or body (not 安全厂区)
_WHOLE_PLACE = re.compile(_WHOLE)  # its figures, wherever it is named in their sentence
# A clause opening on the whole place (…，全县共培训…), after a story's cue: the place's figures again (not 为全县职工…: whom it served).
_OPENING_TIME = "(?:今年|去年|全年|同时|此外|目前|截至[^，,]{0,8}[，,]?)?"  # 今年全市…, 截至年底，全县…
_PLACE_OPENING = f"{_OPENING_TIME}(?:{_WHOLE})"
_PLACE_OPENS_CLAUSE = re.compile(f"[，,；;：:]{_PLACE_OPENING}")
# After one firm's cue (在…一家建筑企业，…), 全公司 or 全厂 is that firm (…，全公司300多名工人都从中受益), not the report's whole.
_ONE_FIRM = re.compile("一[家座处栋幢]")
_FIRM_PLACE_OPENS_CLAUSE = re.compile(f"[，,；;：:]{_OPENING_TIME}(?:{_WHOLE_OF_PLACE})")
_PLACE_OPENS_SENTENCE = re.compile(_PLACE_OPENING)
# After one household's cue (一户困难职工家中，…), its union is who came to it (…，市总工会送来的1000元慰问金): only a clause opening
# on the whole place (…，全市今年共走访…) is the place's again.
_ONE_HOME = re.compile("一户")
# A clause opening on a union that counts the year's whole (…，市总工会今年共走访…, 市总工会全年…) is the place's again too.
_HOME_PLACE_OPENS_CLAUSE = re.compile(f"[，,；;：:]{_OPENING_TIME}(?:(?<![健安完齐周])[全我][省市县区旗州盟镇乡]"
                                      f"|[\u4e00-\u9fff]{{0,8}}?工会(?:(?:今年以来|今年|年内)[，,]?(?:共|累计)|全年|累计))")


def _opens_on_the_place(cue: str) -> re.Pattern[str]:
    """The clause opening that brings a story's sentence back to the whole place, after a story's cue: after one firm's
    (一家企业) 全公司 is the firm's; after one household's (一户…家中) 市总工会 is its visitor; else the place or its union."""
    if _ONE_HOME.search(cue):
        return _HOME_PLACE_OPENS_CLAUSE
    return _FIRM_PLACE_OPENS_CLAUSE if _ONE_FIRM.search(cue) else _PLACE_OPENS_CLAUSE


def founded(metric: str, clause: str, sentence: str, rules: Rules) -> str:
    """The metric of things newly founded when a stock's figure has a verb of founding before it in its clause or
    its list's lead-in, and its sentence before it no word of a stock (组建行业工会联合会5个: new; 已建立工会组织3486个,
    截至2020年底，全市建立行业工会联合会42个: the stock)."""
    new = next((founded_id for stock, founded_id in rules.founded_metrics if stock == metric), None)
    if new is None or not any(verb in clause for verb in rules.founding_verbs):
        return metric
    # a word of a stock right before a word of newness (共新建, 已新建) counts the new ones
    return metric if any(cue in sentence.replace(cue + "新", "") for cue in rules.stock_cues) else new


_RANK = re.compile("(?:全国|国家|[\u4e00-\u9fff]{0,3}级|[省市县区])?")  # 全国, 自治区级, 市级, 省: a rank, no noun


def _elided_noun(text: str, start: int, at: int, label: str, designations: tuple[str, ...]) -> str:
    """The label of a figure counting a rank of something whose noun a list leaves out (全国职工书屋示范点9家，
    自治区级示范点31家: 自治区级示范点 are 职工书屋示范点), with the noun of the sentence's last item naming it
    before the figure; else the label as it is."""
    for designation in designations:
        if not label.endswith(designation) or _RANK.fullmatch(label[: -len(designation)]) is None:
            continue
        items = _ITEM_BREAK.split(text[start:at])  # only for the few figures whose label is a rank and a designation
        # the items before the figure's own, nearest first, past those leaving the noun out too (自治区级示范点31家，
        # 市级示范点86家); one of another kind ends the list (…示范点40家，新建服务站点120个，省级示范点5个)
        for before in reversed(items[:-1]):
            named = re.search(f"([\u4e00-\u9fff]{{2,10}}){re.escape(designation)}", before)
            if named is None:
                break
            noun = _RANK_WORD.split(named.group(1))[-1]  # 获评全国职工书屋 -> 职工书屋
            if len(noun) >= 2 and _RANK.fullmatch(noun) is None:
                return f"{label[: -len(designation)]}{noun}{designation}"
    return label


_ITEM_BREAK = re.compile("[，,、；;]")
_RANK_WORD = re.compile("全国|国家级|自治区级|[省市县区]级")


def classify_figure(text: str, quantity: Quantity, label: str, sentence: tuple[int, int], clause: tuple[int, int],
                    taxonomy: Taxonomy, rules: Rules, following: tuple[list[Quantity], int]) -> str | None:
    """The metric of a figure: its label and the nearest clause first, then wider stretches.

    ``sentence`` and ``clause`` are the figure's bounds (span_around with SENTENCE_END, clause_bounds
    with CLAUSE_END), which figures_in has already found, and ``following`` the text's figures and where those
    after this one start.  The clause cut at 、 comes first, then the
    clause at commas, then the sentence up to the figure, then the rest of it.  Words a list shares
    (新发展司机、快递员等会员86万名) may rule a metric out; a short sentence continues the topic of the
    one before (……医疗互助参保人数达到68万人。全年补助2.9万人次，补助金额5600万元。), which may
    satisfy a metric's ``requires``.
    """
    (s_start, s_end), (left, c_end) = sentence, clause
    if label in rules.grammar.abstract_classes and text.startswith(label, quantity.end):
        return None  # 涵盖…等8个行业, 覆盖16个领域: a count of trades or fields, whatever the sentence counts beside it
    label = _elided_noun(text, s_start, quantity.start, label, taxonomy.designations)
    topic = text[s_start:s_end]
    if s_end - s_start <= ELLIPTICAL_SENTENCE:
        topic = text[span_around(text, max(s_start - 1, 0), max(s_start - 1, 0), SENTENCE_END)[0]:s_end]
    comma_left = max(widen_clause_start(text, left, COMMA_END), s_start)
    shared = text[comma_left:left]
    if shared and (text.startswith(rules.trim_start, left) or find_quantities(shared, rules.grammar)):
        shared = ""  # this item restarts (累计, 共) or the earlier items are figures of their own
    own = text[left:quantity.start]  # the figure's own clause: its exclusions hold for the words after it too
    item = text[max(left, text.rfind("、", left, quantity.start) + 1):quantity.start]  # its own item (exclude_label)
    # After the figure: the words up to the next comma only when the figure's own clause names what it counts
    # (改造提升职工食堂和浴室21处，…新建“职工驿站”15个: the stations are the next clause's), else the sentence's rest.
    after = s_end if _HAN_WORDS.search(own) is None else max(clause_end(text, c_end + 1, COMMA_END), c_end)
    if text[c_end:c_end + 4].lstrip("，,；; \u3000").startswith(rules.breakdown_cues):
        after = c_end  # …劳动者约6.8万人，其中工会会员4.2万人: the part's words name the part, not the whole before it
    # The figure's item goes on after it to the comma, or to the next figure: its exclusions hold there too
    # (约有两成的快递员、网约车驾驶员尚未加入工会: the share outside a union).
    item_end = max(clause_end(text, quantity.end, COMMA_END), quantity.end)
    quantities, at = following
    in_item = list(takewhile(lambda q: q.start < item_end, quantities[at:at + 16]))  # its list's later figures
    tail = text[quantity.end: in_item[0].start if in_item else item_end]
    # The words after the figure, but not the labels of the later figures of its list (拨付3万元、辖区企业捐助2.6万元:
    # 捐助 is the next figure's); the words after the last may be all of theirs (300家企业、2万名职工参加了…比武).
    after_start = in_item[-1].end if in_item else c_end
    scopes = ((left, c_end, "end", shared + " " + tail), (comma_left, c_end, "end", tail),
              (s_start, c_end, "end", tail), (after_start, max(min(after, s_end), after_start), "start", own))
    # The people a service verb serves (资助困难职工和农民工子女428名) name a metric only when no activity named
    # before the figure in its sentence does (金秋助学): those scopes are asked without them first.  Elsewhere
    # (评选表彰省级劳动模范5名) they are what is counted.
    served_clause = text[comma_left:quantity.start] + label  # 走访慰问困难职工、劳动模范…; 组织1,280名劳模…疗休养
    served = (any(w in served_clause for w in taxonomy.recipients)
              and (any(w in served_clause for w in taxonomy.serving) or taxonomy.joins(served_clause)))
    # The activity may come after them in their own clause (组织1,280名劳模和一线职工赴伊犁、喀纳斯等地开展疗休养).
    own_rest = (c_end, max(item_end, c_end), "start", own)
    passes = ((False, (*scopes[:3], own_rest)), (True, scopes)) if served else ((True, scopes),)
    for people, asking in passes:
        asked = None
        for start, end, nearest, lead_in in asking:
            scope = (text[start:end], nearest, lead_in)
            if scope == asked:
                continue  # a wider scope that is no wider: the same question has the same answer
            asked = scope
            metric = taxonomy.classify(label, scope[0], quantity.unit, nearest, topic, lead_in, people, item,
                                       sentence=text[s_start:s_end])
            if metric and nearest == "start" and taxonomy.excluded(metric, text[comma_left:c_end] + tail):
                continue  # the words after the figure found a metric its own clause rules out (…进行了经费审查)
            if metric:
                return metric
    # A numbered item opening on a short sentence that names its work (１．新建户外劳动者爱心驿站。年初目标新建
    # 20个…): that sentence names what the item's later figures count when their own sentence does not.
    head = _ITEM_HEAD.match(text)
    if head is not None and head.end() <= s_start:
        return taxonomy.classify(label, head.group(1), quantity.unit, "end", topic, own, item=item)
    # A campaign named in quotes in the sentence before (启动“夏送清凉”活动。…慰问户外劳动者1.8万人次) names what the
    # figures of this one count when nothing in their own sentence does, and it names nothing in quotes itself.
    if "“" in text[s_start:s_end] or not any(verb in text[s_start:quantity.start] for verb in rules.campaign_verbs):
        return None
    carried = _campaign_before(text, s_start)
    return taxonomy.classify(label, carried, quantity.unit, "end", topic, own, item=item) if carried else None


_QUOTED_CAMPAIGN = re.compile("“([^”“]{2,12})”([\u4e00-\u9fff]{0,6}?(?:活动|行动))")


def _campaign_before(text: str, start: int) -> str:
    """The campaigns named in quotes, each with the words up to its 活动 or 行动 (“法律进工地”宣传咨询活动), of the
    sentence before the one starting at ``start``; empty when there is none."""
    if start <= 0 or text.rfind("“", 0, start) < 0:
        return ""
    before = text[span_around(text, start - 1, start - 1, SENTENCE_END)[0]:start]
    return " ".join(m.group(1) + m.group(2) for m in _QUOTED_CAMPAIGN.finditer(before))


# A numbered item's opening sentence, short and holding no figure of its own (its words only).
_ITEM_HEAD = re.compile(f"\\s*(?:\\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[．.、]\\s*([^。！？，；\\d]{{2,24}})[。！？]")


def merge_restatements(found: list[_Found]) -> list[MetricRecord]:
    """One record per figure: a restated figure keeps its first anchor and lists the others."""
    return _merged(found, copy=True)


def _merged(found: list[_Found], copy: bool) -> list[MetricRecord]:
    """merge_restatements; without copy the kept records themselves collect also_at (when no one else holds them)."""
    kept: list[_Found] = []
    alike: dict[tuple, list[_Found]] = {}  # kept records by (metric, value, unit, kind), in order
    for item in found:
        r = item.record
        key = (r.metric, r.value, r.unit, r.kind)
        twin = _twin(alike[key], item) if key in alike else None
        if twin is None:
            kept.append(_Found(replace(r, also_at=list(r.also_at)) if copy else r, item.follows))
            alike.setdefault(key, []).append(kept[-1])
        elif r.anchor != twin.record.anchor and r.anchor not in twin.record.also_at:
            twin.record.also_at.append(r.anchor)
    return [k.record for k in kept]


def _twin(candidates: list[_Found], item: _Found) -> _Found | None:
    """The first kept record the item restates: printed alike (also_at's paragraphs quote the record's text: 2次 is no
    restatement of 二次), with the same label or the same words after the figure."""
    for kept in candidates:
        if kept.record.text != item.record.text:
            continue
        if kept.record.label == item.record.label or (len(item.follows) >= 4 and kept.follows == item.follows):
            return kept
    return None


def extract_metrics(doc: Document, taxonomy: Taxonomy, rules: Rules | None = None) -> list[MetricRecord]:
    """Every figure of a document as MetricRecords, in reading order, restatements merged."""
    rules = rules or default_rules()
    found = [f for source in document_sources(doc, rules, taxonomy.named_subjects()) for f in figures_in(source, taxonomy, rules)]
    return _merged(found, copy=False)  # the records were made just now, for this list only
