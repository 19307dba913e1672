"""What a chapter's printed handouts hold, gathered once: the student worksheet, the teacher's version and the short
reading (explainer/classroom/worksheet.py writes them as Word files and as pages printed to PDF). Every text is the
reader's text with its figures written out; the student's part holds no answer, model answer or teacher note."""

from __future__ import annotations

import dataclasses
import datetime as dt

from charts.card import asset
from core import bibliography, locale

from .. import pages, quiz
from ..chart_card import words
from . import lessons
from .material import Chapter


@dataclasses.dataclass(frozen=True)
class Excerpt:
    number: int
    text: str
    quote: bool
    who: str
    when: str
    source: str  # short: publisher and date


@dataclasses.dataclass(frozen=True)
class Figure:
    """A chart as paper shows it: title, what it measures, the takeaway (its summary), its source, its picture."""

    number: int
    id: str
    title: str
    subtitle: str
    takeaway: str
    source: str  # short: the publishers, once each
    alt: str
    png: bytes
    notes: tuple[str, ...]  # the chart's own notes (how to read it), printed under it
    more: tuple[str, ...]  # the notes of its dataset, for the teacher (speaker notes)
    works: tuple[str, ...]  # full references, for the teacher's source list
    cites: tuple[tuple[str, str], ...]  # publisher and date of each source, for the slides' short form


@dataclasses.dataclass(frozen=True)
class QuizItem:
    number: int
    text: str
    options: tuple[str, ...]
    figure: int | None  # the chart (its number on the sheet) that answers it
    answer: int  # teacher only
    explanation: str  # teacher only


@dataclasses.dataclass(frozen=True)
class Card:
    role: str
    who: str
    want: str
    sources: tuple[str, ...]  # short: publisher, title
    expect: str


@dataclasses.dataclass(frozen=True)
class Check:
    lesson: str
    questions: tuple[tuple[str, str], ...]  # question, answer


@dataclasses.dataclass(frozen=True)
class Handout:
    slug: str
    number: int
    heading: str
    address: str  # the chapter's address: the site's URL when the build has one, else its path
    site_name: str
    author: str
    updated: dt.date
    objectives: tuple[str, ...]
    excerpts: tuple[Excerpt, ...]
    figures: tuple[Figure, ...]
    activity_title: str
    activity_minutes: int
    steps: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[str, ...]
    questions: tuple[str, ...]
    quiz: tuple[QuizItem, ...]
    short_reading: tuple[str, ...]  # paragraphs
    # The teacher's version only, from here on.
    intro: str
    model_answer: str
    pointers: tuple[tuple[str, str], ...]  # question, what a strong answer covers
    rubric: lessons.Rubric
    notes: tuple[tuple[str, str], ...]  # string key of the label, text
    checks: tuple[Check, ...]
    cards: tuple[Card, ...]
    sources: tuple[str, ...]  # full references, once each


def reference(work: bibliography.Work) -> str:
    """A full reference on paper: publisher, title, date and address."""
    return f"{work.publisher}, {locale.quoted(work.title)}, {work.display_date}." + (f" {work.url}" if work.url else "")


def _chart_reference(source: dict) -> str:
    return f"{source['publisher']}, {locale.quoted(source['title'])}, {locale.date(source['date'])}. {source['path']}"


def _card_source(work: bibliography.Work) -> str:
    return f"{work.publisher}, {locale.quoted(work.title)}"


def short_source(work: bibliography.Work) -> str:
    """On the sheet, beside who said it and when: the publisher (the full reference is in the teacher's version)."""
    return work.publisher


def address(chapter: Chapter, settings: pages.Settings) -> str:
    """Where students find the chapter: its URL when the build has a public address, else its path on the site."""
    path = pages.page_url(chapter.page.src)
    return settings.site_url + path if settings.site_url else path


