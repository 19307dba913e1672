"""Where Kazakhstan is: between Russia and China, above the Central Asian states, with the places the chapters name."""

from __future__ import annotations

import plotly.graph_objects as go

from .. import geo, theme
from ..datasets import DATA_DIR
from ..datasets import load as load_dataset
from ..table import Table

DATASET = "places"
ID = "locator_map"
# Where each country's name fits inside it on this map (longitude, latitude): layout, not data.
LABELS = {
    "wide": {
        "KAZ": (66.5, 48.3),
        "RUS": (62, 55.3),
        "CHN": (84.5, 40.5),
        "UZB": (63.8, 41.4),
        "KGZ": (74.6, 40.9),
        "TJK": (70.8, 38.6),
        "TKM": (58.6, 38.9),
    },
    # A phone has room for the large countries only.
    "narrow": {"KAZ": (66.5, 48.3), "RUS": (62, 55), "CHN": (84.5, 40.5), "UZB": (63.8, 41.4)},
}
# Which side of its marker each name goes, so that no two names overlap (places by GeoNames id: names are translated).
TEXT_POSITION = {
    1526273: "top center",
    1526384: "bottom center",
    607610: "bottom center",
    1522684: "top center",
}


def load(data_dir=DATA_DIR) -> Table:
    return Table.select(load_dataset(DATASET, data_dir), ("place", "kind", "latitude", "longitude", "why_on_the_map"))


def figure(table: Table, narrow: bool = False) -> go.Figure:
    names = {code: theme.text(ID, f"countries.{code}") for code in LABELS["wide"]}
    places = go.Scattergeo(
        lon=[r["longitude"] for r in table.rows],
        lat=[r["latitude"] for r in table.rows],
        text=[r["place"] for r in table.rows],
        customdata=[r["why_on_the_map"] for r in table.rows],
        mode="markers+text",
        textposition=[TEXT_POSITION.get(r["geonames_id"], "top center") for r in table.rows],
        textfont=dict(size=13 if narrow else 14, color=theme.colour("ink")),
        # The capital gets a star, every other place a circle: told apart by shape, not only by colour.
        marker=dict(
            size=[13 if r["kind"] == "capital" else 9 for r in table.rows],
            symbol=["star" if r["kind"] == "capital" else "circle" for r in table.rows],
            color=theme.colour("vermillion"),
            line=dict(width=1, color=theme.colour("ink")),
        ),
        hovertemplate=theme.text(ID, "hover"),
        name=theme.text(ID, "places"),
        showlegend=False,
    )
    traces = [geo.countries(), geo.labels(names, LABELS["narrow" if narrow else "wide"], theme.SMALLEST), places]
    return theme.figure(traces, **geo.layout(narrow, height=250 if narrow else 420, showlegend=False))
