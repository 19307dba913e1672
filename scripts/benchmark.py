"""Page weight and Lighthouse scores per page of the built editions, served gzip-compressed on 127.0.0.1.

Usage: python scripts/benchmark.py [SITE_DIR] [--runs 3] [--no-lighthouse] [--all-pages] [--builds]
       [--fail-over-budget]

For every page of the English site, and the home page and every chapter of each other edition (every page with
--all-pages), it reports the bytes a first visit transfers (compressed, as counted by Chromium) on load and with
every chart picture shown (before any interaction), whether plotly.js was loaded, and the median of N Lighthouse
runs (mobile, simulated throttling) for performance, accessibility, best practices and SEO. With --builds it also
times a cold build of every edition (empty $EXPLAINER_CACHE, fresh build/docs*) and a warm one (same cache, nothing
changed), on a copy of the tree, as `make build` runs them. It prints Markdown tables for the README and checks
the budgets. Nothing is fetched from beyond 127.0.0.1.
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

from core import strings  # noqa: E402
from explainer import pages  # noqa: E402

import sitebuild  # noqa: E402  (the editions and the copy of the tree the tests build)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium never reaches beyond the local server: no background requests, no component updates.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-component-update"
# Budgets: what a first visit may transfer, gzipped (a text page on load; a chart page with every picture shown,
# before any interaction); the scores every page must reach (median of the runs); how long builds may take.
KB = 1000
PAGE_BYTES = {"text": 75 * KB, "chart": 130 * KB}
MIN_SCORES = {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}
BUILD_SECONDS = {"cold": 90, "warm": 12}
MAX_LOAD = 1.5


def check_load(label: str) -> str:
    """The load average before measuring; above MAX_LOAD, wait a minute and look once more."""
    load = os.getloadavg()
    if load[0] > MAX_LOAD:
        print(f"load {load[0]:.2f} > {MAX_LOAD} before {label}: waiting a minute", file=sys.stderr, flush=True)
        time.sleep(60)
        load = os.getloadavg()
    return f"load average before {label}: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} ({os.cpu_count()} CPUs)"


def editions(all_pages: bool) -> list[tuple[str, str, list[pages.PageInfo]]]:
    """(language, address prefix, pages to measure) per edition: every English page; of the other editions the home
    page and every chapter (every page with `all_pages`), in the order of that edition's nav."""
    found = []
    for code in strings.LANGUAGES:
        with strings.language(code):
            nav = pages.load_config(pages.config_for(code))["nav"]
            every = pages.site_pages(nav)
            chapters = {page.src for page in pages.chapters(every)}
        chosen = [p for p in every if all_pages or code == strings.DEFAULT or p.src == "index.md" or p.src in chapters]
        found.append((code, "" if code == strings.DEFAULT else f"{code}/", chosen))
    return found


def transfer(browser, url: str) -> tuple[int, int, int, bool]:
    """A first visit (empty cache): compressed bytes on load and once every chart's picture is shown, the number of
    chart cards, and whether plotly.js was loaded."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, color_scheme="light")
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
    cards = page.locator(".chart-card").count()
    if cards:
        # Bring every card into view in turn, without a pointer over any chart (which would start its live version).
        page.evaluate(
            """async () => { for (const card of document.querySelectorAll('.chart-card')) {
                card.scrollIntoView(); await new Promise(r => setTimeout(r, 50)); } }"""
        )
        support.wait_for_pictures(page, "light")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    context.close()
    return on_load, sum(sizes.values()), cards, any("plotly" in u for u in urls)


def lighthouse(url: str, runs: int, tool: pathlib.Path) -> dict[str, float]:
    """The median of `runs` Lighthouse runs per category (mobile, simulated throttling); a failed run is tried again."""
    scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            out = pathlib.Path(tmp) / f"{run}.json"
            for attempt in range(2):
                done = subprocess.run(
                    [
                        str(tool),
                        url,
                        "--quiet",
                        "--output=json",
                        f"--output-path={out}",
                        f"--chrome-flags={CHROME_FLAGS}",
                        f"--only-categories={','.join(CATEGORIES)}",
                    ],
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                report = json.loads(out.read_text()) if done.returncode == 0 and out.is_file() else None
                if report and all(report["categories"][c]["score"] is not None for c in CATEGORIES):
                    break
                if attempt:
                    raise RuntimeError(f"Lighthouse failed on {url}: {(done.stderr or 'no score').strip()[-400:]}")
            for category in CATEGORIES:
                scores[category].append(round(report["categories"][category]["score"] * 100))
    return {c: statistics.median(v) for c, v in scores.items()}


def timed_build(tree: pathlib.Path, env: dict) -> dict[str, float]:
    """Seconds per edition for `make build`'s commands in `tree`: English into site/, then each edition."""
    times = {}
    for code in strings.LANGUAGES:
        config = "mkdocs.yml" if code == strings.DEFAULT else f"mkdocs.{code}.yml"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config],
            cwd=tree,
            env=env,
            check=True,
            timeout=900,
        )
        times[code] = time.perf_counter() - started
    return times


