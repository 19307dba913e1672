"""Read the datasets described in data/datapackage.yaml, checking every row against its schema."""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import functools
import pathlib
import re

import yaml

from explainer import content
from explainer.errors import BuildError

DATA_DIR = pathlib.Path(__file__).resolve().parent / "data"
PACKAGE = "datapackage.yaml"
URL = re.compile(r"^https?://\S+$")
# A dataset names each source by its key in includes/bibliography/ and the day it was consulted; the rest lives there.
SOURCE_REF_KEYS = ("id", "accessed")
KEPT_IN_BIBLIOGRAPHY = ("title", "publisher", "date", "path", "url", "author")
# `{derived.key}` in a view or a dataset's notes stands for a figure computed by charts/derived.py.
PLACEHOLDER = re.compile(r"\{derived\.([a-z0-9_]+)\}")
# What a dataset must say about itself (Frictionless Data Resource properties, plus provenance).
RESOURCE_KEYS = ("name", "path", "title", "description", "producer", "citation", "sources", "licenses", "schema")
SOURCE_KEYS = ("id", "title", "publisher", "date", "path", "accessed")
FIELD_KEYS = ("name", "type", "description")
TYPES = ("string", "integer", "number", "date", "year", "boolean")


class DataError(BuildError):
    """Bad data or metadata; the message names the file, the row and the column where it can."""


def _where(file: str, row: int | None = None, column: str | None = None) -> str:
    where = file
    if row is not None:
        where += f", row {row} (line {row + 1})"
    if column is not None:
        where += f", column '{column}'"
    return where


def source_ids(value: str) -> list[str]:
    """A row may rest on several sources: their ids, separated by semicolons."""
    return [part.strip() for part in value.split(";") if part.strip()]


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    description: str
    unit: str | None
    constraints: dict

    @property
    def label(self) -> str:
        return f"{self.title} ({self.unit})" if self.unit else self.title

    def parse(self, raw: str, file: str, row: int, sources: dict):
        value = raw.strip()

        def bad(expected: str) -> DataError:
            return DataError(f"{_where(file, row, self.name)}: expected {expected}, found {raw!r}")

        if value == "":
            if self.constraints.get("required"):
                raise bad("a value (this column is required)")
            return None
        if self.type == "integer":
            if not re.fullmatch(r"-?\d+", value):
                raise bad("a whole number")
            value = int(value)
        elif self.type == "number":
            try:
                value = float(value)
            except ValueError:
                raise bad("a number") from None
            if value != value or value in (float("inf"), float("-inf")):
                raise bad("a finite number")
        elif self.type == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise bad("a four-digit year")
            value = int(value)
        elif self.type == "date":
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise bad("a date written YYYY-MM-DD") from None
        elif self.type == "boolean":
            if value not in ("true", "false"):
                raise bad("true or false")
            value = value == "true"
        c = self.constraints
        low, high = c.get("minimum"), c.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise bad(f"a value from {low if low is not None else '-∞'} to {high if high is not None else '∞'}")
        if "enum" in c and value not in c["enum"]:
            raise bad(f"one of {', '.join(map(str, c['enum']))}")
        if "pattern" in c and not re.fullmatch(c["pattern"], str(value)):
            raise bad(f"text matching {c['pattern']}")
        if self.name == "source":
            for key in source_ids(value):
                if key not in sources and key not in _works():
                    raise bad(f"keys of includes/bibliography/ separated by ';'; {key!r} is not a bibliography key")
                if key not in sources:
                    raise bad(f"sources listed for this dataset in {PACKAGE} ({', '.join(sources)}); add {key!r} there")
        return value


@dataclasses.dataclass(frozen=True)
class Dataset:
    name: str
    file: str  # path as shown in messages, e.g. "charts/data/elections.csv"
    meta: dict
    fields: tuple[Field, ...]
    rows: tuple[dict, ...]

    @property
    def sources(self) -> dict[str, dict]:
        return {s["id"]: s for s in self.meta["sources"]}

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _display(path: pathlib.Path) -> str:
    parts = path.resolve().parts
    return "/".join(parts[-3:]) if len(parts) >= 3 else str(path)


def read_package(data_dir: pathlib.Path = DATA_DIR) -> dict:
    """The package as published: sources filled in from the bibliography, derived figures written out.
    Every dataset and chart asks for it, so it is made once per version of its inputs: read it, never change it."""
    return _read_package(data_dir, _stamp(data_dir))


