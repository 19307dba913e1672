"""In Chromium: the classroom page's quiz marks answers privately and accessibly; chapters, classroom pages (student
and teacher) and the whole explainer print within their page budgets, with no address of the site itself."""

from __future__ import annotations

from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pytest
from support import chart_words, is_chart_page, url_of

from charts import card
from charts.registry import CHARTS
from core import strings
from explainer import pages, quiz

from sitebuild import CHAPTERS, PAGES, SITE_URL, page_id

pytestmark = pytest.mark.browser

PRINT_PAGE = next(p for p in PAGES if p.src == "print/index.md")
# The pages a reader prints: each chapter, the whole explainer, and any other page with a chart.
PRINTED = [p for p in PAGES if p in CHAPTERS or p == PRINT_PAGE or is_chart_page(p)]
# A4 pages with 1 cm margins; US Letter is 6% shorter, so it gets one page more.
# A chart prints as its picture with the takeaway, sources and notes beside it and then under it.
BUDGET = {"print/index.md": 42}
CHAPTER_BUDGET = 8
CLASSROOM_BUDGET = {"student": 8, "teacher": 9}
MARGINS = {side: "1cm" for side in ("top", "right", "bottom", "left")}
CELLS = {chart_id: {c for row in card.build(chart_id).table.cells() for c in row} for chart_id in CHARTS}


def classroom(page, edition: str = "student") -> str:
    return url_of(page) + ("classroom/" if edition == "student" else "classroom/teacher/")


def printed(tab, path, fmt: str = "A4") -> tuple[int, str]:
    """Print the open page as Chromium does (it runs the page's beforeprint work first); return pages and text."""
    tab.pdf(path=str(path), format=fmt, margin=MARGINS, print_background=True)
    document = pdfium.PdfDocument(str(path))
    text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    return len(document), " ".join(text.split())


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_choosing_an_answer_marks_it_at_once_keeps_focus_and_sends_nothing(visit, page):
    found = quiz.load(page.slug, CELLS)
    tab = visit(classroom(page), width=390, height=844)
    first = found.questions[0]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    qid = f"quiz-{found.slug}-1"
    tab.page.locator(f"#{qid}").scroll_into_view_if_needed()
    tab.page.wait_for_load_state("networkidle")
    # The browser asks for the page's icon on its own, late when the machine is busy: that is not the quiz sending.
    icon = tab.page.evaluate("document.querySelector('link[rel~=icon]').href")
    asked = len(tab.requests)

    tab.page.locator(f"#{qid} input").nth(wrong).check()
    region = tab.page.locator(f"#{qid} [role=status]")
    assert region.inner_text().startswith(strings.text("quiz.wrong"))
    # The page sets typographic apostrophes; the quiz file types straight ones.
    assert first.options[wrong].feedback in region.inner_text().replace("’", "'")
    assert tab.page.evaluate("document.activeElement.name") == qid, "focus stays on the chosen option"
    # Keyboard: arrow keys move between options, and each choice is marked as it is made.
    for _ in range(len(first.options)):
        if region.inner_text().startswith(strings.text("quiz.correct")):
            break
        tab.page.keyboard.press("ArrowDown")
    assert region.inner_text().startswith(strings.text("quiz.correct"))
    assert next(o for o in first.options if o.correct).feedback in region.inner_text().replace("’", "'")
    tab.page.wait_for_timeout(300)
    requests = [url for url in tab.requests[asked:] if url != icon]
    assert requests == [], f"answering sent requests: {requests}"
    # The link to the passage takes the reader to the chapter's paragraph that holds the answer.
    tab.page.locator(f"#{qid} .quiz__pointer a").focus()
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(f"**/{url_of(page)}#{first.anchor}")
    tab.page.wait_for_function("id => document.getElementById(id) !== null", arg=first.anchor)
    tab.check_clean()


def test_the_quiz_works_on_the_page_the_chapter_leads_to(visit):
    page = CHAPTERS[-1]
    tab = visit(url_of(page))
    tab.page.locator('.in-class a[href="classroom/"]').first.click()
    tab.page.wait_for_url(f"**/{classroom(page)}")
    qid = f"quiz-{page.slug}-2"
    tab.page.locator(f"#{qid} input").first.check()
    # quiz.js arrives on demand (site.js asks for it on a page with a quiz): the answer is marked once it has.
    tab.page.wait_for_function(f"document.querySelector('#{qid} [role=status]').textContent.trim() !== ''")
    tab.check_clean()


def resources(tab) -> list[str]:
    tab.page.wait_for_load_state("networkidle")
    return tab.page.evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")


