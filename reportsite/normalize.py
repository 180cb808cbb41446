"""Character-level normalisation: simplified characters, full-width Chinese punctuation, spaces.

Every function is idempotent (applying it twice changes nothing more), which keeps re-ingesting a
cleaned report a no-op.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from reportsite.numbers import default_grammar

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Characters that make their neighbourhood "Chinese": Han, CJK punctuation, full-width forms, quotes.
CJK = HAN + "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·"
_HAN_RE = re.compile(f"[{HAN}]")
_CJK_RE = re.compile(f"[{CJK}]")

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]+")
_INVISIBLE = re.compile("[\x00\u200b-\u200d\u2060\ufeff]")
_SENTINEL = "\x00"
# Anything clean_spaces acts on: a space of _SPACES, an _INVISIBLE character (the sentinel among them), U+3000.
_SPACE_WORK = re.compile("[ \t\u00a0\u2000-\u200d\u202f\u205f\u2060\ufeff\x00\u3000]")
_ASCII_MARK = re.compile("[,;:!?]")
_MARK_OR_PAREN = re.compile("[,;:!?(]")
_ASCII_PAIR = re.compile(r"\(([^()\n]*(?:\n[^()\n]*)?)\)")  # a pair a hard wrap cut holds one line break
_WIDE_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULL_PUNCT = "，。；：！？、（）《》“”‘’【】…—·"
# Spaces before or after full-width punctuation: the runs " *([…]) *" used to match, without the mark itself.
# ...except after an English apostrophe between Latin words (Workers’ Rights: ’ is a mark of both scripts).
_SPACES_AT_PUNCT = re.compile(f" +(?=[{_FULL_PUNCT}])|(?<=[{_FULL_PUNCT}])(?<![A-Za-z]’) +|(?<=[A-Za-z]’) +(?![A-Za-z])")
_SPACE_BETWEEN_HAN = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")


@lru_cache(maxsize=1)
def _t2s():
    """Return the OpenCC traditional-to-simplified converter, built once."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified ones; simplified text is left as it is.

    OpenCC maps a few characters that simplified Chinese uses too (乾 of 乾县, 乾安县) to others outside
    the words it knows; place names of the gazetteer and regions that it would change, and the words of
    text_rules' ``keep_as_written``, are kept as written.
    """
    kept = _kept_words()
    if kept is None or not kept.search(text):
        return _t2s().convert(text).translate(_variants())
    parts, last = [], 0
    for match in kept.finditer(text):
        parts += [_t2s().convert(text[last:match.start()]), match.group()]
        last = match.end()
    parts.append(_t2s().convert(text[last:]))
    return "".join(parts).translate(_variants())  # no kept name holds a variant character


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    """Variant characters OpenCC leaves (衞, 囘) and the standard ones they are read as (text_rules variant_characters),
    and small-form marks (﹐﹑﹔: text_rules small_form_marks) and the marks they stand for."""
    from reportsite.rules import text_rules  # rules' loaders sit above this module

    return str.maketrans({**(text_rules().get("variant_characters") or {}), **(text_rules().get("small_form_marks") or {})})


@lru_cache(maxsize=1)
def _kept_words() -> re.Pattern[str] | None:
    """One pattern of the words to_simplified keeps as written (None when there are none)."""
    from reportsite.places import gazetteer, load_regions  # places imports this module: read when first asked
    from reportsite.rules import text_rules

    entries = [*load_regions(), *(entry for same_name in gazetteer().values() for entry in same_name)]
    kept = {name for entry in entries for name in (entry.name, *entry.aliases) if _t2s().convert(name) != name}
    kept.update(text_rules().get("keep_as_written") or ())
    return re.compile("|".join(map(re.escape, sorted(kept, key=lambda w: (-len(w), w))))) if kept else None


def is_han(char: str) -> bool:
    """Tell whether one character is a Han character."""
    return bool(_HAN_RE.match(char))


def han_chars(text: str) -> list[str]:
    """Return the Han characters of a text, in order."""
    return _HAN_RE.findall(text)


def ascii_width_forms(text: str) -> str:
    """Turn full-width digits and Latin letters (Ｇ２０) into ASCII, and the full-width point and per cent
    sign of a number (５．８万, 12.4％) with them, and the full-width comma that groups wide digits in
    thousands (１，０２４人: set by a typesetter in wide digits, never two numbers); other punctuation stays."""
    if "，" in text:
        text = _WIDE_THOUSANDS.sub(",", text)
    text = _WIDE_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)
    return _NUMBER_MARK.sub(lambda m: "." if m.group() == "．" else "%", text) if "．" in text or "％" in text else text


_WIDE_THOUSANDS = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
_NUMBER_MARK = re.compile(r"(?<=\d)．(?=\d)|(?<=\d)％")


def _keeps_ascii(text: str, index: int) -> bool:
    """Tell whether the ASCII mark at index belongs to a number, a time or a URL (1,000  10:30  http://)."""
    mark = text[index]
    if mark not in ",:":
        return False
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    if before.isdigit() and after.isdigit():
        return True
    return mark == ":" and text[index + 1 : index + 3] == "//"


# A mark right next to a Chinese character, and a mark next to a space or tab (whose nearest neighbour
# past the spaces may be Chinese): both patterns start on the mark, so the engine jumps from mark to mark.
_MARK_BY_CJK = re.compile(f"[,;:!?](?:(?<=[{CJK}][,;:!?])|(?=[{CJK}]))")
_MARK_BY_SPACE = re.compile("[,;:!?](?:(?<=[ \t\n][,;:!?])|(?=[ \t\n]))")
_SPACES_AND_TABS = " \t\n"  # a line break too: a mark ending a wrapped line (98.3%,⏎小微企业) sits in the sentence


def _beside_cjk_past_spaces(text: str, index: int) -> bool:
    """Tell whether the nearest character that is not a space, tab or line break, on either side of index, is
    Chinese (found by stepping outwards: no copy of the text before each mark)."""
    before = index - 1
    while before >= 0 and text[before] in _SPACES_AND_TABS:
        before -= 1
    after = index + 1
    while after < len(text) and text[after] in _SPACES_AND_TABS:
        after += 1
    return any(0 <= at < len(text) and _CJK_RE.match(text[at]) for at in (before, after))


def _convert_marks(text: str) -> str:
    """One pass: ASCII , ; : ! ? next to Chinese become full-width; parentheses handled as pairs."""
    if _MARK_OR_PAREN.search(text) is None:
        return text  # nothing this pass acts on (the usual case once a text has been through one pass)
    beside = {m.start() for m in _MARK_BY_CJK.finditer(text)}
    beside |= {m.start() for m in _MARK_BY_SPACE.finditer(text) if m.start() not in beside and _beside_cjk_past_spaces(text, m.start())}
    converted = sorted(i for i in beside if not _keeps_ascii(text, i))
    if converted:
        text = _replace_chars(text, converted, _FULL_WIDTH)
    return _ASCII_PAIR.sub(_convert_pair, text) if "(" in text else text


def _replace_chars(text: str, positions: list[int], table: dict[str, str]) -> str:
    """text with the character at each of the sorted positions replaced through table (no list of every character)."""
    pieces, last = [], 0
    for i in positions:
        pieces += (text[last:i], table[text[i]])
        last = i + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _convert_pair(match: re.Match[str]) -> str:
    """Make a parenthesised span full-width when it holds or touches Chinese text; a Markdown link's target
    (…](https://…)) stays as it is."""
    inner = match.group(1)
    text, start, end = match.string, match.start(), match.end()
    if text[start - 1 : start] == "]":
        return match.group()
    outside = text[start - 1 : start] + text[end : end + 1]
    if _CJK_RE.search(inner) or _CJK_RE.search(outside):
        return f"（{inner}）"
    return match.group()


def normalize_punctuation(text: str) -> str:
    """Use full-width ，；：（）！？ in Chinese text, and 。 for a full stop printed as ASCII or as a full-width
    point after Chinese (4800余人次.同时, 12.4万个．全年); numbers, 5+X, G20 and URLs keep ASCII."""
    while True:  # converting one mark can make its neighbour's context Chinese: run to a fixpoint
        converted = _convert_marks(_FULL_STOP.sub(_full_stop, text) if "." in text or "．" in text else text)
        if converted == text:  # (each pass converts a mark or ends: a run of n marks takes n)
            return text
        text = converted


# A point after Chinese (or a per cent sign, a closing bracket or quote, an ASCII quote after Chinese: "揭榜".企业) and before Chinese, a quote or
# bracket (漏洞.”), a space or the end: not 5.8, not www.acftu.org, not the dots of an ellipsis.
# OCR reads 。 as ． too (12.4万个．全年): the same rule; and a point after a table's, figure's or appendix's number
# at a line's end (各市情况见表1．; not 表1. 全县…, a table's title): not after other numbers, which a wrap may cut
# (达2. | 36亿元).
_FULL_STOP = re.compile(f"[.．](?:(?:(?<=[{HAN}%）”][.．])|(?<=[{HAN}]\"[.．]))(?=[{HAN}“”’（）\"]|\\s|$)"
                        f"|(?<=[表图件]\\d[.．])(?=\\n|$)|(?<=[表图件]\\d\\d[.．])(?=\\n|$))")  # opens on the point: the engine jumps from point to point
_NUMBERING_BEFORE = re.compile(r"(?:^|\n)\s*[（(]?[一二三四五六七八九十百]+[）)]?$")  # 一.加强组织建设: a heading's number


def _full_stop(match: re.Match[str]) -> str:
    """。 for a full stop printed as a point, but not for the point after a heading's number (一., 一．), nor for a
    full-width point between the parts of a transliterated name (阿不都热依木．买买提、: a middle dot)."""
    text, at = match.string, match.start()
    if _NUMBERING_BEFORE.search(text, max(0, at - 8), at):
        return match.group()
    if match.group() == "." and _REFERENCE_LINE.match(text, text.rfind("\n", 0, at) + 1):
        return "."  # [1] 李卫民.劳动关系协调机制研究[M].: a reference's points, as its standard sets them
    if match.group() == "．" and _NAME_PART_AFTER.match(text, at + 1):
        return "·"
    return "。"


_REFERENCE_LINE = re.compile(r"[ \t\u3000]*\[\d{1,3}\][^\n]*\[[A-Z](?:/[A-Z]{1,2})?\]")  # a reference: [1] 李卫民.…[M].…
_NAME_PART_AFTER = re.compile(f"[{HAN}]{{2,6}}(?:[、，,和及与]|等\\d|等[{HAN}]{{0,2}}[\\d一二三四五六七八九十])")  # 买买提、, 艾力等6名


def curly_quotes(text: str) -> str:
    """Turn ASCII double quotes around or next to Chinese text into “…”, pairing them in order.

    A text with an odd number of ASCII quotes is left alone: one stray mark would flip every pair after it.
    """
    if '"' not in text:
        return text
    marks = [m.start() for m in _ASCII_QUOTE.finditer(text)]
    if len(marks) % 2:
        return text
    chars = list(text)
    for start, end in zip(marks[::2], marks[1::2]):
        around = text[start - 1 : start] + text[start + 1 : end] + text[end + 1 : end + 2]
        if _CJK_RE.search(around):
            chars[start], chars[end] = "“", "”"
    return "".join(chars)


_ASCII_QUOTE = re.compile('"')


# A space printed between a closing quote and what follows (“幸福网” 柯桥工会…), or before an opening one.
_QUOTE_SPACE = re.compile(f"(?<=[”’》]) (?=[{HAN}“‘《])|(?<=[{HAN}”’》]) (?=[“‘《])")
# A short quoted phrase: a space between two Han phrases inside it is meant (“稳企业 保就业”).
_QUOTED = re.compile("“[^“”\n]{1,30}”")


def _drop_spaces_between_han(text: str) -> str:
    """Drop OCR spaces between Han characters, except inside a short quoted phrase."""
    if " " not in text:
        return text
    pieces = []
    last = 0
    for match in _QUOTED.finditer(text):
        pieces.append(_SPACE_BETWEEN_HAN.sub("", text[last : match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_SPACE_BETWEEN_HAN.sub("", text[last:]))
    return "".join(pieces)


def clean_spaces(text: str, keep_between_han: bool = False) -> str:
    """Collapse runs of spaces, drop spaces next to Chinese punctuation and (unless kept) between Han.

    Spaces inside a short quoted phrase are always kept; with keep_between_han (titles, headings) a
    space between a quote and a Han phrase is kept too, since it separates two parts of the line.
    """
    if _SPACE_WORK.search(text) is None and text.strip() == text:
        return text  # no space of any kind, nothing invisible, nothing to strip: every step below is a no-op
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text.replace("\u3000", " ")).strip()
    if keep_between_han:
        text = _QUOTE_SPACE.sub(_SENTINEL, text)
    text = _SPACES_AT_PUNCT.sub("", text) if " " in text else text
    text = text.replace(_SENTINEL, " ")
    if not keep_between_han:
        text = _drop_spaces_between_han(text)
    return text


def normalize_text(text: str) -> str:
    """Normalise a whole raw text: a converter's marks read, simplified characters, ASCII digits/letters
    (lookalike letters in numbers read as digits), lines OCR spaced out letter by letter, full-width punctuation."""
    return normalize_punctuation(join_letter_spaced(repair_digits(ascii_width_forms(to_simplified(converter_marks(text))))))


# What a converter writing Markdown or HTML leaves in text: entities (&nbsp; for an indent, &amp;), escapes before
# marks it feared Markdown would read (1\. for 1.; \| stays: a table's cell holds a bar), a bold figure (**2,846**名).
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")
_ESCAPED_MARK = re.compile(r"\\([.*#+\-_!>`\[\](){}])")
_BOLD_FIGURE = re.compile(r"\*\*(\d[\d,.]*)\*\*")
_BOLD_SUBTITLE = re.compile(r"^(\s*)\*\*((?:——|—|--)[^*\n]+?)\*\*[ \t]*$", re.M)  # **——…工作总结**: a subtitle in bold


# Emoji (☀️, 👇): pictures, never words; a symbol is one when an emoji's variation selector follows it.
_EMOJI_ANY = re.compile("[\U0001F000-\U0001FAFF\uFE0F\u20E3\u2B50\u2B55]")  # one class: a quick test first
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2B50\u2B55](?:\uFE0F)?|[\u2600-\u27BF]\uFE0F|\uFE0F\u20E3?|\u20E3")  # ⭐, keycaps too


def converter_marks(text: str) -> str:
    """Text with a converter's entities decoded (a non-breaking space as a plain one), its escapes before
    Markdown's marks undone, the bold around a bare figure or a dashed subtitle taken away, and emoji dropped."""
    if _EMOJI_ANY.search(text):
        text = _EMOJI.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: " " if m.group() in ("&nbsp;", "&ensp;", "&emsp;") else html.unescape(m.group()), text)
    if "\\" in text:
        text = _ESCAPED_MARK.sub(r"\1", text)
    if "**" in text:
        text = _BOLD_SUBTITLE.sub(r"\1\2", _BOLD_FIGURE.sub(r"\1", text))
    return text


