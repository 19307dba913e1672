"""The one headless browser: it draws Plotly figures (kaleido) and prints HTML pages to PDF, in one session."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import pathlib
import re
import shutil
import sys
import tempfile
import threading
import time

import kaleido

from .errors import BuildError, one_line

# Where a Chrome or Chromium may be, after $CHROMIUM and the PATH.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
BROWSER_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"%PROGRAMFILES%\Google\Chrome\Application\chrome.exe",
    r"%PROGRAMFILES(X86)%\Google\Chrome\Application\chrome.exe",
    r"%LOCALAPPDATA%\Google\Chrome\Application\chrome.exe",
)
INSTALL_HINT = (
    "no Chrome or Chromium to draw the charts and print the worksheets with: install one (Debian: apt install "
    "chromium; macOS/Windows: Google Chrome), set CHROMIUM=/path/to/it, or run `.venv/bin/plotly_get_chrome`"
)
# One tab draws every figure and prints every page, one after the other. A second tab saved a cold build 4 s of 34
# when it ran alone, but cost two builds that ran at the same time (the test suite's) a quarter more CPU and 12 s.
# Seconds in which a session that is still working finishes at least one figure or page. Chromium has been seen to
# stop answering mid-batch on a loaded machine (the build then waited for ever): such a session is given up and the
# batch drawn once more in a fresh one.
STALL = 60
# Chromium stamps the print time into a PDF; the same number of bytes keeps the cross-reference table valid.
PDF_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)")
# A page sets its own size and margins (@page); no header or footer with the file's path.
PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


class BrowserError(BuildError):
    """No browser, or one that could not draw or print."""


def find() -> str | None:
    """$CHROMIUM, then Chrome or Chromium on the PATH, then the usual macOS and Windows places."""
    candidates = [os.environ.get("CHROMIUM"), os.environ.get("BROWSER_PATH")]
    candidates += [shutil.which(name) for name in BROWSER_NAMES]
    candidates += [os.path.expandvars(path) for path in BROWSER_PATHS]
    for candidate in candidates:
        if candidate and "%" not in candidate and pathlib.Path(candidate).is_file():
            return candidate
    return _downloaded_chrome()


def _downloaded_chrome() -> str | None:
    """The Chrome that `plotly_get_chrome` put inside choreographer, if any."""
    try:
        from choreographer.browsers.chromium import Chromium

        found = Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - any failure here just means "not downloaded"
        return None
    return str(found) if found and pathlib.Path(found).is_file() else None


def ensure() -> int:
    """For `make setup`: the system's browser, else one fetched through kaleido where there is internet access,
    else one line saying what to install."""
    if find():
        return 0
    # No internet, or no build for this platform: the hint below says what to install.
    with contextlib.suppress(Exception):
        kaleido.get_chrome_sync()
    if find():
        return 0
    print(f"error: {INSTALL_HINT}", file=sys.stderr)
    return 1


# A tagged PDF names its structure elements after the browser's DOM nodes, whose numbers run on across the pages one
# session prints: the same page printed in another batch gets other numbers.
PDF_NODE_IDS = re.compile(rb"\(node(\d{8})\)")


def fix_pdf(pdf: bytes, stamp: str = "19800101000000") -> bytes:
    """The same page gives the same bytes: fixed dates, and node ids renumbered from 1 in their own order (the same
    width, so that no offset moves; the same order, so that the sorted id tree stays sorted)."""
    pdf = PDF_DATES.sub(lambda m: b"/" + m[1] + b" (D:" + stamp.encode() + m[2] + b")", pdf)
    numbers = {n: i for i, n in enumerate(sorted(set(PDF_NODE_IDS.findall(pdf))), 1)}
    return PDF_NODE_IDS.sub(lambda m: b"(node%08d)" % numbers[m[1]], pdf)


class Stalled(BrowserError):
    pass


async def _watched(coroutine, progress: list[float]):
    """The coroutine's result, unless nothing advances `progress` (the time of the last figure or page) for STALL s."""
    task = asyncio.ensure_future(coroutine)
    while not task.done():
        await asyncio.wait({task}, timeout=min(5, STALL))
        if not task.done() and time.monotonic() - progress[0] > STALL:
            task.cancel()
            raise Stalled(f"the headless browser stopped answering (nothing drawn or printed in {STALL} s)")
    return task.result()


