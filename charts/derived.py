"""Figures the site computes rather than reads (ranges, gaps, ratios, spans), each worked out here from the datasets.

They are numbers with a kind; the page layer writes them out in the reader's language (explainer/wording.py)."""

from __future__ import annotations

import dataclasses
import functools
import pathlib
from decimal import ROUND_HALF_UP, Decimal

from core.errors import DataError

from .datasets import DATA_DIR, load
from .steps import trade_from_raw

# The kinds of figure, each written out by its own string (`derived.<kind>` in includes/strings).
KINDS = (
    "percent",  # a share, rounded to a whole number: value
    "percent_range",  # low, high
    "percent_by_year",  # ((year, value), ...)
    "years",  # (year, ...)
    "year",  # year
    "year_span",  # first, last
    "usd_bn",  # value in US$ billion, with `digits` decimals
    "usd_billion",  # the same, written out in full for running text
    "usd_million",  # value in US$ million
    "count",  # a small whole number, written in words where the language does
    "score",  # a whole-number score
    "number",  # a number with `digits` decimals
    "named_range",  # ((low, low country's ISO code), (high, high country's ISO code)), with `digits` decimals
    "countries",  # (ISO code, ...)
)


@dataclasses.dataclass(frozen=True)
class Figure:
    kind: str
    value: object
    digits: int = 0


def whole(value: float | Decimal) -> int:
    """Round half up, as people do ("14.5" is 15), not Python's half-to-even."""
    return int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP))


@functools.cache
def figures(data_dir: pathlib.Path = DATA_DIR) -> dict[str, Figure]:
    """Key → figure; views, notes and chapters quote these through `{derived.KEY}` and `<!-- md:value KEY -->`."""
    out: dict[str, Figure] = {}
    for step in (_trade, _elections, _freedom, _repression, _context):
        out.update(step(data_dir))
    return dict(sorted(out.items()))


def _trade(data_dir: pathlib.Path) -> dict[str, Figure]:
    dataset = load("trade_turnover", data_dir)
    kz = {(r["year"], r["partner"]): r["turnover_usd_bn"] for r in dataset.rows if r["reporter"] == "KAZ"}
    cn = {r["year"]: r["turnover_usd_bn"] for r in dataset.rows if r["reporter"] == "CHN"}
    years = sorted({year for year, _ in kz})

    # China's own customs figure against Kazakhstan's, for each year both exist.
    gaps = {
        year: (Decimal(str(cn[year])) / Decimal(str(kz[(year, "CHN")])) - 1) * 100
        for year in sorted(cn)
        if (year, "CHN") in kz
    }
    if not gaps:
        raise DataError("no year has both China's and Kazakhstan's figure for their trade", file=dataset.file)
    # The site says the EU27 led "every year"; stop the build if the data ever stop saying so.
    lagging = [year for year in years if kz[(year, "EU27")] <= max(kz[(year, "CHN")], kz[(year, "RUS")])]
    if lagging:
        raise DataError(
            f"the EU27 is not Kazakhstan's largest partner in {lagging}; the texts say it is every year",
            file=dataset.file,
        )
    # The first year from which China stays ahead of Russia to the end of the series.
    ahead = [year for year in years if kz[(year, "CHN")] > kz[(year, "RUS")]]
    since = next(year for year in years if all(y in ahead for y in years if y >= year)) if ahead else None

    eu = [kz[(year, "EU27")] for year in years]
    cn_ru = [kz[(year, p)] for year in years for p in ("CHN", "RUS")]
    world = {year: kz[(year, "WLD")] for year in years}
    peak, trough = 2013, 2016
    fall = (1 - Decimal(str(world[trough])) / Decimal(str(world[peak]))) * 100
    exports, imports = trade_from_raw.partner_flows(data_dir / "raw")[(2024, "EU27")]
    _, wits, bns = trade_from_raw.source_overlap(data_dir / "raw")
    out = {
        "trade_china_gap_range": Figure(
            "percent_range", (min(map(whole, gaps.values())), max(map(whole, gaps.values())))
        ),
        "trade_china_gap_by_year": Figure("percent_by_year", tuple((y, whole(g)) for y, g in gaps.items())),
        "trade_china_gap_years": Figure("years", tuple(gaps)),
        "trade_years": Figure("year_span", (years[0], years[-1])),
        "trade_eu_low": Figure("usd_bn", min(eu), 1),
        "trade_eu_high": Figure("usd_bn", max(eu), 1),
        "trade_china_russia_low": Figure("usd_bn", whole(min(cn_ru))),
        "trade_china_russia_high": Figure("usd_bn", whole(max(cn_ru))),
        "trade_total_fall_2013_2016": Figure("percent", whole(fall)),
        # The EU27's split into exports and imports, from the raw inputs.
        "trade_eu_exports_2024": Figure("usd_bn", exports, 1),
        "trade_eu_imports_2024": Figure("usd_bn", imports, 1),
        "trade_eu_exports_2024_billion": Figure("usd_billion", exports, 1),
        "trade_eu_imports_2024_billion": Figure("usd_billion", imports, 1),
        # How far the two sources of the total differ in the year both give it.
        "trade_total_overlap_difference": Figure("usd_million", whole(abs(wits - bns) * 1000)),
    }
    if since is not None:
        out["trade_china_ahead_of_russia_since"] = Figure("year", since)
    return out


