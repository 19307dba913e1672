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
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'


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
        tickfont=dict(size=12),
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
        xaxis=dict(axis),
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
