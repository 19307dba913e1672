"""Numbers and dates written the way the current language writes them (Babel), and the separators charts use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale, dates, lists, numbers

from . import strings


def number(value: float | int | Decimal, digits: int = 0) -> str:
    """A number with fixed digits and the language's separators: 12,035,578 or 54.2 (12 035 578, 54,2 in Russian)."""
    fixed = Decimal(f"{value:.{digits}f}")
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return numbers.format_decimal(fixed, format=pattern, locale=strings.babel_locale())


def separators() -> str:
    """The decimal and thousands separators, in the order Plotly's `separators` takes them."""
    where = strings.babel_locale()
    return numbers.get_decimal_symbol(where) + numbers.get_group_symbol(where)


def _words(text: str) -> str:
    return strings.pseudo(text) if strings.current() == strings.PSEUDO else text


def date(value: str | dt.date) -> str:
    """A date as precise as it is given (YYYY, YYYY-MM or YYYY-MM-DD): "2 February 2022", "February 2022", "2022"."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    pattern = "d MMMM y" if len(parts) == 3 else "LLLL y"
    return _words(dates.format_date(day, pattern, locale=strings.babel_locale()))


def month_name(month: int) -> str:
    """A month's name standing alone, as a citation gives it ("February")."""
    return _words(dates.get_month_names("wide", "stand-alone", locale=strings.babel_locale())[month])


def quoted(text: str) -> str:
    """Text in the language's quotation marks: “…” in English, «…» in Russian."""
    return strings.text("typography.quote_open") + text + strings.text("typography.quote_close")


def listing(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C', in the language's way."""
    return lists.format_list(list(items), locale=strings.babel_locale())


# ISO 3166 three-letter codes (as the datasets give them) → the two-letter codes Babel names countries by.
ALPHA2 = {
    "ARM": "AM", "AZE": "AZ", "CHN": "CN", "DEU": "DE", "GEO": "GE", "HUN": "HU", "ITA": "IT", "KAZ": "KZ",
    "KGZ": "KG", "MNG": "MN", "POL": "PL", "RUS": "RU", "TJK": "TJ", "TKM": "TM", "USA": "US", "UZB": "UZ",
}  # fmt: skip


def country(iso3: str) -> str:
    """A country's name in the current language, from the CLDR data Babel ships: "Kyrgyzstan", "Киргизия"."""
    from .errors import BuildError

    if iso3 not in ALPHA2:
        raise BuildError(f"no name for the country code {iso3!r}: add it to ALPHA2", file="core/locale.py")
    return _words(Locale.parse(strings.babel_locale()).territories[ALPHA2[iso3]])
