"""Numbers, values, dates and periods read the way Chinese readers expect."""

import datetime as dt

from reportsite.zh import format_count, format_date, format_number, format_period, format_value


def test_large_numbers_use_wan_and_yi():
    assert format_number(25800) == "25,800"
    assert format_number(258000) == "25.8万"
    assert format_number(172_000_000) == "1.72亿"


def test_small_numbers_keep_digits_and_decimals():
    assert format_number(1600) == "1,600"
    assert format_number(86.5) == "86.5"
    assert format_number(None) == ""


def test_values_carry_approximation_words_and_units():
    assert format_value(100_000_000, "元", "near") == "近1亿元"
    assert format_value(200000, "名", "over") == "逾20万名"
    assert format_value(86, "%") == "86%"


def test_dates_and_periods():
    assert format_date(dt.date(2021, 8, 3)) == "2021年8月3日"
    assert format_period(2015) == "2015年"
    assert format_period(2015, 2015) == "2015年"
    assert format_period(2013, 2017) == "2013—2017年"
    assert format_count(5, "篇") == "5篇"


def test_percentage_points_are_read_with_their_measure_word():
    assert format_value(7.5, "百分点") == "7.5个百分点"
