"""The timeline, 1991 to today: dated events in includes/timeline.yml, each with its sources."""

from __future__ import annotations

import dataclasses
import pathlib

from . import strings
from .bibliography import Work, check_date, display_date
from .content import INCLUDES, read_yaml, relative_link
from .errors import BuildError

TIMELINE = INCLUDES / "timeline.yml"


class TimelineError(BuildError):
    """An event lacks a date or a source, cites an unknown source or links a missing page."""


@dataclasses.dataclass(frozen=True)
class Event:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str  # Markdown
    sources: tuple[str, ...]
    chapter: str | None  # page that discusses it, e.g. "since-2022/index.md"

    @property
    def year(self) -> int:
        return int(self.date[:4])


def load(works: dict[str, Work], pages: set[str], path: pathlib.Path = TIMELINE) -> list[Event]:
    events = []
    for number, entry in enumerate(read_yaml(path, TimelineError) or [], 1):
        where = f"{path.name}, event {number}"
        if not isinstance(entry, dict) or not entry.get("date") or not entry.get("event"):
            raise TimelineError(f"{where}: needs 'date' and 'event'")
        date = check_date(entry["date"], where)
        sources = tuple(entry.get("sources") or ())
        if not sources:
            raise TimelineError(f"{where} ({date}): every event needs at least one source")
        unknown = [key for key in sources if key not in works]
        if unknown:
            raise TimelineError(f"{where} ({date}): unknown source {', '.join(unknown)}")
        chapter = entry.get("chapter")
        if chapter is not None and chapter not in pages:
            raise TimelineError(f"{where} ({date}): chapter {chapter!r} is not a page in the nav")
        events.append(Event(date, " ".join(str(entry["event"]).split()), sources, chapter))
    if [e.date for e in events] != sorted(e.date for e in events):
        raise TimelineError(f"{path.name}: events must be in date order")
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
            f"- **{display_date(event.date)}.** {event.text} *{source} {refs}.*{more}"
        )
    # Each year in its own block, which the browser lays out only when it nears the screen.
    return "\n".join(
        f'## {year}\n\n<div class="timeline-year" markdown="1">\n\n' + "\n".join(items) + "\n\n</div>\n"
        for year, items in years.items()
    )
