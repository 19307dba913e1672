"""The glossary: one definition per term in includes/glossary.yml, shown as tooltips and as a page."""

from __future__ import annotations

import dataclasses
import re

import pydantic
from pymdownx.slugs import slugify

from core import INCLUDES, strings, yamlfile
from core.errors import BuildError

from . import html
from .pages import PageInfo, relative_link

GLOSSARY = INCLUDES / "glossary.yml"
# The same slugs as the headings' (mkdocs.yml's toc), in any script: "Мажилис" keeps its letters.
_slug = slugify(case="lower")


class Entry(yamlfile.Model):
    term: yamlfile.Text
    definition: yamlfile.Text
    # Other spellings that get the same tooltip: plurals, older names, a language's other word forms.
    forms: yamlfile.Words = ()


@dataclasses.dataclass(frozen=True)
class Term:
    term: str
    definition: str
    forms: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return _slug(self.term, "-")

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.forms)

    def found_in(self, text: str) -> bool:
        # The abbr extension matches whole words, case-sensitively; do the same.
        return any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text) for s in self.spellings)


def load(path=GLOSSARY) -> list[Term]:
    entries = yamlfile.load(path, pydantic.TypeAdapter(list[Entry]))
    terms: dict[str, Term] = {}
    for number, entry in enumerate(entries, 1):
        term = Term(entry.term, entry.definition, entry.forms)
        for spelling in term.spellings:
            if spelling in terms:
                raise BuildError(f"entry {number}: {spelling!r} is already defined", file=yamlfile.display(path))
            terms[spelling] = term
    return sorted(set(terms.values()), key=lambda t: t.term.lower())


def _prose(markdown: str) -> str:
    return re.sub(r"^\[\^[^\]]+\]:.*$|<!--.*?-->", " ", markdown, flags=re.M | re.S)


def terms_in(markdown: str, terms: list[Term]) -> list[Term]:
    """The glossary terms a page uses, in glossary order (footnotes and markers do not count)."""
    prose = _prose(markdown)
    return [term for term in terms if term.found_in(prose)]


def abbreviations(terms: list[Term]) -> str:
    """Definitions in the abbr extension's syntax, appended to a page so each term gets a tooltip."""
    lines = [f"*[{s}]: {t.definition}" for t in terms for s in t.spellings]
    # One block each: in a single block the abbr extension took each line off and parsed the rest again, O(n²)
    # (the Russian edition, with every case form of every term, spent about 5 of its 11.6 build seconds there).
    return "\n\n".join(lines) + "\n"


def key_terms_html(used: list[Term], glossary_href: str) -> str:
    return html.render("key_terms.html", terms=used, glossary=glossary_href) if used else ""


def glossary_markdown(terms: list[Term], pages: list[PageInfo], from_src: str) -> str:
    """The glossary page body: each term, its definition and the chapters that use it."""
    blocks = []
    chapters = [(p, _prose(p.body)) for p in pages if p.chapter is not None]
    for term in terms:
        where = [p for p, prose in chapters if term.found_in(prose)]
        links = ", ".join(f"[{p.title}]({relative_link(p.src, from_src)})" for p in where)
        seen = f"\n\n    *{strings.text('glossary.used_in')}* {links}" if links else ""
        blocks.append(f"{term.term} {{ #{term.anchor} }}\n:   {term.definition}{seen}\n")
    return "\n".join(blocks)
