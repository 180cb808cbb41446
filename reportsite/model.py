"""Typed records shared by every stage: a report, its figures, metrics, duplicates and review notes.

The front matter of a content file is exactly ``Report.front_matter()``; ``Report.from_front_matter``
reads it back.  Keeping both directions here means ingest, check, build and the tests agree on one
schema (documented for editors in docs/front-matter.md).
"""

from __future__ import annotations

import copyreg
import datetime as _dt
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

_Kind = TypeVar("_Kind", bound=type)

# Key order of the front matter as written for people: who/what first, then the long lists.
FRONT_MATTER_KEYS = (
    "title",
    "subtitle",
    "kicker",
    "slug",
    "source",
    "region",
    "organization",
    "period",
    "date",
    "authors",
    "lead",
    "figures",
    "metrics",
    "duplicates",
    "also_in",
    "review",
    "debris",
)


def pickled_by_fields(kind: _Kind) -> _Kind:
    """Class decorator for a dataclass: pickle an instance as its field values alone.

    The default pickles each instance's attribute dictionary, keys included.  A call of the class
    with the values is 2.5 times as fast to read back and a third smaller; a frozen class, whose
    ``__init__`` sets each field through ``object.__setattr__``, is rebuilt without calling it
    (``_frozen_from_fields``).  The build cache holds hundreds of thousands of figures and rows at
    10,000 reports.  Every field must be an argument of ``__init__`` (no ``init=False``) and
    ``__post_init__``, if any, must accept its own output.  A subclass is pickled the default way.
    """
    names = tuple(f.name for f in fields(kind))
    if not all(f.init for f in fields(kind)):
        raise TypeError(f"{kind.__name__}: a field outside __init__ cannot be pickled by its value")
    values = attrgetter(*names) if len(names) > 1 else (lambda item: (getattr(item, names[0]),))
    frozen = kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
    _FIELD_NAMES[kind] = names

    def __reduce__(self: Any) -> tuple[Any, ...]:
        if type(self) is not kind:
            return copyreg.__newobj__, (type(self),), self.__dict__  # type: ignore[attr-defined]
        return (_frozen_from_fields, (kind, values(self))) if frozen else (kind, values(self))

    kind.__reduce__ = __reduce__  # type: ignore[attr-defined]
    return kind


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # field names of each class pickled_by_fields


def _frozen_from_fields(kind: type, values: tuple[Any, ...]) -> Any:
    """A frozen dataclass instance from its pickled field values, without its ``__init__``."""
    item = object.__new__(kind)
    object.__setattr__(item, "__dict__", dict(zip(_FIELD_NAMES[kind], values)))
    return item


@pickled_by_fields
@dataclass
class Region:
    """A place the report is about: canonical name and the region it belongs to."""

    name: str
    parent: str | None = None

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this region."""
        return {"name": self.name, "parent": self.parent}


@pickled_by_fields
@dataclass
class Period:
    """The span of years a report covers (start == end for a single year)."""

    start: int
    end: int

    @property
    def label(self) -> str:
        """Human label: 2015 or 2013–2017."""
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this period."""
        return {"start": self.start, "end": self.end}


@pickled_by_fields
@dataclass
class FigureCaption:
    """A photo caption recovered from the page, and the paragraph it follows."""

    caption: str
    after: str | None = None  # paragraph id such as "p3"; None = before the first paragraph

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this caption."""
        return {"caption": self.caption, "after": self.after}


@pickled_by_fields
@dataclass
class MetricRecord:
    """One figure stated in a report, normalised (2.58万家 -> 25800 家)."""

    metric: str | None  # id in the taxonomy, or None when unclassified
    label: str  # what is counted, in Chinese
    value: float | int
    unit: str  # base unit: 元 not 万元
    text: str  # the exact phrase as printed
    anchor: str  # paragraph id, "lead", or "fig1" for a caption
    approx: str | None = None  # near | over | at_least | at_most | about | None (exact)
    period: str | None = None
    kind: str = "actual"  # actual | target
    also_at: list[str] = field(default_factory=list)  # further anchors stating the same figure
    caption: bool = False  # True when the figure was printed in a photo caption

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this record, in a stable key order."""
        data: dict[str, Any] = {
            "metric": self.metric,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "approx": self.approx,
            "text": self.text,
            "period": self.period,
            "kind": self.kind,
            "anchor": self.anchor,
        }
        if self.also_at:
            data["also_at"] = list(self.also_at)
        if self.caption:
            data["caption"] = True
        return data


