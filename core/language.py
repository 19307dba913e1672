"""The language a render is in (a context variable), the site's languages and the pseudo-language's transform.
The lowest layer of core: YAML reading and strings both ask it which language to use."""

from __future__ import annotations

import contextlib
import contextvars
import re

from .errors import BuildError

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
