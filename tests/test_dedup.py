"""Repeated passages: detection (repeats.py), layout-copy removal, restatements, undo (shared passages: test_shared.py)."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportsite.dedup import (
    Passage,
    _Copy,
    clause_cut,
    coherence,
    copy_oddness,
    judge,
    remove_layout_copies,
    restore_kept,
)
from reportsite.model import Block, Document, DuplicateRecord, FigureCaption
from reportsite.repeats import find_repeats

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def doc_of(*texts: str, lead: str | None = None, captions: tuple[str, ...] = ()) -> Document:
    """A document whose paragraphs p1..pn are the given texts."""
    blocks = [Block("paragraph", t, id=f"p{i + 1}") for i, t in enumerate(texts)]
    return Document("标题", blocks, lead=lead, figures=[FigureCaption(c, "p1") for c in captions])


def body(doc: Document) -> str:
    """All paragraph text of a document, one paragraph a line."""
    return "\n".join(b.text for b in doc.blocks)


def undo_all(doc: Document) -> list[Block]:
    """The blocks with every layout removal put back, as an editor setting keep: true everywhere would."""
    kept = [replace(d, keep=True) for d in doc.duplicates]
    return restore_kept(doc.blocks, kept)


# ---------------------------------------------------------------- random clean text

_HAN = [chr(c) for c in range(0x4E00, 0x9FA6)]


def sentence(rng: random.Random) -> str:
    """A random sentence of 2–4 clauses; 20,000 distinct characters make accidental repeats negligible."""
    clauses = ["".join(rng.choices(_HAN, k=rng.randint(5, 14))) for _ in range(rng.randint(2, 4))]
    return "，".join(clauses) + "。"


def paragraph(rng: random.Random) -> str:
    """A random paragraph of 2–5 sentences."""
    return "".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def mutate(text: str, share: float, rng: random.Random) -> str:
    """Change up to share of the Han characters of text, as OCR variants do."""
    chars = list(text)
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(han, int(len(han) * share)):
        chars[i] = rng.choice([c for c in "的之职職工王了子" if c != chars[i]])
    return "".join(chars)


# ---------------------------------------------------------------- detection


def test_exact_copy_is_found_across_texts_with_its_place() -> None:
    passage = "选树市级以上工人先锋号十五个，命名本级以上创新工作室四个"
    texts = ["前面的话。" + passage + "。后面的话。", "另一段。" + passage + "。"]
    repeats = find_repeats(texts)
    assert len(repeats) == 1
    first, second = repeats[0].first, repeats[0].second
    assert passage in texts[first.text][first.start : first.end]
    assert passage in texts[second.text][second.start : second.end]


def test_near_copy_with_one_variant_character_is_found() -> None:
    texts = [
        "唱响劳动者之歌文艺汇演、第二届职工气排球比赛等“五一”系列活动,引导广大职工追求健康向上的生活情趣。",
        "举办以“中国梦·劳动美”为主题的劳动者的歌文艺汇演、第二届职工气排球比赛等“五一”系列活动,引导广大职工追求健康向上的生活情趣。",
    ]
    [repeat] = find_repeats(texts)
    assert texts[0][repeat.first.start : repeat.first.end].startswith("劳动者之歌")
    assert repeat.mismatches == 1


def test_passages_shorter_than_min_chars_are_not_repeats() -> None:
    texts = ["化解在早，化解在早。强化分类指导。", "全心全意服务职工群众。全心全意服务职工群众。"]
    assert find_repeats(texts) == []
    assert find_repeats(["一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑"], min_chars=30) == []


def test_text_without_repeats_gives_nothing() -> None:
    rng = random.Random(1)
    assert find_repeats([paragraph(rng) for _ in range(30)]) == []
    assert find_repeats([]) == [] and find_repeats(["", ""]) == []


def test_near_copies_with_a_tenth_changed_are_found_in_95_percent_of_cases() -> None:
    rng = random.Random(4)
    found = 0
    for _ in range(200):
        passage = "".join(rng.choices(_HAN, k=rng.randint(20, 120)))
        copy = mutate(passage, 0.10, rng)
        a, b = paragraph(rng), paragraph(rng)
        texts = [a + passage + paragraph(rng), b + copy + paragraph(rng)]
        hits = [r for r in find_repeats(texts) if r.first.text == 0 and r.second.text == 1]
        where = range(len(a), len(a) + len(passage))
        found += any(len(set(where) & set(range(r.first.start, r.first.end))) >= 0.8 * len(passage) for r in hits)
    assert found / 200 >= 0.95, found


def test_full_width_and_ascii_marks_match() -> None:
    passage = "组织职工技术服务队开展技术攻关活动4次{}帮助企业解决技术难题7个{}"
    [repeat] = find_repeats(["前言。" + passage.format("，", "；"), "另起。" + passage.format(",", ";")])
    assert repeat.mismatches == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["工会组织职工开展技术攻关活动，", "帮助企业解决技术难题七个。", "职工", "之", "的"]), max_size=12).map("".join), max_size=5))
def test_every_repeat_is_a_real_near_copy(texts: list[str]) -> None:
    repeats = find_repeats(texts)
    assert find_repeats(texts) == repeats
    for repeat in repeats:
        one = texts[repeat.first.text][repeat.first.start : repeat.first.end]
        two = texts[repeat.second.text][repeat.second.start : repeat.second.end]
        assert len(one) == len(two) and (repeat.first.text, repeat.first.start) < (repeat.second.text, repeat.second.start)
        assert sum("\u4e00" <= c <= "\u9fff" for c in one) >= 20
        assert sum(a != b for a, b in zip(one, two)) == repeat.mismatches <= 0.15 * len(one)


def _by_suffix_array(texts: list[str], min_chars: int) -> list:
    """find_repeats forced onto its suffix-array path, whatever the size of the input."""
    from reportsite import repeats as module

    saved, module.SMALL_INPUT = module.SMALL_INPUT, -1
    try:
        return find_repeats(texts, min_chars)
    finally:
        module.SMALL_INPUT = saved


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["工会组织职工开展技术攻关活动，", "帮助企业解决技术难题七个。", "职工", "之", "的", "，", "Ａ", "　"]), max_size=14).map("".join), max_size=6),
    st.sampled_from([6, 12, 20, 30]),
)
def test_small_inputs_find_what_the_suffix_array_finds(texts: list[str], min_chars: int) -> None:
    """One report's passages skip the suffix array: the Python path must give exactly its result."""
    from reportsite.repeats import _find_repeats_small

    assert _find_repeats_small(texts, min_chars) == _by_suffix_array(texts, min_chars)


