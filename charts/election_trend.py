"""The ruling party's or incumbent's share stayed between about 54% and 82% from 2016 to 2023, while turnout fell."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, load as load_dataset
from .table import Table

DATASET = "elections"
SYMBOL = {"parliamentary": "circle", "presidential": "diamond"}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("election_date", "election", "kind", "winner", "winner_share_pct", "turnout_pct"),
    )


def figure(table: Table) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: r["election_date"])
    x = [r["election_date"].isoformat() for r in rows]
    symbols = [SYMBOL[r["kind"]] for r in rows]
    labels = [f"{r['election']}<br>{r['winner']}" for r in rows]
    series = [
        ("Winner's share of the vote", "winner_share_pct", "blue"),
        ("Turnout", "turnout_pct", "vermillion"),
    ]
    traces = [
        go.Scatter(
            x=x,
            y=[r[column] for r in rows],
            name=name,
            mode="lines+markers",
            line=dict(color=theme.colour(colour), width=2.5, dash="solid" if colour == "blue" else "dot"),
            marker=dict(size=11, symbol=symbols, color=theme.colour(colour)),
            customdata=labels,
            hovertemplate=f"%{{customdata}}<br>{name}: %{{y:.1f}}%<extra></extra>",
        )
        for name, column, colour in series
    ]
    return theme.figure(
        traces,
        yaxis=dict(range=[0, 100], ticksuffix="%"),
        xaxis=dict(type="date", tickformat="%Y", dtick="M12", showgrid=False),
    )
