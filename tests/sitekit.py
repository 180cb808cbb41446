"""Small hand-written content for site tests: a few reports in a throw-away project, built for real."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import make_project

from reportsite.builder import build_site
from reportsite.config import SiteConfig
from reportsite.frontmatter import render_content
from reportsite.model import FigureCaption, MetricRecord, Period, Region, Report


def sample_report(slug: str, title: str, body: str, region: tuple[str, str | None] | None = ("临安市", "杭州市"),
                  period: tuple[int, int] | None = (2015, 2015), **fields: Any) -> Report:
    """A report with the given body (Markdown with {#pN} ids) and optional extra fields."""
    return Report(
        title=title,
        slug=slug,
        body=body,
        region=Region(*region) if region else None,
        period=Period(*period) if period else None,
        **fields,
    )


def paragraphs(*texts: str) -> str:
    """A Markdown body of paragraphs p1, p2, ... as ingest writes them."""
    return "\n\n".join(f"{text}\n{{#p{i}}}" for i, text in enumerate(texts, start=1)) + "\n"


def default_reports() -> list[Report]:
    """Three reports: a city and two districts under it, with a heading, a caption and a figure."""
    return [
        sample_report(
            "linan-2015", "临安市总工会奋进创新", "## 温暖工程\n\n" + paragraphs(
                "临安市总工会服务职工，建立爱心基金2000万元。",
                "全市推进工资集体协商，签订合同。",
            ),
            kicker="启航新征程", subtitle="推进四大工程", authors=["陈向阳"], lead="按：近年来各项工作取得新进展。",
            figures=[FigureCaption("职工运动会开幕式", "p1")],
            metrics=[MetricRecord("charity-funds-raised", "爱心基金", 20000000, "元", "2000万元", "p1")],
        ),
        sample_report("yuhang-2016", "余杭区职工之家建设", paragraphs("余杭区新建职工书屋三十家。"),
                      region=("余杭区", "杭州市"), period=(2012, 2016)),
        sample_report("hangzhou-2017", "杭州市五年回眸", paragraphs("杭州市各级组织稳步发展。"),
                      region=("杭州市", None), period=(2013, 2017)),
    ]


def write_reports(config: SiteConfig, reports: list[Report]) -> None:
    """Write content files the way ingest does."""
    config.content_dir.mkdir(parents=True, exist_ok=True)
    for report in reports:
        path = config.content_dir / f"{report.slug}.md"
        path.write_text(render_content(report.front_matter(), report.body), encoding="utf-8")


def build_small_site(root: Path, reports: list[Report] | None = None, **overrides: Any) -> SiteConfig:
    """Create a project with the given reports (default: three), build it, return its config."""
    config = make_project(root, seeds=False).with_overrides(**overrides)
    write_reports(config, default_reports() if reports is None else reports)
    result = build_site(config)
    assert result.ok, [str(e) for e in result.errors]
    return config


def read_page(config: SiteConfig, path: str) -> str:
    """Text of a built file."""
    return (config.site_dir / path).read_text(encoding="utf-8")
