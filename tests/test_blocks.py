"""Tests for reportsite.blocks: splitting with gaps, unwrapping, debris, rejoining broken paragraphs."""

import pytest

from reportsite.blocks import (
    Part,
    is_cut,
    is_debris_line,
    join_broken_blocks,
    join_broken_parts,
    photo_gap,
    split_blocks,
    strip_inline_debris,
)


def test_broken_paragraph_is_joined():
    assert join_broken_blocks(["…监督履约作为行业职工大会或职", "工代表大会的重要内容…"]) == [
        "…监督履约作为行业职工大会或职工代表大会的重要内容…"
    ]


def test_two_complete_paragraphs_never_join():
    texts = ["工会组建率达到90%。", "工资集体协商覆盖全市。"]
    assert join_broken_blocks(texts) == texts


def test_new_paragraph_opening_is_not_a_continuation():
    texts = ["一是继续以“中国梦·劳动美”为主题，唱响", "三是加快建设职工援助服务体系。"]
    assert join_broken_blocks(texts) == texts


def test_join_across_a_photo_gap_and_a_stub():
    parts = [Part("paragraph", "推进职工医疗互助市县级"), Part("paragraph", "筹，实施职工意外伤害保障。", gap=3)]
    assert [p.text for p in join_broken_parts(parts)] == ["推进职工医疗互助市县级筹，实施职工意外伤害保障。"]


def test_join_across_a_caption_needs_a_word_across_the_break():
    good = [Part("paragraph", "推进职工服"), Part("caption", "焊工技能比武现场", 3), Part("paragraph", "务中心升级。")]
    assert [p.text for p in join_broken_parts(good)] == ["推进职工服务中心升级。", "焊工技能比武现场"]
    bad = [Part("paragraph", "完善经审工作制度，切"), Part("caption", "赴企业慰问", 3), Part("paragraph", "主旋律，通过活动。")]
    assert [p.text for p in join_broken_parts(bad)][0] == "完善经审工作制度，切"


def test_join_across_a_caption_when_the_tail_opens_on_a_word_joining_nouns():
    parts = [Part("paragraph", "建成实训基地15个，依托劳模", indented=True), Part("caption", "焊工决赛现场"),
             Part("paragraph", "和工匠人才创新工作室开展活动。")]
    assert [p.text for p in join_broken_parts(parts)][0] == "建成实训基地15个，依托劳模和工匠人才创新工作室开展活动。"
    alone = [Part("paragraph", "建成实训基地15个，依托劳模", indented=True), Part("caption", "焊工决赛现场"),
             Part("paragraph", "工匠人才创新工作室开展活动。")]
    assert [p.text for p in join_broken_parts(alone)][0] == "建成实训基地15个，依托劳模"


@pytest.mark.parametrize("tail", ["和谐职工之家创建活动深入开展。", "和县总工会还开展了岗位练兵活动。"])
def test_a_word_or_place_opening_on_a_joining_word_opens_no_tail_across_a_caption(tail):
    # 和谐, 和县: the first character of a word or a place's name, not 和 joining a noun; a subject word follows
    parts = [Part("paragraph", "全市职工满意度达到95%以上", indented=True), Part("caption", "焊工决赛现场"), Part("paragraph", tail)]
    assert [p.text for p in join_broken_parts(parts)] == ["全市职工满意度达到95%以上", "焊工决赛现场", tail]


def test_layout_copy_is_not_taken_as_continuation():
    parts = [
        Part("paragraph", "发挥文化阵地作用，寓教于乐，唱响"),
        Part("paragraph", "劳动者之歌文艺汇演、第二届职工气排球比赛等系列活动。"),
        Part("paragraph", "四是举办以劳动美为主题的劳动者之歌文艺汇演、第二届职工气排球比赛等系列活动。"),
    ]
    assert join_broken_parts(parts)[0].text == "发挥文化阵地作用，寓教于乐，唱响"


def test_word_cut_far_away_is_joined_when_only_one_paragraph_fits():
    parts = [
        Part("paragraph", "不断完善经审工作制度，切"),
        Part("paragraph", "二是实施蓝领素质提升工程。"),
        Part("paragraph", "实发挥经审组织的监督职能。"),
    ]
    assert [p.text for p in join_broken_parts(parts)] == [
        "不断完善经审工作制度，切实发挥经审组织的监督职能。",
        "二是实施蓝领素质提升工程。",
    ]


def test_cut_and_complete_endings():
    assert is_cut("有效借力社会")
    assert not is_cut("获得感。”")
    assert not is_cut("这是奋斗五年——")


def test_gaps_are_counted_and_photo_gap_is_relative():
    parts, _ = split_blocks("\n\n标题\n\n正文一。\n\n\n\n图片说明\n\n正文二。\n")
    assert [(p.text, p.gap) for p in parts] == [("标题", 0), ("正文一。", 1), ("图片说明", 3), ("正文二。", 1)]
    assert photo_gap(parts) == 2


def test_markdown_headings_and_items_are_read():
    parts, _ = split_blocks("## 回顾篇\n\n### 新业绩\n\n- 第一项\n- 第二项 {#p5}\n\n正文。\n{#p6}\n")
    assert [(p.kind, p.text, p.level) for p in parts] == [
        ("heading", "回顾篇", 2),
        ("heading", "新业绩", 3),
        ("item", "第一项", 0),
        ("item", "第二项", 0),
        ("paragraph", "正文。", 0),
    ]


def test_hard_wrapped_lines_are_unwrapped():
    text = (
        "临安市总工会坚持服务职工群众工作生命线履行\n"
        "工会组织基本职能做好工会工作的主业努力为群\n"
        "众办实事解难事做好事。\n\n"
        "完善职工帮扶维权工作机制依托市级职工维权服\n"
        "务中心强化与信访司法和劳动法律监察部门的协\n"
        "作配合。\n"
    )
    parts, _ = split_blocks(text)
    assert [p.text for p in parts] == [
        "临安市总工会坚持服务职工群众工作生命线履行工会组织基本职能做好工会工作的主业努力为群众办实事解难事做好事。",
        "完善职工帮扶维权工作机制依托市级职工维权服务中心强化与信访司法和劳动法律监察部门的协作配合。",
    ]


def test_lines_of_different_lengths_are_not_unwrapped():
    parts, _ = split_blocks("第一段写完了。\n第二段是另一个意思，也写完了。\n")
    assert len(parts) == 2


def test_page_markers_and_markup_become_debris():
    text = "监督履约作为行业职工大会或职\n\n— 3 —\n\n第3版\n\n<!-- page 4 -->\n<a id=\"page4\"></a>\n工代表大会的重要内容。\n"
    parts, debris = split_blocks(text)
    assert [p.text for p in parts] == ["监督履约作为行业职工大会或职", "工代表大会的重要内容。"]
    assert debris == ["<!-- page 4 -->", '<a id="page4"></a>', "— 3 —", "第3版"]
    assert parts[1].gap == 1  # a page break is not a photo


