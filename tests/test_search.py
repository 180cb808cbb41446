"""The search index: Chinese two-character terms on each paragraph, Pagefind's bundle in the site."""

from pathlib import Path

from sitekit import build_small_site, read_page

from reportsite.search import TERMS_ATTRIBUTE, _run_pagefind, add_search_terms, cjk_bigrams, search_copy, searchable_pages


def test_bigrams_cover_words_inside_longer_words():
    terms = cjk_bigrams("临安市总工会推进工资集体协商")
    assert "工会" in terms and "协商" in terms and "总工" in terms
    assert len(terms) == len(set(terms))


def test_bigrams_skip_latin_digits_and_punctuation():
    assert cjk_bigrams("2015年，ABC工会") == ["工会"]
    assert cjk_bigrams("a b 1") == []


def test_terms_go_on_the_paragraph_that_holds_them():
    html = '<p id="p3">总工会<a href="x">工资</a></p><h2>标题</h2><p>无编号</p>'
    out = add_search_terms(html)
    assert f'<p id="p3" {TERMS_ATTRIBUTE}="总工 工会 会工 工资" data-pagefind-index-attrs="{TERMS_ATTRIBUTE}">' in out
    assert out.endswith("<h2>标题</h2><p>无编号</p>")  # elements without an id are left alone


def test_only_pages_marked_for_search_are_indexed(tmp_path: Path):
    (tmp_path / "reports" / "a").mkdir(parents=True)
    (tmp_path / "reports" / "a" / "index.html").write_text('<main data-pagefind-body><p id="p1">总工会</p></main>', encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>找不到</p>", encoding="utf-8")
    pages = searchable_pages(tmp_path)
    assert [path for path, _html in pages] == ["reports/a/index.html"]
    assert TERMS_ATTRIBUTE in pages[0][1]


def test_build_writes_an_offline_pagefind_bundle(tmp_path: Path):
    config = build_small_site(tmp_path / "p")
    bundle = config.site_dir / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list((bundle / "index").iterdir()) and list((bundle / "fragment").iterdir())
    served = read_page(config, "reports/linan-2015/index.html")
    assert TERMS_ATTRIBUTE not in served  # the helper terms live only in the index
    assert "data-pagefind-body" in served
    assert "data-pagefind-body" not in read_page(config, "index.html")  # only reports are results


PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><title>甲</title></head><body>
<nav><a href="x">首页</a></nav>
<main><article data-pagefind-body><h1 id="title" data-pagefind-meta="title">甲</h1>
<div><p id="p1">总工会</p></div></article>
<section class="related"><a href="y">乙地报道</a></section></main></body></html>"""


def test_a_search_copy_keeps_only_what_pagefind_reads():
    copy = search_copy(PAGE)
    assert copy.startswith('<!DOCTYPE html><html lang="zh-CN"><head><title>甲</title></head><body>')
    assert '<p id="p1" data-zh-terms="总工 工会"' in copy and "</div></article>" in copy
    assert "乙地报道" not in copy and "首页" not in copy  # other reports' titles do not touch this copy
    assert search_copy(PAGE.replace("乙地报道", "丙地报道")) == copy
    assert search_copy("<html><body><p>无</p></body></html>") is None


def test_markers_outside_the_body_keep_the_page_whole():
    marked = PAGE.replace('<section class="related">', '<section data-pagefind-filter="region">')
    assert search_copy(marked) == add_search_terms(marked)
    unclosed = PAGE.replace("</article>", "")
    assert search_copy(unclosed) == add_search_terms(unclosed)


def test_a_search_copy_indexes_like_the_whole_page(tmp_path: Path):
    """The reduced copy gives Pagefind exactly the same bundle as the whole page."""
    config = build_small_site(tmp_path / "p")
    bundles = []
    for name, make in (("whole", add_search_terms), ("copy", search_copy)):
        source = tmp_path / name
        for page in config.site_dir.glob("reports/*/index.html"):
            target = source / page.relative_to(config.site_dir)
            target.parent.mkdir(parents=True)
            target.write_text(make(page.read_text(encoding="utf-8")), encoding="utf-8")
        _run_pagefind(source, tmp_path / f"{name}-bundle", "zh")
        bundles.append({p.relative_to(tmp_path / f"{name}-bundle"): p.read_bytes()
                        for p in sorted((tmp_path / f"{name}-bundle").rglob("*")) if p.is_file()})
    assert bundles[0] == bundles[1]
