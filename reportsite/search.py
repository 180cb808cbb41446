"""The full-text search index: Pagefind, run on the built pages, no server and no internet needed.

Pagefind's Chinese segmenter keeps words such as 总工会 whole, so a reader searching for 工会
would miss a page that only says 总工会.  Before indexing, every paragraph of a page gets its
Chinese two-character sequences (总工 工会 …) as an indexed attribute.  That text goes only into the
index: the served HTML stays as rendered.  Because the terms sit on the paragraph's own element, a
match still points at that paragraph, and the search page links straight to it.

The index is *sharded*.  A page belongs to shard ``hash(path) mod N``, with N the smallest power of
two that keeps shards at about ``SHARD_PAGES`` pages, and each shard is indexed by its own Pagefind run:
a run's time and memory grow with its pages (about 7 ms and 0.7 MB a page, see bench/SEARCH.md), so
the peak stays that of one or two shards however large the site, and an edited page re-indexes only
its own shard.  An edited page never changes shard; N doubles (a full re-index) only as the site grows.
The first non-empty shard's bundle is ``pagefind/`` itself; every other shard's is ``pagefind/sNN/``
(its index files only), listed in ``pagefind/shards.json``, and the search page merges them.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .workers import worker_count

OUTPUT_DIR = "pagefind"
SHARDS_FILE = "shards.json"  # in OUTPUT_DIR: the other shards' bundles, for the search page to merge
SHARD_PAGES = 500  # pages a shard holds at most on average (read at call time: tests lower it); see bench/SEARCH.md
PARALLEL_RUNS = 2  # Pagefind runs at once; each uses about one core (one shard's memory each)
TERMS_ATTRIBUTE = "data-zh-terms"
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_TAG = re.compile(r"<[^>]+>")
# Elements that are search targets: paragraphs, list items, headings, captions, the lead.
_ANCHORED = re.compile(r'<(p|li|h[1-6]|figure|dd)\b([^>]*\bid="[^"]+"[^>]*)>')
_BODY_ELEMENT = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-body\b[^>]*>")
# Pagefind's own UI bundles: the site has its own search page, so these are not shipped.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# The script, its worker and WebAssembly: the browser loads only the primary bundle's.
_RUNTIME = re.compile(r"pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def cjk_bigrams(text: str) -> list[str]:
    """Every distinct two-character sequence of the Chinese runs in text, in order of first use."""
    seen: dict[str, None] = {}
    for run in _CJK_RUN.findall(text):
        for start in range(len(run) - 1):
            seen.setdefault(run[start : start + 2], None)
    return list(seen)


def element_text(html_text: str, start: int, tag: str) -> str:
    """Plain text of the element whose start tag ends at ``start``."""
    end = html_text.find(f"</{tag}>", start)
    inner = html_text[start : end if end >= 0 else len(html_text)]
    return html.unescape(_TAG.sub("", inner))


def add_search_terms(html_text: str) -> str:
    """Give each anchored element its two-character terms as an attribute Pagefind indexes."""
    out: list[str] = []
    position = 0
    for match in _ANCHORED.finditer(html_text):
        terms = " ".join(cjk_bigrams(element_text(html_text, match.end(), match.group(1))))
        out.append(html_text[position : match.start()])
        if terms:
            out.append(
                f'<{match.group(1)}{match.group(2)} {TERMS_ATTRIBUTE}="{terms}" '
                f'data-pagefind-index-attrs="{TERMS_ATTRIBUTE}">'
            )
        else:
            out.append(match.group(0))
        position = match.end()
    out.append(html_text[position:])
    return "".join(out)


def _element_end(html_text: str, tag: str, start: int) -> int | None:
    """End of the ``tag`` element whose start tag ends at ``start`` (nested ones of its kind counted)."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE).finditer(html_text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def search_copy(html_text: str) -> str | None:
    """The copy of a page Pagefind indexes, with search terms; None for a page not marked for search.

    Pagefind reads only the ``data-pagefind-body`` elements of such a page, so the copy keeps the
    document head and those elements alone: what surrounds them (related reports, the pager, menus)
    changes when other reports change, and would otherwise send this page's shard to Pagefind again.
    A page with any other ``data-pagefind-`` marker outside those elements is copied whole.
    """
    if "data-pagefind-body" not in html_text:
        return None
    body = re.search(r"<body\b[^>]*>", html_text)
    spans: list[tuple[int, int]] = []
    for match in _BODY_ELEMENT.finditer(html_text, body.end() if body else 0):
        if spans and match.start() < spans[-1][1]:
            continue  # inside the previous body element
        end = _element_end(html_text, match.group(1), match.end())
        if end is None:
            spans = []
            break
        spans.append((match.start(), end))
    if body is None or not spans:
        return add_search_terms(html_text)
    edges = [body.end(), *(edge for span in spans for edge in span), len(html_text)]
    outside = "".join(html_text[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2))
    if "data-pagefind-" in outside:
        return add_search_terms(html_text)
    kept = "\n".join(html_text[start:end] for start, end in spans)
    return add_search_terms(f"{html_text[: body.end()]}\n{kept}\n</body>\n</html>\n")


