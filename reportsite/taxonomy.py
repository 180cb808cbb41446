"""The editable metric taxonomy (``data/metrics.yml``) and the rule that maps a figure to a metric.

Errors name the place (``metrics.yml:12:5: metrics[3]: missing key 'unit'``) because editors
extend this file by hand.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Iterable
from typing import NamedTuple

import yaml

from .rules import PARENTHESES, longest_word_pattern

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "metrics.yml"
REQUIRED_KEYS = ("id", "name", "aliases", "unit", "category", "description")
SLUG = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
LABEL_BONUS = 100  # an alias in the label itself outweighs any alias found in the sentence


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message starts with file:line:col."""


class NarrowUnits(NamedTuple):
    """More units a metric counts, under a few aliases of its own only (metrics.yml narrow_units): 15个竞赛项目 counts a
    contest's events, where 个 under the metric's every alias (竞赛) would take any count near a contest."""

    units: tuple[str, ...]
    aliases: tuple[str, ...]
    requires: tuple[str, ...] = ()  # else the metric's
    exclude: tuple[str, ...] = ()  # besides the metric's
    exclude_sentence: tuple[str, ...] = ()  # besides the metric's
    exclude_label: tuple[str, ...] = ()  # besides the metric's (两个孩子: children counted in 个, no classes)
    exclude_label_unless: tuple[str, ...] = ()  # besides the metric's (开设职工子女托管班11个: the classes the children attend)


@dataclass(frozen=True)
class Metric:
    """One canonical measure: 工会会员, 职工书屋, 法律援助案件..."""

    id: str
    name: str
    aliases: tuple[str, ...]
    unit: str
    category: str
    description: str
    units: tuple[str, ...] = ()  # measure words a figure may use to count this metric
    requires: tuple[str, ...] = ()  # words one of which must be in the label or sentence
    exclude: tuple[str, ...] = ()  # words that rule this metric out
    exclude_sentence: tuple[str, ...] = ()  # words that rule it out anywhere in the figure's own sentence (up to ；)
    exclude_label: tuple[str, ...] = ()  # words that rule it out in the figure's own label only (not its list's others)
    exclude_sentence_unless: tuple[str, ...] = ()  # words that keep exclude_sentence from ruling it out (a sentence of both)
    exclude_label_unless: tuple[str, ...] = ()  # words in the figure's own item that keep exclude_label from ruling it out
    narrow_units: tuple[NarrowUnits, ...] = ()
    of_workers: bool = False  # the union's work for workers (aid to hardship workers): only figures naming workers count
    bare_nouns: tuple[str, ...] = ()  # a bare noun counting it once the report has named it in full (新建站点26个)
    named_before: tuple[str, ...] = ()  # ... by one of these words (驿站, 户外劳动者服务站) earlier in the report

    def for_unit(self, unit: str) -> "Metric | None":
        """This metric as it counts figures in the unit: itself, its narrowed form, or None."""
        if unit in self.units:
            return self
        for narrow in self.narrow_units:
            if unit in narrow.units:
                return replace(self, aliases=narrow.aliases, requires=narrow.requires or self.requires,
                               exclude=(*self.exclude, *narrow.exclude),
                               exclude_sentence=(*self.exclude_sentence, *narrow.exclude_sentence),
                               exclude_label=(*self.exclude_label, *narrow.exclude_label),
                               exclude_label_unless=(*self.exclude_label_unless, *narrow.exclude_label_unless))
        return None


