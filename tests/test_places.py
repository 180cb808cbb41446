"""Tests for reportsite.places: region, organisation, period and date."""

import datetime as dt
from pathlib import Path

import pytest

from reportsite.model import Block, Document, Period, Region
from reportsite.places import load_regions, region_mentions, report_year, where_when
from reportsite.structure import recover_document

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def regions():
    return load_regions()


def doc(title: str, *paragraphs: str) -> Document:
    return Document(title=title, blocks=[Block("paragraph", p, id=f"p{n}") for n, p in enumerate(paragraphs, 1)])


def test_aliases_map_to_canonical_names_and_parents(regions):
    by_name = {e.name: e for e in regions}
    assert by_name["临安市"].parent == "杭州市" and "临安" in by_name["临安市"].aliases
    assert by_name["杭州市"].parent == "浙江省"
    assert {"余杭区", "临平区", "建德市", "鄞州区", "瑞安市", "广州市"} <= set(by_name)


def test_longest_name_wins(regions):
    assert region_mentions("杭州市总工会与杭州临平区工会", regions) == {"杭州市": 2, "临平区": 1}


def test_a_short_name_before_a_smaller_places_word_names_that_place(regions):
    # 临安社区 and 临安街道 are a community and a subdistrict, not the city of 临安; 临安市街道 lies inside the city
    assert region_mentions("临安社区职工之家设在临安街道", regions) == {}
    assert region_mentions("临安路径清晰，临安广场舞大赛", regions) == {"临安市": 2}  # words, not places
    assert region_mentions("临安市各街道总工会", regions) == {"临安市": 1}
    assert region_mentions("临安职工之家", regions) == {"临安市": 1}


def test_years_inside_longer_numbers_do_not_count():
    assert report_year("编号32019年的档案。2015年成立。", None) == 2015


def test_title_region_beats_frequency(regions):
    d = doc("余杭工会带领职工共谱新篇章", "杭州市总工会召开大会。杭州各级工会。杭州职工。", "余杭区总工会作为试点。")
    region, organization, _, _ = where_when(d, regions)
    assert region == Region("余杭区", "杭州市")
    assert organization == "余杭区总工会"


def test_most_frequent_region_when_title_names_none(regions):
    d = doc("奋进新时代", "宁波市总工会开展活动。宁波职工参加。", "杭州派员观摩。")
    assert where_when(d, regions)[0] == Region("宁波市", "浙江省")


def test_period_span_years_since_and_single_year(regions):
    assert where_when(doc("回眸", "对杭州工会来说，2013~2017，是奋斗的五年。"), regions)[2] == Period(2013, 2017)
    d = doc("回眸", "五年来，成效明显。", "五年来，全区建立工会。", "2016年余杭区职工羽毛球比赛。")
    assert where_when(d, regions)[2] == Period(2012, 2016)
    d = doc("回眸", "2015年全年组织竞赛。", "到2026年底，参与率达90%。")
    assert where_when(d, regions)[2] == Period(2015, 2015)


def test_outlook_years_do_not_set_the_period(regions):
    d = doc("回眸", "2019年，工会工作取得成效。", "展望2020年，将继续深化改革。力争2021年完成。")
    assert where_when(d, regions)[2] == Period(2019, 2019)


def test_five_year_plan_since_in_the_head_starts_the_period(regions):
    d = Document(title="奋力打造窗口", subtitle="某省总工会“十四五”以来工作综述", blocks=[Block("paragraph", "2023年5月1日，召开大会。", id="p1")])
    assert where_when(d, regions)[2] == Period(2021, 2023)


def test_stated_date(regions):
    d = doc("大会", "2021年8月3日，杭州市临平区工会第一次代表大会胜利闭幕。今后五年要到2026年。")
    _, _, period, date = where_when(d, regions)
    assert date == dt.date(2021, 8, 3) and period == Period(2021, 2021)


@pytest.mark.parametrize(
    ("prefix", "region", "organization", "period"),
    [
        ("000", Region("临安市", "杭州市"), "临安市总工会", Period(2015, 2015)),
        ("001", Region("建德市", "杭州市"), "建德市总工会", Period(2014, 2014)),
        ("002", Region("余杭区", "杭州市"), "余杭区总工会", Period(2012, 2016)),
        ("003", Region("临平区", "杭州市"), "临平区总工会", Period(2021, 2021)),
        ("004", Region("杭州市", "浙江省"), "杭州市总工会", Period(2013, 2017)),
    ],
)
def test_seeds(regions, prefix, region, organization, period):
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    found = where_when(recover_document(path.read_text(encoding="utf-8")), regions)
    assert found[:3] == (region, organization, period)


def test_a_running_head_date_is_the_publication_date(regions):
    d = doc("书香南海", "2014年7月1日，首家职工书屋开放。", "截至2016年3月底，全区建成书屋128家。")
    d.debris = ["工人日报　2016年5月3日　第3版"]
    _, _, period, date = where_when(d, regions)
    assert date == dt.date(2016, 5, 3) and period == Period(2016, 2016)


def test_a_year_after_as_of_words_is_the_reports_own():
    assert report_year("2015年，全区新建书屋20家。截至2016年3月底，全区建成书屋128家。", None) == 2016
    assert report_year("2015年，全区新建书屋20家。到2016年底，建成书屋200家。", None) == 2015


def test_a_year_whose_sentence_states_a_plan_is_not_the_reports_own():
    text = "2023年，全县困难职工帮扶资金达1200万元。2024年，县总工会将深化帮扶，力争新建驿站20个。"
    assert report_year(text, None) == 2023


def test_a_year_in_the_title_group_beats_the_date_and_the_text(regions):
    d = Document(title="暖心帮扶解民忧", subtitle="三台县总工会2023年工作综述",
                 blocks=[Block("paragraph", "2024年1月10日，县总工会召开全委会。2022年底，帮扶对象380户。", id="p1")])
    d.debris = ["绵阳日报　2024年1月16日　第2版"]
    _, _, period, date = where_when(d, regions)
    assert period == Period(2023, 2023) and date == dt.date(2024, 1, 16)


@pytest.mark.parametrize(("paragraphs", "region", "organization"), [
    # A union of a place the table does not list sets the region.
    (["佛山市南海区总工会大力推进职工书屋建设。", "南海区总工会表示，将在广东省总工会指导下继续推进。"], Region("南海区", "佛山市"), "南海区总工会"),
    (["三台县总工会坚持以职工为中心，全年走访困难职工。"], Region("三台县", "绵阳市"), None),
    # Other organisations than unions name their place too.
    (["2021年，平遥县妇联紧扣中心工作。", "县妇联全年培训妇女3650人次。"], Region("平遥县", "晋中市"), "平遥县妇联"),
    (["七里河区人社局开展根治欠薪专项行动。"], Region("七里河区", "兰州市"), None),
    (["寿光市教育工会全年新建模范教工之家12个。"], Region("寿光市", "潍坊市"), "寿光市教育工会"),  # a sector's union
    (["澳门工会联合总会全年新增会员3120人。"], Region("澳门特别行政区", None), "澳门工会联合总会"),
])
def test_the_organisation_a_report_speaks_for_names_a_place_the_table_does_not_list(regions, paragraphs, region, organization):
    found, named, _, _ = where_when(doc("书香满城", *paragraphs), regions)
    assert found == region
    if organization is not None:
        assert named == organization


