"""Tests for reportsite.normalize: simplified characters, full-width punctuation, spaces."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportsite.normalize import (
    clean_spaces,
    curly_quotes,
    join_letter_spaced,
    normalize_punctuation,
    normalize_text,
    to_simplified,
)


def test_traditional_becomes_simplified():
    assert to_simplified("广泛宣传临平深厚的文化底蘊") == "广泛宣传临平深厚的文化底蕴"


@pytest.mark.parametrize(("text", "expected"), [
    ("乾县总工会表彰劳模", "乾县总工会表彰劳模"),  # a county of the gazetteer
    ("柞水县乾佑街道職工书屋", "柞水县乾佑街道职工书屋"),  # a word of text_rules' keep_as_written
    ("乾淨整潔的職工之家", "干净整洁的职工之家"),  # elsewhere 乾 is still the traditional 干
])
def test_names_simplified_chinese_writes_with_a_traditional_looking_character_are_kept(text, expected):
    assert to_simplified(text) == expected


def test_variant_characters_opencc_leaves_are_read_as_the_standard_ones():
    assert to_simplified("環衞工人囘家") == "环卫工人回家"


def test_simplified_text_is_left_alone():
    text = "临安市总工会奋进创新谱写工运新篇章"
    assert to_simplified(text) == text


def test_comma_between_han_becomes_full_width():
    assert normalize_punctuation("近年来,建德市总工会") == "近年来，建德市总工会"


def test_other_marks_in_chinese_become_full_width():
    assert normalize_punctuation("撰稿人:邹伟锋") == "撰稿人：邹伟锋"
    assert normalize_punctuation("乡镇(街道)总工会;好!对吗?") == "乡镇（街道）总工会；好！对吗？"
    assert normalize_punctuation("参与率86%;达到") == "参与率86%；达到"


def test_numbers_and_codes_keep_ascii():
    for text in ["投入1,000万元", "增长3.5倍", "5+X组建模式", "G20杭州峰会", "O2O服务平台", "10:30开会"]:
        assert normalize_punctuation(text) == text


def test_urls_and_english_keep_ascii():
    assert normalize_punctuation("网址http://www.hzgh.org,欢迎") == "网址http://www.hzgh.org，欢迎"
    assert normalize_punctuation("see (this), ok?") == "see (this), ok?"


def test_full_width_digits_become_ascii():
    assert normalize_text("Ｇ２０峰会") == "G20峰会"
    # A full-width comma grouping wide digits in thousands is the number's; one between ASCII digits is a list's.
    assert normalize_text("服务职工１，０２４人，新建驿站１，２个") == "服务职工1,024人，新建驿站1，2个"
    assert normalize_text("分别为3，200人") == "分别为3，200人"


def test_spaces_next_to_chinese_punctuation_go():
    assert clean_spaces("贴近主线， 凝心聚力") == "贴近主线，凝心聚力"


def test_space_between_han_kept_only_when_asked():
    assert clean_spaces("温暖工程 当好娘家人", keep_between_han=True) == "温暖工程 当好娘家人"
    assert clean_spaces("温暖工程 当好娘家人") == "温暖工程当好娘家人"
    assert clean_spaces("精神 and 习近平") == "精神 and 习近平"


def test_ascii_quotes_in_chinese_become_curly_in_pairs():
    assert curly_quotes('以"四个聚焦"助推"名城名都"建设') == "以“四个聚焦”助推“名城名都”建设"
    assert curly_quotes('id="page5"') == 'id="page5"'
    assert curly_quotes('只有一个"引号') == '只有一个"引号'


def test_space_inside_a_quoted_slogan_is_kept():
    assert clean_spaces("实施“稳企业 保就业”专项行动") == "实施“稳企业 保就业”专项行动"
    assert clean_spaces("织就共富“幸福网” 柯桥工会", keep_between_han=True) == "织就共富“幸福网” 柯桥工会"
    assert clean_spaces("织就共富“幸福网” 柯桥工会") == "织就共富“幸福网”柯桥工会"


chinese_ish = st.text(alphabet="职工会的年,;:!?()（）。 1234.5+GXand\u3000臺灣蘊", max_size=40)


@given(chinese_ish)
def test_normalize_text_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(chinese_ish, st.booleans())
def test_clean_spaces_is_idempotent(text, keep):
    once = clean_spaces(text, keep)
    assert clean_spaces(once, keep) == once


def _marks_one_by_one(text: str) -> str:
    """One pass of mark conversion, mark by mark: the rule _convert_marks applies with two scans."""
    from reportsite.normalize import _CJK_RE, _FULL_WIDTH, _keeps_ascii

    def neighbour(index: int, step: int) -> str:
        index += step
        while 0 <= index < len(text) and text[index] in " \t":
            index += step
        return text[index] if 0 <= index < len(text) else ""

    chars = list(text)
    for i, char in enumerate(text):
        if char in ",;:!?" and not _keeps_ascii(text, i) and any(_CJK_RE.match(c) for c in (neighbour(i, -1), neighbour(i, 1)) if c):
            chars[i] = _FULL_WIDTH[char]
    return "".join(chars)


@given(st.lists(st.sampled_from(list(",;:!? \t工会，。“”…·　ab12/") + ["http://", "1,000", "10:30"]), max_size=12).map("".join))
def test_a_mark_becomes_full_width_when_its_nearest_neighbour_is_chinese(text):
    from reportsite.normalize import _convert_marks

    assert _convert_marks(text) == _marks_one_by_one(text)


def test_a_mark_ending_a_wrapped_line_of_chinese_is_full_width():
    assert normalize_text("覆盖率达到98.3%,\n小微企业建会") == "覆盖率达到98.3%，\n小微企业建会"
    assert normalize_text("包括:\n职工书屋") == "包括：\n职工书屋"
    assert normalize_text("Hello, world,\nfine") == "Hello, world,\nfine"  # no Chinese on either side


def test_letters_read_for_digits_inside_a_number_become_digits():
    text = "2O19年，新建妈咪小屋l28个，开展活动4O余场，支付3l5万元，满意率9O%，举办培训1l期，建成驿站I5个。"
    assert normalize_text(text) == "2019年，新建妈咪小屋128个，开展活动40余场，支付315万元，满意率90%，举办培训11期，建成驿站15个。"
    # S for 5 after a digit; 5S管理 (no measure word after it) and SOS stay.
    assert normalize_text("满意率98.S%，建成书屋1S个，推行5S管理，开通SOS求助。") == "满意率98.5%，建成书屋15个，推行5S管理，开通SOS求助。"


def test_an_ascii_full_stop_before_a_closing_quote_after_chinese_is_full_width():
    assert normalize_text("他说：“要堵住漏洞.”后来") == "他说：“要堵住漏洞。”后来"
    assert normalize_text("He said “ok.” Then") == "He said “ok.” Then"


def test_characters_ocr_reads_for_others_are_fixed_where_the_word_leaves_no_doubt_and_listed():
    from reportsite.normalize import repair_characters

    text, fixes = repair_characters("工会己经建成，12月16曰召开，投人资金86万元，加人工会的职工，从末拖欠，1月未能完成，接收人员。")
    assert text == "工会已经建成，12月16日召开，投入资金86万元，加入工会的职工，从未拖欠，1月未能完成，接收人员。"
    assert sorted(fixes) == sorted(["己→已", "曰→日", "人→入", "人→入", "末→未"])
    assert normalize_text("共1,O50名") == "共1,050名"  # a lookalike past a thousands comma
    assert repair_characters("岗位标兵180名0\n县总工会拿出奖励资金。")[0] == "岗位标兵180名。\n县总工会拿出奖励资金。"  # 0 for 。
    assert repair_characters("参赛职工180名0\n")[0] == "参赛职工180名0\n"  # the text's end: nothing after it to tell
    assert repair_characters("会员总数达到46.2万人0\n（二）劳动竞赛")[0] == "会员总数达到46.2万人。\n（二）劳动竞赛"  # after 万, before a subhead
    for slogan in ("提供服务120次0收费", "办理入会手续160家0跑腿", "实现3个0目标"):  # 0收费: none, no full stop
        assert repair_characters(slogan)[0] == slogan
    assert clean_spaces("维护职工合法权益（Protecting Workers’ Rights）") == "维护职工合法权益（Protecting Workers’ Rights）"


def test_words_of_latin_letters_beside_digits_stay():
    text = "打造O2O服务平台，通过ISO9001认证，APP下载量达到12万次，G20峰会期间。"
    assert normalize_text(text) == text


def test_letters_read_for_digits_beside_a_decimal_point_become_digits():
    assert normalize_text("资金1.O8亿元，覆盖l.52万户，达9O.5%，共l5.2万户") == "资金1.08亿元，覆盖1.52万户，达90.5%，共15.2万户"
    assert normalize_text("v1.O版，O2O模式") == "v1.O版，O2O模式"


def test_a_numbers_full_width_point_and_per_cent_sign_become_ascii():
    assert normalize_text("会员５．８万名，增长12.4％") == "会员5.8万名，增长12.4%"
    assert normalize_text("“．”与“％”") == "“．”与“％”"  # not a number's


def test_an_ascii_full_stop_after_chinese_becomes_a_chinese_one():
    assert normalize_text("服务4800余人次.同时发放1560万元.\n在困难职工帮扶方面") == "服务4800余人次。同时发放1560万元。\n在困难职工帮扶方面"
    assert normalize_text("达到98.3%.全年") == "达到98.3%。全年"
    assert normalize_text('今年已有8个课题被工作室成员"揭榜".企业工会主席说') == '今年已有8个课题被工作室成员"揭榜"。企业工会主席说'
    for kept in ["增长5.8万人", "详见www.acftu.org", "等等...", "第1.2节"]:
        assert normalize_text(kept) == kept


def test_ocrs_full_width_point_for_a_full_stop_becomes_one():
    assert normalize_text("稳步发展．现将有关情况公布如下．\n全省基层工会12.4万个．全年新建") == (
        "稳步发展。现将有关情况公布如下。\n全省基层工会12.4万个。全年新建")
    assert normalize_text("占比3.5%．全省") == "占比3.5%。全省"
    assert normalize_text("各市情况见表1．\n\n表1　各市工会组织") == "各市情况见表1。\n\n表1　各市工会组织"
    for kept in ["一．组织建设", "1．抓好培训", "创造经济效益2.\n\n36亿元"]:  # a head's number; a number a page cut
        assert normalize_text(kept) == kept


def test_a_run_of_marks_of_any_length_is_converted_in_one_normalisation():
    assert normalize_text("::::!\u3000") == "：：：：！\u3000"  # five marks: more passes than the four there were


def test_the_point_after_a_headings_number_stays():
    assert normalize_text("一.加强组织建设\n全年新建基层工会12家.同时") == "一.加强组织建设\n全年新建基层工会12家。同时"
    assert normalize_text("（二）.阵地建设") == "（二）.阵地建设"


def test_a_full_stop_before_brackets_that_become_full_width_is_converted_in_one_normalisation():
    once = normalize_text("会.()\u3000")
    assert once == "会。（）\u3000" and normalize_text(once) == once


# --- lines OCR spaced out letter by letter ------------------------------------------------------


@pytest.mark.parametrize(("line", "joined"), [
    ("　　全 系 统 新 建 职 工 之 家 58 个 、 职 工 小 家 214 个 ，", "　　全系统新建职工之家58个、职工小家214个，"),
    ("（二）推 进 职 工 之 家 建 设", "（二）推进职工之家建设"),
    ("组 织 “ 安 康 杯 ” 竞 赛 参 赛 企 业 412 家", "组织“安康杯”竞赛参赛企业412家"),
])
def test_a_line_spaced_out_letter_by_letter_is_joined_up(line, joined):
    assert normalize_text(line) == normalize_text(joined)


@pytest.mark.parametrize("line", [
    "The union of all workers here and there",  # words
    "陈  静  王  强  李  四",  # names set wide: wide gaps
    "工 会 简 报",  # too few pieces to tell
    "A7 2023年2月8日 星期三 晋江新闻 泉州晚报",  # a running head's parts
    "城关镇 3 5 2 1 4",  # a table's row of small figures
])
def test_lines_of_words_keep_their_spaces(line):
    assert join_letter_spaced(line) == line


def test_a_bracket_pair_cut_by_a_hard_wrap_is_made_full_width_as_a_pair():
    assert normalize_text("律师46名(其中执业\n律师18名)，开展服务。") == "律师46名（其中执业\n律师18名），开展服务。"
    assert normalize_text("see (Smith\n2020) and") == "see (Smith\n2020) and"  # Latin text keeps its brackets


def test_a_markdown_links_target_keeps_its_ascii_brackets():
    text = "职工可登录[“闽工通”平台](https://example.org/flyz)在线申请。"
    assert normalize_text(text) == text


def test_hong_kong_variants_opencc_leaves_are_read_as_standard_characters():
    assert normalize_text("櫃枱") == "柜台"


@pytest.mark.parametrize(("text", "fixed"), [
    ("工作安排，请予审议o\n下一步", "工作安排，请予审议。\n下一步"),  # a full stop read as o
    ("挽回经济损失468万元0调解劳动争议", "挽回经济损失468万元。调解劳动争议"),  # or as 0 after an amount
    ("做到应助尽助0矿山机械厂一线职工", "做到应助尽助。矿山机械厂一线职工"),  # or as 0 between two words
    ("新建基层工会86家0截至年底", "新建基层工会86家。截至年底"),
    ("服务窗\n□前移到职工身边", "服务窗\n口前移到职工身边"),  # 口 read as □ after a wrap
    ("发放慰问金7.2万元0\n　　县总工会还开展了", "发放慰问金7.2万元。\n　　县总工会还开展了"),  # at a line's end
    ("发放补助300元0调解案件12件", "发放补助300元。调解案件12件"),  # after 元 alone
    ("培训职工1,200余人次0\n　　在堆龙德庆区", "培训职工1,200余人次。\n　　在堆龙德庆区"),  # after 余…人次 at a line's end
    ("标准给予补助0\n　　（二）精选师资", "标准给予补助。\n　　（二）精选师资"),  # after a word at a line's end
    ("节省开支约426万元0\r\n\r\n二、主要活动", "节省开支约426万元。\r\n\r\n二、主要活动"),  # at a paragraph's end
    ("新建驿站12个0\n\n　　下一步", "新建驿站12个。\n\n　　下一步"),
    ("已判决l件，调解结案", "已判决1件，调解结案"),  # a lone 1 read as l before a measure word
    ("山机械厂-线职工", "山机械厂一线职工"), ("不足：-是企业；=是部分", "不足：一是企业；二是部分"), ("第=季度", "第二季度"),
    ("服务窗□前移", "服务窗口前移"), ("职工群众好□碑", "职工群众好口碑"),
])
def test_ocr_lookalikes_of_punctuation_and_simple_characters_are_read_back(text, fixed):
    from reportsite.normalize import repair_characters
    assert repair_characters(normalize_text(text))[0] == fixed


@pytest.mark.parametrize("text", [
    "2019-2020年", "A-1型机组", "O2O平台", "同比减少0\n.5%", "实现安全生产0事故", "服务0距离", "全年发生事故0起", "欠薪0容忍", "办事0跑腿", "单价12元0角5分", "5万元0利息贷款",
    "恶意欠薪事件0发生，欠薪案件0增长", "实现动态清0\n（四）", "事故为0\n起", "投诉降至0\n全年",  # zero as a value
    "全年发生安全事故0\n起，同比下降", "实现安全生产0\n事故的目标", "坚持欠薪0\n容忍", "矛盾纠纷0\n上交", "发放0\n息贷款",  # a wrap cuts a zero's word
    "死亡人数0\n重伤人数2人", "安全生产事故发生率0\n（三）",  # a count's or a rate's zero at a line's end
    "二0二三年三月十五日", "一0八国道沿线", "“服务0等候、审批0见面”", "发放0息贷款", "面向0基础职工", "矛盾纠纷0上交",  # 〇 read as 0, slogans
    "慰问困难职工1200人\n□开展金秋助学活动", "□号召全市职工",  # □ as a bullet
    "得分=次数×权重", "|单位|会员|\n|甲|12|", "3月～\n五月底",  # an equals sign, a table's bars, a range
])
def test_hyphens_zeros_and_letters_that_belong_to_numbers_or_words_stay(text):
    from reportsite.normalize import repair_characters
    assert repair_characters(normalize_text(text))[0] == normalize_text(text)


def test_a_converters_entities_escapes_and_bold_figures_are_read():
    from reportsite.normalize import converter_marks

    assert converter_marks("&nbsp;&nbsp;全段职工**2,846**名，A&amp;B") == "  全段职工2,846名，A&B"
    assert converter_marks("1\\.抓好培训\n2\\.丰富文化") == "1.抓好培训\n2.丰富文化"
    assert converter_marks("| a \\| b |") == "| a \\| b |"  # a table cell's bar stays escaped
    assert converter_marks("**——怀化工务段工会2020年工作总结**") == "——怀化工务段工会2020年工作总结"
    assert converter_marks("**凝聚思想共识。**带动") == "**凝聚思想共识。**带动"  # bold words stay bold


def test_small_form_marks_become_the_marks_they_stand_for():
    from reportsite.normalize import normalize_text
    assert normalize_text("全年新增會員１２．６萬人﹐較上年度增加﹔調解成立率﹕８３％") == "全年新增会员12.6万人，较上年度增加；调解成立率：83%"


def test_ji_read_for_yi_before_more_verbs_of_work_done():
    from reportsite.normalize import repair_characters

    text, _fixes = repair_characters("工作己通过市总工会验收，全市己开始推行，己签订合同12份。自己的事。")
    assert text == "工作已通过市总工会验收，全市已开始推行，已签订合同12份。自己的事。"


def test_ji_in_ziji_stays():
    from reportsite.normalize import repair_characters

    text, fixes = repair_characters("他自己通过自学考取了高级技师证书，老李自己投入3万元。")
    assert text == "他自己通过自学考取了高级技师证书，老李自己投入3万元。" and fixes == []


def test_ocrs_ji_before_put_right_and_settled_is_already():
    from reportsite.normalize import repair_characters

    text, fixes = repair_characters("被审计单位己整改问题79个，己办结88件，自己整改。")
    assert text == "被审计单位已整改问题79个，已办结88件，自己整改。"
    assert fixes == ["己→已", "己→已"]


def test_ocrs_ji_before_gained_is_already():
    from reportsite.normalize import repair_characters

    assert repair_characters("其中38名选手己获得称号，自己获得。")[0] == "其中38名选手已获得称号，自己获得。"


def test_ocrs_ji_before_organised_is_already():
    from reportsite.normalize import repair_characters

    text, fixes = repair_characters("截至5月底，己组织一线职工疗休养42批次，他们自己组织了读书会。")
    assert text == "截至5月底，已组织一线职工疗休养42批次，他们自己组织了读书会。"
    assert fixes == ["己→已"]
