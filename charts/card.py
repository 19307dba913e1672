"""A chart as a complete figure card: title, pictures, summary, table, source, notes, downloads, permalink."""

from __future__ import annotations

import dataclasses
import html
import json
import pathlib

from explainer.strings import date, text

from . import render as renderer
from . import theme
from .datasets import DATA_DIR, DataError, read_package
from .registry import CHARTS
from .table import Table

VIEW_KEYS = ("name", "title", "subtitle", "alt", "summary", "resources", "updated")
PLOTLY_ASSET = "assets/javascripts/plotly-basic.min.js"
# Maps need plotly.js's geo bundle; only pages with a map load it, and only on request.
PLOTLY_GEO_ASSET = "assets/javascripts/plotly-geo.min.js"
# Where the live maps find their outlines, relative to the spec in assets/charts/ (charts/geo.py publishes them).
TOPOJSON_FROM_SPEC = "../topojson/"
# Below this page width the narrow (phone) pictures and layout are shown; site.css and site.js use the same.
NARROW_MEDIA = "(max-width: 640px)"
SCHEMES = ("light", "dark")
# The scheme whose pictures wait for site.js (on a dark page) or for the reader to scroll near them.
LAZY_SCHEME = "dark"


@dataclasses.dataclass(frozen=True)
class Chart:
    id: str
    view: dict  # title, subtitle, alt, summary, notes, updated: from data/datapackage.yaml
    table: Table
    figure: dict  # Plotly JSON (data + layout), the wide layout
    narrow: dict  # the same chart laid out by its module for a phone
    module: str = ""  # the chart module's file, named when its figure cannot be rendered

    @property
    def geo(self) -> bool:
        return renderer.has_geo(self.figure)

    @property
    def plotly_asset(self) -> str:
        return PLOTLY_GEO_ASSET if self.geo else PLOTLY_ASSET

    def spec_json(self) -> str:
        """The live chart's spec, fetched by the page on request: both layouts, Plotly's options, the dark colours."""
        spec = {
            "wide": renderer.prepared(self.figure),
            "narrow": renderer.prepared(self.narrow),
            "config": theme.CONFIG,
            "dark": theme.dark_map(),
            "media": NARROW_MEDIA,
        }
        if self.geo:
            spec["topojson"] = TOPOJSON_FROM_SPEC
        # Sorted keys and no spaces: the same tree always gives the same bytes.
        return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def view(chart_id: str, data_dir: pathlib.Path = DATA_DIR) -> dict:
    views = {v.get("name"): v for v in read_package(data_dir).get("views", [])}
    if chart_id not in views:
        raise DataError(f"datapackage.yaml: no view (chart text) named {chart_id!r}")
    found = views[chart_id]
    missing = [k for k in VIEW_KEYS if not found.get(k)]
    if missing:
        raise DataError(f"datapackage.yaml: view '{chart_id}' lacks {', '.join(missing)}")
    return found


def _plain(figure) -> dict:
    data = figure.to_plotly_json()
    return {"data": data["data"], "layout": data["layout"]}


def build(chart_id: str, data_dir: pathlib.Path = DATA_DIR) -> Chart:
    module = CHARTS[chart_id]
    table = module.load(data_dir)
    spec = view(chart_id, data_dir)
    if table.dataset.name not in spec["resources"]:
        raise DataError(f"datapackage.yaml: view '{chart_id}' does not list its dataset '{table.dataset.name}'")
    wide, narrow = _plain(module.figure(table)), _plain(module.figure(table, narrow=True))
    source = pathlib.Path(module.__file__).resolve()
    return Chart(chart_id, spec, table, wide, narrow, f"{source.parent.name}/{source.name}")


# -- Files published beside the pages --------------------------------------------------------------------


def asset(chart_id: str, variant: str) -> str:
    """Site path of one of a chart's files: "light.wide.svg", "png", "og.png" or "json"."""
    return f"assets/charts/{chart_id}.{variant}"


def csv_asset(chart_id: str) -> str:
    return f"assets/data/{chart_id}.csv"


def picture_jobs(chart: Chart) -> list[renderer.Job]:
    title = " ".join(str(chart.view["title"]).split())
    return renderer.jobs(chart.id, chart.module, chart.figure, chart.narrow, title=title)


def size(figure: dict, variant: str) -> tuple[int, int]:
    """The picture's size in CSS pixels; the page reserves it before the picture arrives."""
    return renderer.WIDTHS[variant], int(figure["layout"].get("height") or 380)


# -- The card's HTML --------------------------------------------------------------------------------------


