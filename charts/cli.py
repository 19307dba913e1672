"""Command line: list the charts, check every dataset and chart, or write the published files."""

from __future__ import annotations

import argparse
import pathlib
import sys

from . import card, publish
from .datasets import DATA_DIR, DataError, load, names
from .registry import CHARTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m charts", description=__doc__)
    parser.add_argument(
        "--data-dir", type=pathlib.Path, default=DATA_DIR, help="folder with datapackage.yaml (default: charts/data)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the charts and datasets")
    commands.add_parser("check", help="validate every dataset and build every chart; exit 1 on the first error")
    export = commands.add_parser("export", help="write each chart's CSV, the datasets and datapackage.json")
    export.add_argument("out", type=pathlib.Path)
    show = commands.add_parser("card", help="print one chart card's HTML")
    show.add_argument("chart", choices=sorted(CHARTS))
    args = parser.parse_args(argv)
    try:
        if args.command == "list":
            for chart_id, module in CHARTS.items():
                print(f"chart   {chart_id:22} {module.__doc__.strip()}")
            for name in names(args.data_dir):
                print(f"dataset {name}")
        elif args.command == "check":
            for name in names(args.data_dir):
                dataset = load(name, args.data_dir)
                print(f"ok  dataset {name}: {len(dataset.rows)} rows")
            for chart_id in CHARTS:
                chart = card.build(chart_id, args.data_dir)
                print(f"ok  chart   {chart_id}: {len(chart.table.rows)} rows, {len(chart.figure['data'])} traces")
        elif args.command == "export":
            for path, content in publish.files(args.data_dir).items():
                target = args.out / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                print(target)
        elif args.command == "card":
            print(card.render(card.build(args.chart, args.data_dir), root=""))
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
