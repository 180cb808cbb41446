"""Markdown body <-> blocks: ids survive, hand-written Markdown is understood."""

from hypothesis import given, strategies as st

from reportsite.body import blocks_to_markdown, markdown_to_blocks
from reportsite.model import Block


def test_paragraphs_carry_their_ids():
    md = blocks_to_markdown([Block("heading", "回顾篇", 2), Block("paragraph", "第一段。", id="p1")])
    assert md == "## 回顾篇\n\n第一段。\n{#p1}\n"


def test_items_form_one_list():
    md = blocks_to_markdown([Block("item", "甲", id="p1"), Block("item", "乙", id="p2"), Block("paragraph", "丙", id="p3")])
    assert md == "- 甲\n  {#p1}\n- 乙\n  {#p2}\n\n丙\n{#p3}\n"


def test_hand_wrapped_paragraph_is_joined_and_keeps_its_id():
    blocks = markdown_to_blocks("第一行\n第二行。\n{#p7}\n\n### 小节\n")
    assert blocks == [Block("paragraph", "第一行第二行。", id="p7"), Block("heading", "小节", 3)]


def test_paragraph_without_id_is_still_a_paragraph():
    assert markdown_to_blocks("编辑新加的一段。") == [Block("paragraph", "编辑新加的一段。")]


block = st.builds(
    Block,
    kind=st.sampled_from(["paragraph", "heading", "item"]),
    text=st.text(alphabet=st.sampled_from(list("工会职工。，“”**")), min_size=1, max_size=20).map(str.strip).filter(bool),
    level=st.sampled_from([2, 3]),
)


@given(st.lists(block, max_size=8))
def test_round_trip(blocks):
    for number, b in enumerate(blocks, 1):
        b.id = "" if b.kind == "heading" else f"p{number}"
        b.level = b.level if b.kind == "heading" else (number if b.kind == "item" and number % 2 else 0)
    assert markdown_to_blocks(blocks_to_markdown(blocks)) == blocks


def test_a_numbered_item_keeps_its_number():
    blocks = markdown_to_blocks("3. 加强组织建设\n{#p3}\n\n4) 完善制度\n- 其他\n")
    assert blocks == [Block("item", "加强组织建设", 3, "p3"), Block("item", "完善制度", 4), Block("item", "其他")]
    assert blocks_to_markdown(blocks[:1]) == "3. 加强组织建设\n  {#p3}\n"


def test_a_table_is_a_pipe_table_and_reads_back():
    table = Block("table", "| 年份 | 合同（份） |\n| --- | --- |\n| 2019 | 1862 |")
    blocks = [Block("paragraph", "近三年数据", id="p1"), table, Block("paragraph", "逐年增长。", id="p2")]
    markdown = blocks_to_markdown(blocks)
    assert "\n\n| 年份 | 合同（份） |\n| --- | --- |\n| 2019 | 1862 |\n\n" in markdown
    assert markdown_to_blocks(markdown) == blocks
    # One written by hand, with alignment marks, is a table too when its lines open on a bar.
    assert markdown_to_blocks("年份 | 合同\n:--- | ---:\n2019 | 1862\n")[0].kind == "paragraph"
    assert markdown_to_blocks("| 年份 | 合同\n|:--- | ---:|\n| 2019 | 1862\n")[0].kind == "table"
