"""Tests for reportsite.unwrap: hard-wrapped OCR lines joined back into paragraphs."""

import pytest

from reportsite.unwrap import Wrap, join_lines, read_twice, runs_on, unwrap_lines, wrap_width


def test_lines_cut_inside_a_number_join_without_a_space():
    assert join_lines("全年接待职工来访咨询15", "60人次") == "全年接待职工来访咨询1560人次"
    assert join_lines("发放互助金2", "300余万元。") == "发放互助金2300余万元。"
    assert join_lines("技能6", ".8万人。") == "技能6.8万人。"


def test_only_two_latin_words_get_a_space_and_never_inside_a_url():
    assert join_lines("深化 Hello", "world 活动") == "深化 Hello world 活动"
    assert join_lines("详见http://www.yz", "gh.gov.cn。") == "详见http://www.yzgh.gov.cn。"


def test_wrap_width_is_counted_in_characters_when_lines_hold_digits():
    groups = [["项集体合同1,280份，覆盖企业5600余家、职工21.6万", "人。"]] * 3
    assert wrap_width(groups) == Wrap(30, True)


def test_an_indent_fills_a_line_measured_in_display_cells():
    # wrapped at 24 cells, half-width digits counting one (12 to 15 characters a line); the indent fills the
    # first line too, so it runs on
    lines = ["\u3000\u3000全年新建基层工会八十", "六家，发展会员6320名，其", "中农民工会员4180名，入会",
             "率达到92.6%，比上年提高3", ".5个百分点。"]
    wrap = wrap_width([lines])
    assert wrap == Wrap(24, False)
    assert unwrap_lines(lines, wrap)[0] == ["全年新建基层工会八十六家，发展会员6320名，其中农民工会员4180名，入会率达到92.6%，比上年提高3.5个百分点。"]


def test_a_line_holding_only_a_full_stop_runs_on():
    assert unwrap_lines(["产生经济效益近五千万元", "。"], None) == (["产生经济效益近五千万元。"], [])


def test_indented_paragraphs_without_blank_lines():
    lines = [
        "标题工会工作综述",
        "——副题",
        "\u3000\u3000第一段写完了。",
        "●小标题",
        "\u3000\u3000第二段开头写满了一整行的文字内容",
        "分页截断后的半行。",
        "第二段又有一行写满了一整行的文字内容",
        "完。",
        "（记者 张三）",
    ]
    wrap = Wrap(19, True)
    assert unwrap_lines(lines, wrap)[0] == [
        "标题工会工作综述",
        "——副题",
        "第一段写完了。",
        "●小标题",
        "第二段开头写满了一整行的文字内容分页截断后的半行。第二段又有一行写满了一整行的文字内容完。",
        "（记者 张三）",
    ]


def test_a_flush_line_under_a_short_last_line_opens_a_caption_when_a_credit_stands_within_two_lines():
    # where paragraphs are set in, a flush full line after a short one ending a sentence runs on (a page break cut
    # the paragraph, as above), unless a photo's credit alone follows it within two lines: the caption's first line
    lines = [
        "\u3000\u3000第一段开头写满了一整行的文字内容",
        "发现并纠正问题6个。",
        "叙州区总工会工作人员在产业园区为职工",
        "办理参保手续。",
        "通讯员　杨光辉　摄",
        "\u3000\u3000第二段写完了。",
    ]
    assert unwrap_lines(lines, Wrap(17, True))[0] == [
        "第一段开头写满了一整行的文字内容发现并纠正问题6个。",
        "叙州区总工会工作人员在产业园区为职工办理参保手续。",
        "通讯员　杨光辉　摄",
        "第二段写完了。",
    ]


def test_page_furniture_inside_a_paragraph_is_set_apart_and_the_text_runs_on():
    lines = ["\u3000\u3000建制率保持在", "— 12 —", "某某日报 2023年5月4日", "90%以上。"]
    furniture = {"— 12 —", "某某日报 2023年5月4日"}.__contains__
    assert unwrap_lines(lines, None, furniture) == (["建制率保持在90%以上。"], ["— 12 —", "某某日报 2023年5月4日"])


