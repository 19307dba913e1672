"""Build trade_turnover.csv from the raw partner panel, the monthly totals and China's own figures."""

from __future__ import annotations

import csv
import io
import pathlib
from decimal import ROUND_HALF_UP, Decimal

from core import yamlfile
from core.errors import DataError

OUTPUT = "trade_turnover.csv"
META = pathlib.Path(__file__).resolve().with_name("trade_from_raw.meta.yml")
COLUMNS = ("year", "partner", "reporter", "turnover_usd_bn", "series", "preliminary", "source")
THOUSAND, MILLION = Decimal(1000), Decimal(1_000_000)


class Partner(yamlfile.Model):
    members: tuple[str, ...]
    series: dict[str, str]  # "wits" and "bns": the code of the series each era's rows come from


class Meta(yamlfile.Model):
    years: tuple[int, int]
    preliminary: tuple[int, ...]
    partners: dict[str, Partner]
    partners_wits_until: int
    world_wits_until: int
    world_series: dict[str, str]
    sources: dict[str, tuple[str, ...]]


def meta() -> Meta:
    return yamlfile.load(META, Meta, DataError)


def _rows(path: pathlib.Path, columns: tuple[str, ...]) -> list[dict]:
    """A raw CSV's rows, after checking it has the columns the step reads."""
    if not path.exists():
        raise DataError("raw input missing (see raw/sources.yaml)", file=f"charts/data/raw/{path.name}")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(
                f"column is missing (found: {', '.join(reader.fieldnames or [])})",
                file=f"charts/data/raw/{path.name}",
                column=missing[0],
            )
        return list(reader)


def _number(row: dict, column: str, file: str, line: int) -> Decimal:
    try:
        return Decimal(row[column])
    except ArithmeticError:
        raise DataError(
            f"expected a number, found {row[column]!r}", file=f"charts/data/raw/{file}", line=line + 1, column=column
        ) from None


def billions(value: Decimal) -> str:
    """US$ billion to the nearest million, half up, without trailing zeros: 136.82, 61.95."""
    text = format(value.quantize(Decimal("0.001"), ROUND_HALF_UP).normalize(), "f")
    return text if "." in text else f"{text}.0"


def partner_flows(raw_dir: pathlib.Path) -> dict[tuple[int, str], tuple[Decimal, Decimal]]:
    """(year, partner) → (exports, imports) in US$ billion, each partner summed over its members."""
    spec = meta()
    panel = _rows(raw_dir / "kz_trade_by_partner.csv", ("iso3", "year", "exports", "imports"))
    first, last = spec.years
    flows: dict[tuple[int, str], tuple[Decimal, Decimal]] = {}
    for partner, definition in spec.partners.items():
        members = set(definition.members)
        for year in range(first, last + 1):
            rows = [(n, r) for n, r in enumerate(panel, 1) if r["iso3"] in members and int(r["year"]) == year]
            found = {r["iso3"] for _, r in rows}
            # A missing member would silently shrink the sum: say which one instead.
            if found != members:
                raise DataError(
                    f"{partner} {year} lacks {', '.join(sorted(members - found))}",
                    file="charts/data/raw/kz_trade_by_partner.csv",
                )
            exports = sum(_number(r, "exports", "kz_trade_by_partner.csv", n) for n, r in rows) / THOUSAND
            imports = sum(_number(r, "imports", "kz_trade_by_partner.csv", n) for n, r in rows) / THOUSAND
            flows[(year, partner)] = (exports, imports)
    return flows


def world_totals(raw_dir: pathlib.Path) -> dict[int, Decimal]:
    """Year → Kazakhstan's total trade in US$ billion: WITS as given, then the Bureau's months summed."""
    spec = meta()
    first, last = spec.years
    totals = {
        int(r["year"]): _number(r, "turnover_usd_bn", "wits_kz_world.csv", n)
        for n, r in enumerate(_rows(raw_dir / "wits_kz_world.csv", ("year", "turnover_usd_bn")), 1)
    }
    months: dict[int, list[Decimal]] = {}
    for name in ("bns_exports_monthly.csv", "bns_imports_monthly.csv"):
        for n, row in enumerate(_rows(raw_dir / name, ("date", "value")), 1):
            months.setdefault(int(row["date"][:4]), []).append(_number(row, "value", name, n))
    out = {}
    for year in range(first, last + 1):
        if year <= spec.world_wits_until:
            out[year] = totals[year]
        else:
            # Twelve months of exports and twelve of imports, or the year is not complete.
            if len(months.get(year, [])) != 24:
                raise DataError(
                    f"{year} has {len(months.get(year, []))} monthly values, expected 24",
                    file="charts/data/raw/bns_*_monthly.csv",
                )
            out[year] = sum(months[year]) / MILLION
    return out


def build(data_dir: pathlib.Path) -> str:
    """The published CSV, as text."""
    spec, raw = meta(), data_dir / "raw"
    first, last = spec.years
    preliminary = set(spec.preliminary)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for year, total in world_totals(raw).items():
        wits = year <= spec.world_wits_until
        writer.writerow(
            [
                year,
                "WLD",
                "KAZ",
                billions(total),
                spec.world_series["wits" if wits else "bns"],
                str(year in preliminary).lower(),
                ";".join(spec.sources["wits" if wits else "bns_totals"]),
            ]
        )
    flows = partner_flows(raw)
    for partner, definition in spec.partners.items():
        for year in range(first, last + 1):
            exports, imports = flows[(year, partner)]
            wits = year <= spec.partners_wits_until
            writer.writerow(
                [
                    year,
                    partner,
                    "KAZ",
                    billions(exports + imports),
                    definition.series["wits" if wits else "bns"],
                    str(year in preliminary).lower(),
                    ";".join(spec.sources["wits" if wits else "bns_partners"]),
                ]
            )
    for row in _rows(raw / "china_customs.csv", ("year", "turnover_usd_bn", "series", "source")):
        writer.writerow([row["year"], "CHN", "CHN", row["turnover_usd_bn"], row["series"], "false", row["source"]])
    return out.getvalue()


def source_overlap(raw_dir: pathlib.Path) -> tuple[int, Decimal, Decimal]:
    """The year both sources of the total cover, with WITS's and the Bureau's figure for it (US$ billion)."""
    spec = meta()
    year = spec.world_wits_until + 1
    wits = {
        int(r["year"]): _number(r, "turnover_usd_bn", "wits_kz_world.csv", n)
        for n, r in enumerate(_rows(raw_dir / "wits_kz_world.csv", ("year", "turnover_usd_bn")), 1)
    }
    if year not in wits:
        raise DataError(
            f"no row for {year}, the year the total switches to the Bureau's figures",
            file="charts/data/raw/wits_kz_world.csv",
        )
    bns = (
        sum(
            _number(r, "value", name, n)
            for name in ("bns_exports_monthly.csv", "bns_imports_monthly.csv")
            for n, r in enumerate(_rows(raw_dir / name, ("date", "value")), 1)
            if r["date"].startswith(str(year))
        )
        / MILLION
    )
    return year, wits[year], bns
