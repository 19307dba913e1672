"""A chart built once per render: its words (view), tidy table, both layouts, its live spec and its picture jobs."""

from __future__ import annotations

import dataclasses
import json
import pathlib

import plotly.graph_objects as go

from core import strings
from core.errors import DataError

from . import pictures, theme
from .datasets import DATA_DIR, View, view
from .registry import CHARTS
from .table import Table

PLOTLY_ASSET = "assets/javascripts/plotly-basic.min.js"
# Maps need plotly.js's geo bundle; only pages with a map load it, and only on request.
PLOTLY_GEO_ASSET = "assets/javascripts/plotly-geo.min.js"
# Where the live maps find their outlines, relative to the spec in assets/charts/ (charts/geo.py publishes them).
TOPOJSON_FROM_SPEC = "../topojson/"
# Below this page width the narrow (phone) pictures and layout are shown; site.css and site.js use the same.
NARROW_MEDIA = "(max-width: 640px)"
SCHEMES = ("light", "dark")


@dataclasses.dataclass(frozen=True)
class Chart:
    id: str
    view: View  # title, subtitle, alt, summary, notes, updated: from data/datapackage.yaml
    table: Table
    figure: dict  # Plotly JSON (data + layout), the wide layout
    narrow: dict  # the same chart laid out by its module for a phone
    module: str = ""  # the chart module's file, named when its figure cannot be drawn

    @property
    def geo(self) -> bool:
        return pictures.has_geo(self.figure)

    @property
    def plotly_asset(self) -> str:
        return PLOTLY_GEO_ASSET if self.geo else PLOTLY_ASSET

    def spec_json(self) -> str:
        """The live chart's spec, fetched by the page on request: both layouts, Plotly's options, the dark colours."""
        spec = {
            "wide": pictures.prepared(self.figure),
            "narrow": pictures.prepared(self.narrow),
            "config": theme.CONFIG,
            "dark": theme.dark_map(),
            "media": NARROW_MEDIA,
        }
        if self.geo:
            spec["topojson"] = TOPOJSON_FROM_SPEC
        # Sorted keys and no spaces: the same tree always gives the same bytes.
        return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"

    def picture_jobs(self, title: str, subtitle: str, site_name: str, address: str) -> list[pictures.Job]:
        """Every picture of this chart. The exports carry `title` and `subtitle` (the view's, computed figures written
        out by the page layer), the sources, the licence, the site's name and its public address ("" when the build
        has none)."""
        return pictures.jobs(
            self.id, self.module, self.figure, self.narrow, self.frame(title, subtitle, site_name, address)
        )

    def frame(self, title: str, subtitle: str, site_name: str, address: str) -> pictures.Frame:
        """The words around the exported chart: its title, subtitle, sources (each publisher once), licence and site."""
        used = self.table.used_sources()
        publishers = dict.fromkeys(source["publisher"] for source in used if source.get("role") != "archive")
        archives = dict.fromkeys(source["publisher"] for source in used if source.get("role") == "archive")
        licence = ", ".join(lic.title or lic.name for lic in self.table.dataset.licences)
        credit = (
            strings.text("charts.export.credit_address", site=site_name, address=address, licence=licence)
            if address
            else strings.text("charts.export.credit", site=site_name, licence=licence)
        )
        return pictures.Frame(
            " ".join(title.split()),
            " ".join(subtitle.split()),
            strings.text("charts.export.source_archive", sources="; ".join(publishers), archives="; ".join(archives))
            if archives
            else strings.text("charts.export.source", sources="; ".join(publishers)),
            credit,
        )

    def size(self, variant: str) -> tuple[int, int]:
        """A picture's size in CSS pixels ("wide" or "narrow"); the page reserves it before the picture arrives."""
        figure = self.narrow if variant == "narrow" else self.figure
        return pictures.WIDTHS[variant], int(figure["layout"].get("height") or 380)


def _plain(figure: go.Figure) -> dict:
    data = figure.to_plotly_json()
    return {"data": data["data"], "layout": data["layout"]}


def build(chart_id: str, data_dir: pathlib.Path = DATA_DIR) -> Chart:
    module = CHARTS[chart_id]
    table = module.load(data_dir)
    words = view(chart_id, data_dir)
    if table.dataset.name not in words.resources:
        raise DataError(f"view '{chart_id}' does not list its dataset '{table.dataset.name}'", file="datapackage.yaml")
    wide, narrow = _plain(module.figure(table)), _plain(module.figure(table, narrow=True))
    source = pathlib.Path(module.__file__).resolve()
    return Chart(chart_id, words, table, wide, narrow, f"charts/figures/{source.name}")


def asset(chart_id: str, variant: str) -> str:
    """Site path of one of a chart's files: "light.wide.svg", "png", "export.svg", "export.png", "preview.png" or
    "json"."""
    return f"assets/charts/{chart_id}.{variant}"


def csv_asset(chart_id: str) -> str:
    return f"assets/data/{chart_id}.csv"