def test_a_place_name_several_places_share_needs_its_city_in_the_text(regions):
    d = doc("服务职工", "北京市朝阳区总工会开展活动。朝阳区总工会还组织了培训。")
    assert where_when(d, regions)[0] == Region("朝阳区", "北京市")
    d = doc("服务职工", "朝阳区总工会开展活动。朝阳区总工会还组织了培训。")
    assert where_when(d, regions)[0] is None  # 朝阳区 of 北京市 or of 长春市: not guessed


def test_the_table_keeps_its_places_and_its_cities_reports(regions):
    d = doc("余杭工会", "余杭区总工会作为试点。余杭区总工会……")
    assert where_when(d, regions)[0] == Region("余杭区", "杭州市")
    d = doc("杭州工会五年", "杭州市总工会召开大会。杭州市总工会部署工作。", "萧山区总工会作交流发言。")
    assert where_when(d, regions)[0] == Region("杭州市", "浙江省")


def test_a_span_the_body_looks_back_on_is_not_the_period(regions):
    d = doc("妈咪小屋", "2019年，全区新建妈咪小屋46个。", "2016—2018年，全区累计建成妈咪小屋82个。")
    d.debris = ["长江日报　2019年12月20日　第6版"]
    assert where_when(d, regions)[2] == Period(2019, 2019)
    d = Document(title="五年回眸", subtitle="2013—2017年工作综述", blocks=[Block("paragraph", "2018年1月5日，召开大会。", id="p1")])
    assert where_when(d, regions)[2] == Period(2013, 2017)  # printed in the title group: the period


def test_a_span_in_a_heading_is_not_the_period(regions):
    d = doc("协商共赢", "2021年，园区新签集体合同2236份。")
    d.blocks.append(Block("heading", "2019—2021年园区工资集体协商情况", level=3))
    d.debris = ["苏州工人报  2021年11月9日  第3版"]
    assert where_when(d, regions)[2] == Period(2021, 2021)


def test_a_development_zone_named_after_its_city_is_a_region_under_it(regions):
    d = doc("协商共赢", "苏州工业园区总工会推进工资集体协商。", "苏州工业园区总工会还推动新就业形态劳动者入会。")
    region, organization, _, _ = where_when(d, regions)
    assert region == Region("苏州工业园区", "苏州市") and organization == "苏州工业园区总工会"


def test_the_title_groups_union_beats_a_district_named_more_often(regions):
    d = doc("佛山市总工会2016年工作报告", "市总工会全年新建书屋。", "南海区总工会推行书香工程，南海区总工会经验在全市推广。")
    assert where_when(d, regions)[0] == Region("佛山市", "广东省")


def test_a_province_named_in_the_title_group_keeps_a_report_comparing_its_cities(regions):
    d = doc("把“娘家”建在职工身边", "今年以来，甘肃省各级工会推进阵地建设。", "天水市总工会把驿站建设列入实事项目。",
            "酒泉市总工会今年投入资金86万元。", "天水市总工会还投入资金65万元。")
    d.subtitle = "甘肃省各地工会推进职工服务阵地建设扫描"
    assert where_when(d, regions)[0] == Region("甘肃省", None)
    d.subtitle = "各地工会推进职工服务阵地建设扫描"  # the province named in the body only: its most named city's union
    assert where_when(d, regions)[0] == Region("天水市", "甘肃省")
    # A title naming the province over one city's union (named again and again, or in the title too): the city's.
    one = doc("江苏南通：产业工人队伍建设改革结硕果", "近年来，南通市总工会深入推进改革。", "南通市总工会累计命名劳模创新工作室86个。")
    assert where_when(one, regions)[0] == Region("南通市", "江苏省")
    one = doc("争当甘肃工会工作排头兵", "天水市总工会深入推进改革。", "天水市总工会累计命名劳模创新工作室86个。")
    assert where_when(one, regions)[0] == Region("天水市", "甘肃省")


def test_a_papers_report_on_the_year_before_it_is_of_that_year(regions):
    d = doc("书香飘进矿井", "截至去年底，全市已建成职工书屋420家。", "去年市总工会为基层书屋配送图书3.6万册。",
            "今年将把井口书屋的做法在全市推广。", "管理员刘翠英今年58岁。")
    d.debris = ["大同日报　2021年4月23日　第3版"]
    assert where_when(d, regions)[2] == Period(2020, 2020)
    d.blocks.append(Block("paragraph", "今年以来，全市又新建职工书屋12家。", id="p5"))  # done this year too: both years
    assert where_when(d, regions)[2] == Period(2020, 2021)
    late = doc("驿站暖人心", "去年以来，全市已建成服务站126个。", "去年，市总工会投入专项资金300万元。",
               "今年，市总工会将服务站建设纳入重点工作，新建服务站42个。")  # 去年以来, 将…纳入: this year's work
    late.debris = ["湛江日报　2023年12月26日　第6版"]
    assert where_when(late, regions)[2] == Period(2023, 2023)
    early = doc("书香飘进矿井", "截至去年底，全市已建成职工书屋420家。", "去年市总工会为基层书屋配送图书3.6万册。",
                "今年将把新建职工书屋50家列入市总工会重点工作。")  # 将…列入: a plan
    early.debris = ["大同日报　2021年2月23日　第3版"]
    assert where_when(early, regions)[2] == Period(2020, 2020)


def test_a_papers_figures_of_the_year_before_and_of_its_own_cover_both_years(regions):
    d = doc("法律援助为职工撑腰", "2022年，全区各级工会共办理法律援助案件186件。", "2022年，全区工会参与调解劳动争议412件。",
            "今年1至5月，全区工会受理法律援助申请96件。")
    d.debris = ["佛山日报　2023年6月9日　第5版"]
    assert where_when(d, regions)[2] == Period(2022, 2023)
    # a story's 去年 (one person's, one firm's), a base compared with and 去年 inside a word state no figures of the year
    story = doc("骑手有了娘家", "去年，他考取了高级工证书，每月工资涨了800元。", "去年12月，一家旅行社拖欠8名导游补贴2.3万元。",
                "入会率由去年底的32%提高到61.5%。", "春运期间为司机送去年货礼包860份。", "今年以来，全区新发展会员1240人。")
    story.debris = ["佛山日报　2023年6月9日　第5版"]
    assert where_when(story, regions)[2] == Period(2023, 2023)



def test_a_year_before_written_out_in_ones_story_or_a_sentence_of_no_figure_is_no_period(regions):
    # one person's record or case dated 2022年 in a paper of 2023 is a story's, as 去年，他… is
    d = doc("匠心铸就大国重器", "2022年，他被授予全国五一劳动奖章。", "2022年，他带领团队完成技术革新15项，为企业创效800万元。",
            "2022年12月，农民工王某等15人被拖欠工资8.6万元。", "今年，他又牵头成立了劳模创新工作室，吸纳成员12人。")
    d.debris = ["佛山日报　2023年6月9日　第5版"]
    assert where_when(d, regions)[2] == Period(2023, 2023)
    # a year's own digits are no figure: 2024年是…关键一年 states nothing done in 2024
    speech = doc("在市总工会全委会议上的工作报告", "2023年，全市各级工会新建基层工会126家。", "2023年，全市工会投入帮扶资金1200万元。",
                 "2024年是实施“十四五”规划的关键一年。")
    speech.debris = ["2024年1月18日"]
    assert where_when(speech, regions)[2] == Period(2023, 2023)

