"""The build-time chart pictures: every variant published, cached by content, byte-identical, and clear failures."""

from __future__ import annotations

import re
import struct
import zlib

import pytest

from charts import card, publish, render
from charts.registry import CHARTS
from explainer.errors import BuildError

VARIANTS = ("light.wide.svg", "dark.wide.svg", "light.narrow.svg", "dark.narrow.svg", "png", "og.png", "json")


@pytest.fixture(scope="module")
def published() -> dict[str, bytes]:
    """Every published file, as a build makes them (from the render cache when it is warm)."""
    return publish.files()


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_every_chart_publishes_every_picture_at_its_size(published, chart_id):
    chart = card.build(chart_id)
    for variant in VARIANTS:
        assert card.asset(chart_id, variant) in published, f"{chart_id}: no {variant}"
    for size in ("wide", "narrow"):
        width, height = card.size(chart.figure if size == "wide" else chart.narrow, size)
        for scheme in ("light", "dark"):
            svg = published[card.asset(chart_id, f"{scheme}.{size}.svg")].decode()
            assert f'viewBox="0 0 {width} {height}"' in svg, f"{chart_id} {scheme}.{size}: scales by its viewBox"
            # Plotly's random plot id is replaced; a second build writes the same bytes.
            assert not re.search(r'id="defs-(?!p")', svg) and "clipp" in svg.replace("clip-path", "")
    wide_w, wide_h = card.size(chart.figure, "wide")
    assert render.png_size(published[card.asset(chart_id, "png")]) == (wide_w * 2, wide_h * 2), "PNG at 2x"
    assert render.png_size(published[card.asset(chart_id, "og.png")]) == render.OG_SIZE, "og:image 1200x630"


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_dark_pictures_use_only_dark_colours(published, chart_id):
    svg = published[card.asset(chart_id, "dark.wide.svg")].decode()
    colours = render.theme.COLOURS.values()
    light_only = {light for light, _ in colours} - {dark for _, dark in colours}
    rgb = {f"rgb({int(c[1:3], 16)}, {int(c[3:5], 16)}, {int(c[5:7], 16)})" for c in light_only}
    assert not [c for c in rgb if c in svg], f"{chart_id}: light colours in the dark picture"


def test_cache_key_covers_everything_that_changes_the_picture():
    chart = card.build(sorted(CHARTS)[0])
    jobs = card.picture_jobs(chart)
    keys = {job.key for job in jobs}
    assert len(keys) == len(jobs), "each variant has its own key"
    job = jobs[0]
    taller = {**job.figure, "layout": {**job.figure["layout"], "height": 1}}
    changed = render.Job(job.chart, job.module, job.variant, taller, job.fmt, job.width, job.height)
    assert changed.key != job.key, "a changed figure is a new picture"
    assert render.Job(job.chart, job.module, job.variant, job.figure, job.fmt, job.width + 1, job.height).key != job.key
    assert render.renderer_version() in "".join([render.renderer_version()]) and "kaleido" in render.renderer_version()


def test_warm_cache_renders_nothing_and_needs_no_browser(tmp_path, monkeypatch):
    jobs = card.picture_jobs(card.build(sorted(CHARTS)[0]))
    for job in jobs:
        (tmp_path / f"{job.key}.{job.fmt}").write_bytes(b"cached " + job.variant.encode())
    monkeypatch.setattr(render, "_render_all", lambda *a: pytest.fail("a warm cache must not render"))
    out = render.render(jobs, cache_dir=tmp_path, browser="/no/such/browser")
    assert {job.variant: out[job] for job in jobs} == {job.variant: b"cached " + job.variant.encode() for job in jobs}


def test_no_browser_stops_the_build_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "find_browser", lambda: None)
    jobs = card.picture_jobs(card.build(sorted(CHARTS)[0]))
    with pytest.raises(BuildError) as raised:
        render.render(jobs, cache_dir=tmp_path)
    message = str(raised.value)
    assert "\n" not in message and "chromium" in message.lower() and "install" in message


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_png_keeps_only_the_picture():
    head = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    body = _chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + _chunk(b"IEND", b"")
    stamped = head + _chunk(b"tIME", b"\x07\xea\x0c\x02\x03\x04\x05") + _chunk(b"tEXt", b"Software\x00x") + body
    assert render.clean_png(stamped) == head + body


def test_svg_random_ids_are_fixed():
    svg = (
        '<svg><defs id="defs-a1b2c3"><clipPath id="clipa1b2c3xyplot"/></defs><g clip-path="url(#clipa1b2c3xyplot)"/>'
        '<g id="topdefs-a1b2c3"/><g clip-path="url(#legenda1b2c3)"/><path d="M0,0"/></svg>'
    )
    cleaned = render.clean_svg(svg.encode()).decode()
    assert "a1b2c3" not in cleaned and 'id="clippxyplot"' in cleaned and "url(#clippxyplot)" in cleaned


def test_a_real_render_is_byte_identical_twice_and_a_broken_figure_names_its_chart(tmp_path):
    """Two cold renders of one chart give the same bytes; a figure the renderer rejects stops the build by name."""
    chart = card.build(sorted(CHARTS)[0])
    jobs = [job for job in card.picture_jobs(chart) if job.variant in ("light.narrow.svg", "png")]
    first = render.render(jobs, cache_dir=tmp_path / "one")
    second = render.render(jobs, cache_dir=tmp_path / "two")
    assert all(first[job] == second[job] for job in jobs)
    broken = render.Job(chart.id, chart.module, "light.wide.svg", {"data": "not a list", "layout": {}}, "svg", 100, 100)
    with pytest.raises(BuildError) as raised:
        render.render([broken], cache_dir=tmp_path / "three")
    assert chart.id in str(raised.value) and chart.module in str(raised.value) and "\n" not in str(raised.value)
