"""Live-edit loop: seconds from saving one CSV edit to `mkdocs serve` serving the changed chart data.

Usage: python scripts/bench_reload.py [--budget 5]

Works on a copy of the build inputs in a temporary folder (tests/support.live_server), so the checkout is never
touched. The copy starts with empty caches: its first build draws every picture, so the edited chart's new
pictures can never come from an earlier run; after the edit only they are drawn, as in `make serve`.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

import support  # noqa: E402  (the serve loop the tests use)

CSV = pathlib.Path("charts/data/freedom_house.csv")
SERVED = "assets/data/freedom_scores.csv"


def measure() -> tuple[float, float]:
    """(seconds to the first served page with cold caches, seconds from one CSV edit to the new data served)."""
    with support.live_server(log=os.environ.get("BENCH_LOG", os.devnull)) as (tree, address, first):
        url = address + SERVED
        before = support.fetch(url)
        lines = (tree / CSV).read_text(encoding="utf-8").splitlines()
        # Raise one score by one point: a real data edit that changes the chart's picture too.
        cells = lines[1].split(",")
        cells[2] = str(int(cells[2]) + 1)
        lines[1] = ",".join(cells)
        (tree / CSV).write_text("\n".join(lines) + "\n", encoding="utf-8")
        reload = support.wait_for(lambda: support.fetch(url) not in (None, before), 120)
    return first, reload


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds the live reload may take")
    args = parser.parse_args()
    first, reload = measure()
    print(f"| `make serve`: first page served, cold caches | {first:.1f} s | – |")
    print(f"| `make serve`: one CSV edit served | {reload:.1f} s | {args.budget:g} |")
    return 0 if reload <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
