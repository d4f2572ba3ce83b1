"""A small static host for the built site, as a real one behaves: index.html for
folders, the site's 404.html with status 404, and gzip for text."""

from __future__ import annotations

import contextlib
import functools
import gzip
import mimetypes
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

_COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript",
                 "image/svg+xml", "application/feed+json", "application/rss+xml")


@functools.lru_cache(maxsize=2048)
def _compressed(path: str, modified: int, size: int) -> bytes:
    """A file gzipped once per version of it (named by its time and size): the same
    stylesheet is asked for by every page of every test."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class _StaticHandler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        root = Path(self.directory)
        path = unquote(urlsplit(self.path).path)
        target = (root / path.lstrip("/")).resolve()
        status = 200
        if root.resolve() not in target.parents and target != root.resolve():
            target, status = root / "404.html", 404
        elif target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            target, status = root / "404.html", 404
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        gzipped = ctype.startswith(_COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        stat = target.stat()
        body = _compressed(str(target), stat.st_mtime_ns, stat.st_size) if gzipped else target.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # quiet test output
        pass


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at an ephemeral port; yields the base URL."""
    handler = type("Handler", (_StaticHandler,), {"extra_headers": headers or {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    # Asked every 0.05 s whether to stop (not 0.5 s): a test waits for that when it ends.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