def test_a_union_of_the_place_the_title_group_names_beats_a_district_named_as_often(regions):
    d = doc("寒冬里的“娘家”温度", "坡头区总工会走访困难职工。", "湛江市总工会发放慰问金。", "坡头区总工会建立台账。", "湛江市总工会启动帮扶。")
    d.subtitle = "湛江市各级工会开展困难职工帮扶工作综述"
    assert where_when(d, regions)[0] == Region("湛江市", "广东省")
    # A short form that is a common word (和 of 和县, 青山 of 青山区) names no place in a title.
    d = doc("构建和谐劳动关系", "马鞍山市总工会推进集体协商。", "马鞍山市总工会开展培训。", "马鞍山市总工会表彰先进。", "和县总工会参加。")
    assert where_when(d, regions)[0].name == "马鞍山市"
    # The title naming both, the district in short form: the district's union, named more often.
    d = doc("湛江市首家新就业形态劳动者服务站在坡头揭牌", "坡头区总工会建成服务站。", "坡头区总工会配备设施。",
            "湛江市总工会副主席出席。", "坡头区总工会还将推广。")
    assert where_when(d, regions)[0] == Region("坡头区", "湛江市")


def test_a_two_character_county_needs_a_start_of_its_own(regions):
    assert where_when(doc("帮扶工作综述", "全市各区和县总工会积极开展帮扶。"), regions)[0] is None
    assert where_when(doc("帮扶工作综述", "马鞍山市和县总工会积极开展帮扶。"), regions)[0] == Region("和县", "马鞍山市")


def test_the_last_of_a_list_of_places_before_a_union_is_no_reports_place(regions):
    # 临颍县、舞阳县工会: the unions of every county listed, not 舞阳县's alone; the city the title group names places it
    d = doc("技能大赛“赛”出一批“金蓝领”", "市总工会联合多部门举办大赛。", "临颍县、舞阳县工会也结合本地产业开展了区县级比赛。")
    d.subtitle = "——漯河市第五届职工职业技能大赛综述"
    assert where_when(d, regions)[:2] == (Region("漯河市", "河南省"), None)
    # one county's union, named alone, is still that county's
    d = doc("技能大赛综述", "舞阳县工会结合本地产业开展了比赛。")
    assert where_when(d, regions)[0] == Region("舞阳县", "漯河市")


def test_where_the_reports_own_subject_says_it_lies_places_it_within_what_was_picked(regions):
    # a yearbook's town (not in the gazetteer) lying in a county-level city; the province only in an honour
    town = doc("沙溪镇", "沙溪镇位于太仓市中北部，是江苏省历史文化名镇。镇域面积137.8平方公里。")
    assert where_when(town, regions)[0] == Region("太仓市", "苏州市")
    # the subtitle's company lying in a district of the city whose union it met
    firm = doc("炉火映初心", "2022年，位于唐山市曹妃甸区的冀东滦海钢铁集团有限公司工会紧紧围绕发展目标开展工作。",
               "在唐山市总工会组织的评选中，集团有8人获奖。")
    firm.subtitle = "——冀东滦海钢铁集团有限公司工会2022年工作纪实"
    assert where_when(firm, regions)[0] == Region("曹妃甸区", "唐山市")
    # a venue (在位于…), a scene's firm the title group does not name: the place picked stands
    venue = doc("浙江省总工会组织劳模疗休养", "在位于杭州市西湖区的省职工疗休养基地，来自全省的100名劳模开始休养。")
    assert where_when(venue, regions)[0] == Region("浙江省", None)
    scene = doc("杭州市总工会推进职工书屋建设", "位于余杭区的一家公司里，职工们正在书屋阅读。", "杭州市总工会今年新建书屋50家。")
    assert where_when(scene, regions)[0] == Region("杭州市", "浙江省")


def test_a_city_unions_own_speech_naming_a_county_union_once_is_the_citys(regions):
    text = ("在全市工会工作会议上的讲话\n\n（市总工会党组书记、主席　邹建华　2024年2月22日）\n\n同志们：\n\n"
            "　　今天，我们召开全市工会工作会议。刚才，修水县总工会、濂溪区总工会作了交流发言，讲得都很好。\n\n"
            "　　2023年，全市各级工会新建职工书屋46家，九江工会工作取得新成效。\n")
    assert where_when(recover_document(text), regions)[0] == Region("九江市", "江西省")
    # a county's own speech (县总工会), or a county-level city's (its union is a 市总工会 too): the place picked stands
    county = text.replace("全市", "全县").replace("（市总工会", "（县总工会").replace("九江工会", "修水工会")
    assert where_when(recover_document(county), regions)[0] == Region("修水县", "九江市")
    city = text.replace("修水县总工会", "瑞昌市总工会").replace("九江工会", "瑞昌工会").replace("、濂溪区总工会", "")
    assert where_when(recover_document(city), regions)[0] == Region("瑞昌市", "九江市")


def test_a_papers_page_of_briefs_from_all_over_its_city_is_the_citys(regions):
    text = ("绵阳日报　2022年8月18日　星期四　第7版　职工天地\n\n绵阳工运快讯\n\n**江油：“送清凉”送到工地一线**\n\n"
            "　　本报讯　8月以来，江油市总工会组织干部深入工地开展“夏送清凉”活动，慰问职工6,800余人次。\n\n"
            "**三台县总工会法律援助站半年为职工挽回损失216万元**\n\n"
            "　　本报三台8月16日电　记者从三台县总工会获悉，三台县总工会法律援助站上半年办结案件86件。\n\n"
            "**涪城区新建户外劳动者服务站**\n\n　　涪城区新建服务站12个。市总工会力争年底前再新建职工书屋30家。\n")
    assert where_when(recover_document(text), regions)[0] == Region("绵阳市", "四川省")
    # one county's story in the city's paper, naming one other place of the city: the county's
    one = text[: text.index("**涪城区")].replace("江油市总工会", "县总工会").replace("江油：", "三台：")
    one += "　　三台县总工会与江油市总工会签订协议。\n"
    assert where_when(recover_document(one), regions)[0] == Region("三台县", "绵阳市")


def test_a_city_papers_own_report_is_the_citys_not_the_province_its_firms_names_hold(regions):
    text = ("镇江日报　2022年4月28日　星期四　A5　劳动者之歌\n\n我市表彰五一劳动奖和工人先锋号获得者\n\n"
            "　　本报讯　4月27日，市总工会授予8个单位“镇江市五一劳动奖状”。\n\n五一劳动奖状（8个）\n\n"
            "江苏恒顺集团有限公司\n\n江苏索普集团有限公司\n\n江苏大全集团有限公司\n")
    assert where_when(recover_document(text), regions)[0] == Region("镇江市", "江苏省")
    # the title group not the city's own (a province's event reported by the city's paper): the province stands
    other = text.replace("我市表彰", "全省表彰")
    assert where_when(recover_document(other), regions)[0] == Region("江苏省", None)


