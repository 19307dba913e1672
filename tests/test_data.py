"""The data's provenance: steps rebuild their datasets, sources live once, and computed figures come from code."""

from __future__ import annotations

import json
import pathlib
import re

import pytest
import yaml

from charts import datasets, derived, steps
from core import bibliography
from explainer import wording

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = datasets.DATA_DIR
RAW = DATA / "raw"
PACKAGE = yaml.safe_load((DATA / datasets.PACKAGE).read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
VIEWS = {v["name"]: v for v in PACKAGE.get("views", [])}
VIEW_TEXTS = ("title", "subtitle", "alt", "summary")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
CHAPTERS = sorted((ROOT / "docs").glob("*/index.md"))
AMOUNT = r"\$?\d[\d.,]*\s*(?:bn|%)?"
RANGES = (
    rf"\bbetween {AMOUNT} and \$?\d",
    rf"\({AMOUNT} to \$?\d",
    rf"\brange from (?:about )?{AMOUNT} to \$?\d",
    r"\d\s*[–-]\s*\d+\s*%",
)


def _normal(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/").lower()


@pytest.mark.parametrize("name", sorted(steps.STEPS))
def test_step_rebuilds_the_published_dataset_byte_for_byte(name):
    built = steps.STEPS[name].build(DATA).encode("utf-8")
    published = (DATA / name).read_bytes()
    assert built == published, f"charts/data/{name} differs from what its step builds: run `python -m charts.steps`"


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("*.csv")))
def test_every_raw_input_has_its_provenance(name):
    provenance = yaml.safe_load((RAW / "sources.yaml").read_text(encoding="utf-8"))
    entry = provenance.get(name)
    assert entry, f"raw/{name} is not described in raw/sources.yaml"
    assert entry.get("retrieved") and entry.get("note"), f"raw/{name}: give the retrieval date and what the file holds"
    # Where it was read from: a URL, its work's key, or (typed by hand) the rows' own bibliography keys.
    sourced = entry.get("url") or entry.get("work") or "source column" in " ".join(entry["note"].split())
    assert sourced, f"raw/{name}: give the URL the file was read from, or its work's key"
    if entry.get("work"):
        assert entry["work"] in bibliography.load(), f"raw/{name}: work {entry['work']!r} is not a bibliography key"


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_dataset_sources_are_bibliography_keys(name):
    works = bibliography.load()
    listed = [s["id"] for s in RESOURCES[name]["sources"]]
    assert listed and all(key in works for key in listed), f"{name}: {[k for k in listed if k not in works]}"
    for number, row in enumerate(datasets.load(name).rows, 1):
        cited = datasets.source_ids(row["source"])
        assert cited and set(cited) <= set(listed), f"{name} row {number} cites {cited}"


def test_no_url_or_title_is_kept_in_two_places():
    # The data package names works only by key: titles, publishers, dates and URLs live in the bibliography.
    for resource in PACKAGE["resources"]:
        for source in resource.get("sources", []):
            assert set(source) <= set(datasets.SourceRef.model_fields), (
                f"{resource['name']}: {source['id']} keeps {set(source) - set(datasets.SourceRef.model_fields)}"
            )
    works = bibliography.load().values()
    urls = [_normal(w.url) for w in works if w.url]
    titles = [w.title.strip().lower() for w in works]
    assert len(urls) == len(set(urls)), sorted({u for u in urls if urls.count(u) > 1})
    assert len(titles) == len(set(titles)), sorted({t for t in titles if titles.count(t) > 1})
    provenance = yaml.safe_load((RAW / "sources.yaml").read_text(encoding="utf-8"))
    raw_urls = {_normal(e["url"]) for e in provenance.values() if e.get("url")}
    assert not raw_urls & set(urls), "a raw file's URL repeats a bibliography entry: name the work by key instead"


def test_published_package_fills_in_every_source_and_figure():
    package = datasets.published()
    for resource in package["resources"]:
        for source in resource["sources"]:
            assert all(source.get(k) for k in ("title", "publisher", "date", "path", "accessed")), source
    texts = [wording.fill(t, "test") for t in re.findall(r'"([^"]*\{derived\.[^"]*)"', json.dumps(package))]
    assert texts and all("{derived." not in t for t in texts), "every placeholder is written out by the page layer"