def page_path(path: Path, site_dir: Path) -> str:
    """A page's path relative to the site folder, in POSIX form."""
    return path.relative_to(site_dir).as_posix()


def iter_searchable_pages(site_dir: Path) -> Iterator[tuple[str, str]]:
    """(relative path, html with search terms) for every page that marks a part of itself for the index."""
    for path in sorted(site_dir.rglob("*.html")):
        if OUTPUT_DIR in path.relative_to(site_dir).parts:
            continue
        copy = search_copy(path.read_text(encoding="utf-8"))
        if copy is not None:
            yield page_path(path, site_dir), copy


def searchable_pages(site_dir: Path) -> list[tuple[str, str]]:
    """All of ``iter_searchable_pages`` at once."""
    return list(iter_searchable_pages(site_dir))


def shard_count(pages: int, shard_pages: int) -> int:
    """The smallest power of two that keeps the average shard at ``shard_pages`` pages or fewer."""
    count = 1
    while count * max(1, shard_pages) < pages:
        count *= 2
    return count


def shard_of(relative: str, count: int) -> int:
    """The shard of a page: its path's hash modulo ``count`` (doubling count splits every shard in two)."""
    digest = hashlib.sha256(relative.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count


def shard_name(shard: int) -> str:
    """A shard's folder name: s00, s01, …"""
    return f"s{shard:02d}"


def assign_shards(relatives: list[str], count: int) -> dict[int, list[str]]:
    """The non-empty shards among ``count`` for a set of pages: shard -> its pages, both in order."""
    shards: dict[int, list[str]] = {}
    for relative in sorted(relatives):
        shards.setdefault(shard_of(relative, count), []).append(relative)
    return {shard: shards[shard] for shard in sorted(shards)}


def files_under(folder: Path) -> list[str]:
    """Relative POSIX paths of every file under folder, sorted (os.walk: pathlib's rglob is slow at 10,000)."""
    out = []
    for directory, _dirs, names in os.walk(folder):
        prefix = os.path.relpath(directory, folder).replace(os.sep, "/")
        out.extend(name if prefix == "." else f"{prefix}/{name}" for name in names)
    return sorted(out)


def copied_pages(source: Path) -> list[str]:
    """Relative paths of the search copies in ``source``, sorted."""
    return [relative for relative in files_under(source) if relative.endswith(".html")]


@functools.cache
def _indexer_identity() -> str:
    """What else shapes a bundle: the Pagefind version and this module's code."""
    try:
        version = importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return f"{version}\0{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"


def shard_key(source: Path, relatives: list[str], shard: int, count: int, language: str) -> str:
    """Digest of what a shard's bundle is made from: its copies (path and file identity), place, language, indexer.

    A copy is replaced by a new file only when its text changes (see ``sync_search_source``), so an
    unchanged shard keeps its key without its pages being read.
    """
    rows = [_indexer_identity(), language, f"{shard}/{count}"]
    for relative in relatives:
        info = (source / relative).stat()
        rows.append(f"{relative}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def _run_pagefind(source: Path, output: Path, language: str) -> None:
    """Index the pages in ``source`` with Pagefind's command-line indexer, writing the bundle to ``output``.

    The command line indexes a whole folder at once, in Rust: about a hundred times faster than
    sending pages one by one through Pagefind's Python service.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
               "--force-language", language, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(f"pagefind exited with status {result.returncode}: {detail[-1] if detail else ''}")


def _link(source: Path, target: Path) -> None:
    """Hard-link a file (copy it where links are not possible), creating folders."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _key_file(bundles: Path, shard: int) -> Path:
    """Where the key of a shard's kept bundle is written, once the bundle is complete."""
    return bundles / f"{shard_name(shard)}.key"


def stale_shards(source: Path, count: int, shards: dict[int, list[str]], bundles: Path, language: str) -> dict[int, str]:
    """The shards whose kept bundle is missing or was made from other copies: shard -> its new key."""
    stale = {}
    for shard, relatives in shards.items():
        key = shard_key(source, relatives, shard, count, language)
        kept = _key_file(bundles, shard)
        if not ((bundles / shard_name(shard)).is_dir() and kept.is_file() and kept.read_text(encoding="utf-8") == key):
            stale[shard] = key
    return stale


def index_shard(source: Path, relatives: list[str], bundles: Path, shard: int, key: str, language: str) -> None:
    """Run Pagefind on one shard's copies and keep its bundle as ``bundles/sNN``, with its key beside it."""
    with tempfile.TemporaryDirectory(prefix=f".{shard_name(shard)}-", dir=bundles) as scratch:
        pages, output = Path(scratch) / "pages", Path(scratch) / "bundle"
        for relative in relatives:  # Pagefind reads a folder: this shard's copies, linked
            _link(source / relative, pages / relative)
        _run_pagefind(pages, output.resolve(), language)
        if not (output / "pagefind.js").is_file():
            raise SearchIndexError(f"{output}: Pagefind wrote no pagefind.js")
        for name in _UNUSED:
            (output / name).unlink(missing_ok=True)
        shutil.rmtree(output / "playground", ignore_errors=True)
        _key_file(bundles, shard).unlink(missing_ok=True)
        shutil.rmtree(bundles / shard_name(shard), ignore_errors=True)
        os.replace(output, bundles / shard_name(shard))
    _key_file(bundles, shard).write_text(key, encoding="utf-8")


def index_shards(source: Path, shards: dict[int, list[str]], stale: dict[int, str], bundles: Path,
                 language: str) -> None:
    """Index the stale shards, ``PARALLEL_RUNS`` at a time (one shard's memory each)."""
    runs = min(PARALLEL_RUNS, worker_count(), len(stale))
    if runs <= 1:
        for shard, key in stale.items():
            index_shard(source, shards[shard], bundles, shard, key, language)
        return
    with ThreadPoolExecutor(max_workers=runs) as pool:  # threads only wait: the work is Pagefind's
        jobs = [pool.submit(index_shard, source, shards[shard], bundles, shard, key, language)
                for shard, key in stale.items()]
        for job in jobs:
            job.result()


def prune_bundles(bundles: Path, keep: set[int]) -> None:
    """Remove the kept bundles of shards that no longer exist (the site shrank, or the count doubled)."""
    names = {shard_name(shard) for shard in keep}
    for path in sorted(bundles.iterdir()):
        if path.name.startswith("."):
            continue
        if path.name.removesuffix(".key") not in names:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def assemble_bundles(bundles: Path, shards: list[int], output: Path) -> None:
    """Link the shards' bundles into ``output``: the first one whole, the others' index files into ``sNN/``."""
    primary, *others = shards
    for shard in shards:
        folder = bundles / shard_name(shard)
        target = output if shard == primary else output / shard_name(shard)
        for relative in files_under(folder):
            if shard == primary or not _RUNTIME.fullmatch(relative):
                _link(folder / relative, target / relative)
    manifest = {"bundles": [f"{shard_name(shard)}/" for shard in others]}
    (output / SHARDS_FILE).write_text(json.dumps(manifest) + "\n", encoding="utf-8")


def index_search_source(source: Path, site_dir: Path, language: str = "zh", bundles: Path | None = None,
                        shard_pages: int | None = None) -> list[int]:
    """Index a folder of search copies shard by shard into ``site_dir/pagefind``; return the shards indexed.

    With ``bundles`` (a folder kept between builds) only the shards whose copies changed run Pagefind;
    the others' bundles are linked from there.  Without it every shard is indexed in a scratch folder.
    """
    if bundles is None:
        with tempfile.TemporaryDirectory(prefix=".search-bundles-", dir=site_dir.parent) as scratch:
            return index_search_source(source, site_dir, language, Path(scratch), shard_pages)
    relatives = copied_pages(source) if source.is_dir() else []
    count = shard_count(len(relatives), shard_pages or SHARD_PAGES)
    shards = assign_shards(relatives, count)
    if not shards:
        raise SearchIndexError(f"{site_dir}: no page is marked for search (data-pagefind-body)")
    bundles.mkdir(parents=True, exist_ok=True)
    prune_bundles(bundles, set(shards))
    stale = stale_shards(source, count, shards, bundles, language)
    try:
        index_shards(source, shards, stale, bundles, language)
    except (OSError, SearchIndexError) as exc:
        raise SearchIndexError(f"{site_dir}: building the search index with Pagefind failed: {exc}") from exc
    output = site_dir / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)
    assemble_bundles(bundles, list(shards), output)
    return sorted(stale)


def build_search_index(site_dir: Path, language: str = "zh", shard_pages: int | None = None) -> int:
    """Write the sharded Pagefind bundle into ``site_dir/pagefind``; return the number of pages indexed."""
    # The terms go only into the index: Pagefind reads copies of the pages, the site keeps its own HTML.
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site_dir.parent) as scratch:
        source = Path(scratch) / "pages"
        pages = 0
        for relative, text in iter_searchable_pages(site_dir):
            target = source / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            pages += 1
        index_search_source(source, site_dir, language, Path(scratch) / "bundles", shard_pages)
    return pages