def _elections(data_dir: pathlib.Path) -> dict[str, Figure]:
    rows = sorted(load("elections", data_dir).rows, key=lambda r: r["election_date"])
    first, last = rows[0], rows[-1]
    return {
        "elections_first_year": Figure("year", first["election_date"].year),
        "elections_last_year": Figure("year", last["election_date"].year),
        "elections_winner_share_first": Figure("percent", whole(first["winner_share_pct"])),
        "elections_winner_share_last": Figure("percent", whole(last["winner_share_pct"])),
        "elections_winner_share_min": Figure("percent", whole(min(r["winner_share_pct"] for r in rows))),
        "elections_turnout_first": Figure("percent", whole(first["turnout_pct"])),
        "elections_turnout_last": Figure("percent", whole(last["turnout_pct"])),
    }


def _freedom(data_dir: pathlib.Path) -> dict[str, Figure]:
    rows = load("freedom_house", data_dir).rows
    out = {}
    for report in ("fiw", "fotn"):
        scores = [r["score"] for r in rows if r["report"] == report]
        editions = [r["edition"] for r in rows if r["report"] == report]
        out[f"{report}_score_low"], out[f"{report}_score_high"] = (
            Figure("score", min(scores)),
            Figure("score", max(scores)),
        )
        out[f"{report}_first_edition"] = Figure("year", min(editions))
        out[f"{report}_last_edition"] = Figure("year", max(editions))
    return out


def _repression(data_dir: pathlib.Path) -> dict[str, Figure]:
    rows = load("repression_figures", data_dir).rows
    detained = [r for r in rows if r["measure"] == "detained"]
    before = [r["value"] for r in detained if r["event"] == "june_2019"]
    after = [r["value"] for r in detained if r["event"] == "january_2022"]
    killed = sorted((r for r in rows if r["measure"] == "killed"), key=lambda r: r["reported_on"])
    out = {}
    if before and after:
        out["detentions_ratio_low"] = Figure("count", whole(min(after) / max(before)))
        out["detentions_ratio_high"] = Figure("count", whole(max(after) / max(before)))
    if killed:
        first, last = killed[0]["reported_on"], killed[-1]["reported_on"]
        out["deaths_revision_months"] = Figure("count", (last.year - first.year) * 12 + last.month - first.month)
        # The first and the last official toll: the span the death-toll chart's title states.
        out["deaths_first"] = Figure("number", killed[0]["value"])
        out["deaths_last"] = Figure("number", killed[-1]["value"])
    return out


# The comparison charts: Kazakhstan beside the other Central Asian states on each index.
KAZAKHSTAN = "KAZ"
CENTRAL_ASIA = ("KGZ", "TJK", "TKM", "UZB")


def _named_range(rows: list[dict], column: str, digits: int = 0) -> Figure:
    low = min(rows, key=lambda r: r[column])
    high = max(rows, key=lambda r: r[column])
    return Figure("named_range", ((low[column], low["iso3"]), (high[column], high["iso3"])), digits)


