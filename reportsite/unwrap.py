"""Unwrapping: lines hard-wrapped by OCR -> one line per paragraph, page furniture inside a paragraph set apart.

Two layouts are read.  Wrapped at a fixed width (counted in characters, or in display cells where
Chinese counts two): a line filled to that width runs on into the next one.  Indented: paragraphs
start with an indent ("　　") and no blank line separates them, so an unindented line runs on into
the paragraph above, unless both it and the line above are short (a heading or byline standing
alone).  In both, a line opening with a mark no line may start with (，。、）”%) always runs on, and
lines of one paragraph are glued with no space, except between two Latin words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reportsite.normalize import HAN, han_chars
from reportsite.rules import caption_subjects, compiled, heading_numbering, is_photo_credit, longest_word_pattern, photo_credit, text_rules

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*[-*+]\s+(.*)$")
_MD_BOLD_LINE = re.compile(r"^\*\*[^*]+\*\*$")  # a line wholly in bold: a converter's subtitle or a brief's headline


def display_width(text: str) -> int:
    """Width of a line as printed, its indent included (it fills the line too): Chinese characters and
    full-width spaces count two, ASCII one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text.rstrip())


@dataclass(frozen=True)
class Wrap:
    """The width OCR wrapped lines at, counted in characters or in display cells."""

    width: int
    by_chars: bool

    def length(self, line: str) -> int:
        """Length of a line in this wrap's measure (an indent counts: it fills the line too)."""
        return len(line.rstrip()) if self.by_chars else display_width(line)

    def full(self, line: str) -> bool:
        """Tell whether a line reaches the wrap width, so it was cut only because the column was full."""
        return self.length(line) >= self.width - (1 if self.by_chars else 3)


def is_markup_line(line: str) -> bool:
    """Tell whether a line is a Markdown heading, list item or line wholly in bold, which never wraps into its neighbour."""
    return bool(_MD_HEADING.match(line.strip()) or _MD_ITEM.match(line) or _MD_BOLD_LINE.match(line.strip()))


def indented(line: str) -> bool:
    """Tell whether a line starts with an indent, the usual mark of a new paragraph."""
    return line.startswith(("\u3000", "  ", "\t"))


def _best_width(lengths: list[int], tolerance: int) -> tuple[int, float] | None:
    """The most common width (within tolerance) of wrapped lines, and the share of lines at it."""
    if len(lengths) < 3:
        return None
    best = max(set(lengths), key=lambda w: (sum(w - tolerance <= x <= w for x in lengths), w))
    share = sum(best - tolerance <= x <= best for x in lengths)
    return (best, share / len(lengths)) if share >= 3 and share >= 0.4 * len(lengths) else None


def wrap_width(groups: list[list[str]]) -> Wrap | None:
    """Return the width OCR hard-wrapped lines at, or None when lines were not wrapped."""
    inner = [line for group in groups if len(group) > 1 for line in group[:-1] if not is_markup_line(line)]
    found = []
    for by_chars, shortest, tolerance in ((True, 10, 1), (False, 20, 3)):
        lengths = [n for n in (Wrap(0, by_chars).length(line) for line in inner) if n >= shortest]
        best = _best_width(lengths, tolerance)
        if best:
            found.append((best[1], by_chars, best[0]))
    if not found:
        return None
    _, by_chars, width = max(found)
    return Wrap(width, by_chars)


def opens_block(text: str) -> bool:
    """Tell whether a line opens a block of its own: a decorative mark, 一是, 一、, （一）, ——."""
    marks = text_rules()["decorative_marks"]
    return text[:1] in marks or any(p.match(text) for p in compiled("paragraph_openers")) or header_label_line(text)


