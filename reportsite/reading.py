"""Reading seeds: bytes of any of the encodings OCR tools write → one clean ``str``.

UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised by their signature, UTF-16 without one by
reading as nearly all text in one byte order (_bomless_utf16); anything else is handed to charset-normalizer, which judges the whole file.  GB18030 is preferred over its subsets (GBK,
GB2312) because it decodes everything they do; of Big5's variants, the one that reads the file with no kana.  A file that is empty, binary or undecodable raises
``SeedError`` naming the file, so the caller can report it and go on with the others.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

# Encodings charset-normalizer may name for Chinese text that GB18030 decodes as well or better.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Big5's variants place the symbols outside the common core differently: ① is 0xC6A1 in Big5-ETEN and HKSCS,
# where Python's big5 and cp950 read Japanese kana (ヾ).  Of the decodings that succeed, the one with the fewest
# kana and private-use characters (neither belongs in a Chinese report) wins; ties go to the detected encoding.
_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
_UNLIKELY = re.compile(r"[\u3040-\u30ff\ue000-\uf8ff]")


class SeedError(Exception):
    """A seed that cannot be read; the message names the file."""


def decode_bytes(data: bytes) -> str:
    """Decode raw bytes of a report; raise ValueError when they are not text."""
    if not data.strip():
        raise ValueError("file is empty")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        text = _bomless_utf16(data)
        if text is not None:
            return text
        if not _looks_like_utf16(data):
            raise ValueError("file is binary, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare seed that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("cannot detect the text encoding")
    detected = best.encoding.lower().replace("_", "")
    if detected in _BIG5_FAMILY:
        return _best_big5(data, detected)
    encoding = "gb18030" if detected in _GB_FAMILY else best.encoding
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ValueError(f"cannot decode as {encoding}: {exc}") from exc


def _best_big5(data: bytes, detected: str) -> str:
    """Decode Big5 text with the variant that reads it most like Chinese (see _BIG5_FAMILY)."""
    decoded = []
    for rank, encoding in enumerate(sorted(_BIG5_FAMILY, key=lambda e: e != detected)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded.append((len(_UNLIKELY.findall(text)), rank, text))
    if not decoded:
        raise ValueError(f"cannot decode as {detected}")
    return min(decoded)[2]


# What a report's characters are: ASCII, Latin-1 signs, general punctuation, arrows and dingbats, CJK marks,
# Han and full-width forms.  Random bytes decoded as UTF-16 land in them about a third of the time.
_READABLE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u27bf\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _bomless_utf16(data: bytes) -> str | None:
    """The text of UTF-16 without a BOM, little- or big-endian, or None when neither order reads as text.

    Han characters seldom hold a NUL byte, so a Chinese file's NULs (the high bytes of its digits, spaces and
    line ends) are too few for _looks_like_utf16; the byte order whose decoding is nearly all readable
    characters (95%) tells it instead."""
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = len(_READABLE.findall(text)) / max(1, len(text))
        if share >= 0.95 and (best is None or share > best[0]):
            best = (share, text)
    return best[1] if best else None


def _looks_like_utf16(data: bytes) -> bool:
    """True when every other byte is mostly NUL, as in BOM-less UTF-16 Chinese or ASCII text."""
    sample = data[:4096]
    return sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF and drop control characters other than tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def check_is_text(text: str) -> None:
    """Raise ValueError when decoded text still looks binary (many control or replacement characters)."""
    stripped = text.strip()
    if not stripped:
        raise ValueError("file is empty")
    bad = stripped.count("\ufffd")
    if bad > max(3, len(stripped) // 100):
        raise ValueError("file is binary or damaged: too many undecodable bytes")


def read_seed(path: Path) -> str:
    """Read and decode one seed file; raise SeedError naming the file on failure."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        raw = decode_bytes(data)
        if _CONTROL.search(raw.replace("\r", "")) and len(_CONTROL.findall(raw)) > max(3, len(raw) // 100):
            raise ValueError("file is binary, not text")
        text = normalize_newlines(raw)
        check_is_text(text)
    except ValueError as exc:
        raise SeedError(f"{path}: {exc}") from exc
    return text
