"""Officials' counts of cameras in Kazakhstan's public networks, each labelled with what it covers: one city's
network in 2018, more than a million cameras nationwide in 2024 and 2025."""

from __future__ import annotations

import plotly.graph_objects as go

from core.locale import date, number

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "kazakhstan_cameras"
ID = "kazakhstan_cameras"
# What a count covers (its code) → its colour: the capital's network, all cameras, those linked to the police.
COLOURS = {"sergek": "orange", "all": "blue", "linked": "green"}
MILLION = 1_000_000


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(load_dataset(DATASET, data_dir), ("reported_on", "area", "counted", "cameras", "reported_by"))


def amount(cameras: int) -> str:
    """A count as the reports give it: 6,335, 310,000, 1.36 million."""
    if cameras >= MILLION:
        return theme.text(ID, "million", value=theme.short(cameras / MILLION))
    return number(cameras)


def figure(table: Table, narrow: bool = False) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: (r["reported_on"], list(COLOURS).index(r["counted"])))
    names = [
        theme.text(
            ID,
            "row",
            counted=theme.wrap(table.label(r, "counted"), 18) if narrow else table.label(r, "counted"),
            date=date(r["reported_on"].isoformat()[:7]),
        )
        for r in rows
    ]
    bars = go.Bar(
        x=[r["cameras"] for r in rows],
        y=names,
        orientation="h",
        marker=dict(color=[theme.colour(COLOURS[r["counted"]]) for r in rows], line=dict(width=0)),
        text=[amount(r["cameras"]) for r in rows],
        textposition="outside",
        textfont=dict(size=theme.SMALLEST if narrow else 13, color=theme.colour("ink")),
        cliponaxis=False,
        customdata=[r["reported_by"] for r in rows],
        hovertemplate=theme.text(ID, "hover"),
        showlegend=False,
    )
    ticks = [0, 500_000, 1_000_000, 1_500_000]
    return theme.figure(
        [bars],
        bargap=0.3,
        xaxis=dict(
            range=[0, 2_200_000 if narrow else 1_750_000],
            tickvals=ticks[::2] if narrow else ticks,
            ticktext=[amount(t) if t else "0" for t in (ticks[::2] if narrow else ticks)],
            title=dict(text=theme.text(ID, "axis_x")),
        ),
        # The first count at the top, the latest at the bottom.
        yaxis=dict(showgrid=False, categoryorder="array", categoryarray=list(reversed(names)), tickfont=dict(size=12)),
        margin=dict(r=8),
        height=380 if narrow else 320,
    )
