"""The number grammar: numerals, multipliers, qualifiers, measure words."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportsite.numbers import (
    GrammarError,
    _bare_number,
    _quantity,
    default_grammar,
    find_quantities,
    load_grammar,
    parse_arabic,
    parse_chinese_numeral,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.58", 2.58), ("1,000", 1000), ("1600", 1600), ("１６００", 1600), ("94.86", 94.86)],
)
def test_arabic_numbers(text, value):
    assert parse_arabic(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("三千", 3000), ("七", 7), ("十三", 13), ("两", 2), ("一百二十", 120), ("零", 0), ("十", 10),
     ("三万五千", 35000), ("百", 100), ("亿", 100_000_000), ("一亿二千万", 120_000_000), ("二〇二一", 2021)],
)
def test_chinese_numerals(text, value):
    assert parse_chinese_numeral(text) == value


def test_chinese_numeral_rejects_other_text():
    with pytest.raises(ValueError):
        parse_chinese_numeral("一线")


@pytest.mark.parametrize(("text", "found"), [
    ("提高到百分之四十一点五", [("百分之四十一点五", 41.5, "%")]),
    ("新增会员三点二万人", [("三点二万人", 32000, "人")]),
    ("覆盖率达百分之九十八点零六", [("百分之九十八点零六", 98.06, "%")]),
    ("下午三点召开会议", []),  # o'clock: no digits after 点
    ("一点一滴做起", []),  # no measure word
])
def test_chinese_decimals(text, found):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text, default_grammar())] == found


@pytest.mark.parametrize(("text", "value"), [("2.58万", 25800), ("1.72亿", 172_000_000), ("十三", 13), ("5000", 5000)])
def test_multipliers(text, value):
    assert parse_number(text) == value


# Every example of the issue, plus the seeds' own shapes.
@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("2.58万家", 25800, "家", None),
        ("1.72亿元", 172_000_000, "元", None),
        ("三千余万元", 30_000_000, "元", "over"),
        ("七轮", 7, "轮", None),
        ("近亿元", 100_000_000, "元", "near"),
        ("20余万名", 200_000, "名", "over"),
        ("1800多个", 1800, "个", "over"),
        ("不少于20名", 20, "名", "at_least"),
        ("200场以上", 200, "场", "over"),
        ("86%", 86, "%", None),
        ("百分之八十六", 86, "%", None),
        ("62场", 62, "场", None),
        ("7000万元", 70_000_000, "元", None),
        ("5000余万元", 50_000_000, "元", "over"),
        ("400多万元", 4_000_000, "元", "over"),
        ("17.4万多家", 174_000, "家", "over"),
        ("320万余人", 3_200_000, "人", "over"),
        ("18.9万户(次)", 189_000, "户(次)", None),
        ("18.9万户（次）", 189_000, "户(次)", None),
        ("16000余人次", 16000, "人次", "over"),
        ("34.3608亿元", 3_436_080_000, "元", None),
        ("近百个", 100, "个", "near"),
        ("上千人", 1000, "人", "over"),
        ("约3000人", 3000, "人", "about"),
        ("逾5000户", 5000, "户", "over"),
        ("超过2600人", 2600, "人", "over"),
        ("90%以上", 90, "%", "over"),
        ("十三个", 13, "个", None),
        ("两家", 2, "家", None),
        ("一百二十人", 120, "人", None),
        ("零起", 0, "起", None),
        ("1,000元", 1000, "元", None),
        ("3个百分点", 3, "百分点", None),
        ("500人左右", 500, "人", "about"),
    ],
)
def test_quantities(text, value, unit, approx):
    quantity = parse_quantity(text)
    assert quantity is not None, text
    assert (quantity.value, quantity.unit, quantity.approx, quantity.text) == (value, unit, approx, text)


@pytest.mark.parametrize("text", ["2021年", "8月3日", "万家", "千家", "一线", "五年", "四大工程", "3场馆", "五水共治"])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_implied_people_after_a_multiplied_number():
    found = find_quantities("组织动员全市25万职工群众，覆盖实名制会员150万，下载量达到14万次")
    assert [(q.text, q.value, q.unit, q.implied) for q in found] == [
        ("25万", 250_000, "人", True), ("150万", 1_500_000, "人", True), ("14万次", 140_000, "次", False),
    ]


def test_spans_point_at_the_printed_text():
    text = "累计募集爱心善款7000万元，实施帮扶救济4万人次，发放各类救济款近亿元。"
    for quantity in find_quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text


def test_shang_is_a_verb_before_an_exact_number():
    assert [q.text for q in find_quantities("参加上级9项目")] == ["9项"]


def test_bad_units_file_names_the_place(tmp_path: Path):
    bad = tmp_path / "units.yml"
    bad.write_text("units:\n  家: 家\n  - broken\n", encoding="utf-8")
    with pytest.raises(GrammarError, match=r"units\.yml:3:\d+"):
        load_grammar(bad)


@given(st.integers(min_value=1, max_value=99_999_999))
def test_arabic_count_round_trip(n):
    assert parse_quantity(f"{n}家").value == n


@given(st.integers(min_value=0, max_value=9999), st.sampled_from(["万", "亿"]))
def test_multiplied_round_trip(n, mult):
    assert parse_quantity(f"{n}{mult}元").value == n * {"万": 10_000, "亿": 100_000_000}[mult]


@given(st.text(alphabet="一二三四五六七八九十百千万两零的年家个名人次元%，。近余多2.5", max_size=30))
def test_find_quantities_is_deterministic_and_exact(text):
    first = find_quantities(text)
    assert first == find_quantities(text)
    for quantity in first:
        assert text[quantity.start:quantity.end] == quantity.text


@given(st.text(alphabet="一二三万亿两的年家名人职工会员约上近余，。2.5", max_size=30))
def test_a_bare_number_is_one_the_grammar_would_reject(text):
    grammar = default_grammar()
    for match in grammar.pattern.finditer(text):
        if _bare_number(match):
            assert _quantity(text, match, grammar) is None


def test_bare_numbers_are_skipped_but_counts_of_people_kept():
    grammar = default_grammar()
    bare = [_bare_number(m) for m in grammar.pattern.finditer("一线职工2021年，三万职工")]
    assert bare == [True, True, False]  # 一, 2021: nothing after them; 三万 may count the 职工 after it
    assert [q.text for q in find_quantities("一线职工2021年，三万职工")] == ["三万"]


def test_a_word_ending_on_a_qualifier_is_no_qualifier():
    assert [(q.text, q.value, q.approx) for q in find_quantities("全年开展协商要约1900余次，累计签约120家。")] == [
        ("1900余次", 1900, "over"), ("120家", 120, None)]
    assert [(q.text, q.approx) for q in find_quantities("参与职工约3000人。")] == [("约3000人", "about")]


def test_breaking_a_mark_is_over_it_and_trips_by_vehicle_are_counted_as_such():
    from reportsite.numbers import find_quantities

    assert [(q.value, q.unit, q.approx) for q in find_quantities("会员总数突破4.5万人")] == [(45000, "人", "over")]
    assert [(q.text, q.unit) for q in find_quantities("组织包车120辆次，开行22车次")] == [("120辆次", "辆次"), ("22车次", "车次")]


def test_ships_are_counted():
    from reportsite.numbers import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("“流动书箱”已配送到146艘渔船")] == [(146, "艘")]


def test_amounts_in_other_currencies_keep_their_own_unit():
    from reportsite.numbers import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("追回欠薪合共1,860万澳门元，资助港生50万港元，捐款2万元")] == [
        (18600000, "澳门元"), (500000, "港元"), (20000, "元")]


def test_shares_in_tenths_written_in_words_are_per_cent():
    from reportsite.numbers import find_quantities

    got = [(q.text, q.value, q.unit, q.approx) for q in find_quantities("近四成职工参加，六成以上的企业建会，占比一成左右，提高两成。")]
    assert got == [("近四成", 40, "%", "near"), ("六成以上", 60, "%", "over"), ("一成左右", 10, "%", "about"), ("两成", 20, "%", None)]
    for words in ["成立工会", "九成新", "一成不变", "建成书屋", "三成立"]:
        assert [q.text for q in find_quantities(words)] == [], words


def test_a_currency_named_before_the_number_is_the_amounts_unit():
    assert [(q.value, q.unit) for q in find_quantities("资助港币126万元")] == [(1260000, "港元")]
    assert [(q.value, q.unit) for q in find_quantities("共计126万元")] == [(1260000, "元")]


def test_new_taiwan_dollars_are_a_currency_of_their_own():
    from reportsite.numbers import find_quantities
    found = find_quantities("为会员争取新台币3,650万元，另拨付3,650万元")
    assert [q.unit for q in found] == ["新台币元", "元"]


def test_a_figure_after_a_word_ending_on_shang_is_read_without_it():
    assert [(q.text, q.value, q.approx) for q in find_quantities("全区建成职工书屋28个，其中市级以上6个。")] == [
        ("28个", 28, None), ("6个", 6, None)]
    assert [(q.text, q.approx) for q in find_quantities("上千人参加")] == [("上千人", "over")]  # 上 before a bare round number
    for place in ("大会上12名劳模代表作了典型发言", "在此基础上86家企业建立了协商制度", "线上2.3万名职工参与答题"):  # 上 ends a word
        assert [q.text for q in find_quantities(place)][:1] in (["12名"], ["86家"], ["2.3万名"]), place
    for verb in ("推动工作再上1个台阶", "全县年产值上10亿元的企业有5家", "发动上十万名职工参与"):  # 上 a verb or a threshold
        assert all(not q.text.startswith(("1个", "10亿元", "十万名")) for q in find_quantities(verb)), verb