@dataclass
class Taxonomy:
    """All metrics in file order, with lookup and classification."""

    metrics: list[Metric]
    categories: list[str] = field(default_factory=list)
    designations: tuple[str, ...] = ()  # words naming a rank of the thing before them: never a label's head
    recipients: tuple[str, ...] = ()  # people an activity serves: in a label, no more than words of the sentence
    serving: tuple[str, ...] = ()  # verbs of serving people (资助, 慰问): the recipients after them are served
    joining: tuple[str, ...] = ()  # verbs of taking part (参加): the recipients right after them are served
    aid_money: tuple[str, ...] = ()  # words naming any aid's money (慰问金): after a count of one aid, its money
    gap_groups: tuple[str, ...] = ()  # groups of people that may stand in an alias's gap (发展农民工会员)

    def joins(self, text: str) -> bool:
        """Tell whether recipients take part right after a verb of taking part (参加劳模126名, 参加的女职工): those of an
        activity named before, not of one named between (参加全省劳模表彰大会的劳动模范36名: the honoured)."""
        return any(text.find(verb + mid + who) >= 0 for verb in self.joining if verb in text
                   for mid in ("", "的") for who in self.recipients)

    def get(self, metric_id: str) -> Metric | None:
        """The metric with this id, or None."""
        return next((m for m in self.metrics if m.id == metric_id), None)

    def by_category(self) -> dict[str, list[Metric]]:
        """Metrics grouped by category, categories in file order."""
        groups: dict[str, list[Metric]] = {c: [] for c in self.categories}
        for metric in self.metrics:
            groups.setdefault(metric.category, []).append(metric)
        return groups

    def classify(self, label: str, context: str, unit: str, nearest: str = "end", topic: str = "",
                 lead_in: str = "", people: bool = True, item: str = "", sentence: str | None = None) -> str | None:
        """The id of the metric a figure counts, judged by its label, its context and its unit.

        Among aliases found in the context, the one nearest the figure wins: the figure sits at
        the end of the context (nearest="end") or just before its start (nearest="start").
        ``topic`` (the sentences around the figure) may satisfy a metric's ``requires`` words:
        "补助金额5600万元" counts mutual aid when the sentence before speaks of 医疗互助.
        ``lead_in`` (the words a list of figures shares: 新发展司机、快递员等会员) may rule a metric out.
        ``people`` false: the recipients (农民工子女, 劳模) name no metric at all, only the activities do.
        ``item``: the figure's own item before it (培育“枫桥式”工会调解示范点), where a metric's exclude_label holds.
        ``sentence``: the figure's own sentence (up to ；), where exclude_sentence holds, though the topic of a short one
        takes in the sentence before (…深化劳动竞赛…；举办…职业技能大赛，竞赛项目不少于30个: no labour competition's); default
        ``topic``.
        """
        best: tuple[int, int] | None = None
        best_id = None
        text = label + " " + context
        heads = _Heads(label, self.designations, self.recipients)
        skip = () if people else self.recipients
        gap_text = lead_in.strip() + context if lead_in.strip() else ""
        for metric in self._index(unit).candidates(text, gap_text):  # metrics an alias of which is in label or context
            score = _fit(metric, heads, context, text, nearest, topic, lead_in, skip, self.gap_groups, item, sentence)
            if score is not None and (best is None or score > best):  # ties: the earlier metric
                best, best_id = score, metric.id
        return best_id

    def named_subjects(self) -> tuple[str, ...]:
        """Every word by which the report names in full what a metric's bare noun then counts (its named_before)."""
        cached = self.__dict__.get("_named_subjects")
        if cached is None or cached[0] != self.metrics:  # made once per metrics list, as _index's
            words = tuple(dict.fromkeys(word for metric in self.metrics for word in metric.named_before))
            cached = self.__dict__["_named_subjects"] = (list(self.metrics), words)
        return cached[1]

    def bare_subject(self, clause: str, unit: str, named: Iterable[str], openers: re.Pattern[str],
                     counted_by: tuple[str, ...]) -> str | None:
        """The metric a figure counts by a bare noun of its clause (全市县域新建站点26个, 再新建六个站点) that the report
        named in full before (``named``: 户外劳动者服务站点, 驿站): the noun opens the clause or follows one of ``openers``
        (a verb of building, a measure word, 的, a place's last character), so no other word qualifies it (环卫站点,
        配送站点: other sites), and the clause counts them (``counted_by``: 新建, 总数, 累计), not something done in or
        to some of them (在46个站点配备了…, 对12个站点发出整改通知).  None when no metric's bare noun is there or the
        report never named its subject."""
        if not any(word in clause for word in counted_by):
            return None
        named = set(named)
        for metric in self._index(unit).metrics:
            if not metric.bare_nouns or not named.intersection(metric.named_before) or any(w in clause for w in metric.exclude):
                continue
            for noun in metric.bare_nouns:
                at = clause.find(noun)
                while at >= 0:
                    if at == 0 or openers.match(clause, at - 1):
                        return metric.id
                    at = clause.find(noun, at + 1)
        return None

    def names_a_rank_only(self, label: str, unit: str) -> bool:
        """Tell whether a figure's label names a rank and nothing else (其中省级示范点9家): a designation, and
        no other alias of a metric counting the unit."""
        if not any(word in label for word in self.designations):
            return False
        return not any(alias in label and alias not in self.designations
                       for metric in self._index(unit).candidates(label) for alias in metric.aliases)

    def excluded(self, metric_id: str, text: str) -> bool:
        """Tell whether a word of the text rules the metric out (its ``exclude``)."""
        return any(word in text for metric in self.metrics if metric.id == metric_id for word in metric.exclude)

    def of_workers(self, metric_id: str) -> bool:
        """Tell whether a metric counts the union's work for workers only (metrics.yml of_workers)."""
        metric = self.get(metric_id)
        return metric is not None and metric.of_workers

    def counts(self, metric_id: str, unit: str) -> bool:
        """Tell whether the metric counts figures in this unit."""
        return any(metric.id == metric_id for metric in self._index(unit).metrics)

    def _index(self, unit: str) -> _UnitIndex:
        """The alias index of the metrics counting this unit, built once per metrics list."""
        cached = self.__dict__.get("_by_unit")
        if cached is None or cached[0] != self.metrics:  # list compare: one identity check per metric
            index: dict[str, list[Metric]] = {}
            for metric in self.metrics:
                for each in dict.fromkeys((*metric.units, *(u for narrow in metric.narrow_units for u in narrow.units))):
                    index.setdefault(each, []).append(metric.for_unit(each))
            cached = (list(self.metrics), {u: _UnitIndex.of(tuple(ms), self.gap_groups) for u, ms in index.items()})
            self.__dict__["_by_unit"] = cached
        return cached[1].get(unit, _NO_METRICS)


