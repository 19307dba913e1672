"""One look for every chart: colour-blind-safe colours for light and dark pages, fonts, layout."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from core import locale, strings

# Okabe–Ito hues (safe for the common colour-vision deficiencies). Light values keep 3:1 contrast
# on white; their dark partners keep 3:1 on Material's slate background. Name → (light, dark).
COLOURS = {
    "blue": ("#0072B2", "#56B4E9"),
    "vermillion": ("#C0392B", "#F08A6B"),
    "green": ("#007A5E", "#2FC79A"),
    "purple": ("#A23F7E", "#E6A3C9"),
    "orange": ("#B35C00", "#E69F00"),
    "grey": ("#5F6368", "#B8BCC2"),
    # Text, axes and grid lines.
    "ink": ("#1F2328", "#E6E6E6"),
    "muted": ("#57606A", "#B0B7C0"),
    "grid": ("#D8DEE4", "#3A3F4B"),
}
# The series colours, in the order charts use them.
SERIES = ("blue", "vermillion", "green", "purple", "orange", "grey")
# Marker shapes, so that no series is told apart by colour alone.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
# The page's own typeface stack (the body text uses the same), so that a chart reads as part of the page.
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
# The smallest text a chart draws: a phone shows the 320 px narrow picture about 358 px wide, so 12 px stays
# above 13 px on the screen (and every wide picture is at least as large).
SMALLEST = 12
# The country the site is about: drawn at full strength with its name in bold; every other country paler.
HIGHLIGHT = "KAZ"
PALE = 0.45


def text(chart_id: str, key: str, **fields) -> str:
    """A chart's reader-facing words (axis titles, legend names, hover text), from includes/strings."""
    return strings.text(f"charts.{chart_id}.{key}", **fields)


def wrap(label: str, width: int) -> str:
    """A label broken into lines of at most `width` characters, for narrow layouts (Plotly breaks at <br>)."""
    return "<br>".join(textwrap.wrap(str(label), width)) or str(label)


def short(value: float) -> str:
    """A number with only the decimals it has (71.09, 9.1, 7), in the language's way."""
    digits = len(f"{value:g}".partition(".")[2]) if "e" not in f"{value:g}" else 2
    return locale.number(value, digits)


def country(row: dict) -> str:
    """A row's country as readers see it: its name in the current language (CLDR, through core.locale), found by
    its ISO code, never the English name a dataset carries."""
    return locale.country(row["iso3"])


def country_label(row: dict) -> str:
    """The country's name for an axis or a label: the highlighted country in bold."""
    name = country(row)
    return f"<b>{name}</b>" if row["iso3"] == HIGHLIGHT else name


def strength(row: dict) -> float:
    """How strongly a country's mark is drawn: full for the highlighted country, pale for the others."""
    return 1 if row["iso3"] == HIGHLIGHT else PALE


def spread(values: list[float], gap: float, low: float | None = None, high: float | None = None) -> list[float]:
    """Label positions as close to `values` as they can be while at least `gap` apart, in the same order, kept
    within `low` and `high` (half a gap inside them): end labels that never overlap one another."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [0.0] * len(values)
    previous = None
    for i in order:
        placed[i] = values[i] if previous is None else max(values[i], previous + gap)
        previous = placed[i]
    if high is not None and placed and max(placed) > high - gap / 2:
        excess = max(placed) - (high - gap / 2)
        placed = [p - excess for p in placed]
    if low is not None and placed and min(placed) < low + gap / 2:
        shortfall = low + gap / 2 - min(placed)
        placed = [p + shortfall for p in placed]
    return placed


def end_labels(ends: list[dict], gap: float, low: float | None = None, high: float | None = None, size: int = 13):
    """A line chart's legend, written at the end of each line in the line's colour: `ends` holds each line's last
    point (x, y), its `text` and `colour`. Labels closer than `gap` (in y units) are moved apart."""
    heights = spread([float(end["y"]) for end in ends], gap, low, high)
    return [
        dict(
            x=end["x"],
            y=height,
            xanchor="left",
            yanchor="middle",
            xshift=end.get("xshift", 8),
            align="left",
            showarrow=False,
            text=end["text"],
            font=dict(size=size, color=end["colour"]),
        )
        for end, height in zip(ends, heights, strict=True)
    ]


def colour(name: str) -> str:
    return COLOURS[name][0]


def dark_map() -> dict[str, str]:
    """Light colour → dark colour; the page swaps them when the reader picks the dark scheme."""
    return {light: dark for light, dark in COLOURS.values()}


def layout(**overrides) -> dict:
    """The shared layout: transparent background, system font, no zoom or pan, room for labels."""
    axis = dict(
        color=colour("muted"),
        gridcolor=colour("grid"),
        linecolor=colour("muted"),
        zeroline=False,
        fixedrange=True,
        automargin=True,
        title=dict(font=dict(size=13, color=colour("muted"))),
        tickfont=dict(size=SMALLEST),
    )
    base = dict(
        font=dict(family=FONT, size=14, color=colour("ink")),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin=dict(l=8, r=8, t=8, b=8),
        height=380,
        dragmode=False,
        hovermode="closest",
        hoverlabel=dict(font=dict(family=FONT, size=13)),
        legend=dict(orientation="h", x=0, y=1.02, xanchor="left", yanchor="bottom", font=dict(size=13)),
        # The x axis's labels sit a little lower, clear of the y axis's lowest label where the two axes meet.
        xaxis=dict(axis, ticklabelstandoff=7),
        yaxis=dict(axis),
        separators=locale.separators(),
    )
    return _merge(base, overrides)


def _merge(base: dict, overrides: dict) -> dict:
    """`overrides` laid over `base`, nested dicts merged key by key (an axis title keeps the theme's font)."""
    out = dict(base)
    for key, value in overrides.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def figure(traces: list, **layout_overrides) -> go.Figure:
    fig = go.Figure(data=traces, layout=layout(**layout_overrides))
    # No template: the theme above is the whole look, and it keeps the page's JSON small.
    fig.update_layout(template=None)
    return fig


# Plotly's options for every chart: no mode bar, no cloud upload, no logo, resize with the page.
CONFIG = {
    "displayModeBar": False,
    "showSendToCloud": False,
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "doubleClick": False,
    "showTips": False,
}
