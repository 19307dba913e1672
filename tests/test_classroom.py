"""Classroom material: quizzes checked at build time, lesson plans that add up, worksheets and decks that open."""

from __future__ import annotations

import io
import pathlib
import re
import zipfile

import docx
import pptx
import pytest
import yaml

import charts.card
import charts.publish
from charts.registry import CHARTS
from explainer import bibliography, classroom, content, quiz
from explainer.classroom import lessons, material, pack, pdf

from sitebuild import CHAPTERS, PAGES, ROOT, build_copy, copy_tree, page_id

QUIZZES = sorted((ROOT / "includes" / "quizzes").glob("*.yml"))
LESSONS = [(plan, lesson) for plan in lessons.plans() for lesson in plan.lessons]
SLUGS = [page.src.split("/")[0] for page in CHAPTERS]


def lesson_id(item) -> str:
    return f"{item[0].id}-{item[1].id}"


def front_matter(slug: str) -> dict:
    return content.split_front_matter((ROOT / "docs" / slug / "index.md").read_text(encoding="utf-8"), slug)[0]


@pytest.fixture(scope="module")
def charts_made() -> tuple[dict, dict[str, bytes]]:
    """The charts and their files, as the render step makes them (from the render cache when it is warm)."""
    built = {chart_id: charts.card.build(chart_id) for chart_id in CHARTS}
    return built, charts.publish.files(built=built)


@pytest.fixture(scope="module")
def generated(charts_made) -> dict[str, bytes]:
    """Every worksheet and deck, with the chart pictures, as a build makes them."""
    return classroom.files(*charts_made)


# -- Quizzes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_every_chapter_places_its_own_quiz(page):
    slug = page.src.split("/")[0]
    assert f"<!-- md:quiz {slug} -->" in page.body
    assert (ROOT / "includes" / "quizzes" / f"{slug}.yml").exists()


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_quiz_has_5_to_8_questions_each_with_one_answer_feedback_and_a_real_anchor(path):
    found = quiz.load(path.stem)
    assert 5 <= len(found.questions) <= 8
    ids = quiz.block_ids((ROOT / "docs" / path.stem / "index.md").read_text(encoding="utf-8"))
    for q in found.questions:
        assert sum(o.correct for o in q.options) == 1
        assert all(o.feedback for o in q.options)
        assert q.anchor in ids
    rendered = quiz.render(found)
    assert rendered.count("<fieldset") == len(found.questions) == rendered.count("<legend")
    assert rendered.count('role="status"') == len(found.questions)


def test_the_right_answer_is_not_always_in_the_same_place():
    places = {q.answer for path in QUIZZES for q in quiz.load(path.stem).questions}
    assert len(places) >= 3


BREAKAGES = {
    "two correct answers": (lambda q: q["questions"][0]["options"][1].update(correct=True), "exactly one"),
    "no correct answer": (lambda q: q["questions"][0]["options"][0].update(correct=False), "exactly one"),
    "an option without feedback": (lambda q: q["questions"][1]["options"][2].pop("feedback"), "no feedback"),
    "an anchor that does not exist": (lambda q: q["questions"][2].update(answer_in="no-such-paragraph"), "not an id"),
    "evidence the paragraph lacks": (
        lambda q: q["questions"][0].update(evidence="words nobody wrote"),
        "not in the paragraph",
    ),
    "too few questions": (lambda q: q.update(questions=q["questions"][:4]), "5 to 8"),
}


