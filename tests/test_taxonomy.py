"""The editable metric taxonomy: loading, errors that name the place, classification."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportsite.taxonomy import Metric, Taxonomy, TaxonomyError, gap_pattern, load_taxonomy, parse_taxonomy

GOOD = """\
unit_groups:
  - [人, 名]
metrics:
  - id: union-members
    name: 工会会员
    aliases: [会员, 工会会员]
    unit: 人
    category: 组织建设
    description: 会员总数。
  - id: workers-libraries
    name: 职工书屋
    aliases: [职工书屋]
    unit: 家
    units: [家, 个]
    category: 文化阵地
    description: 职工书屋数量。
"""


def test_shipped_taxonomy_loads_with_starter_coverage():
    taxonomy = load_taxonomy()
    assert 40 <= len(taxonomy.metrics) <= 100
    ids = {m.id for m in taxonomy.metrics}
    for needed in ("union-members", "grassroots-unions", "collective-contracts", "legal-aid-cases",
                   "pioneer-teams", "innovation-studios", "workers-libraries", "workers-homes",
                   "recuperation", "health-checks", "rest-stations", "mommy-rooms", "craftsmen",
                   "rationalisation-proposals", "medical-mutual-aid-participants", "hardship-funds"):
        assert needed in ids
    assert all(m.name and m.aliases and m.category and m.description for m in taxonomy.metrics)


def test_unit_group_widens_accepted_units():
    taxonomy = parse_taxonomy(GOOD)
    assert taxonomy.get("union-members").units == ("人", "名")
    assert taxonomy.get("workers-libraries").units == ("家", "个")


@pytest.mark.parametrize(
    ("label", "context", "unit", "expected"),
    [
        ("工会会员", "", "名", "union-members"),
        ("职工书屋", "", "个", "workers-libraries"),
        ("职工书屋", "", "名", None),  # a library is not counted in people
        ("职工", "覆盖实名制会员", "人", "union-members"),
        ("公园", "", "家", None),
    ],
)
def test_classify_by_label_context_and_unit(label, context, unit, expected):
    assert parse_taxonomy(GOOD).classify(label, context, unit) == expected


@pytest.mark.parametrize(
    ("label", "context", "unit", "expected"),
    [
        ("爱心善款", "累计募集爱心善款7000万元", "元", "charity-funds-raised"),
        ("救济款", "发放各类救济款近亿元", "元", "hardship-funds"),
        ("医疗互助补助金", "市本级累计发放医疗互助补助金1.64亿元", "元", "medical-mutual-aid-payouts"),
        ("法律援助", "提供法律援助32起", "起", "legal-aid-cases"),
        ("新增基层工会", "新增基层工会50家", "家", "new-grassroots-unions"),
        ("基层工会组织", "全市基层工会组织达到2.58万家", "家", "grassroots-unions"),
        ("被采纳", "其中被采纳492524条", "条", "proposals-adopted"),
        ("余杭工匠", "成功评定了首届20名“余杭工匠”", "名", "craftsmen"),
        ("爱心驿站", "建成“爱心驿站”20个", "个", "rest-stations"),
        # Insurance for women workers may be called 互助保障; their screening is health checks, their rooms not.
        ("女职工", "为8.3万名女职工办理特殊疾病互助保障", "名", "women-workers-insurance"),
        ("建筑业女职工", "为6800名建筑业女职工开展“两癌”免费筛查", "名", "health-checks"),
        ("劳动模范和一线优秀职工疗休养", "安排劳动模范和一线优秀职工疗休养620名", "名", "recuperation"),
        # A union of any kind, new when its sentence says so; the archive's unions otherwise.
        ("物流企业工会", "全旗新建物流企业工会23家", "家", "new-grassroots-unions"),
        ("项目工会", "全市共有项目工会1200家", "家", "grassroots-unions"),
        ("司机咨询", "全年接待司机咨询1860人次", "人次", "legal-service-visitors"),
        ("送文艺、送电影进工地活动", "开展送文艺、送电影进工地活动1240场次", "场次", "cultural-events"),
        ("参赛企业", "参赛企业216家", "家", "competition-enterprises"),
        ("托管班", "全年开设托管班42期", "期", "left-behind-children"),
        ("基层人民法院", "全省已有98个基层人民法院设立工会劳动争议调解工作室", "个", None),  # a mediation room
        ("心理咨询服务", "提供心理咨询服务2600人次", "人次", None),  # counselling other than legal
        ("企业工会", "全市共有企业工会2680家", "家", "grassroots-unions"),
        ("职工", "为全市6.2万名职工办理职工互助保障", "名", "medical-mutual-aid-participants"),  # the workers' mutual-aid scheme: not women's insurance
        ("困难劳模帮扶金", "发放困难劳模帮扶金12万元", "元", "model-worker-aid"),
        ("运费和工资", "为司机追回运费和工资316万元", "元", "losses-recovered"),
        ("快递员", "签订集体合同3份，覆盖快递员680人", "人", "collective-contract-workers"),
    ],
)
def test_shipped_taxonomy_classifies_seed_phrases(label, context, unit, expected):
    assert load_taxonomy().classify(label, context, unit) == expected


def test_nearest_alias_wins_in_context():
    taxonomy = load_taxonomy()
    assert taxonomy.classify("补助", "实施职工医疗互助保障活动，参保职工达654032人次，补助", "人次") == "medical-mutual-aid-claims"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("metrics:\n  - id: a\n    name: [x\n", r":4:1: expected"),
        ("metrics:\n  - id: members\n    name: 会员\n    aliases: [会员]\n    unit: 人\n    category: 组织\n",
         r":2:5: metrics\[0\]: missing key 'description'"),
        ("metrics:\n  - id: 会员\n    name: 会员\n    aliases: [会员]\n    unit: 人\n    category: 组织\n"
         "    description: x\n", r":2:9: metrics\[0\]\.id: '会员' is not an ASCII slug"),
        ("other: 1\n", r":1:1: missing key 'metrics'"),
        ("metrics:\n  - id: a\n    name: A\n    aliases: {x: 1}\n    unit: 人\n    category: c\n    description: d\n",
         r":4:14: metrics\[0\]\.aliases: expected a list"),
        ("designations: {示范点: 1}\nmetrics: []\n", r":1:15: designations: expected a list"),
        ("recipients: {劳模: 1}\nmetrics: []\n", r":1:13: recipients: expected a list"),
        ("metrics:\n  - id: a\n    name: A\n    aliases: [x]\n    unit: 项\n    category: c\n    description: d\n"
         "    narrow_units:\n      - {units: [个]}\n", r":9:9: metrics\[0\]\.narrow_units\[0\]: missing key 'aliases'"),
        ("metrics:\n  - id: a\n    name: A\n    aliases: [x]\n    unit: 项\n    category: c\n    description: d\n"
         "    of_workers: yes please\n", r":8:17: metrics\[0\]\.of_workers: expected true or false"),
        ("metrics:\n  - id: a\n    name: A\n    aliases: [x]\n    unit: 个\n    category: c\n    description: d\n"
         "    bare_nouns: [站点]\n", r":2:5: metrics\[0\]: bare_nouns and named_before go together"),
    ],
)
def test_errors_name_file_line_and_column(tmp_path: Path, text, message):
    path = tmp_path / "metrics.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"metrics\.yml" + message):
        load_taxonomy(path)


HEADS = """\
designations: [示范点]
metrics:
  - {id: model-workers, name: 劳模, aliases: [劳模, 劳动模范], unit: 名, category: c, description: d}
  - {id: recuperation, name: 疗休养, aliases: [疗休养], unit: 名, category: c, description: d}
  - {id: hardship, name: 帮扶, aliases: [困难职工], unit: 人次, units: [人次], category: c, description: d}
  - {id: model-aid, name: 劳模帮扶, aliases: [劳模], unit: 人次, units: [人次], category: c, description: d}
  - {id: libraries, name: 书屋, aliases: [职工书屋], unit: 家, units: [家], category: c, description: d}
  - {id: clubs, name: 俱乐部, aliases: [示范点, 职工俱乐部], unit: 家, units: [家], category: c, description: d}
