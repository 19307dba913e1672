"""Session fixtures: the site in its three editions, built once with --strict for every test that reads it, and one
Chromium for every test that drives a browser (Playwright allows one session a process)."""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
from playwright.sync_api import sync_playwright

from sitebuild import build_editions


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    """The site (English at the root, each edition in its folder), built once for the whole session."""
    dest = tmp_path_factory.mktemp("site")
    done = build_editions(dest)
    assert done.returncode == 0, f"the strict build failed:\n{done.stderr[-3000:]}"
    return dest


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
