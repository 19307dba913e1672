"""Markup from templates that escape (Jinja2 with autoescape, as MkDocs and Material do): Python hands over data."""

from __future__ import annotations

import functools
import pathlib

import jinja2

from core import locale, strings

TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["t"] = strings.text
    env.filters["date"] = locale.date
    env.filters["number"] = locale.number
    return env


def render(name: str, *, inline: bool = True, **data) -> str:
    """The template `name` filled with `data`. `inline` joins its lines into one, so that Markdown takes the result
    as one block of HTML: templates break lines only between tags, never inside text."""
    out = environment().get_template(name).render(**data)
    return "".join(line.strip() for line in out.splitlines()) if inline else out
