"""The ruling party or the incumbent won a majority in every national election, 2016–2023; turnout rose and fell."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "elections"
ID = "election_trend"
SYMBOL = {"parliamentary": "circle", "presidential": "diamond"}
# The two lines end close together (2023): their end labels are kept this far apart, in percentage points.
GAP = {False: 9, True: 14}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("election_date", "election", "kind", "winner", "winner_share_pct", "turnout_pct"),
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    rows = sorted(table.rows, key=lambda r: r["election_date"])
    x = [r["election_date"].isoformat() for r in rows]
    symbols = [SYMBOL[r["kind"]] for r in rows]
    labels = [f"{r['election']}<br>{r['winner']}" for r in rows]
    suffix = "_narrow" if narrow else ""
    series = [
        (theme.text(ID, "winner_share"), theme.text(ID, f"winner_share_label{suffix}"), "winner_share_pct", "blue"),
        (theme.text(ID, "turnout"), theme.text(ID, f"turnout_label{suffix}"), "turnout_pct", "vermillion"),
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
            hovertemplate=theme.text(ID, "hover", name=name),
            showlegend=False,
        )
        for name, _, column, colour in series
    ]
    # The lines' names at their ends stand in for a legend: both lines meet at the last election.
    ends = [
        dict(x=x[-1], y=rows[-1][column], text=label, colour=theme.colour(colour), xshift=10)
        for _, label, column, colour in series
    ]
    # Half a year before the first election, so that its marker is never cut; room after the last for the labels.
    first, last = rows[0]["election_date"], rows[-1]["election_date"]
    span = [f"{first.year - 1}-07-01", f"{last.year}-07-01"]
    return theme.figure(
        traces,
        showlegend=False,
        yaxis=dict(range=[0, 100], ticksuffix="%", dtick=25 if narrow else 20),
        # A phone has room for every other year.
        xaxis=dict(type="date", tickformat="%Y", dtick="M24" if narrow else "M12", showgrid=False, range=span),
        annotations=theme.end_labels(ends, GAP[narrow], low=0, high=100, size=theme.SMALLEST if narrow else 13),
        margin=dict(r=78 if narrow else 112),
        height=340 if narrow else 380,
    )
