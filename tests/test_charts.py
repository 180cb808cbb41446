"""Inline SVG charts: well-formed, escaped, accessible, deterministic, and honest about scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reportsite.charts import Bar, bar_chart, bar_length, text_width

SVG = "{http://www.w3.org/2000/svg}"


def sample_bars() -> list[Bar]:
    """Two actual figures (one approximate) and a target."""
    return [
        Bar("余杭区 2012—2016年", "职工", 2500, "近2,500名", approx=True),
        Bar("建德市 2014年", "优秀农民工", 172, "172名"),
        Bar("临平区 2021年", "大专学历教育提升职工", 2000, "2,000名", target=True),
    ]


def test_chart_is_well_formed_xml_with_title_and_description() -> None:
    svg = bar_chart(sample_bars(), "职工学历提升资助", "三个数值", "chart-1")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-1-title chart-1-desc"
    assert root.find(f"{SVG}title").text == "职工学历提升资助"
    assert root.find(f"{SVG}desc").text == "三个数值"
    assert "Noto Sans CJK SC" in root.get("font-family")


def test_chinese_labels_and_values_are_drawn() -> None:
    root = ET.fromstring(bar_chart(sample_bars(), "t", "d", "c"))
    drawn = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "余杭区 2012—2016年 · 职工" in drawn
    assert "近2,500名" in drawn and "2,000名（目标）" in drawn


def test_text_from_content_is_escaped() -> None:
    bars = [Bar('<i>"x"</i> & 区', "标签<b>", 5, "5个")]
    svg = bar_chart(bars, "A & <B>", 'say "hi"', "c")
    assert "<i>" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    drawn = "".join(root.itertext())
    assert '<i>"x"</i> & 区 · 标签<b>' in drawn
    assert root.find(f"{SVG}title").text == "A & <B>"


def test_targets_and_approximate_values_look_different_from_actual_ones() -> None:
    root = ET.fromstring(bar_chart(sample_bars(), "t", "d", "c"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("height") == "14"]
    approx, actual, target = bars
    assert actual.get("fill-opacity") is None and approx.get("fill-opacity") is not None
    assert target.get("stroke-dasharray") and target.get("fill") != actual.get("fill")
    legend = "".join(root.itertext())
    assert "实际" in legend and "目标" in legend and "约数" in legend
    plain = "".join(ET.fromstring(bar_chart([Bar("建德市 2014年", "", 1, "1个")], "t", "d", "c")).itertext())
    assert "实际" in plain and "目标" not in plain and "约数" not in plain  # the key shows only styles in use


def test_bar_lengths_follow_the_values() -> None:
    root = ET.fromstring(bar_chart(sample_bars(), "t", "d", "c"))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("height") == "14"]
    assert widths[0] > widths[2] > widths[1] > 0
    assert abs(widths[2] / widths[0] - 2000 / 2500) < 0.01


def test_tiny_values_stay_visible_and_zero_draws_nothing() -> None:
    assert bar_length(1, 25800, 400) == 2.0
    assert bar_length(0, 100, 400) == 0.0
    assert bar_length(5, 0, 400) == 0.0


def test_output_is_deterministic_and_coordinates_are_rounded() -> None:
    first = bar_chart(sample_bars(), "t", "d", "c")
    assert first == bar_chart(sample_bars(), "t", "d", "c")
    root = ET.fromstring(first)
    for element in root.iter():
        for name in ("x", "y", "width", "height"):
            value = element.get(name)
            if value is not None:
                assert len(value.partition(".")[2]) <= 1, (name, value)


def test_long_labels_are_cut_with_an_ellipsis() -> None:
    root = ET.fromstring(bar_chart([Bar("杭州市 2013—2017年", "应急" * 30, 1, "1个")], "t", "d", "c"))
    label = "".join(next(t for t in root.iter(f"{SVG}text") if "杭州市" in "".join(t.itertext())).itertext())
    assert label.endswith("…") and len(label) <= 28


def test_cjk_text_is_measured_wider_than_digits() -> None:
    assert text_width("职工", 10) == 20
    assert text_width("12", 10) == 12


def test_empty_chart_is_still_valid() -> None:
    root = ET.fromstring(bar_chart([], "空", "无数值", "c"))
    assert root.get("role") == "img"
