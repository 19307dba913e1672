"""Chapters that read like a publication (issue 19), tested the way readers use them: the phone's first screen, a
note tapped and read in place, a chart card opened and closed, Next followed from the first chapter to the contents,
tap targets, the menu, print. Every page list comes from explainer.pages, never from a list written here."""

from __future__ import annotations

import re

import pytest
import yaml

from core import ROOT
from explainer import pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SETTINGS = pages.load_settings()
ALL_PAGES = pages.site_pages(SETTINGS.nav)
CHAPTERS = pages.chapters(ALL_PAGES)
HOME = next(page for page in ALL_PAGES if page.src == "index.md")
CHART_MARKER = re.compile(r"<!--\s*md:chart\s+(\w+)\s*-->")
CHART_PAGES = [page for page in ALL_PAGES if CHART_MARKER.search(page.body)]


def path_of(page) -> str:
    """The page's address below the site root: "" for home, "introduction/" for a chapter."""
    return pages.page_url(page.src)


def page_id(page) -> str:
    return page.src.removesuffix("/index.md").removesuffix(".md")


def plain(text: str) -> str:
    """Text with its typographic quotation marks made straight, to compare a page with its source."""
    return text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})).strip()


def words(key: str) -> str:
    """A reader-facing string of the English edition (includes/strings/en.yml), by its dotted key."""
    found = yaml.safe_load((ROOT / "includes" / "strings" / "en.yml").read_text(encoding="utf-8"))
    for part in key.split("."):
        found = found[part]
    return found


# -- The first screen ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_a_phone_first_screen_shows_headline_standfirst_and_the_story_starting(visit, page):
    tab = visit(path_of(page), **PHONE)
    found = tab.page.evaluate(
        """() => {
          const h1 = document.querySelector('.md-content h1');
          const stand = document.querySelector('.md-content .standfirst');
          const meta = document.querySelector('.md-content .page-meta');
          let story = meta.nextElementSibling;
          while (story && story.tagName !== 'P') story = story.nextElementSibling;
          const css = getComputedStyle(h1);
          return {
            weight: +css.fontWeight, h1Colour: css.color,
            standSize: parseFloat(getComputedStyle(stand).fontSize),
            standBottom: stand.getBoundingClientRect().bottom,
            storyTop: story.getBoundingClientRect().top,
            line: meta.querySelector('.page-meta__line').getBoundingClientRect().height,
            lineSize: parseFloat(getComputedStyle(meta).fontSize),
            vh: innerHeight,
          };
        }"""
    )
    assert found["weight"] >= 700, "the headline is bold"
    assert found["standSize"] >= 18, f"the standfirst is {found['standSize']}px"
    assert found["standBottom"] <= found["vh"], "the whole standfirst is on the first screen"
    assert found["storyTop"] < found["vh"] - 40, f"the story starts at {found['storyTop']:.0f}px, off the first screen"
    assert found["line"] <= found["lineSize"] * 2, "part and reading time sit on one quiet line"
    tab.check_clean()


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_every_chapter_says_which_part_it_is_and_shows_the_series(visit, page):
    tab = visit(path_of(page), **PHONE)
    line = tab.page.locator(".page-meta__part").inner_text()
    assert words("page.part").format(number=page.chapter, total=len(CHAPTERS)) in line
    assert (words("page.epilogue") in line) == page.meta.epilogue, "only the epilogue is labelled as one"
    series = tab.page.locator(".series a")
    assert series.count() == len(CHAPTERS)
    assert tab.page.locator('.series a[aria-current="page"]').inner_text() == str(page.chapter)


