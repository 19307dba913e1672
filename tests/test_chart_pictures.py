"""The build-time chart pictures: every variant at its size, keyed by everything that changes it, clean of random ids
and time stamps, and clear failures."""

from __future__ import annotations

import asyncio
import re
import struct
import time
import zlib

import kaleido
import pytest

from charts import card, pictures, theme
from charts.registry import CHARTS
from core import browser, cache
from core.errors import BuildError
from explainer import chart_card, pages

from sitebuild import SITE_URL

# The session build's name and address, so that the pictures come from the cache it filled.
SITE = (pages.load_settings().site_name, SITE_URL)


def jobs_of(chart_id: str) -> list[pictures.Job]:
    return chart_card.picture_jobs(card.build(chart_id), *SITE)


@pytest.fixture(scope="session")
def drawn(site) -> dict[str, dict[str, bytes]]:
    """Chart → variant → bytes, as the session's build drew them (from the cache it filled)."""
    every = {chart_id: jobs_of(chart_id) for chart_id in sorted(CHARTS)}
    out = pictures.draw([job for jobs in every.values() for job in jobs])
    return {chart_id: {job.variant: out[job] for job in jobs} for chart_id, jobs in every.items()}


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_every_chart_has_every_picture_at_its_size(drawn, chart_id):
    chart = card.build(chart_id)
    variants = drawn[chart_id]
    for size in ("wide", "narrow"):
        width, height = chart.size(size)
        for scheme in ("light", "dark"):
            svg = variants[f"{scheme}.{size}.svg"].decode()
            assert f'viewBox="0 0 {width} {height}"' in svg, f"{chart_id} {scheme}.{size}: scales by its viewBox"
            assert not re.search(r'id="defs-(?!p")', svg), "Plotly's random plot id is replaced"
    export = variants["export.svg"].decode()
    words = chart_card.words(chart)
    for text in (words.title.split()[0], SITE[0].split()[0]):
        assert text in export, f"{chart_id}: the export does not carry {text!r}"
    png_w, png_h = pictures.png_size(variants["export.png"])
    assert png_w == 2 * chart.size("wide")[0], "the PNG export is the SVG export at twice the size"


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_dark_pictures_use_only_dark_colours(drawn, chart_id):
    svg = drawn[chart_id]["dark.wide.svg"].decode()
    light_only = {light for light, _ in theme.COLOURS.values()} - {dark for _, dark in theme.COLOURS.values()}
    rgb = {f"rgb({int(c[1:3], 16)}, {int(c[3:5], 16)}, {int(c[5:7], 16)})" for c in light_only}
    assert not [c for c in rgb if c in svg], f"{chart_id}: light colours in the dark picture"


def test_the_cache_key_covers_everything_that_changes_the_picture():
    jobs = jobs_of(sorted(CHARTS)[0])
    assert len({job.key for job in jobs}) == len(jobs), "each variant has its own key"
    job = next(j for j in jobs if j.base is None)
    taller = {**job.figure, "layout": {**job.figure["layout"], "height": 1}}
    assert pictures.Job(job.chart, job.module, job.variant, taller, job.fmt, job.width, job.height).key != job.key
    wider = pictures.Job(job.chart, job.module, job.variant, job.figure, job.fmt, job.width + 1, job.height)
    assert wider.key != job.key
    export = next(j for j in jobs if j.variant == "export.svg")
    other_site = next(
        j for j in chart_card.picture_jobs(card.build(job.chart), "Other", "") if j.variant == "export.svg"
    )
    assert other_site.key != export.key, "an export's words are part of its key"


def test_no_browser_stops_the_build_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "DIR", tmp_path)
    monkeypatch.setattr(browser, "find", lambda: None)
    with pytest.raises(BuildError) as raised:
        pictures.draw(jobs_of(sorted(CHARTS)[0]))
    message = str(raised.value)
    assert "\n" not in message and "chromium" in message.lower() and "install" in message.lower()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_png_keeps_only_the_picture():
    head = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    body = _chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + _chunk(b"IEND", b"")
    stamped = head + _chunk(b"tIME", b"\x07\xea\x0c\x02\x03\x04\x05") + _chunk(b"tEXt", b"Software\x00x") + body
    assert pictures.clean_png(stamped) == head + body