def test_small_inputs_agree_with_the_suffix_array_on_random_near_copies() -> None:
    from reportsite.repeats import _find_repeats_small

    rng = random.Random(7)
    for _ in range(150):
        alphabet = rng.choice(["工会职工之家", "工会职工之家的在了，。", "".join(_HAN[:200]), "工Ａ,，　 a"])
        base = "".join(rng.choices(alphabet, k=rng.randint(0, 300)))
        texts = []
        for _ in range(rng.randint(1, 6)):
            chars = list(base[rng.randint(0, max(0, len(base) - 1)) :][: rng.randint(0, 200)])
            for _ in range(rng.randint(0, 6)):
                if chars:
                    chars[rng.randrange(len(chars))] = rng.choice(alphabet)
            texts.append("".join(rng.choices(alphabet, k=rng.randint(0, 20))) + "".join(chars))
        min_chars = rng.choice([6, 10, 20])
        assert _find_repeats_small(texts, min_chars) == _by_suffix_array(texts, min_chars)


# ---------------------------------------------------------------- reading a copy in its paragraph


def test_clause_cut_takes_a_short_clause_head_and_the_dangling_comma() -> None:
    text = "签订战略合作协议，在3家企业工会中2365家列入劳动保护分级管理，录入省总管理系统"
    start = text.index("企业")
    assert text[slice(*clause_cut(text, start, len(text)))] == "，在3家企业工会中2365家列入劳动保护分级管理，录入省总管理系统"


def test_clause_cut_never_leaves_half_a_clause_of_a_long_clause() -> None:
    text = "举办以中国梦劳动美为主题的劳动者的歌文艺汇演，引导广大职工追求健康向上的生活情趣。"
    start = text.index("歌文艺")
    assert text[slice(*clause_cut(text, start, len(text)))] == "，引导广大职工追求健康向上的生活情趣。"


