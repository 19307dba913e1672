"""Live-edit loop of `make serve` (English): seconds to the first page with cold caches, and from saving one CSV
edit to `mkdocs serve` serving the changed chart data (the median of several edits).

Usage: python scripts/bench_reload.py [--edits 3] [--budget 8] [--first-budget SECONDS] [--fail-over-budget]

Works on a copy of the build inputs in a temporary folder (tests/support.live_server), so the checkout is never
touched. The copy starts with an empty cache ($EXPLAINER_CACHE): its first build draws every picture, so an edited
chart's new pictures can never come from an earlier run; after each edit only they are drawn, as in `make serve`.
Each edit raises one score by one more point, so every edit is new data and a new picture. While it rebuilds,
`mkdocs serve` holds every request until the build is done, so the new data served means the whole site is rebuilt.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

import support  # noqa: E402  (the serve loop the tests use)

CSV = pathlib.Path("charts/data/freedom_house.csv")
# The chart data file the edited dataset is published as, and the column that holds its scores.
SERVED = "assets/data/freedom_scores.csv"
SCORE_COLUMN = "score"
MAX_LOAD = 1.5


def edit(tree: pathlib.Path, step: int) -> None:
    """Raise the first row's score by `step` points: a real data edit that changes the chart's picture too."""
    path = tree / CSV
    lines = path.read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index(SCORE_COLUMN)
    cells = lines[1].split(",")
    cells[column] = str(int(cells[column]) + step)
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(edits: int, log: str, strict: bool = True) -> tuple[float, list[float]]:
    """(seconds to the first served page with cold caches, seconds from each CSV edit to its data served).
    A server that does not stop on Ctrl+C within 30 s is killed and reported; the figures are kept."""
    try:
        return _measure(edits, log, strict, found := [])
    except subprocess.TimeoutExpired:
        if len(found) < 2:
            raise
        print("OVER BUDGET: `mkdocs serve` did not stop within 30 s of Ctrl+C (killed)", flush=True)
        return found[0], found[1]


def _measure(edits: int, log: str, strict: bool, found: list) -> tuple[float, list[float]]:
    with support.live_server(log=log, strict=strict) as (tree, address, first):
        url = address + SERVED
        before = support.fetch(url)
        if before is None:
            raise RuntimeError(f"`mkdocs serve` does not serve {SERVED}")
        reloads: list[float] = []
        found[:] = [first, reloads]
        for _ in range(edits):
            edit(tree, 1)
            reloads.append(support.wait_for(lambda old=before: support.fetch(url) not in (None, old), 180))
            before = support.fetch(url)
            time.sleep(1)  # let the watcher settle before the next edit
            print(f"CSV edit {len(reloads)} served in {reloads[-1]:.1f} s", file=sys.stderr, flush=True)
    return first, reloads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3, help="CSV edits to time (the median is reported)")
    parser.add_argument("--budget", type=float, default=8.0, help="seconds one CSV edit may take to be served")
    parser.add_argument("--first-budget", type=float, default=None, help="seconds the first page may take")
    parser.add_argument("--fail-over-budget", action="store_true", help="exit 1 when anything is over budget")
    args = parser.parse_args()
    load = os.getloadavg()
    if load[0] > MAX_LOAD:
        print(f"load {load[0]:.2f} > {MAX_LOAD}: waiting a minute", file=sys.stderr, flush=True)
        time.sleep(60)
        load = os.getloadavg()
    over, notes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        log = os.environ.get("BENCH_LOG") or str(pathlib.Path(tmp) / "serve.log")
        try:
            first, reloads = measure(args.edits, log)
        except RuntimeError as stopped:
            # `make serve` itself stops (strict mode, as mkdocs.yml sets it): say why, then time the loop anyway with
            # warnings let through, so that the figures still show what the loop costs.
            lines = pathlib.Path(log).read_text().splitlines()
            errors = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
            over.append(f"`make serve` does not start: {stopped}; {len(errors)} warnings in strict mode")
            notes += [f"`make serve` stopped before serving a page ({len(errors)} warnings, strict mode); first:"]
            notes += [f"    {line}" for line in errors[:3]]
            notes.append("The loop below is timed with `mkdocs serve --no-strict`, otherwise as `make serve` runs it.")
            first, reloads = measure(args.edits, log, strict=False)
    reload = statistics.median(reloads)
    runs = ", ".join(f"{seconds:.1f}" for seconds in reloads)
    first_budget = f"≤ {args.first_budget:g} s" if args.first_budget else "–"
    if notes:
        print("\n" + "\n".join(notes))
    print("\n| `make serve` (English) | Seconds | Budget |\n| --- | --- | --- |")
    print(f"| First page served, cold caches | {first:.1f} | {first_budget} |")
    print(f"| One CSV edit served (median of {len(reloads)}: {runs}) | {reload:.1f} | ≤ {args.budget:g} s |")
    if reload > args.budget:
        over.append(f"`make serve`: a CSV edit served in {reload:.1f} s > {args.budget:g} s")
    if args.first_budget and first > args.first_budget:
        over.append(f"`make serve`: first page served in {first:.1f} s > {args.first_budget:g} s")
    print(f"\nload average before the live loop: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} ({os.cpu_count()} CPUs)")
    for line in over:
        print(f"OVER BUDGET: {line}")
    return 1 if over and args.fail_over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