def runs_on(previous: str, line: str, wrap: Wrap | None, indented_paragraph: bool, following: str = "",
            heads_in_two: bool = False, block: str = "", credit_ahead: bool = False) -> bool:
    """Tell whether a line continues the line printed above it (indented_paragraph: that line's block began indented;
    ``following``: the line under it, when known; ``heads_in_two``: the text sets two heads or more of two phrases
    apart by a space between indented paragraphs, see two_phrase_heads; ``block``: the lines above joined so far;
    ``credit_ahead``: a photo's credit stands alone on one of the next two lines)."""
    if is_markup_line(line) or is_markup_line(previous):
        return False
    text = line.strip()
    if text[:1] in text_rules()["line_non_starters"]:
        return True  # no line of its own starts with ， 。 ） ” %
    if text[:1] in "（(" and (reaction := reaction_pattern().match(text)) is not None and reaction.end() == len(text):
        return True  # （掌声） under a speech's sentence: the audience's answer to it
    if header_label_line(text) and (header_label_line(previous.strip()) or previous.startswith(HANGING_INDENT)
                                    or previous.lstrip().startswith(subtitle_marks())
                                    or not (wrap is not None and wrap.full(previous))):
        return False  # 出席：… under 主持：… (or under a line hung from it): a meeting's header line of its own, not 时间：… that a full line wrapped to
    if (presenter_line(text) or _BYLINE_OPENING.match(text)) and previous.lstrip().startswith(subtitle_marks()):
        return False  # ——…工作汇报 | 汇报人：… or 本报记者…: a presenter or byline under the subtitle, a line of its own
    if date_alone(text) and presenter_line(previous.strip()):
        return False  # 汇报人：… | 2024年1月18日: the date under a title page's presenter, a line of its own
    if line.startswith(HANGING_INDENT) and _hung_under(previous, text):
        return True  # 出席：郑宏伟、…、 | 　　　刘海涛、周慧敏: a header line's names go on under a hanging indent
    if ("（" in previous or "(" in previous) and not indented(line) and _closes_open_bracket(previous, text):
        return True  # （图为刚升井的矿工在井口职工书屋挑选 | 图书　许志刚　摄）: a bracket opened above closes here
    if indented_paragraph and indented(previous) and is_photo_credit(previous.strip()):
        return False  # 　　▲…操作。 | 　　　　　　本报记者　王静　摄 | 和工匠…: a credit set in on its own line (pushed right, or
        # at a paragraph's indent) closes its caption; the column's text goes on under it, a line of its own
    if wrap is not None and _wider_caption(text, wrap) and not indented(line) and not _wider(previous, wrap):
        return False  # …古城讲解等专题 | 县妇联工作人员在…讲解（郝丽君　摄）: a photo's caption set wider than the column
    if wrap is not None and _wider_caption(previous.strip(), wrap):
        return False  # … | 培训班15期，…: the column's text goes on under the caption, a line of its own
    if (" " in text or "\u3000" in text) and speaker_line().match(text):
        return False  # 集团公司工会主席　吕振国 under a speech's title: who speaks, a line of its own
    if indented(line) or text[:1] in text_rules()["decorative_marks"] or opens_on_note_mark(text):
        return False  # a footnote (①…, *…) is a line of its own too
    if _item_cut_short(previous) and _FIGURE_OPENING.match(text):
        return True  # （2）……对三星级以上驿站给予⏎2000元至1万元奖补；
    if (addressee_line(text) and not indented_paragraph
            and (_CLAUSE_MARK.search(previous) is None or (wrap is not None and _wider(previous, wrap)))):
        return False  # …工作情况汇报 (a title: no clause in it, or set wider than the column) | 安庆市总工会：: whom a report
        # goes to; not a paragraph's line opened set in (　　县委副书记李明出席会议 | 并讲话，要求各级工会：)
    if _NUMBERED_ITEM.match(text) and previous.rstrip()[-1:] in "；;。！？":
        # 2. …, after an item closed by its mark: a list printed one item a line; not the next of items run in a
        # paragraph a full line cut (…：1.力争…；2.计划…100%； | 3.培训…)
        # (2.…； | 3.…: an item short of the column over the next item is one a line of a list)
        return (wrap is not None and wrap.full(previous) and item_run_in_before(block, text)
                and not (not wrap.full(line) and text[-1:] in "；;" and _next_item(text, following)))
    if text.startswith(subtitle_marks()) and not _CLAUSE_MARK.search(previous):
        return False  # ——香港工会联合会…回顾 under a title line (no mark in it): the subtitle, a line of its own
    if (_ends_sentence(previous) and len(text) <= text_rules()["heading_max_chars"]
            and (not _CLAUSE_MARK.search(text) or _closed_by_stop(text) or (wrap is not None and not wrap.full(line) and _two_part_head(text)
                                                   and not _CUT_SHORT.match(following.lstrip())))
            and any(pattern.match(text) for pattern, _rank in heading_numbering())):
        # （四）做好帮扶救助工作 after a sentence's end: a section's head, though the line above is full; one holding a
        # comma too when it is short itself, made of short parts and ending on a word (二、突出重点群体，法律援助精准有效), and
        # the line under it opens on no number, Latin word or mark: no item's first line a wrap cut short before a long
        # number (二、强化困难职工帮扶，全年为困难职工发放慰问金 | 4658.62万元…), nor an item's last line (（四）…465万元。) (a head closed by 。 holding
        # no other mark nor figure stands alone too: （四）维权服务不断强化。)
        return False
    if (heads_in_two and wrap is not None and _ends_sentence(previous) and not wrap.full(line) and indented(following)
            and _head_of_two_phrases(text)):
        return False  # …其中货车司机2,460名。 | 摸清底数　把工会建到路上 | 　　“…: a bare head between two paragraphs, though the line above is full
    if _caption_number().match(text):
        return False  # …职工在书屋里阅读。 | 图②　…: a photo group's next caption, a line of its own under a full one
    full = wrap is not None and wrap.full(previous)
    if full or not indented_paragraph:
        return full
    # Inside an indented paragraph, after a short line (a page break cut it): an unindented line runs
    # on, unless it stands alone (a heading or byline: short itself, or the line above ends a sentence).
    if opens_block(text):
        return False
    if credit_ahead and _ends_sentence(previous):
        return False  # …发现并纠正问题6个。 | 叙州区总工会工作人员在…办理 | 医疗互助参保手续。 | 通讯员　杨光辉　摄: a caption
    return wrap.full(line) if wrap is not None else not _ends_sentence(previous)


