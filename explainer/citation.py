"""Suggested citations for a page, in APA (7th edition) and MLA (9th edition) style."""
from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape

from .bibliography import MONTHS

# MLA abbreviates months longer than four letters.
MLA_MONTHS = "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split()


@dataclasses.dataclass(frozen=True)
class Citable:
    author: str
    title: str
    site: str
    url: str
    updated: dt.date


def apa(c: Citable) -> str:
    when = f"{c.updated.year}, {MONTHS[c.updated.month - 1]} {c.updated.day}"
    return f"{escape(c.author)}. ({when}). <em>{escape(c.title)}</em>. {escape(c.site)}. {escape(c.url)}"


def mla(c: Citable) -> str:
    when = f"{c.updated.day} {MLA_MONTHS[c.updated.month - 1]} {c.updated.year}"
    address = c.url.removeprefix("https://").removeprefix("http://")
    return f"{escape(c.author)}. “{escape(c.title)}.” <em>{escape(c.site)}</em>, {when}, {escape(address)}."
