"""The timeline, 1991 to today: dated events in includes/timeline.yml, each with its sources."""

from __future__ import annotations

import dataclasses

import pydantic

from core import INCLUDES, locale, strings, yamlfile
from core.bibliography import Work
from core.errors import BuildError

from .pages import relative_link

TIMELINE = INCLUDES / "timeline.yml"


class Entry(yamlfile.Model):
    date: yamlfile.PartialDate
    event: yamlfile.Text
    sources: tuple[str, ...] = pydantic.Field(min_length=1)
    chapter: str | None = None  # the page that discusses it, e.g. "since-2022/index.md"


@dataclasses.dataclass(frozen=True)
class Event:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str  # Markdown
    sources: tuple[str, ...]
    chapter: str | None

    @property
    def year(self) -> int:
        return int(self.date[:4])


def load(works: dict[str, Work], pages: set[str], path=TIMELINE) -> list[Event]:
    file = yamlfile.display(path)
    text = path.read_text(encoding="utf-8")
    entries = yamlfile.validate(yamlfile.parse(text, file) or [], pydantic.TypeAdapter(list[Entry]), file, text)
    events = []
    for number, entry in enumerate(entries, 1):
        where = f"event {number} ({entry.date})"
        unknown = [key for key in entry.sources if key not in works]
        if unknown:
            raise BuildError(f"{where}: unknown source {', '.join(unknown)}", file=file)
        if entry.chapter is not None and entry.chapter not in pages:
            raise BuildError(f"{where}: chapter {entry.chapter!r} is not a page in the nav", file=file)
        events.append(Event(entry.date, entry.event, entry.sources, entry.chapter))
    if [e.date for e in events] != sorted(e.date for e in events):
        raise BuildError("events must be in date order", file=file)
    return events


def timeline_markdown(events: list[Event], works: dict[str, Work], titles: dict[str, str], from_src: str) -> str:
    """Events grouped by year; each names its sources (linked to the Sources page) and its chapter."""
    sources_page = relative_link("sources/index.md", from_src)
    years: dict[int, list[str]] = {}
    for event in events:
        refs = ", ".join(f"[{works[k].publisher}]({sources_page}#src-{k})" for k in event.sources)
        page = f"[{titles[event.chapter]}]({relative_link(event.chapter, from_src)})" if event.chapter else ""
        more = " " + strings.text("timeline.see", page=page) if page else ""
        source = strings.text("timeline.source")
        years.setdefault(event.year, []).append(
            f"- **{locale.date(event.date)}.** {event.text} *{source} {refs}.*{more}"
        )
    # Each year in its own block, which the browser lays out only when it nears the screen.
    return "\n".join(
        f'## {year}\n\n<div class="timeline-year" markdown="1">\n\n' + "\n".join(items) + "\n\n</div>\n"
        for year, items in years.items()
    )
