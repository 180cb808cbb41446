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
from reportsite.model import MetricRecord, Report
from reportsite.render import (RootAbsoluteLinkError, _element_span, _escape_blocks, _linked_segments, bold_html,
                               element_spans, highlight_figures, highlight_figures_rescanning, plain_body_html,
                               link_maker, relative_url, root_absolute_links)
from reportsite.site import ReportView


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
    assert link_maker(current)(target) == expected  # the templates' url()


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
def block_lists(heading_texts, texts, deepest: int, longest: int):
    """Bodies of headings (levels 1 to deepest), paragraphs and list items, with or without ids."""
    return st.lists(st.one_of(
        st.builds(lambda t, level: Block("heading", t, level), heading_texts, st.integers(1, deepest)),
        st.builds(lambda t, n: Block("paragraph", t, id=f"p{n}" if n else ""), texts, st.integers(0, 9)),
        st.builds(lambda t, n: Block("item", t, id=f"p{n}" if n else ""), texts, st.integers(0, 9))), max_size=longest)


_BLOCKS = block_lists(_TEXTS, _TEXTS, 6, 8)


def _markdown_html(blocks: list[Block], slugify) -> tuple[str, list]:
    """What Python-Markdown, configured as BodyRenderer configures it, makes of escaped blocks."""
    md = markdown.Markdown(extensions=["attr_list", "toc", "sane_lists"],
                           extension_configs={"toc": {"slugify": slugify, "permalink": False}})
    return md.convert(blocks_to_markdown(blocks)), md.toc_tokens


def assert_direct_path_is_markdown(blocks: list[Block]) -> None:
    """plain_body_html gives up (None) or makes exactly Python-Markdown's HTML and table of contents."""
    slugify = lambda value, separator: "h-" + str(len(value) % 3)  # noqa: E731 - few ids: uniqueness is exercised
    escaped = _escape_blocks(blocks)
    plain = plain_body_html(escaped, slugify)
    if plain is not None:
        assert plain == _markdown_html(escaped, slugify)


@settings(max_examples=400, deadline=None)
@given(_BLOCKS)
def test_plain_bodies_are_rendered_exactly_as_markdown_renders_them(blocks: list[Block]):
    assert_direct_path_is_markdown(blocks)


def test_most_report_bodies_take_the_direct_path():
    from reportsite.body import markdown_to_blocks
    from reportsite.content import content_files, load_report

    bodies = [load_report(path)[0].body for path in content_files(REPO / "content")]
    plain = [plain_body_html(_escape_blocks(markdown_to_blocks(body)), lambda v, s: "x") is not None for body in bodies]
    assert sum(plain) >= len(plain) - 1
    assert plain_body_html([Block("paragraph", "*强调*的文字", id="p1")], lambda v, s: "x") is None


@pytest.mark.parametrize("text", ["*强调*", "***加粗***", "** 加粗**", "**加粗 **", "**一**二**", "_斜体_", "`代码`",
                                  "[链接](x)", "![图](x)", "转义\\*", "+ 项目", "1. 第一", "2) 第二", "# 标题", "文字{: .x}", "---", "===", " 缩进"])
def test_markdown_syntax_is_left_to_markdown(text: str):
    assert plain_body_html(_escape_blocks([Block("paragraph", text, id="p1")]), lambda v, s: "x") is None
    assert plain_body_html(_escape_blocks([Block("paragraph", "2015年，职工1.5万人。", id="p1")]), lambda v, s: "x") == (
        '<p id="p1">2015年，职工1.5万人。</p>', [])