def _stamp(data_dir: pathlib.Path) -> tuple:
    """Size and time of every file the package is made from: the data folder's and the bibliography's."""
    from explainer import bibliography

    paths = sorted([*data_dir.rglob("*"), *bibliography.BIBLIOGRAPHY.glob("*.yml")])
    return tuple((str(p), s.st_mtime_ns, s.st_size) for p in paths if p.is_file() for s in [p.stat()])


@functools.lru_cache(maxsize=4)
def _read_package(data_dir: pathlib.Path, _stamp: tuple) -> dict:
    package = _package(data_dir)
    where = _display(data_dir / PACKAGE)
    if any(PLACEHOLDER.search(text) for text in _texts(package)):
        from . import derived

        values = derived.values(data_dir)
        for item in package["resources"] + package.get("views", []):
            for key in ("title", "subtitle", "alt", "summary", "description"):
                if isinstance(item.get(key), str):
                    item[key] = _fill(item[key], values, f"{where}: {item.get('name', '?')}, {key}")
            if isinstance(item.get("notes"), list):
                item["notes"] = [_fill(n, values, f"{where}: {item.get('name', '?')}, notes") for n in item["notes"]]
    return package


def _texts(package: dict) -> list[str]:
    items = package["resources"] + package.get("views", [])
    return [v for item in items for v in list(item.values()) + list(item.get("notes") or []) if isinstance(v, str)]


def _fill(text: str, values: dict[str, str], where: str) -> str:
    def one(match: re.Match) -> str:
        if match.group(1) not in values:
            known = ", ".join(sorted(values))
            raise DataError(f"{where}: no derived figure {match.group(0)!r} (charts/derived.py gives: {known})")
        return values[match.group(1)]

    return PLACEHOLDER.sub(one, text)


def _package(data_dir: pathlib.Path) -> dict:
    """The package with each dataset's sources resolved, but derived figures still as placeholders."""
    path = data_dir / PACKAGE
    if not path.exists():
        raise DataError(f"{_display(path)}: the data package descriptor is missing")
    # Read once per version of the file: every dataset and chart asks for it.
    package = copy.deepcopy(_parse_package(path, path.stat().st_mtime_ns))
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DataError(f"{_display(path)}: expected a mapping with a list of 'resources'")
    works = _works()
    for resource in package["resources"]:
        if isinstance(resource, dict) and isinstance(resource.get("sources"), list):
            where = f"{_display(path)}: dataset '{resource.get('name', '?')}'"
            resource["sources"] = [_resolve(source, where, works) for source in resource["sources"]]
    return package


def _resolve(source, where: str, works: dict) -> dict:
    """One dataset source: a bibliography key and the day it was consulted, filled in from the bibliography."""
    if not isinstance(source, dict) or not source.get("id"):
        raise DataError(f"{where}: each source is a mapping with 'id' (a key of includes/bibliography/) and 'accessed'")
    key = str(source["id"])
    kept = [k for k in KEPT_IN_BIBLIOGRAPHY if k in source]
    if kept:
        kept_text = ", ".join(kept)
        raise DataError(f"{where}: source '{key}' repeats {kept_text}; these live once, in includes/bibliography/")
    unknown = [k for k in source if k not in SOURCE_REF_KEYS]
    if unknown:
        fields, allowed = ", ".join(unknown), ", ".join(SOURCE_REF_KEYS)
        raise DataError(f"{where}: source '{key}' has unknown fields {fields}; give only {allowed}")
    if key not in works:
        raise DataError(f"{where}: source '{key}' is not a key of includes/bibliography/")
    work = works[key]
    if not work.url:
        raise DataError(f"{where}: source '{key}' has no web address in includes/bibliography/{work.file}")
    resolved = {"id": key, "title": work.title, "publisher": work.publisher, "date": work.date, "path": work.url}
    if work.author:
        resolved["author"] = work.author
    resolved["accessed"] = source.get("accessed")
    return resolved


def _works() -> dict:
    """The bibliography (read again only when one of its files changes)."""
    from explainer import bibliography

    try:
        return bibliography.load()
    except BuildError as error:
        raise DataError(f"includes/bibliography: {error}") from None


@functools.lru_cache(maxsize=8)
def _parse_package(path: pathlib.Path, _mtime_ns: int):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=content.SAFE_LOADER)
    except yaml.YAMLError as error:
        raise DataError(f"{_display(path)}: not valid YAML: {error}") from None


