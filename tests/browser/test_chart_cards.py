"""Every chart in Chromium: a picture whatever the reader does (jumps, phone, no script), live on request (print:
test_print_and_quiz.py)."""

from __future__ import annotations

import contextlib
import re

import pytest
from support import chart_pages, url_of, wait_for_pictures

from charts.registry import CHARTS

from sitebuild import EDITIONS, PAGES, page_id

pytestmark = pytest.mark.browser

CHART_PAGES = chart_pages(PAGES)
# The first page that shows each chart: where its live version is tried.
HOME_OF = {
    chart_id: next(p for p in CHART_PAGES if f"<!-- md:chart {chart_id} " in p.body)
    for chart_id in CHARTS
    if any(f"<!-- md:chart {chart_id} " in p.body for p in CHART_PAGES)
}
SHRINK = 1.3

# Ids of chart cards that show nothing: neither a drawn live chart nor a loaded, displayed picture.
BLANK_CHARTS = """() => [...document.querySelectorAll('.chart-card')].filter(card => {
    const live = card.querySelector('.main-svg');
    if (live) { const r = live.getBoundingClientRect(); return !(r.width > 50 && r.height > 50); }
    const shown = [...card.querySelectorAll('.chart-card__picture img')]
      .filter(i => getComputedStyle(i.closest('picture')).display !== 'none');
    if (shown.length !== 1) return true;
    const img = shown[0], r = img.getBoundingClientRect();
    return !(img.complete && img.naturalWidth > 0 && r.width > 50 && r.height > 50);
}).map(card => card.id)"""


def assert_every_chart_visible(tab, when: str) -> None:
    assert tab.page.locator(".chart-card").count() >= 1
    # On a time-out, report which charts are blank rather than the time-out.
    with contextlib.suppress(Exception):
        tab.page.wait_for_function(f"({BLANK_CHARTS})().length === 0", timeout=10000)
    blank = tab.page.evaluate(BLANK_CHARTS)
    assert blank == [], f"blank charts {when}: {blank}"


@pytest.mark.parametrize("page", CHART_PAGES, ids=page_id)
def test_charts_stay_after_in_page_jumps_and_navigation_back(visit, page):
    tab = visit(url_of(page))
    # Scroll past every chart like a reader, without touching one.
    for card in tab.page.locator(".chart-card").all():
        card.scroll_into_view_if_needed()
    assert_every_chart_visible(tab, "after scrolling")
    content = tab.page.locator(".md-content")
    steps = [
        ("a footnote reference", content.locator("a.footnote-ref").first),
        ("its back-link", content.locator("a.footnote-backref").first),
        ("a contents entry", tab.page.locator(".md-nav--secondary a.md-nav__link:visible").last),
        ("a permalink", content.locator(".chart-card a.headerlink").first),
    ]
    for name, link in steps:
        if link.count():
            link.focus()
            tab.page.keyboard.press("Enter")
            tab.page.wait_for_timeout(300)
            assert_every_chart_visible(tab, f"after clicking {name}")
    # Away to another page and back (the browser's history).
    tab.page.locator(".md-header__title, .md-nav--primary a.md-nav__link").locator("visible=true").first.click()
    tab.page.wait_for_timeout(300)
    tab.page.go_back()
    tab.page.wait_for_url(f"**/{url_of(page)}*")
    assert_every_chart_visible(tab, "after going away and back")
    tab.check_clean()


@pytest.mark.parametrize("page", CHART_PAGES, ids=page_id)
def test_phone_shows_the_narrow_picture_unshrunk(visit, page):
    tab = visit(url_of(page), width=360, height=740)
    assert_every_chart_visible(tab, "at 360 px")
    sizes = tab.page.evaluate("""() => [...document.querySelectorAll('.chart-card__picture img')]
        .filter(i => i.offsetParent !== null)
        .map(i => [i.closest('.chart-card').id, i.currentSrc.split('/').pop(), i.naturalWidth,
                   i.getBoundingClientRect().width])""")
    for chart, src, natural, shown in sizes:
        assert src.endswith(".narrow.svg"), f"{chart}: a phone gets {src}"
        assert natural / shown <= SHRINK, f"{chart}: the picture is shrunk {natural / shown:.2f}x"
    tab.check_clean()


