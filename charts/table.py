"""A chart's tidy data: the dataset rows and columns it plots, ready to show as a table or CSV."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from typing import Callable

from .datasets import Dataset, source_ids


@dataclasses.dataclass(frozen=True)
class Table:
    dataset: Dataset
    columns: tuple[str, ...]
    rows: tuple[dict, ...]

    @classmethod
    def select(cls, dataset: Dataset, columns: tuple[str, ...], where: Callable[[dict], bool] = lambda row: True) -> "Table":
        unknown = [c for c in columns if c not in {f.name for f in dataset.fields}]
        if unknown:
            raise KeyError(f"{dataset.file}: no column {', '.join(unknown)}")
        rows = tuple(row for row in dataset.rows if where(row))
        if not rows:
            raise ValueError(f"{dataset.file}: the chart's selection matches no rows")
        return cls(dataset, tuple(columns) + ("source",), rows)

    def values(self, column: str) -> list:
        return [row[column] for row in self.rows]

    def header(self) -> list[str]:
        return [self.dataset.field(c).label for c in self.columns]

    def cells(self) -> list[list[str]]:
        """Every row as display text; the HTML table and the CSV download both use exactly this."""
        sources = self.dataset.sources
        return [
            ["; ".join(source_label(sources[i]) for i in source_ids(row[c])) if c == "source" else text(row[c]) for c in self.columns]
            for row in self.rows
        ]

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header())
        writer.writerows(self.cells())
        return out.getvalue()

    def used_sources(self) -> list[dict]:
        ids = dict.fromkeys(i for row in self.rows for i in source_ids(row["source"]))
        return [self.dataset.sources[i] for i in ids]


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def source_label(source: dict) -> str:
    return f"{source['publisher']} ({source['date']})"
