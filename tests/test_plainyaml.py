"""The plain front-matter reader gives PyYAML's values and positions, or gives up; it never accepts a hazard."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO

from reportsite.frontmatter import _collect_positions, _compose_and_construct, dump_yaml, parse_content, split_front_matter
from reportsite.hazards import yaml_hazards
from reportsite.plainyaml import read_plain_yaml


def pyyaml(text: str) -> tuple[object, dict] | None:
    """What the PyYAML path reads: (data, positions), or None when it refuses the text."""
    try:
        node, data = _compose_and_construct(text)
    except (yaml.YAMLError, ValueError):
        return None
    positions: dict = {}
    if node is not None:
        _collect_positions(node, "", 2, positions)
    return data, positions


def test_typical_front_matter_is_read_without_pyyaml():
    text = "title: 临安市总工会\nregion:\n  name: 临安市\n  parent: null\nauthors:\n- 陈向阳\nmetrics:\n" \
           "- metric: workers-homes\n  value: 12.5\n  approx: over\n  period: 2013–2017\n  text: '5家'\ndate: 2021-08-03\n"
    data, positions = read_plain_yaml(text)
    assert data == {"title": "临安市总工会", "region": {"name": "临安市", "parent": None}, "authors": ["陈向阳"],
                    "metrics": [{"metric": "workers-homes", "value": 12.5, "approx": "over", "period": "2013–2017", "text": "5家"}],
                    "date": dt.date(2021, 8, 3)}
    assert positions["metrics[0].value"] == (10, 10) and positions["metrics[0]"] == (9, 3)
    assert (data, positions) == pyyaml(text)


def test_anything_unusual_is_left_to_pyyaml():
    for text in ["title: 临安 #2015年回顾\n", "title: a: b\n", "on: 1\n", "n: yes\n", "v: 012\n", "v: 1_000\n",
                 "v: 12:30\n", "t: |\n  两行\n  文字\n", "t: 跨行的\n  文字\n", "a: 1\na: 2\n", "v: \"a\\tb\"\n",
                 "v: &x 1\n", "v: ~\n", "v:\n", "\ttitle: x\n", "- 1\n", "v: 2015-13-01\n", "v: [1, 2]\n", ""]:
        assert read_plain_yaml(text) is None, text


def test_every_content_file_of_the_seeds_is_plain():
    for path in sorted((REPO / "content").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        yaml_text, _body, _line = split_front_matter(text)
        assert read_plain_yaml(yaml_text) == pyyaml(yaml_text), path.name
        assert parse_content(text).plain, path.name


SCALARS = ["over", "yes", "No", "on", "OFF", "null", "Null", "~", "true", "True", "false", "12", "-3", "0", "012", "08",
           "1_000", "0x1F", "1e5", "12.5", "-0.5", "+3", "1.", ".5", "12:30", "2015-08-03", "2015-13-01", "2015-8-3",
           "-", "- x", "-x", "a: b", "a #b", "a#b", "说明:", "'q'", "'it''s'", "'a'b'", "\"dq\"", "\"a\\nb\"", "[]", "{}",
           "[1]", "&a", "*a", "!x", "|", ">", "%x", "@x", "`x", "?x", "? x", ":x", "临安市", "2013–2017", "5家", "p1",
           "人 ", "a,b", "{a", "<<", "=", ".inf", "0b11", "1:20", "2021-08-03 10:00:00", "'", "''", "x\tb"]
SAFE = ["临安市", "2013–2017", "5家", "p1", "over", "12", "12.5", "null", "true", "2015-08-03", "'q'", "-3", "a-b"]
KEYS = ["title", "slug", "region", "name", "metrics", "value", "on", "yes", "Null", "key_1", "a", "1", "~"]
# Mostly what front matter holds, so that many generated texts are plain; the rest is every kind of trap.
tricky = st.one_of(st.sampled_from(SCALARS), st.text(alphabet="临安工会ab1 -:#'\".", min_size=1, max_size=6))
scalars = st.one_of(*[st.sampled_from(SAFE)] * 6, tricky)
keys = st.one_of(*[st.sampled_from(KEYS[:6])] * 6, st.sampled_from(KEYS))
nodes = st.recursive(scalars, lambda children: st.one_of(
    st.lists(st.tuples(keys, children), min_size=1, max_size=4).map(lambda items: ("map", items)),
    st.lists(children, min_size=1, max_size=3).map(lambda items: ("seq", items))), max_leaves=12)


def render(items: list, indent: int, style: st.DrawFn) -> list[str]:
    """Block YAML lines of a mapping, with the indentation styles editors use."""
    lines = []
    for key, value in items:
        lines.extend(render_entry(" " * indent + f"{key}:", value, indent, style))
    return lines


def render_entry(head: str, value: object, indent: int, style: st.DrawFn) -> list[str]:
    """One key (``head`` written) and its value."""
    if isinstance(value, str):
        return [f"{head} {value}" if value else head]
    kind, items = value
    if kind == "map":
        return [head, *render(items, indent + style(st.sampled_from([2, 4])), style)]
    inner = indent + style(st.sampled_from([0, 2]))
    lines = [head]
    for item in items:
        if isinstance(item, tuple) and item[0] == "map" and style(st.booleans()):
            (first_key, first_value), *rest = item[1]
            lines += render_entry(" " * inner + f"- {first_key}:", first_value, inner + 2, style)
            lines += render(rest, inner + 2, style)
        else:
            lines += render_entry(" " * inner + "-", item if not isinstance(item, str) else item, inner, style)
    return lines


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(keys, nodes), min_size=1, max_size=5), st.data())
def test_the_plain_reader_agrees_with_pyyaml_or_gives_up(items: list, data: st.DataObject):
    lines = render(items, 0, data.draw)
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(lines)))
        lines.insert(at, data.draw(st.sampled_from(["", "# 注释", "  # 缩进的注释", "  "])))
    text = "\n".join(lines) + "\n"
    plain = read_plain_yaml(text)
    if plain is None:
        return
    assert plain == pyyaml(text), text
    assert yaml_hazards(text) == [], text  # the checks skip hazards for plain front matter: there must be none


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "slug", "lead", "authors", "region", "value"]), st.one_of(
    st.text(alphabet="临安工会 ab1-:#'\"", max_size=8), st.integers(-10**6, 10**6), st.none(), st.booleans(),
    st.lists(st.text(alphabet="临安工会ab", min_size=1, max_size=4), max_size=3),
    st.dictionaries(st.sampled_from(["name", "parent"]), st.text(alphabet="临安市", min_size=1, max_size=3), max_size=2)),
    min_size=1))
def test_what_the_writer_writes_is_read_back_the_same(data: dict):
    text = dump_yaml(data)
    plain = read_plain_yaml(text)
    if plain is not None:
        assert plain == pyyaml(text), text
        assert plain[0] == data


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(SCALARS), st.text(alphabet="临安ab1 -_:#'\".,[]{}&*!|>%@`?~=<+\\", min_size=1, max_size=8)))
def test_each_kind_of_value_is_read_as_pyyaml_reads_it_or_left_to_it(value: str):
    for text in (f"key: {value}\n", f"items:\n- {value}\n", f"items:\n  - a: 1\n    key: {value}\n"):
        plain = read_plain_yaml(text)
        if plain is not None:
            assert plain == pyyaml(text), text
            assert yaml_hazards(text) == [], text


def test_columns_follow_the_spaces_after_a_colon_and_a_dash():
    text = "title:   临安\nmetrics:\n  - value:  12\n    unit: 人\n"
    data, positions = read_plain_yaml(text)
    assert positions == {"title@key": (2, 1), "title": (2, 10), "metrics@key": (3, 1), "metrics": (4, 3),
                         "metrics[0]": (4, 5), "metrics[0].value@key": (4, 5), "metrics[0].value": (4, 13),
                         "metrics[0].unit@key": (5, 5), "metrics[0].unit": (5, 11)}
    assert (data, positions) == pyyaml(text)


def test_a_list_item_is_a_mapping_only_when_a_plain_key_and_colon_space_start_it():
    text = "items:\n- a:b\n- a: b\n- 说明\n- key:\n  - x\n"
    assert read_plain_yaml(text)[0] == {"items": ["a:b", {"a": "b"}, "说明", {"key": ["x"]}]}
    assert read_plain_yaml(text) == pyyaml(text)
    for unsupported in ["items:\n- on: 1\n", "items:\n-  a: 1\n", "items:\n- 说明: x\n", "items:\n- 1a: x\n"]:
        assert read_plain_yaml(unsupported) is None, unsupported


def test_each_empty_list_or_mapping_read_is_a_new_object():
    text = "a: []\nb: []\nc: {}\nd:\n- []\n"
    data, _positions = read_plain_yaml(text)
    assert data == {"a": [], "b": [], "c": {}, "d": [[]]} and data["a"] is not data["b"]
    data["a"].append(1), data["c"].update(k=1), data["d"][0].append(1)  # a caller's edits must not leak into the next read
    assert read_plain_yaml(text)[0] == {"a": [], "b": [], "c": {}, "d": [[]]}


def test_digits_followed_by_chinese_are_text():
    text = "text: 853期\nvalue: 9.7万元\nv: ８\nn: 853\nf: 9.7\n"
    assert read_plain_yaml(text)[0] == {"text": "853期", "value": "9.7万元", "v": "８", "n": 853, "f": 9.7}
    assert read_plain_yaml(text) == pyyaml(text)


def _ascii_only(items: list) -> bool:
    """Whether a parsed regular expression can match ASCII characters only (literals, ranges, groups, repeats)."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            ok = arg < 128
        elif name == "IN":
            ok = all((str(o) == "LITERAL" and a < 128) or (str(o) == "RANGE" and a[1] < 128) for o, a in arg)
        elif name == "BRANCH":
            ok = all(_ascii_only(branch) for branch in arg[1])
        elif name == "SUBPATTERN":
            ok = _ascii_only(arg[3])
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            ok = _ascii_only(arg[2])
        else:
            ok = name == "AT"  # ^ and $; anything else (\d, ., [^…]) may match other characters
        if not ok:
            return False
    return True


def test_pyyaml_reads_only_ascii_text_as_anything_but_a_string():
    # plainyaml's _resolve takes text with a non-ASCII character for a string without trying PyYAML's patterns.
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    assert not _ascii_only(list(sre_parse.parse(r"^(?:[0-9]+|\d)$")))  # the check can fail
    for resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.values():
        for _tag, pattern in resolvers:
            assert not pattern.flags & re.IGNORECASE, pattern.pattern
            assert _ascii_only(list(sre_parse.parse(pattern.pattern, pattern.flags))), pattern.pattern
