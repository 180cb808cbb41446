"""Structure recovery: the decoded text of one report -> a ``Document``.

Reads like the page does: the lead and the title group at the top (kicker, title, subtitle), then the
body, where short blocks become captions (next to a photo gap) or headings, bylines become authors,
and paragraphs broken by the layout are joined again.  Paragraphs and items get ids p1, p2, ...
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from functools import lru_cache

from reportsite.blocks import (
    DATE_GOES_ON,
    DATE_PHRASE,
    Part,
    ends_complete,
    ends_open,
    has_mark,
    cut_runs_on,
    is_cut,
    is_debris_line,
    is_lead_text,
    is_marked_head,
    is_table_caption,
    join_broken_parts,
    join_text,
    lead_label_alone,
    opens_on_stub,
    opens_on_subject,
    photo_gap,
    split_blocks,
    spanning_word,
    starts_paragraph,
    strong_continuation,
)
from reportsite.model import Block, Document, FigureCaption
from reportsite.normalize import HAN, clean_spaces, curly_quotes, han_chars, is_han, normalize_text, repair_characters, repair_digits
from reportsite.places import names_a_place, place_names
from reportsite.review import review_document
from .unwrap import date_alone, header_label_line, opens_on_bullet, opens_on_note_mark, presenter_line, reaction_pattern, speaker_of, subtitle_marks
from .rules import acts_at_start, caption_subjects, heading_numbering, is_photo_credit, media_name_pattern, photo_credit, text_rules, without_translation
from reportsite.bylines import byline_names, close_credit_name, is_byline, opens_on_dateline, take_bylines

# ---------------------------------------------------------------- shapes


# A figure in a block: digits and the unit right after them (48家, 2.8万人次), not a year, month or day
_FIGURE_INSIDE = re.compile(f"(?<!\\d)(?!(?:19|20)\\d\\d(?!\\d))\\d[\\d,.]*[万亿]?(?![年月日号期届\\d,.])[{HAN}%％]")  # not 展望2022　…


def bullet_with_figure(text: str) -> bool:
    """Tell whether a block is a bulleted point holding a figure (• 新建基层工会48家, ◆ 劳动竞赛：开展…36项): a bullet mark,
    a space, then words with a figure among them.  A list item, never a heading (■ 选树先进典型 is one)."""
    body = text.lstrip()
    return opens_on_bullet(body) and _FIGURE_INSIDE.search(body) is not None


def _body_follows(part: Part | None) -> bool:
    """Tell whether a part is a paragraph of body text, no point of a list: unmarked and longer than a heading
    (● 5年建起120个爱心驿站 over one is its section's head, not a point)."""
    return (part is not None and part.kind == "paragraph" and part.text.lstrip()[:1] not in text_rules()["decorative_marks"]
            and len(part.text) > text_rules()["heading_max_chars"])


def strip_marks(text: str) -> str:
    """Remove decorative marks (◎ ■ ●…) printed before a heading."""
    return text.lstrip(text_rules()["decorative_marks"] + " ").strip()


def close_up(text: str) -> str:
    """A heading set out wide, one character apart (简　讯, 工 会 动 态), closed up; words apart stay apart."""
    pieces = text.split()
    return "".join(pieces) if len(pieces) >= 2 and all(len(piece) == 1 and is_han(piece) for piece in pieces) else text


_SENTENCE_INSIDE = re.compile("[。；？！]")
_ENDS_ON_WORD = re.compile(f"[{HAN}A-Za-z0-9”’）》」』】\"')]$")
_CLAUSE_BREAK = re.compile("[，、]")
_TERMINAL = re.compile("[。！？]")


@lru_cache(maxsize=64)
def _pattern(source: str) -> re.Pattern[str]:
    """A pattern of the text rules, compiled once."""
    return re.compile(source)


def heading_shaped(text: str, limit: int | None = None) -> bool:
    """Tell whether a block is short, carries no sentence inside and stops on a word: a heading or caption
    (an English translation in brackets after it does not count: 二、建功立业（Labour and Skills Competitions）)."""
    body = without_translation(strip_marks(text))
    limit = limit or text_rules()["heading_max_chars"]
    if not body or len(body) > limit or ends_complete(body) or ends_open(body):
        return False
    if (_SENTENCE_INSIDE.search(body) or body.startswith("**") or is_table_caption(body)
            or body.startswith(tuple(text_rules()["table_note_openings"]))):  # 注：…, 附件：…: a note, never a heading
        return False
    return bool(_ENDS_ON_WORD.search(body))


def exclaimed_title(text: str) -> bool:
    """Tell whether the first line is a headline that exclaims or asks in its middle (骑手有了“娘家人”！…入会服务再提速,
    as phone pages' titles do): title-shaped but for its ！ or ？ (no 。 or ；, no end on a mark)."""
    return bool(_EXCLAIMED.search(text)) and heading_shaped(_EXCLAIMED.sub("，", text), text_rules()["title_max_chars"])


def open_ended_title(text: str, following: Part | None) -> bool:
    """Tell whether the first line is a headline trailing off (让每一位职工都能读上好书……) over its subtitle or byline:
    a head's length with one comma at most, title-shaped but for its closing ellipsis.  Over the text itself such a
    line is the text's opening (同志们……, 4月23日是世界读书日……)."""
    stem = _TRAILING_ELLIPSIS.sub("", text.strip())
    return (stem != text.strip() and following is not None and following.kind in ("paragraph", "heading")
            and (is_subtitle(following.text) or is_byline(following.text))
            and len(_COMMAS.findall(stem)) <= 1 and heading_shaped(stem))


_EXCLAIMED = re.compile("[！？!?](?![”’」』\"']?$)")  # inside the line, not closing it (“工会就是我们的娘家！”)
_COMMAS = re.compile("[，,]")
_TRAILING_ELLIPSIS = re.compile(r"(?<=[^\s….。，、；：！？!?,;:])(?:…+|\.{3,}|。{3,})$")  # a headline left open: 读上好书……
_BOX_LINE = re.compile("【([^【】]+)】")
_WHOLE_LINE_BOXES = (re.compile(r"\*\*([^*]+)\*\*"), _BOX_LINE)
_RUN_IN_BOX = re.compile(f"【([^【】\\s]{{2,16}})】(?=[^\\s【])")  # a head in 【】 opening its paragraph


def run_in_box_heads(parts: list[Part]) -> list[Part]:
    """Cut a head in 【】 that opens its paragraph (【职工维权】2019年，全市…) into a heading and the paragraph,
    when the text has two such heads or more, run in or on lines of their own: a yearbook's entry heads.
    An editor's note (【编者按】…) is no head."""
    def run_in(part: Part) -> re.Match[str] | None:
        found = _RUN_IN_BOX.match(part.text.strip()) if part.kind == "paragraph" else None
        return found if found and heading_shaped(found.group(1)) and not is_lead_text(part.text) else None

    if not any("【" in part.text for part in parts):
        return parts  # most texts: no box at all
    found = [run_in(part) for part in parts]
    boxes = sum(1 for part, match in zip(parts, found) if match or (part.kind == "paragraph" and boxed_heading(part.text)))
    if boxes < 2 or not any(found):
        return parts
    out: list[Part] = []
    for part, match in zip(parts, found):
        if match is None:
            out.append(part)
            continue
        out.append(Part("heading", match.group(1), part.gap, part.level))
        out.append(Part("paragraph", part.text.strip()[match.end():], 0, part.level))
    return out


def boxed_heading(text: str) -> str | None:
    """The heading a line printed whole in bold or in 【】 holds (**协商质效提升**, 【工会阵地越建越暖】), or None.

    Such a line is a heading wherever it stands, after a photo too; a bold run-in head that ends its
    sentence (**守牢安全底线。**) opens the paragraph that follows it instead.
    """
    for box in _WHOLE_LINE_BOXES:
        found = box.fullmatch(text.strip())
        if found and heading_shaped(found.group(1)):
            return found.group(1).strip()
    return None


def with_credit(caption: str, credit: str) -> str:
    """A caption and the credit printed on the line under it, as one: a space between them where the caption ends on
    no mark and the credit has no brackets (…领取“入会大礼包” 房山区总工会供图), else glued (…入会。本报记者 李想 摄, …阅读（张三 摄）)."""
    caption, credit = caption.rstrip(), credit.strip()
    apart = caption[-1:] not in text_rules()["terminal_punctuation"] and credit[:1] not in "（("
    return f"{caption} {credit}" if apart else f"{caption}{credit}"


def is_caption_text(text: str) -> bool:
    """Tell whether a short block is marked as a photo caption (图为…。, …（张三 摄）), final punctuation or not."""
    rules = text_rules()
    body = text.strip()
    if len(body) > rules["caption_max_chars"] or _TERMINAL.search(_strip_credit(body).rstrip("。！？")):
        return False
    return body.startswith(tuple(rules["caption_markers"])) or bool(photo_credit().search(body))


_FRAMED = re.compile(r"[（(]((?:[^（()）]|[（(][^（()）]*[）)])+)[）)]")  # a position in brackets inside: 图为赵某（左）在…


def numbered_caption(text: str) -> tuple[str, str] | None:
    """A photo group's caption opening on its number (图①　临港工业园…职工在书屋里阅读。: text_rules caption_number), one
    sentence at most and short: its number and its words; or None."""
    body = text.strip()
    number = _pattern(text_rules()["caption_number"]).match(body)
    if number is None or len(body) > text_rules()["caption_max_chars"] or _TERMINAL.search(body.rstrip("。！？")):
        return None
    words = body[number.end():].strip()
    return (number.group().strip(), words) if words else None


def _without_numbers(figures: list[FigureCaption]) -> tuple[list[FigureCaption], list[str]]:
    """The figures with their captions' group numbers (图①) set apart, and those numbers (debris: nothing is lost)."""
    numbered = [numbered_caption(figure.caption) for figure in figures]
    kept = [FigureCaption(found[1], figure.after) if found else figure for figure, found in zip(figures, numbered)]
    return kept, [found[0] for found in numbered if found]


def framed_caption(text: str) -> str | None:
    """The caption inside brackets that frame a whole block (（图为…　张三　摄）): opening on a caption's marker
    (图为) or closing on a photo's credit after words of its own; None for anything else."""
    framed = _FRAMED.fullmatch(text.strip())
    if framed is None:
        return None
    inner = framed.group(1).strip()
    credited = photo_credit().search(inner) is not None and _strip_credit(inner) != ""
    marked = inner.startswith(tuple(text_rules()["caption_markers"]))
    return inner if (marked or credited) and is_caption_text(inner) else None


def is_marked_caption(text: str, scene_captions: bool = False) -> bool:
    """Tell whether a short block opening on a caption mark (▲, △…) is a photo's caption rather than a marked
    heading: at most one sentence, showing a sign of a photo (a date opening it, a position such as （左二）,
    a scene's last word such as 现场: _caption_sign), or a scene alone where the layout makes the mark one of
    captions (``scene_captions``: ◆职工夜校开到车间里 | ▲“夜校讲师团”成员在…讲解果树修剪技术).  The caller rules out
    briefs (BRIEFS_MIN)."""
    body = text.strip()
    if body[:1] not in text_rules()["caption_marks"] or len(body) > text_rules()["caption_max_chars"]:
        return False
    body = strip_marks(body)
    return not _TERMINAL.search(body.rstrip("。！？")) and (
        _caption_sign(body) is not None or ((scene_captions or _closed_scene(body)) and _scene(body)))


def _closed_scene(text: str) -> bool:
    """Tell whether a marked line is one sentence closed by its stop and holding no figure (▲神木市一处“司机之家”里，货车
    司机在休息区用餐。): a photo's caption even alone, where a marked head has no stop and a brief tells its figures.
    Not a summary's point: one opening on 在 names no one a photo shows (▲在全县范围内开展“送温暖”活动。), and a
    photo shows one spot, never a whole place (全县, 各级)."""
    return (text.endswith("。") and not any(c.isdigit() for c in text) and not text.startswith("在")
            and _WHOLE_SCOPE.search(text) is None)


_WHOLE_SCOPE = re.compile("全[省市县区旗镇乡]|各级|各地")  # ▲县总工会在全县开展…活动。: the whole place, no photo's spot


SCENE_MIN = 14  # characters of a caption that shows a scene with no other sign of a photo
_ABSTRACT_IN = re.compile("在[^，。；]{1,12}中")  # 在服务大局中彰显…: a head's 在, no place


def _scene(text: str) -> bool:
    """Tell whether a line shows people somewhere (“夜校讲师团”成员在陕州区一处苹果园为果区职工讲解…): long enough, with 在
    naming a place, not a head's 在…中."""
    return len(text) >= SCENE_MIN and "在" in text and _ABSTRACT_IN.search(text) is None


def _heads_marked_otherwise(parts: list[Part]) -> bool:
    """Tell whether two heads of the text or more open on one decorative mark that is no caption mark (◆, ■, ●)."""
    rules = text_rules()
    others = Counter(p.text.lstrip()[:1] for p in parts if p.kind == "paragraph" and p.text.lstrip()[:1] in rules["decorative_marks"]
                     and p.text.lstrip()[:1] not in rules["caption_marks"] and heading_shaped(p.text))
    return any(count >= 2 for count in others.values())


def _marked_lines_all_scenes(parts: list[Part]) -> bool:
    """Tell whether two lines or more open on a caption mark and every one shows a scene (_scene), in a text with a head
    set bare."""
    rules = text_rules()
    marked = [strip_marks(p.text.strip()) for p in parts if p.kind == "paragraph" and p.text.lstrip()[:1] in rules["caption_marks"]]
    if len(marked) < 2 or not all(_scene(text) for text in marked):
        return False
    # and the text's heads are there, set bare (not ▲-marked heads of a text with no others)
    return any(p.kind in ("paragraph", "heading") and not p.indented and p.text.lstrip()[:1] not in rules["decorative_marks"]
               and heading_shaped(p.text) for p in parts)


def _caption_sign(text: str) -> re.Match[str] | None:
    """A photo's sign in a caption's line (text_rules caption_signs, a position: photo_position, or a scene's last word:
    scene_endings), or None."""
    rules = text_rules()
    return (_pattern(rules["caption_signs"]).search(text) or _pattern(rules["photo_position"]).search(text)
            or _pattern(rules["scene_endings"]).search(text))


def _strip_credit(text: str) -> str:
    """A caption without its photo credit."""
    return photo_credit().sub("", text).rstrip()


def title_like(text: str) -> bool:
    """Tell whether a heading line names who the report is about (a place or an organisation)."""
    return _subject_words().search(text) is not None


@lru_cache(maxsize=1)
def _subject_words() -> re.Pattern[str]:
    """Any subject word of the text rules or place name, as one pattern."""
    words = list(text_rules()["title_subject_words"]) + list(place_names())
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


# ---------------------------------------------------------------- top of the page


def take_lead(parts: list[Part], above_title: bool = True) -> tuple[str | None, list[Part], list[str]]:
    """Take the editor's note (按：…) among the first blocks (its label alone on a line, 【导语】: the paragraph
    under it), or a paragraph printed above the title.  Returns the lead, the rest and a label taken alone."""
    for i, part in enumerate(parts[:4]):
        if part.kind == "paragraph" and is_lead_text(part.text):
            following = parts[i + 1] if i + 1 < len(parts) else None
            if lead_label_alone(part.text) and following is not None and following.kind == "paragraph":
                return following.text, parts[:i] + parts[i + 2 :], [part.text.strip()]  # 【导语】, the lead under it
            return part.text, parts[:i] + parts[i + 1 :], []
        if part.kind == "heading" and part.level > 1 and i > 0:
            break
    if (above_title and len(parts) > 1 and parts[0].kind == "paragraph" and not heading_shaped(parts[0].text)
            and not exclaimed_title(parts[0].text) and not open_ended_title(parts[0].text, parts[1])):
        following = parts[1]
        if (following.kind == "heading" and following.level == 1) or (
            following.kind == "paragraph" and heading_shaped(following.text, text_rules()["title_max_chars"])
        ):
            return parts[0].text, parts[1:], []
    return None, parts, []


TITLE_RUN_MAX = 3  # lines of kicker, title and subtitle at the top of a text, and a dashed subtitle under them


def _title_run(parts: list[Part], photo: int) -> list[Part]:
    """Return the heading lines at the very top: kicker, title and subtitle candidates (at most 3, and a dashed
    subtitle under three)."""
    run: list[Part] = []
    limit = text_rules()["title_max_chars"]
    stories = None  # whether the text is a page of several stories: asked at most once
    for at, part in enumerate(parts[:TITLE_RUN_MAX + 1]):
        if at == TITLE_RUN_MAX and not (part.kind == "paragraph" and is_subtitle(part.text) and part.gap < photo):
            break  # a fourth line only when dashed: 县域工会巡礼 | 让返乡农民工 | 在家门口端稳“饭碗” | ——…纪实
        after_title = any(p.level == 1 for p in run)
        unmarked = (part.kind == "paragraph" and (heading_shaped(part.text, limit) or (at == 0 and (
            exclaimed_title(part.text) or open_ended_title(part.text, parts[1] if len(parts) > 1 else None))))
                    and not has_mark(part.text))
        if (run and part.gap >= photo) or (part.kind == "paragraph" and (
                is_byline(part.text) or header_label_line(part.text) or presenter_line(part.text.strip()))):
            break  # a byline, a meeting's header line (时间：…) or a presenter (汇报人：…) under the title
        if run and ((part.kind == "paragraph" and (_BOX_LINE.fullmatch(part.text.strip()) or numbering_rank(part) is not None))
                    or _opening_section(part)):
            break  # 【概况】, 一、…, 1.1 …, 前言 under the title: the first section's head, not the title's subtitle
        if run and part.kind == "heading" and part.level == 1 and (stories := stories if stories is not None else _page_of_stories(parts)):
            break  # a page of several stories under its banner: the '#' line heads the first story
        if part.kind == "heading" and (not after_title or is_subtitle(part.text) or _names_subject_under(run, part, parts[at + 1:])):
            run.append(part)  # a '##' line under the title: its subtitle when dashed or naming whom it is about
        elif unmarked and (not after_title or is_subtitle(part.text)):
            run.append(part)
        else:
            break
    return run


def _page_of_stories(parts: list[Part]) -> bool:
    """Tell whether a text is a page of several stories, two or more of whose paragraphs open on a dateline (本报讯)."""
    return sum(1 for p in parts if p.kind == "paragraph" and opens_on_dateline(p.text)) >= 2


def _names_subject_under(run: list[Part], part: Part, later: list[Part]) -> bool:
    """Tell whether a heading right under a '#' title that names no subject is its subtitle: unnumbered,
    of any lower level, naming the place or organisation (# 驿站暖人心 互助解民忧 / ## 金水区总工会织密……;
    a kicker may stand above the title), and no other unnumbered heading of its level follows (then it is
    the first of the sections)."""
    if not (run and len(run) <= 2 and run[-1].level == 1 and part.level >= 2 and not title_like(run[-1].text)
            and title_like(part.text) and numbering_rank(part) is None):
        return False
    return not any(p.kind == "heading" and p.level == part.level and numbering_rank(p) is None for p in later)


def is_subtitle(text: str) -> bool:
    """Tell whether a line is printed as a subtitle (——…)."""
    return text.startswith(subtitle_marks())


def _unmark_subtitle(text: str) -> str:
    """Drop the dash printed before a subtitle."""
    return text.lstrip("—-– ").strip()


_SEGMENT_SPACE = re.compile(f"(?<=[{HAN}”」』》）]) +(?=[{HAN}“「『《（])")
_TITLE_BAR = re.compile(r"\s*[｜丨|]\s*")


def title_segments(line: str) -> list[str]:
    """Split a heading line at the spaces between its parts; a space inside quotes (“稳就业 保民生”) stays."""
    cuts = [
        m
        for m in _SEGMENT_SPACE.finditer(line)
        if line[: m.start()].count("“") <= line[: m.start()].count("”")
    ]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(line)]
    return [line[a:b] for a, b in zip(bounds[::2], bounds[1::2]) if line[a:b]]


