"""Every page in Chromium: private, error-free, accessible in both schemes, fits a phone (print:
test_print_and_quiz.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from support import chart_pages, is_chart_page, url_of, wait_for_pictures

from sitebuild import CHAPTERS, PAGES, page_id

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
CHART_PAGES = chart_pages(PAGES)
AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_is_private_clean_and_accessible(visit, page, scheme):
    tab = visit(url_of(page), scheme=scheme)
    wait_for_pictures(tab.page, scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert tab.page.get_attribute("body", "data-md-color-scheme") == expected
    # The dark scheme changes colours only: there the rules that read colours run, in light every WCAG rule.
    only = {"type": "tag", "values": WCAG} if scheme == "light" else {"type": "rule", "values": COLOUR_RULES}
    results = AXE.run(tab.page, options={"runOnly": only, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
    tab.check_clean()


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_fits_a_360px_phone(visit, page):
    tab = visit(url_of(page), width=360, height=740)
    wait_for_pictures(tab.page, "light")
    overflow = tab.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    wide = tab.page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter(e => !e.closest('.md-typeset__scrollwrap, .chart-card__table, pre, .md-sidebar'))
        .filter(e => !(e.ownerSVGElement && e.ownerSVGElement.closest('.chart-card__live')))
        .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5)""")
    assert wide == [], f"elements wider than the screen: {wide}"
    tab.check_clean()


@pytest.mark.parametrize("page", [p for p in CHART_PAGES if p.chapter], ids=page_id)
def test_charts_show_after_following_a_link_and_follow_the_toggle(visit, page):
    tab = visit("")  # start at the home page, then follow an in-site link
    tab.page.locator(f'.md-nav a[href$="{url_of(page)}"]').first.click()
    tab.page.wait_for_url(f"**/{url_of(page)}")
    assert tab.page.evaluate("performance.getEntriesByType('navigation').length") == 1, "not an in-site navigation"
    count = wait_for_pictures(tab.page, "light")
    assert count >= 1
    tab.page.locator("label[for^='__palette']:visible").first.click()
    wait_for_pictures(tab.page, "dark")
    tab.check_clean()


def test_keyboard_reaches_the_skip_link_and_every_chart(visit):
    page = next(p for p in CHAPTERS if is_chart_page(p))
    tab = visit(url_of(page))
    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert "md-skip" in focused[0] and "Skip" in focused[1]
    outline = tab.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    for plot in tab.page.locator(".chart-card__plot").all():
        plot.focus()
        assert tab.page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert tab.page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    tab.check_clean()


@pytest.mark.parametrize("page", CHAPTERS[:1] + CHAPTERS[-1:], ids=page_id)
def test_a_glossary_term_opens_its_definition_in_a_bubble(visit, page):
    """Notes open in place too: tests/browser/test_publication.py taps them."""
    tab = visit(url_of(page), width=390, height=800)
    term = tab.page.locator(".md-content abbr[title]").first
    term.click()
    assert tab.page.locator(".bubble").inner_text() == term.get_attribute("title")
    tab.page.keyboard.press("Escape")
    assert tab.page.locator(".bubble").count() == 0
    tab.check_clean()
