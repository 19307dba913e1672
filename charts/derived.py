"""Figures the site computes rather than reads (ranges, gaps, ratios, spans), each worked out here from the datasets."""

from __future__ import annotations

import functools
import pathlib
from decimal import ROUND_HALF_UP, Decimal

from explainer import strings

from .datasets import DATA_DIR, DataError, load
from .steps import trade_turnover as trade_step

SMALL_NUMBERS = range(0, 11)


def values(data_dir: pathlib.Path = DATA_DIR) -> dict[str, str]:
    """Key → the figure as written on the site; views, notes and chapters quote these through placeholders."""
    data_dir = pathlib.Path(data_dir)
    # Computed once per version of the data: every chart card asks.
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(data_dir.glob("*")) if p.is_file())
    return dict(_values(data_dir, stamp))


@functools.lru_cache(maxsize=8)
def _values(data_dir: pathlib.Path, _stamp: tuple) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for step in (_trade, _elections, _freedom, _repression, _context):
        out.update(step(data_dir))
    return tuple(sorted(out.items()))


def whole(value: float | Decimal) -> int:
    """Round half up, as people do ("14.5" is 15), not Python's half-to-even."""
    return int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP))


def percent(value: float | Decimal) -> str:
    return strings.text("derived.percent", value=strings.number(whole(value)))


def usd_bn(value: float, digits: int = 1) -> str:
    return strings.text("derived.usd_bn", value=strings.number(value, digits))


def in_words(value: int) -> str:
    """Small whole numbers in words, as the site's style writes them in running text."""
    words = strings.text("derived.small_numbers").split()
    return words[value] if value in SMALL_NUMBERS else strings.number(value)