def test_inline_markup_inside_a_line_is_removed():
    text, debris = strip_inline_debris("职工{{pagebreak}}代表大会")
    assert (text, debris) == ("职工代表大会", ["{{pagebreak}}"])


def test_running_heads_become_debris():
    page = "工会专刊 2015年5月1日\n\n正文{n}。\n\n"
    parts, debris = split_blocks("".join(page.format(n=n) for n in range(3)))
    assert [p.text for p in parts] == ["正文0。", "正文1。", "正文2。"]
    assert debris == ["工会专刊 2015年5月1日"] * 3


def test_running_head_shapes_are_debris_even_when_printed_once():
    parts, debris = split_blocks("成都工人报·专题\n\n标题工会\n\n某某日报　2023年5月4日　星期四\n\n正文。\n")
    assert [p.text for p in parts] == ["标题工会", "正文。"]
    assert debris == ["成都工人报·专题", "某某日报\u30002023年5月4日\u3000星期四"]


def test_a_columns_name_and_the_folio_set_far_apart_are_a_running_head():
    """The column's name printed alone as the story's kicker, then with a page's number at a page turn."""
    parts, debris = split_blocks("基层访谈\n\n标题工会\n\n　　正文，全区基层工会达到1,036家，\n\n基层访谈　　　　　　　　　33\n\n工会会员7.8万人。\n")
    assert debris == ["基层访谈\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u300033"]
    assert [p.text for p in parts][0] == "基层访谈"
    # Rows of a table of two columns set far apart, close together: no heads, kept.
    rows = "表1　2023年各区新建基层工会情况\n区域        新建工会（家）\n东城区        35\n西城区        28\n南城区        19\n"
    kept, debris = split_blocks(f"标题工会\n\n{rows}\n合计　33\n\n一、主要工作　　3\n")
    assert debris == [] and all(row in "\n".join(p.text for p in kept) for row in ("东城区", "西城区", "南城区", "合计"))
    # A row whose first cell is printed alone elsewhere (a subhead), among other rows set wide: a row still.
    rows = "经济开发区\n\n　　正文，讲述了开发区。\n\n区域        新建工会（家）\n经济开发区        35\n西城街道        28\n"
    kept, debris = split_blocks(f"标题工会\n\n{rows}")
    assert debris == [] and "35" in "\n".join(p.text for p in kept)


def test_page_number_and_running_head_inside_a_block_leave_the_paragraph_whole():
    parts, debris = split_blocks("组织疗休养1.2万人次，为\n6\n某某工人报·专题\n5.6万名女职工开展筛查。\n")
    assert [p.text for p in join_broken_parts(parts)] == ["组织疗休养1.2万人次，为5.6万名女职工开展筛查。"]
    assert debris == ["6", "某某工人报·专题"]


def test_jump_markers_inside_a_paragraph_become_debris():
    parts, debris = split_blocks("网上受理咨（下转第4版）\n\n第4版\n\n（上接第1版）询1800余件。\n")
    assert [p.text for p in join_broken_parts(parts)] == ["网上受理咨询1800余件。"]
    assert debris == ["（下转第4版）", "（上接第1版）", "第4版"]
    # The short head the story is continued under on its new page (a shortened title) goes too.
    parts, debris = split_blocks("从一名装配工成长为（转第2版）\n\n产改“组合拳”托起成才梦\n\n（上接第1版）高级技师，月收入翻了一番。\n")
    assert [p.text for p in join_broken_parts(parts)] == ["从一名装配工成长为高级技师，月收入翻了一番。"]
    assert "产改“组合拳”托起成才梦" in debris


def test_joining_halves_never_puts_a_space_inside_a_number():
    assert join_broken_blocks(["创造经济效益1", "28亿元。"]) == ["创造经济效益128亿元。"]


def test_a_running_head_may_name_the_pages_section_after_the_page():
    parts, debris = split_blocks("苏州工人报  2021年11月9日  第3版  基层创新\n\n协商谈出共赢路 小哥找到新家园\n\n正文。\n")
    assert [p.text for p in parts] == ["协商谈出共赢路 小哥找到新家园", "正文。"]
    assert debris == ["苏州工人报  2021年11月9日  第3版  基层创新"]


def test_a_pull_quote_or_an_editors_note_set_inside_a_cut_paragraph_follows_it():
    parts = [Part("paragraph", "并为小屋统一配备冰箱、沙发、"), Part("paragraph", "“让每一位职场妈妈都能安心哺乳，是工会的责任。”"),
             Part("paragraph", "——区总工会女职工委员会主任张丽"), Part("paragraph", "消毒柜等设施。区总工会还开展讲座86场。"),
             Part("paragraph", "高出全市最低工资标准320元，"), Part("paragraph", "编者按：工资集体协商是重要制度安排。"),
             Part("paragraph", "行业职工工资平均增长6.8%。")]
    assert [p.text for p in join_broken_parts(parts)] == [
        "并为小屋统一配备冰箱、沙发、消毒柜等设施。区总工会还开展讲座86场。", "“让每一位职场妈妈都能安心哺乳，是工会的责任。”",
        "——区总工会女职工委员会主任张丽", "高出全市最低工资标准320元，行业职工工资平均增长6.8%。", "编者按：工资集体协商是重要制度安排。"]


def test_running_heads_with_a_lettered_page_and_their_parts_in_any_order_are_furniture():
    from reportsite.blocks import is_debris_line, is_running_head

    assert is_running_head("兰州晨报  2019年1月24日  星期四  A05  城事·民生")
    assert is_running_head("A7　2023年2月8日　星期三　晋江新闻　泉州晚报")
    assert is_debris_line("第A7版") and is_debris_line("第 7 版")
    # A date among words set apart is not a head without a paper's name or a page.
    assert not is_running_head("2019年1月24日 工人 文化宫 举办 活动")
    assert not is_running_head("全市 2019年1月24日 召开 大会")


def test_the_pages_staff_credits_are_furniture_not_captions():
    from reportsite.blocks import is_debris_line

    for line in ["责任编辑：马琼", "（编辑：刘畅）", "责任编辑　蔡晓玲　美术编辑　黄斌", "校对 王芳"]:
        assert is_debris_line(line), line
    for line in ["编辑部门工作", "编辑 出版了一本书", "编辑：本报将继续关注此事。"]:
        assert not is_debris_line(line), line


