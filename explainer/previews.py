"""Link previews and structured data for every page: Open Graph and Twitter tags, JSON-LD, and generated cards."""

from __future__ import annotations

import io
import re

import yaml
from PIL import Image, ImageDraw

from core import bibliography, fonts, strings

from . import pages

CARD_SIZE = (1200, 630)
CARD_DIR = "assets/og/"
# The card's colours: the charts' own ink and muted text on white, and a rule in the charts' first series colour.
WHITE, INK, MUTED, RULE = (255, 255, 255), (31, 35, 40), (87, 96, 106), (0, 114, 178)
# The picture a page without a chart of its own shows: the home page's map of Kazakhstan and its neighbours.
HOME_CHART = "locator_map"
CHART_MARKER = re.compile(r"<!-- md:chart ([a-z0-9_]+) -->")
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
        # The home page is the site: its preview carries the site's name, not the word "Home".
        "title": settings.site_name if page.src == "index.md" else f"{page.title} · {settings.site_name}",
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
# The card's grid, in pixels: the margin, the picture's box on the right, and the text sizes (largest first: the
# title shrinks step by step until it fits in its lines).
MARGIN = 64
PICTURE_BOX = (660, 48, 1160, 582)  # left, top, right, bottom
TITLE_SIZES = (60, 54, 48, 44, 40)
# A card without a picture has the whole width, and larger words.
TITLE_SIZES_WIDE = (76, 68, 60, 54, 48, 44)
TITLE_LINES = 3
STANDFIRST_SIZES = {True: 28, False: 34}
KICKER_SIZE = 26
FOOTER_SIZES = (24, 22, 20, 18)
ELLIPSIS = "…"


def lead_chart(page) -> str | None:
    """The chart a page's card shows: the first the page places, else the map for the home page, else none."""
    found = CHART_MARKER.search(getattr(page, "body", "") or "")
    if found:
        return found[1]
    return HOME_CHART if page.src == "index.md" else None


def fitted(text: str, font, width: int, most: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `most` of them; if it does not fit, the last line ends in an
    ellipsis, cut at a word where one fits, so that nothing is cut off mid-letter or drawn past the edge."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(trial) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    if len(lines) <= most and all(font.getlength(line) <= width for line in lines):
        return lines
    kept = lines[:most]
    last = kept[-1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = last.rstrip(" ,;:–—-") + ELLIPSIS
    return kept


def card(title: str, kicker: str, standfirst: str, site_name: str, picture: bytes | None = None) -> bytes:
    """A 1200x630 PNG: the kicker, the title and the standfirst on the left, the page's lead chart or map on the right
    (a page without one has its words across the card), the site's name at the foot. Every line is measured with the
    font it is drawn in, so nothing is cut or overlaps."""
    image = Image.new("RGB", CARD_SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, CARD_SIZE[0], 10), fill=RULE)
    right = PICTURE_BOX[0] - 40 if picture else CARD_SIZE[0] - MARGIN
    width = right - MARGIN
    footer_top = CARD_SIZE[1] - MARGIN - FOOTER_SIZES[0]
    y = MARGIN
    if kicker:
        draw.text((MARGIN, y), kicker.upper(), font=fonts.font(KICKER_SIZE, "Bold"), fill=RULE)
        y += int(KICKER_SIZE * 1.6)
    # The largest title size at which the title fits in its lines; at the smallest, an ellipsis if it must.
    for size in TITLE_SIZES if picture else TITLE_SIZES_WIDE:
        font = fonts.font(size, "Bold")
        lines = fitted(title, font, width, TITLE_LINES)
        if not lines[-1].endswith(ELLIPSIS):
            break
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=INK)
        y += int(size * 1.18)
    y += 18
    body_size = STANDFIRST_SIZES[bool(picture)]
    body = fonts.font(body_size)
    step = int(body_size * 1.35)
    room = max(0, (footer_top - 28 - y) // step)
    if standfirst and room:
        for line in fitted(standfirst, body, width, room):
            draw.text((MARGIN, y), line, font=body, fill=MUTED)
            y += step
    if site_name:
        # The site's name on one line: the largest size at which it fits whole.
        small = next(
            (f for f in map(fonts.font, FOOTER_SIZES) if f.getlength(site_name) <= width), fonts.font(FOOTER_SIZES[-1])
        )
        draw.text((MARGIN, footer_top), fitted(site_name, small, width, 1)[0], font=small, fill=MUTED)
    if picture:
        with Image.open(io.BytesIO(picture)) as chart:
            chart = chart.convert("RGB")
            box_w, box_h = PICTURE_BOX[2] - PICTURE_BOX[0], PICTURE_BOX[3] - PICTURE_BOX[1]
            scale = min(box_w / chart.width, box_h / chart.height)
            shown = chart.resize((round(chart.width * scale), round(chart.height * scale)), Image.Resampling.LANCZOS)
        left = PICTURE_BOX[0] + (box_w - shown.width) // 2
        top = PICTURE_BOX[1] + (box_h - shown.height) // 2
        image.paste(shown, (left, top))
    out = io.BytesIO()
    # No metadata and fixed compression: the same page always gives the same bytes. Level 6 rather than 9: a
    # quarter of the time (0.75 → 0.18 s an edition) for files 3 % larger.
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def cards(pages: list, settings: pages.Settings, found: dict[str, bytes]) -> dict[str, bytes]:
    """Site path → PNG card of every page; `found` maps each chart id to its link-preview picture, as drawn."""
    out = {}
    for page in pages:
        title = str(page.heading if hasattr(page, "heading") else page.title)
        kicker = strings.text("previews.chapter", number=page.chapter) if page.chapter is not None else ""
        # The home page's title is the site's name: say it once.
        site_name = "" if title == settings.site_name else settings.site_name
        chart_id = lead_chart(page)
        out[card_path(page.src)] = card(title, kicker, page.description, site_name, found.get(chart_id))
    return out
