"""Kazakhstan's Freedom in the World score beside its neighbours' and four EU members', split into its two parts."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "fiw_comparison"
ID = "freedom_comparison"


def load(data_dir=DATA_DIR) -> Table:
    dataset = load_dataset(DATASET, data_dir)
    latest = max(row["edition"] for row in dataset.rows)
    return Table.select(
        dataset,
        ("country", "edition", "status", "political_rights", "civil_liberties", "total"),
        where=lambda r: r["edition"] == latest,
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    # Lowest score at the bottom, highest at the top; ties keep the data's order.
    rows = sorted(table.rows, key=lambda r: r["total"])
    # Countries named in the reader's language; Kazakhstan at full strength and in bold, as on the EIU chart.
    countries = [theme.country(r) for r in rows]
    opacity = [theme.strength(r) for r in rows]
    parts = [
        ("political_rights", "blue", theme.text(ID, "political_rights"), theme.text(ID, "hover_political_rights")),
        ("civil_liberties", "orange", theme.text(ID, "civil_liberties"), theme.text(ID, "hover_civil_liberties")),
    ]
    traces = [
        go.Bar(
            x=[r[column] for r in rows],
            y=countries,
            orientation="h",
            name=name,
            marker=dict(color=theme.colour(colour), opacity=opacity, line=dict(width=0)),
            hovertemplate=hover,
        )
        for column, colour, name, hover in parts
    ]
    # The total and the status, written just past the end of each bar. A political-rights score below zero is
    # drawn left of the axis, so that bar ends at the civil-liberties score, not at the total.
    traces.append(
        go.Scatter(
            x=[r["total"] if r["political_rights"] >= 0 else r["civil_liberties"] for r in rows],
            y=countries,
            mode="text",
            # A phone's picture is narrow: a language with long status words breaks the label in two there.
            text=[
                theme.text(ID, "label_narrow" if narrow else "label", total=r["total"], status=table.label(r, "status"))
                for r in rows
            ],
            textposition="middle right",
            textfont=dict(size=12 if narrow else 13, color=theme.colour("ink")),
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    return theme.figure(
        traces,
        barmode="relative",
        bargap=0.3,
        # Room left of zero for a score below zero (see the notes) and right of 100 for the labels.
        xaxis=dict(
            range=[-5, 175 if narrow else 128],
            tickvals=[0, 50, 100] if narrow else [0, 20, 40, 60, 80, 100],
            title=dict(text=theme.text(ID, "axis_x_narrow" if narrow else "axis_x")),
        ),
        yaxis=dict(
            showgrid=False,
            categoryorder="array",
            categoryarray=countries,
            tickmode="array",
            tickvals=countries,
            ticktext=[theme.country_label(r) for r in rows],
            tickfont=dict(size=12 if narrow else 13),
        ),
        legend=dict(orientation="v", y=1.01) if narrow else dict(y=1.01),
        margin=dict(t=56 if narrow else 32),
        height=560 if narrow else 520,
    )
