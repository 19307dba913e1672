"""The home page's key facts, kept once in includes/key-facts.yml, each with a source and the date it holds for."""

from __future__ import annotations

import dataclasses

import pydantic

from charts import datasets
from core import INCLUDES, locale, strings, yamlfile
from core.bibliography import footnote
from core.errors import BuildError

from . import html
from .markers import MissingTarget

FACTS = INCLUDES / "key-facts.yml"


class FromDataset(yamlfile.Model):
    """A fact read from a dataset: the latest edition of a report (the Freedom House scores)."""

    name: str
    report: str  # the report's code in the dataset


class Entry(yamlfile.Model):
    label: yamlfile.Text
    value: yamlfile.Text | None = None
    source: str | None = None
    also: tuple[str, ...] = ()
    as_of: yamlfile.Day | None = None
    dataset: FromDataset | None = None

    @pydantic.model_validator(mode="after")
    def _sourced(self):
        if self.dataset is None and None in (self.value, self.source, self.as_of):
            missing = [k for k in ("value", "source", "as_of") if getattr(self, k) is None]
            raise ValueError(f"lacks {', '.join(missing)} (every fact has a value, a source and the date it holds for)")
        return self


@dataclasses.dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: str
    sources: tuple[str, ...]  # bibliography keys, the main one first
    as_of: str  # YYYY-MM-DD, or YYYY for a report's edition


def _from_dataset(spec: FromDataset, file: str) -> tuple[str, tuple[str, ...], str]:
    """The latest edition of a report in a dataset: value, sources, the edition's year."""
    dataset = datasets.load(spec.name)
    rows = [r for r in dataset.rows if r.get("report") == spec.report]
    if not rows:
        raise BuildError(f"dataset {spec.name!r} has no rows for the report {spec.report!r}", file=file)
    latest = max(rows, key=lambda r: r["edition"])
    status = dataset.field("status").category_label(latest["status"])
    value = strings.text("key_facts.freedom_house", status=status, score=latest["score"], edition=latest["edition"])
    return value, tuple(datasets.source_ids(latest["source"])), str(latest["edition"])


def load(works: dict, path=FACTS) -> dict[str, Fact]:
    """Every fact, checked: a value, a known source and a valid date, else the build stops at the file and line."""
    file = yamlfile.display(path)
    text = path.read_text(encoding="utf-8")
    entries = yamlfile.validate(yamlfile.parse(text, file), pydantic.TypeAdapter(dict[str, Entry]), file, text)
    facts = {}
    for key, entry in entries.items():
        if entry.dataset is not None:
            value, sources, as_of = _from_dataset(entry.dataset, file)
        else:
            value, sources, as_of = entry.value, (entry.source, *entry.also), entry.as_of.isoformat()
        unknown = [s for s in sources if s not in works]
        if unknown:
            line = next((i + 1 for i, row in enumerate(text.splitlines()) if row.startswith(f"{key}:")), None)
            raise BuildError(
                f"fact {key!r} cites {', '.join(unknown)}, not a key of includes/bibliography/", file=file, line=line
            )
        facts[key] = Fact(key, entry.label, value, sources, as_of)
    return facts


def card(facts: dict[str, Fact], works: dict) -> str:
    """The key-facts card as Markdown: a definition list, each value footnoted and dated "as of".

    The footnotes are the card's own (`kf-<fact>-<n>`), defined right after it, so that the page
    needs no definitions of its own.
    """
    items, notes = [], []
    for fact in facts.values():
        refs = ""
        for number, key in enumerate(fact.sources, 1):
            label = f"kf-{fact.key.replace('_', '-')}-{number}"
            refs += f"[^{label}]"
            notes.append(f"[^{label}]: {footnote(works[key])}")
        as_of = html.render("as_of.html", day=locale.date(fact.as_of))
        items.append(f"{fact.label}\n:   {fact.value}{refs} {as_of}\n")
    head = html.render("key_facts_head.html")
    body = "\n".join(items)
    return f'<div class="key-facts" markdown="1">\n\n{head}\n\n{body}\n</div>\n\n' + "\n".join(notes) + "\n"


def value(facts: dict[str, Fact], key: str) -> str:
    """One fact's value, for a chapter that repeats it (`<!-- md:fact KEY -->`)."""
    if key not in facts:
        raise MissingTarget(f"key fact {key!r} (known: {', '.join(facts)})")
    return facts[key].value
