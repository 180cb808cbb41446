"""Figure extraction: what is a figure, its label, period, kind, anchor; recall and precision on the seeds."""

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportsite.labels import clean_label, default_rules
from reportsite.metrics import extract_metrics
from reportsite.model import Block, Document, FigureCaption
from reportsite.structure import recover_document
from reportsite.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((Path(__file__).parent / "data" / "seed_figures.yml").read_text(encoding="utf-8"))
TAXONOMY = load_taxonomy()


def doc_of(*paragraphs: str, lead: str | None = None, headings: dict[int, tuple[int, str]] | None = None,
           figures: list[FigureCaption] | None = None) -> Document:
    """A document of paragraphs p1..pn; headings maps a paragraph index to (level, text) before it."""
    blocks = []
    for i, text in enumerate(paragraphs, start=1):
        if headings and i in headings:
            blocks.append(Block("heading", headings[i][1], headings[i][0]))
        blocks.append(Block("paragraph", text, 0, f"p{i}"))
    return Document(title="t", blocks=blocks, lead=lead, figures=figures or [])


def metric_ids(text: str) -> dict[str, str | None]:
    """Each figure of a one-paragraph document (by its printed text) and the metric it was given."""
    return {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}


def figures(*paragraphs: str, **kwargs) -> list[tuple[str, float, str]]:
    """(text, value, unit) of every figure extracted from the paragraphs."""
    return [(r.text, r.value, r.unit) for r in extract_metrics(doc_of(*paragraphs, **kwargs), TAXONOMY)]


# --- what is and is not a figure -------------------------------------------------------------


def test_issue_examples_are_figures():
    text = "举办职工交友联谊活动62场，全市基层工会组织达到2.58万家，累计募集爱心善款7000万元，发放救济款近亿元，参与率86%。"
    assert figures(text) == [("62场", 62, "场"), ("2.58万家", 25800, "家"), ("7000万元", 70_000_000, "元"),
                             ("近亿元", 100_000_000, "元"), ("86%", 86, "%")]


@pytest.mark.parametrize(
    "text",
    [
        "2021年8月3日，大会胜利闭幕。",
        "连续第十年召开职工法律维权监督员会议。",
        "举办了第二届单身青年联谊活动。",
        "一是建强协商主体，二是合理确定协商范围。",
        "以四大工程为抓手，推进“五水共治”。",
        "按照全总“两个普遍”的要求，持续探索“5+X”组建模式，通过5+X的组建模式推进。",
        "五年来，余杭区工会深入推进；15年来坚持不懈；在七年的探索实践中。",
        "实施“138”蓝领素质提升工程，创建“三型工会”，开展“四送”活动。",
        "注重把握五个关键环节，从四个方面开创新局面，落实六个配套制度。",
        "这是砥砺奋进的1800多个日夜。",
        "在一次次的法律咨询中，未出现一起群体性事件，打造一支高素质队伍。",
        "完成了单建工会、联合工会、行业工会三个100%的目标任务。",
        "四位一体的职工技能提升机制，集救助、维权、服务三位一体。",
        "余杭区工会第十一次代表大会以来，在全国9000多家新媒体中排名20位。",
        "围绕G20杭州峰会，打造O2O服务平台，服务千家万户。",
        "对因病致困职工开展二次救助，推动收入二次分配。",
        "重点推动25人以下的小微企业和100人以上的非公企业建会。",
    ],
)
def test_not_figures(text):
    assert [f for f in figures(text) if f[0] != "9000多家"] == []


def test_a_place_whose_name_opens_with_a_numeral_is_no_figure():
    text = "三台县总工会走访困难职工1200户，七台河市新建书屋12家，九江市职工3万人次参赛。"
    assert figures(text) == [("1200户", 1200, "户"), ("12家", 12, "家"), ("3万人次", 30000, "人次")]


def test_loans_counted_per_copy_and_titles_are_figures():
    assert figures("全年借阅图书21.6万册次，新增图书3.2万种。") == [("21.6万册次", 216000, "册次"), ("3.2万种", 32000, "种")]


def test_displayed_text_is_never_rewritten():
    text = "进一步统一一线职工标准，全年慰问各类困难职工448户。"
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert [r.text for r in records] == ["448户"]
    assert all(r.text in text for r in records)


# --- reading a figure -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "metric"),
    [
        ("全年慰问各类困难职工448户，发放慰问金94.86万元。", "困难职工", "hardship-households"),
        ("累计资助172名优秀农民工免费上大学。", "优秀农民工", "education-subsidies"),
        ("全市基层工会组织达到2.58万家。", "基层工会组织", "grassroots-unions"),
        ("全年新建基层工会组织420家。", "新建基层工会组织", "new-grassroots-unions"),
        ("提供法律援助32起。", "法律援助", "legal-aid-cases"),
        ("创建全国“职工书屋”1家。", "全国职工书屋", "workers-libraries"),
        ("投资1.72亿元，推进职工之家建设。", "投资", "facility-investment"),
    ],
)
def test_label_and_metric(text, label, metric):
    record = extract_metrics(doc_of(text), TAXONOMY)[0]
    assert (record.label, record.metric) == (label, metric)


@pytest.mark.parametrize(("text", "metric"), [
    ("开展“夏送清凉”活动，慰问高温作业职工3600人次，投入资金42万元。", "summer-cooling-visits"),
    ("连续第六年开展“两癌”免费筛查，全年投入专项资金216万元。", None),  # screening: no metric of its own
    ("全年集团工会投入班组建家资金150万元。", "facility-investment"),
    ("实施城镇建设项目28个，完成投资15.6亿元。", None),  # a town's building projects
    # a workers' place built beside a town's building: its money is invested in it still
    ("结合城镇建设，新建职工驿站12个，投入资金360万元。", "facility-investment"),
    ("借助城镇建设契机，投资1,200万元改造职工文化宫。", "facility-investment"),
])
def test_money_put_in_counts_as_investment_only_when_a_place_is_built(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit == "元"] == [metric]


@pytest.mark.parametrize(("text", "metric"), [
    ("市总工会开展“金秋助学”活动，全年资助困难职工和农民工子女428名。", "hardship-children-aid"),
    ("举办暑期托管班，服务农民工子女860名。", "left-behind-children"),
    ("走访慰问全国、省部级劳模156人次，组织劳模健康体检。", "model-worker-aid"),  # no activity before them
    ("弘扬工匠精神，推荐评选产生全国劳动模范1人。", "model-workers"),  # not served: what is counted
    ("走访慰问困难职工、劳动模范和井下一线职工1.36万人次。", "hardship-person-times"),  # the list shares 慰问
    ("组织1,280名劳模和一线职工赴伊犁、喀纳斯等地开展疗休养。", "recuperation"),  # the activity after them, same clause
])
def test_the_people_served_name_a_metric_only_when_no_activity_before_them_does(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric == metric


@pytest.mark.parametrize(("text", "metrics"), [
    # money named by a word of any aid, after a count of an aid that counts money too: that aid's money
    ("全年走访慰问困难劳模320人次，发放补助金96万元。", ["model-worker-aid", "model-worker-aid"]),
    ("为58名困难劳模发放帮扶资金17万元。", ["model-worker-aid", "model-worker-aid"]),
    # a count of an aid that counts no money (households): the money is hardship money
    ("走访慰问困难职工2,300户，发放慰问金410万元。", ["hardship-households", "hardship-funds"]),
    # the money in a sentence of its own is no longer the aid's
    ("走访慰问困难劳模320人次。发放慰问金96万元。", ["model-worker-aid", "hardship-funds"]),
])
def test_money_named_by_any_aids_word_is_the_money_of_the_aid_just_counted(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    ("全年资助300名职工参加学历教育，发放助学补贴45万元。", "education-subsidy-funds"),  # workers' study grants
    ("开展金秋助学活动，资助困难职工子女320名，发放助学补贴96万元。", "hardship-children-aid"),  # children's
])
def test_study_grants_are_workers_education_money_only_where_their_schooling_is_named(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit == "元"] == [metric]