def test_svg_random_ids_are_fixed():
    svg = (
        '<svg><defs id="defs-a1b2c3"><clipPath id="clipa1b2c3xyplot"/></defs><g clip-path="url(#clipa1b2c3xyplot)"/>'
        '<g id="topdefs-a1b2c3"/><g clip-path="url(#legenda1b2c3)"/><path d="M0,0"/></svg>'
    )
    cleaned = pictures.clean_svg(svg.encode()).decode()
    assert "a1b2c3" not in cleaned and 'id="clippxyplot"' in cleaned and "url(#clippxyplot)" in cleaned


def test_a_figure_the_browser_rejects_stops_the_build_naming_its_chart(tmp_path, monkeypatch):
    """That two draws from empty caches give the same bytes is test_build.py::test_two_builds_are_byte_identical."""
    job = jobs_of(sorted(CHARTS)[0])[0]
    broken = pictures.Job(
        job.chart, job.module, "light.wide.svg", {"data": "not a list", "layout": {}}, "svg", 100, 100
    )
    monkeypatch.setattr(cache, "DIR", tmp_path)
    with pytest.raises(BuildError) as raised:
        pictures.draw([broken])
    assert job.chart in str(raised.value) and job.module in str(raised.value) and "\n" not in str(raised.value)


def test_every_element_is_written_the_same_whatever_order_the_browser_gave_its_attributes():
    """Seen in two cold builds: a map's root <svg> had its style before its viewBox in one, after it in the other; and
    a legend's box its size before or after its style, depending on the figure drawn before it in the same tab."""
    one = b'<svg width="680" style="" viewBox="0 0 680 440"><rect class="bg" width="178" style="fill: red;"/>x</svg>'
    two = b'<svg width="680" viewBox="0 0 680 440" style=""><rect class="bg" style="fill: red;" width="178"/>x</svg>'
    assert pictures.clean_svg(one) == pictures.clean_svg(two)
    assert b'<rect class="bg" style="fill: red;" width="178"/>x</svg>' in pictures.clean_svg(one)


def test_a_browser_that_stops_answering_is_given_up_and_the_batch_drawn_again(monkeypatch):
    """Seen once in a loaded test run: kaleido's Chromium stopped answering mid-batch and the build waited for ever."""
    monkeypatch.setattr(browser, "STALL", 0.3)
    started = time.monotonic()
    with pytest.raises(browser.Stalled):
        asyncio.run(browser._watched(asyncio.sleep(30), [time.monotonic()]))
    assert time.monotonic() - started < 5, "a stalled session is given up within seconds of STALL"

    async def busy(progress):
        for _ in range(4):
            await asyncio.sleep(0.2)
            progress[0] = time.monotonic()
        return "drawn"

    progress = [time.monotonic()]
    assert asyncio.run(browser._watched(busy(progress), progress)) == "drawn", "a session that keeps drawing goes on"
    tries = []

    async def flaky(*args):
        tries.append(args)
        if len(tries) == 1:
            raise browser.Stalled("stopped answering")
        return ["picture"], []

    monkeypatch.setattr(browser, "_run", flaky)
    assert browser.run([{"figure": {}, "opts": {}}]) == (["picture"], []) and len(tries) == 2


def test_a_build_starts_one_browser_for_all_its_calls(monkeypatch):
    """Inside `kept_open()` (the render step) every call draws in one browser, closed when the block ends; outside
    it, each call starts and closes its own."""
    events = []

    class Counted:
        def __init__(self, **options):
            events.append("start")

        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            events.append("close")

        async def calc_fig(self, figure, opts, topojson):
            return b"picture"

    monkeypatch.setattr(browser, "_Session", Counted)
    monkeypatch.setattr(browser, "find", lambda: "/usr/bin/chromium")
    figure = {"figure": {}, "opts": {}}
    with browser.kept_open():
        for _ in range(3):
            assert browser.run([figure]) == ([b"picture"], [])
        assert events == ["start"]
    assert events == ["start", "close"]
    browser.run([figure])
    browser.run([figure])
    assert events == ["start", "close"] * 3


def test_the_browser_session_keeps_plotly_loaded_between_figures():
    """kaleido 1.x reloads its tab after each figure (`_return_kaleido_tab`), two thirds of the drawing time; the
    session of core.browser hands the tab back as it is. If kaleido renames the method, this fails rather than the
    build silently drawing three times slower."""
    assert "_return_kaleido_tab" in vars(kaleido.Kaleido)
    assert "_return_kaleido_tab" in vars(browser._Session)
