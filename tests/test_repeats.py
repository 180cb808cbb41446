"""The steps of repeats.py's small-input path, each against what it stands for (find_repeats itself: test_dedup.py)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from reportsite import repeats
from reportsite.repeats import Repeat, Span, find_repeats

_HAN = [chr(c) for c in range(0x4E00, 0x9FA6)]


def by_suffix_array(texts: list[str], min_chars: int = 20) -> list[Repeat]:
    """find_repeats forced onto its suffix-array path, whatever the size of the input."""
    saved, repeats.SMALL_INPUT = repeats.SMALL_INPUT, -1
    try:
        return find_repeats(texts, min_chars)
    finally:
        repeats.SMALL_INPUT = saved


def near_copies(rng: random.Random) -> list[str]:
    """A few texts cut from one random base, with some characters changed: many repeats, few alike."""
    alphabet = rng.choice(["工会职工之家的在了，。", "".join(_HAN[:150]), "工Ａ,，　 a"])
    base = "".join(rng.choices(alphabet, k=rng.randint(40, 400)))
    texts = []
    for _ in range(rng.randint(2, 8)):
        chars = list(base[rng.randint(0, len(base) - 1) :][: rng.randint(0, 250)])
        for _ in range(rng.randint(0, 8)):
            if chars:
                chars[rng.randrange(len(chars))] = rng.choice(alphabet)
        texts.append("".join(rng.choices(alphabet, k=rng.randint(0, 20))) + "".join(chars))
    return texts


def test_joined_folds_widths_and_numbers_each_text_after_it() -> None:
    joined, codes, offsets = repeats._joined(["ＡＢ　，", "", "x"])
    assert joined == "\0AB ,\0\x01\x01\0" + "\0\x01\x02\0" + "x\0\x01\x03\0"
    assert codes.tolist() == [ord(c) for c in joined]
    assert offsets == [1, 9, 13]


@pytest.mark.parametrize("bits", [3, 9])
def test_windows_that_only_share_a_hash_are_told_apart(monkeypatch: pytest.MonkeyPatch, bits: int) -> None:
    """With a hash of a few bits windows share groups (3 bits: big ones; 9: many pairs): the result must not change."""
    rng = random.Random(11)
    cases = [(near_copies(rng), rng.choice([6, 10, 20])) for _ in range(40)]
    expected = [by_suffix_array(texts, min_chars) for texts, min_chars in cases]
    hashes = repeats._window_hashes
    weak = np.uint64(64 - bits)
    monkeypatch.setattr(repeats, "_window_hashes", lambda codes, width: hashes(codes, width) >> weak << weak)
    assert [repeats._find_repeats_small(texts, min_chars) for texts, min_chars in cases] == expected
    assert sum(map(len, expected)) > 40


def test_common_runs_are_runs_of_agreeing_characters_up_to_a_separator() -> None:
    rng = random.Random(3)
    texts = ["甲乙" * 40, "甲乙" * 30 + "丙", "甲乙丙", "乙"]
    joined, codes, _offsets = repeats._joined(texts)
    pairs = [(rng.randrange(1, len(joined)), rng.randrange(1, len(joined))) for _ in range(300)]
    a, b = (np.array(side, dtype=np.int64) for side in zip(*pairs))
    runs = repeats._common_runs(joined, codes, a, b).tolist()
    assert runs == [repeats._run(joined, x, y, 1) for x, y in pairs]
    assert max(runs) > repeats._LOOK_AHEAD  # some go on past the first look


def test_a_walk_marked_dead_reaches_nothing() -> None:
    rng = random.Random(5)
    joined, codes, _offsets = repeats._joined(near_copies(rng) + ["工会", "", "工"])
    walks = [(rng.randrange(1, len(joined) - 1), rng.randrange(1, len(joined) - 1), rng.choice([-1, 1])) for _ in range(2000)]
    a, b, step = (np.array(column, dtype=np.int64) for column in zip(*walks))
    dead = repeats._dead_walks(codes, a, b, step).tolist()
    reached = [repeats._walk(joined, x, y, s) for x, y, s in walks]
    assert all(r == 0 for r, d in zip(reached, dead) if d)
    assert sum(dead) > 1000 and sum(r > 0 for r in reached) > 50


def test_copies_on_one_diagonal_in_other_texts_stay_apart() -> None:
    """Two passages printed in texts 0, 1 and again in 2, 3 lie on one diagonal, a gap apart: two repeats."""
    rng = random.Random(2)
    one, two = ("".join(rng.choices(_HAN, k=25)) for _ in range(2))
    texts = [one, two, one, two]
    expected = [Repeat(Span(0, 0, 25), Span(2, 0, 25)), Repeat(Span(1, 0, 25), Span(3, 0, 25))]
    assert by_suffix_array(texts) == expected
    assert repeats._find_repeats_small(texts, 20) == expected


def test_windows_running_into_a_separator_give_no_seed() -> None:
    """Texts 0 and 2 end alike ("工会", then a separator and the same first number): no seed there, and the
    copy they share at their start is hidden behind text 1 in the suffix order, as in the suffix array."""
    texts = ["工家之家职工会", "工家之家职家职之家家工家职会工工工家职工会工家职工会职家之工职家职会", "工家之家工工会"]
    assert repeats._find_repeats_small(texts, 4) == by_suffix_array(texts, 4) == []


def test_room_is_what_is_left_of_each_position_s_text() -> None:
    """_room against its definition (a binary search of the texts' starts), before the first text too."""
    rng = random.Random(3)
    for _ in range(20):
        lengths = [rng.randint(0, 30) + repeats._GAP_SIZE for _ in range(rng.randint(1, 12))]
        first = rng.randint(0, 5)
        offsets = np.cumsum([first, *lengths[:-1]])
        size = first + sum(lengths)
        positions = np.array([rng.randrange(size) for _ in range(50)], dtype=np.int64)
        owner, ends = repeats._owners(offsets, size)
        text = np.searchsorted(offsets, positions, side="right") - 1
        expected = np.where(text >= 0, ends[np.maximum(text, 0)] - positions, -1)
        assert repeats._room(positions, owner[positions], ends).tolist() == expected.tolist()
    assert repeats._owners(np.zeros(0, dtype=np.int64), 4)[0].tolist() == [-1, -1, -1, -1]  # no text at all
