"""The lesson plans and activity tables in includes/lessons.yml, checked and written out as Markdown."""

from __future__ import annotations

import functools
from typing import Annotated, Literal

import pydantic

from core import INCLUDES, locale, strings, yamlfile

from .. import pages

LESSONS = INCLUDES / "lessons.yml"
FOLDER = "classroom"


def worksheet_path(slug: str, kind: str, teacher: bool = False) -> str:
    """Site path of a chapter's worksheet, or of its teacher's version: kind is "docx" or "pdf"."""
    return f"{FOLDER}/{slug}-worksheet{'-teacher' if teacher else ''}.{kind}"


def reading_path(slug: str, kind: str) -> str:
    """Site path of a chapter's short reading: kind is "docx" or "pdf"."""
    return f"{FOLDER}/{slug}-short-reading.{kind}"


def deck_path(plan_id: str, lesson_id: str) -> str:
    return f"{FOLDER}/{plan_id}-{lesson_id}-slides.pptx"


def _listed(value):
    return [value] if isinstance(value, str) else value


# What a step projects (explainer/classroom/deck.py): the title slide, the pre-reading check, the lesson question,
# the class contract, a task in the step's own words (`heading` and `show`), the debate roles (a slide per role
# card, then the step's own words), the closing question. A step with an activity projects that activity's steps
# and charts.
SlideKind = Literal["title", "check", "question", "contract", "task", "roles", "close"]


class Step(yamlfile.Model):
    minutes: int = pydantic.Field(gt=0)
    do: yamlfile.Text  # what the teacher does: the plan's table and the speaker notes
    # The chapters (folders) whose activity runs in this slot.
    activity: Annotated[tuple[str, ...], pydantic.BeforeValidator(_listed)] = ()
    slide: SlideKind | None = None
    heading: yamlfile.Text | None = None  # the slide's title, for a task
    show: tuple[yamlfile.Text, ...] = ()  # what students read on the slide: short lines, about 40 words in all

    @property
    def activities(self) -> tuple[str, ...]:
        return self.activity

    @pydantic.model_validator(mode="after")
    def _projects_something(self):
        if self.activity and self.slide:
            raise ValueError("a step with an activity projects that activity: give it no 'slide'")
        if not self.activity and not self.slide:
            raise ValueError("say what the step projects: 'slide: ...', or the 'activity' it runs")
        if self.slide == "task" and not (self.heading and self.show):
            raise ValueError("a 'task' slide needs a 'heading' and the lines to 'show'")
        return self


class Check(yamlfile.Model):
    """A pre-reading check: a quick question at the start of the lesson, with its short answer."""

    question: yamlfile.Text
    answer: yamlfile.Text


class RoleCard(yamlfile.Model):
    id: str
    role: yamlfile.Text
    who: yamlfile.Text
    want: yamlfile.Text
    sources: tuple[str, ...] = pydantic.Field(min_length=1)  # keys of includes/bibliography/
    expect: yamlfile.Text  # the question the role should expect


class Lesson(yamlfile.Model):
    id: str
    title: yamlfile.Text
    minutes: int
    before: tuple[str, ...] = ()
    check: tuple[Check, ...] = ()
    steps: tuple[Step, ...]
    role_cards: tuple[RoleCard, ...] = ()
    after: yamlfile.Text | None = None
    # A picture drawn for the slides (see diagram.py), for lessons whose chapters have no chart.
    diagram: str = ""

    @pydantic.model_validator(mode="after")
    def _adds_up(self):
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise ValueError(f"lesson {self.id!r}: its steps take {total} minutes, not {self.minutes}")
        if self.steps and self.steps[0].slide != "title":
            raise ValueError(f"lesson {self.id!r}: the first step shows the title slide ('slide: title')")
        if self.check and not any(step.slide == "check" for step in self.steps):
            raise ValueError(f"lesson {self.id!r} has a pre-reading check but no step with 'slide: check'")
        if any(step.slide == "roles" for step in self.steps) and not self.role_cards:
            raise ValueError(f"lesson {self.id!r} shows its roles but has no role cards")
        return self

    def times(self):
        """Each step with its start and end minute."""
        start = 0
        for step in self.steps:
            yield start, start + step.minutes, step
            start += step.minutes