@pytest.mark.parametrize(("text", "metric"), [
    # the figure's item goes on after 、 to the comma: its exclusions (尚未) hold there too
    ("入会率仍然偏低，约有三成的快递员、外卖骑手尚未加入工会。", None),
    ("全市入会率达到92%、建会率达到95%。", "unionisation-rate"),  # the next item's words are its own
])
def test_exclusions_hold_to_the_end_of_the_figures_item(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric == metric


@pytest.mark.parametrize(("text", "metric"), [
    ("全年协调解决困难职工子女就业、住房等实际问题1,024件。", None),  # 协调解决 holds 调解
    ("全年调解劳动争议120件，协调解决欠薪问题。", "dispute-mediation"),
    ("今年共新建物流、快递、家政等行业工会和货车司机工会联合会86家。", "new-grassroots-unions"),
])
def test_words_holding_an_alias_and_unions_named_after_a_list(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric == metric


@pytest.mark.parametrize(("text", "wanted"), [
    ("新建工会劳动法律监督委员会37个，全区累计达到186个。", {"37个": None, "186个": None}),  # a union's committee
    ("全区企业劳动争议调解组织达到216个，培育“枫桥式”工会调解示范点8个。", {"216个": None, "8个": None}),
    ("区里还在港区的12个户外劳动者服务站点设立了“驿站书架”。", {"12个": None}),  # stations given a shelf
    ("区总工会连续三年举办“职工读书沙龙”，今年已举办沙龙42期。", {"42期": "cultural-events"}),
    ("工地书屋里摆着4个书架，配有图书1,200余册。", {"1,200余册": None}),  # what a library holds
    ("联合劳模服务队走访慰问困难劳模126人次。", {"126人次": "model-worker-aid"}),
    ("全年新建基层工会56家、女职工委员会48个、经费审查委员会40个。", {"56家": "new-grassroots-unions"}),
    ("举办职工文艺演出32场、法律讲座15场。", {"32场": "cultural-events"}),
    ("建成职工活动中心45个、劳动争议调解室30个。", {"45个": "worker-clubs"}),
    ("举办青年职工交友联谊沙龙6场。", {"6场": "social-events"}),
    ("全年开展“法律进工地”宣讲活动不少于20场。", {"不少于20场": "legal-publicity"}),
    # studios named bare after the city's counts in one sentence are the city's studios, their results the city's
    # (gansu_yizhan_2019's expectation, written apart); one studio's story (该工作室…) turns in after the counts alone
    ("市总工会还新命名市级劳模创新工作室6个，全市累计达到27个，工作室今年完成技术革新成果41项。",
     {"6个": "innovation-studios", "27个": "innovation-studios", "41项": "innovation-results"}),
    # proposals gathered, then those adopted; views gathered are no proposals, nor adopted
    ("全市职工提出合理化意见建议1.2万条，采纳实施8600条。", {"1.2万条": "rationalisation-proposals", "8600条": "proposals-adopted"}),
    pytest.param("征集职工意见建议500条，采纳120条。", {"500条": None, "120条": "proposals-adopted"},
                 marks=pytest.mark.xfail(strict=True, reason="views gathered take proposals-adopted from 采纳 after them: "
                                         "ruling it out by the label (征集, 意见建议) also lost 意见建议被采纳45条 (review)")),
    ("职工提出的意见建议被采纳45条。", {"45条": "proposals-adopted"}),
    ("职工意见建议采纳率达95%。", {"95%": "proposals-adopted"}),
    ("市总工会还新命名市级劳模创新工作室6个，全市累计达到27个，该工作室今年完成技术革新成果41项。",
     {"6个": "innovation-studios", "27个": "innovation-studios", "41项": None}),
    # one studio honoured or backed by the city's union: its own record
    ("2017年被市总工会命名为示范性工作室，工作室累计完成技术攻关项目46项。", {"46项": None}),
    ("在市总工会的支持下，工作室今年完成技术革新成果12项。", {"12项": None}),
    # wages won back (讨回) are recovered as those 追回 are
    ("律师通过诉讼途径为职工讨回工资56万元。", {"56万元": "losses-recovered"}),
    ("工会法律援助律师帮助32名农民工讨回血汗钱41.5万元。", {"41.5万元": "losses-recovered"}),
    # alliances the studios form are no studios: 联盟 is the head of 工作室联盟; the studios they take in still are
    ("全区组建了机械、化工等4个劳模创新工作室联盟，联盟共开展技术交流活动60场次。", {"4个": None}),
    ("区总工会牵头成立创新工作室联盟3个，吸纳成员工作室42个。", {"3个": None, "42个": "innovation-studios"}),
    ("截至6月底，全市已建成创新工作室126个，其中国家级2个；工作室累计完成技术攻关项目860余项。",
     {"126个": "innovation-studios", "860余项": "innovation-results"}),
    # a company's or a works' whole opens the sentence as a city's does: its studios, all of them
    ("全公司已建成创新工作室26个，工作室累计完成技术攻关120项。", {"26个": "innovation-studios", "120项": "innovation-results"}),
    ("全厂已建成创新工作室8个，工作室累计完成技术革新成果35项。", {"8个": "innovation-studios", "35项": "innovation-results"}),
    # one named place's part of a total, not the report's own total; a rank named by a place is a part of the whole
    ("全区新建基层工会326家。其中，银川市新建基层工会118家、新发展会员9,260名，均居全区首位。",
     {"326家": "new-grassroots-unions", "118家": None, "9,260名": None}),
    ("全年新命名市级名师创新工作室6个，累计达到28个，其中潍坊市级示范性创新工作室8个。", {"28个": "innovation-studios", "8个": "innovation-studios"}),
    # one person's or one named studio's record
    ("他领衔的创新工作室去年完成技术攻关17项，为企业节约成本1200余万元。", {"17项": None, "1200余万元": None}),
    ("以他名字命名的创新工作室今年完成攻关项目9项，为企业创效860万元。", {"9项": None, "860万元": None}),
    ("以全国劳动模范王志强命名的“王志强创新工作室”，仅这一项成果当年就创效2360万元。", {"2360万元": None}),
    ("工作室围绕生产线上的难题开展技术攻关，先后完成攻关项目37项。", {"37项": None}),
    # one firm's or one person's in a story: a firm as its figure's actor, a person as a clause's subject
    ("宗汉街道一家汽车配件企业投资300万元新建了职工食堂。", {"300万元": None}),
    ("像东昌府区一家快递网点，去年整建制入会，32名快递员全部成了会员。", {"32名": None}),  # one depot's couriers
    ("去年她查出乳腺疾病，做手术花了4万多元，拿到了2万元互助保障金。", {"4万多元": None, "2万元": None}),
    ("几年来，他在书屋里读了40多本采矿技术书籍。", {"40多本": None}),
    # a sentence set in one firm or one building (在…一家…企业，): its figures are that one's, to the sentence's end
    ("在一家建材企业，职工书屋里设立了“法律角”，律师今年以来已为职工提供法律咨询420人次。", {"420人次": None}),
    ("在杨柳青镇一家物流企业，企业工会调整了作息时间，60多名装卸工每天中午都可以在空调休息室里午休。", {"60多名": None}),
    ("在虹桥镇一幢商务楼宇里，楼宇联合工会建起共享“妈咪小屋”，楼里20多家企业的女职工都可以使用。", {"20多家": None}),
    # …but not the whole place's after it, nor the figures of the sentence before
    ("全区新建“妈咪小屋”68家。在一家物流企业，工会为司机办理了入会手续，全区共新发展会员1,200名。",
     {"68家": "mommy-rooms", "1,200名": "new-union-members"}),
    # not: firms one after another, an official's account
    ("市总工会还把“送清凉”送进了小吃后厨。在明溪县、尤溪县等地，工会干部走进一家家小吃门店，为在高温灶台前忙碌的厨师送去防暑药品和清凉饮品，全市共慰问小吃门店一线职工3,200人次。", {"3,200人次": "summer-cooling-visits"}),
    ("他介绍，今年全区新建基层工会56家。", {"56家": "new-grassroots-unions"}),
    ("近年来，团队完成技术攻关46项，获国家专利12项，工作室先后获得全国示范性劳模创新工作室等称号。", {"46项": None, "12项": None}),
    ("两年来，这家企业职工提出合理化建议430条。", {"430条": None}),  # one firm's
    ("县总工会还组织劳模和先进工作者疗休养3批，参加劳模126名。", {"126名": "recuperation"}),  # who took part
    # …but not those taking part in an activity named between (the honoured, the nominated)
    ("全年组织职工疗休养1.2万人次，参加全省劳模表彰大会的劳动模范36名。", {"1.2万人次": "recuperation", "36名": "model-workers"}),
    ("组织劳模疗休养3批，推荐参加全国劳模评选的劳模12名。", {"12名": "model-workers"}),
    ("全年组织职工疗休养12批次，参加职工1,860名。这一批40名疗休养职工中，有环卫工人和快递员。",
     {"1,860名": "recuperation", "40名": None}),  # one batch's travellers
    # a batch of the place's money or venues, or a wholesale market (该批发市场), tells no one batch of people's story
    ("市总工会下达第二批帮扶资金，该批资金共计860万元，惠及困难职工1,200户。",
     {"860万元": "hardship-funds", "1,200户": "hardship-households"}),
    ("县总工会为该批发市场的1,260名商户职工办理了入会手续。", {"1,260名": "new-union-members"}),
    ("这批学员中有12名快递员。", {"12名": None}),
    ("全区新建新就业形态劳动者工会组织42家。", {"42家": "new-grassroots-unions"}),  # a group of workers between
    # the verb 组织 after a union: unions that organised something, programmes staged, no union counted
    ("全市1,286家基层工会组织职工参加安全知识竞赛。", {"1,286家": None}),
    ("今年共有46家企业工会自行组织了疗休养，惠及职工2,100余人。", {"46家": None}),  # an adverb between
    ("在快递物流园区设立“骑手维权服务点”3个。", {"3个": "legal-service-stations"}),
    ("在全市新建“12351”热线工作站20个。", {"20个": "legal-service-stations"}),  # the legal-aid hotline's stations
    # …not another hotline's stations, nor the calls a station takes
    ("建成职工心理健康服务热线工作站3个，全市设立12345政务服务热线工作站12个。", {"3个": None, "12个": None}),
    ("新建“12351”热线工作站20个，全年接听职工来电1,260个。", {"20个": "legal-service-stations", "1,260个": None}),
    ("开展《女职工劳动保护特别规定》宣讲活动42场。", {"42场": "legal-publicity"}),  # a rule's title, lectured on
    ("比赛共吸引参赛选手126名。", {"126名": "competition-participants"}),
    ("公司工会组织各分厂职工自编自演节目24个，演出3场。", {"24个": "art-works"}),
    ("深入32个工地开展慰问演出，为农民工送去歌舞、小品等节目。", {"32个": None}),  # sites visited, no works
    # a count of trades or fields takes no metric from what the sentence counts beside it
    ("已吸纳成员工作室46个，涵盖有色冶金、化工等8个行业。", {"46个": "innovation-studios", "8个": None}),
    ("在煤炭、建筑等8个行业开展行业性工资集体协商。", {"8个": None}),
    ("在机械加工、餐饮等3个行业组建了行业工会联合会。", {"3个": None}),  # the label stops at 组建 as at 建立
    ("与广播电台合办访谈节目3个。", {"3个": None}),  # broadcasts
    # donations by any word; goods donated are no funds raised; social insurance is no union's mutual aid
    ("全年共接收企业捐赠2,460万元、个人捐赠820万元，网络募捐218万元。",
     {"2,460万元": "charity-funds-raised", "820万元": "charity-funds-raised", "218万元": "charity-funds-raised"}),
    ("全年接收社会捐赠物资折价64万元。", {"64万元": None}),
    ("全市职工基本医疗保险参保率达到95%以上，职工医疗互助参保人数达到68万人。",
     {"95%以上": None, "68万人": "medical-mutual-aid-participants"}),
    # one firm, the subject of its sentence, to the sentence's end; a firm as a venue (在一家…) is no story of one
    ("西塘镇一家纺织企业连续五年捐款助学，今年又捐出了10万元。", {"10万元": None}),
    # a failure named earlier in the sentence; a labour bureau's job stations are no workers' clubs
    ("对服务不达标的站点限期整改，今年已对12个站点发出整改通知。", {"12个": None}),
    # a failure named in another clause, the clause's own label naming the metric plainly
    ("对3家不达标企业限期整改，全市创建劳动关系和谐企业120家。", {"3家": None, "120家": "harmonious-enterprises"}),
    # a bare 竞赛 in the label refers back to the kind of contest its sentence names (a labour competition, 安康杯)
    ("在全公司组织开展主题劳动竞赛，共设立公司级竞赛项目36项，带动二级单位开展专项竞赛218项。",
     {"36项": "labour-competitions", "218项": "labour-competitions"}),
    ("深入开展“安康杯”竞赛，全公司46家二级单位全部参赛，排查整改安全隐患1,460项。",
     {"46家": "ankang-cup-enterprises", "1,460项": None}),
    ("开展主题劳动竞赛，参赛职工达5.2万人次，职工参赛率98%以上。", {"98%以上": None}),
    ("全市开展劳动竞赛30项，举办职业技能竞赛86场。", {"30项": "labour-competitions", "86场": "skills-contests"}),
    # ... but a skills contest named beside it by its own words stays one (岗位练兵, 技术比武)
    ("深入开展“安康杯”竞赛活动，组织岗位练兵和技术比武28场，参与职工1.2万人次。", {"28场": "skills-contests",
                                                                        "1.2万人次": "competition-participants"}),
    # day-care classes counted in 个; a sum per class is no cover's payout; a legal service room is no studio
    ("今年全市共开设暑期爱心托管班42个，共招收职工子女2,380名。", {"42个": "left-behind-children", "2,380名": "left-behind-children"}),
    ("快递员赵芳的两个孩子今年暑假参加了工会举办的“小候鸟”托管班。", {"两个": None}),  # children counted in 个
    ("在6个乡镇开设职工子女爱心托管班11个。", {"11个": "left-behind-children"}),  # the classes the children attend
    # …but children counted in 个 after the figure are no classes, a class named before them or not
    ("记者看到，这个托管班里有30多个孩子。", {"30多个": None}),
    ("托管班的两个孩子是双胞胎。", {"两个": None}),
    # those who serve the children (志愿者) are no children served; drowning-safety talks are no cultural events;
    # the two cancers named (宫颈癌、乳腺癌) are the check-ups'; the Civil Code's publicity is the law's
    ("开办暑期课堂18个，招募大学生志愿者120名，服务留守儿童2,860人次。", {"120名": None, "2,860人次": "left-behind-children"}),
    ("各课堂同步开展防溺水安全宣讲46场。", {"46场": None}),
    ("组织“国家安全宣讲”12场。", {"12场": "cultural-events"}),
    ("为全县4.2万名妇女开展宫颈癌、乳腺癌免费检查。", {"4.2万名": "health-checks"}),
    ("救助患乳腺癌女职工32名。", {"32名": None}),  # those who have the cancer are patients, not the checked
    ("开展“美好生活·民法典相伴”宣传活动210场。", {"210场": "legal-publicity"}),
    ("开展民法典宣讲进企业活动36场。", {"36场": "legal-publicity"}),  # the Civil Code's talks: no cultural events
    ("按每班1.2万元的标准对托管班给予补助，并为每名入托儿童购买了暑期意外伤害保险。", {"1.2万元": None}),
    ("在市、县两级设立了新就业形态劳动者法律服务工作室8个。", {"8个": "legal-service-stations"}),
    ("在人社局就业服务中心设立职工服务站5个。", {"5个": "worker-clubs"}),  # where the stations are, no job centre counted
    ("在乡镇设立工会就业服务站18个。", {"18个": None}),
    ("在各社区设立就业服务站8个。", {"8个": None}),
    ("全市1,286家基层工会组织开展了职工技能竞赛。", {"1,286家": None}),  # unions, not firms holding contests
    ("全市建有基层工会组织1,286家，覆盖职工52万人。", {"1,286家": "grassroots-unions"}),
    ("平台组织线上读书打卡活动16期。", {"16期": "cultural-events"}),
    ("组织职工观看文明交通宣传片，观看职工1.2万人次。", {"1.2万人次": None}),  # an audience of no cultural event
    ("全国职工书屋示范点（3家）：滕州市机床产业园职工书屋。", {"3家": "workers-libraries"}),
    # a plan word in an earlier clause, the figure's own clause looking back: spent, not planned
    ("市总工会对面积、藏书等提出明确要求，三年来累计投入资金860万元用于书屋新建。", {"860万元": "facility-investment"}),
    # an official's account, a city's totals around a story's cue, a part of a place, committees, mediation, legal talks
    ("他在报告中指出，去年全市新建基层工会326家，发展会员2.1万人。", {"326家": "new-grassroots-unions", "2.1万人": "new-union-members"}),
    ("他带领全市各级工会新建基层工会326家。", {"326家": "new-grassroots-unions"}),
    ("当时，他担任市总工会主席，全市新建基层工会326家。", {"326家": "new-grassroots-unions"}),
    ("县总工会主席李明说，近年来，全县新建基层工会326家，他本人多次带队深入企业。", {"326家": "new-grassroots-unions"}),
    ("今年，市总工会命名劳模创新工作室27个，工作室今年完成技术攻关46项。", {"27个": "innovation-studios"}),
    ("今年以来，我市新建基层工会326家，宗汉街道一家汽车配件企业投资300万元建成职工之家。",
     {"326家": "new-grassroots-unions", "300万元": None}),
    ("全区新建基层工会326家，其中银川市118家、石嘴山市56家，新发展会员2.1万人。",
     {"118家": None, "56家": None, "2.1万人": "new-union-members"}),
    # a whole before its part (，其中…): the part's words name the part, not the whole
    ("全市现有快递员、外卖骑手等新就业形态劳动者约6.8万人，其中工会会员4.2万人。", {"约6.8万人": None, "4.2万人": "union-members"}),
    ("全市新建基层工会女职工委员会56个。", {"56个": None}),
    ("全县新建基层工会126家，同步建立女职工委员会98个。", {"126家": "new-grassroots-unions", "98个": None}),
    ("全市建成劳动争议调解服务站32家。", {"32家": None}),
    ("在企业开展法治宣讲活动120场。", {"120场": "legal-publicity"}),
    # trips home; 吸纳会员; and words that name no union's work (调处 of any dispute, 代理 of any business, 参赛单位 of any game)
    ("全年送农民工平安返乡3.2万人次。", {"3.2万人次": "migrant-homebound-trips"}),
    ("组织3000名农民工安全返乡。", {"3000名": "migrant-homebound-trips"}),
    # one worker's or one studio's record in a profile; the city's studios beside it
    ("1990年进厂以来，他从一名普通维修工成长为技术带头人，先后获得国家发明专利6项。", {"6项": None}),
    ("工作室坚持“师带徒”培养模式，高建军一人就带出了徒弟32名，其中12人成长为技师。", {"32名": None, "12人": None}),
    # 工作室还… alone tells no one studio from a place's studios
    ("全市共有劳模创新工作室56家。工作室还积极开展技能培训，全年培训职工2300人次。", {"2300人次": "skills-training"}),
    ("领衔人李红梅告诉记者，工作室的12名成员都是一线操作工。", {"12名": None}),
    ("全市各级工会还举办培训22期，培训企业职工860人次。", {"22期": "training-sessions", "860人次": "skills-training"}),
    ("罗德明今年58岁，参加工作以来带出徒弟40多名，其中11人成长为高级技师。", {"40多名": None, "11人": None}),  # his own
    ("今年对服务质量不达标的2个基地予以摘牌。", {"2个": None}),  # what failed a standard
    ("全区劳动关系和谐达标企业达到126家。", {"126家": "harmonious-enterprises"}),
    # the second review's cases: what the narrowed rules keep
    ("全市深入开展“五小”活动，“五小”活动成果达1260项。", {"1260项": "innovation-results"}),
    ("组织一线职工到市体检中心免费体检3200人次。", {"3200人次": "health-checks"}),
    ("全年为128名农民工追回涉案工资268万元。", {"268万元": "losses-recovered"}),
    ("全市职工入会率保持在98%以上，职工对工会工作的满意度达97%。", {"98%以上": "unionisation-rate", "97%": None}),
    ("全县每个乡镇（街道）建会率均达到100%。", {"100%": "unionisation-rate"}),
    ("确保零就业家庭至少一人就业，全年举办招聘会18场。", {"18场": "employment-services"}),
    ("班长王强带领的QC小组完成技术革新15项。", {"15项": None}),
    ("截至2023年底，全国范围内已建立职工书屋12万家。", {"12万家": None}),
    ("举办全市职工焊工竞赛，设置竞赛项目5个。", {"5个": "skills-contests"}),
    ("为32名工会专职社会工作者发放生活补助12万元。", {"12万元": None}),
    ("五年提供优秀职工免费疗休养名额8000个、免费体检名额20000个。", {"8000个": "recuperation", "20000个": "health-checks"}),
    ("全区创新工作室完成技术革新项目136项，获得国家专利42件。", {"136项": "innovation-results", "42件": "innovation-results"}),
    ("今年共举办各类读书活动68场，参与职工1.1万人次；举办的职工读书征文比赛共收到征文作品1,860篇。",  # a reading event's
     {"68场": "cultural-events", "1.1万人次": "cultural-participants", "1,860篇": "art-works"}),
    ("不锈钢制品行业协商确定一线职工最低工资标准为每月1,850元，覆盖企业216家、职工1.2万人。",  # an industry's bargaining
     {"1,850元": "negotiated-wage", "216家": "collective-contract-enterprises", "1.2万人": "collective-contract-workers"}),
    # the third review's cases
    ("我市在全国范围内首创“工会+法院”调解模式，全年调解劳动争议案件860件。", {"860件": "dispute-mediation"}),
    ("全县今年18岁至35岁的青年职工有2.6万人，已入会2.1万人。", {"2.1万人": "new-union-members"}),
    ("由市人社局牵头的联合督查小组共为农民工追回工资1200万元。", {"1200万元": "losses-recovered"}),
    ("举办第五届职工篮球赛，设男子、女子等比赛项目6个。", {"6个": None}),
    ("举办全市职工文艺汇演暨职业技能竞赛，设竞赛项目18个。", {"18个": "skills-contests"}),
    ("最高的企业建会率达到98%。", {"98%": None}),  # an extreme, no place's rate
    ("为困难职工发放生活补助86万元。", {"86万元": "hardship-funds"}),
    ("督促建筑企业缴纳欠薪保证金3000万元。", {"3000万元": None}),
    ("为女职工提供免费两癌筛查名额2000个。", {"2000个": "health-checks"}),
    # a labour competition's projects in the same part of the sentence; a skills contest's events after a semicolon
    ("开展“港口生产百日劳动竞赛”，今年设立节能降耗等竞赛项目8个，参赛职工4,200余人次。", {"8个": None}),
    ("全年深入开展劳动竞赛，设立质量提升、技能比拼等竞赛项目12个。", {"12个": None}),  # a skill word, the competition's still
    ("举办职工技能大赛，设置电工、焊工等8个工种，参赛职工412人。", {"8个": "skills-contests"}),  # a contest's trades
    ("组织青年教师教学基本功比赛，设语文、数学等12个学科。", {"12个": "skills-contests"}),  # a teaching contest's subjects
    ("劳动竞赛覆盖采掘、运输等26个工种。", {"26个": None}),  # a labour competition's trades: no contest of skill
    ("全区共有企业职工3万人，涉及12个主要工种。", {"12个": None}),  # trades with no contest
    ("开展职工技能培训，涉及电工、焊工等12个工种，培训职工3000人次。", {"12个": None, "3000人次": "skills-training"}),  # training's trades
    ("组织教师基本功培训，覆盖语文、数学等9个学科。", {"9个": None}),  # training's subjects
    ("举办职工技能大赛和技能培训，设焊工等8个工种。", {"8个": "skills-contests"}),  # a contest named beside the training
    ("深化劳动竞赛，开展各类劳动竞赛1,300项；举办第三届职工职业技能大赛，竞赛项目不少于30个。", {"不少于30个": "skills-contests"}),
    # the fourth review's cases
    ("截至去年底，全国范围内建成职工之家12万个。", {"12万个": None}),  # the nation's
    ("高级技师王海带领的技改小组完成技术革新项目45项。", {"45项": None}),  # one team's
    ("举办第五届职工运动会，设置田径、球类等竞赛项目15个。", {"15个": None}),  # a sports meet's
    ("举办职工文艺汇演，设置声乐、舞蹈等12个竞赛项目。", {"12个": None}),
    ("全市月收入5000元以下职工入会率达95%。", {"95%": "unionisation-rate"}),  # a rate of a group by income
    ("为农民工追回涉案欠薪320万元。", {"320万元": "losses-recovered"}),
    ("通过社工服务站向困难职工发放慰问金8.6万元。", {"8.6万元": "hardship-funds"}),
    ("争取两癌筛查名额500个，设立筛查点22个。", {"500个": "health-checks", "22个": None}),
    # check-ups; the places they are done at and what they found are none
    ("全年为女职工开展“两癌”免费筛查3.2万人次。", {"3.2万人次": "health-checks"}),
    ("在全市7个县（区）设立筛查点22个。", {"22个": None}),
    ("筛查中发现疑似病例186名，均已转诊治疗。", {"186名": None}),
    # wages recovered; the sums at stake and the funds set aside against arrears are none
    ("全年为农民工追回欠薪1,260万元。", {"1,260万元": "losses-recovered"}),
    ("快速审结农民工欠薪仲裁案件126件，涉案金额468万元。", {"468万元": None}),
    ("设立欠薪应急周转金300万元，确保欠薪问题动态清零。", {"300万元": None}),
    # a satisfaction rate after a rate of joining in one item: no rate of joining
    ("职工入会率保持在98%以上，职工对工会工作的满意率力争达到97%以上。", {"98%以上": "unionisation-rate", "97%以上": None}),
    # children of two groups joined (困难职工和农民工子女: 困难…子女), a living allowance for workers in hardship
    ("全年共资助困难职工和农民工子女218名，发放助学金94.2万元。", {"218名": "hardship-children-aid"}),
    ("暑期为农民工子女开办托管班，服务农民工子女320名。", {"320名": "left-behind-children"}),
    ("为生活困难的86名职工发放临时生活补助8.6万元。", {"8.6万元": "hardship-funds"}),
    # innovations counted as 技术革新; one team's, led by a named worker, counted under no metric
    ("全年完成技术革新项目24项，节约维修成本180余万元。", {"24项": "innovation-results"}),
    ("电工班长张志勇带领的班组五年来完成技术革新37项，为企业节约成本1,200余万元。", {"37项": None, "1,200余万元": None}),
    ("全市各级工会带领的创新团队完成技术革新126项。", {"126项": "innovation-results"}),
    # the nation's figures a local report quotes; its honours and ranks, and a report of the nation, keep theirs
    ("据全国总工会统计，截至2023年6月底，全国新就业形态劳动者会员总数已超过1,300万人。", {"超过1,300万人": None}),
    ("2022年全国各级工会共筹集金秋助学资金6.9亿元。", {"6.9亿元": None}),
    ("全县新建全国工会职工书屋示范点3家。", {"3家": "workers-libraries"}),
    # a contest's events counted in 个; not the projects of a labour competition, nor the trades it covers
    ("大赛设置焊工、电工、茶艺师等26个竞赛项目。", {"26个": "skills-contests"}),
    ("在12个省重点项目中开展劳动竞赛。", {"12个": None}),
    ("竞赛覆盖装卸、理货、机械维修等26个工种。", {"26个": None}),
    ("确定劳动竞赛项目56个。", {"56个": None}),  # a labour competition's projects
    ("开展重大工程立功竞赛项目128个。", {"128个": None}),
    ("职工运动会设置篮球、乒乓球、拔河等8个比赛项目。", {"8个": None}),  # a sports meet's events
    ("创业大赛吸引参赛项目186个，评选出优秀项目24个。", {"186个": None, "24个": None}),  # an entrepreneurship contest
    ("完成创新竞赛项目35个。", {"35个": None}),  # an innovation contest's entries, no skills contest
    ("全年开展技术革新、合理化建议活动326次。", {"326次": None}),  # activities held, no results
    ("我市在全国范围内率先开展新就业形态劳动者入会集中行动，累计发展会员5.6万人。", {"5.6万人": "new-union-members"}),
    ("由市总工会主席带领的慰问小组深入基层，走访慰问困难职工1200户，发放慰问金360万元。",
     {"1200户": "hardship-households", "360万元": "hardship-funds"}),
    ("全市职工医疗互助保障活动参保职工达12万人，会员人均报销比例达到85%。", {"85%": None}),  # a rate per head
    # a per-head cue before a rate: the rate of an average, no amount per head
    ("一线职工年人均工资增长6.8%。", {"6.8%": "wage-growth"}),
    ("困难职工每人发放慰问金500元。", {"500元": None}),
    ("春节前，为返乡农民工包车186辆次。", {"186辆次": "migrant-homebound-trips"}),
    ("设立服务点4个，为返乡农民工提供候车休息等服务1.2万人次。", {"1.2万人次": "migrant-homebound-trips"}),
    ("县总工会组织爱心车队护送农民工返乡，共护送返乡农民工860人次。", {"860人次": "migrant-homebound-trips"}),
    ("为1200名农民工免费购买返乡高铁票。", {"1200名": "migrant-homebound-trips"}),
    ("年关将至，县总工会共服务返乡务工人员3200人次。", {"3200人次": "migrant-homebound-trips"}),
    ("开通返乡包机，共接送返乡农民工420人。", {"420人": "migrant-homebound-trips"}),
    # back home for good, no trip: 返乡 names the people trained or lent to, and no season nor vehicle is named
    ("今年以来，共培训返乡农民工3,120人次。", {"3,120人次": "skills-training"}),
    ("为136名返乡农民工发放创业贷款。", {"136名": None}),
    ("新吸纳会员680名。", {"680名": "new-union-members"}),
    # those a cover for new members paid out to are no new members
    ("为新入会的快递员办理了意外伤害保险，今年已有36人获得理赔。", {"36人": None}),
    ("各级综治组织共调处矛盾纠纷1260起。", {"1260起": None}),
    ("公司作为委托代理人参与诉讼案件12件。", {"12件": None}),
    ("职工运动会共有参赛单位48家。", {"48家": None}),
    # studios counted across the place, however named
    ("全市以劳模名字命名的创新工作室达到56个。", {"56个": "innovation-studios"}),
    ("全市新命名的“劳模创新工作室”20个。", {"20个": "innovation-studios"}),
    # one person's story named after the figure in its sentence: the whole sentence is hers
    ("这次走访中，工会干部不仅送来3,000元慰问金，还帮她联系了社区公益岗位。", {"3,000元": None}),
])
def test_a_figure_counts_what_its_own_item_names_and_a_story_or_a_part_counts_no_total(text, wanted):
    found = {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}
    assert {figure: found.get(figure, "missing") for figure in wanted} == wanted


def test_a_workers_turns_in_an_interview_of_them_tell_their_own_record_not_totals():
    turns = ["记者：您带了多少徒弟？", "王丽华：这些年前前后后带了42名徒弟，其中18人已经成了技师。",
             "答：我们工作室先后完成技术革新52项。", "王丽华：全市今年新建劳模创新工作室12个。"]
    doc = doc_of(*turns)
    doc.subtitle = "——访全国劳动模范、细纱车间“丽华创新工作室”领衔人王丽华"
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)} == {
        "42名": None, "18人": None, "52项": None, "12个": "innovation-studios"}  # the city's count stays the city's
    # A model worker heading a unit (供电所所长) is a worker still.
    doc.subtitle = "——访全国劳动模范、国网於潜供电所所长王丽华"
    doc.blocks[2] = Block("paragraph", "王丽华：我先后带出徒弟36名。", 0, "p3")
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}["36名"] is None
    # An interview of an institution's head (职工 in its name): the answers speak for it.
    doc.subtitle = "——访市职工服务中心主任李明"
    doc.blocks[2] = Block("paragraph", "答：今年中心共办理法律援助案件218件。", 0, "p3")
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}["218件"] == "legal-aid-cases"
    # An interview of a union's officer: the answers speak for the union.
    doc.subtitle = "——访红塔区总工会党组书记、常务副主席赵永红"
    doc.blocks[2] = Block("paragraph", "答：今年全区新建基层工会48家。", 0, "p3")
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}["48家"] == "new-grassroots-unions"