def test_a_place_the_title_group_names_beats_another_the_body_names_less_often(regions):
    d = doc("政府工作报告", "过去一年，阆中市新增城镇就业5,600人。", "在成都、广州等地设立阆中籍务工人员服务站3个。",
            "阆中市全年发放创业担保贷款1.2亿元。")
    d.subtitle = "——2024年1月16日在阆中市第十五届人民代表大会第四次会议上"
    assert where_when(d, regions)[0] == Region("阆中市", "南充市")
    # the body's place named as often as the title's: it stands (where the work was, the title naming a meeting's host)
    d = doc("政府工作报告", "成都市新增城镇就业5,600人。", "成都市全年发放创业担保贷款1.2亿元。")
    d.subtitle = "——在阆中市召开的片区会议上"
    assert where_when(d, regions)[0] == Region("成都市", "四川省")


def test_a_municipality_only_opening_a_firms_name_in_the_title_gives_way_to_its_district(regions):
    d = doc("把“金点子”磨成“金钥匙”", "在涪陵区李渡工业园区，重庆长涪机械有限公司的车间里机器轰鸣。",
            "在涪陵区总工会的推动下，工作室被命名为市级劳模创新工作室。")
    d.subtitle = "访全国劳动模范、重庆长涪机械有限公司数控车间主任谭建国"
    assert where_when(d, regions)[0] == Region("涪陵区", "重庆市")
    # the title group naming the municipality's union: it stands
    d.subtitle = "重庆市总工会命名的劳模创新工作室巡礼"
    assert where_when(d, regions)[0] == Region("重庆市", None)


def test_a_units_city_in_the_title_beats_a_city_only_heading_its_parent_groups_name(regions):
    d = doc("凝心聚力保安全", "2020年，中国铁路广州局集团有限公司怀化工务段工会在集团公司工会的领导下开展工作。",
            "怀化线路车间工长说，慰问金送到了大家心坎上。")
    d.subtitle = "——怀化工务段工会2020年工作总结"
    assert where_when(d, regions)[0] == Region("怀化市", "湖南省")
    # no unit named after a city in the title group: the parent group's city is all there is
    d = doc("凝心聚力保安全", "2020年，中国铁路广州局集团有限公司某工务段工会在集团公司工会的领导下开展工作。")
    d.subtitle = "——工务段工会2020年工作总结"
    assert where_when(d, regions)[0] == Region("广州市", "广东省")


def test_a_provincial_papers_page_of_briefs_from_three_of_its_cities_is_the_provinces(regions):
    text = ("四川工人日报　2023年11月16日　星期四　第1版　要闻\n\n市州工会动态\n\n# 内江：新就业形态劳动者入会热情高\n\n"
            "　　本报讯　截至10月底，内江市今年新发展会员1.05万人。\n\n## 眉山：法律援助为农民工撑腰\n\n"
            "　　本报讯　今年以来，眉山市各级工会共办理法律援助案件216件。\n\n## 巴中市总工会推进职工书屋建设\n\n"
            "　　本报讯　巴中市总工会今年新建职工书屋46家，巴中市总工会还将推广。\n")
    assert where_when(recover_document(text), regions)[0] == Region("四川省", None)
    # two cities' briefs: no round-up of the province
    two = text[: text.index("## 巴中市")]
    assert where_when(recover_document(two), regions)[0] != Region("四川省", None)


def test_a_speech_given_early_in_a_year_reviews_the_past_year_it_names():
    import datetime as dt

    text = "同志们：今天，我们召开全市工会工作会议，总结2023年全市工会工作。过去的一年，全市新建工会46家。2024年，我们将再接再厉。"
    assert report_year(text, dt.date(2024, 2, 22)) == 2023
    # no 过去的一年: the date's year, as before (the body states 2024 as its own too)
    assert report_year(text.replace("过去的一年", "今年以来"), dt.date(2024, 2, 22)) == 2024
    # a congress's date in the title group is the day it was given, not a year it states of itself
    head = "政府工作报告 2024年1月10日在永丰县第十七届人民代表大会第四次会议上"
    assert report_year("一、2023年工作回顾 过去一年，我们新增就业5,600人。", dt.date(2024, 1, 10), head) == 2023
    # 过去一年 inside a clause (a plan's, or what the first quarter built on), or a quarter's report stating its own
    # year more than the year before: the date's year
    quarter = "2024年一季度，全市新发展会员1.2万人，同比增长8%。在过去的一年里打下的基础上，各项工作开局良好。2023年会员28万人。"
    assert report_year(quarter, dt.date(2024, 3, 20)) == 2024
    plan = "2023年，全市工会工作取得新成效。2024年，我们将在过去一年工作的基础上，力争新建工会50家。"
    assert report_year(plan, dt.date(2024, 1, 15)) == 2024
    more = "2024年1月至2月，全市新发展会员3000人。过去一年，市总工会持续推进入会，2023年共新发展会员2万人。2024年将继续。"
    assert report_year(more.replace("2024年将继续。", "2024年春节前夕走访。"), dt.date(2024, 3, 5)) == 2024


def test_a_year_whose_sentence_seeks_funds_is_still_the_reports_own():
    assert report_year("2018年，全区新建驿站。2019年，区总工会为困难职工争取救助资金50万元。", None) == 2019


def test_an_annual_report_printed_early_next_year_keeps_its_span(regions):
    d = doc("回眸", "2016—2019年，全区累计建成驿站120个。")
    d.debris = ["工人日报 2020年1月10日"]
    assert where_when(d, regions)[2] == Period(2016, 2019)


def test_a_magazines_issue_month_dates_the_reports_own_year_but_is_no_publication_date(regions):
    d = doc("关于推进货车司机入会工作的调研报告", "今年以来，全市新建司机之家24个。", "建议2019年新建司机之家30个。")
    d.debris = ["·23·", "北疆工会　2018.11　调查与思考"]
    region, organization, period, date = where_when(d, regions)
    assert (period, date) == (Period(2018, 2018), None)


def test_a_magazines_issue_named_by_its_year_and_number_dates_the_reports_own_year(regions):
    d = doc("老工业区里的对话", "截至今年8月底，全区签订工资专项集体合同686份。")
    d.debris = ["24　　工会信息　2017年第18期", "工会信息　2017年第18期　　25"]
    region, organization, period, date = where_when(d, regions)
    assert (period, date) == (Period(2017, 2017), None)


def test_a_web_pages_dashed_date_of_publication_is_read(regions):
    d = doc("共青团银川市委2022年工作总结", "2022年，全市新发展团员2860名。")
    d.debris = ["2023/2/8 下午3:26 共青团银川市委2022年工作总结", "发布时间：2023-01-12　来源：共青团银川市委"]
    assert where_when(d, regions)[3] == dt.date(2023, 1, 12)  # not the day it was printed (2023/2/8)


