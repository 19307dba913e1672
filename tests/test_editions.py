"""The Russian and Italian editions as built (issue 22): every page in every edition, each page's language and its
counterparts, search in the edition's language, and no English sentence left in a page, picture, worksheet or deck."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile

import pytest
import yaml

from core import ROOT, bibliography

from sitebuild import EDITIONS

# English words that a Russian or Italian sentence does not use; six words in a row, four of them from this list,
# is an English sentence left untranslated.
FUNCTION_WORDS = """
the of and to in is are was were be been has have had that this these those which who with for from by on at as it
its their they there not but or an would will can could should what when where how than into about
"""
ENGLISH = frozenset(FUNCTION_WORDS.split())
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[^\W\d_]+")


def _strings(data) -> list[str]:
    if isinstance(data, dict):
        return [t for v in data.values() for t in _strings(v)]
    if isinstance(data, list):
        return [t for v in data for t in _strings(v)]
    return [data] if isinstance(data, str) else []


def _names() -> list[str]:
    """What keeps its own language in every edition: the titles and publishers of sources, and the short names a
    translation keeps as the English writes them (a report's name, "Freedom on the Net"). Longest first."""
    works = bibliography.load().values()
    found = {t for w in works for t in (w.title, w.publisher)}
    english = {t for p in (ROOT / "includes").rglob("*.y*ml") for t in _strings(yaml.safe_load(p.read_text("utf-8")))}
    english |= set(_strings(yaml.safe_load((ROOT / "charts" / "data" / "datapackage.yaml").read_text("utf-8"))))
    for path in (ROOT / "translations").rglob("*.y*ml"):
        found |= {t for t in _strings(yaml.safe_load(path.read_text("utf-8"))) if t in english and len(t.split()) <= 5}
    # A name has a capital letter ("Freedom House"); a kept common word ("government") is not one.
    return sorted((n for n in found if len(n) >= 3 and any(c.isupper() for c in n)), key=len, reverse=True)


NAMES = _names()


def english_runs(text: str) -> list[str]:
    """Runs of six words of which four or more are English function words (names of sources and addresses left
    out: an address's words are the publisher's)."""
    text = re.sub(r"(?:https?://|\b[\w-]+(?:\.[\w-]+)+/)\S*", " ", text)
    for name in NAMES:
        text = text.replace(name, " ")
    words = WORD.findall(text)
    found = []
    for i in range(len(words) - 5):
        window = words[i : i + 6]
        if sum(w.lower() in ENGLISH for w in window) >= 4:
            found.append(" ".join(window))
    return found


def test_the_english_check_finds_an_english_sentence_and_passes_russian_and_italian():
    assert english_runs("As the government said, the law is in force and the courts apply it.")
    assert not english_runs("Правительство заявило, что закон вступил в силу и суды его применяют.")
    assert not english_runs("Il governo ha detto che la legge è in vigore e che i tribunali la applicano.")


def pages_of(site, code: str) -> list[str]:
    root = site / code if code != "en" else site
    skip = {c for c in EDITIONS}
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if code != "en" or p.relative_to(root).parts[0] not in skip
    )


@pytest.mark.parametrize("code", EDITIONS)
def test_every_page_exists_in_every_edition(site, code):
    assert pages_of(site, code) == pages_of(site, "en")


def _article(page_html: str) -> str:
    """The words of a page's own content, without the titles of sources (which keep their language)."""
    main = page_html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    # What stays in its own language: the titles and publishers of sources (in footnotes, the sources page and the
    # cards' source lines), quotations set in quotation marks, and code.
    main = re.sub(r"<(cite|code|q|pre)\b.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r'<li id="src-.*?</li>|<div class="footnote">.*?</div>', " ", main, flags=re.S)
    main = re.sub(r'<a [^>]*href="(?:https?://|[^"]*#src-)[^"]*"[^>]*>.*?</a>', " ", main, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", main))
    return re.sub(r"[«“\"„][^»”\"“]{0,400}[»”\"“]", " ", text)


@pytest.mark.parametrize("code", EDITIONS)
def test_each_page_says_its_language_and_links_the_same_page_in_the_others(site, code):
    root = site / code
    for rel in pages_of(site, code):
        if rel == "404.html":
            continue
        page_html = (root / rel).read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{code}"', page_html), rel
        # The language switch: an hreflang link to the same page in each edition.
        links = dict(
            re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link"', page_html)
        )
        targets = {lang: (root / rel).parent / href for href, lang in links.items()}
        assert set(targets) == ({"en", *EDITIONS} if links or not rel.startswith("print/") else set()), rel
        for lang, target in targets.items():
            path = target if target.suffix == ".html" else target / "index.html"
            expected = (site if lang == "en" else site / lang) / rel
            assert path.resolve() == expected.resolve(), f"{code}/{rel}: the {lang} link leads to {path}"
        # The head's alternates name each edition's home (Material's script fetches their sitemaps).
        homes = set(re.findall(r'<link rel="alternate" href="[^"]*" hreflang="([a-z]+)">', page_html))
        assert homes == {"en", *EDITIONS}, rel


@pytest.mark.parametrize("code", EDITIONS)
def test_no_english_sentence_is_left_in_a_page(site, code):
    found = []
    for rel in pages_of(site, code):
        if rel == "404.html" or rel.startswith("sources/"):
            continue
        page_html = (site / code / rel).read_text(encoding="utf-8")
        found += [f"{rel}: {run}" for run in english_runs(_article(page_html))[:1]]
    assert found == []


@pytest.mark.parametrize("code", EDITIONS)
def test_no_english_sentence_is_left_in_a_chart_picture(site, code):
    found = []
    for svg in sorted((site / code / "assets" / "charts").glob("*.svg")):
        text = " ".join(html.unescape(t) for t in re.findall(r">([^<>]+)</(?:text|tspan)>", svg.read_text("utf-8")))
        found += [f"{svg.name}: {run}" for run in english_runs(text)[:1]]
    assert found == []


OFFICE_TEXT = re.compile(r"<a:t>([^<]*)</a:t>|<w:t(?: [^>]*)?>([^<]*)</w:t>")
OFFICE_PARTS = re.compile(r"(word/document|ppt/slides/slide\d+|ppt/notesSlides/notesSlide\d+)\.xml")


def _office_text(data: bytes) -> str:
    """The words of a DOCX's body or a PPTX's slides and speaker notes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = " ".join(archive.read(n).decode() for n in archive.namelist() if OFFICE_PARTS.fullmatch(n))
    return " ".join(a or b for a, b in OFFICE_TEXT.findall(xml))


@pytest.mark.parametrize("code", EDITIONS)
def test_no_english_sentence_is_left_in_a_worksheet_or_deck(site, code):
    files = sorted([*(site / code / "classroom").glob("*.docx"), *(site / code / "classroom").glob("*.pptx")])
    assert files, "the edition has its classroom files"
    found = []
    for path in files:
        text = re.sub(r"[«“\"„][^»”\"“]{0,400}[»”\"“]", " ", html.unescape(_office_text(path.read_bytes())))
        found += [f"{path.name}: {run}" for run in english_runs(text)[:1]]
    assert found == []


@pytest.mark.parametrize("code", EDITIONS)
def test_search_works_in_the_editions_language(site, code):
    index = json.loads((site / code / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [code]
    assert len(index["docs"]) > 50