def test_a_word_processors_footer_of_the_issuer_and_the_page_alone_is_furniture():
    from reportsite.blocks import is_debris_line

    for line in ["少先路街道总工会　　　　　　　　第1页", "第2页    某某县总工会办公室", "县总工会（印）  第 3 页"]:
        assert is_debris_line(line), line
    # one space apart, or words after the page: text
    for line in ["详见材料第1页", "县总工会 第1页", "工会简报第3页刊登了此事", "第1页　　记录了全年的工作，"]:
        assert not is_debris_line(line), line


def test_specks_and_a_seal_read_as_garbage_are_furniture_but_marked_or_spaced_words_are_not():
    from reportsite.blocks import is_debris_line

    for line in ["※※", "fR#K ※ 巛 ；  ※ lJ：", "※※※  ※ ~", "- END -", "* * *", "~"]:
        assert is_debris_line(line), line
    for line in ["**简　讯**", "（一）", "工 会 动 态", "3 5 2 1 4", "Labour & Skills Competitions", "A/B", "——"]:
        assert not is_debris_line(line), line


def test_a_note_of_where_the_text_was_first_printed_is_furniture():
    from reportsite.blocks import is_debris_line

    for line in ["（原载《舟山日报》2021年8月10日第2版）", "（摘自《中国工运》2019年第6期）", "(来源：《工人日报》)"]:
        assert is_debris_line(line), line
    for line in ["（原载《舟山日报》的报道引起关注。）", "原载《舟山日报》"]:  # a sentence; no brackets
        assert not is_debris_line(line), line


def test_a_web_page_printed_from_a_browser_leaves_its_header_footer_and_meta_line_out():
    from reportsite.blocks import is_debris_line

    for line in ["2023/2/8 下午3:26　　　　共青团银川市委2022年工作总结",
                 "http://www.ycgqt.org.cn/gzdt/202301/t20230112_3986.html　　　　1/3",
                 "发布时间：2023-01-12　　来源：共青团银川市委", "发布日期：2021年5月6日 10:20",
                 "来源：营山县人力资源和社会保障局　　发布时间：2021-12-31",  # where from first
                 "2024-05-06 10:30　来源：东坡区融媒体中心", "2021年5月6日　来源：某某日报　作者：王丽",  # the date unlabelled
                 "岚山工会 2023-11-08 17:32 山东"]:  # a phone page's account, when, and the province it posted from
        assert is_debris_line(line), line
    for line in ["2023年，团市委将继续开展“青春宣讲”活动。", "时间：就是生命", "网址是 http://x.cn 欢迎访问。",
                 "来源：县总工会调查，时间：2021年5月", "2018-7-16 09:41 上传",
                 "2021年5月6日，来源：县总工会的数据显示"]:  # a note; an attachment's time, no post's
        assert not is_debris_line(line), line


def test_a_paragraph_cut_around_a_starred_footnote_joins_across_it():
    parts, _ = split_blocks("今年以来，新建职\n\n*全国总工会自2008年起开展职工书屋建设。\n\n工书屋20个。\n")
    assert [p.text for p in join_broken_parts(parts)] == ["今年以来，新建职工书屋20个。", "*全国总工会自2008年起开展职工书屋建设。"]


def test_two_columns_read_across_are_told_apart():
    text = ("三、拓展职工阅读\n\n职工书屋全年开放320天，接待读\n文化宫微信公众号全年推送信息62\n者5.6万人次，新增图书4,80\n"
            "0条，关注人数达到8.6万人；“\n0册；举办读书分享会24场次，参与职工1,\n云课堂”上线课程18\n860人次。\n0节，点播量21.5万人次。\n")
    parts, _ = split_blocks(text)
    assert [p.text for p in parts][1:] == ["职工书屋全年开放320天，接待读者5.6万人次，新增图书4,800册；举办读书分享会24场次，参与职工1,860人次。",
                                           "文化宫微信公众号全年推送信息620条，关注人数达到8.6万人；“云课堂”上线课程180节，点播量21.5万人次。"]
    # Lines of one column, wrapped as usual, stay one paragraph.
    text = "全年新建职工书屋12家，配送图书\n6800册，开展读书活动42场，参\n与职工3200人次，评选书香家庭\n28户，职工读书热情高涨，书屋\n利用率明显提高，受到职工好评\n和上级工会的肯定。\n"
    assert len(split_blocks(text)[0]) == 1


def test_a_title_printed_again_as_every_pages_head_is_the_title_once_and_furniture_after():
    page = "连云港港口集团工会2021年工作总结"
    text = f"{page}\n\n一、聚焦主责主业\n\n全年新发展会员1200名，集团工会会员1.32万名。\n\n{page}\n\n二、服务职工\n\n正文完整。\n\n{page}\n\n三、加强自身建设\n\n正文。\n"
    parts, debris = split_blocks(text)
    assert [p.text for p in parts].count(page) == 1 and debris.count(page) == 2
    from reportsite.blocks import is_debris_line

    assert is_debris_line("宜昌高新区总工会　小微企业工会工作总结　第 1 页 共 3 页")


def test_a_table_set_apart_by_tabs_inside_a_run_of_lines_is_a_table():
    text = ("　　集团工会把“安康杯”竞赛作为保障。\n表1　2021年各单位竞赛情况\n单位\t班组（个）\t隐患（条）\n"
            "东联公司\t86\t612\n新东方公司\t72\t538\n合计\t158\t1150\n　　东联公司一班被评为优胜班组。\n")
    parts, _ = split_blocks(text)
    assert [p.kind for p in parts] == ["paragraph", "paragraph", "table", "paragraph"]
    assert parts[1].text == "表1　2021年各单位竞赛情况" and "| 东联公司 | 86 | 612 |" in parts[2].text


def test_a_sections_head_and_folio_between_two_running_heads_pages_is_a_running_head():
    text = ("36　　浙江工运　2023年第12期\n\n标题工会\n\n　　正文，讲述了书屋。　楼建新　摄\n\n职工文化　　37\n\n"
            "　　正文，讲述了活动。\n\n38　　浙江工运　2023年第12期\n\n　　正文，讲述了荣誉。\n")
    _parts, debris = split_blocks(text)
    assert "职工文化\u3000\u300037" in debris
    # Beside the magazine's own head: a running head still.
    beside = text.replace("职工文化　　37\n\n", "职工文化　　37\n浙江工运　　2023.12\n\n")
    _parts, debris = split_blocks(beside)
    assert "职工文化\u3000\u300037" in debris
    # A row of a table by other rows set wide: a row, however near the pages its number is.
    table = "36　　浙江工运　2023年第12期\n\n标题工会\n\n　　正文。\n\n杭州　　　1260\n宁波　　　37\n温州　　　2150\n"
    _parts, debris = split_blocks(table)
    assert "宁波\u3000\u3000\u300037" not in debris
    # Far from every running head's page: a line of the text.
    _parts, debris = split_blocks(text.replace("职工文化　　37", "职工文化　　86"))
    assert "职工文化\u3000\u300086" not in debris


