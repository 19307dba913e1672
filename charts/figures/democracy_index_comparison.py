"""The same countries on a second index, the EIU's Democracy Index, with each score the EIU's regime band."""

from __future__ import annotations

import plotly.graph_objects as go

from core.locale import number

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "democracy_index"
ID = "democracy_index_comparison"
# The EIU's regime bands on its 0-10 scale (Democracy Index methodology): lower bound → key of the band's name.
BANDS = ((0, "authoritarian"), (4, "hybrid"), (6, "flawed"), (8, "full"))
TOP = 10
# Every other band is shaded, so that the bands read without lines running through the labels.
SHADE = 0.45


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(load_dataset(DATASET, data_dir), ("country", "edition", "score", "regime_type"))


def figure(table: Table, narrow: bool = False) -> go.Figure:
    scored = sorted((r for r in table.rows if r["score"] is not None), key=lambda r: r["score"])
    # Countries without a sourced score go at the bottom, in the data's order, each marked as a gap.
    gaps = [r for r in table.rows if r["score"] is None]
    rows = list(reversed(gaps)) + scored
    countries = [theme.country(r) for r in rows]
    # Kazakhstan at full strength and in bold, the others paler: as on the Freedom in the World chart.
    dots = go.Scatter(
        x=[r["score"] for r in scored],
        y=[theme.country(r) for r in scored],
        mode="markers+text",
        marker=dict(
            size=13,
            color=theme.colour("blue"),
            opacity=[theme.strength(r) for r in scored],
            line=dict(width=1, color=theme.colour("ink")),
        ),
        # Two decimals, as the EIU publishes its scores (7.40, not 7.4).
        text=[number(r["score"], 2) for r in scored],
        textposition="middle right",
        textfont=dict(size=12 if narrow else 13, color=theme.colour("ink")),
        cliponaxis=False,
        customdata=[table.label(r, "regime_type") for r in scored],
        hovertemplate=theme.text(ID, "hover"),
        showlegend=False,
    )
    suffix = "_narrow" if narrow else ""
    shapes, annotations = [], []
    for band, (low, key) in enumerate(BANDS):
        high = next((b for b, _ in BANDS if b > low), TOP)
        if band % 2:
            shapes.append(
                dict(
                    type="rect",
                    layer="below",
                    x0=low,
                    x1=high,
                    y0=0,
                    y1=1,
                    yref="paper",
                    line=dict(width=0),
                    fillcolor=theme.colour("grid"),
                    opacity=SHADE,
                )
            )
        annotations.append(
            dict(
                x=(low + high) / 2,
                y=1,
                yref="paper",
                yanchor="bottom",
                # On a phone the bands are too narrow for their names side by side: every other one sits higher.
                yshift=18 if narrow and band % 2 else 0,
                showarrow=False,
                text=theme.text(ID, f"bands{suffix}.{key}"),
                font=dict(size=theme.SMALLEST, color=theme.colour("muted")),
            )
        )
    for r in gaps:
        annotations.append(
            dict(
                x=0,
                y=theme.country(r),
                xanchor="left",
                showarrow=False,
                text=theme.text(ID, "gap"),
                font=dict(size=theme.SMALLEST, color=theme.colour("muted")),
            )
        )
    return theme.figure(
        [dots],
        # The shaded bands stand in for vertical grid lines.
        xaxis=dict(range=[0, TOP], dtick=2, showgrid=False, title=dict(text=theme.text(ID, f"axis_x{suffix}"))),
        yaxis=dict(
            showgrid=True,
            categoryorder="array",
            categoryarray=countries,
            tickmode="array",
            tickvals=countries,
            ticktext=[theme.country_label(r) for r in rows],
            tickfont=dict(size=12 if narrow else 13),
        ),
        margin=dict(t=(56 if narrow else 32), r=16),
        shapes=shapes,
        annotations=annotations,
        showlegend=False,
        height=540 if narrow else 500,
    )
