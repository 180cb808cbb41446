"""Metric pages as readers and editors use them: every report listed, links that land, downloads that parse."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit import paragraphs, read_page, sample_report, write_reports

from conftest import make_project
from reportsite.buildcache import BuildState
from reportsite.builder import build_site
from reportsite.config import SiteConfig
from reportsite.content import content_files, load_report
from reportsite.metric_rows import (MetricRow, find_conflicts, period_span, rows_csv, sentence_around,
                                    split_on_phrase)
from reportsite.model import MetricRecord, Report

HREF = re.compile(r'href="([^"]+)"')
CSV_LABEL = 10  # the label's column in the CSV download


def legal_aid(value: int, text: str, anchor: str = "p1", kind: str = "actual", metric: str | None = "legal-aid-cases",
              unit: str = "起", label: str = "法律援助案件") -> MetricRecord:
    """A figure record as ingest writes it."""
    return MetricRecord(metric, label, value, unit, text, anchor, kind=kind)


def three_reports() -> list[Report]:
    """Two reports about 临安市 in 2015 that disagree, and one about 余杭区 with a target and a library count."""
    return [
        sample_report("linan-a", "临安工会维权纪实", paragraphs(
            "临安市工会全年办理法律援助案件32起。挽回经济损失120万元。",
            "新媒体排名第20位。用户达到3万人。",
        ), metrics=[legal_aid(32, "32起"), legal_aid(30000, "3万人", "p2", metric=None, unit="人", label="用户")],
            lead="按：全年办理法律援助案件32起。"),
        sample_report("linan-b", "临安市总工会工作回顾", paragraphs("全市工会承办法律援助案件35起，调处纠纷12起。"),
                      metrics=[legal_aid(35, "35起")]),
        sample_report("yuhang-c", "余杭区未来五年规划", paragraphs(
            "到2016年，力争办理法律援助案件80件。",
            "建成职工书屋12家。",
        ), region=("余杭区", "杭州市"), period=(2012, 2016), metrics=[
            legal_aid(80, "80件", kind="target", unit="件"),
            MetricRecord("workers-libraries", "职工书屋<b>", 12, "家", "12家", "p2"),
        ]),
    ]


@pytest.fixture
def small_site(tmp_path: Path) -> SiteConfig:
    """The three reports built into a throw-away project."""
    config = make_project(tmp_path / "project", seeds=False)
    write_reports(config, three_reports())
    assert build_site(config).ok
    return config


def csv_rows(config: SiteConfig, metric_id: str) -> list[dict[str, str]]:
    """The metric's CSV download, parsed the way a spreadsheet would."""
    raw = (config.site_dir / f"metrics/{metric_id}/data.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel shows Chinese"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def target_ids(config: SiteConfig, page_url: str, href: str) -> tuple[str, str]:
    """Resolve a relative link from a page: (output file, fragment)."""
    path, _, fragment = href.partition("#")
    resolved = posixpath.normpath(posixpath.join(page_url, path))
    return (resolved + "/index.html" if not resolved.endswith(".html") else resolved), fragment


# --- pure functions ---------------------------------------------------------------------------------

def test_sentence_around_finds_the_sentence_holding_the_phrase() -> None:
    text = "全市基层工会达到2.58万家。会员440万名，比五年前增加了17%；职工书屋399家"
    assert sentence_around(text, "17%") == "会员440万名，比五年前增加了17%；"
    assert sentence_around(text, "399家") == "职工书屋399家"
    assert sentence_around(text, "2.58万家") == "全市基层工会达到2.58万家。"
    assert sentence_around("没有这个数字。", "5个") == "没有这个数字。"


def test_split_on_phrase_keeps_every_character() -> None:
    assert split_on_phrase("共为1.3万名职工", "1.3万名") == ("共为", "1.3万名", "职工")
    assert "".join(split_on_phrase("共为1.3万名职工", "9个")) == "共为1.3万名职工"


def test_period_span_reads_single_years_and_ranges() -> None:
    assert period_span("2015") == (2015, 2015)
    assert period_span("2013–2017") == (2013, 2017)
    assert period_span(None) is None and period_span("十二五") is None


def row(report: str, value: float, region: str = "临安市", period: str = "2015", **fields: object) -> MetricRow:
    """A row with just what conflict detection looks at."""
    base = dict(metric="legal-aid-cases", report=report, report_title=report, report_url=f"reports/{report}/",
                region=region, region_url="", period=period, label="案件", value=value, unit="起", approx=None,
                kind="actual", text=f"{value}起", link=f"reports/{report}/#p1")
    return MetricRow(**{**base, **fields})  # type: ignore[arg-type]


def test_a_server_marks_the_same_conflicting_row_objects_build_after_build() -> None:
    from reportsite.metric_rows import mark_conflicts
    from reportsite.modelcache import ModelMemo

    rows = [row("a", 32), row("b", 35), row("c", 40, region="建德市")]
    conflicts = find_conflicts(rows)
    plain = mark_conflicts(rows, conflicts)
    assert [r.conflict for r in plain] == [True, True, False] and plain[2] is rows[2]
    memo = ModelMemo()
    memo.keep_fragments = True  # a long-running build: its metric pages are made again after edits
    first, again = mark_conflicts(rows, conflicts, memo), mark_conflicts(rows, conflicts, memo)
    assert first == again == plain
    assert all(a is b for a, b in zip(first, again))  # their row fragments are found by identity


def test_a_server_finds_kept_conflicts_with_the_current_rows_and_anew_when_a_value_changes() -> None:
    from dataclasses import replace

    from reportsite.modelcache import ModelMemo

    memo = ModelMemo()
    memo.keep_fragments = True
    rows = [row("a", 32), row("b", 35), row("c", 40, region="建德市"), row("d", 7, period="2016")]
    assert find_conflicts(rows, memo) == find_conflicts(rows)
    retitled = [replace(r, report_title=f"{r.report_title}（修订）") for r in rows]
    kept = find_conflicts(retitled, memo)  # the same facts: the kept answer, with the retitled rows in it
    assert kept == find_conflicts(retitled) and kept[0].rows[0] is retitled[0]
    agreed = [replace(r, value=32) if r.report == "b" else r for r in rows]
    assert find_conflicts(agreed, memo) == find_conflicts(agreed) == []


@pytest.mark.parametrize("changed", [
    {"report": "a"},  # b's figure now in a's report: a report does not conflict with itself
    {"order": 3},  # the same figure, another place in b's report
    {"metric": "workers-libraries"}, {"region": "建德市"}, {"period": "2016"}, {"unit": "件"}, {"kind": "target"},
    {"approx": "近"},  # 35 stated as about 35: within a tenth of 32, so the two agree
    {"value": 32},
])
def test_kept_conflicts_are_found_anew_when_any_fact_that_decides_them_changes(changed: dict) -> None:
    from dataclasses import replace

    from reportsite.modelcache import ModelMemo

    memo = ModelMemo()
    memo.keep_fragments = True
    rows = [row("a", 32), row("b", 35)]
    assert len(find_conflicts(rows, memo)) == 1
    edited = [rows[0], replace(rows[1], **changed)]
    assert find_conflicts(edited, memo) == find_conflicts(edited)


def test_rows_sent_back_by_render_workers_are_filed_under_the_building_process_s_own_rows() -> None:
    import pickle
    from dataclasses import replace

    from reportsite.metric_pages import CanonicalRows
    from reportsite.modelcache import ModelMemo

    memo = ModelMemo()
    mine = row("a", 32)
    memo.put("rows", ("a", "digest"), {"legal-aid-cases": [mine]})
    canonical = CanonicalRows(memo)
    copy = pickle.loads(pickle.dumps(mine))  # as a worker sends it back: equal, another object
    assert copy == mine and copy is not mine
    assert canonical.key(copy) is mine and canonical.key((copy, "../"))[0] is mine
    marked = replace(mine, conflict=True)
    first, second = pickle.loads(pickle.dumps(marked)), pickle.loads(pickle.dumps(marked))
    assert canonical.value(first) is first  # the first copy of a row the memo lacks becomes the one kept
    assert canonical.key(("html", second))[1] is first and canonical.value("<tr>") == "<tr>"


def test_two_reports_with_different_values_for_one_place_and_year_conflict() -> None:
    conflicts = find_conflicts([row("a", 32), row("b", 35)])
    assert len(conflicts) == 1
    assert {r.report for r in conflicts[0].rows} == {"a", "b"}
    assert conflicts[0].region == "临安市" and conflicts[0].period_label == "2015年"


@pytest.mark.parametrize("rows", [
    [row("a", 32), row("b", 32)],  # a restatement
    [row("a", 32), row("a", 35)],  # one report: a total and a part
    [row("a", 32), row("a", 5), row("b", 32)],  # a restated total beside a part
    [row("a", 32), row("b", 35, region="余杭区")],  # another place
    [row("a", 32), row("b", 35, period="2016")],  # another year
    [row("a", 32), row("b", 35, unit="件")],  # another unit: not the same count
    [row("a", 32), row("b", 35, kind="target")],  # a goal is not a result
    [row("a", 80000, approx="near"), row("b", 79850)],  # 近8万 agrees with 79,850
    [row("a", 32, region=""), row("b", 35, region="")],  # no region: nothing to compare
])
def test_values_that_do_not_contradict_each_other_are_not_flagged(rows: list[MetricRow]) -> None:
    assert find_conflicts(rows) == []


def test_csv_has_a_header_bom_and_stable_rows() -> None:
    rows = [row("a", 25800.0, label='带,逗号和"引号"'), row("b", 0.5)]
    text = rows_csv(rows, "法律援助案件")
    assert text == rows_csv(rows, "法律援助案件")
    parsed = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["value"] for r in parsed] == ["25800", "0.5"]
    assert parsed[0]["label"] == '带,逗号和"引号"'
    assert parsed[0]["metric_name"] == "法律援助案件"


