"""Bylines: ■本报撰稿 陈向阳, ■撰稿人：邹伟锋 赵志刚, 记者 张三 通讯员 李四, （本报记者 王五）.

A byline block leaves the body; its names go to ``authors`` and the printed line to ``debris``,
so no character is lost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportsite.blocks import Part, dateline_prefixes, opens_on_dateline
from reportsite.unwrap import date_alone, header_label_line, presenter_line
from reportsite.normalize import HAN, is_han
from reportsite.rules import PARENTHESES, honour_qualifiers, is_photo_credit, media_name_pattern, photo_credit, text_rules

# A name, or a two-character one set out to three characters' width (彭　亮), which no other name could be.
NAME = f"(?:[{HAN}][{HAN}·•]{{1,9}}|[{HAN}][\u3000 ][{HAN}](?![{HAN}]))"


@lru_cache(maxsize=2)
def _role_pattern(longer_only: bool = False) -> str:
    """Return an alternation of the byline role words, longest first, then any word ending like a role (本报首席记者)
    (``longer_only``: without the one-character roles, 文 and 图)."""
    roles = sorted((r for r in text_rules()["byline_roles"] if not longer_only or len(r) >= 2), key=len, reverse=True)
    suffixes = "|".join(re.escape(r) for r in text_rules()["byline_role_suffixes"])
    return "|".join(re.escape(r) for r in roles) + f"|(?![{HAN}]{{0,3}}(?:{honour_qualifiers()}))[{HAN}]{{1,4}}(?:{suffixes})"


@lru_cache(maxsize=1)
def _byline_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile the byline patterns: a whole marked line, and a parenthesised one inside a paragraph."""
    roles = _role_pattern()
    names = f"{NAME}(?:[ \u3000、，,]+{NAME})*"
    group = f"(?:{roles})(?:\\s*[：:/／｜]\\s*|\\s+)(?:{names})"  # 记者 张三, 撰稿人：张三, 文/张三, 文字｜张三
    # 记者张三: allowed when marked or in brackets, after a paper's name too (（唐山劳动日报记者 霍建国 …）)
    # …but a one-character role (文, 图) only with a mark or a space before the names (not （文中受访者均为化名）)
    single = "|".join(re.escape(r) for r in text_rules()["byline_roles"] if len(r) == 1)
    tight_roles = f"{_role_pattern(longer_only=True)}|(?:{single})(?=[\\s：:/／｜])" if single else roles
    tight = f"(?:{media_name_pattern()})?(?:{tight_roles})\\s*[：:/／｜]?\\s*(?:{names})"
    marks = re.escape(text_rules()["decorative_marks"])
    media = media_name_pattern()
    # 兰州晨报/掌上兰州记者 张文博 通讯员 马玉兰 文/图: the paper's name before the first role, a role with no names
    # after the last (who wrote and who took the photos are the names before it); or the name glued to a reporter's
    # role (湖北日报全媒记者 黄璐, 人民日报海外版记者 张三: no honour in the name or between: 十佳电视台记者 …).
    honour = honour_qualifiers()
    glued = f"(?![{HAN}]{{0,3}}(?:{honour})){media}(?:(?!{honour})[{HAN}]){{0,4}}(?:记者|通讯员)(?:\\s*[：:]\\s*|\\s+)(?:{names})"
    line = (f"^(?:[{marks}]\\s*(?:{tight})(?:\\s+{tight})*"
            f"|(?:(?:{media}[/／\\-－])?(?:{group})|{glued})(?:\\s+{group})*(?:\\s+(?:{roles}))?)$")
    bracketed = f"[（(【]\\s*((?:{tight})(?:\\s+{tight})*)\\s*[）)】]"
    return re.compile(line), re.compile(bracketed)


# A photo credit closing a caption: the names (and a role) before 摄 or 供图, after the caption's last stop or bracket.
_CREDIT_NAMES = re.compile(f"(?<=[。！？（(\\s])([^。！？（()）]*?)(?=\\s*[/／]?\\s*(?:摄|供图)\\s*[）)]?$)")
_SPREAD = re.compile("[\u3000 ]+")


def close_credit_name(caption: str) -> str:
    """A caption whose photo credit's names are set out wide closed up: a name of two or three characters each spread
    (李　锋 摄 -> 李锋 摄, 欧　阳　峰　供图 -> 欧阳峰 供图), two names of two characters each (周　洁　王　伟 -> 周洁　王伟)."""
    if "摄" not in caption and "供图" not in caption:
        return caption
    found = _CREDIT_NAMES.search(caption)
    if found is None:
        return caption
    words, run, closed = _SPREAD.split(found.group(1)), [], []
    for word in [*words, None]:
        if word is not None and len(word) == 1 and is_han(word):
            run.append(word)
            continue
        closed += _names_of(run)
        run = []
        if word is not None:
            closed.append(word)
    return caption[:found.start()] + "\u3000".join(closed) + caption[found.end():]


def _names_of(chars: list[str]) -> list[str]:
    """Single characters set out wide, as names: two or three make one name, four make two; others stay as they are."""
    if len(chars) in (2, 3):
        return ["".join(chars)]
    if len(chars) == 4:
        return ["".join(chars[:2]), "".join(chars[2:])]
    return chars


