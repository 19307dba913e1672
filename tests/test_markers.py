"""Page markers: known ones expand, and an unknown or malformed one stops the build naming page and marker."""

from __future__ import annotations

import pytest

from explainer import markers

from sitebuild import build_copy, copy_tree

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


@pytest.mark.parametrize(
    "bad, named",
    [
        ("<!-- md:chart no_such_chart -->", "no_such_chart"),
        ("<!-- md:chrt trade_turnover -->", "md:chrt"),
        ("<!-- md:chart  trade_turnover -->", "md:chart"),
        ("<!-- md:cite no-such-source -->", "no-such-source"),
    ],
)
def test_the_build_stops_on_a_bad_marker(bad, named, tmp_path):
    tree = copy_tree(tmp_path / "tree")
    page = tree / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{bad}\n", encoding="utf-8")
    done = build_copy(tree)
    assert done.returncode != 0, "the build accepted a bad marker"
    assert "about/index.md" in done.stderr and named in done.stderr, done.stderr[-1500:]
