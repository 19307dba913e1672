"""The glossary: one definition per term in includes/glossary.yml, shown as tooltips and as a page."""

from __future__ import annotations

import dataclasses
import html
import pathlib
import re

from . import strings
from .content import INCLUDES, PageInfo, read_yaml, relative_link
from .errors import BuildError

GLOSSARY = INCLUDES / "glossary.yml"


class GlossaryError(BuildError):
    """A glossary entry is malformed or a term is defined twice."""


@dataclasses.dataclass(frozen=True)
class Term:
    term: str
    definition: str
    forms: tuple[str, ...]  # other spellings that get the same tooltip, e.g. a plural

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.forms)

    def found_in(self, text: str) -> bool:
        # The abbr extension matches whole words, case-sensitively; do the same.
        return any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text) for s in self.spellings)


def load(path: pathlib.Path = GLOSSARY) -> list[Term]:
    entries = read_yaml(path, GlossaryError) or []
    terms: dict[str, Term] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("definition"):
            raise GlossaryError(f"{path.name}, entry {number}: needs 'term' and 'definition'")
        term = Term(str(entry["term"]), " ".join(str(entry["definition"]).split()), tuple(entry.get("forms", ())))
        for spelling in term.spellings:
            if spelling in terms:
                raise GlossaryError(f"{path.name}, entry {number}: {spelling!r} is already defined")
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
    return "\n\n" + "\n".join(lines) + "\n"


def key_terms_html(used: list[Term], glossary_href: str) -> str:
    links = ", ".join(f'<a href="{glossary_href}#{t.anchor}">{html.escape(t.term)}</a>' for t in used)
    return f'<span class="page-meta__terms">{strings.text("page.key_terms")} {links}</span>' if used else ""


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
