"""YAML sources read once, checked against a pydantic model; any problem is one line naming the file and line."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Annotated, Any

import pydantic
import yaml

from . import ROOT
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


def validate(data: Any, model: Any, file: str, text: str | None = None, error: type[BuildError] = BuildError) -> Any:
    """`data` checked against `model` (a pydantic model or TypeAdapter); the first problem names file and line."""
    adapter = model if isinstance(model, pydantic.TypeAdapter) else pydantic.TypeAdapter(model)
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


def _text(value) -> str:
    """Folded text: the whitespace of YAML's line breaks made single spaces."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected some text")
    return " ".join(value.split())


def _address(value) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")) or " " in value:
        raise ValueError(f"expected an http(s) address, found {value!r}")
    return value


Address = Annotated[str, pydantic.BeforeValidator(_address)]
PartialDate = Annotated[str, pydantic.BeforeValidator(_partial_date)]
Day = Annotated[dt.date, pydantic.BeforeValidator(_day)]
Text = Annotated[str, pydantic.BeforeValidator(_text)]


class Model(pydantic.BaseModel):
    """A YAML entry: unknown fields are errors, values never change once read."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
