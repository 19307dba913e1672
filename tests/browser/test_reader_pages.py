"""Reader-first pages in Chromium: the key facts on the home page's first phone screens, the maps with their
alt text and tables, and tap targets of at least 24x24 px for every permalink and footnote number."""

from __future__ import annotations

import pytest

import charts.card

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Where each map is shown, and the words the home page must show within two phone screens.
MAP_PAGES = {"locator_map": "between-china-and-russia/", "january_2022_map": "since-2022/"}
HOME_MUST_NAME = ("Tokayev", "Astana", "Not Free")
TAPPABLE = "a.headerlink, a.footnote-ref"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_first_two_phone_screens_name_the_president_capital_and_rating(visit, scheme):
    tab = visit("", scheme=scheme, **PHONE).page
    # The text of every element that starts within the first two screens, as a reader scrolling would see it.
    seen = tab.evaluate(
        """(limit) => {
        const out = [];
        const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            const box = range.getBoundingClientRect();
            if (box.height > 0 && box.top + window.scrollY < limit) out.push(node.textContent);
        }
        return out.join(' ');
    }""",
        2 * PHONE["height"],
    )
    for words in HOME_MUST_NAME:
        assert words in seen, f"{words!r} is not within the first two phone screens of the home page"


@pytest.mark.parametrize("chart_id", MAP_PAGES)
def test_each_map_is_on_its_page_with_alt_text_and_a_table(visit, chart_id):
    record = visit(MAP_PAGES[chart_id])
    tab = record.page
    card = tab.locator(f"#{chart_id}")
    assert card.count() == 1, f"{chart_id} is not on {MAP_PAGES[chart_id]}"
    alt = card.evaluate("""c => [...c.querySelectorAll('img[alt], [role=img][aria-label]')]
        .map(e => e.getAttribute('alt') || e.getAttribute('aria-label')).filter(Boolean)""")
    assert alt and min(len(a) for a in alt) > 40, f"{chart_id}: no alt text"
    places = [row["place"] for row in charts.card.build(chart_id).table.rows]
    # The table sits in a closed <details>: its text is in the page even when not shown.
    cells = card.locator("table tbody tr").all_text_contents()
    assert len(cells) == len(places) and all(any(p in c for c in cells) for p in places)
    record.check_clean()


def test_enlarged_tap_targets_do_not_move_the_lines(visit):
    # The same paragraph with and without the enlargement: its height must not change.
    tab = visit("introduction/", **PHONE).page
    heights = tab.evaluate("""() => {
        const p = document.querySelector('.md-typeset p a.footnote-ref').closest('p');
        const before = p.getBoundingClientRect().height;
        document.querySelectorAll('a.footnote-ref').forEach(a => a.style.cssText = 'all: revert');
        const after = p.getBoundingClientRect().height;
        return [before, after];
    }""")
    assert abs(heights[0] - heights[1]) < 1, heights
