"""The official death toll of January 2022 rose from 164 to 238 as the authorities revised it over seven months."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, load as load_dataset
from .table import Table

DATASET = "repression_figures"


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("event", "measure", "value", "reported_on", "figure_type", "reported_by"),
        where=lambda r: r["measure"] == "people killed" and r["event"].startswith("January 2022"),
    )


def figure(table: Table) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: r["reported_on"])
    colour = theme.colour("vermillion")
    steps = go.Scatter(
        x=[r["reported_on"].isoformat() for r in rows],
        y=[r["value"] for r in rows],
        mode="lines+markers+text",
        line=dict(shape="hv", color=colour, width=2.5),
        marker=dict(size=9, color=colour),
        text=[f"{r['value']:g}" for r in rows],
        textposition="top center",
        cliponaxis=False,
        customdata=[r["reported_by"] for r in rows],
        hovertemplate="%{y} killed, as reported on %{x|%d %b %Y}<br>%{customdata}<extra></extra>",
        name="Official death toll",
    )
    return theme.figure(
        [steps],
        showlegend=False,
        yaxis=dict(rangemode="tozero"),
        xaxis=dict(type="date", tickformat="%b %Y", title=dict(text="Date the figure was announced")),
        margin=dict(t=24),
    )
