"""The foundations (issue 17): layers that point one way, structure found by role, strings and locale data out of
code, one cache, one error, and the render step on its own (no MkDocs)."""

from __future__ import annotations

import ast
import pathlib
import re
import shutil
import subprocess

import pytest

from core import ROOT, browser, cache, locale, strings
from core.errors import BuildError
from explainer import assets, build_docs, chart_card, skeleton

from sitebuild import PAGES, page_id

# Lower layers first: a module may import only from its own layer or the ones before it.
LAYERS = ("core", "charts", "explainer", "hooks", "scripts")
PYTHON = sorted(p for folder in LAYERS for p in (ROOT / folder).rglob("*.py"))


def _imports(path: pathlib.Path) -> set[str]:
    """The first-party packages a module imports (relative imports stay in their own package)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found |= {n.split(".")[0] for n in names if n.split(".")[0] in LAYERS}
    return found


def test_no_module_imports_from_a_layer_above_it():
    wrong = []
    for path in PYTHON:
        layer = LAYERS.index(path.relative_to(ROOT).parts[0])
        wrong += [f"{path.relative_to(ROOT)} imports {m}" for m in _imports(path) if LAYERS.index(m) > layer]
    assert wrong == []


def _module_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    modules = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in PYTHON
        if p.parts[len(ROOT.parts)] in ("core", "charts", "explainer")
    }
    for path in (p for p in PYTHON if p.parts[len(ROOT.parts)] in ("core", "charts", "explainer")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not isinstance(node, ast.Import):
                if node.level:
                    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    target = f"{base}.{node.module}" if node.module else base
                else:
                    target = node.module or ""
                # `from . import lessons` imports the module explainer.classroom.lessons, not the package's names.
                edges |= {f"{target}.{a.name}" for a in node.names} | {target}
                if all(f"{target}.{a.name}" in modules for a in node.names):
                    edges.discard(target)
            elif isinstance(node, ast.Import):
                edges |= {a.name for a in node.names}
        graph[name] = edges
    return {name: {e for e in edges if e in graph and e != name} for name, edges in graph.items()}


def test_no_import_circle():
    graph, circles = _module_graph(), []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in graph[node]:
            if nxt in trail:
                circles.append(" → ".join(trail[trail.index(nxt) :] + [nxt]))
            elif len(trail) < 12:
                visit(nxt, trail + [nxt])

    for start in graph:
        visit(start, [start])
    assert circles == []


def _literals(path: pathlib.Path) -> set[str]:
    """The string constants of a module that code uses (docstrings left out; comments are not in the tree)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    }


LITERALS = {path.relative_to(ROOT).as_posix(): _literals(path) for path in PYTHON}


def test_python_finds_sections_by_id_never_by_their_heading_words():
    """Translate a heading and nothing breaks: no Python file outside tests/ holds a section heading's text."""
    headings = {h["title"] for page in PAGES for h in skeleton.headings(page.body)}
    assert headings, "no section heading carries an id"
    found = [f"{file}: {h!r}" for file, found in LITERALS.items() for h in headings if any(h in s for s in found)]
    assert found == []


def test_no_reader_facing_string_is_written_in_python():
    """Every value of the strings file of three words or more lives there only, never retyped in code."""
    phrases = [v for v in strings.table("en").values() if isinstance(v, str) and len(v.split()) >= 3 and "{" not in v]
    assert len(phrases) > 50
    found = [f"{file}: {v!r}" for file, found in LITERALS.items() for v in phrases if any(v in s for s in found)]
    assert found == []


def test_a_missing_string_stops_the_build_naming_key_and_file():
    with pytest.raises(BuildError) as error:
        strings.text("card.no_such_label")
    assert "card.no_such_label" in str(error.value) and "includes/strings/en.yml" in str(error.value)


@pytest.mark.parametrize(
    ("language", "number", "date"),
    [
        ("en", "12,035,578", "5 January 2022"),
        ("ru", "12\xa0035\xa0578", "5 января 2022"),
        ("it", "12.035.578", "5 gennaio 2022"),
    ],
)
def test_numbers_and_dates_follow_the_locale(language, number, date):
    with strings.language(language):
        assert locale.number(12035578) == number
        assert locale.date("2022-01-05").startswith(date)


def test_build_errors_name_where():
    error = BuildError("expected a number", file="charts/data/x.csv", line=3, column="votes")
    assert str(error) == "charts/data/x.csv, line 3, column 'votes': expected a number"


def test_a_cached_file_is_made_once_per_set_of_inputs(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "DIR", tmp_path)
    made = []

    def make(missing):
        made.extend(missing)
        return [f"file {i}".encode() for i in missing]

    names = [cache.key("worksheet", 1), cache.key("worksheet", 2)]
    assert cache.many("test", names, make) == [b"file 0", b"file 1"]
    assert cache.many("test", names + [cache.key("worksheet", 3)], make) == [b"file 0", b"file 1", b"file 2"]
    assert made == [0, 1, 2], "each file is made once"


