"""A chapter's worksheet as an editable Word file (python-docx) and as HTML that Chromium prints to PDF."""

from __future__ import annotations

import base64
import datetime as dt
import io

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

from core import bibliography, locale, strings
from core.strings import text as t

from .. import html, quiz
from . import pack

LETTERS = quiz.LETTERS
ANSWER_LINES = 3
RULE = "_" * 78


def _source(work: bibliography.Work) -> str:
    return f"{work.publisher}, {locale.quoted(work.title)}, {work.display_date}." + (f" {work.url}" if work.url else "")


def docx_bytes(
    m,
    questions: tuple[quiz.Item, ...],
    pictures: dict[str, tuple[str, bytes]],
    site_name: str,
    author: str,
    updated: dt.date,
) -> bytes:
    """The worksheet; `pictures` maps chart id to (title, PNG) for the charts that have one."""
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.styles["Normal"].font.size = Pt(11)
    pack.set_docx_language(document)
    pack.fixed_properties(document.core_properties, t("classroom.worksheet_title", chapter=m.heading), author, updated)

    document.add_heading(t("classroom.worksheet_title", chapter=m.heading), level=0)
    document.add_paragraph(t("classroom.site_line", site=site_name, number=m.number))
    document.add_paragraph(t("classroom.name_line"))

    document.add_heading(t("classroom.objectives"), level=1)
    for line in m.objectives:
        document.add_paragraph(line, style="List Bullet")
    document.add_heading(t("classroom.key_points"), level=1)
    for line in m.key_points:
        document.add_paragraph(line, style="List Bullet")
    if pictures:
        document.add_heading(t("classroom.charts"), level=1)
        for title, png in pictures.values():
            document.add_paragraph(title).runs[0].bold = True
            document.add_picture(io.BytesIO(png), width=Cm(16.5))

    document.add_heading(t("classroom.questions"), level=1)
    for n, question in enumerate(m.questions, 1):
        document.add_paragraph(f"{n}. {question}")
        for _ in range(ANSWER_LINES):
            document.add_paragraph(RULE)

    a = m.activity
    document.add_heading(t("classroom.activity", title=a.title, minutes=a.minutes), level=1)
    document.add_paragraph(a.intro)
    for n, step in enumerate(a.steps, 1):
        document.add_paragraph(f"{n}. {step}")
    table = document.add_table(rows=1 + len(a.rows), cols=len(a.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, column in enumerate(a.columns):
        table.rows[0].cells[i].text = column
        table.rows[0].cells[i].paragraphs[0].runs[0].bold = bool(column)
    for r, label in enumerate(a.rows, 1):
        table.rows[r].cells[0].text = label
        table.rows[r].height = Cm(1.1)

    document.add_heading(t("classroom.quiz"), level=1)
    for q in questions:
        document.add_paragraph(f"{q.number}. {q.text}")
        for letter, option in zip(LETTERS, q.options, strict=False):
            document.add_paragraph(f"☐ {letter}) {option.text}").paragraph_format.left_indent = Cm(0.8)

    document.add_heading(t("classroom.sources"), level=1)
    for work in m.sources:
        document.add_paragraph(_source(work), style="List Bullet").runs[0].font.size = Pt(9)

    out = io.BytesIO()
    document.save(out)
    return pack.fixed_zip(out.getvalue())


def html_page(m, questions: tuple[quiz.Item, ...], pictures: dict[str, tuple[str, bytes]], site_name: str) -> str:
    """The same worksheet as one self-contained HTML page, for printing to PDF (A4, 1.5 cm margins)."""
    return html.render(
        "worksheet.html",
        inline=False,
        lang=strings.current(),
        css=CSS,
        title=t("classroom.worksheet_title", chapter=m.heading),
        site_name=site_name,
        m=m,
        pictures=[{"title": title, "data": base64.b64encode(png).decode()} for title, png in pictures.values()],
        questions=questions,
        letters=LETTERS,
        sources=[_source(w) for w in m.sources],
    )


CSS = """
@page { size: A4; margin: 1.5cm; }
body { font: 11pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; }
.meta { font-size: 9pt; margin: 0; } .name { margin: 10pt 0; }
figure { margin: 6pt 0; break-inside: avoid; } figcaption { font-weight: bold; }
img { width: 100%; max-height: 11cm; object-fit: contain; }
.questions li { margin-bottom: 6pt; break-inside: avoid; }
.lines { height: 2.4cm;
  background: repeating-linear-gradient(to bottom, transparent 0, transparent 0.78cm, #777 0.78cm, #777 0.8cm);
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
td { height: 1cm; } thead { display: table-header-group; } tr { break-inside: avoid; }
.quiz > li { margin-bottom: 5pt; break-inside: avoid; } .quiz ul { list-style: none; padding-left: 1em; margin: 2pt 0; }
.sources { font-size: 8.5pt; overflow-wrap: anywhere; }
"""
