"""Rendering: relative links under any sub-path, escaping, the root-absolute link guard, themes."""

import re
from pathlib import Path

import pytest

from sitekit import build_small_site, paragraphs, read_page, sample_report

from reportsite.render import RootAbsoluteLinkError, relative_url, root_absolute_links


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
