"""Command line: list the charts, or check every dataset, chart and computed figure without building the site."""

from __future__ import annotations

import argparse
import pathlib
import sys

from core.errors import BuildError

from . import card, derived
from .datasets import DATA_DIR, load, names
from .registry import CHARTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m charts", description=__doc__)
    parser.add_argument(
        "--data-dir", type=pathlib.Path, default=DATA_DIR, help="folder with datapackage.yaml (default: charts/data)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the charts and datasets")
    commands.add_parser("check", help="validate every dataset, chart and computed figure; exit 1 on the first error")
    args = parser.parse_args(argv)
    try:
        if args.command == "list":
            for chart_id, module in CHARTS.items():
                print(f"chart   {chart_id:22} {module.__doc__.strip()}")
            for name in names(args.data_dir):
                print(f"dataset {name}")
        else:
            for name in names(args.data_dir):
                print(f"ok  dataset {name}: {len(load(name, args.data_dir).rows)} rows")
            for chart_id in CHARTS:
                chart = card.build(chart_id, args.data_dir)
                print(f"ok  chart   {chart_id}: {len(chart.table.rows)} rows, {len(chart.figure['data'])} traces")
            print(f"ok  {len(derived.figures(args.data_dir))} computed figures")
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
