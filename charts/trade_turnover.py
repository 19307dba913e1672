"""The EU27 has been Kazakhstan's largest trading partner by value since 2011, with China gaining on Russia; all trade fell steeply in 2015-16."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, DataError, load as load_dataset
from .table import Table

DATASET = "trade_turnover"
PARTNERS = {"World": ("grey", "Total"), "EU27": ("blue", "EU27"), "China": ("vermillion", "China"), "Russia": ("green", "Russia")}


def load(data_dir=DATA_DIR) -> Table:
    table = Table.select(
        load_dataset(DATASET, data_dir),
        ("year", "partner", "reporter", "turnover_usd_bn", "series", "preliminary"),
    )
    for number, row in enumerate(table.rows, 1):
        if row["partner"] not in PARTNERS:
            raise DataError(f"{table.dataset.file}, row {number} (line {number + 1}), column 'partner': expected one of {', '.join(PARTNERS)}, found {row['partner']!r}")
    return table


def _break_year(rows: list[dict]) -> int | None:
    """The first year whose series differs from the year before: the source break."""
    for before, after in zip(rows, rows[1:]):
        if before["series"] != after["series"]:
            return after["year"]
    return None


def figure(table: Table) -> go.Figure:
    traces, annotations, breaks = [], [], set()
    for i, (partner, (colour_name, label)) in enumerate(PARTNERS.items()):
        rows = sorted((r for r in table.rows if r["partner"] == partner and r["reporter"] == "Kazakhstan"), key=lambda r: r["year"])
        colour = theme.colour(colour_name)
        breaks.add(_break_year(rows))
        traces.append(go.Scatter(
            x=[r["year"] for r in rows],
            y=[r["turnover_usd_bn"] for r in rows],
            name=f"{label} (Kazakh figures)",
            mode="lines+markers",
            line=dict(color=colour, width=3 if partner != "World" else 2, dash="solid" if partner != "World" else "dash"),
            marker=dict(size=7, symbol=[theme.SYMBOLS[i] if not r["preliminary"] else f"{theme.SYMBOLS[i]}-open" for r in rows], color=colour),
            customdata=[r["series"] for r in rows],
            hovertemplate=f"{label}, %{{x}}: $%{{y:.1f}} bn<br>%{{customdata}}<extra></extra>",
            showlegend=False,
        ))
        annotations.append(dict(x=rows[-1]["year"], y=rows[-1]["turnover_usd_bn"], xanchor="left", yanchor="middle",
                                text=f" {label}", showarrow=False, font=dict(color=colour, size=13)))
    china_view = sorted((r for r in table.rows if r["reporter"] == "China"), key=lambda r: r["year"])
    if china_view:
        traces.append(go.Scatter(
            x=[r["year"] for r in china_view],
            y=[r["turnover_usd_bn"] for r in china_view],
            name="China as reported by Chinese customs",
            mode="markers",
            marker=dict(size=10, symbol="x-thin", line=dict(width=2.5, color=theme.colour("vermillion"))),
            hovertemplate="China's customs, %{x}: $%{y:.1f} bn<extra></extra>",
        ))
    # One shaded band over the years where the series switch from UN Comtrade to Kazakh statistics.
    shapes, years = [], sorted(b for b in breaks if b)
    if years:
        shapes.append(dict(type="rect", x0=years[0] - 0.5, x1=years[-1] - 0.5 if len(years) > 1 else years[0] - 0.4,
                           y0=0, y1=1, yref="paper", layer="below", line=dict(width=0), fillcolor=theme.colour("grid")))
        annotations.append(dict(x=years[0] - 0.5, y=1, yref="paper", xanchor="right", yanchor="top", showarrow=False,
                                text="sources change ", font=dict(size=11, color=theme.colour("muted"))))
    all_years = [r["year"] for r in table.rows]
    return theme.figure(
        traces,
        yaxis=dict(rangemode="tozero", tickprefix="$", ticksuffix=" bn"),
        xaxis=dict(range=[min(all_years) - 0.5, max(all_years) + 0.5]),
        margin=dict(r=56),
        height=420,
        shapes=shapes,
        annotations=annotations,
        legend=dict(y=1.02),
    )