def test_a_figures_own_clause_looking_back_undoes_a_plan_word_before_it():
    [spent] = extract_metrics(doc_of("市总工会提出明确要求，三年来累计投入资金860万元。"), TAXONOMY)
    [planned] = extract_metrics(doc_of("市总工会提出明确要求，年内投入资金860万元。"), TAXONOMY)
    assert (spent.kind, planned.kind) == ("actual", "target")
    [next_year] = extract_metrics(doc_of("杨卫民表示，县总工会将继续加强队伍建设，明年再培训协商代表500人次以上。"), TAXONOMY)
    assert next_year.kind == "target"
    [aid] = extract_metrics(doc_of("明年继续开展金秋助学，资助困难职工子女300名。"), TAXONOMY)
    assert aid.kind == "target"  # the plan opens the sentence and runs over the comma
    for done in ("为确保明年再创佳绩，区总工会今年投入资金120万元。", "针对明年要全面推开的集体协商，区总工会今年已培训协商指导员360名。"):
        assert [r.kind for r in extract_metrics(doc_of(done), TAXONOMY)] == ["actual"], done  # 明年 in another clause
    [goal] = extract_metrics(doc_of("力争到年底，全市工会会员总数达到建会以来最多的120万人。"), TAXONOMY)
    assert goal.kind == "target"  # 以来 inside the goal: no looking back


@pytest.mark.parametrize(("text", "metric"), [
    ("全市建设系统工会共受理农民工欠薪投诉2150件。", "rights-petitions"),
    ("全市建成“暖心驿站”236个，年均服务户外劳动者约50万人次。", "rest-stations"),
    ("开展“夏送清凉”活动，为户外劳动者送去防暑降温物品，慰问职工5200余人次。", "summer-cooling-visits"),  # no station
    ("本届大会共征集职工代表提案168件。", "rationalisation-proposals"),
    ("收到书法、摄影、绘画等作品380余件。", "art-works"),
    ("深化三支队伍建设，全集团1,860名群众安全监督员查处隐患。", None),  # 队伍 of no cultural event
    ("组建职工文艺队伍，参与人数2000余人。", "cultural-participants"),
    ("全年新发展团员2,860名。", None),  # the Youth League's members are no union's
    ("开设“职工子女暑期课堂”，共服务职工子女1,300余人次，其中困难职工子女560人次。", "left-behind-children"),
    ("“金秋助学”资助职工子女38名。", "hardship-children-aid"),  # the children served by 金秋助学
    ("目前全市已建成工地书屋12家。", "workers-libraries"),
    ("为5.23万名劳动者追发工资等待遇4.86亿元。", "losses-recovered"),
    ("作出行政处罚决定94份，罚没金额312.8万元。", None),  # fines are no wages recovered
    ("在重点园区设立“劳动维权联合服务站”8个。", "legal-service-stations"),
    ("全省建成工会法律服务站点1,260个，与驿站共建共享。", "legal-service-stations"),
    ("全年资助860名一线职工提升学历。", "education-subsidies"),
    ("完成78家基层工会经费审查审计。", None),  # unions audited, not founded
    ("帮助1.1万名返岗农民工实现就业。", "employment-services"),  # jobs found, no trips home
    ("年内帮助300名下岗职工实现再就业。", "employment-services"),  # jobs found again, no training
    ("今年下拨职工书屋建设补助资金80万元。", "facility-investment"),  # money given to build one
    ("全年为困难职工发放生活补助资金80万元。", "hardship-funds"),  # aid, nothing built
    ("工联劳工事务委员会全年共接获劳工求助个案1,085宗。", "rights-petitions"),  # Macau's wording
    ("成功解决个案1,012宗，解决率93.3%。", "dispute-resolution-rate"),
    ("全年举办会员旅游、康体及文娱活动620场。", "cultural-events"),
    ("工联辖下五间医疗所全年诊症11.2万人次。", None),  # a clinic's consultations are no check-ups
    ("全市86支代表队2,380名运动员参赛。", "cultural-participants"),  # a sports meet's athletes
    ("全年举办职工篮球赛、拔河比赛等文体活动26场，参与职工近3,000人次。", "cultural-participants"),  # sports, not contests
    ("举办全市职工焊工技能大赛，参赛职工520名。", "competition-participants"),
    ("全市共开展职工技能大赛和职工篮球赛等活动，参赛职工达1.2万人次。", "competition-participants"),  # a work contest named too
    ("举办职工篮球赛、拔河比赛，参赛职工1200人次，赛出了技术水平。", None),  # 技术, 岗位, 安康杯 beside a match name no contest
    ("举办“安康杯”职工乒乓球比赛，参赛职工600人。", None),
    ("举办职工篮球赛，参赛职工300人，均为一线岗位职工。", None),
    ("对全市1200名职工开展问卷调查，受访职工中已加入工会的占78%。", None),  # a survey's sample and its shares
    ("对全市1200名职工开展问卷调查。", None),  # the sample itself is no count of members
    ("全市已有1200名快递员加入工会并参加了问卷调查。", "new-union-members"),  # members, who also answered a survey
    ("全市新入会会员3000名接受了抽样调查。", None),  # new members sampled: the sample, not the year's new members
    ("对全市3260户困难职工家庭进行入户调查，建立帮扶档案。", "hardship-households"),  # a check of homes, no survey's sample
    ("组织开展劳动和技术竞赛、职工篮球赛等活动，参赛职工达1.2万人次。", "competition-participants"),  # a work contest's name
    ("开展职工技术创新竞赛和职工篮球联赛，参赛职工2000人次。", "competition-participants"),
    ("开展“安康杯”竞赛和职工拔河比赛，参赛职工3000人次。", "competition-participants"),
    ("举办职工篮球赛，参赛职工300人，提高了职工的身体素质和技能水平。", None),  # 技能 of a skill level, no contest
    # things inspected are no stock; people checked are check-ups; a check that goes on to accept or guide counts
    ("开展“健康体检进企业”活动，共检查职工3,200人次。", "health-checks"),
    ("今年已检查验收新建职工书屋45家。", "workers-libraries"),
    ("今年累计督查指导基层工会组建工会56家。", "grassroots-unions"),
    ("今年共抽查320个基层“职工之家”。", None),
    ("今年共检查320家职工书屋。", None),
    # a venue opening the sentence gives way to the whole place or its union named in the next clause
    ("在一家企业，全区共新建驿站15个。", "rest-stations"),
    ("在北京一家医院，市总工会为1,200名劳模安排了健康体检。", "health-checks"),
    ("在每一家新建会企业，工会都建立了职工书屋，今年新建职工书屋126家。", "workers-libraries"),  # every firm: no venue
    ("全市1,200家企业参与和谐劳动关系企业创建活动。", "harmonious-participants"),
    ("今年评选出市级和谐劳动关系企业56家。", "harmonious-enterprises"),
    ("全年新建模范教工之家12个、教师书屋15个。", "workers-libraries"),
    ("全市已建工会组织中建立女职工委员会的达到4,860个。", None),
    ("全年送农民工平安返乡3.2万人次。", "migrant-homebound-trips"),
    ("开展劳动竞赛56项，参与职工一万八千余人次。", "competition-participants"),  # 参与职工 of a contest
    ("举办讲座和读书分享会86场，参与职工4300余人次。", "cultural-participants"),  # … of a reading event
    ("开展文艺演出、健步走、读书分享等文体活动120余场，参与女职工2.6万人次。", "cultural-participants"),  # women named as such
    ("今年共走访茶企86家，收集职工意见建议260多条。", None),  # views gathered are no rationalisation proposals
    ("全年征集职工合理化建议1,200条。", "rationalisation-proposals"),
    ("为2,400名新入会的货车司机每人办理了一份意外伤害互助保障。", "new-union-members"),  # new members, though insured
    ("全年新入会会员3000名并全部办理意外伤害保险。", "new-union-members"),
    ("计划年底前再发展货车司机等群体会员1,000名以上。", "new-union-members"),  # 发展…等群体会员
    ("通过入会宣传新发展会员980名。", "new-union-members"),  # 入会 of another noun beside members who joined
    ("依托入会联络员新发展会员2100名。", "new-union-members"),
    ("今年新发展会员3,120名，建立了入会台账。", "new-union-members"),
    ("发展快递员等新就业形态群体会员3200名。", "new-union-members"),  # 发展…等…群体会员
    ("举办团干部培训班12期，培训团干部1,500余人次。", None),
    ("今年评选出市级和谐劳动关系企业56家。", "harmonious-enterprises"),
    ("举办协商代表培训班8期，培训职工方协商代表620人次。", "union-cadre-training"),  # the union's negotiators, no skills
    ("在服务站点为户外劳动者免费测血压，今年已开展健康体检18场。", None),  # 康体 inside 健康体检: check-ups' sessions
    ("开展读书分享会、征文比赛等活动86场，参与职工1.2万人次。", "cultural-participants"),  # a reading month's contest of essays
    ("组织女职工技能竞赛23场，评选出“巾帼建功标兵”86名。", None),  # an honour, no entrants
    ("为1.2万名女职工开展免费筛查，对筛查出的56名患病女职工送去慰问金。", None),  # what was found, not who was checked
    ("职工扫码就能免费阅读3万多册电子图书。", None),  # e-books an online library holds, no books given
    ("全年全市工会用于困难职工帮扶的资金1,260万元。", "hardship-funds"),
    ("为31户困难劳动者家庭发放帮扶资金9.3万元。", "hardship-funds"),
    ("街道为31户困难劳动者家庭送去慰问品。", "hardship-households"),
    ("城乡居民基本养老保险参保人数达到23.6万人，参保率稳定在95%以上。", None),  # a pension scheme's rate
    ("职工基本养老保险全覆盖，职工医疗互助参保率达到95%。", "medical-mutual-aid-participants"),
])
def test_complaints_people_served_motions_and_works(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)][-1] == metric


@pytest.mark.parametrize(("text", "wanted"), [
    ("今年共抽查基层“职工之家”320个，对管理不到位的15个“职工之家”限期整改，对仍不达标的3个予以摘牌。",
     [("320个", None), ("15个", None), ("3个", None)]),
    ("今年共检查企业320家，督促15家企业整改履约问题。", [("320家", None), ("15家", None)]),
    ("区总工会对集体合同履行情况开展专项检查，督促42家企业整改。", [("42家", None)]),  # the clause ends on 整改
    ("今年已对15家书屋进行复查，对21家书屋下发整改通知。", [("15家", None), ("21家", None)]),
    ("去年复查中，有9个职工之家被摘牌，另有4个被撤销命名。", [("9个", None), ("4个", None)]),
    ("今年新建职工书屋26家，为职工开展健康检查3,200人次。", [("26家", "workers-libraries"), ("3,200人次", "health-checks")]),
    ("联合督查小组共为农民工追回工资1200万元。", [("1200万元", "losses-recovered")]),  # a team that checks, no object checked
    ("项目工会开展监督检查，督促整改问题96个。", [("96个", None)]),  # problems put right, no unions
    ("劳动法律监督委员会发现问题46个，已全部整改到位。", [("46个", None)]),
])
def test_things_inspected_or_sanctioned_are_counted_under_no_metric(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


def test_a_figure_whose_clause_names_what_it_counts_looks_no_further_than_the_next_clause():
    text = "改造提升井口职工食堂和浴室21处，为井下职工提供班中餐，新建“职工驿站”15个。"
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("21处", None), ("15个", "rest-stations")]
    # A figure with no words of its own before it still reads the rest of its sentence.
    text = "培训渔嫂640人次，其中86人，都取得了相应的职业技能等级证书。"
    assert extract_metrics(doc_of(text), TAXONOMY)[-1].metric is not None


def test_total_counts_the_same_thing_as_the_figure_before_it():
    records = extract_metrics(doc_of("“新杭州人文化家园”1家，累计14家。"), TAXONOMY)
    assert [r.label for r in records] == ["新杭州人文化家园", "新杭州人文化家园"]


def test_period_is_the_year_stated_in_sentence_or_paragraph():
    records = extract_metrics(doc_of("2014年，市总工会开展劳动竞赛。收集意见建议2291条。", "全年慰问困难职工448户。"), TAXONOMY)
    assert [(r.text, r.period) for r in records] == [("2291条", "2014"), ("448户", None)]


def test_period_span():
    assert extract_metrics(doc_of("2013~2017年，共培育工人先锋号468家。"), TAXONOMY)[0].period == "2013–2017"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("计划资助40名优秀外来务工人员上大学。", "target"),
        ("到2026年底，建成“爱心驿站”20个。", "target"),
        ("未来五年开展宣讲活动200场以上。", "target"),
        ("力争新建职工书屋30家。", "target"),
        ("要求每年组织10项以上市级职业技能竞赛。", "target"),
        ("按照全总的要求，签订集体合同企业1120家。", "actual"),
        ("实施农民工圆梦计划“五大行动”，新建职工书屋399家。", "actual"),
        ("五年来，共签订集体合同7885份。", "actual"),
    ],
)
def test_kind_from_sentence(text, kind):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].kind == kind


