"""The reprint store (reprints.py): after any sequence of edits it holds what a full search finds."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reportsite.clauses import dedup_rules
from reportsite.model import Block
from reportsite.repeats import Encoded, Span, find_repeats
from reportsite.reprints import ReprintStore
from reportsite.shared import find_shared_passages, places_of, reprinted_parts, shared_after_edit, store_lengths


def reprint_pairs(texts: list[str], owners: list[str], min_chars: int) -> list[tuple[Span, Span]]:
    """The reference the store is held to: every repeat find_repeats finds between texts of two owners
    (reports) in one suffix array over all of them, cut to its reprinted parts."""
    shortest = max(min_chars, dedup_rules()["shared_min_chars"])
    pairs = []
    for repeat in find_repeats(texts, shortest):
        one, two = repeat.first, repeat.second
        if owners[one.text] == owners[two.text]:
            continue  # inside one report: a layout copy or a restatement, dedup's business
        for start, end in reprinted_parts(texts[one.text], one.start, texts[two.text], two.start,
                                          one.end - one.start, shortest):
            pairs.append((Span(one.text, one.start + start, one.start + end),
                          Span(two.text, two.start + start, two.start + end)))
    return pairs

# Sentences long enough to be reprints, some sharing their endings (suffixes tied to the end of a
# passage are where the order of passages decides which seeds exist) and their genre wording.
SENTENCES = [
    "市总工会联合市人社局举办第五届职工职业技能大赛，设置电工、焊工、数控车工等12个工种，共有3,650名一线职工参赛。",
    "大赛前三名选手将被授予市级技术能手称号，并按规定晋升一级职业技能等级，享受相应待遇。",
    "区总工会组织开展送清凉活动，走访慰问高温作业一线职工两千余人次，发放慰问品价值四十余万元。",
    "全区新建基层工会组织120家，新发展会员9.3万名，其中快递员和网约车司机1.2万名，会员总数达到32万名。",
    "全区新建基层工会组织86家，新发展会员7.1万名，其中快递员和网约车司机0.9万名，会员总数达到28万名。",
    "职工书屋建设稳步推进，全市建成职工书屋四百余家，其中全国级示范点十二家，覆盖职工二十余万人。",
    "法律援助工作站全年受理职工法律援助案件三百余件，为职工挽回经济损失一千二百余万元，维护了职工权益。",
    "下一步将继续办好职工技能大赛，推动产业工人队伍建设改革走深走实，为高质量发展贡献工会力量。",
]

paragraph_texts = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map("".join)
reports_strategy = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "e", "f"]),
    st.lists(paragraph_texts, min_size=1, max_size=3),
    min_size=2, max_size=5,
)


def as_blocks(texts: list[str]) -> list[Block]:
    """A report of paragraphs p1, p2, …"""
    return [Block("paragraph", text, id=f"p{i}") for i, text in enumerate(texts, 1)]


edit = st.tuples(st.sampled_from(["replace", "append", "drop", "swap", "new report", "delete report"]),
                 st.integers(0, 5), st.integers(0, 5), paragraph_texts)


def apply(reports: dict[str, list[str]], step: tuple[str, int, int, str]) -> dict[str, list[str]]:
    """One editor's edit of the archive (texts by slug)."""
    kind, which, where, text = step
    reports = {slug: list(texts) for slug, texts in reports.items()}
    slug = sorted(reports)[which % len(reports)]
    texts = reports[slug]
    if kind == "replace":
        texts[where % len(texts)] = text
    elif kind == "append":
        texts.append(text)
    elif kind == "drop" and len(texts) > 1:
        del texts[where % len(texts)]
    elif kind == "swap" and len(texts) > 1:
        texts[0], texts[-1] = texts[-1], texts[0]
    elif kind == "new report":
        reports[f"n{where}{which}"] = [text, *texts[:1]]
    elif kind == "delete report" and len(reports) > 2:
        del reports[slug]
    return reports


@settings(max_examples=60, deadline=None)
@given(reports_strategy, st.lists(edit, min_size=1, max_size=6))
def test_the_store_after_any_edits_holds_the_reprints_a_full_search_finds(start, edits) -> None:
    k, shortest = store_lengths()
    texts = start
    store = ReprintStore.build(places_of({s: as_blocks(t) for s, t in texts.items()}), k, shortest)
    for step in edits:
        texts = apply(texts, step)
        places = places_of({s: as_blocks(t) for s, t in texts.items()})
        store.update(places)
        expected = reprint_pairs([p[3] for p in places], [p[0] for p in places], 20)
        assert sorted(set(store.pairs(places))) == sorted(set(expected)), step


