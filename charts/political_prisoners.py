"""Counts of political prisoners depend on who compiles them; each compiler's figures are shown as separate points."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, load as load_dataset
from .table import Table

DATASET = "political_prisoners"


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(load_dataset(DATASET, data_dir), ("as_of", "count", "compiled_by", "what_is_counted"))


def figure(table: Table) -> go.Figure:
    traces = []
    # Markers only: the compilers count in different ways, so no line joins their figures.
    for i, compiler in enumerate(dict.fromkeys(table.values("compiled_by"))):
        rows = sorted((r for r in table.rows if r["compiled_by"] == compiler), key=lambda r: r["as_of"])
        colour = theme.colour(theme.SERIES[i])
        traces.append(go.Scatter(
            x=[r["as_of"].isoformat() for r in rows],
            y=[r["count"] for r in rows],
            name=compiler,
            mode="markers+text",
            marker=dict(size=13, symbol=theme.SYMBOLS[i], color=colour),
            text=[str(r["count"]) for r in rows],
            textposition="top center",
            cliponaxis=False,
            customdata=[r["what_is_counted"] for r in rows],
            hovertemplate="%{y} on %{x|%d %b %Y}<br>%{customdata}<extra>" + compiler + "</extra>",
        ))
    return theme.figure(
        traces,
        yaxis=dict(rangemode="tozero"),
        xaxis=dict(type="date", tickformat="%Y", dtick="M12"),
        legend=dict(y=1.08),
        margin=dict(t=40),
    )
