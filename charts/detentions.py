"""Far more people were detained in January 2022 than after the June 2019 election, and the counts for 2022 differ by source."""
from __future__ import annotations

import plotly.graph_objects as go

from . import theme
from .datasets import DATA_DIR, load as load_dataset
from .table import Table

DATASET = "repression_figures"
KIND_COLOUR = {"official": "blue", "media or NGO": "vermillion"}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("event", "measure", "value", "reported_on", "figure_type", "reported_by"),
        where=lambda r: r["measure"] == "people detained",
    )


def figure(table: Table) -> go.Figure:
    events = list(dict.fromkeys(r["event"] for r in sorted(table.rows, key=lambda r: r["reported_on"])))
    traces = []
    for event in events:
        values = [r["value"] for r in table.rows if r["event"] == event]
        if len(values) > 1:
            # The spread of the reported counts, drawn from the lowest to the highest.
            traces.append(go.Scatter(
                x=[min(values), max(values)], y=[event, event], mode="lines", showlegend=False, hoverinfo="skip",
                line=dict(color=theme.colour("grid"), width=10),
            ))
    for i, (kind, colour) in enumerate(KIND_COLOUR.items()):
        rows = [r for r in table.rows if r["figure_type"] == kind]
        traces.append(go.Scatter(
            x=[r["value"] for r in rows],
            y=[r["event"] for r in rows],
            name=f"{kind[0].upper()}{kind[1:]} figure",
            mode="markers",
            marker=dict(size=14, symbol=theme.SYMBOLS[i], color=theme.colour(colour), line=dict(width=1, color=theme.colour("ink"))),
            customdata=[[r["reported_by"], r["reported_on"].isoformat()] for r in rows],
            hovertemplate="%{x:,} detained<br>%{customdata[0]}, %{customdata[1]}<extra></extra>",
        ))
    return theme.figure(
        traces,
        xaxis=dict(rangemode="tozero", tickformat=",", title=dict(text="People detained")),
        yaxis=dict(showgrid=False, categoryorder="array", categoryarray=list(reversed(events))),
        height=300,
    )
