"""Invisible page markers, `<!-- md:name arg -->`, swapped for content; a bad one stops the build."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.errors import BuildError

START = re.compile(r"<!--\s*md:")
MARKER = re.compile(r"<!-- md:(?P<name>[a-z][a-z-]*)(?: (?P<arg>[a-z0-9][a-z0-9_-]*))? -->")


class MarkerError(BuildError):
    """A marker is malformed, unknown or points at something that does not exist."""


class MissingTarget(Exception):
    """Raised by a handler whose argument names nothing; `expand` adds the page and the marker."""


# A handler takes the marker's argument (or None) and returns Markdown or HTML.
Handler = Callable[[str | None], str]


def expand(
    markdown: str, page: str, handlers: dict[str, tuple[bool, Handler]]
) -> tuple[str, list[tuple[str, str | None]]]:
    """Replace every marker; `handlers` maps a name to (takes an argument?, handler)."""
    out, found, pos = [], [], 0
    for start in START.finditer(markdown):
        match = MARKER.match(markdown, start.start())
        end = markdown.find("-->", start.start())
        snippet = markdown[start.start() : end + 3 if end >= 0 else start.start() + 40]
        if not match:
            raise MarkerError(
                f"{page}: malformed marker {snippet!r}; write <!-- md:name --> or <!-- md:name argument -->"
            )
        name, arg = match["name"], match["arg"]
        if name not in handlers:
            raise MarkerError(f"{page}: unknown marker {match[0]!r}; known markers: {', '.join(sorted(handlers))}")
        takes_arg, handler = handlers[name]
        if takes_arg != (arg is not None):
            need = "one argument" if takes_arg else "no argument"
            raise MarkerError(f"{page}: marker {match[0]!r} takes {need}")
        try:
            replacement = handler(arg)
        except MissingTarget as missing:
            raise MarkerError(f"{page}: marker {match[0]!r} names {missing} which does not exist") from None
        out.append(markdown[pos : start.start()])
        out.append(replacement)
        found.append((name, arg))
        pos = match.end()
    out.append(markdown[pos:])
    return "".join(out), found
