"""Every reader-facing string, looked up by key in includes/strings/<language>.yml; numbers and dates by locale."""

from __future__ import annotations

import datetime as dt
import functools
import pathlib

import yaml

from . import content
from .errors import BuildError

STRINGS_DIR = pathlib.Path(__file__).resolve().parent.parent / "includes" / "strings"
DEFAULT_LANGUAGE = "en"


@functools.cache
def table(language: str = DEFAULT_LANGUAGE) -> dict:
    """The strings file of one language, flattened to dotted keys ("card.show_table")."""
    path = STRINGS_DIR / f"{language}.yml"
    try:
        raw = content.parse_yaml(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise BuildError("no strings file for this language", file=f"includes/strings/{language}.yml") from None
    except yaml.YAMLError as problem:
        raise content.not_valid_yaml(problem, BuildError, f"includes/strings/{language}.yml") from None
    flat: dict[str, object] = {}

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        else:
            flat[prefix] = value

    walk("", raw)
    return flat


def text(key: str, language: str = DEFAULT_LANGUAGE, **fields) -> str:
    """The string under `key`, with `{name}` fields filled in; a missing key stops the build."""
    strings = table(language)
    if key not in strings:
        raise BuildError(f"no string {key!r}: add it", file=f"includes/strings/{language}.yml")
    value = strings[key]
    if not isinstance(value, str):
        raise BuildError(
            f"string {key!r} must be text, found {type(value).__name__}", file=f"includes/strings/{language}.yml"
        )
    try:
        return value.format(**fields) if fields else value
    except KeyError as missing:
        raise BuildError(
            f"string {key!r} uses the field {missing} which the caller does not give",
            file=f"includes/strings/{language}.yml",
        ) from None


def locale(language: str = DEFAULT_LANGUAGE) -> dict:
    """Month names and separators for `language`, from its strings file."""
    return {
        "months": text("locale.months", language).split(),
        "decimal": text("locale.decimal", language),
        "thousands": text("locale.thousands", language),
    }


def number(value: float, digits: int = 0, language: str = DEFAULT_LANGUAGE) -> str:
    """A number with fixed digits and the language's separators: 12,035,578 or 54.2."""
    loc = locale(language)
    plain = f"{value:,.{digits}f}"
    return plain.replace(",", "\0").replace(".", loc["decimal"]).replace("\0", loc["thousands"])


def date(value: str | dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """A date as precise as it is given (YYYY, YYYY-MM or YYYY-MM-DD), written the language's way."""
    text_value = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text_value.split("-")]
    months = locale(language)["months"]
    pattern = {3: "locale.date_day", 2: "locale.date_month", 1: "locale.date_year"}[len(parts)]
    return text(
        pattern,
        language,
        day=parts[2] if len(parts) == 3 else "",
        month=months[parts[1] - 1] if len(parts) > 1 else "",
        year=parts[0],
    )
