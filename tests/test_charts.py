"""Every dataset and every chart: complete metadata, traceable numbers and a complete figure card."""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re

import pytest

from charts import card, datasets, theme
from charts.registry import CHARTS
from explainer import chart_card

DATASETS = datasets.names()
# plotly.js's basic bundle, which the site serves, draws only these trace types.
BASIC_TRACES = {"bar", "scatter", "pie"}
# The geo bundle, which pages with a map load on request, adds these.
GEO_TRACES = {"scattergeo", "choropleth"}


@pytest.fixture(scope="module", params=sorted(CHARTS))
def chart(request) -> card.Chart:
    return card.build(request.param)


def test_every_dataset_feeds_a_chart():
    used = {card.build(chart_id).table.dataset.name for chart_id in CHARTS}
    assert used == set(DATASETS)


def test_every_chart_has_a_view_and_every_view_a_chart():
    views = {v.name for v in datasets.package().views}
    assert views == set(CHARTS)


def test_chart_draws_only_traces_its_plotly_bundle_has(chart):
    kinds = {trace.get("type", "scatter") for trace in chart.figure["data"]}
    allowed = BASIC_TRACES | (GEO_TRACES if chart.plotly_asset == card.PLOTLY_GEO_ASSET else set())
    assert kinds <= allowed, f"{chart.id} needs traces outside its plotly.js bundle: {kinds - allowed}"