def test_outlook_section_makes_targets_until_the_next_section():
    doc = doc_of("新增会员5328名。", "培养100名一线高技能人才。", "举办培训12期。",
                 headings={1: (2, "回顾篇"), 2: (2, "展望篇"), 3: (2, "附记")})
    assert [r.kind for r in extract_metrics(doc, TAXONOMY)] == ["actual", "target", "actual"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("明年县总工会将再建“司机之家”4个。", ["target"]),
    ("“明年，我们将继续把服务送到职工身边，再建设爱心驿站30个以上。”主席说。", ["target"]),
    ("今年建成“司机之家”12个，明年将再建4个。", ["actual", "target"]),
    ("全年建成“司机之家”12个。", ["actual"]),
    ("全年为青年创业者争取创业担保贷款2,860万元。", ["actual"]),  # loans obtained, no plan
    ("下半年还将组织1,500名一线职工参加疗休养。", ["target"]),  # 还将组织: to come
    ("市总工会要求每条线路都安排健康体检，今年已为职工免费健康体检2,100人次。", ["actual"]),  # a rule, then what was done
    ("市总工会要求各地加快建设职工书屋，现已建成12家。", ["actual"]),  # 现已: done
    # 已 describing what the goal is about (已建会企业: firms that have a union), the goal still ahead
    ("县总工会要求，已建会企业职工入会率要达到90%以上。", ["target"]),
    ("力争到年底，已建会企业集体合同签订率达到95%以上。", ["target"]),
    ("市总工会要求，已开展工资集体协商的企业覆盖职工要达到3万人。", ["target"]),
    ("市总工会高度重视驿站建设，已发文要求各县区年内新建驿站30个。", ["target"]),  # a requirement after 已
    ("2024年，区总工会将新建“妈咪小屋”20个以上。", ["target"]),  # a year by number, then 将 before a verb
    ("2023年，区总工会将职工书屋建设作为重点，新建书屋12家。", ["actual"]),  # 将 before an object: what was done
    # 将 as 把 before a verb phrase that is its object, in a past year's summary: what was done
    ("2023年，区总工会将开展女职工“两癌”筛查列入重点工作，全年筛查8,600人。", ["actual"]),
    ("2023年，区总工会将新建“妈咪小屋”列入为职工办实事项目，全年新建26个。", ["actual"]),
    ("2023年，区总工会将开展劳动竞赛与职工技能提升结合起来，全年培训职工3,000人次。", ["actual"]),
    ("2022年，县总工会将再就业培训送进社区，培训下岗职工800人次。", ["actual"]),
    ("2021年，市总工会将新建的15个驿站全部向外卖骑手开放。", ["actual"]),
    ("2023年，市总工会将投入使用的20个驿站全部接入服务平台，服务职工5万人次。", ["actual", "actual"]),
    ("2023年5月区总工会将开展的职工技能比武推向高潮，参赛职工1,200名。", ["actual"]),
    ("2025年，市总工会将新建户外劳动者服务站50个。", ["target"]),
    ("今年，县总工会还将组织的温暖送到1,200名困难职工家中。", ["actual"]),  # 将 as 把: the organisation's warmth, sent
    ("今年，市总工会将组织触角延伸到新就业形态群体，新建基层工会128个。", ["actual"]),
    ("今年县总工会也将组织生活会开到基层一线28场。", ["actual"]),  # 组织生活会: a noun
    ("县总工会争取银行贴息贷款1,200万元。", ["actual"]),
    ("区总工会争取通辽市总工会下拨资金42万元。", ["actual"]),  # an allocation got from the body above
    ("争取中央专项彩票公益金和省级配套资金486万元，为全市1.8万名农村适龄妇女免费开展“两癌”检查。", ["actual", "actual"]),
    ("据悉，市总工会计划年底前再建成“司机之家”20家。", ["target"]),  # a plan for the year's end
    ("县总工会争取省总工会拨付帮扶资金60万元。", ["actual"]),
    ("争取年内发放创业担保贷款3,000万元。", ["target"]),  # a goal of lending, no loans got
    ("下一步，争取到年底新增贷款5,000万元。", ["target"]),
    ("对照省总工会下达的目标任务要求，今年要新建基层工会50家。", ["target"]),  # the year's work to do
    ("今年共新建职工驿站20个，年内还要培训职工3,000人次。", ["actual", "target"]),
])
def test_what_next_year_will_bring_is_a_target(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize(("heading", "kind"), [
    ("二、2023年工作安排", "target"), ("2024年工作计划", "target"), ("下一步工作思路", "target"), ("下一步打算", "target"),
    ("三、存在的问题和下一步打算", "target"), ("五、存在问题及2024年工作安排", "target"),  # the plan after the problems
    ("三、明年重点工作安排", "target"), ("2025年主要工作安排", "target"), ("做好重点工作安排部署", "actual"),
    ("一、创新工作思路，建会入会取得新突破", "actual"),  # it only mentions a plan's word
    ("统筹工作安排，服务大局", "actual"), ("夯实基础，为下一步工作打下坚实基础", "actual"),
    ("2024年民生保障重点", "target"), ("三、2023年工作重点", "target"),  # a year's priorities
    ("二、2023年重点工作完成情况", "actual"),  # how the priorities went
])
def test_a_heading_naming_a_work_plan_makes_targets(heading, kind):
    doc = doc_of("新增会员5328名。", "一是新建“妈咪小屋”30个。", headings={2: (2, heading)})
    assert [r.kind for r in extract_metrics(doc, TAXONOMY)] == ["actual", kind]


@pytest.mark.parametrize(("text", "figures"), [
    ("在全市120个重点工程中开展立功竞赛。", [("120个", None)]),  # key projects: counted, under no metric
    ("把这作为两项重点工程来抓。", []),  # rhetoric
    ("帮助企业数十家解决难题。", []),  # vague, after a noun too
])
def test_key_projects_and_vague_counts_after_nouns(text, figures):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == figures


def test_list_of_goals_is_target_when_one_item_says_so():
    blocks = [Block("heading", "善作善成", 2), Block("item", "未来五年开展宣讲活动200场以上", 0, "p1"),
              Block("item", "五年推选区级劳模不少于20名", 0, "p2")]
    records = extract_metrics(Document(title="t", blocks=blocks), TAXONOMY)
    assert [(r.kind, r.approx) for r in records] == [("target", "over"), ("target", "at_least")]


def test_each_list_is_a_target_only_when_one_of_its_own_items_says_so():
    blocks = [Block("item", "举办培训12期", 0, "p1"), Block("item", "力争新建驿站20家", 0, "p2"),
              Block("paragraph", "服务职工300人次。", 0, "p3"), Block("item", "建成书屋8家", 0, "p4")]
    records = extract_metrics(Document(title="t", blocks=blocks), TAXONOMY)
    assert [(r.anchor, r.kind) for r in records] == [("p1", "target"), ("p2", "target"), ("p3", "actual"),
                                                     ("p4", "actual")]


# --- anchors and restatements ---------------------------------------------------------------


def test_anchors_lead_paragraphs_and_captions():
    doc = doc_of("新增会员5328名。", lead="全市25万职工群众建功立业。",
                 figures=[FigureCaption("2015年建立企业冠名爱心基金2000万元", "p1")])
    records = extract_metrics(doc, TAXONOMY)
    assert [(r.anchor, r.caption) for r in records] == [("lead", False), ("p1", False), ("fig1", True)]
    assert records[2].period == "2015"


def test_restated_figure_is_one_record_with_both_anchors():
    opening = "全市基层工会组织达到2.58万家，涵盖单位11.82万个，工会会员440.18万名……"
    body = "截至9月底，全市基层工会组织达到2.58万家，涵盖单位11.82万个，工会会员440.18万名。"
    records = extract_metrics(doc_of(opening, "举办培训12期。", body), TAXONOMY)
    assert [(r.text, r.anchor, r.also_at) for r in records] == [
        ("2.58万家", "p1", ["p3"]), ("11.82万个", "p1", ["p3"]), ("440.18万名", "p1", ["p3"]), ("12期", "p2", []),
    ]


def test_same_number_of_different_things_stays_apart():
    text = "拥有全国模范职工之家2家，全国模范职工小家2家，浙江省模范职工小家2家。"
    assert len(extract_metrics(doc_of(text), TAXONOMY)) == 3


# --- unseen reports of the same genre ---------------------------------------------------------


UNSEEN = [
    ("2019年，宁波市鄞州区总工会新建基层工会126家，新发展会员1.2万名，工会会员总数达到约38万名；"
     "全年共走访慰问困难职工家庭2300余户，发放帮扶资金586.5万元。",
     [("126家", 126, "家"), ("1.2万名", 12000, "名"), ("约38万名", 380000, "名"),
      ("2300余户", 2300, "户"), ("586.5万元", 5865000, "元")]),
    ("温州市总工会坚持“两个全覆盖”，第三届职工技能大赛共设18个工种，吸引两千余名选手参赛，"
     "其中35人获评“温州工匠”，百分之六十的获奖者来自非公企业。",
     [("18个", 18, "个"), ("两千余名", 2000, "名"), ("35人", 35, "人"), ("百分之六十", 60, "%")]),
    ("今后三年，县总工会力争建成职工书屋不少于60家、户外劳动者服务站点120个，"
     "每年组织一线职工免费体检3000人次以上，确保困难职工帮扶覆盖率达到100%。",
     [("不少于60家", 60, "家"), ("120个", 120, "个"), ("3000人次以上", 3000, "人次"), ("100%", 100, "%")]),
]


@pytest.mark.parametrize(("text", "expected"), UNSEEN)
def test_unseen_paragraphs(text, expected):
    assert figures(text) == expected


def test_unseen_targets_and_metrics():
    records = extract_metrics(doc_of(UNSEEN[2][0]), TAXONOMY)
    assert {r.kind for r in records} == {"target"}
    assert [r.metric for r in records][:3] == ["workers-libraries", "rest-stations", "health-checks"]


# --- invariants -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="一二三五十百千万两家个名人次元%，。；近余多以上年的职工书屋会员2.58“”第", max_size=40), max_size=4))
def test_every_record_quotes_its_paragraph_and_output_is_deterministic(paragraphs):
    doc = doc_of(*paragraphs)
    records = extract_metrics(doc, TAXONOMY)
    assert records == extract_metrics(doc, TAXONOMY)
    texts = {b.id: b.text for b in doc.blocks}
    for record in records:
        assert record.text in texts[record.anchor]
        assert all(record.text in texts[a] for a in record.also_at)


# --- the seeds against the hand-labelled gold -------------------------------------------------


def _key(text: str, value: float, unit: str) -> tuple[str, float, str]:
    """Compare printed text modulo full/half-width forms (structure may normalise brackets)."""
    return unicodedata.normalize("NFKC", text), float(value), unit


def seed_scores() -> dict[str, tuple[int, int, int, int]]:
    """Per seed: (gold found, gold total, extracted right, extracted scored)."""
    scores = {}
    for stem, gold in GOLD.items():
        doc = recover_document((ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"))
        records = extract_metrics(doc, TAXONOMY)
        required = Counter(_key(g["text"], g["value"], g["unit"]) for g in gold if not g.get("optional"))
        optional = Counter(_key(g["text"], g["value"], g["unit"]) for g in gold if g.get("optional"))
        got = Counter(_key(r.text, r.value, r.unit) for r in records)
        found = sum((required & got).values())
        scored = sum((got - optional).values())
        right = sum(((got - optional) & required).values())
        scores[stem] = (found, sum(required.values()), right, scored)
    return scores


def test_seed_recall_and_precision_at_least_95_percent():
    scores = seed_scores()
    found, total, right, scored = (sum(s[i] for s in scores.values()) for i in range(4))
    assert found / total >= 0.95, scores
    assert right / scored >= 0.95, scores
    for stem, (f, t, r, s) in scores.items():
        assert f / t >= 0.9 and r / max(s, 1) >= 0.9, (stem, scores[stem])


def test_seed_targets_and_approx_match_gold():
    for stem, gold in GOLD.items():
        doc = recover_document((ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"))
        records = {_key(r.text, r.value, r.unit): r for r in extract_metrics(doc, TAXONOMY)}
        for g in gold:
            record = records.get(_key(g["text"], g["value"], g["unit"]))
            if record is not None:
                assert (record.kind, record.approx) == (g.get("kind", "actual"), g.get("approx")), (stem, g)


# --- an independent check: two seeds labelled blind, from the raw text ------------------------

BLIND = yaml.safe_load((Path(__file__).parent / "data" / "seed_figures_blind.yml").read_text(encoding="utf-8"))


def blind_comparison() -> dict[str, int]:
    """Counts for the blind gold: figures found, required, extracted right, extracted scored, ids right."""
    counts = Counter()
    for stem, gold in BLIND.items():
        doc = recover_document((ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"))
        records = extract_metrics(doc, TAXONOMY)
        pending: dict[tuple, list[dict]] = {}
        for g in gold:  # same text, value and unit: paired in reading order
            pending.setdefault(_key(g["text"], g["value"], g["unit"]), []).append(g)
        for record in records:
            matches = pending.get(_key(record.text, record.value, record.unit))
            if not matches:
                counts["scored"] += 1  # extracted, but not a figure of the gold
                continue
            g = matches.pop(0)
            if g.get("optional"):
                continue
            counts["scored"] += 1
            counts["right"] += 1
            counts["ids_right"] += record.metric == g["metric"]
        counts["required"] += sum(1 for g in gold if not g.get("optional"))
    counts["found"] = counts["right"]
    return dict(counts)


def test_blind_seed_figures_recall_and_precision_at_least_95_percent():
    counts = blind_comparison()
    assert counts["found"] / counts["required"] >= 0.95, counts
    assert counts["right"] / counts["scored"] >= 0.95, counts


def test_blind_seed_metric_ids_mostly_right():
    # reported, not tuned: the share of found figures whose metric id matches the blind gold
    counts = blind_comparison()
    assert counts["ids_right"] / counts["found"] >= 0.85, counts


# --- labels, periods and classification on phrasings of unseen reports --------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("全市7个县（市、区）总工会完成改革。", "县（市、区）总工会"),  # brackets kept whole
        ("走访慰问困难职工530户，发放慰问金和物资180万元。", "慰问金和物资"),  # 慰问 in 慰问金 is no verb
        ("网上受理咨（下转第4版）询1800余件。", "网上受理咨询"),  # a jump note is not part of the label
        ("1260名选手晋升技术等级。", "选手"),  # the noun counted, cut at the verb after it
    ],
)
def test_label_is_the_counted_noun_phrase(text, label):
    assert extract_metrics(doc_of(text), TAXONOMY)[-1].label == label


@pytest.mark.parametrize(("raw", "label"), [("经济效益1", "经济效益"), ("互助金2", "互助金"), ("（人）", ""),
                                            ("区）总工会", "总工会"), ("县（市", "县")])
def test_clean_label_drops_number_pieces_and_stray_brackets(raw, label):
    assert clean_label(raw, default_rules()) == label


def test_period_is_not_taken_from_another_sentence_of_the_paragraph():
    text = "文工团成立以来，创作文艺精品100余个。仅2015年，创作节目12个。"
    assert [r.period for r in extract_metrics(doc_of(text), TAXONOMY)] == [None, "2015"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("全市职工医疗互助参保人数达到68万人。全年补助2.9万人次，补助金额5600万元。", "medical-mutual-aid-payouts"),
        ("全年为3.8万人次患病职工发放互助金9800万元。", "medical-mutual-aid-payouts"),
        ("新发展货车司机、快递员等新就业形态会员86万名。", "new-union-members"),
        ("为5.6万名女职工开展免费“两癌”筛查。", "health-checks"),
        ("帮助农民工追讨欠薪4100余万元。", "losses-recovered"),
        ("市总工会全年筹集送温暖资金2860万元。", "hardship-funds"),
        ("走访慰问全国、省部级劳模156人次。", "model-worker-aid"),
        ("培训农民工420人，其中186人实现了就业。", "employment-services"),  # 了 inside the alias
        ("其中36名下岗女职工通过培训实现了再就业。", "employment-services"),
        ("市总工会为学员资助学费123.6万元。", "education-subsidy-funds"),  # 学费, not 助学 across 资助|学费
        ("全年举办培训班58期，培训工会干部和职工6,420人次。", None),  # cadres and workers together
        ("培训工会干部和职工方协商代表420人次。", "union-cadre-training"),  # the negotiators of both sides
        ("另有186名职工在预赛中取得高级工职业资格。", "skills-promotions"),  # what came of the heats
        ("举办12个工种职业技能竞赛，3,600余名职工参加各级预赛。", "competition-participants"),  # a contest's heats
    ],
)
def test_metric_of_the_last_figure(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[-1].metric == metric


@pytest.mark.parametrize(("text", "metrics"), [
    ("计划再培训工会维权志愿者200名。", [None]),  # volunteers readied, no workers' skills
    ("各级工会开办“安全大讲堂”126场，培训职工2.1万人次。", ["training-sessions", "skills-training"]),  # safety training
    ("一年来共回访2,900余人次，受理服务投诉11件。", [None, None]),  # a union service's call-backs and complaints
    ("全年受理职工投诉326件。", ["rights-petitions"]),
    ("参加技能培训的职工中，有58人在市级职业技能竞赛中获奖。", [None]),  # prize winners among trainees
    ("邀请全国劳动模范、南粤工匠等36名劳模工匠走上讲台。", [None]),  # invited to teach, none named
    ("建立由劳模工匠和工会干部组成的兼职教师库，入库教师68名。", [None]),  # teachers, none named
    ("“司机之家”配备充电桩12个，全区建成“司机之家”46个。", [None, "rest-stations"]),  # a station's equipment
    ("全市新评选市级劳模36名。", ["model-workers"]),
    ("全年共为4.2万名会员发放生日蛋糕券。", [None]),  # members served
    ("全市现有工会会员4.2万名。", ["union-members"]),
])
def test_members_given_gifts_volunteers_winners_invitees_and_a_service_s_complaints_count_nothing(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


def test_an_amount_per_recipient_or_an_extreme_is_kept_under_no_metric():
    records = extract_metrics(doc_of("对深度困难职工家庭，每户发放慰问金2000元。最高单笔补助达到3.2万元。全年发放慰问金412万元。"), TAXONOMY)
    assert [(r.text, r.metric) for r in records] == [("2000元", None), ("3.2万元", None), ("412万元", "hardship-funds")]


def test_a_date_opening_the_clause_is_no_part_of_the_label():
    records = extract_metrics(doc_of("2016年全区新发展工会会员5.6万名，1至11月共接待职工来访1260件次。2019年度全区新建书屋56家。"), TAXONOMY)
    assert [(r.text, r.label) for r in records] == [("5.6万名", "新发展工会会员"), ("1260件次", "职工来访"), ("56家", "新建书屋")]


def test_the_top_of_a_range_counts_what_its_bottom_does():
    records = extract_metrics(doc_of("对困难职工家庭发放慰问金2000元至5000元不等。"), TAXONOMY)
    assert [(r.text, r.label) for r in records] == [("2000元", "慰问金"), ("5000元", "慰问金")]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("镇总工会依托职工书屋组建职工读书会、摄影协会等文体社团23个。", {"workers-libraries"}),
        ("全区调解委员会组建率达到85%以上。", {"unionisation-rate"}),
        ("力争新建工会驿站20个。", {"new-grassroots-unions"}),
        ("今年全区工会共代理劳动仲裁案件74件、诉讼案件31件。", {"dispute-mediation"}),
        ("三台县选手获得二等奖1项、三等奖2项。", {"skills-contests"}),
        ("每季度轮换图书一次，单次轮换图书约3.5万册。", {"books-donated"}),
    ],
)
def test_figures_of_neighbouring_things_are_not_counted_under_a_metric(text, wrong):
    assert not {r.metric for r in extract_metrics(doc_of(text), TAXONOMY)} & wrong


def test_a_year_compared_with_is_not_the_figures_period():
    records = extract_metrics(doc_of("2019年，参保职工达到6.3万人，比2015年底增加2.1万人，参保单位860家。"), TAXONOMY)
    assert [(r.text, r.period) for r in records] == [("6.3万人", "2019"), ("2.1万人", "2019"), ("860家", "2019")]


def test_twice_written_er_ci_before_a_verb_still_counts():
    assert figures("市总工会先后二次召开专题会议。") == [("二次", 2, "次")]


def test_a_year_compared_after_it_is_not_the_figures_period():
    records = extract_metrics(doc_of("2019年，参保职工达到6.3万人，与2015年相比增加2.1万人。"), TAXONOMY)
    assert [(r.text, r.period) for r in records] == [("6.3万人", "2019"), ("2.1万人", "2019")]


def test_the_later_items_of_a_list_of_plans_after_a_colon_are_targets():
    text = "2020年，将重点抓好以下工作：力争新发展会员10万名以上；新建户外劳动者服务站300个；困难职工解困率稳定在90%以上。"
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == ["target", "target", "target"]
    # Items with no plan word before them stay what they are; so does a figure before the colon.
    text = "全年建成驿站120个，工作如下：新建书屋30家；培训职工5000人次。"
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == ["actual", "actual", "actual"]


def test_a_sessions_name_is_no_count():
    records = extract_metrics(doc_of("自治区总工会十二届五次全委会提出，先后召开五次会议。"), TAXONOMY)
    assert [r.text for r in records] == ["五次"]  # 召开五次会议 is a count


@pytest.mark.parametrize(("text", "figures"), [
    ("读者捐赠了几十本书，书屋藏书3000册。", ["3000册"]),  # 几十: a few dozen
    ("律师每周一至周五轮流到中心值班，全年接待职工咨询640人次。", ["640人次"]),  # weekdays, not five rounds
    ("现场有数百名职工参加，其中劳模120名。", ["120名"]),  # 数百: several hundred
    ("全市参保人数十万人。", ["十万人"]),  # 人数 is a noun: 十万人 is counted
    ("有了这套装置，一个人就能干过去三个人的活，全年为职工办实事120件。", ["120件"]),  # a measure of work
    ("经过三轮调解，企业最终结清工资，全年调解劳动争议86件。", ["86件"]),  # after three rounds: how a case went
    ("每个行业的协商都经过两轮以上。镇行业工会已进行了七轮协商。", ["七轮"]),  # rounds held are counted
    ("钢筋工谭三元告诉记者，他和工友被拖欠的4.6万元工资已追回。", ["4.6万元"]),  # 谭三元 is a name
    ("工人李五元说，每月补贴五百元。", ["五百元"]),
    ("严格落实中央八项规定精神，全年开展督查12次。", ["12次"]),  # a policy's name
    ("调解员三次上门做工作，全年调解劳动争议86件。", ["86件"]),  # how often in one case
    ("深化“群监员、安全网员、协管员”三支队伍建设，组建了5支文艺队伍。", ["5支"]),  # the list restated
    ("在全国大赛中获得前三名，东莞居全省前5位，专项行动为期两个半月，受理案件2,846宗。", ["2,846宗"]),  # ranks, a span
])
def test_vague_numbers_are_no_figures(text, figures):
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY)] == figures


@pytest.mark.parametrize(("text", "figures"), [
    ("全年开工建设12个重点项目。", ["12个"]),  # the projects are counted
    ("组织560名重点优抚对象免费体检。", ["560名"]),  # people counted, 重点 before them
    ("紧紧围绕四个重点开展工作。", []),  # a count of priorities: rhetoric
    ("晋江市在62个重点站点设立了法律服务角。", ["62个"]),  # places qualified by 重点
    ("在全市15个重点驿站开展送清凉活动。", ["15个"]),
    ("在8个重点乡镇（街道）新建基层工会56家。", ["56家"]),  # towns: no count of them here
    ("抓住三个重点环节推进工作。", []),
])
def test_an_abstract_word_qualifying_a_thing_leaves_a_count(text, figures):
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY)] == figures


@pytest.mark.parametrize(("text", "figures"), [
    ("对评议满意率低于80%的职工之家限期整改，全年整改21家。", ["21家"]),  # a bound on the homes told to mend
    ("对日均服务不足5人次的站点进行调整，调整撤并站点23个。", ["23个"]),
    ("服务10人次以上的站点有86个。", ["86个"]),
    ("在去年新建126个的基础上，今年又新建驿站58个。", ["126个", "58个"]),  # a figure stated, then built on
    ("按每个站点每年不低于5000元的标准给予运行补助。", ["不低于5000元"]),  # a standard: a figure of the report
    ("每年，全市80%以上的企业开展技能竞赛。", ["80%以上"]),  # a share of the firms, no rate bounded
    # the amount of the very thing the noun after 的 is: money, people; a rate's stated level; a standard per head
    ("累计投入超过500万元的帮扶资金。", ["超过500万元"]),
    ("为职工追回超过300万元的欠薪。", ["超过300万元"]),
    ("超过3,000名的职工参加了比赛。", ["超过3,000名"]),
    ("组建了一支超过2,000人的职工志愿者队伍。", ["超过2,000人"]),
    ("入会率保持在90%以上的较高水平。", ["90%以上"]),
    ("建会率稳定在95%以上的良好态势。", ["95%以上"]),
    ("每户不少于2000元的慰问金。", ["不少于2000元"]),
    ("再给予每人1万元以内的救助。", ["1万元以内"]),
    ("新增会员超过5,000人的县区有6个。", ["6个"]),  # a bound on the counties counted
    # the next phrase's word is no stated noun; a noun qualifying another is no head; 每次 is no standard per head
    ("对入会率低于50%的企业要求年内整改。", []),
    ("对职工人数超过200人的企业要求建立职代会制度。", []),
    ("对参与人数超过1000人的群众性文体活动给予补贴。", []),
    ("对涉及金额超过10万元的欠薪案件实行挂牌督办。", []),
    ("对每次参加人数不足10人的活动不予补贴。", []),
])
def test_a_figure_bounding_the_noun_it_qualifies_is_a_threshold_not_a_figure(text, figures):
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY)] == figures


