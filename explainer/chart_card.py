"""A chart as a complete figure card on the page, and its words written out (computed figures filled in)."""

from __future__ import annotations

import dataclasses
import re

from charts import card, pictures
from charts.card import Chart
from core import locale, strings

from . import html, wording

# The scheme whose pictures wait for site.js (on a dark page) or for the reader to scroll near them.
LAZY_SCHEME = "dark"


@dataclasses.dataclass(frozen=True)
class Words:
    """A chart's texts as readers see them: its view's words with every computed figure written out."""

    title: str
    subtitle: str
    alt: str
    summary: str
    notes: tuple[str, ...]


def words(chart: Chart) -> Words:
    where = "charts/data/datapackage.yaml"
    v = chart.view
    notes = (*v.notes, *chart.table.dataset.meta.notes)
    return Words(
        wording.fill(v.title, where),
        wording.fill(v.subtitle, where),
        wording.fill(v.alt, where),
        wording.fill(v.summary, where),
        tuple(wording.fill(n, where) for n in notes),
    )


def picture_jobs(chart: Chart, site_name: str, site_url: str) -> list[pictures.Job]:
    """The chart's pictures; its exports carry the words readers see and the site's name and public address."""
    w = words(chart)
    return chart.picture_jobs(w.title, w.subtitle, site_name, site_url)


# Where a summary's first sentence ends: a full stop, question or exclamation mark, then a capital (any script).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÞА-ЯЁ“‘\"(])")


def takeaway(summary: str) -> tuple[str, str]:
    """The summary's first sentence, which the closed card shows under its picture, and the rest, which it opens."""
    parts = _SENTENCE_END.split(summary.strip(), maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def render(chart: Chart, root: str) -> str:
    """The card's HTML; `root` is the relative path from the page to the site root."""
    w = words(chart)
    lead, more = takeaway(w.summary)
    cid = chart.id
    downloads = [
        {"label": strings.text(f"card.{key}"), "href": href}
        for key, href in (
            ("png", card.asset(cid, "export.png")),
            ("svg", card.asset(cid, "export.svg")),
            ("csv", card.csv_asset(cid)),
        )
    ]
    return html.render(
        "card.html",
        id=cid,
        root=root,
        title=w.title,
        subtitle=w.subtitle,
        alt=w.alt,
        summary=lead,
        summary_more=more,
        notes=w.notes,
        plotly=chart.plotly_asset,
        spec=card.asset(cid, "json"),
        media=card.NARROW_MEDIA,
        pictures=[
            {
                "scheme": scheme,
                "narrow": card.asset(cid, f"{scheme}.narrow.svg"),
                "wide": card.asset(cid, f"{scheme}.wide.svg"),
                "narrow_size": chart.size("narrow"),
                "wide_size": chart.size("wide"),
                # Paper always shows the light picture, so it loads at once; a light page never fetches the dark.
                "lazy": scheme == LAZY_SCHEME,
            }
            for scheme in card.SCHEMES
        ],
        header=chart.table.header(),
        rows=chart.table.cells(),
        sources=chart.table.used_sources(),
        licences=chart.table.dataset.licences,
        updated=locale.date(chart.view.updated),
        downloads=downloads,
    )