@lru_cache(maxsize=1)
def _caption_number() -> re.Pattern[str]:
    """A photo group's caption number opening a line (text_rules caption_number: 图①　…)."""
    return re.compile(text_rules()["caption_number"])


_BYLINE_OPENING = re.compile("[□■]?(?:本报|本刊|本台|特约)?(?:记者|通讯员|实习生)[ \u3000：:]*[\u4e00-\u9fff]")  # 本报记者　次仁央宗…


def _wider(line: str, wrap: Wrap) -> bool:
    """Tell whether a line is longer than the column's lines (by more than a mark or two)."""
    return wrap.length(line) > wrap.width + 2


def _wider_caption(text: str, wrap: Wrap) -> bool:
    """Tell whether a line is a whole photo's caption closing on its credit in brackets (县妇联工作人员在…（郝丽君　摄）),
    longer than the column's lines: set across the photo, not in the column it was dropped into.  It opens as a
    caption does, on who acts in the photo (text_rules caption_subjects) or a date; a caption's last line does not."""
    opening = text.lstrip(text_rules()["caption_marks"])  # ▲9月22日，…: the mark before the caption's words
    return (text[-1:] in "）)" and _wider(text, wrap)
            and (caption_subjects().search(opening[:CAPTION_OPENING]) is not None or _CAPTION_DATE.match(opening) is not None)
            and photo_credit().search(text) is not None)


CAPTION_OPENING = 8  # characters at a caption's start in which who acts in the photo is named
_CAPTION_DATE = re.compile(r"\d{1,2}月(?:\d{1,2}日)?[，,、]")  # 2月17日，…: the day a photo was taken


@lru_cache(maxsize=1)
def reaction_pattern() -> re.Pattern[str]:
    """The audience's reaction in brackets (text_rules audience_reactions: （掌声）), as a speech's text records it."""
    return re.compile(f"[（(](?:{longest_word_pattern(text_rules()['audience_reactions'])})[）)]")


@lru_cache(maxsize=1)
def speaker_line() -> re.Pattern[str]:
    """A speaker's line: an organisation's post or two (text_rules speaker_posts: 党组书记、主席) and a name after a space."""
    posts = "|".join(re.escape(p) for p in sorted(text_rules()["speaker_posts"], key=len, reverse=True))
    # The name: two to four characters, or two set out wide (陈　静), which no other name could be.
    return re.compile(f"^[{HAN}]{{0,14}}(?:(?:{posts})、)?(?:{posts})[\\s\u3000]+([{HAN}]{{2,4}}|[{HAN}][\u3000 ]{{1,2}}[{HAN}])$")


