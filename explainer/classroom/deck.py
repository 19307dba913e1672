"""A slide deck per lesson (python-pptx, standard layouts only), with the teacher notes as speaker notes."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.util import Inches, Pt

from core import locale
from core.strings import text as t

from . import pack
from .lessons import Lesson, Plan

# The default template's layouts, which LibreOffice Impress, PowerPoint and Google Slides all know.
TITLE, TITLE_AND_CONTENT, TITLE_ONLY = 0, 1, 5
SOURCES_PER_SLIDE = 12
# Titles longer than this take three lines at the template's 44 pt and run into the text below.
LONG_TITLE = 32


def _bullets(prs, title: str, lines: list[str], notes: str = "", size: int = 20):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
    slide.shapes.title.text = title
    if len(title) > LONG_TITLE:
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
    body = slide.placeholders[1].text_frame
    for i, line in enumerate(lines):
        para = body.paragraphs[0] if i == 0 else body.add_paragraph()
        para.text = line
        para.font.size = Pt(size)
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    return slide


def _picture(prs, title: str, png: bytes, notes: str):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = title
    # Chart titles are sentences: smaller type keeps them above the picture.
    slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(24)
    top, height = Inches(1.7), prs.slide_height - Inches(2.0)
    picture = slide.shapes.add_picture(io.BytesIO(png), 0, top, height=height)
    if picture.width > prs.slide_width - Inches(0.6):
        picture.width = prs.slide_width - Inches(0.6)
        picture.height = int(picture.image.size[1] * picture.width / picture.image.size[0])
    picture.left = (prs.slide_width - picture.width) // 2
    slide.notes_slide.notes_text_frame.text = notes


def pptx_bytes(
    plan: Plan,
    lesson: Lesson,
    chapters: list,
    pictures: dict[str, tuple[str, bytes]],
    extra_pictures: list[tuple[str, bytes, str]],
    author: str,
    updated: dt.date,
) -> bytes:
    """One lesson's deck: title, objectives, reading, key points and charts, plan, activities, questions, sources."""
    # The default template's 4:3 size: its layouts' placeholders are placed for it.
    prs = Presentation()
    pack.set_pptx_language(prs)
    title = t("classroom.deck_title", plan=plan.title, lesson=lesson.title)
    pack.fixed_properties(prs.core_properties, title, author, updated)
    by_slug = {m.slug: m for m in chapters}

    slide = prs.slides.add_slide(prs.slide_layouts[TITLE])
    slide.shapes.title.text = lesson.title
    slide.placeholders[1].text = f"{plan.question}\n{t('classroom.deck_lesson_minutes', minutes=lesson.minutes)}"
    timings = [t("classroom.deck_step", start=a, end=b, what=s.do) for a, b, s in lesson.times()]
    slide.notes_slide.notes_text_frame.text = "\n".join(timings)

    objectives = [line for m in chapters for line in m.objectives]
    _bullets(prs, t("classroom.objectives"), objectives, notes=timings[0], size=18)
    if lesson.before:
        _bullets(prs, t("classroom.deck_before"), [by_slug[s].heading for s in lesson.before if s in by_slug])
    for caption, png, notes in extra_pictures:
        _picture(prs, caption, png, notes)
    for m in chapters:
        for point in m.key_points:
            _bullets(prs, t("classroom.deck_key_point", chapter=m.heading), [point], size=24)
        for chart_id in m.charts:
            if chart_id in pictures:
                chart_title, png = pictures[chart_id]
                _picture(prs, chart_title, png, "\n\n".join(m.teacher_notes[:1]))
    _bullets(prs, t("classroom.deck_plan"), timings, notes=lesson.after or "", size=16)
    activity_slugs = [slug for step in lesson.steps for slug in step.activities]
    for slug in activity_slugs:
        m = by_slug[slug]
        a = m.activity
        steps = [f"{n}. {s}" for n, s in enumerate(a.steps, 1)]
        _bullets(
            prs,
            t("classroom.activity", title=a.title, minutes=a.minutes),
            steps,
            notes="\n\n".join(m.teacher_notes),
            size=16,
        )
    for m in chapters:
        if m.slug in activity_slugs or m.slug in lesson.before:
            questions = [f"{n}. {q}" for n, q in enumerate(m.questions, 1)]
            _bullets(
                prs,
                f"{t('classroom.deck_discuss')}: {m.heading}",
                questions,
                notes="\n\n".join(m.teacher_notes),
                size=18,
            )
    sources = [f"{w.publisher}, {locale.quoted(w.title)}, {w.display_date}" for m in chapters for w in m.sources]
    sources = list(dict.fromkeys(sources))
    for start in range(0, len(sources), SOURCES_PER_SLIDE):
        _bullets(prs, t("classroom.sources"), sources[start : start + SOURCES_PER_SLIDE], size=11)

    out = io.BytesIO()
    prs.save(out)
    return pack.fixed_zip(out.getvalue())