def test_a_columns_name_one_space_from_the_next_pages_folio_is_that_pages_head():
    text = ("46　楚天主人　2019.8\n\n标题工会\n\n　　正文，今年开展读书活动86场，收到职工征文\n\n基层传真　47\n\n"
            "作品680篇。\n\n　　正文，讲述了书屋。\n")
    parts, debris = split_blocks(text)
    assert "基层传真　47" in debris and not any("基层传真" in p.text for p in parts)
    # the same line far from the running head's page, or a row among rows of a table: the text's
    for other in (text.replace("基层传真　47", "基层传真　86"),
                  text.replace("基层传真　47", "东城区　45\n基层传真　47\n西城区　28")):
        parts, debris = split_blocks(other)
        assert "基层传真　47" not in debris and "基层传真　86" not in debris


@pytest.mark.parametrize("line", ["家庭和一线劳动模范代表共计一千二百户", "一线劳动模范代表和困难职工"])
def test_a_line_going_on_under_a_pages_footer_is_never_taken_for_the_next_pages_head(line):
    text = ("某区总工会工作总结\n\n　　春节前夕，区总工会领导带队深入企业和社区，走访慰问困难职工\n\n— 2 —\n\n"
            f"{line}\n\n发放慰问金86万元。\n\n　　第三段正文。\n")
    parts, debris = split_blocks(text)
    assert line not in debris and any(line in p.text for p in parts)


def test_the_next_pages_head_printed_once_under_a_footer_inside_a_cut_paragraph_is_furniture():
    text = ("某区总工会关于小微企业工会工作的总结\n\n　　正文，全年新建基层工\n\n宜昌高新区总工会　　　　第 1 页 共 3 页\n\n"
            "小微企业工会工作总结\n\n会126家，覆盖小微企业612家。\n\n　　正文，讲述了驿站。\n")
    parts, debris = split_blocks(text)
    assert "小微企业工会工作总结" in debris and not any(p.text == "小微企业工会工作总结" for p in parts)
    # a head after a whole paragraph, a caption's first line (图为…), a section's number (02) over a head: the text's
    for other in (text.replace("正文，全年新建基层工\n", "正文，全年新建基层工会126家。\n").replace("会126家，", "　　全区"),
                  text.replace("小微企业工会工作总结\n", "图为县总工会律师为农民工\n"),
                  text.replace("宜昌高新区总工会　　　　第 1 页 共 3 页", "02")):
        parts, debris = split_blocks(other)
        assert not any(line in debris for line in ("小微企业工会工作总结", "图为县总工会律师为农民工"))


def test_a_printed_documents_footer_of_issuer_date_and_page_is_a_running_head():
    parts, debris = split_blocks("标题工会\n\n　　上半年，各级工会参与调解劳动争议\n\n余干县总工会　2022年7月12日　第2页\n\n案件124件。\n")
    assert debris == ["余干县总工会\u30002022年7月12日\u3000第2页"]


def test_a_papers_running_head_holding_its_issue_is_a_running_head():
    head = "某县工会\u30002023年11月30日\u3000第4期（总第86期）\u3000第3版\u3000职工服务"
    parts, debris = split_blocks(f"标题工会\n\n　　职工可以根据自己的\n\n{head}\n\n兴趣自主选择。\n")
    assert debris == [head]


def test_a_table_typed_with_spaces_glued_to_a_wrapped_paragraph_is_a_table():
    text = ("　　2022年公司所属部分单位工会重点工作完成情况\n见下表。\n表1　2022年部分供电局工会重点工作完成情况\n"
            "单　位        新建职工小家（个）  劳动竞赛（项）  慰问职工（人次）\n海口供电局    9                  8               1,240\n"
            "三亚供电局    7                  6               1,080\n儋州供电局    5                  5               760\n")
    parts, _ = split_blocks(text)
    assert [p.kind for p in parts] == ["paragraph", "paragraph", "table"]
    assert parts[0].text == "2022年公司所属部分单位工会重点工作完成情况见下表。"
    assert "| 海口供电局 | 9 | 8 | 1,240 |" in parts[2].text
    # Lines of prose with a wide space inside are no rows.
    prose, _ = split_blocks("　　全年新建职工小家12个，  劳动竞赛8项，\n慰问职工1,240人次，  医疗互助2,860人，\n送温暖760户。\n")
    assert [p.kind for p in prose] == ["paragraph"]


def test_a_figures_label_cut_at_a_break_joins_across_a_caption():
    parts = [Part("paragraph", "举办招聘会46场，提供就业"), Part("caption", "州总工会开通的专车从榕江县出发。（吴光明　摄）", 1),
             Part("paragraph", "岗位2.3万个，帮助4,600余名农民工实现就业。", 1)]
    assert [p.text for p in join_broken_parts(parts)] == [
        "举办招聘会46场，提供就业岗位2.3万个，帮助4,600余名农民工实现就业。", "州总工会开通的专车从榕江县出发。（吴光明　摄）"]
    # A paragraph opening on a scope or a time before its figure stands apart.
    parts[2] = Part("paragraph", "全年2.3万人次参加培训。", 1)
    assert len(join_broken_parts(parts)) == 3


def test_a_number_cut_at_a_break_joins_across_a_caption():
    parts = [Part("paragraph", "覆盖企业6.9万家、职工31"), Part("caption", "自治区总工会开展集体协商要约行动（记者 李明 摄）", 3),
             Part("paragraph", "2万人。在建筑行业推行集体协商。")]
    assert [p.text for p in join_broken_parts(parts)] == [
        "覆盖企业6.9万家、职工312万人。在建筑行业推行集体协商。", "自治区总工会开展集体协商要约行动（记者 李明 摄）"]
    # A paragraph ending on a full stop, then one opening on a year: two paragraphs.
    parts = [Part("paragraph", "覆盖职工312万人。"), Part("caption", "集体协商现场", 3), Part("paragraph", "2019年，全区推行集体协商。")]
    assert len([p for p in join_broken_parts(parts) if p.kind == "paragraph"]) == 2


def test_a_marked_head_is_not_the_first_half_of_a_cut_paragraph():
    parts = [Part("paragraph", "■执法亮剑：让恶意欠薪者“寸步难行”"), Part("paragraph", "以“根治欠薪冬季专项行动”为抓手，开展排查。")]
    assert [p.text for p in join_broken_parts(parts)] == [p.text for p in parts]
    # A marked paragraph cut at a page break still joins.
    parts = [Part("paragraph", "■今年以来，全区共检查用人单位1260户次，涉及劳"), Part("paragraph", "动者3.8万人。")]
    assert [p.text for p in join_broken_parts(parts)] == ["■今年以来，全区共检查用人单位1260户次，涉及劳动者3.8万人。"]