def speaker_of(text: str) -> str | None:
    """The speaker a speech header's line names as a post and a name (区总工会女职委主任　林美玲), perhaps all in brackets
    or with the date after the name (（…副主席　王立新　2023年3月1日）, …主席　杨振华（2024年12月26日）); None for any other."""
    line = _DATED_SPEAKER.sub("", _BRACKETED.sub(r"\1", text.strip()))
    found = speaker_line().match(line)
    return re.sub(r"[\s\u3000]", "", found.group(1)) if found else None


_BRACKETED = re.compile(r"^[（(](.+)[）)]$")
# The date after a speaker's name, set apart or bracketed (杨振华　2024年12月26日, 杨振华（2024年12月26日）)
_DATED_SPEAKER = re.compile(r"(?:[\s\u3000]+[（(]?|[（(])\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[）)]?$")


def opens_on_bullet(text: str) -> bool:
    """Tell whether a line opens on a bullet: a decorative mark (• ◆ ■) and a space (■执法亮剑 with none is a head's mark)."""
    return text[:1] in text_rules()["decorative_marks"] and text[1:2] in (" ", "\u3000")


BULLET_LINE_MAX = 20  # characters: a slide's text box wraps a point into short lines


def _set_in_under_bullet(point: str, line: str) -> bool:
    """Tell whether a line set in under a bulleted point (spaces or a tab, not a paragraph's full-width indent) is that
    point's text wrapped: the point stops inside a clause (…发展会员3200人，| 完成全年目标…), or the line is short and ends
    no sentence (• 新建基层工会 | 48家).  Under a point that reads whole (★ 存在问题), a sentence is a paragraph."""
    if line[:1] not in " \t":
        return False  # a full-width indent: a paragraph of its own
    end = point.rstrip()[-1:]
    if _TERMINAL_MARK.search(end):
        return False  # a point read whole (…。) has paragraphs under it, not its own text
    if end in "，,、" or (_CLAUSE_MARK.search(point) and end not in "：:；;"):
        return True  # …发展会员3200人，| 完成全年目标…: the point stops inside a clause, however deep the line is set in
    # • 新建基层工会 | 48家, • 全年发展会员： | 3200人: a short line, set in by a few spaces (four is a paragraph's indent)
    text = line.strip()
    few = line[:1] == "\t" or not line.startswith("    ")
    return few and len(text) <= BULLET_LINE_MAX and _TERMINAL_MARK.search(text[-1:]) is None


def said_before_colon(line: str) -> bool:
    """Tell whether a line ends on a verb of saying and its colon (在一旁插话：, 他笑着说：): what follows is said."""
    text = line.rstrip()
    return text[-1:] in "：:" and text[:-1].endswith(tuple(text_rules()["speech_verbs"]))


@lru_cache(maxsize=1)
def subtitle_marks() -> tuple[str, ...]:
    """The marks a subtitle opens on (text_rules subtitle_marks: ——)."""
    return tuple(text_rules()["subtitle_marks"])


PRESENTER_MAX_CHARS = 30  # 汇报人：县总工会主席　李明: a post and a name, never a paragraph


def presenter_line(text: str) -> bool:
    """Tell whether a line names who presents a report (text_rules presenter_labels: 汇报人：…), as a title page does:
    short, and no sentence in it (主讲人：各位职工朋友，大家好！… is the speech itself)."""
    return (len(text) <= PRESENTER_MAX_CHARS and _presenter().match(text) is not None
            and _SENTENCE_INSIDE.search(text) is None)


@lru_cache(maxsize=1)
def _presenter() -> re.Pattern[str]:
    """The text rules' presenter labels and their colon (主 讲 人： set out wide too)."""
    labels = "|".join("[ \u3000]*".join(map(re.escape, label)) for label in text_rules()["presenter_labels"])
    return re.compile(f"(?:{labels})[ \u3000]*[：:]")


_SENTENCE_INSIDE = re.compile("[，。！？；,;!?]")


HANGING_INDENT = "\u3000" * 3  # deeper than a paragraph's indent: a line hung under the one above


LABEL_SPREAD_CHARS = 10  # a header line's label, set out wide to line up with the others, fits in these
_LABEL_SPACES = re.compile("[ \u3000]+")


def header_label_line(text: str) -> bool:
    """Tell whether a line is a meeting's header line (text_rules header_label_patterns: 时间：…, 出席：…)."""
    if "：" not in text[:LABEL_SPREAD_CHARS + 1] and ":" not in text[:LABEL_SPREAD_CHARS + 1]:
        return False  # most lines: no colon where a label's would be
    head = _LABEL_SPACES.sub("", text[:LABEL_SPREAD_CHARS]) + text[LABEL_SPREAD_CHARS:]  # 时　　间：, 主 持 人：
    return any(p.match(head) for p in compiled("header_label_patterns")) or presenter_line(text)