def build_times() -> dict[str, dict[str, float]]:
    """A cold build of every edition (a fresh copy of the tree: empty cache, empty build/docs*), then a warm one."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = sitebuild.copy_tree(pathlib.Path(tmp) / "tree")
        cache = pathlib.Path(tmp) / "cache"
        cache.mkdir()
        for code in strings.LANGUAGES:
            (tree / "build" / ("docs" if code == strings.DEFAULT else f"docs-{code}")).mkdir(parents=True)
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),
            "EXPLAINER_CACHE": str(cache),
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", sitebuild.EPOCH),
        }
        times = {}
        for kind in ("cold", "warm"):
            times[kind] = timed_build(tree, env)
            print(f"{kind} build: {sum(times[kind].values()):.1f} s", file=sys.stderr, flush=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=pathlib.Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse", type=pathlib.Path, default=LIGHTHOUSE, help="the Lighthouse CLI to run")
    parser.add_argument("--all-pages", action="store_true", help="every page of every edition")
    parser.add_argument(
        "--editions", default=",".join(strings.LANGUAGES), help="the editions to measure, comma-separated ('' for none)"
    )
    parser.add_argument("--builds", action="store_true", help="also time a cold and a warm build of every edition")
    # A report, not a test: over-budget lines are printed and `make bench` goes on to the next measurement.
    parser.add_argument("--fail-over-budget", action="store_true", help="exit 1 when anything is over budget")
    args = parser.parse_args()
    use_lighthouse = not args.no_lighthouse
    if use_lighthouse and not (args.lighthouse.exists() and shutil.which("node")):
        parser.error(f"no Lighthouse at {args.lighthouse} (run `npm ci`), or pass --no-lighthouse")
    started = time.perf_counter()
    loads = [check_load("the page measurements")]
    # Measure a snapshot: a build started meanwhile in the checkout (another `make build`, say) cannot change the
    # pages half-way through the run.
    snapshot = tempfile.TemporaryDirectory()
    args.site = pathlib.Path(shutil.copytree(args.site, pathlib.Path(snapshot.name) / "site"))
    server, base = support.start(args.site)
    # Lighthouse and the transfer runs drop requests they no longer need: not an error worth a traceback.
    server.handle_error = lambda request, address: None
    rows, failures = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", *CHROME_FLAGS.split()[2:]])
        for code, prefix, chosen in editions(args.all_pages):
            if code not in args.editions.split(","):
                continue
            if not (args.site / prefix / "index.html").is_file():
                failures.append(f"no {code} edition at {args.site / prefix} (run `make build`)")
                continue
            for page in chosen:
                address = prefix + support.url_of(page)
                url = base + address
                on_load, size, cards, plotly = transfer(browser, url)
                kind = "chart" if cards else "text"
                scores = lighthouse(url, args.runs, args.lighthouse) if use_lighthouse else {}
                rows.append((f"/{address}", kind, cards, on_load, size, plotly, scores))
                name = f"/{address}"
                if plotly:
                    failures.append(f"{name}: plotly.js loaded before any interaction")
                measured = size if kind == "chart" else on_load
                if measured > PAGE_BYTES[kind]:
                    failures.append(f"{name}: {measured / KB:.1f} KB > {PAGE_BYTES[kind] / KB:.0f} KB ({kind} page)")
                for category, minimum in MIN_SCORES.items():
                    if scores and scores[category] < minimum:
                        failures.append(f"{name}: Lighthouse {category} {scores[category]:g} < {minimum}")
                summary = " ".join(f"{c}={scores[c]:g}" for c in scores)
                print(f"measured {name}: {on_load / KB:.1f}/{size / KB:.1f} KB {summary}", file=sys.stderr, flush=True)
        browser.close()
    server.shutdown()
    server.server_close()
    snapshot.cleanup()

    print("## Page weight and Lighthouse\n")
    cells = ["Page", "Kind", "Charts", "On load (KB)", "Every chart shown (KB)", "Budget (KB)", "plotly.js"]
    if use_lighthouse:
        cells += ["Perf.", "A11y", "Best pr.", "SEO"]
    print("| " + " | ".join(cells) + " |")
    print("|" + " --- |" * 2 + " ---: |" * 4 + " --- |" + " ---: |" * (4 if use_lighthouse else 0))
    for name, kind, cards, on_load, size, plotly, scores in rows:
        budget = f"{'≤' if (size if kind == 'chart' else on_load) <= PAGE_BYTES[kind] else '**>**'} "
        budget += f"{PAGE_BYTES[kind] / KB:.0f} ({'every chart' if kind == 'chart' else 'on load'})"
        line = [f"`{name}`", kind, str(cards), f"{on_load / KB:.1f}", f"{size / KB:.1f}", budget]
        line.append("yes" if plotly else "no")
        for category in CATEGORIES if scores else ():
            mark = "" if scores[category] >= MIN_SCORES[category] else " **✗**"
            line.append(f"{scores[category]:g}{mark}")
        print("| " + " | ".join(line) + " |")
    print(
        f"\nKB = 1,000 bytes, gzip-compressed as Chromium counts them (encodedDataLength), first visit, empty cache, "
        f"412×823 viewport. Budgets: text page ≤ {PAGE_BYTES['text'] / KB:.0f} KB on load, chart page "
        f"≤ {PAGE_BYTES['chart'] / KB:.0f} KB with every chart picture shown."
    )
    if use_lighthouse:
        print(
            f"Lighthouse {lighthouse_version(args.lighthouse)}: median of {args.runs} runs per page, mobile profile, "
            f"simulated throttling, Chromium headless. Budgets: performance ≥ {MIN_SCORES['performance']}, "
            f"accessibility, best practices and SEO {MIN_SCORES['seo']}."
        )
    else:
        print("Lighthouse not run (--no-lighthouse).")
    if args.builds:
        loads.append(check_load("the builds"))
        times = build_times()
        print("\n## Build times (English, Russian and Italian editions)\n")
        print("| Build | " + " | ".join(f"{c} (s)" for c in strings.LANGUAGES) + " | Total (s) | Budget (s) |")
        print("| --- |" + " ---: |" * (len(strings.LANGUAGES) + 2))
        for kind, per_edition in times.items():
            total = sum(per_edition.values())
            label = {"cold": "Cold: empty cache, fresh build/docs*", "warm": "Warm: same cache, nothing changed"}[kind]
            mark = "≤" if total <= BUILD_SECONDS[kind] else "**>**"
            edition_cells = " | ".join(f"{s:.1f}" for s in per_edition.values())
            print(f"| {label} | {edition_cells} | {total:.1f} | {mark} {BUILD_SECONDS[kind]} |")
            if total > BUILD_SECONDS[kind]:
                failures.append(f"{kind} build: {total:.1f} s > {BUILD_SECONDS[kind]} s")
    print("\n" + "\n".join(loads))
    print(f"Measured in {(time.perf_counter() - started) / 60:.1f} min.")
    if failures:
        print()
    for failure in failures:
        print(f"OVER BUDGET: {failure}")
    return 1 if failures and args.fail_over_budget else 0


def lighthouse_version(tool: pathlib.Path) -> str:
    done = subprocess.run([str(tool), "--version"], capture_output=True, text=True)
    return done.stdout.strip() or "?"


if __name__ == "__main__":
    raise SystemExit(main())