@settings(max_examples=30, deadline=None)
@given(reports_strategy, st.lists(edit, min_size=1, max_size=4))
def test_shared_passages_after_edits_equal_a_full_search(start, edits) -> None:
    texts = start
    result, state, _ = shared_after_edit({s: as_blocks(t) for s, t in texts.items()}, None)
    for step in edits:
        texts = apply(texts, step)
        reports = {s: as_blocks(t) for s, t in texts.items()}
        result, state, _ = shared_after_edit(reports, state)
        assert result == find_shared_passages(reports), step


def test_an_edit_finds_a_new_reprint_and_forgets_a_removed_one() -> None:
    k, shortest = store_lengths()
    texts = {"a": [SENTENCES[0] + SENTENCES[1]], "b": [SENTENCES[2]], "c": [SENTENCES[5]]}
    places = places_of({s: as_blocks(t) for s, t in texts.items()})
    store = ReprintStore.build(places, k, shortest)
    assert store.pairs(places) == []
    texts["b"] = ["据本报讯，" + SENTENCES[1]]  # b now reprints a's second sentence
    places = places_of({s: as_blocks(t) for s, t in texts.items()})
    store.update(places)
    (first, second), = store.pairs(places)
    assert places[first.text][0] == "a" and places[second.text][0] == "b"
    assert places[second.text][3][second.start:second.end].startswith(SENTENCES[1][:10])
    texts["a"] = [SENTENCES[0]]
    places = places_of({s: as_blocks(t) for s, t in texts.items()})
    store.update(places)
    assert store.pairs(places) == []


def test_suffixes_tied_to_the_end_of_their_passages_are_ordered_by_the_passages_alone() -> None:
    # Three passages end with the same sentence; what follows them in the archive must not decide
    # which of them become seed neighbours.
    tail = SENTENCES[7]
    texts = ["第一篇：" + tail, "第二篇：" + tail, "第三篇：" + tail]
    k = store_lengths()[0]
    alone = Encoded.of(texts).seeds(k)
    for extra in (["无关的一段文字，讲的是别的事情。"], ["另一篇报道", "再一篇报道，内容完全不同。"]):
        for at in range(len(texts) + 1):
            mixed = texts[:at] + extra + texts[at:]
            text_a, start_a, text_b, start_b, length = Encoded.of(mixed).seeds(k)
            back = [i for i in range(len(mixed)) if mixed[i] in texts]  # numbers of the three in mixed
            number = {m: n for n, m in enumerate(back)}
            seeds = sorted((number[a], sa, number[b], sb, n) for a, sa, b, sb, n in
                           zip(text_a.tolist(), start_a.tolist(), text_b.tolist(), start_b.tolist(), length.tolist())
                           if a in number and b in number)
            assert seeds == sorted(zip(*(column.tolist() for column in alone))), (extra, at)
    assert find_repeats(texts, 20)


def test_reordering_a_reports_paragraphs_reorders_its_tied_copies() -> None:
    # Both of a's paragraphs end with the sentence b reprints: which of them neighbours b's copy in the
    # suffix order depends on their order in a, so swapping them changes which pair of copies is seeded.
    k, shortest = store_lengths()
    tail = SENTENCES[1] + SENTENCES[2]
    texts = {"a": ["据本报讯，" + tail, "另据报道：" + tail], "b": ["转载：" + tail]}
    store = ReprintStore.build(places_of({s: as_blocks(t) for s, t in texts.items()}), k, shortest)
    texts["a"] = texts["a"][::-1]
    reports = {s: as_blocks(t) for s, t in texts.items()}
    reports["a"] = [Block("paragraph", text, id=f"p{i}") for i, text in zip((2, 1), texts["a"])]  # same ids
    places = places_of(reports)
    store.update(places)
    expected = reprint_pairs([p[3] for p in places], [p[0] for p in places], 20)
    assert expected and sorted(set(store.pairs(places))) == sorted(set(expected))


@given(st.lists(st.integers(0, 2**32 - 1), max_size=400), st.lists(st.integers(0, 2**32 - 1), max_size=8),
       st.sampled_from([np.uint32, np.int64]))
