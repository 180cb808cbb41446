"""Second review of rounds 32-33's rules: probes where they misfired, mended."""

from reportsite.blocks import cut_page_tail
from reportsite.metrics import extract_metrics
from reportsite.model import Block, Document
from reportsite.structure import recover_document
from reportsite.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()


def metrics_of(text: str) -> dict[str, str | None]:
    doc = Document(title="某县总工会2023年工作总结", blocks=[Block("paragraph", text, 0, "p1")])
    return {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}


def test_a_head_repeating_the_title_end_under_a_finished_paragraph_stays():
    doc = recover_document("职工书屋：让书香浸润职工心田\n\n　　近日，记者走进县总工会新建的职工书屋。\n\n让书香浸润职工心田\n\n"
                           "　　书屋现有藏书5000册，每天接待职工80余人次。\n")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["让书香浸润职工心田"]


def test_leaders_listed_after_a_colon_are_no_speakers():
    doc = recover_document("县总工会召开职工代表座谈会\n\n　　1月5日，县总工会召开座谈会。出席会议的领导有：\n\n县委副书记、县长　刘强\n\n"
                           "副县长　陈明\n\n　　会上，县总工会为36户困难职工家庭送去慰问金7.2万元。\n")
    assert doc.authors == []


def test_a_lower_case_end_over_a_wechat_tail_with_sentences_ends_the_article():
    body = "标题\n\n" + "\n\n".join(f"第{n}段正文。" for n in range(6))
    assert cut_page_tail(body + "\n\n- end -\n\n声明：图文来源于网络，如有侵权请联系删除。\n")[1][0] == "- end -"


def test_key_trades_are_no_firms_and_gifts_of_the_union_or_of_goods_no_funds_raised():
    assert "8个" not in metrics_of("在建筑、交通运输等8个重点行业企业推行工资集体协商。")
    assert metrics_of("县总工会向受灾地区捐赠20万元。")["20万元"] is None
    assert metrics_of("发动爱心企业捐赠防疫物资，折合人民币约28万元。")["约28万元"] is None
    assert metrics_of("全年共接收企业捐赠2,460万元。")["2,460万元"] == "charity-funds-raised"


def test_one_firm_is_the_subject_only_opening_its_clause_and_until_the_whole_place():
    assert metrics_of("全县没有一家企业拖欠农民工工资，全年为农民工追回欠薪860万元。")["860万元"] == "losses-recovered"
    assert metrics_of("县总工会联合一家企业，为困难职工捐赠慰问金20万元。")["20万元"] == "hardship-funds"
    assert metrics_of("其中一家企业获得省级奖项，全县共培训职工5600人次。")["5600人次"] == "skills-training"
    assert metrics_of("西塘镇一家纺织企业连续五年捐款助学，今年又捐出了10万元。")["10万元"] is None
