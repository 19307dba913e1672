"""Markup from templates that escape (Jinja2 with autoescape, as MkDocs and Material do): Python hands over data."""

from __future__ import annotations

import functools
import pathlib
import re

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


# Straight quotation marks in the text between tags, as autoescape writes them (&#39; and &#34;), never in attributes.
_TEXT = re.compile(r">([^<]+)<")
_OPENING = re.compile(r"(^|[\s(\[{\u2014\u2013/-])(&#34;|&#39;)")


def typographic(markup: str) -> str:
    """Typographic quotation marks and apostrophes in the text of rendered HTML (the pages' Markdown gets them from
    the `smarty` extension; the templates' HTML passes it by): an opening mark after a space or bracket, else a
    closing one."""
    marks = {
        "&#34;": (strings.text("typography.quote_open"), strings.text("typography.quote_close")),
        "&#39;": ("\u2018", "\u2019"),
    }

    def text(found: re.Match) -> str:
        words = _OPENING.sub(lambda m: m[1] + marks[m[2]][0], found[1])
        return ">" + words.replace("&#34;", marks["&#34;"][1]).replace("&#39;", marks["&#39;"][1]) + "<"

    return _TEXT.sub(text, markup)


def render(name: str, *, inline: bool = True, **data) -> str:
    """The template `name` filled with `data`. `inline` joins its lines into one, so that Markdown takes the result
    as one block of HTML: templates break lines only between tags, never inside text."""
    out = environment().get_template(name).render(**data)
    if name.endswith(".html"):
        out = typographic(out)
    return "".join(line.strip() for line in out.splitlines()) if inline else out
