"""Every reader-facing string, by key, in includes/strings/<language>.yml, in the language set for the render."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re

from . import INCLUDES, yamlfile
from .errors import BuildError

STRINGS_DIR = INCLUDES / "strings"
# The site's languages, each with the Babel locale that formats its numbers, dates and plurals.
LANGUAGES = {"en": "en_GB", "ru": "ru", "it": "it"}
DEFAULT = "en"
# The pseudo-language: every English string transformed, so that a build in it shows any string still in code.
PSEUDO = "xx"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")

_language = contextvars.ContextVar("language", default=DEFAULT)


@contextlib.contextmanager
def language(code: str):
    """Render everything inside in the language `code` ("en", "ru", "it" or the pseudo-language "xx")."""
    if code not in LANGUAGES and code != PSEUDO:
        raise BuildError(f"unknown language {code!r}; the site has {', '.join(LANGUAGES)}")
    token = _language.set(code)
    try:
        yield code
    finally:
        _language.reset(token)


def current() -> str:
    return _language.get()


def babel_locale(code: str | None = None) -> str:
    code = code or current()
    return LANGUAGES.get(code, LANGUAGES[DEFAULT])


# What pseudo() leaves alone: our {fields}, Plotly's %{placeholders} and HTML tags and entities.
_KEEP = re.compile(r"%?\{[^{}]*\}|<[^>]*>|&\w+;")
_PSEUDO_LETTERS = str.maketrans(
    "aceinosuyACEINOSUY",
    "áçéîñøšüýÅÇЁÎÑØŠÜÝ",
)


def pseudo(text: str) -> str:
    """A string as the pseudo-language writes it: letters accented or Cyrillic, the whole in ⟦brackets⟧."""
    parts, pos = [], 0
    for match in _KEEP.finditer(text):
        parts.append(text[pos : match.start()].translate(_PSEUDO_LETTERS))
        parts.append(match[0])
        pos = match.end()
    parts.append(text[pos:].translate(_PSEUDO_LETTERS))
    return "⟦" + "".join(parts) + "⟧" if text.strip() else text


def file_of(code: str) -> str:
    return f"includes/strings/{code}.yml"


@functools.cache
def table(code: str) -> dict[str, object]:
    """The strings of one language, flattened to dotted keys ("card.show_table")."""
    if code == PSEUDO:
        return {key: _map_text(value, pseudo) for key, value in table(DEFAULT).items()}
    raw = yamlfile.read(STRINGS_DIR / f"{code}.yml") or {}
    flat: dict[str, object] = {}

    def walk(prefix: str, value) -> None:
        # A mapping whose keys are plural forms is one string with its plurals, not a group of strings.
        if isinstance(value, dict) and not set(value) <= set(PLURAL_FORMS):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        else:
            flat[prefix] = value

    walk("", raw)
    return flat


def _map_text(value, change):
    return {k: change(v) for k, v in value.items()} if isinstance(value, dict) else change(value)


def text(key: str, **fields) -> str:
    """The string under `key` in the current language, with `{name}` fields filled in; a missing key stops the
    build. A string with plural forms picks its form by the field `count`."""
    code = current()
    strings = table(code)
    file = file_of(DEFAULT if code == PSEUDO else code)
    if key not in strings:
        raise BuildError(f"no string {key!r}: add it", file=file)
    value = strings[key]
    if isinstance(value, dict):
        if "count" not in fields:
            raise BuildError(f"string {key!r} has plural forms; the caller must give 'count'", file=file)
        from babel import Locale

        form = Locale.parse(babel_locale(code)).plural_form(fields["count"])
        value = value.get(form, value.get("other"))
    if not isinstance(value, str):
        raise BuildError(f"string {key!r} must be text, found {type(value).__name__}", file=file)
    try:
        return value.format(**fields) if fields else value
    except KeyError as missing:
        raise BuildError(f"string {key!r} uses the field {missing} which the caller does not give", file=file) from None