def test_lines_of_cells_apart_by_spaces_holding_figures_are_a_table():
    from reportsite.blocks import table_of

    lines = ["2013—2015年桥东区工会主要工作数据", "项目\u3000\u30002013年\u3000\u30002014年\u3000\u30002015年",
             "基层工会（家）\u3000\u3000268\u3000\u3000301\u3000\u3000336", "工会会员（万人）\u3000\u30004.6\u3000\u30004.9\u3000\u30005.3"]
    title, rows = table_of(lines)
    assert title == "2013—2015年桥东区工会主要工作数据"
    assert rows == [["项目", "2013年", "2014年", "2015年"], ["基层工会（家）", "268", "301", "336"],
                    ["工会会员（万人）", "4.6", "4.9", "5.3"]]
    assert table_of(["年份 合同(份) 企业(家)", "2019 1862 3420", "2020 2015 3780"]) == (
        None, [["年份", "合同(份)", "企业(家)"], ["2019", "1862", "3420"], ["2020", "2015", "3780"]])
    # Not tables: wrapped prose, rows of words, rows of unequal length, a title that is a sentence.
    assert table_of(["全市建成职工书屋128家，", "覆盖职工12万人。", "其中示范书屋20家。"]) is None
    assert table_of(["记者 张三 通讯员 李四", "记者 王五 通讯员 赵六", "编辑 陈七 校对 周八"]) is None
    assert table_of(["年份 合同 企业", "2019 1862 3420", "2020 2015"]) is None
    assert table_of(["三年来数据如下。", "年份 合同 企业", "2019 1862 3420", "2020 2015 3780"]) is None


def test_a_count_after_a_caption_continues_the_paragraph_the_photo_cut():
    parts = [Part("paragraph", "市总工会还组织劳模和一线职工疗休养"), Part("caption", "市总工会在洛阳龙门站为返乡农民工送上车票。（本报记者　杨帆　摄）"),
             Part("paragraph", "1860人次，在偃师市新建户外劳动者服务站85个。")]
    assert [p.text for p in join_broken_parts(parts)] == [
        "市总工会还组织劳模和一线职工疗休养1860人次，在偃师市新建户外劳动者服务站85个。",
        "市总工会在洛阳龙门站为返乡农民工送上车票。（本报记者　杨帆　摄）"]
    dated = [Part("paragraph", "市总工会还组织劳模和一线职工疗休养"), parts[1], Part("paragraph", "2019年，全市工会将继续努力。")]
    assert len(join_broken_parts(dated)) == 3  # a year opens a paragraph: no evidence to join across a caption
    for opening in ("1至11月，全市工会接待职工来访860人次。", "12345热线接到职工求助320件。", "95后职工占三成。"):
        assert len(join_broken_parts([parts[0], parts[1], Part("paragraph", opening)])) == 3, opening


def test_a_table_may_have_a_labelled_title_and_a_column_of_units():
    from reportsite.blocks import table_of

    labelled = ["表1\u30002023年全省职工法律援助主要数据", "项目\u3000\u30002023年\u3000\u30002022年\u3000\u3000同比",
                "受理案件（件）\u3000\u30003126\u3000\u30002874\u3000\u3000+8.8%",
                "办结案件（件）\u3000\u30002975\u3000\u30002731\u3000\u3000+8.9%"]
    title, rows = table_of(labelled)
    assert title == labelled[0] and rows[1] == ["受理案件（件）", "3126", "2874", "+8.8%"]
    units = ["指标    单位    2017年    2018年", "基层工会组织    个    8126    8690", "工会会员    万人    86.4    91.2"]
    assert table_of(units) == (None, [["指标", "单位", "2017年", "2018年"], ["基层工会组织", "个", "8126", "8690"],
                                      ["工会会员", "万人", "86.4", "91.2"]])
    # Not a table: a column of long words beside one of figures.
    assert table_of(["项目 说明 数量", "书屋 全市新建的职工书屋 12", "驿站 户外劳动者服务站点 30"]) is None


def test_a_table_printed_as_lines_is_one_table_block_under_its_title():
    text = "某区总工会工作纪实\n\n导语正文，全年工作取得成效。\n\n近三年数据\n年份 合同(份) 企业(家)\n2019 1862 3420\n2020 2015 3780\n\n从表中可以看出，逐年增长。\n"
    from reportsite.structure import recover_document

    blocks = recover_document(text).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "导语正文，全年工作取得成效。"), ("paragraph", "近三年数据"),
        ("table", "| 年份 | 合同（份） | 企业（家） |\n| --- | --- | --- |\n| 2019 | 1862 | 3420 |\n| 2020 | 2015 | 3780 |"),
        ("paragraph", "从表中可以看出，逐年增长。")]


def test_a_footnote_set_inside_a_cut_paragraph_is_a_block_of_its_own_and_the_halves_join():
    parts = [Part("paragraph", "全年为参保职工赔付金额1"), Part("paragraph", "①“两节”：指元旦、春节两个传统节日。"),
             Part("paragraph", "8.4万元。")]
    assert [p.text for p in join_broken_parts(parts)] == ["全年为参保职工赔付金额18.4万元。", "①“两节”：指元旦、春节两个传统节日。"]
    parts, _debris = split_blocks("全年为参保职工赔付金额18.4万元，惠及职工\n①“两节”：指元旦、春节两个传统节日。\n")
    assert [p.text for p in parts] == ["全年为参保职工赔付金额18.4万元，惠及职工", "①“两节”：指元旦、春节两个传统节日。"]