_COLUMN_TAG = re.compile(r"^【([^【】\s]{2,8})】(?=\S{6})")


_PLACE_BEFORE_COLON = re.compile("^[\u4e00-\u9fff]{2,6}[：:]")  # 包头：…, a headline's place before its words
COUPLET_HALF = (4, 12)  # characters of each half of a title printed as two parallel phrases


def _couplet(first: str, second: str) -> bool:
    """Tell whether two parts of a title line are the two halves of one headline, parallel phrases of one length
    (聚力安全生产　倾心服务职工, 包头：职工书屋“扩容”　职工之家“升级”): no clause mark in either, the first's
    place before a colon set aside; not a slogan over a title, which is longer or shorter than it or shaped otherwise
    (split_title_line has set apart a second half opening a subtitle: 记…)."""
    first = _PLACE_BEFORE_COLON.sub("", first)
    low, high = COUPLET_HALF
    if any(DATE_PHRASE.fullmatch(p) for p in (first, second)):
        return False  # 职工书屋建设情况　二〇二三年十二月: a title and its date
    return (low <= len(first) <= high and low <= len(second) <= high and abs(len(first) - len(second)) <= 1
            and not any(mark in part for part in (first, second) for mark in "，,。；;：:！!？?、")
            # one shape: as many quoted words, and an organisation in both or neither (not 织就共富“幸福网”　柯桥工会答好新考卷)
            and first.count("“") == second.count("“") and bool(_ORGANISATION.search(first)) == bool(_ORGANISATION.search(second)))


_ORGANISATION = re.compile("工会|委员会|联合会|协会|集团|公司")


# A headline opening on where it happened and a colon (阳江：…, 白银：…): what follows the space goes on with it, when what
# stands before the colon is a place's name (places.names_a_place; not 专访：…, 记者手记：…, 喜迎二十大：…, 某区总工会：…).
_DATELINE_TITLE = re.compile(f"^([{HAN}]{{2,6}})：(?=[^\\s])")


def _dateline_title(segments: list[str]) -> tuple[str, str | None] | None:
    """A headline opening on its place and a colon, as one title and the subtitle after it: the parts past the space go on
    with the first, up to one opening as a subtitle does (阳江：驿站升级　歇脚更舒心　记…: 记… is the subtitle); None when the
    first part opens on no place and a colon."""
    opening = _DATELINE_TITLE.match(segments[0])
    if opening is None or not names_a_place(opening.group(1)):
        return None
    openings = tuple(text_rules()["subtitle_openings"])
    end = next((i for i in range(1, len(segments)) if segments[i].startswith(openings)), len(segments))
    return " ".join(segments[:end]), " ".join(segments[end:]) or None


def split_title_line(line: str) -> tuple[str | None, str, str | None]:
    """Split one heading line holding several parts into kicker, title and subtitle.

    The rule: the first part naming who the report is about (a place or an organisation word such as
    工会) is the title; parts before it are the kicker (a slogan printed above), parts after it the
    subtitle.  When no part names a subject, the first part is the title and the rest its subtitle.
    """
    bar = _TITLE_BAR.search(line)
    if bar is not None and bar.start() > 0 and bar.end() < len(line):  # 企业工会风采｜炉火映初心 匠心铸钢魂:
        return line[: bar.start()], line[bar.end():], None  # a column's name, then the title
    tag = _COLUMN_TAG.match(line)
    if tag is not None:  # 【工会维权】潍坊市总工会为外卖骑手撑起…: a column's name in a box before the title
        return tag.group(1), line[tag.end():].strip(), None
    segments = title_segments(line)
    if len(segments) < 2:
        return None, line, None
    if len(segments) == 2 and segments[1].startswith(tuple(text_rules()["subtitle_openings"])):
        return None, segments[0], segments[1]  # 匠心筑梦新时代　记全国劳模张三: the title, then what it is about
    if len(segments) == 2 and _couplet(*segments):  # 聚力安全生产　倾心服务职工: one title in two halves
        return None, " ".join(segments), None
    if (dateline := _dateline_title(segments)) is not None:  # 阳江：“工会驿站”升级　户外劳动者歇脚更舒心: one headline after its place
        return None, *dateline
    subject = next((i for i, s in enumerate(segments) if title_like(s)), 0)
    kicker = " ".join(segments[:subject]) or None
    subtitle = " ".join(segments[subject + 1 :]) or None
    return kicker, segments[subject], subtitle


