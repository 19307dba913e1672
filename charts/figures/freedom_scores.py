"""Freedom House has rated Kazakhstan "Not Free" every year: scores in the low 20s (country), 30s (internet) of 100."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "freedom_house"
ID = "freedom_scores"
# End labels closer than this (in score points) are moved apart.
GAP = {False: 8, True: 12}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(load_dataset(DATASET, data_dir), ("report", "edition", "score", "status"))


def figure(table: Table, narrow: bool = False) -> go.Figure:
    traces, ends = [], []
    for i, report in enumerate(dict.fromkeys(table.values("report"))):
        rows = sorted((r for r in table.rows if r["report"] == report), key=lambda r: r["edition"])
        colour = theme.colour(theme.SERIES[i])
        traces.append(
            go.Scatter(
                x=[r["edition"] for r in rows],
                y=[r["score"] for r in rows],
                name=table.label(rows[0], "report"),
                mode="lines+markers",
                line=dict(color=colour, width=2.5),
                marker=dict(size=9, symbol=theme.SYMBOLS[i], color=colour),
                customdata=[table.label(r, "status") for r in rows],
                hovertemplate=theme.text(ID, "hover", report=table.label(rows[0], "report")),
                showlegend=False,
            )
        )
        # Each report's name at the end of its line stands in for a legend.
        name = table.label(rows[0], "report")
        ends.append(
            dict(
                x=rows[-1]["edition"], y=rows[-1]["score"], colour=colour, text=theme.wrap(name, 11) if narrow else name
            )
        )
    editions = table.values("edition")
    return theme.figure(
        traces,
        showlegend=False,
        annotations=theme.end_labels(ends, GAP[narrow], low=0, high=100, size=theme.SMALLEST if narrow else 13),
        margin=dict(r=84 if narrow else 150),
        yaxis=dict(range=[0, 100], dtick=25 if narrow else 20),
        # Every edition on a laptop; every other one on a phone, so that the years never touch.
        xaxis=dict(dtick=2 if narrow else 1, range=[min(editions) - 0.5, max(editions) + 0.5]),
        height=320 if narrow else 380,
    )
