"""Block recovery: raw text -> blocks with their blank-line gaps, debris removed, broken paragraphs rejoined.

The gap before a block carries meaning in these pages: a run of blank lines wider than the usual
separator marks where a photo sat.  Lines hard-wrapped by OCR are unwrapped; page markers, running
heads and leftover markup are kept apart as debris so nothing is lost.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from reportsite.normalize import HAN
from reportsite.numbers import default_grammar, find_quantities
from reportsite.rules import acts_at_start, any_of, caption_subjects, compiled, heading_numbering, longest_word_pattern, is_photo_credit, photo_credit, text_rules, word_list
from reportsite.body import TABLE_RULE
from reportsite.unwrap import (
    date_alone,
    header_label_line,
    indented as set_in,
    is_markup_line,
    issue_line,
    join_lines,
    masthead_over_issue,
    opens_on_note_mark,
    presenter_line,
    reaction_pattern,
    subtitle_marks,
    unwrap_lines,
    wrap_width,
)

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*[-*+]\s+(.*)$")
_ATTRIBUTE = re.compile(r"\s*\{#[A-Za-z][\w-]*\}\s*$")
_ATTRIBUTE_LINE = re.compile(r"^\s*\{:?\s*#[A-Za-z][\w-]*\s*\}\s*$")
_SENTINEL = "\x00"
_SPACE = re.compile(r"\s")
_HAN_RUN = re.compile(f"[{HAN}]+")
_TRAILING_HAN = re.compile(f"[{HAN}]+$")


@dataclass
class Part:
    """A block of text as found on the page: paragraph, heading, item, caption or table, and its gap."""

    kind: str  # paragraph | heading | item | caption | table (its text a Markdown pipe table)
    text: str
    gap: int = 1  # blank lines before the block
    level: int = 0  # Markdown heading level as printed; 0 when unmarked
    indented: bool = False  # its first line was set in by a paragraph's indent (two spaces or more)


# ---------------------------------------------------------------- debris


def strip_inline_debris(text: str) -> tuple[str, list[str]]:
    """Remove markup left by earlier tools (HTML comments, anchors, {{pagebreak}}, jump markers); return text and debris."""
    debris: list[str] = []
    if "上接" in text:
        text = _without_jump_heads(text, debris)

    def keep(match: re.Match[str]) -> str:
        if match.group().strip():
            debris.append(match.group().strip())
        return _SENTINEL

    for pattern in compiled("debris_inline_patterns"):
        text = pattern.sub(keep, text)
    # A line that held only markup disappears instead of becoming a blank line that widens a gap.
    lines = [line for line in text.split("\n") if not (_SENTINEL in line and not line.replace(_SENTINEL, "").strip())]
    return "\n".join(lines).replace(_SENTINEL, ""), debris


_CONTINUED_FROM = re.compile(r"^\s*[（(]\s*上接第?\s*[0-9一二三四五六七八九十]+\s*[版页]\s*[）)]")
JUMP_HEAD_MAX = 30  # characters of the short head a jump's continuation is printed under


def _without_jump_heads(text: str, debris: list[str]) -> str:
    """Drop the short head a jumped story is continued under on its new page (产改“组合拳”托起成才梦, then
    （上接第1版）高级技师，…): often a shortened title, never the text's."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _CONTINUED_FROM.match(line):
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        head = lines[j].strip() if j >= 0 else ""
        if (head and len(head) <= JUMP_HEAD_MAX and not _CLAUSE_MARK.search(head) and not ends_complete(head)
                and not is_debris_line(head) and not is_running_head(head)):  # furniture goes its own way
            debris.append(" ".join(head.split()))
            lines[j] = ""
    return "\n".join(lines)


def is_debris_line(text: str) -> bool:
    """Tell whether a whole line is page furniture: — 3 —, 第3版, a lone page number, an issue line (第5期)."""
    line = text.strip()
    return any_of("debris_line_patterns").match(line) is not None or issue_line(line)


def is_running_head(text: str) -> bool:
    """Tell whether a line has the shape of a running head: 某某报·专题, 某某日报 2023年5月4日 星期四, perhaps
    with the page editor's name after it (…星期四　责任编辑：周　静)."""
    return any_of("running_head_patterns").match(_without_page_editor(text)) is not None


def _without_page_editor(line: str) -> str:
    """A stripped line without the page editor's name at its end (…星期四　责任编辑：周　静)."""
    return _PAGE_EDITOR.sub("", line.strip()) if "编" in line else line.strip()


_PAGE_EDITOR = re.compile(f"[\\s\u3000]+(?:责任编辑|责编|本版编辑|编辑)[：:]?[\\s\u3000]*[{HAN}](?:[\u3000 ]?[{HAN}]){{1,4}}$")


def _head_key(text: str) -> str:
    """A running head compared without its spaces (全角 or not)."""
    return _SPACE.sub("", text)


_HAN_CHAR = re.compile(f"[{HAN}]")
_CLAUSE_MARK = re.compile("[，。；！？、：]")


@lru_cache(maxsize=1)
def dateline_prefixes() -> str:
    """One alternation of the datelines a story opens on (本报讯, 本报重庆1月11日电, 本报赣州讯)."""
    rules = text_rules()
    return "|".join([*(re.escape(p) for p in rules["dateline_prefixes"]), *rules["dateline_patterns"]])


@lru_cache(maxsize=1)
def _story_opening() -> re.Pattern[str]:
    """A dateline of two characters or more (本报讯, 本报重庆1月11日电): a story's first words, under its headline."""
    return re.compile(f"(?:{dateline_prefixes()})(?<=..)")


def opens_on_dateline(text: str) -> bool:
    """Tell whether a paragraph or line opens on a story's dateline (本报讯（记者…）…, 本报讯　9月6日…)."""
    return _story_opening().match(text.lstrip()) is not None


def running_heads(lines: list[str]) -> set[str]:
    """Return short lines printed again and again on their own: running heads of the pages (keys without spaces)."""
    rules = text_rules()
    terminal = rules["terminal_punctuation"]
    candidates = [
        _head_key(line)
        for line in lines
        if 4 <= len(_head_key(line.strip())) <= rules["running_head_max_chars"]  # spaces set wide count for nothing
        and not is_markup_line(line)
        and not is_image_line(line)  # [图片] again and again: each an image, not a page's head
        and len(_HAN_CHAR.findall(line)) >= 2
        and line.strip()[-1] not in terminal
        and not _CLAUSE_MARK.search(line)  # a line of a wrapped paragraph, not a head
        and line.strip()[:1] not in rules["line_non_starters"]
        and not _lone_figure(line.strip())  # 1,150人次 alone on a line: a wrapped figure, never a head
    ]
    counts = Counter(candidates)
    # A story's headline printed twice (the story set again lower on the page, or listed in an index above), over its
    # dateline at least once: no head.
    twice = {key for key, n in counts.items() if n == 2}
    if twice:
        over_dateline = {_head_key(line) for line, after in zip(lines, lines[1:])
                         if _head_key(line) in twice and opens_on_dateline(after)}
        counts = Counter({key: n for key, n in counts.items() if key not in over_dateline})
    hints = rules["running_head_hints"]
    heads = {
        text
        for text, n in counts.items()
        if n >= 3 or (n >= 2 and any(h in text for h in hints) and re.search(r"\d", text))
    }
    # A head printed with each page's number (基层风采 47, 基层风采 49): alike but for a number at one end.
    folio_keys = {text: _FOLIO_DIGITS.sub("#", text) for text in counts if _FOLIO_END.search(text)}
    folios = Counter(folio_keys.values())
    # A column's name and the page's number set far apart (基层访谈　　　　33), the name printed alone elsewhere (the
    # story's kicker): a head of the page, though printed once.  Rows of a table (东城区　　　　35) have no such name, or
    # stand by other rows set wide.
    # …or whose page number follows, or comes before, the folio of a running head of the text (36　浙江工运　2023年第12期,
    # 职工文化　　37, 38　浙江工运…).
    heads |= {text for text, key in folio_keys.items() if folios[key] >= 2}
    # Set one space apart (基层传真　47), only by the folio next to a running head's (46　楚天主人　2019.8 over the text).
    lone = [(i, found) for i, line in enumerate(lines) if (found := _COLUMN_FOLIO.fullmatch(line.strip())
                                                            or _COLUMN_FOLIO_CLOSE.fullmatch(line.strip()))]
    if not lone:
        return heads  # most texts: no such line, and no page numbers to read
    pages = {int(n) for line in lines if len(line.strip()) <= FOLIO_LINE_MAX and _FOLIO_END.search(line.strip())
             and (_head_key(line) in heads or is_running_head(line)) for n in _FOLIO_END.findall(line.strip())}
    return heads | {_head_key(lines[i]) for i, found in lone
                    if ((_head_key(found.group("a") or found.group("b")) in counts and found.re is _COLUMN_FOLIO)
                        or any(abs(int(n) - page) == 1 for n in _FOLIO_DIGITS.findall(lines[i]) for page in pages))
                    and not any(0 <= n < len(lines) and (_ROW_LIKE.fullmatch(lines[n].strip()) or _row_cells(lines[n])
                                                         or _COLUMN_FOLIO_CLOSE.fullmatch(lines[n].strip()))
                                and _head_key(lines[n]) not in heads and not is_running_head(lines[n])
                                for n in (i - 1, i + 1))}  # a row among rows of a table (not the page's other head)