def test_the_title_groups_union_beats_a_city_of_the_table_named_in_the_body_only(regions):
    """A contest held in 昆明 (in regions.yml) does not make a report of 蒙自市总工会 (gazetteer only) 昆明's."""
    d = doc("蒙自市总工会2017年工作回眸", "蒙自市总工会全年新建书屋。", "选手赴昆明参加全省职工技能大赛。")
    assert where_when(d, regions)[0] == Region("蒙自市", "红河哈尼族彝族自治州")
    # In the body only, the union named at least as often as the city wins too.
    d = doc("书香满城", "晋江市总工会全年新建书屋。", "在厦门举办的全省职工技能大赛中获奖。")
    assert where_when(d, regions)[0] == Region("晋江市", "泉州市")
    # The city named more often than the union, and no union in the title group: the city stands.
    d = doc("书香满城", "晋江市总工会全年新建书屋。", "厦门举办大赛，厦门职工踊跃参加。")
    assert where_when(d, regions)[0] == Region("厦门市", "福建省")


def test_a_county_renamed_since_2016_is_known_by_both_names(regions):
    d = doc("踔厉奋发建新功", "叙州区总工会全年新建职工书屋12家。", "被四川省总工会评为先进集体。")
    assert where_when(d, regions)[0] == Region("叙州区", "宜宾市")
    d = doc("书香满城", "宜宾县总工会全年新建职工书屋8家。")
    assert where_when(d, regions)[0] == Region("宜宾县", "宜宾市")
    # An autonomous prefecture or county called by its short name (黔东南州, 互助县).
    d = doc("让留守儿童有个温暖的家", "黔东南州总工会2020年新建职工书屋42家。", "在浙江宁波打工多年的职工说。")
    assert where_when(d, regions)[0] == Region("黔东南苗族侗族自治州", "贵州省")
    # A sector's union or a venue named after its city (寿光市教育工会, 柳州市工人文化宫).
    assert where_when(doc("教工之家暖人心", "寿光市教育工会全年新建模范教工之家12个。", "获山东省教育工会表彰。"), regions)[0].name == "寿光市"
    assert where_when(doc("柳州市工人文化宫2022年工作总结", "全年举办活动486场次。", "获广西壮族自治区总工会表彰。"), regions)[0].name == "柳州市"
    # A county moved to another city since (公主岭市: 四平市, then 长春市) is one place, of its city of now.
    d = doc("书香满城", "公主岭市总工会全年新建职工书屋8家。")
    assert where_when(d, regions)[0] == Region("公主岭市", "长春市")


def test_a_place_name_several_places_share_is_the_one_written_after_its_city(regions):
    d = doc("为职工办实事", "邢台市桥东区总工会全年新建书屋。桥东区总工会组织新任主席到石家庄学习。")
    assert where_when(d, regions)[0] == Region("桥东区", "邢台市")


def test_a_review_printed_early_next_year_is_the_years_it_states(regions):
    text = "2018年，区人社局共受理欠薪案件412件。2018年，全区共对37个项目亮“黄牌”。"
    assert report_year(text, dt.date(2019, 1, 24)) == 2018
    # The date's year stated too, or a date later in the year: the date's year.
    assert report_year(text + "2019年1月，专项行动启动。", dt.date(2019, 1, 24)) == 2019
    assert report_year(text, dt.date(2019, 6, 24)) == 2019


def test_the_year_a_plan_section_opens_on_is_not_the_reports_own(regions):
    d = doc("踔厉奋发建新功", "一、2022年工作回顾", "2022年，全区新建职工书屋12家。截至2022年底，全区会员9.8万人。",
            "二、2023年工作安排", "2023年是开局之年。全区各级工会要重点抓好三项工作。")
    d.blocks = [Block("heading", b.text, 2) if b.text[:2] in ("一、", "二、") else b for b in d.blocks]
    d.debris = ["（2023年1月12日）"]
    assert where_when(d, regions)[2] == Period(2022, 2022)


def test_a_city_whose_own_union_the_body_names_keeps_the_report(regions):
    d = doc("市总工会召开十二届五次全委会", "昆明市总工会召开全委会。", "蒙自市总工会获评先进集体，蒙自市总工会代表发言。")
    assert where_when(d, regions)[0] == Region("昆明市", "云南省")


def test_a_year_before_a_first_quarter_date_stated_once_is_no_review():
    assert report_year("今年春节前夕，区总工会发放慰问金，比2018年增加50万元。", dt.date(2019, 1, 24)) == 2019


def test_the_city_a_company_of_the_title_group_is_named_after_is_the_report_s_place():
    body = [Block("paragraph", "公司工会被江西省总工会授予“江西省模范职工之家”称号。", id="p1")]
    company = Document(title="点亮万家灯火", subtitle="国网赣州供电公司工会2022年工作纪实", blocks=body)
    assert where_when(company)[0] == Region("赣州市", "江西省")  # the province's own city, named in the company
    elsewhere = [Block("paragraph", "浙江省总工会授予公司工会“浙江省模范职工之家”称号，浙江省总工会领导出席。", id="p1")]
    other = Document(title="点亮万家灯火", subtitle="国网赣州供电公司工会2022年工作纪实", blocks=elsewhere)
    assert where_when(other)[0].name == "浙江省"  # a city of another province gives way to what the table picked
    # An industry's word between the city and the company's (淮北矿业集团).
    mine = Document(title="聚力强企建新功", subtitle="在淮北矿业集团第三届职工代表大会上的工会工作报告",
                    blocks=[Block("paragraph", "集团工会被安徽省总工会授予“模范职工之家”称号。", id="p1")])
    assert where_when(mine)[0] == Region("淮北市", "安徽省")


def test_a_papers_masthead_naming_its_place_for_short_places_a_report_of_its_own_union(regions):
    text = ("张家口日报　2020年12月8日　星期二　第1版　要闻\n\n冬奥工地上有了“娘家人”\n——我市各级工会服务冬奥会重点工程建设者侧记\n\n"
            "　　记者从市总工会获悉，今年以来，全市各级工会在冬奥重点工程项目组建项目工会86个。\n")
    assert where_when(recover_document(text), regions)[0] == Region("张家口市", "河北省")
    county = ("2024年1月16日　星期二　　　今日于都　　　　第2版　综合新闻\n\n县总工会护航农民工“薪”安过年\n\n"
              "　　本报讯　去年11月以来，县总工会开展专项维权行动，为农民工追回欠薪86万元。\n")
    assert where_when(recover_document(county), regions)[0] == Region("于都县", "赣州市")
    # a short name a city shares only with a county of its own (邯郸县 of 邯郸市): the city's paper
    shared = text.replace("张家口日报", "邯郸日报")
    assert where_when(recover_document(shared), regions)[0] == Region("邯郸市", "河北省")
    # the rank's own union unnamed: a paper of one place reporting another's, or the nation's, places nothing
    other = text.replace("市总工会", "有关部门").replace("全市", "各地").replace("我市", "各地")
    assert where_when(recover_document(other), regions)[0] is None
    # the short name only as the masthead's own (X日报, 今日X): not inside a longer name (中国合作时报: 合作市), nor
    # a word of another paper's name (新民晚报: Shanghai's paper, not 新民市)
    for masthead in ("新民晚报　2020年12月8日　第6版", "中国合作时报　2020年12月8日　第3版"):
        assert where_when(recover_document(text.replace("张家口日报　2020年12月8日　星期二　第1版　要闻", masthead)),
                          regions)[0] is None, masthead


