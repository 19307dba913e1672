"""The record of what changed in the content and when, kept by hand in includes/changes.yml and checked at build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib

import yaml

from . import strings
from .content import INCLUDES, display_path, read_yaml_tree, relative_link
from .errors import BuildError


def parse_date(value) -> dt.date | None:
    """A real date written YYYY-MM-DD, or None."""
    try:
        return dt.date.fromisoformat(str(value)) if len(str(value)) == 10 else None
    except ValueError:
        return None


CHANGES = INCLUDES / "changes.yml"
FIELDS = ("date", "kind", "what", "pages", "why")
KINDS = ("correction", "new-data", "new-page", "update", "rewrite")


class ChangeError(BuildError):
    """A changelog entry is malformed: a bad date, an unknown kind, a missing field or a page that does not exist."""


@dataclasses.dataclass(frozen=True)
class Change:
    date: dt.date
    kind: str
    what: str
    pages: tuple[str, ...]
    why: str
    line: int


def load(known_pages: set[str], path: pathlib.Path = CHANGES) -> list[Change]:
    """Every entry, checked and newest first; anything wrong stops the build naming the file and the entry's line."""
    file = display_path(path)
    root, data = read_yaml_tree(path, ChangeError, "the record of changes is missing")
    if not isinstance(root, yaml.SequenceNode) or not data:
        raise ChangeError("expected a list of dated entries", file=file)
    out = []
    for node, entry in zip(root.value, data, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            raise ChangeError(f"each entry is a mapping with {', '.join(FIELDS)}", file=file, row=line)
        missing = [f for f in FIELDS if not entry.get(f)]
        if missing:
            raise ChangeError(f"the entry lacks {', '.join(missing)}", file=file, row=line)
        day = parse_date(entry["date"])
        if day is None:
            raise ChangeError(
                f"'date' must be a real date written YYYY-MM-DD, found {entry['date']!r}", file=file, row=line
            )
        if entry["kind"] not in KINDS:
            raise ChangeError(f"'kind' must be one of {', '.join(KINDS)}, found {entry['kind']!r}", file=file, row=line)
        pages = entry["pages"] if isinstance(entry["pages"], list) else [entry["pages"]]
        unknown = [p for p in pages if p not in known_pages]
        if unknown:
            raise ChangeError(
                f"names pages that do not exist: {', '.join(map(str, unknown))} "
                "(write paths below docs/, e.g. since-2022/index.md)",
                file=file,
                row=line,
            )
        out.append(
            Change(
                day,
                entry["kind"],
                " ".join(str(entry["what"]).split()),
                tuple(pages),
                " ".join(str(entry["why"]).split()),
                line,
            )
        )
    for before, after in zip(out, out[1:], strict=False):
        if after.date > before.date:
            raise ChangeError(
                f"entries go newest first: {after.date} comes after {before.date}", file=file, row=after.line
            )
    return out


def last_changed(changes: list[Change], src: str, written: dt.date) -> dt.date:
    """When a page's content last changed: its newest changelog entry, or the date in its front matter if later."""
    dates = [c.date for c in changes if src in c.pages]
    return max([written, *dates])


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
        blocks.append(
            f'## <time datetime="{day}">{strings.date(day)}</time>: {strings.text("changes.kinds." + change.kind)}'
            f" {{ #{anchor} }}\n\n{change.what}\n\n"
            f"**{strings.text('changes.pages')}** {links}\n\n**{strings.text('changes.why')}** {change.why}\n"
        )
    return "\n".join(blocks)
