"""Figures computed by charts/derived.py written out in the reader's language, and the dataset texts that quote them."""

from __future__ import annotations

import functools
import re

from charts import datasets, derived
from core import locale, strings
from core.errors import DataError

# `{derived.key}` in a view or a dataset's text stands for a computed figure.
PLACEHOLDER = datasets.PLACEHOLDER


def words(figure: derived.Figure) -> str:
    """One computed figure as the site writes it: "26–45%", "$48.8 bn", "three"."""
    t, n, v = strings.text, locale.number, figure.value
    kind = figure.kind
    if kind == "percent":
        return t("derived.percent", value=n(v))
    if kind == "percent_range":
        return t("derived.range_percent", low=n(v[0]), high=n(v[1]))
    if kind == "percent_by_year":
        return locale.listing(
            [t("derived.value_in_year", value=t("derived.percent", value=n(p)), year=y) for y, p in v]
        )
    if kind == "years":
        return locale.listing([str(year) for year in v])
    if kind in ("year", "score"):
        return str(v)
    if kind == "year_span":
        return t("derived.span_years", first=v[0], last=v[1])
    if kind in ("usd_bn", "usd_billion", "usd_million"):
        return t(f"derived.{kind}", value=n(v, figure.digits))
    if kind == "number":
        return n(v, figure.digits)
    if kind == "named_range":
        (low, low_code), (high, high_code) = v
        return t(
            "derived.range_named",
            low=n(low, figure.digits),
            low_name=locale.country(low_code),
            high=n(high, figure.digits),
            high_name=locale.country(high_code),
        )
    if kind == "countries":
        return locale.listing([locale.country(code) for code in v])
    if kind == "count":
        names = t("derived.small_numbers").split()
        return names[v] if 0 <= v < len(names) else n(v)
    raise DataError(f"no wording for a figure of kind {kind!r}", file="explainer/wording.py")


def values() -> dict[str, str]:
    """Key → the figure as written on the site, in the current language."""
    return _values(strings.current())


@functools.cache
def _values(language: str) -> dict[str, str]:
    return {key: words(figure) for key, figure in derived.figures().items()}


def fill(text: str, where: str) -> str:
    """`text` with each `{derived.KEY}` written out; an unknown key stops the build naming `where`."""

    def one(match: re.Match) -> str:
        found = values()
        if match.group(1) not in found:
            raise DataError(
                f"no computed figure {match.group(0)!r} (charts/derived.py gives: {', '.join(found)})", file=where
            )
        return found[match.group(1)]

    return PLACEHOLDER.sub(one, text)
