"""Suggested citations for a page, in APA (7th edition) and MLA (9th edition) style."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape

from . import strings


@dataclasses.dataclass(frozen=True)
class Citable:
    author: str
    title: str
    site: str
    url: str
    updated: dt.date


def apa(c: Citable) -> str:
    when = f"{c.updated.year}, {strings.locale()['months'][c.updated.month - 1]} {c.updated.day}"
    url = f" {escape(c.url)}" if c.url else ""
    return f"{escape(c.author)}. ({when}). <em>{escape(c.title)}</em>. {escape(c.site)}.{url}"


def mla(c: Citable) -> str:
    when = f"{c.updated.day} {strings.text('locale.months_mla').split()[c.updated.month - 1]} {c.updated.year}"
    address = c.url.removeprefix("https://").removeprefix("http://")
    tail = f", {escape(address)}" if address else ""
    return f"{escape(c.author)}. “{escape(c.title)}.” <em>{escape(c.site)}</em>, {when}{tail}."
