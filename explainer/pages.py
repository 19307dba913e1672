"""The site's pages as plain data: front matter, the nav order, chapters, reading time and addresses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import os
import pathlib
import posixpath
import re

import pydantic
import yaml

from core import ROOT, strings, yamlfile
from core.errors import BuildError

DOCS = ROOT / "docs"


def docs_dir() -> pathlib.Path:
    """Where the current language's pages are: docs/ for English (and the pseudo-language), else the translation's
    docs/ folder (translations/<language>/docs/, the same paths as docs/)."""
    language = strings.current()
    return DOCS if language in (strings.DEFAULT, strings.PSEUDO) else yamlfile.translation_of("docs", language)


CONFIG = ROOT / "mkdocs.yml"

# Reading speed for explanatory prose; 200 words a minute is the usual planning figure.
WORDS_PER_MINUTE = 200

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# Words a reader reads: drop markers, footnote definitions, HTML tags, link targets and attribute lists first.
_NOT_PROSE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"^\[\^[^\]]+\]:.*$", re.M),
    re.compile(r"^\*\[[^\]]+\]:.*$", re.M),
    re.compile(r"<[^>]+>"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{[:#.][^}]*\}"),
]
# A word in any script: letters and digits with the apostrophes inside words.
_WORD = re.compile(r"[\w’']+")


class ContentError(BuildError):
    """A page breaks a rule of the site; the message names the page."""


class FrontMatter(pydantic.BaseModel):
    """What the render step reads from a page's front matter; Material's own keys (hide, search, template) pass."""

    model_config = pydantic.ConfigDict(extra="allow", frozen=True)

    title: yamlfile.Text
    description: yamlfile.Text
    updated: yamlfile.Day
    chapter: int | None = None
    # Glossary tooltips; the print page turns them off (it prints the glossary instead).
    tooltips: bool = True
    # A chapter after the article's own: what has happened since (labelled so on its page).
    epilogue: bool = False


@dataclasses.dataclass(frozen=True)
class PageInfo:
    src: str  # path below docs/, e.g. "introduction/index.md"
    meta: FrontMatter
    body: str  # Markdown without front matter

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def description(self) -> str:
        return self.meta.description

    @property
    def updated(self) -> dt.date:
        return self.meta.updated

    @property
    def chapter(self) -> int | None:
        return self.meta.chapter

    @property
    def tooltips(self) -> bool:
        return self.meta.tooltips

    @property
    def slug(self) -> str:
        """The page's folder: "since-2022" (the home page: "")."""
        return self.src.rpartition("/")[0]

    @property
    def heading(self) -> str:
        """The page's H1: the title readers see and cite (the front-matter title is the nav's)."""
        match = re.search(r"^# (.+?)\s*$", self.body, flags=re.M)
        return match[1] if match else self.title

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.body)


def split_front_matter(text: str, src: str) -> tuple[str, str]:
    """The front-matter block as written (with its '---' lines) and the body after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError("no front matter (a '---' block with title, description and updated)", file=f"docs/{src}")
    return text[: match.end()], text[match.end() :]


def read_page(src: str, docs: pathlib.Path | None = None) -> PageInfo:
    return parse_page(src, source(src, docs))


def source(src: str, docs: pathlib.Path | None = None) -> str:
    """A page's Markdown source in the current language; a page the language lacks stops the build."""
    path = (docs or docs_dir()) / src
    if not path.is_file():
        raise ContentError(f"no {strings.current()} version of docs/{src}", file=yamlfile.display(path))
    return path.read_text(encoding="utf-8")


def parse_page(src: str, text: str) -> PageInfo:
    front, body = split_front_matter(text, src)
    # The front matter starts on the file's second line: a blank line in its place keeps the line numbers.
    yaml_text = "\n" + front[4:-4]
    file = f"docs/{src}"
    # A translated page is its own translation; only the pseudo-language transforms an English page's front matter.
    meta = yamlfile.validate(
        yamlfile.parse(yaml_text, file, ContentError) or {},
        FrontMatter,
        file,
        yaml_text,
        ContentError,
        translate=strings.current() == strings.PSEUDO,
    )
    return PageInfo(src, meta, body)


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
    # Pages at folder/ (the public site) or at folder/index.html (the offline copy opened from file://).
    directory_urls: bool = True


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' `!ENV VAR` or `!ENV [VAR, ..., default]`: the first variable set, else the default."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


def config_for(language: str) -> pathlib.Path:
    """The MkDocs config of a language's edition: mkdocs.yml for English (and the pseudo-language), else
    mkdocs.<language>.yml, which inherits it."""
    return CONFIG if language in (strings.DEFAULT, strings.PSEUDO) else ROOT / f"mkdocs.{language}.yml"


def _merged(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT: mappings merged key by key, anything else (lists included) replaced by the child's."""
    out = dict(parent)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = _merged(out[key], value) if both else value
    return out


@functools.cache
def load_config(config_path: pathlib.Path = CONFIG) -> dict:
    class _Loader(yamlfile.SAFE_LOADER):
        pass

    _Loader.add_constructor("!ENV", _env_tag)
    # MkDocs' own Python objects (the slug function): the pages need none of them.
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    if not config_path.is_file():
        raise ContentError("no such MkDocs config", file=yamlfile.display(config_path))
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader)
    parent = config.pop("INHERIT", None)
    return _merged(load_config(config_path.parent / parent), config) if parent else config


def load_settings(config_path: pathlib.Path = CONFIG) -> Settings:
    config = load_config(config_path)
    return Settings(
        nav=config["nav"],
        site_name=config["site_name"],
        site_url=(str(config.get("site_url") or "").rstrip("/") + "/").removeprefix("/"),
        author=config["site_author"],
        corrections_url=config["extra"]["corrections_url"],
    )


def site_pages(nav: list | None = None, docs: pathlib.Path | None = None) -> list[PageInfo]:
    return [read_page(src, docs) for src in nav_sources(load_config()["nav"] if nav is None else nav)]


def chapters(pages: list[PageInfo]) -> list[PageInfo]:
    found = [page for page in pages if page.chapter is not None]
    numbers = [page.chapter for page in found]
    if numbers != sorted(set(numbers)):
        raise ContentError(f"chapter numbers must rise with the nav and not repeat; found {numbers}", file="mkdocs.yml")
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


def url(target_src: str, from_src: str, directory_urls: bool = True) -> str:
    """A built page's address relative to another's, for raw HTML (MkDocs rewrites only Markdown links):
    "../smart-authoritarianism/", or "../smart-authoritarianism/index.html" in the offline copy."""
    relative = posixpath.relpath(page_url(target_src) or ".", page_url(from_src) or ".")
    if relative == ".":
        return "./" if directory_urls else "index.html"
    return relative + ("/" if directory_urls else "/index.html")


def root_prefix(page_url: str) -> str:
    """The relative path from a built page back to the site root ('' for the home page)."""
    return "../" * page_url.count("/")
