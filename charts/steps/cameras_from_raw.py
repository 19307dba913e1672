"""Build camera_density.csv: each firm's estimate of surveillance cameras per person, as it published it and per 100
people, so that the chart can set them side by side while keeping each firm's figure apart."""

from __future__ import annotations

import csv
import io
import pathlib
from decimal import ROUND_HALF_UP, Decimal

from core.errors import DataError

OUTPUT = "camera_density.csv"
COLUMNS = ("country", "iso3", "estimated_by", "year", "people_per_camera", "cameras_per_100", "source")
# Raw file → (the estimator's code in the published rows, the column it publishes, the bibliography key of the report).
RAW = {
    "camera_estimates_ihs_markit.csv": ("ihs_markit", "people_per_camera", "disrn-2019-cameras"),
    "camera_estimates_precisesecurity.csv": ("precisesecurity", "cameras_per_100", "asiaone-2019-cctv-per-capita"),
}
HUNDRED = Decimal(100)


def _rows(path: pathlib.Path, column: str) -> list[dict]:
    file = f"charts/data/raw/{path.name}"
    if not path.exists():
        raise DataError("raw input missing (see raw/sources.yaml)", file=file)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for needed in ("country", "iso3", "year", column):
            if needed not in (reader.fieldnames or []):
                raise DataError(
                    f"column is missing (found: {', '.join(reader.fieldnames or [])})", file=file, column=needed
                )
        rows = list(reader)
    for line, row in enumerate(rows, 2):
        try:
            row[column] = Decimal(row[column])
        except ArithmeticError:
            raise DataError(f"expected a number, found {row[column]!r}", file=file, line=line, column=column) from None
        if row[column] <= 0:
            raise DataError(f"expected a number above zero, found {row[column]}", file=file, line=line, column=column)
    return rows


def build(data_dir: pathlib.Path) -> str:
    """The published CSV as text: one row per estimate. A figure published as people per camera is also given per
    100 people (100 divided by it, to one decimal, rounded half up); a figure published per 100 people is kept."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for name, (code, column, source) in RAW.items():
        for row in _rows(data_dir / "raw" / name, column):
            if column == "people_per_camera":
                people = row[column]
                per_100 = (HUNDRED / people).quantize(Decimal("0.1"), ROUND_HALF_UP)
            else:
                people, per_100 = "", row[column]
            writer.writerow((row["country"], row["iso3"], code, row["year"], people, per_100, source))
    return out.getvalue()