def test_copy_oddness_reads_where_a_copy_sits() -> None:
    copy = "全市有六万家企业参与和谐劳动关系创建活动"
    assert copy_oddness(copy + "。", 0, len(copy) + 1, "", 0) == 3.0  # the whole block
    ragged = "开展四送活动，举办联谊活动六十二场；" + copy
    assert copy_oddness(ragged, ragged.index(copy), len(ragged), "", 0) == 2.0  # stops mid-sentence
    glued = "开展四送活动，举办联谊活动六十二场。" + copy + "。"
    assert copy_oddness(glued, glued.index(copy), len(glued), "", 0) == 1.5  # a sentence glued on
    inside = "开展四送活动，" + copy + "，举办联谊活动六十二场。"
    assert copy_oddness(inside, inside.index(copy), inside.index(copy) + len(copy), "", 0) == 0.0


def test_the_odder_copy_goes_and_between_equally_odd_ones_the_less_coherent() -> None:
    copy = "帮助企业解决技术难题七个。"
    whole = Passage("p1", copy, 1, True)  # the whole block: oddness 3
    foreign = Passage("p2", "举办联谊活动六十二场，丰富职工文化生活。" + copy, 2, True)  # glued on (1.5), a stranger here
    fitting = Passage("p3", "组织职工技术服务队，帮助企业解决难题。" + copy, 3, True)  # glued on (1.5), of its vocabulary
    mid_sentence = Passage("p4", "举办联谊活动六十二场，丰富职工文化生活，" + copy, 4, True)  # glued on after a comma (1.0)

    def at(passage: Passage) -> _Copy:
        return _Copy(passage, passage.text.index(copy), len(passage.text))

    assert judge(at(foreign), at(whole)) == at(whole) == judge(at(whole), at(fitting))
    assert judge(at(fitting), at(mid_sentence)) == at(fitting)  # odder, however well it fits
    assert coherence(foreign.text, at(foreign).start, len(foreign.text)) == 0.0
    assert coherence(fitting.text, at(fitting).start, len(fitting.text)) == 7 / 11  # 帮助 助企 企业 业解 解决 技术 难题
    assert judge(at(foreign), at(fitting)) == at(foreign)  # not the later one: the one that fits worse


# ---------------------------------------------------------------- removal inside a report


def test_whole_block_copy_is_removed_and_undone() -> None:
    first = "举办以中国梦为主题的劳动者的歌文艺汇演、第二届职工气排球比赛等系列活动，引导广大职工追求健康向上的生活情趣。"
    copy = "劳动者之歌文艺汇演、第二届职工气排球比赛等系列活动，引导广大职工追求健康向上的生活情趣。"
    doc = remove_layout_copies(doc_of("一是继续开展主题教育。", copy, first))
    assert [b.id for b in doc.blocks] == ["p1", "p3"]
    assert doc.duplicates == [DuplicateRecord(copy, "p2", "p3", offset=0)]
    assert undo_all(doc) == doc_of("一是继续开展主题教育。", copy, first).blocks


def test_a_pull_quote_printed_again_alone_is_removed_and_undone() -> None:
    first = "“焊缝就像人品，来不得半点马虎。”这是师傅当年教给他的一句话，他记了30年。"
    quote = "“焊缝就像人品，来不得半点马虎。”"
    doc = remove_layout_copies(doc_of(first, "他先后带徒68名。", quote, "徒弟们说，师傅从不留一手。"))
    assert [b.id for b in doc.blocks] == ["p1", "p2", "p4"]
    assert doc.duplicates == [DuplicateRecord(quote, "p3", "p1", offset=0)]
    assert undo_all(doc) == doc_of(first, "他先后带徒68名。", quote, "徒弟们说，师傅从不留一手。").blocks
    # A quotation printed once stays, however short.
    assert len(remove_layout_copies(doc_of("他说：", "“干就完了。”", "后来的事。")).blocks) == 3


def test_sentence_glued_to_the_end_of_a_paragraph_is_removed() -> None:
    tail = "选树市级以上工人先锋号十五个，命名本级以上创新工作室四个，帮助企业解决技术难题七个。"
    one = "二〇一四年开展劳动竞赛，收集意见建议二千条；" + tail
    two = "实施蓝领素质提升工程，累计资助优秀农民工免费上大学。" + tail
    doc = remove_layout_copies(doc_of(one, two))
    assert doc.blocks[0].text == one and doc.blocks[1].text == "实施蓝领素质提升工程，累计资助优秀农民工免费上大学。"
    [record] = doc.duplicates
    assert (record.text, record.removed_from, record.repeats, record.offset) == (tail, "p2", "p1", 26)
    assert undo_all(doc) == doc_of(one, two).blocks


