"""Screenshots of the built site at phone and desktop widths, light and dark.

    uv run mkdocs build && uv run python scripts/screenshots.py [OUT_DIR]

Serves ./site on loopback and writes one PNG per page, language, width and
scheme (default folder: .cache/screenshots); FULL_PAGE=1 for whole pages,
LANGS=zh-hans,zh-hant for some languages only. Chinese text needs a CJK font
in the browser (Debian: fonts-noto-cjk). Needs Chromium (CHROMIUM_PATH or
/usr/bin/chromium).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from jointletter.editions import EDITIONS
from jointletter.pages_server import CHROMIUM_ARGS, PagesServer

PAGES = {
    "home": "",
    "letter": "letter/",
    "recommendations": "recommendations/",
    "recommendation": "recommendations/winter-olympics/",
    "timeline": "timeline/",
    "officials": "officials/",
    "sources": "sources/",
    "404": "no/such/page/",
}
# Each page in each edition; LANGS=en,zh-hans picks some.
LANGS = {locale: edition.root for locale, edition in EDITIONS.items()}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".cache/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    server = PagesServer(Path("site"))
    server.__enter__()
    base = server.url
    full = os.environ.get("FULL_PAGE") == "1"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        for scheme in ("light", "dark"):
            for size, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for lang, prefix in LANGS.items():
                    if lang not in os.environ.get("LANGS", ",".join(LANGS)).split(","):
                        continue
                    for name, path in PAGES.items():
                        page.goto(base + prefix + path)
                        page.screenshot(path=out / f"{lang}-{name}-{size}-{scheme}.png", full_page=full)
                page.close()
        browser.close()
    server.__exit__()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
