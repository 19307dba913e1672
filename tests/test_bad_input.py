"""Bad data stops the pipeline and the build, with a message naming the file, the row and the column.

Each folder in fixtures/bad_data/ breaks one thing: CSV files there replace the real ones, a
meta.yaml edits the data package, and expected.txt lists the phrases the error must contain.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest
import yaml

from sitebuild import ROOT, build_copy, copy_tree

FIXTURES = sorted(p for p in (pathlib.Path(__file__).parent / "fixtures" / "bad_data").iterdir() if p.is_dir())


def break_data(fixture: pathlib.Path, data: pathlib.Path) -> None:
    for path in fixture.iterdir():
        if path.suffix == ".csv":
            shutil.copy(path, data / path.name)
    edit = fixture / "meta.yaml"
    if edit.exists():
        change = yaml.safe_load(edit.read_text())
        package = yaml.safe_load((data / "datapackage.yaml").read_text())
        target = next(r for r in package["resources"] if r["name"] == change["resource"])
        if "source" in change:
            target = next(s for s in target["sources"] if s["id"] == change["source"])
        if "field" in change:
            target = next(f for f in target["schema"]["fields"] if f["name"] == change["field"])
        for key in change.get("delete", []):
            del target[key]
        target.update(change.get("set", {}))
        (data / "datapackage.yaml").write_text(yaml.safe_dump(package, allow_unicode=True, sort_keys=False))


def expected(fixture: pathlib.Path) -> list[str]:
    return [line for line in (fixture / "expected.txt").read_text().splitlines() if line]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_check_command_names_file_row_and_column(fixture, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "charts" / "data", data)
    break_data(fixture, data)
    done = subprocess.run(
        [sys.executable, "-m", "charts", "--data-dir", str(data), "check"], capture_output=True, text=True
    )
    assert done.returncode == 1, done.stdout
    for phrase in expected(fixture):
        assert phrase in done.stderr, f"the error should mention {phrase!r}:\n{done.stderr}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_the_site_build_stops_on_bad_data(fixture, tmp_path):
    tree = copy_tree(tmp_path / "tree")
    break_data(fixture, tree / "charts" / "data")
    done = build_copy(tree)
    assert done.returncode != 0, "the build published despite bad data"
    assert not (tree / "site" / "index.html").exists(), "a partial site was written"
    for phrase in expected(fixture):
        assert phrase in done.stderr, f"the build error should mention {phrase!r}:\n{done.stderr[-2000:]}"