def test_a_marked_row_is_the_row_with_conflict_set_and_hashes_as_such() -> None:
    from dataclasses import replace

    from reportsite.metric_rows import mark_conflicts

    rows = [row("a", 32), row("b", 35)]
    hash(rows[0])  # a row caches its hash: the marked copy must not keep the old one
    marked = mark_conflicts(rows, find_conflicts(rows))
    assert marked == [replace(r, conflict=True) for r in rows]
    assert hash(marked[0]) == hash(replace(rows[0], conflict=True)) != hash(rows[0])
    assert rows[0].conflict is False  # the original row is untouched
    assert mark_conflicts(marked, []) == rows  # and a row no longer in a conflict is unmarked


@pytest.mark.parametrize("keep", [False, True])
def test_downloads_are_the_same_whether_a_build_keeps_row_lines_or_not(keep: bool) -> None:
    from reportsite.metric_rows import rows_json
    from reportsite.modelcache import ModelMemo

    rows = [row("a", 25800.0, label='带,逗号和"引号"'), row("b", 0.5, label="换\n行"), row("c", 7, approx="about")]
    memo = ModelMemo()
    memo.keep_fragments = keep
    definition = {"id": "legal-aid-cases", "name": "法律援助案件"}
    assert rows_csv(rows, "法律援助案件", memo) == rows_csv(rows, "法律援助案件")
    assert rows_json(rows, definition, memo) == rows_json(rows, definition)
    parsed = json.loads(rows_json(rows, definition))
    assert [r["label"] for r in parsed["rows"]] == ['带,逗号和"引号"', "换\n行", "案件"]
    assert parsed["rows"][2]["approx"] == "about" and "\\u" not in rows_json(rows, definition)  # readable Chinese
    lines = list(csv.reader(io.StringIO(rows_csv(rows, "法律援助案件").lstrip("\ufeff"))))
    assert len(lines) == 4 and lines[2][CSV_LABEL] == "换\n行"


