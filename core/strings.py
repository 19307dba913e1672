"""Every reader-facing string, by key, in includes/strings/<language>.yml, in the language set for the render."""

from __future__ import annotations

import functools

from . import INCLUDES, yamlfile
from .errors import BuildError

# The language layer, re-exported: callers ask `strings` for the language they render in.
from .language import DEFAULT as DEFAULT
from .language import LANGUAGES as LANGUAGES
from .language import PLURAL_FORMS as PLURAL_FORMS
from .language import PSEUDO as PSEUDO
from .language import babel_locale as babel_locale
from .language import current as current
from .language import language as language
from .language import pseudo as pseudo

STRINGS_DIR = INCLUDES / "strings"


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