@pytest.mark.parametrize("text", [
    "全县在档困难职工家庭218户。全年新纳入建档41户，有六十三户通过帮扶实现解困脱困。",
    "今年已有126户实现解困脱困。",
])
def test_households_lifted_out_of_hardship_or_newly_recorded_are_hardship_households(text):
    assert {r.metric for r in extract_metrics(doc_of(text), TAXONOMY)} == {"hardship-households"}


@pytest.mark.parametrize("text", [
    "区总工会为3,400名快递员、外卖送餐员办理了互助保障。",
    "全区8,900余名职工参加重大疾病互助保障。",
    "职工互助保障参保人数达到6.3万人。",
])
def test_members_of_a_unions_mutual_aid_scheme_are_its_participants(text):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == ["medical-mutual-aid-participants"]


@pytest.mark.parametrize(("text", "metric"), [
    ("为1,800名住院职工给付互助保障补助。", "medical-mutual-aid-claims"),  # those paid
    ("互助保障理赔856人次。", None),  # claims settled: no participants (nor, by 理赔 alone, the medical claims)
    ("参加医疗互助的职工12万人，全年理赔8,600人次。", None),
    ("开展互助保障政策宣讲，覆盖职工5,000余人。", None),  # an audience
    ("全区有互助保障工作人员12名。", None),  # staff
    ("全省已有38.6万名新就业形态劳动者参加了工会专属职业伤害互助保障。", None),  # another cover
])
def test_those_a_mutual_aid_scheme_paid_taught_or_employs_are_not_its_participants(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)][-1] == metric


@pytest.mark.parametrize(("text", "metric"), [
    ("职工意外伤害互助保障理赔320人次。", None),  # other covers' claims
    ("女职工安康互助保险赔付56人次。", None),
    ("开展互助保障活动。“夏送清凉”受益职工2.3万人次。", "summer-cooling-visits"),  # a campaign's beneficiaries
])
def test_claims_of_other_covers_and_a_campaigns_beneficiaries_are_no_mutual_aid_claims(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == [metric]


@pytest.mark.parametrize("text", [
    "纳入建档立卡贫困户2,300户，结对帮扶120户。",  # the rural poverty register
    "帮助1,200户小微企业和个体工商户纾困解困。",  # firms and shops
    "推动35户困难企业脱困。",
    "新建档案，为280户职工建立健康档案。",  # records
])
def test_firms_shops_and_the_rural_register_are_no_hardship_households(text):
    assert "hardship-households" not in {r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}


@pytest.mark.parametrize("text", ["全市共有建档立卡困难职工1,235户。", "走访慰问困难企业职工家庭360户。"])
def test_workers_households_on_the_unions_register_or_of_firms_in_difficulty_are_hardship_households(text):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == ["hardship-households"]


@pytest.mark.parametrize(("text", "metrics"), [
    ("获评全国职工书屋示范点的有9家，自治区级示范点31家，市级示范点86家。", ["workers-libraries"] * 3),
    ("建成职工之家示范点30家，其中市级示范点12家。", ["workers-homes"] * 2),
    ("全市建成工资集体协商示范点12家，省级示范点5家。", ["wage-negotiation-models"] * 2),
    # an item of another kind between ends the list: the rank is of no noun named (worker clubs, as before)
    ("建成职工书屋示范点40家，新建户外劳动者服务站点120个，打造省级示范点5个。",
     ["workers-libraries", "rest-stations", "worker-clubs"]),
])
def test_a_rank_of_model_points_whose_noun_the_list_leaves_out_takes_it_from_the_item_before(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "wanted"), [
    # contestants who compete side by side (同台竞技, 同场竞技) or in a contest's bouts (比拼) take part in it
    ("来自全县32家企业的116名电工同台竞技，经过理论考试和实操比拼，最终评出一等奖2名、二等奖4名。",
     [("32家", None), ("116名", "competition-participants"), ("2名", None), ("4名", None)]),
    ("12支代表队、48名选手在故障查找等项目上同场竞技。", [("12支", None), ("48名", "competition-participants")]),
    ("126名外卖送餐员参加了电动自行车维修等项目的比拼。", [("126名", "competition-participants")]),
    # prize winners are no entrants
    ("举办青年教师教学基本功比赛，参赛教师3,200名，评出一等奖186名。",
     [("3,200名", "competition-participants"), ("186名", None)]),
])
def test_contestants_side_by_side_take_part_and_prize_winners_do_not(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    # spectators of a contest side by side are no entrants
    ("来自全市的36支代表队同台竞技，吸引观众2,000余人。", [("36支", None), ("2,000余人", None)]),
    ("来自28家企业的126名选手同台竞技，3,000余名职工现场观摩。",
     [("28家", None), ("126名", "competition-participants"), ("3,000余名", None)]),
    # a prize named after the figure
    ("现场比拼激烈，12名选手获得一等奖。", [("12名", None)]),
    # 比拼 as a verb of vying in work or service is no contest's bout: the people served are no entrants
    ("开展“亮服务、比拼业绩”活动，服务职工3.6万人次。", [("3.6万人次", None)]),
    ("各网点比拼服务质量，惠及职工2.6万人次。", [("2.6万人次", None)]),
    ("全省1.2万名职工参加了各类比拼，其中12名选手获全国一等奖。", [("1.2万名", "competition-participants"), ("12名", None)]),
])
def test_spectators_prize_winners_and_the_served_are_no_entrants_of_a_contest(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    # the boxes and vans that bring a library's books are no library
    ("全市已配备流动书屋专车6辆、流动书箱420个，建成职工书屋86家。", [("6辆", None), ("420个", None), ("86家", "workers-libraries")]),
    ("今年将新建职工书屋30家，新增流动书箱100个。", [("30家", "workers-libraries"), ("100个", None)]),
    # …but libraries set up along a bus's lines are libraries
    ("在12条公交专车线路上设立流动书屋36个。", [("12条", None), ("36个", "workers-libraries")]),
    # a membership drive's staff are no members it brought in
    ("区总工会聘请了86名兼职入会联络员，全年新发展会员3,200名。", [("86名", None), ("3,200名", "new-union-members")]),
    # …but those who join through the liaisons are members
    ("推动1,260名骑手通过入会联络员扫码入会。", [("1,260名", "new-union-members")]),
    ("全年有2,300名快递员经入会指导员动员加入工会。", [("2,300名", "new-union-members")]),
])
def test_the_means_and_the_staff_of_a_work_are_not_what_it_counts(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    # parts after 其中 named only by who they are count what their whole counts
    ("全年组织职工疗休养2.6万名，其中劳动模范和先进工作者1,860名，一线职工和新就业形态劳动者1.9万名。",
     ["recuperation", "recuperation", "recuperation"]),
    ("已组织一线职工疗休养42批次、1,680人，其中劳动模范326名。", [None, "recuperation", "recuperation"]),
    # …but not a group named in a new clause of the sentence after the parts (the 劳模 visited, no households' part)
    ("春节期间慰问困难职工1,200户，其中特困户86户，走访一线职工3.2万人次，劳模260人次。",
     ["hardship-households", "hardship-households", "hardship-person-times", "model-worker-aid"]),
])
def test_a_part_named_by_who_it_is_counts_what_its_whole_counts(text, wanted):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


def test_hazards_put_right_in_a_safety_contest_are_no_firms_of_it():
    text = "深入开展“安康杯”竞赛活动，全公司28个班组参赛。组织群众安全监督员开展隐患排查，全年排查整改安全隐患316处。"
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("28个", "ankang-cup-enterprises"), ("316处", None)]
    # the firms of a contest centred on hazards are its firms
    text = "以隐患整改为重点的“安康杯”竞赛参赛企业达1,260家。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == ["ankang-cup-enterprises"]


def test_outdoor_workers_visited_in_a_summer_campaign_at_the_stations_are_its_visits():
    text = ("今年新建爱心驿站20个。夏季高温期间，依托驿站开展“夏送清凉”活动，慰问一线职工和户外劳动者1.36万人次。"
            "驿站全年服务户外劳动者5.2万人次。")
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("20个", "rest-stations"), ("1.36万人次", "summer-cooling-visits"), ("5.2万人次", "rest-stations")]
    # stations whose service includes visits are stations
    assert [r.metric for r in extract_metrics(doc_of("建成集休息、慰问于一体的爱心驿站120个。"), TAXONOMY)] == ["rest-stations"]


@pytest.mark.parametrize(("text", "unclassified"), [
    ("全县建成职工书屋86家，9个镇（街道）实现职工书屋全覆盖。", ["9个"]),
    ("全市12个县（市、区）均建立职工服务中心。", ["12个"]),
    ("全市有9个镇街工会。", []),  # unions, not towns
    ("省总工会对11个市的疗休养经费开展专项检查。", ["11个"]),  # cities checked, no unions
    ("指导14个镇街的学校工会完成换届。", ["14个"]),
])
def test_counts_of_towns_and_districts_are_kept_under_no_metric(text, unclassified):
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY) if r.metric is None] == unclassified


@pytest.mark.parametrize(("text", "wanted"), [
    ("市总工会抽调机关干部和工会组织员组成12个工作组，上门指导建会。", [("12个", None)]),
    ("县总工会组织基层工会干部分成6个小组，慰问高温一线职工6,800余人次。", [("6个", None), ("6,800余人次", "summer-cooling-visits")]),
    ("全市建立行业工会联合会42个，在餐饮、物流等16个行业开展行业工资集体协商。",
     [("42个", "new-grassroots-unions"), ("16个", None)]),
    ("全市建立行业工会联合会16个。", [("16个", "new-grassroots-unions")]),  # the unions of 16 sectors
])
def test_a_unions_own_teams_and_the_sectors_it_works_in_are_counted_under_no_metric(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    # problems named by what was done with them (受理, 调解) are petitions and disputes, not problems found
    ("受理职工投诉问题86件。", [("86件", "rights-petitions")]),
    ("调解劳动争议问题126件，调解成功率90%。", [("126件", "dispute-mediation"), ("90%", "dispute-resolution-rate")]),
    ("排查劳动用工问题126个，帮助职工追回欠薪860万元。", [("126个", None), ("860万元", "losses-recovered")]),
    # sectors' unions (行业（领域）工会联合会) are unions; sectors where unions are set up or contracts signed are none
    ("新建12个行业（领域）工会联合会。", [("12个", "new-grassroots-unions")]),
    ("全市已在建筑、餐饮等16个行业建立行业工会联合会。", [("16个", None)]),
    ("在建筑、餐饮等16个行业签订行业工资集体合同，覆盖企业1,200家。",
     [("16个", None), ("1,200家", "collective-contract-enterprises")]),
])
def test_problems_handled_as_petitions_and_the_unions_of_sectors_keep_their_metrics(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


def test_a_part_naming_only_a_rank_counts_what_its_whole_counts():
    text = "全区建成“妈咪小屋”238个，其中省级示范点9个、市级示范点26个。"
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("238个", "mommy-rooms"), ("9个", "mommy-rooms"), ("26个", "mommy-rooms")]
    # Without 其中 the rank is no part of the figure before it.
    text = "全区签订工资集体协商合同7885份，涵盖企业40766家，全区共建立基层示范点40家。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)][-1] == "wage-negotiation-models"

def test_a_part_ending_on_its_wholes_noun_counts_what_its_whole_counts():
    text = "全年新发展会员12.6万名，其中“八大群体”会员4.3万名。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == ["new-union-members", "new-union-members"]
    # 其中 alone: what follows the figure says what it counts; people at large (职工) are no such noun.
    text = "举办技能大赛4场，参赛选手860人，其中42名选手通过竞赛晋升技能等级。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)][-1] != "competition-participants"


def test_rates_per_piece_are_kept_under_no_metric_but_a_monthly_standard_is_not():
    records = extract_metrics(doc_of("平台每单补贴骑手1.2元，全年发放帮扶资金120万元。"), TAXONOMY)
    assert [(r.text, r.metric is None) for r in records] == [("1.2元", True), ("120万元", False)]
    records = extract_metrics(doc_of("一线职工最低工资标准提高到每月1850元。"), TAXONOMY)
    assert [(r.text, r.metric) for r in records] == [("1850元", "negotiated-wage")]


def test_an_amount_per_item_named_before_a_list_is_kept_under_no_metric():
    text = "每只书箱装有渔业技术、安全生产和文学读物等图书50册，累计配送图书2.3万册。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("50册", True), ("2.3万册", False)]
    # Items of a list each with a figure: a cue in one item is that item's alone.
    text = "每户发放慰问金500元、走访慰问困难职工1865户。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("500元", True), ("1865户", False)]


def test_amounts_that_vary_by_recipient_are_kept_under_no_metric():
    records = extract_metrics(doc_of("为困难职工发放帮扶资金1000元至5000元不等，全年发放帮扶资金120万元。"), TAXONOMY)
    assert [(r.text, r.metric is None) for r in records] == [("1000元", True), ("5000元", True), ("120万元", False)]


def test_support_or_funds_sought_and_got_are_done_not_planned():
    text = "市总工会还积极争取上级工会支持，今年获得赠送的图书和设备折合资金46万元。争取各级财政资金500万元。"
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == ["actual", "actual"]
    assert [r.kind for r in extract_metrics(doc_of("争取到2020年新建驿站30个。"), TAXONOMY)] == ["target"]


def test_a_weak_cue_in_a_list_after_a_colon_marks_its_own_figure_only():
    text = "全年做了以下工作：一是争取年内新建驿站20个；二是新建职工书屋12个；三是走访困难职工3200户。"
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == ["target", "actual", "actual"]


def test_a_sentence_that_looks_back_under_a_plans_heading_is_achieved():
    doc = doc_of("五年来，全市工会累计为职工办实事3.2万余件。", "到2025年，力争新建驿站100个。", "疫情发生后，投入防控资金1860万元。",
                 headings={1: (2, "展望“十四五”")})
    assert [(r.text, r.kind) for r in extract_metrics(doc, TAXONOMY)] == [
        ("3.2万余件", "actual"), ("100个", "target"), ("1860万元", "actual")]


def test_a_paragraph_that_looks_back_under_a_plans_heading_is_achieved_in_every_sentence():
    doc = doc_of("答：五年来，工会覆盖面不断扩大。一组数字可以说明：满意率达到96%以上。", "答：计划新建驿站100个，五年累计培育工匠200名。",
                 headings={1: (2, "展望“十四五”")})
    assert [(r.text, r.kind) for r in extract_metrics(doc, TAXONOMY)] == [
        ("96%以上", "actual"), ("100个", "target"), ("200名", "target")]


def test_the_amounts_of_one_familys_story_are_kept_under_no_metric():
    text = "镇工会了解情况后，将其纳入困难职工档案，帮助申请救助金8000元。全年发放救助金120万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("8000元", True), ("120万元", False)]
    text = "区总工会将她家列为重点帮扶对象，发放救助金6000元；为他们发放救助金300万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("6000元", True), ("300万元", False)]


def test_amounts_of_one_person_named_by_a_courtesy_title_or_their_family_are_kept_under_no_metric():
    text = "周师傅被拖欠的2.3万元工资全部追回。全年为职工追回欠薪1860万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("2.3万元", True), ("1860万元", False)]
    text = "县总工会还为其妻子申请大病医疗救助2.5万元。全县发放医疗救助金86万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("2.5万元", True), ("86万元", False)]
    # 老师傅们: masters in general, no one person
    text = "老师傅们把手艺传给年轻人，全年为困难职工追回欠薪860万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("860万元", False)]


@pytest.mark.parametrize(("text", "unclassified"), [
    # 其 is the group named before it: the group's figures
    ("针对快递员、外卖送餐员等新就业形态劳动者，全年为其办理法律援助案件312件，挽回经济损失860万元。", []),
    ("骑手们遇到纠纷时，工会为其办理法律援助案件46件。", []),
    # 其 is one worker: one person's story
    ("职工李某因患尿毒症家庭陷入困境，市总工会为其发放救助金2万元。", ["2万元"]),
    # people around one person (工友们, 孩子们的), or a handful after 等: 其 is still the one person or case
    ("工友们纷纷伸出援手，工会也为其发放救助金2万元。", ["2万元"]),
    ("孩子们的父亲因工伤去世，工会为其发放助学金1万元。", ["1万元"]),
    ("环卫工人老张等三名职工受伤，工会为其发放慰问金6,000元。", ["三名", "6,000元"]),
])
def test_a_story_cue_referring_back_to_a_group_tells_no_story(text, unclassified):
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY) if r.metric is None] == unclassified


def test_the_figures_after_one_worker_named_as_a_story_s_subject_are_kept_under_no_metric():
    text = "西平县一名纺织女工患乳腺癌住院，领到补助金2万元；全年为职工发放补助金1,860万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("2万元", True), ("1,860万元", False)]
    # every worker (每一名职工) is no one person
    text = "为每一名职工建立健康档案，全年为8,600名职工办理医疗互助。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("8,600名", False)]


def test_after_one_firm_named_as_a_venue_its_whole_company_is_that_firm():
    text = "在冀州区一家建筑企业，工会推动企业把午休延长到3小时，避开高温时段施工，全公司300多名工人都从中受益。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == [None]
    # the whole city after the venue: the city's figure again
    text = "在冀州区一家建筑企业，工会推动企业调整作息，全市共慰问高温一线职工1.2万人次。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == ["summer-cooling-visits"]


def test_motions_put_on_file_or_handled_are_no_motions_collected():
    text = "全年征集职工代表提案86件，立案52件，已办结49件，办结率94.2%。"
    assert {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)} == {
        "86件": "rationalisation-proposals", "52件": None, "49件": None, "94.2%": None}


def test_proposals_collected_and_carried_out_are_proposals_collected():
    text = "征集并落实合理化建议1,260条；收集并答复职工提案86件。全年征集合理化建议560条，其中落实380条。"
    assert {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)} == {
        "1,260条": "rationalisation-proposals", "86件": "rationalisation-proposals",
        "560条": "rationalisation-proposals", "380条": None}


def test_the_top_of_a_range_per_recipient_is_per_recipient_too():
    text = "对困难职工家庭每户发放慰问金1,000元至3,000元；全年发放慰问金86万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("1,000元", True), ("3,000元", True), ("86万元", False)]


def test_those_enrolled_by_the_fee_paid_for_them_take_part_in_the_mutual_aid():
    assert [r.metric for r in extract_metrics(doc_of("为1,050名困难职工代缴互助费。"), TAXONOMY)] == ["medical-mutual-aid-participants"]