LETTER_SPACED_MIN_TOKENS = 6  # pieces of a line from which its spacing can tell letter spacing from words
LETTER_SPACED_SHARE = 0.7  # of those pieces one character long, at least: the line was spaced letter by letter


def join_letter_spaced(text: str) -> str:
    """Lines OCR printed with a space after every character (全 系 统 新 建 58 个 、 职 工 小 家) joined up again:
    what lies between two characters there is no word space.  A space stays between two Latin words; lines
    of words (a table's cells, English) do not have one character in most of their pieces and are left alone."""
    if _SPACED_RUN.search(text) is None:
        return text  # no run of characters one space apart anywhere: most texts
    return "\n".join(_joined_line(line) if line.count(" ") >= LETTER_SPACED_MIN_TOKENS - 1 else line
                     for line in text.split("\n"))


# What _joined_line needs somewhere in a line: LETTER_SPACED_MIN_TOKENS pieces, one space apart.
_SPACED_RUN = re.compile(f"(?<!\\S)(?:\\S+ ){{{LETTER_SPACED_MIN_TOKENS - 1}}}\\S")  # tried at a piece's start only


def _joined_line(line: str) -> str:
    """One line joined up when it is spaced letter by letter (join_letter_spaced), else as it is."""
    indent = line[: len(line) - len(line.lstrip())]
    pieces = line.strip().split(" ")
    singles = [piece for piece in pieces if len(piece) == 1]
    if (len(pieces) < LETTER_SPACED_MIN_TOKENS or "" in pieces or len(singles) < LETTER_SPACED_SHARE * len(pieces)
            or sum(piece.isdigit() for piece in singles) * 2 > len(singles)):
        return line  # too few pieces, wide gaps (a table, a head set wide), words, or a table's small figures (3 5 2 1)
    out = pieces[0]
    for piece in pieces[1:]:
        out += (" " if out[-1].isascii() and out[-1].isalpha() and piece[0].isascii() and piece[0].isalpha() else "") + piece
    return indent + out