def test_a_papers_masthead_places_a_report_naming_its_place_in_full(regions):
    text = ("景德镇日报　2021年10月19日　星期二　第3版　民生·工会\n\n为白衣天使撑起“健康伞”\n——市卫生健康系统工会关爱女职工工作纪实\n\n"
            "　　景德镇市卫生健康系统共有职工1.84万人，系统工会为8,420名女职工免费开展筛查。\n")
    assert where_when(recover_document(text), regions)[0] == Region("景德镇市", "江西省")


def test_a_briefs_masthead_naming_its_issuer_places_a_report_of_a_two_character_county(regions):
    text = ("淇县共青团工作简报\n\n第6期\n\n共青团淇县委员会办公室　　　　2023年8月18日\n\n青春志愿暖童心\n\n"
            "　　今年暑期，团县委组织全县各级团组织开展志愿服务活动210场。\n")
    assert where_when(recover_document(text), regions)[0] == Region("淇县", "鹤壁市")
    # the rank unnamed as the text's own (全县): a brief that only reprints another place's news places nothing
    assert where_when(recover_document(text.replace("全县", "各地")), regions)[0] is None


def test_a_company_named_after_its_city_in_the_text_places_a_report_nothing_else_places(regions):
    text = ("香山矿工会2012年厂务公开民主管理工作总结\n\n"
            "　　2012年，平顶山香山矿业有限公司工会在矿党委的领导下，深化厂务公开。\n")
    assert where_when(recover_document(text), regions)[0] == Region("平顶山市", "河南省")


@pytest.mark.parametrize("text", [
    "县总工会2022年工作总结\n\n　　2022年，县总工会团结带领全县职工建功立业。\n\n　　全年组织劳模赴大庆油田有限责任公司学习铁人精神。\n",
    "公司工会2023年工作总结\n\n　　2023年，公司工会坚持服务职工。与鞍山钢铁集团有限公司签订战略合作协议。\n",
    "全省产业工会工作交流材料\n\n　　今年以来，我们开展技能比武。与徐州工程机械集团有限公司工会开展结对共建活动。\n",
])
def test_a_company_visited_or_partnered_in_the_text_places_no_report(regions, text):
    assert where_when(recover_document(text), regions)[0] is None


def test_a_short_name_before_its_townships_still_names_the_region(regions):
    assert region_mentions("临安乡镇工会和临安镇街工会", regions) == {"临安市": 2}


def test_a_union_named_as_the_giver_of_an_honour_places_no_report(regions):
    d = doc("凝心聚力建新功", "集团公司工会在集团公司党委和长垣市总工会的领导下开展工作。",
            "集团公司工会被河南省总工会授予“河南省模范职工之家”称号。")
    assert where_when(d, regions)[0] == Region("长垣市", "新乡市")


def test_a_signature_dated_in_the_minguo_calendar_dates_the_report():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document
    doc = recover_document("台中市产业总工会工作报告\n\n　　本会全年新增会员1,460人。\n\n台中市产业总工会\n中华民国112年2月18日\n")
    assert where_when(doc, load_regions())[3].isoformat() == "2023-02-18"
    assert "中华民国112年2月18日" in doc.debris


def test_a_regions_short_name_inside_a_longer_places_name_names_no_region(regions):
    from reportsite.places import region_mentions

    assert region_mentions("组织劳模到五大连池疗养院疗休养", regions) == {}
    assert region_mentions("在大连举办培训班，大连市总工会承办", regions) == {"大连市": 2}


def test_a_regions_short_name_inside_a_common_word_names_no_region(regions):
    from reportsite.places import region_mentions

    assert region_mentions("港口是西部陆海新通道的出海口，入海口处", regions) == {}
    assert region_mentions("在海口举办培训班，海口市总工会承办", regions) == {"海口市": 2}


def test_a_title_opening_on_the_whole_province_places_the_report_in_the_province_of_its_cities():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document

    body = ("\n\n　　记者从省总工会获悉，全省各级工会共资助困难职工子女1.26万名。\n\n"
            "　　从各市情况看，合肥市总工会资助1,680名，合肥高新区资助86名，六安市总工会资助920名。\n")
    doc = recover_document("全省工会“金秋助学”资助困难职工子女1.26万名" + body)
    assert where_when(doc, load_regions())[0].name == "安徽省"
    # A title that names its city, or opens on no whole province, keeps the city the text names most.
    assert where_when(recover_document("合肥市工会“金秋助学”资助困难职工子女" + body), load_regions())[0].name == "合肥市"
    assert where_when(recover_document("我市在全省“金秋助学”中资助人数居首" + body), load_regions())[0].name == "合肥市"
    # A subtitle opening on a provincial body left unnamed (省总工会…, 省能源化学工会…): the province's report too.
    titled = "“金秋助学”圆了寒门学子大学梦\n——{}2023年“金秋助学”工作综述"
    assert where_when(recover_document(titled.format("省总工会") + body), load_regions())[0].name == "安徽省"
    assert where_when(recover_document(titled.format("省能源化学工会") + body), load_regions())[0].name == "安徽省"
    assert where_when(recover_document(titled.format("市总工会") + body), load_regions())[0].name == "合肥市"
    # 省 as a word of its own (省心, 省钱), an honour's rank (省劳模, 省优秀工会工作者), or a body far from 工会
    for line in ["省心省力的工会驿站成了骑手的家", "省钱又省事的工会普惠卡受职工欢迎", "省劳模王师傅和他的工会小组",
                 "省优秀工会工作者张丽的一天", "省委宣讲团走进高新区工会", "省十佳工会主席评选揭晓"]:
        assert where_when(recover_document(line + body), load_regions())[0].name == "合肥市", line
    # …but a provincial body's people, or a department whose name holds 和, are the province's
    for line in ["省总工会主席王明深入企业调研", "省人力资源和社会保障厅联合省总工会开展金秋助学", "省教育科学文化卫生体育工会开展送清凉活动"]:
        assert where_when(recover_document(line + body), load_regions())[0].name == "安徽省", line


def test_a_place_before_an_honour_names_the_honours_rank_not_the_reports_place(regions):
    from reportsite.places import region_mentions

    assert region_mentions("记湖北省劳动模范高建军，他获湖北五一劳动奖章", regions) == {}
    assert region_mentions("湖北省总工会在湖北武汉表彰", regions) == {"湖北省": 2, "武汉市": 1}


def test_a_province_and_its_city_or_a_word_before_places_make_no_common_word_of_the_name(regions):
    from reportsite.places import region_mentions

    # the word list holds 吉林长春, 中国宁波, 从金华: a place's name after a province, 中国 or a preposition is the place
    assert region_mentions("吉林长春：户外劳动者有了“暖心驿站”", regions)["长春市"] == 1
    assert region_mentions("辽宁沈阳、广西南宁的工会", regions)["南宁市"] == 1
    assert region_mentions("出海口旁，中国宁波的职工", regions) == {"宁波市": 1}


