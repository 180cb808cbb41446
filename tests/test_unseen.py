"""Ingest on six reports nobody tuned the rules on (tests/data/unseen/*.txt).

Each ``<name>.txt`` is a realistic report of the genre with its own mix of damage; ``<name>.expect.yml``
says what a careful editor would expect from ingest: title group, authors, where/when, captions,
headings, the joins, the duplicate to remove once, debris that must not reach the body, and figures.
Expectations that the pipeline does not meet yet are listed in XFAIL with the reason (strict: when a
fix lands, the test turns red until its entry is removed).
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from reportsite.body import markdown_to_blocks
from reportsite.content import load_report
from reportsite.ingest import ingest
from reportsite.normalize import to_simplified
from reportsite.reading import read_seed

from conftest import make_project

DATA = Path(__file__).parent / "data" / "unseen"
NAMES = sorted(p.stem for p in DATA.glob("*.txt"))
EXPECT = {n: yaml.safe_load((DATA / f"{n}.expect.yml").read_text(encoding="utf-8")) for n in NAMES}
HAN = re.compile(r"[\u3400-\u9fff]")

# ------------------------------------------------------------------ known failures (strict xfail)
# key: "<name>:<check>" (see the ids of the parametrised cases); value: what is wrong today.
XFAIL: dict[str, str] = {
    # ---- whole-site failure
    # ---- title group / bylines (structure.py, bylines.py)
    "yinzhou_2019:title": "title = the ——subtitle line; real title went to kicker",
    "yinzhou_2019:subtitle": "subtitle = the byline line '本报记者 张三 通讯员 李四'",
    "yinzhou_2019:authors": "byline '本报记者 张三 通讯员 李四' (no ■) not recognised: authors empty",
    "wenzhou_2020:authors": "byline '文/王五 陈静' not recognised: becomes a ## heading",
    "wenzhou_2020:headings": "'文/王五 陈静' becomes the first ## heading",
    "wenzhou_2020:not_in_body": "'文/王五 陈静' left in the body as a heading",
    "keqiao_2022:title": "space in '# 织就共富“幸福网” 柯桥工会…' deleted: kicker and title merged into one title",
    "keqiao_2022:kicker": "no kicker split off the '#' title line",
    "yinzhou_2019:kicker": "kicker = the real title",
    "zhejiang_2023:kicker": "kicker = the real title",
    "zhejiang_2023:title": "title = the ——subtitle line; real title went to kicker",
    "zhejiang_2023:subtitle": "subtitle = first wrapped line of the first paragraph",
    "chengdu_2021:title": "running head '成都工人报·专题' taken as kicker, kicker as title, title as subtitle",
    "chengdu_2021:subtitle": "real title ended up as subtitle",
    "chengdu_2021:kicker": "running head '成都工人报·专题' is the kicker",
    "chengdu_2021:authors": "'■记者 刘洋 实习生 陈晨' gives authors [刘洋, 实习生, 陈晨] (role word as a name)",
    # ---- hard wraps, page debris, joins (blocks.py)
    "yinzhou_2019:no_space_in_numbers": "unwrapping a line cut inside a number inserts a space: '15 60人次', '2 300余万元'",
    "yinzhou_2019:body_contains": "hard-wrapped paragraph split at a line holding only '。'; first line after the 图为 caption taken as a caption",
    "yinzhou_2019:captions": "'图为…。' caption (final 。) stays in the body as a paragraph",
    "yinzhou_2019:not_in_body": "'图为鄞州区…' caption left in the body",
    "yinzhou_2019:paragraphs_clean": "paragraph '。' alone; paragraph starting mid-sentence '产生宁波市首席工人3名'",
    "yinzhou_2019:period": "period 2020 (from the 展望2020年 outlook) instead of 2019",
    "yinzhou_2019:metric:1560人次": "number cut by the wrap: extracted as '60人次'",
    "yinzhou_2019:metric:2300余万元": "number cut by the wrap: extracted as '300余万元'",
    "wenzhou_2020:captions": "'图为…。' caption between the halves of a paragraph glued to the first half",
    "wenzhou_2020:body_contains": "halves around the 图为 caption not joined; caption inside the paragraph",
    "wenzhou_2020:also_in": "false cross-report 'shared passage' with chengdu: same wording, different numbers (2.1万 vs 8.9万)",
    "chengdu_2021:also_in": "false cross-report 'shared passage' with wenzhou: same wording, different numbers",
    "jiaxing_2018:not_in_body": "jump markers '（下转第4版）（上接第1版）' kept inside the joined paragraph",
    "jiaxing_2018:body_contains": "'咨（下转第4版）（上接第1版）询' — markers split the word",
    "zhejiang_2023:paragraphs": "indent-only paragraphs (no blank lines) are cut at every line ending in 。 / merged wrongly",
    "zhejiang_2023:body_contains": "wrapped numbers get spaces ('1 28亿元', '150 0余场', '1 9.8万家'); page break not joined",
    "zhejiang_2023:no_space_in_numbers": "'1 28亿元', '150 0余场', '1 9.8万家'",
    "zhejiang_2023:captions": "the first line of the paragraph after the photo gap also becomes a caption",
    "zhejiang_2023:paragraphs_clean": "paragraph starting '.8万人。' (rest of a line taken as caption)",
    "zhejiang_2023:headings": "running head '浙江工人日报 2023年5月4日 星期四' becomes a ## heading",
    "zhejiang_2023:not_in_body": "running head '浙江工人日报 …' left in the body",
    "zhejiang_2023:period": "'“十四五”以来 … 两年多来' read as 2023 only, not 2021–2023",
    "zhejiang_2023:metric:128亿元": "wrap '1|28亿元' -> value 2800000000",
    "zhejiang_2023:metric:1500余场": "wrap '150|0余场' -> '0余场', value 0",
    "zhejiang_2023:metric:19.8万家": "wrap '1|9.8万家' -> 98000",
    "chengdu_2021:not_in_body": "running head inside a block kept: '…为成都工人报·专题5.6万名女职工…'",
    "chengdu_2021:body_contains": "running head glued into the joined paragraph",
}


def case(name: str, check: str):
    key = f"{name}:{check}"
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[key])] if key in XFAIL else []
    return pytest.param(name, id=key, marks=marks)


def cases(check: str, when=lambda e: True):
    return [case(n, check) for n in NAMES if when(EXPECT[n])]


# ------------------------------------------------------------------ one ingest of all six, shared


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    config = make_project(tmp_path_factory.mktemp("unseen") / "project", seeds=False)
    for name in NAMES:
        shutil.copy(DATA / f"{name}.txt", config.root / "seeds" / f"{name}.txt")
    outcomes = ingest(config)
    assert all(o.status == "written" for o in outcomes), [o.line() for o in outcomes]
    reports = {}
    for path in sorted(config.content_dir.glob("*.md")):
        report, errors = load_report(path)
        assert report is not None and not errors, errors
        reports[Path(report.source).stem] = report
    assert sorted(reports) == NAMES
    return config, reports


def q(text: str) -> str:
    """Fold quote styles (ASCII and curly) so expectations do not depend on quote conversion."""
    return re.sub(r"[\"“”]", '"', text or "")


def blocks(report):
    return markdown_to_blocks(report.body)


def paragraphs(report) -> list[str]:
    return [b.text for b in blocks(report) if b.kind in ("paragraph", "item")]


def body_text(report) -> str:
    return q("\n".join(b.text for b in blocks(report)))


# ------------------------------------------------------------------ title group, people, place, time


@pytest.mark.parametrize("name", cases("title"))
def test_title(unseen, name):
    assert q(unseen[1][name].title) == q(EXPECT[name]["title"])


@pytest.mark.parametrize("name", cases("subtitle"))
def test_subtitle(unseen, name):
    assert q(unseen[1][name].subtitle) == q(EXPECT[name]["subtitle"])


@pytest.mark.parametrize("name", cases("kicker"))
def test_kicker(unseen, name):
    assert q(unseen[1][name].kicker) == q(EXPECT[name]["kicker"])


@pytest.mark.parametrize("name", cases("lead", lambda e: "lead_startswith" in e))
def test_lead(unseen, name):
    assert (unseen[1][name].lead or "").startswith(EXPECT[name]["lead_startswith"])


@pytest.mark.parametrize("name", cases("authors"))
def test_authors(unseen, name):
    assert unseen[1][name].authors == EXPECT[name]["authors"]


@pytest.mark.parametrize("name", cases("region"))
def test_region(unseen, name):
    region = unseen[1][name].region
    assert region is not None and region.to_data() == EXPECT[name]["region"]


@pytest.mark.parametrize("name", cases("period"))
def test_period(unseen, name):
    period = unseen[1][name].period
    assert period is not None and period.to_data() == EXPECT[name]["period"]


@pytest.mark.parametrize("name", cases("date", lambda e: "date" in e))
def test_date(unseen, name):
    assert unseen[1][name].date == EXPECT[name]["date"]
    assert isinstance(EXPECT[name]["date"], _dt.date)


# ------------------------------------------------------------------ captions, headings, paragraphs


@pytest.mark.parametrize("name", cases("captions"))
def test_captions_become_figures(unseen, name):
    report = unseen[1][name]
    captions = [q(f.caption).rstrip("。") for f in report.figures]
    assert captions == [q(c) for c in EXPECT[name]["captions"]]


@pytest.mark.parametrize("name", cases("headings"))
def test_heading_hierarchy(unseen, name):
    got = [[b.level, q(b.text)] for b in blocks(unseen[1][name]) if b.kind == "heading"]
    assert got == [[level, q(text)] for level, text in EXPECT[name]["headings"]]


@pytest.mark.parametrize("name", cases("paragraphs", lambda e: "paragraphs" in e))
def test_paragraph_count(unseen, name):
    assert len([b for b in blocks(unseen[1][name]) if b.kind == "paragraph"]) == EXPECT[name]["paragraphs"]


@pytest.mark.parametrize("name", cases("body_contains"))
def test_broken_paragraphs_rejoined(unseen, name):
    paras = [q(p) for p in paragraphs(unseen[1][name])]
    missing = [s for s in EXPECT[name].get("body_contains", []) if not any(q(s) in p for p in paras)]
    assert not missing, f"not inside one paragraph: {missing}"


@pytest.mark.parametrize("name", cases("paragraphs_clean"))
def test_no_paragraph_starts_mid_sentence(unseen, name):
    starts_mid = re.compile(r"[。，、；：！？.,%）)]|\d(?!\d{3}年)")  # "2021年，…" is a fine start, "6万元。" is not
    bad = [p for p in paragraphs(unseen[1][name]) if len(HAN.findall(p)) < 3 or starts_mid.match(p)]
    assert not bad, bad


@pytest.mark.parametrize("name", cases("no_space_in_numbers"))
def test_unwrapping_never_splits_a_number(unseen, name):
    assert not re.findall(r"\d \d", unseen[1][name].body)


@pytest.mark.parametrize("name", cases("not_in_body"))
def test_debris_kept_out_of_the_body(unseen, name):
    body = body_text(unseen[1][name])
    found = [s for s in EXPECT[name]["not_in_body"] if q(s) in body]
    assert not found, found
    assert not [p for p in paragraphs(unseen[1][name]) if re.fullmatch(r"[\d\s—\-]+", p)], "lone page number in body"


@pytest.mark.parametrize("name", cases("punctuation"))
def test_full_width_punctuation_between_han(unseen, name):
    assert not re.findall(r"[\u4e00-\u9fff][,;:()!?][\u4e00-\u9fff]", unseen[1][name].body)


# ------------------------------------------------------------------ duplicates


@pytest.mark.parametrize("name", cases("duplicate", lambda e: "body_once" in e))
def test_layout_copy_left_exactly_once(unseen, name):
    report = unseen[1][name]
    body = body_text(report)
    for text in EXPECT[name]["body_once"]:
        assert body.count(q(text)) == 1, text
        assert any(q(text) in q(d.text) or q(d.text) in q(text) for d in report.duplicates if d.kind == "layout")


@pytest.mark.parametrize("name", cases("also_in"))
def test_no_false_shared_passages(unseen, name):
    # the six reports share no passage; similar wording with different figures is not a reprint
    assert unseen[1][name].also_in == []


# ------------------------------------------------------------------ nothing lost, consistent, buildable


@pytest.mark.parametrize("name", cases("nothing_lost"))
def test_nothing_lost(unseen, name):
    report = unseen[1][name]
    seed = Counter(HAN.findall(to_simplified(read_seed(DATA / f"{name}.txt"))))
    parts = [report.title, report.subtitle or "", report.kicker or "", report.lead or "", report.body]
    parts += report.authors + report.debris + [f.caption for f in report.figures]
    parts += [d.text for d in report.duplicates if d.kind == "layout"]
    missing = seed - Counter(HAN.findall("\n".join(parts)))
    assert not missing, "".join(sorted(missing.elements()))


@pytest.mark.parametrize("name", cases("review_anchors"))
def test_review_and_figure_anchors_exist(unseen, name):
    report = unseen[1][name]
    ids = {b.id for b in blocks(report) if b.id} | {"lead", None}
    assert [r.anchor for r in report.review if r.anchor not in ids] == []
    assert [f.after for f in report.figures if f.after not in ids] == []
    assert [m.anchor for m in report.metrics if m.anchor not in ids and not m.anchor.startswith("fig")] == []


@pytest.mark.parametrize("name", [case("all", "build")])
def test_site_builds(unseen, name):
    from reportsite.builder import build_site

    result = build_site(unseen[0])
    assert result.ok, [str(e) for e in result.errors]


# ------------------------------------------------------------------ metrics


def metric_cases():
    out = []
    for name in NAMES:
        for m in EXPECT[name].get("metrics", []):
            key = f"{name}:metric:{m['text']}"
            marks = [pytest.mark.xfail(strict=True, reason=XFAIL[key])] if key in XFAIL else []
            out.append(pytest.param(name, m, id=key, marks=marks))
    return out


@pytest.mark.parametrize(("name", "want"), metric_cases())
def test_figure_extracted(unseen, name, want):
    records = [m for m in unseen[1][name].metrics if m.text == want["text"]]
    assert records, f"no record with text {want['text']!r}"
    got = records[0]
    assert (got.value, got.unit, got.approx, got.kind) == (want["value"], want["unit"], want.get("approx"), want["kind"])


METRIC_ID_XFAIL = "figure mapped to the wrong taxonomy id (or none): aliases/classification in data/metrics.yml"


def metric_id_cases():
    out = []
    for name in NAMES:
        for text, metric in (EXPECT[name].get("metric_ids") or {}).items():
            key = f"{name}:metric_id:{text}"
            marks = [pytest.mark.xfail(strict=True, reason=XFAIL.get(key, METRIC_ID_XFAIL))] if key in WRONG_IDS else []
            out.append(pytest.param(name, str(text), metric, id=key, marks=marks))
    return out


# today's misclassifications: "<name>:metric_id:<text>" -> what the pipeline says instead
WRONG_IDS = {
}


@pytest.mark.parametrize(("name", "text", "metric"), metric_id_cases())
def test_figure_classified(unseen, name, text, metric):
    records = [m for m in unseen[1][name].metrics if m.text == text]
    assert records, f"no record with text {text!r}"
    assert records[0].metric == metric


@pytest.mark.parametrize("name", cases("no_metric"))
def test_dates_ordinals_slogans_not_extracted(unseen, name):
    texts = [m.text for m in unseen[1][name].metrics]
    assert not [t for t in texts for bad in EXPECT[name]["no_metric"] if bad in t or t in bad]