def title_roles(lines: list[Part]) -> tuple[str | None, str, str | None]:
    """Assign kicker, title and subtitle to the heading lines at the top.

    A line printed after a dash (——…) is a subtitle, never the title.  Of the other lines a '#' line
    is the title, lines above it the kicker; two unmarked lines are kicker and title, unless only the
    first names the subject, which makes the second its subtitle; a lone line holding parts separated
    by a space is split by ``split_title_line``.
    """
    dashed = [_unmark_subtitle(p.text) for p in lines if is_subtitle(p.text)]
    rest = [p for p in lines if not is_subtitle(p.text)]
    if not rest:
        return None, dashed[0], " ".join(dashed[1:]) or None
    texts = [p.text for p in rest]
    if len(texts) >= 2 and _issuer_over_title(texts[0], texts[1]):  # 某县总工会 | 关于表彰… | …的决定: one title
        title, used = texts[0] + texts[1], 2
        while used < len(texts) and _title_tail(title, texts[used]):
            title, used = title + texts[used], used + 1
        if title.endswith(tuple(text_rules()["title_tail_nouns"])) and "，" not in title and "," not in title:
            return None, title, " ".join((*texts[used:], *dashed)) or None  # not 市总工会 | 关于疗休养，这些问题你要知道
    marked = [i for i, p in enumerate(rest) if p.kind == "heading" and p.level == 1]
    if len(texts) == 1:
        kicker, title, subtitle = split_title_line(texts[0])
        if dashed and subtitle:  # the dashed line is the subtitle: the rest of this line is title
            title, subtitle = f"{title} {subtitle}", None
    elif marked:
        i = marked[0]
        kicker, title, subtitle = " ".join(texts[:i]) or None, texts[i], " ".join(texts[i + 1 :]) or None
    elif len(texts) == 3 and dashed and not is_byline(texts[2]):
        # 县域工会巡礼 | 让返乡农民工 | 在家门口端稳“饭碗” | ——…: the dashed line is the subtitle, so the lines above it are
        # the kicker and a title set over two lines
        kicker, title, subtitle = texts[0], join_text(texts[1], texts[2]), None
    elif len(texts) >= 3:
        kicker, title, subtitle = texts[0], texts[1], " ".join(texts[2:])
    elif not dashed and len(texts) == 2 and _title_tail(texts[0], texts[1]) and (
            texts[0].lstrip().startswith("关于") or (title_like(texts[0]) and not title_like(texts[1]))):
        # 郸城县总工会关于2021年度农民工 | 工资维权…的报告, 关于2022年养老服务和社会救助 | 工作情况的报告: one title
        # on two lines, whether or not its first line names an issuer (not a headline over a year's document:
        # 砥砺奋进谱新篇 | 2023年工作总结)
        kicker, title, subtitle = None, texts[0] + texts[1], None
    elif not dashed and title_like(texts[0]) and not title_like(texts[1]):
        kicker, title, subtitle = None, texts[0], texts[1]
    else:
        kicker, title, subtitle = texts[0], texts[1], None
    return kicker, title, " ".join(p for p in (subtitle, *dashed) if p) or None


def _title_tail(first: str, second: str) -> bool:
    """Tell whether a second title line finishes the first: it ends on a document's name (…的报告, 工作总结:
    text_rules title_tail_nouns) and the first ends on no mark, so one title was set over two lines."""
    nouns = tuple(text_rules()["title_tail_nouns"])
    first, second = first.strip(), second.strip()
    if not second.endswith(nouns) or first.endswith(nouns) or _ENDS_ON_WORD.search(first) is None:
        return False
    # 郸城县总工会关于…农民工 | 工资维权…的报告: a 关于 the first line opens and the second closes; or a year's name
    # of the document under its issuer (某县总工会 | 2021年工作总结), or its issuer and year opening the first line and
    # the document's name the second (某区总工会2021年推进…劳动者 | 入会工作总结).  Not a second 关于…的意见 under a headline.
    return (("关于" in first and not second.startswith(("关于", "在"))) or _YEAR_OPENING.match(second) is not None
            or (_ISSUER_YEAR.match(first) is not None and _YEAR_OPENING.search(second) is None
                and not second.startswith(("关于", "在")) and _HEADLINE_DONE.search(first) is None))
    # not 某县总工会2022年…改革 | 关于开展…的通知 (a document of its own), nor a headline's event told whole over a
    # subhead (某市总工会2023年工作会议隆重召开 | 主席张三作工作报告)


_YEAR_OPENING = re.compile(r"(?:19|20)\d\d年")
_HEADLINE_DONE = re.compile(r"(?:召开|举行|举办|开幕|闭幕|启动|成立|落幕|结束)$")  # …工作会议隆重召开: a whole headline
_ISSUER_YEAR = re.compile(r"[\u4e00-\u9fff]{1,12}(?:总工会|工会|委员会)(?:19|20)\d\d年")  # 某区总工会2021年…


def _issuer_over_title(first: str, second: str) -> bool:
    """Tell whether a first title line is the issuer's name alone, set over the rest of its document's title:
    a 关于… line (某县总工会 | 关于表彰…的决定) or a year's document (某工会 | 2021年度会务报告).  Its name then
    opens the title, as such titles are written on one line; it is no kicker."""
    first, second = first.strip(), second.strip()
    if _issuer().fullmatch(first) is None:
        return False
    return second.startswith("关于") or (
        _YEAR_OPENING.match(second) is not None and second.endswith(tuple(text_rules()["title_tail_nouns"])))


_TITLE_DATE = re.compile(f"(?<=[{HAN}”」』》）])[ \t\u3000]+(?:{DATE_PHRASE.pattern})$")


def title_and_date(title: str) -> tuple[str, list[str]]:
    """A title printed with its date after a space (劳动竞赛工作总结　2023年12月): the title, and the date (to debris,
    where the report's date or month is read); a title without one, and nothing."""
    found = _TITLE_DATE.search(title)
    if found is None:
        return title, []
    return title[: found.start()], [found.group().strip()]


def take_title(parts: list[Part], photo: int) -> tuple[tuple[str | None, str, str | None], list[Part]]:
    """Take the title group from the top of the page."""
    run = _title_run(parts, photo)
    if not run:
        return (None, "", None), parts
    kicker, title, subtitle = title_roles(run)
    return (kicker, strip_marks(title), subtitle), parts[len(run) :]


# ---------------------------------------------------------------- captions and headings


def _starts_with_stub(text: str) -> bool:
    """Tell whether a block opens on a one-character clause (筹，实施…): the tail of a broken sentence."""
    return opens_on_stub(text) and not starts_paragraph(text)


def _heading_like(part: Part | None, photo: int) -> bool:
    """Tell whether a part reads as a heading that is not itself after a photo."""
    if part is None:
        return False
    if part.kind == "heading":
        return True
    return part.kind == "paragraph" and part.gap < photo and heading_shaped(part.text)