def test_a_numbered_item_cut_before_its_figure_runs_on_but_a_numbered_heading_does_not():
    item = "（2）驿站星级评定办法，每年评定一次，对三星级以上驿站给予"
    assert runs_on(item, "2000元至1万元奖补；", None, False)
    assert not runs_on("（一）建档立卡动态管理", "县总工会建立困难职工帮扶机制。", None, False)
    assert not runs_on("一、精准帮扶，困难职工“解困有门”", "2016年，县总工会建立机制。", None, False)
    assert not runs_on(item, "（3）“驿站长”制度，负责日常管理。", None, False)
    assert not runs_on("1.强化思想引领，凝聚奋进力量", "区总工会全年开展宣讲活动120场。", None, False)
    assert not runs_on("（1）强化技能培训，提升职工素质", "2019年，全区培训职工3200人次。", None, False)


def test_a_hyphen_that_cut_a_number_at_the_line_end_goes_but_a_range_stays():
    assert join_lines("全区共建会企业2,9-", "35个，覆盖职工") == "全区共建会企业2,935个，覆盖职工"
    assert join_lines("人均补助42-", "0元。") == "人均补助420元。"  # 42 to 0 is no range
    assert join_lines("服务1,0-", "24人次") == "服务1,024人次"
    for left, right in [("每期培训1-", "12名学员"), ("2019-", "2020年"), ("共2,9-", "3个")]:
        assert join_lines(left, right) == left + right  # a range, or parts that make no grouped number


def test_after_a_line_ending_on_a_colon_each_line_ending_on_a_semicolon_ends_an_item():
    items = ["全区工会系统共获得省级以上荣誉二十三项，其中：", "区总工会荣获“全国模范职工之家”称号；",
             "炼钢厂转炉工段荣获“全国工人先锋号”；", "岳塘区环卫所等三个集体荣获“湖南省五一劳动奖状”。"]
    lines = [item[i : i + 12] for item in items for i in range(0, len(item), 12)]
    lines += ["区总工会还举办青年职工联谊交友活动五场；参与单身青年职工四百余人次，", "反响良好。"]
    out, _ = unwrap_lines(lines, wrap_width([lines]))
    assert out[:4] == items  # without the colon above them, lines ending on ； at the width run on


def test_a_numbered_head_after_a_sentences_end_stands_alone_though_the_line_above_is_full():
    wrap = Wrap(30, True)
    previous = "　　组织“安康杯”竞赛参赛企业412家，查找整改安全隐患5,600余条。"
    assert wrap.full(previous)
    assert not runs_on(previous, "（四）做好帮扶救助工作", wrap, True)
    assert not runs_on(previous, "四、加强自身建设", wrap, True)
    assert not runs_on(previous, "二、突出重点群体，法律援助精准有效", wrap, True)  # a comma in a short head
    assert not runs_on(previous, "（四）维权服务不断强化。", wrap, True)  # a head closed by 。
    assert not runs_on(previous, "一、坚持党建引领，推动工会工作高质量发展", wrap, True, "　　全年，全县各级工会…")
    # a numbered item cut short before a long number, or a Latin word, at the wrap: the line under it says so
    assert runs_on(previous, "二、强化困难职工帮扶，全年为困难职工发放慰问金", wrap, True, "4658.62万元，惠及困难职工1.2万人次。")
    assert runs_on(previous, "三、建好网上阵地，上线“职工之家”APP", wrap, True, "平台，注册会员达12.6万人。")
    # a numbered clause inside a sentence, or after a line that ends no sentence, runs on
    assert runs_on(previous, "（四）做好帮扶救助工作，发放慰问金465万元。", wrap, True)
    assert runs_on("　　全省工会开展帮扶救助，重点做好以下几个方面的工作，主要是", "（四）做好帮扶救助工作", wrap, True)
    assert runs_on(previous, "二、突出重点群体，法律援助精准有效，全年受理案件87件，", wrap, True)  # full: a wrap cut it


