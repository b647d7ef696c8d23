"""Screenshots of the built site at phone and desktop widths, light and dark.

    uv run mkdocs build && uv run python scripts/screenshots.py [OUT_DIR]

Serves ./site on loopback and writes one PNG per page, width and scheme
(default folder: .cache/screenshots). Needs Chromium (CHROMIUM_PATH or
/usr/bin/chromium).
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "",
    "letter": "letter/",
    "recommendations": "recommendations/",
    "recommendation": "recommendations/winter-olympics/",
    "officials": "officials/",
    "sources": "sources/",
}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".cache/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory="site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    full = os.environ.get("FULL_PAGE") == "1"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=ARGS)
        for scheme in ("light", "dark"):
            for size, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.screenshot(path=out / f"{name}-{size}-{scheme}.png", full_page=full)
                page.close()
        browser.close()
    server.shutdown()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