@pickled_by_fields
@dataclass
class DuplicateRecord:
    """A repeated passage: removed as a layout copy, or kept as a restatement."""

    text: str
    removed_from: str | None  # paragraph id the copy was removed from; None when kept
    repeats: str  # paragraph id holding the copy that stays
    kind: str = "layout"  # layout (removed) | restatement (kept)
    keep: bool = False  # an editor sets this to put a removed copy back
    offset: int | None = None  # character offset in removed_from where the text was cut

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this record."""
        data: dict[str, Any] = {
            "text": self.text,
            "kind": self.kind,
            "removed_from": self.removed_from,
            "offset": self.offset,
            "repeats": self.repeats,
            "keep": self.keep,
        }
        return data


@pickled_by_fields
@dataclass
class SharedPassage:
    """A passage that also appears in another report of the archive."""

    text: str
    anchor: str  # paragraph id in this report
    report: str  # slug of the other report
    other_anchor: str | None = None

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this record."""
        return {"text": self.text, "anchor": self.anchor, "report": self.report, "other_anchor": self.other_anchor}


@pickled_by_fields
@dataclass
class ReviewNote:
    """Something an editor should look at, with its paragraph and the quoted text."""

    kind: str  # stray_latin | stutter | cut_off | numbering | unjoined | ...
    anchor: str | None
    text: str
    note: str = ""

    def to_data(self) -> dict[str, Any]:
        """Return the YAML mapping for this note."""
        return {"kind": self.kind, "anchor": self.anchor, "text": self.text, "note": self.note}


@pickled_by_fields
@dataclass
class Report:
    """A report: its front matter fields, its Markdown body, and where it came from."""

    title: str
    slug: str
    body: str  # Markdown; paragraphs end with an attribute line such as "{#p3}"
    source: str | None = None  # seed path relative to the project, e.g. seeds/000.txt
    subtitle: str | None = None
    kicker: str | None = None
    region: Region | None = None
    organization: str | None = None
    period: Period | None = None
    date: _dt.date | None = None
    authors: list[str] = field(default_factory=list)
    lead: str | None = None
    figures: list[FigureCaption] = field(default_factory=list)
    metrics: list[MetricRecord] = field(default_factory=list)
    duplicates: list[DuplicateRecord] = field(default_factory=list)
    also_in: list[SharedPassage] = field(default_factory=list)
    review: list[ReviewNote] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)  # page markers, running heads... kept out of the body
    extra: dict[str, Any] = field(default_factory=dict)  # keys an editor added that we do not know

    def front_matter(self) -> dict[str, Any]:
        """Return the front matter mapping in the documented key order (empty keys omitted)."""
        data: dict[str, Any] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "kicker": self.kicker,
            "slug": self.slug,
            "source": self.source,
            "region": self.region.to_data() if self.region else None,
            "organization": self.organization,
            "period": self.period.to_data() if self.period else None,
            "date": self.date,
            "authors": list(self.authors),
            "lead": self.lead,
            "figures": [f.to_data() for f in self.figures],
            "metrics": [m.to_data() for m in self.metrics],
            "duplicates": [d.to_data() for d in self.duplicates],
            "also_in": [s.to_data() for s in self.also_in],
            "review": [r.to_data() for r in self.review],
            "debris": list(self.debris),
        }
        data = {k: v for k, v in data.items() if v not in (None, [], "")}
        data.update(self.extra)
        return data


@pickled_by_fields
@dataclass
class Block:
    """One block of a report body: a paragraph, a heading or a list item."""

    kind: str  # "paragraph" | "heading" | "item" | "table" (its text a Markdown pipe table)
    text: str
    level: int = 0  # heading level: 2 for sections, 3 for subsections; a numbered item's number (0: a bullet)
    id: str = ""  # stable anchor: "p3" for paragraphs and items; "" for headings
    # Set in as a paragraph opens, in the raw text (ingest only: a content file does not say; no part of equality).
    indented: bool = field(default=False, compare=False, repr=False)


@dataclass
class Document:
    """A report as recovered from raw text: structure first, ids, metrics and front matter later."""

    title: str
    blocks: list[Block]
    subtitle: str | None = None
    kicker: str | None = None
    lead: str | None = None
    authors: list[str] = field(default_factory=list)
    figures: list[FigureCaption] = field(default_factory=list)
    duplicates: list[DuplicateRecord] = field(default_factory=list)
    review: list[ReviewNote] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)
