"""Browser fixtures: the built site served on 127.0.0.1 (gzip, like a static host) and Chromium."""

from __future__ import annotations

import dataclasses
import pathlib
from urllib.parse import urlsplit

import pytest
import support

from sitebuild import SITE_URL


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
    public: str = ""  # the host the site is published at
    foreign: list = dataclasses.field(default_factory=list)
    failed: list = dataclasses.field(default_factory=list)
    errors: list = dataclasses.field(default_factory=list)

    def check_clean(self):
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.errors == [], f"console errors: {self.errors}"


def published(route, site: pathlib.Path) -> None:
    path = site / route.request.url.removeprefix(SITE_URL).split("?")[0]
    path = path / "index.html" if path.is_dir() else path
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404)


@pytest.fixture
def visit(browser, base_url, site):
    """Open a fresh tab; call visit(path, scheme=..., width=...) to load a page of the site."""
    contexts = []

    def open_page(path: str, scheme: str = "light", width: int = 1280, height: int = 900) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append(context)
        # The test site is built for its public address (sitebuild.SITE_URL); what a page asks of that address
        # (Material reads each edition's sitemap there) is served from the built folder, as the host would.
        context.route(f"{SITE_URL}**", lambda route: published(route, site))
        page = context.new_page()
        record = Visit(page, urlsplit(base_url).netloc, urlsplit(SITE_URL).netloc)
        page.on(
            "request",
            lambda r: (
                record.foreign.append(r.url)
                if urlsplit(r.url).netloc not in ("", record.origin, record.public) and not r.url.startswith("data:")
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
