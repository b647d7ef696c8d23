"""A local stand-in for GitHub Pages: serves a built site under a subpath, on loopback.

As Pages does: ``/sub/dir`` redirects to ``/sub/dir/``, a folder serves its
``index.html``, anything missing gets ``404.html`` with status 404. With
``gzip=True`` text responses are gzip-compressed when the client accepts it.
Used by the tests and by ``benchmarks/page_weight.py``.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Chromium's flags for the tests, the benchmarks and the screenshots: no
# sandbox (root in a container), and none of its own calls home, which this
# machine's closed network would refuse.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class PagesServer:
    def __init__(self, root: Path, subpath: str = "/", gzip: bool = False) -> None:
        self.root = Path(root)
        self.subpath = "/" + subpath.strip("/") + "/" if subpath.strip("/") else "/"
        self.gzip = gzip
        # (path, status, bytes of body sent) for every request answered
        self.log: list[tuple[str, int, int]] = []
        handler = self._handler()
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    @property
    def url(self) -> str:
        return self.origin + self.subpath

    def __enter__(self) -> PagesServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_HEAD(self) -> None:
                self.do_GET(body=False)

            def do_GET(self, body: bool = True) -> None:
                path = unquote(urlsplit(self.path).path)
                file = server.resolve(path)
                if file is not None and file.is_dir():
                    server.log.append((self.path, 301, 0))
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 200
                if file is None:
                    status, file = 404, server.root / "404.html"
                data = file.read_bytes()
                kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                headers = {"Content-Type": kind + ("; charset=utf-8" if kind.startswith("text/") else "")}
                if server.gzip and kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                    data = gzip.compress(data, compresslevel=9, mtime=0)
                    headers["Content-Encoding"] = "gzip"
                headers["Content-Length"] = str(len(data))
                headers["Cache-Control"] = "max-age=600"
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if body:
                    self.wfile.write(data)
                server.log.append((self.path, status, len(data) if body else 0))

        return Handler

    def resolve(self, path: str) -> Path | None:
        """The file a URL path serves, a folder to redirect to, or None (404)."""
        if not path.startswith(self.subpath) and path + "/" != self.subpath:
            return None
        relative = path[len(self.subpath) :] if path.startswith(self.subpath) else ""
        if path + "/" == self.subpath:
            return self.root  # the subpath without its slash: redirect
        target = (self.root / relative).resolve()
        if self.root.resolve() not in (target, *target.parents):
            return None
        if path.endswith("/"):
            target = target / "index.html"
            return target if target.is_file() else None
        if target.is_dir():
            return target if (target / "index.html").is_file() else None
        return target if target.is_file() else None
