"""What the tests share: the page lists to parametrise over, and strict builds of the site or of a copy."""

from __future__ import annotations

import concurrent.futures
import os
import pathlib
import shutil
import subprocess
import sys

from core import strings
from explainer import pages

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = pages.site_pages()
CHAPTERS = pages.chapters(PAGES)
# A host reserved for examples (RFC 2606): the address test builds are published at.
SITE_URL = "https://example.org/kz-explainer/"
# The editions beside the English one, each built into its folder of the site (as `make build` does).
EDITIONS = [code for code in strings.LANGUAGES if code != strings.DEFAULT]
# A fixed date for test builds, so that their output can be compared byte for byte.
EPOCH = "1764028800"


def page_id(page: pages.PageInfo) -> str:
    return page.src.removesuffix("/index.md").removesuffix(".md")


def build(
    dest: pathlib.Path, config: str = "mkdocs.yml", cwd: pathlib.Path | None = None, **env
) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build into `dest`; returns the finished process (never raises). It builds in `cwd`, by
    default in a copy of the build inputs of its own beside `dest`: builds that run at the same time (the test
    workers) never share a folder the render step writes."""
    if cwd is None:
        cwd = copy_tree(dest.parent / f"{dest.name}-tree")
    # MkDocs checks that docs_dir exists before the hook renders into it (`make build` does the same).
    for edition in ("docs", *(f"docs-{code}" for code in EDITIONS)):
        (cwd / "build" / edition).mkdir(parents=True, exist_ok=True)
    # Copies of the tree share the checkout's picture cache: its key covers everything that changes a picture,
    # and it writes each entry whole (core/cache.py), so builds at the same time can share it.
    environment = {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": SITE_URL,
        "EXPLAINER_CACHE": str(ROOT / "build" / "cache"),
        "PYTHONPATH": str(cwd),
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(dest)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_editions(dest: pathlib.Path, stem: str = "mkdocs", **env) -> subprocess.CompletedProcess:
    """The English site in `dest` (from `<stem>.yml`) and each edition in `dest/<code>/` (from `<stem>.<code>.yml`),
    each published below the English address. The editions build at the same time, each from its own copy of the
    tree and into its own folder (a build empties its folder first), then move into place; returns the first build
    that failed, else the English one. `dest` must not exist yet."""
    url = env.get("SITE_URL", SITE_URL)
    work = dest.parent / f"{dest.name}-editions"
    jobs = {"en": (f"{stem}.yml", env)} | {
        code: (f"{stem}.{code}.yml", {**env, "SITE_URL": url and f"{url}{code}/"}) for code in EDITIONS
    }

    def one(code: str) -> subprocess.CompletedProcess:
        config, environment = jobs[code]
        return build(work / code / "site", config, **environment)

    with concurrent.futures.ThreadPoolExecutor(len(jobs)) as pool:
        done = dict(zip(jobs, pool.map(one, jobs), strict=True))
    failed = next((d for d in done.values() if d.returncode != 0), None)
    if failed is None:
        shutil.move(work / "en" / "site", dest)
        for code in EDITIONS:
            shutil.move(work / code / "site", dest / code)
    return failed or done["en"]


# What a build needs (every edition's config and the offline copy's); a copy of these builds on its own, importing
# the copy's packages.
BUILD_INPUTS = (
    *(path.name for path in sorted(ROOT.glob("mkdocs*.yml"))),
    "docs",
    "includes",
    "overrides",
    "hooks",
    "core",
    "explainer",
    "charts",
    "translations",
)


def copy_tree(dest: pathlib.Path) -> pathlib.Path:
    """A copy of the build inputs in `dest`, sharing node_modules (and .venv), to break and build in isolation."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (n for n in BUILD_INPUTS if (ROOT / n).exists()):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, dest / name)
    for name in ("node_modules", ".venv"):
        if (ROOT / name).exists():
            (dest / name).symlink_to(ROOT / name)
    return dest


def build_copy(tree: pathlib.Path) -> subprocess.CompletedProcess:
    return build(tree / "site", cwd=tree)


def built_page(site: pathlib.Path, page: pages.PageInfo) -> pathlib.Path:
    return site / ("index.html" if page.src == "index.md" else page.src.replace(".md", ".html"))