# -- Notes -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_notes_are_numbered_in_reading_order_one_number_per_note(visit, page):
    tab = visit(path_of(page))
    numbers = tab.page.eval_on_selector_all(".md-content a.footnote-ref", "refs => refs.map(r => +r.textContent)")
    assert numbers, "a chapter has notes"
    highest = 0
    for number in numbers:
        assert number <= highest + 1, f"note {number} comes before note {highest + 1}: {numbers}"
        highest = max(highest, number)
    listed = tab.page.eval_on_selector_all(".footnote > ol > li", "items => items.length")
    assert listed == highest, "the list at the foot has one entry per number"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_a_tapped_note_opens_in_place_and_closes_with_escape(visit, page):
    tab = visit(path_of(page), **PHONE)
    refs = tab.page.locator(".md-content a.footnote-ref")
    ref = refs.nth(refs.count() // 2)
    ref.scroll_into_view_if_needed()
    before = tab.page.evaluate("scrollY")
    ref.click()
    bubble = tab.page.locator(".note-bubble")
    assert bubble.is_visible()
    assert tab.page.evaluate("scrollY") == before, "the page did not jump to the list of notes"
    box = bubble.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] + 1, "the whole note is on the screen"
    assert bubble.get_attribute("role") == "dialog"
    assert bubble.get_attribute("aria-label") == words("page.note_label").format(number=ref.inner_text().strip())
    target = ref.get_attribute("href").split("#", 1)[1]
    note = tab.page.locator(f'[id="{target}"]').inner_text().strip()
    assert note[:40] in bubble.inner_text(), "the bubble holds the note, with its source"
    assert tab.page.evaluate("document.activeElement.classList.contains('note-bubble')"), "focus moved into the note"
    tab.page.keyboard.press("Escape")
    assert bubble.count() == 0
    assert tab.page.evaluate("document.activeElement.classList.contains('footnote-ref')"), "focus went back"
    tab.check_clean()


def test_a_note_opens_from_the_keyboard_and_its_close_button_works(visit):
    tab = visit(path_of(CHAPTERS[0]))
    ref = tab.page.locator(".md-content a.footnote-ref").first
    ref.focus()
    tab.page.keyboard.press("Enter")
    bubble = tab.page.locator(".note-bubble")
    assert bubble.is_visible()
    assert tab.page.evaluate("document.activeElement.id") == "note-bubble"
    close = bubble.locator("button")
    assert close.get_attribute("aria-label") == words("page.note_close")
    close.click()
    assert bubble.count() == 0
    assert tab.page.evaluate("document.activeElement.classList.contains('footnote-ref')")
    # The list at the foot stays, for paper and for readers without a script.
    assert tab.page.locator(".footnote > ol > li").count() >= 1


# -- Chart cards -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", CHART_PAGES, ids=page_id)
def test_a_closed_card_on_a_phone_is_its_picture_and_at_most_250px_more(visit, page, scheme):
    tab = visit(path_of(page), scheme=scheme, **PHONE)
    cards = tab.page.evaluate(
        """() => [...document.querySelectorAll('.md-content .chart-card')].map(card => {
          const picture = [...card.querySelectorAll('.chart-card__picture')].find(p => p.offsetParent);
          return {id: card.id, card: card.getBoundingClientRect().height,
                  picture: picture.getBoundingClientRect().height,
                  open: card.querySelector('details').open};
        })"""
    )
    assert cards
    for card in cards:
        assert not card["open"], f"{card['id']}: the details wait until asked for"
        extra = card["card"] - card["picture"]
        assert extra <= 250, f"{card['id']}: {extra:.0f}px besides the picture"
    tab.check_clean()


@pytest.mark.parametrize("page", CHART_PAGES, ids=page_id)
def test_a_card_opens_its_table_sources_and_downloads_and_closes_again(visit, page):
    tab = visit(path_of(page), **PHONE)
    card = tab.page.locator(".md-content .chart-card").first
    control = card.locator("summary")
    assert control.inner_text().strip() == words("card.more")
    assert card.locator("details > summary").count() == 1, "one control row"
    table = card.locator("table")
    assert not table.is_visible()
    control.click()
    assert table.is_visible()
    assert card.locator("a[download]").first.is_visible()
    assert card.locator(".chart-card__foot").is_visible(), "sources, notes and licence"
    control.click()
    assert not table.is_visible()