@pytest.mark.parametrize(("text", "expected"), [
    ("职工书屋", "职工书屋"),
    ("**树立文化自信。**带动全市广大职工参与", "<strong>树立文化自信。</strong>带动全市广大职工参与"),
    ("一是**建家**，二是**强会**。", "一是<strong>建家</strong>，二是<strong>强会</strong>。"),
    ("**增强维权帮困", "**增强维权帮困"),  # a lead-in OCR split over two paragraphs: Markdown prints the asterisks
    ("力度。**拓展服务", "力度。**拓展服务"),
    ("**a&lt;b**", "<strong>a&lt;b</strong>"),
    ("*强调*", None), ("***加粗***", None), ("**加粗*", None), ("**一**二**", None), ("****", None),
    ("** 加粗**", None), ("**加粗\u3000**", None), ("**一** 二** 三**", None),
])
def test_bold_html(text: str, expected: str | None):
    assert bold_html(text) == expected


def test_a_bold_lead_in_takes_the_direct_path_and_renders_as_markdown_renders_it():
    blocks = _escape_blocks([Block("heading", "工作回顾", 2),
                             Block("paragraph", "**树立文化自信。**带动全市广大职工参与<读书>活动。", id="p1"),
                             Block("item", "**建家**：职工书屋5家", id="p2"), Block("item", "**强会**")])
    plain = plain_body_html(blocks, lambda v, s: "gong-zuo")
    assert plain is not None
    assert plain == _markdown_html(blocks, lambda v, s: "gong-zuo")
    assert plain[0].splitlines()[1] == (
        '<p id="p1"><strong>树立文化自信。</strong>带动全市广大职工参与&lt;读书&gt;活动。</p>')


def test_a_heading_with_bold_is_left_to_markdown():
    assert plain_body_html([Block("heading", "**回顾**篇", 2)], lambda v, s: "x") is None


# Bold pairs most of the time; now and then stray or triple asterisks, spaces next to them, other syntax.
_PIECES = st.one_of(*[st.text(alphabet="职工书屋a1。", min_size=1, max_size=3)] * 4,
                    st.text(alphabet="职工 ", min_size=1, max_size=3))
_BOLD_PAIRS = st.lists(st.one_of(_PIECES, _PIECES.map(lambda t: f"**{t}**")), min_size=1, max_size=4).map("".join)
_ODD_PIECES = ["**", "**", "*", "***", " ", "\u3000", "\xa0", "&", "<", "_", "#", "\r", "\x02"]
_ANY_ASTERISKS = st.lists(st.one_of(_PIECES, st.sampled_from(_ODD_PIECES)), min_size=1, max_size=9).map("".join)
_BOLD_TEXTS = st.one_of(_BOLD_PAIRS, _BOLD_PAIRS, _BOLD_PAIRS, _ANY_ASTERISKS)
_BOLD_BLOCKS = block_lists(st.one_of(_PIECES, _BOLD_TEXTS), _BOLD_TEXTS, 3, 6)


@settings(max_examples=1500, deadline=None)
@given(_BOLD_BLOCKS)
def test_bodies_with_bold_are_rendered_exactly_as_markdown_renders_them(blocks: list[Block]):
    assert_direct_path_is_markdown(blocks)


def _view(*metrics: MetricRecord) -> ReportView:
    """A report view with just these metric records (highlight_figures reads nothing else)."""
    return ReportView(Report(title="标题", slug="x-2015", body="", metrics=list(metrics)), "reports/x-2015/")


def _metric_url(metric: str) -> str:
    """A metric page's URL as seen from a report page."""
    return f"../../metrics/{metric}/"


def test_element_spans_finds_what_element_span_finds_in_one_pass():
    body = ('<p id="p1">一</p>\n<ul>\n<li id="p2">二</li>\n</ul>\n<h2 id="hui-gu">三</h2>\n'
            '<p id="p1">重</p>\n<p id="p3">无尾')
    spans = element_spans(body)
    assert spans == {"p1": (0, 11, 12, 16), "p2": (22, 34, 35, 40), "hui-gu": (47, 63, 64, 69)}
    for element_id in ["p1", "p2", "hui-gu", "p3", "p4"]:
        span = spans.get(element_id)
        assert _element_span(body, element_id) == (span and (span[0], span[3]))


