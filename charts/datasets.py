"""Read the datasets described in data/datapackage.yaml, checking the descriptor and every row against its schema."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import pathlib
import re
from typing import Literal

import pydantic

from core import bibliography, strings, yamlfile
from core.errors import DataError

DATA_DIR = pathlib.Path(__file__).resolve().parent / "data"
PACKAGE = "datapackage.yaml"
# `{derived.key}` in a view or a dataset's notes stands for a figure computed by charts/derived.py; the page layer
# writes it out in the reader's language.
PLACEHOLDER = re.compile(r"\{derived\.([a-z0-9_]+)\}")
TYPES = ("string", "integer", "number", "date", "year", "boolean")


# -- The descriptor ------------------------------------------------------------------------------------------------


class SourceRef(yamlfile.Model):
    """A dataset's source: its key in includes/bibliography/ and the day it was consulted; the rest lives there.

    `role: archive` marks a copy the figures were retrieved from (a third-party repository), as against the
    publisher of the figures: source lists name the publishers first and the archive last, as "retrieved from"."""

    id: str
    accessed: yamlfile.Day
    role: Literal["publisher", "archive"] = "publisher"


class Category(yamlfile.Model):
    """A code a column holds (code finds rows by it) and the label readers see (translatable text)."""

    value: str
    label: yamlfile.Text


class Constraints(yamlfile.Model):
    required: bool = False
    minimum: int | float | None = None
    maximum: int | float | None = None
    pattern: str | None = None


class FieldSpec(yamlfile.Model):
    name: str
    type: Literal[TYPES]
    title: yamlfile.Text | None = None
    description: yamlfile.Text
    unit: yamlfile.Text | None = None
    constraints: Constraints = Constraints()
    # A column of codes: only these values, each shown to readers by its label.
    categories: tuple[Category, ...] = ()
    # A column of text readers see (a place's description, a party's name): each language translates it.
    translatable: bool = False

    @pydantic.model_validator(mode="after")
    def _numbers_have_units(self):
        if self.type in ("integer", "number") and not self.unit:
            raise ValueError(f"numeric field {self.name!r} needs a 'unit'")
        return self


class Schema(yamlfile.Model):
    fields: tuple[FieldSpec, ...]
    primaryKey: tuple[str, ...] = ()  # noqa: N815 - Frictionless' name

    @pydantic.model_validator(mode="after")
    def _has_source(self):
        if "source" not in [f.name for f in self.fields]:
            raise ValueError("the schema needs a 'source' column naming each row's source id")
        return self


class Licence(yamlfile.Model):
    name: str
    title: yamlfile.Name | None = None
    path: yamlfile.Address | None = None


class Resource(yamlfile.Model):
    name: str
    path: str
    title: yamlfile.Text
    description: yamlfile.Text
    producer: yamlfile.Text
    citation: yamlfile.Text
    sources: tuple[SourceRef, ...] = pydantic.Field(min_length=1)
    licenses: tuple[Licence, ...] = ()
    notes: tuple[yamlfile.Text, ...] = ()
    schema_: Schema = pydantic.Field(alias="schema")


class View(yamlfile.Model):
    """A chart's words: title, subtitle, alt text, summary and notes; the chart code never retypes them."""

    name: str
    title: yamlfile.Text
    subtitle: yamlfile.Text
    alt: yamlfile.Text
    summary: yamlfile.Text
    resources: tuple[str, ...] = pydantic.Field(min_length=1)
    updated: yamlfile.Day
    notes: tuple[yamlfile.Text, ...] = ()


class Package(yamlfile.Model):
    name: str
    title: yamlfile.Text
    description: yamlfile.Text
    licenses: tuple[Licence, ...]
    contributors: tuple[dict, ...] = ()
    resources: tuple[Resource, ...]
    views: tuple[View, ...] = ()


def package(data_dir: pathlib.Path = DATA_DIR) -> Package:
    """The descriptor, checked, in the current language; every dataset source must be a bibliography key with an
    address."""
    return _package(data_dir, strings.current())


@functools.cache
def _package(data_dir: pathlib.Path, language: str) -> Package:
    path = data_dir / PACKAGE
    if not path.exists():
        raise DataError("the data package descriptor is missing", file=yamlfile.display(path))
    found = yamlfile.load(path, Package, DataError)
    works = bibliography.load()
    for resource in found.resources:
        for source in resource.sources:
            where = f"dataset '{resource.name}', source '{source.id}'"
            if source.id not in works:
                raise DataError(f"{where} is not a key of includes/bibliography/", file=yamlfile.display(path))
            if not works[source.id].url:
                raise DataError(f"{where} has no web address in includes/bibliography/", file=yamlfile.display(path))
    return found


