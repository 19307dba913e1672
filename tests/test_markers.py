"""Page markers: known ones expand, and an unknown or malformed one stops the build naming page and marker."""

from __future__ import annotations

import pytest

from core.errors import BuildError
from explainer import markers, pages
from explainer.site import Site

HANDLERS = {"chart": (True, lambda arg: f"[chart {arg}]"), "glossary": (False, lambda arg: "[glossary]")}


def test_markers_expand_in_place():
    text = "a\n<!-- md:chart trade_turnover -->\nb <!-- md:glossary --> c"
    out, found = markers.expand(text, "p.md", HANDLERS)
    assert out == "a\n[chart trade_turnover]\nb [glossary] c"
    assert found == [("chart", "trade_turnover"), ("glossary", None)]


def test_ordinary_comments_are_left_alone():
    text = "<!-- a note for editors --> <!-- footnotes -->"
    assert markers.expand(text, "p.md", HANDLERS) == (text, [])


@pytest.mark.parametrize(
    "bad, complaint",
    [
        ("<!-- md:chrt trade_turnover -->", "unknown marker"),
        ("<!--md:chart trade_turnover-->", "malformed marker"),
        ("<!-- md:chart Trade Turnover -->", "malformed marker"),
        ("<!-- md:chart trade_turnover", "malformed marker"),
        ("<!-- md:chart -->", "takes one argument"),
        ("<!-- md:glossary all -->", "takes no argument"),
    ],
)
def test_bad_markers_are_refused_naming_page_and_marker(bad, complaint):
    with pytest.raises(markers.MarkerError) as error:
        markers.expand(f"text\n{bad}\n", "chapter/index.md", HANDLERS)
    assert "chapter/index.md" in str(error.value) and complaint in str(error.value)
    assert bad[:14] in str(error.value)


@pytest.fixture(scope="module")
def renderer() -> Site:
    return Site(pages.load_settings(), preview=True)


# The site's own markers on a real page. That such an error stops the whole build in one line, writing nothing, is
# proven once for every kind of bad input: test_bad_input.py::test_the_site_build_stops_on_bad_data_and_writes_nothing.
@pytest.mark.parametrize(
    "bad, named",
    [
        ("<!-- md:chart no_such_chart -->", "no_such_chart"),
        ("<!-- md:chrt trade_turnover -->", "md:chrt"),
        ("<!-- md:chart  trade_turnover -->", "md:chart"),
        ("<!-- md:cite no-such-source -->", "no-such-source"),
    ],
)
def test_a_page_with_a_bad_marker_is_refused_naming_page_and_marker(renderer, bad, named):
    src = "about/index.md"
    with pytest.raises(BuildError) as raised:
        renderer.page(src, pages.source(src) + f"\n\n{bad}\n")
    message = str(raised.value)
    assert src in message and named in message and "\n" not in message, message
