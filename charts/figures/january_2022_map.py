"""The January 2022 unrest on a map: protests began in the west, spread to every region and were deadliest in Almaty."""

from __future__ import annotations

import plotly.graph_objects as go

from core.locale import date, number

from .. import geo, theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "january_2022_places"
ID = "january_2022_map"
# What was reported (its code) → (key of its legend name in includes/strings, colour, marker): the worse, the larger.
REPORTED = {
    "protests": ("protests", "blue", "circle", 10),
    "protests_violence": ("protests_and_violence", "orange", "diamond", 13),
    "protests_violence_deaths": ("deaths", "vermillion", "square", 15),
}
# Which side of its marker each name goes, so that names of nearby cities never overlap; a phone's map is smaller,
# so the names there are placed differently. Places by GeoNames id: their names are translated.
TEXT_POSITION = {
    "wide": {
        610612: "middle left",
        607610: "bottom right",
        1516905: "middle right",
        1518980: "bottom left",
        1526384: "top center",
        610611: "top center",
        1526273: "top center",
    },
    "narrow": {
        610612: "top center",
        607610: "bottom center",
        1516905: "bottom right",
        1518980: "bottom left",
        1526384: "top center",
        610611: "top center",
        1526273: "top center",
    },
}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(
        load_dataset(DATASET, data_dir),
        ("place", "latitude", "longitude", "reported", "official_deaths", "official_deaths_as_of", "what_was_reported"),
    )


def _label(row: dict, narrow: bool) -> str:
    place = row["place"].split(" (")[0] if narrow else row["place"]
    if row["official_deaths"] is None:
        return place
    return theme.text(
        ID,
        "deaths_label_narrow" if narrow else "deaths_label",
        place=place,
        deaths=number(row["official_deaths"]),
        date=date(row["official_deaths_as_of"].isoformat()[:7]),
    )


def figure(table: Table, narrow: bool = False) -> go.Figure:
    traces = [geo.countries()]
    positions = TEXT_POSITION["narrow" if narrow else "wide"]
    for reported, (key, colour, symbol, size) in REPORTED.items():
        rows = [r for r in table.rows if r["reported"] == reported]
        if not rows:
            continue
        traces.append(
            go.Scattergeo(
                lon=[r["longitude"] for r in rows],
                lat=[r["latitude"] for r in rows],
                text=[_label(r, narrow) for r in rows],
                customdata=[r["what_was_reported"] for r in rows],
                mode="markers+text",
                textposition=[positions.get(r["geonames_id"], "top center") for r in rows],
                textfont=dict(size=theme.SMALLEST if narrow else 13, color=theme.colour("ink")),
                marker=dict(
                    size=size, symbol=symbol, color=theme.colour(colour), line=dict(width=1, color=theme.colour("ink"))
                ),
                name=theme.text(ID, f"reported.{key}"),
                hovertemplate=theme.text(ID, "hover"),
            )
        )
    legend = dict(orientation="h", x=0, y=-0.02, xanchor="left", yanchor="top", font=dict(size=12 if narrow else 13))
    return theme.figure(traces, **geo.layout(narrow, height=310 if narrow else 440, legend=legend, showlegend=True))
