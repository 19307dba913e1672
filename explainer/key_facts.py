"""The home page's key facts, kept once in includes/key-facts.yml, each with a source and the date it holds for."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import pathlib

import yaml

from . import strings
from .changes import parse_date
from .content import INCLUDES, display_path, read_yaml_tree
from .errors import BuildError
from .markers import MissingTarget

FACTS = INCLUDES / "key-facts.yml"
FIELDS = ("label", "value", "source", "as_of")
DATASET_FIELDS = ("name", "report")
# Facts that come from a report's edition, which is dated by its year only.
DATED_BY_YEAR = ("freedom_in_the_world", "freedom_on_the_net")


class KeyFactError(BuildError):
    """A key fact lacks a value, a source or a date, or names a source that does not exist."""


@dataclasses.dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: str
    sources: tuple[str, ...]  # bibliography keys, the main one first
    as_of: dt.date
    line: int


def _entries(path: pathlib.Path) -> list[tuple[str, dict, int]]:
    """(key, entry, line) for every fact, in the file's order; the line is where the key is written."""
    file = display_path(path)
    root, data = read_yaml_tree(path, KeyFactError, "the key-facts file is missing")
    if not isinstance(root, yaml.MappingNode):
        raise KeyFactError("expected a mapping of fact keys to facts", file=file)
    return [(key.value, data[key.value], key.start_mark.line + 1) for key, _ in root.value]


def _from_dataset(spec: dict, file: str, line: int, data_dir) -> tuple[str, tuple[str, ...], dt.date]:
    """The latest edition of a report in a dataset (the Freedom House scores): value, sources, as-of date."""
    import charts.datasets

    missing = [f for f in DATASET_FIELDS if not spec.get(f)]
    if missing:
        raise KeyFactError(f"'dataset' lacks {', '.join(missing)}", file=file, row=line)
    dataset = charts.datasets.load(spec["name"], *([data_dir] if data_dir else []))
    rows = [r for r in dataset.rows if r.get("report") == spec["report"]]
    if not rows:
        raise KeyFactError(f"dataset {spec['name']!r} has no rows for {spec['report']!r}", file=file, row=line)
    latest = max(rows, key=lambda r: r["edition"])
    value = strings.text(
        "key_facts.freedom_house", status=latest["status"], score=latest["score"], edition=latest["edition"]
    )
    sources = tuple(charts.datasets.source_ids(latest["source"]))
    return value, sources, dt.date(latest["edition"], 1, 1)


def load(path: pathlib.Path = FACTS, works: dict | None = None, data_dir=None) -> dict[str, Fact]:
    """Every fact, checked: a value, a known source and a valid date, else the build stops at the file and row."""
    file = display_path(path)
    facts = {}
    for key, entry, line in _entries(path):
        if not isinstance(entry, dict):
            raise KeyFactError(f"fact {key!r} must be a mapping with {', '.join(FIELDS)}", file=file, row=line)
        if not entry.get("label"):
            raise KeyFactError(f"fact {key!r} has no label", file=file, row=line)
        if entry.get("dataset"):
            value, sources, as_of = _from_dataset(entry["dataset"], file, line, data_dir)
        else:
            missing = [f for f in FIELDS if entry.get(f) in (None, "")]
            if missing:
                raise KeyFactError(
                    f"fact {key!r} lacks {', '.join(missing)} (every fact has a value, a source and "
                    "the date it holds for)",
                    file=file,
                    row=line,
                )
            as_of = parse_date(entry["as_of"])
            if as_of is None:
                raise KeyFactError(
                    f"fact {key!r}: 'as_of' must be a date written YYYY-MM-DD, found {entry['as_of']!r}",
                    file=file,
                    row=line,
                )
            value = " ".join(str(entry["value"]).split())
            sources = (str(entry["source"]), *map(str, entry.get("also") or ()))
        if works is not None:
            unknown = [s for s in sources if s not in works]
            if unknown:
                raise KeyFactError(
                    f"fact {key!r} cites {', '.join(unknown)}, not a key of includes/bibliography/", file=file, row=line
                )
        facts[key] = Fact(key, str(entry["label"]), value, sources, as_of, line)
    return facts


def card(facts: dict[str, Fact], works: dict) -> str:
    """The key-facts card as Markdown: a definition list, each value footnoted and dated "as of".

    The footnotes are the card's own (`kf-<fact>-<n>`), defined right after it, so that the page
    needs no definitions of its own.
    """
    from .bibliography import footnote

    items, notes = [], []
    for fact in facts.values():
        refs = ""
        for number, key in enumerate(fact.sources, 1):
            label = f"kf-{fact.key.replace('_', '-')}-{number}"
            refs += f"[^{label}]"
            notes.append(f"[^{label}]: {footnote(works[key])}")
        # A report's edition is a year; every other fact holds for a day.
        when = str(fact.as_of.year) if fact.key in DATED_BY_YEAR else fact.as_of.isoformat()
        as_of = strings.text("key_facts.as_of", date=strings.date(when))
        items.append(f'{fact.label}\n:   {fact.value}{refs} <span class="key-facts__as-of">{as_of}</span>\n')
    title = strings.text("key_facts.title")
    head = f'<p class="key-facts__title" id="key-facts"><strong>{html.escape(title)}</strong></p>'
    body = "\n".join(items)
    return f'<div class="key-facts" markdown="1">\n\n{head}\n\n{body}\n</div>\n\n' + "\n".join(notes) + "\n"


def value(facts: dict[str, Fact], key: str) -> str:
    """One fact's value, for a chapter that repeats it (`<!-- md:fact KEY -->`)."""
    if key not in facts:
        raise MissingTarget(f"key fact {key!r} (known: {', '.join(facts)})")
    return facts[key].value