# The texts of the open SVG whose box, through its whole transform, runs outside the picture's viewBox.
OUTSIDE = """() => { const svg = document.querySelector('svg');
        const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
        return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
          .map(t => [t.textContent, t.getBBox(), t.getCTM()])
          // Each corner of the text's box through its whole transform (a y-axis title is turned 90°).
          .map(([s, b, m]) => {
            const xs = [], ys = [];
            for (const [px, py] of [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height],
                                    [b.x + b.width, b.y + b.height]]) {
              xs.push(m.a * px + m.c * py + m.e); ys.push(m.b * px + m.d * py + m.f);
            }
            return [s, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]; })
          .filter(([s, x0, y0, x1, y1]) => x0 < x - 1 || y0 < y - 1 || x1 > x + w + 1 || y1 > y + h + 1)
          .map(([s, x0, y0, x1, y1]) =>
            `${s} (${Math.round(x0)}..${Math.round(x1)}, ${Math.round(y0)}..${Math.round(y1)})`); }"""


@pytest.mark.parametrize("edition", ["", *(f"{code}/" for code in EDITIONS)])
def test_no_label_runs_outside_any_picture(visit, base_url, edition):
    """Every chart's narrow and wide picture in the edition, in one tab; every label outside its picture is listed."""
    tab = visit(f"{edition}assets/charts/{sorted(HOME_OF)[0]}.light.narrow.svg", width=800, height=700)
    outside = []
    for chart_id in sorted(HOME_OF):
        for variant in ("light.narrow", "light.wide"):
            tab.page.goto(f"{base_url}{edition}assets/charts/{chart_id}.{variant}.svg")
            outside += [f"{chart_id} {variant}: {label}" for label in tab.page.evaluate(OUTSIDE)]
    assert outside == [], f"labels outside the picture: {outside}"
    tab.check_clean()


@pytest.mark.parametrize("page", CHART_PAGES, ids=page_id)
def test_every_chart_shows_without_javascript(browser, base_url, page):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(base_url + url_of(page), wait_until="load")
        blank = tab.evaluate(BLANK_CHARTS)
        assert tab.locator(".chart-card").count() >= 1 and blank == [], f"blank charts with JavaScript off: {blank}"
        explore = tab.evaluate(
            "[...document.querySelectorAll('.chart-card__explore')].filter(b => b.offsetParent).length"
        )
        assert explore == 0, "an Explore button that cannot work is hidden"
    finally:
        context.close()


@pytest.mark.parametrize("chart_id", sorted(HOME_OF))
def test_explore_gives_a_live_chart_with_hover_values(visit, chart_id):
    tab = visit(url_of(HOME_OF[chart_id]))
    card = tab.page.locator(f"#{chart_id}")
    card.scroll_into_view_if_needed()
    picture = card.locator(".chart-card__picture img:visible").bounding_box()
    card.locator(".chart-card__explore").click()
    tab.page.wait_for_function(
        f"document.querySelector('#{chart_id}[data-live=light] .chart-card__live .main-svg')", timeout=20000
    )
    live = card.locator(".chart-card__live").bounding_box()
    assert abs(live["height"] - picture["height"]) <= 2 and abs(live["width"] - picture["width"]) <= 2, (picture, live)
    points = card.locator(
        ".chart-card__live .scatterlayer .point, .chart-card__live .barlayer .point path, "
        ".chart-card__live .scattergeo .point, .chart-card__live .geo .js-path"
    )
    hovered = False
    for i in range(min(points.count(), 12)):
        box = points.nth(i).bounding_box()
        if not box or box["width"] < 1 or box["height"] < 1:  # a bar of zero length has nothing to hover
            continue
        tab.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            tab.page.wait_for_selector(f"#{chart_id} .hoverlayer .hovertext", timeout=1500)
            hovered = True
            break
        except Exception:  # noqa: BLE001 - a point with hover turned off (context shapes); try the next
            continue
    assert hovered, f"{chart_id}: no hover value on the live chart"
    assert re.search(r"\d", card.locator(".hoverlayer .hovertext").first.text_content())
    # The palette toggle redraws the live chart in dark colours.
    tab.page.locator("label[for^='__palette']:visible").first.click()
    tab.page.wait_for_function(
        f"document.querySelector('#{chart_id}').getAttribute('data-live') === 'dark'", timeout=10000
    )
    tab.check_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_downloads_the_pictures_of_its_own_colour_scheme_at_once(visit, scheme):
    """A light page never fetches a dark picture; a dark page fetches every dark one without scrolling
    (and every light one, which paper prints)."""
    page = next(p for p in CHART_PAGES if p.src == "print/index.md")
    tab = visit(url_of(page), scheme=scheme, width=390, height=844)
    count = wait_for_pictures(tab.page, scheme)
    tab.page.wait_for_load_state("networkidle")
    fetched = tab.page.evaluate("performance.getEntriesByType('resource').map(e => e.name.split('/').pop())")
    light = [name for name in fetched if ".light." in name]
    dark = [name for name in fetched if ".dark." in name]
    assert count == len(CHARTS) and len(light) == count, light
    assert len(dark) == (count if scheme == "dark" else 0), dark
    tab.check_clean()
