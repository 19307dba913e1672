"""A chapter's two classroom pages, written by the render step: the student edition at <chapter>/classroom/ and the
teacher's edition at <chapter>/classroom/teacher/ (never in the student edition's markup)."""

from __future__ import annotations

import yaml

from core import bibliography, strings

from .. import glossary, html, pages, quiz
from . import lessons
from .material import Chapter


def student_src(slug: str) -> str:
    return f"{slug}/classroom/index.md"


def teacher_src(slug: str) -> str:
    return f"{slug}/classroom/teacher/index.md"


def _front(title: str, description: str, updated) -> str:
    # The quiz and the excerpts repeat the chapter's facts: the search index, which every page downloads, keeps the
    # chapter's own words only.
    meta = {"title": title, "description": description, "updated": updated.isoformat(), "search": {"exclude": True}}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


def _links(chapter: Chapter, here: str, directory_urls: bool) -> dict[str, str]:
    return {
        "chapter": pages.url(chapter.page.src, here, directory_urls),
        "student": pages.url(student_src(chapter.slug), here, directory_urls),
        "teacher": pages.url(teacher_src(chapter.slug), here, directory_urls),
    }


def student(chapter: Chapter, works: dict, terms: list, found: quiz.Quiz | None, directory_urls: bool) -> str:
    """The student edition as a page source: objectives, key terms, short reading, questions, activity, quiz."""
    here, m = student_src(chapter.slug), chapter.material
    root = pages.root_prefix(pages.page_url(here))
    links = _links(chapter, here, directory_urls)
    activity = m.activity
    excerpts = [{**e.model_dump(), "work": works[e.source]} for e in activity.excerpts]
    body = html.render(
        "classroom_student.md",
        inline=False,
        chapter=chapter,
        m=m,
        links=links,
        key_terms=glossary.key_terms_html(glossary.terms_in(chapter.page.body, terms), f"{root}glossary/"),
        excerpts=html.render("excerpts.html", excerpts=excerpts) if excerpts else "",
        table=html.render("activity_table.html", columns=activity.table.columns, rows=activity.table.all_rows),
        quiz=quiz.render(found, links["chapter"]) if found else "",
    )
    title = strings.text("classroom.student_title", chapter=chapter.heading)
    description = strings.text("classroom.student_description", chapter=chapter.heading)
    return _front(title, description, chapter.page.updated) + body


def teacher(chapter: Chapter, works: dict, found: quiz.Quiz | None, directory_urls: bool) -> str:
    """The teacher's edition as a page source: answer key, model answer, pointers, rubric, notes, role cards."""
    here, m = teacher_src(chapter.slug), chapter.material
    links = _links(chapter, here, directory_urls)
    cards = [
        card
        for plan in lessons.plans()
        for lesson in plan.lessons
        if chapter.slug in lesson.before or any(chapter.slug in step.activities for step in lesson.steps)
        for card in lesson.role_cards
    ]
    body = html.render(
        "classroom_teacher.md",
        inline=False,
        chapter=chapter,
        m=m,
        links=links,
        answer_key=quiz.answer_key(found, links["chapter"]) if found else "",
        rubric=html.render("rubric.html", rubric=lessons.data().rubric),
        role_cards=_role_cards(cards, works) if cards else "",
    )
    title = strings.text("classroom.teacher_title", chapter=chapter.heading)
    description = strings.text("classroom.teacher_description", chapter=chapter.heading)
    return _front(title, description, chapter.page.updated) + body


def cited(chapter: Chapter) -> list[bibliography.Work]:
    """The works a chapter's classroom material quotes, in order, once each."""
    works = bibliography.load()
    return [works[key] for key in dict.fromkeys(e.source for e in chapter.material.activity.excerpts)]


def _role_cards(cards, works: dict) -> str:
    return html.render(
        "role_cards.html", cards=[{**c.model_dump(), "works": [works[k] for k in c.sources]} for c in cards]
    )


def role_cards(lesson_id: str, works: dict) -> str:
    """The `<!-- md:role-cards LESSON -->` handler: the debate role cards of one lesson."""
    from ..markers import MissingTarget

    for plan in lessons.plans():
        for lesson in plan.lessons:
            if lesson.id == lesson_id and lesson.role_cards:
                unknown = [k for c in lesson.role_cards for k in c.sources if k not in works]
                if unknown:
                    raise MissingTarget(f"source(s) {', '.join(unknown)} of lesson {lesson_id!r}'s role cards")
                return _role_cards(lesson.role_cards, works)
    raise MissingTarget(f"role cards of a lesson {lesson_id!r} (see includes/lessons.yml)")
