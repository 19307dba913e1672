"""What python-docx leaves to the XML, done once: one typeface everywhere, real numbered lists that restart, page
fields, borders, row heights, alt text on pictures. The worksheets (worksheet.py) are written with these."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import pack

# A face Word has everywhere and LibreOffice replaces with a metric twin (Liberation Sans): a page counted in one
# is a page in the other. The template's Calibri has no twin on most Linux machines.
FACE = "Arial"
INK = RGBColor(0x21, 0x21, 0x21)
GREY = RGBColor(0x55, 0x55, 0x55)
# Sizes in points: body text, headings, small print (sources, captions).
SIZES = {"Normal": 10, "Title": 17, "Heading 1": 12.5, "Heading 2": 10.5, "Heading 3": 10}
SMALL = 8.5
# The numbered lists' indent: the number hangs in the first 0.6 cm.
LIST_INDENT = Cm(0.6)
_LIST_ABSTRACT_ID = "90"


def _face(rpr) -> None:
    """Arial for every script, replacing the template's theme fonts (which would win over a plain name)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FACE)


# The table styles the worksheets use: Word's default and the grid.
TABLE_STYLES = {"Normal Table", "Table Grid"}


def setup(document, margins_cm: tuple[float, float] = (1.5, 1.7)) -> None:
    """A4, narrow margins, Arial in every style, compact spacing, the document's language."""
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(margins_cm[0])
    section.left_margin = section.right_margin = Cm(margins_cm[1])
    section.header_distance = section.footer_distance = Cm(0.7)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    _face(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    # Of the template's hundred table styles the files use two; the others only slowed every style look-up (python-docx
    # scans them all) and filled styles.xml.
    for style in [s for s in document.styles if s.type == WD_STYLE_TYPE.TABLE and s.name not in TABLE_STYLES]:
        style.element.getparent().remove(style.element)
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _face(style.element.get_or_add_rPr())
    for name, size in SIZES.items():
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = INK
        fmt = style.paragraph_format
        if name == "Normal":
            fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(3), 1.1
        else:
            style.font.bold = True
            fmt.space_before, fmt.space_after = Pt(9 if name == "Heading 1" else 6), Pt(3)
            fmt.keep_with_next = True
    title = document.styles["Title"]
    # The template's title has a rule under it and wide letter-spacing: plain bold type instead.
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    for spacing in title.element.get_or_add_rPr().findall(qn("w:spacing")):
        spacing.getparent().remove(spacing)
    title.paragraph_format.space_after = Pt(2)
    pack.set_docx_language(document)


def small(paragraph, size: float = SMALL, grey: bool = True):
    for run in paragraph.runs:
        run.font.size = Pt(size)
        if grey:
            run.font.color.rgb = GREY
    return paragraph


def _list_abstract(document) -> None:
    """A one-level decimal list ("1.") whose number hangs in the left indent; added once per document."""
    numbering = document.part.numbering_part.element
    if any(a.get(qn("w:abstractNumId")) == _LIST_ABSTRACT_ID for a in numbering.findall(qn("w:abstractNum"))):
        return
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), _LIST_ABSTRACT_ID)
    kind = OxmlElement("w:multiLevelType")
    kind.set(qn("w:val"), "singleLevel")
    abstract.append(kind)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    ppr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(int(LIST_INDENT.twips)))
    indent.set(qn("w:hanging"), str(int(LIST_INDENT.twips)))
    ppr.append(indent)
    level.append(ppr)
    abstract.append(level)
    # Every abstractNum comes before the first num (the schema's order).
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def new_list(document) -> int:
    """A numbered list that starts again at 1: a new w:num with a start override."""
    _list_abstract(document)
    numbering = document.part.numbering_part.element
    num_id = max((int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), _LIST_ABSTRACT_ID)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return num_id


def numbered(document, text: str, num_id: int, style: str = "List Number"):
    """A paragraph of a numbered list (Word's List Number style, numbered by `num_id`)."""
    paragraph = document.add_paragraph(text, style=style)
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id
    return paragraph


def field(paragraph, instruction: str, shown: str = "1") -> None:
    """A field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out the page."""
    run = paragraph.add_run()

    def mark(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    mark("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    mark("separate")
    value = OxmlElement("w:t")
    value.text = shown
    run._r.append(value)
    mark("end")


def page_footer(section, template: str, size: float = SMALL) -> None:
    """The footer: `template` with {page} and {pages} replaced by live fields ("Worksheet · page 2 of 4")."""
    section.footer.paragraphs[0].style.font.size = Pt(size)
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    rest = template
    while rest:
        marks = [(rest.find(m), m) for m in ("{page}", "{pages}") if m in rest]
        if not marks:
            paragraph.add_run(rest)
            break
        at, mark = min(marks)
        if at:
            paragraph.add_run(rest[:at])
        field(paragraph, "PAGE" if mark == "{page}" else "NUMPAGES")
        rest = rest[at + len(mark) :]
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.color.rgb = GREY


def alt_text(inline_shape, title: str, description: str) -> None:
    """The picture's name and description, which screen readers and Word's Alt Text pane show."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("name", title[:250])
    doc_pr.set("title", title)
    doc_pr.set("descr", description)


def _border(parent, edge: str, value: str, size: int = 4, color: str = "000000", space: int = 0) -> None:
    element = parent.find(qn(f"w:{edge}"))
    if element is None:
        element = OxmlElement(f"w:{edge}")
        parent.append(element)
    element.set(qn("w:val"), value)
    element.set(qn("w:sz"), str(size))
    element.set(qn("w:space"), str(space))
    element.set(qn("w:color"), color)


def table_borders(table, color: str = "000000", size: int = 4, **edges: str) -> None:
    """Each edge (top, left, bottom, right, insideH, insideV) "single", "dashed" or "nil"."""
    tblpr = table._tbl.tblPr
    borders = tblpr.find(qn("w:tblBorders"))
    if borders is None:
        borders = OxmlElement("w:tblBorders")
        tblpr.append(borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _border(borders, edge, edges.get(edge, "nil"), size, color)


def paragraph_border(paragraph, edge: str, value: str = "single", size: int = 12, color: str = "999999") -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    _border(borders, edge, value, size, color, space=6)


def row_height(row, height_cm: float, exact: bool = False) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    row.height = Cm(height_cm)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST


def keep_row_together(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def shade(cell, fill: str = "EEEEEE") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


def widths(table, cm: list[float]) -> None:
    """Column widths that Word (cell widths) and LibreOffice (the table grid) both follow."""
    table.autofit = False
    for column, width in zip(table.columns, cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