def test_the_quiz_script_loads_only_on_pages_with_a_quiz(visit):
    assert not [r for r in resources(visit(url_of(CHAPTERS[0]))) if r.endswith("/quiz.js")], "a reader's page"
    assert [r for r in resources(visit(classroom(CHAPTERS[0]))) if r.endswith("/quiz.js")], "the classroom page"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("page", PRINTED, ids=page_id)
def test_a_page_prints_whole_within_its_budget(visit, page, paper, tmp_path, base_url):
    """Printed straight after it loads, as a reader would: no navigation; every chart as its light, wide picture, none
    cropped and nothing of a card outside it; every box open; the sources' addresses but none of the site itself; within
    the page budget."""
    tab = visit(url_of(page))
    tab.page.emulate_media(media="print")
    words = chart_words(tab)
    hidden = tab.page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
        .map(s => document.querySelector(s)).filter(e => e && e.offsetParent !== null).map(e => e.className)""")
    assert hidden == [], f"navigation shows in print: {hidden}"
    outside = tab.page.evaluate("""() => [...document.querySelectorAll('.chart-card')].flatMap(card => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('*')].filter(e => e.offsetParent !== null || e.tagName === 'IMG')
          .filter(e => { const r = e.getBoundingClientRect();
            return r.width && (r.right > box.right + 1 || r.left < box.left - 1); })
          .map(e => card.id + ' ' + e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 3);
    })""")
    assert outside == [], f"chart card content runs past its card in print: {outside}"
    shown = tab.page.evaluate("""() => [...document.querySelectorAll('.chart-card')].map(card =>
        [...card.querySelectorAll('.chart-card__picture img')].filter(i => i.offsetParent !== null)
          .map(i => i.currentSrc.split('/').pop()))""")
    assert all(len(s) == 1 and s[0].endswith(".light.wide.svg") for s in shown), f"print shows {shown}"
    # The page's own beforeprint work runs first (site.js); this listener, added after it, sees the result.
    tab.page.evaluate("""addEventListener('beforeprint', () => { window.closedInPrint =
        [...document.querySelectorAll('details')].filter(d => !d.open).length; })""")
    count, text = printed(tab.page, tmp_path / "page.pdf", paper)
    assert tab.page.evaluate("window.closedInPrint") == 0, "every box (a card's sources, a note) prints open"
    budget = BUDGET.get(page.src, CHAPTER_BUDGET) + (paper == "Letter")
    assert count <= budget, f"{page.src} prints to {count} {paper} pages; the budget is {budget}"
    # A chart is printed when some word it draws is in the PDF more often than in the page's text.
    missing = [chart for chart, found in words.items() if not any(text.count(w) > n for w, n in found.items())]
    assert missing == [], f"charts missing from the {paper} PDF: {missing}"
    hosts = {urlsplit(base_url).netloc, urlsplit(pages.load_settings().site_url).netloc, urlsplit(SITE_URL).netloc}
    for host in filter(None, hosts):
        assert host not in text.replace(" ", ""), f"the PDF prints an address on {host}"
    assert "http" in text, "the sources' addresses are printed in Sources and notes"
    tab.check_clean()


@pytest.mark.parametrize("edition", ["student", "teacher"])
@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_each_classroom_page_prints_within_its_budget_and_only_the_teachers_has_the_key(visit, page, edition, tmp_path):
    tab = visit(classroom(page, edition))
    count, text = printed(tab.page, tmp_path / "page.pdf")
    assert count <= CLASSROOM_BUDGET[edition], f"{classroom(page, edition)} prints to {count} A4 pages"
    key = " ".join(strings.text("quiz.key").split())
    assert (key in text) == (edition == "teacher"), "the answer key prints in the teacher's edition only"
    tab.check_clean()


def test_in_the_whole_explainer_each_chapter_the_glossary_and_the_sources_start_a_new_page(visit, tmp_path):
    """So that a teacher can print one chapter, or leave the sources out, by choosing pages."""
    tab = visit(url_of(PRINT_PAGE))
    starts = tab.page.locator(".print-chapter > h2:first-child, h2.print-part").all_inner_texts()
    assert len(starts) == len(CHAPTERS) + 2, starts
    tab.page.pdf(path=str(tmp_path / "all.pdf"), format="A4", margin=MARGINS, print_background=True)
    document = pdfium.PdfDocument(str(tmp_path / "all.pdf"))
    tops = [" ".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document))]
    for heading in starts:
        title = " ".join(heading.replace("¶", "").split())
        assert any(top.startswith(title) for top in tops), f"{title!r} does not start a printed page"
    tab.check_clean()