def _data_numbers(names: list[str]) -> tuple[list[float], set[int]]:
    numbers, years = [], set()
    for name in names:
        dataset = datasets.load(name)
        for row in dataset.rows:
            for value in row.values():
                if hasattr(value, "year"):
                    years.add(value.year)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    numbers.append(value)
        numbers += [
            b
            for f in dataset.fields
            for k, b in f.spec.constraints.model_dump().items()
            if k in ("minimum", "maximum") and b is not None
        ]
    return numbers, years


def _untraced(text: str, numbers: list[float], years: set[int]) -> list[str]:
    """Numbers in `text` that are neither a value of the data (as written or rounded), a year nor a day of a month."""
    strays = []
    for match in NUMBER.finditer(text):
        found = match.group()
        after = text[match.end() : match.end() + 12].strip()
        value = float(found.replace(",", "")) * (1e6 if after.startswith("million") else 1)
        if re.fullmatch(r"(19|20)\d\d", found) or value in years:
            continue
        if value <= 31 and any(after.startswith(m) for m in MONTHS):
            continue
        if any(abs(value - n) <= 0.051 or value == round(n) for n in numbers):
            continue
        strays.append(found)
    return strays


def _view_texts(view: dict) -> list[str]:
    """What a view says about its chart (its notes may give context the chart does not plot)."""
    return [view[k] for k in VIEW_TEXTS if isinstance(view.get(k), str)]


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_a_computed_figure_in_a_view_comes_from_charts_derived(name):
    """As typed, a view may quote only values of its data; anything computed comes in through a placeholder."""
    view = VIEWS[name]
    # A view may also quote a row of another dataset (a map summary citing the death toll, say).
    numbers, years = _data_numbers(view["resources"] + sorted(RESOURCES))
    for text in _view_texts(view):
        typed = datasets.PLACEHOLDER.sub(" ", text)
        assert not _untraced(typed, numbers, years), (
            f"{name}: {_untraced(typed, numbers, years)} in {text!r} is neither data nor a {{derived.*}} placeholder"
        )
        # A span of the data (its lowest and highest value) is computed, even when both ends are data values.
        spans = re.sub(r"\b(?:19|20)\d\d\b", "YEAR", typed)  # "2020 to 2025" names years, not a computed span
        for pattern in RANGES:
            assert not re.search(pattern, spans), (
                f"{name}: a hand-typed range in {text!r}; use {{derived.*}} placeholders"
            )
        for key in datasets.PLACEHOLDER.findall(text):
            assert key in derived.figures(), f"{name}: unknown derived figure {key!r}"


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_no_hand_typed_range_in_a_dataset_text(name):
    """Ranges ("30–45%", "from 22 to 23") are computed: a dataset's notes and description quote them as placeholders."""
    resource = RESOURCES[name]
    texts = [resource.get("description") or ""] + list(resource.get("notes") or [])
    for text in texts:
        typed = datasets.PLACEHOLDER.sub(" ", text)
        assert not re.search(r"\d\s*[–-]\s*\d+\s*%", typed), f"{name}: a hand-typed range in {text!r}"
        assert not re.search(r"within (about )?\d", typed), (
            f"{name}: an agreement claim needs a computed figure: {text!r}"
        )


def test_derived_figures_follow_the_data(tmp_path):
    """Change an input and the figure changes: the texts cannot keep a stale number."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    path = copy / "freedom_house.csv"
    high = derived.figures()["fotn_score_high"].value
    rows = path.read_text().splitlines()
    # The latest Freedom on the Net row, raised by one point: the highest score follows.
    last = max(i for i, row in enumerate(rows) if row.startswith("fotn,"))
    fields = rows[last].split(",")
    fields[2] = str(max(high, int(fields[2])) + 1)
    rows[last] = ",".join(fields)
    path.write_text("\n".join(rows) + "\n")
    assert derived.figures(copy)["fotn_score_high"].value == high + 1


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.parent.name)
def test_chapters_quote_computed_ranges_through_markers(chapter):
    text = chapter.read_text(encoding="utf-8")
    figures = wording.values()
    for key in re.findall(r"<!-- md:value ([\w-]+) -->", text):
        assert key in figures, f"{chapter.parent.name}: unknown derived figure {key!r}"
    typed = re.sub(r"<!--.*?-->", " ", text)
    for key, value in figures.items():
        if "–" in value or "(" in value:
            assert value not in typed, f"{chapter.parent.name}: writes {value!r} by hand; use <!-- md:value {key} -->"
