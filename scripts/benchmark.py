"""Page weight and Lighthouse scores per page of a built site, served gzip-compressed on 127.0.0.1.

Usage: python scripts/benchmark.py [SITE_DIR] [--runs 3] [--no-lighthouse]

For every page in the nav it reports the bytes a first visit transfers (compressed, as counted by
Chromium) on load and with every chart picture shown (before any interaction), whether plotly.js
was loaded, and the median of N Lighthouse runs (mobile, simulated throttling) for performance,
accessibility, best practices and SEO. With --builds it also times a clean build with a cold chart
render cache and a warm rebuild. It prints a Markdown table for the README and checks the budgets.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import support  # noqa: E402  (the gzip server and page helpers the browser tests use)

from explainer import content  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Budgets from the project's issues (issue 8): what a page may weigh, gzipped, with every chart shown and
# before any interaction; the scores it must reach; how long a cold and a warm build may take on 2 cores.
PAGE_BYTES = {"chart": 160_000, "text": 100_000}
MIN_SCORES = {
    "text": {"performance": 98},
    "chart": {"performance": 98},
    "all": {"accessibility": 100, "best-practices": 100, "seo": 100},
}
BUILD_SECONDS = {"cold": 60, "warm": 10}


def transfer(browser, url: str) -> tuple[int, int, bool]:
    """Compressed bytes of a first visit (empty cache): on load, and once every chart's picture is shown."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, int] = {}
    urls: list[str] = []
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.requestWillBeSent", lambda e: urls.append(e["request"]["url"]))
    page.goto(url, wait_until="networkidle")
    on_load = sum(sizes.values())
    cards = page.locator(".chart-card")
    if cards.count():
        # Scroll without touching a chart (a pointer on one would start its live version).
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function(
            """n => [...document.querySelectorAll('.chart-card__picture img')]
            .filter(i => i.complete && i.naturalWidth > 0 && i.offsetParent !== null).length >= n""",
            arg=cards.count(),
            timeout=30000,
        )
        page.wait_for_load_state("networkidle")
    context.close()
    return on_load, sum(sizes.values()), any("plotly" in u for u in urls)


def build_times() -> dict[str, float]:
    """Seconds for a clean build with an empty chart render cache, then for the same build again (warm)."""
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CHARTS_CACHE": str(pathlib.Path(tmp) / "cache"), "NO_MKDOCS_2_WARNING": "1"}
        for kind in ("cold", "warm"):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(pathlib.Path(tmp) / "site")],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=600,
            )
            times[kind] = time.perf_counter() - started
    return times


def lighthouse(url: str, runs: int) -> dict[str, float]:
    scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    flags = "--headless=new --no-sandbox --disable-background-networking --disable-component-update"
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            out = pathlib.Path(tmp) / f"{run}.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={out}",
                    f"--chrome-flags={flags}",
                    f"--only-categories={','.join(CATEGORIES)}",
                ],
                check=True,
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                timeout=300,
            )
            report = json.loads(out.read_text())
            for category in CATEGORIES:
                scores[category].append(round(report["categories"][category]["score"] * 100))
    return {c: statistics.median(v) for c, v in scores.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=pathlib.Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--builds", action="store_true", help="also time a cold-cache and a warm build")
    args = parser.parse_args()
    use_lighthouse = not args.no_lighthouse and LIGHTHOUSE.exists() and shutil.which("node")
    server, base = support.start(args.site)
    rows, failures = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        for page in content.site_pages():
            url = base + support.url_of(page)
            on_load, size, plotly = transfer(browser, url)
            kind = "chart" if support.is_chart_page(page) else "text"
            scores = lighthouse(url, args.runs) if use_lighthouse else {}
            rows.append((support.url_of(page) or "(home)", kind, on_load, size, plotly, scores))
            if kind == "text" and plotly:
                failures.append(f"{page.src}: a text page loaded plotly.js")
            if size > PAGE_BYTES[kind]:
                failures.append(f"{page.src}: {size / 1000:.0f} KB > {PAGE_BYTES[kind] / 1000:.0f} KB")
            for category, minimum in {**MIN_SCORES[kind], **MIN_SCORES["all"]}.items():
                if scores and scores[category] < minimum:
                    failures.append(f"{page.src}: {category} {scores[category]:g} < {minimum}")
            print(f"measured {page.src}", file=sys.stderr)
        browser.close()
    server.shutdown()
    server.server_close()

    header = "| Page | Kind | On load (KB) | With every chart shown (KB) | plotly.js |" + (
        "".join(f" {c} |" for c in CATEGORIES) if use_lighthouse else ""
    )
    print(header)
    print("|" + " --- |" * (5 + (len(CATEGORIES) if use_lighthouse else 0)))
    for name, kind, on_load, size, plotly, scores in rows:
        cells = "".join(f" {scores[c]:g} |" for c in CATEGORIES) if scores else ""
        print(f"| `{name}` | {kind} | {on_load / 1000:.0f} | {size / 1000:.0f} | {'yes' if plotly else 'no'} |{cells}")
    if use_lighthouse:
        print(f"\nLighthouse {args.runs} runs per page, median; mobile profile with simulated throttling.")
    else:
        print("\nLighthouse not run (install it with `npm ci`, or drop --no-lighthouse).")
    if args.builds:
        times = build_times()
        print("\n| Build | Seconds | Budget |\n| --- | --- | --- |")
        for kind, seconds in times.items():
            print(f"| {kind} | {seconds:.1f} | {BUILD_SECONDS[kind]} |")
            if seconds > BUILD_SECONDS[kind]:
                failures.append(f"{kind} build: {seconds:.1f} s > {BUILD_SECONDS[kind]} s")
    for failure in failures:
        print(f"OVER BUDGET: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
