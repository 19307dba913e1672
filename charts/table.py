"""A chart's tidy data: the dataset rows and columns it plots, ready to show as a table or CSV."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Callable

from core import locale, strings
from core.errors import DataError

from .datasets import Dataset, source_ids


@dataclasses.dataclass(frozen=True)
class Table:
    dataset: Dataset
    columns: tuple[str, ...]
    rows: tuple[dict, ...]

    @classmethod
    def select(
        cls, dataset: Dataset, columns: tuple[str, ...], where: Callable[[dict], bool] = lambda row: True
    ) -> Table:
        unknown = [c for c in columns if c not in {f.name for f in dataset.fields}]
        if unknown:
            raise DataError(
                "the chart reads this column, which the dataset lacks", file=dataset.file, column=unknown[0]
            )
        rows = tuple(row for row in dataset.rows if where(row))
        if not rows:
            raise _no_match(dataset, where)
        return cls(dataset, tuple(columns) + ("source",), rows)

    def values(self, column: str) -> list:
        return [row[column] for row in self.rows]

    def label(self, row: dict, column: str) -> str:
        """A value as readers see it: a code column's label, a country's name in the reader's language (found by
        the row's ISO code), a number with the language's separators ("7,939"), else the value as text."""
        field = self.dataset.field(column)
        found = field.category_label(row[column])
        if found is not None:
            return found
        if column == "country" and row.get("iso3"):
            return locale.country(row["iso3"])
        return shown(row[column], field.spec.type)

    def header(self) -> list[str]:
        return [self.dataset.field(c).label for c in self.columns]

    def cells(self) -> list[list[str]]:
        """Every row as the card's table shows it: numbers written as the text writes them, sources named."""
        return [
            [self._sources(row) if c == "source" else self.label(row, c) for c in self.columns] for row in self.rows
        ]

    def csv(self) -> str:
        """The download: the same rows, with plain numbers (no thousands separators) that any program reads."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header())
        for row in self.rows:
            writer.writerow(
                [
                    self._sources(row)
                    if c == "source"
                    else self.dataset.field(c).category_label(row[c]) or text(row[c])
                    for c in self.columns
                ]
            )
        return out.getvalue()

    def _sources(self, row: dict) -> str:
        sources = self.dataset.sources
        return sources_label([sources[i] for i in source_ids(row["source"])])

    def used_sources(self) -> list[dict]:
        """The sources the rows use, in the order they first appear; the publishers first, an archive the figures
        were retrieved from (`role: archive` in datapackage.yaml) last."""
        ids = dict.fromkeys(i for row in self.rows for i in source_ids(row["source"]))
        found = [self.dataset.sources[i] for i in ids]
        return sorted(found, key=lambda source: source.get("role") == "archive")


class _Reads(dict):
    """A row that notes which columns a chart's filter reads, in order."""

    def __init__(self, row: dict):
        super().__init__(row)
        self.read: list[str] = []

    def __getitem__(self, key):
        self.read.append(key)
        return super().__getitem__(key)


def _no_match(dataset: Dataset, where: Callable[[dict], bool]) -> DataError:
    """Name the row that came closest to the chart's filter and the column where it failed.

    A filter such as `measure == "people killed" and event.startswith("January 2022")` stops at the
    first failing test, so the last column it read is the one that failed; the row that passed most
    tests before failing is the one that was probably renamed.
    """
    best = None
    for number, row in enumerate(dataset.rows, 1):
        probe = _Reads(row)
        with contextlib.suppress(KeyError, TypeError, AttributeError):
            where(probe)
        if probe.read and (best is None or len(probe.read) > len(best[1])):
            best = (number, probe.read)
    if best is None:
        return DataError("no row matches the chart's selection", file=dataset.file)
    number, read = best
    column = read[-1]
    found = dataset.rows[number - 1][column]
    return DataError(
        f"no row matches the chart's selection; this is the nearest row and it fails on this column (found {found!r}); "
        "was a value renamed?",
        file=dataset.file,
        line=number + 1,
        column=column,
    )


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return strings.text("table.yes" if value else "table.no")
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def shown(value, kind: str = "string") -> str:
    """A value as a table shows it to readers: whole numbers and decimals with the language's separators and only
    the decimals the value has (7,939; 71.09; 2.1), years as they are written (2024), dates as YYYY-MM-DD."""
    if isinstance(value, bool) or value is None or kind == "year":
        return text(value)
    if isinstance(value, int):
        return locale.number(value)
    if isinstance(value, float):
        decimals = f"{value:.10g}".partition(".")[2]
        return text(value) if "e" in decimals else locale.number(value, len(decimals))
    return text(value)


def source_label(source: dict) -> str:
    return f"{source['publisher']} ({source['date']})"


def sources_label(sources: list[dict]) -> str:
    """A row's sources, one publisher once with its dates: "RFE/RL (2022-01-03, 2022-01-04); Interfax (2022-03-14)"."""
    dates: dict[str, list[str]] = {}
    for source in sources:
        dates.setdefault(source["publisher"], []).append(str(source["date"]))
    return "; ".join(f"{publisher} ({', '.join(when)})" for publisher, when in dates.items())