def test_rows_of_a_chronicle_and_a_dateline_with_its_byline_are_no_running_heads():
    from reportsite.blocks import is_running_head

    assert not is_running_head("1 2019年3月5日 城关区 职工书屋揭牌")
    assert not is_running_head("甘肃日报 2019年1月24日 记者 张三")
    assert is_running_head("7　鄂尔多斯日报　2019.12.10　星期二　工运天地")
    assert is_running_head("46 工会博览 2019.06") and is_running_head("唐山劳动日报·企业风采 3")
    assert is_running_head("3　民生·工会") and is_running_head("工会·民生　6")  # a section's name and the folio
    assert not is_running_head("01　书香·润心") and not is_running_head("3名劳动关系专家")
    parts, debris = split_blocks("　　培训协商代表420人次，并聘请\n\n3　民生·工会\n\n3名劳动关系专家担任协商指导员。\n")
    assert [p.text for p in parts] == ["培训协商代表420人次，并聘请", "3名劳动关系专家担任协商指导员。"] and debris == ["3　民生·工会"]
    assert is_running_head("北疆工会　2018.11　　　　调查与思考")  # a magazine's head with its section
    assert is_running_head("24　　工会信息　2017年第18期") and is_running_head("工会信息　2017年第18期　　25")  # issue by year
    assert is_running_head("楚天工运　2017.11　　　　　　　　工会视点　　·37·")  # … and its folio
    assert is_running_head("第4版　劳模风采　　辽宁职工报　2023年4月27日　星期四　　责任编辑：周　静")  # the page's editor after it
    parts, debris = split_blocks("他把这套方法整理成\n\n第4版　劳模风采　　辽宁职工报　2023年4月27日　星期四　　责任编辑：周　静\n\n"
                                 "《操作法》，在各单位推广应用。\n")
    assert [p.text for p in parts] == ["他把这套方法整理成", "《操作法》，在各单位推广应用。"] and len(debris) == 1


def test_a_marked_line_ending_on_a_figure_cut_at_a_break_joins():
    parts = [Part("paragraph", "■全年共走访慰问困难职工3200"), Part("paragraph", "户，发放慰问金380万元。")]
    assert [p.text for p in join_broken_parts(parts)] == ["■全年共走访慰问困难职工3200户，发放慰问金380万元。"]


def test_a_head_printed_with_each_pages_number_is_furniture():
    from reportsite.blocks import running_heads

    assert running_heads(["基层风采 47", "正文一，成效明显。", "基层风采 49", "2019 1862 3420", "2020 2015 3780"]) == {
        "基层风采47", "基层风采49"}


def test_a_note_under_a_tables_rows_is_a_paragraph_after_the_table():
    parts, _debris = split_blocks("近五年数据\n年份\u3000资金（万元）\u3000户数\n2016\u30005860\u30009820\n2017\u30005120\u30007460\n注：2020年数据截至11月底。\n")
    assert [p.kind for p in parts] == ["paragraph", "table", "paragraph"]
    assert parts[2].text == "注：2020年数据截至11月底。"


def test_a_table_with_a_numbering_column_and_figures_with_units_is_a_table():
    from reportsite.blocks import table_of
    lines = ["2022年全区“十件实事”完成情况一览表",
             "序号\t实事项目\t年度目标\t完成情况\t完成率",
             "1\t新建户外劳动者爱心驿站\t20个\t24个\t120%",
             "2\t职工免费健康体检\t5200名\t5380名\t103.5%",
             "3\t职工技能提升行动\t3000人次\t3450人次\t115.0%",
             "合计\t—\t—\t—\t—"]
    title, rows = table_of(lines)
    assert title == lines[0] and len(rows) == 5 and rows[1][1] == "新建户外劳动者爱心驿站"
    # the same rows without their numbers and with a sentence in a cell are no table
    assert table_of(["甲\t全市新建户外劳动者爱心驿站二十四个，完成率百分之一百二十\t20个\t24个",
                     "乙\t职工免费健康体检五千三百八十名，完成率百分之一百零三\t5200名\t5380名",
                     "丙\t职工技能提升行动三千四百五十人次，完成率百分之一百一十五\t3000人次\t3450人次"]) is None


def test_a_speakers_label_opens_no_stub_and_joins_no_heading_above_it():
    from reportsite.blocks import opens_on_stub
    assert not opens_on_stub("问：工作中最骄傲的一件事？")
    assert opens_on_stub("筹，实施职工素质提升工程。")  # one character of a word cut at the break
    from reportsite.structure import recover_document
    doc = recover_document("丽华的一天\n\n　　她在车间干了二十年，带出徒弟42名。\n\n快问快答\n\n　　问：工作中最骄傲的一件事？\n\n　　答：带出了一批好徒弟。\n")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["快问快答"]


@pytest.mark.parametrize("marker", ["- END -", "end", "End", "往期推荐", "热门文章", "推荐阅读", "上一篇：工会新闻", "下一篇：工会新闻",
                                    "分享到：微信", "阅读原文", "返回顶部", "打印本页", "关闭窗口", "【关闭窗口】", "（完）", "(全文完)",
                                    "· END ·", "【打印本页】　【关闭窗口】"])
def test_every_page_tail_marker_holds_a_hint_the_quick_test_looks_for(marker):
    from reportsite.blocks import cut_page_tail
    from reportsite.rules import any_of, text_rules

    assert any_of("page_tail_markers").match(marker)
    assert any(hint in marker for hint in text_rules()["page_tail_hints"])
    text = "标题\n\n" + "\n\n".join(f"第{n}段正文。" for n in range(6)) + f"\n\n{marker}\n\n页面的按钮\n"
    assert cut_page_tail(text)[1] == [marker, "页面的按钮"]


def test_a_table_whose_label_column_is_set_out_wide_keeps_its_cells():
    from reportsite.blocks import table_of

    lines = ["季\u3000度\u3000\u3000\u3000受理案件（件）\u3000\u3000结案（件）",
             "第一季度\u3000\u3000236\u3000\u3000\u3000218",
             "第二季度\u3000\u3000281\u3000\u3000\u3000269",
             "合\u3000计\u3000\u3000\u3000517\u3000\u3000\u3000487"]
    title, rows = table_of(lines)
    assert rows == [["季\u3000度", "受理案件（件）", "结案（件）"], ["第一季度", "236", "218"], ["第二季度", "281", "269"],
                    ["合\u3000计", "517", "487"]]


def test_a_repost_cards_account_and_description_leave_the_text_but_a_sentence_opening_alike_keeps_its_paragraph():
    from reportsite.blocks import without_repost_account

    text = "标题\n\n以下文章来源于工人日报 ，作者邹明远\n\n工人日报。\n《工人日报》官方微信公众号，权威发布劳动新闻\n\n正文。\n"
    assert without_repost_account(text)[1] == ["工人日报。", "《工人日报》官方微信公众号，权威发布劳动新闻"]
    sentence = "标题\n\n以下文章来源于职工的真实讲述，略有删改。\n正文很短。\n"
    assert without_repost_account(sentence) == (sentence, [])


def test_a_repost_cards_account_named_bare_as_the_card_names_its_source_leaves_the_text():
    from reportsite.blocks import without_repost_account

    text = "标题\n\n以下文章来源于某工报 ，作者张三\n\n某工报\n某省总工会主办的官方公众号\n\n正文。\n"
    assert without_repost_account(text)[1] == ["某工报", "某省总工会主办的官方公众号"]
    other = "标题\n\n以下文章来源于某工报 ，作者张三\n\n另一行\n\n正文。\n"
    assert without_repost_account(other) == (other, [])


