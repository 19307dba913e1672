"""Every work the site cites, kept once in includes/bibliography/*.yml, checked and formatted from there."""

from __future__ import annotations

import dataclasses
import functools
import pathlib
import re
from typing import Literal

import pydantic

from . import INCLUDES, locale, strings, yamlfile
from .errors import BuildError

BIBLIOGRAPHY = INCLUDES / "bibliography"
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# How the Sources page groups the works, in this order (headings: strings `bibliography.kinds.*`).
KINDS = ("official", "international", "ngo", "news", "academic", "data", "article")
ARTICLE = "musaro-2022-smart-authoritarianism"


class BibliographyError(BuildError):
    """An entry is incomplete, repeated or unknown; the message names the file and the key."""


class Entry(yamlfile.Model):
    title: yamlfile.Name
    publisher: yamlfile.Name
    date: yamlfile.PartialDate
    kind: Literal[KINDS]
    url: yamlfile.Address | None = None
    author: str | None = None
    note: yamlfile.Text | None = None
    # The language the work is written in, when it is not English (an ISO 639-1 code, e.g. "ru").
    language: str | None = None

    @pydantic.model_validator(mode="after")
    def _url_or_note(self):
        if self.url is None and not self.note:
            raise ValueError("give a 'url', or a 'note' saying why there is none")
        return self


Entries = pydantic.TypeAdapter(dict[str, Entry])


@dataclasses.dataclass(frozen=True)
class Work:
    key: str
    title: str
    publisher: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows
    kind: str
    url: str | None
    author: str | None
    note: str | None
    file: str
    language: str | None = None

    @property
    def display_date(self) -> str:
        return locale.date(self.date)


def load(folder: pathlib.Path = BIBLIOGRAPHY) -> dict[str, Work]:
    """Key → work, from every file of the folder; a bad entry, a repeated key or a repeated address stops the build.
    Titles and publishers stay as written; notes follow the current language."""
    return _load(folder, strings.current())


@functools.cache
def _load(folder: pathlib.Path, language: str) -> dict[str, Work]:
    works: dict[str, Work] = {}
    urls: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        file = yamlfile.display(path)
        text = path.read_text(encoding="utf-8")
        entries = yamlfile.validate(
            yamlfile.parse(text, file, BibliographyError) or {}, Entries, file, text, BibliographyError
        )
        for key, entry in entries.items():
            problem = (
                "keys are lower-case words joined by hyphens"
                if not KEY.match(key)
                else f"key already used in {works[key].file}"
                if key in works
                else f"same url as {urls[str(entry.url)]}; cite that entry instead"
                if entry.url is not None and str(entry.url) in urls
                else None
            )
            if problem:
                raise BibliographyError(f"{key}: {problem}", file=file, line=_key_line(text, key))
            url = str(entry.url) if entry.url is not None else None
            if url:
                urls[url] = key
            works[key] = Work(
                key,
                entry.title,
                entry.publisher,
                entry.date,
                entry.kind,
                url,
                entry.author,
                entry.note,
                path.name,
                entry.language,
            )
    return works


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}:", text, flags=re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def footnote(work: Work) -> str:
    """One citation as Markdown, for a footnote: who, what (linked), where, when."""
    title = f"[{work.title}]({work.url})" if work.url else f"*{work.title}*"
    who = f"{work.author}, " if work.author and work.author != work.publisher else ""
    return f"{who}{locale.quoted(title)}, {work.publisher}, {work.display_date}."
