"""What a teacher checks before a lesson, done on the files themselves: fair quizzes; worksheets that stand alone, fit
four A4 pages and hold no answer; a teacher's version with the answers; slides fit to project (16:9, measured text,
real alt text, notes for each slide, in the order of the plan). The files are read as the session's build published
them."""

from __future__ import annotations

import collections
import dataclasses
import io
import pathlib
import re

import docx
import pptx
import pypdfium2
import pytest
from docx.oxml.ns import qn
from pptx.util import Emu

from charts import pictures, publish
from core import INCLUDES, yamlfile
from core.strings import text as t
from explainer import chart_card, classroom, pages, quiz
from explainer import site as site_model
from explainer.classroom import deck, fit, handout, lessons, page, worksheet

from sitebuild import SITE_URL

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUIZZES = sorted((INCLUDES / "quizzes").glob("*.yml"))
LESSONS = [(plan, lesson) for plan in lessons.plans() for lesson in plan.lessons]
SLUGS = sorted(path.stem for path in (INCLUDES / "classroom").glob("*.yml"))
MAX_PAGES = 4
# "In most items no option more than 30% longer than the others": the longest option against the mean of the rest.
LONGER = 1.3
MAX_LETTER_SHARE = 0.4
MAX_LONGEST_SHARE = 1 / 3
# The printed handouts' footer band (page numbers), in points from the bottom of the page.
FOOTER_PT = 40


def lesson_id(item) -> str:
    return f"{item[0].id}-{item[1].id}"


# -- Quizzes ------------------------------------------------------------------------------------------------------


def quiz_file(path: pathlib.Path) -> quiz.QuizFile:
    return yamlfile.load(path, quiz.QuizFile)


def lengths(question) -> list[int]:
    return [len(" ".join(option.text.split())) for option in question.options]


def longest_stands_out(question) -> bool:
    sizes = lengths(question)
    top = max(sizes)
    rest = sizes[:]
    rest.remove(top)
    return top > LONGER * sum(rest) / len(rest)


def correct(question) -> int:
    return next(i for i, option in enumerate(question.options) if option.correct)


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_quiz_options_are_of_similar_length(path):
    questions = quiz_file(path).questions
    uneven = [n for n, q in enumerate(questions, 1) if longest_stands_out(q)]
    assert len(uneven) * 2 < len(questions), (
        f"in most items no option may be more than 30% longer than the others; too long in items {uneven}"
    )


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_quiz_answer_letters_are_spread(path):
    keys = collections.Counter(quiz.LETTERS[correct(q)] for q in quiz_file(path).questions)
    letter, count = keys.most_common(1)[0]
    total = sum(keys.values())
    assert count <= MAX_LETTER_SHARE * total, f"{count} of {total} answers are {letter!r}: {dict(sorted(keys.items()))}"


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_every_quiz_has_a_chart_reading_item(path):
    placed = set(quiz.CHART.findall((ROOT / "docs" / path.stem / "index.md").read_text(encoding="utf-8")))
    reads = [q.answer_in for q in quiz_file(path).questions if q.answer_in in placed]
    assert reads, (
        f"no item asks to read a chart (answer_in a chart placed in docs/{path.stem}/index.md); "
        f"the chapter places {sorted(placed) or 'no chart'}"
    )


def test_the_correct_option_is_rarely_the_longest():
    questions = [q for path in QUIZZES for q in quiz_file(path).questions]
    longest = [
        q for q in questions if lengths(q)[correct(q)] == max(lengths(q)) and lengths(q).count(max(lengths(q))) == 1
    ]
    assert len(longest) <= MAX_LONGEST_SHARE * len(questions), (
        f"the correct option is the longest in {len(longest)} of {len(questions)} items"
    )


# -- The files, made once -----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def made(site):
    """The site's classroom material and each chapter's handout, made in-process as the session's build made them
    (its address; the chart pictures from the cache it filled), and every classroom file as that build published it.
    That two builds from empty caches publish the same bytes is test_build.py::test_two_builds_are_byte_identical."""
    found = site_model.Site(dataclasses.replace(pages.load_settings(), site_url=SITE_URL))
    s = found.settings
    jobs = [job for chart in found.charts.values() for job in chart_card.picture_jobs(chart, s.site_name, s.site_url)]
    pngs = publish.picture_files(pictures.draw(jobs))
    handouts = classroom.handouts(found.charts, pngs, s, found.classroom, found.quizzes)
    folder = site / lessons.FOLDER
    files = {f"{lessons.FOLDER}/{path.name}": path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}
    return found, handouts, files


