"""The site model: regions, years, every page listed, onward links, feeds and determinism."""

import datetime as dt
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitekit import build_small_site, default_reports, read_page, sample_report, paragraphs

from reportsite.feeds import absolute_url, atom_feed, robots_txt, sitemap_xml
from reportsite.site import region_urls, report_views, site_index, site_pages

SITE = {"title": "档案", "description": "说明", "language": "zh-CN", "base_url": "https://u.github.io/repo/", "base_path": "/repo/"}


def test_city_page_lists_its_districts_and_their_reports():
    views = report_views(default_reports())
    index = site_index(views)
    [city] = index.regions
    assert city.name == "杭州市"
    assert {c.name for c in city.children} == {"余杭区", "临安市"}
    assert {v.report.slug for v in city.all_reports} == {"linan-2015", "yuhang-2016", "hangzhou-2017"}
    linan = next(v for v in views if v.report.slug == "linan-2015")
    assert linan.region_page.parent is city


def test_a_report_appears_on_every_year_its_period_covers():
    index = site_index(report_views(default_reports()))
    years = {g.year: [v.report.slug for v in g.reports] for g in index.years}
    assert sorted(years) == [2012, 2013, 2014, 2015, 2016, 2017]
    assert years[2015] == ["hangzhou-2017", "yuhang-2016", "linan-2015"]
    assert years[2012] == ["yuhang-2016"]
    assert [g.year for g in index.years] == sorted(years, reverse=True)


def test_region_urls_are_pinyin_and_unique():
    urls = region_urls(["临安市", "临安区", "余杭区"])
    assert urls["余杭区"] == "regions/yuhang/"
    assert sorted(urls.values()) == sorted(set(urls.values()))
    assert {urls["临安市"], urls["临安区"]} == {"regions/linan/", "regions/linan-2/"}


def test_site_lists_every_kind_of_page_once():
    pages = site_pages(report_views(default_reports()), SITE)
    urls = [p.url for p in pages]
    assert len(urls) == len(set(urls))
    for url in ["", "reports/", "reports/linan-2015/", "regions/", "regions/hangzhou/", "years/", "years/2015/",
                "search/", "404.html", "sitemap.xml", "robots.txt", "feed.xml"]:
        assert url in urls


def test_sitemap_and_robots_use_the_published_address():
    pages = site_pages(report_views(default_reports()), SITE)
    sitemap = sitemap_xml(pages, SITE["base_url"])
    assert "<loc>https://u.github.io/repo/reports/linan-2015/</loc>" in sitemap
    assert "404.html" not in sitemap and "feed.xml" not in sitemap
    assert "Sitemap: https://u.github.io/repo/sitemap.xml" in robots_txt(SITE["base_url"])
    assert absolute_url("/", "x/") == "/x/"


def test_feed_dates_come_from_the_content_only():
    reports = default_reports()
    reports[0].date = dt.date(2016, 3, 1)
    feed = atom_feed(report_views(reports), SITE)
    assert "<updated>2017-12-31T00:00:00Z</updated>" in feed  # hangzhou-2017: end of its period
    assert "<updated>2016-03-01T00:00:00Z</updated>" in feed
    assert feed.index("杭州市五年回眸") < feed.index("临安市总工会奋进创新")  # newest first
    assert feed == atom_feed(report_views(reports), SITE)


def test_the_feed_lists_the_newest_reports_only():
    from reportsite.model import Period, Report

    reports = [Report(title=f"第{i}篇", slug=f"r{i:03d}", body="正文。\n", period=Period(1900 + i, 1900 + i))
               for i in range(120)]
    reports.append(Report(title="未注明时间", slug="undated", body="正文。\n"))
    feed = atom_feed(report_views(reports), SITE)
    listed = re.findall(r"<title>(第\d+篇|未注明时间)</title>", feed)
    assert listed == [f"第{i}篇" for i in range(119, 19, -1)]  # the hundred newest, newest first
    assert "<updated>2019-12-31T00:00:00Z</updated>" in feed.split("<entry>")[0]


def test_every_page_links_onward_and_shows_the_chinese_navigation(tmp_path: Path):
    config = build_small_site(tmp_path / "p")
    for path in sorted(config.site_dir.rglob("*.html")):
        if "metrics" in path.parts:  # metric pages are tested with their module
            continue
        text = path.read_text(encoding="utf-8")
        main = text[text.index("<main"): text.index("</main>")]
        assert re.search(r'<a [^>]*href="[^"#]', main), f"{path}: no onward link in the main content"
        for label in ["首页", "报道", "地区", "年份", "数据指标", "搜索"]:
            assert f">{label}</a>" in text, (path, label)