def test_a_bare_head_of_two_phrases_between_indented_paragraphs_stands_alone_though_the_line_above_is_full():
    wrap = Wrap(30, True)
    previous = "　　组织“安康杯”竞赛参赛企业412家，查找整改安全隐患5,600余条。"
    assert wrap.full(previous)
    under = "　　“货车司机流动性大，不摸清底数，入会就是一句空话。”"
    assert not runs_on(previous, "摸清底数　把工会建到路上", wrap, True, under, heads_in_two=True)
    assert not runs_on(previous, "入会有“礼包”　服务跟着走", wrap, True, under, heads_in_two=True)
    # not a paragraph's last line after a full one, nor a line the paragraph goes on under
    assert runs_on(previous, "全年共走访企业86家　场站12个。", wrap, True, under, heads_in_two=True)
    assert runs_on(previous, "摸清底数　把工会建到路上", wrap, True, "的各项工作，取得了实效。", heads_in_two=True)
    assert runs_on("　　全县工会组织开展“安康杯”竞赛，参赛企业412家，查找整改安", "摸清底数　把工会建到路上", wrap, True, under,
                   heads_in_two=True)
    # a signature, two names, a photo's credit, a source: no head
    for line in ["宁武县总工会　2019年7月30日", "张志刚　王海平", "职工在司机之家休息　张三摄", "摘自　《山西工人报》"]:
        assert runs_on(previous, line, wrap, True, under, heads_in_two=True)
    # where the text sets no other head so, such a line is a sentence that lost its marks
    assert runs_on(previous, "这是大家的心里话　也是共同的心愿", wrap, True, under)
    # a short first phrase with a long second (提标准　让患病职工“助得多”); not two names of three characters
    assert not runs_on(previous, "提标准　让患病职工“助得多”", wrap, True, under, heads_in_two=True)
    assert runs_on(previous, "王小明　李小红", wrap, True, under, heads_in_two=True)


def test_two_heads_of_two_phrases_make_the_layout_that_sets_each_apart():
    lines = ["　　全县发展货车司机、快递员、保安员等群体入会3,168名。",
             "摸清底数　把工会建到路上", "　　县总工会抽调机关干部组成12个工作组，逐一走访运输公司。",
             "入会有“礼包”　服务跟着走", "　　县总工会出资16.8万元，为新会员办理意外伤害保障。"]
    out, _debris = unwrap_lines(lines, Wrap(30, True))
    assert out[1] == "摸清底数　把工会建到路上" and out[3] == "入会有“礼包”　服务跟着走" and len(out) == 5
    # one such line alone runs on as before
    out, _debris = unwrap_lines(lines[:3], Wrap(30, True))
    assert len(out) == 2


def test_a_subtitle_line_never_runs_on_from_a_title_line_above_it():
    wrap = Wrap(16, True)
    assert not runs_on("急打工仔所急　做劳工朋友的坚强后盾", "——香港工会联合会2018年职工服务工作回顾", wrap, False)
    # in a sentence cut at a dash, the line above holds its marks: it runs on
    assert runs_on("全市工会围绕一个中心，服务一个大局", "——高质量发展，开展劳动竞赛", wrap, False)


def test_a_speakers_line_under_a_speechs_subtitle_stands_alone():
    lines = ["凝心聚力建新功　砥砺奋进开新局", "——在集团公司第四届职工代表大会第三次会议上的工会工作报告",
             "集团公司工会主席　吕振国", "（2021年1月26日）"]
    # in a text of indented paragraphs, one a line (a word processor's export), unindented lines run on after a
    # line that ends on no stop: not this one
    assert not runs_on(lines[1], lines[2], None, True)
    assert runs_on(lines[1], "报告人", None, True)


def test_a_line_wholly_in_bold_never_runs_on_or_takes_the_next_line():
    wrap = Wrap(22, True)
    previous = "**市总工会开展新就业形态劳动者集中入会活动**"  # as long as the column: still a headline
    assert not runs_on(previous, "本报记者　胡敏", wrap, False)
    assert not runs_on("活动现场，快递员、外卖骑手、网约车司机等新就", previous, wrap, False)
    assert runs_on("活动现场，快递员、外卖骑手、网约车司机等新就", "**业形态**劳动者当场办理入会手续", wrap, False)


def test_a_bracket_left_open_runs_on_into_the_line_that_closes_it():
    wrap = Wrap(21, True)
    assert runs_on("（图为刚升井的矿工在井口职工书屋挑选", "图书　许志刚　摄）", wrap, False)
    assert not runs_on("（图为矿工挑选图书　许志刚　摄）", "把书屋搬到井口边", wrap, False)