def repair_characters(text: str) -> tuple[str, list[str]]:
    """Characters OCR reads for others of like shape, where the word leaves no doubt (己经 -> 已经, 16曰 -> 16日,
    投人资金 -> 投入资金): text_rules ocr_fixes, patterns and what each match becomes.  Returns the text and
    each fix made, as 原→改 (an editor sees them; nothing read is lost)."""
    fixes: list[str] = []
    for pattern, replacement in _ocr_fixes():
        def fix(match: re.Match[str], replacement: str = replacement) -> str:
            fixes.append(f"{match.group()}→{replacement}")
            return replacement
        text = pattern.sub(fix, text)
    return text, fixes


@lru_cache(maxsize=1)
def _ocr_fixes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The text rules' OCR fixes, compiled once."""
    from reportsite.rules import text_rules  # rules' loaders sit above this module

    return tuple((re.compile(pattern), replacement) for pattern, replacement in text_rules()["ocr_fixes"].items())


def repair_digits(text: str) -> str:
    """Letters OCR reads for digits inside a number that a measure word, 万, 余 or 年 follows: 2O19年,
    l28个, 4O余场, 3l5万元, 9O%, 1.O8亿元, l.52万户, 98.S% (O and o for 0, l and I for 1, S after a digit for 5).  A number must open on a digit or on l/I
    and hold a digit; a word of Latin letters (O2O, APP) is never touched."""
    if not _LOOKALIKE.search(text):
        return text
    return _lookalike_number().sub(lambda m: m.group().translate(_AS_DIGITS), text)


# A quick test: most texts hold no lookalike beside a digit (or beside a point beside one: 1.O8, l.52).
_LOOKALIKE = re.compile(r"\d[.,]?[OolIS]|[OolI][.,]?\d")
_AS_DIGITS = str.maketrans("OolIS", "00115")


@lru_cache(maxsize=1)
def _lookalike_number() -> re.Pattern[str]:
    """A run of digits and lookalikes holding both, opening on a digit or l/I, before what follows a number."""
    grammar = default_grammar()
    after = {word[0] for word in (*grammar.units, *grammar.multipliers, *grammar.after)} | set("余多年月日%％")
    follows = "".join(sorted(re.escape(char) for char in after))
    # S for 5 only after a digit (98.S%, 1S个): a word never opens on it (5S管理 stays, no measure word follows).
    return re.compile(f"(?<![A-Za-z\\d.])(?=[\\dlI.,]*\\d)(?=[\\dOolIS.,]*[OolIS])[\\dlI](?:[\\dOolI]|(?<=\\d)S)*"
                      f"(?:,[\\dOolI]{{3}})*(?:\\.(?:[\\dOolI]|(?<=[\\d.])S)+)?(?=[{follows}])")
