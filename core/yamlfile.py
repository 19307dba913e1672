"""YAML sources read once, checked against a pydantic model; any problem is one line naming the file and line."""

from __future__ import annotations

import datetime as dt
import functools
import pathlib
import re
import typing
from typing import Annotated, Any

import pydantic
import yaml

from . import ROOT
from . import language as strings
from .errors import BuildError

# libyaml's parser where PyYAML was built with it (about ten times faster, same results), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TextDates(SAFE_LOADER):
    """YAML without automatic dates: a model checks each date, so that 2026-02-30 is an error naming its line."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def display(path: pathlib.Path) -> str:
    """A file as messages name it: its path below the repository, else its last two parts."""
    path = pathlib.Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return "/".join(path.parts[-2:])


def syntax_error(problem: yaml.YAMLError, file: str, error: type[BuildError] = BuildError) -> BuildError:
    mark = getattr(problem, "problem_mark", None)
    return error(
        f"not valid YAML ({getattr(problem, 'problem', None) or problem})",
        file=file,
        line=mark.line + 1 if mark else None,
    )


def parse(text: str, file: str, error: type[BuildError] = BuildError) -> Any:
    """YAML text as data (dates as text); a syntax error names the file and line."""
    try:
        return yaml.load(text, Loader=TextDates)
    except yaml.YAMLError as problem:
        raise syntax_error(problem, file, error) from None


def read(path: pathlib.Path, error: type[BuildError] = BuildError) -> Any:
    """A YAML file as data (dates as text)."""
    file = display(path)
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", file=file) from None
    return parse(text, file, error)


def _line(node: yaml.Node | None, location: tuple) -> int | None:
    """The line of the deepest node that `location` (a pydantic error's `loc`) reaches in the YAML tree."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if found is None:
                break
            key, node = found
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def where(location: tuple) -> str:
    """A pydantic location as a reader names it: `questions[2].options`."""
    out = ""
    for part in location:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validate(
    data: Any,
    model: Any,
    file: str,
    text: str | None = None,
    error: type[BuildError] = BuildError,
    translate: bool = True,
) -> Any:
    """`data` checked against `model` (a pydantic model or TypeAdapter); the first problem names file and line.
    In a language other than English, the model's translatable text comes from the file's translation first."""
    adapter = model if isinstance(model, pydantic.TypeAdapter) else pydantic.TypeAdapter(model)
    if translate:
        data = localize(data, model, file)
    try:
        return adapter.validate_python(data)
    except pydantic.ValidationError as problem:
        first = problem.errors(include_url=False)[0]
        message = str(first["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        location = tuple(p for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        node = yaml.compose(text, Loader=SAFE_LOADER) if text is not None else None
        named = where(location)
        raise error(f"{named}: {message}" if named else message, file=file, line=_line(node, location)) from None


def load(path: pathlib.Path, model: Any, error: type[BuildError] = BuildError) -> Any:
    """A YAML file checked against `model`: the one way the site reads its YAML sources."""
    file = display(path)
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", file=file) from None
    return validate(parse(text, file, error), model, file, text, error)


# -- Types the YAML models share ---------------------------------------------------------------------------------


def _partial_date(value) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real date as precise as the source allows."""
    text = str(value)
    parts = text.split("-")
    try:
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(not p.isdigit() for p in parts):
            raise ValueError
        numbers = [int(p) for p in parts]
        dt.date(numbers[0], numbers[1] if len(numbers) > 1 else 1, numbers[2] if len(numbers) > 2 else 1)
    except ValueError:
        raise ValueError(f"a date must be YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}") from None
    return text


def _day(value) -> dt.date:
    try:
        if len(str(value)) != 10:
            raise ValueError
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"a date must be a real day written YYYY-MM-DD, found {value!r}") from None


_FOLDED = re.compile(r"[ \t\r\n]+")


def fold(text: str) -> str:
    """Runs of spaces, tabs and line breaks made one space; no-break spaces stay (7\u00a0939 in Russian)."""
    return _FOLDED.sub(" ", text).strip(" \t\r\n")


def _text(value) -> str:
    """Folded text: the whitespace of YAML's line breaks made single spaces. No-break spaces stay: a language writes
    its thousands and units with them (Russian 7\u00a0939)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected some text")
    return fold(value)


def _address(value) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")) or " " in value:
        raise ValueError(f"expected an http(s) address, found {value!r}")
    return value


Address = Annotated[str, pydantic.BeforeValidator(_address)]
PartialDate = Annotated[str, pydantic.BeforeValidator(_partial_date)]
Day = Annotated[dt.date, pydantic.BeforeValidator(_day)]


class Translatable:
    """Marks text that each language translates (its other texts, such as titles of sources, stay as written).
    `pseudo=False`: the pseudo-language keeps it as written, because it must match the English page's words."""

    def __init__(self, pseudo: bool = True):
        self.pseudo = pseudo


TRANSLATABLE = Translatable()
# Words quoted from a page or a value as a chart's table shows it: each language quotes its own edition.
Quote = Annotated[str, pydantic.BeforeValidator(_text), Translatable(pseudo=False)]
# Prose in the site's language: translated in each edition.
Text = Annotated[str, pydantic.BeforeValidator(_text), TRANSLATABLE]
# Text that keeps its original language in every edition: titles and publishers of sources, names.
Name = Annotated[str, pydantic.BeforeValidator(_text)]
# Words each language lists its own way (a glossary term's other forms): the translation gives the whole list.
Words = Annotated[tuple[str, ...], TRANSLATABLE]


class Model(pydantic.BaseModel):
    """A YAML entry: unknown fields are errors, values never change once read."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


# -- Translations: a file's overlay per language, with only its translatable texts ------------------------------

TRANSLATIONS = ROOT / "translations"
# List items are matched to their translation by this field when they have it, so that an entry added in English
# never takes another's translation.
KEYS = ("id", "name", "term", "value")


def translation_of(file: str, language: str) -> pathlib.Path:
    """Where a source file's translation lives: translations/<language>/<the file's path>."""
    return TRANSLATIONS / language / file


def localize(data: Any, model: Any, file: str) -> Any:
    """`data` with every translatable text in the current language: from the file's translation (which mirrors the
    file with only those texts), generated for the pseudo-language, or as written for English. A missing text stops
    the build naming the key, the translation's file and the language."""
    language = strings.current()
    kind = getattr(model, "_type", model)  # a TypeAdapter keeps the type it checks against
    if language == strings.DEFAULT or not _has_text(kind):
        return data
    if language == strings.PSEUDO:
        return _walk(data, kind, None, "", _pseudo)
    path = translation_of(file, language)
    shown = display(path)
    if not path.is_file():
        raise BuildError(f"no {language} translation of {file}", file=shown)

    def take(text: str, found, where: str) -> str:
        if not text.strip():  # nothing to translate (a table's empty corner)
            return text
        if not isinstance(found, str) or not found.strip():
            raise BuildError(f"{where or 'the text'}: no {language} text", file=shown)
        return found

    def mismatch(where: str, expected, found) -> BuildError:
        return BuildError(f"{where}: the translation has {found!r} where the source has {expected!r}", file=shown)

    return _walk(data, kind, read(path), "", take, mismatch)


def _pseudo(text: str, _overlay, _where) -> str:
    return strings.pseudo(text)


def _marker(kind) -> Translatable | None:
    if typing.get_origin(kind) is not Annotated:
        return None
    return next((m for m in kind.__metadata__ if isinstance(m, Translatable)), None)


def _is_text(kind) -> bool:
    return _marker(kind) is not None


def _fixed(kind, key: str) -> bool:
    """Whether a list item's field `key` keeps its value in every language, so that it can match a translation's
    item (a glossary's term is translated, so its entries match by position)."""
    fields = getattr(kind, "model_fields", {})
    return key not in fields or not _is_text(_annotation(fields[key]))


def _parts(kind) -> tuple:
    """The types inside an annotation: Optional[X] → (X,), tuple[X, ...] → (X,), Annotated[X, ...] → (X,)."""
    if typing.get_origin(kind) is Annotated:
        return (typing.get_args(kind)[0],)
    return tuple(a for a in typing.get_args(kind) if a is not Ellipsis and a is not type(None))


@functools.cache
def _has_text(kind) -> bool:
    if _is_text(kind):
        return True
    if isinstance(kind, type) and issubclass(kind, pydantic.BaseModel):
        return any(_has_text(_annotation(f)) for f in kind.model_fields.values())
    return any(_has_text(part) for part in _parts(kind))


def _annotation(field: pydantic.fields.FieldInfo):
    """A model field's type with its metadata, as written in the class."""
    return Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def _walk(raw: Any, kind, overlay: Any, where: str, take, mismatch=None) -> Any:
    """`raw` (YAML data) with the translatable texts that `kind` declares replaced through `take`."""
    if raw is None or not _has_text(kind):
        return raw
    if _is_text(kind):
        if take is _pseudo and not _marker(kind).pseudo:
            return raw
        if not isinstance(raw, list):
            return take(raw, overlay, where) if isinstance(raw, str) else raw
        # A list of words each language writes its own way (a term's forms): the translation gives the whole list.
        if mismatch is None:
            return [take(item, None, f"{where}[{i + 1}]") for i, item in enumerate(raw)]
        if not isinstance(overlay, list):
            if not any(item.strip() for item in raw):
                return raw  # the source lists no words and the translation none
            take(raw[0], None, where)  # stops the build: the translation lacks the list
        return [take(item, item, f"{where}[{i + 1}]") for i, item in enumerate(overlay)]
    if typing.get_origin(kind) is Annotated:
        return _walk(raw, _parts(kind)[0], overlay, where, take, mismatch)
    if isinstance(kind, type) and issubclass(kind, pydantic.BaseModel) and isinstance(raw, dict):
        out = dict(raw)
        for name, field in kind.model_fields.items():
            key = field.alias or name
            piece = overlay.get(key) if isinstance(overlay, dict) else None
            # A translation may list word forms where the source has none (a Russian term's cases).
            words = mismatch is not None and isinstance(piece, list) and _is_text(_annotation(field))
            if key in raw or words:
                out[key] = _walk(
                    raw.get(key, []), _annotation(field), piece, f"{where}.{key}" if where else key, take, mismatch
                )
        return out
    origin, parts = typing.get_origin(kind), _parts(kind)
    if origin in (list, tuple) and isinstance(raw, list) and parts:
        others = overlay if isinstance(overlay, list) else []
        out = []
        for index, item in enumerate(raw):
            piece = others[index] if index < len(others) else None
            here = f"{where}[{index + 1}]"
            key = next((k for k in KEYS if isinstance(item, dict) and k in item and _fixed(parts[0], k)), None)
            if mismatch and key and isinstance(piece, dict) and piece.get(key, item[key]) != item[key]:
                raise mismatch(f"{here}.{key}", item[key], piece.get(key))
            out.append(_walk(item, parts[0], piece, here, take, mismatch))
        return out
    if origin is dict and isinstance(raw, dict) and len(parts) == 2:
        return {
            key: _walk(
                value,
                parts[1],
                overlay.get(key) if isinstance(overlay, dict) else None,
                f"{where}.{key}" if where else str(key),
                take,
                mismatch,
            )
            for key, value in raw.items()
        }
    for part in parts:  # an optional or a union: the first that declares text
        if _has_text(part):
            return _walk(raw, part, overlay, where, take, mismatch)
    return raw


def texts(data: Any, model: Any) -> Any:
    """Only the translatable texts of `data` (and the keys that match list items), in the shape a translation file
    has: what a translator starts from."""
    kind = getattr(model, "_type", model)
    return _texts(data, kind)


def _texts(raw: Any, kind) -> Any:
    if raw is None or not _has_text(kind):
        return None
    if _is_text(kind):
        return raw
    if typing.get_origin(kind) is Annotated:
        return _texts(raw, _parts(kind)[0])
    if isinstance(kind, type) and issubclass(kind, pydantic.BaseModel) and isinstance(raw, dict):
        out = {}
        for name, field in kind.model_fields.items():
            key = field.alias or name
            found = _texts(raw.get(key), _annotation(field)) if key in raw else None
            if found not in (None, {}, []):
                out[key] = found
        return out
    origin, parts = typing.get_origin(kind), _parts(kind)
    if origin in (list, tuple) and isinstance(raw, list) and parts:
        out = []
        for item in raw:
            found = _texts(item, parts[0])
            key = next((k for k in KEYS if isinstance(item, dict) and k in item and _fixed(parts[0], k)), None)
            if key and isinstance(found, dict):
                found = {key: item[key], **found}
            out.append(found)
        return out
    if origin is dict and isinstance(raw, dict) and len(parts) == 2:
        return {key: _texts(value, parts[1]) for key, value in raw.items()}
    for part in parts:
        if _has_text(part):
            return _texts(raw, part)
    return None