def test_figures_are_linked_in_their_elements_and_at_their_further_anchors():
    body = '<p id="p1">建立职工书屋5家，培训853期。</p>\n<p id="p2">另有书屋5家。</p>\n<p id="p3">无关。</p>'
    view = _view(MetricRecord("workers-libraries", "书屋", 5, "家", "5家", "p1", also_at=["p2", "p404"]),
                 MetricRecord(None, "培训", 853, "期", "853期", "p1"),
                 MetricRecord("x", "缺", 1, "人", "1人", "p404"))
    assert _linked_segments(body, view, _metric_url) is not None  # the one-pass path, not the rescan
    assert highlight_figures(body, view, _metric_url) == (
        '<p id="p1">建立职工书屋<a class="figure-value" href="../../metrics/workers-libraries/" title="书屋：5家">5家</a>'
        '，培训<a class="figure-value unclassified" href="../../metrics/unclassified/" title="培训：853期">853期</a>。</p>\n'
        '<p id="p2">另有书屋<a class="figure-value" href="../../metrics/workers-libraries/" title="书屋：5家">5家</a>。</p>\n'
        '<p id="p3">无关。</p>')


def test_a_phrase_linked_just_before_is_not_linked_twice_but_one_further_on_is():
    body = '<p id="p1">书屋5家' + "，" * 100 + "5家</p>"
    once = _view(MetricRecord("a", "书屋", 5, "家", "5家", "p1"), MetricRecord("a", "书屋", 5, "家", "5家", "p1"))
    assert highlight_figures(body, once, _metric_url) == highlight_figures_rescanning(body, once, _metric_url)
    assert highlight_figures(body, once, _metric_url).count("<a ") == 1  # the second finds the first link's text
    long_title = _view(MetricRecord("a", "书屋" * 40, 5, "家", "5家", "p1"),
                       MetricRecord("a", "书屋", 5, "家", "5家", "p1"))
    linked = highlight_figures(body, long_title, _metric_url)
    assert linked == highlight_figures_rescanning(body, long_title, _metric_url)
    assert linked.count("<a ") == 2  # found in the first link's long title, class="figure-value out of sight


def test_bodies_the_one_pass_cannot_reproduce_are_rescanned():
    nested = '<ul>\n<li id="p1">一<ul>\n<li id="p2">5家</li>\n</ul>\n</li>\n</ul>'
    in_tag = '<p id="p1">第1期</p>'
    quoted = '<p id="p1" class="x">5家</p>'
    for body, view in [(nested, _view(MetricRecord("a", "书屋", 5, "家", "5家", "p2"),
                                      MetricRecord("a", "书屋", 5, "家", "5家", "p1"))),  # elements overlap
                       (in_tag, _view(MetricRecord("a", "期", 1, "期", "1", "p1"))),  # "1" of id="p1"
                       (in_tag, _view(MetricRecord("a", "空", 1, "期", "", "p1"))),  # before the start tag
                       (quoted, _view(MetricRecord("a", "书屋", 5, "家", "5家", 'p1" class="x')))]:
        assert _linked_segments(body, view, _metric_url) is None
        assert highlight_figures(body, view, _metric_url) == highlight_figures_rescanning(body, view, _metric_url)


_IDS = st.sampled_from(["p1", "p2", "p3", "fig1", "lead"])
# "1", "p1" and "" are also found in or before a start tag: the rescanning path.
_PHRASES = st.one_of(*[st.sampled_from(["5家", "职工", "工5", "书屋5家"])] * 6, st.sampled_from(["1", "p1", ""]))
_WORDS = st.lists(st.sampled_from(["5家", "5家", "职工", "，", "1", "书屋"]), min_size=1, max_size=4).map("".join)
_USUAL = ['<p id="{id}">{text}</p>', '<li id="{id}">{text}</li>', '<h2 id="{id}">{text}</h2>', '<p>{text}</p>',
          '<figure class="photo" id="{id}"><figcaption>{text}</figcaption></figure>',
          '<p id="{id}"><strong>{text}</strong>{text}</p>']
