"""The search index: terms of Chinese text, documents of pages, shard files, and updates page by page."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_project
from sitekit import build_small_site, paragraphs, read_page, sample_report, write_reports

from reportsite import search
from reportsite.buildcache import BuildState, load_state, save_state
from reportsite.builder import build_site
from reportsite.search import (
    SearchIndex,
    build_index,
    cjk_bigrams,
    decode_shard,
    encode_shard,
    posting_keys,
    search_doc,
    text_terms,
    word_term,
)

import numpy as np


def pair(text: str) -> int:
    """The term of two Chinese characters."""
    return (ord(text[0]) << 16) | ord(text[1])


def test_bigrams_cover_words_inside_longer_words():
    terms = cjk_bigrams("临安市总工会推进工资集体协商")
    assert "工会" in terms and "协商" in terms and "总工" in terms
    assert len(terms) == len(set(terms))


def test_bigrams_skip_latin_digits_and_punctuation():
    assert cjk_bigrams("2015年，ABC工会") == ["工会"]
    assert cjk_bigrams("a b 1") == []


def test_terms_are_characters_pairs_and_latin_words():
    terms = set(text_terms("职工书屋，APP 12351热线").tolist())
    assert {ord("职"), ord("屋"), pair("职工"), pair("书屋"), pair("热线")} <= terms
    assert word_term("app") in terms and word_term("12351") in terms
    assert pair("屋热") not in terms and pair("屋，") not in terms  # pairs never cross punctuation
    assert set(text_terms("ＡＰＰ１２３５１").tolist()) == {word_term("app12351")}  # full width and case folded
    assert set(text_terms("二〇一五年").tolist()) >= {pair("二〇"), pair("〇一")}


PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><title>甲 · 站点</title></head><body>
<nav><a href="x">首页</a></nav>
<main><article data-search-body><h1 id="title">甲地&amp;报道</h1>
<dl class="meta" data-search-ignore><div><dt>地区</dt><dd id="d1">临安市</dd></div></dl>
<div><p id="p1">总工会<a href="m">2000万元</a>  基金</p><p>没有编号</p><p class="also-in" data-search-ignore>亦见于乙地</p></div></article>
<section class="related"><p id="r1">乙地报道</p></section></main></body></html>"""


def test_a_document_is_the_title_and_the_blocks_of_the_body():
    doc = search_doc(PAGE, "reports/a/")
    assert doc.title == "甲地&报道"
    # not the ignored parts, nor what is outside the body; a block without an id takes the one before it
    assert doc.parts == (("p1", "总工会2000万元 基金"), ("p1", "没有编号"))
    assert search_doc("<html><body><p id='p1'>无</p></body></html>", "x/") is None
    fragment = json.loads(doc.fragment())
    assert fragment == {"url": "reports/a/", "title": "甲地&报道", "parts": [["p1", "总工会2000万元 基金"], ["p1", "没有编号"]]}


@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 40), st.integers(1, 255)), max_size=60))
def test_a_shard_file_reads_back_as_its_postings(rows: list[tuple[int, int, int]]):
    chosen = {(term + 0x4E00, page): tf for term, page, tf in rows}  # one posting per term and page
    keys = np.array(sorted(((term << search.PAGE_BITS) | page for term, page in chosen)), dtype=np.uint64)
    tf = np.array([chosen[(int(k) >> search.PAGE_BITS, int(k) & ((1 << search.PAGE_BITS) - 1))] for k in keys], dtype=np.uint8)
    expected: dict[int, list[tuple[int, int]]] = {}
    for (term, page), frequency in sorted(chosen.items()):
        expected.setdefault(term, []).append((page, frequency))
    assert decode_shard(encode_shard(keys, tf)) == expected


def test_page_numbers_that_need_three_bytes_read_back():
    pages = [0, 127, 128, 16383, 16384, 300_000]
    keys = np.concatenate([posting_keys(np.array([0x4E00], dtype=np.uint32), page, 0) for page in pages])
    assert decode_shard(encode_shard(keys, np.ones(len(pages), dtype=np.uint8))) == {0x4E00: [(p, 1) for p in pages]}