class Plan(yamlfile.Model):
    id: str
    title: yamlfile.Text
    question: yamlfile.Text
    lessons: tuple[Lesson, ...]


class Criterion(yamlfile.Model):
    id: str
    name: yamlfile.Text
    descriptors: tuple[yamlfile.Text, ...]  # one per level, lowest first


class Rubric(yamlfile.Model):
    levels: tuple[yamlfile.Text, ...]
    criteria: tuple[Criterion, ...]

    @pydantic.model_validator(mode="after")
    def _one_descriptor_per_level(self):
        for criterion in self.criteria:
            if len(criterion.descriptors) != len(self.levels):
                raise ValueError(f"criterion {criterion.id!r} needs one descriptor per level ({len(self.levels)})")
        return self


class Lessons(yamlfile.Model):
    audience: yamlfile.Text
    plans: tuple[Plan, ...]
    rubric: Rubric


def data() -> Lessons:
    return _data(strings.current())


@functools.cache
def _data(language: str) -> Lessons:
    return yamlfile.load(LESSONS, Lessons)


def audience() -> str:
    return data().audience


def plans() -> tuple[Plan, ...]:
    return data().plans


def plan(plan_id: str) -> Plan:
    for found in plans():
        if found.id == plan_id:
            return found
    from ..markers import MissingTarget

    raise MissingTarget(f"lesson plan {plan_id!r} (see includes/lessons.yml)")


def plan_markdown(plan_id: str, chapters: dict[str, pages.PageInfo], from_src: str) -> str:
    """A plan as the teachers' page shows it: per lesson, what to read before and a timed table of steps."""
    t = strings.text
    found = plan(plan_id)
    out = [f"*{found.question}*", ""]

    def link(slug: str) -> str:
        page = chapters[f"{slug}/index.md"]
        return f"[{page.heading}]({pages.relative_link(page.src, from_src)})"

    for lesson in found.lessons:
        if len(found.lessons) > 1:
            out += [f"**{lesson.title} ({t('classroom.minutes', minutes=lesson.minutes)})**", ""]
        if lesson.before:
            out += [t("classroom.before", chapters=locale.listing([link(s) for s in lesson.before])), ""]
        if lesson.check:
            out += [f"*{t('classroom.check')}*", ""]
            out += [
                f"{n}. {c.question} *{t('classroom.check_answer')}* {c.answer}" for n, c in enumerate(lesson.check, 1)
            ]
            out.append("")
        out += [f"| {t('classroom.time')} | {t('classroom.what')} |", "| --- | --- |"]
        for start, end, step in lesson.times():
            what = step.do
            if step.activities:
                what += " " + t("classroom.activity_of", chapter=locale.listing([link(s) for s in step.activities]))
            out.append(f"| {t('classroom.span', start=start, end=end)} | {what} |")
        out.append("")
        if lesson.after:
            out += [lesson.after, ""]
        slides = pages.relative_link(deck_path(found.id, lesson.id), from_src)
        out += [t("classroom.slides_link", link=f"[{t('classroom.slides_file')}]({slides})"), ""]
    return "\n".join(out)


def worksheets_markdown(chapters: list[pages.PageInfo], from_src: str) -> str:
    """Every chapter's worksheet, its teacher's version and its short reading, for the teachers' page."""
    t = strings.text
    rows = []
    for page in chapters:
        slug = page.src.split("/")[0]
        links = [
            (t("classroom.worksheet_docx"), worksheet_path(slug, "docx")),
            (t("classroom.worksheet_pdf"), worksheet_path(slug, "pdf")),
            (t("classroom.teacher_docx"), worksheet_path(slug, "docx", teacher=True)),
            (t("classroom.teacher_pdf"), worksheet_path(slug, "pdf", teacher=True)),
            (t("classroom.reading_pdf"), reading_path(slug, "pdf")),
        ]
        listed = ", ".join(f"[{label}]({pages.relative_link(path, from_src)})" for label, path in links)
        rows.append(f"- {page.heading}: {listed}")
    return t("classroom.worksheets_intro") + "\n\n" + "\n".join(rows) + "\n"