def test_a_citys_own_honour_names_the_city(regions):
    from reportsite.places import region_mentions

    assert region_mentions("第三批“杭州工匠”名单揭晓", regions) == {"杭州市": 1}


def test_a_title_opening_on_the_whole_province_over_its_citys_news_keeps_the_city():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document

    body = "\n\n　　合肥市总工会今年资助困难职工子女1,680名。合肥市总工会承办。\n"
    for title in ["全省第三届职工职业技能大赛在我市开幕", "全省首家快递行业工会联合会成立"]:
        assert where_when(recover_document(title + body), load_regions())[0].name == "合肥市", title


def test_a_citys_honour_in_a_report_naming_a_county_under_it_is_a_rank(regions):
    from reportsite.places import region_mentions

    assert region_mentions("诸暨市12人获绍兴市劳动模范称号，诸暨市总工会表彰", regions) == {"诸暨市": 2}


def test_the_provinces_firsts_and_short_county_names_before_a_place():
    from reportsite.places import load_regions, region_mentions, where_when
    from reportsite.structure import recover_document

    body = "\n\n　　湖北省总工会在武汉举办大赛，武汉市总工会承办，湖北省各地工会参加。\n"
    assert where_when(recover_document("全省首届新就业形态劳动者职业技能大赛举行" + body), load_regions())[0].name == "湖北省"
    # a county's name of one character (赵县) before a city's short name is no place: 赵长春 a person's name
    assert region_mentions("全国劳动模范赵长春在会上发言", load_regions()) == {}



def test_a_visiting_speakers_place_does_not_place_the_speech():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document

    text = ("在全县工会工作会议上的讲话\n绍兴市总工会副主席　李明（2023年2月12日）\n\n同志们：\n\n"
            "　　新昌县总工会去年新建基层工会36家，新昌县各级工会成效明显，新昌县职工满意。\n")
    assert where_when(recover_document(text), load_regions())[0].name == "新昌县"
    # The place's own chair at its meeting, the title naming its rank only: the chair's place.
    own = ("在全市工会工作会议上的讲话\n绍兴市总工会主席　张伟（2023年2月12日）\n\n同志们：\n\n"
           "　　去年，全市新建基层工会136家，诸暨市、上虞区工会成效明显。\n")
    assert where_when(recover_document(own), load_regions())[0].name == "绍兴市"
    # A title naming a county-level city's union (新昌县总工会…) is not a city union's rank
    visit = ("在新昌县总工会第八次代表大会上的讲话\n绍兴市总工会副主席　李明（2023年2月12日）\n\n同志们：\n\n"
             "　　新昌县总工会去年新建基层工会36家，新昌县各级工会成效明显。\n")
    assert where_when(recover_document(visit), load_regions())[0].name == "新昌县"


def test_a_headline_opening_on_a_city_before_a_colon_places_the_report_there_not_in_a_venue_named_once():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document

    body = ("\n\n　　本报讯　11月16日，鹰潭市职工职业技能竞赛在贵溪市落下帷幕，全市186家企业的1,860名职工报名参赛。\n\n"
            "　　在10月于南昌举行的全省职工职业技能大赛上，鹰潭代表队获得团体三等奖。\n\n"
            "　　今年以来，市总工会围绕铜产业开展劳动竞赛128项，“鹰潭工匠”评选吸引了众多职工参与。\n")
    doc = recover_document("鹰潭：“比学赶超”赛出铜都工匠风采" + body)
    assert where_when(doc, load_regions())[0].name == "鹰潭市"
    # without the headline's place, the table's city named in the body stands (the gazetteer's city is named in full once)
    assert where_when(recover_document("“比学赶超”赛出铜都工匠风采" + body), load_regions())[0].name == "南昌市"
    # a city the text names less often than the table's pick does not take over
    other = body.replace("鹰潭", "某地").replace("于南昌举行", "于南昌举行，南昌市总工会承办，南昌")
    assert where_when(recover_document("鹰潭：“比学赶超”赛出铜都工匠风采" + other), load_regions())[0].name == "南昌市"
    # a county under the headline's city, or a district whose short name the headline's is, keeps its place
    text = ("鹰潭：职工技能比武激情上演\n\n　　贵溪市总工会举办职工技能比武，全市120名职工参赛。贵溪市总工会主席出席。"
            "鹰潭日报、鹰潭电视台报道。\n")
    assert where_when(recover_document(text), load_regions())[0].name == "贵溪市"
    text = ("朝阳：“八一”前夕走访慰问退役军人职工\n\n　　北京市朝阳区总工会组织干部走访慰问退役军人职工。朝阳区总工会主席出席。"
            "朝阳区总工会共慰问职工120人。\n")
    assert where_when(recover_document(text), load_regions())[0].name == "朝阳区"
    # …unless the city's own union acts in the text (named in full, or bare over a district)
    text = ("鹰潭：技能大赛赛出新风采\n\n　　近日，鹰潭市总工会举办技能大赛，来自贵溪市、余江区的选手参赛。贵溪市选手获一等奖，"
            "贵溪市总工会表示祝贺。\n")
    assert where_when(recover_document(text), load_regions())[0].name == "鹰潭市"
    text = ("赣州：工会驿站温暖户外劳动者\n\n　　今年以来，市总工会在全市建成工会驿站200个。其中，南康区建成30个，"
            "南康区总工会还为环卫工人送去清凉。\n")
    assert where_when(recover_document(text), load_regions())[0].name == "赣州市"


def test_a_text_stating_no_year_is_dated_by_an_anniversary_it_names():
    from reportsite.places import anniversary_year, load_regions, where_when
    from reportsite.structure import recover_document

    assert anniversary_year("今年是中国共产党成立100周年，区总工会开展主题宣讲。") == 2021
    assert anniversary_year("正值新中国成立七十周年之际，县总工会举办职工歌咏比赛。") == 2019
    assert anniversary_year("全区开展劳动竞赛12项。") is None
    # not this year's: a speech given at one, a year before or after it, the time since, a person's name
    assert anniversary_year("今年是我市工会成立60周年，也是建党100周年。") == 2021  # the frame carried over
    assert anniversary_year("为庆祝建党100周年，今年市总工会举办了职工书画展。") == 2021
    for text in ["深入学习贯彻在庆祝中国共产党成立100周年大会上的重要讲话精神", "明年是中国共产党成立100周年，今年要做好准备。",
                 "为迎接建党100周年，县总工会今年开展主题活动。", "回顾建党95周年以来的历程。", "王建国30周年", "庆祝新中国成立七十周年职工歌咏比赛"]:
        assert anniversary_year(text) is None, text
    doc = recover_document("巾帼建功绽芳华\n\n　　今年是中国共产党成立100周年，闵行区总工会女职工委员会开展主题宣讲68场。\n\n"
                           "　　去年全区新建妈咪小屋60家，今年新建68家。\n")
    assert where_when(doc, load_regions())[2].start == 2021
    # a year the text states wins over an anniversary's
    doc = recover_document("巾帼建功绽芳华\n\n　　2022年，区总工会开展庆祝中国共产党成立100周年回顾展。\n")
    assert where_when(doc, load_regions())[2].start == 2022