def test_in_an_indented_layout_the_words_said_after_a_colon_run_on():
    lines = ["　　贾二虎的徒弟、24岁的王小军在一旁插话：", "“师父的本子我都抄过一遍，现在我也养成了习", "惯。”",
             "　　会议要求：", "一是加强领导；", "二是落实责任。"]
    out, _debris = unwrap_lines(lines, Wrap(21, True))
    assert out[0] == "贾二虎的徒弟、24岁的王小军在一旁插话：“师父的本子我都抄过一遍，现在我也养成了习惯。”"
    assert out[1:] == ["会议要求：", "一是加强领导；", "二是落实责任。"]


def test_a_meetings_header_lines_stand_alone_and_take_their_hanging_lines():
    wrap = Wrap(30, True)
    assert not runs_on("主持：吴立新　市总工会党组书记、常务副主席", "出席：吴立新、孙立群、马晓燕、王健、李国庆、", wrap, False)
    assert runs_on("出席：吴立新、孙立群、马晓燕、王健、李国庆、", "　　　刘海涛、周慧敏", wrap, False)
    assert not runs_on("会议要求各单位抓好落实，确保全年任务圆满完成。", "　　　刘海涛", wrap, False)


def test_a_periodicals_name_over_its_issue_line_goes_with_it():
    issue = lambda line: "期" in line  # noqa: E731 - the page furniture of this test: the issue line
    out, debris = unwrap_lines(["江城工会", "2024年第1期（总第58期）"], None, issue)
    assert out == [] and debris == ["江城工会", "2024年第1期（总第58期）"]
    out, debris = unwrap_lines(["职工之家建设取得新进展，全市共建成各级职工之家", "2024年第1期（总第58期）"], None, issue)
    assert out == ["职工之家建设取得新进展，全市共建成各级职工之家"]  # words of the text stay


def test_misfires_of_the_meeting_and_bracket_rules_stay_mended():
    wrap = Wrap(27, True)
    full = "今年以来，市总工会联合人社部门举办春风行动专场招聘会报名"  # a wrap's full line
    assert runs_on(full, "时间：即日起至3月31日，共吸引120家企业参加。", wrap, False)  # no header: a wrapped line
    assert not runs_on("出席：郑宏伟、李明、张华", "　　　会议传达学习了省总工会全委会精神，研究了下半年工作。", wrap, False)
    assert not runs_on("　　一年来，全市新建工会120家（其中非公企业工会98家)，发展会员1.2万人。",
                       "　　全市各级工会走访慰问困难职工1200户(其中劳模80户）。", wrap, False)
    lines = ["　　全年重点开展了以下活动：", "“工会进万家”活动，走访企业300家；", "“职工书屋”建设活动，新建书屋20家。"]
    out, _debris = unwrap_lines(lines, Wrap(21, True))
    assert out == ["全年重点开展了以下活动：", "“工会进万家”活动，走访企业300家；", "“职工书屋”建设活动，新建书屋20家。"]


def test_only_a_periodicals_name_over_a_bare_issue_line_is_its_masthead():
    issue = lambda line: "期" in line  # noqa: E731 - the page furniture of this test
    assert unwrap_lines(["让职工书屋活起来", "（原载《中国工运》2019年第6期）"], None, issue)[0] == ["让职工书屋活起来"]
    assert unwrap_lines(["春送岗位专项行动情况", "2024年第1期"], None, issue)[0] == ["春送岗位专项行动情况"]


def test_a_number_cut_by_a_hyphen_after_its_thousands_comma_is_rejoined():
    assert join_lines("全市约有16,-", "800名快递员") == "全市约有16,800名快递员"
    assert join_lines("年龄在20-", "30岁之间") == "年龄在20-30岁之间"  # a range stays


