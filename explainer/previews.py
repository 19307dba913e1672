"""Link previews and structured data for every page: Open Graph and Twitter tags, JSON-LD, and generated cards."""

from __future__ import annotations

import io
import textwrap

import yaml
from PIL import Image, ImageDraw

from core import bibliography, fonts, strings

from . import pages

CARD_SIZE = (1200, 630)
CARD_DIR = "assets/og/"
# The site's colours (Material's indigo, as in mkdocs.yml's palette): the band, its text, the page.
INDIGO, INDIGO_DARK, WHITE, INK = (63, 81, 181), (48, 63, 159), (255, 255, 255), (31, 35, 40)
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
# The year the explainer was first published, for citing it as a whole.
YEAR = 2026


def configured(site_url: str) -> bool:
    """Whether the site's public address is known: only then may a page name absolute addresses."""
    return site_url.startswith(("https://", "http://"))


def notice(settings: pages.Settings) -> str | None:
    """The one line a build without a public address prints, saying which tags it leaves out."""
    return None if configured(settings.site_url) else strings.text("previews.local_build")


def card_path(src: str) -> str:
    """Where a page's preview card is published: assets/og/<page folder>.png (home: index.png)."""
    folder = src.rpartition("/")[0] or "index"
    return f"{CARD_DIR}{folder.replace('/', '-')}.png"


def meta(page: pages.PageInfo, settings: pages.Settings, works: dict, last_changed, teaches=()) -> dict:
    """The values overrides/main.html writes into the page's <head>, as front-matter keys under `preview`."""
    absolute = configured(settings.site_url)
    url = settings.site_url + pages.page_url(page.src) if absolute else None
    image = settings.site_url + card_path(page.src) if absolute else None
    out = {
        "title": page.title if page.src == "index.md" else f"{page.title} · {settings.site_name}",
        "description": page.description,
        "type": "article" if page.chapter is not None else "website",
        "locale": strings.text("previews.locale"),
        "site_name": settings.site_name,
    }
    if absolute:
        out.update(url=url, image=image, image_alt=out["title"])
    if page.chapter is not None:
        out["jsonld"] = jsonld(page, settings, works, last_changed, url, image, teaches)
    return out


def jsonld(page, settings, works: dict, last_changed, url: str | None, image: str | None, teaches=()) -> dict:
    """schema.org LearningResource and Article for a chapter, with only the properties the test checks for."""
    article = works[bibliography.ARTICLE]
    data = {
        "@context": "https://schema.org",
        "@type": ["LearningResource", "Article"],
        "headline": page.heading if hasattr(page, "heading") else page.title,
        "name": page.title,
        "description": page.description,
        "educationalLevel": strings.text("previews.educational_level"),
        "learningResourceType": "Chapter",
        "timeRequired": f"PT{page.reading_minutes}M",
        "teaches": list(teaches),
        "isBasedOn": {
            "@type": "Article",
            "name": article.title,
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": article.publisher},
            "datePublished": article.date,
            "url": article.url,
        },
        "dateModified": last_changed.isoformat(),
        "license": LICENSE,
        "inLanguage": strings.current(),
        "publisher": {"@type": "Organization", "name": settings.author},
        "position": page.chapter,
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    if image:
        data["image"] = image
    return data


def site_citation(settings: pages.Settings) -> str:
    """How to cite the whole explainer, as a quotation: the publisher setting, and the address only if it is known."""
    line = strings.text("previews.site_citation", publisher=settings.author, year=YEAR, title=settings.site_name)
    address = f"\n> <{settings.site_url}>" if configured(settings.site_url) else ""
    return f"> {line}{address}\n"


def with_meta(front: str, values: dict) -> str:
    """The raw front-matter block with `preview:` added before its closing line."""
    block = yaml.safe_dump({"preview": values}, sort_keys=True, allow_unicode=True, width=1000)
    head, _, _ = front.rstrip("\n").rpartition("\n---")
    return f"{head}\n{block}---\n"


# -- Cards ----------------------------------------------------------------------------------------------------
def _font(size: int):
    return fonts.font(size)


def _lines(text: str, font, width: int, most: int) -> list[str]:
    words, lines = text.split(), [""]
    for word in words:
        trial = f"{lines[-1]} {word}".strip()
        if font.getlength(trial) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = textwrap.shorten(lines[-1] + " …", width=len(lines[-1]), placeholder=" …")
    return lines


def card(title: str, kicker: str, site_name: str) -> bytes:
    """A 1200x630 PNG: the kicker (chapter number) and the title on the site's indigo, the site's name below."""
    image = Image.new("RGB", CARD_SIZE, INDIGO)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, CARD_SIZE[1] - 110, CARD_SIZE[0], CARD_SIZE[1]), fill=INDIGO_DARK)
    margin = 80
    draw.text((margin, 70), kicker.upper(), font=_font(34), fill=WHITE)
    size = 76 if len(title) < 40 else 62
    y = 140
    for line in _lines(title, _font(size), CARD_SIZE[0] - 2 * margin, 4):
        draw.text((margin, y), line, font=_font(size), fill=WHITE)
        y += int(size * 1.2)
    draw.text((margin, CARD_SIZE[1] - 78), site_name, font=_font(36), fill=WHITE)
    out = io.BytesIO()
    # No metadata and fixed compression: the same page always gives the same bytes.
    image.save(out, format="PNG", optimize=False, compress_level=9)
    return out.getvalue()


def cards(pages: list, settings: pages.Settings) -> dict[str, bytes]:
    """Site path → PNG card of every page."""
    out = {}
    for page in pages:
        title = str(page.heading if hasattr(page, "heading") else page.title)
        kicker = strings.text("previews.chapter", number=page.chapter) if page.chapter is not None else ""
        # The home page's title is the site's name: say it once.
        site_name = "" if title == settings.site_name else settings.site_name
        out[card_path(page.src)] = card(title, kicker, site_name)
    return out
