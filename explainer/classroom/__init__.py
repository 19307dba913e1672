"""Classroom files: per chapter a student worksheet, its teacher's version and a short reading (each as DOCX and PDF),
and a slide deck (PPTX) per lesson, all from one function."""

from __future__ import annotations

from charts import pictures
from core import bibliography, browser, cache, strings

from .. import html, pages
from . import deck, handout, lessons, page, worksheet
from .lessons import deck_path, reading_path, worksheet_path
from .material import Chapter


def print_pdfs(pages_html: dict[str, str]) -> dict[str, bytes]:
    """Name → PDF for each name → HTML page, printed by the headless browser; pages printed before come from the
    cache, keyed by their HTML."""
    names = list(pages_html)

    def make(missing: list[int]) -> list[bytes]:
        return browser.run([], [pages_html[names[i]] for i in missing])[1]

    keys = [cache.key(pages_html[name]) + ".pdf" for name in names]
    return dict(zip(names, cache.many("pdf", keys, make), strict=True))


# The charts on the slides are drawn narrower than the page's (680 CSS px) and scaled up, so that their type is about
# a third larger: tick labels of about 13 pt on a projected 16:9 slide.
SLIDE_WIDTH = 500
SLIDE_SCALE = 3


def slide_pictures(built: dict, chart_ids: list[str]) -> dict[str, bytes]:
    """Chart id → PNG for the slides, drawn (or taken from the picture cache) in one browser session."""
    jobs = []
    for chart_id in dict.fromkeys(chart_ids):
        chart = built[chart_id]
        wide = pictures.WIDTHS["wide"]
        height = round(int(chart.figure["layout"].get("height") or 380) * SLIDE_WIDTH / wide)
        figure = pictures.prepared(chart.figure, SLIDE_WIDTH, height, pictures.PNG_BACKGROUND)
        jobs.append(pictures.Job(chart_id, chart.module, "slide.png", figure, "png", SLIDE_WIDTH, height, SLIDE_SCALE))
    drawn = pictures.draw(jobs)
    return {job.chart: drawn[job] for job in jobs}


def handouts(
    built: dict, chart_files: dict[str, bytes], settings: pages.Settings, chapters: dict[str, Chapter], quizzes: dict
) -> dict[str, handout.Handout]:
    """Each chapter's handout: what its worksheets and slides print."""
    works = bibliography.load()
    return {
        slug: handout.make(chapter, quizzes.get(slug), built, chart_files, settings, works)
        for slug, chapter in chapters.items()
    }


def files(
    built: dict, chart_files: dict[str, bytes], settings: pages.Settings, chapters: dict[str, Chapter], quizzes: dict
) -> dict[str, bytes]:
    """Site path → bytes of every worksheet, teacher's version, short reading and deck. `built` and `chart_files` are
    the charts and files the render step already made (their PNGs go into the worksheets and slides)."""
    made = handouts(built, chart_files, settings, chapters, quizzes)
    out: dict[str, bytes] = {}
    printed: dict[str, str] = {}
    for slug, h in made.items():
        out[worksheet_path(slug, "docx")] = worksheet.student_docx(h)
        out[worksheet_path(slug, "docx", teacher=True)] = worksheet.teacher_docx(h)
        out[reading_path(slug, "docx")] = worksheet.reading_docx(h)
        printed[worksheet_path(slug, "pdf")] = worksheet.student_html(h)
        printed[worksheet_path(slug, "pdf", teacher=True)] = worksheet.teacher_html(h)
        printed[reading_path(slug, "pdf")] = worksheet.reading_html(h)
    out.update(print_pdfs(printed))
    works = bibliography.load()
    shown = [
        chart_id
        for plan in lessons.plans()
        for lesson in plan.lessons
        for step in lesson.steps
        for slug in step.activities
        for chart_id in chapters[slug].material.activity.charts
        if chart_id in built
    ]
    slides = slide_pictures(built, shown)
    for plan in lessons.plans():
        for lesson in plan.lessons:
            out[deck_path(plan.id, lesson.id)] = deck.pptx_bytes(
                plan, lesson, chapters, made, slides, works, settings.author
            )
    return dict(sorted(out.items()))


def downloads_html(slug: str, from_src: str, directory_urls: bool) -> str:
    """The links on a chapter's classroom pages. The student edition: the worksheet (DOCX, PDF) and the short reading.
    The teacher's edition: the teacher's version (DOCX, PDF) and the slides of the lessons that use the chapter (their
    speaker notes carry answers)."""
    t = strings.text
    root = pages.root_prefix(pages.page_url(from_src))
    if from_src != page.teacher_src(slug):
        links = [
            {"href": worksheet_path(slug, "pdf"), "label": t("classroom.worksheet_pdf"), "download": False},
            {"href": worksheet_path(slug, "docx"), "label": t("classroom.worksheet_docx"), "download": True},
            {"href": reading_path(slug, "pdf"), "label": t("classroom.reading_pdf"), "download": False},
            {"href": reading_path(slug, "docx"), "label": t("classroom.reading_docx"), "download": True},
        ]
        return "\n\n" + html.render("classroom_downloads.html", links=links, root=root, teacher=False) + "\n\n"
    links = [
        {"href": worksheet_path(slug, "pdf", teacher=True), "label": t("classroom.teacher_pdf"), "download": False},
        {"href": worksheet_path(slug, "docx", teacher=True), "label": t("classroom.teacher_docx"), "download": True},
    ]
    for plan in lessons.plans():
        for lesson in plan.lessons:
            if handout.uses(lesson, slug):
                name = f"{plan.title}, {lesson.title}" if len(plan.lessons) > 1 else plan.title
                links.append(
                    {"href": deck_path(plan.id, lesson.id), "label": t("classroom.deck", lesson=name), "download": True}
                )
    return "\n\n" + html.render("classroom_downloads.html", links=links, root=root, teacher=True) + "\n\n"