def test_a_person_by_a_courtesy_title_tells_no_story_of_the_whole_places_figures_in_their_sentence():
    # 李师傅说，今年全市…: the city's total in a person's words; …1860万元，其中周师傅…2.3万元: the city's, then his
    text = "环卫工人李师傅说，今年全市总工会共为环卫工人发放防暑降温慰问金286万元。"
    assert [r.metric is None for r in extract_metrics(doc_of(text), TAXONOMY)] == [False]
    text = "全市为职工追回欠薪1860万元，其中周师傅被拖欠的2.3万元工资也全部追回。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("1860万元", False), ("2.3万元", True)]


def test_amounts_in_one_persons_own_words_or_income_are_kept_under_no_metric():
    text = "快递员张敏去年摔伤。“工会帮我申请了意外伤害保险理赔，拿到了8600元。”全县发放意外伤害保障金86万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("8600元", True), ("86万元", False)]
    # We (我们), our city (我市) and a short slogan opening on 我 are no one person's words.
    text = "“我市今年为困难职工发放救助金120万元。”开展“我为建德创业再出发献一计”活动，征集合理化建议2800余条。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("120万元", False), ("2800余条", False)]
    text = "一线职工最低工资标准提高到每月2600元，比全市最低工资标准高出300元。"
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("2600元", "negotiated-wage"), ("300元", None)]
    text = "职工书屋月均阅读量超过8万人次，日均接待职工300人次。"
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == [None, None]  # averages per month, per day
    text = "举办盘绣技能培训班24期，不少学员月收入达到2000元以上。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("24期", False), ("2000元以上", True)]
    # one woman's pay told by her: 她一个月能多拿…
    text = "全区茶企工价平均提高8%。大姐玉罕告诉我们，协商以后工价明确了，她一个月能多拿600多元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [("8%", False), ("600多元", True)]
    # a survey sample's shares are no place's rates
    text = "全区快递员入会率达到92%。受访者中已加入工会的占41.8%，但遇到纠纷时首先想到找工会的仅占16.4%。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("92%", False), ("41.8%", True), ("16.4%", True)]
    # the place's totals before the survey's sample in one sentence stay the place's
    text = "全市新建工会组织320家，发展会员1.5万人，其中被调查的新就业形态劳动者入会率达60%。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("320家", False), ("1.5万人", False), ("60%", True)]
    # …but not the figures of the whole place after it
    text = "协商后，她一个月能多拿600多元，全厂1200名一线职工人均月工资增长了15%。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)][-1] == ("15%", False)


def test_one_persons_record_and_one_studios_in_a_profile_are_kept_under_no_metric():
    text = "这些年，他先后带徒68名。工作室现有成员12人。10多年来，工作室先后完成技术攻关46项。全市劳模创新工作室完成技术攻关1200项。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("68名", True), ("12人", True), ("46项", True), ("1200项", False)]


def test_extremes_ranges_between_and_one_persons_place_are_kept_under_no_metric():
    text = "会员最多的东村862名，最少的西村402名，各村困难家庭在15户至24户之间，全镇会员2.86万名。她所在站点的86名骑手全部入会。"
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY) if r.metric is not None] == ["2.86万名"]


def test_cities_and_counties_counted_and_people_named_x_mou_are_kept_under_no_metric():
    text = "在14个市州、122个县市区总工会设立法律援助工作站。职工李某因工受伤，区总工会为其发放救助金2万元。全年发放救助金120万元。"
    assert [(r.text, r.metric is None) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("14个", True), ("122个", True), ("2万元", True), ("120万元", False)]
    assert [r.kind for r in extract_metrics(doc_of("下一步，县总工会将组织职工疗休养3,000人次以上。"), TAXONOMY)] == ["target"]


def test_quoted_words_holding_an_ascii_sentence_mark_are_a_quotation_not_a_name():
    from reportsite.metrics import quoted_names
    from reportsite.numbers import default_grammar

    # A second _SENTENCE_MARK of the plan-list check once replaced this one, without the ASCII marks.
    assert quoted_names("他说“职工之家真好?”，全年建家3个。", default_grammar()) == []
    assert quoted_names("开展“五小”活动3场。", default_grammar()) == [(3, 5)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("按照群团改革要求，增设兼职副主席4名。", ["actual"]),  # what the work followed: no plan
    ("根据县委的部署要求，全年帮助2,100名农民工追回工资5,600万元。", ["actual", "actual"]),
    ("按照省、市总工会关于工会参与根治欠薪工作的部署要求，全年帮助860名农民工追回工资。", ["actual"]),
    ("围绕新时代工会工作要求，举办培训班16期。", ["actual"]),  # the requirements the work met
    ("要求各县区年内新建驿站20个。", ["target"]),  # a requirement of what is to be done
    ("年初目标新建驿站20个，实际新建24个。", ["target", "actual"]),  # a goal heading its clause
    ("目标参保职工3万人，实际参保3.26万人。", ["target", "actual"]),
    ("超额完成年度目标，新建工会组织120家。", ["actual"]),  # a goal met, in a clause of its own
    ("把年度建设目标分解为136个工期节点。", ["actual"]),  # the goal as an object: no goal's figure
    ("全市各级工会要重点抓好以下工作：一是新建基层工会200家以上；二是开展劳动竞赛不少于300项。", ["target", "target"]),
    ("一年来，我们重点抓好了以下工作：一是新建基层工会200家；二是开展劳动竞赛300项。", ["actual", "actual"]),  # done
    ("协议明确今年一线职工工资平均增长不低于5%。", ["target"]),  # what an agreement fixes for the year
    ("建议市总工会按每个站点每年不低于5000元的标准给予运行补助。", ["target"]),  # a recommendation
    ("全年征集合理化建议1,124条。", ["actual"]),  # proposals counted: no recommendation
    ("会议明确全年目标任务，全年新建工会组织120家。", ["actual"]),  # fixed in another clause: achieved
])
def test_goals_and_requirements_mark_targets_only_where_they_state_what_is_to_be_done(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize("text", [
    "书屋配有管理员五六名。",  # five or six: a guess, no figure
    "流动书车每月两次开进建筑工地。",  # how often
    "现在书车每个月来两回。",
    "图书车每月进企业、进工地两次。",  # how often, the places between
    "区总工会重点抓好三项工作：一是新建职工之家；二是建设驿站。",  # the items a list announces
    "今年她练了三个多月。",  # how long
    "全区办好十件实事，投入资金1.2亿元。",  # the programme's name
    "培训分两个半天进行。",  # how long
    "老板分两次结清了拖欠的工资。",  # how one sum was paid
    "企业工会与资方先后进行了两轮协商，最终达成协议。",  # how one negotiation went
])
def test_guesses_programme_names_spans_and_instalments_are_no_figures(text):
    assert [r.text for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit != "元"] == []


def test_a_count_after_a_period_beyond_its_clause_is_still_a_count():
    assert [r.text for r in extract_metrics(doc_of("每年组织职工疗休养，全年共开展12次。"), TAXONOMY)] == ["12次"]
    assert [r.text for r in extract_metrics(doc_of("每年组织职工疗休养累计达20次。"), TAXONOMY)] == ["20次"]  # a total


def test_a_guess_of_hundreds_is_no_amount():
    assert [r.text for r in extract_metrics(doc_of("技术能手每个月工资能多拿五六百元。"), TAXONOMY)] == []


@pytest.mark.parametrize(("text", "metric"), [
    ("督促商户为搬运工补发高温津贴8.6万元。", "losses-recovered"),  # a heat allowance is wages
    ("帮助职工追回高温津贴等款项23.5万元。", "losses-recovered"),
    ("开办“农民工夜校”6所。", "worker-schools"),
    ("全年救助困难农民工312户。", "hardship-households"),
    ("全年共受理农民工欠薪求助1,046起。", "rights-petitions"),
    ("开展《保障农民工工资支付条例》宣讲52场。", "legal-publicity"),
    ("开展“法援夜市”服务42场。", "legal-publicity"),
    ("受理户外劳动者权益诉求186件。", "rights-petitions"),
    ("对怀孕女职工调离高温岗位后走访慰问57名。", None),  # moved off a hot post: no cooling visit
    ("全市共评定星级书屋142家。", "workers-libraries"),  # the short form
    ("全县建成农家书屋300家。", None),  # rural libraries: another programme
    ("覆盖企业职工工资年均增长7.2%。", "wage-growth"),
])
def test_short_forms_and_yearly_averages_name_their_metric(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric == metric


def test_a_numbered_items_opening_sentence_names_what_its_later_figures_count():
    text = "3.建设“妈咪小屋”。目标新建15个，建成17个，完成率113.3%。"
    assert [(r.text, r.metric, r.kind) for r in extract_metrics(doc_of(text), TAXONOMY)] == [
        ("15个", "mommy-rooms", "target"), ("17个", "mommy-rooms", "actual"), ("113.3%", None, "actual")]
    # a figure's own words still come first
    assert extract_metrics(doc_of("3.建设“妈咪小屋”。新建职工书屋12家。"), TAXONOMY)[0].metric == "workers-libraries"


@pytest.mark.parametrize(("text", "figures"), [
    ("辖区企业捐助2.6万元、会员自愿捐款1.4万元。", [("2.6万元", "charity-funds-raised", "actual"), ("1.4万元", "charity-funds-raised", "actual")]),
    ("组织会员子女420名参加夏令营。", [("420名", None, "actual")]),  # members' children are no members
    ("集团工会计划再命名创新工作室5个。", [("5个", "innovation-studios", "target")]),  # a subject's plan
    ("全年完成工作计划86项。", [("86项", None, "actual")]),  # a plan's name, done
    # a game's format (五人) is no figure; a football match's players are no labour or skills contest's (competition-
    # participants rules sports out by its sentence), and 参赛职工 is no alias of cultural participants: no metric
    ("举办五人足球赛，参赛职工320人。", [("320人", None, "actual")]),
])
def test_donations_members_children_plans_after_their_subject_and_game_formats(text, figures):
    assert [(r.text, r.metric, r.kind) for r in extract_metrics(doc_of(text), TAXONOMY)] == figures


def test_the_words_of_the_next_item_of_a_list_name_its_own_figure_not_the_one_before():
    found = extract_metrics(doc_of("由街道总工会拨付3万元、辖区企业捐助2.6万元、会员捐款1.4万元。"), TAXONOMY)
    assert [(r.text, r.metric) for r in found] == [
        ("3万元", None), ("2.6万元", "charity-funds-raised"), ("1.4万元", "charity-funds-raised")]
    # the words of the next clause, after a comma, still name a figure whose own words do not
    assert extract_metrics(doc_of("全年完成技术革新和攻关项目215项，获得国家专利63项。"), TAXONOMY)[0].metric == "innovation-results"
    # the words after the last figure of a list may be all of theirs
    found = extract_metrics(doc_of("全市有17.4万多家企业、913.34万人次职工参加了各类技能比武和岗位练兵活动。"), TAXONOMY)
    assert [r.metric for r in found] == ["competition-enterprises", "competition-participants"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("今年县总工会将开展农民工技能培训不少于3000人次，新建户外劳动者服务站点10个。", ["target", "target"]),  # 将 before a verb
    ("市总工会还将从获奖的一线职工中选出100名赴扬州疗休养。", ["target"]),
    ("今年市总工会将300万元资金用于困难职工帮扶。", ["actual"]),  # 将 before its object: what was done with it
    ("市总工会还将培训课堂搬到车间，累计培训职工1200人次。", ["actual"]),  # 将 before a noun that is also a verb
    ("他们还将组织建设与阵地建设同步推进，新建工会85家。", ["actual"]),
    ("全年目标任务完成率达到120%。", ["actual"]),  # 目标任务: the year's tasks, achieved
])
def test_what_this_year_will_bring_is_a_target_when_jiang_comes_before_a_verb(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize("text", ["活动分为两个阶段进行。", "职工分两批赴扬州疗休养。", "全区办好十件实事。"])
def test_stages_and_batches_are_no_counts(text):
    assert extract_metrics(doc_of(text), TAXONOMY) == []


def test_a_count_of_things_done_is_a_figure_though_they_are_called_practical_things():
    assert [r.text for r in extract_metrics(doc_of("全年共办成436件实事。"), TAXONOMY)] == ["436件"]


def test_money_for_recipients_named_in_its_own_clause_is_not_the_money_of_the_aid_counted_before():
    found = extract_metrics(doc_of("开展金秋助学，资助困难职工子女300名，另向困难职工发放救助金60万元。"), TAXONOMY)
    assert [(r.text, r.metric) for r in found] == [("300名", "hardship-children-aid"), ("60万元", "hardship-funds")]


@pytest.mark.parametrize(("text", "metric"), [
    ("业余进修中心全年开办各类课程1,460班，学员2.38万人次。", "skills-training"),  # Hong Kong's words for training
    ("年内共有1,150人次修读相关课程。", "skills-training"),
    ("全年举办康体及文娱活动860场，参与会员及家属6.5万人次。", "cultural-participants"),
    ("首批招收一线职工学员85名读大专。", "education-subsidies"),  # a college's students are no training's trainees
])
def test_hong_kong_words_for_training_and_for_taking_part(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit in ("人次", "名")][-1] == metric


def test_a_retrospective_lists_lead_in_and_a_heat_allowance_in_another_clause():
    kinds = [r.kind for r in extract_metrics(doc_of("一年来，县总工会主要做好以下几项工作：一是新建基层工会120家；二是发展会员8600人。"), TAXONOMY)]
    assert kinds == ["actual", "actual"]
    record = extract_metrics(doc_of("7月以来，市总工会开展夏送清凉活动，督促企业落实高温津贴，慰问一线职工2.3万名。"), TAXONOMY)[0]
    assert record.metric == "summer-cooling-visits"


def test_a_plan_with_haiyao_points_above_another_figure_and_riders_as_a_gap_group():
    assert [r.kind for r in extract_metrics(doc_of("下一步还要再新建六个站点。"), TAXONOMY)] == ["target"]
    records = extract_metrics(doc_of("职工工资平均增幅为6.2%，高于同期全市企业职工工资平均增幅1.1个百分点。"), TAXONOMY)
    assert [(r.text, r.metric) for r in records] == [("6.2%", "wage-growth"), ("1.1个百分点", None)]
    assert extract_metrics(doc_of("全年发展骑手会员1.2万名。"), TAXONOMY)[0].metric == "new-union-members"


def test_a_threshold_below_a_standard_and_haiyao_in_another_clause_keep_their_readings():
    assert extract_metrics(doc_of("全年为收入低于当地最低生活保障标准的困难职工发放慰问金200万元。"), TAXONOMY)[0].metric == "hardship-funds"
    for text in ["他说，工会还要开展送温暖活动，去年已经走访困难职工500户。",
                 "工会不仅要关心职工生活，还要开展技能培训，全年培训职工2000人次。"]:
        assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == ["actual"], text


@pytest.mark.parametrize(("text", "metrics"), [
    ("组建行业工会联合会5个。", ["new-grassroots-unions"]),
    ("在旌阳区等地建立快递行业工会联合会4个、货车司机工会联合会3个。", ["new-grassroots-unions", "new-grassroots-unions"]),
    ("全市已建立工会组织3486个。", ["grassroots-unions"]),  # a stock
    ("截至2020年底，全市建立行业工会联合会42个。", ["grassroots-unions"]),  # as of a date: a stock
    ("截至年底，全县共组建基层工会1200家。", ["grassroots-unions"]),
    # 新建 founds too: every item of its list, and the parts after 其中 of the unions founded
    ("新建网约车平台企业工会14家、道路货运企业工会28家。", ["new-grassroots-unions", "new-grassroots-unions"]),
    ("全年新建民办学校工会23个。", ["new-grassroots-unions"]),
    ("新建基层工会23家，其中非公企业工会19家、村级工会联合会4家。", ["new-grassroots-unions"] * 3),
    ("全市现有基层工会860家，其中非公企业工会520家。", ["grassroots-unions"] * 2),  # a stock's part is the stock's
    # a stock after the parts of the unions founded is the stock still
    ("新建基层工会23家，其中非公企业工会19家，全市基层工会累计达到2,860家。", ["new-grassroots-unions"] * 2 + ["grassroots-unions"]),
    ("今年新建基层工会23家，其中企业工会19家，全市企业工会总数达到520家。", ["new-grassroots-unions"] * 2 + ["grassroots-unions"]),
    # 共 or 已 right before 新建 counts the new ones, every item of its list
    ("全年共新建网约车平台企业工会14家、道路货运企业工会28家。", ["new-grassroots-unions", "new-grassroots-unions"]),
])
def test_unions_set_up_are_new_unless_the_sentence_counts_a_stock(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    # the rates of petitions, neighbours' quarrels, aid requests and satisfaction are no labour dispute's outcome
    ("全年接待来访退役军人326人次，办理网上信访件86件，办结率98.8%。", None),
    ("全年排查化解矛盾纠纷418件，调解成功率达到98%以上。", None),
    ("全年受理困难职工求助事项260件，办结率达到100%。", None),
    ("全年受理职工法律援助案件三千余件，结案率达到95.2%，职工满意率保持在98%以上。", None),
    # …unless the sentence names labour disputes or labour relations
    ("排查化解劳动关系矛盾纠纷320件，调解成功率96%。", "dispute-resolution-rate"),
    ("受理劳动争议案件360件，调解成功率92%。", "dispute-resolution-rate"),
])
def test_the_rates_of_petitions_quarrels_and_satisfaction_are_no_dispute_rate(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit == "%"][-1] == metric


@pytest.mark.parametrize(("text", "wanted"), [
    # a count of places after a locative 在 counts what was set up there, one at each, never the places
    ("区里在6个户外劳动者服务站点设立了“书香角”。", [("6个", None)]),
    ("市总工会在12个“司机之家”和户外劳动者服务站点设置了“流动书箱”，每季度轮换一次图书。", [("12个", None)]),
    ("区总工会在32个驿站设立“健康服务点”，定期为户外劳动者测量血压。", [("32个", None)]),
    ("还在8个街道设立了工会法律服务站。", [("8个", "legal-service-stations")]),
    ("在12个乡镇的建设工地设立“流动书屋”26个。", [("12个", None), ("26个", "workers-libraries")]),  # its own count
    ("在全市186个户外劳动者服务站点张贴了入会二维码。", [("186个", "rest-stations")]),  # nothing set up: read as before
    ("全市建成户外劳动者服务站点186个。", [("186个", "rest-stations")]),
])
def test_a_count_of_places_where_something_was_set_up_counts_what_was_set_up(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


@pytest.mark.parametrize(("text", "metric"), [
    # those an accident cover enrols are neither medical mutual aid's participants nor new members
    ("为新入会的八大群体会员办理意外伤害互助保障，全市共有8,600人参保。", None),
    ("为入会的新就业形态劳动者免费办理意外伤害互助保障，已有8600余人参保。", None),
    # …unless the sentence names the medical scheme or serious illness too
    ("为会员办理意外伤害和重大疾病互助保障，参保职工达到3.2万人。", "medical-mutual-aid-participants"),
    ("全市参加职工医疗互助保障的职工达到8.6万人。", "medical-mutual-aid-participants"),
])
def test_those_an_accident_cover_enrols_are_no_mutual_aid_participants(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[-1].metric == metric


def test_a_congress_motions_rate_named_earlier_in_its_sentence_is_no_dispute_rate():
    text = "四届二次职代会共征集职工代表提案86件，经审查立案58件，截至年底已办结55件，办结率94.8%。"
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit == "%"] == [("94.8%", None)]
    assert extract_metrics(doc_of("全年调解劳动争议案件213件，调解成功率91.5%。"), TAXONOMY)[1].metric == "dispute-resolution-rate"


@pytest.mark.parametrize(("sentence", "figure", "metric"), [
    ("去年，矿工会投入资金46万元改造书屋，新增藏书6,000册。", "6,000册", "books-donated"),
    ("到去年底，书屋藏书达到1.5万册，其中技术类图书占四成以上。", "1.5万册", None),  # what it holds
    ("在候车硐室、区队学习室建起“班组书架”18个，每月轮换一次图书。", "18个", None),  # shelves are no library
    ("去年，矿工会还组织读书征文、技术书分享会等活动23场。", "23场", "cultural-events"),
    ("今年，矿工会还将投入20万元，在井口候车点新建‘井口书吧’3个。", "3个", "workers-libraries"),
])
def test_a_librarys_books_shelves_bars_and_reading_events(sentence, figure, metric):
    records = extract_metrics(doc_of(sentence), TAXONOMY)
    found = next(r for r in records if r.text == figure)
    assert found.metric == metric
    if figure == "3个":
        assert found.kind == "target"  # 还将投入: a plan


def test_counselling_for_gig_workers_is_legal_service_and_job_counselling_is_not():
    def metric(sentence: str, figure: str) -> str | None:
        records = extract_metrics(doc_of(sentence), TAXONOMY)
        return next(r for r in records if r.text == figure).metric
    assert metric("上半年，为新就业形态劳动者提供法律咨询320人次。", "320人次") == "legal-service-visitors"
    assert metric("上半年，为返乡农民工提供就业咨询320人次。", "320人次") != "legal-service-visitors"


@pytest.mark.parametrize(("text", "figure", "kind"), [
    ("会议同意从本级经费中安排专项资金120万元，其中80万元用于购买防暑降温物品。", "80万元", "target"),
    ("活动期间，全市计划慰问高温一线职工3万人次以上。", "3万人次以上", "target"),
    ("今年我们重点抓好三件事：一是新建驿站15个；二是培训职工不少于3,000名。", "不少于3,000名", "target"),
    ("今年以来重点抓好了三件事：一是新建驿站15个；二是培训职工3,000名。", "3,000名", "actual"),  # looks back
    ("会议听取了上半年工作汇报，1—5月全市新建基层工会组织46家。", "46家", "actual"),  # heard, not decided
])
def test_a_meetings_decisions_and_the_years_work_ahead_are_plans(text, figure, kind):
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert next(r for r in records if r.text == figure).kind == kind


def test_what_a_meeting_names_there_is_done_not_planned():
    text = "会议同意命名产业园联合工会等12家单位为2022年度市级示范职工书屋。"
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert next(r for r in records if r.text == "12家").kind == "actual"


@pytest.mark.parametrize(("text", "kinds"), [
    ("全市计划慰问困难职工1200户，实际慰问1350户。", ["target", "actual"]),  # what was done after the plan
    ("全市各级工会按计划发放慰问金360万元。", ["actual"]),
    ("按照工作计划发放助学金120万元。", ["actual"]),
    ("会议批准2023年经费决算支出1200万元。", ["actual"]),
    ("今年上半年，全市工会认真做好以下工作：一是新建基层工会20家；二是发展会员3000名。", ["actual", "actual"]),
    ("今年，县总工会扎实做好以下工作：一是新建基层工会20家。", ["actual"]),
])
def test_plans_followed_or_done_are_no_targets(text, kinds):
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert [r.kind for r in records] == kinds


def test_visitors_of_a_job_fair_are_no_legal_service_visitors():
    records = extract_metrics(doc_of("春风行动就业招聘会现场接待咨询群众3000人次。"), TAXONOMY)
    assert records[0].metric != "legal-service-visitors"


@pytest.mark.parametrize(("text", "kind"), [
    ("今年我们打算再新建职工书屋15家以上。", "target"),
    ("记者问：今年有哪些打算？全年新建职工书屋15家。", "actual"),
])
def test_a_plan_told_plainly_with_dasuan(text, kind):
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert records[0].kind == kind


@pytest.mark.parametrize(("sentence", "figure", "metric"), [
    ("全年签订团体协约14份，涵盖劳工6,420人。", "14份", "collective-contracts"),
    ("全年签订团体协约14份，涵盖劳工6,420人。", "6,420人", "collective-contract-workers"),
    ("协助会员处理劳资争议468件，调解成立率83.8%。", "83.8%", "dispute-resolution-rate"),
    ("举办新法说明会24场。", "24场", "legal-publicity"),
    ("职业训练结训学员1,152人。", "1,152人", "skills-training"),
    ("表扬模范劳工12名。", "12名", "model-workers"),
])
def test_taiwans_wording_of_a_unions_work(sentence, figure, metric):
    records = extract_metrics(doc_of(sentence), TAXONOMY)
    assert next(r for r in records if r.text == figure).metric == metric


def test_a_look_ahead_before_a_list_makes_its_items_plans():
    text = "展望2023年，本会将持续推动组织发展与权益保障工作：一是新增会员工会5个以上；二是调解成立率达到85%。"
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert [r.kind for r in records] == ["target", "target"]


@pytest.mark.parametrize(("text", "figure", "metric", "kind"), [
    ("不少企业一开始并不打算建立工会，区总工会先后上门40余次，全年新建工会52家。", "52家", "new-grassroots-unions", "actual"),
    ("他打算再干几年，已带徒弟15名。", "15名", None, "actual"),
    ("全市企业工会成立率达到95%。", "95%", None, "actual"),
    ("举办招聘说明会5场，提供就业岗位2000个。", "5场", "employment-services", "actual"),
    ("今年我们打算再新建基层工会15家以上，年底前建成户外劳动者爱心驿站5个。", "5个", "rest-stations", "target"),
])
def test_misfires_of_the_taiwan_and_dasuan_rules_stay_mended(text, figure, metric, kind):
    records = extract_metrics(doc_of(text), TAXONOMY)
    found = next(r for r in records if r.text == figure)
    assert (found.metric, found.kind) == (metric, kind)


@pytest.mark.parametrize("heading", ["二、会议要求", "三、下半年打算", "四、2023年打算", "五、明年安排"])
def test_a_sections_plans_without_the_word_gongzuo(heading):
    doc = doc_of("新建工会20家。", headings={1: (2, heading)})
    assert [r.kind for r in extract_metrics(doc, TAXONOMY)] == ["target"]


@pytest.mark.parametrize(("heading", "kind"), [("二、会议要求", "target"), ("一、贯彻落实会议要求情况", "actual")])
def test_a_meetings_requirements_are_plans_only_as_a_whole_heading(heading, kind):
    doc = doc_of("全年新建基层工会48家。", headings={1: (2, heading)})
    assert [r.kind for r in extract_metrics(doc, TAXONOMY)] == [kind]


@pytest.mark.parametrize(("text", "kind"), [("明年，我们打算再建10个职工之家。", "target"), ("他打算再干几年，已带徒弟15名。", "actual")])
def test_dasuan_zai_before_a_plan_verb(text, kind):
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert records[0].kind == kind


def test_a_briefing_on_a_law_is_legal_publicity():
    records = extract_metrics(doc_of("举办《劳动合同法》说明会12场。"), TAXONOMY)
    assert records[0].metric == "legal-publicity"


def test_a_figure_printed_otherwise_is_no_restatement():
    doc = doc_of("2次", "二次")
    assert all(not r.also_at for r in extract_metrics(doc, TAXONOMY))


@pytest.mark.parametrize(("text", "kinds"), [
    ("我们原本打算新建职工之家10个，因疫情只建成6个。", ["actual", "actual"]),
    ("厂里打算再组织一次培训，已有120名职工报名。", ["actual"]),
])
def test_plans_given_up_or_overtaken_are_no_targets(text, kinds):
    records = extract_metrics(doc_of(text), TAXONOMY)
    assert [r.kind for r in records] == kinds


@pytest.mark.parametrize("heading", ["（二）会议要求和下步工作", "三、会议要求和下步安排"])
def test_a_meetings_requirements_with_the_next_steps_are_plans(heading):
    doc = doc_of("新建职工之家10个。", headings={1: (2, heading)})
    assert [r.kind for r in extract_metrics(doc, TAXONOMY)] == ["target"]


def test_a_briefing_on_a_method_is_no_legal_publicity():
    records = extract_metrics(doc_of("召开方法说明会2场。"), TAXONOMY)
    assert records[0].metric != "legal-publicity"


def test_a_plan_for_married_women_stays_a_plan_and_laws_briefings_are_legal_publicity():
    records = extract_metrics(doc_of("明年打算为已婚女职工新建母婴室20个。"), TAXONOMY)
    assert records[0].kind == "target"
    records = extract_metrics(doc_of("举办工会法说明会12场。"), TAXONOMY)
    assert records[0].metric == "legal-publicity"


@pytest.mark.parametrize(("text", "kinds"), [
    ("明年，我们打算在各县区都建起职工法律服务站，新建法律服务站10个。", ["target"]),  # 明年 … 打算, a clause later
    ("今年，市总工会将新建基层工会800家。", ["target"]),  # a comma after 今年
    ("下半年各级工会将继续加大力度，确保全年新建基层工会800家以上、新发展会员5万名。", ["target", "target"]),
    ("确保全年新建基层工会800家以上。", ["target"]),
    ("为确保活动顺利开展，县总工会投入资金50万元。", ["actual"]),  # 确保 in another clause: a purpose
    ("活动确保了2000名职工按时领到工资。", ["actual"]),  # 确保了: done
    ("今年以来，县总工会将新建的12家职工书屋全部投用。", ["actual"]),  # 今年以来 looks back
])
def test_plans_for_the_year_and_the_year_ahead_with_a_comma_or_a_goal_word(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("今年全市计划新建基层工会800家，截至7月底已新建652家，完成年度任务的81.5%。", ["target", "actual", "actual"]),
    ("全市计划慰问困难职工1200户，目前已慰问860户。", ["target", "actual"]),
    ("公司工会为困难职工争取了15万元的救助金。", ["actual"]),
    ("县总工会为患病职工争取到医疗救助金8万元。", ["actual"]),
    ("力争全年争取补助资金50万元。", ["target"]),  # 力争 still marks it
])
def test_progress_after_a_plan_and_aid_obtained_are_done(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize("text", ["一线职工工资比上年增长6.8%。", "全市职工工资同比增长5.2%。", "职工工资较去年增长4.5%。"])
def test_wage_growth_stated_against_the_year_before(text):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == ["wage-growth"]


@pytest.mark.parametrize("text", ["全市新建联合工会48个，覆盖小微企业1,260余家。", "新建行业工会联合会3个，覆盖中小企业216家。"])
def test_firms_a_union_covers_named_by_their_size(text):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)][-1] == "covered-units"