def page_html(title: str, text: str) -> str:
    """A minimal searchable page."""
    return f'<article data-search-body><h1 id="title">{title}</h1><p id="p1">{text}</p></article>'


def index_files(index: SearchIndex, pages: dict[str, str]) -> dict[str, bytes]:
    """Every file of an index, made."""
    return {name: item.make() for name, item in index.files(pages.__getitem__).items()}


def update(index: SearchIndex, pages: dict[str, str], salt: str = "") -> None:
    """Update an index with pages keyed by their text (``salt`` makes every key new: every page is read)."""
    index.update({path: str(hash(html)) + salt for path, html in pages.items()}, pages.__getitem__)


def postings_of(index: SearchIndex, pages: dict[str, str]) -> dict[int, list[int]]:
    """term -> page numbers, read back from the index's shard files."""
    out: dict[int, list[int]] = {}
    for name, data in index_files(index, pages).items():
        if name.startswith("s/"):
            for term, postings in decode_shard(data).items():
                assert term not in out  # a term lives in one shard
                out[term] = [page for page, _tf in postings]
    return out


TEXTS = st.text(alphabet="职工书屋会协商总A1", min_size=0, max_size=12)
SITES = st.dictionaries(st.sampled_from([f"reports/r{i}/index.html" for i in range(9)]), TEXTS, max_size=9)


@settings(max_examples=60, deadline=None)
@given(SITES)
def test_every_term_lists_exactly_the_pages_that_hold_it(texts: dict[str, str]):
    pages = {path: page_html("题", text) for path, text in texts.items()}
    index = build_index(pages.items())
    urls = sorted(path.removesuffix("index.html") for path in pages)
    assert index.urls == urls
    expected: dict[int, list[int]] = {}
    for number, url in enumerate(urls):
        for term in sorted(set(text_terms(texts[url + "index.html"] + "\n题").tolist())):
            expected.setdefault(term, []).append(number)
    assert postings_of(index, pages) == expected


@settings(max_examples=40, deadline=None)
@given(SITES, st.lists(SITES, min_size=1, max_size=4))
def test_updates_page_by_page_give_the_files_of_a_cold_index(first: dict[str, str], later: list[dict[str, str]]):
    index = SearchIndex()
    for texts in [first, *later]:
        pages = {path: page_html("题", text) for path, text in texts.items()}
        update(index, pages)
        assert index_files(index, pages) == index_files(build_index(pages.items()), pages)


@settings(max_examples=40, deadline=None)
@given(SITES, st.integers(min_value=1, max_value=40))
def test_shards_encoded_a_few_postings_at_a_time_are_the_files_of_one_pass(texts: dict[str, str], batch: int):
    pages = {path: page_html("题", text) for path, text in texts.items()}
    whole = index_files(build_index(pages.items()), pages)
    original = search.ENCODE_BATCH
    search.ENCODE_BATCH = batch  # a cold build of thousands of reports encodes 262,144 postings at a time
    try:
        batched = build_index(pages.items())
        assert index_files(batched, pages) == whole
        assert set(batched.encoded) == {int(name[2:5], 16) for name in whole if name.startswith("s/")}
    finally:
        search.ENCODE_BATCH = original


def test_shards_are_batched_whole_in_order_by_their_postings():
    bounds = [0, 3, 3, 10, 11, 12]  # five shards holding 3, 0, 7, 1 and 1 postings
    assert list(search._batches([0, 1, 2, 3, 4], bounds, 4)) == [[0, 1, 2], [3, 4]]
    assert list(search._batches([1, 3], bounds, 1)) == [[1, 3]]
    assert list(search._batches([], bounds, 4)) == []


def edit_third_report(body: str) -> tuple[SearchIndex, dict[str, str], dict[str, bytes], dict[str, bytes]]:
    """Forty reports indexed, then r3's body replaced: the index, the pages, and its files before and after."""
    pages = {f"reports/r{i}/index.html": page_html(f"报道{i}", f"第{i}篇讲职工书屋建设。") for i in range(40)}
    index = build_index(pages.items())
    before = index_files(index, pages)
    pages["reports/r3/index.html"] = page_html("报道3", body)
    update(index, pages)
    return index, pages, before, index_files(index, pages)


