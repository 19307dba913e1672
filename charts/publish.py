"""The files the site publishes beside the pages: chart pictures, specs and CSVs, the datasets and their package."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

from . import render
from .card import PLOTLY_GEO_ASSET, asset, build, csv_asset, picture_jobs
from .datasets import DATA_DIR, load, names, read_package
from .registry import CHARTS

NODE_MODULES = pathlib.Path(__file__).resolve().parent.parent / "node_modules"
PLOTLY_BUNDLE = NODE_MODULES / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
PLOTLY_GEO_BUNDLE = NODE_MODULES / "plotly.js-geo-dist-min" / "plotly-geo.min.js"


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def datapackage_json(data_dir: pathlib.Path = DATA_DIR) -> str:
    """The package descriptor as JSON, the form Frictionless tools read, with dates as text."""
    package = read_package(data_dir)
    return json.dumps(package, default=_plain, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def files(data_dir: pathlib.Path = DATA_DIR, built: dict | None = None, pictures: bool = True) -> dict[str, bytes]:
    """Site path → content, for every chart's pictures, spec and CSV and every dataset, checked on the way.

    `built` maps chart ids to charts already built from `data_dir`, so that a build draws each once.
    Pictures come from the render cache (build/chart-cache); only new or changed ones are rendered,
    all in one browser session. `pictures=False` leaves them out (for checks that need no browser).
    """
    built = built or {chart_id: build(chart_id, data_dir) for chart_id in CHARTS}
    out = {csv_asset(chart_id): chart.table.csv().encode() for chart_id, chart in built.items()}
    for chart_id, chart in built.items():
        out[asset(chart_id, "json")] = chart.spec_json().encode()
    if any(chart.geo for chart in built.values()):
        out[PLOTLY_GEO_ASSET] = plotly_bundle(PLOTLY_GEO_BUNDLE).read_bytes()
    if pictures:
        out.update(picture_files(render.render(all_jobs(built))))
    for name in names(data_dir):
        dataset = load(name, data_dir)
        out[f"data/{pathlib.Path(dataset.meta['path']).name}"] = (data_dir / dataset.meta["path"]).read_bytes()
    out["data/datapackage.json"] = datapackage_json(data_dir).encode()
    return dict(sorted(out.items()))


def all_jobs(built: dict) -> list[render.Job]:
    return [job for chart in built.values() for job in picture_jobs(chart)]


def picture_files(drawn: dict[render.Job, bytes]) -> dict[str, bytes]:
    """Site path → picture, for pictures drawn by `render.render` (or `render.start`)."""
    return {asset(job.chart, job.variant): content for job, content in drawn.items()}


def plotly_bundle(bundle: pathlib.Path = PLOTLY_BUNDLE) -> pathlib.Path:
    """plotly.js as installed by `make setup`; its version must be the one plotly.py writes for."""
    from plotly.offline import get_plotlyjs_version

    if not bundle.exists():
        raise FileNotFoundError(f"{bundle} is missing: run `make setup` (npm ci) to install plotly.js")
    head = bundle.read_bytes()[:200].decode("utf-8", "replace")
    wanted = get_plotlyjs_version()
    if f"v{wanted}" not in head:
        raise RuntimeError(
            f"{bundle.name} is not plotly.js v{wanted}, the version plotly.py writes for; fix package.json"
        )
    return bundle