async def _print(session, pages: list[str], progress: list[float]) -> list[bytes]:
    """Each page printed in the open session, one after the other in one tab."""
    printed = []
    tab = await session.create_tab("about:blank")
    await tab.send_command("Page.enable")
    with tempfile.TemporaryDirectory(prefix="kz-print-") as tmp:
        for index, page in enumerate(pages):
            source = pathlib.Path(tmp) / f"page-{index}.html"
            source.write_text(page, encoding="utf-8")
            loaded = tab.subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.navigate", params={"url": source.as_uri()})
            await loaded
            answer = await tab.send_command("Page.printToPDF", params=PRINT)
            progress[0] = time.monotonic()
            if "error" in answer:
                raise BrowserError(f"Chromium could not print a page: {one_line(answer['error'])}")
            printed.append(fix_pdf(base64.b64decode(answer["result"]["data"])))
    await session.close_tab(tab.target_id)
    return printed


class _Session(kaleido.Kaleido):
    """kaleido's session, which loads plotly.js in its tab once rather than again after every figure: the reloads took
    two thirds of the drawing (a cold English build's pictures: 24.5 → 8.3 CPU-seconds). The pictures are the same
    bytes either way, once their attributes are written in one order (charts/pictures.py)."""

    async def _return_kaleido_tab(self, tab) -> None:  # kaleido 1.x reloads the tab here
        await self.tabs_ready.put(tab)


async def _run(chromium: _Chromium, figures: list[dict], pages: list[str], topojson: str | None) -> tuple[list, list]:
    progress = [time.monotonic()]

    async def work():
        session = await chromium.session()

        async def draw(figure: dict):
            try:
                return await session.calc_fig(figure["figure"], opts=figure["opts"], topojson=topojson)
            except Exception as error:  # noqa: BLE001 - kaleido raises several kinds; the caller names the chart
                return BrowserError(one_line(error))
            finally:
                progress[0] = time.monotonic()

        drawn = list(await asyncio.gather(*(draw(f) for f in figures)))
        printed = await _print(session, pages, progress) if pages else []
        return drawn, printed

    return await _watched(work(), progress)


class _Chromium:
    """One browser, started at its first figure or page and kept until `close()`, on an event loop of its own thread
    so that plain code can call it again and again."""

    def __init__(self, path: str):
        self.path = path
        self._session: _Session | None = None
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="browser", daemon=True)
        self.thread.start()

    async def session(self) -> _Session:
        if self._session is None:  # kept only once it has started, so a failed start is tried again
            self._session = await _Session(n=1, path=self.path, mathjax=False, timeout=120).__aenter__()
        return self._session

    def call(self, coroutine, timeout: float | None = None):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def forget(self) -> None:
        """Give up the session (a stalled one): the next call starts a fresh browser."""
        session, self._session = self._session, None
        if session is not None:
            with contextlib.suppress(Exception):
                self.call(session.__aexit__(None, None, None), timeout=STALL)

    def close(self) -> None:
        self.forget()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


# The browser `kept_open()` keeps for the calls inside it, if any.
_kept: list[_Chromium] = []


@contextlib.contextmanager
def kept_open():
    """Inside the block, every `run()` uses one browser: a cold build starts Chromium once, rather than once each for
    its pictures, export PNGs, slide pictures and PDFs (about 2 CPU-seconds a start). A build that needs no browser
    (everything cached) starts none."""
    path = find()
    if not path or _kept:
        yield
        return
    _kept.append(_Chromium(path))
    try:
        yield
    finally:
        _kept.pop().close()


def run(figures: list[dict], pages: list[str] = (), topojson: str | None = None) -> tuple[list, list[bytes]]:
    """Draw each figure ({"figure": plotly JSON, "opts": kaleido options}) and print each HTML page to PDF, in one
    browser. A figure that cannot be drawn comes back as a BrowserError in its place, for the caller to name."""
    if not figures and not pages:
        return [], []
    path = find()
    if not path:
        raise BrowserError(INSTALL_HINT)
    chromium = _kept[-1] if _kept else _Chromium(path)
    try:
        try:
            return chromium.call(_run(chromium, list(figures), list(pages), topojson))
        except Stalled:
            chromium.forget()
            return chromium.call(_run(chromium, list(figures), list(pages), topojson))
    except BrowserError:
        raise
    except Exception as error:  # noqa: BLE001 - the browser would not start: say so in one line
        raise BrowserError(f"the headless browser ({path}) failed: {one_line(error)}") from None
    finally:
        if not _kept:
            chromium.close()


def main() -> int:
    """`python -m core.browser`: find a browser for `make setup` (or fetch one through kaleido)."""
    return ensure()


if __name__ == "__main__":
    raise SystemExit(main())
