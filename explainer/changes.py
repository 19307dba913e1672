"""The record of what changed in the content and when, kept by hand in includes/changes.yml and checked at build."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pydantic

from core import INCLUDES, strings, yamlfile
from core.errors import BuildError

from . import html
from .pages import relative_link

CHANGES = INCLUDES / "changes.yml"
KINDS = ("correction", "new-data", "new-page", "update", "rewrite")


class Change(yamlfile.Model):
    date: yamlfile.Day
    kind: Literal[KINDS]
    what: yamlfile.Text
    pages: tuple[str, ...] = pydantic.Field(min_length=1)
    why: yamlfile.Text

    @pydantic.field_validator("pages", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, str) else value


def load(known_pages: set[str], path=CHANGES) -> list[Change]:
    """Every entry, checked and newest first; anything wrong stops the build naming the file and the entry's line."""
    file = yamlfile.display(path)
    text = path.read_text(encoding="utf-8")
    entries = yamlfile.validate(yamlfile.parse(text, file), pydantic.TypeAdapter(list[Change]), file, text)
    if not entries:
        raise BuildError("expected a list of dated entries", file=file)
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("- ")]
    for change, line in zip(entries, lines, strict=False):
        unknown = [p for p in change.pages if p not in known_pages]
        if unknown:
            raise BuildError(
                f"names pages that do not exist: {', '.join(unknown)} "
                "(write paths below docs/, e.g. since-2022/index.md)",
                file=file,
                line=line,
            )
    for i in range(1, len(entries)):
        before, after = entries[i - 1].date, entries[i].date
        if after > before:
            raise BuildError(f"entries go newest first: {after} comes after {before}", file=file, line=lines[i])
    return entries


def last_changed(changes: list[Change], src: str, written: dt.date) -> dt.date:
    """When a page's content last changed: its newest changelog entry, or the date in its front matter if later."""
    return max([written, *(c.date for c in changes if src in c.pages)])


def changes_markdown(changes: list[Change], from_src: str, titles: dict[str, str]) -> str:
    """The "What changed" page: one dated block per entry, newest first, with links to the pages it changed."""
    blocks, seen = [], set()
    for change in changes:
        day = change.date.isoformat()
        links = ", ".join(f"[{titles.get(p, p)}]({relative_link(p, from_src)})" for p in change.pages)
        # A permalink that stays when entries are added: the date and the kind (numbered if repeated).
        anchor = f"change-{day}-{change.kind}"
        number = 2
        while anchor in seen:
            anchor, number = f"change-{day}-{change.kind}-{number}", number + 1
        seen.add(anchor)
        time = html.render("time.html", day=change.date)
        blocks.append(
            f"## {time}: {strings.text('changes.kinds.' + change.kind)} {{ #{anchor} }}\n\n{change.what}\n\n"
            f"**{strings.text('changes.pages')}** {links}\n\n**{strings.text('changes.why')}** {change.why}\n"
        )
    return "\n".join(blocks)