def squeeze(text: str) -> str:
    """Text without any white space, so that line breaks and wrapping do not hide a match (PDFium reads a hyphen
    that ends a line as U+0002)."""
    # The files set typographic quotation marks and apostrophes; the sources type straight ones.
    straight = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return re.sub(r"\s+", "", text.replace("\x02", "-").translate(straight))


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)

    cells(document.tables)
    for section in document.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def pdf_pages(data: bytes) -> int:
    return len(pypdfium2.PdfDocument(data))


def pdf_text(data: bytes) -> str:
    """The text of every page above the footer (the page numbers), so that a paragraph running onto the next page
    reads on."""
    document = pypdfium2.PdfDocument(data)
    return "\n".join(document[i].get_textpage().get_text_bounded(bottom=FOOTER_PT) for i in range(len(document)))


def slide_body_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def secrets(found, slug: str) -> list[str]:
    """What no student file may hold: every quiz explanation, the model answer, the pointers, the teacher's notes and
    the pre-reading answers."""
    m = found.classroom[slug].material
    out = [m.activity.model_answer, *(q.pointers for q in m.questions)]
    out += [m.teacher_notes.stress, m.teacher_notes.misconceptions, m.teacher_notes.sensitivity]
    out.append(m.teacher_notes.impartiality)
    if slug in found.quizzes:
        out += [o.feedback for q in found.quizzes[slug].questions for o in q.options]
    out += [c.answer for _, lesson in LESSONS for c in lesson.check if slug in lesson.before]
    return out


def leaked(text: str, found, slug: str) -> list[str]:
    flat = squeeze(text)
    return [s[:70] for s in secrets(found, slug) if squeeze(s) in flat]


# -- Worksheets -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_student_worksheet_fits_four_a4_pages(made, slug):
    _, _, files = made
    pdf = files[lessons.worksheet_path(slug, "pdf")]
    assert pdf_pages(pdf) <= MAX_PAGES, f"the printed worksheet takes {pdf_pages(pdf)} pages"
    size = pypdfium2.PdfDocument(pdf)[0].get_size()
    assert abs(size[0] - 595.3) < 1 and abs(size[1] - 841.9) < 1, f"not A4: {size}"


@pytest.mark.parametrize("slug", SLUGS)
def test_student_files_hold_no_answer_and_no_teacher_note(made, slug):
    found, _, files = made
    for path in (
        lessons.worksheet_path(slug, "docx"),
        lessons.reading_path(slug, "docx"),
    ):
        assert not leaked(docx_text(files[path]), found, slug), path
    for path in (lessons.worksheet_path(slug, "pdf"), lessons.reading_path(slug, "pdf")):
        assert not leaked(pdf_text(files[path]), found, slug), path


@pytest.mark.parametrize("slug", SLUGS)
def test_teacher_version_holds_the_answers_and_every_source(made, slug):
    found, handouts, files = made
    h = handouts[slug]
    for path, text in (
        (lessons.worksheet_path(slug, "docx", teacher=True), docx_text),
        (lessons.worksheet_path(slug, "pdf", teacher=True), pdf_text),
    ):
        flat = squeeze(text(files[path]))
        wanted = [h.model_answer, *(p for _, p in h.pointers), *(n for _, n in h.notes), *h.rubric.levels]
        wanted += [item.explanation for item in h.quiz]
        wanted += [card.expect for card in h.cards]
        missing = [w[:60] for w in wanted if squeeze(w) not in flat]
        assert not missing, f"{path} lacks {missing}"
        urls = [w.url for w in page.cited(found.classroom[slug]) if w.url]
        assert all(squeeze(url) in flat for url in urls), f"{path} lacks a source's address"


