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
    """One page load, recording everything that would matter to a reader being watched."""

    page: object
    origin: str
    public: str = ""  # the host the site is published at
    requests: list = dataclasses.field(default_factory=list)  # every address the page asked for, in order
    foreign: list = dataclasses.field(default_factory=list)
    failed: list = dataclasses.field(default_factory=list)
    errors: list = dataclasses.field(default_factory=list)

    def check_clean(self):
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.errors == [], f"console errors: {self.errors}"

    def on_request(self, request):
        self.requests.append(request.url)
        host = urlsplit(request.url).netloc
        if host not in ("", self.origin, self.public) and not request.url.startswith("data:"):
            self.foreign.append(request.url)

    def on_failed(self, request):
        # A request the browser cancels itself (net::ERR_ABORTED, e.g. the favicon during an in-site navigation) is
        # not a failure; errors and 4xx/5xx responses are.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.url} {request.failure}")

    def on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} {response.status}")

    def on_console(self, message):
        if message.type == "error":
            self.errors.append(message.text)

    def on_pageerror(self, error):
        self.errors.append(str(error))


def published(route, site: pathlib.Path) -> None:
    path = site / route.request.url.removeprefix(SITE_URL).split("?")[0]
    path = path / "index.html" if path.is_dir() else path
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404)


@pytest.fixture(scope="session")
def reader_tab(browser, site):
    """One tab per test worker, which every `visit` loads its page into. A fresh browser context for each test cost
    a renderer process and cold caches: 1.18 CPU-seconds a chapter against 0.42 in a reused tab (measured)."""
    context = browser.new_context()
    # The test site is built for its public address (sitebuild.SITE_URL); what a page asks of that address
    # (Material reads each edition's sitemap there) is served from the built folder, as the host would. Routing
    # also turns the browser's cache off, so each load asks for every file as a first visit does.
    context.route(f"{SITE_URL}**", lambda route: published(route, site))
    yield context.new_page()
    context.close()


# The page's events, each with the Visit method that records it.
EVENTS = {
    "request": "on_request",
    "requestfailed": "on_failed",
    "response": "on_response",
    "console": "on_console",
    "pageerror": "on_pageerror",
}


@pytest.fixture
def visit(reader_tab, base_url):
    """Call visit(path, scheme=..., width=..., height=...) to load a page of the site, as a first-time reader in
    that colour scheme on that screen: what the last test left (stored settings, media, listeners) is cleared."""
    page, listening = reader_tab, []

    def stop_listening():
        for event, handler in listening:
            page.remove_listener(event, handler)
        listening.clear()

    def open_page(path: str, scheme: str = "light", width: int = 1280, height: int = 900) -> Visit:
        stop_listening()
        if page.url.startswith(base_url):  # Material keeps the reader's colour choice in the page's storage
            page.evaluate("localStorage.clear(); sessionStorage.clear()")
        page.goto("about:blank")
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(media="null", color_scheme=scheme)
        record = Visit(page, urlsplit(base_url).netloc, urlsplit(SITE_URL).netloc)
        for event, method in EVENTS.items():
            listening.append((event, getattr(record, method)))
            page.on(*listening[-1])
        page.goto(base_url + path, wait_until="load")
        return record

    yield open_page
    stop_listening()
