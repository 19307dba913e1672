"""Nur Otan won about seven in ten party-list votes in January 2021; two of five parties fell below the 7% threshold."""

from __future__ import annotations

import plotly.graph_objects as go

from core.errors import DataError
from core.locale import number

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "mazhilis_2021_results"
ID = "mazhilis_2021"


def load(data_dir=DATA_DIR) -> Table:
    table = Table.select(load_dataset(DATASET, data_dir), ("party", "votes", "share_pct", "seats", "threshold_pct"))
    if len(set(table.values("threshold_pct"))) != 1:
        raise DataError(
            "expected one threshold for the whole election", file=table.dataset.file, column="threshold_pct"
        )
    if sum(table.values("share_pct")) > 100.05:
        raise DataError("shares add up to more than 100%", file=table.dataset.file, column="share_pct")
    return table


def figure(table: Table, narrow: bool = False) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: r["share_pct"])
    threshold = rows[0]["threshold_pct"]
    won = theme.colour("blue")
    lost = theme.colour("grey")
    suffix = "_narrow" if narrow else ""
    labels = [
        theme.text(ID, f"bar_label{suffix}", share=theme.short(r["share_pct"]), seats=number(r["seats"])) for r in rows
    ]
    names = [theme.wrap(r["party"], 14) if narrow else r["party"] for r in rows]
    bars = go.Bar(
        x=[r["share_pct"] for r in rows],
        # On a phone the long party names take two lines, so that the bars keep most of the width.
        y=names,
        orientation="h",
        marker=dict(color=[won if r["seats"] else lost for r in rows]),
        customdata=[r["votes"] for r in rows],
        hovertemplate=theme.text(ID, "hover"),
        name=theme.text(ID, "series"),
    )
    # Each bar's share and seats, written after the bar, or after the threshold line for a party below it, so that
    # the dashed line never runs through a label.
    notes = [
        dict(
            x=max(r["share_pct"], threshold),
            y=name,
            xanchor="left",
            xshift=5,
            align="left",
            showarrow=False,
            text=label,
            font=dict(size=theme.SMALLEST if narrow else 14, color=theme.colour("ink")),
        )
        for r, name, label in zip(rows, names, labels, strict=True)
    ]
    return theme.figure(
        [bars],
        # Room to the right of the longest bar for its label.
        xaxis=dict(
            range=[0, 132 if narrow else 100],
            ticksuffix="%",
            tickvals=[0, 25, 50, 75, 100],
            title=dict(text=theme.text(ID, f"axis_x{suffix}")),
        ),
        yaxis=dict(showgrid=False, tickfont=dict(size=theme.SMALLEST)),
        margin=dict(r=8 if narrow else 24, t=28 if narrow else 8),
        height=380,
        showlegend=False,
        shapes=[
            dict(
                type="line",
                layer="below",
                x0=threshold,
                x1=threshold,
                y0=-0.5,
                y1=len(rows) - 0.5,
                line=dict(color=theme.colour("vermillion"), width=2, dash="dash"),
            )
        ],
        annotations=notes
        + [
            dict(
                x=threshold,
                y=len(rows) - 0.5,
                yanchor="bottom",
                xanchor="left",
                showarrow=False,
                text=theme.text(ID, f"threshold{suffix}", threshold=theme.short(threshold)),
                font=dict(color=theme.colour("vermillion"), size=theme.SMALLEST),
            )
        ],
    )
