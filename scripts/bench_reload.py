"""Live-edit loop: seconds from saving one CSV edit to `mkdocs serve` serving the changed chart data.

Usage: python scripts/bench_reload.py [--budget 5]

Works on a copy of the build inputs in a temporary folder, so the checkout is never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
INPUTS = ("mkdocs.yml", "docs", "includes", "overrides", "hooks", "explainer", "charts")
CSV = pathlib.Path("charts/data/freedom_house.csv")
SERVED = "assets/data/freedom_scores.csv"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_for(check, timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(0.05)
    raise TimeoutError(f"nothing changed within {timeout:.0f} s")


def measure() -> tuple[float, float]:
    """(seconds to the first served page, seconds from one CSV edit to the new data being served)."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        tree = pathlib.Path(tmp)
        for name in INPUTS:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, tree / name)
        for name in ("node_modules", ".venv"):
            if (ROOT / name).exists():
                (tree / name).symlink_to(ROOT / name)
        (tree / "build" / "docs").mkdir(parents=True)
        port = free_port()
        # The checkout's picture cache, as a developer's `make serve` has it: only the edited chart renders.
        cache = str(ROOT / "build" / "chart-cache")
        env = {**os.environ, "PYTHONPATH": str(tree), "NO_MKDOCS_2_WARNING": "1", "CHARTS_CACHE": cache}
        started = time.monotonic()
        log = stack.enter_context(open(os.environ.get("BENCH_LOG", os.devnull), "w"))  # noqa: SIM115
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            url = f"http://127.0.0.1:{port}/{SERVED}"
            wait_for(lambda: fetch(url) is not None, 300)
            first = time.monotonic() - started
            before = fetch(url)
            lines = (tree / CSV).read_text(encoding="utf-8").splitlines()
            # Raise one score by one point: a real data edit that changes the chart's picture too.
            cells = lines[1].split(",")
            cells[2] = str(int(cells[2]) + 1)
            lines[1] = ",".join(cells)
            (tree / CSV).write_text("\n".join(lines) + "\n", encoding="utf-8")
            reload = wait_for(lambda: fetch(url) not in (None, before), 120)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return first, reload


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds the live reload may take")
    args = parser.parse_args()
    first, reload = measure()
    print(f"| mkdocs serve: first page served | {first:.1f} s |")
    print(f"| mkdocs serve: one CSV edit served | {reload:.1f} s (budget {args.budget:g} s) |")
    return 0 if reload <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
