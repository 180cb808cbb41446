#!/usr/bin/env python3
"""Baseline: Python-Markdown plus Jinja2 alone, single-threaded: ``python bench/baseline.py MD_DIR OUT_DIR``.

Every ``*.md`` page becomes ``OUT_DIR/<name>/index.html`` through one template, plus an index page
linking them all.  No front matter, no cross-links, no search: the floor any generator stands on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import markdown

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ body }}</main><nav><a href="../">目录</a></nav></body></html>
"""
INDEX = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>目录</title></head>
<body><ul>{% for name, title in pages %}<li><a href="{{ name }}/">{{ title }}</a></li>{% endfor %}</ul></body></html>
"""


def build(md_dir: Path, out_dir: Path) -> int:
    """Render every page and the index; return the number of pages."""
    env = jinja2.Environment(autoescape=True)
    page_template, index_template = env.from_string(PAGE), env.from_string(INDEX)
    converter = markdown.Markdown(extensions=["extra"])
    pages = []
    for path in sorted(md_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].lstrip("# ").strip()
        body = converter.reset().convert(text)
        target = out_dir / path.stem / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_template.render(title=title, body=jinja2.utils.markupsafe.Markup(body)), encoding="utf-8")
        pages.append((path.stem, title))
    (out_dir / "index.html").write_text(index_template.render(pages=pages), encoding="utf-8")
    return len(pages)


if __name__ == "__main__":
    count = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"baseline: {count} page(s) -> {sys.argv[2]}")
