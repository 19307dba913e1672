"""Bad data stops the pipeline with one line naming the file, the row and the column; the site build stops too,
writing nothing. Each case in fixtures/bad_data.yml breaks one thing in a copy of charts/data."""

from __future__ import annotations

import csv
import io
import pathlib
import shutil

import pytest
import yaml

from charts import cli

from sitebuild import ROOT, build_copy, copy_tree

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "fixtures" / "bad_data.yml").read_text(encoding="utf-8"))


def break_data(case: dict, data: pathlib.Path) -> None:
    """Apply one case's edit to the data folder `data`."""
    if "meta" in case:
        change = case["meta"]
        package = yaml.safe_load((data / "datapackage.yaml").read_text(encoding="utf-8"))
        target = next(r for r in package["resources"] if r["name"] == change["resource"])
        if "source" in change:
            target = next(s for s in target["sources"] if s["id"] == change["source"])
        if "field" in change:
            target = next(f for f in target["schema"]["fields"] if f["name"] == change["field"])
        for key in change.get("delete", []):
            del target[key]
        target.update(change.get("set", {}))
        (data / "datapackage.yaml").write_text(yaml.safe_dump(package, allow_unicode=True, sort_keys=False))
        return
    path = data / case["file"]
    text = path.read_text(encoding="utf-8")
    if "text" in case:
        text = case["text"]
    elif "line" in case:
        lines = text.splitlines()
        edit = case["line"]
        index = edit["number"] - 1
        lines[index] = edit["text"] if "text" in edit else lines[index] + edit["append"]
        text = "\n".join(lines) + "\n"
    else:
        rows = list(csv.reader(io.StringIO(text)))
        header = rows[0]
        if "cell" in case:
            cell = case["cell"]
            rows[cell["row"]][header.index(cell["column"])] = cell["value"]
        elif "drop" in case:
            column = header.index(case["drop"])
            rows = [row[:column] + row[column + 1 :] for row in rows]
        elif "rename" in case:
            rows[0] = [case["rename"].get(name, name) for name in header]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        text = out.getvalue()
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_check_names_file_row_and_column(case, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "charts" / "data", data)
    break_data(case, data)
    assert cli.main(["--data-dir", str(data), "check"]) == 1, "the check passed bad data"
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and error.startswith("error: "), f"not one line: {error}"
    for phrase in case["expect"]:
        assert phrase in error, f"the error should mention {phrase!r}:\n{error}"
    assert "Traceback" not in error


def test_the_site_build_stops_on_bad_data_and_writes_nothing(tmp_path):
    """One case through the whole strict build: the hook's render step stops it before any page is written."""
    case = CASES[0]
    tree = copy_tree(tmp_path / "tree")
    break_data(case, tree / "charts" / "data")
    done = build_copy(tree)
    assert done.returncode != 0, "the build published despite bad data"
    assert not (tree / "site" / "index.html").exists(), "a partial site was written"
    assert "Traceback" not in done.stderr
    for phrase in case["expect"]:
        assert phrase in done.stderr, f"the build error should mention {phrase!r}:\n{done.stderr[-2000:]}"