def test_membership_with_and_without_the_bit_table_is_numpys(values, members, dtype) -> None:
    from reportsite import reprints

    # Some values are members, some share a member's low bits only (what the table cannot tell apart).
    values = np.array(values + members[:3] + [(m ^ (1 << 31)) for m in members[:3]], dtype=dtype)
    members = np.unique(np.array(members, dtype=dtype))
    expected = np.isin(values, members)
    for screen_from in (0, 10**9):  # the bit table always, never
        saved, reprints._FILTER_MIN = reprints._FILTER_MIN, screen_from
        try:
            assert np.array_equal(reprints._member(values, members), expected)
        finally:
            reprints._FILTER_MIN = saved


def test_the_grams_of_seeds_hashed_alone_are_those_of_all_windows() -> None:
    from reportsite.reprints import hashes_at, window_hashes

    texts = ["ＡＢＣ职工书屋四百余家", "全市建成职工书屋四百余家　其中", "短"]
    k = 4
    hashes, starts, lengths = window_hashes(texts, k)
    where = [(t, s) for t in range(len(texts)) for s in range(len(texts[t]) - k + 1)]
    text = np.array([t for t, _ in where]); start = np.array([s for _, s in where])
    assert np.array_equal(hashes_at(texts, k, text, start), hashes[starts[text] + start])
    # Full-width letters and the ideographic space are folded, as the search folds them.
    assert hashes_at(["ABC职工", "ＡＢＣ职工"], 4, np.array([0, 1]), np.array([0, 0])).tolist().count(
        hashes_at(["ABC职工"], 4, np.array([0]), np.array([0]))[0]) == 2


def test_a_large_build_that_hashes_grams_in_a_thread_beside_the_search_makes_the_same_store(monkeypatch) -> None:
    import reportsite.reprints as reprints

    k, shortest = store_lengths()
    reports = {slug: as_blocks([SENTENCES[i % 8] + SENTENCES[(i + j) % 8] for j in range(3)])
               for i, slug in enumerate("abcdef")}
    places = places_of(reports)
    alone = ReprintStore.build(places, k, shortest)
    monkeypatch.setattr(reprints, "THREAD_MIN_CHARS", 1)
    beside = ReprintStore.build(places, k, shortest)
    assert np.array_equal(beside.keys, alone.keys) and beside.reprints == alone.reprints and alone.reprints
    assert all(np.array_equal(beside.seeds[name], alone.seeds[name]) for name in alone.seeds)


_PIECES_OF_KEYS = ["职工", "书屋", "ＡＢ", "AB", "　", "，", "全"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES_OF_KEYS), max_size=9).map("".join), max_size=9),
       st.integers(1, 30), st.permutations(range(9)))
def test_gram_keys_made_a_run_of_texts_at_a_time_are_those_of_all_texts_at_once(texts, run_chars, numbers) -> None:
    """Each run's keys are sorted and distinct; merged, they are every (gram, passage) once, in order."""
    import reportsite.reprints as reprints

    ids = np.array(numbers[: len(texts)], dtype=np.int64)
    k = 3
    expected = sorted({(int(h) << 32) | int(ids[t]) for t, text in enumerate(texts)
                       for h in reprints.window_hashes([text], k)[0][: max(0, len(text) - k + 1)]})
    saved = reprints.KEY_RUN_CHARS
    try:
        reprints.KEY_RUN_CHARS = run_chars
        assert reprints._gram_keys(texts, ids, k).tolist() == expected
    finally:
        reprints.KEY_RUN_CHARS = saved


def test_gram_keys_of_an_archive_take_little_more_memory_than_the_keys_themselves() -> None:
    """Hashing every window of the archive at once took a dozen arrays of 8 bytes a character (0.5 GB at
    10,000 reports, on top of what the search holds); a run of texts at a time, about the keys twice over."""
    import tracemalloc

    import reportsite.reprints as reprints

    texts = [f"第{n}次职工代表大会审议通过{n * 7919 % 100003}号集体合同，涉及职工{n * 31 % 9973}名" for n in range(160_000)]
    chars = sum(map(len, texts))
    assert chars > 5 * reprints.KEY_RUN_CHARS
    tracemalloc.start()
    try:
        keys = reprints._gram_keys(texts, np.arange(len(texts), dtype=np.int64), 9)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(keys) > chars // 2
    assert peak < 2 * keys.nbytes + 40 * reprints.KEY_RUN_CHARS, (peak / chars, keys.nbytes / chars)


