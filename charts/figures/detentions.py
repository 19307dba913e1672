"""Far more people were detained in January 2022 than after the June 2019 election; the 2022 counts differ by source."""

from __future__ import annotations

import plotly.graph_objects as go

from core.locale import date

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "repression_figures"
ID = "detentions"
# figure_type in the data → (colour, key of its legend name in includes/strings).
KINDS = {"official": ("blue", "official"), "media_or_ngo": ("vermillion", "media_or_ngo")}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("event", "measure", "value", "reported_on", "figure_type", "reported_by"),
        where=lambda r: r["measure"] == "detained",
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    ordered = sorted(table.rows, key=lambda r: r["reported_on"])
    events = list(dict.fromkeys(r["event"] for r in ordered))
    names = {r["event"]: table.label(r, "event") for r in ordered}
    # On a phone each event's name takes two short lines, leaving the width to the dots.
    label = {event: theme.wrap(names[event], 12) if narrow else names[event] for event in events}
    traces = []
    for event in events:
        values = [r["value"] for r in table.rows if r["event"] == event]
        if len(values) > 1:
            # The spread of the reported counts, drawn from the lowest to the highest.
            traces.append(
                go.Scatter(
                    x=[min(values), max(values)],
                    y=[label[event]] * 2,
                    mode="lines",
                    showlegend=False,
                    hoverinfo="skip",
                    line=dict(color=theme.colour("grid"), width=10),
                )
            )
    for i, (kind, (colour, key)) in enumerate(KINDS.items()):
        rows = [r for r in table.rows if r["figure_type"] == kind]
        traces.append(
            go.Scatter(
                x=[r["value"] for r in rows],
                y=[label[r["event"]] for r in rows],
                name=theme.text(ID, key),
                mode="markers",
                marker=dict(
                    size=14,
                    symbol=theme.SYMBOLS[i],
                    color=theme.colour(colour),
                    line=dict(width=1, color=theme.colour("ink")),
                ),
                customdata=[[r["reported_by"], date(r["reported_on"])] for r in rows],
                hovertemplate=theme.text(ID, "hover"),
            )
        )
    return theme.figure(
        traces,
        xaxis=dict(
            rangemode="tozero", tickformat=",", nticks=4 if narrow else None, title=dict(text=theme.text(ID, "axis_x"))
        ),
        yaxis=dict(showgrid=False, categoryorder="array", categoryarray=[label[e] for e in reversed(events)]),
        height=300,
    )
