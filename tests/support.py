"""What the tests and the benchmarks share: a gzip server for the built site, page addresses, chart waits, and
`mkdocs serve` on a copy of the tree."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET

import sitebuild

# Types a static host compresses; images and archives are already compressed.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".csv": "text/csv; charset=utf-8",
    }

    def send_head(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return _Bytes(body)

    def log_message(self, *args):  # keep test and benchmark output clean
        pass


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@functools.lru_cache(maxsize=512)
def _compressed(path: pathlib.Path, _mtime: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def start(directory: pathlib.Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving `directory` in a background thread; returns the server and its base URL."""
    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# -- Pages ------------------------------------------------------------------------------------------------
CHART_MARKER = "<!-- md:chart "


def url_of(page) -> str:
    """The page's address below the site root: "" for home, "introduction/" for a chapter."""
    return "" if page.src == "index.md" else page.src.removesuffix("index.md")


def is_chart_page(page) -> bool:
    """A page that shows chart cards: one with a chart marker, or the whole explainer gathered for print."""
    return CHART_MARKER in page.body or page.src == "print/index.md"


def chart_pages(pages: list) -> list:
    return [page for page in pages if is_chart_page(page)]


def wait_for_pictures(tab, scheme: str) -> int:
    """Wait until every chart's picture in `scheme` is loaded and shown; return how many charts."""
    count = tab.locator(".chart-card").count()
    if count:
        tab.wait_for_function(
            """([n, s]) => [...document.querySelectorAll(`.chart-card__picture--${s} img`)]
                .filter(i => i.complete && i.naturalWidth > 0 && i.offsetParent !== null).length >= n""",
            arg=[count, scheme],
            timeout=20000,
        )
    return count


# -- `make serve` on a copy of the tree ---------------------------------------------------------------------
ROOT = pathlib.Path(__file__).resolve().parent.parent


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_for(check, timeout: float) -> float:
    """Seconds until `check()` is true, polled every 50 ms."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(0.05)
    raise TimeoutError(f"nothing changed within {timeout:.0f} s")


@contextlib.contextmanager
def live_server(cache: str | None = None, log: str = os.devnull, config: str = "mkdocs.yml", strict: bool = True):
    """`mkdocs serve --livereload`, as `make serve` runs it, on a copy of the build inputs in a temporary folder
    (the checkout is never touched). Yields (tree, address, seconds until the first page was served).
    `cache` is the picture and file cache to use ($EXPLAINER_CACHE); by default an empty one of the copy's own.
    `config` picks the edition, as `make serve EDITION=ru` does; `strict=False` lets warnings pass (--no-strict)."""
    with tempfile.TemporaryDirectory() as tmp, open(log, "w") as errors:
        tree = sitebuild.copy_tree(pathlib.Path(tmp))
        # MkDocs checks that docs_dir exists before the hook renders into it (`make serve` does the same).
        for name in ("docs", *(f"docs-{path.stem[len('mkdocs.') :]}" for path in ROOT.glob("mkdocs.??.yml"))):
            (tree / "build" / name).mkdir(parents=True, exist_ok=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),
            "NO_MKDOCS_2_WARNING": "1",
            "EXPLAINER_CACHE": cache or str(tree / "build" / "cache"),
        }
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}", "-f", config]
            + ([] if strict else ["--no-strict"]),
            cwd=tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
        try:
            address = f"http://127.0.0.1:{port}/"
            wait_for(lambda: fetch(address) is not None or server.poll() is not None, 300)
            if server.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode})")
            yield tree, address, time.monotonic() - started
        finally:
            # Stopped as Ctrl+C in a terminal stops it: SIGINT to its whole process group (gone if it stopped).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                raise


def chart_words(tab) -> dict[str, dict[str, int]]:
    """Per chart, the words its light wide picture draws, with how often the page's own text has each."""
    page_text = " ".join(tab.page.evaluate("document.body.innerText").split())
    words = {}
    for card in tab.page.locator(".chart-card").all():
        src = card.locator(".chart-card__picture--light img").get_attribute("src")
        svg = tab.page.evaluate("url => fetch(url).then(r => r.text())", src)
        texts = {
            " ".join("".join(t.itertext()).split()) for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
        }
        words[card.get_attribute("id")] = {t: page_text.count(t) for t in texts if len(t) >= 4}
    return words