_PIECES = ["职工书屋", "法律援助", "ＡＢ", "AB", "　", " ", "，", "案件", "全", "万元"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), min_size=1, max_size=7),
       st.integers(3, 5), st.data())
def test_the_seeds_of_some_grams_found_by_sorting_are_the_suffix_arrays(texts, k, data) -> None:
    """gram_seeds (the update's way) gives exactly the seeds of those grams that the suffix array over all
    the passages gives, in its order: texts repeated whole, a suffix ending where another goes on, texts
    equal but for full-width forms (folded alike), empty texts."""
    from reportsite.reprints import gram_seeds, grams_of, hashes_at

    all_grams = grams_of(texts, k)
    chosen = np.array(sorted(data.draw(st.sets(st.sampled_from(all_grams.tolist()), max_size=6))
                             if len(all_grams) else []), dtype=np.uint32)
    text_a, start_a, text_b, start_b, length = Encoded.of(texts).seeds(k)
    gram = hashes_at(texts, k, text_a, start_a)
    wanted = np.isin(gram, chosen)
    found = gram_seeds(texts, k, chosen)
    assert found is not None
    for mine, theirs in zip(found, (text_a, start_a, text_b, start_b, length, gram)):
        assert mine.tolist() == theirs[wanted].tolist()


def test_a_passage_holding_the_separator_character_is_left_to_the_suffix_array() -> None:
    from reportsite.reprints import gram_seeds, grams_of

    texts = ["职工书屋\0四百家", "职工书屋\0四百家"]
    assert gram_seeds(texts, 4, grams_of(texts, 4)) is None
    # Grams of two characters, likewise: a gap's numbers can sort between two of their suffixes.
    texts = ["", "职工书屋\u3000\u3000\u3000"]
    assert gram_seeds(texts, 2, grams_of(texts, 2)) is None


@given(st.sets(st.integers(0, 400), max_size=60), st.data())
def test_replacing_sorted_keys_in_one_copy_is_deleting_then_inserting(values, data) -> None:
    from reportsite.reprints import _replace_sorted

    present = sorted(values)
    old = data.draw(st.sets(st.sampled_from(present), max_size=10)) if present else set()
    new = data.draw(st.sets(st.integers(0, 400).filter(lambda v: v not in values), max_size=10))
    got = _replace_sorted(np.array(present, dtype=np.uint64), np.array(sorted(old), dtype=np.uint64),
                          np.array(sorted(new), dtype=np.uint64))
    assert got.tolist() == sorted((values - old) | new) and got.dtype == np.uint64


def test_pairs_of_places_the_stores_order_does_not_describe_are_looked_up_one_by_one() -> None:
    k, shortest = store_lengths()
    reports = {slug: as_blocks([SENTENCES[i % 8] + SENTENCES[(i + 1) % 8]]) for i, slug in enumerate("abc")}
    places = places_of(reports)
    store = ReprintStore.build(places, k, shortest)
    assert store.pairs(places)
    store.order = {"z": store.order["a"]}  # no longer the list's order: the slow path gives the same pairs
    assert store.pairs(places) == ReprintStore.build(places, k, shortest).pairs(places)


def test_replacing_many_sorted_keys_takes_the_vectorised_way_to_the_same_result(monkeypatch) -> None:
    import reportsite.reprints as reprints

    values = np.arange(0, 2000, 2, dtype=np.uint64)
    old, new = values[::3], np.arange(1, 2000, 4, dtype=np.uint64)
    few = reprints._replace_sorted(values, old, new)
    monkeypatch.setattr(reprints, "_FEW_CHANGES", 10)
    assert reprints._replace_sorted(values, old, new).tolist() == few.tolist() == sorted(set(values.tolist()) - set(old.tolist()) | set(new.tolist()))


def test_suffixes_too_long_to_sort_as_strings_are_left_to_the_suffix_array(monkeypatch) -> None:
    import reportsite.reprints as reprints
    from reportsite.reprints import gram_seeds, grams_of

    texts = ["—" * 300 + "职工书屋", "—" * 300]
    assert gram_seeds(texts, 4, grams_of(texts, 4)) is not None
    monkeypatch.setattr(reprints, "SORT_MAX_CHARS", 1000)
    assert gram_seeds(texts, 4, grams_of(texts, 4)) is None