FOLIO_LINE_MAX = 40  # characters of a running head with a page's number
_ROW_LIKE = re.compile(f"[{HAN}]{{2,12}}[ \u3000]{{2,}}[\\d,.%]+|[\\d,.%]+[ \u3000]{{2,}}[{HAN}]{{2,12}}")  # 杭州　　　1260


def _column_folio(gap: str) -> re.Pattern[str]:
    """A column's name and a page's number, either first, set ``gap`` apart (基层访谈　　33, 47　基层传真)."""
    return re.compile(f"\\d{{1,3}}{gap}(?P<a>[{HAN}]{{2,8}})|(?P<b>[{HAN}]{{2,8}}){gap}\\d{{1,3}}")


_COLUMN_FOLIO = _column_folio("[ \u3000]{2,}")  # set far apart
_COLUMN_FOLIO_CLOSE = _column_folio("[ \u3000]")  # one space apart


def _lone_figure(line: str) -> bool:
    """Tell whether a line is a figure and its unit alone (1,150人次, 186万元): one quantity, the whole line."""
    if not line[:1].isdigit():
        return False
    found = find_quantities(line)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(line)


_FOLIO_END = re.compile(r"^\d{1,3}(?!\d)|(?<!\d)\d{1,3}[—－–-]*$")  # 基层风采 47, …工作汇报 — 3 —
_FOLIO_DIGITS = re.compile(r"\d+")


_WIDE_GAP = re.compile("[ \u3000]{2,}|\u3000")


def page_furniture(lines: list[str]) -> Callable[[str], bool]:
    """Return a test for lines that are page furniture in this text: markers, page numbers, running heads, and a
    magazine's masthead over the text's first line with the heads of its later pages (_masthead_heads)."""
    heads = running_heads(lines)
    shaped = _furniture_shape()
    masthead = _masthead_heads(lines)
    if masthead is not None:
        heads = heads | {_head_key(line) for at, line in enumerate(lines) if line.strip()
                         and masthead.fullmatch(line.strip()) and _at_page_turn(lines, at, shaped)}
    heads = heads | _heads_under_footers(lines, shaped)
    # The text's first line, a document's title with its date (劳动竞赛工作总结　2023年12月), over the text itself: the title,
    # kept the first time; over another title (工会信息通报　2019年5月 | 职工书屋建设情况) a bulletin's head.
    filled = [line for line in lines if line.strip()]
    opening = filled[0].strip() if filled else ""
    dated = [opening] if _titled_date().fullmatch(opening) and len(filled) > 1 and _text_under_title(filled[1]) else []

    series = _numbered_series(filled, shaped)
    colophon = _colophon_entries(filled)

    def dated_title(line: str) -> bool:
        if dated and line.strip() == dated[0]:
            dated.clear()
            return True
        return False
    if not heads:
        return lambda line: line.strip() in colophon or (not dated_title(line) and line.strip() not in series
                                                         and shaped.match(_without_page_editor(line)) is not None)
    # A head printed again on every page that is the text's first line, set as a title (not in parts set apart
    # by wide spaces, nor of a running head's shape), is the title there: kept the first time.
    first_line = next((line.strip() for line in lines if line.strip() and shaped.match(line.strip()) is None), "")  # past Slide 1
    first = _head_key(first_line)
    title = [first] if (first in heads and not _WIDE_GAP.search(first_line)
                        and shaped.match(_without_page_editor(first_line)) is None) else []

    def furniture(line: str) -> bool:
        if line.strip() in colophon:
            return True
        if dated_title(line):
            return False
        if title and _head_key(line) == title[0]:
            title.clear()  # the first time: the title, kept
            return False
        if line.strip() in series:
            return False
        return shaped.match(_without_page_editor(line)) is not None or _head_key(line) in heads
    return furniture


# A colophon's distribution entries set one a line (报：区总工会 | 抄送：… | 发：…) and its print run (（共印35份）, 共印35份):
# bodies, with no question or exclamation, no sentence going on past a full stop and no figure (not 发：向126户…发放…。).
_DISTRIBUTION_ENTRY = re.compile(r"(?:抄报|抄送|主送|主报|报送|分送|发送|报|送|发)\s*[：:]\s*[^\s。！？!?\d][^。！？!?\d]{0,160}。?")
_PRINT_RUN = re.compile(r"[（(]?\s*共印(?:刷)?\s*[\d一二三四五六七八九十百]+\s*份\s*[）)]?")


def _colophon_entries(filled: list[str]) -> frozenset[str]:
    """Distribution entries of a colophon set one a line: two or more in a row (报：… | 送：…), or one over the
    print run (发：… | （共印40份）).  One such line alone (送：…) may be a speaker's or a form's: kept."""
    found: set[str] = set()
    at = 0
    while at < len(filled):
        end = at
        while end < len(filled) and _DISTRIBUTION_ENTRY.fullmatch(filled[end].strip()):
            end += 1
        run = end < len(filled) and _PRINT_RUN.fullmatch(filled[end].strip()) is not None
        if end > at and (end - at >= 2 or run):
            found |= {line.strip() for line in filled[at:end + run]}  # the print run under them too (共印35份)
        at = max(end, at + 1)
    return frozenset(found)


_SERIES_NUMBER = re.compile(r"(\d{1,2})[ \t\u3000]+(\S.*)")  # 1　书香·致远: a number, a space, words
# A numbered head's words of no furniture's shape (2　强化思想引领): the series counts them too (1　建好职工园地 | … | 2　…)
_HEAD_WORDS = re.compile("[\u4e00-\u9fff“”·]{2,16}")


def _numbered_series(filled: list[str], shaped: re.Pattern[str]) -> frozenset[str]:
    """Lines of a page's head and folio in shape (3　民生·工会) that open on numbers counting 1, 2, 3… over words that
    differ line to line (1　书香·致远 | … | 2　劳模·工匠): a text's numbered heads, kept; a page's head repeats its words and
    its folio seldom starts at 1.  Empty unless every such line opening on a number is of the series."""
    found = [(int(m.group(1)), m.group(2), line.strip()) for line in filled
             if (m := _SERIES_NUMBER.fullmatch(line.strip())) is not None
             and (shaped.match(line.strip()) is not None or _HEAD_WORDS.fullmatch(m.group(2)) is not None)]
    if (len(found) < 2 or [n for n, _, _ in found] != list(range(1, len(found) + 1))
            or len({words for _, words, _ in found}) != len(found)):
        return frozenset()
    return frozenset(line for _, _, line in found)


def _heads_under_footers(lines: list[str], shaped: re.Pattern[str]) -> set[str]:
    """The next page's head printed once under a page's footer, inside a paragraph the page turn cut (…全年新建基层工
    | 宜昌高新区总工会　第 1 页 共 3 页 | 小微企业工会工作总结 | 会126家，…): a short line with no stop and no figure, the
    words under it, not the line itself, finishing the cut sentence.  No heading stands there: a head cannot part a
    sentence; where nothing shows which line goes on, the line is kept as the text's."""
    filled = [line for line in lines if line.strip()]
    heads = set()
    for at in range(2, len(filled) - 1):
        footer = filled[at - 1].strip()
        if _PAGE_NUMBER.search(footer) is None:
            continue  # most lines: no page's footer above them
        line, cut, after = filled[at].strip(), filled[at - 2], filled[at + 1]
        if (len(line) <= text_rules()["running_head_max_chars"] and not _CLAUSE_MARK.search(line)
                and not line.startswith(tuple(text_rules()["caption_markers"]))  # 图为…: a caption's first line
                and line[:1] not in text_rules()["caption_marks"] and not _photo_scene(line)  # ▲…, 职工在…阅读: a photo's scene
                and shaped.match(footer) is not None and shaped.match(line) is None and is_cut(cut)
                and not cut_runs_on(cut, line) and not find_quantities(line)  # …困难职工 | 家庭和…一千二百户: the text going on
                and cut_runs_on(cut, after)  # …基层工 | (the head) | 会126家: the words under it finish the cut sentence
                and not set_in(after) and not starts_paragraph(after.strip()) and shaped.match(after.strip()) is None
                and photo_credit().search(after.strip()) is None):  # …职工在书屋阅读 | 借阅图书（张三　摄）: a caption
            heads.add(_head_key(line))
    return heads


