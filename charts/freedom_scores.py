"""Freedom House has rated Kazakhstan "Not Free" every year, with scores in the low 20s (country) and 30s (internet) out of 100."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, load as load_dataset
from .table import Table

DATASET = "freedom_house"


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(load_dataset(DATASET, data_dir), ("report", "edition", "score", "status"))


def figure(table: Table) -> go.Figure:
    traces = []
    for i, report in enumerate(dict.fromkeys(table.values("report"))):
        rows = sorted((r for r in table.rows if r["report"] == report), key=lambda r: r["edition"])
        colour = theme.colour(theme.SERIES[i])
        traces.append(go.Scatter(
            x=[r["edition"] for r in rows],
            y=[r["score"] for r in rows],
            name=report,
            mode="lines+markers",
            line=dict(color=colour, width=2.5),
            marker=dict(size=9, symbol=theme.SYMBOLS[i], color=colour),
            customdata=[r["status"] for r in rows],
            hovertemplate=f"{report} %{{x}}<br>Score %{{y}} of 100 (%{{customdata}})<extra></extra>",
        ))
    return theme.figure(
        traces,
        yaxis=dict(range=[0, 100]),
        xaxis=dict(dtick=1),
    )