def issue_line(text: str) -> bool:
    """Tell whether a line is a periodical's issue line and nothing else (2024年第1期（总第58期）: text_rules issue_line)."""
    return any(p.fullmatch(text) for p in compiled("issue_line"))


MASTHEAD_NAME_MAX = 8  # characters: a periodical's name is short (栾川工会, 调研与参考); a title is longer


def masthead_over_issue(name: str, line: str) -> bool:
    """Tell whether a line is a periodical's name over its issue line (江城工会 | 2024年第1期): the name short, ending like
    one (text_rules periodical_name_endings), no clause and no title's words in it (periodical_name_not_words: 关于…,
    …会议纪要, 2023年…); the line an issue line and nothing else."""
    return (len(name) <= MASTHEAD_NAME_MAX and name.endswith(tuple(text_rules()["periodical_name_endings"]))
            and _CLAUSE_MARK.search(name) is None and not any(w in name for w in text_rules()["periodical_name_not_words"])
            and issue_line(line))


# A date alone on a line: 2024年1月18日, 二〇二四年一月十八日, 中华民国112年2月18日 (its day may be left out)
_DATE_ALONE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4}|(?:中华民国|民国)\s*\d{2,3})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}"
                         r"\s*月(?P<day>\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日)?")


def date_alone(text: str, with_day: bool = False) -> bool:
    """Tell whether a line is a date and nothing else (2024年1月18日; 2024年1月 too, unless ``with_day``: a
    signature's date gives its day)."""
    found = _DATE_ALONE.fullmatch(text)
    return found is not None and (not with_day or found.group("day") is not None)


HUNG_MAX_CHARS = 20  # a line hung under a header line without a list mark above it: a few names or a post


def _hung_under(previous: str, text: str) -> bool:
    """Tell whether a line set in by a hanging indent goes on with the meeting's header line above it: that line's list
    runs on (it ends on 、 or ，), or this line is short and no sentence (列席：…各县区总工会 | 　　　主席)."""
    if not header_label_line(previous.strip()):
        return False
    return previous.rstrip()[-1:] in "、，," or (len(text) <= HUNG_MAX_CHARS and _TERMINAL_MARK.search(text) is None)


def _closes_open_bracket(previous: str, text: str) -> bool:
    """Tell whether a line closes a bracket the line above left open, full- and half-width brackets counted alike
    (more （ than ） in it, more ） than （ here), the line above ending no sentence."""
    opened = previous.count("（") + previous.count("(") - previous.count("）") - previous.count(")")
    closed = text.count("）") + text.count(")") - text.count("（") - text.count("(")
    return opened > 0 and closed > 0 and not _ends_sentence(previous)


NOTE_MARKS = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")  # a footnote opens on its number
_STARRED_NOTE = re.compile(f"^[*＊][{HAN}“]")  # *全国总工会自2008年起…: a star, then words (not **bold**, not * item)
_NUMBERED_NOTE = re.compile("^(?:注\\s*\\d{1,2}\\s*[：:]|\\[\\d{1,3}\\](?:[ \\u3000]|(?=[《“])))")  # 注1：…, [1] …, [1]《…》: notes and references, numbered


def opens_on_note_mark(text: str) -> bool:
    """Tell whether a block opens like a footnote: on its number (①, 注1：, [1]) or on a star before its words (*全国…)."""
    return text[:1] in NOTE_MARKS or _STARRED_NOTE.match(text) is not None or _NUMBERED_NOTE.match(text) is not None

_OPENING_QUOTES = "“「『\""  # an unindented line opening on one, after 他说：, goes on with the speech
_TERMINAL_MARK = re.compile("[。！？!?]")


_NUMBERED_ITEM = re.compile(r"^\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[、．.](?!\d))")
_CLAUSE_MARK = re.compile("[，。；：！？,;:]")
_DIGIT = re.compile(r"[\d０-９]")
_HAN_END = re.compile(f"[{HAN}]$")
_FIGURE_OPENING = re.compile(r"\d[\d.]*\s*(?![\d.\s]|[年月日])")  # 2000元至…, not a date (2019年，…) opening a paragraph