def test_a_paragraph_printed_on_past_its_last_lines_set_again_is_one_paragraph() -> None:
    """The last lines of a column set again atop the next, the paragraph going on after them (that line set flush, the
    paragraph set in): one paragraph, the copy recorded inside it, where keeping it puts it back as printed."""
    head = "在白银市职工服务中心，法律咨询、劳动争议调解、困难帮扶等窗口一字排开，选派8名律师轮流坐班。"
    tail = "1至10月，中心共接待职工法律咨询2,160人次，办理法律援助案件236件，调解成功率达到91.4%。"
    rest = "针对建筑领域欠薪问题，市总工会在重点在建项目设立维权联络点。"

    def printed(second: str, first_set_in: bool = True, second_set_in: bool = False) -> Document:
        return Document("标题", [Block("paragraph", head + tail, id="p1", indented=first_set_in),
                                 Block("paragraph", second, id="p2", indented=second_set_in)])

    doc = remove_layout_copies(printed(tail + rest))
    assert [(b.id, b.text) for b in doc.blocks] == [("p1", head + tail + rest)]
    [record] = doc.duplicates
    assert (record.text, record.kind) == (tail, "layout")
    assert undo_all(doc) == [Block("paragraph", head + tail + tail + rest, id="p1")]
    # The second set in as a paragraph opens, or nothing set in: two paragraphs, as printed.
    for apart in (printed(tail + rest, second_set_in=True), printed(tail + rest, first_set_in=False)):
        assert len(remove_layout_copies(apart).blocks) == 2
        assert undo_all(remove_layout_copies(apart)) == apart.blocks
    # A quotation an author says again to open the next paragraph: two paragraphs, however set.
    said = "“职工的事再小也是大事，工会干部要把职工当亲人。”"
    quoted = Document("标题", [Block("paragraph", head + said, id="p1", indented=True),
                               Block("paragraph", said + "这是张建华常挂在嘴边的一句话。", id="p2")])
    assert len(remove_layout_copies(quoted).blocks) == 2
    # Two narrow lines set again (under forty characters): one paragraph too.
    short = "今年以来，中心共接待职工法律咨询2,160人次，办理法律援助案件236件。"
    narrow = Document("标题", [Block("paragraph", head + short, id="p1", indented=True),
                               Block("paragraph", short + rest, id="p2")])
    assert [b.text for b in remove_layout_copies(narrow).blocks] == [head + short + rest]
    # After the copy, a paragraph of its own (二是…): two paragraphs.
    opener = "二是深化劳动争议调解，全年调解案件312件。"
    assert len(remove_layout_copies(printed(tail + opener)).blocks) == 2


def test_a_sentence_set_twice_running_goes_with_its_mark() -> None:
    twice = "全年新建基层工会五百六十家，新发展会员四万六千名，其中新就业形态劳动者一万二千名。"
    text = "截至年底全市有会员九十一万人。" + twice + twice + "新建职工书屋四十二家。"
    doc = remove_layout_copies(doc_of(text))
    assert doc.blocks[0].text == "截至年底全市有会员九十一万人。" + twice + "新建职工书屋四十二家。"  # no 。。
    assert undo_all(doc) == doc_of(text).blocks


def test_restatement_in_complete_sentences_is_kept_and_recorded() -> None:
    figures = "市本级累计发放医疗互助补助金1.64亿元、意外伤害保障金746.58万元、困难职工救助金1674万元"
    opening = "这是收获的五年：全市有企业参与创建；" + figures + "；全市基层工会组织达到两万家……"
    later = "推进职工医疗互助，着力构建普惠化的职工保障体系。" + figures + "。"
    doc = remove_layout_copies(doc_of(opening, later))
    assert body(doc) == opening + "\n" + later
    assert [(d.kind, d.removed_from, d.repeats) for d in doc.duplicates] == [("restatement", None, "p1")]


def test_lead_is_never_cut_and_a_caption_copy_in_the_body_goes() -> None:
    lead = "按：近年来市总工会紧紧围绕打造实干型创新型服务型实力型工会目标，各项工作取得新进展。"
    text = "近年来市总工会紧紧围绕打造实干型创新型服务型实力型工会目标，团结职工建功立业。"
    caption = "临安市总工会开展千名艰苦岗位一线职工免费体检活动现场"
    glued = "开展四送活动，举办联谊活动六十二场。临安市总工会开展千名艰苦岗位一线职工免费体检活动现场"
    doc = remove_layout_copies(doc_of(text, glued, lead=lead, captions=(caption,)))
    assert doc.lead == lead and doc.figures[0].caption == caption
    assert doc.blocks[0].text == text
    assert doc.blocks[1].text == "开展四送活动，举办联谊活动六十二场。"
    assert [d.repeats for d in doc.duplicates if d.kind == "layout"] == ["fig1"]


