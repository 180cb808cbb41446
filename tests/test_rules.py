"""The text-table helpers: one pattern for many words."""

import re

import pytest

from hypothesis import given
from hypothesis import strategies as st

from reportsite.rules import acts_at_start, longest_word_pattern


def test_longest_word_pattern_nests_words_by_their_beginnings():
    assert longest_word_pattern(["工会", "工会会员", "工资"]) == "工(?:会(?:会员)?|资)"
    assert re.compile(longest_word_pattern(["工会", "工会会员", "会员"])).findall("工会会员和工会") == ["工会会员", "工会"]


def test_longest_word_pattern_without_words_never_matches():
    assert re.compile(longest_word_pattern([])).search("任何文字") is None


WORDS = st.lists(st.text(alphabet="工会员资a.(", min_size=0, max_size=4), max_size=8)


@given(WORDS, st.text(alphabet="工会员资a.( ", max_size=20))
def test_longest_word_pattern_matches_like_the_alternation_longest_first(words, text):
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    expected = [m.span() for m in re.finditer(alternation, text)] if words else []
    assert [m.span() for m in re.finditer(longest_word_pattern(words), text)] == expected


@pytest.mark.parametrize(("caption", "acts"), [
    ("黄梅县一名“黄冈工匠”在创新工作室内指导青年职工开展技术攻关。", True),  # a craftsman, named within the first ten characters
    ("叙州区总工会工作人员在产业园区为职工办理参保手续。", True),
    ("近三年来，全市通过技能竞赛涌现出“黄冈工匠”60名。", False),  # named too late: a paragraph's sentence
])
def test_who_acts_in_a_photo_is_named_at_a_captions_start(caption, acts):
    assert (acts_at_start(caption) is not None) == acts
