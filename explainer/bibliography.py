"""Every work the site cites, kept once in includes/bibliography/*.yml and formatted from there."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import pathlib
import re

from . import strings
from .content import INCLUDES, read_yaml
from .errors import BuildError

BIBLIOGRAPHY = INCLUDES / "bibliography"
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# How the Sources page groups the works, in this order (headings: strings `bibliography.kinds.*`).
KINDS = ("official", "international", "ngo", "news", "academic", "data", "article")
REQUIRED = ("title", "publisher", "date", "kind")


class BibliographyError(BuildError):
    """An entry is incomplete, repeated or unknown; the message names the file and the key."""


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

    @property
    def display_date(self) -> str:
        return display_date(self.date)


def display_date(value: str) -> str:
    return strings.date(value)


def check_date(value, where: str) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        if len(parts) > 3:
            raise ValueError
    except (ValueError, IndexError):
        raise BibliographyError(f"{where}: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}") from None
    return text


def load(folder: pathlib.Path = BIBLIOGRAPHY) -> dict[str, Work]:
    """Key → work, read again only when a file of the folder changes (pages, datasets and worksheets all ask)."""
    paths = sorted(folder.glob("*.yml"))
    return dict(_load(folder, tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)))


@functools.lru_cache(maxsize=4)
def _load(folder: pathlib.Path, _stamp: tuple) -> dict[str, Work]:
    works: dict[str, Work] = {}
    urls: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        entries = read_yaml(path, BibliographyError) or {}
        for key, entry in entries.items():
            where = f"{path.parent.name}/{path.name}: {key}"
            if not KEY.match(str(key)):
                raise BibliographyError(f"{where}: keys are lower-case words joined by hyphens")
            if key in works:
                raise BibliographyError(f"{where}: key already used in {works[key].file}")
            missing = [field for field in REQUIRED if not entry.get(field)]
            if missing:
                raise BibliographyError(f"{where}: missing {', '.join(missing)}")
            if entry["kind"] not in KINDS:
                raise BibliographyError(f"{where}: kind must be one of {', '.join(KINDS)}, found {entry['kind']!r}")
            url = entry.get("url")
            if url is None and not entry.get("note"):
                raise BibliographyError(f"{where}: give a 'url', or a 'note' saying why there is none")
            if url is not None:
                if not str(url).startswith("https://") and not str(url).startswith("http://"):
                    raise BibliographyError(f"{where}: 'url' must be an http(s) address, found {url!r}")
                if url in urls:
                    raise BibliographyError(f"{where}: same url as {urls[url]}; cite that entry instead")
                urls[url] = key
            works[key] = Work(
                key=key,
                title=str(entry["title"]),
                publisher=str(entry["publisher"]),
                date=check_date(entry["date"], where),
                kind=entry["kind"],
                url=url,
                author=entry.get("author"),
                note=entry.get("note"),
                file=path.name,
            )
    return works


def footnote(work: Work) -> str:
    """One citation as Markdown, for a footnote: who, what (linked), where, when."""
    title = f"[{work.title}]({work.url})" if work.url else f"*{work.title}*"
    who = f"{work.author}, " if work.author and work.author != work.publisher else ""
    return f"{who}“{title}”, {work.publisher}, {work.display_date}."


def bibliography_markdown(works: dict[str, Work]) -> str:
    """The Sources page list: a heading per kind, newest first, each entry with an anchor 'src-<key>'."""
    parts = []
    for kind in KINDS:
        heading = strings.text(f"bibliography.kinds.{kind}")
        group = sorted((w for w in works.values() if w.kind == kind), key=lambda w: (w.date, w.key), reverse=True)
        if kind == "article":
            group.sort(key=lambda w: (w.key != "musaro-2022-smart-authoritarianism", w.author or w.publisher))
        if not group:
            continue
        items = []
        for work in group:
            title = html.escape(work.title)
            if work.url:
                title = f'<a href="{html.escape(work.url)}">{title}</a>'
            who = f"{html.escape(work.author)}. " if work.author else ""
            note = f' <span class="bib-note">{html.escape(work.note)}</span>' if work.note else ""
            items.append(
                f'<li id="src-{work.key}">{who}“{title}”. '
                f"{html.escape(work.publisher)}, {work.display_date}.{note}</li>"
            )
        parts.append(f'## {heading} {{ #{kind} }}\n\n<ul class="bibliography">\n' + "\n".join(items) + "\n</ul>\n")
    return "\n".join(parts)