def is_byline(text: str) -> bool:
    """Tell whether a whole block is a byline (a team's too: 赤峰市总工会调研组)."""
    line, bracketed = _byline_re()
    return bool(line.match(text.strip()) or bracketed.fullmatch(text.strip()) or is_team_byline(text))


def is_team_byline(text: str) -> bool:
    """Tell whether a block is a team signing the report (市总工会调研组, （省总工会课题组）): no author's name."""
    return bool(_team_byline().fullmatch(text.strip()))


@lru_cache(maxsize=1)
def _team_byline() -> re.Pattern[str]:
    """An organisation's name ending on a team word (text_rules team_byline_suffixes), perhaps in brackets."""
    suffixes = "|".join(re.escape(s) for s in sorted(text_rules()["team_byline_suffixes"], key=len, reverse=True))
    return re.compile(f"[（(]?[{HAN}]{{2,20}}(?:{suffixes})[）)]?")


def is_role(token: str) -> bool:
    """Tell whether a byline token is a role word (记者, 实习生, 本报首席记者), never a name."""
    rules = text_rules()
    return token in rules["byline_roles"] or token.endswith(tuple(rules["byline_role_suffixes"]))


_NAME_BREAK = re.compile(r"[\s、，,：:/／｜]+")


@lru_cache(maxsize=1)
def _role_words() -> re.Pattern[str]:
    """The role words of two characters or more, kept as tokens when a byline is cut at them (记者周洁通讯员何川:
    记者, 周洁, 通讯员, 何川); 文 and 图 are never cut out of a name (文静)."""
    roles = sorted((r for r in text_rules()["byline_roles"] if len(r) >= 2), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(r) for r in roles) + ")")
_BEFORE_BRACKET = re.compile(r"^[^（(【]*(?=[（(【])")


@lru_cache(maxsize=1)
def _byline_edges() -> re.Pattern[str]:
    """Decorative marks and brackets around a byline."""
    return re.compile(f"^[{re.escape(text_rules()['decorative_marks'])}（(【\\s]+|[）)】\\s]+$")


@lru_cache(maxsize=1)
def _posts() -> tuple[str, ...]:
    """The posts a name may be printed after (text_rules speaker_posts: 主席, 副主席…)."""
    return tuple(text_rules()["speaker_posts"])


def byline_names(text: str) -> list[str]:
    """Return the names in a byline, role words and marks removed: authors are names only."""
    body = _byline_edges().sub("", text.strip())
    roles = sorted(text_rules()["byline_roles"], key=len, reverse=True)
    names = []
    media = re.compile(media_name_pattern())
    split_at = _role_words()
    tokens = [piece for token in _NAME_BREAK.split(body)
              for piece in ([token] if is_role(token) else split_at.split(token)) if piece]
    staff = set(text_rules()["byline_staff_roles"])
    skipping = False  # after a page's staff role (编辑, 审核): its names are no authors, until a writer's role
    for token in tokens:
        if token in staff:
            skipping = True
            continue
        if is_role(token) or (len(token) > 2 and media.fullmatch(token)):
            skipping = skipping and not is_role(token)
            continue  # a role, or the paper a byline opens with (兰州晨报/…记者)
        if skipping:
            continue
        role = next((r for r in roles if token.startswith(r)), "")
        # 记者张三 -> 张三; a one-character role (文, 图) only counts on its own, not inside 文静
        names.append(token[len(role) :] if len(role) >= 2 and len(token) - len(role) >= 2 else token)
    not_names = set(text_rules()["byline_non_names"])
    posts = _posts()
    # 图片：网络: a picture's source, no author; 区总工会主席 (文／区总工会主席　李明): a post, no name
    sources = tuple(text_rules()["byline_source_ends"])
    names = [n for n in names if n and n not in not_names and not n.endswith(posts)  # no name ends on 主席, 书记
             and not n.endswith(sources)]
    merged: list[str] = []  # 彭　亮: two single characters are one name set out wide
    for name in names:
        if len(name) == 1 and merged and len(merged[-1]) == 1:
            merged[-1] += name
        else:
            merged.append(name)
    return merged


def _inline_byline(text: str) -> tuple[str, str] | None:
    """Find a bracketed byline opening (本报讯（记者 张三）…) or closing (…（本报记者 王五）) a paragraph."""
    opening = _inline_byline_re()[0].match(text)
    if opening:
        return opening.group().rstrip(), text[opening.end() :].lstrip()
    return _closing_byline(text)


def _closing_byline(text: str) -> tuple[str, str] | None:
    """A bracketed byline closing a paragraph (…（本报记者 王五）), and the paragraph without it."""
    if not text.rstrip("\n").endswith(_CLOSING_BRACKETS) or text.endswith("\n\n"):
        return None  # the closing pattern ends on a bracket, before at most one final newline ($)
    closing = _inline_byline_re()[1].search(text)
    if closing and closing.start() > 0:
        return closing.group(), text[: closing.start()].rstrip()
    return None


_CLOSING_BRACKETS = ("）", ")", "】")


