"""The skeleton every chapter shares, declared once: each part that code looks for, found by its id or its box type,
never by its words (a translated chapter keeps the ids and types and translates the words)."""

from __future__ import annotations

import re

# Sections: a level-2 heading with this id written as an attribute list, e.g. `## Summary { #summary }`.
SECTIONS = {
    "summary": "summary",
    "questions": "questions-for-discussion",
    "activity": "activity",
    "quiz": "check-your-understanding",
    "sources": "sources-and-notes",
}
# Boxes: an admonition of this type (`!!! abstract "What you will learn"`), or with this extra class.
BOXES = {"objectives": "abstract", "summary": "summary", "teacher_notes": "teacher-notes"}
# The About page's section where readers report an error: every page's citation box links to it.
REPORT_ERROR = ("about/", "report-an-error")
# The order the sections come in, in every chapter.
ORDER = ("summary", "questions", "activity", "quiz", "sources")

_HEADING = re.compile(r"^## (?P<title>.+?) \{ #(?P<id>[\w-]+)(?P<rest>[^}]*)\}[ \t]*$", re.M)


def headings(body: str) -> list[re.Match]:
    """Every level-2 heading that carries an id."""
    return list(_HEADING.finditer(body))


def heading(body: str, role: str) -> re.Match | None:
    """The heading of the section `role` (a key of SECTIONS)."""
    return next((h for h in headings(body) if h["id"] == SECTIONS[role]), None)


def section(body: str, role: str) -> str:
    """The text of the section `role`, from under its heading to the next level-2 heading (or the end)."""
    found = heading(body, role)
    if not found:
        return ""
    following = re.compile(r"^## ", re.M).search(body, found.end())
    return body[found.end() + 1 : following.start() if following else len(body)]


def add_attributes(body: str, role: str, attributes: str) -> str:
    """The heading of `role` with more attributes in its list, e.g. `data-search-exclude`."""
    found = heading(body, role)
    if not found:
        return body
    replaced = f"## {found['title']} {{ #{found['id']}{found['rest'].rstrip()} {attributes} }}"
    return body[: found.start()] + replaced + body[found.end() :]


def box(body: str, role: str) -> re.Match | None:
    """The box `role` (a key of BOXES): its first line and its indented content (group "content")."""
    kind = BOXES[role]
    return re.search(
        rf"^(?P<head>[!?]{{3}}\+? (?:{kind}\b|\w+ {kind}\b)[^\n]*)\n(?P<content>(?:[ \t]+[^\n]*\n|\n)+)", body, re.M
    )


def box_content(body: str, role: str) -> str:
    found = box(body, role)
    return found["content"] if found else ""
