"""Suggested citations for a page, in APA (7th edition) and MLA (9th edition) style, as data for the template."""

from __future__ import annotations

import dataclasses
import datetime as dt

from core import locale, strings


@dataclasses.dataclass(frozen=True)
class Citable:
    author: str
    title: str
    site: str
    url: str
    updated: dt.date


def apa(c: Citable) -> dict:
    when = f"{c.updated.year}, {locale.month_name(c.updated.month)} {c.updated.day}"
    return {"author": c.author, "when": when, "title": c.title, "site": c.site, "url": c.url}


def mla(c: Citable) -> dict:
    # MLA abbreviates the months longer than four letters, in its own way ("Sept.").
    month = strings.text("locale.months_mla").split()[c.updated.month - 1]
    address = c.url.removeprefix("https://").removeprefix("http://")
    return {
        "author": c.author,
        "title": c.title,
        "site": c.site,
        "when": f"{c.updated.day} {month} {c.updated.year}",
        "address": address,
    }
