"""Link previews, structured data, honest dates and addresses, checked in built sites: one with a public
address (as the Pages workflow builds it) and one without (a local build)."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import pathlib
import re
import struct

import pytest

from explainer import changes, pages

from sitebuild import CHAPTERS, EPOCH, PAGES, SITE_URL, built_page, page_id

# Hosts the project does not control; no built file may name them unless the build was told to.
INVENTED = ("kz-explainer.github.io", "github.com/kz-explainer")
JSONLD_PROPERTIES = (
    "educationalLevel",
    "timeRequired",
    "teaches",
    "isBasedOn",
    "dateModified",
    "license",
    "inLanguage",
)


class Head(html.parser.HTMLParser):
    """The <meta> tags and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.jsonld, self.canonical, self._in_jsonld = {}, [], None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag):
        self._in_jsonld = False if tag == "script" else self._in_jsonld

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def head(site: pathlib.Path, page: pages.PageInfo) -> Head:
    parser = Head()
    parser.feed(built_page(site, page).read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="session")
def builds(site, offline) -> dict[str, tuple[pathlib.Path, str]]:
    """The session's build (with a public address) and one without (the offline copy's English edition, as a local
    build makes it): name → (site folder, what the build printed)."""
    return {"public": (site, ""), "local": (offline / "site", (offline / "printed.txt").read_text(encoding="utf-8"))}


def png_size(path: pathlib.Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_has_link_preview_tags_and_a_1200x630_card(builds, page):
    site, _ = builds["public"]
    tags = head(site, page).meta
    for key in ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:image"):
        assert tags.get(key), f"{page.src}: no {key}"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:url"] == SITE_URL + pages.page_url(page.src)
    assert tags["og:type"] == ("article" if page.chapter is not None else "website")
    assert tags["og:image"].startswith(SITE_URL)
    image = site / tags["og:image"].removeprefix(SITE_URL)
    assert image.is_file(), f"{page.src}: og:image {tags['og:image']} is not in the built site"
    assert png_size(image) == (1200, 630)


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_every_chapter_has_learning_resource_structured_data(builds, page):
    site, _ = builds["public"]
    blocks = head(site, page).jsonld
    assert len(blocks) == 1, f"{page.src}: expected one JSON-LD block"
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert {"LearningResource", "Article"} <= set(data["@type"])
    for key in JSONLD_PROPERTIES:
        assert data.get(key), f"{page.src}: JSON-LD lacks {key}"
    assert re.fullmatch(r"PT\d+M", data["timeRequired"]) and data["timeRequired"] == f"PT{page.reading_minutes}M"
    assert isinstance(data["teaches"], list) and all(isinstance(t, str) and t for t in data["teaches"])
    assert data["isBasedOn"]["@type"] == "Article" and data["isBasedOn"]["url"].startswith("https://")
    assert data["license"].startswith("https://creativecommons.org/")
    assert data["url"] == SITE_URL + pages.page_url(page.src)
    entries = changes.load({p.src for p in PAGES})
    assert data["dateModified"] == changes.last_changed(entries, page.src, page.updated).isoformat()


def test_a_local_build_names_no_host_and_says_so_in_one_line(builds):
    site, printed = builds["local"]
    notes = [line for line in printed.splitlines() if "No site_url set" in line]
    assert len(notes) == 1, printed[-2000:]
    for page in PAGES:
        found = head(site, page)
        assert found.canonical is None and "og:url" not in found.meta and "og:image" not in found.meta, page.src
        assert found.meta.get("og:title") and found.meta.get("twitter:card") == "summary_large_image"
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".css", ".csv", ".txt", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for host in INVENTED:
                assert host not in text, f"{path.relative_to(site)} names {host}"


def test_the_public_build_names_only_the_configured_host(builds):
    site, _ = builds["public"]
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for host in INVENTED:
            assert host not in text, f"{path.relative_to(site)} names {host}"


def test_the_changes_page_lists_dated_entries_newest_first(builds):
    site, _ = builds["local"]
    page = (site / "changes" / "index.html").read_text(encoding="utf-8")
    days = re.findall(r'<h2[^>]*><time datetime="(\d{4}-\d{2}-\d{2})">', page)
    entries = changes.load({p.src for p in PAGES})
    assert days == [c.date.isoformat() for c in entries] and days == sorted(days, reverse=True)


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_each_chapter_shows_when_its_content_last_changed(builds, page):
    site, _ = builds["local"]
    text = built_page(site, page).read_text(encoding="utf-8")
    entries = changes.load({p.src for p in PAGES})
    day = changes.last_changed(entries, page.src, page.updated).isoformat()
    assert re.search(rf'Content last changed <time datetime="{day}">', text), page.src


def test_the_public_sitemap_lists_every_page_with_the_pinned_date(builds):
    site, _ = builds["public"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>(.*?)</loc>", sitemap)
    # Every page of the nav, and each chapter's classroom page.
    expected = [SITE_URL + pages.page_url(p.src) for p in PAGES]
    expected += [
        SITE_URL + pages.page_url(f"{p.slug}/classroom/{e}index.md") for p in CHAPTERS for e in ("", "teacher/")
    ]
    assert sorted(listed) == sorted(expected)
    day = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date().isoformat()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {day}