def classify_short_blocks(parts: list[Part], photo: int) -> list[Part]:
    """Decide for each short unpunctuated block: caption, heading, or half of a broken paragraph."""
    out: list[Part] = []
    taken = 0  # lines after this one a caption took (the rest of its words, its photo credit)
    # how many blocks open on each caption mark: a run of briefs (▲3月，…) when several do, not photos' captions
    caption_marks = text_rules()["caption_marks"]
    marks = Counter(p.text.lstrip()[:1] for p in parts if p.kind == "paragraph" and p.text.lstrip()[:1] in caption_marks)
    # a ▲ line may show a scene with no other sign of a photo where the text's heads open on another mark, or where two
    # lines or more open on it and every one shows a scene (a mark of captions, not of heads)
    scene_captions = bool(marks) and (_heads_marked_otherwise(parts) or _marked_lines_all_scenes(parts))
    appendix = False  # in a list of appendices (附件：1．…), whose numbered lines are its items, not headings
    layout = _Layout(parts)  # asked only of the few short lines that reach its branches
    closed_heads = closed_subheads(parts)
    for i, part in enumerate(parts):
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        previous = out[-1] if out else None
        if taken:
            taken -= 1
            continue
        appendix = part.kind == "paragraph" and (_APPENDIX_LIST.match(part.text) is not None or (appendix and (
            _unnumbered(part.text) != part.text or _APPENDIX_ITEM.match(part.text) is not None)))
        if appendix:
            out.append(part)
            continue
        if (part.kind == "paragraph" and nxt is not None and nxt.kind == "table" and nxt.gap <= 1
                and _unnumbered(part.text) == part.text and not has_mark(part.text)):
            bold = _WHOLE_LINE_BOXES[0].fullmatch(part.text.strip())  # **表1　…**: the words, not the bold
            out.append(Part("paragraph", bold.group(1).strip(), part.gap, part.level) if bold else part)  # a table's title: it names the table below, it heads no section
        elif (part.kind == "paragraph" and previous is not None and previous.kind == "paragraph"
              and (reaction := reaction_pattern().fullmatch(part.text.strip())) is not None):
            out[-1] = Part(previous.kind, previous.text + reaction.group(), previous.gap, previous.level, previous.indented)
            # （掌声） on a line of its own under a speech's paragraph: the audience's answer to it, no heading
        elif part.kind == "paragraph" and (boxed := boxed_heading(part.text)) is not None:
            out.append(Part("heading", boxed, part.gap, part.level))
        elif part.kind == "paragraph" and is_subtitle(part.text) and previous is not None and previous.kind == "paragraph":
            out.append(part)  # ——江岸区总工会女职工委员会主任 张丽: who said the words above, not a heading
        elif (part.kind == "paragraph" and is_subtitle(part.text) and previous is not None and previous.kind == "heading"
              and nxt is not None and nxt.kind == "paragraph" and not _SENTENCE_INSIDE.search(part.text)):
            out.append(Part("heading", part.text, part.gap, min(heading_rank(previous) + 1, 6)))
            # 第三部分 展望“十四五” | ——访…常务副主席王立新: the section's own subtitle, a head under it (a sentence, a
            # speaker's words ——“工会就是我们的娘家人。”…说。, stays text)
        elif (part.kind == "paragraph" and nxt is not None and nxt.kind == "paragraph" and nxt.gap == 0
              and (third := parts[i + 2] if i + 2 < len(parts) else None) is not None and third.kind == "paragraph"
              and third.gap == 0 and is_photo_credit(third.text) and not is_photo_credit(nxt.text)
              and heading_shaped(part.text) and heading_shaped(nxt.text) and not has_mark(part.text)
              and _unnumbered(part.text) == part.text and not opens_on_subject(nxt.text)  # 职工在…: a caption of its own
              and is_caption_text(words := f"{join_text(part.text, nxt.text.strip())}{third.text.strip()}")):
            out.append(Part("caption", words, part.gap, part.level))
            taken = 2  # 台儿庄区…职工在“车间书吧”里 | 利用午休时间阅读 | （王志强/摄）: a caption over two lines, then its credit
        elif (part.kind == "paragraph" and nxt is not None and nxt.kind == "paragraph" and nxt.gap == 0
              and is_photo_credit(nxt.text) and part.text.lstrip()[:1] in caption_marks
              and is_marked_caption(part.text, scene_captions=True)  # the credit under it makes a scene enough
              and marks.get(part.text.lstrip()[:1], 0) < BRIEFS_MIN):
            out.append(Part("caption", f"{strip_marks(part.text)}{nxt.text.strip()}", part.gap, part.level))
            taken = 1  # ▲刘振华（右二）和工作室成员在调试… | （某市总工会供图）: a marked caption, its credit alone under it
        elif (part.kind == "paragraph" and nxt is not None and nxt.kind == "paragraph" and nxt.gap < photo
                and is_photo_credit(nxt.text) and not has_mark(part.text) and _unnumbered(part.text) == part.text
                and (heading_shaped(part.text) or (nxt.gap == 0 and is_caption_text(f"{part.text}{nxt.text.strip()}") and (
                    _caption_sign(part.text) is not None or part.text.lstrip().startswith(tuple(text_rules()["caption_markers"]))
                    or (previous is not None and previous.kind == "paragraph" and is_cut(previous.text))
                    or _set_apart_over_credit(part, nxt, previous, layout.indents_tell))))):
            out.append(Part("caption", with_credit(part.text, nxt.text), part.gap, part.level))
            taken = 1  # a caption line (a sentence with a photo's sign at most), then its credit on a line of its own; a
            # bare scene (no mark, no stop) over its credit as far apart as the text's blocks are (a converter's blank lines)
        elif (part.kind == "paragraph" and nxt is not None and nxt.kind == "paragraph" and nxt.gap == 0
                and not ends_complete(part.text) and not is_photo_credit(nxt.text) and photo_credit().search(nxt.text.strip())
                and _caption_runs_on(part.text, nxt.text) and is_caption_text(joined := join_text(part.text, nxt.text.strip()))):
            out.append(Part("caption", strip_marks(joined), part.gap, part.level))
            taken = 1  # ▲…随队医生为 | 职工测量血压。（孙兆丰　摄）: a caption over two lines, its credit closing the second
        elif (part.kind == "paragraph" and nxt is not None and nxt.kind == "paragraph" and nxt.gap == 0
              and _scene_over_two_lines(part, nxt, previous, parts[i + 2] if i + 2 < len(parts) else None, layout)):
            out.append(Part("caption", join_text(part.text.strip(), nxt.text.strip()), part.gap, part.level))
            taken = 1  # 配电抢修技能比武中，选手在进行低压带电 | 接火操作: a caption with no credit, wrapped
        elif part.kind == "paragraph" and (scenes := _scenes_inside_cut(parts, i, previous, layout)):
            out.extend(_as(p, "caption") for p in parts[i : i + scenes])
            taken = scenes - 1  # …充电插座、 | 某驿站里，外卖骑手在休息充电 | 某园“司机之家”内，工会干部为司机办理… | 应急药箱等设施。
        elif (part.kind == "paragraph" and previous is not None and previous.kind == "caption" and part.gap < photo
              and is_photo_credit(part.text) and photo_credit().search(previous.text.strip()) is None):
            out[-1] = Part("caption", with_credit(previous.text, part.text), previous.gap, previous.level)
            # 图为…。 | 张　三　供图: a caption standing alone, its credit on the next line set apart as the text's blocks are
        elif part.kind == "paragraph" and header_label_line(part.text):
            out.append(part)  # 时间：2022年6月8日上午9时: a meeting's header line, no heading
        elif part.kind == "paragraph" and numbered_caption(part.text) is not None:
            out.append(_as(part, "caption"))  # 图①　…: one of a photo group's captions (its number goes at the end)
        elif part.kind == "paragraph" and (framed := framed_caption(part.text)) is not None:
            out.append(Part("caption", framed, part.gap, part.level))  # （图为…　张三　摄）: the words, not the frame
        elif part.kind == "paragraph" and (is_caption_text(part.text) or (
                part.text.lstrip()[:1] in caption_marks
                and is_marked_caption(part.text, scene_captions and (previous is None or previous.kind != "heading"))
                and marks.get(part.text.lstrip()[:1], 0) < BRIEFS_MIN
                and not _same_mark(previous, part) and not _same_mark(nxt, part))):
            out.append(Part("caption", strip_marks(part.text), part.gap, part.level))  # ▲图为…: the mark goes
        elif part.kind == "paragraph" and bullet_with_figure(part.text) and not (
                _body_follows(nxt) and not _same_mark(parts[i - 1] if i else None, part)):  # a lone bullet over body text heads it
            out.append(Part("item", strip_marks(part.text), part.gap))  # • 新建基层工会48家: a slide's point, no heading
        elif part.kind == "paragraph" and _flush_scene(part, previous, nxt, layout):
            out.append(_as(part, "caption"))  # …码头，公司工会组织的岸桥司机技能比武现场。 flush between set-in paragraphs
        elif part.kind == "paragraph" and _bare_scene(part, previous, nxt, layout):
            out.append(_as(part, "caption"))  # …纺织企业的女职工在“职工书屋”挑选图书, flush between set-in paragraphs of a report without heads
        elif i in closed_heads:
            out.append(_as(part, "heading"))  # （一）建组织，扩覆盖。 over its section's text: a subhead closed by 。
        elif part.kind != "paragraph" or not heading_shaped(part.text):
            out.append(part)
        elif (nxt is not None and nxt.kind == "paragraph" and nxt.gap < photo
              and ((not is_marked_head(part.text) and _set_inside_cut(previous, part) and cut_runs_on(previous.text, nxt.text))
                   or _inside_a_flush_cut(previous, part, nxt, layout))
              and not spanning_word(part.text.rstrip(), nxt.text.lstrip())):
            out.append(Part("caption", strip_marks(part.text), part.gap, part.level))  # 提出合理化建 | 县总工会…培训班 | 议560条: the cut sentence runs on across it
            # (or the block under it goes on flush where paragraphs open set in: …企业回应 | 惠农区…面对面协商 | 要约并完成协商，…)
        elif (nxt is not None and nxt.kind == "paragraph" and nxt.gap < photo and _starts_with_stub(nxt.text)
                and not is_marked_head(part.text)):  # 以“根治欠薪…” after ■执法亮剑：… opens on a word, not a stub
            if _set_inside_cut(previous, part):
                out.append(_as(part, "caption"))  # …开展“职工读书月” | 区总工会…读书分享会 | 和“书香邢台”…
            else:
                out.append(part)  # the next block finishes its sentence: a broken paragraph, not a heading
        elif has_mark(part.text) or _unnumbered(part.text) != part.text:
            out.append(_as(part, "heading"))
        elif part.indented and layout.indents_tell and (rest := _past_photo(parts, i + 1)) is not None and not rest.indented:
            out.append(part)  # 　　在水城区一处 | 建筑工地上，…: a paragraph's first words, set in, cut off at a column's foot
        elif (len(part.text) >= CAPTION_IN_MARKED_LAYOUT and is_han(part.text[:1]) and layout.heads_marked
              and not any(c.isdigit() or c in "，。、；：！？:;," for c in part.text) and caption_subjects().search(part.text[:8])
              and _SCENE.search(part.text, 2) is not None):
            out.append(_as(part, "caption"))  # heads all open on ◆: an unmarked line telling who does what is a photo's caption
        elif all(date_alone(p.text.strip()) or _AFTER_SIGNATURE.match(p.text.strip()) for p in parts[i:]) or (
                date_alone(part.text.strip()) and nxt is not None and DATE_GOES_ON.match(nxt.text.lstrip()) is not None):
            out.append(part)  # dates, address or contact lines closing the text, or a date its sentence goes on from (…日 | 上午，…)
        elif part.gap >= photo:
            out.append(_as(part, "caption"))
        elif previous is not None and previous.kind == "caption" and (nxt is None or _heading_like(nxt, photo)):
            out.append(_as(part, "caption"))  # a second caption line under the first
        elif all(p.kind == "paragraph" and heading_shaped(p.text) for p in parts[i + 1 :]):
            out.append(_as(part, "caption"))  # nothing follows that a heading could introduce
        elif (_CLAUSE_BREAK.search(_unnumbered(part.text)) and not (
                layout.indents_tell and not part.indented and _head_of_two_halves(part.text)
                and previous is not None and previous.kind == "paragraph" and ends_complete(previous.text)
                and nxt is not None and nxt.kind == "paragraph" and nxt.indented and layout.bare_heads)):
            # an unmarked line with a clause break is a sentence, or half of one; but not flush between a finished
            # paragraph and one set in, where paragraphs are set in and heads are not (建得多，更要建得好: a head)
            out.append(part)
        else:
            out.append(_as(part, "heading"))
    return out


BRIEFS_MIN = 3  # blocks opening on one caption mark from which they are a report's briefs, not captions
CAPTION_IN_MARKED_LAYOUT = 14  # characters from which an unmarked line among heads that all open on one mark is a caption
HEAD_WITH_CLAUSE_MAX = 16  # characters of a flush line with a clause break that may be a head where indents tell
_PLACE_WORDS = ("内", "里", "上", "前", "旁", "边", "外", "中", "下")  # 驿站内, 车间里: where a scene is set
_COMMA_HALVES = re.compile("([^，,、；;：:]{2,})[，,]([^，,、；;：:]{2,})")  # 建得多，更要建得好: two halves, one comma between


CLOSED_HEAD_MAX = 18  # characters past its number of a subhead closed by 。 (（一）强化组织领导，压实工作责任。)
_CLOSED_HEAD_INSIDE = re.compile("[。；;：:！？!?0-9０-９]")  # no sentence, list, figure nor announcement inside


def closed_subheads(parts: list[Part]) -> set[int]:
    """The numbered lines that are subheads closed by a full stop, as a government summary sets them
    (（一）建组织，扩覆盖。 | 全年新建基层工会组织86家，…): a numbered line of its own, short, one stop closing it and no
    figure, over a block of text that opens on no number.  Two such lines of one numbering at least, so a list's last
    item closed by 。 under items closed by ； (…4.代办入会和法律咨询； | 5.发放防疲劳驾驶应急包。) heads nothing."""
    found: dict[int, list[int]] = {}
    for i, part in enumerate(parts[:-1]):
        text = part.text.strip()
        if part.kind != "paragraph" or text[:1] not in _NUMBERING_OPENERS or not text.endswith("。"):
            continue
        family = next((n for n, (pattern, _rank) in enumerate(heading_numbering()) if pattern.match(text)), None)
        rest = _unnumbered(text)[:-1]
        nxt = parts[i + 1]
        if (family is None or not 2 <= len(rest) <= CLOSED_HEAD_MAX or _CLOSED_HEAD_INSIDE.search(rest)
                or nxt.kind != "paragraph" or _unnumbered(nxt.text.strip()) != nxt.text.strip()):
            continue
        found.setdefault(family, []).append(i)
    return {i for indices in found.values() if len(indices) >= 2 for i in indices}


def _head_of_two_halves(text: str) -> bool:
    """Tell whether a short flush line holding one comma reads as a head of two halves (建得多，更要建得好), not as
    a sentence whose stop was lost: no figure, no quotation opening its second half, no scene (驿站内，骑手们在休息充电), no sentence's opening
    word before the comma (对此，…; 同志们，…) and no word of saying ending it (小王说，…)."""
    text = text.strip()
    halves = _COMMA_HALVES.fullmatch(text)
    if halves is None or len(text) > HEAD_WITH_CLAUSE_MAX or any(c.isdigit() for c in text):
        return False
    first, second = halves.groups()
    rules = text_rules()
    return (not first.startswith(tuple(rules["sentence_openers"])) and not first.endswith(tuple(rules["speech_verbs"]))
            and not second.lstrip().startswith(("“", '"', "「"))  # 小王说，“…”: words said
            and not (first.endswith(_PLACE_WORDS) and _SCENE.search(second) is not None))  # 驿站内，骑手们在休息: a scene


CAPTION_FIRST_LINE = 18  # characters from which a caption's first line holding a clause break is longer than a head


def _caption_runs_on(first: str, second: str) -> bool:
    """Tell whether a line stopping mid-sentence and the line under it, closing on a photo's credit, are one caption:
    the first opens on a caption's mark (▲) or 图为, leaves a bracket open that the second closes (《集体 | 合同》),
    holds a clause break, as no head does, or a photo's sign (（左二）, a date opening it); a word spanning the break
    is no sign (工会帮扶显真情 | 志愿者为…);
    never a numbered or marked head over a caption."""
    first = first.strip()
    if first[:1] in text_rules()["caption_marks"] or first.startswith("图为"):
        return True
    if has_mark(first) or _unnumbered(first) != first:
        return False
    return (any(first.count(o) > first.count(c) for o, c in ("《》", "“”", "（）"))
            or (len(first) >= CAPTION_FIRST_LINE and _CLAUSE_BREAK.search(first) is not None)  # …资料，工会干部在一旁 | 为他们…
            or first.endswith(("，", "、"))  # 工会干部向职工发放宣传资料， | 讲解…: no head ends on a comma
            or _caption_sign(first) is not None)  # 罗建华（左二）和…: a photo's sign


def _past_photo(parts: list[Part], at: int) -> Part | None:
    """The first paragraph from ``at`` on that is no photo's caption or credit (a caption line over its credit
    goes too), or None when another kind of block or nothing comes first."""
    while at < len(parts) and parts[at].kind == "paragraph":
        text = parts[at].text
        if is_caption_text(text) or is_photo_credit(text):
            at += 1
        elif at + 1 < len(parts) and parts[at + 1].gap == 0 and is_photo_credit(parts[at + 1].text):
            at += 2
        else:
            return None if starts_paragraph(text) else parts[at]
    return None


