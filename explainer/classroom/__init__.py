"""Classroom files: a worksheet (DOCX and PDF) per chapter and a slide deck (PPTX) per lesson, from one function."""

from __future__ import annotations

from charts.card import asset
from core import bibliography, browser, cache, strings

from .. import html, pages, quiz
from . import deck, diagram, lessons, material, worksheet
from .lessons import deck_path, worksheet_path


def _pictures(built: dict, chart_files: dict[str, bytes], chart_ids) -> dict[str, tuple[str, bytes]]:
    """Chart id → (title, PNG) for the charts whose PNG the render step drew; others are left out."""
    from ..chart_card import words

    out = {}
    for chart_id in chart_ids:
        png = chart_files.get(asset(chart_id, "png"))
        if png and chart_id in built:
            out[chart_id] = (words(built[chart_id]).title, png)
    return out


def print_pdfs(pages_html: dict[str, str]) -> dict[str, bytes]:
    """Name → PDF for each name → HTML page, printed by the headless browser; pages printed before come from the
    cache, keyed by their HTML."""
    names = list(pages_html)

    def make(missing: list[int]) -> list[bytes]:
        return browser.run([], [pages_html[names[i]] for i in missing])[1]

    keys = [cache.key(pages_html[name]) + ".pdf" for name in names]
    return dict(zip(names, cache.many("pdf", keys, make), strict=True))


def files(built: dict, chart_files: dict[str, bytes], settings: pages.Settings, site_pages: list) -> dict[str, bytes]:
    """Site path → bytes of every worksheet and deck. `built` and `chart_files` are the charts and files the render
    step already made (their PNGs go into the worksheets and slides); every quiz file is checked here."""
    works = bibliography.load()
    quizzes = quiz.load_all()
    chapters = {}
    for page in pages.chapters(site_pages):
        m = material.load(page, works)
        chapters[m.slug] = (m, page)
    out: dict[str, bytes] = {}
    printed = {}
    for slug, (m, page) in chapters.items():
        questions = quizzes[slug].questions if slug in quizzes else ()
        pictures = _pictures(built, chart_files, m.charts)
        out[worksheet_path(slug, "docx")] = worksheet.docx_bytes(
            m, questions, pictures, settings.site_name, settings.author, page.updated
        )
        printed[worksheet_path(slug, "pdf")] = worksheet.html_page(m, questions, pictures, settings.site_name)
    out.update(print_pdfs(printed))
    for plan in lessons.plans():
        for lesson in plan.lessons:
            slugs = list(dict.fromkeys([*lesson.before, *(s for step in lesson.steps for s in step.activities)]))
            used = [chapters[s][0] for s in slugs]
            pictures = _pictures(built, chart_files, [c for m in used for c in m.charts])
            extra = []
            if lesson.diagram == "certificate":
                extra.append(
                    (
                        strings.text("classroom.diagram_caption"),
                        diagram.certificate(),
                        strings.text("classroom.diagram_notes"),
                    )
                )
            updated = max(chapters[s][1].updated for s in slugs)
            out[deck_path(plan.id, lesson.id)] = deck.pptx_bytes(
                plan, lesson, used, pictures, extra, settings.author, updated
            )
    return dict(sorted(out.items()))


def downloads_html(slug: str, root: str) -> str:
    """The links under a chapter's activity: its worksheet (DOCX, PDF) and the decks of lessons that use it."""
    t = strings.text
    links = [
        {"href": worksheet_path(slug, "docx"), "label": t("classroom.worksheet_docx"), "download": True},
        {"href": worksheet_path(slug, "pdf"), "label": t("classroom.worksheet_pdf"), "download": False},
    ]
    for plan in lessons.plans():
        for lesson in plan.lessons:
            if slug in lesson.before or any(slug in step.activities for step in lesson.steps):
                name = f"{plan.title}, {lesson.title}" if len(plan.lessons) > 1 else plan.title
                links.append(
                    {"href": deck_path(plan.id, lesson.id), "label": t("classroom.deck", lesson=name), "download": True}
                )
    table = lessons.activity_table(slug)
    return (
        "\n\n"
        + html.render("classroom_downloads.html", links=links, root=root)
        + "\n\n"
        + html.render("activity_table.html", columns=table["columns"], rows=table["rows"])
        + "\n\n"
    )
