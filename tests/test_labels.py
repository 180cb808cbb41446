"""Reading a figure in its sentence: clause bounds, cut points and label cleaning, pinned against plain readings."""

from hypothesis import given
from hypothesis import strategies as st

from reportsite.labels import (
    CLAUSE_END,
    COMMA_END,
    EDGE_JUNK,
    NO_QUOTES,
    _cuts,
    _positions,
    _trim,
    balanced,
    clause_end,
    clause_start,
    clean_label,
    default_rules,
    label_after,
    label_after_to,
    widen_clause_start,
)
from reportsite.numbers import find_quantities

RULES = default_rules()
CLAUSE_TEXT = st.text(alphabet="工会，、。（）(县市区a", max_size=24)


@given(CLAUSE_TEXT, st.data())
def test_widen_clause_start_is_clause_start_at_commas(text, data):
    start = data.draw(st.integers(0, len(text)))
    left = clause_start(text, start, CLAUSE_END)
    assert widen_clause_start(text, left, COMMA_END) == clause_start(text, start, COMMA_END)


def test_widen_clause_start_walks_past_the_list_mark_only():
    text = "建成职工书屋、驿站，共12家"
    start = text.index("驿")
    assert clause_start(text, start, CLAUSE_END) == start
    assert widen_clause_start(text, start, COMMA_END) == 0
    assert widen_clause_start(text, text.index("共"), COMMA_END) == text.index("共")


@given(st.text(alphabet="开展组织建设的哈哈会a", max_size=16), st.lists(st.text(alphabet="开展组织建设的哈", max_size=3), max_size=6))
def test_cuts_are_the_ends_of_every_word(phrase, words):
    words = tuple(words)
    assert _cuts(phrase, words) == {i + len(w) for w in words for i in _positions(phrase, w)}


def test_cuts_of_words_that_begin_alike():
    assert _cuts("组织开展建设", ("开展", "开", "建设", "展")) == {3, 4, 6}


def _clean_label_plainly(label: str) -> str:
    """clean_label as first written: each step in turn."""
    if any(mark in label for mark in "“”‘’「」『』\"'"):
        label = label.translate(NO_QUOTES)
    return _trim(balanced(label).strip(EDGE_JUNK), RULES)


@given(st.text(alphabet="全市累计职工“”（）(]3. 达到", max_size=14))
def test_clean_label_is_each_step_in_turn(label):
    assert clean_label(label, RULES) == _clean_label_plainly(label)


@given(st.text(alphabet="建成120名的青年职工，、（）参加培训", max_size=24))
def test_label_after_reads_the_clause_past_a_de_as_from_the_figure(text):
    for quantity in find_quantities(text):
        after_de = quantity.end + text.startswith("的", quantity.end)
        assert label_after(text, quantity, RULES) == label_after_to(text, quantity, clause_end(text, after_de, CLAUSE_END), RULES)


def test_a_label_keeps_no_emphasis_marks_of_a_bold_lead_in():
    assert clean_label("**投资", RULES) == "投资"
    assert clean_label("增强职工维权帮困力度。**合力解决", RULES) == "增强职工维权帮困力度。合力解决"