_ODD = ['<p id="{id}">{text}', '<li id="{id}">{text}<ul>', '</ul></li>']  # no end tag; nested elements
_ELEMENTS = st.builds(lambda template, element_id, text: template.format(id=element_id, text=text),
                      st.sampled_from(_USUAL * 6 + _ODD), _IDS, _WORDS)
_RECORDS = st.builds(lambda metric, label, text, anchor, also_at: MetricRecord(metric, label, 5, "家", text, anchor,
                                                                              also_at=also_at),
                     st.sampled_from([None, "a", "workers-libraries"]), st.sampled_from(["", "书屋5家", "书屋" * 30]),
                     _PHRASES, _IDS, st.lists(_IDS, max_size=2))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ELEMENTS, min_size=1, max_size=8).map("\n".join), st.lists(_RECORDS, min_size=1, max_size=6))
def test_highlight_figures_links_exactly_what_rescanning_per_figure_links(body: str, records: list[MetricRecord]):
    view = _view(*records)
    assert highlight_figures(body, view, _metric_url) == highlight_figures_rescanning(body, view, _metric_url)


def test_a_numbered_list_in_a_report_body_keeps_its_numbers(tmp_path: Path):
    body = paragraphs("今年重点抓好三项工作：") + "\n\n3. 加强组织建设\n{#p2}\n\n4. 完善帮扶制度\n{#p3}\n"
    config = build_small_site(tmp_path / "p", [sample_report("x-2015", "标题", body)])
    page = read_page(config, "reports/x-2015/index.html")
    assert re.search(r'<ol start="3">\s*<li id="p2">加强组织建设</li>\s*<li id="p3">完善帮扶制度</li>\s*</ol>', page)


def test_a_table_in_a_report_body_is_an_html_table(tmp_path: Path):
    body = paragraphs("近三年数据") + "\n\n| 年份 | 合同（份） |\n| --- | --- |\n| 2019 | 1862 |\n| 2020 | 2015 |\n\n" + "逐年增长。\n{#p2}\n"
    config = build_small_site(tmp_path / "p", [sample_report("x-2015", "标题", body)])
    page = read_page(config, "reports/x-2015/index.html")
    # the table's title printed over it (近三年数据) is its caption, with the paragraph's id
    assert re.search(r'<table>\s*<caption id="p1">近三年数据</caption>\s*<thead>\s*<tr>\s*<th>年份</th>\s*<th class="num">合同（份）</th>', page)
    assert "<td>2019</td>" in page and re.search(r"<td[^>]*>2015</td>", page) and "| 2019 |" not in page
    # the counts' column is set right-aligned (class num), the years labelling the rows are not
    assert '<th class="num">合同（份）</th>' in page and '<td class="num">1862</td>' in page


def test_a_tables_title_is_its_caption_and_a_sentence_over_a_table_stays_a_paragraph():
    from reportsite.render import table_titles_as_captions
    from reportsite.search import search_doc, BODY_MARKER

    table = "<table>\n<thead>\n<tr>\n<th>需求项目</th>\n</tr>\n</thead>\n</table>"
    titled = ('<p id="p12">表1 受访劳动者对工会服务的需求情况（有效问卷<a class="figure-value" href="#">986份</a>，可多选）</p>\n'
              + table)
    body = table_titles_as_captions(titled)
    assert body.startswith('<table>\n<caption id="p12">表1 受访劳动者对工会服务的需求情况（有效问卷<a class="figure-value"')
    assert "<p" not in body
    # still searchable, under its id
    doc = search_doc(f'<article {BODY_MARKER}><h1 id="title">x</h1>{body}</article>', "reports/x/")
    assert ("p12", "表1 受访劳动者对工会服务的需求情况（有效问卷986份，可多选）") in doc.parts
    # a sentence, a speaker's words before a table, or a title with a note between it and the table: paragraphs
    for text in ("各项目选择人数如下表。", "他说：", "近三年全市工会组建情况逐年向好，详见下表"):
        kept = f'<p id="p3">{text}</p>\n{table}'
        assert table_titles_as_captions(kept) == kept, text
    noted = '<p id="p4">表2 各县区情况</p>\n<p class="also-in">另见…</p>\n' + table
    assert table_titles_as_captions(noted) == noted


