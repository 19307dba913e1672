"""How much room a slide's text takes, measured rather than left to shrink-to-fit: each paragraph wrapped word by word
at its own size, with Roboto's widths (core/fonts.py, the same on every machine) scaled up to cover Arial, the face
the decks set, and Liberation Sans, its metric twin that LibreOffice uses in its place."""

from __future__ import annotations

import dataclasses
import functools

from pptx.util import Emu, Pt

from core.fonts import font

# Arial and Liberation Sans run up to 2.4% wider than Roboto in regular type and 7.9% in bold over every text the
# decks show (measured on includes/classroom/ and includes/lessons.yml): 10% covers both with room to spare.
WIDER = 1.10
# Every paragraph's line height is set exactly to this many times its type size (deck.py), so lines add up exactly.
LINE = 1.2
# What python-pptx and PowerPoint put inside a text box when nothing is set: 0.1 inch at the sides, 0.05 at top and
# bottom. The decks set them explicitly to these values.
INSET_X, INSET_Y = Emu(91440), Emu(45720)
_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclasses.dataclass(frozen=True)
class Run:
    text: str
    size: float  # points
    bold: bool = False


@dataclasses.dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    indent: int = 0  # EMU taken by the bullet or number at the left
    before: float = 0  # points of space above

    @property
    def size(self) -> float:
        return max((r.size for r in self.runs), default=0)


@functools.cache
def _width(word: str, bold: bool) -> float:
    """A word's width at 100 pt, in points."""
    return font(100, "Bold" if bold else "Regular").getlength(word)


def width(text: str, size: float, bold: bool = False) -> float:
    """Points that `text` takes on one line at `size`, Arial's worst case."""
    return _width(text, bold) * size / 100 * WIDER


def lines(paragraph: Paragraph, room: float) -> int:
    """How many lines the paragraph wraps to in `room` points: word by word, as PowerPoint and Impress do. A word
    wider than the line breaks where it must (and counts its extra lines)."""
    words = [(w, r.size, r.bold) for r in paragraph.runs for w in r.text.split()]
    if not words:
        return 1
    count, used = 1, 0.0
    for text, size, bold in words:
        need = width(text, size, bold)
        space = width(" ", size, bold) if used else 0.0
        if used and used + space + need > room:
            count, used, space = count + 1, 0.0, 0.0
        if need > room:  # a word longer than a line
            extra = int(need // room)
            count += extra
            used = need - extra * room
        else:
            used += space + need
    return count


def room(box_width: int, indent: int = 0) -> float:
    """Points of line length in a text box `box_width` EMU wide."""
    return Emu(box_width - 2 * INSET_X - indent).pt


def height(paragraphs: list[Paragraph], box_width: int) -> float:
    """Points of height the paragraphs take in a text box `box_width` EMU wide (insets included)."""
    total = Emu(2 * INSET_Y).pt
    for p in paragraphs:
        total += p.before + lines(p, room(box_width, p.indent)) * p.size * LINE
    return total


def words(paragraphs: list[Paragraph]) -> int:
    return sum(len(r.text.split()) for p in paragraphs for r in p.runs)


def read(shape) -> list[Paragraph]:
    """A shape's paragraphs as the file states them: each run's size and weight, each paragraph's left margin and
    space above. A run without a size of its own is an error: it would inherit the template's."""
    out = []
    for p in shape.text_frame.paragraphs:
        ppr = p._p.find(f"{_NS}pPr")
        indent = int(ppr.get("marL", "0")) if ppr is not None else 0
        before = 0.0
        if ppr is not None:
            points = ppr.find(f"{_NS}spcBef/{_NS}spcPts")
            before = int(points.get("val")) / 100 if points is not None else 0.0
        runs = []
        for r in p.runs:
            if r.font.size is None:
                raise ValueError(f"a run without a size of its own in {shape.name!r}: {r.text[:40]!r}")
            runs.append(Run(r.text, r.font.size.pt, bool(r.font.bold)))
        out.append(Paragraph(tuple(runs), indent, before))
    return out


def overflow(shape) -> float:
    """How many points the shape's text runs past the bottom of its box (0 or less: it fits)."""
    return height(read(shape), shape.width) - Emu(shape.height).pt


def line_height(size: float):
    return Pt(size * LINE)
