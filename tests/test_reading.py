"""Decoding seeds: every encoding OCR tools write, and clear errors for what is not text."""

import pytest

from reportsite.reading import SeedError, decode_bytes, normalize_newlines, read_seed

TEXT = "临安市总工会坚持服务职工群众工作生命线，履行工会组织基本职能。\n\n职工之家建设成效明显。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_decodes_common_encodings(encoding):
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


def test_line_endings_become_newlines():
    assert normalize_newlines("甲\r\n乙\r丙\n") == "甲\n乙\n丙\n"


def test_empty_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(SeedError) as info:
        read_seed(path)
    assert str(path) in str(info.value) and "empty" in str(info.value)


def test_binary_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(SeedError) as info:
        read_seed(path)
    assert str(path) in str(info.value)


def test_crlf_seed_reads_clean(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert read_seed(path) == TEXT
