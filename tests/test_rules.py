"""The text-table helpers: one pattern for many words."""

import re

from hypothesis import given
from hypothesis import strategies as st

from reportsite.rules import longest_word_pattern


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
