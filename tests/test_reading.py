"""Decoding seeds: every encoding OCR tools write, and clear errors for what is not text."""

import pytest

from reportsite.reading import SeedError, decode_bytes, normalize_newlines, read_seed

TEXT = "临安市总工会坚持服务职工群众工作生命线，履行工会组织基本职能。\n\n职工之家建设成效明显。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_decodes_common_encodings(encoding):
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decodes_utf16_without_a_bom(encoding):
    # Han characters hold few NUL bytes: only the digits, spaces and line ends here
    text = "东坡区已建成劳模工匠创新工作室46个，其中省级8个。\r\n\r\n　　今年新命名6个。\r\n"
    assert decode_bytes(text.encode(encoding)) == text


TRADITIONAL = "勞動爭議案件1,126件①，其中農民工案件佔四成②。工會法律援助中心全年受理職工申請，辦結率達到百分之九十八。\n" * 4


@pytest.mark.parametrize("encoding", ["big5hkscs", "big5"])
def test_big5_circled_numbers_read_as_circled_numbers_not_kana(encoding):
    # ① is 0xC6A1 in Big5-ETEN and HKSCS, which Python's big5 reads as ヾ; 0xC7E9 in Python's big5
    assert decode_bytes(TRADITIONAL.encode(encoding)) == TRADITIONAL


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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_though_chinese_holds_few_nul_bytes(encoding):
    # only the line ends, the digits and 　 give NUL bytes here: too few to look like UTF-16 by their count
    text = "　　今年全市共开设暑期爱心托管班42个，共招收职工子女2,380名。\n\n　　一是整合资源保投入。\n" * 3
    assert decode_bytes(text.encode(encoding)) == text
