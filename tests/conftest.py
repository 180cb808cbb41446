"""Shared fixtures: a throw-away project folder with the real seeds, the seeds built once per session, and the
benchmark's scripts imported as modules."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from reportsite.config import SiteConfig, load_config

# In CI the property tests draw the same examples on every run, so a submission passes or fails on its
# code alone; run locally they draw new ones (and keep any failure found in tests/.hypothesis).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def bench_module(name: str) -> ModuleType:
    """The script bench/<name>.py imported from its path (bench/ is not a package) as bench_<name>."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"bench_{name}"] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module


def make_project(root: Path, seeds: bool = True) -> SiteConfig:
    """Create a project folder (site.yml, templates from the repo, optionally the seeds) and load its config."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yml", root / "site.yml")
    (root / "seeds").mkdir(exist_ok=True)
    if seeds:
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, root / "seeds" / seed.name)
    return load_config(root)


@pytest.fixture
def project(tmp_path: Path) -> SiteConfig:
    """A fresh project with the five seeds, nothing ingested yet."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory: pytest.TempPathFactory) -> SiteConfig:
    """The five seeds ingested and built once for the whole session (read-only for tests)."""
    from reportsite.builder import build_site
    from reportsite.ingest import ingest

    config = make_project(tmp_path_factory.mktemp("built") / "project")
    outcomes = ingest(config)
    assert all(o.status != "error" for o in outcomes), [o.line() for o in outcomes]
    result = build_site(config)
    assert result.ok, [str(e) for e in result.errors]
    return config


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """In CI (CI=true) a skipped test is a failed test: nothing may be skipped for a missing tool."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI", "").lower() in ("1", "true", "yes") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which is not allowed: {report.longrepr}"
