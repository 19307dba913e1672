"""The translations as data (issue 22): every strings file has the English keys and fields, overlays that lack a text
or match the wrong entry stop the build naming key, file and language, and terms are written one way."""

from __future__ import annotations

import re
import string

import pytest
import yaml

from core import ROOT, strings, yamlfile
from core.errors import BuildError
from explainer import glossary

EDITIONS = [code for code in strings.LANGUAGES if code != strings.DEFAULT]


def _fields(value) -> set[str]:
    """The {fields} a string is filled with (Plotly's own %{placeholders} are the chart's, not ours)."""
    texts = value.values() if isinstance(value, dict) else [value]
    texts = [re.sub(r"%\{[^{}]*\}", "", t) for t in texts if isinstance(t, str)]
    return {f for text in texts for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("language", EDITIONS)
def test_every_strings_file_has_the_english_keys_and_fields(language):
    english, translated = strings.table(strings.DEFAULT), strings.table(language)
    assert sorted(set(english) - set(translated)) == [], "keys to translate"
    assert sorted(set(translated) - set(english)) == [], "keys English no longer has"
    wrong = [key for key in english if _fields(english[key]) != _fields(translated[key])]
    assert wrong == [], "a translation must use the same {fields}"


@pytest.mark.parametrize("language", EDITIONS)
def test_plural_strings_give_every_form_the_language_needs(language):
    from babel import Locale

    # The forms the counts a reader meets take (minutes, quiz scores): Russian needs one, few and many.
    rule = Locale.parse(strings.babel_locale(language)).plural_form
    forms = {rule(n) for n in range(200)}
    wrong = [k for k, v in strings.table(language).items() if isinstance(v, dict) and not forms <= set(v)]
    assert wrong == []


def _overlay(tmp_path, monkeypatch, text: str):
    monkeypatch.setattr(yamlfile, "TRANSLATIONS", tmp_path)
    path = tmp_path / "ru" / "includes" / "glossary.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_missing_translation_stops_the_build_naming_key_file_and_language(tmp_path, monkeypatch):
    source = yaml.safe_load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"))
    entries = [{"term": f"Т{n}", "definition": "Определение.", "forms": []} for n, _ in enumerate(source)]
    entries[2].pop("definition")
    _overlay(tmp_path, monkeypatch, yaml.safe_dump(entries, allow_unicode=True))
    with strings.language("ru"), pytest.raises(BuildError) as raised:
        glossary.load()
    message = str(raised.value)
    assert "[3].definition" in message and "no ru text" in message and "glossary.yml" in message


def test_a_translation_that_lacks_a_file_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "TRANSLATIONS", tmp_path)
    with strings.language("ru"), pytest.raises(BuildError, match="no ru translation of includes/glossary.yml"):
        glossary.load()


@pytest.mark.parametrize("language", EDITIONS)
def test_each_glossary_term_is_written_one_way_in_the_pages(language):
    """A term the glossary defines appears in the pages in one of the forms it lists, so its tooltip shows."""
    with strings.language(language):
        terms = glossary.load()
    pages = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "translations" / language / "docs").rglob("*.md"))
    unused = [t.term for t in terms if not t.found_in(pages)]
    assert len(unused) <= len(terms) // 4, f"terms the {language} pages never use in a listed form: {unused}"


@pytest.mark.parametrize("language", EDITIONS)
def test_quotation_marks_follow_the_language(language):
    """Straight double quotes are typed only in markup; the text uses the language's own marks."""
    found = []
    for path in sorted((ROOT / "translations" / language / "docs").rglob("*.md")):
        # Markup may quote (an admonition's title, attributes); the text may not.
        text = re.sub(r"^[!?]{3}[^\n]*$", " ", path.read_text("utf-8"), flags=re.M)
        text = re.sub(r"<[^>]+>|<!--.*?-->|\]\([^)]*\)|^---\n.*?\n---\n|\{[:#][^}]*\}", " ", text, flags=re.S | re.M)
        found += [f"{path.relative_to(ROOT)}: {m[0]}" for m in re.finditer(r'"[^"\n]{1,40}"', text)]
    assert found == []