# Who acts where or for whom (工作人员在快递网点为快递员…): a photo's scene, not a head's claim (…成为…港湾, …是…)
_SCENE = re.compile("在|[给向]|(?<![成作因认])为(?!.*(?:成为|是))")


class _Layout:
    """What a text's layout tells, worked out the first time a short line asks."""

    def __init__(self, parts: list[Part]) -> None:
        self._parts = parts

    @functools.cached_property
    def indents_tell(self) -> bool:
        """Paragraphs are set in and heads are not (_indents_tell)."""
        return _indents_tell(self._parts)

    @functools.cached_property
    def heads_shown(self) -> bool:
        """Some head is marked up, numbered or marked: the layout tells its heads by more than a short flush line."""
        return any(p.kind == "heading" or (p.kind == "paragraph" and (has_mark(p.text) or _unnumbered(p.text) != p.text))
                   for p in self._parts)

    @functools.cached_property
    def bare_heads(self) -> bool:
        """Some short line set flush with no clause break stands between a finished paragraph and one set in:
        a head as this layout prints its heads."""
        parts = self._parts
        placed = [p for i, p in enumerate(parts[1:-1], start=1)
                  if p.kind == "paragraph" and not p.indented and heading_shaped(p.text)
                  and parts[i - 1].kind == "paragraph" and ends_complete(parts[i - 1].text)
                  and parts[i + 1].kind == "paragraph" and parts[i + 1].indented]
        # one with no clause break, or two of two halves each (建得多，更要建得好 | 管得好，更要用得好)
        return (any(not _CLAUSE_BREAK.search(p.text) for p in placed)
                or sum(1 for p in placed if _head_of_two_halves(p.text)) >= 2)

    @functools.cached_property
    def heads_marked(self) -> bool:
        """Every head opens on one decorative mark (◆…), at least two of them, and none is marked up as a heading."""
        marks = [p.text.lstrip()[:1] for p in self._parts if p.kind == "paragraph" and is_marked_head(p.text)]
        return len(marks) >= 2 and len(set(marks)) == 1 and not any(p.kind == "heading" for p in self._parts)

    @functools.cached_property
    def headless(self) -> bool:
        """No block is a head: none is marked up as a heading, marked or numbered, and every other short line
        set flush is a photo's caption, its credit, or a scene (_scene_subject)."""
        for p in self._parts:
            if p.kind == "heading" or (p.kind == "paragraph" and (has_mark(p.text) or _unnumbered(p.text) != p.text)):
                return False
            text = p.text.strip()
            if (p.kind == "paragraph" and not p.indented and heading_shaped(text) and not is_caption_text(text)
                    and not is_photo_credit(text) and not (_scene_subject().match(text) and len(text) >= CAPTION_IN_MARKED_LAYOUT)):
                return False  # 志愿者在行动: a scene too short for a caption is a head
        return True


def _indents_tell(parts: list[Part]) -> bool:
    """Tell whether the layout sets its paragraphs in and its heads not: most paragraphs of sentences are
    indented (two at least), and no numbered or marked head is.  Then a short line set in opens a paragraph."""
    sentences = [p for p in parts if p.kind == "paragraph" and _CLAUSE_BREAK.search(p.text)]
    indented = sum(p.indented for p in sentences)
    heads = [p for p in parts if p.kind == "heading" or (p.kind == "paragraph" and (has_mark(p.text) or _unnumbered(p.text) != p.text))]
    return indented >= 2 and indented * 2 >= len(sentences) and not any(p.indented for p in heads)


# A photo's scene on one line: where (…里，…内，) then who does what there (外卖骑手在休息充电: _SCENE), no final stop.
_SCENE_LINE = re.compile("[^，,。；！？]{2,24}[里内上中前旁边][，,]([^，,。；！？]{4,})")
SCENES_INSIDE_MAX = 2  # photos' captions set one after another inside a cut paragraph


def _scenes_inside_cut(parts: list[Part], at: int, previous: Part | None, layout: _Layout) -> int:
    """How many lines from ``at`` are photos' captions without a credit set inside the cut paragraph before them: each a
    scene (_SCENE_LINE) of a caption's length, set flush where paragraphs are set in, and the block after them finishes
    the cut paragraph (flush, opening as no paragraph does, nor on who acts or when).  0 when they are not."""
    if previous is None or previous.kind != "paragraph" or not is_cut(previous.text):
        return 0
    limit = text_rules()["caption_max_chars"]
    count = 0
    while (at + count < len(parts) and count < SCENES_INSIDE_MAX and parts[at + count].kind == "paragraph"
           and not parts[at + count].indented and len(line := parts[at + count].text.strip()) <= limit
           and (scene := _SCENE_LINE.fullmatch(line)) is not None and _SCENE.search(scene.group(1)) is not None):
        count += 1
    rest = parts[at + count] if at + count < len(parts) else None
    if not count or rest is None or rest.kind != "paragraph" or not layout.indents_tell or rest.indented:
        return 0
    if rest.text.lstrip()[:1] in _RUNS_ON or strong_continuation(parts[at + count - 1].text, rest.text):
        return 0  # …工会干部为农民工送上绿豆汤 | 和防暑药品，…: the line goes on in the block after it, no caption
    return count if not starts_paragraph(rest.text) and not opens_on_subject(rest.text) else 0


_RUNS_ON = "和及与并、"  # a block opening on one goes on from the line before it


def _flush_scene(part: Part, previous: Part | None, nxt: Part | None, layout: "_Layout") -> bool:
    """Tell whether a block is a photo's caption without a credit set flush among paragraphs set in: one sentence of a
    caption's length closing on a scene's last word (text_rules scene_endings: …技能比武现场。), after a paragraph that
    is whole and before one set in (or the end)."""
    text = part.text.strip()
    return (not part.indented and len(text) <= text_rules()["caption_max_chars"]
            and _pattern(text_rules()["scene_endings"]).search(text) is not None
            and _pattern(text_rules()["scene_not_caption"]).search(text) is None
            and not _TERMINAL.search(text.rstrip("。")) and layout.indents_tell
            and previous is not None and previous.kind == "paragraph" and previous.indented and not is_cut(previous.text)
            and (nxt is None or (nxt.kind == "paragraph" and nxt.indented)))


def _bare_scene(part: Part, previous: Part | None, nxt: Part | None, layout: "_Layout") -> bool:
    """Tell whether a block is a photo's caption with no credit, mark or stop, in a report that shows no head: one line of
    a caption's length telling who does something where (_scene_subject: …企业的女职工在“职工书屋”挑选图书), set flush
    between whole paragraphs set in (or before the end)."""
    text = part.text.strip()
    return (not part.indented and CAPTION_IN_MARKED_LAYOUT <= len(text) <= text_rules()["caption_max_chars"]
            and is_han(text[:1]) and not any(c.isdigit() or c in _CLAUSE_MARKS for c in text)
            and (scene := _scene_subject().match(text)) is not None and len(text) - scene.end() >= 4
            and _HEAD_FRAME.search(text, scene.end() - 1) is None and layout.indents_tell and layout.headless
            and previous is not None and previous.kind == "paragraph" and previous.indented and ends_complete(previous.text)
            and (nxt is None or (nxt.kind == "paragraph" and nxt.indented)))


_CLAUSE_MARKS = frozenset("，。、；：！？:;,")  # no head nor bare caption line holds one


@lru_cache(maxsize=1)
def _scene_subject() -> re.Pattern[str]:
    """Who acts in a photo (text_rules caption_subjects) then where (职工在…, 志愿者们正在…), from a line's start on; not
    as a head's aim (让一线职工在…, 使…: what a section sets out to do)."""
    return re.compile(f"(?:(?!引导|推动|帮助|促进|鼓励|动员|号召|激励|带领|团结|支持|保障|确保|助力|广大|全体|各级|基层)[^让使为])*?(?:{caption_subjects().pattern})们?正?在(?!线)")


_HEAD_FRAME = re.compile("在[^在]{1,12}中(?!心)")  # 在劳动竞赛中比学赶超: a head's frame, not a photo's place


_OPEN_ENDS = ("在", "为", "给", "向", "对", "把", "将", "的", "和", "与", "及", "进行", "开展", "正在")
SCENE_SECOND_LINE_MAX = 12  # characters of a wrapped caption's second line, its last words


def _scene_over_two_lines(first: Part, second: Part, previous: Part | None, after: Part | None,
                          layout: "_Layout") -> bool:
    """Tell whether two lines set flush, one under the other, are a photo's caption with no credit wrapped over them
    (配电抢修技能比武中，选手在进行低压带电 | 接火操作; 图为…，哺乳期女职工在 | 这里休息): the first opens on 图为 or is
    a caption's first line holding a clause break, the second a few words with no mark at all, the two one scene of a
    caption's length with no stop, between a whole paragraph and one set in (or a heading, or the end); a first line
    without 图为 only where paragraphs are set in and heads are not."""
    top, rest = first.text.strip(), second.text.strip()
    words = f"{top}{rest}"
    return (not first.indented and not second.indented
            and (top.startswith(tuple(text_rules()["caption_markers"]))  # 图为 tells, however the layout sets paragraphs
                 or (layout.indents_tell and len(top) >= CAPTION_FIRST_LINE and _CLAUSE_BREAK.search(top) is not None))
            and not has_mark(top) and _unnumbered(top) == top
            and 2 <= len(rest) <= SCENE_SECOND_LINE_MAX and not any(c in _CLAUSE_MARKS for c in rest)
            and len(words) <= text_rules()["caption_max_chars"] and not _TERMINAL.search(words)
            and not any(c.isdigit() for c in words) and _SCENE.search(words) is not None and _HEAD_FRAME.search(words) is None
            # the layout shows its heads otherwise (a short bare line is none of them), or the first line cannot end
            and (layout.heads_shown or top.endswith(_OPEN_ENDS))
            and previous is not None and previous.kind == "paragraph" and ends_complete(previous.text)
            and (after is None or after.kind == "heading" or (after.kind == "paragraph" and after.indented)))


def _same_mark(other: Part | None, part: Part) -> bool:
    """Tell whether another block opens on the mark this one opens on (▲…, ▲…: a run of briefs or items)."""
    return other is not None and other.text.lstrip()[:1] == part.text.lstrip()[:1]


def _inside_a_flush_cut(previous: Part | None, part: Part, nxt: Part, layout: "_Layout") -> bool:
    """Tell whether a flush line stands inside a paragraph cut off, where paragraphs open set in: the paragraph above
    stops mid-sentence and the block under the line goes on flush (…今年已有180家企业回应 | 惠农区一家…面对面协商 |
    要约并完成协商，…).  No head parts a sentence: what stands there is a photo's caption."""
    return (layout.indents_tell and previous is not None and previous.kind == "paragraph" and is_cut(previous.text)
            and not heading_shaped(previous.text) and not part.indented and not nxt.indented
            and is_han((opening := part.text.lstrip(text_rules()["caption_marks"]))[:1]) and not has_mark(opening)
            and _CLAUSE_BREAK.search(part.text) is None  # ▲ may open it: a caption's mark
            and _unnumbered(part.text) == part.text and not starts_paragraph(nxt.text)
            and not strong_continuation(previous.text, part.text))


def _set_inside_cut(previous: Part | None, part: Part) -> bool:
    """Tell whether a short unnumbered line, before a block that finishes a sentence (和“书香…), was set
    inside the cut paragraph above it (a photo's caption with no credit): that paragraph is cut, is a
    paragraph's length, and does not run on into this line (no word across the break)."""
    return (previous is not None and previous.kind == "paragraph" and is_cut(previous.text)
            and not heading_shaped(previous.text) and _unnumbered(part.text) == part.text
            and not strong_continuation(previous.text, part.text) and caption_subjects().search(part.text[:8]) is not None)


def _as(part: Part, kind: str) -> Part:
    """The part read as another kind (dataclasses.replace, without its generic cost)."""
    return Part(kind, part.text, part.gap, part.level)


def _unnumbered(text: str) -> str:
    """A heading's text without its numbering (一、 （一） 1.)."""
    if text[:1] not in _NUMBERING_OPENERS:
        return text  # most blocks: no numbering can open on their first character
    for pattern, _ in heading_numbering():
        text = pattern.sub("", text)
    return text