def test_header_labels_set_out_wide_and_english_words_hyphenated_at_a_line_end():
    from reportsite.unwrap import header_label_line
    assert header_label_line("时　　间：2021年5月26日") and header_label_line("主 持 人：刘建华")
    assert not header_label_line("时间就是生命，效率就是金钱。")
    assert join_lines("the Workers' Educa-", "tion Centre") == "the Workers' Education Centre"
    assert join_lines("共有2,9-", "35个") == "共有2,935个" and join_lines("COVID-", "19") == "COVID-19"


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("本会网站 http://www.hkftu-", "spark.org.hk 或", "本会网站 http://www.hkftu-spark.org.hk 或"),
    ("或电邮至 train-", "info@ftu.org.hk 查询", "或电邮至 train-info@ftu.org.hk 查询"),
    ("（non-", "governmental organisations）", "（non-governmental organisations）"),
    ("long-", "term care", "long-term care"),
])
def test_a_hyphen_in_addresses_and_compounds_stays(left, right, joined):
    assert join_lines(left, right) == joined


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("职业训练中心（Work-", "ers Training Centre）", "职业训练中心（Workers Training Centre）"),
    ("a state-", "ment", "a statement"),
    ("part-", "icipation", "participation"),
])
def test_syllables_broken_at_a_lines_end_are_joined(left, right, joined):
    assert join_lines(left, right) == joined


@pytest.mark.parametrize(("left", "right"), [("high-", "quality service"), ("trade-", "union members"), ("part-", "time workers"),
                                             ("labour-", "intensive"), ("work-", "related injuries"), ("co-", "operation")])
def test_compounds_keep_their_hyphen(left, right):
    assert join_lines(left, right) == left + right


def test_a_whole_caption_set_wider_than_the_column_stands_alone_between_its_lines():
    wrap = Wrap(14, True)
    lines = ["　　县妇联举办民宿管家、礼仪服务、", "古城讲解等专题",
             "县妇联工作人员在洪善镇向农村妇女讲解防治知识（郝丽君　摄）", "培训班15期，培训妇女920人次。"]
    out, _debris = unwrap_lines(lines, wrap)
    assert out == ["县妇联举办民宿管家、礼仪服务、古城讲解等专题", "县妇联工作人员在洪善镇向农村妇女讲解防治知识（郝丽君　摄）",
                   "培训班15期，培训妇女920人次。"]


def test_a_whole_marked_caption_set_wider_than_the_column_leaves_the_head_under_it_alone():
    wrap = Wrap(24, True)
    lines = ["比上届增加了近一倍。", "▲9月22日，拉萨市第三届职工职业技能大赛唐卡绘画项目决赛现场。（本报记者　次仁央宗　摄）",
             "项目“接地气”　选手“有干劲”", "　　与前两届相比，今年大赛的项目设置更加贴近拉萨"]
    out, _debris = unwrap_lines(lines, wrap)
    assert out[1:3] == [lines[1], "项目“接地气”　选手“有干劲”"]


def test_a_captions_last_line_with_its_credit_runs_on_from_the_line_above():
    wrap = Wrap(14, True)
    lines = ["　　7月18日，公司工会负责人在车间", "为一线职工送上绿豆汤和防暑药品。（通讯员　李锋　摄）"]
    out, _debris = unwrap_lines(lines, wrap)
    assert out == ["7月18日，公司工会负责人在车间为一线职工送上绿豆汤和防暑药品。（通讯员　李锋　摄）"]


def test_a_photo_groups_next_caption_stands_alone_under_a_full_line():
    wrap = Wrap(23, True)
    lines = ["图①　临港工业园一家化工企业的职工在书屋里阅读。", "图②　新江口镇一处项目部的“工地流动书屋”。"]
    assert wrap.full(lines[0])
    out, _debris = unwrap_lines(lines, wrap)
    assert out == lines


def test_a_full_line_read_twice_by_the_scanner_is_kept_once():
    wrap = Wrap(44, False)
    lines = ["　　“协商不是走过场。”负责人介绍，职工方代表", "见建议200余条。经过三轮协商，双方最终商定行",
             "见建议200余条。经过三轮协商，双方最终商定行", "业最低工资标准为每月2,100元。"]
    out, debris = unwrap_lines(lines, wrap)
    assert out == ["“协商不是走过场。”负责人介绍，职工方代表见建议200余条。经过三轮协商，双方最终商定行业最低工资标准为每月2,100元。"]
    assert debris == ["见建议200余条。经过三轮协商，双方最终商定行"]
    assert not read_twice("一、基本情况", "一、基本情况", wrap)  # short lines alike are no slip
    assert not read_twice(lines[1], lines[2], None)  # nor lines of a text not hard-wrapped
    refrain = "咱们工人有力量，每天每日工作忙，盖成了高楼大厦。"  # a full line ending its sentence, set twice on purpose
    assert wrap.full(refrain) and not read_twice(refrain, refrain, wrap)


