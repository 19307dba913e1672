"""A warm browser for the live edit loop: one Chromium kept open while `mkdocs serve` runs, so that a rebuild
after an edit draws its chart pictures and prints its worksheets without starting a browser (about 2 s each).

`python -m charts.warm` listens on 127.0.0.1, prints its address, and serves until its standard input closes
(the MkDocs hook that started it has stopped). The render step finds it through $KZ_WARM_BROWSER; without it,
or if it does not answer, the render step starts a browser of its own, as a plain build always does.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import socket
import sys
import threading

from explainer.errors import one_line

ADDRESS = "KZ_WARM_BROWSER"  # "127.0.0.1:PORT" of a running server
# Two tabs: the machines this builds on have two cores or more.
TABS = 2


def _ask(request: dict) -> dict | None:
    """The server's answer, or None when there is no server or it does not answer (the caller then works alone)."""
    address = os.environ.get(ADDRESS, "")
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        return None
    try:
        with socket.create_connection((host, int(port)), timeout=5) as connection:
            connection.settimeout(300)
            connection.sendall(json.dumps(request).encode() + b"\n")
            answer = json.loads(connection.makefile("rb").readline() or b"null")
    except (OSError, ValueError):
        return None
    return answer if isinstance(answer, dict) and "unavailable" not in answer else None


def pictures(jobs: list[dict]) -> list[dict] | None:
    """For each {figure, opts, topojson}: {"data": bytes} or {"error": message}; None when no warm browser."""
    answer = _ask({"pictures": jobs})
    if answer is None:
        return None
    return [{"data": base64.b64decode(r["data"])} if "data" in r else r for r in answer["pictures"]]


def pdfs(pages: list[str]) -> list[bytes] | None:
    """Each HTML page printed to PDF; None when there is no warm browser or it could not print them."""
    answer = _ask({"pdfs": pages})
    return [base64.b64decode(pdf) for pdf in answer["pdfs"]] if answer and "pdfs" in answer else None


async def _serve(browser_path: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    # The hook holds our standard input: when it closes (MkDocs stopped, even if killed), so do we.
    def watch_input() -> None:
        sys.stdin.buffer.read()
        with contextlib.suppress(RuntimeError):  # the loop has already ended
            loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=watch_input, daemon=True).start()

    async def start():
        import kaleido

        session = kaleido.Kaleido(n=TABS, path=browser_path, mathjax=False, timeout=120)
        await session.open()
        return session

    async def picture(session, job: dict) -> dict:
        try:
            data = await session.calc_fig(job["figure"], opts=job["opts"], topojson=job.get("topojson"))
        except Exception as error:  # noqa: BLE001 - reported per picture; the render step names the chart
            return {"error": one_line(error)}
        return {"data": base64.b64encode(data).decode()}

    async def answer(request: dict) -> dict:
        from explainer.classroom import pdf

        try:
            session = await ready
        except Exception:  # noqa: BLE001 - no browser here: the render step starts its own and reports
            return {"unavailable": True}
        if "pictures" in request:
            return {"pictures": list(await asyncio.gather(*(picture(session, job) for job in request["pictures"])))}
        try:
            printed = await pdf.print_with(session, request["pdfs"])
        except Exception:  # noqa: BLE001 - the render step prints them itself and reports any error
            return {"unavailable": True}
        return {"pdfs": [base64.b64encode(one).decode() for one in printed]}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            reply = await answer(json.loads(await reader.readline()))
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=1 << 30)
    host, port = server.sockets[0].getsockname()[:2]
    # The hook puts this line into the environment of every render step.
    print(f"{ADDRESS}={host}:{port}", flush=True)
    # The browser starts while the first build runs; a request waits for it.
    ready = asyncio.ensure_future(start())
    async with server:
        await stop.wait()
    # Let a browser still starting finish, then close it: a half-started one would keep this process alive.
    with contextlib.suppress(Exception):
        await (await ready).close()


def main() -> int:
    from .render import INSTALL_HINT, find_browser

    browser_path = find_browser()
    if not browser_path:
        print(f"error: {INSTALL_HINT}", file=sys.stderr)
        return 1
    asyncio.run(_serve(browser_path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