"""


@pytest.mark.parametrize(("label", "unit", "expected"), [
    ("劳动模范和一线优秀职工疗休养", "名", "recuperation"),  # the head: the longer alias before it does not win
    ("疗休养的劳动模范", "名", "model-workers"),
    ("困难职工（劳模）", "人次", "hardship"),  # a note in parentheses is no head
    ("全国职工书屋示范点", "家", "libraries"),  # a designation ranks what comes before it
    ("工间操示范点", "家", "clubs"),  # alone, a designation still counts
])
def test_the_alias_at_the_head_of_the_label_wins(label, unit, expected):
    assert parse_taxonomy(HEADS, Path("metrics.yml")).classify(label, label, unit) == expected


def test_people_an_activity_serves_do_not_outweigh_the_activity():
    recipients = HEADS.replace("designations: [示范点]", "designations: [示范点]\nrecipients: [劳模]")
    taxonomy = parse_taxonomy(recipients, Path("metrics.yml"))
    assert taxonomy.classify("劳模和优秀职工", "组织86名劳模和优秀职工参加疗休养", "名") == "recuperation"
    assert taxonomy.classify("劳模", "表彰劳模86名", "名") == "model-workers"  # alone, they are what is counted
    assert parse_taxonomy(HEADS, Path("metrics.yml")).classify(
        "劳模和优秀职工", "组织86名劳模和优秀职工参加疗休养", "名") == "model-workers"


def test_repeated_id_is_an_error():
    entry = "  - {id: a, name: A, aliases: [x], unit: 人, category: c, description: d}\n"
    with pytest.raises(TaxonomyError, match=r":3:5: metrics\[1\]\.id: 'a' repeats metrics\[0\]"):
        parse_taxonomy("metrics:\n" + entry + entry, Path("metrics.yml"))


def test_by_category_keeps_file_order():
    groups = load_taxonomy().by_category()
    assert list(groups)[0] == "组织建设"
    assert sum(len(v) for v in groups.values()) == len(load_taxonomy().metrics)


def test_requires_may_be_met_by_the_topic_and_lead_in_may_exclude():
    taxonomy = load_taxonomy()
    assert taxonomy.classify("补助金额", "补助金额5600万元", "元") != "medical-mutual-aid-payouts"
    assert taxonomy.classify("补助金额", "补助金额5600万元", "元", topic="医疗互助参保人数达到68万人。") == (
        "medical-mutual-aid-payouts")
    assert taxonomy.classify("会员", "快递员等会员86万名", "名") == "union-members"
    # the shared 新发展 rules 工会会员 out here, and its 发展 with the groups between reads 新增会员 (发展…会员)
    assert taxonomy.classify("会员", "快递员等会员86万名", "名", lead_in="新发展货车司机、") == "new-union-members"
    assert taxonomy.classify("会员", "快递员等会员86万名", "名", lead_in="新发展团员、") is None  # 团员: no group of gap_groups


CONTESTS = """\
metrics:
  - id: contests
    name: 技能竞赛
    aliases: [技能竞赛, 竞赛]
    unit: 项
    narrow_units:
      - {units: [个], aliases: [竞赛项目], requires: [竞赛, 比赛]}
    category: c
    description: d
  - {id: studios, name: 工作室, aliases: [工作室], unit: 个, category: c, description: d}
