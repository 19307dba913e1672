"""A chapter's handouts: the student worksheet and the teacher's version as editable Word files (python-docx) and as
HTML that Chromium prints to PDF, and the short reading as a page of its own. The student worksheet holds what its
tasks need and no answer; the teacher's version is the same sheet followed by the answers, notes and sources."""

from __future__ import annotations

import base64
import io
import re

import docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

from core import locale, strings
from core.strings import text as t

from .. import html, quiz
from . import pack, word
from .handout import Handout

LETTERS = quiz.LETTERS
# Writing space under each discussion question: ruled lines 7 mm apart, as on narrow-ruled school paper.
LINES = 5
LINE_CM = 0.7
# The picture of a chart on paper: the full text width would take half a page.
FIGURE_CM = 11
# The rows of the table to fill in: room for a line or two of handwriting.
ROW_CM = 0.9
# The usable width of the A4 page (21 cm less the margins of word.setup()).
TEXT_CM = 17.6


def title(h: Handout, teacher: bool) -> str:
    return t("classroom.teacher_sheet_title" if teacher else "classroom.worksheet_title", chapter=h.heading)


def _quoted(text: str, quote: bool) -> str:
    return locale.quoted(text) if quote else text


def _document(h: Handout, heading: str):
    document = docx.Document()
    word.setup(document)
    pack.fixed_properties(document.core_properties, heading, h.author, h.updated)
    word.page_footer(document.sections[0], t("classroom.footer", title=heading, page="{page}", pages="{pages}"))
    return document


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return pack.fixed_zip(out.getvalue())


def _head(document, h: Handout, heading: str) -> None:
    document.add_heading(heading, level=0)
    word.small(document.add_paragraph(t("classroom.sheet_line", site=h.site_name, number=h.number, address=h.address)))
    table = document.add_table(rows=1, cols=3)
    word.table_borders(table, top="single", left="single", bottom="single", right="single", insideV="single")
    word.widths(table, [9.6, 4.0, 4.0])
    word.row_height(table.rows[0], 1.0)
    for cell, key in zip(table.rows[0].cells, ("classroom.name", "classroom.class", "classroom.date"), strict=True):
        cell.paragraphs[0].add_run(t(key))
        word.small(cell.paragraphs[0], size=8)


def _list(document, items):
    num = word.new_list(document)
    return [word.numbered(document, item, num) for item in items]


def _writing_lines(document, count: int = LINES) -> None:
    """Ruled lines to write on: a table of empty rows of a fixed height, ruled below each."""
    table = document.add_table(rows=count, cols=1)
    word.table_borders(table, color="8A8A8A", bottom="single", insideH="single")
    word.widths(table, [TEXT_CM - 0.6])
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    for row in table.rows:
        word.row_height(row, LINE_CM, exact=True)
        word.keep_row_together(row)
        row.cells[0].paragraphs[0].paragraph_format.keep_with_next = True
    # The lines stay on one page; the last keeps only with itself.
    table.rows[-1].cells[0].paragraphs[0].paragraph_format.keep_with_next = False


def _excerpts(document, h: Handout) -> None:
    document.add_heading(t("classroom.excerpts"), level=2)
    for e in h.excerpts:
        paragraph = document.add_paragraph()
        paragraph.add_run(t("classroom.excerpt_label", number=e.number) + " ").bold = True
        paragraph.add_run(_quoted(e.text, e.quote))
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.keep_with_next = True
        source = document.add_paragraph(t("classroom.excerpt_line", who=e.who, when=e.when, source=e.source))
        word.small(source)
        source.paragraph_format.left_indent = Cm(0.4)
        source.paragraph_format.space_after = Pt(4)


def _figures(document, h: Handout) -> None:
    for f in h.figures:
        document.add_heading(t("classroom.chart_label", number=f.number, title=f.title), level=2)
        subtitle = word.small(document.add_paragraph(f.subtitle), size=9)
        subtitle.paragraph_format.keep_with_next = True
        document.add_picture(io.BytesIO(f.png), width=Cm(FIGURE_CM))
        picture = document.paragraphs[-1]
        picture.alignment = 1  # centred
        picture.paragraph_format.keep_with_next = True
        word.alt_text(document.inline_shapes[-1], f.title, f.alt)
        takeaway = document.add_paragraph()
        takeaway.add_run(t("classroom.takeaway") + " ").bold = True
        takeaway.add_run(f.takeaway)
        word.small(takeaway, size=9, grey=False)
        takeaway.paragraph_format.keep_with_next = True
        if f.notes:
            notes = document.add_paragraph()
            notes.add_run(t("classroom.chart_notes") + " ").bold = True
            notes.add_run(" ".join(f.notes))
            word.small(notes)
            notes.paragraph_format.keep_with_next = True
        word.small(document.add_paragraph(f"{t('classroom.excerpt_source')} {f.source}."))


