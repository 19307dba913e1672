"""Self-check quizzes, one YAML file per chapter in includes/quizzes/, checked at build time and rendered as HTML."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import pathlib
import re

import yaml

from . import content, markers, strings
from .errors import BuildError

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUIZ_DIR = ROOT / "includes" / "quizzes"
DOCS = ROOT / "docs"
MIN_QUESTIONS, MAX_QUESTIONS = 5, 8
MIN_OPTIONS, MAX_OPTIONS = 3, 5
LETTERS = "abcde"
# An id given to a block with attr_list, on a line of its own under the block: `{: #some-id }`.
BLOCK_ID = re.compile(r"^[ \t]*\{:?\s*#([A-Za-z][\w-]*)\s*\}\s*$", re.M)


class QuizError(BuildError):
    """A quiz file breaks a rule; the message names the file and the question."""


@dataclasses.dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclasses.dataclass(frozen=True)
class Question:
    number: int
    text: str
    anchor: str  # id of the paragraph in the chapter that holds the answer
    options: tuple[Option, ...]

    @property
    def answer(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.correct)


@dataclasses.dataclass(frozen=True)
class Quiz:
    slug: str  # the chapter's folder, e.g. "since-2022"
    questions: tuple[Question, ...]

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


def _lines(text: str) -> dict[int, int]:
    """The YAML line of each question, so that errors can point at it."""
    try:
        root = yaml.compose(text, Loader=content.SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    for key, value in getattr(root, "value", []) if isinstance(root, yaml.MappingNode) else []:
        if key.value == "questions" and isinstance(value, yaml.SequenceNode):
            return {i: item.start_mark.line + 1 for i, item in enumerate(value.value)}
    return {}


def parse(slug: str, text: str, chapter_markdown: str | None) -> Quiz:
    """Check one quiz file against its chapter; any problem stops the build naming file and question."""
    file = f"includes/quizzes/{slug}.yml"
    try:
        raw = content.parse_yaml(text)
    except yaml.YAMLError as problem:
        raise content.not_valid_yaml(problem, QuizError, file) from None
    if chapter_markdown is None:
        raise QuizError(
            f"no chapter docs/{slug}/index.md for this quiz; name the file after the chapter's folder", file=file
        )
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise QuizError("expected a mapping with a list under 'questions'", file=file)
    items = raw["questions"]
    if not MIN_QUESTIONS <= len(items) <= MAX_QUESTIONS:
        raise QuizError(f"has {len(items)} questions; a quiz needs {MIN_QUESTIONS} to {MAX_QUESTIONS}", file=file)
    lines, anchors = _lines(text), block_ids(chapter_markdown)
    questions = []
    for index, item in enumerate(items):
        number = index + 1

        def fail(message: str, item=item, number=number, index=index) -> QuizError:
            label = item.get("question") if isinstance(item, dict) else None
            named = f"question {number}" + (f" ({str(label)[:60]!r})" if label else "")
            return QuizError(f"{named}: {message}", file=file, row=lines.get(index))

        if not isinstance(item, dict) or not str(item.get("question") or "").strip():
            raise fail("needs a 'question' text")
        unknown = set(item) - {"question", "answer_in", "evidence", "options"}
        if unknown:
            raise fail(f"unknown field(s) {', '.join(sorted(unknown))}; use question, answer_in, evidence, options")
        options = item.get("options")
        if not isinstance(options, list) or not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
            raise fail(f"needs {MIN_OPTIONS} to {MAX_OPTIONS} options")
        parsed = []
        for letter, option in zip(LETTERS, options, strict=False):
            if not isinstance(option, dict) or not str(option.get("text") or "").strip():
                raise fail(f"option {letter} needs a 'text'")
            if not str(option.get("feedback") or "").strip():
                raise fail(f"option {letter} ({str(option['text'])[:40]!r}) has no feedback; every option needs one")
            if option.get("correct", False) not in (True, False):
                raise fail(f"option {letter}: 'correct' must be true or false")
            text, feedback = str(option["text"]).strip(), str(option["feedback"]).strip()
            parsed.append(Option(text, bool(option.get("correct", False)), feedback))
        correct = sum(option.correct for option in parsed)
        if correct != 1:
            raise fail(f"has {correct} correct options; exactly one must be marked 'correct: true'")
        anchor = str(item.get("answer_in") or "")
        if anchor not in anchors:
            raise fail(
                f"answer_in '#{anchor}' is not an id in docs/{slug}/index.md; give the paragraph that holds the "
                f"answer an id with a line '{{: #{anchor or 'some-id'} }}' under it"
            )
        evidence = str(item.get("evidence") or "")
        if not evidence or evidence not in " ".join(anchors[anchor].split()):
            raise fail(
                f"evidence {evidence!r} is not in the paragraph #{anchor} (has the chapter changed?); quote the "
                "words that support the correct answer"
            )
        # Authors may write the right answer first; readers see it at a fixed place that varies by question.
        turn = int(hashlib.sha256(f"{slug}:{number}".encode()).hexdigest(), 16) % len(parsed)
        questions.append(Question(number, str(item["question"]).strip(), anchor, tuple(parsed[turn:] + parsed[:turn])))
    return Quiz(slug, tuple(questions))


def load(slug: str, docs: pathlib.Path = DOCS, quiz_dir: pathlib.Path = QUIZ_DIR) -> Quiz:
    path = quiz_dir / f"{slug}.yml"
    if not path.is_file():
        raise markers.MissingTarget(f"quiz {slug!r} (add includes/quizzes/{slug}.yml)")
    chapter = docs / slug / "index.md"
    markdown = chapter.read_text(encoding="utf-8") if chapter.is_file() else None
    return parse(slug, path.read_text(encoding="utf-8"), markdown)


def load_all(docs: pathlib.Path = DOCS, quiz_dir: pathlib.Path = QUIZ_DIR) -> dict[str, Quiz]:
    """Every quiz file, checked: a bad one stops the build even if no page places it yet."""
    return {path.stem: load(path.stem, docs, quiz_dir) for path in sorted(quiz_dir.glob("*.yml"))}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render(quiz: Quiz) -> str:
    """The quiz as an HTML block: a fieldset per question, feedback for every option, a live region, an answer key."""
    t = strings.text
    out = [
        # Out of the search index, which every page downloads: the quiz repeats the chapter's facts.
        f'<section class="quiz" data-quiz data-search-exclude id="quiz-{quiz.slug}" aria-label="{_e(t("quiz.label"))}" '
        f'data-correct-label="{_e(t("quiz.correct"))}" data-wrong-label="{_e(t("quiz.wrong"))}">',
        f'<p class="quiz__intro">{_e(t("quiz.intro"))}</p>',
    ]
    for q in quiz.questions:
        qid = f"quiz-{quiz.slug}-{q.number}"
        out.append(f'<fieldset class="quiz__question" id="{qid}">')
        out.append(f'<legend class="quiz__legend"><span class="quiz__number">{q.number}.</span> {_e(q.text)}</legend>')
        out.append('<ul class="quiz__options">')
        for letter, option in zip(LETTERS, q.options, strict=False):
            verdict = "correct" if option.correct else "wrong"
            out.append(
                f'<li class="quiz__option" data-verdict="{verdict}">'
                f'<label><input type="radio" name="{qid}" value="{letter}"> '
                f'<span class="quiz__letter">{letter})</span> {_e(option.text)}</label>'
                f'<p class="quiz__explain" hidden>{_e(option.feedback)}</p></li>'
            )
        out.append("</ul>")
        out.append('<div class="quiz__feedback" role="status" aria-live="polite"></div>')
        out.append(f'<p class="quiz__pointer"><a href="#{q.anchor}">{_e(t("quiz.read_passage"))}</a></p>')
        out.append("</fieldset>")
    # The answer key: folded online (and the only marking without JavaScript), printed in the teacher edition.
    out.append(f'<details class="quiz__key teacher-notes"><summary>{_e(t("quiz.key"))}</summary><ol>')
    for q in quiz.questions:
        option = q.options[q.answer]
        out.append(
            f"<li><strong>{LETTERS[q.answer]})</strong> {_e(option.text)} "
            f'(<a href="#{q.anchor}">{_e(t("quiz.key_passage"))}</a>)</li>'
        )
    out.append("</ol></details>")
    out.append("</section>")
    return "\n\n" + "\n".join(out) + "\n\n"


def marker(slug: str) -> str:
    """The `<!-- md:quiz CHAPTER -->` handler."""
    return render(load(slug))