def _photo_scene(line: str) -> bool:
    """Tell whether a line reads as a photo's scene: who acts named at its start, then where (职工在新建的职工书屋里阅读
    图书), at a caption's length; not a page's running head holding 在 (奋进在新征程上, 工会在行动, 职工之家在身边)."""
    subject = acts_at_start(line)
    return subject is not None and "在" in line.strip()[subject.end():] and len(line) >= SCENE_MIN_CHARS
SCENE_MIN_CHARS = 8  # characters of a photo's scene at least (a column's or page's head is shorter: 工会在行动)


_PAGE_NUMBER = re.compile(r"第\s*\d{1,3}\s*页|^[—－-]\s*\d{1,3}\s*[—－-]$")  # 第 1 页 共 3 页, — 2 — (not 02: a section's number)


def _masthead_heads(lines: list[str]) -> re.Pattern[str] | None:
    """When the text's first line is a magazine's name and issue alone (text_rules issue_masthead_pattern: 中原工运
    2022年第10期; no folio, which a series' subhead in the text may lack too; perhaps a column's name after it), a pattern
    of that line and of its pages' heads: the name alone, or with a column's name or an issue (中原工运　劳模风采), or the
    column the first line names alone (基层风采).  None otherwise."""
    filled = [at for at, line in enumerate(lines) if line.strip()]
    found = issue_masthead(lines[filled[0]]) if filled else None
    if found is None or len(filled) < 2:
        return None
    after = lines[filled[1]].strip()
    if (filled[1] == filled[0] + 1 and after.startswith(("——", "--", "—"))) or lines[filled[1]].startswith("\u3000\u3000") \
            or (len(after) > text_rules()["running_head_max_chars"] and _SENTENCE_END.search(after)):
        return None  # 职工大讲堂　2019年第3期 | ——…解读, or a paragraph under it: a series' report's own title, no masthead
    heads = re.escape(found.group("name")) + r"(?:[ \t\u3000]+[^，。；！？,;!?\s]{1,16}){0,2}"
    if found.group("column"):  # 某刊工会　2023年第9期　基层风采: its pages' heads may print the column's name alone
        heads = f"{heads}|{re.escape(found.group('column'))}"
    return re.compile(heads)


def _at_page_turn(lines: list[str], at: int, shaped: re.Pattern[str]) -> bool:
    """Tell whether a line of the masthead's name is its masthead or a page's head: the text's first line, the name
    alone, or a line by a folio (· 24 ·) or under a paragraph cut off.  A column's or a heading's words after the name
    between whole paragraphs (劳动保护　人人有责) are the text's."""
    before = next((line.strip() for line in reversed(lines[:at]) if line.strip()), None)
    later = next((line.strip() for line in lines[at + 1:] if line.strip()), None)
    return (before is None or _SPACE.search(lines[at].strip()) is None  # the text's first line, or the name alone
            or shaped.match(_without_page_editor(before)) is not None
            or (later is not None and shaped.match(_without_page_editor(later)) is not None) or is_cut(before))


def issue_masthead(line: str) -> re.Match[str] | None:
    """A magazine's name and issue alone on a line (text_rules issue_masthead_pattern), its name in group 'name'."""
    return _issue_masthead().fullmatch(line.strip())


@lru_cache(maxsize=1)
def _issue_masthead() -> re.Pattern[str]:
    """text_rules issue_masthead_pattern, compiled once."""
    return re.compile(text_rules()["issue_masthead_pattern"])


@lru_cache(maxsize=1)
def _furniture_shape() -> re.Pattern[str]:
    """One pattern for is_debris_line or is_running_head (both match the stripped line at its start)."""
    issues = "|".join(f"(?:{p})" for p in text_rules()["issue_line"])
    return re.compile(f"(?:{any_of('debris_line_patterns').pattern})|(?:{any_of('running_head_patterns').pattern})"
                      f"|(?:(?:{issues})$)")


def _text_under_title(line: str) -> bool:
    """Tell whether a line under a title is the text's, its subtitle or its byline: set in, holding a clause mark,
    dashed, or naming a writer's role (text_rules byline_role_suffixes: 本报记者　王明)."""
    return (set_in(line) or _CLAUSE_MARK.search(line) is not None or line.strip().startswith(("——", "—", "--"))
            or any(role in line for role in text_rules()["byline_role_suffixes"]))


# A date as a part of a line, whole (2023年12月, 二〇二三年十二月二十日, 2023 年 12 月 26 日 as OCR spaces it out, 2023.12): a
# title's or a heading's date.
_DATE_GAP = "[ \t\u3000]*"
DATE_PHRASE = re.compile(f"(?:[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}}){_DATE_GAP}年{_DATE_GAP}(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})"
                         f"{_DATE_GAP}月(?:{_DATE_GAP}(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_DATE_GAP}日)?"
                         "|[0-9０-９]{4}[-./．][0-9０-９]{1,2}(?:[-./．][0-9０-９]{1,2})?")


@lru_cache(maxsize=1)
def _titled_date() -> re.Pattern[str]:
    """A document's title with its month or day after it (劳动竞赛工作总结　2023年12月, …总结　2023.12): printed as the
    text's first line, the title of a summary or report, not a magazine's head (北疆工会　2018.11), whose name ends
    on no document's name (text_rules title_tail_nouns)."""
    tails = "|".join(map(re.escape, text_rules()["title_tail_nouns"]))
    return re.compile(f"[{HAN}“”]{{2,30}}(?:{tails})[ \t\u3000]+(?:{DATE_PHRASE.pattern})")


# ---------------------------------------------------------------- splitting and unwrapping


def line_groups(text: str) -> list[tuple[int, list[str]]]:
    """Split text at blank lines: (blank lines before, lines) for each group."""
    groups: list[tuple[int, list[str]]] = []
    blanks = 0
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            if not current:
                start_gap = blanks
            current.append(line.rstrip())
            blanks = 0
            continue
        if current:
            groups.append((start_gap, current))
            current = []
        blanks += 1
    if current:
        groups.append((start_gap, current))
    return groups


def _tab_tables_apart(gap: int, lines: list[str]) -> list[tuple[int, list[str]]]:
    """A group holding a run of lines whose cells are set apart by tabs or wide spaces (a table's rows, printed with no
    blank line around them, 表1 title above) as groups of their own: before, the table, after."""
    if len(lines) < TABLE_MIN_ROWS or sum(_row_cells(line) > 0 for line in lines) < TABLE_MIN_ROWS:
        return [(gap, lines)]
    if not any("\t" in line for line in lines) and table_of(lines) is not None:
        return [(gap, lines)]  # a table typed with spaces, alone in its group: read whole, its cells however set apart
    pieces: list[tuple[int, list[str]]] = []
    start = 0
    i = 0
    while i < len(lines):
        j = i
        cells = _row_cells(lines[i])
        while j < len(lines) and _tab_row(lines[j], cells):
            j += 1
        if j - i >= TABLE_MIN_ROWS:
            head = i - 1 if i > start and is_table_caption(lines[i - 1].strip()) else i
            if head > start:
                pieces.append((gap if not pieces else 0, lines[start:head]))
            pieces.append((gap if not pieces else 1, lines[head:j]))
            start = i = j
        else:
            i = j + 1
    if start < len(lines):
        pieces.append((1 if pieces else gap, lines[start:]))
    return pieces


def _row_cells(line: str) -> int:
    """The cells of a line set as a table's row: apart by a tab, or three or more apart by wide spaces and no sentence
    (海口供电局    9    8    1,240: a table typed with spaces, glued to the paragraph above); 0 for another line."""
    if "\t" in line:
        return len(_CELLS_WIDE_APART.split(line.strip()))
    if "  " not in line and "\u3000\u3000" not in line.strip():
        return 0  # most lines: prose, no wide space inside
    cells = len(_CELLS_WIDE_APART.split(line.strip()))
    return cells if cells >= TABLE_MIN_CELLS and "。" not in line else 0


def _tab_row(line: str, cells: int) -> bool:
    """Tell whether a line is a row of a table whose first row has ``cells`` cells: its cells apart by a tab, or by
    wide spaces alone, as many cells and no sentence (佛子岭镇　　24　　2480: a table typed with tabs on some rows
    and full-width spaces on others)."""
    if "\t" in line:
        return cells > 0
    return cells >= 3 and "。" not in line and len(_CELLS_WIDE_APART.split(line.strip())) == cells


INTERLEAVED_MIN_LINES = 6  # lines of a group read across two columns before it is worth telling apart