# The characters text_rules heading_numbering's patterns open on (checked by a test).
_NUMBERING_OPENERS = frozenset("第一二三四五六七八九十（(0123456789壹贰叁参肆伍陆柒捌玖拾")


def heading_rank(part: Part) -> int:
    """Rank of a heading before normalising: its Markdown level, or its numbering (一、 > （一） > 1.)."""
    if part.level:
        return part.level
    rank = numbering_rank(part)
    return 2 if rank is None else rank + 1


def heading_levels(parts: list[Part]) -> dict[int, int]:
    """Map the heading ranks used in the body onto one hierarchy: sections 2, subsections 3, ..."""
    ranks = sorted({heading_rank(p) for p in parts if p.kind == "heading"})
    return {rank: min(2 + n, 6) for n, rank in enumerate(ranks)}


# ---------------------------------------------------------------- assembly


def numbering_rank(part: Part) -> int | None:
    """The rank of a heading's numbering (一、 before （一）), or None when it has none."""
    text = strip_marks(part.text)
    return next((rank for pattern, rank in heading_numbering() if pattern.match(text)), None)


def nested_headings(parts: list[Part]) -> dict[int, int]:
    """Headings with neither a level nor a number (■ 让劳模精神进校园) that sit inside numbered sections:
    index -> rank of the numbered section holding them.

    When such a heading stands between two sections numbered alike (二、… ■ … 三、…), it and the other
    unnumbered headings between the first and the last numbered section are subsections, and so are those
    after the last one printed with the same mark; otherwise they are sections.
    """
    ranks, sections = _outline(parts)
    if sum(rank is not None for rank in ranks.values()) < 2:
        return {}
    loose = [i for i, rank in ranks.items() if rank is None and not parts[i].level and i > sections[0]]
    between = [i for i in loose if i < sections[-1]]
    if not between:
        return {}
    marks = {parts[i].text[:1] for i in between if has_mark(parts[i].text)}
    # After the last numbered section only those printed with the same mark (■) are its subsections: a
    # closing heading (2020年工作打算) is a section of its own.
    nested = [i for i in loose if i < sections[-1] or parts[i].text[:1] in marks]
    return {i: heading_rank(parts[max(s for s in sections if s < i)]) for i in nested}


def closing_sections(parts: list[Part], nested: dict[int, int]) -> dict[int, int]:
    """Headings with neither a level nor a number after the last numbered section, not nested in it
    (新的一年 新的征程 after 四、…): sections beside the numbered ones, not above them.  index -> the
    sections' rank.  Such a heading with numbered sections after it (工作回顾 before 一、…) heads them, but for a
    document's opening section named by a word alone (前言 before 一、…: text_rules opening_section_words), their sibling."""
    ranks, sections = _outline(parts)
    if not sections:
        return {}
    last = sections[-1]
    closing = [i for i, rank in ranks.items() if rank is None and not parts[i].level and i > last and i not in nested]
    closing += [i for i, rank in ranks.items() if rank is None and not parts[i].level and i < sections[0]
                and _opening_section(parts[i])]
    return {i: heading_rank(parts[last]) for i in closing}


def _opening_section(part: Part) -> bool:
    """Tell whether a line names a document's opening section by a word alone (前言, 引言: text_rules
    opening_section_words), marks aside."""
    return part.kind in ("paragraph", "heading") and strip_marks(part.text).strip() in text_rules()["opening_section_words"]


def _outline(parts: list[Part]) -> tuple[dict[int, int | None], list[int]]:
    """Each heading's numbering rank by index (None when unnumbered), and the indices of the sections
    numbered at the top rank (一、 when there is no 第一部分), in order."""
    ranks = {i: numbering_rank(p) for i, p in enumerate(parts) if p.kind == "heading"}
    numbered = [rank for rank in ranks.values() if rank is not None]
    top = min(numbered, default=None)
    return ranks, [i for i, rank in ranks.items() if rank is not None and rank == top]


def shallowest_marks_as_sections(parts: list[Part]) -> list[Part]:
    """The parts, the '#' levels of their headings raised so the shallowest is a section's (2): a report whose heads are
    marked ### (or one of them is, beside bold and bare heads of its rank, the first head marked) has no deeper heads for
    it.  Not when a heading is numbered (a marked ### （一） may sit under bare 一、 sections), nor when the first head is
    not marked (a bold section over ### subheads), unless the one head marked is cut as all the others are (_parallel)."""
    heads = [part for part in parts if part.kind == "heading"]
    lift = min((part.level for part in heads if part.level), default=2) - 2
    if lift <= 0 or any(numbering_rank(part) is not None for part in heads) or not (heads[0].level or _parallel(heads)):
        return parts  # **建会入会** over ### 货车司机…: bare or bold sections, their subheads marked
    return [Part(p.kind, p.text, p.gap, p.level - lift) if p.kind == "heading" and p.level else p for p in parts]


def _parallel(heads: list[Part]) -> bool:
    """Tell whether one head alone of three or more is marked and every head is cut alike: two phrases apart by a space,
    the first phrases of one length (**抱团发展　产业…** **延链增值　农产品…** ### 利益联结　群众…): a feature's heads of
    one rank, one of them set with another mark, not a subhead."""
    if len(heads) < 3 or sum(1 for part in heads if part.level) != 1:
        return False
    cuts = [re.split(r"[ \u3000]+", strip_marks(part.text).strip()) for part in heads]
    return all(len(halves) == 2 for halves in cuts) and len({len(halves[0]) for halves in cuts}) == 1


def marked_numbering_levels(parts: list[Part]) -> list[Part]:
    """The parts, the numbered headings printed without '#' given the level that a '#' gives the same
    numbering elsewhere in the report (## 一、… then 二、… are both level 2, and （一） under them level 3):
    a report that marks some of its headings only.  A converter may mark one of a numbering's headings a level
    off (## 一、… ### 二、… ## 三、…): the level most of that numbering's marked headings have wins."""
    seen: dict[int, Counter[int]] = {}
    for part in parts:
        if part.kind == "heading" and part.level and (rank := numbering_rank(part)) is not None:
            seen.setdefault(rank, Counter())[part.level] += 1
    if not seen:
        return parts
    # the most common level of each numbering; a tie goes to the level seen first (Counter keeps that order)
    marked = {rank: levels.most_common(1)[0][0] for rank, levels in seen.items()}
    out = []
    for part in parts:
        if part.kind == "heading" and part.level and (rank := numbering_rank(part)) is not None:
            if seen[rank][part.level] < seen[rank][marked[rank]]:
                part = Part(part.kind, part.text, part.gap, marked[rank])
        elif part.kind == "heading" and not part.level and (rank := numbering_rank(part)) is not None:
            above = [n for n in marked if n <= rank]
            nearest = max(above) if above else min(marked)  # a numbering above every marked one: over them
            level = marked[nearest] + rank - nearest
            if 2 <= level <= 6:
                part = Part(part.kind, part.text, part.gap, level)
        out.append(part)
    return out


def story_headlines_as_siblings(parts: list[Part]) -> list[Part]:
    """The parts, on a page of several stories, each story's headline (a heading over a paragraph opening on a
    dateline: # 内江：… | 本报讯…; ## 眉山：… | 本报讯…) made a section whatever its mark: the stories are siblings, however
    the page set their headlines ('#', '##', bold, plain).  Other pages' parts as they are."""
    if not _page_of_stories(parts):
        return parts
    headlines = []
    for at, part in enumerate(parts):
        following = next((p for p in parts[at + 1:] if p.kind != "caption"), None)
        if (part.kind == "heading" and part.level and numbering_rank(part) is None and following is not None
                and following.kind == "paragraph" and opens_on_dateline(following.text)):
            headlines.append(at)
    top = min((parts[at].level for at in headlines), default=0)
    if any(p.kind == "heading" and top < p.level <= 2 for at, p in enumerate(parts) if at not in headlines):
        return parts  # a story's own subhead marked ## under '#' headlines (# 内江：… | ## 建会): unmarked headlines would
        # leave it a section beside them (### subheads stay under bare ones); the marks already nest them
    out = list(parts)
    for at in headlines:
        out[at] = Part(parts[at].kind, parts[at].text, parts[at].gap, 0, parts[at].indented)
    return out


def assemble(parts: list[Part]) -> tuple[list[Block], list[FigureCaption]]:
    """Number paragraphs and items p1, p2, ...; captions point at the paragraph they follow."""
    parts = marked_numbering_levels(shallowest_marks_as_sections(parts))
    nested = nested_headings(parts)
    closing = closing_sections(parts, nested)
    # Nested and closing headings take their sections' levels: their own rank takes no level.
    levels = heading_levels([p for i, p in enumerate(parts) if i not in nested and i not in closing])
    blocks: list[Block] = []
    figures: list[FigureCaption] = []
    last_id: str | None = None
    numbered = 0  # paragraphs and items so far
    for index, part in enumerate(parts):
        if part.kind == "caption":
            figures.append(FigureCaption(caption=clean_spaces(close_credit_name(part.text), keep_between_han=True), after=last_id))
        elif part.kind == "table":
            blocks.append(Block("table", part.text))
        elif part.kind == "heading":
            if index in nested:
                level = min(levels[nested[index]] + 1, 6)
            else:
                level = levels[closing.get(index, heading_rank(part))]
            blocks.append(Block("heading", close_up(clean_spaces(strip_marks(part.text), True)), level=level))
        else:
            numbered += 1
            last_id = f"p{numbered}"
            # A mark opening a paragraph (■3月8日，…) is a news brief's bullet.
            blocks.append(Block(part.kind, strip_marks(clean_spaces(part.text)), id=last_id, indented=part.indented))
    return blocks, figures


# A document's or a series' number on a line of its own (〔2022〕5号, 蚌工〔2022〕5号, [2021]第3期)
_NUMBER_LINE = re.compile(r"[\u4e00-\u9fff]{0,10}\s*[〔［\[【]\s*(?:19|20)\d\d\s*[〕］\]】]\s*(?:第\s*)?\d{1,4}\s*[号期]")
MASTHEAD_MAX_LINES = 5  # lines over a document's number: the body's name, the document's kind, a security line


def take_masthead_over_number(parts: list[Part]) -> tuple[list[str], list[Part]]:
    """The masthead of a document in a numbered series (蚌 埠 市 总 工 会 | 会 议 纪 要 | 〔2022〕5号): the short lines
    at the top down to the number's line, as debris; the title is under them.  Nothing when no such number heads
    the text."""
    for at, part in enumerate(parts[:MASTHEAD_MAX_LINES + 1]):
        text = part.text.strip()
        if at and _NUMBER_LINE.fullmatch(text):
            return ([p.text.strip() for p in parts[:at + 1]], parts[at + 1:]) if at + 1 < len(parts) else ([], parts)
        if part.kind not in ("paragraph", "heading") or not _masthead_line(text):
            return [], parts
    return [], parts


_SPREAD_OUT = re.compile(f"(?:[{HAN}][ \u3000]+){{2,}}[{HAN}]")  # 江 城 市 总 工 会: a name set out wide


def _masthead_line(text: str) -> bool:
    """Tell whether a line over a document's number reads as its masthead: a name set out wide, a document's kind
    (text_rules masthead_endings: …文件, 会议纪要, 简报), an issuer's name; never a title (关于…的决定)."""
    return (_SPREAD_OUT.fullmatch(text) is not None or text.endswith(tuple(text_rules()["masthead_endings"]))
            or _issuer().fullmatch(text) is not None)


def source_line_authors(debris: list[str]) -> list[str]:
    """The names of a byline carried by a repost's source line after the paper's name (来源：包头日报　记者　王　丽
    　通讯员　张志强), a web page's meta line or a repost's card (…，作者杨春燕): the line is furniture, its writers the
    report's."""
    for line in debris:
        found = _source_byline().match(line)
        if found is not None and is_byline(found.group(1)):
            return byline_names(found.group(1))
    for line in debris:  # a web page's line of when and where from naming the writer (…　来源：湘潭日报　作者：胡婷　浏览次数：1286)
        found = _META_AUTHOR.search(line) if _META_OPENING.match(line) else None
        if found is not None and (names := [n for n in byline_names(found.group(1)) if _META_NO_PERSON.search(n) is None]):
            return names
    for line in debris:  # a repost's card naming the source's writer (以下文章来源于甘肃工人报 ，作者杨春燕)
        found = _CARD_AUTHOR.match(line.strip())
        if (found is not None and _META_NO_PERSON.search(found.group(2)) is None
                and _CARD_NO_PERSON.search(found.group(2)) is None
                and found.group(2) not in found.group(1) and found.group(1).strip() not in found.group(2)):
            return [found.group(2)]  # not the account itself (以下文章来源于安吉发布 ，作者安吉发布)
    return []


