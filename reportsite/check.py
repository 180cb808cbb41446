"""``check``: every content file against the documented front-matter schema, with exact places.

content.py validates each key's type; this module adds what needs the whole file or the whole archive:
YAML hazards on the raw lines, paragraph anchors that must exist in the body, metric ids that must
exist in the taxonomy, unknown keys (usually typos), and slugs that must be unique.  ``build`` runs the
very same checks first (``check_files``), and the preview server keeps a ``CheckCache`` so that after
an edit only the edited file is parsed again.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .body import markdown_to_blocks
from .config import SiteConfig
from .content import KNOWN_KEYS, content_files, parse_file, report_from_parsed
from .frontmatter import ContentError, Parsed, split_front_matter
from .hazards import yaml_hazards
from .model import Block, Report
from .stamps import Stamp, settled, stamp_of
from .workers import fork_map

# Keys each list entry may have; anything else is most likely a typo that would be silently ignored.
ENTRY_KEYS = {
    "figures": {"caption", "after"},
    "metrics": {"metric", "label", "value", "unit", "approx", "text", "period", "kind", "anchor", "also_at", "caption"},
    "duplicates": {"text", "kind", "removed_from", "offset", "repeats", "keep"},
    "also_in": {"text", "anchor", "report", "other_anchor"},
    "review": {"kind", "anchor", "text", "note"},
}
MAPPING_KEYS = {"region": {"name", "parent"}, "period": {"start", "end"}}
SPECIAL_ANCHORS = {"lead"}  # the standfirst is addressable like a paragraph
_ATTR_LINE = re.compile(r"^\s*\{:?\s*#([A-Za-z][\w-]*)\s*\}\s*$")
_ANCHOR_ID = re.compile(r"^[A-Za-z][\w-]*$")


@dataclass
class FileCheck:
    """What checking one content file found."""

    display: str
    digest: str  # sha256 of the file's bytes
    report: Report | None
    problems: list[ContentError]
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    anchors: frozenset[str] = frozenset()
    meta_digest: str = ""  # sha256 of the front matter alone: what listings of this report show


@dataclass
class CheckResult:
    """Every problem of the archive, and the reports that loaded without errors."""

    reports: list[Report]
    problems: list[ContentError]
    digests: dict[str, str] = field(default_factory=dict)  # slug -> sha256 of its content file
    meta_digests: dict[str, str] = field(default_factory=dict)  # slug -> sha256 of its front matter

    @property
    def errors(self) -> list[ContentError]:
        """Problems that stop a build."""
        return [p for p in self.problems if p.severity == "error"]


CheckKey = tuple[str, str, "frozenset[str] | None"]  # file, digest, metric ids checked against
SHARDS = 32  # `build` saves the cache in this many files and rewrites only those whose files changed


def shard_of(display: str) -> int:
    """The shard a file's results are saved in (stable across processes, unlike hash())."""
    return int(hashlib.sha1(display.encode("utf-8")).hexdigest()[:8], 16) % SHARDS


class CheckCache:
    """Per-file check results keyed by content digest, so a long-running server re-parses only edits."""

    def __init__(self) -> None:
        self._files: dict[CheckKey, FileCheck] = {}
        self.dirty: set[int] = set(range(SHARDS))  # shards changed since they were saved or loaded

    def check(self, item: ContentInput, metric_ids: frozenset[str] | None) -> FileCheck:
        """Return the cached result for this file's bytes, checking them when new."""
        key = (item.display, item.digest, metric_ids)
        if key not in self._files:
            self._files[key] = check_file(item.content(), item.display, metric_ids, item.digest)
            self.dirty.add(shard_of(item.display))
        return self._files[key]

    def check_new(self, inputs: list["ContentInput"], metric_ids: frozenset[str] | None) -> None:
        """Check every file not cached yet, across the cores (a first build parses the whole archive)."""
        new = [i for i in inputs if (i.display, i.digest, metric_ids) not in self._files]
        results = fork_map(lambda i: check_file(i.content(), i.display, metric_ids, i.digest), new)
        for item, result in zip(new, results):
            self._files[(item.display, item.digest, metric_ids)] = result
            self.dirty.add(shard_of(item.display))

    def forget_except(self, keep: set[tuple[str, str]]) -> None:
        """Drop results for files no longer present, so the cache does not grow with every edit."""
        gone = [k for k in self._files if (k[0], k[1]) not in keep]
        for key in gone:
            del self._files[key]
            self.dirty.add(shard_of(key[0]))

    def shards(self, numbers: set[int]) -> dict[int, dict[CheckKey, FileCheck]]:
        """The results saved in each of the given shards (one pass over the cache)."""
        found: dict[int, dict[CheckKey, FileCheck]] = {number: {} for number in numbers}
        for key, value in self._files.items():
            part = found.get(shard_of(key[0]))
            if part is not None:
                part[key] = value
        return found

    def load_shards(self, shards: list[dict[CheckKey, FileCheck]]) -> None:
        """Take the results of every shard, as saved (none of them dirty)."""
        self._files = {k: v for part in shards for k, v in part.items()}
        self.dirty = set()


