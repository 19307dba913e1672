"""The files the site publishes beside the pages: chart pictures, specs and CSVs, the datasets and their package."""

from __future__ import annotations

import json
import pathlib

from . import pictures
from .card import PLOTLY_ASSET, PLOTLY_GEO_ASSET, Chart, asset, csv_asset
from .datasets import DATA_DIR, load, names

NODE_MODULES = pathlib.Path(__file__).resolve().parent.parent / "node_modules"
PLOTLY_BUNDLE = NODE_MODULES / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
PLOTLY_GEO_BUNDLE = NODE_MODULES / "plotly.js-geo-dist-min" / "plotly-geo.min.js"


def files(built: dict[str, Chart], package: dict, data_dir: pathlib.Path = DATA_DIR) -> dict[str, bytes]:
    """Site path → content, for every chart's spec and CSV, every dataset and the package descriptor (`package`,
    as the caller publishes it: its texts written out). Pictures are drawn separately (`picture_files`)."""
    out = {csv_asset(chart_id): chart.table.csv().encode() for chart_id, chart in built.items()}
    for chart_id, chart in built.items():
        out[asset(chart_id, "json")] = chart.spec_json().encode()
    out[PLOTLY_ASSET] = plotly_bundle(PLOTLY_BUNDLE).read_bytes()
    if any(chart.geo for chart in built.values()):
        out[PLOTLY_GEO_ASSET] = plotly_bundle(PLOTLY_GEO_BUNDLE).read_bytes()
    for name in names(data_dir):
        path = data_dir / load(name, data_dir).meta.path
        out[f"data/{path.name}"] = path.read_bytes()
    out["data/datapackage.json"] = (json.dumps(package, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    return dict(sorted(out.items()))


def picture_files(drawn: dict[pictures.Job, bytes]) -> dict[str, bytes]:
    """Site path → picture, for pictures drawn by `pictures.draw`."""
    return {asset(job.chart, job.variant): content for job, content in drawn.items()}


def plotly_bundle(bundle: pathlib.Path = PLOTLY_BUNDLE) -> pathlib.Path:
    """plotly.js as installed by `make setup`; its version must be the one plotly.py writes for."""
    from plotly.offline import get_plotlyjs_version

    from core.errors import BuildError

    if not bundle.exists():
        raise BuildError("missing: run `make setup` (npm ci) to install plotly.js", file=str(bundle))
    head = bundle.read_bytes()[:200].decode("utf-8", "replace")
    wanted = get_plotlyjs_version()
    if f"v{wanted}" not in head:
        raise BuildError(
            f"{bundle.name} is not plotly.js v{wanted}, the version plotly.py writes for; fix package.json"
        )
    return bundle