def _broken(slug: str, breakage: str) -> str:
    data = yaml.safe_load((ROOT / "includes" / "quizzes" / f"{slug}.yml").read_text(encoding="utf-8"))
    for q in data["questions"]:
        correct = next(o for o in q["options"] if o.get("correct"))
        q["options"] = [correct] + [o for o in q["options"] if o is not correct]
    BREAKAGES[breakage][0](data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_malformed_quiz_is_refused_naming_file_and_question(breakage):
    slug = SLUGS[0]
    chapter = (ROOT / "docs" / slug / "index.md").read_text(encoding="utf-8")
    with pytest.raises(quiz.QuizError) as error:
        quiz.parse(slug, _broken(slug, breakage), chapter)
    message = str(error.value)
    assert f"includes/quizzes/{slug}.yml" in message and BREAKAGES[breakage][1] in message
    if breakage != "too few questions":
        assert re.search(r"question \d", message), message


def test_a_malformed_quiz_stops_the_build_with_one_line(tmp_path):
    tree = copy_tree(tmp_path / "tree")
    slug = SLUGS[1]
    (tree / "includes" / "quizzes" / f"{slug}.yml").write_text(_broken(slug, "two correct answers"), encoding="utf-8")
    done = build_copy(tree)
    assert done.returncode != 0, "the build published a quiz with two right answers"
    assert f"includes/quizzes/{slug}.yml" in done.stderr and "question 1" in done.stderr, done.stderr[-2000:]
    assert "Traceback" not in done.stderr


# -- Lesson plans -----------------------------------------------------------------------------------


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_lesson_adds_up_and_every_activity_fits_its_slot(item):
    plan, lesson = item
    assert sum(step.minutes for step in lesson.steps) == lesson.minutes, f"{plan.id}/{lesson.id} does not add up"
    for step in lesson.steps:
        for slug in step.activities:
            need = front_matter(slug)["activity_minutes"]
            assert step.minutes >= need, f"{slug}'s activity takes {need} min but gets {step.minutes}"


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_students_have_read_what_each_activity_needs(item):
    plan, lesson = item
    read = set()
    for earlier in plan.lessons[: plan.lessons.index(lesson) + 1]:
        read |= set(earlier.before)
    for step in lesson.steps:
        for slug in step.activities:
            needed = {slug, *front_matter(slug).get("activity_needs", [])}
            missing = sorted(needed - read)
            assert not missing, f"{plan.id}/{lesson.id}: the activity of {slug} needs {missing} read first"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_chapter_states_the_activity_length_its_front_matter_gives(page):
    slug = page.src.split("/")[0]
    stated = re.search(r"^## Activity\n\n\*\*[^*]+\*\* \(about (\d+) minutes\)", page.body, flags=re.M)
    assert stated and int(stated[1]) == front_matter(slug)["activity_minutes"]


@pytest.mark.parametrize("src", ["index.md", "for-teachers/index.md"])
def test_the_age_range_is_the_same_everywhere(src):
    text = " ".join((ROOT / "docs" / src).read_text(encoding="utf-8").split())
    assert lessons.audience() in text.replace("**", "")
    assert "15 to 18" not in text


# -- Worksheets and decks ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_worksheet_opens_and_holds_the_chapter_questions_activity_table_and_quiz(generated, page):
    slug = page.src.split("/")[0]
    document = docx.Document(io.BytesIO(generated[lessons.worksheet_path(slug, "docx")]))
    text = "\n".join(p.text for p in document.paragraphs)
    m = material.load(page, bibliography.load())
    for question in m.questions:
        assert question in text
    for q in quiz.load(slug).questions:
        assert q.text in text
    assert [c.text for c in document.tables[0].rows[0].cells] == list(m.activity.columns)
    assert len(document.tables[0].rows) == 1 + len(m.activity.rows)
    assert document.core_properties.created.year == page.updated.year
    assert generated[lessons.worksheet_path(slug, "pdf")].startswith(b"%PDF-")


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_deck_opens_with_six_slides_a_picture_notes_and_standard_layouts(generated, item):
    plan, lesson = item
    deck = pptx.Presentation(io.BytesIO(generated[lessons.deck_path(plan.id, lesson.id)]))
    slides = list(deck.slides)
    assert len(slides) >= 6
    pictures = [shape for slide in slides for shape in slide.shapes if shape.shape_type == 13]
    assert pictures, "at least one picture"
    notes = [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide]
    assert any(len(n) > 40 for n in notes), "teacher notes in the speaker notes"
    standard = {layout.name for layout in pptx.Presentation().slide_layouts}
    assert {s.slide_layout.name for s in slides} <= standard
    text = " ".join(shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame)
    for _, _, step in lesson.times():
        assert material.plain(step.do)[:40] in text


def test_office_files_are_byte_identical_across_builds(generated, charts_made):
    again = classroom.files(*charts_made)
    assert [path for path in generated if again.get(path) != generated[path]] == []
    for path, data in generated.items():
        if path.endswith((".docx", ".pptx")):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert {info.date_time for info in archive.infolist()} == {pack.ZIP_TIME}, path


def test_chromium_prints_the_same_pdf_twice(tmp_path):
    page = "<!doctype html><meta charset=utf-8><h1>Worksheet</h1><p>Same bytes, twice.</p>"
    first = pdf.print_all({"a": page}, cache=tmp_path / "one")["a"]
    second = pdf.print_all({"a": page}, cache=tmp_path / "two")["a"]
    assert first == second and b"/CreationDate (D:19800101000000" in first


def test_every_generated_file_is_linked_from_a_page():
    sources = "".join(page.body for page in PAGES)
    assert "<!-- md:lesson-plan one-lesson -->" in sources and "<!-- md:worksheets -->" in sources
    for slug in SLUGS:
        assert f"<!-- md:classroom {slug} -->" in sources
    html = classroom.downloads_html(SLUGS[1], "../")
    assert lessons.worksheet_path(SLUGS[1], "docx") in html and lessons.deck_path("one-lesson", "lesson") in html


def test_links_to_the_lesson_files_resolve():
    rendered = lessons.plan_markdown("two-lessons", {p.src: p for p in PAGES}, "for-teachers/index.md")
    for target in re.findall(r"\]\(([^)#]+)\)", rendered):
        resolved = pathlib.PurePosixPath("for-teachers", target)
        parts = []
        for part in resolved.parts:
            parts = parts[:-1] if part == ".." else parts + [part]
        path = "/".join(parts)
        assert path.startswith("classroom/") or (ROOT / "docs" / path).exists(), path
