"""Charts drawn at build time as inline SVG: no JavaScript, no external files, Chinese labels readable.

A chart is decoration for sighted readers; the table on the same page is its accessible equivalent,
so the SVG carries ``role="img"`` with a ``<title>`` and ``<desc>`` that say what it shows and point there.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# The same CJK stack as the stylesheet: an SVG saved on its own still finds a Chinese font.
FONT_FAMILY = ("'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', "
               "'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif")
WIDTH = 420  # narrow on purpose: on a phone the chart scales down less, so labels stay readable
PADDING = 8
LABEL_SIZE = 14
VALUE_SIZE = 13
ROW_HEIGHT = 44  # a label line above each bar
BAR_HEIGHT = 14
LEGEND_HEIGHT = 26
MAX_LABEL_CHARS = 28  # a CJK character is about one font size wide; longer labels are cut with "…"
ACTUAL_FILL = "#0a58a8"
TARGET_FILL = "#ffffff"
TARGET_STROKE = "#9b1c1c"
TEXT_FILL = "#1f2328"
MUTED_FILL = "#555e68"


@dataclass(frozen=True)
class Bar:
    """One bar: what it is (region and period, what is counted), its value and how it reads."""

    label: str  # "余杭区 2012—2016年"
    detail: str  # what is counted, shown after the label in a lighter colour
    value: float
    value_text: str  # "近4.5亿元": formatted for readers, approximate words included
    target: bool = False
    approx: bool = False


def _n(number: float) -> str:
    """A coordinate rounded to one decimal, without a trailing '.0', so output is byte-stable."""
    text = f"{round(number, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


def _cut(text: str, limit: int) -> str:
    """Shorten text to ``limit`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_width(text: str, size: float) -> float:
    """Rough rendered width: CJK characters are square, ASCII digits and letters about half as wide."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def bar_length(value: float, largest: float, span: float) -> float:
    """Length of a bar on a linear scale from zero; any non-zero value stays visible."""
    if largest <= 0 or value <= 0:
        return 0.0
    return max(2.0, span * value / largest)


def _legend(y: float, has_approx: bool, has_target: bool) -> list[str]:
    """Key to the bar styles used: solid = actual, lighter = approximate, dashed outline = target."""
    items = [("实际", f'fill="{ACTUAL_FILL}"')]
    if has_approx:
        items.append(("约数", f'fill="{ACTUAL_FILL}" fill-opacity="0.55"'))
    if has_target:
        items.append(("目标", f'fill="{TARGET_FILL}" stroke="{TARGET_STROKE}" stroke-dasharray="3 2"'))
    out, x = [], PADDING
    for name, style in items:
        out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="12" height="12" {style}/>')
        out.append(f'<text x="{_n(x + 17)}" y="{_n(y + 11)}" font-size="{VALUE_SIZE}" fill="{MUTED_FILL}">{name}</text>')
        x += 17 + text_width(name, VALUE_SIZE) + 16
    return out


def _bar(bar: Bar, top: float, largest: float) -> list[str]:
    """The label line and the bar with its value for one row."""
    span = WIDTH - 2 * PADDING
    label = _cut(bar.label + (" · " + bar.detail if bar.detail else ""), MAX_LABEL_CHARS)
    head, _, tail = label.partition(" · ")
    out = [f'<text x="{PADDING}" y="{_n(top + LABEL_SIZE)}" font-size="{LABEL_SIZE}" fill="{TEXT_FILL}">{escape(head)}'
           + (f'<tspan fill="{MUTED_FILL}"> · {escape(tail)}</tspan>' if tail else "") + "</text>"]
    y = top + LABEL_SIZE + 6
    length = bar_length(bar.value, largest, span)
    if bar.target:
        style = f'fill="{TARGET_FILL}" stroke="{TARGET_STROKE}" stroke-dasharray="4 2"'
    else:
        style = f'fill="{ACTUAL_FILL}"' + (' fill-opacity="0.55"' if bar.approx else "")
    out.append(f'<rect x="{PADDING}" y="{_n(y)}" width="{_n(length)}" height="{BAR_HEIGHT}" {style}/>')
    shown = bar.value_text + ("（目标）" if bar.target else "")
    value, width = escape(shown), text_width(shown, VALUE_SIZE)
    fits_right = PADDING + length + 6 + width <= WIDTH - PADDING
    text_y = _n(y + BAR_HEIGHT - 3)
    if fits_right or length - 12 < width:
        out.append(f'<text x="{_n(PADDING + length + 6)}" y="{text_y}" font-size="{VALUE_SIZE}" '
                   f'fill="{TEXT_FILL}">{value}</text>')
    else:  # no room right of a long bar: the value goes inside its end
        colour = TARGET_STROKE if bar.target else (TEXT_FILL if bar.approx else "#ffffff")
        out.append(f'<text x="{_n(PADDING + length - 6)}" y="{text_y}" font-size="{VALUE_SIZE}" '
                   f'text-anchor="end" fill="{colour}">{value}</text>')
    return out


def bar_chart(bars: list[Bar], title: str, description: str, chart_id: str) -> str:
    """A horizontal bar chart as an SVG element for inlining in HTML; ``chart_id`` keeps ids unique on the page."""
    largest = max((b.value for b in bars), default=0.0)
    has_target = any(b.target for b in bars)
    height = PADDING + LEGEND_HEIGHT + ROW_HEIGHT * len(bars) + PADDING
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{WIDTH}" height="{_n(height)}" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" aria-labelledby="{title_id} {desc_id}" '
        f'font-family="{escape(FONT_FAMILY)}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        *_legend(PADDING, any(b.approx for b in bars), has_target),
    ]
    top = PADDING + LEGEND_HEIGHT
    for bar in bars:
        parts.extend(_bar(bar, top, largest))
        top += ROW_HEIGHT
    parts.append("</svg>")
    return "\n".join(parts)
