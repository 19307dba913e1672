"""Search costs nothing until it is used: its index is fetched on the first use of search, and then it works."""

from __future__ import annotations

import pytest

from sitebuild import PAGES, page_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", [p for p in PAGES if p.src in ("index.md", "introduction/index.md")], ids=page_id)
def test_search_index_loads_on_first_use_of_search(visit, page):
    tab = visit("" if page.src == "index.md" else page.src.removesuffix("index.md"))
    tab.page.wait_for_load_state("networkidle")
    assert not [u for u in tab.requests if "search_index" in u], "the search index loads before anyone searches"
    tab.page.locator("input.md-search__input").click()
    # Typed key by key, as a reader types: Material reads the box on keyup (and when its index is ready).
    # fill() sends no keyup, so under load the query was lost whenever the index became ready between
    # fill()'s focus and its text (the offline search's flake in the full suite).
    tab.page.locator("input.md-search__input").press_sequentially("SORM")
    tab.page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert tab.page.locator(".md-search-result__item").count() >= 1
    tab.check_clean()