@pytest.mark.parametrize("slug", SLUGS)
def test_student_worksheet_holds_what_its_tasks_need(made, slug):
    found, handouts, files = made
    h = handouts[slug]
    data = files[lessons.worksheet_path(slug, "docx")]
    document = docx.Document(io.BytesIO(data))
    text = squeeze(docx_text(data))
    # Every excerpt the steps name, with its words and who said it; every chart with its takeaway and source.
    named = {int(n) for step in h.steps for n in re.findall(r"Excerpts? (\d+)", step)}
    assert named <= {e.number for e in h.excerpts}, f"steps name excerpts {named} the sheet lacks"
    for e in h.excerpts:
        assert squeeze(e.text) in text and squeeze(e.who) in text
    for chart_id in found.classroom[slug].material.activity.charts:
        figure = next(f for f in h.figures if f.id == chart_id)
        assert squeeze(figure.takeaway) in text and squeeze(figure.source) in text
    # Real alt text on every picture: the chart's description, never a file name.
    described = [element.get("descr") for element in document.element.body.iter(qn("wp:docPr"))]
    assert described == [f.alt for f in h.figures]
    # Real numbering (Word's List Number, numbered by the document), not typed numbers.
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert {squeeze(s) for s in h.steps} <= {squeeze(p.text) for p in numbered}
    assert not any(re.match(r"\d+\. ", p.text) for p in document.paragraphs)
    assert "____" not in docx_text(data)
    # At least five ruled lines under each discussion question, and the activity's table as a real table.
    lines = [t for t in document.tables if len(t.columns) == 1 and len(t.rows) >= worksheet.LINES]
    assert len(lines) == len(h.questions)
    grid = [t for t in document.tables if len(t.columns) == len(h.columns) and len(t.rows) == 1 + len(h.rows)]
    assert grid, "the activity's table is missing"
    # The page number in the footer is a field, filled in by Word or LibreOffice.
    footer = document.sections[0].footer._element
    assert any("PAGE" in (code.text or "") for code in footer.iter(qn("w:instrText")))


# -- Slides ---------------------------------------------------------------------------------------------------------