def test_copy_inside_one_long_clause_is_flagged_not_cut() -> None:
    passage = "举办第二届职工气排球比赛等五一系列活动引导广大职工追求健康向上的生活情趣"
    whole = "四是丰富职工文化活动阵地，" + passage + "。"
    glued = "一是继续开展主题教育活动深入基层开展调研" + passage
    doc = remove_layout_copies(doc_of(whole, glued))
    assert body(doc) == whole + "\n" + glued
    assert [(n.kind, n.anchor, n.text) for n in doc.review] == [("repeat", "p2", passage)]
    assert remove_layout_copies(doc) == doc


def test_third_copy_is_removed_too() -> None:
    tail = "组织职工技术服务队开展技术攻关活动四次，帮助企业解决技术难题七个。"
    texts = ["一是开展立功竞赛，" + tail, "二是举办技能大赛。" + tail, "三是开展合理化建议活动。" + tail]
    doc = remove_layout_copies(doc_of(*texts))
    assert body(doc).count(tail) == 1
    assert undo_all(doc) == doc_of(*texts).blocks


def test_removed_whole_paragraph_comes_back_in_its_place_or_after_what_it_repeats() -> None:
    blocks = [Block("paragraph", "甲。", id="p1"), Block("heading", "小标题", level=2), Block("paragraph", "丙。", id="p3")]
    records = [DuplicateRecord("乙。", "p2", "p1", keep=True, offset=0), DuplicateRecord("丁。", "x9", "p1", keep=False)]
    assert [b.text for b in restore_kept(blocks, records)] == ["甲。", "小标题", "乙。", "丙。"]
    named = [DuplicateRecord("乙。", "extra", "p1", keep=True, offset=0)]
    assert [b.id for b in restore_kept(blocks, named)] == ["p1", "extra", "", "p3"]
    assert restore_kept(blocks, [DuplicateRecord("乙。", "p1", "p3", kind="restatement", keep=True)]) == blocks


# ---------------------------------------------------------------- generated reports


def layout_copy_doc(rng: random.Random) -> tuple[Document, str]:
    """A clean report with one passage of a paragraph printed again the way pages do it."""
    texts = [paragraph(rng) for _ in range(6)]
    source = rng.randrange(6)
    sentences = re.findall(r"[^。]+。", texts[source])
    first = rng.randrange(len(sentences))
    passage = "".join(sentences[first : first + rng.randint(1, 2)])
    shape = rng.choice(["block", "glued", "ragged"])
    target = rng.choice([i for i in range(6) if i != source])
    if shape == "block":
        texts.insert(target, passage)
    elif shape == "glued":
        texts[target] += passage
    else:
        passage = passage[: rng.randint(24, max(24, len(passage) - 2))].rstrip("，")
        texts[target] = texts[target][:-1] + "，" + passage
    return doc_of(*texts), passage


def test_injected_layout_copies_are_all_removed_once() -> None:
    rng = random.Random(7)
    for _ in range(60):
        doc, passage = layout_copy_doc(rng)
        if sum("\u4e00" <= c <= "\u9fff" for c in passage) < 20:
            continue
        result = remove_layout_copies(doc)
        assert body(result).count(passage) == 1, passage
        assert [d.kind for d in result.duplicates] == ["layout"]
        assert undo_all(result) == doc.blocks


def test_clean_reports_lose_nothing() -> None:
    rng = random.Random(8)
    for _ in range(20):
        doc = doc_of(*(paragraph(rng) for _ in range(8)))
        assert remove_layout_copies(doc) == doc


_PIECES = st.sampled_from(
    [
        "选树市级以上工人先锋号十五个，命名本级以上创新工作室四个。",
        "组织职工技术服务队开展技术攻关活动四次，帮助企业解决技术难题七个。",
        "组织職工技术服务队开展技术攻关活动四次，帮助企業解决技术难题七个",
        "全市有六万家企业参与和谐劳动关系创建活动；",
        "有效借力社会",
        "开展四送活动，",
        "举办职工交友联谊活动六十二场。",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=5).map("".join), min_size=1, max_size=6))
