"""Site configuration: ``site.yml`` in the project folder, overridden by command-line flags."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAME = "site.yml"
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class ConfigError(Exception):
    """A configuration problem; the message names the file."""


@dataclass(frozen=True)
class SiteConfig:
    """Where things are and how the site presents itself."""

    root: Path = field(default_factory=Path.cwd)
    title: str = "工会报道档案"
    description: str = "职工报道的整理与数据对比"
    base_url: str = "/"
    language: str = "zh-CN"
    seeds: Path = Path("seeds")
    content: Path = Path("content")
    site: Path = Path("site")
    templates: Path = Path("templates")
    theme_dir: Path | None = None  # an editor's own templates, searched before ours
    taxonomy: Path = PACKAGE_DATA / "metrics.yml"
    regions: Path = PACKAGE_DATA / "regions.yml"
    min_repeat_chars: int = 20

    def path(self, value: Path) -> Path:
        """Resolve a configured path against the project folder."""
        return value if value.is_absolute() else self.root / value

    def display(self, path: Path) -> str:
        """A path as the editor knows it: relative to the project folder when inside it, in POSIX form."""
        if path.is_absolute() and ".." not in path.parts and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()  # already inside: no file-system lookups (10,000 seeds)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def seeds_dir(self) -> Path:
        """Absolute folder of raw seeds."""
        return self.path(self.seeds)

    @property
    def content_dir(self) -> Path:
        """Absolute folder of content files."""
        return self.path(self.content)

    @property
    def site_dir(self) -> Path:
        """Absolute output folder."""
        return self.path(self.site)

    @property
    def template_dirs(self) -> list[Path]:
        """Template search path: the editor's theme first, then the project's, then the packaged ones."""
        dirs = [self.path(self.theme_dir)] if self.theme_dir else []
        dirs.append(self.path(self.templates))
        if PACKAGE_TEMPLATES not in dirs:
            dirs.append(PACKAGE_TEMPLATES)
        return [d for d in dirs if d.is_dir()]

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, always starting and ending with '/'."""
        path = self.base_url
        if "://" in path:
            path = "/" + path.split("://", 1)[1].partition("/")[2]
        return "/" + path.strip("/") + "/" if path.strip("/") else "/"

    def with_overrides(self, **overrides: Any) -> "SiteConfig":
        """Return a copy with the given non-None values replaced (command-line flags)."""
        clean = {k: (Path(v) if k in _PATH_KEYS and v is not None else v) for k, v in overrides.items() if v is not None}
        return replace(self, **clean)


_PATH_KEYS = {"seeds", "content", "site", "templates", "theme_dir", "taxonomy", "regions"}
_KNOWN = {
    "title", "description", "base_url", "language", "min_repeat_chars",
} | _PATH_KEYS


def load_config(root: Path, config_path: Path | None = None) -> SiteConfig:
    """Read site.yml from ``root`` (or ``config_path``); missing file means defaults."""
    path = config_path or root / CONFIG_NAME
    base = SiteConfig(root=root.resolve())
    if not path.exists():
        if config_path is not None:
            raise ConfigError(f"{path}: configuration file not found")
        return base
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ConfigError(f"{path}:{where}: invalid YAML: {exc.problem}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: expected a mapping of settings")
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    return base.with_overrides(**data)