def _closed_by_stop(text: str) -> bool:
    """Tell whether a line reads as a head closed by 。 (（四）维权服务不断强化。): no other mark and no figure before it."""
    return text[-1:] == "。" and _CLAUSE_MARK.search(text[:-1]) is None and _DIGIT.search(text) is None


def _item_cut_short(line: str) -> bool:
    """Tell whether a line is a numbered list item — （2）, 2. — holding a clause break that stops on a word
    with no mark after it: when the next line opens on a figure, the item's sentence goes on there.  A
    numbered heading stops on a word too, but the paragraph under it opens on words or a date."""
    text = line.rstrip()
    return bool(_NUMBERED_ITEM.match(text)) and "，" in text and _HAN_END.search(text) is not None


HEAD_PART_MAX = 16  # characters of each part of a head split by a comma (一、坚持党建引领，推动工会工作高质量发展)
_CUT_SHORT = re.compile(r"[\dA-Za-z０-９，。、；：！？,.;:%％)）”’》]")  # a line opening so goes on from the one above


def addressee_line(text: str) -> bool:
    """Tell whether a line is a report's addressee (安庆市总工会：, 各县区总工会，市直各产业工会：): short, no sentence in it,
    each body it names apart by commas ending on a body's word (text_rules addressee_ends) before its colon (not
    并讲话，要求各级工会：)."""
    ends = tuple(text_rules()["addressee_ends"])
    return (len(text) <= ADDRESSEE_MAX_CHARS and text[-1:] in "：:" and not _SENTENCE_INSIDE.search(text)
            and all(part.endswith(ends) for part in _COMMA.split(text[:-1])))


def _next_item(text: str, following: str) -> bool:
    """Tell whether the line under an item's line opens on the next item's number (2.… | 3.…)."""
    this, then = _ITEM_NUMBER.match(text), _ITEM_NUMBER.match(following)
    return this is not None and then is not None and then.group(2) is not None and int(then.group(1)) == int(this.group(1)) + 1


ADDRESSEE_MAX_CHARS = 40  # an addressee's line, several bodies apart by commas
_SENTENCE_INSIDE = re.compile("[。！？；;]")
_COMMA = re.compile("[，,]")
# An item's number opening a line (3.…, （3）…), its mark in group 2 when a number's digits do not go on (not 2.5万)
_ITEM_NUMBER = re.compile(r"\s*[（(]?(\d{1,2})([、．.）)](?!\d))?")


def item_run_in_before(block: str, text: str) -> bool:
    """Tell whether the item a line opens on (3.培训…) follows the item before it run into the paragraph being built
    after a colon or a clause's end (…工作：1.力争…；2.计划…；), not opening it."""
    number = _ITEM_NUMBER.match(text)
    if number is None or int(number.group(1)) < 2:
        return False
    before = int(number.group(1)) - 1
    return re.search(rf"[：:；;。](?:[（(]{before}[）)]|{before}[、．.](?!\d))", block) is not None


def _head_of_two_phrases(text: str) -> bool:
    """Tell whether a line reads as a head of two phrases set apart by a space (摸清底数　把工会建到路上, 入会有“礼包”
    服务跟着走): no clause mark, a head's length, each phrase of four characters or more ending on a word, no digit (not
    a signature's issuer and date, two names, a photo's credit 张三摄 or a source 摘自　《…》)."""
    parts = _PHRASE_SPACE.split(text)
    return (len(parts) == 2 and len(text) <= text_rules()["heading_max_chars"] and not _CLAUSE_MARK.search(text)
            and not _NOT_A_HEAD.search(text) and sum(map(len, parts)) >= 2 * PHRASE_MIN
            and all(PHRASE_SHORTEST <= len(part) <= HEAD_PART_MAX and _WORD_END.search(part) for part in parts))


def two_phrase_heads(lines: list[str]) -> bool:
    """Tell whether two lines or more of a block read as heads of two phrases (_head_of_two_phrases), flush over an
    indented line: a layout of such heads, where one such line is more likely a sentence that lost its marks."""
    found = 0
    for line, under in zip(lines, lines[1:]):
        if not indented(line) and indented(under) and _head_of_two_phrases(line.strip()):
            found += 1
            if found >= 2:
                return True
    return False