def _context(data_dir: pathlib.Path) -> dict[str, Figure]:
    fiw = load("fiw_comparison", data_dir)
    latest = max(r["edition"] for r in fiw.rows)
    first = min(r["edition"] for r in fiw.rows)
    now = {r["iso3"]: r for r in fiw.rows if r["edition"] == latest}
    then = {r["iso3"]: r for r in fiw.rows if r["edition"] == first}
    if KAZAKHSTAN not in now or KAZAKHSTAN not in then:
        raise DataError(f"no row for Kazakhstan in the {first} or {latest} edition", file=fiw.file)
    kaz = now[KAZAKHSTAN]
    out = {
        "fiw_comparison_edition": Figure("year", latest),
        "fiw_comparison_first_edition": Figure("year", first),
        "fiw_kaz_total": Figure("number", kaz["total"]),
        "fiw_kaz_political_rights": Figure("number", kaz["political_rights"]),
        "fiw_kaz_civil_liberties": Figure("number", kaz["civil_liberties"]),
        "fiw_kaz_first_total": Figure("number", then[KAZAKHSTAN]["total"]),
        "fiw_central_asia_range": _named_range([now[c] for c in CENTRAL_ASIA if c in now], "total"),
        "fiw_central_asia_first_range": _named_range([then[c] for c in CENTRAL_ASIA if c in then], "total"),
        "fiw_countries": Figure("count", len(now)),
    }
    eiu = load("democracy_index", data_dir)
    scored = [r for r in eiu.rows if r["score"] is not None]
    kaz_eiu = next((r for r in scored if r["iso3"] == KAZAKHSTAN), None)
    out["eiu_edition"] = Figure("year", max(r["edition"] for r in eiu.rows))
    out["eiu_found"] = Figure("count", len(scored))
    out["eiu_countries"] = Figure("count", len(eiu.rows))
    out["eiu_not_found"] = Figure("countries", tuple(r["iso3"] for r in eiu.rows if r["score"] is None))
    # The democracy-index chart's summary says the Central Asian states come in the same order on both indices.
    on_eiu = [r["iso3"] for r in sorted(scored, key=lambda r: -r["score"]) if r["iso3"] in (KAZAKHSTAN, *CENTRAL_ASIA)]
    on_fiw = [c for c in sorted(now, key=lambda c: -now[c]["total"]) if c in on_eiu]
    if on_eiu != on_fiw:
        raise DataError(
            f"the Central Asian states' order ({', '.join(on_eiu)}) differs from Freedom House's "
            f"({', '.join(on_fiw)}); the democracy_index_comparison summary says it is the same",
            file=eiu.file,
        )
    # The summary says as many countries score above Kazakhstan on one index as on the other.
    above_fiw = [c for c in now if now[c]["total"] > kaz["total"]]
    above_eiu = [r["iso3"] for r in scored if kaz_eiu and r["score"] > kaz_eiu["score"]]
    if kaz_eiu and sorted(above_fiw) != sorted(above_eiu):
        raise DataError(
            "the countries above Kazakhstan differ between the indices (Freedom House: "
            f"{', '.join(sorted(above_fiw))}; EIU: {', '.join(sorted(above_eiu))}); the democracy_index_comparison "
            "summary says they are the same",
            file=eiu.file,
        )
    out["kaz_countries_above"] = Figure("count", len(above_fiw))
    # ... and names the pairs the two indices put in opposite orders.
    eiu_score = {r["iso3"]: r["score"] for r in scored}
    for higher_eiu, lower_eiu in (("POL", "MNG"), ("ARM", "GEO"), ("AZE", "RUS"), ("AZE", "CHN")):
        if higher_eiu in eiu_score and lower_eiu in eiu_score and higher_eiu in now and lower_eiu in now:
            eiu_order = eiu_score[higher_eiu] > eiu_score[lower_eiu]
            fiw_order = now[higher_eiu]["total"] < now[lower_eiu]["total"]
            if not (eiu_order and fiw_order):
                raise DataError(
                    f"the EIU no longer puts {higher_eiu} above {lower_eiu} while Freedom House puts it below; the "
                    "democracy_index_comparison summary says so",
                    file=eiu.file,
                )
    if kaz_eiu:
        out["eiu_kaz_score"] = Figure("number", kaz_eiu["score"], 2)
        neighbours = [r for r in scored if r["iso3"] in CENTRAL_ASIA]
        if neighbours:
            out["eiu_central_asia_range"] = _named_range(neighbours, "score", 2)
    return out