def test_an_edit_rewrites_only_the_shards_of_the_terms_it_touches():
    index, _pages, before, after = edit_third_report("第3篇讲劳动竞赛。")
    changed = {name for name in after.keys() | before.keys() if after.get(name) != before.get(name)}
    shards_changed = {name for name in changed if name.startswith("s/")}
    assert "p/reports/r3.json" in changed and "index.json" in changed
    assert not {name for name in changed if name.startswith("p/")} - {"p/reports/r3.json"}
    touched = set(text_terms("第3篇讲职工书屋建设。\n第3篇讲劳动竞赛。\n报道3").tolist())
    shard_count = 1 << index.bits
    assert 0 < len(shards_changed) / 2 <= len(set(search.term_shards(np.array(sorted(touched), dtype=np.uint32), index.bits).tolist()))
    assert len(shards_changed) / 2 < shard_count  # an old and a new file for each: most shards kept


def test_an_edit_that_adds_a_word_rewrites_only_the_shards_of_that_word():
    index, pages, before, after = edit_third_report("第3篇讲职工书屋建设。鼎")
    new_shards = {name for name in after if name.startswith("s/") and after[name] != before.get(name)}
    added = np.array([ord("鼎")], dtype=np.uint32)  # the one new term: 。鼎 is no pair (。 is punctuation)
    expected = set(search.term_shards(added, index.bits).tolist())
    assert {int(name[2:5], 16) for name in new_shards} == expected  # every other shard keeps its file
    assert set(index.encoded) == expected  # ... and is not even encoded again
    update(index, pages, salt="again")
    assert index_files(index, pages) == after  # every page read again, nothing changed: the same files


def test_build_writes_the_index_into_the_site(tmp_path: Path):
    config = build_small_site(tmp_path / "p")
    folder = config.site_dir / search.OUTPUT_DIR
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["pages"] == ["reports/hangzhou-2017/", "reports/linan-2015/", "reports/yuhang-2016/"]
    assert all((folder / name).is_file() for name in manifest["shards"] if name)
    fragment = json.loads((folder / "p/reports/linan-2015.json").read_text(encoding="utf-8"))
    assert fragment["title"] == "临安市总工会奋进创新"
    assert ["p1", "临安市总工会服务职工，建立爱心基金2000万元。"] in fragment["parts"]
    assert "data-search-body" in read_page(config, "reports/linan-2015/index.html")
    assert "data-search-body" not in read_page(config, "index.html")  # only reports are results
    assert not (config.site_dir / "pagefind").exists()


def test_the_files_a_build_writes_are_those_of_an_index_read_from_its_pages(tmp_path: Path):
    config = build_small_site(tmp_path / "p")  # fragments are written beside their pages as these render
    pages = {path: read_page(config, path) for path in search.html_pages(config.site_dir)}
    search.write_index(build_index(pages.items()), tmp_path / "again", pages.__getitem__)
    assert tree(config.site_dir / search.OUTPUT_DIR) == tree(tmp_path / "again" / search.OUTPUT_DIR)


