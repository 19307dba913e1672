"""Counts of political prisoners depend on who compiles them; each compiler's figures are shown as separate points."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "political_prisoners"
ID = "political_prisoners"


def load(data_dir=DATA_DIR) -> Table:
    # The table shows each count's date as the compiler gives it; `as_of` only places the point on the axis.
    return Table.select(load_dataset(DATASET, data_dir), ("dated", "count", "compiled_by", "what_is_counted"))


def figure(table: Table, narrow: bool = False) -> go.Figure:
    traces = []
    # Markers only: the compilers count in different ways, so no line joins their figures.
    for i, compiler in enumerate(dict.fromkeys(table.values("compiled_by"))):
        rows = sorted((r for r in table.rows if r["compiled_by"] == compiler), key=lambda r: r["as_of"])
        colour = theme.colour(theme.SERIES[i])
        traces.append(
            go.Scatter(
                x=[r["as_of"].isoformat() for r in rows],
                y=[r["count"] for r in rows],
                # A phone's legend lists the compilers one under another, each name on at most two lines.
                name=theme.wrap(compiler, 30) if narrow else compiler,
                mode="markers+text",
                marker=dict(size=13, symbol=theme.SYMBOLS[i], color=colour),
                text=[theme.short(r["count"]) for r in rows],
                textposition="top center",
                cliponaxis=False,
                customdata=[[r["dated"], r["what_is_counted"]] for r in rows],
                hovertemplate=theme.text(ID, "hover", compiler=compiler),
            )
        )
    dates = sorted(table.values("as_of"))
    span = [f"{dates[0].year - 1}-07-01", f"{dates[-1].year}-07-01"]
    return theme.figure(
        traces,
        yaxis=dict(rangemode="tozero"),
        xaxis=dict(type="date", tickformat="%Y", dtick="M24" if narrow else "M12", range=span),
        legend=dict(orientation="v", y=1.02) if narrow else dict(y=1.08),
        margin=dict(t=40),
        height=400 if narrow else 380,
    )