# --- the built site ---------------------------------------------------------------------------------

def test_metric_page_lists_every_report_that_states_the_metric(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/legal-aid-cases/index.html")
    for title in ("临安工会维权纪实", "临安市总工会工作回顾", "余杭区未来五年规划"):
        assert title in html
    assert "“32起”" in html and "“35起”" in html and "“80件”" in html
    assert "法律援助案件" in html and "工会提供或承办的职工法律援助案件数" in html  # name and definition


def test_every_link_on_a_metric_page_lands_on_an_existing_paragraph(small_site: SiteConfig) -> None:
    url = "metrics/legal-aid-cases/"
    html = read_page(small_site, url + "index.html")
    checked = 0
    for href in HREF.findall(html):
        if "reports/" not in href or "#" not in href:
            continue
        path, fragment = target_ids(small_site, url, href)
        assert f'id="{fragment}"' in read_page(small_site, path), href
        checked += 1
    assert checked >= 3


def test_figure_phrase_links_to_its_exact_paragraph(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/workers-libraries/index.html")
    assert 'href="../../reports/yuhang-c/#p2"' in html


def test_csv_and_json_downloads_hold_the_rows(small_site: SiteConfig) -> None:
    rows = csv_rows(small_site, "legal-aid-cases")
    assert [(r["report"], r["value"], r["unit"], r["kind"]) for r in rows] == [
        ("yuhang-c", "80", "件", "target"), ("linan-a", "32", "起", "actual"), ("linan-b", "35", "起", "actual"),
    ]
    assert rows[1]["url"] == "reports/linan-a/#p1" and rows[1]["region"] == "临安市"
    data = json.loads(read_page(small_site, "metrics/legal-aid-cases/data.json"))
    assert data["metric"]["id"] == "legal-aid-cases"
    assert [r["value"] for r in data["rows"]] == [80, 32, 35]
    assert [r["conflict"] for r in data["rows"]] == [False, True, True]


def test_conflicting_values_are_flagged_on_the_page(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/legal-aid-cases/index.html")
    assert "数值冲突" in html
    assert html.count('<tr class="conflict">') == 2


def test_chart_is_inline_svg_with_targets_marked(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/legal-aid-cases/index.html")
    assert html.count("<svg") == 2  # 起 and 件 are charted on separate scales
    assert 'role="img"' in html and "80件（目标）" in html
    assert "<script" not in html


def test_labels_from_content_are_escaped(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/workers-libraries/index.html")
    assert "职工书屋<b>" not in html and "职工书屋&lt;b&gt;" in html


def test_index_groups_metrics_by_category_with_counts(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/index.html")
    sections = {part.split(">", 1)[1].split(" ", 1)[0].split("<", 1)[0]: part for part in html.split("<h2 ")[1:]}
    assert 'legal-aid-cases/"' in sections["维权服务"] and "3条 · 3篇报道" in sections["维权服务"]
    assert 'workers-libraries/"' in sections["文化阵地"] and 'legal-aid-cases/"' not in sections["文化阵地"]
    assert "暂无数据" in html  # metrics without figures are listed, not linked
    links = [target_ids(small_site, "metrics/", href)[0] for href in HREF.findall(html)]
    assert "metrics/unclassified/index.html" in links
    assert all((small_site.site_dir / link).is_file() for link in links if link.startswith("metrics/")), links


def test_related_metrics_link_to_metrics_stated_in_the_same_reports(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/legal-aid-cases/index.html")
    related = html[html.index("相关指标"):]
    links = [target_ids(small_site, "metrics/legal-aid-cases/", href)[0] for href in HREF.findall(related)]
    assert "metrics/workers-libraries/index.html" in links


def test_unclassified_page_shows_each_figure_in_its_sentence(small_site: SiteConfig) -> None:
    html = read_page(small_site, "metrics/unclassified/index.html")
    assert "用户达到<mark>3万人</mark>。" in html
    assert "新媒体排名第20位" not in html  # only the sentence, not the whole paragraph
    assert 'href="../../reports/linan-a/#p2"' in html


def test_only_figures_no_metric_claims_carry_their_sentence() -> None:
    from reportsite.metric_rows import report_rows
    from reportsite.site import report_views

    report = sample_report("a", "临安工会", paragraphs("全年办理法律援助案件32起。用户达到3万人。新建书屋5家。"), metrics=[
        legal_aid(32, "32起"), legal_aid(30000, "3万人", metric=None, unit="人", label="用户"),
        legal_aid(5, "5家", metric="not-in-the-taxonomy", unit="家", label="书屋")])
    view = report_views([report])[0]
    classified, loose, unknown = report_rows(view, frozenset({"legal-aid-cases"}))
    assert classified.sentence == ("", "", "")  # no page shows it
    assert loose.sentence == ("用户达到", "3万人", "。") and unknown.sentence == ("新建书屋", "5家", "。")
    assert report_rows(view)[0].sentence == ("全年办理法律援助案件", "32起", "。")  # no taxonomy given: every sentence


def test_rewording_the_sentence_around_a_figure_remakes_its_report_page_but_not_its_metric_pages(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", seeds=False)
    write_reports(config, three_reports())
    state = BuildState()  # as the preview server keeps it between builds
    assert build_site(config, state).ok
    edit(config, "linan-a", "临安市工会全年办理", "临安市各级工会全年共办理")
    result = build_site(config, state)
    assert result.ok and "reports/linan-a/index.html" in result.rendered
    assert not [path for path in result.rendered if path.startswith("metrics/legal-aid-cases/")]
    assert "临安市各级工会全年共办理" in read_page(config, "reports/linan-a/index.html")


def test_editing_a_record_changes_the_metric_pages_on_rebuild(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", seeds=False)
    write_reports(config, three_reports())
    state = BuildState()  # as the preview server keeps it between builds
    assert build_site(config, state).ok
    assert "数值冲突" in read_page(config, "metrics/legal-aid-cases/index.html")

    edit(config, "linan-b", "value: 35", "value: 32")  # the editor corrects the value: no more conflict
    edit(config, "linan-b", "text: 35起", "text: 32起")
    edit(config, "yuhang-c", "kind: target", "kind: actual")
    edit(config, "yuhang-c", "metric: workers-libraries", "metric: workers-homes")
    assert build_site(config, state).ok

    html = read_page(config, "metrics/legal-aid-cases/index.html")
    assert "数值冲突" not in html and "80件（目标）" not in html
    assert [(r["report"], r["value"], r["kind"]) for r in csv_rows(config, "legal-aid-cases")] == [
        ("yuhang-c", "80", "actual"), ("linan-a", "32", "actual"), ("linan-b", "32", "actual"),
    ]
    assert not (config.site_dir / "metrics/workers-libraries").exists()
    assert "余杭区未来五年规划" in read_page(config, "metrics/workers-homes/index.html")


def edit(config: SiteConfig, slug: str, old: str, new: str) -> None:
    """Change one line of a content file by hand, as an editor would."""
    path = config.content_dir / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, text)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_build_is_byte_identical_twice(tmp_path: Path) -> None:
    first = make_project(tmp_path / "one", seeds=False)
    second = make_project(tmp_path / "two", seeds=False)
    for config in (first, second):
        write_reports(config, three_reports())
        assert build_site(config).ok
    for name in ("index.html", "data.csv", "data.json"):
        path = f"metrics/legal-aid-cases/{name}"
        assert read_page(first, path) == read_page(second, path)


# --- the real seeds ---------------------------------------------------------------------------------

def test_seed_metric_pages_list_exactly_the_reports_stating_them(built_seeds: SiteConfig) -> None:
    reports = [load_report(p)[0] for p in content_files(built_seeds.content_dir)]
    for metric_id, expected in (("legal-aid-cases", {"jiande-2014", "linan-2015"}),
                                ("workers-libraries", {"jiande-2014", "linan-2015"})):
        stating = {r.slug for r in reports if r and any(m.metric == metric_id for m in r.metrics)}
        assert expected <= stating
        listed = {r["report"] for r in csv_rows(built_seeds, metric_id)}
        assert listed == stating
        html = read_page(built_seeds, f"metrics/{metric_id}/index.html")
        for report in reports:
            assert report is not None
            assert (f"reports/{report.slug}/#" in html) == (report.slug in stating)


def test_seed_metric_links_resolve(built_seeds: SiteConfig) -> None:
    site = built_seeds.site_dir
    checked = 0
    for page in sorted(site.glob("metrics/*/index.html")):
        url = page.parent.relative_to(site).as_posix() + "/"
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            if "reports/" in href and "#" in href:
                path, fragment = target_ids(built_seeds, url, href)
                assert f'id="{fragment}"' in read_page(built_seeds, path), (url, href)
                checked += 1
    assert checked > 100


def test_seed_report_pages_link_figures_to_existing_metric_pages(built_seeds: SiteConfig) -> None:
    site = built_seeds.site_dir
    linked = set()
    for page in sorted(site.glob("reports/*/index.html")):
        url = page.parent.relative_to(site).as_posix() + "/"
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            path, _fragment = target_ids(built_seeds, url, href)
            if path.startswith("metrics/"):
                assert (site / path).is_file(), (url, href)
                linked.add(path)
    assert "metrics/unclassified/index.html" in linked and len(linked) > 20


def test_a_chart_of_many_figures_shows_each_region_s_latest_figure_and_the_table_keeps_all() -> None:
    from reportsite.metric_pages import CHART_MAX_BARS, chart_rows, metric_charts
    from reportsite.taxonomy import load_taxonomy

    regions = ["临安市", "建德市", "余杭区"]
    rows = sorted((row(f"r{n}", 100 + n, region=regions[n % 3], period=str(2000 + n // 3)) for n in range(60)),
                  key=lambda r: (r.period, r.region))
    shown, reduced = chart_rows(rows)
    assert reduced and len(rows) > CHART_MAX_BARS
    assert {(r.region, r.period, r.value) for r in shown} == {("临安市", "2019", 157), ("建德市", "2019", 158),
                                                              ("余杭区", "2019", 159)}
    target = row("r99", 999, region="临安市", period="2020", kind="target")
    assert ("临安市", 157) in {(r.region, r.value) for r in chart_rows(rows + [target])[0]}  # actual beats a target
    few = rows[:CHART_MAX_BARS]
    assert chart_rows(few) == (few, False)
    chart = metric_charts(load_taxonomy().get("legal-aid-cases"), rows)[0]
    assert chart.latest_only and chart.svg.count("<rect") < 20 and "3个地区各自最新的数值" in chart.svg


def test_a_metric_stated_in_many_regions_folds_its_region_list_and_its_conflicts(tmp_path: Path) -> None:
    regions = ["临安市", "建德市", "余杭区", "富阳区", "桐庐县", "淳安县", "萧山区", "滨江区", "西湖区", "拱墅区",
               "上城区", "钱塘区", "临平区", "海宁市"]
    reports = []
    for number, region in enumerate(regions):
        for copy in range(2):  # two reports per place and year that disagree: a conflict in every region
            value = 30 + number + 100 * copy
            reports.append(sample_report(f"r{number}-{copy}", f"{region}报道{copy}", paragraphs(f"全年办理法律援助案件{value}起。"),
                                         region=(region, "杭州市"), metrics=[legal_aid(value, f"{value}起")]))
    config = make_project(tmp_path / "project", seeds=False)
    write_reports(config, reports)
    assert build_site(config).ok
    page = read_page(config, "metrics/legal-aid-cases/index.html")
    header = page[page.index('<dl class="metric-definition">') : page.index("</dl>", page.index("metric-definition"))]
    assert "涉及14个地区" in header and "<details" in header and "海宁市" in header
    conflicts = page[page.index('id="conflicts"') : page.index("</section>", page.index('id="conflicts"'))]
    assert conflicts.count("<li>") == len(regions)
    folded = conflicts[conflicts.index("<details") :]
    assert "另有9处冲突" in folded and folded.count("<li>") == len(regions) - 5


# --- metrics with more figures than one page should hold ---------------------------------------------


def many_figures() -> list[Report]:
    """Nine reports on legal aid in three places (two of them in 2015 disagree in 临安市) and one with no place."""
    reports = []
    for number, region in enumerate(["临安市", "临安市", "建德市", "建德市", "建德市", "余杭区", "余杭区", "余杭区"]):
        value, year = 40 + number, 2016 if number > 1 and number % 2 else 2015
        reports.append(sample_report(f"r{number}", f"{region}维权报道{number}", paragraphs(f"全年办理法律援助案件{value}起。"),
                                     region=(region, "杭州市"), period=(year, year), metrics=[legal_aid(value, f"{value}起")]))
    reports.append(sample_report("nowhere", "无地区报道", paragraphs("办理法律援助案件9起。"), region=None,
                                 metrics=[legal_aid(9, "9起")]))
    return reports


@pytest.fixture
def split_site(tmp_path: Path, monkeypatch) -> SiteConfig:
    import reportsite.metric_pages as metric_pages

    monkeypatch.setattr(metric_pages, "TABLE_MAX_ROWS", 4)  # as if an archive had thousands of figures
    config = make_project(tmp_path / "project", seeds=False)
    write_reports(config, many_figures())
    assert build_site(config).ok
    return config


def table_reports(page: str) -> list[str]:
    """The report pages a metric table's rows link to, in table order."""
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    return re.findall(r'<td data-label="报道"><a href="[^"]*reports/([^/]+)/">', body)


def test_a_metric_with_too_many_figures_lists_them_on_a_page_per_region(split_site: SiteConfig) -> None:
    main = read_page(split_site, "metrics/legal-aid-cases/index.html")
    assert "各地区数值" in main and table_reports(main) == []
    regions = main[main.index('<table class="region-parts">') : main.index("</table>", main.index("region-parts"))]
    links = re.findall(r'<td data-label="地区"><a href="([^"]+)">([^<]+)</a>', regions)
    assert [name for _href, name in links] == ["临安市", "余杭区", "建德市", "未注明地区"]
    assert "9条" in main and "3条" in regions and "2条" in regions and "1条" in regions
    pages = {name: read_page(split_site, target_ids(split_site, "metrics/legal-aid-cases/", href)[0]) for href, name in links}
    listed = {name: table_reports(page) for name, page in pages.items()}
    assert listed == {"临安市": ["r0", "r1"], "建德市": ["r2", "r4", "r3"], "余杭区": ["r6", "r5", "r7"], "未注明地区": ["nowhere"]}
    assert sorted(slug for slugs in listed.values() for slug in slugs) == sorted(r["report"] for r in csv_rows(split_site, "legal-aid-cases"))
    assert "<h1>法律援助案件<span class=\"title-region\">：建德市</span></h1>" in pages["建德市"]
    assert 'href="../../../regions/jiande/"' in pages["建德市"]  # the region's own page


def test_conflicts_of_a_split_metric_are_listed_on_their_region_s_page(split_site: SiteConfig) -> None:
    main = read_page(split_site, "metrics/legal-aid-cases/index.html")
    conflicts = main[main.index('id="conflicts"') : main.index("</section>", main.index('id="conflicts"'))]
    assert "共3处冲突" in conflicts
    assert re.findall(r'<a href="[./]*metrics/legal-aid-cases/(\w+)/#conflicts">(\w+)</a> <span class="count">1处</span>',
                      conflicts) == [("linan", "临安市"), ("yuhang", "余杭区"), ("jiande", "建德市")]
    linan = read_page(split_site, "metrics/legal-aid-cases/linan/index.html")
    section = linan[linan.index('id="conflicts"') : linan.index("</section>", linan.index('id="conflicts"'))]
    assert "40起" in section and "41起" in section and "42起" not in section
    assert 'id="conflicts"' not in read_page(split_site, "metrics/legal-aid-cases/no-region/index.html")


def test_every_link_of_a_region_page_resolves(split_site: SiteConfig) -> None:
    for name in ("linan", "jiande", "yuhang", "no-region"):
        page_url = f"metrics/legal-aid-cases/{name}/"
        for href in HREF.findall(read_page(split_site, page_url + "index.html")):
            target, fragment = target_ids(split_site, page_url, href)
            if "." in posixpath.basename(href.partition("#")[0]):  # a file: a stylesheet, an icon, a download
                target = posixpath.normpath(posixpath.join(page_url, href.partition("#")[0]))
            path = split_site.site_dir / target
            assert path.is_file(), (page_url, href)
            if fragment and target.endswith(".html"):
                assert f'id="{fragment}"' in path.read_text(encoding="utf-8"), (page_url, href)


def test_an_edit_remakes_only_its_own_region_s_page(split_site: SiteConfig, monkeypatch) -> None:
    state = BuildState()
    assert build_site(split_site, state).ok
    edit(split_site, "r2", "value: 42", "value: 47")
    edit(split_site, "r2", "text: 42起", "text: 47起")
    rendered = set(build_site(split_site, state).rendered)
    assert "metrics/legal-aid-cases/jiande/index.html" in rendered and "metrics/legal-aid-cases/index.html" in rendered
    assert not rendered & {"metrics/legal-aid-cases/linan/index.html", "metrics/legal-aid-cases/yuhang/index.html"}
    assert "47起" in read_page(split_site, "metrics/legal-aid-cases/jiande/index.html")


def unclassified_reports() -> list[Report]:
    """Five reports with figures no metric claims: three in 临安市, one in 建德市, one with no place."""
    def loose(value: int, text: str, anchor: str = "p1") -> MetricRecord:
        return MetricRecord(None, "志愿者", value, "人", text, anchor)

    specs = [("u1", "临安市", 120), ("u2", "临安市", 130), ("u3", "临安市", 140), ("u4", "建德市", 150), ("u5", None, 160)]
    return [sample_report(slug, f"{region or '无地区'}志愿服务{slug}", paragraphs(f"组织志愿者{value}人参加服务。", "另有志愿者9人。"),
                          region=(region, "杭州市") if region else None, metrics=[loose(value, f"{value}人"), loose(9, "9人", "p2")])
            for slug, region, value in specs]


def test_many_unclassified_figures_are_listed_on_a_page_per_region(tmp_path: Path, monkeypatch) -> None:
    import reportsite.metric_pages as metric_pages

    monkeypatch.setattr(metric_pages, "TABLE_MAX_ROWS", 4)  # ten figures: as if an archive had thousands
    config = make_project(tmp_path / "project", seeds=False)
    write_reports(config, unclassified_reports())
    state = BuildState()
    assert build_site(config, state).ok
    main = read_page(config, "metrics/unclassified/index.html")
    assert "共 10条" in main and "组织志愿者" not in main  # the figures are on the regions' pages
    assert "志愿者 <span class=\"count\">10</span>" in main  # the label summary counts the whole archive
    links = re.findall(r'<td data-label="地区"><a href="([^"]+)">([^<]+)</a>', main)
    assert [name for _href, name in links] == ["临安市", "建德市", "未注明地区"]
    listed = {}
    for href, name in links:
        page_url = posixpath.normpath(posixpath.join("metrics/unclassified/", href)) + "/"
        page = read_page(config, page_url + "index.html")
        listed[name] = re.findall(r'<h2 id="u-\d+"><a href="[./]*reports/(\w+)/">', page)
        assert f"<span class=\"title-region\">：{name}</span>" in page
        for link in HREF.findall(page):  # every link of the page lands on a file of the site
            target, _fragment = target_ids(config, page_url, link)
            if "." in posixpath.basename(link.partition("#")[0]):  # a stylesheet, an icon
                target = posixpath.normpath(posixpath.join(page_url, link.partition("#")[0]))
            assert (config.site_dir / target).is_file(), (name, link)
    assert {name: sorted(slugs) for name, slugs in listed.items()} == {"临安市": ["u1", "u2", "u3"], "建德市": ["u4"],
                                                                       "未注明地区": ["u5"]}
    assert "组织志愿者<mark>150人</mark>参加服务。" in read_page(config, "metrics/unclassified/jiande/index.html")
    (config.content_dir / "u4.md").write_text(read_page_text(config, "u4").replace("150人", "155人").replace("value: 150", "value: 155"),
                                               encoding="utf-8")
    rendered = set(build_site(config, state).rendered)
    assert "metrics/unclassified/jiande/index.html" in rendered
    assert not rendered & {"metrics/unclassified/linan/index.html", "metrics/unclassified/index.html"}  # counts unchanged
    assert "155人" in read_page(config, "metrics/unclassified/jiande/index.html")


def read_page_text(config: SiteConfig, slug: str) -> str:
    """A content file's text."""
    return (config.content_dir / f"{slug}.md").read_text(encoding="utf-8")


def _sentence_around_plainly(text: str, phrase: str) -> str:
    """sentence_around as first written: every mark looked for on both sides."""
    from reportsite.metric_rows import SENTENCE_END

    at = text.find(phrase)
    if at < 0 or not phrase:
        return text.strip()
    start = max(text.rfind(mark, 0, at) for mark in SENTENCE_END) + 1
    ends = [e for e in (text.find(mark, at + len(phrase)) for mark in SENTENCE_END) if e >= 0]
    return text[start : min(ends) + 1 if ends else len(text)].strip()


@given(st.text(alphabet="会员12万名。！？；!?; \n，", max_size=30), st.text(alphabet="会员12万名。；", max_size=4))
def test_sentence_around_is_the_text_between_the_marks_around_the_phrase(text: str, phrase: str) -> None:
    assert sentence_around(text, phrase) == _sentence_around_plainly(text, phrase)


ROW_CHANGES = {"report_title": "新标题", "region": "建德市", "period": "2016", "label": "援助", "value": 33,
               "unit": "件", "approx": "约", "kind": "target", "text": "33起", "link": "reports/a/#p2",
               "also": ("reports/a/#p4",), "caption": True, "sentence": ("前", "32起", "后"), "order": 1, "conflict": True}


@given(st.lists(st.sampled_from(sorted(ROW_CHANGES)), max_size=3), st.integers(0, 2))
def test_a_row_digest_follows_the_rows_values_not_their_objects(changed, at) -> None:
    from dataclasses import replace

    from reportsite.metric_rows import rows_digest

    rows = [row("a", 32), row("a", 32.5, order=1), row("b", 35, also=("reports/b/#p2",))]
    # Equal rows built from other string objects (as rows read back from the cache are) give the same digest.
    copies = [replace(r, **{name: "".join(list(value)) for name, value in vars(r).items()
                            if isinstance(value, str) and not name.startswith("_")}) for r in rows]
    assert copies[0].report_title is not rows[0].report_title or len(rows[0].report_title) < 2
    assert rows_digest(copies) == rows_digest(rows)
    edited = list(rows)
    edited[at] = replace(rows[at], **{name: ROW_CHANGES[name] for name in changed})
    assert (rows_digest(edited) == rows_digest(rows)) == (edited == rows)
    assert rows_digest(rows[:2]) != rows_digest(rows)  # a row more or less changes it too


_SUMMARY = st.tuples(st.sampled_from(["a", "b", "c", "d", "e"]), st.sampled_from(["v1", "v2"]),
                     st.sampled_from(["regions/linan/", "regions/jiande/", ""]),
                     st.dictionaries(st.sampled_from(["m1", "m2", "x", None]), st.tuples(st.sampled_from(["d1", "d2"]),
                                                                                       st.integers(1, 300)), max_size=3))


@given(st.lists(st.lists(_SUMMARY, max_size=6), min_size=1, max_size=5))
def test_a_tally_updated_edit_by_edit_counts_what_a_fresh_one_counts(archives) -> None:
    from reportsite.metric_pages import MetricTally, RowSummary

    def summaries(archive):
        latest = {slug: (version, region, metrics) for slug, version, region, metrics in archive}  # one per report
        return [RowSummary((slug, f"{version}-{sorted(metrics.items(), key=str)}-{region}", f"reports/{slug}/", region),
                           metrics) for slug, (version, region, metrics) in sorted(latest.items())]

    kept = MetricTally(frozenset({"m1", "m2"}))
    for archive in archives:
        kept.update(summaries(archive))
        fresh = MetricTally(frozenset({"m1", "m2"}))
        fresh.update(summaries(archive))
        assert (kept.entries, kept.totals, kept.figure_count) == (fresh.entries, fresh.totals, fresh.figure_count)
        counted = [s for s in summaries(archive)]
        assert kept.figure_count == sum(n for s in counted for _d, n in s.metrics.values())
        for metric_id, totals in kept.totals.items():
            stating = {s.key[0] for s in counted if metric_id in s.metrics}
            assert totals.reports == stating and totals.count == sum(s.metrics[metric_id][1] for s in counted
                                                                     if metric_id in s.metrics)
            assert bool(totals.parts) == (totals.count > 400)
        assert "x" not in kept.totals and None not in kept.totals  # unknown ids and figures without one: unclassified


def test_a_tally_moves_only_the_sums_of_an_edited_report_s_rows_and_of_its_region() -> None:
    from reportsite.metric_pages import MetricTally, RowSummary

    def archive(a_rows: str) -> list[RowSummary]:
        return [RowSummary(("a", a_rows, "reports/a/", "regions/linan/"), {"m1": (a_rows, 300)}),
                RowSummary(("b", "v1", "reports/b/", "regions/linan/"), {"m1": ("b1", 50)}),
                RowSummary(("c", "v1", "reports/c/", "regions/jiande/"), {"m1": ("c1", 200)})]

    kept = MetricTally(frozenset({"m1"}))
    kept.update(archive("a1"))
    before = kept.totals["m1"]
    kept.update(archive("a2"))  # a's rows edited: the same reports in the same regions, 550 rows split by region
    fresh = MetricTally(frozenset({"m1"}))
    fresh.update(archive("a2"))
    after = kept.totals["m1"]
    assert after == fresh.totals["m1"] and after.deps == ("a", "b", "c") and after.count == 550
    assert after.rows_key != before.rows_key and after.parts["linan"] != before.parts["linan"]
    assert after.parts["jiande"] == before.parts["jiande"]  # the other region's page keeps its key


def test_a_tally_moves_a_report_to_its_new_region_s_page() -> None:
    from reportsite.metric_pages import MetricTally, RowSummary

    def archive(a_region: str) -> list[RowSummary]:
        return [RowSummary(("a", a_region, "reports/a/", a_region), {"m1": ("a1", 300)}),
                RowSummary(("b", "v1", "reports/b/", "regions/linan/"), {"m1": ("b1", 50)}),
                RowSummary(("c", "v1", "reports/c/", "regions/jiande/"), {"m1": ("c1", 200)})]

    kept = MetricTally(frozenset({"m1"}))
    kept.update(archive("regions/linan/"))
    kept.update(archive("regions/jiande/"))  # the same rows, the report now set in another region
    parts = kept.totals["m1"].parts
    assert {part: slugs for part, (_sum, slugs) in parts.items()} == {"linan": ("b",), "jiande": ("a", "c")}
    fresh = MetricTally(frozenset({"m1"}))
    fresh.update(archive("regions/jiande/"))
    assert kept.totals == fresh.totals


def test_a_tally_splits_a_metric_by_region_once_it_passes_the_table_size_and_joins_it_again() -> None:
    from reportsite.metric_pages import MetricTally, RowSummary

    def archive(a_rows: int) -> list[RowSummary]:
        return [RowSummary(("a", str(a_rows), "reports/a/", "regions/linan/"), {"m1": ("a1", a_rows)}),
                RowSummary(("b", "v1", "reports/b/", "regions/jiande/"), {"m1": ("b1", 100)})]

    kept = MetricTally(frozenset({"m1"}))
    for a_rows in (200, 350, 200):  # 300 rows, then 450 (over the 400 of a table), then 300 again
        kept.update(archive(a_rows))
        fresh = MetricTally(frozenset({"m1"}))
        fresh.update(archive(a_rows))
        assert kept.totals == fresh.totals
        assert bool(kept.totals["m1"].parts) == (a_rows + 100 > 400)


_EDITS = st.lists(st.tuples(st.sampled_from("abcdefgh"), st.booleans(), st.sampled_from(["regions/linan/", "regions/jiande/", ""]),
                            st.dictionaries(st.sampled_from(["m1", "m2", None, "x"]),
                                            st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.sampled_from([1, 50, 120, 200])),
                                            max_size=4)), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(_EDITS)
def test_a_tally_updated_through_random_edits_equals_a_fresh_count_after_each(edits) -> None:
    from reportsite.metric_pages import MetricTally, RowSummary, _totals

    known = frozenset({"m1", "m2"})
    kept, archive = MetricTally(known), {}
    for step, (slug, remove, region, metrics) in enumerate(edits):
        if remove:
            archive.pop(slug, None)
        else:
            archive[slug] = RowSummary((slug, f"v{step}", f"reports/{slug}/", region), metrics)
        current = [archive[s] for s in sorted(archive)]
        kept.update(current)
        fresh = MetricTally(known)
        fresh.update(current)
        assert kept.totals == fresh.totals and kept.figure_count == fresh.figure_count
        assert all(kept.totals[m] == _totals(found) for m, found in kept.entries.items())


def test_the_figures_no_metric_claims_are_listed_by_report_in_listing_order() -> None:
    from reportsite.metric_pages import RowSummary, unclassified_shown

    summaries = [RowSummary(("b", "d1", "reports/b/", "regions/linan/"), {"jobs": ("x", 2), None: ("y", 1), "new-id": ("z", 1)}),
                 RowSummary(("a", "d2", "reports/a/", ""), {"jobs": ("w", 3)})]
    assert unclassified_shown(summaries, frozenset({"jobs"})) == [("b", "linan", "y"), ("b", "linan", "z")]


OLD_STYLE_ROW = """{% macro metric_row(row, url) -%}
<tr class="theme-row"><td><a href="{{ url(row.report_url) }}">{{ row.report_title }}</a></td><td>{{ row.text }}</td></tr>
{% endmacro %}
"""


@pytest.mark.parametrize("server", [False, True], ids=["build", "server"])
def test_a_theme_whose_row_template_has_the_one_row_macro_of_earlier_versions_still_builds(tmp_path: Path,
                                                                                           server: bool) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "_metric_row.html").write_text(OLD_STYLE_ROW, encoding="utf-8")
    config = make_project(tmp_path / "project", seeds=False).with_overrides(theme_dir=theme)
    write_reports(config, three_reports())
    state = BuildState(long_running=True) if server else None
    assert build_site(config, state).ok
    html = read_page(config, "metrics/legal-aid-cases/index.html")
    assert html.count('<tr class="theme-row">') == 3 and "临安市总工会工作回顾" in html


def test_rows_made_under_one_taxonomy_are_not_taken_for_another_s() -> None:
    """A memo keeps rows by what they are made from: the taxonomy's ids decide which rows quote their sentence."""
    from reportsite.metric_pages import metric_pages
    from reportsite.modelcache import ModelMemo
    from reportsite.site import report_views
    from reportsite.taxonomy import Taxonomy, load_taxonomy

    full = load_taxonomy()
    without = Taxonomy([m for m in full.metrics if m.id != "legal-aid-cases"], full.categories)
    views = report_views(three_reports())
    memo = ModelMemo()
    metric_pages(views, full, memo)
    [page] = [p for p in metric_pages(views, without, memo) if p.url == "metrics/unclassified/"]
    sentences = {row.sentence for group in page.context["groups"] for row in group.rows}
    assert ("临安市工会全年办理法律援助案件", "32起", "。") in sentences  # its metric unknown now: quoted
