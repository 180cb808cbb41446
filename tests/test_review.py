"""Tests for reportsite.review: stray Latin, stutters, doubled characters, cut-off text, numbering."""

import pytest

from reportsite.model import Block, Document
from reportsite.review import (
    doubled_characters,
    numbering_notes,
    repeated_phrases,
    review_document,
    stray_latin,
    tail,
)


def test_stray_latin_word_in_chinese_sentence():
    assert stray_latin("贯彻党的十九大精神 and 习近平新时代中国特色社会主义思想") == ["的十九大精神 and 习近平新时代"]


def test_codes_and_acronyms_are_not_stray():
    assert stray_latin("G20峰会、O2O平台、“杭工e家”APP下载量、5+X模式") == []


def test_phrase_printed_twice():
    assert repeated_phrases("强化介入，化解在早，化解在早。") == ["入，化解在早，化解在早。"]
    assert repeated_phrases("同研究、同部署、同落实") == []


def test_doubled_character_slip_is_flagged():
    assert doubled_characters("向纵深深推进工会改革") == ["向纵深深推进工"]


def test_ordinary_doubles_are_not_flagged():
    for text in ["谢谢大家", "常常", "天天锻炼", "人人参与", "一一对应", "一个个具体梦想", "扎扎实实做好事",
                 "工会会员440万名", "职工工资稳步增长", "学习习近平新时代思想", "紧紧围绕中心", "今天天气好"]:
        assert doubled_characters(text) == [], text


def test_numbering_skips_are_flagged_and_restarts_allowed():
    blocks = [
        Block("paragraph", "一是继续开展活动。", id="p1"),
        Block("paragraph", "三是加快建设。", id="p2"),
        Block("paragraph", "四是加强建设。", id="p3"),
        Block("heading", "下一节", level=2),
        Block("paragraph", "一是坚持理念。", id="p4"),
        Block("paragraph", "二是深入开展。", id="p5"),
    ]
    notes = numbering_notes(blocks)
    assert [(n.kind, n.anchor) for n in notes] == [("numbering", "p2")]


def test_cut_off_paragraph_is_noted():
    doc = Document(title="t", blocks=[Block("paragraph", "有效借力社会", id="p1"), Block("paragraph", "完整。", id="p2")])
    notes = review_document(doc)
    assert [(n.kind, n.anchor, n.text) for n in notes] == [("cut_off", "p1", "有效借力社会")]


@pytest.mark.parametrize(("text", "quoted"), [
    ("表1　2021年部分站段劳动竞赛开展情况", "2021年部分站段劳动竞赛开展情况"),  # no number cut in two
    ("全年共建成职工书屋12600家，其中示范点和流动书箱共", "12600家，其中示范点和流动书箱共"),
    ("各站段推广使用Excel和WPS办公软件进行统计汇总", "Excel和WPS办公软件进行统计汇总"),
    ("加快推进产业工人队伍建设改革，有效借力社会", "业工人队伍建设改革，有效借力社会"),  # Han characters: the last sixteen
])
def test_a_cut_paragraphs_note_quotes_its_end_without_cutting_a_number_or_a_word(text, quoted):
    assert tail(text) == quoted


@pytest.mark.parametrize(("text", "noted"), [
    ("表1　2021年部分站段劳动竞赛开展情况", False),  # a table's title ends as it should
    ("2016年度全市工会工作先进单位名单", False),
    ("全市各级工会深入开展劳动竞赛，推动", True),  # a paragraph stopping mid-sentence
])
def test_a_tables_title_is_no_paragraph_cut_off(text, noted):
    doc = Document(title="标题", blocks=[Block("paragraph", text, id="p1")])
    assert any(n.kind == "cut_off" for n in review_document(doc)) == noted
