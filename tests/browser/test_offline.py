"""The offline copy: a ZIP that works from a USB stick (file://), with pages, search and charts."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile

import pytest

from sitebuild import EDITIONS, ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def unzipped(offline, once):
    """The three editions' offline copy, zipped twice (the same bytes each time) and unzipped."""
    return once("usb", lambda work: pack(offline / "site", work)) / "usb" / "kz-explainer"


def pack(site, work):
    work.mkdir()
    archive = work / "kz-explainer-offline.zip"
    again = work / "again.zip"
    for target in (archive, again):
        packed = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "offline.py"), str(site), str(target)],
            capture_output=True,
            text=True,
        )
        assert packed.returncode == 0, packed.stderr
    assert hashlib.sha256(archive.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(work / "usb")


def open_file(browser, path):
    context = browser.new_context()
    page = context.new_page()
    seen = {"requests": [], "errors": []}
    page.on(
        "request",
        lambda r: seen["requests"].append(r.url) if not r.url.startswith(("file://", "data:", "blob:")) else None,
    )
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(path.as_uri(), wait_until="load")
    return page, seen


def test_offline_copy_opens_from_file_and_links_between_pages(browser, unzipped):
    assert not (unzipped / "introduction" / "index.html").read_text(encoding="utf-8").count("unpkg.com")
    page, seen = open_file(browser, unzipped / "index.html")
    page.locator('.md-nav a[href$="introduction/index.html"]').first.click()
    page.wait_for_url("**/introduction/index.html")
    assert page.locator("h1").first.inner_text().strip()
    assert seen == {"requests": [], "errors": []}


def test_offline_search_finds_a_term(browser, unzipped):
    page, seen = open_file(browser, unzipped / "index.html")
    # Typed key by key, as a reader types: Material reads the box on keyup (and when its index is ready).
    # fill() sends no keyup, so under load the query was lost whenever the index became ready between
    # fill()'s focus and its text (the offline search's flake in the full suite).
    page.locator("input.md-search__input").press_sequentially("SORM")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert seen == {"requests": [], "errors": []}


def test_offline_charts_show(browser, unzipped):
    chapter = next(
        p for p in sorted(unzipped.glob("*/index.html")) if 'class="chart-card"' in p.read_text(encoding="utf-8")
    )
    page, seen = open_file(browser, chapter)
    count = page.locator(".chart-card").count()
    # Every chart is a picture, loaded and shown with no scrolling and no script of its own.
    page.wait_for_function(
        """n => n > 0 && [...document.querySelectorAll('.chart-card__picture img')]
        .filter(i => i.complete && i.naturalWidth > 0 && i.offsetParent !== null).length === n""",
        arg=count,
        timeout=20000,
    )
    assert seen == {"requests": [], "errors": []}


def test_offline_copy_has_the_worksheets_and_slides_and_a_working_quiz(browser, unzipped):
    files = sorted(p.name for p in (unzipped / "classroom").iterdir())
    assert any(name.endswith(".docx") for name in files) and any(name.endswith(".pptx") for name in files)
    assert any(name.endswith("-worksheet.pdf") for name in files)
    page, seen = open_file(browser, unzipped / "since-2022" / "classroom" / "index.html")
    page.locator("#quiz-since-2022-1 input").first.check()
    assert page.locator("#quiz-since-2022-1 [role=status]").inner_text().strip()
    # The teacher's version is one link away, as files beside it.
    href = page.locator('a[href*="teacher/"]').first.get_attribute("href")
    assert (unzipped / "since-2022" / "classroom" / href).resolve().is_file(), href
    assert seen == {"requests": [], "errors": []}


@pytest.mark.parametrize("code", EDITIONS)
def test_offline_copy_holds_each_edition_and_the_switch_keeps_the_page(browser, unzipped, code):
    page, seen = open_file(browser, unzipped / code / "since-2022" / "index.html")
    assert page.get_attribute("html", "lang") == code
    english = page.locator('a.md-select__link[hreflang="en"]').get_attribute("href")
    assert english.endswith("since-2022/index.html"), english
    page.locator('a.md-select__link[hreflang="en"]').evaluate("a => a.click()")
    page.wait_for_url("**/kz-explainer/since-2022/index.html")
    assert page.get_attribute("html", "lang") == "en"
    assert seen["requests"] == [] and seen["errors"] == []
