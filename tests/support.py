"""What the browser tests and the benchmark share: a gzip server for the built site, page addresses, chart waits."""

from __future__ import annotations

import functools
import gzip
import http.server
import pathlib
import threading

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