@pytest.mark.parametrize("page", CHART_PAGES, ids=page_id)
def test_cards_reserve_their_picture_space(visit, page):
    tab = visit(path_of(page), **PHONE)
    sizes = tab.page.eval_on_selector_all(
        ".md-content .chart-card__picture img, .md-content .chart-card__picture source",
        "els => els.map(e => [e.getAttribute('width'), e.getAttribute('height')])",
    )
    assert sizes and all(w and h for w, h in sizes), "every picture says its size, so nothing moves as it loads"
    before = tab.page.eval_on_selector_all(".md-content .chart-card", "cs => cs.map(c => c.offsetHeight)")
    tab.page.mouse.wheel(0, 3000)
    tab.page.wait_for_timeout(300)
    after = tab.page.eval_on_selector_all(".md-content .chart-card", "cs => cs.map(c => c.offsetHeight)")
    assert before == after, "cards keep their height while the reader scrolls"


# -- The way on --------------------------------------------------------------------------------------------------


def test_next_leads_from_the_first_chapter_through_every_chapter_back_to_the_contents(visit):
    tab = visit(path_of(CHAPTERS[0]), **PHONE)
    seen = []
    for _ in range(len(CHAPTERS) + 1):
        here = tab.page.evaluate("location.pathname")
        seen.append(here)
        if here.rstrip("/") == "":
            break
        card = tab.page.locator(".next-chapter")
        box = card.bounding_box()
        assert box["height"] <= PHONE["height"], "the next chapter's card fits one phone screen"
        assert tab.page.locator(".md-footer__link").count() == 0, "no footer links into the reference pages"
        card.locator(".next-chapter__title a").click()
        tab.page.wait_for_load_state()
        tab.page.wait_for_function(f"location.pathname !== {here!r}")
    expected = ["/" + path_of(page) for page in CHAPTERS] + ["/"]
    assert seen == expected


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_the_next_card_follows_the_summary_and_shows_the_next_standfirst(visit, page):
    tab = visit(path_of(page), **PHONE)
    position = CHAPTERS.index(page)
    card = tab.page.locator(".next-chapter")
    if position + 1 < len(CHAPTERS):
        following = CHAPTERS[position + 1]
        assert plain(card.locator(".next-chapter__title").inner_text()) == plain(following.heading)
        assert plain(card.locator(".next-chapter__standfirst").inner_text()) == plain(following.description)
    else:
        assert card.locator(".next-chapter__title").inner_text().strip() == words("page.back_to_contents")
    summary_end = tab.page.evaluate(
        """() => { const s = document.querySelector('.md-content .admonition.summary')
                             || document.querySelector('.md-content h2#summary + *');
                   return s ? s.getBoundingClientRect().bottom + scrollY : null; }"""
    )
    if summary_end is not None:
        top = card.evaluate("c => c.getBoundingClientRect().top + scrollY")
        assert 0 <= top - summary_end <= PHONE["height"], "the next chapter comes right after the summary"


@pytest.mark.parametrize("page", [CHAPTERS[0], CHAPTERS[-1]], ids=page_id)
def test_the_phone_menu_lists_every_chapter_with_its_number(visit, page):
    tab = visit(path_of(page), **PHONE)
    tab.page.locator('.md-header label[for="__drawer"]').click()
    tab.page.wait_for_timeout(400)
    numbers = tab.page.eval_on_selector_all(
        ".md-nav--primary .md-nav__number",
        """ns => ns.filter(n => { const r = n.getBoundingClientRect();
                              if (!r.width || r.bottom > innerHeight) return false;
                              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                              return hit && (hit === n || n.contains(hit) || hit.contains(n)); })
                  .map(n => n.textContent)""",
    )
    assert numbers == [str(page.chapter) for page in CHAPTERS], "every chapter, numbered, on the menu's first screen"