@dataclass
class _UnitIndex:
    """The metrics counting one unit, with one pattern finding their aliases in a text."""

    metrics: tuple[Metric, ...]
    finder: re.Pattern[str]  # at every position, the longest alias starting there (overlaps included)
    holders: dict[str, int]  # alias -> bit mask of the metrics (by position) with an alias inside it
    by_mask: dict[int, tuple[Metric, ...]] = field(default_factory=dict)
    gapped: tuple[tuple[re.Pattern[str], int], ...] = ()  # aliases with a gap (发展…会员) and their metrics' mask

    @classmethod
    def of(cls, metrics: tuple[Metric, ...], groups: tuple[str, ...] = ()) -> _UnitIndex:
        """Index the aliases of metrics (in file order)."""
        aliases = {alias for metric in metrics for alias in metric.aliases if GAP not in alias}
        holders = {
            found: sum(1 << i for i, m in enumerate(metrics) if any(alias in found for alias in m.aliases))
            for found in aliases
        }
        gapped = tuple((gap_pattern(alias, groups), sum(1 << i for i, m in enumerate(metrics) if alias in m.aliases))
                       for alias in sorted({a for m in metrics for a in m.aliases if GAP in a}))
        firsts = "".join(sorted({alias[0] for alias in aliases if alias}))
        # Only where an alias may start (a character class is tested at once), then the longest alias there.
        guard = f"(?=[{re.escape(firsts)}])" if firsts and "" not in aliases else ""
        return cls(metrics, re.compile(f"{guard}(?=({longest_word_pattern(aliases)}))"), holders, gapped=gapped)

    def candidates(self, text: str, gap_text: str = "") -> tuple[Metric, ...]:
        """The metrics, in file order, one of whose aliases occurs in text.

        An alias occurs exactly when it lies inside the longest alias found where it starts, so the
        aliases inside those found name every metric present; an alias with a gap is looked for on its own, in
        ``gap_text`` too (the figure's clause after its list's lead-in).
        """
        mask = 0
        for found in self.finder.findall(text):
            mask |= self.holders[found]
        for pattern, holders in self.gapped:
            if pattern.search(text) or (gap_text and pattern.search(gap_text)):
                mask |= holders
        metrics = self.by_mask.get(mask)
        if metrics is None:
            metrics = self.by_mask[mask] = tuple(m for i, m in enumerate(self.metrics) if mask >> i & 1)
        return metrics