def test_the_issuer_of_a_signature_is_the_organisation_not_whom_copies_go_to():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document

    text = ("关于2018年洮南市欠薪治理工作的报告\n\n　　今年以来，我局联合有关部门开展欠薪治理，为农民工追回工资320万元。\n\n"
            "　　下一步，我们将继续加大工作力度。\n\n洮南市人力资源和社会保障局\n2019年1月8日\n\n"
            "（联系人：王红　联系电话：0436-6235178）\n\n抄送：洮南市总工会，洮南市住建局。\n")
    assert where_when(recover_document(text), load_regions())[1] == "洮南市人力资源和社会保障局"


def test_a_place_the_title_names_inside_the_city_the_body_names_is_the_reports(regions):
    d = doc("邳州市2019年工会工作统计公报", "2019年，全市各级工会组织在市委和徐州市总工会的正确领导下，各项工作取得了新的进展。")
    assert where_when(d, regions)[0] == Region("邳州市", "徐州市")


def test_the_one_place_a_text_names_places_it_when_nothing_else_does(regions):
    d = doc("劳动竞赛激活“一池春水”", "12月12日，在位于嘉峪关市的宏兴股份公司炼轧厂擂台上，热轧作业区乙班再次夺得流动红旗。")
    assert where_when(d, regions)[0] == Region("嘉峪关市", "甘肃省")
    two = doc("劳动竞赛激活“一池春水”", "在位于嘉峪关市的炼轧厂，来自酒泉市的选手夺得第一名。")
    assert where_when(two, regions)[0] is None
    # where the workers went, or whom the union met, is not where the report is from
    trip = doc("公司工会组织劳模疗休养", "公司工会近日组织20名劳动模范赴延安市开展为期五天的疗休养活动。")
    assert where_when(trip, regions)[0] is None
    partner = doc("企业工会结对共建", "集团公司工会与遵义市一家装备制造企业工会签订结对共建协议。")
    assert where_when(partner, regions)[0] is None
    # the city whose union honoured the report's studio (a company paper naming no union of its own)
    honoured = doc("他的创新工作室", "去年，工作室被威海市总工会命名为市级劳模创新工作室。")
    assert where_when(honoured, regions)[:2] == (Region("威海市", "山东省"), None)  # the honour's giver is not its unit
    # two cities named in full: neither is the report's
    assert where_when(doc("他的创新工作室", "工作室被威海市总工会命名，他来自烟台市。"), regions)[0] is None


def test_a_papers_masthead_city_wins_over_a_district_whose_union_only_a_caption_names(regions):
    text = ("盘锦日报　2024年6月18日　星期二　第2版　要闻\n\n新就业群体有了“娘家”\n\n"
            "　　今年以来，市总工会集中开展“暖新行动”，全市新发展会员1.8万名。\n\n"
            "　　图为区总工会工作人员为快递员办理入会手续。双台子区总工会供图\n\n"
            "　　市总工会还新建服务站点45个。\n")
    doc = recover_document(text)
    assert doc.figures, "the caption is read as one"
    assert where_when(doc, regions)[0] == Region("盘锦市", "辽宁省")
    # the district's union named in the body too: the district's report
    body = recover_document(text.replace("市总工会还新建", "双台子区总工会还新建"))
    assert where_when(body, regions)[0] == Region("双台子区", "盘锦市")


def test_a_county_the_title_group_names_keeps_its_report_under_a_city_union_or_a_city_papers_masthead(regions):
    # a bare 市总工会 in the title group: the city union only visits the county's own meeting
    congress = "修水县总工会第十七次代表大会召开　市总工会主席到会祝贺\n\n　　修水县总工会第十七次代表大会召开，全县会员代表200人参加。\n"
    assert where_when(recover_document(congress), regions)[0] == Region("修水县", "九江市")
    visit = "市总工会领导到修水县调研职工之家建设\n\n　　九江市总工会副主席一行到修水县调研，修水县总工会主席陪同。\n"
    assert where_when(recover_document(visit), regions)[0] == Region("修水县", "九江市")
    # a city paper's story on one county, citing two neighbours once each
    story = ("绵阳日报　2022年5月3日　第3版\n\n三台县工会驿站温暖户外劳动者\n\n　　三台县总工会今年建成驿站30个，借鉴了江油市、"
             "盐亭县的做法。市总工会给予资金支持。三台县职工点赞。\n")
    assert where_when(recover_document(story), regions)[0] == Region("三台县", "绵阳市")


def test_a_place_named_only_as_where_the_reports_people_went_does_not_take_its_place(regions):
    # the title's place only a trip's destination: the table's city the body names stands
    trip = doc("市总工会组织劳模赴延安市疗休养", "宁波市总工会组织30名劳模赴延安市疗休养。在延安市期间，劳模们参观了旧址。")
    assert where_when(trip, regions)[0] == Region("宁波市", "浙江省")
    # a district union visited under a title naming the province only in a firm's name: the province stands
    visit = doc("重庆能源集团工会组织学习交流", "公司工会组织职工赴涪陵区总工会学习。重庆能源集团工会主席带队。")
    assert where_when(visit, regions)[0] == Region("重庆市", None)
    # …but a district union acting for the firm is its place
    acting = doc("重庆长涪机械有限公司工会创新工作", "在涪陵区总工会的推动下，公司成立创新工作室。")
    assert where_when(acting, regions)[0].name == "涪陵区"


def test_where_a_provinces_own_subject_lies_does_not_narrow_the_provinces_report(regions):
    # the picked province's own body lies in its capital: the province's report
    centre = doc("山东省职工服务中心建设纪实", "位于济南市的山东省职工服务中心，是全省工会服务职工的窗口。")
    assert where_when(centre, regions)[0] == Region("山东省", None)
    # a title group of the whole province (全省…): not the city the first sentence puts its subject in
    stations = doc("全省工会驿站建设综述", "驿站地处济南市中心，全省各级工会建成驿站500个，山东省总工会推动。")
    assert where_when(stations, regions)[0] == Region("山东省", None)


def test_a_caption_only_union_keeps_its_place_when_the_headline_names_it_or_the_body_speaks_of_its_rank(regions):
    caption = "\n\n　　图为工作人员为快递员办理入会手续。{}总工会供图\n"
    headline = ("赣州日报　2024年6月18日　第2版\n\n于都：新就业群体有了“娘家”\n\n　　今年以来，县总工会开展“暖新行动”，"
                "全县新发展会员1800名。赣州市总工会给予支持。" + caption.format("于都县"))
    assert where_when(recover_document(headline), regions)[0] == Region("于都县", "赣州市")
    district = ("盘锦日报　2024年6月18日　第2版\n\n新就业群体有了“娘家”\n\n　　今年以来，区总工会开展“暖新行动”，"
                "全区新发展会员1800名，得到市总工会肯定。" + caption.format("双台子区"))
    assert where_when(recover_document(district), regions)[0] == Region("双台子区", "盘锦市")