def reports(count: int = 12, edited: str | None = None) -> list:
    """Reports r00…, each with its own sentence (r03's says ``edited`` when given)."""
    out = []
    for i in range(count):
        slug = f"r{i:02d}"
        text = edited if edited and slug == "r03" else f"第{i}号报道讲职工书屋建设。"
        out.append(sample_report(slug, f"报道{i}", paragraphs(text, "全体职工共同参与。"), period=(2000 + i, 2000 + i)))
    return out


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and mtime of every file under a folder."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_an_edited_report_rewrites_a_few_index_files_and_matches_a_cold_build(tmp_path: Path):
    config = make_project(tmp_path / "p", seeds=False)
    write_reports(config, reports())
    state = BuildState(cache_dir=tmp_path / "cache")
    assert build_site(config, state).ok
    folder = config.site_dir / search.OUTPUT_DIR
    before = identities(folder)
    write_reports(config, reports(edited="第三号报道改写了，讲劳动竞赛。"))
    save_state(config, state)
    fresh = load_state(config)  # a new `build` process: the index comes from the cache folder
    fresh.cache_dir = state.cache_dir
    assert build_site(config, fresh).ok
    after = identities(folder)
    kept = [name for name in before if after.get(name) == before[name]]
    rewritten = set(after) - set(kept)
    assert "p/reports/r03.json" in rewritten and "index.json" in rewritten
    assert not [name for name in rewritten if name.startswith("p/") and name != "p/reports/r03.json"]
    assert len(kept) > len(rewritten) - 2  # most shards are the very same files
    cold = make_project(tmp_path / "cold", seeds=False)
    write_reports(cold, reports(edited="第三号报道改写了，讲劳动竞赛。"))
    assert build_site(cold).ok
    assert tree(cold.site_dir) == tree(config.site_dir)  # the same bytes as a cold build
    assert "劳动竞赛" in (folder / "p/reports/r03.json").read_text(encoding="utf-8")


def test_a_removed_report_leaves_the_index(tmp_path: Path):
    config = make_project(tmp_path / "p", seeds=False)
    write_reports(config, reports(8))
    state = BuildState()
    assert build_site(config, state).ok
    (config.content_dir / "r05.md").unlink()
    assert build_site(config, state).ok
    folder = config.site_dir / search.OUTPUT_DIR
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["pages"] == [f"reports/r{i:02d}/" for i in range(8) if i != 5]
    assert not (folder / "p/reports/r05.json").exists()
    assert sorted(p.name for p in (folder / "s").iterdir()) == sorted(n.removeprefix("s/") for n in manifest["shards"] if n)


def test_the_preview_indexes_each_edit_at_once(tmp_path: Path):
    config = make_project(tmp_path / "p", seeds=False)
    write_reports(config, reports())
    state = BuildState(long_running=True)  # as the preview server keeps it
    assert build_site(config, state).ok
    write_reports(config, reports(edited="第三号报道又改了，讲技能比武。"))
    result = build_site(config, state)
    assert result.ok and result.rendered
    fragment = (config.site_dir / search.OUTPUT_DIR / "p/reports/r03.json").read_text(encoding="utf-8")
    assert "技能比武" in fragment
    assert not [name for name in (config.site_dir.parent).iterdir() if name.name.startswith(".site.")]  # no scratch left


def test_two_cold_builds_are_byte_identical(tmp_path: Path):
    one = make_project(tmp_path / "one", seeds=False)
    two = make_project(tmp_path / "two", seeds=False)
    for config in (one, two):
        write_reports(config, reports())
    assert build_site(one).ok and build_site(two, BuildState(cache_dir=tmp_path / "cache")).ok
    assert tree(one.site_dir) == tree(two.site_dir)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=0x4E00, max_value=0x4E40), min_size=1, max_size=30, unique=True),
                min_size=1, max_size=12), st.integers(min_value=1, max_value=9))
def test_postings_of_fresh_pages_are_sorted_and_keep_each_term_s_frequency(pages: list[list[int]], batch: int):
    urls = [f"reports/r{i}/" for i in range(len(pages))]
    docs = {url: (None, np.array(terms, dtype=np.uint32), np.array([t % 7 + 1 for t in terms], dtype=np.uint8))
            for url, terms in zip(urls, pages)}
    original = search.ENCODE_BATCH
    search.ENCODE_BATCH = batch  # taken into order a few at a time, as 262,144 are in a cold build
    try:
        keys, tf = search._doc_postings(docs, sorted(urls), 3)
    finally:
        search.ENCODE_BATCH = original
    place = {url: number for number, url in enumerate(sorted(urls))}
    expected = sorted((int(key), t % 7 + 1) for url, terms in zip(urls, pages)
                      for key, t in zip(search.posting_keys(np.array(terms, dtype=np.uint32), place[url], 3), terms))
    assert [(int(k), int(f)) for k, f in zip(keys, tf)] == expected
    assert keys.dtype == np.uint64