_NO_METRICS = _UnitIndex((), re.compile("(?!)"), {})

# An alias may hold a gap (发展…会员, 接待…来访咨询): its two ends with the groups of people it concerns between them
# (the taxonomy's gap_groups: 发展农民工会员, 接待快递员、货车司机等来访咨询), never other words (接待职工来信来访咨询
# holds 来信来访, another metric's alias).
GAP = "…"


@functools.lru_cache(maxsize=256)
def gap_pattern(alias: str, groups: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of an alias with a gap: its pieces in order, one group or a list of them (、和及与, 等, 等…群体, 等重点人群) between."""
    if not groups:
        return re.compile("(?!)")
    group = longest_word_pattern(groups)
    between = f"(?:{group})(?:[、和及与](?:{group}))*(?:等[\u4e00-\u9fff]{{0,6}}?(?:群体|人群)|等)?"
    return re.compile(between.join(re.escape(piece) for piece in alias.split(GAP)))


def _last_span(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    """The span of the last match of pattern in text (matches do not overlap), or None."""
    span = None
    for match in pattern.finditer(text):
        span = match.span()
    return span




class _Heads:
    """Where aliases stand in a figure's label.  The label names what is counted, and a Chinese noun phrase
    ends on its head: 劳动模范和一线优秀职工疗休养 counts 疗休养, 困难职工帮扶资金 counts 帮扶资金.  So of two
    aliases in a label the one ending later wins, except one inside parentheses (困难职工（劳模）: a note)
    or a designation (职工书屋示范点 counts 职工书屋), which rank below every other; ties go to the longer."""

    def __init__(self, label: str, designations: tuple[str, ...], recipients: tuple[str, ...] = ()) -> None:
        self.label = label
        self._plain = PARENTHESES.sub(lambda m: "\0" * len(m.group()), label) if "(" in label or "（" in label else label
        self._designations = designations
        self.recipients = recipients

    def rank(self, alias: str) -> int:
        """How near the label's head the alias ends (0: only in parentheses, or a designation)."""
        if alias in self._designations:
            return 0
        return self._plain.rfind(alias) + len(alias) if alias in self._plain else 0


@functools.lru_cache(maxsize=None)
def _split_aliases(aliases: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A metric's aliases: the plain ones and those with a gap (worked out once per list of aliases)."""
    return tuple(a for a in aliases if GAP not in a), tuple(a for a in aliases if GAP in a)


def _gapped_fit(alias: str, label: str, context: str, nearest: str, groups: tuple[str, ...],
                lead_in: str = "") -> tuple[int, int] | None:
    """_fit's score of an alias with a gap: as a plain alias's, its length the stretch it spans.  A list's lead-in
    (发展快递员、货车司机、 before 家政服务员等会员) may hold its start."""
    pattern = gap_pattern(alias, groups)
    found = _last_span(pattern, label)
    if found is not None:
        return LABEL_BONUS + len(context) + found[1], found[1] - found[0]
    if nearest == "end":
        shared = lead_in.strip()
        found = _last_span(pattern, context)
        if found is None and shared:
            found = _last_span(pattern, shared + context)
            found = None if found is None else (found[0] - len(shared), found[1] - len(shared))
        if found is None:
            return None
        label_at = context.rfind(label) if label else -1
        if 0 <= label_at < found[1] <= label_at + len(label):  # its end in the label: 接待 | 农民工来访咨询
            return LABEL_BONUS + len(context) + found[1] - label_at, found[1] - found[0]
        return found[1], found[1] - found[0]
    first = pattern.search(context)
    return None if first is None else (len(context) - first.start(), first.end() - first.start())


NEGATIONS = ("不", "未", "非", "无", "没")


def _named_apart(metric: Metric, word: str, label: str) -> bool:
    """True when an exclude_sentence word holds one of the metric's aliases (不达标 holds 达标) and the figure's own
    label names an alias outside that word (对3家不达标企业限期整改，全市创建劳动关系和谐企业120家): the word was there to
    keep its alias from counting, not to veto a figure the label names plainly."""
    plain, _ = _split_aliases(metric.aliases)
    if not any(alias in word for alias in plain):
        return False
    rest = label.replace(word, "\0")
    return any(alias in rest and not _kind_of(word, alias) for alias in plain)


def _kind_of(word: str, alias: str) -> bool:
    """True when the word names a kind of the alias (劳动竞赛 of 竞赛: a modifier before it, no negation), so the bare
    alias in a label of its sentence refers back to that kind (…劳动竞赛，设立公司级竞赛项目36项); a negated word
    (不达标 of 达标) is set against the bare alias instead."""
    return word.endswith(alias) and len(word) > len(alias) and not word.startswith(NEGATIONS)


def _fit(metric: Metric, heads: _Heads, context: str, text: str, nearest: str, topic: str, lead_in: str,
         skip: tuple[str, ...] = (), groups: tuple[str, ...] = (), item: str = "",
         sentence: str | None = None) -> tuple[int, int] | None:
    """How well a metric known to count the figure's unit fits; an alias in the label beats one in the
    context; None = no fit.  ``text`` is the label, a space and the context; aliases in ``skip`` are not looked
    for; ``groups`` may stand in an alias's gap."""
    for word in metric.exclude:
        if word in text or word in lead_in:
            return None
    scope = topic if sentence is None else sentence
    if not any(word in scope for word in metric.exclude_sentence_unless):
        for word in metric.exclude_sentence:
            if word in scope and not _named_apart(metric, word, heads.label):
                return None
    # exclude_label_unless keeps a word of the item before the figure from ruling it out (开设职工子女托管班11个), never
    # one the figure's own label names after it (这个托管班里有30多个孩子: children counted)
    if (any(word in heads.label and word not in item for word in metric.exclude_label)
            or (any(word in item for word in metric.exclude_label)
                and not any(word in item for word in metric.exclude_label_unless))):
        return None
    if metric.requires and not any(word in text or word in topic for word in metric.requires):
        return None
    best = None
    label = heads.label
    plain, gapped = _split_aliases(metric.aliases)
    for alias in gapped:
        score = _gapped_fit(alias, label, context, nearest, groups, lead_in)
        if score is not None and (best is None or score > best):
            best = score
    for alias in plain:
        if alias in skip:
            continue
        if alias in label and alias not in heads.recipients:
            score = (LABEL_BONUS + len(context) + heads.rank(alias), len(alias))
        elif alias in context:
            at = context.rfind(alias) + len(alias) if nearest == "end" else len(context) - context.find(alias)
            score = (at, len(alias))
        else:
            continue
        if best is None or score > best:
            best = score
    return best


def _fail(path: Path, node: yaml.Node, message: str) -> TaxonomyError:
    """An error pointing at a YAML node."""
    mark = node.start_mark
    return TaxonomyError(f"{path}:{mark.line + 1}:{mark.column + 1}: {message}")


def _scalar(path: Path, node: yaml.Node, where: str) -> str:
    """A YAML scalar as text."""
    if not isinstance(node, yaml.ScalarNode) or node.value == "":
        raise _fail(path, node, f"{where}: expected text")
    return str(node.value)


def _strings(path: Path, node: yaml.Node, where: str) -> tuple[str, ...]:
    """A YAML list of texts (a single text is accepted as a one-item list)."""
    if isinstance(node, yaml.ScalarNode):
        return (_scalar(path, node, where),)
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, f"{where}: expected a list")
    return tuple(_scalar(path, item, f"{where}[{i}]") for i, item in enumerate(node.value))


def _pairs(path: Path, node: yaml.Node, where: str) -> dict[str, yaml.Node]:
    """A YAML mapping as key -> value node."""
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"{where}: expected a mapping")
    return {str(k.value): v for k, v in node.value}


