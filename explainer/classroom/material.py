"""A chapter's classroom material, kept once in includes/classroom/<chapter>.yml: objectives, questions, activity
with its excerpts and table, teacher notes and a short reading. The classroom pages, worksheets and slides read it."""

from __future__ import annotations

import dataclasses
import functools
from typing import Annotated

import pydantic

from core import INCLUDES, bibliography, strings, yamlfile
from core.errors import BuildError

from .. import pages

CLASSROOM = INCLUDES / "classroom"


class Question(yamlfile.Model):
    id: str
    text: yamlfile.Text
    pointers: yamlfile.Text  # teacher edition only: what a strong answer covers


class Excerpt(yamlfile.Model):
    id: str
    text: yamlfile.Text
    quote: bool  # a verbatim quotation, or a short fact in the site's words
    source: str  # a key of includes/bibliography/
    who: yamlfile.Text
    when: yamlfile.Text


class Table(yamlfile.Model):
    # A table's headings; the corner over the row labels may be empty.
    columns: tuple[Annotated[str, yamlfile.TRANSLATABLE], ...] = pydantic.Field(min_length=1)
    rows: tuple[yamlfile.Text, ...] = ()  # labels of the first column
    blank: int = 0  # unlabelled rows after them

    @property
    def all_rows(self) -> tuple[str, ...]:
        return self.rows + ("",) * self.blank or ("",) * 5


class Activity(yamlfile.Model):
    title: yamlfile.Text
    minutes: int = pydantic.Field(gt=0)
    intro: yamlfile.Text
    steps: tuple[yamlfile.Text, ...] = pydantic.Field(min_length=1)
    excerpts: tuple[Excerpt, ...] = ()
    charts: tuple[str, ...] = ()  # chart ids the activity reads
    needs: tuple[str, ...] = ()  # other chapters (folders) students must have read for it
    table: Table
    model_answer: yamlfile.Text


class TeacherNotes(yamlfile.Model):
    stress: yamlfile.Text
    misconceptions: yamlfile.Text
    sensitivity: yamlfile.Text
    impartiality: yamlfile.Text


class Material(yamlfile.Model):
    objectives: tuple[yamlfile.Text, ...] = pydantic.Field(min_length=2, max_length=4)
    questions: tuple[Question, ...] = pydantic.Field(min_length=3, max_length=5)
    activity: Activity
    teacher_notes: TeacherNotes
    short_reading: yamlfile.Text  # Markdown paragraphs, about 400 words at CEFR B1


@dataclasses.dataclass(frozen=True)
class Chapter:
    """A chapter with its classroom material."""

    page: pages.PageInfo
    material: Material

    @property
    def slug(self) -> str:
        return self.page.slug

    @property
    def number(self) -> int:
        return self.page.chapter or 0

    @property
    def heading(self) -> str:
        return self.page.heading

    @property
    def file(self) -> str:
        return f"includes/classroom/{self.slug}.yml"

    def excerpt_number(self, excerpt_id: str) -> int:
        return next(i for i, e in enumerate(self.material.activity.excerpts, 1) if e.id == excerpt_id)


def _load(slug: str) -> Material:
    return _load_in(slug, strings.current())


@functools.cache
def _load_in(slug: str, language: str) -> Material:
    path = CLASSROOM / f"{slug}.yml"
    if not path.is_file():
        raise BuildError("missing: every chapter needs its classroom material", file=yamlfile.display(path))
    return yamlfile.load(path, Material)


def load(page: pages.PageInfo, works: dict[str, bibliography.Work], charts: set[str]) -> Chapter:
    """A chapter's material, checked: every source a bibliography key, every chart one the site has."""
    chapter = Chapter(page, _load(page.slug))
    activity = chapter.material.activity
    unknown = [e.source for e in activity.excerpts if e.source not in works]
    if unknown:
        raise BuildError(f"excerpts cite unknown source(s) {', '.join(unknown)}", file=chapter.file)
    missing = [c for c in activity.charts if c not in charts]
    if missing:
        raise BuildError(f"the activity reads chart(s) the site does not have: {', '.join(missing)}", file=chapter.file)
    ids = [q.id for q in chapter.material.questions] + [e.id for e in activity.excerpts]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise BuildError(f"ids must be unique in the file: {', '.join(repeated)}", file=chapter.file)
    return chapter