def test_report_page_has_previous_next_related_and_region_links(tmp_path: Path):
    page = read_page(build_small_site(tmp_path / "p"), "reports/yuhang-2016/index.html")
    assert "上一篇" in page and "下一篇" in page and "相关报道" in page
    assert '<a href="../../regions/yuhang/">余杭区</a>' in page
    assert '<a href="../../years/2012/">2012</a>' in page


def test_shared_passage_links_to_the_paragraph_in_the_other_report(tmp_path: Path):
    shared = "全市工会组织深入开展职工技能竞赛活动，广大职工踊跃参与，涌现出一大批技术能手和岗位标兵。"
    reports = [
        sample_report("a-2015", "甲报道", paragraphs("甲地开篇。", shared)),
        sample_report("b-2016", "乙报道", paragraphs(shared, "乙地结尾。"), period=(2016, 2016)),
    ]
    page = read_page(build_small_site(tmp_path / "p", reports), "reports/a-2015/index.html")
    assert "此段亦见于" in page
    assert '<a href="../../reports/b-2016/#p1">乙报道</a>' in page


def test_building_twice_gives_byte_identical_files(tmp_path: Path):
    first = build_small_site(tmp_path / "one").site_dir
    second = build_small_site(tmp_path / "two").site_dir

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(first) == files(second)
    assert any(name.startswith("search-index/s/") for name in files(first))  # the search index is compared too


def test_related_reports_are_found_without_comparing_every_pair():
    """Each report scores a bounded set of candidates, so 'related' stays linear in the archive size."""
    from reportsite.model import Region, Report
    from reportsite.site import CANDIDATE_CAP, _candidates, related_index, report_views

    reports = [Report(title=f"报道{i}", slug=f"r{i}", body=f"第{i}篇。\n{{#p1}}\n", region=Region("临安市", "杭州市"))
               for i in range(3 * CANDIDATE_CAP)]
    reports.append(Report(title="别处", slug="far", body="别处。\n{#p1}\n", region=Region("成都市", "四川省")))
    views = report_views(reports)
    index = related_index(views)
    assert all(len(_candidates(v, index)) <= 4 * CANDIDATE_CAP for v in views)
    first = next(v for v in views if v.report.slug == "r0")
    assert len(first.related) == 5 and all(r.report.region.name == "临安市" for r in first.related)
    assert next(v for v in views if v.report.slug == "far").related == []


def test_the_home_page_lists_the_newest_reports_and_links_to_all(tmp_path) -> None:
    from sitekit import build_small_site, paragraphs, read_page, sample_report

    reports = [sample_report(f"r{n:02d}", f"第{n}篇报道", paragraphs("全市工会开展活动。"), period=(1990 + n, 1990 + n))
               for n in range(35)]
    config = build_small_site(tmp_path / "p", reports)
    home = read_page(config, "index.html")
    listed = home[home.index('id="reports-heading"') : home.index("</section>", home.index('id="reports-heading"'))]
    assert "最新报道" in listed and listed.count('<li class="report-item">') == 30
    assert "第34篇报道" in listed and "第4篇报道" not in listed  # newest first: 2024 back to 1995
    assert "全部报道 35篇" in listed
    assert read_page(config, "reports/index.html").count('<li class="report-item">') == 35


def test_the_list_of_all_reports_is_split_into_linked_pages(tmp_path, monkeypatch) -> None:
    from sitekit import build_small_site, paragraphs, read_page, sample_report

    from reportsite import site

    monkeypatch.setattr(site, "REPORTS_PER_PAGE", 2)
    reports = [sample_report(f"r{n}", f"第{n}篇报道", paragraphs("全市工会开展活动。"), period=(2000 + n, 2000 + n))
               for n in range(5)]
    config = build_small_site(tmp_path / "p", reports)
    first, second, third = (read_page(config, path) for path in
                            ("reports/index.html", "reports/page/2/index.html", "reports/page/3/index.html"))
    assert [p.count('<li class="report-item">') for p in (first, second, third)] == [2, 2, 1]
    assert "第4篇报道" in first and "第0篇报道" in third  # newest first
    assert "共 5篇" in second and "本页为第 3—4 篇" in second
    assert 'href="../../../reports/page/3/" rel="next"' in second and 'href="../../../reports/" rel="prev"' in second
    assert 'href="../reports/page/2/"' in first and 'rel="prev"' not in first
    assert not (config.site_dir / "reports" / "page" / "4").exists()
    assert "reports/page/3/" in read_page(config, "sitemap.xml")



