"""A chapter's classroom material, from its Markdown: objectives, key points, questions, activity, notes, sources."""

from __future__ import annotations

import dataclasses
import re

from core import bibliography
from core.errors import BuildError

from .. import pages, skeleton
from . import lessons

CHART = re.compile(r"<!-- md:chart ([a-z0-9_]+) -->")
CITE = re.compile(r"^\[\^[^\]]+\]:\s*<!-- md:cite ([a-z0-9-]+) -->", re.M)


@dataclasses.dataclass(frozen=True)
class Activity:
    title: str
    intro: str
    steps: tuple[str, ...]
    minutes: int
    columns: tuple[str, ...]
    rows: tuple[str, ...]  # labels of the first column; blank rows have ""


@dataclasses.dataclass(frozen=True)
class Material:
    slug: str
    number: int
    heading: str
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    questions: tuple[str, ...]
    activity: Activity
    teacher_notes: tuple[str, ...]
    charts: tuple[str, ...]
    sources: tuple[bibliography.Work, ...]


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links to their words, no emphasis, notes, ids or markers."""
    text = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{:?\s*#[^}]*\}", "", text)
    text = re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*", lambda m: m[1] or m[2], text)
    return " ".join(text.split())


def _items(block: str, bullet: str) -> list[str]:
    """List items (with their wrapped continuation lines) that start with `bullet` (a regex)."""
    items: list[str] = []
    for line in block.splitlines():
        stripped = line.strip()
        if re.match(bullet, stripped):
            items.append(re.sub(bullet, "", stripped, count=1))
        elif stripped and items and line.startswith(" ") and not stripped.startswith("{:"):
            items[-1] += " " + stripped
    return [plain(item) for item in items]


def load(page: pages.PageInfo, works: dict[str, bibliography.Work]) -> Material:
    """The classroom material of one chapter; a missing part stops the build naming the chapter."""
    slug = page.slug
    file = f"docs/{page.src}"
    body = page.body
    objectives = _items(skeleton.box_content(body, "objectives"), r"-\s+")
    key_points = _items(skeleton.box_content(body, "summary"), r"-\s+")
    questions = _items(skeleton.section(body, "questions"), r"\d+\.\s+")
    activity_md = skeleton.section(body, "activity")
    before_notes = re.split(r"^\?\?\?", activity_md, maxsplit=1, flags=re.M)[0]
    paragraphs = [p for p in re.split(r"\n\s*\n", before_notes.strip()) if p.strip()]
    if not (objectives and key_points and questions and paragraphs):
        raise BuildError(
            "a chapter needs objectives, a summary, questions and an activity for its worksheet", file=file
        )
    title_match = re.match(r"\*\*(.+?)\*\*\s*(?:\([^)]*\)\.?)?\s*", paragraphs[0].strip())
    # The worksheet's heading already gives the title and the time; the intro is the sentences after them.
    intro = plain(paragraphs[0].strip()[title_match.end() :] if title_match else paragraphs[0])
    minutes = page.meta.activity_minutes
    if not isinstance(minutes, int):
        raise BuildError("front matter needs 'activity_minutes', the activity's length in whole minutes", file=file)
    table = lessons.activity_table(slug)
    notes_block = skeleton.box_content(activity_md, "teacher_notes")
    # Notes are paragraphs in some chapters and a list in others.
    listed = any(line.strip().startswith("- ") for line in notes_block.splitlines())
    paragraphs_of_notes = [plain(p) for p in re.split(r"\n\s*\n", notes_block) if p.strip()]
    notes = _items(notes_block, r"-\s+") if listed else paragraphs_of_notes
    keys = list(dict.fromkeys(CITE.findall(body)))
    missing = [key for key in keys if key not in works]
    if missing:
        raise BuildError(f"cites unknown source(s) {', '.join(missing)}", file=file)
    return Material(
        slug=slug,
        number=page.chapter or 0,
        heading=page.heading,
        objectives=tuple(objectives),
        key_points=tuple(key_points),
        questions=tuple(questions),
        activity=Activity(
            title=title_match[1] if title_match else page.heading,
            intro=intro,
            steps=tuple(_items(before_notes, r"\d+\.\s+")),
            minutes=minutes,
            columns=tuple(table["columns"]),
            rows=tuple(table["rows"]),
        ),
        teacher_notes=tuple(notes),
        charts=tuple(dict.fromkeys(CHART.findall(body))),
        sources=tuple(works[key] for key in keys),
    )
