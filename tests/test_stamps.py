"""Ingest remembers file digests by stat stamp: unchanged files are not read again, changed ones always are."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from reportsite import stamps
from reportsite.ingest import ingest
from reportsite.stamps import FileDigests


@pytest.fixture
def no_racy_window(monkeypatch):
    """Files written by the test itself are trusted at once (normally only after RACY_SECONDS)."""
    monkeypatch.setattr(stamps, "RACY_SECONDS", -60.0)


def reads_counted(monkeypatch) -> list[str]:
    """Record every file the digest cache opens."""
    opened: list[str] = []
    real = open

    def counting(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(stamps, "open", counting, raising=False)
    return opened


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Replace bytes without changing the size, and put the modification time back (as cp -p or tar would)."""
    assert len(old) == len(new)
    info = path.stat()
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_an_unchanged_file_is_not_read_again(tmp_path, monkeypatch, no_racy_window):
    cache = tmp_path / "cache" / "digests.pickle"
    seed = tmp_path / "a.txt"
    seed.write_bytes("职工书屋".encode())
    first = FileDigests(cache)
    assert first.digest(seed) == hashlib.sha256("职工书屋".encode()).hexdigest()
    first.save()
    opened = reads_counted(monkeypatch)
    again = FileDigests(cache)
    assert again.digest(seed) == hashlib.sha256("职工书屋".encode()).hexdigest()
    assert opened == []


def test_a_same_size_edit_with_its_old_mtime_is_still_seen(tmp_path, no_racy_window):
    cache = tmp_path / "digests.pickle"
    seed = tmp_path / "a.txt"
    seed.write_bytes("会员100人".encode())
    first = FileDigests(cache)
    first.digest(seed)
    first.save()
    same_size_edit(seed, b"100", b"900")
    assert FileDigests(cache).digest(seed) == hashlib.sha256("会员900人".encode()).hexdigest()


def test_a_file_changed_just_now_is_not_trusted_by_its_stamp(tmp_path, monkeypatch):
    cache = tmp_path / "digests.pickle"
    seed = tmp_path / "a.txt"
    seed.write_bytes(b"x")
    first = FileDigests(cache)
    first.digest(seed)
    first.save()
    opened = reads_counted(monkeypatch)
    FileDigests(cache).digest(seed)
    assert opened == [str(seed)]  # written a moment ago: its timestamp tick may not have moved yet


def test_a_broken_cache_file_only_costs_a_read(tmp_path):
    cache = tmp_path / "digests.pickle"
    cache.write_bytes(b"not a pickle")
    seed = tmp_path / "a.txt"
    seed.write_bytes(b"abc")
    assert FileDigests(cache).digest(seed) == hashlib.sha256(b"abc").hexdigest()


def test_a_second_ingest_with_nothing_changed_reads_no_seed(project, monkeypatch, no_racy_window):
    ingest(project)
    ingest(project)  # the files ingest wrote are hashed (and remembered) here
    opened = reads_counted(monkeypatch)
    assert {o.status for o in ingest(project)} == {"unchanged"}
    assert opened == []


def test_same_size_edits_to_seeds_and_content_are_still_found(project, no_racy_window):
    ingest(project)
    ingest(project)
    content = project.content_dir / "linan-2015.md"
    same_size_edit(content, "title: 临安市总工会".encode(), "title: 临安县总工会".encode())
    seed = project.root / "seeds" / "003_b22997240e314b2b.txt"
    text = seed.read_bytes()
    digit = next(ch for ch in b"0123456789" if bytes([ch]) in text)
    same_size_edit(seed, bytes([digit]), b"7" if digit != ord("7") else b"8")
    outcomes = {o.seed: o.status for o in ingest(project)}
    assert outcomes["seeds/000_c7cb6c34759da0ab.txt"] == "kept-edits"
    assert outcomes["seeds/003_b22997240e314b2b.txt"] == "written"
    assert "临安县总工会" in content.read_text(encoding="utf-8")
