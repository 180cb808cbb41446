"""The shared records: what the build cache keeps of them comes back whole."""

import datetime as dt
import pickle
from dataclasses import dataclass, field

import pytest

from reportsite.metric_pages import RowSummary
from reportsite.metric_rows import MetricRow
from reportsite.model import (Block, FigureCaption, MetricRecord, Period, Region, Report, ReviewNote, SharedPassage,
                              pickled_by_fields)


def _report() -> Report:
    return Report(
        title="临安区总工会法律援助", slug="linan-2015", body="全年办理案件120件。\n{#p1}\n",
        region=Region("临安区", "杭州市"), period=Period(2013, 2015), date=dt.date(2015, 3, 1),
        authors=["记者 王明"], figures=[FigureCaption("图为职工书屋", "p1")],
        metrics=[MetricRecord("legal-aid-cases", "案件", 120, "件", "120件", "p1", also_at=["p3"], kind="target"),
                 MetricRecord(None, "", 2.5, "元", "2.5元", "lead", approx="about", caption=True)],
        also_in=[SharedPassage("全年办理案件", "p1", "xiaoshan-2014", "p2")],
        review=[ReviewNote("stutter", "p1", "案件件", "重复的字")], extra={"editor": "张"},
    )


def test_a_report_and_its_records_come_back_equal_from_the_cache():
    report = _report()
    again = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == report
    assert again.metrics[0].also_at == ["p3"] and again.metrics[0].also_at is not report.metrics[0].also_at


def test_frozen_rows_and_summaries_come_back_equal():
    row = MetricRow("legal-aid-cases", "linan-2015", "题", "reports/linan-2015/", "临安区", "regions/linan/", "2015",
                    "案件", 120, "件", None, "actual", "120件", "reports/linan-2015/#p1", also=("p3",),
                    sentence=("全年办理", "120件", "。"), order=2, conflict=True)
    summary = RowSummary(("linan-2015", "abc"), {"legal-aid-cases": ("d1", 1), None: ("d2", 3)})
    blocks = [Block("paragraph", "正文", id="p1"), Block("heading", "小标题", 2)]
    for value in (row, summary, blocks):
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_cached_figure_stores_values_not_field_names():
    record = MetricRecord("legal-aid-cases", "案件", 120, "件", "120件", "p1")
    assert b"also_at" not in pickle.dumps(record)  # what makes reading 300,000 of them back fast
    assert pickle.loads(pickle.dumps([record] * 2))[1] == record


def test_a_field_outside_init_is_refused():
    with pytest.raises(TypeError, match="Counted: a field outside __init__"):
        @pickled_by_fields
        @dataclass
        class Counted:
            name: str
            count: int = field(default=0, init=False)



@dataclass
class Noted(MetricRecord):
    """A subclass with a field of its own: pickled the default way, so the field is kept."""

    note: str = ""


def test_a_subclass_is_pickled_whole():
    record = Noted("members", "会员", 86, "人", "86人", "p2", note="待核")
    again = pickle.loads(pickle.dumps(record))
    assert type(again) is Noted and again == record
