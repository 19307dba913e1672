"""The official death toll of January 2022 changed little as it was revised: from 225 to 238 in seven months."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "repression_figures"
ID = "january_2022_deaths"


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("event", "measure", "value", "reported_on", "figure_type", "reported_by"),
        where=lambda r: r["measure"] == "killed" and r["event"] == "january_2022",
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: r["reported_on"])
    colour = theme.colour("vermillion")
    steps = go.Scatter(
        x=[r["reported_on"].isoformat() for r in rows],
        y=[r["value"] for r in rows],
        mode="lines+markers+text",
        line=dict(shape="hv", color=colour, width=2.5),
        marker=dict(size=9, color=colour),
        text=[theme.short(r["value"]) for r in rows],
        textposition="top center",
        textfont=dict(size=12 if narrow else 14),
        cliponaxis=False,
        customdata=[r["reported_by"] for r in rows],
        hovertemplate=theme.text(ID, "hover"),
        name=theme.text(ID, "series"),
    )
    return theme.figure(
        [steps],
        showlegend=False,
        yaxis=dict(rangemode="tozero"),
        # Fewer month labels on a phone, so that they never run into each other.
        xaxis=dict(
            type="date", tickformat="%b %Y", nticks=4 if narrow else None, title=dict(text=theme.text(ID, "axis_x"))
        ),
        margin=dict(t=24, r=24 if narrow else 8),
        height=300 if narrow else 380,
    )
