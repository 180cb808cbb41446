"""Rendering: relative links under any sub-path, escaping, the root-absolute link guard, themes."""

import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from sitekit import build_small_site, paragraphs, read_page, sample_report

from reportsite.body import blocks_to_markdown
from reportsite.model import Block
from reportsite.render import RootAbsoluteLinkError, _escape_blocks, plain_body_html, relative_url, root_absolute_links


@pytest.mark.parametrize(
    ("target", "current", "expected"),
    [
        ("", "", "./"),
        ("assets/style.css", "", "assets/style.css"),
        ("", "reports/linan-2015/", "../../"),
        ("metrics/members/", "reports/linan-2015/", "../../metrics/members/"),
        ("search/", "404.html", "search/"),
        ("feed.xml", "years/2015/", "../../feed.xml"),
    ],
)
def test_relative_url(target, current, expected):
    assert relative_url(target, current) == expected


def test_root_absolute_links_are_found_but_external_and_relative_ones_are_not():
    html = '<a href="/x/">a</a><a href="//cdn.example/x">b</a><a href="../x">c</a><img src="/i.png" alt="">'
    assert root_absolute_links(html) == ['href="/x/', 'src="/i.png']
    assert root_absolute_links('<a href="https://example.org/">x</a>') == []


def test_content_markup_is_shown_as_text(tmp_path: Path):
    report = sample_report("x-2015", "标题<script>alert(1)</script>", paragraphs("正文<script>alert(2)</script>段落"),
                           subtitle="<b>副题</b>", lead="导语<img src=x onerror=alert(3)>")
    config = build_small_site(tmp_path / "p", [report])
    page = read_page(config, "reports/x-2015/index.html")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>副题" not in page
    assert "标题&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "正文&lt;script&gt;alert(2)&lt;/script&gt;段落" in page


def test_heading_with_markup_is_escaped_once_in_the_table_of_contents(tmp_path: Path):
    report = sample_report("x-2015", "标题", "## 回顾<篇>\n\n" + paragraphs("正文。"))
    page = read_page(build_small_site(tmp_path / "p", [report]), "reports/x-2015/index.html")
    assert page.count("回顾&lt;篇&gt;") == 2  # the heading and its entry in 目录
    assert "&amp;lt;" not in page


def test_root_absolute_link_in_a_template_fails_the_build_naming_the_template(tmp_path: Path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "search.html").write_text('{% extends "base.html" %}{% block main %}<a href="/x/">x</a>{% endblock %}')
    with pytest.raises(RootAbsoluteLinkError, match=r"search\.html.*search/index\.html.*href=\"/x/"):
        build_small_site(tmp_path / "p", theme_dir=theme)


def test_root_absolute_link_in_content_fails_the_build(tmp_path: Path):
    report = sample_report("x-2015", "标题", paragraphs("见[这里](/elsewhere/)。"))
    with pytest.raises(RootAbsoluteLinkError, match="reports/x-2015/index.html"):
        build_small_site(tmp_path / "p", [report])


def test_theme_folder_comes_first_in_the_template_search_path(tmp_path: Path):
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "404.html").write_text('{% extends "base.html" %}{% block main %}<p>自定义的404</p>{% endblock %}')
    (theme / "assets" / "style.css").write_text("body { color: black; }\n")
    config = build_small_site(tmp_path / "p", theme_dir=theme)
    assert "自定义的404" in read_page(config, "404.html")
    assert read_page(config, "assets/style.css") == "body { color: black; }\n"
    assert "search.js" in read_page(config, "search/index.html")  # the rest still comes from ours


def test_figures_link_to_metric_pages_and_captions_follow_their_paragraph(tmp_path: Path):
    page = read_page(build_small_site(tmp_path / "p"), "reports/linan-2015/index.html")
    assert '<a class="figure-value" href="../../metrics/charity-funds-raised/"' in page
    p1, caption, p2 = page.index('id="p1"'), page.index("职工运动会开幕式"), page.index('id="p2"')
    assert p1 < caption < p2
    assert '<a href="#wen-nuan-gong-cheng">温暖工程</a>' in page  # 目录 entry for the heading


