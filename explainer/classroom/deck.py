"""A slide deck per lesson (python-pptx), fit to project: 16:9, a slide for each timed step of the lesson plan in its
order, at most about 40 words of body text at 24 pt or more, every text measured to fit its box (fit.py), one chart
per slide with its title, what it measures, its source and its description as alt text, speaker notes written for
each slide, and the sources on one closing slide."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from core.errors import BuildError
from core.strings import text as t

from . import diagram, fit, pack
from .handout import Figure, Handout
from .lessons import Lesson, Plan
from .material import Chapter

# 16:9 at PowerPoint's default widescreen size.
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
# The default template's layouts, which PowerPoint, LibreOffice Impress and Google Slides all know.
TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY = 0, 1, 5
FACE = "Arial"
INK = RGBColor(0x33, 0x33, 0x33)
# "At most about 40 words" of body text on a content slide; sizes tried from the first, all at least 24 pt.
MAX_WORDS = 42
BODY_SIZES = (32, 28, 26, 24)
TITLE_SIZES = (36, 32, 28, 24)
# Small print (a chart's source, the chapters' addresses, the sources slide) may go smaller.
CAPTION_SIZES = (18, 16, 14)
SOURCES_SIZES = (20, 18, 16, 14, 12)
MARGIN = Inches(0.6)
TITLE_BOX = (MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.3))
BODY_BOX = (MARGIN, Inches(1.7), WIDTH - 2 * MARGIN, Inches(4.8))
CAPTION_BOX = (MARGIN, Inches(6.55), WIDTH - 2 * MARGIN, Inches(0.75))
# A chart's picture on the left, what it measures beside it.
PICTURE_BOX = (MARGIN, Inches(1.7), Inches(8.6), Inches(4.8))
ASIDE_BOX = (MARGIN + Inches(8.8), Inches(1.7), WIDTH - 2 * MARGIN - Inches(8.8), Inches(4.8))
HANG = Inches(0.5)  # room for a bullet or a number


class DeckError(BuildError):
    """A slide's text does not fit its box at the smallest size allowed: the message names the slide."""


def _widen(prs) -> None:
    """The default template is 4:3: widen the slide and move every placeholder of its master and layouts with it."""
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for holder in [prs.slide_master, *prs.slide_layouts]:
        for shape in holder.placeholders if holder is not prs.slide_master else holder.shapes:
            shape.left, shape.width = int(shape.left * scale), int(shape.width * scale)


def _place(shape, box) -> None:
    shape.left, shape.top, shape.width, shape.height = (int(v) for v in box)


