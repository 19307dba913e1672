"""The lesson plans and activity tables in includes/lessons.yml, checked and written out as Markdown."""

from __future__ import annotations

import dataclasses
import functools
import html
import pathlib

from .. import content, strings
from ..errors import BuildError

LESSONS = content.INCLUDES / "lessons.yml"
FILE = "includes/lessons.yml"
FOLDER = "classroom"


def worksheet_path(slug: str, kind: str) -> str:
    """Site path of a chapter's worksheet: kind is "docx" or "pdf"."""
    return f"{FOLDER}/{slug}-worksheet.{kind}"


def deck_path(plan_id: str, lesson_id: str) -> str:
    return f"{FOLDER}/{plan_id}-{lesson_id}-slides.pptx"


@dataclasses.dataclass(frozen=True)
class Step:
    minutes: int
    do: str
    activities: tuple[str, ...]  # chapter folders whose activity runs in this slot


@dataclasses.dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    minutes: int
    before: tuple[str, ...]
    steps: tuple[Step, ...]
    after: str
    diagram: str = ""  # a picture drawn for the slides (see diagram.py), for lessons whose chapters have no chart

    def times(self):
        """Each step with its start and end minute."""
        start = 0
        for step in self.steps:
            yield start, start + step.minutes, step
            start += step.minutes


@dataclasses.dataclass(frozen=True)
class Plan:
    id: str
    title: str
    question: str
    lessons: tuple[Lesson, ...]


@functools.cache
def data(path: pathlib.Path = LESSONS) -> dict:
    raw = content.read_yaml(path, BuildError)
    if not isinstance(raw, dict) or not {"audience", "plans", "activities"} <= set(raw):
        raise BuildError("expected 'audience', 'plans' and 'activities'", file=FILE)
    return raw


def audience() -> str:
    return str(data()["audience"])


def plans() -> list[Plan]:
    out = []
    for plan in data()["plans"]:
        lessons = []
        for lesson in plan.get("lessons", []):
            steps = []
            for s, step in enumerate(lesson.get("steps", [])):
                if not isinstance(step.get("minutes"), int) or not step.get("do"):
                    raise BuildError(
                        f"plan {plan.get('id')!r}, lesson {lesson.get('id')!r}, step {s + 1}: needs whole "
                        "'minutes' and a 'do' text",
                        file=FILE,
                    )
                act = step.get("activity") or []
                steps.append(Step(step["minutes"], str(step["do"]), tuple([act] if isinstance(act, str) else act)))
            lessons.append(
                Lesson(
                    str(lesson["id"]),
                    str(lesson["title"]),
                    int(lesson["minutes"]),
                    tuple(lesson.get("before", [])),
                    tuple(steps),
                    str(lesson.get("after", "")),
                    str(lesson.get("diagram", "")),
                )
            )
        out.append(Plan(str(plan["id"]), str(plan["title"]), str(plan["question"]), tuple(lessons)))
    return out


def plan(plan_id: str) -> Plan:
    for found in plans():
        if found.id == plan_id:
            return found
    from ..markers import MissingTarget

    raise MissingTarget(f"lesson plan {plan_id!r} (see {FILE})")


def activity_table(slug: str) -> dict:
    """The fill-in table of a chapter's activity: its columns and the labels of its rows ("" for a blank row)."""
    table = data()["activities"].get(slug)
    if not table or not table.get("columns"):
        raise BuildError(f"no fill-in table for the activity of {slug!r}: add it under 'activities'", file=FILE)
    rows = [str(label) for label in table.get("rows", [])] + [""] * int(table.get("blank", 0))
    return {"columns": [str(c) for c in table["columns"]], "rows": rows or [""] * 5}


def activity_table_html(slug: str) -> str:
    """The activity's table with empty rows to fill in; only paper shows it (see site.css)."""
    table = activity_table(slug)
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in table["columns"])
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(label) if i == 0 else ''}</td>" for i in range(len(table["columns"]))).replace(
            "<td></td>", "<td>&nbsp;</td>"
        )
        + "</tr>"
        for label in table["rows"]
    )
    caption = html.escape(strings.text("classroom.table_caption"))
    return (
        f'\n\n<table class="activity-table print-only"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\n\n"
    )


def listing(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C', with the language's word for "and"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + strings.text("classroom.and") + items[-1]


def plan_markdown(plan_id: str, chapters: dict[str, content.PageInfo], from_src: str) -> str:
    """A plan as the teachers' page shows it: per lesson, what to read before and a timed table of steps."""
    t = strings.text
    found = plan(plan_id)
    out = [f"*{found.question}*", ""]

    def link(slug: str) -> str:
        page = chapters[f"{slug}/index.md"]
        return f"[{page.heading}]({content.relative_link(page.src, from_src)})"

    for lesson in found.lessons:
        if len(found.lessons) > 1:
            out += [f"**{lesson.title} ({t('classroom.minutes', minutes=lesson.minutes)})**", ""]
        if lesson.before:
            out += [t("classroom.before", chapters=listing([link(s) for s in lesson.before])), ""]
        out += [f"| {t('classroom.time')} | {t('classroom.what')} |", "| --- | --- |"]
        for start, end, step in lesson.times():
            what = step.do
            if step.activities:
                what += " " + t("classroom.activity_of", chapter=listing([link(s) for s in step.activities]))
            out.append(f"| {t('classroom.span', start=start, end=end)} | {what} |")
        out.append("")
        if lesson.after:
            out += [lesson.after, ""]
        slides = content.relative_link(deck_path(found.id, lesson.id), from_src)
        out += [t("classroom.slides_link", link=f"[{t('classroom.slides_file')}]({slides})"), ""]
    return "\n".join(out)


def worksheets_markdown(chapters: list[content.PageInfo], from_src: str) -> str:
    """Every chapter's worksheet, for the teachers' page."""
    t = strings.text
    rows = []
    for page in chapters:
        slug = page.src.split("/")[0]
        docx_link = content.relative_link(worksheet_path(slug, "docx"), from_src)
        pdf_link = content.relative_link(worksheet_path(slug, "pdf"), from_src)
        rows.append(
            f"- {page.heading}: [{t('classroom.worksheet_docx')}]({docx_link}), "
            f"[{t('classroom.worksheet_pdf')}]({pdf_link})"
        )
    return t("classroom.worksheets_intro") + "\n\n" + "\n".join(rows) + "\n"
