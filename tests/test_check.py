"""check: every kind of front-matter problem is reported once, at its exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportsite.check import check_content, check_file
from reportsite.cli import main
from reportsite.hazards import yaml_hazards

from conftest import make_project

METRICS = frozenset({"union-members", "grassroots-unions"})

GOOD = """---
title: 临安市总工会工作回顾
slug: linan-2015
region:
  name: 临安市
  parent: 杭州市
period:
  start: 2015
  end: 2015
date: 2016-01-05
lead: 全市25万职工群众。
figures:
- caption: 职工运动会开幕式
  after: p1
metrics:
- metric: union-members
  label: 职工群众
  value: 250000
  unit: 人
  text: 25万
  anchor: lead
  also_at:
  - p2
duplicates:
- text: 第二段的重复。
  kind: layout
  removed_from: p3
  offset: 0
  repeats: p2
  keep: false
review:
- kind: stutter
  anchor: p1
  text: 第一段
---

第一段。
{#p1}

第二段，25万职工。
{#p2}
"""


def problems_of(text: str) -> list[str]:
    """check_file on a literal file, as 'line:col: severity: message' strings."""
    result = check_file(text.encode("utf-8"), "content/x.md", METRICS)
    return [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in result.problems]


def replace_line(text: str, old: str, new: str) -> str:
    """Replace one exact line of the literal file."""
    lines = text.split("\n")
    index = lines.index(old)
    lines[index] = new
    return "\n".join(lines)


def test_good_file_has_no_problems() -> None:
    assert problems_of(GOOD) == []


def test_unquoted_hash_truncating_a_value_is_an_error_at_the_hash() -> None:
    text = replace_line(GOOD, "title: 临安市总工会工作回顾", "title: 临安市总工会 #2015年工作回顾")
    assert problems_of(text) == [
        "2:15: error: unquoted ' #' starts a comment, so '#2015年工作回顾' is dropped from the value; "
        "put the whole value in quotes"
    ]


def test_quoted_hash_is_fine() -> None:
    assert problems_of(replace_line(GOOD, "title: 临安市总工会工作回顾", 'title: "临安市总工会 #2015年"')) == []


def test_english_comment_after_a_value_is_only_a_warning() -> None:
    text = replace_line(GOOD, "slug: linan-2015", "slug: linan-2015  # keep")
    assert problems_of(text) == ["3:19: warning: text after ' #' is a comment, not part of the value; quote the value if it belongs"]


def test_unquoted_colon_in_a_value_is_reported_at_the_colon_not_as_obscure_yaml() -> None:
    text = replace_line(GOOD, "title: 临安市总工会工作回顾", "title: 回顾: 临安市总工会")
    assert problems_of(text) == [
        "2:10: error: unquoted ': ' inside a value; YAML reads it as a new key: put the whole value in quotes"
    ]


def test_colon_in_a_list_item_becomes_a_mapping_and_is_explained() -> None:
    text = replace_line(GOOD, "lead: 全市25万职工群众。", "lead: 全市25万职工群众。\nauthors:\n- 陈向阳: 记者")
    assert problems_of(text) == [
        "13:3: error: authors[0]: expected text, but an unquoted ': ' made it a 'key: value' pair; put the item in quotes"
    ]


def test_tab_in_indentation_is_an_error_at_the_tab() -> None:
    text = replace_line(GOOD, "  parent: 杭州市", "\tparent: 杭州市")
    assert problems_of(text) == ["6:1: error: tab used for indentation; YAML needs spaces"]


def test_tab_inside_a_value_is_flagged_at_the_tab() -> None:
    # libyaml (PyYAML's C parser) reads a tab inside a plain value as whitespace, so it is a warning, not an error.
    text = replace_line(GOOD, "title: 临安市总工会工作回顾", "title: 临安市\t总工会")
    assert problems_of(text) == ["2:11: warning: tab character; use a space instead"]


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    text = replace_line(GOOD, "slug: linan-2015", "slug: linan-2015\ntitle: 另一个标题")
    [problem] = problems_of(text)
    assert problem.startswith("4:1: error: invalid YAML: duplicate key 'title'")


def test_missing_required_key() -> None:
    text = GOOD.replace("title: 临安市总工会工作回顾\n", "")
    assert problems_of(text) == ["2:1: error: title: required key 'title' is missing"]


def test_wrong_type_is_reported_at_the_value() -> None:
    text = replace_line(GOOD, "  value: 250000", "  value: 二十五万")
    assert problems_of(text) == ["18:10: error: metrics[0].value: expected a number"]


def test_unknown_metric_id_suggests_the_closest() -> None:
    text = replace_line(GOOD, "- metric: union-members", "- metric: union-member")
    assert problems_of(text) == [
        "16:11: error: metrics[0].metric: unknown metric id 'union-member'; did you mean 'union-members'? "
        "(ids are listed in the metric taxonomy)"
    ]


@pytest.mark.parametrize("slug", ["../etc", "reports/linan", "Linan 2015"])
def test_slug_must_be_safe_as_a_path(slug: str) -> None:
    text = replace_line(GOOD, "slug: linan-2015", f"slug: {slug}")
    assert problems_of(text) == [
        f"3:7: error: slug: '{slug}' is not safe as a path: use lower-case ASCII letters, digits and '-' only"
    ]


def test_impossible_date_is_reported_at_the_date() -> None:
    text = replace_line(GOOD, "date: 2016-01-05", "date: 2016-13-05")
    assert problems_of(text) == ["10:7: error: invalid date: month must be in 1..12; write it as YYYY-MM-DD"]


def test_date_in_another_format_is_reported() -> None:
    text = replace_line(GOOD, "date: 2016-01-05", "date: 2016/01/05")
    assert problems_of(text) == ["10:7: error: date: expected a date written YYYY-MM-DD, got '2016/01/05'"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  after: p1", "  after: p7", "14:10: error: figures[0].after: no paragraph 'p7' in the body"),
        ("  anchor: lead", "  anchor: p9", "21:11: error: metrics[0].anchor: no paragraph 'p9' in the body"),
        ("  - p2", "  - p5", "23:5: error: metrics[0].also_at[0]: no paragraph 'p5' in the body"),
        ("  repeats: p2", "  repeats: p8", "29:12: error: duplicates[0].repeats: no paragraph 'p8' in the body"),
        ("  anchor: p1", "  anchor: q1", "33:11: error: review[0].anchor: no paragraph 'q1' in the body"),
    ],
)
def test_anchors_must_name_paragraphs_of_the_body(old: str, new: str, expected: str) -> None:
    assert problems_of(replace_line(GOOD, old, new)) == [expected]


def test_a_kept_duplicate_makes_its_paragraph_a_valid_anchor() -> None:
    text = replace_line(GOOD, "  anchor: p1", "  anchor: p3")
    assert problems_of(text) == ["33:11: error: review[0].anchor: no paragraph 'p3' in the body"]
    assert problems_of(replace_line(text, "  keep: false", "  keep: true")) == []


def test_paragraph_id_used_twice_is_reported_at_its_second_use() -> None:
    text = GOOD.replace("{#p2}", "{#p1}")
    assert "41:2: error: paragraph id 'p1' is used twice (first on line 38)" in problems_of(text)


def test_unknown_key_is_a_warning_with_a_suggestion() -> None:
    text = replace_line(GOOD, "  unit: 人", "  unit: 人\n  anchr: p1")
    assert problems_of(text) == ["20:3: warning: metrics[0].anchr: unknown key, its value is ignored; did you mean 'anchor'?"]


def test_figure_text_missing_from_its_paragraph_is_a_warning() -> None:
    text = replace_line(GOOD, "  text: 25万", "  text: 26万")
    assert problems_of(text) == ["20:9: warning: metrics[0].text: '26万' is not in lead, so it cannot be highlighted"]


def test_hazard_scanner_skips_block_scalars_and_quoted_lines() -> None:
    text = "lead: |\n  第一行 #不是注释\n  a: b\nkicker: 'a # b: c'\n"
    assert yaml_hazards(text) == []


def write(project: Path, name: str, text: str) -> None:
    """Write a content file into a project."""
    folder = project / "content"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_archive_checks_duplicate_slugs_and_links_between_reports(tmp_path: Path) -> None:
    config = make_project(tmp_path / "p", seeds=False)
    write(config.root, "a.md", GOOD)
    write(config.root, "b.md", GOOD.replace("lead: 全市", "also_in:\n- text: 第一段。\n  anchor: p1\n  report: nowhere\nlead: 全市"))
    found = [str(p) for p in check_content(config)]
    assert found == [
        "content/b.md:3:7: error: slug: 'linan-2015' is already used by content/a.md",
        "content/b.md:14:11: warning: also_in[0].report: no report with slug 'nowhere'",
    ]


def test_check_command_prints_one_line_per_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_project(tmp_path / "p", seeds=False)
    write(config.root, "linan-2015.md", replace_line(GOOD, "  value: 250000", "  value: 二十五万"))
    status = main(["check", "--root", str(config.root)])
    out = capsys.readouterr()
    assert status == 1
    assert out.out == "content/linan-2015.md:18:10: error: metrics[0].value: expected a number\n"


def test_check_command_exits_0_on_warnings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_project(tmp_path / "p", seeds=False)
    write(config.root, "linan-2015.md", replace_line(GOOD, "slug: linan-2015", "slug: linan-2015  # keep"))
    assert main(["check", "--root", str(config.root)]) == 0
    assert "warning" in capsys.readouterr().out


def test_only_the_places_of_the_slug_and_of_also_in_are_kept() -> None:
    assert check_file(GOOD.encode("utf-8"), "content/x.md", METRICS).positions == {"slug": (3, 7)}
    shared = GOOD.replace("lead: 全市", "also_in:\n- text: 第一段。\n  anchor: p1\n  report: other\nlead: 全市")
    assert check_file(shared.encode("utf-8"), "content/x.md", METRICS).positions == {
        "slug": (3, 7), "also_in[0]": (12, 3), "also_in[0].text@key": (12, 3), "also_in[0].text": (12, 9),
        "also_in[0].anchor@key": (13, 3), "also_in[0].anchor": (13, 11), "also_in[0].report@key": (14, 3),
        "also_in[0].report": (14, 11),
    }
    # A quoted key that only looks like a place (PyYAML reads this file) is kept as the filter always did.
    odd = GOOD.replace("lead: 全市", "'also_in[0]': x\nlead: 全市")
    assert check_file(odd.encode("utf-8"), "content/x.md", METRICS).positions == {
        "slug": (3, 7), "also_in[0]": (11, 15), "also_in[0]@key": (11, 1)}


@pytest.mark.parametrize("value", ["''", "' '", "null"])
def test_an_empty_required_text_is_an_error(value: str) -> None:
    assert problems_of(replace_line(GOOD, "  unit: 人", f"  unit: {value}")) == ["19:9: error: metrics[0].unit: must not be empty"]


def test_a_number_is_accepted_as_text() -> None:
    result = check_file(replace_line(GOOD, "  label: 职工群众", "  label: 12").encode("utf-8"), "content/x.md", METRICS)
    assert result.problems == [] and result.report.metrics[0].label == "12"
