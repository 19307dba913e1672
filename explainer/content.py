"""The site's pages as plain data: front matter, the nav order, chapters and reading time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import pathlib
import posixpath
import re

import yaml

from .errors import BuildError

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDES = ROOT / "includes"
CONFIG = ROOT / "mkdocs.yml"

# Reading speed for explanatory prose; 200 words a minute is the usual planning figure.
WORDS_PER_MINUTE = 200

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
REQUIRED_META = ("title", "description", "updated")
# Words a reader reads: drop markers, footnote definitions, HTML tags and link targets first.
_NOT_PROSE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"^\[\^[^\]]+\]:.*$", re.M),
    re.compile(r"^\*\[[^\]]+\]:.*$", re.M),
    re.compile(r"<[^>]+>"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{[:#.][^}]*\}"),
]
_WORD = re.compile(r"[A-Za-z0-9À-ž’']+")


class ContentError(BuildError):
    """A page breaks a rule of the site; the message names the page."""


@dataclasses.dataclass(frozen=True)
class PageInfo:
    src: str  # path below docs/, e.g. "introduction/index.md"
    title: str
    description: str
    updated: dt.date
    chapter: int | None
    body: str  # Markdown without front matter
    tooltips: bool = True  # glossary tooltips; the print page turns them off (it prints the glossary instead)

    @property
    def heading(self) -> str:
        """The page's H1: the title readers see and cite (the front-matter title is the nav's)."""
        match = re.search(r"^# (.+?)\s*$", self.body, flags=re.M)
        return match[1] if match else self.title

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.body)


# libyaml's parser where PyYAML was built with it (about ten times faster, same results), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    return yaml.load(text, Loader=SAFE_LOADER)


def not_valid_yaml(problem: yaml.YAMLError, error: type[BuildError], file: str) -> BuildError:
    """A YAML syntax error as the build reports it: the file and the row where the parser stopped."""
    mark = getattr(problem, "problem_mark", None)
    return error(
        f"not valid YAML ({getattr(problem, 'problem', problem)})", file=file, row=mark.line + 1 if mark else None
    )


def read_yaml(path: pathlib.Path, error: type[Exception]):
    """Parse a YAML file; a syntax error becomes `error`, naming the file and the line."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise error(
            f"{path.parent.name}/{path.name}{where}: not valid YAML ({getattr(problem, 'problem', problem)})"
        ) from None


class TextDates(SAFE_LOADER):
    """YAML without automatic dates: a date is checked by its reader, so that 2026-02-30 is an error naming its row."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def display_path(path: pathlib.Path) -> str:
    """A data file as error messages name it: its folder and its name."""
    return "/".join(path.resolve().parts[-2:])


def read_yaml_tree(path: pathlib.Path, error: type[BuildError], missing: str) -> tuple[yaml.Node, object]:
    """Parse a YAML file once into its node tree (for the line of each entry) and its data (dates as text)."""
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.compose(text, Loader=SAFE_LOADER), yaml.load(text, Loader=TextDates)
    except FileNotFoundError:
        raise error(missing, file=file) from None
    except yaml.YAMLError as problem:
        raise not_valid_yaml(problem, error, file) from None


def split_raw_front_matter(text: str, src: str) -> tuple[str, str]:
    """The front-matter block as written (with its '---' lines) and the body after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(f"{src}: no front matter (a '---' block with {', '.join(REQUIRED_META)})")
    return text[: match.end()], text[match.end() :]


def split_front_matter(text: str, src: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(f"{src}: no front matter (a '---' block with {', '.join(REQUIRED_META)})")
    try:
        meta = parse_yaml(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise ContentError(
            f"{src}: front matter is not valid YAML ({error.problem}, line {error.problem_mark.line + 2})"
        ) from None
    return meta, text[match.end() :]


def read_page(src: str, docs: pathlib.Path = DOCS) -> PageInfo:
    meta, body = split_front_matter((docs / src).read_text(encoding="utf-8"), src)
    missing = [key for key in REQUIRED_META if not meta.get(key)]
    if missing:
        raise ContentError(f"{src}: front matter lacks {', '.join(missing)}")
    if not isinstance(meta["updated"], dt.date):
        raise ContentError(f"{src}: 'updated' must be a date written YYYY-MM-DD, found {meta['updated']!r}")
    chapter = meta.get("chapter")
    if chapter is not None and not isinstance(chapter, int):
        raise ContentError(f"{src}: 'chapter' must be a whole number, found {chapter!r}")
    tooltips = meta.get("tooltips", True)
    if not isinstance(tooltips, bool):
        raise ContentError(f"{src}: 'tooltips' must be true or false, found {tooltips!r}")
    return PageInfo(src, str(meta["title"]), str(meta["description"]), meta["updated"], chapter, body, tooltips)


def nav_sources(nav: list) -> list[str]:
    """Flatten MkDocs' nav (lists of strings and one-key mappings) to page paths, in order."""
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found.extend(nav_sources(value))
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


@dataclasses.dataclass(frozen=True)
class Settings:
    """What the pages need from mkdocs.yml: the nav, the site's name and addresses, the publisher."""

    nav: list
    site_name: str
    site_url: str  # ends with "/", or "" when the build has no public address
    author: str
    corrections_url: str


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' `!ENV VAR` or `!ENV [VAR, ..., default]`: the first variable set, else the default."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


def load_config(config_path: pathlib.Path = CONFIG) -> dict:
    class _Loader(SAFE_LOADER):
        pass

    _Loader.add_constructor("!ENV", _env_tag)
    return yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader)


def load_settings(config_path: pathlib.Path = CONFIG) -> Settings:
    config = load_config(config_path)
    return Settings(
        nav=config["nav"],
        site_name=config["site_name"],
        site_url=(str(config.get("site_url") or "").rstrip("/") + "/").removeprefix("/"),
        author=config["site_author"],
        corrections_url=config["extra"]["corrections_url"],
    )


def load_nav(config_path: pathlib.Path = CONFIG) -> list:
    return load_config(config_path)["nav"]


def site_pages(nav: list | None = None, docs: pathlib.Path = DOCS) -> list[PageInfo]:
    return [read_page(src, docs) for src in nav_sources(load_nav() if nav is None else nav)]


def chapters(pages: list[PageInfo]) -> list[PageInfo]:
    found = [page for page in pages if page.chapter is not None]
    numbers = [page.chapter for page in found]
    if numbers != sorted(set(numbers)):
        raise ContentError(f"chapter numbers must rise with the nav and not repeat; found {numbers}")
    return found


def reading_minutes(markdown: str) -> int:
    for pattern in _NOT_PROSE:
        markdown = pattern.sub(" ", markdown)
    return max(1, math.ceil(len(_WORD.findall(markdown)) / WORDS_PER_MINUTE))


def relative_link(target_src: str, from_src: str) -> str:
    """A Markdown link target from one page to another, which MkDocs then checks and rewrites."""
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")


def page_url(src: str) -> str:
    """The built page's address below the site root, with directory URLs: "introduction/", "" for home."""
    return "" if src == "index.md" else src.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


def root_prefix(page_url: str) -> str:
    """The relative path from a built page back to the site root ('' for the home page)."""
    return "../" * page_url.count("/")
