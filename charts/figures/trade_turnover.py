"""The EU27 has been Kazakhstan's largest trading partner since 2011, China gaining on Russia; trade fell in 2015-16."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "trade_turnover"
ID = "trade_turnover"
# partner code in the data → (colour, key of its label in includes/strings).
PARTNERS = {
    "WLD": ("grey", "world"),
    "EU27": ("blue", "eu27"),
    "CHN": ("vermillion", "china"),
    "RUS": ("green", "russia"),
}
# End labels closer than this share of the highest value are moved apart (a phone's plot is shorter).
GAP = {False: 0.075, True: 0.1}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("year", "partner", "reporter", "turnover_usd_bn", "series", "preliminary"),
    )


def _break_year(rows: list[dict]) -> int | None:
    """The first year whose series differs from the year before: the source break."""
    for before, after in zip(rows, rows[1:], strict=False):
        if before["series"] != after["series"]:
            return after["year"]
    return None


def figure(table: Table, narrow: bool = False) -> go.Figure:
    traces, ends, breaks = [], [], set()
    for i, (partner, (colour_name, key)) in enumerate(PARTNERS.items()):
        label = theme.text(ID, key)
        rows = sorted(
            (r for r in table.rows if r["partner"] == partner and r["reporter"] == "KAZ"),
            key=lambda r: r["year"],
        )
        total = partner == "WLD"
        colour = theme.colour(colour_name)
        breaks.add(_break_year(rows))
        traces.append(
            go.Scatter(
                x=[r["year"] for r in rows],
                y=[r["turnover_usd_bn"] for r in rows],
                name=theme.text(ID, "series", label=label),
                mode="lines+markers",
                line=dict(color=colour, width=2 if total else 3, dash="dash" if total else "solid"),
                # Open markers: preliminary figures.
                marker=dict(
                    size=6 if narrow else 7,
                    color=colour,
                    symbol=[f"{theme.SYMBOLS[i]}-open" if r["preliminary"] else theme.SYMBOLS[i] for r in rows],
                ),
                customdata=[table.label(r, "series") for r in rows],
                hovertemplate=theme.text(ID, "hover", label=label),
                showlegend=False,
            )
        )
        # The line's name at its end: the chart's legend, which the reader never has to look up.
        ends.append(dict(x=rows[-1]["year"], y=rows[-1]["turnover_usd_bn"], text=label, colour=colour))
    top = max(r["turnover_usd_bn"] for r in table.rows)
    annotations = theme.end_labels(ends, GAP[narrow] * top, low=0, size=theme.SMALLEST if narrow else 13)
    china_view = sorted((r for r in table.rows if r["reporter"] == "CHN"), key=lambda r: r["year"])
    if china_view:
        traces.append(
            go.Scatter(
                x=[r["year"] for r in china_view],
                y=[r["turnover_usd_bn"] for r in china_view],
                name=theme.wrap(theme.text(ID, "china_customs"), 24) if narrow else theme.text(ID, "china_customs"),
                mode="markers",
                marker=dict(size=10, symbol="x-thin", line=dict(width=2.5, color=theme.colour("vermillion"))),
                hovertemplate=theme.text(ID, "hover_china"),
            )
        )
    # One shaded band over the years where the series switch from UN Comtrade to Kazakh statistics.
    shapes, years = [], sorted(b for b in breaks if b)
    if years:
        shapes.append(
            dict(
                type="rect",
                x0=years[0] - 0.5,
                x1=years[-1] - 0.5 if len(years) > 1 else years[0] - 0.4,
                y0=0,
                y1=1,
                yref="paper",
                layer="below",
                line=dict(width=0),
                fillcolor=theme.colour("grid"),
            )
        )
        annotations.append(
            dict(
                x=years[0] - 0.5,
                y=1,
                yref="paper",
                xanchor="right",
                yanchor="top",
                showarrow=False,
                text=theme.text(ID, "sources_change"),
                font=dict(size=theme.SMALLEST, color=theme.colour("muted")),
            )
        )
    all_years = [r["year"] for r in table.rows]
    return theme.figure(
        traces,
        yaxis=dict(
            rangemode="tozero",
            tickprefix=theme.text(ID, "tick_prefix"),
            ticksuffix=theme.text(ID, "tick_suffix"),
            nticks=5 if narrow else None,
        ),
        # Every fourth year on a phone, every second on a laptop.
        xaxis=dict(range=[min(all_years) - 0.5, max(all_years) + 0.5], dtick=4 if narrow else 2),
        # Room on the right for the end labels, which stand in for a legend.
        margin=dict(r=60),
        height=380 if narrow else 420,
        shapes=shapes,
        annotations=annotations,
        legend=dict(y=1.02),
    )