def _at(display: str, place: tuple[int, int], message: str, severity: str = "error") -> ContentError:
    """A ContentError at a (line, column) place."""
    return ContentError(display, place[0], place[1], message, severity)


def hazard_problems(text: str, display: str) -> list[ContentError]:
    """YAML hazards of a file's front matter as ContentErrors (none when the fences are missing)."""
    try:
        yaml_text, _body, _line = split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"), display)
    except ContentError:
        return []
    return [ContentError(display, h.line, h.column, h.message, h.severity) for h in yaml_hazards(yaml_text)]


def body_anchors(parsed: Parsed, display: str, blocks: list[Block]) -> tuple[frozenset[str], list[ContentError]]:
    """Paragraph ids of the body (whose ``blocks`` these are), and an error for each id used twice (at its line)."""
    seen: dict[str, int] = {}
    problems = []
    for offset, line in enumerate(parsed.body.split("\n")):
        match = _ATTR_LINE.match(line)
        if not match:
            continue
        anchor, number = match.group(1), parsed.body_line + offset
        if anchor in seen:
            column = line.index("#") + 1
            problems.append(ContentError(display, number, column, f"paragraph id '{anchor}' is used twice (first on line {seen[anchor]})"))
        seen.setdefault(anchor, number)
    ids = {b.id for b in blocks if b.id}
    return frozenset(ids), problems


def unknown_key_problems(parsed: Parsed, display: str) -> list[ContentError]:
    """Warnings for keys the schema does not know: usually a typo whose value would be ignored."""
    problems = []
    meta = parsed.meta
    for key in meta:
        if key not in KNOWN_KEYS:
            problems.append(_unknown(parsed, display, str(key), str(key), KNOWN_KEYS))
    for key, allowed in MAPPING_KEYS.items():
        if isinstance(meta.get(key), dict):
            for sub in meta[key]:
                if sub not in allowed:
                    problems.append(_unknown(parsed, display, f"{key}.{sub}", str(sub), allowed))
    for key, allowed in ENTRY_KEYS.items():
        entries = meta.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            for sub in entry if isinstance(entry, dict) else []:
                if sub not in allowed:
                    problems.append(_unknown(parsed, display, f"{key}[{index}].{sub}", str(sub), allowed))
    return problems