def test_a_video_placeholder_is_an_image_line():
    from reportsite.blocks import is_image_line

    assert is_image_line("[视频]") and is_image_line("[图片]") and not is_image_line("[视频号]")


@pytest.mark.parametrize("line", [
    "当前位置：首页 > 工会新闻 > 市县动态", "首页 > 工会新闻 > 市县动态", "【字体：大 中 小】", "字号：【大】【中】【小】",
    "普洱日报数字报", "第03版：民生·专访", "上一版　　下一版　　返回目录", "放大+　缩小-　默认",
    "普洱日报社版权所有　未经书面授权不得复制或建立镜像", "版权所有：鹰潭市总工会　　赣ICP备05004567号", "滇ICP备05001327号",
    "收录于合集", "#女职工工作 15个", "（本文图片由三门峡市总工会提供）", "附件1", "初审：王丽　复审：刘畅　终审：赵刚",
    "您所在的位置：首页 > 工会动态", "首页 / 工会新闻 / 正文", "【字体：大 中 小】【打印】【关闭】", "【打印】　【关闭】", "【大 中 小】",
    "浙公网安备 33048102000123号", "本站由宜宾市信息中心提供技术支持", "作者：王丽 李娜　发布时间：2023-03-08",
    "首页 | 关于我们 | 联系方式 | 网站地图 | 手机版 | 意见反馈",
])
def test_a_web_pages_and_an_e_papers_furniture_is_debris(line):
    assert is_debris_line(line)


def test_a_papers_head_naming_its_page_and_section_after_a_colon_is_a_running_head():
    from reportsite.blocks import is_running_head

    assert is_running_head("房山报　2022年7月5日　星期二　第02版：民生")
    assert is_running_head("房山报　2022年7月5日　星期二　第2版　民生")


@pytest.mark.parametrize("line", [
    "当前，全市职工书屋建设进入快车道。", "#职工书屋", "首页是工会的门户网站。", "第3版：全市劳动竞赛综述，共计12项活动开展。",
    "作品版权所有人为职工本人，工会为其提供法律援助。", "附件1：2023年职工书屋名单", "默认", "打印",
    "所在位置：人民路与解放路交叉口东北角", "所在位置：市中心人民广场东侧，交通便利。", "打造工会数字版", "职工之家电子版", "首页",
])
def test_text_like_a_web_pages_furniture_stays(line):
    assert not is_debris_line(line)


def test_a_repost_cards_account_with_a_space_before_its_point_and_its_description_leave_the_body():
    from reportsite.structure import recover_document
    doc = recover_document("这个“三八”节，女职工收到一份“暖心清单”\n\n以下文章来源于丹东日报 ，作者孙岩\n\n丹东日报 .\n"
                           "丹东日报官方微信公众号，权威发布丹东本地新闻。\n\n　　3月7日，记者从市总工会获悉，全市开展文体活动120余场。\n")
    assert [b.text for b in doc.blocks] == ["3月7日，记者从市总工会获悉，全市开展文体活动120余场。"]
    assert "丹东日报 ." in doc.debris


def test_a_pages_sponsor_and_staff_credits_without_colons_are_debris():
    from reportsite.blocks import is_debris_line
    assert is_debris_line("本版由江城市总工会主办") and is_debris_line("本刊由市总工会宣教部编辑")
    assert is_debris_line("本版责编　刘芳　　版式　陈晨　　校对　王静")
    assert not is_debris_line("本版由市总工会主办的职工摄影展今天开幕。")  # a sentence about it


MAIL = ("小王：\n请摘编后刊发。\n张\n\n------------------ 原始邮件 ------------------\n发件人: \"区总工会\"<a@b.cn>;\n"
        "发送时间: 2023年7月11日(星期二) 下午4:25\n主题: 报送材料\n\n> 区总工会上半年工作情况\n>\n"
        "> 今年以来，区总工会共接待职工来访咨询1,286人次，比去年同期增长23.4%；受理职\n> 工法律援助申请82件。\n>\n"
        "> 区总工会\n> 2023年7月10日\n>\n> -- \n> 陈雅琳\n> 电话：0531-86011258\n> 免责声明：本邮件仅供指定收件人使用。\n")


def test_a_forwarded_mail_loses_its_note_headers_quote_marks_and_signature():
    from reportsite.blocks import split_blocks
    parts, debris = split_blocks(MAIL)
    body = "\n".join(p.text for p in parts)
    assert "法律援助申请82件" in body and ">" not in body
    for gone in ("小王", "原始邮件", "发件人", "发送时间", "主题", "陈雅琳", "免责声明", "0531"):
        assert gone not in body and any(gone in line for line in debris)
    assert "2023年7月10日" in body  # the report's own signature stays for the signature reader


def test_a_forwarded_mails_sending_time_does_not_date_the_report():
    from reportsite.places import load_regions, where_when
    from reportsite.structure import recover_document
    doc = recover_document(MAIL)
    assert where_when(doc, load_regions())[3].isoformat() == "2023-07-10"


def test_quote_marks_stay_when_few_lines_open_on_them():
    from reportsite.blocks import without_mail_wrapping
    text = "区总工会上半年工作\n\n今年以来共接待职工1,286人次。\n> 一句引文\n其余的话。\n还有一段。\n"
    assert without_mail_wrapping(text) == (text, [])


def test_a_table_typed_with_tabs_on_some_rows_and_wide_spaces_on_others_is_one_table():
    from reportsite.blocks import split_blocks
    text = ("全县情况见表1。\n表1　各乡镇工会工作情况\n乡镇\t基层工会（家）\t会员（名）\n衡山镇\t46\t6120\n"
            "佛子岭镇\u3000\u300024\u3000\u30002480\n下符桥镇\t\u300022\t\u30002360\n但家庙镇\u3000\t18\u3000\t1920\n合计\t110\t12880\n"
            "（二）深化建功立业\n")
    parts, _debris = split_blocks(text)
    tables = [p for p in parts if p.kind == "table"]
    assert len(tables) == 1 and "| 佛子岭镇 | 24 | 2480 |" in tables[0].text and "| 合计 | 110 | 12880 |" in tables[0].text
    assert not any(p.kind == "heading" and "衡山镇" in p.text for p in parts)


def test_a_slides_footer_with_its_page_number_between_dashes_is_a_running_head():
    from reportsite.blocks import running_heads
    lines = [f"江城区总工会 | 2023年度工作汇报                    — {n} —" for n in (2, 3, 4)]
    assert len(running_heads(lines + ["正文一行", "正文二行"])) == 3


def test_lone_figures_on_lines_of_their_own_are_no_running_heads():
    from reportsite.blocks import running_heads
    assert running_heads(["  1,150人次", "  2,860人次", "  186万元", "  152万元", "正文"]) == set()