def _plotted_numbers(figure: dict) -> list[float]:
    numbers = []
    for trace in figure["data"]:
        for axis in ("x", "y", "values"):
            numbers += [v for v in trace.get(axis) or [] if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return numbers


def test_every_plotted_number_is_a_value_in_the_data(chart):
    """Each number drawn is in the chart's table, whose rows are rows of a sourced dataset."""
    in_table = {v for row in chart.table.rows for v in row.values() if isinstance(v, (int, float))}
    strays = [n for n in _plotted_numbers(chart.figure) if n not in in_table]
    assert not strays, f"{chart.id} plots numbers that are not in its data: {strays}"


def test_numbers_in_the_alt_text_are_in_the_data(chart):
    """The alt text quotes the data; a number the data lacks is a typo or a stale claim."""
    numbers, dates = [], []
    for row in chart.table.rows:
        for value in row.values():
            if hasattr(value, "year"):
                dates += [value.year, value.day]
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                numbers.append(value)
    # The bounds of a scale ("out of 100") come from the schema.
    numbers += [
        b
        for f in chart.table.dataset.fields
        for k, b in f.spec.constraints.model_dump().items()
        if k in ("minimum", "maximum") and b is not None
    ]
    # So do the numbers in a column's name or unit ("cameras per 100 people").
    numbers += [float(n) for f in chart.table.dataset.fields for n in re.findall(r"\d+", f"{f.name} {f.spec.unit}")]
    scale = {"": 1, "million": 1e6, "billion": 1e9}
    for found, word in re.findall(r"(\d[\d,]*(?:\.\d+)?)(?: (million|billion)\b)?", chart_card.words(chart).alt):
        value = float(found.replace(",", "")) * scale[word]
        # As written in the data, rounded to one decimal, or rounded to a whole number ("about $8 bn").
        ok = value in dates or any(abs(value - n) <= 0.051 * scale[word] or value == round(n) for n in numbers)
        assert ok, f"{chart.id}: the alt text says {found}, which is not in the data"


class _Card(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.classes, self.rows, self.links, self._cell, self._row = [], [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.classes += (attrs.get("class") or "").split()
        if tag == "a":
            self.links.append(attrs)
        if tag == "tr":
            self._row = []
        if tag in ("td", "th"):
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._row.append(self._cell)
            self._cell = None
        if tag == "tr":
            self.rows.append(self._row)


def test_card_has_every_element(chart):
    html_text = chart_card.render(chart, root="../")
    parsed = _Card()
    parsed.feed(html_text)
    for part in (
        "chart-card__title",
        "chart-card__subtitle",
        "chart-card__plot",
        "chart-card__picture--light",
        "chart-card__picture--dark",
        "chart-card__explore",
        "chart-card__summary",
        "chart-card__foot",
        "chart-card__meta",
    ):
        assert part in parsed.classes, f"{chart.id}: no {part}"
    assert f'id="{chart.id}"' in html_text and f'href="#{chart.id}"' in html_text, "permalink anchor"
    assert 'role="img"' in html_text and 'aria-label="' in html_text, "accessible name on the chart"
    assert "Last updated" in html_text and "Data licence" in html_text
    downloads = [a["href"] for a in parsed.links if "download" in a]
    assert downloads == [
        "../" + card.asset(chart.id, "export.png"),
        "../" + card.asset(chart.id, "export.svg"),
        "../" + card.csv_asset(chart.id),
    ], "PNG, SVG and CSV downloads"
    sources = [a["href"] for a in parsed.links if a["href"].startswith("http") and "creativecommons" not in a["href"]]
    assert sources, "the source line links its sources"


def test_card_has_no_inline_script_and_shows_pictures_without_one(chart):
    """Instant navigation re-runs inline scripts as JavaScript; the card has none, and its pictures need none."""
    html_text = chart_card.render(chart, root="../")
    assert "<script" not in html_text
    for scheme in ("light", "dark"):
        assert f'srcset="../assets/charts/{chart.id}.{scheme}.narrow.svg"' in html_text
        assert f'<img src="../assets/charts/{chart.id}.{scheme}.wide.svg"' in html_text
    assert f'data-spec="../assets/charts/{chart.id}.json"' in html_text


def test_only_the_dark_picture_waits(chart):
    """Paper prints the light picture, so it loads at once; the dark one is lazy (site.js fetches it on a dark page)."""
    images = re.findall(r"<img [^>]*>", chart_card.render(chart, root="../"))
    assert len(images) == 2, images
    light, dark = sorted(images, key=lambda i: ".dark." in i)
    assert "loading=" not in light and 'loading="lazy"' in dark, images


def test_chart_module_lays_itself_out_for_a_phone(chart):
    """The narrow layout is the module's own (labels, ticks, legend), not the wide one scaled down."""
    assert chart.narrow != chart.figure, f"{chart.id}: figure(table, narrow=True) is the wide layout"
    assert chart.narrow["data"] and len(chart.narrow["data"]) == len(chart.figure["data"])


def test_csv_download_is_exactly_the_table(chart):
    parsed = _Card()
    parsed.feed(chart_card.render(chart, root=""))

    # The table shows numbers with the language's separators (7,939); the CSV keeps them plain (7939).
    # The page sets typographic apostrophes in the table's text; the CSV keeps the data's own characters.
    def plain(cell: str) -> str:
        cell = cell.replace("’", "'")
        return cell.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", cell) else cell

    written = [[c.replace("’", "'") for c in row] for row in csv.reader(io.StringIO(chart.table.csv()))]
    assert written == [[plain(c) for c in row] for row in parsed.rows]


def test_spec_is_safe_and_has_fixed_ids(chart):
    # Byte-identical output across builds is checked where it matters: two real builds (test_build.py).
    spec = json.loads(chart.spec_json())
    assert spec["config"]["showSendToCloud"] is False and spec["config"]["displayModeBar"] is False
    for layout in ("wide", "narrow"):
        assert not spec[layout]["layout"].get("template"), "no Plotly template: the theme is the whole look"
        assert all(trace.get("uid") for trace in spec[layout]["data"]), "fixed trace ids, never random ones"


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name", theme.SERIES + ("ink", "muted"))
def test_theme_colours_keep_3_to_1_contrast_on_light_and_dark_pages(name):
    light, dark = theme.COLOURS[name]
    assert _contrast(light, "#FFFFFF") >= 3, f"{name} on white"
    # Material's slate background: hsl(232, 15%, 14%).
    assert _contrast(dark, "#1E2029") >= 3, f"{name} on slate"