def _columns_apart(gap: int, lines: list[str]) -> list[tuple[int, list[str]]]:
    """A group whose lines were read across two columns (left, right, left, right…) as two groups, one a
    column; any other group as it is.  Lines read across columns join their next but one better than their
    next: a word or a number cut at a line's end goes on two lines down (接待读 | 文化宫… | 者5.6万人次)."""
    if len(lines) < INTERLEAVED_MIN_LINES:
        return [(gap, lines)]
    texts = [line.strip() for line in lines]
    straight = sum(_junction(a, b) for a, b in zip(texts, texts[1:]))
    across = sum(_junction(a, b) for a, b in zip(texts, texts[2:]))
    if across < 3 or across < 1.5 * straight + 2:
        return [(gap, lines)]
    # Each column's lines are the wrapped lines of its own narrower measure: they run on, one to the next.
    return [(gap, [functools.reduce(join_lines, column)]) for column in (lines[0::2], lines[1::2])]


def _junction(left: str, right: str) -> int:
    """How surely right runs on from left: a number cut between them (4,80 | 0册) or a word (读 | 者)."""
    if not left or not right:
        return 0
    if (left[-1].isdigit() or left[-1] in ",.") and right[0].isdigit():
        return 2
    return 1 if spanning_word(left, right) or right[0] in "，。、；：？！）”%" else 0


def _without_attribute(line: str) -> str:
    """A line without the id ({#p3}) at its end."""
    return _ATTRIBUTE.sub("", line) if "{" in line else line


def _word_announced(lines: list[str], filled: list[int], at: int) -> bool:
    """Tell whether the page-tail marker at filled[at] is the word end in lower case (text_rules page_tail_markers take
    it in any case) announced by the line before it (他用一个英文单词结尾：): a word of the text, not a page's end."""
    return (lines[filled[at]].strip(" \t\u3000-—－=") in ("End", "end") and at > 0
            and lines[filled[at - 1]].rstrip().endswith(("：", ":")))


