"""Write, for a language, every translation file that is missing, with the English texts to translate in it:
`python scripts/translation_skeleton.py ru`. Existing files are left alone; a page is copied for translation."""

from __future__ import annotations

import argparse
import shutil

import pydantic
import yaml

from charts import datasets
from core import ROOT, bibliography, yamlfile
from explainer import changes, glossary, key_facts, pages, quiz, timeline
from explainer.classroom import lessons, material

# Each YAML source and the model its loader checks it against.
SOURCES = {
    "includes/glossary.yml": pydantic.TypeAdapter(list[glossary.Entry]),
    "includes/timeline.yml": pydantic.TypeAdapter(list[timeline.Entry]),
    "includes/key-facts.yml": pydantic.TypeAdapter(dict[str, key_facts.Entry]),
    "includes/changes.yml": pydantic.TypeAdapter(list[changes.Change]),
    "includes/lessons.yml": lessons.Lessons,
    "charts/data/datapackage.yaml": datasets.Package,
    **{f"includes/quizzes/{p.name}": quiz.QuizFile for p in sorted(quiz.QUIZ_DIR.glob("*.yml"))},
    **{f"includes/classroom/{p.name}": material.Material for p in sorted(material.CLASSROOM.glob("*.yml"))},
    **{
        f"includes/bibliography/{p.name}": bibliography.Entries for p in sorted(bibliography.BIBLIOGRAPHY.glob("*.yml"))
    },
}


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("language")
    language = parser.parse_args().language
    written = []
    for file, model in SOURCES.items():
        found = yamlfile.texts(yamlfile.read(ROOT / file), model)
        target = yamlfile.translation_of(file, language)
        if found and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dump(found), encoding="utf-8")
            written.append(target)
    for name in datasets.names():
        dataset = datasets.load(name)
        columns = [f.name for f in dataset.fields if f.spec.translatable]
        target = yamlfile.translation_of(dataset.file.removesuffix(".csv") + ".yaml", language)
        if columns and not target.exists():
            keys = dataset.meta.schema_.primaryKey
            rows = {" | ".join(str(r[k]) for k in keys): {c: r[c] for c in columns if r[c]} for r in dataset.rows}
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dump(rows), encoding="utf-8")
            written.append(target)
    for page in sorted(pages.DOCS.rglob("*.md")):
        target = yamlfile.translation_of("docs/" + page.relative_to(pages.DOCS).as_posix(), language)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
            written.append(target)
    for path in written:
        print(yamlfile.display(path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