def test_pages_are_chinese_and_self_contained(tmp_path: Path):
    config = build_small_site(tmp_path / "p")
    css = read_page(config, "assets/style.css")
    assert "@import" not in css and "@font-face" not in css and "url(" not in css
    for path in sorted(config.site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert '<html lang="zh-CN">' in text, path
        assert not re.search(r'(?:src|href)="(?:https?:)?//', text), path  # no CDN, web fonts or trackers
        assert 'class="skip-link" href="#main"' in text and '<main id="main"' in text, path


def test_figures_printed_in_a_caption_link_to_their_metric(tmp_path: Path):
    from reportsite.model import FigureCaption, MetricRecord

    report = sample_report("x-2015", "标题", paragraphs("正文。"), figures=[FigureCaption("建立爱心基金2000万元", "p1")],
                           metrics=[MetricRecord("charity-funds-raised", "爱心基金", 20000000, "元", "2000万元", "fig1")])
    page = read_page(build_small_site(tmp_path / "p", [report]), "reports/x-2015/index.html")
    caption = page[page.index('<figure class="photo" id="fig1">'):page.index("</figure>")]
    assert 'href="../../metrics/charity-funds-raised/"' in caption


_PLAIN = st.text(alphabet="职工书屋 ab1.：“”，2015年-", min_size=1, max_size=10)
_TEXTS = st.one_of(*[_PLAIN] * 8, st.text(alphabet="职工书屋 ab1.&<>*_[]()#-+!`{}\\：", min_size=0, max_size=10))
_BLOCKS = st.lists(st.one_of(
    st.builds(lambda t, level: Block("heading", t, level), _TEXTS, st.integers(1, 6)),
    st.builds(lambda t, n: Block("paragraph", t, id=f"p{n}" if n else ""), _TEXTS, st.integers(0, 9)),
    st.builds(lambda t, n: Block("item", t, id=f"p{n}" if n else ""), _TEXTS, st.integers(0, 9))), max_size=8)


@settings(max_examples=400, deadline=None)
@given(_BLOCKS)
def test_plain_bodies_are_rendered_exactly_as_markdown_renders_them(blocks: list[Block]):
    slugify = lambda value, separator: "h-" + str(len(value) % 3)  # noqa: E731 - few ids: uniqueness is exercised
    escaped = _escape_blocks(blocks)
    plain = plain_body_html(escaped, slugify)
    if plain is None:
        return
    md = markdown.Markdown(extensions=["attr_list", "toc", "sane_lists"],
                           extension_configs={"toc": {"slugify": slugify, "permalink": False}})
    assert plain == (md.convert(blocks_to_markdown(escaped)), md.toc_tokens)


def test_most_report_bodies_take_the_direct_path():
    from reportsite.body import markdown_to_blocks
    from reportsite.content import content_files, load_report

    bodies = [load_report(path)[0].body for path in content_files(REPO / "content")]
    plain = [plain_body_html(_escape_blocks(markdown_to_blocks(body)), lambda v, s: "x") is not None for body in bodies]
    assert sum(plain) >= len(plain) - 1
    assert plain_body_html([Block("paragraph", "**加粗**的文字", id="p1")], lambda v, s: "x") is None


@pytest.mark.parametrize("text", ["*强调*", "**加粗**", "_斜体_", "`代码`", "[链接](x)", "![图](x)", "转义\\*", "+ 项目",
                                  "1. 第一", "2) 第二", "# 标题", "文字{: .x}", "---", "===", " 缩进"])
def test_markdown_syntax_is_left_to_markdown(text: str):
    assert plain_body_html(_escape_blocks([Block("paragraph", text, id="p1")]), lambda v, s: "x") is None
    assert plain_body_html(_escape_blocks([Block("paragraph", "2015年，职工1.5万人。", id="p1")]), lambda v, s: "x") == (
        '<p id="p1">2015年，职工1.5万人。</p>', [])