def published(data_dir: pathlib.Path = DATA_DIR) -> dict:
    """The descriptor as Frictionless tools read it: each source's title, publisher, date and address filled in
    from the bibliography. `{derived.*}` placeholders stay for the page layer to write out."""
    works = bibliography.load()
    out = package(data_dir).model_dump(by_alias=True, exclude_defaults=True, mode="json")
    for resource in out["resources"]:
        resource.setdefault("licenses", out["licenses"])
        resource["sources"] = [
            _resolved(works[s["id"]], s["accessed"], s.get("role", "publisher")) for s in resource["sources"]
        ]
    return out


def _resolved(work: bibliography.Work, accessed: str, role: str = "publisher") -> dict:
    out = {"id": work.key, "title": work.title, "publisher": work.publisher, "date": work.date, "path": work.url}
    if work.author:
        out["author"] = work.author
    out["accessed"] = accessed
    if role != "publisher":
        out["role"] = role
    return out


# -- The rows ------------------------------------------------------------------------------------------------------


def source_ids(value: str) -> list[str]:
    """A row may rest on several sources: their ids, separated by semicolons."""
    return [part.strip() for part in value.split(";") if part.strip()]


@dataclasses.dataclass(frozen=True)
class Field:
    spec: FieldSpec

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def label(self) -> str:
        title = self.spec.title or self.spec.name
        return f"{title} ({self.spec.unit})" if self.spec.unit else title

    def category_label(self, value: str) -> str | None:
        return next((c.label for c in self.spec.categories if c.value == value), None)

    def parse(self, raw: str, file: str, line: int, sources: set[str]):
        value = raw.strip()
        spec, c = self.spec, self.spec.constraints

        def bad(expected: str) -> DataError:
            return DataError(f"expected {expected}, found {raw!r}", file=file, line=line, column=self.name)

        if value == "":
            if c.required:
                raise bad("a value (this column is required)")
            return None
        if spec.type in ("integer", "year"):
            if not re.fullmatch(r"\d{4}" if spec.type == "year" else r"-?\d+", value):
                raise bad("a four-digit year" if spec.type == "year" else "a whole number")
            value = int(value)
        elif spec.type == "number":
            try:
                value = float(value)
            except ValueError:
                raise bad("a number") from None
            if value != value or value in (float("inf"), float("-inf")):
                raise bad("a finite number")
        elif spec.type == "date":
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise bad("a date written YYYY-MM-DD") from None
        elif spec.type == "boolean":
            if value not in ("true", "false"):
                raise bad("true or false")
            value = value == "true"
        if (c.minimum is not None and value < c.minimum) or (c.maximum is not None and value > c.maximum):
            low = c.minimum if c.minimum is not None else "-∞"
            raise bad(f"a value from {low} to {c.maximum if c.maximum is not None else '∞'}")
        if spec.categories and value not in [category.value for category in spec.categories]:
            raise bad(f"one of {', '.join(category.value for category in spec.categories)}")
        if c.pattern and not re.fullmatch(c.pattern, str(value)):
            raise bad(f"text matching {c.pattern}")
        if self.name == "source":
            for key in source_ids(value):
                if key not in sources:
                    known = key in bibliography.load()
                    raise bad(
                        f"sources listed for this dataset in {PACKAGE} ({', '.join(sorted(sources))}); "
                        f"add {key!r} there"
                        if known
                        else f"keys of includes/bibliography/ separated by ';'; {key!r} is not a bibliography key"
                    )
        return value


@dataclasses.dataclass(frozen=True)
class Dataset:
    name: str
    file: str  # path as messages show it, e.g. "charts/data/elections.csv"
    meta: Resource
    fields: tuple[Field, ...]
    rows: tuple[dict, ...]
    licences: tuple[Licence, ...]  # the dataset's own, else the package's

    @functools.cached_property
    def sources(self) -> dict[str, dict]:
        """Source key → the source as published (title, publisher, date, address, day consulted)."""
        works = bibliography.load()
        return {s.id: _resolved(works[s.id], s.accessed.isoformat(), s.role) for s in self.meta.sources}

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def load(name: str, data_dir: pathlib.Path = DATA_DIR) -> Dataset:
    """One dataset, checked row by row, its text columns in the current language; any problem names the file, the
    line and the column."""
    return _load(name, data_dir, strings.current())


