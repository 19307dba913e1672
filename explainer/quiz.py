"""Self-check quizzes, one YAML file per chapter in includes/quizzes/, checked at build time and rendered as HTML."""

from __future__ import annotations

import dataclasses
import pathlib
import re

import pydantic

from core import INCLUDES, strings, yamlfile
from core.errors import BuildError

from . import html, markers, pages

QUIZ_DIR = INCLUDES / "quizzes"
LETTERS = "abcde"
# A chart placed in a page.
CHART = re.compile(r"<!-- md:chart ([a-z0-9_]+) -->")
# An id given to a block with attr_list, on a line of its own under the block: `{: #some-id }`.
BLOCK_ID = re.compile(r"^[ \t]*\{:?\s*#([A-Za-z][\w-]*)\s*\}\s*$", re.M)


class QuizError(BuildError):
    """A quiz file breaks a rule; the message names the file and the question."""


class Option(yamlfile.Model):
    text: yamlfile.Text
    correct: bool = False
    feedback: yamlfile.Text


class Question(yamlfile.Model):
    question: yamlfile.Text
    # Where the answer is: the id of a paragraph of the chapter, or of a chart the chapter places.
    answer_in: str
    # Words quoted from that paragraph, or a value as the chart's data table shows it.
    evidence: yamlfile.Quote
    options: tuple[Option, ...] = pydantic.Field(min_length=3, max_length=5)

    @pydantic.field_validator("options")
    @classmethod
    def _one_correct(cls, options):
        correct = sum(option.correct for option in options)
        if correct != 1:
            raise ValueError(f"has {correct} correct options; exactly one must be marked 'correct: true'")
        return options


class QuizFile(yamlfile.Model):
    questions: tuple[Question, ...] = pydantic.Field(min_length=5, max_length=8)


@dataclasses.dataclass(frozen=True)
class Item:
    number: int
    text: str
    anchor: str  # the paragraph's or chart's id in the chapter
    options: tuple[Option, ...]
    chart: bool = False  # whether the answer is read from a chart

    @property
    def answer(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.correct)


@dataclasses.dataclass(frozen=True)
class Quiz:
    slug: str  # the chapter's folder, e.g. "since-2022"
    questions: tuple[Item, ...]

    @property
    def file(self) -> str:
        return f"includes/quizzes/{self.slug}.yml"


def block_ids(markdown: str) -> dict[str, str]:
    """Each attr_list block id in a page, with the text of the block it labels (the lines above it)."""
    found = {}
    for match in BLOCK_ID.finditer(markdown):
        before = markdown[: match.start()].rstrip("\n")
        start = before.rfind("\n\n")
        found[match[1]] = before[start + 2 if start >= 0 else 0 :]
    return found


def parse(slug: str, text: str, chapter_markdown: str | None, chart_cells: dict[str, set[str]]) -> Quiz:
    """Check one quiz file against its chapter; any problem stops the build naming file and question. Options are
    shown in the order written. `chart_cells` maps each chart id to the cells of its data table."""
    file = f"includes/quizzes/{slug}.yml"
    data = yamlfile.validate(yamlfile.parse(text, file, QuizError), QuizFile, file, text, QuizError)
    if chapter_markdown is None:
        raise QuizError(
            f"no chapter docs/{slug}/index.md for this quiz; name the file after the chapter's folder", file=file
        )
    anchors = block_ids(chapter_markdown)
    placed = set(CHART.findall(chapter_markdown))
    questions = []
    for number, item in enumerate(data.questions, 1):
        named = f"questions[{number}] ({item.question[:60]!r})"
        if item.answer_in in placed:
            # The pseudo-language transforms the table's words but quotes the English evidence as written.
            if not {item.evidence, strings.pseudo(item.evidence)} & chart_cells.get(item.answer_in, set()):
                raise QuizError(
                    f"{named}: evidence {item.evidence!r} is not a value in the data table of the chart "
                    f"{item.answer_in!r}; give a value as the table shows it",
                    file=file,
                )
        elif item.answer_in not in anchors:
            raise QuizError(
                f"{named}: answer_in '#{item.answer_in}' is neither a chart placed in docs/{slug}/index.md nor a "
                f"paragraph id there; give the paragraph that holds the answer a line '{{: #{item.answer_in} }}'",
                file=file,
            )
        elif item.evidence not in yamlfile.fold(anchors[item.answer_in]):
            raise QuizError(
                f"{named}: evidence {item.evidence!r} is not in the paragraph #{item.answer_in} (has the chapter "
                "changed?); quote the words that support the correct answer",
                file=file,
            )
        questions.append(Item(number, item.question, item.answer_in, item.options, item.answer_in in placed))
    return Quiz(slug, tuple(questions))


def load(
    slug: str, chart_cells: dict[str, set[str]], docs: pathlib.Path | None = None, quiz_dir: pathlib.Path = QUIZ_DIR
) -> Quiz:
    path = quiz_dir / f"{slug}.yml"
    if not path.is_file():
        raise markers.MissingTarget(f"quiz {slug!r} (add includes/quizzes/{slug}.yml)")
    chapter = (docs or pages.docs_dir()) / slug / "index.md"
    markdown = chapter.read_text(encoding="utf-8") if chapter.is_file() else None
    return parse(slug, path.read_text(encoding="utf-8"), markdown, chart_cells)


def load_all(
    chart_cells: dict[str, set[str]], docs: pathlib.Path | None = None, quiz_dir: pathlib.Path = QUIZ_DIR
) -> dict[str, Quiz]:
    """Every quiz file, checked: a bad one stops the build even if no page places it yet."""
    return {path.stem: load(path.stem, chart_cells, docs, quiz_dir) for path in sorted(quiz_dir.glob("*.yml"))}


def render(quiz: Quiz, chapter: str) -> str:
    """The quiz as an HTML block: a fieldset per question, feedback for every option, a score at the end.
    `chapter` is the address of the chapter from the page the quiz is on (its passages and charts are there)."""
    return html.render("quiz.html", quiz=quiz, letters=LETTERS, chapter=chapter)


def answer_key(quiz: Quiz, chapter: str) -> str:
    """The answer key with the explanations, for the teacher's edition only."""
    return html.render("quiz_key.html", quiz=quiz, letters=LETTERS, chapter=chapter)