PHRASE_MIN = 4  # characters of a phrase of a head printed in two (摸清底数), on average
PHRASE_SHORTEST = 3  # …and of its shorter phrase (提标准　让患病职工“助得多”; not two names 王小明　李小红)
_PHRASE_SPACE = re.compile("[ \u3000]+")
_WORD_END = re.compile(f"[{HAN}”」』》）]$")
_NOT_A_HEAD = re.compile("[0-9０-９]|摄$|供图$|^(?:摘自|来源|转自|选自)")


def _two_part_head(text: str) -> bool:
    """Tell whether a line holding a comma reads as a head of short parts, ending on a Chinese character."""
    return _HAN_END.search(text) is not None and all(len(part) <= HEAD_PART_MAX for part in _COMMA.split(text))


_COMMA = re.compile("[，,]")


def _signature_line(lines: list[str]) -> int:
    """Where the issuer's line of a signature closing the lines stands (…建立县级职工帮扶基金。 | 甘谷县总工会 |
    2020年12月10日): a short line of no clause after a sentence's end, over a date alone that ends them; -1 when none."""
    if len(lines) < 3 or not date_alone(lines[-1].strip(), with_day=True):
        return -1
    issuer = lines[-2].strip()
    return len(lines) - 2 if (len(issuer) <= SIGNATURE_MAX_CHARS and not _CLAUSE_MARK.search(issuer)
                              and _ends_sentence(lines[-3])) else -1


SIGNATURE_MAX_CHARS = 24  # an issuer's name on the line over a signature's date


def _ends_sentence(text: str) -> bool:
    """Tell whether a line ends a sentence (。！？ possibly before a closing quote)."""
    end = text.rstrip().rstrip(text_rules()["closing_marks"] + " ")
    return bool(end) and end[-1] in text_rules()["terminal_punctuation"]


_URL_TAIL = re.compile(r"(?:https?://|www\.|[\w.-]+@)[^\s]*$")


def read_twice(previous: str, line: str, wrap: Wrap | None) -> bool:
    """Tell whether a hard-wrapped line is the full line above it read again (a scanner's slip): the same words, ten
    characters or more, filling the column, and ending mid-sentence (a refrain set twice ends its sentence)."""
    return (wrap is not None and line.strip() == previous.strip() and len(han_chars(line)) >= 10
            and wrap.full(previous) and line.rstrip()[-1:] not in "。！？!?")


def join_lines(left: str, right: str) -> str:
    """Glue two wrapped lines: no space between Chinese or digits, one between two Latin words (not inside a URL);
    a hyphen that cut a number at the line end goes (2,9- | 35个 -> 2,935个, 42- | 0元 -> 420元)."""
    left, right = left.rstrip(), right.lstrip()
    if left[-1:] in "-－" and right[:1].isdigit() and left[-2:-1] in "0123456789," and _cut_by_hyphen(left, right):
        return left[:-1] + right
    if left[-1:] == "-" and left[-2:-1].isascii() and left[-2:-1].islower() and right[:1].isascii() and right[:1].islower() \
            and _hyphenated_word(left, right):
        return left[:-1] + right  # Workers' Educa- | tion Centre: an English word hyphenated at the line's end
    latin = left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha()
    return left + (" " if latin and not _URL_TAIL.search(left) else "") + right


_NUMBER_BEFORE = re.compile(r"\d[\d,]*$")  # 16, before a hyphen too (16,- | 800名)
_NUMBER_AFTER = re.compile(r"\d[\d,]*")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


_LATIN_FRAGMENT = re.compile(r"[A-Za-z]+-$")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _hyphenated_word(left: str, right: str) -> bool:
    """Tell whether a hyphen at a line's end cut one English word (Educa- | tion), not a compound (non- | governmental,
    part- | time: text_rules hyphen_prefixes and hyphen_second_words), a web address or a mail address (hkftu- | spark.org.hk)."""
    fragment = _LATIN_FRAGMENT.search(left)
    following = right.split(maxsplit=1)[0] if right.split() else ""
    if fragment is None or _URL_TAIL.search(left) or "." in following.rstrip(".,;:)") or "@" in following:
        return False
    second = _LATIN_WORD.match(right)
    return (fragment.group()[:-1].lower() not in text_rules()["hyphen_prefixes"]
            and (second is None or second.group().lower() not in text_rules()["hyphen_second_words"]))