def test_the_reports_of_a_region_and_of_a_year_are_split_into_linked_pages(tmp_path, monkeypatch) -> None:
    from sitekit import build_small_site, paragraphs, read_page, sample_report

    from reportsite import site

    monkeypatch.setattr(site, "REPORTS_PER_PAGE", 2)
    reports = [sample_report(f"r{n}", f"临安第{n}篇报道", paragraphs("全市工会开展活动。"), period=(2015, 2015))
               for n in range(3)]
    reports.append(sample_report("y1", "余杭报道", paragraphs("余杭区工会开展活动。"), region=("余杭区", "杭州市"),
                                 period=(2015, 2015)))
    config = build_small_site(tmp_path / "p", reports)
    city, city_2 = read_page(config, "regions/hangzhou/index.html"), read_page(config, "regions/hangzhou/page/2/index.html")
    assert [p.count('<li class="report-item">') for p in (city, city_2)] == [2, 2]  # 杭州市 lists its districts' too
    assert "共有报道 4篇" in city_2 and "本页为第 3—4 篇" in city_2
    assert "所辖地区" in city and "所辖地区" not in city_2
    assert 'href="../../../../regions/hangzhou/" rel="prev"' in city_2 and 'href="../../regions/hangzhou/page/2/" rel="next"' in city
    assert "list-pager" not in read_page(config, "regions/yuhang/index.html")  # one page: no pager
    year, year_2 = read_page(config, "years/2015/index.html"), read_page(config, "years/2015/page/2/index.html")
    assert [p.count('<li class="report-item">') for p in (year, year_2)] == [2, 2]
    assert "本页为第 3—4 篇" in year_2 and "<title>2015年（第2页）" in year_2
    listed = re.findall(r'<a href="[./]*reports/(\w+)/">', city + city_2)
    assert sorted(set(listed)) == ["r0", "r1", "r2", "y1"]


def _related_reference(view, index):
    """Related reports as first written: score every candidate, sort by score then slug, keep five."""
    from reportsite.site import RELATED_LIMIT, _candidates

    mine, region = index.metric_ids[view.report.slug], view.report.region
    shared_with = [s.report for s in view.shared]

    def score(other) -> int:
        value = 0
        if region and other.report.region:
            if other.report.region.name == region.name:
                value += 3
            elif region.parent and other.report.region.parent == region.parent:
                value += 1
            elif other.report.region.name == region.parent or other.report.region.parent == region.name:
                value += 2
        return value + len(mine & index.metric_ids[other.report.slug]) + 2 * shared_with.count(other.report.slug)

    scored = sorted(((score(o), o.report.slug, o) for o in _candidates(view, index)), key=lambda t: (-t[0], t[1]))
    return [o for s, _slug, o in scored if s > 0][:RELATED_LIMIT]


PLACES = [None, ("临安市", "杭州市"), ("建德市", "杭州市"), ("杭州市", "浙江省"), ("浙江省", None), ("成都市", "四川省")]


@given(st.lists(st.tuples(st.sampled_from(PLACES), st.sets(st.sampled_from(["a", "b", "c", "d"]), max_size=3),
                          st.integers(2010, 2020)), min_size=1, max_size=60))
@settings(max_examples=60, deadline=None)
def test_related_reports_are_the_best_scored_candidates(specs) -> None:
    from reportsite.model import MetricRecord, Period, Region, Report
    from reportsite.site import related_index

    reports = [Report(title=f"报道{i}", slug=f"r{i:02d}", body="正文。\n{#p1}\n", period=Period(year, year),
                      region=Region(*place) if place else None,
                      metrics=[MetricRecord(m, "数", 1, "个", "1个", "p1") for m in sorted(metrics)])
               for i, (place, metrics, year) in enumerate(specs)]
    views = report_views(reports)
    index = related_index(views)
    for view in views:
        assert [r.report.slug for r in view.related] == [r.report.slug for r in _related_reference(view, index)]


def test_related_reports_chosen_on_all_cores_are_those_chosen_in_one_process(monkeypatch) -> None:
    from reportsite import site, workers
    from reportsite.model import MetricRecord, Period, Region, Report

    reports = [Report(title=f"报道{i}", slug=f"r{i:03d}", body="正文。\n{#p1}\n", period=Period(2010 + i % 9, 2010 + i % 9),
                      region=Region(*PLACES[1 + i % 5]),
                      metrics=[MetricRecord(m, "数", 1, "个", "1个", "p1") for m in "abcd"[i % 3 : i % 3 + 2]])
               for i in range(150)]
    views = report_views(reports)
    monkeypatch.setattr(site, "RELATED_POOL_MIN", 10**9)
    alone = site._all_related(views)
    monkeypatch.setattr(site, "RELATED_POOL_MIN", 2)
    forked = []
    real_fork_map = workers.fork_map

    def spy(function, items, min_items=workers.MIN_ITEMS):
        forked.append(workers.worker_count() > 1 and len(items) >= min_items)
        return real_fork_map(function, items, min_items)

    monkeypatch.setattr(site, "fork_map", spy)
    assert site._all_related(views) == alone
    assert forked == [workers.worker_count() > 1]  # on a machine with two cores, the pool really ran
    assert sum(map(len, alone.values())) > 300  # most reports have related ones: the comparison says something
