"""HTML pages printed to PDF by headless Chromium (one browser for all), cached by content, with fixed dates."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import pathlib
import re
import tempfile

from charts import warm
from charts.render import run_async

from ..cache import store
from ..content import ROOT
from ..errors import BuildError, one_line

CACHE = ROOT / "build" / "classroom-cache"
# Chromium stamps the print time into the PDF; the same number of bytes keeps the cross-reference table valid.
DATES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)")
# The page sets its own size and margins (@page); no header or footer with the file's path.
PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


def browser() -> str:
    from charts import render

    found = render.find_browser()
    if not found:
        raise BuildError("no Chrome or Chromium to print the worksheets: install chromium (or set CHROMIUM)")
    return found


def fix_dates(pdf: bytes, stamp: str = "19800101000000") -> bytes:
    return DATES.sub(lambda m: b"/" + m[1] + b" (D:" + stamp.encode() + m[2] + b")", pdf)


async def print_with(browser, pages: list[str]) -> list[bytes]:
    """Every page printed in one open choreographer browser (a kaleido session is one too), two tabs at a time."""
    limit = asyncio.Semaphore(2)
    with tempfile.TemporaryDirectory(prefix="kz-print-") as tmp:

        async def one(index: int, page: str) -> bytes:
            source = pathlib.Path(tmp) / f"page-{index}.html"
            source.write_text(page, encoding="utf-8")
            async with limit:
                tab = await browser.create_tab("about:blank")
                await tab.send_command("Page.enable")
                loaded = tab.subscribe_once("Page.loadEventFired")
                await tab.send_command("Page.navigate", params={"url": source.as_uri()})
                await loaded
                answer = await tab.send_command("Page.printToPDF", params=PRINT)
                await browser.close_tab(tab.target_id)
            if "error" in answer:
                raise BuildError(f"Chromium could not print a worksheet: {answer['error']}")
            return fix_dates(base64.b64decode(answer["result"]["data"]))

        return list(await asyncio.gather(*(one(i, page) for i, page in enumerate(pages))))


async def _print_pages(chrome: str, pages: list[str]) -> list[bytes]:
    """Every page in one browser: one start-up, not one per page."""
    import choreographer

    async with choreographer.Browser(path=chrome, headless=True) as browser:
        return await print_with(browser, pages)


def _print_here(pages: list[str]) -> list[bytes]:
    chrome = browser()
    try:
        return run_async(_print_pages(chrome, pages))
    except BuildError:
        raise
    except Exception as error:  # noqa: BLE001 - the browser would not start: say so in one line
        raise BuildError(f"Chromium ({chrome}) could not print the worksheets: {one_line(error)}") from None


def print_all(pages: dict[str, str], cache: pathlib.Path = CACHE) -> dict[str, bytes]:
    """Name → PDF for each name → HTML page; only pages not printed before start Chromium."""
    out, todo = {}, {}
    for name, page in pages.items():
        path = cache / (hashlib.sha256(page.encode()).hexdigest() + ".pdf")
        if path.exists():
            out[name] = path.read_bytes()
        else:
            todo[name] = (page, path)
    if todo:
        sources = [page for page, _ in todo.values()]
        # During `make serve` the warm browser prints them with no start-up; else a browser of this build's own.
        printed = warm.pdfs(sources) or _print_here(sources)
        for name, pdf in zip(todo, printed, strict=True):
            store(todo[name][1], pdf)
            out[name] = pdf
    return dict(sorted(out.items()))