def _check_meta(meta: dict, where: str, package: dict) -> None:
    missing = [
        key for key in RESOURCE_KEYS if not meta.get(key) and not (key == "licenses" and package.get("licenses"))
    ]
    if missing:
        raise DataError(f"{where}: the metadata lacks {', '.join(missing)} (every dataset names its source)")
    for i, source in enumerate(meta["sources"], 1):
        gaps = [key for key in SOURCE_KEYS if not source.get(key)]
        if gaps:
            raise DataError(f"{where}: source {i} lacks {', '.join(gaps)}")
        if not URL.match(str(source["path"])):
            raise DataError(f"{where}: source '{source['id']}' path must be a web address, found {source['path']!r}")
    for field in meta["schema"].get("fields", []):
        gaps = [key for key in FIELD_KEYS if not field.get(key)]
        if gaps:
            raise DataError(f"{where}: field {field.get('name', '?')!r} lacks {', '.join(gaps)}")
        if field["type"] not in TYPES:
            raise DataError(
                f"{where}: field {field['name']!r} has type {field['type']!r}; use one of {', '.join(TYPES)}"
            )
        if field["type"] in ("integer", "number") and not field.get("unit"):
            raise DataError(f"{where}: numeric field {field['name']!r} needs a 'unit'")
    names = [f["name"] for f in meta["schema"]["fields"]]
    if "source" not in names:
        raise DataError(f"{where}: the schema needs a 'source' column naming each row's source id")


def load(name: str, data_dir: pathlib.Path = DATA_DIR, derived: bool = True) -> Dataset:
    """One dataset, checked row by row; `derived=False` leaves `{derived.*}` placeholders in its notes."""
    package = read_package(data_dir) if derived else _package(data_dir)
    metas = [r for r in package["resources"] if r.get("name") == name]
    if not metas:
        raise DataError(f"{_display(data_dir / PACKAGE)}: no dataset named {name!r}")
    meta = dict(metas[0])
    meta.setdefault("licenses", package.get("licenses"))
    path = data_dir / str(meta.get("path", f"{name}.csv"))
    file = _display(path)
    _check_meta(meta, f"{_display(data_dir / PACKAGE)}: dataset '{name}'", package)
    fields = tuple(
        Field(
            f["name"], f["type"], f.get("title", f["name"]), f["description"], f.get("unit"), f.get("constraints", {})
        )
        for f in meta["schema"]["fields"]
    )
    if not path.exists():
        raise DataError(f"{file}: file not found (listed in {PACKAGE} as dataset '{name}')")
    sources = {s["id"]: s for s in meta["sources"]}
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise DataError(f"{file}: the file is empty; expected a header row")
            expected = [f.name for f in fields]
            for column in expected:
                if column not in header:
                    raise DataError(
                        f"{_where(file, None, column)}: column is missing from the header (found: {', '.join(header)})"
                    )
            for column in header:
                if column not in expected:
                    raise DataError(
                        f"{_where(file, None, column)}: column is not in the schema (expected: {', '.join(expected)})"
                    )
            if header != expected:
                raise DataError(f"{file}: columns are out of order; expected {', '.join(expected)}")
            for number, values in enumerate(reader, 1):
                if len(values) != len(fields):
                    raise DataError(
                        f"{_where(file, number)}: has {len(values)} values, "
                        f"expected {len(fields)} ({', '.join(expected)})"
                    )
                rows.append({f.name: f.parse(v, file, number, sources) for f, v in zip(fields, values, strict=True)})
        except csv.Error as error:
            raise DataError(f"{_where(file, reader.line_num - 1)}: malformed CSV: {error}") from None
    if not rows:
        raise DataError(f"{file}: no data rows")
    key = meta["schema"].get("primaryKey")
    if key:
        seen: dict[tuple, int] = {}
        for number, row in enumerate(rows, 1):
            value = tuple(row[k] for k in key)
            if value in seen:
                raise DataError(f"{_where(file, number, key[-1])}: repeats the key {value} of row {seen[value]}")
            seen[value] = number
    unused = set(sources) - {i for row in rows for i in source_ids(row["source"])}
    if unused:
        raise DataError(
            f"{_display(data_dir / PACKAGE)}: dataset '{name}' lists sources no row uses: {', '.join(sorted(unused))}"
        )
    return Dataset(name, file, meta, fields, tuple(rows))


def names(data_dir: pathlib.Path = DATA_DIR) -> list[str]:
    return [r["name"] for r in _package(data_dir)["resources"]]
