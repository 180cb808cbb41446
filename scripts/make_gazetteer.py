#!/usr/bin/env python3
"""Write reportsite/data/gazetteer.yml, the country's provinces, cities and counties, from an adcode table.

    python scripts/make_gazetteer.py path/to/adcodes.csv

The table is ``cpca/resources/adcodes.csv`` of the cpca package (MIT licence; `pip download cpca` and
unzip the wheel): one row per division, ``adcode,name,longitude,latitude``, the adcode's digits
PPCCDD000000 naming province, city and county.  The gazetteer is a fallback for reports about places
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


def render(tree: dict[str, dict[str, list[str]]]) -> str:
    """The gazetteer as YAML, in regions.yml's shape (name and children), without short names."""
    lines = [
        "# Every province, city and county of the country, by full name: a fallback for places that",
        "# regions.yml does not list (written by scripts/make_gazetteer.py from cpca's adcode table, MIT).",
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
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    OUT.write_text(render(divisions(rows)), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
