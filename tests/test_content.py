"""Every page's Markdown and every YAML source: front matter, the chapter skeleton found by its ids, footnotes that
cite the bibliography, and words of our own. One test per rule, listing every page that breaks it."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import sys

import pytest
import yaml

import charts.datasets
from core import ROOT, bibliography
from explainer import key_facts, pages, skeleton, timeline

from sitebuild import CHAPTERS, PAGES, page_id

sys.path.insert(0, str(ROOT / "scripts"))
import article_shingles  # noqa: E402

FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:", re.M)
CITE = re.compile(r"<!-- md:cite ([a-z0-9-]+) -->")
# As ../shared/tools/overlap.py leaves them out: words inside double quotation marks are attributed quotations.
QUOTED = re.compile(r"[\"“][^\"”]{0,400}[\"”]")


def test_every_page_has_one_heading_a_description_and_a_date():
    wrong = []
    for page in PAGES:
        prose = re.sub(r"^#.*$", " ", re.sub(r"<!--.*?-->", " ", page.body, flags=re.S), flags=re.M)
        if len(re.findall(r"^# ", page.body, flags=re.M)) != 1:
            wrong.append(f"{page.src}: not exactly one H1")
        if not 40 <= len(page.description) <= 200:
            wrong.append(f"{page.src}: the description is not one informative sentence (40-200 characters)")
        if page.updated > dt.date.today():
            wrong.append(f"{page.src}: updated in the future")
        if len(re.findall(r"\w+", prose)) < 20:
            wrong.append(f"{page.src}: fewer than 20 words of its own")
    assert wrong == []


def test_every_chapter_has_the_reader_skeleton():
    """A chapter is the reader's page: the story, a Summary, then Sources and notes with the footnotes; the
    classroom parts (questions, activity, quiz) live on its classroom page."""
    wrong = []
    for page in CHAPTERS:
        ids = [h["id"] for h in skeleton.headings(page.body)]
        if ids != [skeleton.SECTIONS["summary"], skeleton.SECTIONS["sources"]]:
            wrong.append(f"{page.src}: sections {ids}, expected summary then sources-and-notes")
        if "<!-- footnotes -->" not in skeleton.section(page.body, "sources"):
            wrong.append(f"{page.src}: no <!-- footnotes --> marker under Sources and notes")
        if not skeleton.box(page.body, "summary") and not skeleton.section(page.body, "summary").strip():
            wrong.append(f"{page.src}: an empty summary")
    assert wrong == []


def test_every_footnote_is_defined_used_and_cited():
    wrong = []
    for page in PAGES:
        defined = FOOTNOTE_DEF.findall(page.body)
        used = set(FOOTNOTE_REF.findall(page.body))
        if page.chapter and not defined:
            wrong.append(f"{page.src}: a chapter without footnotes")
        if len(defined) != len(set(defined)):
            wrong.append(f"{page.src}: a footnote label defined twice")
        if set(defined) != used:
            wrong.append(
                f"{page.src}: defined but unused {set(defined) - used}, used but undefined {used - set(defined)}"
            )
        for definition in re.findall(r"^\[\^[^\]]+\]:.*$", page.body, flags=re.M):
            if not CITE.search(definition):
                wrong.append(f"{page.src}: footnote without a source: {definition[:80]}")
    assert wrong == []


def test_every_cited_work_exists_and_every_work_is_cited():
    works = bibliography.load()
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "includes").rglob("*.yml")]
    cited = {key for text in texts for key in CITE.findall(text)}
    cited |= {key for event in timeline.load(works, {p.src for p in PAGES}) for key in event.sources}
    # The datasets behind the charts and maps, and the home page's key facts, cite their sources too.
    cited |= {source.id for name in charts.datasets.names() for source in charts.datasets.load(name).meta.sources}
    cited |= {key for fact in key_facts.load(works).values() for key in fact.sources}
    cited |= {
        key for text in texts for key in re.findall(r"^\s*-?\s*(?:source|cite|sources?): *([a-z0-9-]+)\s*$", text, re.M)
    }
    assert cited - set(works) == set(), "cited but not in includes/bibliography/"
    # The article's own bibliography (includes/bibliography/article.yml) is listed on the Sources page as it stands.
    uncited = {key for key, work in works.items() if not work.file.endswith("article.yml")} - cited
    assert uncited == set(), "in the bibliography but cited nowhere"


def _strings(data) -> list[str]:
    """The texts of a YAML source, leaving out excerpts marked `quote: true` (shown as attributed quotations)."""
    if isinstance(data, dict):
        return [] if data.get("quote") is True else [t for v in data.values() for t in _strings(v)]
    if isinstance(data, list):
        return [t for v in data for t in _strings(v)]
    return [data] if isinstance(data, str) else []


def _our_texts() -> dict[str, str]:
    """Every page and YAML source in English, except the sources page and the bibliography (titles)."""
    found = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if "sources" not in path.parts:
            found[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "includes").rglob("*.yml")):
        if "bibliography" not in path.parts:
            found[path.relative_to(ROOT).as_posix()] = "\n".join(_strings(yaml.safe_load(path.read_text("utf-8"))))
    return found


def test_no_ten_word_run_is_copied_from_the_article():
    """Compared with hashed 10-word runs of the article (tests/data/), so a clone without it tests the same."""
    shingle_file = pathlib.Path(__file__).parent / "data" / "article-shingles.txt"
    article = {line for line in shingle_file.read_text().splitlines() if line and not line.startswith("#")}
    assert len(article) > 1000, "the list of the article's runs is missing or truncated"
    n = article_shingles.RUN
    copied = []
    for file, text in _our_texts().items():
        for number, line in enumerate(text.splitlines(), 1):
            tokens = article_shingles.words(QUOTED.sub(" ", line))
            hits = [i for i in range(len(tokens) - n + 1) if article_shingles.digest(tokens[i : i + n]) in article]
            if hits:
                copied.append(f"{file}:{number}: {' '.join(tokens[hits[0] : hits[0] + n])}")
    assert copied == [], "runs of 10+ words copied from the article outside quotation marks"


def test_chapter_numbers_follow_the_nav():
    assert [page.chapter for page in CHAPTERS] == list(range(1, len(CHAPTERS) + 1))
    assert len(CHAPTERS) >= 7, "the six sections of the article and Since 2022"
    assert [p.meta.epilogue for p in CHAPTERS].count(True) == 1 and CHAPTERS[-1].meta.epilogue


@pytest.mark.parametrize("words", [400, 1000])
def test_reading_time_counts_prose_only(words):
    prose = " ".join(["word"] * words)
    noise = "\n\n<!-- md:chart trade_turnover -->\n[^a]: " + "x " * 500
    assert pages.reading_minutes(prose) == pages.reading_minutes(prose + noise) == round(words / 200)


def test_timeline_runs_from_independence_to_2026_with_sources():
    events = timeline.load(bibliography.load(), {p.src for p in PAGES})
    assert events[0].year <= 1991 and events[-1].year == 2026
    assert all(event.sources for event in events)
    assert set(range(2019, 2027)) <= {event.year for event in events}, "every year since 2019 has an event"


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_chapter_opens_with_its_subject_not_the_article(page):
    """The lead, right under the title, is about Kazakhstan; the article is introduced where it matters."""
    lead = next(p for p in re.split(r"\n\s*\n", page.body.split("\n# ", 1)[-1].split("\n", 1)[1]) if p.strip())
    assert not re.match(r"\s*(The|This) (article|second|third|fourth|fifth|sixth) ", lead), lead[:80]
