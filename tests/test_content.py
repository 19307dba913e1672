"""Every page's Markdown: front matter, the chapter skeleton, footnotes and words of our own."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

import charts.datasets
from explainer import bibliography, content, key_facts, timeline

from sitebuild import ARTICLE, CHAPTERS, PAGES, ROOT, page_id

SKELETON = ["What you will learn", "Summary", "Questions for discussion", "Activity", "Sources and notes"]
FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:", re.M)
CITE = re.compile(r"<!-- md:cite ([a-z0-9-]+) -->")


def headings(body: str, level: int) -> list[str]:
    return re.findall(rf"^{'#' * level} (.+?)\s*$", body, flags=re.M)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_has_one_heading_a_description_and_a_date(page):
    assert len(headings(page.body, 1)) == 1, "a page has exactly one H1"
    assert 40 <= len(page.description) <= 200, "the description is one informative sentence"
    assert page.updated <= dt.date.today()
    prose = re.sub(r"^#.*$", " ", re.sub(r"<!--.*?-->", " ", page.body, flags=re.S), flags=re.M)
    assert len(re.findall(r"\w+", prose)) >= 20, "every page opens with at least a sentence of its own"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_chapter_follows_the_skeleton(page):
    found = [h for h in headings(page.body, 2) if h in SKELETON]
    assert found == SKELETON[1:], f"chapter sections must be, in order: {SKELETON[1:]}"
    assert headings(page.body, 2)[-1] == "Sources and notes", "Sources and notes closes the chapter"
    assert re.search(r'^!!! abstract "What you will learn"', page.body, re.M)
    # The story comes first: two or three sentences right under the title, before the teacher kit.
    opening = re.search(
        r'\A\s*# .+\n\n!!! tldr "In 30 seconds"\n\n((?:    .+\n)+)\n!!! abstract "What you will learn"', page.body
    )
    assert opening, 'the chapter opens with `!!! tldr "In 30 seconds"` right under its title, then the objectives'
    sentences = re.findall(r"[.!?](?:\s|$)", " ".join(opening[1].split()))
    assert 2 <= len(sentences) <= 3, f"'In 30 seconds' has two or three sentences, found {len(sentences)}"
    objectives = re.search(r'!!! abstract "What you will learn"\n\n((?:    - .+\n)+)', page.body)
    assert objectives and 2 <= objectives[1].count("    - ") <= 4, "2 to 4 learning objectives"
    assert re.search(r"^!!! summary", page.body, re.M), "the summary is a box"
    assert re.search(r'^\?\?\? info(?: [\w-]+)* "For teachers"', page.body, re.M), (
        "teacher guidance sits in a collapsed block"
    )
    assert "<!-- footnotes -->" in page.body.split("## Sources and notes", 1)[1]


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_chapter_has_three_to_five_questions_and_an_activity(page):
    section = page.body.split("## Questions for discussion", 1)[1].split("\n## ", 1)[0]
    questions = re.findall(r"^\d+\. .+", section, flags=re.M)
    assert 3 <= len(questions) <= 5
    activity = page.body.split("## Activity", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"\w+", activity)) >= 60, "the activity has real instructions"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_every_footnote_is_defined_used_and_cited(page):
    defined = FOOTNOTE_DEF.findall(page.body)
    used = set(FOOTNOTE_REF.findall(page.body))
    assert defined, "a chapter cites its sources in footnotes"
    assert len(defined) == len(set(defined)), "a footnote label is defined twice"
    assert set(defined) == used, f"defined but unused: {set(defined) - used}; used but undefined: {used - set(defined)}"
    for definition in re.findall(r"^\[\^[^\]]+\]:.*$", page.body, flags=re.M):
        assert CITE.search(definition), f"footnote without a source: {definition[:80]}"


def test_every_cited_work_exists_and_every_work_is_cited():
    works = bibliography.load()
    cited = {key for path in (ROOT / "docs").rglob("*.md") for key in CITE.findall(path.read_text(encoding="utf-8"))}
    cited |= {key for event in timeline.load(works, {p.src for p in PAGES}) for key in event.sources}
    # The datasets behind the charts and maps, and the home page's key facts, cite their sources too.
    cited |= {source["id"] for name in charts.datasets.names() for source in charts.datasets.load(name).meta["sources"]}
    cited |= {key for fact in key_facts.load(works=works).values() for key in fact.sources}
    assert cited - set(works) == set(), "cited but not in includes/bibliography/"
    uncited = {key for key, work in works.items() if work.kind != "article"} - cited
    assert uncited == set(), "in the bibliography but cited nowhere"


def test_no_ten_word_run_is_copied_from_the_article():
    assert ARTICLE.exists(), f"the source article is missing: {ARTICLE} (it sits beside the checkout, in ../shared)"
    done = subprocess.run(
        [
            sys.executable,
            str(ARTICLE.parent.parent / "tools" / "overlap.py"),
            "docs",
            "--ignore",
            "*sources*",
            "--source",
            str(ARTICLE),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


def test_chapter_numbers_follow_the_nav():
    assert [page.chapter for page in CHAPTERS] == list(range(1, len(CHAPTERS) + 1))
    assert len(CHAPTERS) >= 7, "the six sections of the article and Since 2022"


def test_reading_time_counts_prose_only():
    words = " ".join(["word"] * 400)
    assert content.reading_minutes(words) == 2
    assert content.reading_minutes(words + "\n\n<!-- md:chart trade_turnover -->\n[^a]: " + "x " * 500) == 2


def test_timeline_runs_from_independence_to_2026_with_sources():
    events = timeline.load(bibliography.load(), {p.src for p in PAGES})
    assert events[0].year <= 1991 and events[-1].year == 2026
    assert all(event.sources for event in events)
    years = {event.year for event in events}
    assert set(range(2019, 2027)) <= years, "every year since the handover of 2019 has at least one event"