@functools.cache
def _load(name: str, data_dir: pathlib.Path, language: str) -> Dataset:
    descriptor = package(data_dir)
    meta = next((r for r in descriptor.resources if r.name == name), None)
    if meta is None:
        raise DataError(f"no dataset named {name!r}", file=yamlfile.display(data_dir / PACKAGE))
    path = data_dir / meta.path
    file = yamlfile.display(path)
    fields = tuple(Field(spec) for spec in meta.schema_.fields)
    if not path.exists():
        raise DataError(f"file not found (listed in {PACKAGE} as dataset '{name}')", file=file)
    sources = {s.id for s in meta.sources}
    expected = [f.name for f in fields]
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise DataError("the file is empty; expected a header row", file=file)
            for column in expected:
                if column not in header:
                    raise DataError(
                        f"column is missing from the header (found: {', '.join(header)})", file=file, column=column
                    )
            for column in header:
                if column not in expected:
                    raise DataError(
                        f"column is not in the schema (expected: {', '.join(expected)})", file=file, column=column
                    )
            if header != expected:
                raise DataError(f"columns are out of order; expected {', '.join(expected)}", file=file, line=1)
            for values in reader:
                line = reader.line_num
                if len(values) != len(fields):
                    raise DataError(
                        f"has {len(values)} values, expected {len(fields)} ({', '.join(expected)})",
                        file=file,
                        line=line,
                    )
                rows.append({f.name: f.parse(v, file, line, sources) for f, v in zip(fields, values, strict=True)})
        except csv.Error as error:
            raise DataError(f"malformed CSV: {error}", file=file, line=reader.line_num) from None
    if not rows:
        raise DataError("no data rows", file=file)
    seen: dict[tuple, int] = {}
    for number, row in enumerate(rows, 2):
        value = tuple(row[k] for k in meta.schema_.primaryKey)
        if meta.schema_.primaryKey and value in seen:
            raise DataError(
                f"repeats the key {value} of line {seen[value]}",
                file=file,
                line=number,
                column=meta.schema_.primaryKey[-1],
            )
        seen[value] = number
    unused = sources - {i for row in rows for i in source_ids(row["source"])}
    if unused:
        raise DataError(
            f"dataset '{name}' lists sources no row uses: {', '.join(sorted(unused))}",
            file=yamlfile.display(data_dir / PACKAGE),
        )
    rows = _translated(rows, meta, file, language)
    return Dataset(name, file, meta, fields, tuple(rows), meta.licenses or descriptor.licenses)


def _translated(rows: list[dict], meta: Resource, file: str, language: str) -> list[dict]:
    """The rows with their text columns (`translatable: true`) in `language`: generated for the pseudo-language,
    else from translations/<language>/<the CSV's path, .yaml>, which maps each row's key (its primary-key values,
    joined by " | ") to its texts."""
    columns = [f.name for f in meta.schema_.fields if f.translatable]
    if language == strings.DEFAULT or not columns:
        return rows
    if language == strings.PSEUDO:
        return [{**row, **{c: strings.pseudo(row[c]) for c in columns if row[c]}} for row in rows]
    path = yamlfile.translation_of(file.removesuffix(".csv") + ".yaml", language)
    shown = yamlfile.display(path)
    if not path.is_file():
        raise DataError(f"no {language} translation of the text columns of {file}", file=shown)
    overlay = yamlfile.read(path, DataError) or {}
    out = []
    for row in rows:
        key = " | ".join(str(row[k]) for k in meta.schema_.primaryKey)
        found = overlay.get(key) if isinstance(overlay, dict) else None
        texts = {}
        for column in columns:
            text = found.get(column) if isinstance(found, dict) else None
            if row[column] and not (isinstance(text, str) and text.strip()):
                raise DataError(f"row {key!r}: no {language} text", file=shown, column=column)
            texts[column] = text if row[column] else row[column]
        out.append({**row, **texts})
    return out


def names(data_dir: pathlib.Path = DATA_DIR) -> list[str]:
    return [r.name for r in package(data_dir).resources]


def view(chart_id: str, data_dir: pathlib.Path = DATA_DIR) -> View:
    found = next((v for v in package(data_dir).views if v.name == chart_id), None)
    if found is None:
        raise DataError(f"no view (chart text) named {chart_id!r}", file=yamlfile.display(data_dir / PACKAGE))
    return found