def test_slide_points_with_figures_are_items_and_their_wrapped_lines_join():
    text = ("江城区总工会2023年度工作汇报\n\n第3页\n一、组织建设：覆盖面持续扩大\n• 新建基层工会\n  48家\n• 举办基层工会主席培训班\n"
            "  6期，培训工会干部\n  1,150人次\n■ 选树先进典型\n  - 全国五一劳动奖章1名\n")
    from reportsite.structure import recover_document
    doc = recover_document(text)
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert items[:2] == ["新建基层工会48家", "举办基层工会主席培训班6期，培训工会干部1,150人次"]
    assert "选树先进典型" in [b.text for b in doc.blocks if b.kind == "heading"]


def test_ocrs_folio_with_dashes_read_as_yi_and_a_notes_label_are_debris():
    from reportsite.blocks import is_debris_line
    assert is_debris_line("一 1 一") and is_debris_line("注释：")
    assert not is_debris_line("一 是") and not is_debris_line("参考文献：")


def test_folios_with_a_section_name_and_a_yearbooks_head_are_still_running_heads():
    from reportsite.blocks import running_heads
    assert running_heads(["36 调研", "37 调研", "38 调研", "正文"]) and running_heads(["2023年鉴"] * 3 + ["正文"])
    from reportsite.blocks import is_debris_line
    assert not is_debris_line("注：") and is_debris_line("尾注：")  # 注： stays with the note under it


def test_a_headline_printed_twice_over_its_dateline_is_no_running_head():
    from reportsite.blocks import running_heads
    lines = ["县总工会法律援助站半年为职工挽回损失216万元", "本报三台8月16日电（记者　王磊）记者今天获悉……", "正文",
             "县总工会法律援助站半年为职工挽回损失216万元", "本报三台8月16日电（记者　王磊）记者今天获悉……"]
    assert running_heads(lines) == set()


def test_a_periodicals_name_a_blank_line_above_its_issue_line_and_a_decks_slide_numbers_are_debris():
    from reportsite.blocks import split_blocks
    parts, debris = split_blocks("江城工会\n\n第5期\n\n座谈会纪要\n\n　　会议召开。\n")
    assert [p.text for p in parts] == ["座谈会纪要", "会议召开。"] and "江城工会" in debris
    parts, debris = split_blocks("区总工会2023年工作\n\n第3期\n\n一、主要工作\n\n　　全年新建工会20家。\n")
    assert parts[0].text == "区总工会2023年工作"  # a title over an issue line stays the title
    parts, debris = split_blocks("Slide 1\n\n江城区总工会2023年工作汇报\n\n1 / 11\n\nSlide 2\n\n正文一段。\n\n江城区总工会2023年工作汇报\n\n2 / 11\n"
                                 "\n正文二段。\n\n江城区总工会2023年工作汇报\n\n3 / 11\n")
    assert parts[0].text == "江城区总工会2023年工作汇报" and {"Slide 1", "1 / 11", "Slide 2"} <= set(debris)


def test_an_outlook_forward_loses_its_importance_line():
    from reportsite.blocks import split_blocks
    text = ("请看附件。\n\n-----Original Message-----\nFrom: 区总工会 [mailto:a@b.cn]\nSent: Friday, January 13, 2023 4:26 PM\n"
            "To: 市总工会\nSubject: 报告\nImportance: High\n\n关于上半年工作的报告\n\n    全年新建工会20家。\n")
    parts, debris = split_blocks(text)
    assert parts[0].text == "关于上半年工作的报告" and "Importance: High" in debris


def test_a_work_bulletins_name_over_its_issue_line_is_its_masthead():
    from reportsite.blocks import split_blocks
    parts, debris = split_blocks("工会工作\n2024年第3期\n\n关于开展送温暖活动的情况\n\n　　全年走访慰问职工1200户。\n")
    assert parts[0].text == "关于开展送温暖活动的情况" and "工会工作" in debris


def test_review_a_bare_end_in_lower_case_ends_an_article_only_over_furniture():
    from reportsite.blocks import cut_page_tail
    body = "标题\n\n" + "\n\n".join(f"第{n}段正文。" for n in range(6))
    assert cut_page_tail(body + "\n\nend\n\n往期推荐\n\n扫码关注\n")[1] == ["end", "往期推荐", "扫码关注"]
    # Sentences after it: a word of the text (he closed on one word: end), not the page's end.
    text = body + "\n\n他用一个英文单词结尾：\n\nend\n\n第七段正文。\n\n第八段正文。\n"
    assert cut_page_tail(text) == (text, [])


def test_a_magazines_masthead_naming_its_column_makes_that_column_alone_a_pages_head():
    from reportsite.blocks import split_blocks
    text = ("工会之友　2023年第9期　　基层风采\n\n某市推进职工之家建设见闻\n\n　　第一段正文，讲述了工会工作的开展情况。\n\n"
            "　　今年已开设课程\n\n24\n\n基层风采\n\n85门，培训职工4,200余人次。\n\n　　第三段正文。\n")
    parts, debris = split_blocks(text)
    assert parts[0].text == "某市推进职工之家建设见闻"
    assert "工会之友　2023年第9期　　基层风采" in debris and "基层风采" in debris
    assert "基层风采" not in [p.text.strip() for p in parts]
    # without a column on the first line, a line of a column's words alone stays the text's
    parts, debris = split_blocks(text.replace("　　基层风采\n", "\n", 1))
    assert "基层风采" in [p.text.strip() for p in parts]


def test_a_folio_by_a_column_name_of_one_word_is_a_running_head():
    from reportsite.blocks import is_running_head

    assert is_running_head("3　工会园地") and is_running_head("职工天地　7")  # the folio by the column's name
    assert not is_running_head("3　建设职工书屋") and not is_running_head("01　工会园地")  # a numbered head
    parts, debris = split_blocks("　　共办理欠薪案件106件，\n\n3　工会园地\n\n涉及农民工1,380人。\n")
    assert debris == ["3　工会园地"] and "工会园地" not in "".join(p.text for p in parts)


def test_a_numbered_head_ending_on_a_columns_noun_counts_with_the_texts_other_numbered_heads():
    # 1　建好职工园地 has a folio's shape, but 2　强化思想引领 after it counts on: the text's numbered heads, kept
    text = ("　　近年来，区总工会把阵地建设作为服务职工的重要抓手。\n\n1　建好职工园地\n\n　　全区建成职工书屋126家。\n\n"
            "2　强化思想引领\n\n　　举办职工文化活动86场。\n")
    parts, debris = split_blocks(text)
    assert debris == [] and "1　建好职工园地" in [p.text.strip() for p in parts]