def test_an_addressee_under_a_title_filling_the_column_is_a_line_of_its_own():
    wrap = Wrap(48, False)
    lines = ["宿松县总工会2010年农民工工资清欠维权工作情况汇报", "安庆市总工会：", "　　2010年，县总工会把维护农民工劳动报酬权益作为",
             "工会维权工作的重中之重。"]
    out, _debris = unwrap_lines(lines, wrap)
    assert out == ["宿松县总工会2010年农民工工资清欠维权工作情况汇报", "安庆市总工会：", "2010年，县总工会把维护农民工劳动报酬权益作为工会维权工作的重中之重。"]
    # a line of a paragraph above (a clause in it) carries on into a colon's line
    assert runs_on("　　会议由县总工会主席主持，参加会议的有各乡镇总工", "会：", wrap, True)


def test_the_next_of_items_run_in_a_paragraph_goes_on_after_a_full_line():
    wrap = Wrap(52, False)
    lines = ["　　2015年，将重点抓好以下工作：1.力争全市组建率", "达到95%以上；2.计划开展一轮经费审查审计，达到100%；",
             "3.培训经审干部300人次以上。"]
    out, _debris = unwrap_lines(lines, wrap)
    assert out == ["2015年，将重点抓好以下工作：1.力争全市组建率达到95%以上；2.计划开展一轮经费审查审计，达到100%；3.培训经审干部300人次以上。"]
    # a list printed one item a line stays so
    listed = ["　　主要任务：", "1.力争全市组建率达到95%以上；", "2.计划开展一轮经费审查审计，审计覆盖面达到100%；"]
    assert unwrap_lines(listed, Wrap(40, False))[0] == [line.strip() for line in listed]


def test_a_paragraphs_line_ending_on_a_union_and_a_colon_is_no_addressee():
    wrap = Wrap(13, True)
    # a paragraph opened set in, its line of no clause over one naming unions before a colon: the sentence goes on
    lines = ["　　县委副书记李明出席会议", "并讲话，要求各级工会：", "　　一要提高站位。"]
    assert unwrap_lines(lines, wrap)[0] == ["县委副书记李明出席会议并讲话，要求各级工会：", "一要提高站位。"]
    lines = ["　　会议强调指出全县各级", "工会和广大工会干部同志们：", "　　要切实增强责任感。"]
    assert unwrap_lines(lines, wrap)[0][0] == "会议强调指出全县各级工会和广大工会干部同志们："
    # under a title, bodies apart by commas and a bracket's enumeration are still the addressee
    for addressee in ("各县（市、区）总工会：", "各县区总工会，市直各产业（系统）工会："):
        out = unwrap_lines(["关于开展职工技能竞赛的通知", addressee, "　　为进一步提高职工技能，决定开展竞赛。"], Wrap(30, True))[0]
        assert out[1] == addressee


def test_items_one_a_line_under_a_first_item_run_into_a_full_line_stay_one_a_line():
    # the first item run into its lead-in fills the line; the next is short of the column over the third: a list
    lines = ["　　主要工作：1.加强组织建设，力争新建基层工会50家；", "2.开展技能竞赛，参赛职工达到2万人次以上；", "3.深化普惠服务。"]
    assert unwrap_lines(lines, Wrap(27, True))[0] == [line.strip() for line in lines]


def test_a_credit_pushed_right_under_a_caption_in_an_indented_paragraph_takes_no_text_under_it():
    credit = "\u3000" * 8 + "本报记者\u3000王静\u3000摄"
    assert not runs_on(credit, "和工匠人才创新工作室开展“师带徒”活动，带出徒弟1,200余名。各基层工会还广泛开展岗位练兵", None, True)


def test_a_credit_at_a_paragraphs_indent_under_a_caption_takes_no_text_under_it():
    assert not runs_on("\u3000\u3000本报记者\u3000王静\u3000摄", "和工匠人才创新工作室开展“师带徒”活动，带出徒弟1,200余名。", None, True)