"""


def test_a_narrow_unit_counts_under_its_own_aliases_only():
    taxonomy = parse_taxonomy(CONTESTS, Path("metrics.yml"))
    assert taxonomy.classify("竞赛项目", "技能竞赛设置焊工、电工等26个竞赛项目", "个") == "contests"
    assert taxonomy.classify("项目", "在12个重点项目中开展劳动竞赛", "个") is None  # 竞赛 alone names no event
    assert taxonomy.classify("技能竞赛", "举办技能竞赛12项", "项") == "contests"  # the metric's own units as before
    assert taxonomy.classify("工作室", "新建工作室5个，参加竞赛", "个") == "studios"
    assert taxonomy.counts("contests", "个") and not taxonomy.counts("studios", "项")


def test_an_alias_with_a_gap_holds_only_groups_of_people_between_its_ends():
    taxonomy = load_taxonomy()
    assert taxonomy.classify("农民工会员", "发展农民工会员5,620名", "名") == "new-union-members"
    assert taxonomy.classify("农民工来访咨询", "接待农民工来访咨询2,760人次", "人次") == "legal-service-visitors"
    # 来信 is no group: 来信来访 (petitions) stands, not 接待…来访咨询
    assert taxonomy.classify("职工来信来访咨询", "接待职工来信来访咨询4.19万人次", "人次") == "rights-petitions"
    assert gap_pattern("发展…会员", ("快递员", "货车司机")).search("发展快递员、货车司机等会员")
    assert not gap_pattern("发展…会员", ("快递员",)).search("发展了一批会员")


def _metric(metric_id: str, *aliases: str) -> Metric:
    return Metric(metric_id, metric_id, aliases, "人", "c", "d", units=("人",))


def test_aliases_overlapping_or_inside_a_longer_one_are_all_found():
    taxonomy = Taxonomy([_metric("a", "工会组织"), _metric("b", "组织建设"), _metric("c", "工会"), _metric("d", "书屋")])
    # 组织建设 starts inside 工会组织, 工会 begins it: one pattern still finds every metric present
    assert [m.id for m in taxonomy._index("人").candidates("工会组织建设")] == ["a", "b", "c"]
    assert taxonomy._index("名").candidates("工会组织建设") == ()


ALIAS = st.text(alphabet="工会组织建设书", min_size=1, max_size=4)


@given(st.lists(st.lists(ALIAS, min_size=1, max_size=3), min_size=1, max_size=5), st.text(alphabet="工会组织建设书 ", max_size=16))
def test_candidates_are_the_metrics_with_an_alias_in_the_text(alias_lists, text):
    taxonomy = Taxonomy([_metric(f"m{i}", *aliases) for i, aliases in enumerate(alias_lists)])
    expected = [m for m in taxonomy.metrics if any(a in text for a in m.aliases)]
    assert list(taxonomy._index("人").candidates(text)) == expected


def test_metrics_of_the_union_s_work_for_workers_are_flagged():
    taxonomy = load_taxonomy()
    assert taxonomy.of_workers("hardship-funds") and taxonomy.of_workers("worker-clubs")
    assert not taxonomy.of_workers("employment-services") and not taxonomy.of_workers("no-such-metric")