def test_nothing_lost_deterministic_idempotent(texts: list[str]) -> None:
    doc = doc_of(*texts)
    once = remove_layout_copies(doc)
    assert undo_all(once) == doc.blocks  # every removed character is in duplicates, and goes back
    assert remove_layout_copies(doc) == once
    twice = remove_layout_copies(once)
    assert twice.blocks == once.blocks and twice.duplicates == once.duplicates



def test_a_passage_printed_many_times_settles_in_one_call() -> None:
    clause = "组织职工技术服务队开展技术攻关活动四次，帮助企业解决技术难题七个"
    doc = doc_of("选树市级以上工人先锋号十五个，命名本级以上创新工作室四个。" + clause * 2, clause * 9, clause * 3)
    once = remove_layout_copies(doc)
    assert body(once).count(clause) == 1  # eight copies and more: a fixed number of passes left some behind
    assert remove_layout_copies(once).blocks == once.blocks
    assert undo_all(once) == doc.blocks


# ---------------------------------------------------------------- the seeds


def seed_blocks(name: str) -> list[str]:
    """The blank-line separated blocks of a seed, as printed."""
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def seed_paragraph(blocks: list[str], *heads: str) -> str:
    """The seed paragraph made of the blocks starting with heads (a page break split it)."""
    return "".join(next(b for b in blocks if b.startswith(head)) for head in heads)


def test_seed_000_glued_tail_of_the_four_sends_paragraph_goes() -> None:
    raw = seed_blocks("000")
    help_ = seed_paragraph(raw, "完善“一个中心", "资源加强劳动法律")
    sends = seed_paragraph(raw, "常态化开展春送岗位")
    doc = remove_layout_copies(doc_of(help_, sends))
    assert doc.blocks[0].text == help_
    assert doc.blocks[1].text.endswith("与邮政局达成10项“关爱职工”项目战略合作协议")
    assert body(doc).count("2365家列入劳动保护分级管理，录入省总管理系统。连续第十年") == 1
    assert [(d.removed_from, d.repeats) for d in doc.duplicates] == [("p2", "p1")]


def test_seed_001_both_layout_copies_go() -> None:
    raw = seed_blocks("001")
    texts = [
        seed_paragraph(raw, "2014年,建德市总工会以推进"),
        seed_paragraph(raw, "实施“138”蓝领素质提升工程,累计"),
        seed_paragraph(raw, "一是继续以“中国梦·劳动美”"),
        seed_paragraph(raw, "劳动者之歌文艺汇演"),
        seed_paragraph(raw, "三是加快建设覆盖乡镇"),
        seed_paragraph(raw, "四是加强“职工书屋”建设"),
    ]
    doc = remove_layout_copies(doc_of(*texts))
    assert body(doc).count("选树市级以上“工人先锋号”15个") == 1
    assert doc.blocks[0].text == texts[0]
    assert doc.blocks[1].text.endswith("实现技能晋级289人。")
    assert "劳动者的歌文艺汇演" in body(doc) and "劳动者之歌文艺汇演" not in body(doc)
    assert sorted((d.removed_from, d.repeats) for d in doc.duplicates) == [("p2", "p1"), ("p4", "p6")]


def test_seed_003_repeated_education_subsidy_is_left_once_and_the_stutter_is_not_ours() -> None:
    raw = seed_blocks("003")
    service = seed_paragraph(raw, "**打造服务品牌多元模式")
    collar = seed_paragraph(raw, "**注重打造多层次蓝领提升品牌")
    stutter = seed_paragraph(raw, "**充分发挥基层工会组织优势")
    doc = remove_layout_copies(doc_of(service, collar, stutter))
    assert body(doc).count("扩大专科学历教育补助面") == 1
    assert doc.blocks[1].text == collar  # the copy that follows its topic sentence stays
    assert "化解在早,化解在早" in body(doc)