def test_a_tables_columns_of_figures_are_marked_for_right_alignment():
    from reportsite.render import numeric_columns_aligned

    table = ("<table>\n<thead>\n<tr>\n<th>项目</th>\n<th>人数</th>\n<th>占比</th>\n<th>备注</th>\n</tr>\n</thead>\n<tbody>\n"
             "<tr>\n<td>法律维权</td>\n<td>612</td>\n<td>62.1%</td>\n<td>1,360家</td>\n</tr>\n"
             "<tr>\n<td>子女教育</td>\n<td>438</td>\n<td>44.4%</td>\n<td>另行统计</td>\n</tr>\n</tbody>\n</table>")
    marked = numeric_columns_aligned(table)
    assert marked.count('class="num"') == 6  # 人数 and 占比: header and two cells each
    assert '<td class="num">612</td>' in marked and '<th class="num">占比</th>' in marked
    assert "<td>1,360家</td>" in marked and "<td>法律维权</td>" in marked  # a column with words stays as it is
    assert numeric_columns_aligned("<p>无表格</p>") == "<p>无表格</p>"


def test_calls_in_templates_do_what_jinja_does(tmp_path: Path):
    """The quicker call of plain functions and macros (render._Context) changes nothing a template sees:
    marked functions still get their context or environment, a callable object's marked __call__ too, a
    macro called in a loop sees the loop, a StopIteration is still an undefined value."""
    import jinja2
    import jinja2.runtime

    from reportsite.render import make_environment

    (tmp_path / "page.html").write_text(
        "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}"
        "{% for n in [1, 2] %}[{{ twice(n) }}|{{ plain(n) }}|{{ with_context(n) }}|{{ with_env() }}"
        "|{{ with_loop() }}|{{ obj(n) }}|{{ keywords(a=n) }}]{% endfor %}<{{ stops() }}>", encoding="utf-8")

    @jinja2.pass_context
    def with_context(context, n):
        return f"{context['page_name']}{n}"

    @jinja2.pass_environment
    def with_env(environment):
        return type(environment.undefined).__name__

    @jinja2.pass_context
    def with_loop(context):
        return context.get("n", "?")  # a loop's variable is not the context's: Jinja's own answer

    class Callable:
        @jinja2.pass_eval_context
        def __call__(self, eval_context, n):
            return f"auto{int(eval_context.autoescape)}-{n}"

    def stops():
        raise StopIteration

    values = {"plain": lambda n: n * 10, "with_context": with_context, "with_env": with_env, "with_loop": with_loop,
              "obj": Callable(), "keywords": lambda a: f"a={a}", "stops": stops, "page_name": "p"}
    ours = make_environment([tmp_path])
    jinjas = make_environment([tmp_path])
    jinjas.context_class = jinja2.runtime.Context
    assert ours.context_class is not jinja2.runtime.Context  # the quicker one is the one a build uses
    ours.undefined = jinjas.undefined = jinja2.Undefined  # a StopIteration's value printed, not raised
    expected = "[11|10|p1|type|?|auto1-1|a=1][22|20|p2|type|?|auto1-2|a=2]<>"
    assert jinjas.get_template("page.html").render(values) == expected
    assert ours.get_template("page.html").render(values) == expected


def test_an_error_in_a_function_a_template_calls_shows_no_frame_of_the_quicker_call(tmp_path: Path):
    import traceback

    from reportsite.render import make_environment

    (tmp_path / "page.html").write_text("{{ broken() }}", encoding="utf-8")

    def broken():
        raise ValueError("from the template's helper")

    with pytest.raises(ValueError) as raised:
        make_environment([tmp_path]).get_template("page.html").render(broken=broken)
    frames = [frame.name for frame in traceback.extract_tb(raised.tb)]
    assert "broken" in frames and "call" not in frames  # as Jinja hides its own Context.call
