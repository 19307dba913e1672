"""Two firms' estimates put China and the United States close together in surveillance cameras per person."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "camera_density"
ID = "camera_density"
# Each firm's estimate is its own series, in its own colour, its two bars side by side: firm's code → colour.
FIRMS = {"ihs_markit": "blue", "precisesecurity": "orange"}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir), ("country", "estimated_by", "year", "people_per_camera", "cameras_per_100")
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    traces, order = [], []
    for code, colour in FIRMS.items():
        rows = [r for r in table.rows if r["estimated_by"] == code]
        firm = table.label(rows[0], "estimated_by")
        # Each bar names its country and the firm whose estimate it is, so no legend is needed.
        row = "row_narrow" if narrow else "row"
        names = [theme.text(ID, row, country=theme.country(r), firm=firm, year=r["year"]) for r in rows]
        order += names
        traces.append(
            go.Bar(
                x=[r["cameras_per_100"] for r in rows],
                y=names,
                orientation="h",
                name=firm,
                marker=dict(color=theme.colour(colour), line=dict(width=0)),
                text=[table.label(r, "cameras_per_100") for r in rows],
                textposition="outside",
                textfont=dict(size=theme.SMALLEST if narrow else 13, color=theme.colour("ink")),
                cliponaxis=False,
                customdata=[[firm, r["year"]] for r in rows],
                hovertemplate=theme.text(ID, "hover"),
            )
        )
    top = max(r["cameras_per_100"] for r in table.rows)
    return theme.figure(
        traces,
        bargap=0.3,
        showlegend=False,
        # Room right of the longest bar for its value.
        xaxis=dict(
            range=[0, top * (1.3 if narrow else 1.15)],
            dtick=10,
            title=dict(text=theme.text(ID, "axis_x_narrow" if narrow else "axis_x")),
        ),
        yaxis=dict(
            showgrid=False,
            categoryorder="array",
            categoryarray=list(reversed(order)),
            tickfont=dict(size=theme.SMALLEST if narrow else 13),
        ),
        margin=dict(r=8),
        height=340 if narrow else 280,
    )
