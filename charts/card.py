"""A chart as a complete figure card: title, chart, summary, source, notes, table, CSV, permalink."""
from __future__ import annotations

import dataclasses
import html
import json
import pathlib

from . import theme
from .datasets import DATA_DIR, DataError, read_package
from .registry import CHARTS
from .table import Table

VIEW_KEYS = ("name", "title", "subtitle", "alt", "summary", "resources", "updated")
PLOTLY_ASSET = "assets/javascripts/plotly-basic.min.js"


@dataclasses.dataclass(frozen=True)
class Chart:
    id: str
    view: dict  # title, subtitle, alt, summary, notes, updated: from data/datapackage.yaml
    table: Table
    figure: dict  # Plotly JSON: data + layout

    def spec_json(self) -> str:
        spec = {"figure": self.figure, "config": theme.CONFIG, "dark": theme.dark_map()}
        # Sorted keys and no spaces: the same tree always gives the same bytes.
        return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def view(chart_id: str, data_dir: pathlib.Path = DATA_DIR) -> dict:
    views = {v.get("name"): v for v in read_package(data_dir).get("views", [])}
    if chart_id not in views:
        raise DataError(f"datapackage.yaml: no view (chart text) named {chart_id!r}")
    found = views[chart_id]
    missing = [k for k in VIEW_KEYS if not found.get(k)]
    if missing:
        raise DataError(f"datapackage.yaml: view '{chart_id}' lacks {', '.join(missing)}")
    return found


def build(chart_id: str, data_dir: pathlib.Path = DATA_DIR) -> Chart:
    module = CHARTS[chart_id]
    table = module.load(data_dir)
    spec = view(chart_id, data_dir)
    if table.dataset.name not in spec["resources"]:
        raise DataError(f"datapackage.yaml: view '{chart_id}' does not list its dataset '{table.dataset.name}'")
    figure = module.figure(table).to_plotly_json()
    return Chart(chart_id, spec, table, {"data": figure["data"], "layout": figure["layout"]})


def _source_line(table: Table) -> str:
    links = []
    for s in table.used_sources():
        title = html.escape(str(s["title"]))
        links.append(f'{html.escape(str(s["publisher"]))}, <a href="{html.escape(s["path"])}">{title}</a> ({s["date"]})')
    return "; ".join(links)


def _licences(table: Table) -> str:
    return ", ".join(
        f'<a href="{html.escape(lic["path"])}">{html.escape(lic.get("title", lic["name"]))}</a>' if lic.get("path") else html.escape(lic["name"])
        for lic in table.dataset.meta["licenses"]
    )


def csv_asset(chart_id: str) -> str:
    return f"assets/data/{chart_id}.csv"


def render(chart: Chart, root: str) -> str:
    """The card's HTML; `root` is the relative path from the page to the site root."""
    v, t, cid = chart.view, chart.table, chart.id
    esc = lambda s: html.escape(" ".join(str(s).split()))
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in t.header())
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in t.cells())
    notes = "".join(f"<li>{esc(n)}</li>" for n in v.get("notes", []) + t.dataset.meta.get("notes", []))
    return (
        f'<figure class="chart-card" id="{cid}" aria-labelledby="{cid}-title">'
        f'<div class="chart-card__head">'
        f'<p class="chart-card__title" id="{cid}-title">{esc(v["title"])}'
        f'<a class="headerlink" href="#{cid}" title="Link to this chart">¶</a></p>'
        f'<p class="chart-card__subtitle">{esc(v["subtitle"])}</p></div>'
        f'<div class="chart-card__plot" role="img" tabindex="0" aria-label="{esc(v["alt"])}" '
        f'data-plotly="{root}{PLOTLY_ASSET}"></div>'
        f'<script type="application/json" class="chart-card__spec">{chart.spec_json()}</script>'
        f'<p class="chart-card__print-note">This chart had not been drawn when the page was printed; '
        f"its numbers are in the table below. The page's Print button draws every chart first.</p>"
        f'<p class="chart-card__summary"><strong>What the chart shows.</strong> {esc(v["summary"])}</p>'
        f'<details class="chart-card__data" data-search-exclude><summary>Show the data as a table</summary>'
        f'<div class="chart-card__table"><table><caption>{esc(v["title"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
        f'<figcaption class="chart-card__foot">'
        f"<p><strong>Source:</strong> {_source_line(t)}.</p>"
        + (f'<div><strong>Notes:</strong><ul>{notes}</ul></div>' if notes else "")
        + f'<p class="chart-card__meta">Last updated {esc(v["updated"])} · Data licence: {_licences(t)} · '
        f'<a href="{root}{csv_asset(cid)}" download>Download the data (CSV)</a> · '
        f'<a href="#{cid}">Permalink</a></p>'
        f"</figcaption></figure>"
    )
