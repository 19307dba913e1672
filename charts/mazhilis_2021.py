"""Nur Otan won about seven in ten party-list votes in January 2021; two of five parties fell below the 7% threshold."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, DataError, load as load_dataset
from .table import Table

DATASET = "mazhilis_2021_results"


def load(data_dir=DATA_DIR) -> Table:
    table = Table.select(load_dataset(DATASET, data_dir), ("party", "votes", "share_pct", "seats", "threshold_pct"))
    if len(set(table.values("threshold_pct"))) != 1:
        raise DataError(f"{table.dataset.file}, column 'threshold_pct': expected one threshold for the whole election")
    if sum(table.values("share_pct")) > 100.05:
        raise DataError(f"{table.dataset.file}, column 'share_pct': shares add up to more than 100%")
    return table


def figure(table: Table) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: r["share_pct"])
    threshold = rows[0]["threshold_pct"]
    won = theme.colour("blue")
    lost = theme.colour("grey")
    bars = go.Bar(
        x=[r["share_pct"] for r in rows],
        y=[r["party"] for r in rows],
        orientation="h",
        marker=dict(color=[won if r["seats"] else lost for r in rows]),
        text=[f"{r['share_pct']:g}% · {r['seats']} seats" for r in rows],
        textposition="outside",
        cliponaxis=False,
        customdata=[r["votes"] for r in rows],
        hovertemplate="%{y}<br>%{x:.2f}% of party-list votes<br>%{customdata:,} votes<extra></extra>",
        name="Share of party-list votes",
    )
    return theme.figure(
        [bars],
        xaxis=dict(range=[0, 100], ticksuffix="%", title=dict(text="Share of valid party-list votes")),
        yaxis=dict(showgrid=False),
        margin=dict(r=24),
        showlegend=False,
        shapes=[dict(type="line", layer="below", x0=threshold, x1=threshold, y0=-0.5, y1=len(rows) - 0.5,
                     line=dict(color=theme.colour("vermillion"), width=2, dash="dash"))],
        annotations=[dict(x=threshold, y=len(rows) - 0.5, yanchor="bottom", xanchor="left", showarrow=False,
                          text=f" {threshold:g}% threshold for seats", font=dict(color=theme.colour("vermillion"), size=12))],
    )