def _fill_in(document, h: Handout) -> None:
    document.add_heading(t("classroom.table_caption"), level=2)
    table = document.add_table(rows=1 + len(h.rows), cols=len(h.columns))
    table.style = "Table Grid"
    first = 1.8 if max(len(r) for r in h.rows) <= 4 else 4.2
    rest = (TEXT_CM - first) / (len(h.columns) - 1) if len(h.columns) > 1 else 0
    word.widths(table, [first] + [rest] * (len(h.columns) - 1) if rest else [TEXT_CM])
    word.repeat_header(table.rows[0])
    for cell, column in zip(table.rows[0].cells, h.columns, strict=True):
        word.shade(cell)
        run = cell.paragraphs[0].add_run(column)
        run.bold, run.font.size = True, Pt(9)
    for row, label in zip(table.rows[1:], h.rows, strict=True):
        word.row_height(row, ROW_CM)
        word.keep_row_together(row)
        if label:
            row.cells[0].paragraphs[0].add_run(label).font.size = Pt(9)


def _quiz(document, h: Handout) -> None:
    document.add_heading(t("classroom.quiz"), level=1)
    word.small(document.add_paragraph(t("classroom.quiz_instruction")), grey=False)
    num = word.new_list(document)
    for item in h.quiz:
        stem = item.text + (" " + t("classroom.quiz_chart", number=item.figure) if item.figure else "")
        question = word.numbered(document, stem, num)
        question.paragraph_format.keep_with_next = True
        question.paragraph_format.space_before = Pt(3)
        question.paragraph_format.space_after = Pt(1)
        for i, option in enumerate(item.options):
            paragraph = document.add_paragraph(t("classroom.quiz_option", letter=LETTERS[i], option=option))
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.space_after = word.LIST_INDENT + Cm(0.2), Pt(0)
            fmt.keep_with_next = i < len(item.options) - 1
            for run in paragraph.runs:
                run.font.size = Pt(9.5)


def _student_part(document, h: Handout) -> None:
    document.add_heading(t("classroom.objectives"), level=1)
    for objective in h.objectives:
        document.add_paragraph(objective, style="List Bullet")
    document.add_heading(t("classroom.activity", title=h.activity_title, minutes=h.activity_minutes), level=1)
    _list(document, h.steps)
    if h.excerpts:
        _excerpts(document, h)
    _figures(document, h)
    _fill_in(document, h)
    document.add_heading(t("classroom.questions"), level=1)
    num = word.new_list(document)
    for question in h.questions:
        paragraph = word.numbered(document, question, num)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(4)
        _writing_lines(document)
    if h.quiz:
        _quiz(document, h)


def student_docx(h: Handout) -> bytes:
    """The student worksheet: what the lesson's tasks need, and no answer."""
    heading = title(h, teacher=False)
    document = _document(h, heading)
    _head(document, h, heading)
    _student_part(document, h)
    return _save(document)


