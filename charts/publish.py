"""The files the site publishes beside the pages: each chart's CSV, the datasets and their package."""
from __future__ import annotations

import datetime as dt
import json
import pathlib

from .card import build, csv_asset
from .datasets import DATA_DIR, load, names, read_package
from .registry import CHARTS

PLOTLY_BUNDLE = pathlib.Path(__file__).resolve().parent.parent / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def datapackage_json(data_dir: pathlib.Path = DATA_DIR) -> str:
    """The package descriptor as JSON, the form Frictionless tools read, with dates as text."""
    package = read_package(data_dir)
    return json.dumps(package, default=_plain, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def files(data_dir: pathlib.Path = DATA_DIR, built: dict | None = None) -> dict[str, bytes]:
    """Site path → content, for every chart CSV and every dataset, checked on the way.

    `built` maps chart ids to charts already built from `data_dir`, so that a build draws each once.
    """
    built = built or {chart_id: build(chart_id, data_dir) for chart_id in CHARTS}
    out = {csv_asset(chart_id): chart.table.csv().encode() for chart_id, chart in built.items()}
    for name in names(data_dir):
        dataset = load(name, data_dir)
        out[f"data/{pathlib.Path(dataset.meta['path']).name}"] = (data_dir / dataset.meta["path"]).read_bytes()
    out["data/datapackage.json"] = datapackage_json(data_dir).encode()
    return out


def plotly_bundle() -> pathlib.Path:
    """plotly.js as installed by `make setup`; its version must be the one plotly.py writes for."""
    from plotly.offline import get_plotlyjs_version

    if not PLOTLY_BUNDLE.exists():
        raise FileNotFoundError(f"{PLOTLY_BUNDLE} is missing: run `make setup` (npm ci) to install plotly.js")
    head = PLOTLY_BUNDLE.read_bytes()[:200].decode("utf-8", "replace")
    wanted = get_plotlyjs_version()
    if f"v{wanted}" not in head:
        raise RuntimeError(f"{PLOTLY_BUNDLE.name} is not plotly.js v{wanted}, the version plotly.py writes for; fix package.json")
    return PLOTLY_BUNDLE
