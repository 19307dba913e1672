"""Session fixtures: the site in its three editions, built once with --strict for every test that reads it (shared by
the test workers), and one Chromium per worker for every test that drives a browser (Playwright allows one session a
process)."""

from __future__ import annotations

import fcntl
import os
import pathlib
import shutil
from collections.abc import Callable

import pytest
from playwright.sync_api import sync_playwright

from sitebuild import build_editions


@pytest.fixture(scope="session")
def once(tmp_path_factory, worker_id) -> Callable[[str, Callable[[pathlib.Path], None]], pathlib.Path]:
    """`once(name, make)`: the folder `make` fills, made once for the whole run. With test workers (pytest-xdist,
    `make test`) the first worker to ask makes it and the others wait for it; a failure fails each of them."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent

    def made(name: str, make: Callable[[pathlib.Path], None]) -> pathlib.Path:
        folder, outcome = shared / name, shared / f"{name}.outcome"
        with open(shared / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not outcome.exists():
                try:
                    make(folder)
                    outcome.write_text("", encoding="utf-8")
                except Exception as error:
                    outcome.write_text(str(error) or repr(error), encoding="utf-8")
        failure = outcome.read_text(encoding="utf-8")
        if failure:
            pytest.fail(failure, pytrace=False)
        return folder

    return made


@pytest.fixture(scope="session")
def site(once) -> pathlib.Path:
    """The site (English at the root, each edition in its folder), built once for the whole run."""

    def make(dest: pathlib.Path) -> None:
        done = build_editions(dest)
        assert done.returncode == 0, f"the strict build failed:\n{done.stderr[-3000:]}"

    return once("site", make)


# Flags that stop Chromium's own background traffic (updates, sync, safe browsing), so that
# every request the tests see comes from the page.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """Debian's Chromium if present (CI installs it), else Playwright's own browser."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and pathlib.Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        args = list(CHROMIUM_ARGS)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=args)
        except Exception as error:  # never skip: a missing browser is a failure, in CI and locally
            pytest.fail(
                f"no Chromium to drive ({error}). Install Debian's chromium, or run "
                f"`.venv/bin/python -m playwright install chromium`."
            )
        yield browser
        browser.close()
