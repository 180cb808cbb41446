"""Passages shared across reports (shared.py) and the clause bounds they are cut at (clauses.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportsite.clauses import clause_bounds
from reportsite.dedup import find_shared_passages
from reportsite.model import Block
from reportsite.repeats import find_repeats
from reportsite.shared import reprinted_parts

REPRINT = (
    "市总工会联合市人社局举办第五届职工职业技能大赛，设置电工、焊工、数控车工等12个工种，"
    "共有3,650名一线职工参赛。大赛前三名选手将被授予市级技术能手称号。"
)
TEMPLATE = "今年全区新建基层工会组织{}家，新发展会员{}万名，其中快递员和网约车司机{}万名。全区基层工会组织总数达到{}万家，会员总数达到{}万名。"


def paragraph(text: str, anchor: str = "p1") -> list[Block]:
    """A report of one paragraph."""
    return [Block("paragraph", text, id=anchor)]


def test_clause_bounds_sit_beside_marks_but_never_inside_a_figure() -> None:
    text = "共有3,650名职工参赛，“大赛”……圆满结束。"
    clauses, sentences = clause_bounds(text)
    assert text.index(",") not in clauses and text.index(",") + 1 not in clauses
    assert {text.index("，"), text.index("，") + 1} <= clauses
    ellipsis = text.index("…")
    assert ellipsis + 1 not in clauses  # inside the run of marks
    assert sentences == {0, ellipsis, ellipsis + 2, len(text) - 1, len(text)}


def test_a_reprinted_paragraph_is_shared_and_cut_at_whole_clauses() -> None:
    reports = {
        "a": paragraph("据本报讯，" + REPRINT + "下一步将继续办好赛事。", "p3"),
        "b": paragraph("另据报道：" + REPRINT[:-1] + "，并晋升一级职业技能等级。", "p5"),
    }
    shared = find_shared_passages(reports)
    passage = REPRINT.rstrip("。")
    assert [(s.text, s.anchor, s.report, s.other_anchor) for s in shared["a"]] == [(passage, "p3", "b", "p5")]
    assert [(s.text, s.anchor, s.report, s.other_anchor) for s in shared["b"]] == [(passage, "p5", "a", "p3")]


def test_same_wording_with_different_figures_is_not_shared() -> None:
    reports = {
        "a": paragraph("甲区工会加强组建。" + TEMPLATE.format(1650, 9.3, 2.1, 4.3, 186)),
        "b": paragraph("乙区工会扩面。" + TEMPLATE.format(3200, 36, 8.9, 5.1, 420)),
    }
    assert find_repeats([b[0].text for b in reports.values()])  # the wording does repeat
    assert find_shared_passages(reports) == {"a": [], "b": []}
    one_figure = {"a": paragraph(REPRINT), "b": paragraph("另据报道：" + REPRINT.replace("3,650", "3,850"))}
    assert find_shared_passages(one_figure) == {"a": [], "b": []}


def test_a_figure_differing_inside_an_alignment_splits_it() -> None:
    one = "第一句话说的是市总工会组织开展职工疗休养活动的经过。全市共有1650名劳模参加了疗休养活动，反响热烈。"
    two = "第一句话说的是市总工会组织开展职工疗休养活动的经过。全市共有1850名劳模参加了疗休养活动，反响热烈。"
    parts = reprinted_parts(one, 0, two, 0, len(one), 20)
    assert [one[s:e] for s, e in parts] == ["第一句话说的是市总工会组织开展职工疗休养活动的经过。"]


def test_a_genre_formula_a_clause_long_is_no_link() -> None:
    formula = "团结动员广大职工为全面建设社会主义现代化国家建功立业"
    reports = {
        "a": paragraph("甲区工会召开全委会议，要求各级工会" + formula + "。"),
        "b": paragraph("乙区工会部署全年工作，号召" + formula + "，再创佳绩。"),
    }
    assert find_shared_passages(reports) == {"a": [], "b": []}


def test_shared_passages_link_every_report_and_delete_nothing() -> None:
    boiler = "本报记者在采访中了解到，全市各级工会组织认真贯彻落实全国总工会的各项部署要求。"
    reports = {
        "c": [Block("paragraph", "丙地工会开展活动。" + boiler, id="p1")],
        "a": [Block("paragraph", "甲地的开场白。", id="p1"), Block("paragraph", boiler, id="p2")],
        "b": [Block("heading", "标题", level=2), Block("paragraph", boiler + "乙地工会的做法。", id="p4")],
        "d": [Block("paragraph", "丁地没有共同的段落，只有自己的话。", id="p1")],
    }
    shared = find_shared_passages(reports)
    assert shared["d"] == []
    assert [(s.anchor, s.report, s.other_anchor) for s in shared["a"]] == [("p2", "b", "p4"), ("p2", "c", "p1")]
    assert [(s.anchor, s.report) for s in shared["c"]] == [("p1", "a"), ("p1", "b")]
    assert all(boiler.rstrip("。") in s.text for s in shared["b"])
    assert find_shared_passages(reports) == shared


_SENTENCES = st.sampled_from(
    [
        "全区新建基层工会组织{}家，新发展会员{}万名。",
        "其中快递员和网约车司机{}万名，会员总数达到{}万名。",
        "市总工会联合市人社局举办第五届职工职业技能大赛，共有{}名一线职工参赛。",
        "大赛前三名选手将被授予市级技术能手称号，并晋升一级职业技能等级。",
        "本报记者在采访中了解到，全市各级工会组织认真贯彻落实全国总工会的各项部署要求。",
        "{}年以来累计投入资金{}亿元",
    ]
)
_FIGURES = st.sampled_from(["1650", "3,200", "8.9", "12", "2.1", "36", "二十"])


@st.composite
def reports_with_figures(draw) -> dict[str, list[Block]]:
    """Two to four one-paragraph reports made of template sentences with figures drawn per report.

    A sentence appears at most once in a report: ingest removes layout copies before linking reports.
    """
    reports = {}
    for slug in "abcd"[: draw(st.integers(2, 4))]:
        sentences = draw(st.lists(_SENTENCES, min_size=1, max_size=5, unique=True))
        text = "".join(s.format(*draw(st.lists(_FIGURES, min_size=2, max_size=2))) for s in sentences)
        reports[slug] = paragraph(text)
    return reports


def _opens_at_a_bound(text: str, start: int, end: int) -> bool:
    """Tell whether [start, end) of text neither opens nor closes inside a figure or a clause."""
    clauses, _ = clause_bounds(text)
    return any(b <= start and not text[b:start].strip("，,。；：、 ") for b in clauses) and (
        end in clauses or text[end:end + 1] in "，,。；;：:、"
    )


@settings(max_examples=150, deadline=None)
@given(reports_with_figures())
def test_a_shared_passage_is_verbatim_in_both_reports_and_never_starts_mid_number(reports) -> None:
    shared = find_shared_passages(reports)
    for slug, passages in shared.items():
        for passage in passages:
            here = reports[slug][0].text
            there = reports[passage.report][0].text
            assert passage.text in there  # no figure differs (the texts hold no OCR variants)
            starts = [i for i in range(len(here)) if here.startswith(passage.text, i)]
            assert any(_opens_at_a_bound(here, i, i + len(passage.text)) for i in starts), (here, passage.text)
            for i in starts:  # wherever it is quoted from, it never opens in the middle of a figure
                assert not (i > 0 and here[i - 1].isdigit() and (passage.text[0].isdigit() or passage.text[0] in ",."))
    assert find_shared_passages(reports) == shared


def test_the_first_call_keeps_a_store_that_every_edit_after_updates_to_the_result_of_a_full_search() -> None:
    from reportsite.shared import shared_after_edit

    reports = {
        "a": paragraph("据本报讯，" + REPRINT + "下一步将继续办好赛事。", "p3"),
        "b": paragraph("另据报道：" + REPRINT[:-1] + "，并晋升一级职业技能等级。", "p5"),
        "c": paragraph("桐庐县总工会开展送清凉活动，走访慰问高温作业一线职工。", "p1"),
    }
    result, state, searched_anew = shared_after_edit(reports, None)
    assert result == find_shared_passages(reports) and result["a"] and state.store is not None
    steps = [
        ("c", paragraph("桐庐县总工会开展夏季送清凉活动，慰问户外作业职工两千余人次。", "p1"), True),
        ("c", paragraph("桐庐县总工会转载：" + REPRINT, "p1"), True),  # now a reprint of a and b
        ("a", paragraph("据本报讯，市总工会举办读书月活动。", "p3"), True),  # a reprint's copy removed
        ("b", paragraph("另据报道：" + REPRINT[:-1] + "，并晋升一级职业技能等级。职工反响热烈。", "p5"), True),
    ]
    for slug, blocks, updated in steps:
        reports = {**reports, slug: blocks}
        result, state, skipped = shared_after_edit(reports, state)
        assert skipped is updated and state.store is not None, slug
        assert result == find_shared_passages(reports), slug
    assert result["c"] and result["b"] and not result["a"]


def test_a_search_of_the_same_passages_in_one_process_is_not_made_twice(monkeypatch) -> None:
    import reportsite.shared as shared

    calls = []
    search = shared.full_search
    monkeypatch.setattr(shared, "full_search", lambda *args: calls.append(1) or search(*args))
    monkeypatch.setattr(shared, "_last_search", None)
    reports = {"a": paragraph("据本报讯，" + REPRINT, "p3"), "b": paragraph("另据报道：" + REPRINT, "p5")}
    first = find_shared_passages(reports)
    copy = {slug: [Block(b.kind, "".join(b.text), id=b.id) for b in blocks] for slug, blocks in reports.items()}
    assert shared.shared_after_edit(copy, None)[0] == first and len(calls) == 1  # equal passages: searched once
    changed = {**reports, "b": paragraph("另据报道：" + REPRINT.replace("12个", "15个"), "p5")}
    assert find_shared_passages(changed) != first and len(calls) == 2


# A seed reprinting a passage of one of the five seeds (临安): its report links to that one.
REPRINT_SEED = ("建德市总工会转载报道\n\n据临安市总工会消息：完善“一个中心、多个接口”职工帮扶维权工作机制，依托市级职工维权服务中心，"
                "强化与信访、司法和劳动法律监察部门的协作配合，形成工作合力，维护职工合法权益。建德市总工会将学习借鉴。\n")


def count_full_searches(monkeypatch) -> list[int]:
    """A list that grows by one at every archive-wide search of shared passages (none kept from before)."""
    import reportsite.shared as shared

    calls: list[int] = []
    search = shared.full_search
    monkeypatch.setattr(shared, "full_search", lambda *args: calls.append(1) or search(*args))
    monkeypatch.setattr(shared, "_last_search", None)
    return calls


def project_with_reprint(root):
    """A project of the five seeds and REPRINT_SEED."""
    from conftest import make_project

    config = make_project(root)
    (config.root / "seeds" / "reprint.txt").write_text(REPRINT_SEED, encoding="utf-8")
    return config


def test_the_main_job_searches_the_archive_once_and_builds_what_separate_commands_build(tmp_path, monkeypatch) -> None:
    import reportsite.shared as shared
    from reportsite.cli import main

    from test_cli import tree_digest

    calls = count_full_searches(monkeypatch)
    together = project_with_reprint(tmp_path / "together")
    assert main(["--root", str(together.root)]) == 0
    assert len(calls) == 1  # ingest searched; the build found the same passages and took its pairs
    apart = project_with_reprint(tmp_path / "apart")
    monkeypatch.setattr(shared, "_last_search", None)  # each command in a process of its own
    assert main(["--root", str(apart.root), "ingest"]) == 0
    monkeypatch.setattr(shared, "_last_search", None)
    assert main(["--root", str(apart.root), "build"]) == 0
    assert len(calls) == 3
    site = tree_digest(together.root / "site")
    assert site == tree_digest(apart.root / "site")
    assert any("此段亦见于" in (together.root / "site" / name).read_text(encoding="utf-8")
               for name in site if name.startswith("reports/"))


def test_after_the_main_job_the_build_of_an_edit_updates_the_kept_store_instead_of_searching_the_archive(
        tmp_path, monkeypatch) -> None:
    import reportsite.shared as shared
    from reportsite.cli import main

    calls = count_full_searches(monkeypatch)
    config = project_with_reprint(tmp_path / "project")
    assert main(["--root", str(config.root)]) == 0
    assert len(calls) == 1
    monkeypatch.setattr(shared, "_last_search", None)  # the next command is a process of its own
    edited = config.root / "content" / "jiande.md"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("建德市总工会将学习借鉴。", "建德市总工会将学习借鉴，并在全市推广。"), encoding="utf-8")
    assert main(["--root", str(config.root), "build"]) == 0
    assert len(calls) == 1  # the store kept by the main job was updated: no second archive-wide search
    page = (config.root / "site" / "reports" / "jiande" / "index.html").read_text(encoding="utf-8")
    assert "并在全市推广" in page and "此段亦见于" in page
