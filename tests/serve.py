"""Serve a built site on 127.0.0.1, gzip-compressed like a static host, for the browser tests and the benchmark."""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import pathlib
import threading

# Types a static host compresses; images and archives are already compressed.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".csv": "text/csv; charset=utf-8"}

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=pathlib.Path, nargs="?", default=pathlib.Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server, url = start(args.directory, args.port)
    print(f"Serving {args.directory} at {url} (Ctrl+C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