@lru_cache(maxsize=1)
def _inline_byline_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile the bracketed byline at a paragraph's start (after a dateline such as 本报讯) and at its end."""
    _, bracketed = _byline_re()
    prefixes = dateline_prefixes()
    # …or, after a dateline, unbracketed and closed by 报道： (本报赣州讯　记者黄文华　通讯员钟晓燕　刘志勇报道：)
    tight = f"(?:{media_name_pattern()})?(?:{_role_pattern()})\\s*[：:/／]?\\s*{NAME}(?:[ \u3000、，,]+{NAME})*"
    reported = f"(?:{prefixes})\\s*{tight}(?:\\s+{tight})*\\s*{_REPORTED}"
    # …or unbracketed and closed by a space before the story (本报讯 记者 胡敏 通讯员 李卫东 8月下旬，…), or no
    # byline at all (本报讯　9月6日，…, 本报讯　达州市总工会…): the dateline alone
    opening = "|".join(text_rules()["dateline_openings"])  # 8月下旬, 近日: the story's first words
    # Set apart by spaces only, the names are two to four characters each, none of them words of a sentence
    # (记者从市总工会获悉, 近日, 了解到): 本报讯 记者 胡敏 通讯员 李卫东 8月下旬，…
    short = f"(?!{_SENTENCE_WORDS})[{HAN}]{{2,4}}(?![{HAN}])"
    named = f"(?:{media_name_pattern()})?(?:{_role_pattern()})[ \u3000]*{short}(?:[ \u3000]+{short})*"
    spaced = f"(?:{prefixes})(?:[ \u3000]*{named}(?:[ \u3000]+{named})*[ \u3000]+(?=\\S)|[ \u3000]+(?={opening}|{_UNION_OPENING}))"
    return (re.compile(f"^(?:(?:{prefixes})?\\s*{bracketed.pattern}|{reported}|{spaced})"),
            re.compile(f"{bracketed.pattern}$"))


_REPORTED = "报道\\s*[：:]"  # closes an unbracketed byline after a dateline
# Words that open a sentence after 记者 or 通讯员, never a name: 记者从市总工会获悉, 通讯员走访发现, 记者近日了解到
_SENTENCE_WORDS = "[^ \u3000]{0,3}(?:从|在|向|近日|日前|今年|昨天|获悉|了解|发现|走访|采访|看到|注意到)"
# A story opening on a union of a place after a bare dateline (本报讯　达州市总工会日前…, 本报讯　区总工会…): its subject
# (not 记者从市总工会获悉: a sentence's words before it)
_UNION_OPENING = f"(?!{_SENTENCE_WORDS})[{HAN}]{{1,10}}?总工会"




def _byline_core(found: str) -> str:
    """A byline found at a paragraph's start without the dateline before it and the 报道： after it."""
    core = re.sub(f"^(?:{dateline_prefixes()})\\s*", "", found)
    return re.sub(f"{_REPORTED}$", "", core).strip()


PRESENTER_WITHIN = 2  # parts under the title group: a presenter's line further on (报告人：… in a story) is text


def take_bylines(parts: list[Part]) -> tuple[list[str], list[str], list[Part]]:
    """Take bylines out of the body: return authors, the printed bylines (debris) and the remaining parts."""
    authors: list[str] = []
    printed: list[str] = []
    kept: list[Part] = []
    dated = -1  # the part holding the date under a presenter's line
    for at, part in enumerate(parts):
        if at == dated:
            printed.append(part.text.strip())  # 2024年1月18日 under 汇报人：…: when the report was given
            continue
        if at < PRESENTER_WITHIN and part.kind == "paragraph" and presenter_line(part.text.strip()) and not any(
                0 <= k < len(parts) and header_label_line(parts[k].text.strip()) for k in (at - 1, at + 1)):
            if at + 1 < len(parts) and date_alone(parts[at + 1].text.strip()):
                dated = at + 1
            printed.append(part.text.strip())  # 汇报人：区总工会主席　李明 on a title page (not in a meeting's header)
            value = PARENTHESES.sub("", re.split("[：:]", part.text.strip(), maxsplit=1)[1])  # 李明（区总工会主席）
            authors.extend(n for n in byline_names(value) if n not in authors)
            continue
        if part.kind == "paragraph" and is_byline(part.text):
            found, rest = part.text, ""
        elif part.kind == "paragraph" and (inline := _inline_byline(part.text)):
            found, rest = inline
        else:
            kept.append(part)
            continue
        if is_photo_credit(found):
            kept.append(part)  # （摄影 张萍）: who took a photo, printed with its caption
            continue
        printed.append(found)
        if is_team_byline(found):
            continue  # a team, not a person
        if rest and not _byline_core(found) and (closing := _closing_byline(rest)):
            found, rest = closing  # a dateline alone (本报讯　…), the byline closing the story (…（通讯员　刘洋）)
            printed.append(found)
        authors.extend(n for n in byline_names(_BEFORE_BRACKET.sub("", _byline_core(found))) if n not in authors)
        if rest:
            kept.append(Part(part.kind, rest, part.gap, part.level))
    return authors, printed, kept