def _cut_by_hyphen(left: str, right: str) -> bool:
    """Tell whether a hyphen at the end of ``left`` cut one number, not a range (3- | 5个 is 3 to 5): the
    parts make a number grouped by thousands (2,9- | 35), or the part after is smaller than the one before
    (42- | 0元, which no range would say)."""
    before = _NUMBER_BEFORE.search(left[:-1])
    after = _NUMBER_AFTER.match(right)
    if before is None or after is None:
        return False
    first, second = before.group(), after.group()  # 16, | 800: the comma before the hyphen is the number's
    if _GROUPED.fullmatch(first + second) and "," in first + second:
        return True
    return "," not in first + second and int(second) < int(first)


CREDIT_AHEAD = 2  # lines under a flush line within which a photo's credit line makes the flush line a caption's first


def _credit_ahead(lines: list[str], number: int, credits: frozenset[int]) -> bool:
    """Tell whether one of the lines just under line ``number`` is a photo's credit alone (``credits``: their numbers;
    通讯员　杨光辉　摄), the lines between set flush: the line opens a caption over them, not the paragraph above going on."""
    for ahead in range(number + 1, min(number + 1 + CREDIT_AHEAD, len(lines))):
        if ahead in credits:
            return True
        if indented(lines[ahead]):
            return False
    return False


_CREDIT_WORDS = ("摄", "图", "照")  # one of them is in every photo credit line (摄, 摄影, 供图, 图：, 资料照片): the lines worth asking


def unwrap_lines(
    lines: list[str], wrap: Wrap | None, furniture: Callable[[str], bool] = lambda line: False
) -> tuple[list[str], list[str]]:
    """Join lines wrapped only because the column was full; return the lines and page furniture found between."""
    if len(lines) == 1:  # most blocks are one line: nothing to join
        line = lines[0].strip()
        return ([], [line]) if furniture(line) else ([line], [])
    out: list[str] = []
    debris: list[str] = []
    indent_layout = any(indented(line) for line in lines)  # indents, not blank lines, start paragraphs
    previous: str | None = None
    opened_indented = False
    listing = False  # after a line ending on ：, until an item ends on 。: it and each line ending on ； end an item
    bulleted = False  # the line being built opened on a bullet (• ◆ ■) and a space: lines set in under it by spaces
    # (not a paragraph's full-width indent) are its text
    marks = text_rules()["decorative_marks"]
    signed = _signature_line(lines)  # 甘谷县总工会 | 2020年12月10日 closing the text: a line of its own
    heads_in_two = indent_layout and two_phrase_heads(lines)
    credits = frozenset(number for number, line in enumerate(lines)
                        if indent_layout and any(w in line for w in _CREDIT_WORDS) and is_photo_credit(line))
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if furniture(line.strip()):
            if len(out) == 1 and previous is not None and masthead_over_issue(out[0], line.strip()):
                debris.append(out.pop())  # 栾川工会 over 2024年第1期: the periodical's name, not a kicker
            debris.append(line.strip())  # a page break inside a paragraph: the text runs on past it
            continue
        if previous is not None and read_twice(previous, line, wrap):
            debris.append(line.strip())  # a full line the scanner read again under itself: once is the text
            continue
        if bulleted and _set_in_under_bullet(out[-1], line) and line.strip()[:1] not in marks and not _MD_ITEM.match(line):
            out[-1] = join_lines(out[-1], line.strip())  # • 新建基层工会 | 　48家: a bullet's text set in under its mark
            previous = line
            continue
        item_ended = (listing and previous is not None and previous.rstrip()[-1:] in "；;：:"
                      and not (indent_layout and opened_indented and line[:1] in _OPENING_QUOTES
                               and said_before_colon(previous)))  # 他插话：| “师父…: the words said, run on
        if (previous is not None and not item_ended and number != signed
                and runs_on(previous, line, wrap, indent_layout and opened_indented, following, heads_in_two,
                            out[-1] if out else "", bool(credits) and _credit_ahead(lines, number, credits))):
            out[-1] = join_lines(out[-1], line.strip())
        else:
            out.append(line.strip())
            opened_indented = indented(line)
            bulleted = (not opened_indented and opens_on_bullet(line)
                        and not (any(p.match(line[1:].strip()) for p, _rank in heading_numbering())
                                 and _CLAUSE_MARK.search(line) is None))  # ■ 一、组织建设: a head, not a point
        end = line.rstrip()[-1:]
        listing = end in "：:" or (listing and end not in "。！？")
        previous = line
    return out, debris