def _metric(path: Path, node: yaml.Node, where: str, groups: list[tuple[str, ...]]) -> Metric:
    """One metric entry, checked key by key."""
    pairs = _pairs(path, node, where)
    for key in REQUIRED_KEYS:
        if key not in pairs:
            raise _fail(path, node, f"{where}: missing key '{key}'")
    metric_id = _scalar(path, pairs["id"], f"{where}.id")
    if not SLUG.match(metric_id):
        raise _fail(path, pairs["id"], f"{where}.id: '{metric_id}' is not an ASCII slug (a-z, 0-9, _ or -)")
    if ("bare_nouns" in pairs) != ("named_before" in pairs):
        raise _fail(path, node, f"{where}: bare_nouns and named_before go together")
    unit = _scalar(path, pairs["unit"], f"{where}.unit")
    units = _strings(path, pairs["units"], f"{where}.units") if "units" in pairs else ()
    if not units:
        units = next((g for g in groups if unit in g), (unit,))
    return Metric(
        id=metric_id,
        name=_scalar(path, pairs["name"], f"{where}.name"),
        aliases=_strings(path, pairs["aliases"], f"{where}.aliases"),
        unit=unit,
        category=_scalar(path, pairs["category"], f"{where}.category"),
        description=_scalar(path, pairs["description"], f"{where}.description"),
        units=tuple(dict.fromkeys((unit, *units))),
        requires=_strings(path, pairs["requires"], f"{where}.requires") if "requires" in pairs else (),
        exclude=_strings(path, pairs["exclude"], f"{where}.exclude") if "exclude" in pairs else (),
        exclude_sentence=_strings(path, pairs["exclude_sentence"], f"{where}.exclude_sentence") if "exclude_sentence" in pairs else (),
        exclude_label=_strings(path, pairs["exclude_label"], f"{where}.exclude_label") if "exclude_label" in pairs else (),
        exclude_sentence_unless=(_strings(path, pairs["exclude_sentence_unless"], f"{where}.exclude_sentence_unless")
                                 if "exclude_sentence_unless" in pairs else ()),
        exclude_label_unless=(_strings(path, pairs["exclude_label_unless"], f"{where}.exclude_label_unless")
                              if "exclude_label_unless" in pairs else ()),
        narrow_units=tuple(_narrow(path, item, f"{where}.narrow_units[{i}]")
                           for i, item in enumerate(_seq(path, pairs["narrow_units"], f"{where}.narrow_units")))
        if "narrow_units" in pairs else (),
        of_workers=_flag(path, pairs["of_workers"], f"{where}.of_workers") if "of_workers" in pairs else False,
        bare_nouns=_strings(path, pairs["bare_nouns"], f"{where}.bare_nouns") if "bare_nouns" in pairs else (),
        named_before=_strings(path, pairs["named_before"], f"{where}.named_before") if "named_before" in pairs else (),
    )


