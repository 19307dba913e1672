"""Classroom files: a worksheet (DOCX and PDF) per chapter and a slide deck (PPTX) per lesson, from one function."""

from __future__ import annotations

import dataclasses

from charts.card import asset
from core import browser, cache, strings

from .. import html, pages
from ..chart_card import words
from . import deck, diagram, lessons, page, worksheet
from .lessons import deck_path, worksheet_path
from .material import Chapter


@dataclasses.dataclass(frozen=True)
class _Activity:
    title: str
    intro: str
    steps: tuple
    minutes: int
    columns: tuple
    rows: tuple


@dataclasses.dataclass(frozen=True)
class Sheet:
    """What the worksheet and the slides show of a chapter."""

    slug: str
    number: int
    heading: str
    objectives: tuple
    key_points: tuple
    questions: tuple
    activity: _Activity
    teacher_notes: tuple
    charts: tuple
    sources: tuple


def sheet(chapter: Chapter) -> Sheet:
    m, a = chapter.material, chapter.material.activity
    notes = m.teacher_notes
    return Sheet(
        chapter.slug,
        chapter.number,
        chapter.heading,
        m.objectives,
        (),
        tuple(q.text for q in m.questions),
        _Activity(a.title, a.intro, a.steps, a.minutes, a.table.columns, a.table.all_rows),
        (notes.stress, notes.misconceptions, notes.sensitivity, notes.impartiality),
        a.charts,
        tuple(page.cited(chapter)),
    )


def _pictures(built: dict, chart_files: dict[str, bytes], chart_ids) -> dict[str, tuple[str, bytes]]:
    """Chart id → (title, PNG) for the charts whose PNG the render step drew; others are left out."""
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


def files(
    built: dict, chart_files: dict[str, bytes], settings: pages.Settings, chapters: dict[str, Chapter], quizzes: dict
) -> dict[str, bytes]:
    """Site path → bytes of every worksheet and deck. `built` and `chart_files` are the charts and files the render
    step already made (their PNGs go into the worksheets and slides)."""
    sheets = {slug: sheet(chapter) for slug, chapter in chapters.items()}
    out: dict[str, bytes] = {}
    printed = {}
    for slug, s in sheets.items():
        questions = quizzes[slug].questions if slug in quizzes else ()
        pictures = _pictures(built, chart_files, s.charts)
        updated = chapters[slug].page.updated
        out[worksheet_path(slug, "docx")] = worksheet.docx_bytes(
            s, questions, pictures, settings.site_name, settings.author, updated
        )
        printed[worksheet_path(slug, "pdf")] = worksheet.html_page(s, questions, pictures, settings.site_name)
    out.update(print_pdfs(printed))
    for plan in lessons.plans():
        for lesson in plan.lessons:
            slugs = list(dict.fromkeys([*lesson.before, *(s for step in lesson.steps for s in step.activities)]))
            used = [sheets[s] for s in slugs]
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
            updated = max(chapters[s].page.updated for s in slugs)
            out[deck_path(plan.id, lesson.id)] = deck.pptx_bytes(
                plan, lesson, used, pictures, extra, settings.author, updated
            )
    return dict(sorted(out.items()))


def downloads_html(slug: str, from_src: str, directory_urls: bool) -> str:
    """The links on a chapter's classroom pages: its worksheet (DOCX, PDF) and the decks of lessons that use it."""
    t = strings.text
    root = pages.root_prefix(pages.page_url(from_src))
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
    return "\n\n" + html.render("classroom_downloads.html", links=links, root=root) + "\n\n"