def _rubric(document, h: Handout) -> None:
    levels = h.rubric.levels
    table = document.add_table(rows=1 + len(h.rubric.criteria), cols=1 + len(levels))
    table.style = "Table Grid"
    word.repeat_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, (t("classroom.rubric_criterion"), *levels), strict=True):
        word.shade(cell)
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(8.5)
    for row, criterion in zip(table.rows[1:], h.rubric.criteria, strict=True):
        word.keep_row_together(row)
        for cell, text in zip(row.cells, (criterion.name, *criterion.descriptors), strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(8.5)
            run.bold = text == criterion.name


def _cards(document, h: Handout) -> None:
    """The debate role cards, four to a page of their own with narrow margins: cut along the dashed lines."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.top_margin = section.bottom_margin = Cm(0.6)
    section.left_margin = section.right_margin = Cm(0.5)
    for start in range(0, len(h.cards), 4):
        if start:
            word.page_break(document)
        batch = h.cards[start : start + 4]
        table = document.add_table(rows=2, cols=2)
        word.table_borders(
            table, color="777777", top="dashed", left="dashed", bottom="dashed", right="dashed", insideH="dashed",
            insideV="dashed",
        )  # fmt: skip
        word.widths(table, [10.0, 10.0])
        for row in table.rows:
            word.row_height(row, 13.6, exact=True)
        for cell, card in zip([c for row in table.rows for c in row.cells], batch, strict=False):
            cell.paragraphs[0].add_run(card.role).bold = True
            cell.paragraphs[0].runs[0].font.size = Pt(14)
            for label, text in (
                ("", card.who),
                ("classroom.role_want", card.want),
                ("classroom.role_sources", "; ".join(card.sources) + "."),
                ("classroom.role_expect", card.expect),
            ):
                paragraph = cell.add_paragraph()
                if label:
                    paragraph.add_run(t(label) + " ").bold = True
                paragraph.add_run(text)
                paragraph.paragraph_format.space_before = Pt(5)
                for run in paragraph.runs:
                    run.font.size = Pt(11)
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Cm(0.4)
            cell.paragraphs[0].paragraph_format.space_before = Pt(12)
    rest = document.add_section(WD_SECTION.NEW_PAGE)
    rest.top_margin = rest.bottom_margin = Cm(1.5)
    rest.left_margin = rest.right_margin = Cm(1.7)


def _teacher_part(document, h: Handout) -> None:
    word.page_break(document)
    document.add_heading(t("classroom.teacher_part"), level=1)
    word.small(document.add_paragraph(t("classroom.teacher_part_note")), grey=False)
    if h.quiz:
        document.add_heading(t("classroom.answer_key"), level=2)
        num = word.new_list(document)
        for item in h.quiz:
            paragraph = word.numbered(document, "", num)
            paragraph.add_run(f"{LETTERS[item.answer]}) {item.options[item.answer]}. ").bold = True
            paragraph.add_run(item.explanation)
    document.add_heading(t("classroom.model_answer", title=h.activity_title), level=2)
    document.add_paragraph(h.intro)
    document.add_paragraph(h.model_answer)
    document.add_heading(t("classroom.pointers"), level=2)
    num = word.new_list(document)
    for question, pointers in h.pointers:
        paragraph = word.numbered(document, "", num)
        paragraph.add_run(question + " ").bold = True
        paragraph.add_run(pointers)
    document.add_heading(t("classroom.rubric"), level=2)
    _rubric(document, h)
    document.add_heading(t("classroom.teacher_notes"), level=2)
    for key, text in h.notes:
        paragraph = document.add_paragraph()
        paragraph.add_run(t(key) + " ").bold = True
        paragraph.add_run(text)
    for check in h.checks:
        document.add_heading(t("classroom.check_heading", lesson=check.lesson), level=2)
        num = word.new_list(document)
        for question, answer in check.questions:
            paragraph = word.numbered(document, question + " ", num)
            paragraph.add_run(t("classroom.check_answer") + " ").italic = True
            paragraph.add_run(answer)
    if h.cards:
        _cards(document, h)
    document.add_heading(t("classroom.sources_full"), level=2)
    for line in h.sources:
        paragraph = document.add_paragraph(line, style="List Bullet")
        word.small(paragraph, size=8, grey=False)
        paragraph.paragraph_format.space_after = Pt(1)


def teacher_docx(h: Handout) -> bytes:
    """The teacher's version: the student worksheet, then the answers, model answer, rubric, notes and sources."""
    heading = title(h, teacher=True)
    document = _document(h, heading)
    _head(document, h, heading)
    word.small(document.add_paragraph(t("classroom.teacher_sheet_note")), grey=False)
    _student_part(document, h)
    _teacher_part(document, h)
    return _save(document)


def reading_docx(h: Handout) -> bytes:
    """The short reading on a page of its own, for students reading in a second language or short of time."""
    heading = t("classroom.reading_title", chapter=h.heading)
    document = _document(h, heading)
    document.add_heading(heading, level=0)
    word.small(document.add_paragraph(t("classroom.sheet_line", site=h.site_name, number=h.number, address=h.address)))
    word.small(document.add_paragraph(t("classroom.short_reading_note")), grey=False)
    for text in h.short_reading:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.space_after = Pt(6)
        for run in paragraph.runs:
            run.font.size = Pt(11.5)
        paragraph.paragraph_format.line_spacing = 1.25
    return _save(document)


# -- The same, as HTML for Chromium to print -------------------------------------------------------------------


def _css_text(text: str) -> str:
    """Text as a CSS string, safe inside a style element."""
    return '"' + "".join(c if c.isalnum() or c in " .,:;·–—()'’" else f"\\{ord(c):x} " for c in text) + '"'


def css_footer(heading: str) -> str:
    """The `content` of the page's footer box: the footer line with live page counters."""
    line = t("classroom.footer", title=heading, page="\x00", pages="\x01")
    counters = {"\x00": "counter(page)", "\x01": "counter(pages)"}
    pieces = re.split("([\x00\x01])", line)
    return " ".join(counters[p] if p in counters else _css_text(p) for p in pieces if p)


def _html(h: Handout, kind: str) -> str:
    heading = t("classroom.reading_title", chapter=h.heading) if kind == "reading" else title(h, kind == "teacher")
    return html.render(
        "worksheet.html",
        inline=False,
        lang=strings.current(),
        kind=kind,
        title=heading,
        footer=css_footer(heading),
        h=h,
        letters=LETTERS,
        lines=LINES,
        pictures={f.id: base64.b64encode(f.png).decode() for f in h.figures},
    )


def student_html(h: Handout) -> str:
    return _html(h, "student")


def teacher_html(h: Handout) -> str:
    return _html(h, "teacher")


def reading_html(h: Handout) -> str:
    return _html(h, "reading")