def _source_line(table: Table) -> str:
    links = []
    for s in table.used_sources():
        title = html.escape(str(s["title"]))
        publisher = html.escape(str(s["publisher"]))
        links.append(f'{publisher}, <a href="{html.escape(s["path"])}">{title}</a> ({s["date"]})')
    return "; ".join(links)


def _licences(table: Table) -> str:
    return ", ".join(
        f'<a href="{html.escape(lic["path"])}">{html.escape(lic.get("title", lic["name"]))}</a>'
        if lic.get("path")
        else html.escape(lic["name"])
        for lic in table.dataset.meta["licenses"]
    )


def _pictures(chart: Chart, root: str) -> str:
    """One <picture> per colour scheme, each choosing its wide or narrow SVG by page width; CSS shows one scheme.

    Paper always shows the light picture, so it loads at once. The dark one is lazy: a light page never
    fetches it (a hidden lazy image is not loaded), and on a dark page site.js asks for it at once."""
    out = []
    wide_w, wide_h = size(chart.figure, "wide")
    narrow_w, narrow_h = size(chart.narrow, "narrow")
    for scheme in SCHEMES:
        lazy = ' loading="lazy"' if scheme == LAZY_SCHEME else ""
        out.append(
            f'<picture class="chart-card__picture chart-card__picture--{scheme}">'
            f'<source media="{NARROW_MEDIA}" srcset="{root}{asset(chart.id, f"{scheme}.narrow.svg")}" '
            f'width="{narrow_w}" height="{narrow_h}">'
            f'<img src="{root}{asset(chart.id, f"{scheme}.wide.svg")}" width="{wide_w}" height="{wide_h}" alt=""'
            f'{lazy} decoding="async"></picture>'
        )
    return "".join(out)


def render(chart: Chart, root: str) -> str:
    """The card's HTML; `root` is the relative path from the page to the site root."""
    v, t, cid = chart.view, chart.table, chart.id

    def esc(value) -> str:
        return html.escape(" ".join(str(value).split()))

    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in t.header())
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in t.cells())
    notes = "".join(f"<li>{esc(n)}</li>" for n in v.get("notes", []) + t.dataset.meta.get("notes", []))
    downloads = " ".join(
        f'<a href="{root}{href}" download>{esc(text(f"card.{key}"))}</a>'
        for key, href in (("png", asset(cid, "png")), ("svg", asset(cid, "light.wide.svg")), ("csv", csv_asset(cid)))
    )
    return (
        f'<figure class="chart-card" id="{cid}" aria-labelledby="{cid}-title">'
        f'<div class="chart-card__head">'
        f'<p class="chart-card__title" id="{cid}-title">{esc(v["title"])}'
        f'<a class="headerlink" href="#{cid}" title="{esc(text("card.permalink_title"))}">¶</a></p>'
        f'<p class="chart-card__subtitle">{esc(v["subtitle"])}</p></div>'
        f'<div class="chart-card__plot" role="img" tabindex="0" aria-label="{esc(v["alt"])}" '
        f'data-plotly="{root}{chart.plotly_asset}" data-spec="{root}{asset(cid, "json")}">'
        f"{_pictures(chart, root)}</div>"
        f'<p class="chart-card__actions"><button type="button" class="chart-card__explore" '
        f'aria-label="{esc(text("card.explore_label", title=v["title"]))}">{esc(text("card.explore"))}</button></p>'
        f'<p class="chart-card__summary"><strong>{esc(text("card.summary"))}</strong> {esc(v["summary"])}</p>'
        f'<details class="chart-card__data" data-search-exclude><summary>{esc(text("card.show_table"))}</summary>'
        f'<div class="chart-card__table" tabindex="0" role="region" aria-label="{esc(v["title"])}">'
        f"<table><caption>{esc(v['title'])}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        f'<p class="chart-card__scroll-cue" aria-hidden="true">{esc(text("card.table_scrolls"))}</p></details>'
        f'<figcaption class="chart-card__foot">'
        f"<p><strong>{esc(text('card.source'))}</strong> {_source_line(t)}.</p>"
        + (f"<div><strong>{esc(text('card.notes'))}</strong><ul>{notes}</ul></div>" if notes else "")
        + f'<p class="chart-card__meta">{esc(text("card.updated", date=date(str(v["updated"]))))} · '
        f"{esc(text('card.licence'))} {_licences(t)} · "
        f'<span class="chart-card__downloads">{esc(text("card.download"))} {downloads}</span> · '
        f'<a href="#{cid}">{esc(text("card.permalink"))}</a></p>'
        f"</figcaption></figure>"
    )