def cut_page_tail(text: str) -> tuple[str, list[str]]:
    """The text without what follows an article's end on a web page or a phone (text_rules page_tail_markers,
    in the text's second half: - END -, 往期推荐, 上一篇：…), but with the credits printed there; and the lines cut."""
    if not any(hint in text for hint in text_rules()["page_tail_hints"]):
        return text, []
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    half = filled[len(filled) // 2] if filled else 0
    marked = [i for at, i in enumerate(filled) if i >= half and any_of("page_tail_markers").match(lines[i].strip())
              and not (_word_announced(lines, filled, at) and any(lines[k].rstrip().endswith("。") for k in filled[at + 1:]))]
    # A bulletin's items may each close on （完）: only the last one ends the article.
    last_end_mark = max((i for i in marked if _END_MARK.match(lines[i].strip())), default=None)
    end = next((i for i in marked if i == last_end_mark or not _END_MARK.match(lines[i].strip())), None)
    if end is None:
        return text, []
    credit = _tail_credit()
    kept = [line for line in lines[end:] if credit.match(line.strip())]
    return "\n".join(lines[:end] + [""] + kept), [line.strip() for line in lines[end:] if line.strip() and not credit.match(line.strip())]


# A phone page's account name on a line of its own over the line of when and where it posted (潍坊工会 |
# 2022年09月14日 08:30 山东), which is furniture itself (text_rules debris_line_patterns).
_ACCOUNT_OVER_DATE = re.compile(f"^[ \\t\u3000]*([{HAN}A-Za-z0-9·]{{2,20}})[ \\t\u3000]*\\n(?=[ \\t\u3000]*(?:19|20)\\d\\d(?:年\\d{{1,2}}月\\d{{1,2}}日|-\\d{{1,2}}-\\d{{1,2}})\\s+\\d{{1,2}}:\\d\\d)", re.M)


# A repost's card as a phone copies it: 以下文章来源于工人日报 ，作者… (furniture by its own line pattern), then the
# account's name with the point the card sets after it (工人日报., 丹东日报 .) and, perhaps, the account's line of description.
_ACCOUNT_NAME = f"[{HAN}A-Za-z0-9·《》]{{2,20}}[ \\t\u3000]?[.。]"
_ACCOUNT_DESCRIPTION = "(?:[ \\t\u3000]*([^\\n]{2,60}(?:公众号|官方微信|微信号|订阅号|服务号)[^\\n]{0,40})\\n)?"
_REPOST_ACCOUNT = re.compile(f"(?<=\\n)[ \\t\u3000]*({_ACCOUNT_NAME})[ \\t\u3000]*\\n{_ACCOUNT_DESCRIPTION}")
_CARD_SOURCE = re.compile(r"以下文章来源于\s*([^\s，,。]{2,20})")


def _repost_account(source: str) -> re.Pattern[str]:
    """_REPOST_ACCOUNT, whose account name may also be the source the card names, with no point after it (以下文章来源于
    南方工报 ，作者… | 南方工报 | …官方公众号): a line repeating that name under the card is the card's, no title."""
    if not source:
        return _REPOST_ACCOUNT
    name = f"(?:{re.escape(source)}[ \\t\u3000]?[.。]?|{_ACCOUNT_NAME})"
    return re.compile(f"(?<=\\n)[ \\t\u3000]*({name})[ \\t\u3000]*\\n{_ACCOUNT_DESCRIPTION}")


def without_repost_account(text: str) -> tuple[str, list[str]]:
    """The text without a repost card's account name and description (see _REPOST_ACCOUNT), right under the card."""
    card = text.find("以下文章来源于")
    if card < 0:
        return text, []
    line_end = text.find("\n", card)
    if line_end < 0 or not is_debris_line(text[card:line_end].strip()):
        return text, []  # no card (以下文章来源于职工的真实讲述，略有删改。 is a sentence)
    source = _CARD_SOURCE.match(text, card)
    match = _repost_account(source.group(1) if source else "").search(text, line_end)
    if match is None or text[line_end: match.start()].strip():
        return text, []  # not right under the card
    taken = [group.strip() for group in match.groups() if group]
    return text[: match.start()] + text[match.end():], taken


def without_account_line(text: str) -> tuple[str, list[str]]:
    """The text without an account's name over a post's date and time (see _ACCOUNT_OVER_DATE) on a page copied from
    a phone (text_rules phone_page_signs), never its first line (the title), and the names taken."""
    if ":" not in text or not _phone_page().search(text):
        return text, []
    match = _ACCOUNT_OVER_DATE.search(text)
    if match is None or not text[: match.start()].strip() or not is_debris_line(text[match.end():].split("\n", 1)[0].strip()):
        return text, []
    return text[: match.start()] + "\n" + text[match.end():], [match.group(1)]


@lru_cache(maxsize=1)
def _phone_page() -> re.Pattern[str]:
    """Any sign that a text was copied from a phone's page (text_rules phone_page_signs)."""
    return re.compile(longest_word_pattern(text_rules()["phone_page_signs"]))


QUOTED_SHARE = 0.6  # of a text's lines with words, opening on '>': a message quoted by a mail program
_QUOTE_MARK = re.compile(r"^>[ \t]?")


def without_mail_wrapping(text: str) -> tuple[str, list[str]]:
    """The text of a message a mail program forwarded: without the forwarder's note above the forwarded message's
    rule (text_rules mail_separators: ----- 原始邮件 -----) and its header lines (发件人：, 主题：…), and with each line's
    quote mark ('> ') taken off when most lines of words open on one.  Returns the text and what was taken."""
    taken: list[str] = []
    if "-----" in text and (rule := _mail_separator().search(text)) is not None:
        lines = text[rule.end():].split("\n")
        headers = 0
        while headers < len(lines) and (is_mail_header(lines[headers]) or not lines[headers].strip()):
            headers += 1
        taken += [line.strip() for line in (*text[:rule.end()].split("\n"), *lines[:headers]) if line.strip()]
        text = "\n".join(lines[headers:])
    mail = bool(taken)
    if ">" in text:
        worded = [line for line in text.split("\n") if line.strip()]
        if worded and sum(line.startswith(">") for line in worded) >= QUOTED_SHARE * len(worded):
            text = "\n".join(_QUOTE_MARK.sub("", line) if line.startswith(">") else line for line in text.split("\n"))
            mail = True
    if mail and (signature := _SIGNATURE_RULE.search(text)) is not None:  # '-- ': the sender's signature to the end
        taken += [line.strip() for line in text[signature.start():].split("\n") if line.strip()]
        text = text[:signature.start()]
    return text, taken


_SIGNATURE_RULE = re.compile(r"^-- ?\r?$", re.MULTILINE)  # a mail's signature separator, a line of its own


@lru_cache(maxsize=1)
def _mail_separator() -> re.Pattern[str]:
    """The rule over a forwarded or quoted message (text_rules mail_separators), a line of its own."""
    return re.compile(f"^[ \t]*-{{3,}}[ \t]*(?:{longest_word_pattern(text_rules()['mail_separators'])})[ \t]*-{{3,}}[ \t]*$",
                      re.MULTILINE)


def is_mail_header(line: str) -> bool:
    """Tell whether a line is a forwarded message's header (发送时间: …): its date is the mail's, not the text's."""
    return _mail_header().match(line.strip()) is not None


@lru_cache(maxsize=1)
def _mail_header() -> re.Pattern[str]:
    """A header line of a forwarded message (text_rules mail_headers: 发件人: …, Subject: …)."""
    return re.compile(f"^(?:{longest_word_pattern(text_rules()['mail_headers'])})\\s*[:：]")


ENGLISH_BLOCK_MIN_LINES = 3  # lines of words with no Chinese in a row: a journal's English title and abstract
_LATIN = re.compile("[A-Za-z]")
_LATIN_WORDS = re.compile(r"[A-Za-z]{2,}(?:[\s,，.;；:：()（）'-]+[A-Za-z]{2,}){2,}")


def without_english_blocks(text: str) -> tuple[str, list[str]]:
    """The text without runs of lines in English (a journal's English title, authors and abstract: at least
    ENGLISH_BLOCK_MIN_LINES lines of three words or more and no Chinese character), and the lines taken."""
    if not _LATIN_WORDS.search(text):
        return text, []
    lines = text.split("\n")
    english = [bool(line.strip()) and not _HAN_CHAR.search(line) and _LATIN_WORDS.search(line) is not None for line in lines]
    taken: list[str] = []
    start = 0
    while start < len(lines):
        if not english[start]:
            start += 1
            continue
        end = start
        while end < len(lines) and english[end]:
            end += 1
        while end < len(lines) and lines[end].strip() and not _HAN_CHAR.search(lines[end]) and _LATIN.search(lines[end]):
            end += 1  # its last line's tail (provement；Kunshan after quality im-)
        if end - start >= ENGLISH_BLOCK_MIN_LINES:
            taken += [line.strip() for line in lines[start:end]]
            lines[start:end] = [""] * (end - start)
        start = end
    return ("\n".join(lines), taken) if taken else (text, [])


@lru_cache(maxsize=1)
def _tail_credit() -> re.Pattern[str]:
    """A credit line printed after an article's end (text_rules page_tail_credits)."""
    return re.compile(text_rules()["page_tail_credits"])


_END_MARK = re.compile(r"^[（(](?:完|全文完)[）)]$")


TITLE_LABEL_WITHIN = 8  # blocks from the top within which 标题：… gives the title
_LABELLED_TITLE = re.compile(r"^(?:标题|题目)[：:]\s*(.+)$")  # 标题：…, as a newsroom's script gives its title


# A Markdown image on a line of its own: ![its alt text](media/image1.jpeg "title") (! may have been made ！)
_MD_IMAGE = re.compile(r"^[!！]\[([^\]\n]*)\]\(\s*[^)\s]*(?:\s+[\"'“][^)]*)?\s*\)$")
_IMAGE_PLACEHOLDER = re.compile(r"^[\[【（(](?:图片|图像|视频|image|img|video)[\]】）)]$", re.I)  # [图片], [视频]: where a page copied as text had an image or a video
_IMAGE_OPENINGS = "!！[【（("  # how an image's line opens: a quick test first


def is_image_line(line: str) -> bool:
    """Tell whether a line is an image: Markdown's ![…](…), or a placeholder a copied page left ([图片])."""
    line = line.strip()
    return line[:1] in _IMAGE_OPENINGS and bool(_MD_IMAGE.match(line) or _IMAGE_PLACEHOLDER.match(line))


_EMPHASIS_LINE = re.compile(r"^(\*|_)(?!\1)(.+?)(?<!\s)\1$")  # *段工会在…新建的职工书屋*: a caption set in italics


def parse_line(line: str, gap: int) -> Part:
    """Read one line: Markdown heading, list item (ids such as {#p3} dropped), image (its alt text is a photo's
    caption; an image without one, or a placeholder such as [图片], a caption still to be found), quotation (a
    paragraph) or plain paragraph."""
    line = _without_attribute(line.strip())
    if line[:1] in _IMAGE_OPENINGS:
        image = _MD_IMAGE.match(line)
        if image or _IMAGE_PLACEHOLDER.match(line):
            return Part("caption", (image.group(1).strip() if image else "") or IMAGE_WITHOUT_CAPTION, gap)
    if line.startswith(">"):  # a Markdown quotation (> “…”说): its words are a paragraph of the text
        line = line.lstrip("> ")
    heading = _MD_HEADING.match(line)
    if heading:
        return Part("heading", heading.group(2), gap, len(heading.group(1)))
    item = _MD_ITEM.match(line)
    if item and item.group(1).strip():
        return Part("item", _without_attribute(item.group(1)).strip(), gap)
    return Part("paragraph", line, gap)


def split_blocks(text: str) -> tuple[list[Part], list[str]]:
    """Split raw text into parts with their gaps (lines unwrapped, debris removed); return parts and debris."""
    text, debris = strip_inline_debris(text.replace("\r\n", "\n").replace("\r", "\n"))
    text, mail = without_mail_wrapping(text)
    text, tail = cut_page_tail(text)
    text, english = without_english_blocks(text)
    text, account = without_account_line(text)
    text, repost = without_repost_account(text)
    debris += mail + tail + english + account + repost
    # Paragraph ids written by ingest ({#p3} on a line of its own) are not text: read past them.
    if "{" in text:
        text = "\n".join(line for line in text.split("\n") if not _ATTRIBUTE_LINE.match(line))
    groups = line_groups(text)
    wrap = wrap_width([lines for _, lines in groups])
    furniture = page_furniture([line for _, lines in groups for line in lines])
    parts: list[Part] = []
    carried = 0  # the gap before a block that held only furniture passes to the next block
    groups = [piece for gap, lines in groups for piece in _columns_apart(gap, lines)]
    groups = [piece for gap, lines in groups for piece in _tab_tables_apart(gap, lines)]
    for gap, lines in groups:
        notes = _table_notes(lines)  # 注：2020年数据截至11月底。 under a table's rows
        table = table_of(lines[: len(lines) - len(notes)])
        if table is not None:  # rows of cells printed as lines: never unwrapped into one paragraph
            title, rows = table
            if title:
                parts.append(Part("paragraph", title, max(gap, carried)))
            parts.append(Part("table", pipe_table(rows), 0 if title else max(gap, carried)))
            parts += [Part("paragraph", note.strip(), 0) for note in notes]
            carried = 0
            continue
        unwrapped, found = unwrap_lines(lines, wrap, furniture)
        debris += found
        if len(parts) == 1 and found and len(found) == len(lines) and masthead_over_issue(parts[0].text, found[0]):
            debris.insert(len(debris) - len(found), parts.pop().text)  # 江城工会纪要 ⏎⏎ 第5期: the periodical's name, no title
        texts = [t for t in (_without_attribute(line.strip()) for line in unwrapped) if t]
        set_in = _set_in_openings(lines)
        for n, line in enumerate(texts):
            at = max(gap, carried) if n == 0 else 0
            indented = line[:_OPENING] in set_in  # its first line was set in
            labelled = _LABELLED_TITLE.match(line) if len(parts) < TITLE_LABEL_WITHIN else None  # not 题目：《…》 further on
            if labelled is not None:  # 标题：…: the title, its label kept in the debris
                parts.append(Part("heading", labelled.group(1), at, 1))
                debris.append(line[: labelled.start(1)].strip())
                continue
            parts.append(parse_line(line, at))
            if indented and parts[-1].kind == "paragraph":
                parts[-1].indented = True
            if parts[-1].text == IMAGE_WITHOUT_CAPTION and line[:1] not in "!！":
                debris.append(line)  # [图片]: where an image was, read as one (the words are kept here)
        carried = 0 if texts else max(carried, gap)
    parts = [p for p in _image_captions(parts) if p.text]
    if parts:
        parts[0] = replace(parts[0], gap=0)  # blank lines before the first block mean nothing
    return parts, debris


_INDENT = re.compile("(?:\u3000{1,2}|\t| {2,4})(?=[^\\s\u3000])")  # a paragraph's indent (more: a line set in the middle)
_OPENING = 12  # characters that tell a block's first line among a group's lines


def _set_in_openings(lines: list[str]) -> set[str]:
    """The openings (first _OPENING characters) of a group's lines that were set in by an indent: a block unwrapped
    from the lines opens on one of them when its first line was set in."""
    return {line.strip()[:_OPENING] for line in lines if _INDENT.match(line) is not None and line.strip()}
IMAGE_WITHOUT_CAPTION = "\0image"  # the caption of an image with no alt text: the short line under it, if any


def _image_captions(parts: list[Part]) -> list[Part]:
    """An image with no alt text takes the short line under it as its caption: one in italics, as converters set
    one (*…*), one with no sentence's stop in it (a sentence there may open the text), or one sentence over a photo's
    credit alone on the next line (…正在休息。 | 沈佳怡　摄, joined); but no numbered or bold head and nothing under an
    image above all text (the title is there); with none, nothing."""
    out: list[Part] = []
    skip = 0
    for at, part in enumerate(parts):
        if skip:
            skip -= 1
            continue
        if part.kind == "caption" and part.text == IMAGE_WITHOUT_CAPTION:
            after = parts[at + 1] if at + 1 < len(parts) else None
            text = after.text.strip() if after is not None and after.kind == "paragraph" and out else ""
            if text.startswith("**") or any(pattern.match(text) for pattern, _rank in heading_numbering()):
                text = ""  # a section's head under the image (一、…, **…**), not its caption
            italic = _EMPHASIS_LINE.match(text)
            text = italic.group(2).strip() if italic else text.lstrip(text_rules()["caption_marks"] + " ")  # ▲…
            credit = parts[at + 2].text.strip() if at + 2 < len(parts) and parts[at + 2].kind == "paragraph" else ""
            credited = (is_photo_credit(credit) and len(_SENTENCE_END.findall(text)) == 1 and _SENTENCE_END.search(text[-1:])
                        and _reads_as_caption(text))
            if text and len(text) <= text_rules()["caption_max_chars"] and (italic or credited or not _SENTENCE_END.search(text)):
                out.append(Part("caption", f"{text}{credit}" if credited else text, part.gap))
                skip = 2 if credited else 1
            continue
        out.append(part)
    return out


def _reads_as_caption(text: str) -> bool:
    """Tell whether a sentence between an image and a photo's credit is the photo's caption: a sign of a photo (text_rules
    photo_position and scene_endings: （左二）, …比赛现场。; or 正在), opening on a caption's marker (图为…), or short and plain
    (市总工会领导为获奖职工颁奖。: at most CAPTION_PLAIN_MAX characters, no figure and no clause; not 下一步，…).  Not a
    sentence of the text opening on its month (5月，市总工会举办了…): caption_signs' date is a sign of a marked line only."""
    return (text.startswith(tuple(text_rules()["caption_markers"])) or "正在" in text or _photo_sign().search(text) is not None
            or (len(text) <= CAPTION_PLAIN_MAX and _PLAIN_BREAK.search(text) is None))


@lru_cache(maxsize=1)
def _photo_sign() -> re.Pattern[str]:
    """text_rules photo_position or scene_endings, as one pattern."""
    rules = text_rules()
    return re.compile(f"(?:{rules['photo_position']})|(?:{rules['scene_endings']})")


CAPTION_PLAIN_MAX = 30
_PLAIN_BREAK = re.compile("[0-9０-９，,；;：:]")


_CELLS_APART = re.compile(r"[ \t\u3000]+")
_CELLS_WIDE_APART = re.compile(r"[ \u3000]{2,}|\t[ \t\u3000]*")  # cells apart by two spaces at least
# A figure's cell: a number, perhaps with its unit (20个, 3.26万人, 3000人次), or a dash for none.
_NUMBER_CELL = re.compile(f"^(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?(?:%|[万亿]?[{HAN}]{{0,2}})|[—–-]{{1,2}})$")
_PIPE_CELLS = re.compile(r"(?<!\\)\|")
# A converter's pipe table may leave out the outer bars and align with short rules (:-- | --:); its colons may
# have been made full-width.  Two cells at least: a rule of dashes alone is a rule, not a table's.
_ANY_TABLE_RULE = re.compile(r"^\s*\|?\s*[:：]?-+[:：]?\s*(?:\|\s*[:：]?-+[:：]?\s*)+\|?\s*$")
TABLE_MIN_ROWS = 3  # a header and two rows of figures
TABLE_MIN_CELLS = 3  # a row's name and two figures
TABLE_TITLE_MAX = 40  # characters
_TABLE_LABEL = re.compile(r"^附?表\s*[0-9一二三四五六七八九十]+")  # 表1, 附表2: a table's number before its title
# A table's title line (表：…情况, 表1　…, 附表2：…): printed above or under its table, neither a heading nor a cut paragraph.
_TABLE_CAPTION = re.compile(r"^附?表\s*(?:[0-9一二三四五六七八九十]+\s*[：:．.\s]|[0-9一二三四五六七八九十]*\s*[：:])")


def is_table_caption(text: str) -> bool:
    """Tell whether a line is a table's title (表：普陀区渔业船员入会情况, 表2　各县区数据)."""
    return bool(_TABLE_CAPTION.match(text.lstrip("*")))
TABLE_WORD_CELL_MAX = 4  # characters of a cell in a column of words beside the figures (a unit: 万人次)


def _table_notes(lines: list[str]) -> list[str]:
    """The note lines a group ends with (注：…, 资料来源：…): printed under a table, not its rows."""
    openings = _note_openings()
    notes: list[str] = []
    for line in reversed(lines):
        if not line.lstrip().startswith(openings):
            break
        notes.insert(0, line)
    return notes


@lru_cache(maxsize=1)
def _note_openings() -> tuple[str, ...]:
    """The openings of a table's note line (text_rules table_note_openings)."""
    return tuple(text_rules()["table_note_openings"])


def table_of(lines: list[str]) -> tuple[str | None, list[list[str]]] | None:
    """A group of lines printed as a table: perhaps a title line, then a header and at least two rows,
    each of the same number (three or more) of cells set apart by spaces, the rows' cells after their
    first mostly figures (2019 1862 3420 38.6).  (title or None, rows) or None.

    Chinese prose sets no spaces between words, so cells apart by spaces, alike in number line after
    line and holding figures, are a table's, not a paragraph's lines.
    """
    if len(lines) < TABLE_MIN_ROWS or not all(_CELLS_APART.search(line.strip()) for line in lines[-2:]):
        return None  # most groups: a paragraph, or lines of one wrapped at a width (no spaces inside)
    if (lines[0].lstrip().startswith("|") and TABLE_RULE.match(lines[1])) or (
            "|" in lines[0] and _ANY_TABLE_RULE.match(lines[1])):  # a pipe table (by ingest, or a converter's)
        rows = [[cell.strip() for cell in _PIPE_CELLS.split(line.strip().strip("|"))] for line in lines if line.strip()]
        return None, [rows[0], *rows[2:]]
    texts = [line.strip() for line in lines if line.strip()]
    if len(texts) < TABLE_MIN_ROWS:
        return None
    rows = [_CELLS_APART.split(text) for text in texts]
    if len({len(row) for row in rows[1:]}) > 1 or (len(rows) > 1 and len(rows[0]) > len(rows[1])):
        wide = [_CELLS_WIDE_APART.split(text) for text in texts]  # 季　度, 合　计: a label set out wide in its cell
        if len({len(row) for row in wide[1:]}) == 1:
            rows = wide
    title = None
    # A title: one cell, or a label and its words (表1　2023年…) where the rows below have more cells.
    if len(rows[0]) == 1 or (len(rows[0]) == 2 and len(rows) > 1 and len(rows[1]) > 2 and _TABLE_LABEL.match(texts[0])):
        title, rows = texts[0], rows[1:]
        if len(title) > TABLE_TITLE_MAX or ends_complete(title):
            return None
    if len(rows) < TABLE_MIN_ROWS or len(rows[0]) < TABLE_MIN_CELLS or any(len(row) != len(rows[0]) for row in rows):
        return None
    # The columns after the first: mostly figures, or short words beside them (a unit: 个, 万元).  When the first
    # column numbers the rows (序号: 1, 2, 3, … perhaps over a 合计 row), the labels are in the second.
    first, *columns = list(zip(*rows[1:]))
    if columns and all(cell.isdigit() for cell in first[:-1]):
        columns = columns[1:]
    numeric = [sum(1 for cell in column if _NUMBER_CELL.match(cell)) * 4 >= len(column) * 3 for column in columns]
    if sum(numeric) * 2 < len(columns) or not all(
            figures or all(len(cell) <= TABLE_WORD_CELL_MAX for cell in column) for figures, column in zip(numeric, columns)):
        return None
    return title, rows


def pipe_table(rows: list[list[str]]) -> str:
    """Rows of cells as a Markdown pipe table, the first row its header."""
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
    return "\n".join([line(rows[0]), line(["---"] * len(rows[0])), *map(line, rows[1:])])


def photo_gap(parts: list[Part]) -> int:
    """Return the smallest gap that marks a photo: wider than the usual gap between blocks."""
    gaps = Counter(p.gap for p in parts[1:])
    usual = max(gaps, key=lambda g: (gaps[g], -g)) if gaps else 1
    return max(usual, 1) + 1


# ---------------------------------------------------------------- broken paragraphs


def _strip_closing(text: str) -> str:
    """Drop closing quotes and brackets at the end, which follow the real last mark."""
    return text.rstrip(text_rules()["closing_marks"] + " ")


def ends_complete(text: str) -> bool:
    """Tell whether a block ends a sentence (。！？… possibly before a closing quote, or before the audience's
    reaction a speech's text records: …的感谢！（掌声）)."""
    end = _strip_closing(text)
    if end and end[-1] in text_rules()["terminal_punctuation"]:
        return True
    text = text.rstrip()
    note = _NOTE_AFTER_STOP.search(text)
    if note is not None and ends_complete(text[: note.start()]):
        return True  # …工作。（文中受访者均为化名，下同）: an editor's note after the last sentence
    if not end.endswith(("声", "掌")):
        return False
    at = max(text.rfind("（"), text.rfind("("))
    return at > 0 and reaction_pattern().fullmatch(text, at) is not None and ends_complete(text[:at])


# A bracketed note closing a block after its last sentence: no figure and no jump in it (…。（下转第2版）runs on).
_NOTE_AFTER_STOP = re.compile(r"[（(][^（()）\d转接续]{2,30}[）)]$")


def ends_open(text: str) -> bool:
    """Tell whether a block ends by introducing what follows (：；——) rather than mid-sentence."""
    return text.rstrip().endswith(tuple(text_rules()["open_endings"]))


def is_cut(text: str) -> bool:
    """Tell whether a block stops mid-sentence."""
    return bool(text.strip()) and not ends_complete(text) and not ends_open(text)


_WORD_CHARS = re.compile(f"[{HAN}A-Za-z0-9]*")


def first_clause(text: str) -> str:
    """Return the text up to the first punctuation mark."""
    match = _WORD_CHARS.match(text)
    return match.group() if match else ""


def starts_paragraph(text: str) -> bool:
    """Tell whether a block opens like a paragraph of its own (一是…, 首先，, **bold head**)."""
    return any_of("paragraph_openers").match(text) is not None


def spanning_word(left: str, right: str) -> bool:
    """Tell whether a dictionary word runs across the junction of two texts (职|工, 服|务)."""
    words = word_list()
    for i in range(1, 4):
        for j in range(1, 4):
            candidate = left[-i:] + right[:j]
            if len(left) >= i and len(right) >= j and _HAN_RUN.fullmatch(candidate) and candidate in words:
                return True
    return False


def opens_on_stub(text: str) -> bool:
    """Tell whether a block opens on a one-character clause (筹，实施…: one character of a word cut at the
    break); a figure's digit (1—11月，…) is none."""
    return (len(first_clause(text)) == 1 and len(text) > 1 and not text[1:2].isalnum() and not text[0].isdigit()
            and text[1:2] not in "：:"  # 问：…, 答：…: a speaker's label, not a word's tail
            and (text[1:2] not in "“‘《（(【「" or text[0] in "和与及并或暨"))  # 以“小三级”…: a sentence's first
    # word before a quoted name; 和“书香邢台”…: the second of two names, the tail of a cut sentence


def strong_continuation(left: str, right: str) -> bool:
    """Tell whether right almost surely continues left: a word spans the break, right opens on a stub, left
    ends on a clause mark, or a number is cut at the break (职工31 | 2万人)."""
    if starts_paragraph(right):
        return False
    return (opens_on_stub(right) or left.rstrip().endswith(("，", "、", ",")) or spanning_word(left.rstrip(), right.lstrip())
            or _number_across(left.rstrip(), right.lstrip()) or _count_across(left.rstrip(), right.lstrip())
            or _label_across(left.rstrip(), right.lstrip()))


def cut_runs_on(left: str, right: str) -> bool:
    """Tell whether right finishes the sentence left was cut in by its words alone, whatever was set between
    them: a word spans the break, a figure is cut from its label (挽回经济损失 | 1,120万元) or inside its
    number, or left ends on a word no sentence ends on (…命名的 | “…工作室”…: text_rules dangling_endings)."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return False
    return (_dangles(left, right) or spanning_word(left, right)
            or _number_across(left, right) or _count_across(left, right) or _label_across(left, right))


def _dangles(left: str, right: str) -> bool:
    """Tell whether left ends on a word no sentence ends on (text_rules dangling_endings), or on one that ends none
    before the mark right opens on (的“: …命名的 | “…工作室”)."""
    for ending in text_rules()["dangling_endings"]:
        if ending[-1:] in _OPENING_MARKS:
            if left.endswith(ending[:-1]) and right.startswith(ending[-1]):
                return True
        elif left.endswith(ending):
            return True
    return False


_OPENING_MARKS = "“《（"


_LABEL_THEN_FIGURE = re.compile(f"([{HAN}]{{1,3}})(?=[0-9])")


def _label_across(left: str, right: str) -> bool:
    """Tell whether right opens on the rest of the label of a figure and the figure (提供就业 | 岗位2.3万个，…):
    a few characters of a noun, then a count, which no paragraph opens on after a scope or time word."""
    label = _LABEL_THEN_FIGURE.match(right)
    if not left or _HAN_RUN.match(left[-1]) is None or label is None or right[:1] in text_rules()["scope_openings"]:
        return False
    return _opens_on_count(right[label.end():])


_DIGIT_OPENING = re.compile(r"[0-9]")
_TIME_UNITS = frozenset("年月日号时天周")


def _count_across(left: str, right: str) -> bool:
    """Tell whether right opens on the count of what left ends on (组织职工疗休养 | 1860人次，…): a figure
    with its measure word, not a date or a span of time (2018年, 1至11月), which a paragraph may open on."""
    if not left or _HAN_RUN.match(left[-1]) is None or not _DIGIT_OPENING.match(right):
        return False
    return _opens_on_count(right)


def _opens_on_count(text: str) -> bool:
    """Tell whether a text opens on a figure with its measure word, not a date or a span of time."""
    found = find_quantities(text[:COUNT_OPENING_CHARS], default_grammar())
    return bool(found) and found[0].start == 0 and not found[0].implied and found[0].unit[:1] not in _TIME_UNITS


COUNT_OPENING_CHARS = 16  # characters read for the count a continuation opens on


_NUMBER_GOES_ON = re.compile(r"[\d.万亿余多%]")


def _number_across(left: str, right: str) -> bool:
    """Tell whether a number is cut at the break (职工31 | 2万人): a paragraph never ends on a bare digit."""
    return left[-1:].isdigit() and left[-1:].isascii() and _NUMBER_GOES_ON.match(right[:1]) is not None


def is_copy(text: str, elsewhere: str, window: int = 16) -> bool:
    """Tell whether a block opens with, or mostly is, text printed elsewhere: a layout copy."""
    body = _SPACE.sub("", text)
    starts = range(0, max(len(body) - window, 0) + 1, 4)
    hits = [body[i : i + window] in elsewhere for i in starts]
    return any(hits[:4]) or sum(hits) * 2 >= len(hits) > 0


def join_text(left: str, right: str) -> str:
    """Glue two halves of a paragraph; a space only between two Latin words (never inside a number)."""
    return join_lines(left, right)


DATE_GOES_ON = re.compile("上午|下午|晚上|傍晚|凌晨|中午|前|起|至|以来")  # 2023年5月20日 | 上午，…: the date's sentence goes on


def _may_continue(parts: list[Part], i: int, j: int) -> bool:
    """Tell whether part j continues cut paragraph i, with captions or photos possibly between."""
    left, right = parts[i].text, parts[j].text
    if parts[j].kind != "paragraph" or starts_paragraph(right):
        return False
    if strong_continuation(left, right):
        return True
    if date_alone(left.strip()) and DATE_GOES_ON.match(right.lstrip()) is None:
        return False  # a date alone (一、比赛时间 | 2021年5月20日 | 地址：…) is whole, cut from nothing
    if any(p.kind == "caption" for p in parts[i + 1 : j]):
        # across a caption only clear evidence will do (a wrong join is worse than none): the words run on (…命名的 |
        # “…”), or the cut block was set in as a paragraph opens and the block after the caption was not; either way
        # that block is not set in and does not open as a paragraph does, on who acts or when (县总工会还…, 今年…), unless
        # a word joining nouns opens it (和工匠人才…: text_rules joining_openings)
        return ((cut_runs_on(left, right) or parts[i].indented) and not parts[j].indented
                and (not opens_on_subject(right) or opens_on_joining_word(right)))
    elsewhere = "\n".join(p.text for k, p in enumerate(parts) if k not in (i, j))
    # A copy of text printed elsewhere does not finish this paragraph, unless both halves are one copy: the
    # words on either side of the cut run on there too (a paragraph printed again at another width, cut again).
    return not is_copy(right, elsewhere) or join_text(left[-SEAM:], right[:SEAM]) in elsewhere


SEAM = 8  # characters on each side of a cut that tell two halves of one copy


def join_broken_parts(parts: list[Part]) -> list[Part]:
    """Rejoin paragraphs broken by page, column or photo breaks; complete paragraphs are never joined, nor a note or
    reference (①…, [1]…, whose last mark may be an ASCII point)."""
    out = list(parts)
    i = 0
    while i < len(out):
        if (out[i].kind != "paragraph" or not is_cut(out[i].text) or is_attribution(out[i].text)
                or is_marked_head(out[i].text) or is_table_caption(out[i].text) or opens_on_note_mark(out[i].text)
                or _in_header_lines(out, i)):  # 主持：…副主席 over 出席：…: a meeting's header line is whole
            i += 1
            continue
        j = next((k for k in range(i + 1, len(out)) if out[k].kind != "caption"), None)
        if j is not None and out[j].kind == "paragraph" and is_insert(out[j].text):
            k = next((k for k in range(j, len(out)) if out[k].kind != "caption" and not is_insert(out[k].text)), None)
            if k is not None and strong_continuation(out[i].text, out[k].text) and _may_continue(out, i, k):
                j = k  # a quote, its attribution or an editor's note set inside the paragraph: they follow it
        joins = j is not None and _may_continue(out, i, j)
        if not joins and j is not None and out[j].kind == "paragraph":
            past = _past_copies(out, i, j)  # 在十二连 | a paragraph printed again (a layout copy, cut later) | 城乡的…
            j, joins = (past, True) if past is not None else (j, False)
        if not joins:
            i += 1
            continue
        out[i] = replace(out[i], text=join_text(out[i].text, out[j].text))
        del out[j]  # stay on i: the joined paragraph may still be cut
    return join_distant_stubs(out)


def opens_on_subject(text: str) -> bool:
    """Tell whether a block opens on who acts (text_rules caption_subjects: 县总工会, 职工…) or on a time (今年, 3月)."""
    return _SUBJECT_OPENING.match(text) is not None or caption_subjects().search(text[:SUBJECT_OPENING]) is not None


def opens_on_joining_word(text: str) -> bool:
    """Tell whether a block opens on a word joining a noun to the one before it (和工匠人才…, 以及子女托管…: text_rules
    joining_openings) standing as a word of its own: not the first character of a longer word (和谐, 和睦: text_rules
    joining_lookalikes) nor of a place's name (和平区, 和县, 和田: places.names_a_place)."""
    text = text.lstrip()
    word = next((w for w in text_rules()["joining_openings"] if text.startswith(w)), None)
    if word is None or text.startswith(tuple(text_rules()["joining_lookalikes"])):
        return False
    from reportsite.places import names_a_place  # places imports this module: read when first asked
    return not any(names_a_place(text[:n]) for n in (len(word) + 1, len(word) + 2))


SUBJECT_OPENING = 5  # characters at a block's start in which who acts is named
_SUBJECT_OPENING = re.compile("(?:今年|去年|明年|全年|近年|目前|截至|截止|近日|日前|同时|此外|另外|与此同时|多年来|"
                              "[0-9０-９]{1,4}[年月]|[\u4e00-\u9fff]{1,4}期间)")


COPIES_PAST = 3  # blocks of a layout copy a cut paragraph's rest may lie past


def _past_copies(parts: list[Part], i: int, j: int) -> int | None:
    """Where cut paragraph i goes on when the blocks from j are a layout copy of text printed elsewhere (a paragraph
    printed again, perhaps cut again) and the first block after them finishes i's sentence (a word spans the cut);
    else None.  The copy then follows the joined paragraph, and the layout-copy search cuts it."""
    skipped: list[int] = []
    k: int | None = j
    for _ in range(COPIES_PAST):
        if k is None or parts[k].kind != "paragraph":
            return None
        skipped.append(k)
        k = next((n for n in range(k + 1, len(parts)) if parts[n].kind != "caption"), None)
        if k is not None and strong_continuation(parts[i].text, parts[k].text):  # cheap: most cuts stop here
            copies = all(is_copy(parts[n].text, "\n".join(p.text for m, p in enumerate(parts) if m != n)) for n in skipped)
            return k if copies and _may_continue(parts, i, k) else None
    return None


def _in_header_lines(parts: list[Part], at: int) -> bool:
    """Tell whether a part is one of a meeting's header lines (时间：…, 出席：…) next to another: a run of them is
    the minutes' header, each line whole; or a presenter's line (主讲人：王立新), whole too.  One header line alone
    (主持人：…, a turn of an interview) may be cut."""
    if not header_label_line(parts[at].text):
        return False
    if presenter_line(parts[at].text.strip()):
        return True
    return any(0 <= k < len(parts) and parts[k].kind == "paragraph" and header_label_line(parts[k].text) for k in (at - 1, at + 1))


_CLAUSE_INSIDE = re.compile("[，。；！？]")
MARKED_HEAD_MAX = 30  # characters


def has_mark(text: str) -> bool:
    """Tell whether a line starts with a decorative mark such as ◎."""
    return text[:1] in text_rules()["decorative_marks"]


def is_marked_head(text: str) -> bool:
    """Tell whether a block is a short line opening on a decorative mark, with no clause inside
    (■执法亮剑：让恶意欠薪者“寸步难行”): a heading, never the first half of a cut paragraph."""
    text = text.strip()
    return (has_mark(text) and "\n" not in text and not text[-1].isdigit()
            and len(text) <= MARKED_HEAD_MAX and not _CLAUSE_INSIDE.search(text))  # …困难职工3200 | 户: cut


def is_insert(text: str) -> bool:
    """Tell whether a block is set apart from the running text: a whole quoted sentence (a pull-quote),
    the attribution under it, an editor's note (编者按：…) or a footnote (①“两节”：指元旦、春节).

    A paragraph cut around one joins across it.
    """
    text = text.strip()
    quoted = text.startswith("“") and text.endswith("”") and "“" not in text[1:-1] and _SENTENCE_END.search(text) is not None
    return quoted or opens_on_note_mark(text) or is_attribution(text) or is_lead_text(text)


_SENTENCE_END = re.compile("[。！？]")


def is_lead_text(text: str) -> bool:
    """Tell whether a block opens with an editor's-note marker such as 按： or 编者按："""
    return bool(_lead_marker().match(text))


def lead_label_alone(text: str) -> bool:
    """Tell whether a block is an editor's-note marker and nothing else (【导语】 on a line of its own)."""
    found = _lead_marker().match(text.strip())
    return found is not None and found.end() == len(text.strip())


@lru_cache(maxsize=1)
def _lead_marker() -> re.Pattern[str]:
    """An editor's-note marker then a colon, or in brackets, where the colon may be left out (【编者按】今天…, [摘　要]:
    set out wide in brackets), perhaps with whose words they are in brackets (【主持人】（刘佳）)."""
    markers = "|".join(re.escape(m) for m in text_rules()["lead_markers"])
    labelled = [*text_rules()["lead_markers"], *text_rules()["lead_labels"]]
    wide = "|".join("[\\s\u3000]*".join(map(re.escape, m)) for m in labelled if len(m) > 1)
    return re.compile(f"^(?:[【\\[][\\s\u3000]*(?:{wide}|{markers})[\\s\u3000]*[】\\]](?:[（(][^（）()]{{1,10}}[）)])?[：:]?|(?:{markers})[：:])")


def is_attribution(text: str) -> bool:
    """Tell whether a short block names who said the words above it (——区总工会女职工委员会主任 张丽): complete
    though it ends on a name, so the paragraph after it is never joined to it."""
    return text.startswith(subtitle_marks()) and len(text) <= text_rules()["heading_max_chars"]


def ends_on_stub(text: str) -> bool:
    """Tell whether a block ends on a one-character clause (…工作制度，切): cut inside a word."""
    tail = text[:-1] if text.endswith("\n") else text  # where a Han run matching [HAN]+$ would have to end
    if not tail or not _HAN_RUN.match(tail[-1]):
        return False
    match = _TRAILING_HAN.search(text)
    return bool(match) and len(match.group()) == 1 and len(text) > 1 and not text[-2].isalnum()


def _distant_continuation(parts: list[Part], i: int) -> int | None:
    """Find the one later paragraph that completes a word cut at the end of paragraph i (切 + 实发挥…)."""
    left = parts[i].text
    found = [
        k
        for k in range(i + 1, len(parts))
        if parts[k].kind == "paragraph" and not starts_paragraph(parts[k].text) and spanning_word(left[-1], parts[k].text)
    ]
    return found[0] if len(found) == 1 else None  # several candidates: no guess


def join_distant_stubs(parts: list[Part]) -> list[Part]:
    """Join a paragraph cut inside a word to its continuation printed further on, when only one fits."""
    out = list(parts)
    for i in range(len(out)):
        if i < len(out) and out[i].kind == "paragraph" and ends_on_stub(out[i].text):
            k = _distant_continuation(out, i)
            if k is not None:
                out[i] = replace(out[i], text=join_text(out[i].text, out[k].text))
                del out[k]
    return out


def join_broken_blocks(texts: list[str]) -> list[str]:
    """Rejoin broken paragraphs in a list of paragraph texts: ["…或职", "工代表大会…"] -> ["…或职工代表大会…"]."""
    return [p.text for p in join_broken_parts([Part("paragraph", t) for t in texts])]