def presentation(made, item) -> pptx.Presentation:
    return pptx.Presentation(io.BytesIO(made[2][lessons.deck_path(item[0].id, item[1].id)]))


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_deck_is_16_9_and_no_text_overflows_its_box(made, item):
    prs = presentation(made, item)
    assert (prs.slide_width, prs.slide_height) == (deck.WIDTH, deck.HEIGHT)
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                over = fit.overflow(shape)
                assert over <= 0, f"slide {number}, {shape.name!r}: the text runs {over:.0f} pt past its box"
                assert shape.left >= 0 and shape.top >= 0
                assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_content_slides_show_about_40_words_at_24_pt_or_more(made, item):
    for number, slide in enumerate(presentation(made, item).slides, 1):
        for shape in slide.shapes:
            if shape.name == "Body":
                runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
                words = sum(len(r.text.split()) for r in runs)
                assert words <= deck.MAX_WORDS, f"slide {number} shows {words} words"
                small = {r.font.size.pt for r in runs if r.font.size.pt < 24}
                assert not small, f"slide {number} has body text at {small} pt"


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_every_picture_has_a_real_description(made, item):
    pictures_seen = 0
    for number, slide in enumerate(presentation(made, item).slides, 1):
        for shape in slide.shapes:
            if shape.shape_type == 13:  # a picture
                pictures_seen += 1
                described = shape._element.nvPicPr.cNvPr.get("descr") or ""
                assert len(described.split()) >= 8 and "image.png" not in described, f"slide {number}: {described!r}"
                assert shape.name != "image.png"
    activity = [
        c for step in item[1].steps for s in step.activities for c in made[0].classroom[s].material.activity.charts
    ]
    assert pictures_seen == len(activity) + (1 if item[1].diagram else 0)


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_speaker_notes_are_written_for_each_slide(made, item):
    notes = [slide.notes_slide.notes_text_frame.text.strip() for slide in presentation(made, item).slides]
    assert all(notes), "a slide without speaker notes"
    repeated = [n[:60] for n, count in collections.Counter(notes).items() if count > 1]
    assert not repeated, f"notes repeated within the deck: {repeated}"


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_slides_follow_the_plan_and_show_no_answer(made, item):
    found, handouts, _ = made
    plan, lesson = item
    slides = list(presentation(made, item).slides)
    titles = [slide.shapes.title.text_frame.text for slide in slides]
    # What the plan's steps project, in their order; an activity's steps may take several slides.
    expected = []
    for step in lesson.steps:
        for slug in step.activities:
            a = found.classroom[slug].material.activity
            expected.append(("activity", a.title))
            expected += [("chart", f.title) for f in handouts[slug].figures if f.id in a.charts]
        if step.slide == "title":
            expected.append(("is", lesson.title))
        elif step.slide == "check":
            expected.append(("is", t("classroom.check_title")))
            if lesson.diagram:
                expected.append(("any", ""))
        elif step.slide == "roles":
            expected += [("is", card.role) for card in lesson.role_cards] + [("is", step.heading)]
        elif step.slide:
            expected.append(("any", ""))
    expected.append(("is", t("classroom.sources")))
    at = 0
    for kind, text in expected:
        assert at < len(titles), f"the deck ends before {kind} {text!r}"
        if kind == "activity":
            assert text in titles[at], f"slide {at + 1}: {titles[at]!r} is not the activity {text!r}"
            while at + 1 < len(titles) and text in titles[at + 1]:
                at += 1
        elif kind != "any":
            assert titles[at] == text, f"slide {at + 1} is {titles[at]!r}, the plan has {text!r} here"
        at += 1
    assert at == len(titles), f"slides the plan does not use: {titles[at:]}"
    # The pre-reading slide gives each chapter's address; no slide body holds an answer or a teacher's note.
    check = slides[titles.index(t("classroom.check_title"))] if lesson.check else None
    if check is not None:
        for slug in lesson.before:
            assert handouts[slug].address in slide_body_text(check)
    body = "\n".join(slide_body_text(slide) for slide in slides)
    slugs = {*lesson.before, *(s for step in lesson.steps for s in step.activities)}
    for slug in slugs:
        assert not leaked(body, found, slug), f"a slide body shows the teacher's text of {slug}"
    assert not [c.answer for c in lesson.check if squeeze(c.answer) in squeeze(body)]


def test_the_measure_catches_text_too_long_for_its_box():
    prs = pptx.Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, deck.BODY_BOX[2], Emu(914400))
    deck._write(box.text_frame, [{"runs": [("word " * 6, False)]}], 28)
    assert fit.overflow(box) <= 0
    deck._write(box.text_frame, [{"runs": [("word " * 120, False)]}], 28)
    assert fit.overflow(box) > 0


# -- Lessons and the classroom pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("item", LESSONS, ids=lesson_id)
def test_each_lesson_adds_up_and_each_activity_fits_its_step(made, item):
    found = made[0]
    _, lesson = item
    assert sum(step.minutes for step in lesson.steps) == lesson.minutes
    for step in lesson.steps:
        for slug in step.activities:
            assert found.classroom[slug].material.activity.minutes <= step.minutes, f"{slug} does not fit its step"
    kinds = [step.slide for step in lesson.steps]
    if "roles" in kinds:  # a debate: time to prepare in a step of its own before the statements
        assert lesson.role_cards and "task" in kinds[: kinds.index("roles")], "no time to prepare the debate"


@pytest.mark.parametrize("slug", SLUGS)
def test_each_edition_of_the_classroom_page_links_its_own_files(slug):
    student = classroom.downloads_html(slug, page.student_src(slug), True)
    teacher = classroom.downloads_html(slug, page.teacher_src(slug), True)
    assert lessons.worksheet_path(slug, "pdf") in student and lessons.reading_path(slug, "pdf") in student
    assert "-teacher." not in student and "slides.pptx" not in student, "teacher's files on the student edition"
    assert lessons.worksheet_path(slug, "pdf", teacher=True) in teacher
    assert lessons.worksheet_path(slug, "docx", teacher=True) in teacher
    uses = any(handout.uses(lesson, slug) for _, lesson in LESSONS)
    assert ("slides.pptx" in teacher) == uses