def _unknown(parsed: Parsed, display: str, path: str, key: str, allowed: set[str]) -> ContentError:
    """One unknown-key warning, suggesting the closest known key."""
    place = parsed.positions.get(path + "@key") or parsed.where(path)
    close = difflib.get_close_matches(key, sorted(allowed), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return _at(display, place, f"{path}: unknown key, its value is ignored{hint}", "warning")


def _entries(meta: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each well-formed entry of a front-matter list."""
    value = meta.get(key)
    return [(i, e) for i, e in enumerate(value) if isinstance(e, dict)] if isinstance(value, list) else []


def anchor_problems(parsed: Parsed, anchors: frozenset[str], display: str) -> list[ContentError]:
    """Every anchor in the front matter must name a paragraph of the body (or lead / figN where allowed)."""
    meta = parsed.meta
    figures = {f"fig{n}" for n in range(1, len(_entries(meta, "figures")) + 1)}
    anchors = anchors | restored_anchors(meta)
    paragraph = anchors | SPECIAL_ANCHORS
    placed = paragraph | figures  # paragraphs, the lead and figure captions: made once, not for every metric
    problems: list[ContentError] = []

    def need(path: str, value: Any, allowed: frozenset[str] | set[str]) -> None:
        if isinstance(value, str) and value not in allowed:
            problems.append(_at(display, parsed.where(path), f"{path}: no paragraph '{value}' in the body{_suggest(value, allowed)}"))

    for i, figure in _entries(meta, "figures"):
        need(f"figures[{i}].after", figure.get("after"), anchors)
    for i, metric in _entries(meta, "metrics"):
        need(f"metrics[{i}].anchor", metric.get("anchor"), placed)
        also = metric.get("also_at")
        for j, extra in enumerate(also if isinstance(also, list) else []):
            need(f"metrics[{i}].also_at[{j}]", extra, placed)
    for i, dup in _entries(meta, "duplicates"):
        need(f"duplicates[{i}].repeats", dup.get("repeats"), placed)  # the kept copy may be a caption
        removed = dup.get("removed_from")  # may name a paragraph that was a copy as a whole, so no longer exists
        if removed is not None and not (isinstance(removed, str) and _ANCHOR_ID.match(removed)):
            path = f"duplicates[{i}].removed_from"
            problems.append(_at(display, parsed.where(path), f"{path}: expected a paragraph id such as p12"))
    for i, shared in _entries(meta, "also_in"):
        need(f"also_in[{i}].anchor", shared.get("anchor"), paragraph)
    for i, note in _entries(meta, "review"):
        need(f"review[{i}].anchor", note.get("anchor"), placed)
    return problems


def restored_anchors(meta: dict[str, Any]) -> set[str]:
    """Ids of paragraphs that duplicates with keep: true put back (they may not be in the body yet)."""
    return {str(d["removed_from"]) for _i, d in _entries(meta, "duplicates")
            if d.get("keep") is True and d.get("kind", "layout") == "layout" and d.get("removed_from")}


def _suggest(value: str, allowed: frozenset[str] | set[str]) -> str:
    """'; did you mean p12?' when a close anchor exists."""
    close = difflib.get_close_matches(value, sorted(allowed), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def metric_problems(parsed: Parsed, metric_ids: frozenset[str] | None, display: str,
                    blocks: list[Block]) -> list[ContentError]:
    """Metric ids must exist in the taxonomy; each printed figure should appear where its anchor points
    (``blocks``: the body's)."""
    problems = []
    texts = _anchor_texts(parsed, blocks)
    for i, metric in _entries(parsed.meta, "metrics"):
        metric_id = metric.get("metric")
        if metric_ids is not None and isinstance(metric_id, str) and metric_id not in metric_ids:
            path = f"metrics[{i}].metric"
            problems.append(_at(display, parsed.where(path),
                                f"{path}: unknown metric id '{metric_id}'{_suggest(metric_id, metric_ids)} "
                                "(ids are listed in the metric taxonomy)"))
        anchor_text, printed = texts.get(str(metric.get("anchor"))), metric.get("text")
        if anchor_text is not None and isinstance(printed, str) and printed not in anchor_text:
            path = f"metrics[{i}].text"
            problems.append(_at(display, parsed.where(path),
                                f"{path}: '{printed}' is not in {metric.get('anchor')}, so it cannot be highlighted", "warning"))
    return problems


def _anchor_texts(parsed: Parsed, blocks: list[Block]) -> dict[str, str]:
    """Text of every addressable place: paragraphs by id (of the body's ``blocks``), the lead, and figure captions."""
    texts = {b.id: b.text for b in blocks if b.id}
    if isinstance(parsed.meta.get("lead"), str):
        texts["lead"] = parsed.meta["lead"]
    for number, (_i, figure) in enumerate(_entries(parsed.meta, "figures"), start=1):
        texts[f"fig{number}"] = str(figure.get("caption", ""))
    return texts


def check_file(data: bytes, display: str, metric_ids: frozenset[str] | None, digest: str = "") -> FileCheck:
    """Check one content file's bytes: hazards, YAML, schema, unknown keys, anchors, metric ids."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return FileCheck(display, digest, None, [ContentError(display, 1, 1, f"not UTF-8 text: {exc.reason}")])
    try:
        parsed = parse_file(text, display)
    except ContentError as exc:
        return FileCheck(display, digest, None, _sorted(_explain(exc, hazard_problems(text, display))))
    hazards = [] if parsed.plain else hazard_problems(text, display)  # plain front matter holds no hazard
    report, errors = report_from_parsed(parsed, display)
    blocks = markdown_to_blocks(parsed.body)
    anchors, id_problems = body_anchors(parsed, display, blocks)
    problems = hazards + errors + id_problems + unknown_key_problems(parsed, display)
    problems += anchor_problems(parsed, anchors, display) + metric_problems(parsed, metric_ids, display, blocks)
    ok = not any(p.severity == "error" for p in problems)
    meta_digest = hashlib.sha256(text.split("\n---", 1)[0].encode("utf-8")).hexdigest()
    positions = archive_positions(parsed)
    return FileCheck(display, digest, report if ok else None, _sorted(problems), positions, anchors, meta_digest)


def archive_positions(parsed: Parsed) -> dict[str, tuple[int, int]]:
    """The places archive_problems may need: the slug's and those inside also_in.

    Keeping a whole file's positions would cost ~200 KB a report in memory.
    """
    positions = parsed.positions
    if parsed.plain and not isinstance(parsed.meta.get("also_in"), list):
        # plainyaml keys its positions by structure alone: without an also_in list, no path starts 'also_in['
        return {"slug": positions["slug"]} if "slug" in positions else {}
    return {k: v for k, v in positions.items() if k == "slug" or k.startswith("also_in[")}


def _explain(failure: ContentError, hazards: list[ContentError]) -> list[ContentError]:
    """When YAML fails on a line with a hazard, the hazard (now an error) says why, in plainer words."""
    on_line = [h for h in hazards if h.line == failure.line]
    if not on_line:
        return hazards + [failure]
    upgraded = [replace(h, severity="error") for h in on_line]
    return [h for h in hazards if h.line != failure.line] + upgraded


def _sorted(problems: list[ContentError]) -> list[ContentError]:
    """Problems in file order, without exact repeats."""
    unique = {(p.path, p.line, p.column, p.message, p.severity): p for p in problems}
    return [unique[k] for k in sorted(unique)]


def archive_problems(checks: list[FileCheck]) -> list[ContentError]:
    """Checks across files: unique slugs, and also_in entries that point at real reports and paragraphs."""
    problems: list[ContentError] = []
    owner: dict[str, FileCheck] = {}
    for check in checks:
        if check.report is None:
            continue
        slug = check.report.slug
        if slug in owner:
            problems.append(_at(check.display, check.positions.get("slug", (2, 1)),
                                f"slug: '{slug}' is already used by {owner[slug].display}"))
        else:
            owner[slug] = check
    for check in checks:
        for i, shared in enumerate(check.report.also_in if check.report else []):
            other = owner.get(shared.report)
            path = f"also_in[{i}].report"
            if other is None:
                # Pages find shared passages afresh at build time, so a stale link only misinforms: a warning,
                # never an error that would let one broken report stop the whole archive from building.
                problems.append(_at(check.display, check.positions.get(path, (2, 1)),
                                    f"{path}: no report with slug '{shared.report}'", "warning"))
            elif shared.other_anchor and shared.other_anchor not in other.anchors | SPECIAL_ANCHORS:
                path = f"also_in[{i}].other_anchor"
                problems.append(_at(check.display, check.positions.get(path, (2, 1)),
                                    f"{path}: {other.display} has no paragraph '{shared.other_anchor}'", "warning"))
    return problems


def taxonomy_ids(config: SiteConfig) -> tuple[frozenset[str] | None, list[ContentError]]:
    """Metric ids of the configured taxonomy, or None with the problem when it cannot be read."""
    from .taxonomy import load_taxonomy

    path = config.path(config.taxonomy)
    try:
        taxonomy = load_taxonomy(path)
    except OSError as exc:
        return None, [ContentError(config.display(path), 1, 1, f"cannot read the metric taxonomy: {exc.strerror}")]
    except ValueError as exc:  # TaxonomyError: its message starts with file:line:col
        match = re.match(r"^(.*?):(\d+):(\d+): (.*)$", str(exc), re.S)
        if match:
            return None, [ContentError(match.group(1), int(match.group(2)), int(match.group(3)), match.group(4))]
        return None, [ContentError(config.display(path), 1, 1, str(exc))]
    return frozenset(m.id for m in taxonomy.metrics), []


@dataclass(frozen=True)
class ContentInput:
    """One content file as read: its name for messages, bytes and digest (or why it could not be read).

    A file known unchanged since an earlier build (see read_content's ``keep_bytes``) comes with its
    digest and its ``location`` only: its bytes are read if a check needs them after all (``content()``).
    """

    display: str
    data: bytes
    digest: str
    error: str = ""
    location: str | None = None  # the file, when data was not read (a string: `build` unpickles 10,000 every time)

    @property
    def path(self) -> Path | None:
        """The file, when its bytes were not read."""
        return Path(self.location) if self.location is not None else None

    def content(self) -> bytes:
        """The file's bytes."""
        if self.location is None:
            return self.data
        with open(self.location, "rb") as handle:
            return handle.read()


def read_content(config: SiteConfig, known: dict[str, tuple[Stamp, ContentInput]] | None = None,
                 keep_bytes: bool = True) -> list[ContentInput]:
    """Every content file's bytes and SHA-256, in file order.

    ``known`` (updated in place) holds what each file was at its last read: a file whose stamp
    (stamps.stamp_of) is unchanged is not read again.  A long-running build keeps the bytes read;
    ``build`` keeps ``known`` on disk, without them (``keep_bytes`` false), and like ingest's digests
    only for files that changed long enough ago (stamps.settled): an unchanged file then comes with its
    digest and path only, and is read if a check needs it after all (ContentInput.content).
    """
    inputs = []
    folder = config.display(config.content_dir)  # resolved once: every file sits right in this folder
    seen: set[str] = set()
    for path in content_files(config.content_dir):
        display = f"{folder}/{path.name}"
        try:
            info = path.stat()
            stamp = stamp_of(info)
            if known is not None and display in known and known[display][0] == stamp:
                item = known[display][1]
                if item.location is not None and item.location != str(path):  # the project moved, not its files
                    item = replace(item, location=str(path))
                    known[display] = (stamp, item)
                inputs.append(item)
                seen.add(display)
                continue
            data = path.read_bytes()
        except OSError as exc:
            inputs.append(ContentInput(display, b"", "-", f"cannot read: {exc.strerror}"))
            continue
        item = ContentInput(display, data, hashlib.sha256(data).hexdigest())
        inputs.append(item)
        if known is not None and keep_bytes:
            known[display] = (stamp, item)
            seen.add(display)
        elif known is not None and settled(info):
            known[display] = (stamp, ContentInput(display, b"", item.digest, location=str(path)))
            seen.add(display)
    if known is not None:
        for gone in set(known) - seen:
            del known[gone]
    return inputs


def check_files(config: SiteConfig, cache: CheckCache | None = None,
                inputs: list[ContentInput] | None = None) -> CheckResult:
    """Check every content file and the archive as a whole; return the good reports and all problems."""
    cache = cache or CheckCache()
    metric_ids, problems = taxonomy_ids(config)
    readable = []
    for item in read_content(config) if inputs is None else inputs:
        if item.error:
            problems.append(ContentError(item.display, 1, 1, item.error))
        else:
            readable.append(item)
    cache.check_new(readable, metric_ids)
    checks = [cache.check(item, metric_ids) for item in readable]
    cache.forget_except({(c.display, c.digest) for c in checks})
    problems += archive_problems(checks)
    for check in checks:
        problems += check.problems
    result = CheckResult([], _sorted(problems))
    for check in checks:
        if check.report is not None and check.report.slug not in result.digests:  # a repeat is an error above
            result.reports.append(check.report)
            result.digests[check.report.slug] = check.digest
            result.meta_digests[check.report.slug] = check.meta_digest
    return result


def check_content(config: SiteConfig) -> list[ContentError]:
    """Every problem (errors and warnings) of every content file, in file and line order."""
    return check_files(config).problems