def _flag(path: Path, node: yaml.Node, where: str) -> bool:
    """A true or false value."""
    value = _scalar(path, node, where)
    if value not in ("true", "false"):
        raise _fail(path, node, f"{where}: expected true or false, not '{value}'")
    return value == "true"


def _narrow(path: Path, node: yaml.Node, where: str) -> NarrowUnits:
    """One entry of a metric's narrow_units: {units: [...], aliases: [...], requires: [...], exclude: [...],
    exclude_sentence: [...], exclude_label: [...], exclude_label_unless: [...]} (the last five optional)."""
    pairs = _pairs(path, node, where)
    for key in ("units", "aliases"):
        if key not in pairs:
            raise _fail(path, node, f"{where}: missing key '{key}'")
    return NarrowUnits(*(_strings(path, pairs[key], f"{where}.{key}") if key in pairs else () for key in NarrowUnits._fields))


def parse_taxonomy(text: str, path: Path = TAXONOMY_FILE) -> Taxonomy:
    """Parse taxonomy YAML text; errors name path:line:col."""
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise TaxonomyError(f"{where}: {exc.problem or exc}") from exc
    if root is None:
        raise TaxonomyError(f"{path}:1:1: the taxonomy is empty")
    top = _pairs(path, root, "taxonomy")
    if "metrics" not in top:
        raise _fail(path, root, "missing key 'metrics'")
    groups_node = top.get("unit_groups")
    groups = [] if groups_node is None else [
        _strings(path, g, f"unit_groups[{i}]") for i, g in enumerate(_seq(path, groups_node, "unit_groups"))
    ]
    metrics_node = top["metrics"]
    metrics = [_metric(path, node, f"metrics[{i}]", groups) for i, node in enumerate(_seq(path, metrics_node, "metrics"))]
    seen: dict[str, int] = {}
    for i, metric in enumerate(metrics):
        if metric.id in seen:
            raise _fail(path, metrics_node.value[i], f"metrics[{i}].id: '{metric.id}' repeats metrics[{seen[metric.id]}]")
        seen[metric.id] = i
    categories = list(_strings(path, top["categories"], "categories")) if "categories" in top else []
    categories += [m.category for m in metrics if m.category not in categories]
    designations = _strings(path, top["designations"], "designations") if "designations" in top else ()
    recipients = _strings(path, top["recipients"], "recipients") if "recipients" in top else ()
    serving = _strings(path, top["serving"], "serving") if "serving" in top else ()
    joining = _strings(path, top["joining"], "joining") if "joining" in top else ()
    aid_money = _strings(path, top["aid_money"], "aid_money") if "aid_money" in top else ()
    gap_groups = _strings(path, top["gap_groups"], "gap_groups") if "gap_groups" in top else ()
    return Taxonomy(metrics=metrics, categories=list(dict.fromkeys(categories)), designations=designations,
                    serving=serving, joining=joining, recipients=recipients, aid_money=aid_money, gap_groups=gap_groups)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree of text, by libyaml when PyYAML has it (ten times as fast); a mistake is
    reported by PyYAML's own reader, whose messages say what it expected and what it found."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, UnicodeError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _seq(path: Path, node: yaml.Node, where: str) -> list[yaml.Node]:
    """A YAML sequence's item nodes."""
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, f"{where}: expected a list")
    return list(node.value)


def load_taxonomy(path: Path = TAXONOMY_FILE) -> Taxonomy:
    """Read a taxonomy file (the only I/O here); the same bytes are parsed once per process.

    The result is shared between callers: treat it as read-only.
    """
    return _parsed(Path(path).read_text(encoding="utf-8"), Path(path))


@functools.lru_cache(maxsize=4)
def _parsed(text: str, path: Path) -> Taxonomy:
    """The taxonomy in a file's text (cached: a preview server checks and builds with it on every save)."""
    return parse_taxonomy(text, path)