@pytest.mark.parametrize(("text", "metrics"), [
    ("市总工会启动“夏送清凉”活动，工会干部走上街头。截至7月5日，各级工会已慰问户外劳动者1.8万人次，发放物资价值62万元。",
     ["summer-cooling-visits", "summer-cooling-visits"]),
    ("市总工会开展“法律进工地”宣传咨询活动。一年来，共举办这类活动46场。", ["legal-publicity"]),
    ("县第二届“工匠杯”电工技能竞赛落下帷幕。最终评出一等奖2名。", [None]),  # a contest, no campaign: prizes stay ranks
    ("各级工会开展“夏送清凉”活动。集团工会新建“职工健康小屋”4个。", [None]),  # a name of its own in the sentence
])
def test_a_campaign_named_in_quotes_in_the_sentence_before_names_what_the_next_sentences_figures_count(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    ("全市女职工委员会组建率达到95.2%。", None),  # a women's committee's rate is no union's
    ("企业工会组建率达到92%。", "unionisation-rate"),
])
def test_a_womens_committees_rate_is_no_unions(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric == metric


@pytest.mark.parametrize(("text", "kinds"), [
    ("县总工会争取到年底新建驿站30个。", ["target"]),  # 争取到年底: a plan
    ("县总工会争取来年新建职工书屋20家。", ["target"]),
    ("今年，县总工会将开展技能竞赛作为服务大局的重要抓手，共组织竞赛56场，参赛职工1.3万人次。", ["actual", "actual"]),  # 将…作为
    ("下半年，县总工会将继续开展“金秋助学”活动，上半年已资助困难职工子女210名。", ["actual"]),
    ("下半年，市总工会将再投入资金，前期已投入资金300万元。", ["actual"]),
    ("县总工会召开全委会研究明年工作计划，156名委员参加会议。", ["actual"]),  # 计划 a noun
    ("县总工会安排专项资金200万元，确保全县1200名困难职工温暖过冬。", ["actual", "actual"]),  # 确保 what was done for
    ("筹集资金80万元，确保每户困难职工得到500元慰问金。", ["actual", "actual"]),
    ("元旦春节期间，县总工会共走访慰问困难职工320户，确保每户慰问金达到800元以上。", ["actual", "actual"]),  # a level, no time
    ("县总工会召开全委会审议明年工作计划草案，156名委员参加会议。", ["actual"]),
    ("今年将新建驿站20个，已完成选址12个，年底前将建成投用20个。", ["target", "actual", "target"]),
    ("会议研究部署了下一步帮扶计划和重点任务，上半年共走访慰问困难职工620户。", ["actual"]),  # 帮扶计划: a noun
    ("县总工会为明年换届准备了条件，全年共召开筹备会议12次。", ["actual"]),
    ("今年，县总工会将新命名的12家“模范职工之家”进行了授牌，并为每家拨付经费2万元。", ["actual", "actual"]),  # 将 marks the object
    ("春节前，县总工会多方协调，确保年底前为286名农民工足额发放工资380万元。", ["actual", "actual"]),  # a deadline met
])
def test_plan_words_mark_plans_and_not_what_was_done(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize(("text", "metric"), [
    ("全年新建工会126家，覆盖企业380家，并全部建立了职代会制度。", "covered-units"),
    ("“夏送清凉”活动中，县总工会为环卫工人每人每月送去清凉饮品，共慰问一线职工3200人次。", "summer-cooling-visits"),
    ("全市城镇非私营单位在岗职工平均工资比上年增长6.8%。", None),  # official statistics, no bargaining's result
    ("目前，全区还有1200名快递员尚未加入工会。", None),  # the people outside, no new members
    ("全区新组建村（社区）联合会86个，覆盖单位1200个。", "covered-units"),  # a federation of unions covers them
    ("全县劳模创新工作室发展势头良好。工作室成立三年来，全县工作室累计完成技术攻关86项。", "innovation-results"),  # the county's
])
def test_what_a_sentence_names_decides_the_metric(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[-1].metric == metric


@pytest.mark.parametrize("text", [
    "县总工会启动“夏送清凉”活动。全县共有环卫、快递等户外劳动者1.2万名。",
    "开展“金秋助学”活动。今年全县有高考考生3200名。",
])
def test_a_count_of_how_many_there_are_takes_no_campaign_from_the_sentence_before(text):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == [None]


def test_firms_with_a_union_named_after_a_plan_are_no_progress_on_it():
    text = "下半年各级工会将继续加大力度，确保全年新建基层工会800家以上，到年底实现已建会企业农民工入会率90%以上。"
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == ["target", "target"]


def test_a_count_of_workers_recruited_is_a_figure():
    assert [r.text for r in extract_metrics(doc_of("招录14名工作者充实到乡镇总工会。"), TAXONOMY)] == ["14名"]


@pytest.mark.parametrize("text", [
    "全市建档困难职工家庭6,380户，比年初减少920户。",  # a change on the year's start
    "骑手站长老陈说，他今年已经带动了80多名骑手入会。",  # one man's record, a time word before it
    "工作室成立两年来，已有成员18人。",  # one studio's
    "今年举办职工技能大赛，参赛职工达1.2万人次，比上届增加3,000人次。",  # a change on the last contest
])
def test_a_change_on_the_years_start_and_one_mans_or_one_studios_figures_name_no_metric(text):
    assert extract_metrics(doc_of(text), TAXONOMY)[-1].metric is None


@pytest.mark.parametrize(("text", "metric"), [
    ("县总工会开展“夏送清凉”活动。全年组织职工参加技能竞赛1.2万人次。", "summer-cooling-visits"),  # must NOT be this one
    ("全县“安康杯”竞赛活动覆盖中小企业560家，参赛职工3.2万人。", "covered-units"),  # nor this
])
def test_review_2_a_campaign_or_coverage_is_not_read_into_what_the_sentence_names_itself(text, metric):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric != metric


@pytest.mark.parametrize("text", ["县总工会对36家基层工会进行了经费审查。", "为1,800名货车司机会员办理了意外伤害保障。"])
def test_an_exclusion_after_the_figure_holds_for_the_words_after_it_too(text):
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric is None


@pytest.mark.parametrize(("text", "kind", "metric"), [
    ("今年，县总工会在尚未建会的非公企业中发展会员1200人。", "actual", "new-union-members"),  # 尚未 before: who was recruited
    ("目前，全区还有1200名快递员尚未加入工会。", "actual", None),  # after: the people outside
    ("今年，县工商业联合会覆盖非公企业1200家。", "actual", None),  # no federation of unions
    ("明年，县总工会准备建设爱心驿站12个。", "target", "rest-stations"),
    ("工作室成立三年来，完成技术革新12项，为全县职工培训500人次。", "actual", None),  # one studio's, though 全县 later
    ("今年全市将新命名市级劳模创新工作室10个。", "target", "innovation-studios"),
    ("今年以来已有620名货车司机加入工会。", "actual", "new-union-members"),
])
def test_plans_members_and_coverage_named_around_a_figure(text, kind, metric):
    record = extract_metrics(doc_of(text), TAXONOMY)[-1]
    assert (record.kind, record.metric) == (kind, metric)


def test_the_nations_figures_are_a_report_of_the_nations_own():
    doc = doc_of("2022年全国各级工会共筹集金秋助学资金6.9亿元。")
    doc.title = "全国工会金秋助学资助困难职工子女"
    assert [r.metric for r in extract_metrics(doc, TAXONOMY)] == ["hardship-children-aid"]


def test_a_report_of_no_union_counts_aid_to_workers_only_where_it_names_workers():
    aid = "全年实施城乡医疗救助4.6万人次，发放临时救助金3,860万元；为困难农民工发放救助金120万元。"
    fair = "举办招聘会86场，提供就业岗位3.2万个。"

    def found(title: str) -> dict[str, str | None]:
        doc = doc_of(aid, fair)
        doc.title = title
        return {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}
    # A city government's report: aid to people at large counts under no metric of the union's aid to workers; aid
    # naming workers, and figures of metrics any body's report may state (job fairs), count as before.
    government = found("2024年阆中市人民政府工作报告（民生部分）")
    assert government["4.6万人次"] is None and government["3,860万元"] is None
    assert government["120万元"] == "hardship-funds" and government["86场"] == "employment-services"
    # A union's report (its title names one): the same sentences count as they always have.
    union = found("市总工会2024年困难职工帮扶工作总结")
    assert union["4.6万人次"] is not None and union["3,860万元"] == "hardship-funds"
    # A title naming no body at all, or another body's report that names unions again and again: as before.
    assert found("民生实事办理情况")["3,860万元"] == "hardship-funds"
    doc = doc_of(aid, "区总工会联合区人社局开展送温暖活动，各级工会走访慰问困难家庭。")
    doc.title = "区人社局2024年民生工作总结"
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}["3,860万元"] == "hardship-funds"
    # A title naming no body, over a text that names another body as often as it takes (团市委, 团市委) and no union:
    # that body's report
    doc = doc_of("团市委联合爱心企业开展助学活动。" + aid, "团市委今年还开展了志愿服务。")
    doc.title = "“希望工程·圆梦行动”助力学子圆梦"
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}["3,860万元"] is None
    # ... but a text naming a union before that body (市总工会…, 我会联合市人社局…) is the union's
    doc = doc_of("一年来，市总工会团结动员广大职工建功新时代。", "我会联合市人社局开展“春风行动”，与市人社局共同举办招聘会18场。",
                 "春节期间，我会走访慰问困难家庭1,200户，发放慰问金300万元。")
    doc.title = "2023年工作总结"
    assert {r.text: r.metric for r in extract_metrics(doc, TAXONOMY)}["300万元"] == "hardship-funds"



@pytest.mark.parametrize(("title", "heading", "kind"), [
    ("某县总工会2023年工作总结", "一、2023年十大重点工作", "actual"),  # the year reviewed: its priorities told as done
    ("某县总工会2023年工作总结和2024年工作计划", "一、2023年工作重点", "actual"),
    ("某县总工会2023年工作总结和2024年工作计划", "三、2024年工作重点", "target"),
    ("在县总工会全委会议上的工作报告", "一、2023年工作重点", "target"),
])
def test_a_years_priorities_heading_in_that_years_summary_is_no_plan(title, heading, kind):
    doc = doc_of("新增会员5328名。", "全年新建“妈咪小屋”30个。", headings={2: (2, heading)})
    doc.title = title
    assert [r.kind for r in extract_metrics(doc, TAXONOMY)] == ["actual", kind]


@pytest.mark.parametrize(("text", "metrics"), [
    # the women's special-disease scheme named in the sentence: its claims and money are that scheme's
    ("全市已有3.2万名女职工参加特殊疾病互助保障，为86名患病女职工发放补助金172万元。",
     {"3.2万名": "women-workers-insurance", "86名": "women-workers-insurance", "172万元": "women-workers-insurance"}),
    ("推动4.6万名女职工参加女职工特殊疾病互助保障，为患病女职工发放互助金218万元。",
     {"4.6万名": "women-workers-insurance", "218万元": "women-workers-insurance"}),
    # … unless the general scheme is named in the sentence too
    ("全年发放互助金286.4万元，其中住院医疗互助金218.7万元、女职工特殊疾病互助金36.5万元。",
     {"286.4万元": "medical-mutual-aid-payouts", "218.7万元": "medical-mutual-aid-payouts"}),
    ("全年为1,268人次患病职工发放医疗互助金412万元。", {"1,268人次": "medical-mutual-aid-claims", "412万元": "medical-mutual-aid-payouts"}),
    # 特殊疾病 as an illness, no scheme: hardship money still
    ("全年为患重大疾病、特殊疾病的困难职工发放救助金50万元。", {"50万元": "hardship-funds"}),
    ("为3,200名困难职工发放救助金86万元，其中为患特殊疾病职工发放大病救助金20万元。", {"86万元": "hardship-funds", "20万元": "hardship-funds"}),
])
def test_a_special_disease_schemes_claims_and_money_are_the_womens_insurance(text, metrics):
    found = {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}
    assert {k: found.get(k) for k in metrics} == metrics


@pytest.mark.parametrize(("text", "figure", "metric"), [
    ("计划2019年募集社会帮扶资金30万元以上。", "30万元以上", "charity-funds-raised"),  # aid money raised from society: donations
    ("全年发放社会帮扶资金120万元，帮扶困难职工300户。", "120万元", "hardship-funds"),  # paid out: no money raised
    ("全年发放帮扶资金126万元。", "126万元", "hardship-funds"),
    ("培训基层工会女职工委员会主任和维权骨干1,360人次。", "1,360人次", "union-cadre-training"),  # the union's activists
    ("培训农民工1,360人次。", "1,360人次", "skills-training"),
    # a skills contest named in the figure's own words, a labour competition in the sentence's first clause
    ("计划开展市级劳动竞赛30项，职工职业技能大赛竞赛项目不少于12个，新命名劳模创新工作室8个。", "不少于12个", "skills-contests"),
])
def test_donations_activists_trained_and_a_named_contests_events(text, figure, metric):
    assert {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}[figure] == metric


@pytest.mark.parametrize(("text", "metrics"), [
    # an audit committee (经审会) is no union, its rate no union's; its members trained are the union's cadres
    ("全市已建立基层工会经审会2,186个，组建率达到89.6%。培训基层工会经审干部260人次。",
     {"2,186个": None, "89.6%": None, "260人次": "union-cadre-training"}),
    # hardship money and households an audit went over: no aid given
    ("对全市困难职工帮扶资金开展专项审计，涉及资金2,340万元，入户核实困难职工家庭318户。", {"2,340万元": None, "318户": None}),
    # the women's special-disease scheme's rate: no general mutual aid's
    ("推动9,600名女职工参加女职工特殊疾病互助保障，参保率达到76.2%。", {"9,600名": "women-workers-insurance", "76.2%": None}),
    # aid applications settled: no dispute's rate
    ("全年受理线上帮扶申请1,260件，办结率98%。", {"98%": None}),
    ("督促62家企业补发拖欠工资486万元。", {"486万元": "losses-recovered"}),
])
def test_audits_a_womens_schemes_rate_aid_applications_and_back_pay(text, metrics):
    found = {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}
    assert {k: found.get(k, "missing") for k in metrics} == metrics


@pytest.mark.parametrize(("text", "metrics"), [
    # aid given, then audited: the aid counts; only an audit carried out over the funds is no aid
    ("为困难职工发放救助金120万元，并接受了审计。", {"120万元": "hardship-funds"}),
    ("全年走访慰问困难职工家庭1,500户，发放慰问金450万元，所有资金均经过审计。",
     {"1,500户": "hardship-households", "450万元": "hardship-funds"}),
    # the union's own rate named beside an audit committee set up with it
    ("全市新建基层工会126家，同步建立经审会，建会率达到95%。", {"95%": "unionisation-rate"}),
    # an illness named, not the women's scheme: the general mutual aid's figures
    ("全市职工参加互助保障活动32万人，参保率达到82%，对患特殊疾病的职工实行救助。",
     {"32万人": "medical-mutual-aid-participants", "82%": "medical-mutual-aid-participants"}),
    # a dispute's rate beside aid applications' own
    ("全年受理劳动争议案件360件，调解成功率92%，帮扶申请办结率98%。", {"92%": "dispute-resolution-rate", "98%": None}),
])
def test_an_audit_a_committee_an_illness_or_applications_named_beside_veto_no_figure_of_their_own(text, metrics):
    found = {r.text: r.metric for r in extract_metrics(doc_of(text), TAXONOMY)}
    assert {k: found.get(k, "missing") for k in metrics} == metrics


@pytest.mark.parametrize("text", [
    "争取城市建设资金500万元用于道路改造。",
    "争取乡村振兴项目建设资金200万元。",
    "下拨基层工会组织建设补助资金30万元。",
])
def test_building_money_of_a_city_a_project_or_the_unions_organising_is_no_facility_investment(text):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == [None]


def test_building_money_of_a_workers_place_stays_facility_investment():
    assert [r.metric for r in extract_metrics(doc_of("市总工会筹集工人文化宫建设资金800万元。"), TAXONOMY)] == [
        "facility-investment"]


def test_a_bare_noun_counts_what_the_report_named_in_full_before():
    def metrics(*paragraphs: str) -> dict[str, str | None]:
        return {r.text: r.metric for r in extract_metrics(doc_of(*paragraphs), TAXONOMY)}

    named = "市总工会推进户外劳动者服务站点建设，全市已建成户外劳动者服务站点326个。"
    assert metrics(named, "今年上半年，全市县域新建站点26个，全区站点累计服务新就业形态劳动者4.6万人次。",
                   "年底前再新建六个站点。", "在46个站点配备了爱心冰箱，对12个站点发出整改通知，走访环卫站点126个。") == {
        "326个": "rest-stations", "26个": "rest-stations", "4.6万人次": "rest-stations", "六个": "rest-stations",
        "46个": None, "12个": None, "126个": None}
    # a report that never named the stations: its bare 站点 count nothing
    assert metrics("全县共建成站点26个。") == {"26个": None}
    # the people named (慰问户外劳动者) name no stations; 党建站点, 社区站点 are other sites
    assert metrics("慰问一线户外劳动者3200人次。", "推进法律服务进园区，全年新建站点15个。")["15个"] is None
    assert metrics(named, "全年新建党建站点12个，社区站点累计达到30个。") == {
        "326个": "rest-stations", "12个": None, "30个": None}


def test_a_bare_rise_after_a_clause_naming_its_base_is_a_change():
    text = "全市参加职工医疗互助保障的职工达到21.6万人，比上年增加3.2万人，增长17.4%，参保单位2,860家。"
    records = metric_ids(text)
    assert records["21.6万人"] == "medical-mutual-aid-participants"
    assert records["3.2万人"] is None and records["17.4%"] is None  # the rise as a count, then as a rate
    assert extract_metrics(doc_of("全市参保职工增长17.4%。"), TAXONOMY)[0].metric is not None  # no base named: kept
    # 下降为, 增长为: the level it came to, no change
    records = metric_ids("全市会员人数比上年减少0.3万人，下降为12.6万人。")
    assert records["0.3万人"] is None and records["12.6万人"] == "union-members"


def test_labour_dispute_cases_a_unions_lawyer_takes_on_are_legal_aid_not_mediation():
    text = "职工法律援助工作站受理法律咨询920人次，代理劳动争议案件46件，调解劳动争议38件。"
    records = metric_ids(text)
    assert records["46件"] == "legal-aid-cases"
    assert records["38件"] == "dispute-mediation"


def test_a_bureaus_quoted_statistic_is_another_bodys_figure():
    text = "今年全市各级工会共开展劳动竞赛260项。据市人社局统计，全市高技能人才总量已达到12.6万人。"
    records = metric_ids(text)
    assert records["260项"] == "labour-competitions"
    assert records["12.6万人"] is None
    # the union's own count, quoted, stays
    found = extract_metrics(doc_of("据市总工会统计，全市新发展会员1.2万人。"), TAXONOMY)
    assert found[0].metric == "new-union-members"


def test_a_city_federation_s_figures_for_the_whole_city_are_no_district_s_own():
    text = "记者从长沙市总工会获悉，今年全市计划建成“司机之家”100个。目前，全区已建成“司机之家”46个。"
    district = Document(title="岳麓区首家“司机之家”开门迎客", blocks=[Block("paragraph", text, 0, "p1")])
    assert [r.metric for r in extract_metrics(district, TAXONOMY)] == [None, "rest-stations"]
    for title in ("长沙市总工会推进“司机之家”建设", "开发区工会建成“司机之家”"):  # the city's own, a zone's named as its
        city = Document(title=title, blocks=[Block("paragraph", text, 0, "p1")])
        assert [r.metric for r in extract_metrics(city, TAXONOMY)] == ["rest-stations", "rest-stations"], title


# --- review of round 51 (6cce8f5 … cda51b4) and of dd42ff2, a46850c, cf8a714 ---------------------------


@pytest.mark.parametrize(("text", "kinds"), [
    ("围绕新时代工会工作要求，举办培训班16期。", ["actual"]),  # the requirements met: a noun before a comma
    ("市总工会围绕“十四五”规划要求各县区工会年内新建驿站20个。", ["target"]),  # 要求 a verb: a plan
    ("县总工会对照省总工会的考核要求各乡镇工会年底前新建职工书屋15家。", ["target"]),
    ("市总工会紧扣年度目标任务要求各基层工会全年发展会员1.2万名。", ["target"]),
])
def test_requirements_met_are_no_plan_but_requiring_is(text, kinds):
    assert [r.kind for r in extract_metrics(doc_of(text), TAXONOMY)] == kinds


@pytest.mark.parametrize(("text", "metrics"), [
    ("金秋助学活动中，为86名困难职工子女资助学费34.5万元。", ["hardship-children-aid", "hardship-children-aid"]),  # children's aid
    ("市总工会为学员资助学费123.6万元。", ["education-subsidy-funds"]),
    ("通过12345政务服务投诉热线受理欠薪投诉86件。", ["rights-petitions"]),  # a hotline's name, workers' complaints
    ("一年来共回访2,900余人次，受理服务投诉11件。", [None, None]),
    ("集中培训各级技能竞赛获奖选手320人次。", ["skills-training"]),  # prize winners trained
    ("参加技能培训的职工中，有58人在市级职业技能竞赛中获奖。", [None]),
    ("扎根三尺讲台三十年的36名乡村教师被授予市劳动模范称号。", ["model-workers"]),  # teachers who are model workers
    ("评选出“齐鲁最美教师”和教育系统劳动模范36名。", ["model-workers"]),
    ("建立由劳模工匠和工会干部组成的兼职教师库，入库教师68名。", [None]),
    ("截至年底，全区工会会员累计为8.6万人。", ["union-members"]),  # 累计为: the stock amounts to
    ("全市工会会员总数共为12.6万人。", ["union-members"]),
    ("全年共为4.2万名会员发放生日蛋糕券。", [None]),
    ("建成配备充电桩的户外劳动者服务站点36个。", ["rest-stations"]),  # stations holding chargers
    ("“司机之家”配备充电桩12个，全区建成“司机之家”46个。", [None, "rest-stations"]),
])
def test_round_51_rules_keep_to_what_they_were_written_for(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    # rates of labour disputes named otherwise than 劳动争议: wage arrears, workers' rights, workers' petitions
    ("化解欠薪矛盾纠纷320件，调解成功率96%。", "dispute-resolution-rate"),
    ("排查调处涉及职工权益的矛盾纠纷86件，调解成功率95%。", "dispute-resolution-rate"),
    ("全年受理职工信访事项312件，办结率98.6%。", "dispute-resolution-rate"),
    ("受理职工维权求助事项326件，办结率100%。", "dispute-resolution-rate"),
    ("全年排查化解矛盾纠纷418件，调解成功率达到98%以上。", None),
])
def test_a_labour_dispute_s_rate_named_by_arrears_or_rights_is_a_dispute_rate(text, metric):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY) if r.unit == "%"][-1] == metric