# a repost's card: the source account, then 作者 and one person's name (not an account's: …报, …网, …台, …刊)
_CARD_AUTHOR = re.compile(r"^以下文章来源于([^。！？，,]{1,24})[，,]\s*作者[：:]?\s*([\u4e00-\u9fff·]{2,4})(?<![报网台刊])$")
# …nor a news service's or an account's (新华社, 央视新闻, 某某发布, 学习强国, 中国工运)
_CARD_NO_PERSON = re.compile("(?:社|新闻|发布|在线|头条|快讯|强国|工运|工惠|视点|观察|之声|之家|e家|融媒|客户端|号)$")


# 作者 of a web page naming no person: no one (佚名, 本站), or a department or body (办公室, 宣传部, 市总工会)
_META_NO_PERSON = re.compile("^(?:佚名|匿名|本站|本网|小编|管理员|网站管理员|编辑)$|^.{2,}(?:部|室|科|处|办|站|中心|组|局)$|(?:工会|委)$")


# a page's line of when and where from, its date perhaps bare before the labels (2022-08-16 09:32　来源：…)
_META_OPENING = re.compile(r"(?:(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d\d(?::\d\d)?)?\s+)?"
                           "(?:发布时间|发布日期|发稿时间|更新时间|时间|来源|信息来源)[：:]")
# 作者 in it, the names up to the next label or the line's end (a name of two spread out: 胡　婷)
_META_AUTHOR = re.compile(r"(?:^|\s)作者[：:]\s*((?:本报|本台)?(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{1,4}"
                          r"(?:[ \u3000、，,]+[\u4e00-\u9fff·]{1,4})*?)(?=\s+\S{2,6}[：:]|\s*$)")


@lru_cache(maxsize=1)
def _source_byline() -> re.Pattern[str]:
    """A source line, the paper's name, then the rest of the line (a byline, perhaps)."""
    return re.compile(f"^(?:来源|稿件来源|信息来源)[：:｜|]\\s*(?:{media_name_pattern()})[ \t\u3000]+(\\S.*)$")


def recover_document(text: str) -> Document:
    """Recover title, kicker, subtitle, lead, authors, captions and body blocks from one report's text."""
    text, fixed = repair_characters(normalize_text(text))
    parts, debris = split_blocks(text)
    debris += [f"OCR：{fix}" for fix in fixed]  # 己→已: what was read, and what it was made, each time
    # A table's cells keep the spaces around its bars; letters read for digits in a number a hard wrap cut (1,O4 | 6名)
    # are read once the lines are joined.
    parts = [Part(p.kind, curly_quotes(p.text) if p.kind == "table" else clean_spaces(curly_quotes(repair_digits(p.text)), keep_between_han=True),
                  p.gap, p.level, p.indented) for p in parts]
    parts = [p for p in parts if p.text]
    if parts and _issuer().fullmatch(parts[0].text.strip()) and any(  # a document's number: 沂职调字[2021]2号
            line.endswith("号") and is_debris_line(line) and _line_above(text, parts[0].text.strip(), line)
            for line in debris[:6]):  # the issuer's letterhead over it (under it, the name opens the title)
        debris, parts = [parts[0].text.strip(), *debris], parts[1:]
    masthead, parts = take_masthead_over_number(parts)
    parts, contents = take_contents(parts)
    debris = masthead + debris
    photo = photo_gap(parts)
    parts, signature = take_signature(parts)
    lead, parts, lead_label = take_lead(parts)
    speakers, header_debris, parts = take_speech_header(parts)
    writers, affiliation, parts = take_journal_byline(parts)
    speakers, header_debris = speakers + writers, header_debris + affiliation
    (kicker, title, subtitle), parts = take_title(parts, photo)
    title, title_date = title_and_date(title)
    subtitle, subtitle_date = title_and_date(subtitle) if subtitle else (subtitle, [])
    if subtitle and DATE_PHRASE.fullmatch(subtitle.strip()):
        subtitle, subtitle_date = None, [subtitle.strip()]  # 劳动竞赛工作总结　二〇二三年十二月: the title's date, set apart from it
    debris += title_date + subtitle_date
    kicker = boxed_heading(kicker) or kicker if kicker else kicker  # 【“十三五”回眸】: the words, not the box
    if kicker and _SPACES_IN_TITLE.sub("", kicker) in {_SPACES_IN_TITLE.sub("", line) for line in debris}:
        debris, kicker = [kicker, *debris], None  # the pages' running head, printed above the title too
    if lead is None:
        lead, parts, lead_label = take_lead(parts, above_title=False)
    alone = [p.kind in ("paragraph", "heading") and p.text.lstrip()[:1] in "【[" and lead_label_alone(p.text) for p in parts]
    if any(alone):  # 【主持人】（周斌） further on: a script's label over the host's words, no heading
        lead_label = lead_label + [p.text.strip() for p, label in zip(parts, alone) if label]
        parts = [p for p, label in zip(parts, alone) if not label]
    parts = story_headlines_as_siblings(_caption_under_photo_byline(parts))  # while their datelines are there
    authors, byline_debris, parts = take_bylines(parts)
    authors = speakers + [name for name in authors if name not in speakers] or source_line_authors(debris)
    parts, repeated = _without_title_again(parts, title, kicker)
    parts = join_broken_parts(classify_short_blocks(run_in_box_heads(parts), photo))
    # a number a caption or a folio cut (达到l8 | ▲… | 6个) is whole only now: its letters are read again
    parts = [Part(p.kind, repair_digits(p.text), p.gap, p.level, p.indented) if p.kind == "paragraph" else p for p in parts]
    if lead is None:  # an editor's note set further down, inside a paragraph the layout cut
        note = next((i for i, p in enumerate(parts) if p.kind == "paragraph" and is_lead_text(p.text)), None)
        if note is not None:
            lead, parts = parts[note].text, parts[:note] + parts[note + 1:]
    blocks, figures = assemble(parts)
    figures, numbers = _without_numbers(figures)
    doc = Document(
        title=title,
        blocks=blocks,
        subtitle=subtitle,
        kicker=kicker,
        lead=clean_spaces(lead) if lead else None,
        authors=authors,
        figures=figures,
        debris=debris + lead_label + header_debris + byline_debris + repeated + contents + signature + numbers,
    )
    doc.review = review_document(doc)
    return doc


_CONTENTS_HEAD = re.compile(r"目\s*录|目\s*次|CONTENTS|Contents")
_ENTRY_EDGES = re.compile(r"^[\d\s.．、]+|[\s.．…·]*\d*$")  # an entry's number and its page: 01 …, …… 3


def take_contents(parts: list[Part]) -> tuple[list[Part], list[str]]:
    """Take a table of contents out of the body (to debris): a 目录 (or CONTENTS) line and the short lines under it
    that name parts printed further on (一、组织建设 …… 3), as a report's or a slide deck's contents do.  Nothing
    when no such line heads a list of entries found again below."""
    at = next((i for i, p in enumerate(parts[:12]) if _CONTENTS_HEAD.fullmatch(p.text.strip().strip("#* "))), None)
    if at is None:
        return parts, []
    texts = [p.text.strip().strip("#* ") for p in parts]
    limit = text_rules()["heading_max_chars"]
    # entries are found again as headings, never inside a paragraph: only short parts are compared
    entries = [_ENTRY_EDGES.sub("", t) if len(t) <= limit else None for t in texts]
    end, taken = at + 1, set()
    while end < len(parts):
        entry = entries[end]
        if entry in taken:
            break  # the first entry printed again: the body starts here
        if _CONTENTS_HEAD.fullmatch(texts[end]) or (entry and any(
                later is not None and later.startswith(entry) for later in entries[end + 1:])):
            taken.add(entry)
            end += 1
            continue
        break
    if end - at < 2:
        return parts, []
    return parts[:at] + parts[end:], [p.text.strip() for p in parts[at:end]]


def take_signature(parts: list[Part]) -> tuple[list[Part], list[str]]:
    """Take the signature a work report ends with out of the body: the date on a line of its own
    (2020年1月6日, 二〇二〇年一月六日), perhaps under the issuer's name (新化县总工会).  Returns the rest and
    the lines taken (debris, where the date is read)."""
    # The date ends the text, or comes before an appendix (附表、附件) printed after the signature, or before the lines
    # naming who drafted the report or whom to ask (（执笔：…）, （联系人：…　联系电话：…）), which stay after it.
    at = next((i for i in range(len(parts) - 1, -1, -1) if parts[i].kind == "paragraph"
               and date_alone(parts[i].text.strip(), with_day=True)
               and not (i and parts[i - 1].text.rstrip().endswith(("：", ":")))  # not 比赛时间为： | 2021年5月20日
               and (i == len(parts) - 1 or parts[i + 1].text.lstrip("#* ").startswith(_APPENDIX)
                    or _after_listed_appendices(parts, i)
                    or (not _heads_a_section(parts[i - 1] if i else None)  # not 一、比赛时间 | 2021年5月20日 | 地址：…
                        and i and (ends_complete(parts[i - 1].text) or _issuers_line(parts[i - 1].text))
                        and all(_AFTER_SIGNATURE.match(p.text.strip()) or opens_on_note_mark(p.text.strip())
                                for p in parts[i + 1:])))), None)  # the notes printed under it ([1]《…办法》…) too
    if at is None:  # no date: the issuer's name alone closing the text (…实现“一站式”结算。 | 国网荆州供电公司工会)
        last = parts[-1] if parts else None
        if (last is not None and last.kind == "paragraph" and len(parts) > 1 and _issuer().fullmatch(last.text.strip())
                and _NO_SIGNATURE.search(last.text) is None):
            return parts[:-1], [last.text.strip()]
        return parts, []
    end = at
    for _ in range(2):  # the issuer, perhaps with the seal of whoever signs for it (（…代章）) under it
        issuer = parts[end - 1] if end else None
        if issuer is None or issuer.kind != "paragraph" or not _issuers_line(issuer.text):
            break
        end -= 1
    return parts[:end] + parts[at + 1:], [part.text.strip() for part in parts[end:at + 1]]


def _after_listed_appendices(parts: list[Part], at: int) -> bool:
    """Tell whether a date stands under its issuer right after the text's list of appendices (附件：1.…名单 | 2.…名单 |
    东营市总工会 | 2024年12月26日): a document's signature, set before the appendices it listed, whatever their heads.
    The text under the date must be those appendices: an 附件/附表 line or the name of one listed (2024年度…名单); a
    list in mid-text with more of the text's own sections under its date (三、竞赛要求) is no signature of the end."""
    if at < 2 or not _issuers_line(parts[at - 1].text):
        return False
    window = max(0, at - 1 - APPENDIX_ITEMS_MAX)
    first = next((k for k in range(window, at - 1) if _APPENDIX_LIST.match(parts[k].text)), None)
    if first is None:
        return False
    names = {"".join(han_chars(_LISTED_NUMBER.sub("", p.text))) for p in parts[first:at - 1]} - {""}
    return any(p.text.lstrip("#* ").startswith(_APPENDIX) or any(name in "".join(han_chars(p.text)) for name in names)
               for p in parts[at + 1:at + 3])


_LISTED_NUMBER = re.compile(r"^\s*(?:附[件表]\s*[：:])?\s*\d{1,2}\s*[.．、]?")  # 附件：1．, 2.: an item's number


APPENDIX_ITEMS_MAX = 6  # lines of a document's list of appendices above its signature (附件：1.… 2.… 3.…)


def _issuers_line(text: str) -> bool:
    """Tell whether a line names one issuer or several set apart by spaces (洮南市总工会　洮南市人力资源和社会保障局: a
    report issued jointly), and nothing else."""
    names = text.split()
    return bool(names) and all(_issuer().fullmatch(name) is not None for name in names)


