"""Classroom files: a worksheet (DOCX and PDF) per chapter and a slide deck (PPTX) per lesson, from one function."""

from __future__ import annotations

import html

from .. import bibliography, cache, content, quiz, strings
from . import deck, diagram, lessons, material, pdf, worksheet
from .lessons import deck_path, worksheet_path


def _pictures(built: dict, chart_files: dict[str, bytes], chart_ids) -> dict[str, tuple[str, bytes]]:
    """Chart id → (title, PNG) for the charts whose PNG the chart renderer produced; others are left out."""
    from charts.card import asset

    out = {}
    for chart_id in chart_ids:
        png = chart_files.get(asset(chart_id, "png"))
        if png and chart_id in built:
            out[chart_id] = (" ".join(str(built[chart_id].view["title"]).split()), png)
    return out


def files(
    built: dict | None = None,
    chart_files: dict[str, bytes] | None = None,
    settings: content.Settings | None = None,
    pages: list[content.PageInfo] | None = None,
) -> dict[str, bytes]:
    """Site path → bytes of every worksheet and deck. `built` and `chart_files` are the charts and chart files the
    render step already made (their PNGs go into the worksheets and slides), `pages` the site's pages if the caller
    has read them; every quiz file is checked here."""
    built, chart_files = built or {}, chart_files or {}
    settings = settings or content.load_settings()
    pages = pages or content.site_pages(settings.nav)
    works = bibliography.load()
    quizzes = quiz.load_all()
    chapters = {}
    for page in content.chapters(pages):
        m = material.load(page, works)
        chapters[m.slug] = (m, page)
    out: dict[str, bytes] = {}
    printed = {}
    for slug, (m, page) in chapters.items():
        questions = quizzes[slug].questions if slug in quizzes else ()
        pictures = _pictures(built, chart_files, m.charts)
        out[worksheet_path(slug, "docx")] = cache.call(
            worksheet.docx_bytes, m, questions, pictures, settings.site_name, settings.author, page.updated
        )
        printed[worksheet_path(slug, "pdf")] = worksheet.html_page(m, questions, pictures, settings.site_name)
    out.update(pdf.print_all(printed))
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
            out[deck_path(plan.id, lesson.id)] = cache.call(
                deck.pptx_bytes, plan, lesson, used, pictures, extra, settings.author, updated
            )
    return dict(sorted(out.items()))


def downloads_html(slug: str, root: str) -> str:
    """The links under a chapter's activity: its worksheet (DOCX, PDF) and the decks of lessons that use it."""
    t = strings.text
    links = [
        f'<a href="{root}{worksheet_path(slug, "docx")}" download>{html.escape(t("classroom.worksheet_docx"))}</a>',
        f'<a href="{root}{worksheet_path(slug, "pdf")}">{html.escape(t("classroom.worksheet_pdf"))}</a>',
    ]
    for plan in lessons.plans():
        for lesson in plan.lessons:
            if slug in lesson.before or any(slug in step.activities for step in lesson.steps):
                name = f"{plan.title}, {lesson.title}" if len(plan.lessons) > 1 else plan.title
                label = t("classroom.deck", lesson=name)
                links.append(f'<a href="{root}{deck_path(plan.id, lesson.id)}" download>{html.escape(label)}</a>')
    return (
        f'\n\n<p class="classroom-downloads" data-search-exclude>{html.escape(t("classroom.downloads"))} '
        + " · ".join(links)
        + "</p>\n\n"
        + lessons.activity_table_html(slug)
    )


def edition_control() -> str:
    """The student/teacher switch beside the print button; quiz.js keeps it in the address (?edition=teacher)."""

    def t(key: str) -> str:
        return html.escape(strings.text(key))

    return (
        f'<span class="edition-switch" role="group" aria-label="{t("classroom.edition_label")}">'
        f'<span aria-hidden="true">{t("classroom.edition_label")}</span> '
        f'<button type="button" data-edition-choice="student" aria-pressed="true">'
        f"{t('classroom.edition_student')}</button> "
        f'<button type="button" data-edition-choice="teacher" aria-pressed="false">'
        f"{t('classroom.edition_teacher')}</button>"
        "</span>"
    )
