"""The built site, read as files: complete pages, resolved footnotes, no third-party requests, reproducible."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import pathlib
import re
import shutil
from urllib.parse import urlsplit

import pytest

import charts.datasets
from charts.registry import CHARTS
from core import bibliography
from explainer import changes, glossary

from sitebuild import CHAPTERS, EDITIONS, PAGES, ROOT, build, built_page, page_id

PUBLISHED = ROOT / "tests" / "published_urls.txt"
# Attributes through which a page makes the browser fetch something by itself.
FETCHING = re.compile(r'<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc="([^"]+)"|\ssrcset="([^"]+)"', re.I)
# <link> elements that the browser fetches (rel="canonical" or "alternate" only name an address).
LINK = re.compile(r"<link\b[^>]*>", re.I)
FETCHED_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
}


def article_of(path: pathlib.Path) -> str:
    return (
        path.read_text(encoding="utf-8")
        .split('<article class="md-content__inner md-typeset">', 1)[1]
        .split("</article>", 1)[0]
    )


def text_of(page_html: str) -> str:
    """The words of the page's own content: no navigation, no citation box."""
    main = page_html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    main = main.split('<aside class="cite-box"', 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_nav_page_is_built_and_not_empty(site, page):
    path = built_page(site, page)
    assert path.exists()
    assert len(text_of(path.read_text(encoding="utf-8")).split()) >= 60


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_footnote_resolves(site, page):
    page_html = built_page(site, page).read_text(encoding="utf-8")
    refs = set(re.findall(r'href="#(fn:[^"]+)"', page_html))
    notes = set(re.findall(r'id="(fn:[^"]+)"', page_html))
    assert refs == notes, f"unresolved: {refs ^ notes}"
    if page.chapter:
        assert notes, "a chapter has footnotes"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_sources_and_notes_hold_the_footnotes_and_the_citation_box_closes_the_page(site, page):
    page_html = article_of(built_page(site, page))
    order = [
        page_html.find(mark) for mark in ('id="sources-and-notes"', '<div class="footnote">', '<aside class="cite-box"')
    ]
    assert -1 not in order and order == sorted(order), order
    assert "Footnotes Go Here" not in page_html


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_no_duplicate_ids(site, page):
    ids = re.findall(r'\sid="([^"]+)"', built_page(site, page).read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)), {i for i in ids if ids.count(i) > 1}


def test_nothing_is_fetched_from_another_host(site):
    """Every script, style, font, image and frame comes from the site itself."""
    offenders = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            page_html = path.read_text(encoding="utf-8")
            for link in LINK.findall(page_html):
                rel = set((re.search(r'rel="([^"]*)"', link) or [None, ""])[1].lower().split())
                href = (re.search(r'href="([^"]*)"', link) or [None, ""])[1]
                if rel & FETCHED_RELS and urlsplit(href).netloc:
                    offenders.append((path.relative_to(site), href))
            for groups in FETCHING.findall(page_html):
                for url in filter(None, groups):
                    for candidate in url.split(","):
                        if urlsplit(candidate.strip().split(" ")[0]).netloc:
                            offenders.append((path.relative_to(site), candidate))
        elif path.suffix == ".css":
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
                if urlsplit(url).netloc:
                    offenders.append((path.relative_to(site), url))
            assert "@import" not in path.read_text(encoding="utf-8") or "http" not in path.read_text(encoding="utf-8")
    assert not offenders


