"""The render step: a plain docs folder that stock MkDocs builds with no hook, and one home for reader-facing words."""

from __future__ import annotations

import ast
import pathlib
import re
import subprocess

import pytest

from explainer import assets, cache, errors, render, strings

from sitebuild import CHAPTERS, PAGES, ROOT, build, built_page, page_id

# Strings a reader sees; they live in includes/strings/, never in Python.
READER_STRINGS = [
    "What the chart shows",
    "Show the data as a table",
    "Download the data",
    "min read",
    "Print this chapter",
    "Cite this page",
    "Suggest a correction",
    "Key terms",
    "Link to this question",
    "Reading every chapter",
]
PYTHON = sorted(p for folder in ("charts", "explainer", "hooks", "scripts") for p in (ROOT / folder).rglob("*.py"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("rendered")
    done = subprocess.run(
        [".venv/bin/python" if (ROOT / ".venv").exists() else "python", "-m", "explainer", "render", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_is_rendered_with_no_marker_left(rendered, page):
    text = (rendered / page.src).read_text(encoding="utf-8")
    assert "<!-- md:" not in text
    assert text.startswith("---\n"), "the front matter is kept for the engine"


def test_a_second_render_changes_nothing(rendered):
    assert render.render(rendered) == 0, "an unchanged tree must write no file, or live reload would loop"


def test_the_sites_own_styles_and_scripts_are_served_without_comments(rendered):
    css = 'a { content: "/* kept */"; }\n/* gone */\n  b { color: red; } /* gone */\n'
    assert assets.compact_css(css) == 'a { content: "/* kept */"; }\nb { color: red; }\n'
    js = '// gone\n  var a = "http://x"; // kept: it may be inside a string\n\n'
    assert assets.compact_js(js) == 'var a = "http://x"; // kept: it may be inside a string\n'
    with pytest.raises(errors.BuildError, match="template literal"):
        assets.compact_js("var a = `x`;", "docs/x.js")
    assert "/*" not in (rendered / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    site_js = (rendered / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    assert not [line for line in site_js.splitlines() if line.startswith("//")]


def test_stale_files_are_removed(rendered):
    stale = rendered / "old-page" / "index.md"
    stale.parent.mkdir()
    stale.write_text("gone")
    render.render(rendered)
    assert not stale.exists() and not stale.parent.exists()


def article(page_html: str) -> str:
    return page_html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_stock_mkdocs_builds_the_rendered_folder_without_any_hook(site, rendered, tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    swaps = [
        (re.compile(r"^hooks:\n(?:  - .*\n)+", re.M), ""),
        (re.compile(r"^watch:\n(?:  - .*\n)+", re.M), ""),
        (re.compile(r"^docs_dir: build/docs$", re.M), f"docs_dir: {rendered}"),
        (re.compile(r"base_path: \[build/docs/_snippets\]"), f"base_path: [{rendered / '_snippets'}]"),
        (re.compile(r"^  custom_dir: overrides$", re.M), f"  custom_dir: {ROOT / 'overrides'}"),
    ]
    for pattern, replacement in swaps:
        config, count = pattern.subn(replacement, config)
        assert count == 1, f"mkdocs.yml no longer has {pattern.pattern!r}"
    assert "hooks" not in re.sub(r"#.*", "", config)
    stock = tmp_path / "stock.yml"
    stock.write_text(config, encoding="utf-8")
    done = build(tmp_path / "site", config=str(stock), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    for page in CHAPTERS:
        ours = article(built_page(site, page).read_text(encoding="utf-8"))
        theirs = article(built_page(tmp_path / "site", page).read_text(encoding="utf-8"))
        assert ours == theirs, page.src


def test_the_hooks_are_a_thin_adapter():
    for hook in (ROOT / "hooks").glob("*.py"):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        lines = {
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.stmt)
            and not (isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant))
        }
        assert len(lines) <= 30, f"{hook.name}: {len(lines)} lines of code; move logic into explainer/"


@pytest.mark.parametrize("phrase", READER_STRINGS)
def test_no_reader_facing_string_is_written_in_python(phrase):
    found = [p.relative_to(ROOT).as_posix() for p in PYTHON if phrase in p.read_text(encoding="utf-8")]
    assert found == [], f"{phrase!r} belongs in includes/strings/en.yml"
    assert any(phrase in str(v) for v in strings.table().values()), f"{phrase!r} is not in the strings file"


def test_no_file_names_a_path_of_one_machine():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    pattern = re.compile(r"(?<![\w.])/(?:work|home|Users|root|tmp)/[\w.-]+|[A-Z]:\\\\Users")
    offenders = []
    for name in tracked:
        path = ROOT / name
        if (
            path.suffix in {".png", ".svg", ".docx", ".pptx", ".pdf", ".zip"}
            or name.endswith("package-lock.json")
            or not path.is_file()
        ):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{name}: {m[0]}" for m in pattern.finditer(text)]
    assert offenders == []


def test_a_missing_string_stops_the_build_naming_key_and_file():
    with pytest.raises(errors.BuildError) as error:
        strings.text("card.no_such_label")
    assert "card.no_such_label" in str(error.value) and "includes/strings/en.yml" in str(error.value)


def test_numbers_and_dates_follow_the_locale():
    assert strings.number(12035578) == "12,035,578"
    assert strings.number(54.214, 1) == "54.2"
    assert strings.date("2022-01-05") == "5 January 2022"
    assert strings.date("2022-01") == "January 2022"


def test_build_errors_name_where():
    error = errors.BuildError("expected a number", file="charts/data/x.csv", row=3, column="votes")
    assert str(error) == "charts/data/x.csv, row 3, column 'votes': expected a number"


def test_a_generated_file_is_reused_only_for_the_same_inputs(tmp_path):
    made = []

    def make(text, number):
        made.append((text, number))
        return f"{text} {number}".encode()

    assert cache.call(make, "worksheet", 1, folder=tmp_path) == b"worksheet 1"
    assert cache.call(make, "worksheet", 1, folder=tmp_path) == b"worksheet 1"
    assert cache.call(make, "worksheet", 2, folder=tmp_path) == b"worksheet 2"
    assert made == [("worksheet", 1), ("worksheet", 2)], "made once per set of inputs"
