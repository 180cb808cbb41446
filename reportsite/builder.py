"""The one build function, shared by ``build`` and ``serve``.

It gathers every content file, checks it, builds the whole site model in memory, renders it into a
fresh temporary folder beside the output, and only then swaps that folder into place.  A build that
fails on bad content leaves the previous ``site/`` exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .content import content_files, load_report
from .frontmatter import ContentError
from .model import Report
from .render import BodyRenderer, make_environment, render_page, relative_url
from .site import Page, report_views, site_pages
from .taxonomy import load_taxonomy

ASSETS_DIR = "assets"


@dataclass
class BuildResult:
    """What a build produced, or why it did not."""

    errors: list[ContentError] = field(default_factory=list)
    pages: int = 0
    reports: int = 0

    @property
    def ok(self) -> bool:
        """True when the site was written."""
        return not self.errors


def load_reports(config: SiteConfig) -> tuple[list[Report], list[ContentError]]:
    """Load and validate every content file; slugs must be unique."""
    reports: list[Report] = []
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for path in content_files(config.content_dir):
        display = _display(path, config.root)
        report, problems = load_report(path, display)
        errors.extend(problems)
        if report is None:
            continue
        if report.slug in seen:
            errors.append(ContentError(display, 2, 1, f"slug: '{report.slug}' is already used by {seen[report.slug]}"))
            continue
        seen[report.slug] = display
        reports.append(report)
    return reports, errors


def _display(path: Path, root: Path) -> str:
    """A path as the editor knows it: relative to the project when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def site_context(config: SiteConfig) -> dict[str, Any]:
    """Site-wide values every template sees as ``site``."""
    return {
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "base_url": config.base_url,
        "base_path": config.base_path,
    }


def render_site(config: SiteConfig, reports: list[Report], out_dir: Path) -> int:
    """Render every page and copy assets into out_dir; return the number of pages."""
    site = site_context(config)
    views = report_views(reports)
    pages = site_pages(views, site, load_taxonomy(config.path(config.taxonomy)))
    env = make_environment(config.template_dirs)
    body_renderer = BodyRenderer()
    for page in pages:
        if page.raw is not None:
            _write(out_dir / page.output_path, page.raw)
            continue
        extra: dict[str, Any] = {}
        view = page.context.get("view")
        if view is not None:
            def metric_url(metric_id: str, _page: Page = page) -> str:
                return relative_url(f"metrics/{metric_id}/", _page.url)
            extra["body_html"], extra["toc"] = body_renderer.render(view, metric_url)
        _write(out_dir / page.output_path, render_page(env, page, site, extra))
    _copy_assets(config, out_dir)
    return len(pages)


def _write(path: Path, text: str) -> None:
    """Write a UTF-8 file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_assets(config: SiteConfig, out_dir: Path) -> None:
    """Copy the assets folder of every template dir (theme first wins) into the site."""
    for template_dir in reversed(config.template_dirs):
        assets = template_dir / ASSETS_DIR
        if assets.is_dir():
            shutil.copytree(assets, out_dir / ASSETS_DIR, dirs_exist_ok=True)
    (out_dir / ".nojekyll").write_text("", encoding="utf-8")


def swap_into_place(new_dir: Path, site_dir: Path) -> None:
    """Replace site_dir with new_dir using renames, so readers never see a half-written site."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(new_dir, site_dir)
    if old.exists():
        shutil.rmtree(old)


def build_site(config: SiteConfig) -> BuildResult:
    """Check all content, render the whole site into a temp folder, then swap it into place."""
    reports, errors = load_reports(config)
    if errors:
        return BuildResult(errors=errors)
    site_dir = config.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.build-", dir=site_dir.parent))
    try:
        pages = render_site(config, reports, tmp)
        swap_into_place(tmp, site_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildResult(pages=pages, reports=len(reports))
