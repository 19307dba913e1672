"""Quizzes and lesson plans as data: every quiz's rules, a malformed quiz refused naming file and question, and lessons
whose activities students have read for. The files made from them (worksheets, decks) are tested in
test_classroom_files.py."""

from __future__ import annotations

import pytest
import yaml

from charts import card
from charts.registry import CHARTS
from core import bibliography
from explainer import quiz
from explainer.classroom import lessons, material

from sitebuild import CHAPTERS, ROOT

QUIZZES = sorted((ROOT / "includes" / "quizzes").glob("*.yml"))
SLUGS = [page.slug for page in CHAPTERS]
WORKS = bibliography.load()
CELLS = {chart_id: {c for row in card.build(chart_id).table.cells() for c in row} for chart_id in CHARTS}


def chapter(slug: str) -> str:
    return (ROOT / "docs" / slug / "index.md").read_text(encoding="utf-8")


def test_every_chapter_has_a_quiz_and_every_quiz_a_chapter():
    assert sorted(p.stem for p in QUIZZES) == sorted(SLUGS)


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_quiz_has_5_to_8_questions_each_with_one_answer_feedback_and_a_real_anchor(path):
    found = quiz.load(path.stem, CELLS)
    assert 5 <= len(found.questions) <= 8
    ids = quiz.block_ids(chapter(path.stem))
    for item in found.questions:
        assert sum(o.correct for o in item.options) == 1
        assert all(o.feedback for o in item.options)
        assert item.anchor in ids or item.anchor in CHARTS
    rendered = quiz.render(found, path.stem)
    assert rendered.count("<fieldset") == len(found.questions) == rendered.count("<legend")


BREAKAGES = {
    "two correct answers": (lambda q: q["questions"][0]["options"][1].update(correct=True), "exactly one"),
    "no correct answer": (lambda q: q["questions"][0]["options"][0].update(correct=False), "exactly one"),
    "an option without feedback": (lambda q: q["questions"][1]["options"][2].pop("feedback"), "feedback"),
    "an anchor that does not exist": (lambda q: q["questions"][2].update(answer_in="no-such-paragraph"), "answer_in"),
    "evidence the paragraph lacks": (lambda q: q["questions"][0].update(evidence="words nobody wrote"), "evidence"),
    "too few questions": (lambda q: q.update(questions=q["questions"][:2]), "questions"),
}


def _broken(slug: str, breakage: str) -> str:
    data = yaml.safe_load((ROOT / "includes" / "quizzes" / f"{slug}.yml").read_text(encoding="utf-8"))
    for item in data["questions"]:
        right = next(o for o in item["options"] if o.get("correct"))
        item["options"] = [right] + [o for o in item["options"] if o is not right]
        item.update(answer_in=item["answer_in"])
    # Text items first, so that the breakages hit paragraph evidence, not a chart's.
    data["questions"].sort(key=lambda item: item["answer_in"] in CHARTS)
    BREAKAGES[breakage][0](data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_malformed_quiz_is_refused_naming_file_and_question(breakage):
    slug = SLUGS[0]
    with pytest.raises(quiz.QuizError) as error:
        quiz.parse(slug, _broken(slug, breakage), chapter(slug), CELLS)
    message = str(error.value)
    assert f"includes/quizzes/{slug}.yml" in message and BREAKAGES[breakage][1] in message, message
    assert "\n" not in message


def test_a_malformed_quiz_file_stops_the_build_with_one_line(tmp_path):
    """What the build reads: every file of the quiz folder (quiz.load_all). That such an error stops the whole build
    in one line, writing nothing, is proven once for every kind of bad input:
    test_bad_input.py::test_the_site_build_stops_on_bad_data_and_writes_nothing."""
    folder = tmp_path / "quizzes"
    folder.mkdir()
    for path in QUIZZES:
        (folder / path.name).write_bytes(path.read_bytes())
    slug = SLUGS[1]
    (folder / f"{slug}.yml").write_text(_broken(slug, "two correct answers"), encoding="utf-8")
    with pytest.raises(quiz.QuizError) as error:
        quiz.load_all(CELLS, quiz_dir=folder)
    message = str(error.value)
    assert f"quizzes/{slug}.yml" in message and "exactly one" in message and "\n" not in message, message


LESSONS = [(plan, lesson) for plan in lessons.plans() for lesson in plan.lessons]


@pytest.mark.parametrize("item", LESSONS, ids=lambda item: f"{item[0].id}-{item[1].id}")
def test_students_have_read_what_each_activity_needs(item):
    plan, lesson = item
    read = set()
    for earlier in plan.lessons[: plan.lessons.index(lesson) + 1]:
        read |= set(earlier.before)
    by_slug = {page.slug: page for page in CHAPTERS}
    for step in lesson.steps:
        for slug in step.activities:
            needed = {slug, *material.load(by_slug[slug], WORKS, set(CHARTS)).material.activity.needs}
            assert not needed - read, f"{plan.id}/{lesson.id}: the activity of {slug} needs {needed - read} read first"


@pytest.mark.parametrize("src", ["index.md", "for-teachers/index.md"])
def test_the_age_range_is_the_same_everywhere(src):
    text = " ".join((ROOT / "docs" / src).read_text(encoding="utf-8").split())
    assert lessons.audience() in text.replace("**", "")
