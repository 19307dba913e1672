"""The five Central Asian states' Freedom in the World totals since the 2013 edition: all below 40, most falling."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "fiw_comparison"
ID = "freedom_trend_central_asia"
# The five Central Asian states, Kazakhstan first so that it takes the first series colour and shape.
CENTRAL_ASIA = ("KAZ", "KGZ", "UZB", "TJK", "TKM")
# The y axis stops here (scores are out of 100; the subtitle says so): room enough for the highest line.
TOP = 50
# End labels closer than this (in points) are pushed apart, so that they never overlap.
GAP = {False: 3.4, True: 4.4}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("country", "edition", "status", "political_rights", "civil_liberties", "total"),
        where=lambda r: r["iso3"] in CENTRAL_ASIA,
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    traces, ends = [], []
    for i, code in enumerate(CENTRAL_ASIA):
        rows = sorted((r for r in table.rows if r["iso3"] == code), key=lambda r: r["edition"])
        if not rows:
            continue
        main = code == theme.HIGHLIGHT
        name = theme.country(rows[0])
        colour = theme.colour(theme.SERIES[i])
        traces.append(
            go.Scatter(
                x=[r["edition"] for r in rows],
                y=[r["total"] for r in rows],
                name=name,
                mode="lines+markers",
                line=dict(color=colour, width=3.5 if main else 2),
                marker=dict(size=8 if main else 6, symbol=theme.SYMBOLS[i], color=colour),
                customdata=[table.label(r, "status") for r in rows],
                hovertemplate=theme.text(ID, "hover", country=name),
            )
        )
        last = rows[-1]
        ends.append(
            dict(
                x=last["edition"],
                y=last["total"],
                colour=colour,
                text=theme.text(ID, "end_label", country=theme.country_label(last), total=last["total"]),
            )
        )
    annotations = theme.end_labels(ends, GAP[narrow], low=0, high=TOP, size=12 if narrow else 13)
    editions = table.values("edition")
    return theme.figure(
        traces,
        showlegend=False,
        yaxis=dict(range=[0, TOP], dtick=10, title=dict(text=theme.text(ID, "axis_y"))),
        # Every edition on a laptop would crowd the axis: every second one, every fourth on a phone.
        xaxis=dict(
            # On a phone the first year's label needs more room beside the y axis's.
            range=[min(editions) - (1.2 if narrow else 0.5), max(editions) + 0.5],
            tick0=min(editions),
            dtick=4 if narrow else 2,
            showgrid=False,
        ),
        # Room on the right for the end labels, which stand in for a legend.
        margin=dict(r=114 if narrow else 118),
        annotations=annotations,
        height=380 if narrow else 400,
    )
