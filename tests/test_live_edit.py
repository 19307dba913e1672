"""`make serve`: an edit to a dataset or to the glossary shows up in the served site, and one browser is kept warm
for the rebuilds (charts/warm.py) that draws and prints the same bytes as a build's own browser."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest
import support

from charts import card, publish, render, warm
from charts.registry import CHARTS
from explainer import glossary
from explainer.classroom import pdf

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED_CACHE = str(ROOT / "build" / "chart-cache")


def warm_processes(tree: pathlib.Path) -> list[int]:
    """The warm-browser servers started from `tree`."""
    found = []
    for proc in pathlib.Path("/proc").iterdir():
        try:
            if b"charts.warm" in (proc / "cmdline").read_bytes() and os.readlink(proc / "cwd") == str(tree):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_a_csv_edit_and_a_glossary_edit_show_up_in_make_serve(tmp_path):
    log = tmp_path / "serve.log"
    with support.live_server(cache=SHARED_CACHE, log=str(log)) as (tree, address, _):
        assert warm_processes(tree), "make serve keeps a warm browser for its rebuilds"
        data = address + "assets/data/freedom_scores.csv"
        picture = address + card.asset("freedom_scores", "light.wide.svg")
        before, before_picture = support.fetch(data), support.fetch(picture)
        csv = tree / "charts" / "data" / "freedom_house.csv"
        lines = csv.read_text(encoding="utf-8").splitlines()
        cells = lines[1].split(",")
        cells[2] = str(int(cells[2]) + 1)
        lines[1] = ",".join(cells)
        csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        support.wait_for(lambda: support.fetch(data) not in (None, before), 60)
        assert f",{cells[2]}," in support.fetch(data)
        assert support.fetch(picture) != before_picture, "the chart's picture is drawn again"

        term = glossary.load(tree / "includes" / "glossary.yml")[0]
        text = (tree / "includes" / "glossary.yml").read_text(encoding="utf-8")
        defined = "A definition rewritten while the site was being served."
        text = text.replace(
            f"- term: {term.term}\n  definition: >-\n", f"- term: {term.term}\n  definition: >-\n    {defined}\n", 1
        )
        (tree / "includes" / "glossary.yml").write_text(text, encoding="utf-8")
        support.wait_for(lambda: defined in (support.fetch(address + "glossary/") or ""), 60)
    # After Ctrl+C: the warm browser has stopped too, and nothing printed a traceback.
    support.wait_for(lambda: not warm_processes(tree), 30)
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def warm_address():
    server = subprocess.Popen(
        [sys.executable, "-m", "charts.warm"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    name, _, address = server.stdout.readline().decode().strip().partition("=")
    assert name == warm.ADDRESS
    yield address
    server.stdin.close()
    server.stdout.close()
    assert server.wait(timeout=30) == 0, "the warm browser stops when its standard input closes"


def test_the_warm_browser_draws_and_prints_what_a_build_does(warm_address, monkeypatch):
    chart = card.build(sorted(CHARTS)[0])
    jobs = card.picture_jobs(chart)
    topojson = render.TOPOJSON_DIR.as_uri() + "/"
    own = render._render_here(jobs, None, topojson)
    monkeypatch.setenv(warm.ADDRESS, warm_address)
    served = render._render_warm(jobs, topojson)
    assert served is not None, "the warm browser answered"
    for job in jobs:
        assert render.clean(job, served[job]) == render.clean(job, own[job]), job.variant
    page = "<!doctype html><style>@page{size:A4;margin:1cm}</style><h1>Worksheet</h1><p>Answer here.</p>"
    assert warm.pdfs([page]) == pdf._print_here([page])
    broken = render.Job(chart.id, chart.module, "png", {"data": "not a list", "layout": {}}, "png", 100, 100)
    with pytest.raises(
        render.RenderError, match=rf"chart '{chart.id}' \({chart.module}\) could not be rendered as png"
    ):
        render._render_warm([broken], topojson)


def test_without_a_warm_browser_the_build_draws_with_its_own(monkeypatch, tmp_path):
    monkeypatch.setenv(warm.ADDRESS, "127.0.0.1:9")  # nothing listens there
    assert warm.pictures([]) is None and warm.pdfs(["<p>x</p>"]) is None
    chart = card.build(sorted(CHARTS)[0])
    drawn = render.render(card.picture_jobs(chart)[:1], cache_dir=tmp_path)
    assert len(drawn) == 1 and list(tmp_path.iterdir()), "drawn by a browser of its own, and cached"
    assert publish.picture_files(drawn)
