"""Session fixtures: the site in its three editions, built once with --strict for every test that reads it (shared by
the test workers), and one Chromium per worker for every test that drives a browser (Playwright allows one session a
process)."""

from __future__ import annotations

import fcntl
import os
import pathlib
import shutil
import threading
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


def pytest_collection_modifyitems(items):
    """The tests that need no shared build come first: the test workers run them while the builds are made."""
    items.sort(key=lambda item: bool({"site", "offline"} & set(item.fixturenames)))


def build_site(dest: pathlib.Path) -> None:
    """The site as published (English at the root, each edition in its folder)."""
    done = build_editions(dest)
    assert done.returncode == 0, f"the strict build failed:\n{done.stderr[-3000:]}"


def build_offline(work: pathlib.Path) -> None:
    """The offline copy's three editions in `work/site` as `make offline` builds them (no public address: SITE_URL is
    not set), and what the English build printed."""
    done = build_editions(work / "site", "mkdocs.offline", OFFLINE="true", SITE_URL="")
    assert done.returncode == 0, f"the offline build failed:\n{done.stderr[-3000:]}"
    (work / "printed.txt").write_text(done.stdout + done.stderr, encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def head_start(once, request):
    """The slow builds the run needs start at once, one after the other (the offline copy draws from the cache the
    site filled), in the background of the first worker, while the workers run the tests that need neither."""
    needed = {name for item in request.session.items for name in item.fixturenames} & {"site", "offline"}

    def build_both():
        for name, make in (("site", build_site), ("offline", build_offline)):
            if name not in needed:
                continue
            try:
                once(name, make)
            except BaseException:  # the tests that need it report the failure
                return

    threading.Thread(target=build_both, daemon=True).start()


@pytest.fixture(scope="session")
def site(once) -> pathlib.Path:
    """The site (English at the root, each edition in its folder), built once for the whole run."""
    return once("site", build_site)


@pytest.fixture(scope="session")
def offline(once) -> pathlib.Path:
    """The offline copy's editions, built once: `offline / "site"`, and `offline / "printed.txt"`."""
    return once("offline", build_offline)


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