@pytest.mark.parametrize(("text", "metrics"), [
    # the whole of a mutual-aid scheme with an accident cover among its parts is the scheme's
    ("全年参加职工互助保障12.6万人次，其中意外伤害保障3.2万人次。", ["medical-mutual-aid-participants", None]),
    ("全市共有8.6万名职工参加互助保障，保障项目涵盖特殊疾病、意外伤害等。", ["medical-mutual-aid-participants"]),
    ("全年参保职工4.6万人，其中意外伤害互助保障参保1.1万人。", ["medical-mutual-aid-participants", None]),
    ("为新入会的八大群体会员办理意外伤害互助保障，全市共有8,600人参保。", [None]),
])
def test_a_mutual_aid_scheme_whose_part_is_an_accident_cover_keeps_its_participants(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "wanted"), [
    ("现在全区28个驿站都配备了冰箱、微波炉。", [("28个", "rest-stations")]),  # 现在: now, no locative
    ("在全市36个户外劳动者服务站点开展标准化建设。", [("36个", "rest-stations")]),  # 设 of 建设 sets nothing up
    ("在全市186个户外劳动者服务站点张贴了入会二维码和设备使用说明。", [("186个", "rest-stations")]),
    ("在86家企业建立了工资集体协商制度。", [("86家", "collective-contract-enterprises")]),  # a system of each firm
    ("区里在6个户外劳动者服务站点设立了“书香角”。", [("6个", None)]),
])
def test_a_count_of_places_sets_up_something_only_with_a_verb_of_setting_up(text, wanted):
    assert [(r.text, r.metric) for r in extract_metrics(doc_of(text), TAXONOMY)] == wanted


@pytest.mark.parametrize(("title", "text", "metrics"), [
    # a district's own figure after its city federation's plan for the whole city is the district's
    ("郫都区总工会扎实推进职工驿站建设", "根据成都市总工会关于在全市推进职工驿站建设的部署，区总工会今年新建职工驿站12个。", ["rest-stations"]),
    ("岳麓区“司机之家”建设提速", "按照长沙市总工会在全市开展“司机之家”建设的要求，岳麓区今年建成“司机之家”8个。", ["rest-stations"]),
    ("郫都区总工会扎实推进职工驿站建设", "在成都市总工会的指导下，我区作为全市试点，新建职工驿站12个。", ["rest-stations"]),
    ("郫都区总工会扎实推进职工驿站建设", "成都市总工会今年共下拨全市职工驿站建设资金1,200万元。", [None]),
    ("郫都区总工会扎实推进职工驿站建设", "成都市总工会今年共下拨全市各区县工会驿站建设资金1,200万元。", [None]),  # the districts given to
    ("郫都区总工会扎实推进职工驿站建设", "成都市总工会今年共下拨全市驿站建设资金1,200万元，郫都区获得补助资金200万元。",
     [None, "facility-investment"]),  # the district's share
    # a city federation's report whose title names a district, a flag or a service area is no district's
    ("成都市总工会在郫都区召开现场推进会", "成都市总工会今年共下拨全市职工驿站建设资金1,200万元。", ["facility-investment"]),
    ("党旗飘扬在“司机之家”", "长沙市总工会今年在全市建成“司机之家”100个。", ["rest-stations"]),
    ("高速服务区里的“司机之家”", "长沙市总工会今年在全市建成“司机之家”100个。", ["rest-stations"]),
])
def test_a_district_s_own_figures_beside_its_city_federation_s(title, text, metrics):
    doc = Document(title=title, blocks=[Block("paragraph", text, 0, "p1")])
    assert [r.metric for r in extract_metrics(doc, TAXONOMY)] == metrics


@pytest.mark.parametrize(("text", "metrics"), [
    ("各级工会开办“安全大讲堂”126场，培训职工2.1万人次。", ["training-sessions", "skills-training"]),  # safety training
    ("举办职工安全生产大讲堂36场。", [None]),  # safety training too, no cultural event
    ("举办“国家安全大讲堂”宣讲活动12场。", ["cultural-events"]),  # publicity of another kind of safety
    ("开展“食品安全大讲堂”进社区活动8场。", ["cultural-events"]),
])
def test_a_safety_lecture_is_training_but_a_lecture_on_national_or_food_safety_is_publicity(text, metrics):
    assert [r.metric for r in extract_metrics(doc_of(text), TAXONOMY)] == metrics


def test_a_part_after_a_change_counts_what_the_level_before_the_change_counts():
    # 其中 after a rise on last year: the part is of the level the rise follows, not of the rise
    text = "全年新发展会员3.86万人，比上年增长15.2%，其中新就业形态劳动者会员1.12万人。"
    records = metric_ids(text)
    assert records["3.86万人"] == "new-union-members" and records["15.2%"] is None
    assert records["1.12万人"] == "new-union-members"


def test_those_a_mutual_aid_pays_are_no_members_of_it():
    # 为…人次发放互助金: the claims paid, not the scheme's members named in the clause before
    text = "全县参加职工医疗互助保障3.4万人，全年为1,120人次发放互助金186万元。"
    records = metric_ids(text)
    assert records["3.4万人"] == "medical-mutual-aid-participants"
    assert records["1,120人次"] == "medical-mutual-aid-claims"


def test_a_sum_brought_to_one_households_home_is_that_familys():
    text = "12月20日，乌衣镇一户困难职工家中，市总工会送来的1000元慰问金摆上了桌。"
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric is None
    # a clause opening on the whole place is the place's again
    text = "在一户困难职工家里，记者了解到，全市今年共发放慰问金2,680万元。"
    assert extract_metrics(doc_of(text), TAXONOMY)[0].metric == "hardship-funds"
    # a clause opening on a union that counts the year's whole is the place's again too
    text = "走进一户困难职工家中，市总工会今年共走访慰问困难职工1,260户，发放慰问金380万元。"
    records = metric_ids(text)
    assert records == {"1,260户": "hardship-households", "380万元": "hardship-funds"}