def test_the_sites_own_styles_and_scripts_are_served_without_comments():
    css = 'a { content: "/* kept */"; }\n/* gone */\n  b { color: red; } /* gone */\n'
    assert assets.compact_css(css) == 'a { content: "/* kept */"; }\nb { color: red; }\n'
    js = '// gone\n  var a = "http://x"; // kept: it may be inside a string\n\n'
    assert assets.compact_js(js) == 'var a = "http://x"; // kept: it may be inside a string\n'
    with pytest.raises(BuildError, match="template literal"):
        assets.compact_js("var a = `x`;", "docs/x.js")


def test_the_hooks_are_a_thin_adapter():
    for hook in (ROOT / "hooks").glob("*.py"):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        statements = {
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.stmt) and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        }
        assert len(statements) <= 30, f"{hook.name}: {len(statements)} lines of code; move logic into explainer/"


def test_no_file_names_a_path_of_one_machine():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    pattern = re.compile(r"(?<![\w.])/(?:work|home|Users|root|tmp)/[\w.-]+|[A-Z]:\\\\Users")
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".png", ".svg", ".docx", ".pptx", ".pdf", ".zip"} or not path.is_file():
            continue
        offenders += [f"{name}: {m[0]}" for m in pattern.finditer(path.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []


def render_pseudo(out: pathlib.Path) -> int:
    """The pages rendered in the pseudo-language, without worksheets, decks or preview cards (--preview), and with
    each chart's light SVG pictures only: its dark and PNG pictures draw the same labels in other colours or formats
    (three quarters of the drawing, left out)."""
    jobs = chart_card.picture_jobs
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chart_card, "picture_jobs", lambda *args: [j for j in jobs(*args) if wears_labels(j.variant)])
        return build_docs.render(out, strings.PSEUDO, preview=True)


def wears_labels(variant: str) -> bool:
    return variant.endswith(".svg") and not variant.startswith("dark.")


@pytest.fixture(scope="session")
def pseudo(once) -> pathlib.Path:
    return once("pseudo", render_pseudo)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_is_rendered_with_no_marker_left(pseudo, page):
    text = (pseudo / page.src).read_text(encoding="utf-8")
    assert "<!-- md:" not in text
    assert text.startswith("---\n"), "the front matter is kept for the engine"


def test_a_second_render_changes_nothing_and_stale_files_go(pseudo, tmp_path):
    pseudo = shutil.copytree(pseudo, tmp_path / "pseudo")  # the other tests read the shared one
    stale = pseudo / "old-page" / "index.md"
    stale.parent.mkdir()
    stale.write_text("gone")
    assert render_pseudo(pseudo) == 0, "an unchanged tree writes no file"
    assert not stale.exists() and not stale.parent.exists()


def test_the_pseudo_language_shows_every_label_transformed(pseudo):
    """Every string the strings file gives a page (card, header, quiz, sources) or a chart picture (legend, axis,
    annotation) appears in its pseudo form, and no English string of the file is left in either: any English left
    would be a string still in code."""
    pages_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(pseudo.rglob("*.md")))
    pictures_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(pseudo.rglob("*.svg")))
    english = {v for v in strings.table("en").values() if isinstance(v, str) and len(v.split()) >= 2 and "{" not in v}
    # The pseudo-language transforms strings, not the English pages' own words (a heading may say the same).
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    left = sorted(v for v in english if v in pages_text and v not in sources)
    assert left == [], f"English labels left in a pseudo-language page: {left[:10]}"
    left = sorted(v for v in english if v in pictures_text)
    assert left == [], f"English labels left in a pseudo-language chart picture: {left[:10]}"
    shown = [v for v in english if strings.pseudo(v) in pages_text]
    assert len(shown) >= 20, "the pages show the strings file's labels"
    drawn = [v for v in english if strings.pseudo(v) in pictures_text]
    assert len(drawn) >= 10, "the chart pictures show the strings file's labels"


def test_a_printed_pdf_is_renumbered_to_the_same_bytes():
    """Chromium names a tagged PDF's elements after DOM nodes, whose numbers vary from one session to the next (seen
    in two builds' worksheets); the ids are renumbered in order, at the same width, and the dates fixed."""
    printed = b"/CreationDate (D:20261207123456+00'00')/ID (node00000086)/K [(node00000090) (node00000086)]"
    again = b"/CreationDate (D:20261208000000+00'00')/ID (node00000012)/K [(node00000040) (node00000012)]"
    fixed = browser.fix_pdf(printed)
    assert fixed == browser.fix_pdf(again) and len(fixed) == len(printed)
    assert fixed == b"/CreationDate (D:19800101000000+00'00')/ID (node00000001)/K [(node00000002) (node00000001)]"
