"""The one front-matter reader and writer: round trips, readable output, errors with their place."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from reportsite.frontmatter import ContentError, dump_yaml, parse_content, render_content, split_front_matter


def test_round_trip_keeps_values_and_body():
    meta = {"title": "临安市总工会奋进创新", "authors": ["陈向阳"], "date": dt.date(2021, 8, 3), "metrics": [{"value": 2.58, "unit": "家"}]}
    text = render_content(meta, "第一段。\n{#p1}\n")
    parsed = parse_content(text, "content/a.md")
    assert parsed.meta == meta
    assert parsed.body.strip() == "第一段。\n{#p1}"


def test_written_yaml_is_for_people():
    text = dump_yaml({"title": "职工之家", "authors": ["邹伟锋", "赵志刚"], "lead": "按：第一行\n第二行"})
    assert "职工之家" in text  # not \u escaped
    assert "- 邹伟锋" in text  # block style lists
    assert "lead: |" in text  # multi-line text as a literal block
    assert "{" not in text


def test_key_order_is_kept():
    text = dump_yaml({"title": "甲", "slug": "a", "source": "seeds/a.txt"})
    assert text.index("title") < text.index("slug") < text.index("source")


def test_positions_point_at_values():
    text = "---\ntitle: 标题\nmetrics:\n  - value: 12\n    unit: 起\n  - value: 多\n---\n正文\n"
    parsed = parse_content(text, "x.md")
    assert parsed.where("title") == (2, 8)
    assert parsed.where("metrics[1].value") == (6, 12)
    assert parsed.where("metrics[1].missing") == (6, 5)  # falls back to the nearest parent
    assert parsed.body_line == 8


def test_duplicate_key_is_an_error_with_its_line():
    with pytest.raises(ContentError) as info:
        parse_content("---\ntitle: 甲\nslug: a\ntitle: 乙\n---\n", "content/a.md")
    assert str(info.value).startswith("content/a.md:4:1: error:")
    assert "duplicate key 'title'" in str(info.value)


def test_tab_indentation_is_an_error():
    with pytest.raises(ContentError) as info:
        parse_content("---\nregion:\n\tname: 临安市\n---\n", "c.md")
    assert "c.md:3:1" in str(info.value) and "tab" in str(info.value)


def test_bad_yaml_names_line_and_column():
    with pytest.raises(ContentError) as info:
        parse_content("---\ntitle: 甲\nauthors: [陈向阳\n---\n", "c.md")
    assert str(info.value).startswith("c.md:")
    assert "invalid YAML" in str(info.value)


def test_missing_fences():
    with pytest.raises(ContentError, match="must start with a '---'"):
        parse_content("title: 甲\n", "c.md")
    with pytest.raises(ContentError, match="not closed"):
        parse_content("---\ntitle: 甲\n", "c.md")


def test_crlf_and_bom_are_accepted():
    parsed = parse_content("\ufeff---\r\ntitle: 甲\r\n---\r\n正文\r\n", "c.md")
    assert parsed.meta["title"] == "甲"


text_values = st.text(alphabet=st.sampled_from(list("工会职工之家：#-'\"，。 abc123\n")), max_size=30)


@given(st.dictionaries(st.sampled_from(["title", "lead", "kicker", "note"]), text_values, max_size=4))
def test_any_text_survives_a_round_trip(meta):
    parsed = parse_content(render_content(meta, "正文"), "c.md")
    assert parsed.meta == meta


def test_duplicate_key_names_the_first_line_in_file_numbering():
    with pytest.raises(ContentError) as info:
        parse_content("---\ntitle: 甲\nslug: a\ntitle: 乙\n---\n", "c.md")
    assert "(first at line 2)" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: a\n---\n\n正文\n", ("title: a\n", "\n正文\n", 4)),
        ("---  \ntitle: a\n---\t\n正文", ("title: a\n", "正文", 4)),  # blanks after a fence
        ("---\n---\n正文\n", ("\n", "正文\n", 3)),
        ("---\nlead: |\n  ---\n---", ("lead: |\n  ---\n", "", 5)),  # an indented --- is YAML; the file ends at the fence
        ("---\na: 1\n----\n--- x\n---\nb", ("a: 1\n----\n--- x\n", "b", 6)),
    ],
)
def test_split_front_matter_finds_the_closing_fence(text, expected):
    assert split_front_matter(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "file must start with a '---' line opening the front matter"),
        ("title: a\n---\n", "file must start with a '---' line opening the front matter"),
        ("---", "front matter is not closed by a second '---' line"),
        ("---\ntitle: a\n----\n", "front matter is not closed by a second '---' line"),
    ],
)
def test_split_front_matter_without_fences_is_an_error(text, message):
    with pytest.raises(ContentError) as caught:
        split_front_matter(text, "x.md")
    assert (caught.value.line, caught.value.column, caught.value.message) == (1, 1, message)


def test_only_a_tab_in_the_indentation_is_refused():
    with pytest.raises(ContentError) as caught:
        parse_content("---\ntitle: a\n  \tb: 1\n---\n", "x.md")
    assert (caught.value.line, caught.value.message) == (3, "tab used for indentation; YAML needs spaces")
    assert parse_content("---\ntitle: a\tb\n---\n", "x.md").meta == {"title": "a\tb"}