def test_fonts_are_the_system_fonts(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index and "fonts.gstatic.com" not in index


def test_plotly_is_served_once_and_only_chart_pages_use_it(site):
    # The basic bundle for charts, the geo bundle for maps: each once, both the version plotly.py writes for.
    bundles = sorted((site / "assets").rglob("plotly*.js"))
    assert [p.name for p in bundles] == ["plotly-basic.min.js", "plotly-geo.min.js"]
    from plotly.offline import get_plotlyjs_version

    for bundle in bundles:
        assert f"v{get_plotlyjs_version()}" in bundle.read_text(encoding="utf-8")[:200]
    for page in PAGES:
        page_html = built_page(site, page).read_text(encoding="utf-8")
        markers = set(re.findall(r"<!-- md:chart ([a-z0-9_]+) -->", page.body))
        has_cards = 'class="chart-card"' in page_html
        assert has_cards == bool(markers) or page.src == "print/index.md", page.src
        if not has_cards:
            assert "plotly" not in page_html, f"{page.src} has no chart but mentions plotly"
        # Only pages with a map point at the map bundle.
        maps = {"locator_map", "january_2022_map"} & markers
        assert ("plotly-geo" in page_html) == bool(maps) or page.src == "print/index.md", page.src


def test_every_chart_is_placed_exactly_once_in_a_chapter():
    placed = [m for page in CHAPTERS for m in re.findall(r"<!-- md:chart ([a-z0-9_]+) -->", page.body)]
    assert sorted(placed) == sorted(CHARTS)


def test_two_builds_are_byte_identical(request, tmp_path):
    """The second build starts from an empty cache, so every picture, PDF, DOCX, PPTX and card is made again. It runs
    while the session's site is built (it asks for that site only once its own build is done)."""
    again = tmp_path / "again"
    assert build(again, EXPLAINER_CACHE=str(tmp_path / "cache")).returncode == 0
    site = request.getfixturevalue("site")

    def digest(root):
        return {
            str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    # The session's site holds the editions too (ru/, it/); this build is the English one.
    editions = tuple(f"{code}/" for code in EDITIONS)
    first = {k: v for k, v in digest(site).items() if not k.startswith(editions)}
    second = digest(again)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_glossary_terms_have_tooltips_where_they_appear(site, page):
    page_html = built_page(site, page).read_text(encoding="utf-8")
    for term in glossary.terms_in(page.body, glossary.load()):
        titles = re.findall(
            r'<abbr title="([^"]+)">(' + "|".join(map(re.escape, term.spellings)) + ")</abbr>", page_html
        )
        assert titles, f"{term.term} appears in {page.src} without a tooltip"
        assert html.unescape(titles[0][0]) == term.definition


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_offers_a_citation_and_a_correction_link(site, page):
    page_html = built_page(site, page).read_text(encoding="utf-8")
    box = page_html.split('<aside class="cite-box"', 1)[1].split("</aside>", 1)[0]
    assert ">APA</span>" in box and ">MLA</span>" in box and "Suggest a correction" in box
    # The date the content last changed (includes/changes.yml or the front matter), never the build date.
    entries = changes.load({p.src for p in PAGES})
    assert changes.last_changed(entries, page.src, page.updated).isoformat() in box


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_chapters_show_reading_time_and_their_classroom_page_numbers_its_questions(site, page):
    page_html = built_page(site, page).read_text(encoding="utf-8")
    assert f"{page.reading_minutes} min read" in page_html
    classroom = (built_page(site, page).parent / "classroom" / "index.html").read_text(encoding="utf-8")
    questions = re.findall(r'<li id="(questions-for-discussion-\d+)">', classroom)
    assert len(questions) >= 3
    for qid in questions:
        assert f'href="#{qid}"' in classroom


def squeeze(text: str) -> str:
    """Text without tags, digits or spaces: footnote numbers and tooltips differ between pages."""
    return re.sub(r"\s+|\d+", "", html.unescape(re.sub(r"<[^>]+>", "", text)))


def test_print_page_gathers_every_chapter_and_chart(site):
    printed = squeeze(article_of(site / "print" / "index.html"))
    for page in CHAPTERS:
        # The story: not its notes, nor the box that leads teachers to the classroom page.
        body = article_of(built_page(site, page)).split('<div class="footnote">', 1)[0]
        body = re.sub(r'<aside class="in-class".*?</aside>', "", body, flags=re.S)
        chapter = [p for p in re.findall(r"<p>(.*?)</p>", body, flags=re.S) if len(p.split()) >= 12]
        assert chapter, page.src
        missing = [p[:60] for p in chapter if squeeze(p) not in printed]
        assert missing == [], f"{page.src}: paragraphs missing from /print/: {missing[:3]}"
    page_html = (site / "print" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'class="chart-card" id="([a-z0-9_]+)"', page_html)) == set(CHARTS)


def test_print_page_prints_the_glossary_instead_of_tooltips_and_has_no_side_menus(site):
    """A definition at every use of a term, and a contents list of every heading, were a fifth of its weight."""
    page_html = (site / "print" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in page_html
    assert "md-sidebar" not in page_html
    assert 'id="glossary"' in page_html


def test_sources_page_gives_each_address_once_and_links_the_data_sources_to_it(site):
    page_html = (site / "sources" / "index.html").read_text(encoding="utf-8")
    works = bibliography.load()
    repeated = [k for k, w in works.items() if w.url and page_html.count(f'href="{html.escape(w.url)}"') != 1]
    assert repeated == [], f"works whose address is not given exactly once: {repeated}"
    data = page_html.split('id="data-sources"', 1)[1]
    linked = set(re.findall(r'href="#src-([a-z0-9-]+)"', data))
    used = {s.id for name in charts.datasets.names() for s in charts.datasets.load(name).meta.sources}
    assert linked == used
    assert all(f'id="src-{key}"' in page_html for key in linked)


def test_print_page_is_left_out_of_search(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("print/")]


def test_published_urls_still_resolve(site):
    """Chapter URLs never change: a moved page must leave a redirect at its old address."""
    urls = [line for line in PUBLISHED.read_text().splitlines() if line and not line.startswith("#")]
    assert urls
    for url in urls:
        path = site / url / "index.html" if url.endswith("/") or not url else site / url
        assert path.exists(), f"{url} was published and no longer exists (add a redirect in mkdocs.yml)"


def frictionless_errors(package: pathlib.Path) -> list:
    import frictionless

    report = frictionless.validate(str(package))
    return report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])


def test_the_published_data_package_passes_the_frictionless_validator(site, tmp_path):
    assert frictionless_errors(site / "data" / "datapackage.json") == []
    # The same check on a copy with one value that breaks its column's declared type must fail.
    broken = tmp_path / "data"
    shutil.copytree(site / "data", broken)
    package = json.loads((broken / "datapackage.json").read_text(encoding="utf-8"))
    resource = package["resources"][0]
    field = next(f for f in resource["schema"]["fields"] if f["type"] in ("integer", "number"))
    csv_path = broken / resource["path"]
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([lines[0]]))
    row = next(csv.reader([lines[1]]))
    row[header.index(field["name"])] = "not a number"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    lines[1] = out.getvalue().rstrip("\n")
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert frictionless_errors(broken / "datapackage.json") != []