# -- The home page -----------------------------------------------------------------------------------------------


def test_the_home_page_orients_the_reader(visit):
    tab = visit(path_of(HOME), **PHONE)
    og = tab.page.locator('meta[property="og:title"]').get_attribute("content")
    assert og == SETTINGS.site_name
    tops = tab.page.evaluate(
        """() => ({map: document.querySelector('#locator_map').getBoundingClientRect().top,
                   facts: document.querySelector('.key-facts').getBoundingClientRect().height,
                   chapters: document.querySelectorAll('.chapter-list > li').length})"""
    )
    assert tops["map"] < PHONE["height"], "the locator map starts on the first screen"
    assert tops["facts"] <= PHONE["height"] - 56, "the key facts fit one phone screen"
    assert tops["chapters"] == len(CHAPTERS)
    tab.check_clean()


# -- Finish ------------------------------------------------------------------------------------------------------

TARGETS = ".md-content :is(a[href], abbr[title], button, summary, [tabindex='0'])"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_every_target_in_the_article_is_at_least_24px(visit, page):
    tab = visit(path_of(page), **PHONE)
    tab.page.evaluate("document.querySelectorAll('.md-content details').forEach(d => d.open = true)")
    small = tab.page.eval_on_selector_all(
        TARGETS,
        """els => els.filter(e => e.getClientRects().length && !e.closest('.footnote')).flatMap(e => {
            const rects = [...e.getClientRects()].filter(r => r.width > 0);
            const box = e.getBoundingClientRect();
            const low = rects.some(r => r.height < 23.5) || box.width < 23.5;
            return low ? [(e.className || e.tagName) + ' ' + e.textContent.trim().slice(0, 30) + ' '
                          + Math.round(box.width) + 'x' + Math.min(...rects.map(r => Math.round(r.height)))] : [];
        })""",
    )
    assert small == [], f"{len(small)} targets under 24x24: {small[:8]}"


@pytest.mark.parametrize("page", CHAPTERS[:1], ids=page_id)
def test_section_links_appear_on_hover_and_focus_only(visit, page):
    tab = visit(path_of(page))
    link = tab.page.locator(".md-content h2 .headerlink").first
    opacity = "e => +getComputedStyle(e).opacity"
    assert link.evaluate(opacity) == 0
    link.focus()
    tab.page.wait_for_function("e => getComputedStyle(e).opacity === '1'", arg=link.element_handle(), timeout=2000)
    assert tab.page.locator(".md-top").count() == 0, "no Back to top button over the text"


@pytest.mark.parametrize("page", CHAPTERS[:1], ids=page_id)
def test_the_text_has_typographic_quotation_marks(visit, page):
    tab = visit(path_of(page))
    text = tab.page.locator(".md-content article").inner_text()
    straight = re.findall(r".{20}[\"'].{20}", text)
    assert straight == [], f"straight quotation marks: {straight[:5]}"


@pytest.mark.parametrize("page", [page for page in CHART_PAGES if page.chapter is not None][:1], ids=page_id)
def test_a_chapter_prints_story_pictures_open_details_and_notes_without_nav_or_buttons(visit, page):
    tab = visit(path_of(page))
    tab.page.emulate_media(media="print")
    shown = tab.page.evaluate(
        """() => {
          const visible = sel => [...document.querySelectorAll(sel)].some(e => e.getClientRects().length);
          return {
            nav: visible('.md-header') || visible('.md-sidebar--primary .md-nav') || visible('.series'),
            buttons: visible('.md-content button') || visible('.chart-card__more > summary'),
            next: visible('.next-chapter'),
            picture: visible('.chart-card__picture--light img'),
            sources: visible('.chart-card__foot'),
            notes: visible('.footnote li'),
          };
        }"""
    )
    assert shown == {
        "nav": False,
        "buttons": False,
        "next": False,
        "picture": True,
        "sources": True,
        "notes": True,
    }