def test_seed_004_opening_figures_restated_in_the_body_stay() -> None:
    raw = seed_blocks("004")
    texts = [
        seed_paragraph(raw, "全市有17.4万多家企业", "业参与和谐劳动关系"),
        seed_paragraph(raw, "五年来,杭州市工会深入推进和谐", "建设,推动市、区"),
        seed_paragraph(raw, "推进职工医疗互助市县级", "筹,实施职工意外"),
        seed_paragraph(raw, "杭州加强工会组建工作", "440.18万名,分别比"),
    ]
    doc = remove_layout_copies(doc_of(*texts))
    assert [b.text for b in doc.blocks] == texts
    assert [d.kind for d in doc.duplicates] == ["restatement"] * 3
    for figure in ("6.8万家企业参与", "市本级累计发放医疗互助补助金1.64亿元", "全市基层工会组织达到2.58万家"):
        assert body(doc).count(figure) == 2


def recovered(name: str) -> Document:
    """A seed as recovered by the structure stage, before dedup."""
    from reportsite.structure import recover_document

    return recover_document(next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8"))


def test_recovered_seeds_lose_exactly_their_layout_copies() -> None:
    layout = {"000": 1, "001": 2, "002": 0, "003": 1, "004": 0}
    once = {
        "000": ["2365家列入劳动保护分级管理"],
        "001": ["选树市级以上“工人先锋号”15个", "文艺汇演、第二届职工气排球比赛"],
        "003": ["扩大专科学历教育补助面"],
    }
    for name, count in layout.items():
        doc = recovered(name)
        result = remove_layout_copies(doc)
        assert [d.kind for d in result.duplicates].count("layout") == count, name
        for phrase in once.get(name, []):
            assert body(result).count(phrase) == 1, (name, phrase)
        assert undo_all(result) == doc.blocks, name
        assert remove_layout_copies(result) == result, name


def test_recovered_seed_004_keeps_its_restated_figures() -> None:
    result = remove_layout_copies(recovered("004"))
    assert [d.kind for d in result.duplicates] == ["restatement"] * 3
    for figure in ("6.8万家企业参与", "市本级累计发放医疗互助补助金1.64亿元", "全市基层工会组织达到2.58万家"):
        assert body(result).count(figure) == 2


def test_a_stretch_printed_twice_running_at_a_page_break_is_cut_exactly_once() -> None:
    twice = "项，参赛职工3200余人次，其中128名职工通过竞赛晋升技能等"
    text = f"县总工会举办县级职业技能竞赛22{twice}{twice}级。在全省大赛中获得二等奖1项。"
    doc = remove_layout_copies(doc_of(text, "第二段正文，讲述了帮扶情况。"))
    assert body(doc).startswith(f"县总工会举办县级职业技能竞赛22{twice}级。在全省大赛中")
    assert [(d.kind, d.text, d.removed_from) for d in doc.duplicates] == [("layout", twice, "p1")]
    assert undo_all(doc)[0].text == text  # keep: true puts it back where it was


def test_a_story_printed_twice_goes_with_its_headline_and_an_unrepeated_empty_section_stays():
    story = "平江县第二届电工职业技能竞赛在县职业中专落下帷幕，来自全县32家企业的116名电工同台竞技。"
    blocks = [Block("heading", "平江县举办电工技能竞赛", level=2), Block("paragraph", story, id="p1"),
              Block("heading", "其他消息", level=2), Block("paragraph", "区总工会为职工书屋授牌，并赠送图书1200册。", id="p2"),
              Block("heading", "平江县举办电工技能竞赛", level=2), Block("paragraph", story, id="p3"),
              Block("heading", "附录", level=2)]
    doc = remove_layout_copies(Document(title="简讯", blocks=blocks))
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["平江县举办电工技能竞赛", "其他消息", "附录"]
    assert "平江县举办电工技能竞赛" in doc.debris


def test_a_repeated_section_heading_over_a_subheading_stays_when_a_copy_is_cut_elsewhere():
    twice = "全市工会组织职工开展技能竞赛，参赛职工达到1.2万人次，比上年增加两千人次。"
    blocks = [Block("heading", "一、城区工会", level=2), Block("heading", "（一）主要做法", level=3),
              Block("paragraph", "城区工会强化组织建设，新建基层工会20家。", id="p1"),
              Block("heading", "二、郊区工会", level=2), Block("heading", "（一）主要做法", level=3),
              Block("heading", "1.强化组织建设", level=4), Block("paragraph", "郊区工会新建驿站12个。", id="p2"),
              Block("paragraph", twice, id="p3"), Block("paragraph", twice, id="p4")]
    doc = remove_layout_copies(Document(title="总结", blocks=blocks))
    assert [b.text for b in doc.blocks if b.kind == "heading"].count("（一）主要做法") == 2