def sync_search_source(site_dir: Path, source: Path, pages: dict[str, str], known: dict[str, str]) -> bool:
    """Bring the folder of search copies up to date with the site; True when any copy changed.

    ``pages`` maps every HTML page of the site to its build key, ``known`` the keys the copies were made
    from (updated in place): only pages whose key changed are read again, so one edit costs one page.
    A copy is rewritten only when its text changes, so its shard keeps its key otherwise.  With nothing
    known (a new cache, or copies left by an earlier process) every page is read and stray copies go.
    """
    if not source.is_dir():
        known.clear()
    try:
        return _sync_copies(site_dir, source, pages, known)
    except BaseException:
        known.clear()  # the copies are in an unknown state: remake them all next time
        shutil.rmtree(source, ignore_errors=True)
        raise


def _sync_copies(site_dir: Path, source: Path, pages: dict[str, str], known: dict[str, str]) -> bool:
    """The work of ``sync_search_source``."""
    changed = False
    on_disk = known or (copied_pages(source) if source.is_dir() else [])
    for relative in sorted(set(on_disk) - set(pages)):
        known.pop(relative, None)
        if (source / relative).is_file():
            (source / relative).unlink()
            changed = True
    for relative, key in pages.items():
        if known.get(relative) == key:
            continue
        text = (site_dir / relative).read_text(encoding="utf-8")
        target = source / relative
        copy = search_copy(text)
        old = target.read_text(encoding="utf-8") if target.is_file() else None
        if copy != old:
            changed = True
            if copy is None:
                target.unlink()
            else:
                _replace_text(target, copy)
        known[relative] = key
    return changed


def _replace_text(path: Path, text: str) -> None:
    """Write a file as a new one (a temporary file renamed over it): a rewrite always changes its inode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
