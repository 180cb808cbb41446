"""Tests for reportsite.review: stray Latin, stutters, doubled characters, cut-off text, numbering."""

from reportsite.model import Block, Document
from reportsite.review import (
    doubled_characters,
    numbering_notes,
    repeated_phrases,
    review_document,
    stray_latin,
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