def _heads_a_section(part: Part | None) -> bool:
    """Tell whether a part is a heading, marked or numbered (一、比赛时间, **报名方式**): what follows it is its section's, a
    date under it no signature."""
    return part is not None and (part.kind == "heading" or has_mark(part.text) or _unnumbered(part.text) != part.text)


# Words of a headline or a caption (召开, 走进, 图为, 在…), not of an issuer's name closing a report.
_NO_SIGNATURE = re.compile("^图为|召开|举办|开展|走进|成立|启动|表彰|举行|选举|[在和与]")
_APPENDIX = ("附表", "附件", "附：", "附:")
_AFTER_SIGNATURE = re.compile(r"[（(]?\s*(?:执笔|撰稿|起草|联系人|联系电话|承办人|报名地址|地址|邮编|电子邮箱|邮箱|传真)人?\s*[：:]")  # …, what closes a report under its signature
_APPENDIX_LIST = re.compile(r"\s*附[件表]\s*[：:]\s*\d")  # 附件：1．…: a list of the appendices, item by item
_APPENDIX_ITEM = re.compile(r"\s*\d{1,2}\s*[.．、]")  # 2.2020年度…名单: an appendix's number, a year after it


def _line_above(text: str, upper: str, lower: str) -> bool:
    """Tell whether the first line reading ``upper`` (spaces around it aside) comes before the first reading ``lower``."""
    lines = [line.strip() for line in text.split("\n")]
    return upper in lines and lower in lines and lines.index(upper) < lines.index(lower)


@lru_cache(maxsize=1)
def _issuer() -> re.Pattern[str]:
    """An organisation's name on a line of its own above a signature's date (新化县总工会, 澳门工会联合总会理事会,
    柳州市工人文化宫), or the seal signed for it (（贵阳市总工会劳动和经济工作部代章）)."""
    last = re.escape(text_rules()["issuer_last_characters"])
    return re.compile(f"[{HAN}]{{3,30}}[{last}]|[（(][{HAN}]{{2,40}}(?:代章|盖章)[）)]")


@lru_cache(maxsize=1)
def _photo_role() -> re.Pattern[str]:
    """A byline role naming a writer who took the photos too (text_rules photo_byline_roles: 文/图, 图/文…)."""
    roles = sorted(text_rules()["photo_byline_roles"], key=len, reverse=True)
    return re.compile("|".join(r"\s*[/／]\s*".join(map(re.escape, role.split("/"))) for role in roles))


def _caption_under_photo_byline(parts: list[Part]) -> list[Part]:
    """A short line right under a byline whose writer took the photos (文/图　本报记者　罗文斌), before the
    text begins, is the first photo's caption (小吃店员在协商会上举手表决), not a heading."""
    for i, part in enumerate(parts[:-2]):
        if part.kind == "paragraph" and is_byline(part.text) and _photo_role().search(part.text):
            line, after = parts[i + 1], parts[i + 2]
            if (line.kind == "paragraph" and heading_shaped(line.text) and not has_mark(line.text)
                    and _unnumbered(line.text) == line.text and after.kind == "paragraph"
                    and not heading_shaped(after.text)):
                return parts[: i + 1] + [Part("caption", line.text, line.gap, line.level)] + parts[i + 2:]
            break
    return parts


def take_speech_header(parts: list[Part]) -> tuple[list[str], list[str], list[Part]]:
    """Take a work report's speech header out of the title group: the date it was given, bracketed on a
    line of its own (（2023年1月10日）), perhaps under the issuer's name (山西省总工会), and its speaker as a post
    and a name (区总工会女职委主任　林美玲; in brackets with the date too), all before the first sentence.  Returns
    the speakers' names, the lines taken (debris) and the rest."""
    speakers: list[str] = []
    taken: list[str] = []
    kept: list[Part] = []
    for index, part in enumerate(parts):
        text = part.text.strip()
        if part.kind in ("paragraph", "heading"):
            # （区总工会党组书记、副主席　王立新　2023年3月1日）: the speaker and the date in one bracketed line
            speaker = speaker_of(text)
            following = parts[index + 1].text.strip() if index + 1 < len(parts) else ""
            issuer = (index > 0 and _DATE_LINE.match(following) is not None and _issuer().fullmatch(text) is not None
                      and text.endswith(_organisation_ends()))  # 山西省总工会, not a meeting (…座谈会, …颁奖大会)
            if speaker or _DATE_LINE.match(text) or issuer:  # an issuer's name over the date (山西省总工会)
                taken.append(text)
                if speaker:
                    speakers.append(speaker)
                continue
        kept.append(part)
        if ends_complete(text) or "。" in text or text.endswith(("：", ":")):  # the first sentence, or a list announced (出席会议的领导有：): the header is over
            return speakers, taken, kept + parts[index + 1:]
    return speakers, taken, kept


def take_journal_byline(parts: list[Part]) -> tuple[list[str], list[str], list[Part]]:
    """Take a journal's byline from under the title: the authors' names alone on a line (李卫东　郭晓敏, or with
    their affiliations' numbers: 王建华1　陈晓燕2) over their affiliations, each with its postcode, in brackets
    (（太原市总工会权益保障部，山西　太原　030002）) or numbered lines.  Returns the names, the lines taken
    (debris) and the rest."""
    for i, part in enumerate(parts[:3]):
        numbered = _NUMBERED_NAMES.search(part.text) is not None  # 王建华1　陈晓燕2: affiliations numbered alike
        end = i + 1  # the affiliations: one bracketed line, or lines numbered as the names are (1. …　215300)
        while end < len(parts) and parts[end].kind == "paragraph" and (
                _AFFILIATION.fullmatch(parts[end].text.strip()) or (numbered and _NUMBERED_AFFILIATION.fullmatch(parts[end].text.strip()))):
            end += 1
        if part.kind == "paragraph" and end > i + 1 and _NAMES_LINE.fullmatch(part.text.strip()):
            names = [_NAME_NUMBER.sub("", name) for name in re.split(r"[\s\u3000]+", part.text.strip()) if name]
            return names, [p.text.strip() for p in parts[i:end]], parts[:i] + parts[end:]
    return [], [], parts


# Two to four characters a name, perhaps with its affiliation's number (王建华1, 陈晓燕1,2)
_NAMES_LINE = re.compile(f"[{HAN}]{{2,4}}[\\d,，]*(?:[\\s\u3000]+[{HAN}]{{2,4}}[\\d,，]*){{0,5}}")
_NAME_NUMBER = re.compile(r"[\d,，]+$")
# An author's affiliation as journals print it: a unit, then its province, city and postcode (6 digits); bracketed,
# or numbered, or several in one bracket apart by ；
_UNIT_PLACE = f"(?:\\d\\s*[.．、]\\s*)?[{HAN}（）()·\\s\u3000]{{2,40}}[，,](?![^，,]*(?:邮编|电话))[{HAN}\\s\u3000]{{2,20}}\\d{{6}}"
_AFFILIATION = re.compile(f"[（(]{_UNIT_PLACE}(?:[；;]{_UNIT_PLACE})*[）)]")
_NUMBERED_AFFILIATION = re.compile(f"\\d\\s*[.．、]\\s*{_UNIT_PLACE}")
_NUMBERED_NAMES = re.compile(f"[{HAN}]\\d")


# A date on a line of its own in brackets, in digits or Chinese numerals ((2024年2月28日), （二〇二四年二月二十八日）).
_DATE_LINE = re.compile(r"^[（(]\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
                        r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]$")


@lru_cache(maxsize=1)
def _organisation_ends() -> tuple[str, ...]:
    """How an organisation's name ends (text_rules organization_suffixes, 委员会, 局, 公司…): never a meeting's."""
    return (*text_rules()["organization_suffixes"], "委员会", "局", "公司", "集团", "办公室")



def _without_title_again(parts: list[Part], title: str | None, kicker: str | None = None) -> tuple[list[Part], list[str]]:
    """The parts without the headline printed again further on (above a jump's 上接第1版, or on each page), whole or
    its last words (职工法律援助中心2023年工作回顾 over a page of 兰山区总工会职工法律援助中心2023年工作回顾), or the
    column's name over the title printed again with a folio at a page's break (基层一线　13): page furniture, which
    would otherwise stand as a heading between the halves of a cut paragraph."""
    if not title:
        return parts, []
    key = _SPACES_IN_TITLE.sub("", title)
    column = _SPACES_IN_TITLE.sub("", kicker or "")
    folio = re.compile(f"(?:\\d{{1,3}}{re.escape(column)}|{re.escape(column)}\\d{{1,3}})") if 2 <= len(column) <= COLUMN_NAME_MAX else None
    kept, again = [], []
    for i, part in enumerate(parts):
        text = _SPACES_IN_TITLE.sub("", part.text)
        # Its last words alone only at a page's break: not under a finished paragraph (a head repeating the title's slogan).
        at_break = not kept or kept[-1].kind != "paragraph" or not ends_complete(kept[-1].text)
        furniture = text == key or (at_break and _title_end(text, key)) or (
            folio is not None and folio.fullmatch(text) is not None and _cut_across(kept, parts[i + 1 : i + 2]))
        (again if part.kind != "table" and furniture else kept).append(part)
    return kept, [part.text for part in again]


def _set_apart_over_credit(part: Part, credit: Part, previous: Part | None, indents_tell: bool) -> bool:
    """Tell whether a bare sentence is a photo's caption by its place: set apart from a finished paragraph above and
    opening on who acts in the photo (双峰县总工会组织…, 职工在…), with its credit alone right under it, bracketed or bare
    (…为女职工开展“两癌”筛查。 | （刘芳　摄）; …女职工在…大赛上表演。 | 市卫生健康系统工会供图): a paragraph of the text would be
    followed by more text.  Set apart by a blank line, or set flush where the text's paragraphs are set in
    (…参保手续。 | 通讯员　杨光辉　摄)."""
    apart = part.gap > 0 or (indents_tell and not part.indented)
    return (apart and previous is not None and previous.kind == "paragraph" and ends_complete(previous.text)
            and acts_at_start(part.text) is not None)


def _cut_across(before: list[Part], after: list[Part]) -> bool:
    """Tell whether a line stands in a paragraph's cut: a paragraph stopping mid-sentence before it, and one
    going on after it that is no row of a list of names with numbers (职工书屋　126 | 职工之家　58)."""
    return (bool(before) and before[-1].kind == "paragraph" and is_cut(before[-1].text)
            and bool(after) and after[0].kind == "paragraph" and _NAME_AND_NUMBER.fullmatch(after[0].text.strip()) is None)


_NAME_AND_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,10}[\s\u3000]+[\d０-９]+")


COLUMN_NAME_MAX = 10  # characters of a column's name printed over a title, which its pages may print with their folios


TITLE_END_MIN = 8  # characters of a title's last words that a page's running head may repeat alone


def _title_end(text: str, title: str) -> bool:
    """Tell whether a line is a title's last words, at least half of it and TITLE_END_MIN characters: a shortened
    headline a page prints at its head."""
    return len(text) >= max(TITLE_END_MIN, len(title) / 2) and len(text) < len(title) and title.endswith(text)


_SPACES_IN_TITLE = re.compile(r"[\s\u3000]+")


# ---------------------------------------------------------------- back to text


def document_to_markdown(doc: Document) -> str:
    """Render a document as text that recover_document reads back into the same structure."""
    from reportsite.body import blocks_to_markdown

    chunks: list[str] = []
    if doc.lead:
        chunks.append(doc.lead)
    if doc.kicker:
        chunks.append(doc.kicker)
    chunks.append(f"# {doc.title}")
    if doc.subtitle:
        chunks.append(f"——{doc.subtitle}")
    text = "\n\n".join(chunks)
    captions: dict[str | None, list[str]] = {}
    for figure in doc.figures:
        captions.setdefault(figure.after, []).append(figure.caption)
    text += "".join(f"\n\n\n\n{c}" for c in captions.get(None, []))
    for block in doc.blocks:
        text += "\n\n" + blocks_to_markdown([block]).rstrip("\n")
        text += "".join(f"\n\n\n\n{c}" for c in captions.get(block.id, []) if block.id)
    if doc.authors:
        text += "\n\n■撰稿 " + " ".join(doc.authors)
    return text + "\n"
