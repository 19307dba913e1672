"""Browser fixtures: the built site served on 127.0.0.1 (gzip, like a static host) and Chromium."""

from __future__ import annotations

import dataclasses
import os
import pathlib
import shutil
from urllib.parse import urlsplit

import pytest
import support
from playwright.sync_api import sync_playwright

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


@pytest.fixture(scope="session")
def base_url(site):
    server, url = support.start(site)
    yield url
    server.shutdown()
    server.server_close()


@dataclasses.dataclass
class Visit:
    """One tab, recording everything that would matter to a reader being watched."""

    page: object
    origin: str
    foreign: list = dataclasses.field(default_factory=list)
    failed: list = dataclasses.field(default_factory=list)
    errors: list = dataclasses.field(default_factory=list)

    def check_clean(self):
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture
def visit(browser, base_url):
    """Open a fresh tab; call visit(path, scheme=..., width=...) to load a page of the site."""
    contexts = []

    def open_page(path: str, scheme: str = "light", width: int = 1280, height: int = 900) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        record = Visit(page, urlsplit(base_url).netloc)
        page.on(
            "request",
            lambda r: (
                record.foreign.append(r.url)
                if urlsplit(r.url).netloc not in ("", record.origin) and not r.url.startswith("data:")
                else None
            ),
        )
        # A request the browser cancels itself (net::ERR_ABORTED, e.g. the favicon during an in-site
        # navigation) is not a failure; errors and 4xx/5xx responses are.
        page.on(
            "requestfailed",
            lambda r: record.failed.append(f"{r.url} {r.failure}") if "ERR_ABORTED" not in (r.failure or "") else None,
        )
        page.on("response", lambda r: record.failed.append(f"{r.url} {r.status}") if r.status >= 400 else None)
        page.on("console", lambda m: record.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: record.errors.append(str(e)))
        page.goto(base_url + path, wait_until="load")
        return record

    yield open_page
    for context in contexts:
        context.close()