def figure(number: int, chart, png: bytes) -> Figure:
    w = words(chart)
    used = chart.table.used_sources()
    publishers = list(dict.fromkeys(s["publisher"] for s in used))
    return Figure(
        number,
        chart.id,
        w.title,
        w.subtitle,
        w.summary,
        "; ".join(publishers),
        w.alt,
        png,
        w.notes[: len(chart.view.notes)],
        w.notes[len(chart.view.notes) :],
        tuple(_chart_reference(s) for s in used),
        tuple((s["publisher"], str(s["date"])) for s in used),
    )


def uses(lesson: lessons.Lesson, slug: str) -> bool:
    return slug in lesson.before or any(slug in step.activities for step in lesson.steps)


def chart_ids(chapter: Chapter, found: quiz.Quiz | None) -> list[str]:
    """The charts a worksheet prints: those the activity reads, then any other a quiz item reads."""
    read = [q.anchor for q in found.questions if q.chart] if found else []
    return list(dict.fromkeys([*chapter.material.activity.charts, *read]))


def make(
    chapter: Chapter,
    found: quiz.Quiz | None,
    built: dict,
    chart_files: dict[str, bytes],
    settings: pages.Settings,
    works: dict[str, bibliography.Work],
) -> Handout:
    m, a = chapter.material, chapter.material.activity
    figures = []
    for chart_id in chart_ids(chapter, found):
        png = chart_files.get(asset(chart_id, "png"))
        if png and chart_id in built:
            figures.append(figure(len(figures) + 1, built[chart_id], png))
    numbers = {f.id: f.number for f in figures}
    items = ()
    if found:
        items = tuple(
            QuizItem(
                q.number,
                q.text,
                tuple(o.text for o in q.options),
                numbers.get(q.anchor) if q.chart else None,
                q.answer,
                q.options[q.answer].feedback,
            )
            for q in found.questions
        )
    used = [lesson for plan in lessons.plans() for lesson in plan.lessons if uses(lesson, chapter.slug)]
    checks = tuple(
        Check(lesson.title, tuple((c.question, c.answer) for c in lesson.check))
        for lesson in used
        if chapter.slug in lesson.before and lesson.check
    )
    cards = tuple(
        Card(c.role, c.who, c.want, tuple(_card_source(works[k]) for k in c.sources), c.expect)
        for lesson in used
        for c in lesson.role_cards
    )
    cited = [works[e.source] for e in a.excerpts]
    cited += [works[k] for lesson in used for c in lesson.role_cards for k in c.sources]
    sources = [reference(w) for w in dict.fromkeys(cited)] + [r for f in figures for r in f.works]
    notes = m.teacher_notes
    return Handout(
        slug=chapter.slug,
        number=chapter.number,
        heading=chapter.heading,
        address=address(chapter, settings),
        site_name=settings.site_name,
        author=settings.author,
        updated=chapter.page.updated,
        objectives=m.objectives,
        excerpts=tuple(
            Excerpt(n, e.text, e.quote, e.who, e.when, short_source(works[e.source]))
            for n, e in enumerate(a.excerpts, 1)
        ),
        figures=tuple(figures),
        activity_title=a.title,
        activity_minutes=a.minutes,
        steps=a.steps,
        columns=a.table.columns,
        rows=a.table.all_rows,
        questions=tuple(q.text for q in m.questions),
        quiz=items,
        short_reading=tuple(p.strip() for p in m.short_reading.split("\n\n") if p.strip()),
        intro=a.intro,
        model_answer=a.model_answer,
        pointers=tuple((q.text, q.pointers) for q in m.questions),
        rubric=lessons.data().rubric,
        notes=(
            ("classroom.notes_stress", notes.stress),
            ("classroom.notes_misconceptions", notes.misconceptions),
            ("classroom.notes_sensitivity", notes.sensitivity),
            ("classroom.notes_impartiality", notes.impartiality),
        ),
        checks=checks,
        cards=cards,
        sources=tuple(dict.fromkeys(sources)),
    )