def _bullet(paragraph, kind: str, start: int = 1) -> None:
    """No bullet, a bullet or a number (numbers continue from `start` across slides), hanging in the left margin."""
    ppr = paragraph._p.get_or_add_pPr()
    for child in list(ppr):
        if child.tag.rsplit("}", 1)[-1].startswith("bu"):
            ppr.remove(child)
    hang = HANG if kind != "none" else 0
    ppr.set("marL", str(int(hang)))
    ppr.set("indent", str(-int(hang)))
    if kind == "none":
        ppr.append(ppr.makeelement(qn("a:buNone"), {}))
        return
    ppr.append(ppr.makeelement(qn("a:buFont"), {"typeface": FACE}))
    if kind == "number":
        ppr.append(ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": str(start)}))
    else:
        ppr.append(ppr.makeelement(qn("a:buChar"), {"char": "•"}))


def _write(frame, items: list[dict], size: float) -> None:
    """Each item a paragraph: runs of (text, bold), a bullet kind, space above in points; every run at `size`
    (items may scale it with "scale"), in the deck's face, every line exactly fit.LINE times its size."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = fit.INSET_X
    frame.margin_top = frame.margin_bottom = fit.INSET_Y
    for i, item in enumerate(items):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        own = round(size * item.get("scale", 1))
        paragraph.line_spacing = fit.line_height(own)
        paragraph.space_before = Pt(item.get("before", 0) if i else 0)
        _bullet(paragraph, item.get("bullet", "none"), item.get("start", 1))
        for text, bold in item["runs"]:
            run = paragraph.add_run()
            run.text = text
            run.font.size, run.font.bold, run.font.name = Pt(own), bold, FACE


def _fit(shape, items: list[dict], sizes: tuple, where: str) -> float:
    """Write the items at the largest of `sizes` at which the measured text fits the shape."""
    for size in sizes:
        _write(shape.text_frame, items, size)
        if fit.overflow(shape) <= 0:
            return size
    raise DeckError(f"{where}: the text does not fit its box even at {sizes[-1]} pt; shorten it", file=_FILE)


_FILE = "includes/lessons.yml"


def _plain(lines: list[str], bullet: str = "none", start: int = 1, before: float = 10) -> list[dict]:
    return [{"runs": [(line, False)], "bullet": bullet, "start": start, "before": before} for line in lines]


class Deck:
    """A deck being written: slides in order, each with its notes; the notes must differ from slide to slide."""

    def __init__(self, title: str, author: str, updated: dt.date):
        self.prs = Presentation()
        _widen(self.prs)
        pack.set_pptx_language(self.prs)
        pack.fixed_properties(self.prs.core_properties, title, author, updated)
        self.notes: list[str] = []

    def slide(self, layout: int, title: str, notes: str, sizes: tuple = TITLE_SIZES):
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        if layout != TITLE_SLIDE:
            _place(slide.shapes.title, TITLE_BOX)
            # A title on one line if it can be at 28 pt or more, else on two.
            one_line = [s for s in sizes if s >= 28 and fit.width(title, s, bold=True) <= fit.room(TITLE_BOX[2])]
            _fit(slide.shapes.title, [{"runs": [(title, True)]}], tuple(one_line[:1]) + sizes, title)
        slide.shapes.title.name = "Title"
        if notes in self.notes:
            raise DeckError(f"slide {title!r} repeats the notes of another slide", file=_FILE)
        self.notes.append(notes)
        slide.notes_slide.notes_text_frame.text = notes
        return slide

    def text(self, layout: int, title: str, items: list[dict], notes: str, caption: str = ""):
        """A title, a body (measured: at most MAX_WORDS words, at 24 pt or more) and an optional caption."""
        slide = self.slide(layout, title, notes)
        body = slide.placeholders[1]
        body.name = "Body"
        _place(body, BODY_BOX if not caption else (*BODY_BOX[:3], CAPTION_BOX[1] - BODY_BOX[1] - Inches(0.1)))
        words = sum(len(text.split()) for item in items for text, _ in item["runs"])
        if words > MAX_WORDS:
            raise DeckError(f"slide {title!r} shows {words} words; keep it to about 40", file=_FILE)
        _fit(body, items, BODY_SIZES, title)
        if caption:
            self.caption(slide, caption, title)
        return slide

    def caption(self, slide, text: str, where: str, box=CAPTION_BOX):
        shape = slide.shapes.add_textbox(*(int(v) for v in box))
        shape.name = "Caption"
        _fit(shape, [{"runs": [(text, False)]}], CAPTION_SIZES, where)

    def picture(self, title: str, png: bytes, alt: str, aside: str, source: str, notes: str):
        """One chart (or drawing) on its slide: the picture, what it measures beside it, its source below."""
        slide = self.slide(TITLE_ONLY, title, notes, sizes=(32, 28, 24))
        left, top, width, height = (int(v) for v in (PICTURE_BOX if aside else (*BODY_BOX[:3], PICTURE_BOX[3])))
        picture = slide.shapes.add_picture(io.BytesIO(png), left, top, width=width)
        if picture.height > height:
            picture.height = height
            picture.width = int(picture.image.size[0] * height / picture.image.size[1])
        if not aside:
            picture.left = int((WIDTH - picture.width) / 2)
        element = picture._element.nvPicPr.cNvPr
        element.set("name", title[:250])
        element.set("descr", alt)
        picture.name = title[:250]
        if aside:
            box = slide.shapes.add_textbox(*(int(v) for v in ASIDE_BOX))
            box.name = "Body"
            _fit(box, _plain([aside]), BODY_SIZES[1:], title)
        if source:
            self.caption(slide, source, title)
        return slide

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return pack.fixed_zip(out.getvalue())


def _chunks(steps: tuple[str, ...]) -> list[list[tuple[int, str]]]:
    """An activity's steps in groups of at most about 40 words, each group a slide; a longer step stands alone."""
    out: list[list[tuple[int, str]]] = []
    for number, step in enumerate(steps, 1):
        if out and sum(len(s.split()) for _, s in out[-1]) + len(step.split()) <= MAX_WORDS:
            out[-1].append((number, step))
        else:
            out.append([(number, step)])
    return out


def _activity(deck: Deck, chapter: Chapter, handout: Handout, slides: dict[str, bytes], do: str) -> None:
    a = chapter.material.activity
    title = t("classroom.activity", title=a.title, minutes=a.minutes)
    notes = chapter.material.teacher_notes
    chunks = _chunks(a.steps)
    count = len(a.steps)
    # The notes run with the steps: how the step runs first, then what to stress and what students may get wrong,
    # the model answer with the last group of steps; a group with none of these gets a cue for the teacher.
    said = [f"{do}\n\n{a.intro}", notes.stress, notes.misconceptions]
    for i, chunk in enumerate(chunks):
        first, last = chunk[0][0], chunk[-1][0]
        where = (
            t("classroom.deck_step_of", step=first, count=count)
            if first == last
            else t("classroom.deck_steps_of", first=first, last=last, count=count)
        )
        own = said[i : i + 1]
        if i == len(chunks) - 1:
            own = [*said[i:], t("classroom.deck_model_answer", answer=a.model_answer)]
        items = [{"runs": [(step, False)], "bullet": "number", "start": number, "before": 12} for number, step in chunk]
        deck.text(TITLE_AND_CONTENT, title, items, "\n\n".join([where, *(own or [t("classroom.deck_steps_cue")])]))
    for figure in handout.figures:
        if figure.id in a.charts:
            _chart(deck, figure, slides.get(figure.id, figure.png))


def _chart(deck: Deck, figure: Figure, png: bytes) -> None:
    notes = "\n\n".join([t("classroom.deck_takeaway", takeaway=figure.takeaway), *figure.notes, *figure.more])
    source = f"{t('classroom.excerpt_source')} {figure.source}."
    deck.picture(figure.title, png, figure.alt, figure.subtitle, source, notes)


def _short(publisher: str, date: str) -> str:
    year = str(date)[:4]
    # Some publishers' names end with their date already ("…, 11 June 2021").
    return publisher if publisher.endswith(year) else t("classroom.deck_source", publisher=publisher, year=year)


def pptx_bytes(
    plan: Plan,
    lesson: Lesson,
    chapters: dict[str, Chapter],
    handouts: dict[str, Handout],
    slides: dict[str, bytes],
    works: dict,
    author: str,
) -> bytes:
    """One lesson's deck: the title, then each timed step's slides in the plan's order, then the sources. `slides`
    maps chart ids to pictures drawn for projection (else the worksheet's picture is used)."""
    slugs = list(dict.fromkeys([*lesson.before, *(s for step in lesson.steps for s in step.activities)]))
    used = [chapters[s] for s in slugs]
    updated = max(c.page.updated for c in used)
    deck = Deck(t("classroom.deck_title", plan=plan.title, lesson=lesson.title), author, updated)
    timings = [t("classroom.deck_step", start=a, end=b, what=s.do) for a, b, s in lesson.times()]
    contract = any(step.slide == "contract" for step in lesson.steps)
    sensitivity = [c.material.teacher_notes.sensitivity for c in used]
    cards = lesson.role_cards
    for _start, _end, step in lesson.times():
        if step.activities:
            for slug in step.activities:
                _activity(deck, chapters[slug], handouts[slug], slides, step.do)
        elif step.slide == "title":
            notes = "\n".join(timings) + ("" if contract else "\n\n" + "\n\n".join(sensitivity))
            slide = deck.slide(TITLE_SLIDE, lesson.title, notes)
            _place(slide.shapes.title, (MARGIN, Inches(1.3), WIDTH - 2 * MARGIN, Inches(2.0)))
            _fit(slide.shapes.title, [{"runs": [(lesson.title, True)]}], (40, 36, 32), lesson.title)
            sub = slide.placeholders[1]
            sub.name = "Subtitle"
            _place(sub, (MARGIN, Inches(3.5), WIDTH - 2 * MARGIN, Inches(3.0)))
            minutes = t("classroom.deck_lesson_minutes", minutes=lesson.minutes)
            items = [{"runs": [(plan.question, False)]}, {"runs": [(minutes, False)], "scale": 0.8, "before": 18}]
            _fit(sub, items, (28, 26, 24), lesson.title)
            for paragraph in sub.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.color.rgb = INK
        elif step.slide == "check":
            questions = [
                {"runs": [(c.question, False)], "bullet": "number", "start": n, "before": 12}
                for n, c in enumerate(lesson.check, 1)
            ]
            answers = "\n".join(
                f"{n}. {c.question} {t('classroom.check_answer')} {c.answer}" for n, c in enumerate(lesson.check, 1)
            )
            read = t(
                "classroom.deck_read",
                chapters="; ".join(
                    t("classroom.deck_chapter_at", chapter=chapters[s].heading, address=handouts[s].address)
                    for s in lesson.before
                ),
            )
            deck.text(TITLE_AND_CONTENT, t("classroom.check_title"), questions, f"{step.do}\n\n{answers}", read)
            if lesson.diagram == "certificate":
                keys = ("title", "user", "middle", "site", "note")
                alt = " ".join(t(f"classroom.diagram_{key}").replace("\n", " ") for key in keys)
                picture, notes = diagram.certificate(), t("classroom.diagram_notes")
                deck.picture(t("classroom.diagram_title"), picture, alt, "", "", notes)
        elif step.slide == "question":
            items = [{"runs": [(plan.question, True)]}, *_plain(list(step.show), before=18)]
            deck.text(TITLE_AND_CONTENT, t("classroom.question_title"), items, step.do)
        elif step.slide == "contract":
            notes = step.do + "\n\n" + "\n\n".join(sensitivity)
            deck.text(TITLE_AND_CONTENT, t("classroom.contract_title"), _plain(list(step.show), "bullet"), notes)
        elif step.slide == "roles":
            for card in cards:
                # The card itself says who the role is; the slide, what it wants, while the role speaks.
                items = [{"runs": [(card.want, False)]}]
                sources = "; ".join(_short(works[k].publisher, works[k].date) for k in card.sources)
                deck.text(
                    TITLE_AND_CONTENT,
                    card.role,
                    items,
                    t("classroom.deck_expect", question=card.expect),
                    f"{t('classroom.role_sources')} {sources}.",
                )
            deck.text(TITLE_AND_CONTENT, step.heading or "", _plain(list(step.show), "bullet"), step.do)
        elif step.slide == "task":
            deck.text(TITLE_AND_CONTENT, step.heading or "", _plain(list(step.show), "bullet"), step.do)
        elif step.slide == "close":
            title = step.heading or t("classroom.close_title")
            deck.text(TITLE_AND_CONTENT, title, _plain(list(step.show)), step.do)
    _sources(deck, lesson, used, handouts, works)
    return deck.bytes()


def _sources(deck: Deck, lesson: Lesson, used: list[Chapter], handouts: dict[str, Handout], works: dict) -> None:
    """The one closing slide: every source the slides draw on, in short form, and where to find them in full."""
    groups = []
    excerpts = [
        _short(works[e.source].publisher, works[e.source].date)
        for c in used
        if any(c.slug in step.activities for step in lesson.steps)
        for e in c.material.activity.excerpts
    ]
    charts = [
        _short(publisher, date)
        for c in used
        if any(c.slug in step.activities for step in lesson.steps)
        for f in handouts[c.slug].figures
        if f.id in c.material.activity.charts
        for publisher, date in f.cites
    ]
    cards = [_short(works[k].publisher, works[k].date) for card in lesson.role_cards for k in card.sources]
    for key, found in (("classroom.sources_excerpts", excerpts), ("classroom.sources_charts", charts)):
        if found:
            groups.append((t(key), "; ".join(dict.fromkeys(found)) + "."))
    if cards:
        groups.append((t("classroom.sources_cards"), "; ".join(dict.fromkeys(cards)) + "."))
    items = [{"runs": [(label + " ", True), (text, False)], "before": 8} for label, text in groups]
    notes = [lesson.after or "", *(c.material.teacher_notes.impartiality for c in used)]
    slide = deck.slide(TITLE_AND_CONTENT, t("classroom.sources"), "\n\n".join(n for n in notes if n))
    body = slide.placeholders[1]
    body.name = "Sources"
    _place(body, (*BODY_BOX[:3], CAPTION_BOX[1] - BODY_BOX[1] - Inches(0.1)))
    _fit(body, items, SOURCES_SIZES, t("classroom.sources"))
    # Addresses as a reader types them, without the scheme: two of them must fit one caption at 14 pt.
    where = "; ".join(handouts[c.slug].address.removeprefix("https://") for c in used)
    deck.caption(slide, t("classroom.sources_full_at", addresses=where), t("classroom.sources"))