def listing(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return strings.text("derived.list_and", items=", ".join(items[:-1]), last=items[-1])


def _trade(data_dir: pathlib.Path) -> dict[str, str]:
    dataset = load("trade_turnover", data_dir, derived=False)
    kz = {(r["year"], r["partner"]): r["turnover_usd_bn"] for r in dataset.rows if r["reporter"] == "Kazakhstan"}
    cn = {r["year"]: r["turnover_usd_bn"] for r in dataset.rows if r["reporter"] == "China"}
    years = sorted({year for year, _ in kz})

    # China's own customs figure against Kazakhstan's, for each year both exist.
    gaps = {
        year: (Decimal(str(cn[year])) / Decimal(str(kz[(year, "China")])) - 1) * 100
        for year in sorted(cn)
        if (year, "China") in kz
    }
    if not gaps:
        raise DataError(f"{dataset.file}: no year has both China's and Kazakhstan's figure for their trade")
    low, high = min(whole(g) for g in gaps.values()), max(whole(g) for g in gaps.values())

    # The site says the EU27 led "every year"; stop the build if the data ever stop saying so.
    lagging = [year for year in years if kz[(year, "EU27")] <= max(kz[(year, "China")], kz[(year, "Russia")])]
    if lagging:
        raise DataError(
            f"{dataset.file}: the EU27 is not Kazakhstan's largest partner in {lagging}; the texts say it is every year"
        )
    # The first year from which China stays ahead of Russia to the end of the series.
    ahead = [year for year in years if kz[(year, "China")] > kz[(year, "Russia")]]
    since = next(year for year in years if all(y in ahead for y in years if y >= year)) if ahead else None

    eu = [kz[(year, "EU27")] for year in years]
    cn_ru = [kz[(year, p)] for year in years for p in ("China", "Russia")]
    world = {year: kz[(year, "World")] for year in years}
    peak, trough = 2013, 2016
    fall = (1 - Decimal(str(world[trough])) / Decimal(str(world[peak]))) * 100
    out = {
        "trade_china_gap_range": strings.text(
            "derived.range_percent", low=strings.number(low), high=strings.number(high)
        ),
        "trade_china_gap_by_year": listing(
            [strings.text("derived.value_in_year", value=percent(g), year=y) for y, g in gaps.items()]
        ),
        "trade_china_gap_years": listing([str(y) for y in gaps]),
        "trade_years": strings.text("derived.span_years", first=years[0], last=years[-1]),
        "trade_eu_low": usd_bn(min(eu)),
        "trade_eu_high": usd_bn(max(eu)),
        "trade_china_russia_low": usd_bn(whole(min(cn_ru)), 0),
        "trade_china_russia_high": usd_bn(whole(max(cn_ru)), 0),
        "trade_total_fall_2013_2016": percent(fall),
    }
    if since is not None:
        out["trade_china_ahead_of_russia_since"] = str(since)
    # From the raw inputs: the EU27's split into exports and imports, and how far the two sources of the total differ.
    raw = data_dir / "raw"
    exports, imports = trade_step.partner_flows(raw)[(2024, "EU27")]
    out["trade_eu_exports_2024"] = usd_bn(exports)
    out["trade_eu_imports_2024"] = usd_bn(imports)
    # Chapters write "billion" in full.
    out["trade_eu_exports_2024_billion"] = strings.text("derived.usd_billion", value=strings.number(exports, 1))
    out["trade_eu_imports_2024_billion"] = strings.text("derived.usd_billion", value=strings.number(imports, 1))
    _, wits, bns = trade_step.source_overlap(raw)
    out["trade_total_overlap_difference"] = strings.text(
        "derived.usd_million", value=strings.number(whole(abs(wits - bns) * 1000))
    )
    return out


def _elections(data_dir: pathlib.Path) -> dict[str, str]:
    rows = sorted(load("elections", data_dir, derived=False).rows, key=lambda r: r["election_date"])
    first, last = rows[0], rows[-1]
    return {
        "elections_first_year": str(first["election_date"].year),
        "elections_last_year": str(last["election_date"].year),
        "elections_winner_share_first": percent(first["winner_share_pct"]),
        "elections_winner_share_last": percent(last["winner_share_pct"]),
        "elections_winner_share_min": percent(min(r["winner_share_pct"] for r in rows)),
        "elections_turnout_first": percent(first["turnout_pct"]),
        "elections_turnout_last": percent(last["turnout_pct"]),
    }


def _freedom(data_dir: pathlib.Path) -> dict[str, str]:
    rows = load("freedom_house", data_dir, derived=False).rows
    out = {}
    for report, key in (("Freedom in the World", "fiw"), ("Freedom on the Net", "fotn")):
        scores = [r["score"] for r in rows if r["report"] == report]
        editions = [r["edition"] for r in rows if r["report"] == report]
        out[f"{key}_score_low"], out[f"{key}_score_high"] = str(min(scores)), str(max(scores))
        out[f"{key}_first_edition"], out[f"{key}_last_edition"] = str(min(editions)), str(max(editions))
    return out


# The two crackdowns the repression figures compare; the titles quote a ratio between them.
EVENTS = ("June 2019", "January 2022")


def _repression(data_dir: pathlib.Path) -> dict[str, str]:
    dataset = load("repression_figures", data_dir, derived=False)
    rows = dataset.rows
    for number, row in enumerate(rows, 1):
        if not row["event"].startswith(EVENTS):
            raise DataError(
                f"{dataset.file}, row {number} (line {number + 1}), column 'event': expected an event starting with "
                f"{' or '.join(repr(e) for e in EVENTS)}, found {row['event']!r}"
            )
    detained = [r for r in rows if r["measure"] == "people detained"]
    before = [r["value"] for r in detained if r["event"].startswith("June 2019")]
    after = [r["value"] for r in detained if r["event"].startswith("January 2022")]
    killed = sorted((r for r in rows if r["measure"] == "people killed"), key=lambda r: r["reported_on"])
    out = {}
    if before and after:
        out["detentions_ratio_low"] = in_words(whole(min(after) / max(before)))
        out["detentions_ratio_high"] = in_words(whole(max(after) / max(before)))
    if killed:
        first, last = killed[0]["reported_on"], killed[-1]["reported_on"]
        months = (last.year - first.year) * 12 + last.month - first.month
        out["deaths_revision_months"] = in_words(months)
        # The first and the last official toll: the span the death-toll chart's title states.
        out["deaths_first"] = strings.number(killed[0]["value"])
        out["deaths_last"] = strings.number(killed[-1]["value"])
    return out


# The comparison charts: Kazakhstan beside the other Central Asian states on each index.
KAZAKHSTAN = "KAZ"
CENTRAL_ASIA = ("KGZ", "TJK", "TKM", "UZB")


def _named_range(rows: list[dict], column: str, digits: int = 0) -> str:
    low = min(rows, key=lambda r: r[column])
    high = max(rows, key=lambda r: r[column])
    return strings.text(
        "derived.range_named",
        low=strings.number(low[column], digits),
        low_name=low["country"],
        high=strings.number(high[column], digits),
        high_name=high["country"],
    )


def _context(data_dir: pathlib.Path) -> dict[str, str]:
    fiw = load("fiw_comparison", data_dir, derived=False)
    latest = max(r["edition"] for r in fiw.rows)
    first = min(r["edition"] for r in fiw.rows)
    now = {r["iso3"]: r for r in fiw.rows if r["edition"] == latest}
    then = {r["iso3"]: r for r in fiw.rows if r["edition"] == first}
    if KAZAKHSTAN not in now or KAZAKHSTAN not in then:
        raise DataError(f"{fiw.file}: no row for Kazakhstan in the {first} or {latest} edition")
    kaz = now[KAZAKHSTAN]
    out = {
        "fiw_comparison_edition": str(latest),
        "fiw_comparison_first_edition": str(first),
        "fiw_kaz_total": strings.number(kaz["total"]),
        "fiw_kaz_political_rights": strings.number(kaz["political_rights"]),
        "fiw_kaz_civil_liberties": strings.number(kaz["civil_liberties"]),
        "fiw_kaz_first_total": strings.number(then[KAZAKHSTAN]["total"]),
        "fiw_central_asia_range": _named_range([now[c] for c in CENTRAL_ASIA if c in now], "total"),
        "fiw_central_asia_first_range": _named_range([then[c] for c in CENTRAL_ASIA if c in then], "total"),
        "fiw_countries": in_words(len(now)),
    }
    eiu = load("democracy_index", data_dir, derived=False)
    scored = [r for r in eiu.rows if r["score"] is not None]
    kaz_eiu = next((r for r in scored if r["iso3"] == KAZAKHSTAN), None)
    out["eiu_edition"] = str(max(r["edition"] for r in eiu.rows))
    out["eiu_found"] = in_words(len(scored))
    out["eiu_countries"] = in_words(len(eiu.rows))
    out["eiu_not_found"] = listing([r["country"] for r in eiu.rows if r["score"] is None])
    # The democracy-index chart's summary says the Central Asian states come in the same order on both indices.
    on_eiu = [r["iso3"] for r in sorted(scored, key=lambda r: -r["score"]) if r["iso3"] in (KAZAKHSTAN, *CENTRAL_ASIA)]
    on_fiw = [c for c in sorted(now, key=lambda c: -now[c]["total"]) if c in on_eiu]
    if on_eiu != on_fiw:
        raise DataError(
            f"{eiu.file}: the Central Asian states' order ({', '.join(on_eiu)}) differs from Freedom House's "
            f"({', '.join(on_fiw)}); the democracy_index_comparison summary says it is the same"
        )
    if kaz_eiu:
        out["eiu_kaz_score"] = strings.number(kaz_eiu["score"], 2)
        neighbours = [r for r in scored if r["iso3"] in CENTRAL_ASIA]
        if neighbours:
            out["eiu_central_asia_range"] = _named_range(neighbours, "score", 2)
    return out
