"""Lighthouse (mobile) scores for the home page and a recommendation page.

    uv run python benchmarks/lighthouse.py [--runs N]

Builds the site, serves it gzip-compressed on loopback under /joint-letter/,
and runs Lighthouse 12.2.3 (the last release that runs on Node 20) with its
default mobile settings in Chromium (CHROMIUM_PATH or /usr/bin/chromium),
N times per page. Needs Node and the npm registry the first time
(`npx --yes lighthouse@12.2.3`). Scores depend on the machine's speed:
Lighthouse prints its benchmark index, shown here beside the scores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from page_weight import SUBPATH, build  # noqa: E402
from pages_server import PagesServer  # noqa: E402

PAGES = {"home": "", "recommendation": "recommendations/winter-olympics/"}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory() as tmp:
        site, report = Path(tmp) / "site", Path(tmp) / "report.json"
        site.mkdir()
        with PagesServer(site, SUBPATH, gzip=True) as server:
            build(ROOT, site, server.url)
            for name, path in PAGES.items():
                for _ in range(args.runs):
                    subprocess.run(
                        ["npx", "--yes", "lighthouse@12.2.3", server.url + path, "--quiet", "--output=json",
                         f"--output-path={report}", f"--chrome-flags={FLAGS}",
                         "--only-categories=performance,accessibility,best-practices,seo"],
                        env=env, check=True, capture_output=True,
                    )
                    data = json.loads(report.read_text())
                    scores = " ".join(f"{key} {round(cat['score'] * 100)}" for key, cat in data["categories"].items())
                    metrics = data["audits"]["metrics"]["details"]["items"][0]
                    print(f"{name:<15} {scores}  FCP {metrics['firstContentfulPaint']:.0f} ms"
                          f"  LCP {metrics['largestContentfulPaint']:.0f} ms  TBT {metrics['totalBlockingTime']:.0f} ms"
                          f"  (benchmark index {data['environment']['benchmarkIndex']:.0f})")


if __name__ == "__main__":
    main()
