"""Lighthouse (mobile): this site against a plain Material build of the same Markdown, interleaved.

    uv run python benchmarks/lighthouse.py [--runs N]

Builds this site and a plain Material build of the same Markdown (as
benchmarks/page_weight.py builds it), serves both gzip-compressed on loopback
under /joint-letter/, and runs Lighthouse 12.2.3 (the last release that runs
on Node 20; `npx --yes lighthouse@12.2.3`, from the npm registry the first
time) with its default mobile settings in Chromium (CHROMIUM_PATH or
/usr/bin/chromium). For each page it alternates the two sites, N runs each
(default 5), so that both see the same machine, then prints medians:
performance, FCP, LCP, TBT, render-blocking requests, accessibility, best
practices and SEO, and the ratio of this site to plain Material.

The local server speaks HTTP/1.1; GitHub Pages speaks HTTP/2. Over HTTP/1.1
each request costs a connection slot (six per host), so every request this
site saves counts for more here than it will on Pages, where requests share
one connection: the figures compare the two sites fairly with each other, not
with what readers on Pages will see.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from page_weight import SUBPATH, build, plain_project  # noqa: E402

from jointletter.pages_server import PagesServer  # noqa: E402

# name: (this site's path, the plain build's path for the same Markdown)
PAGES = {
    "home": ("", ""),
    "recommendation": ("recommendations/winter-olympics/", "recommendations/winter-olympics/"),
    "zh-hans recommendation": ("zh-hans/recommendations/winter-olympics/", "recommendations/winter-olympics.zh-hans/"),
}
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str, report: Path, env: dict[str, str]) -> dict[str, float]:
    subprocess.run(
        [
            "npx",
            "--yes",
            "lighthouse@12.2.3",
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    data = json.loads(report.read_text())
    metrics = data["audits"]["metrics"]["details"]["items"][0]
    blocking = data["audits"].get("render-blocking-resources", {}).get("details", {}).get("items", [])
    return {
        **{key: round(data["categories"][key]["score"] * 100) for key in CATEGORIES},
        "FCP": metrics["firstContentfulPaint"],
        "LCP": metrics["largestContentfulPaint"],
        "TBT": metrics["totalBlockingTime"],
        "blocking": len(blocking),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours, plain, report = tmp / "ours", tmp / "plain", tmp / "report.json"
        ours.mkdir()
        plain.mkdir()
        with (
            PagesServer(ours, SUBPATH, gzip=True) as ours_server,
            PagesServer(plain, SUBPATH, gzip=True) as plain_server,
        ):
            build(ROOT, ours, ours_server.url)
            build(plain_project(tmp / "plain-project", plain_server.url), plain, plain_server.url)
            for _ in range(args.runs):
                for name, (ours_path, plain_path) in PAGES.items():
                    for site, server, path in (
                        ("this site", ours_server, ours_path),
                        ("plain", plain_server, plain_path),
                    ):
                        results.setdefault((name, site), []).append(lighthouse(server.url + path, report, env))

    print(f"Lighthouse 12.2.3, mobile, median of {args.runs} interleaved runs: this site vs plain Material (ratio)\n")
    print(
        f"{'page':<24} {'performance':>15} {'FCP ms':>20} {'LCP ms':>20} {'TBT ms':>16} {'blocking':>10}   "
        "a11y / BP / SEO (this site)"
    )
    for name in PAGES:
        a = {k: statistics.median(r[k] for r in results[(name, "this site")]) for k in results[(name, "this site")][0]}
        b = {k: statistics.median(r[k] for r in results[(name, "plain")]) for k in results[(name, "plain")][0]}

        def ratio(key: str, a: dict = a, b: dict = b) -> float:
            return a[key] / b[key] if b[key] else float("nan")

        print(
            f"{name:<24} {a['performance']:>4.0f} vs {b['performance']:<4.0f} ({ratio('performance'):.2f})"
            f" {a['FCP']:>5.0f} vs {b['FCP']:<5.0f} ({ratio('FCP'):.2f})"
            f" {a['LCP']:>5.0f} vs {b['LCP']:<5.0f} ({ratio('LCP'):.2f})"
            f" {a['TBT']:>4.0f} vs {b['TBT']:<4.0f}"
            f" {a['blocking']:>3.0f} vs {b['blocking']:<3.0f}"
            f"   {a['accessibility']:.0f} / {a['best-practices']:.0f} / {a['seo']:.0f}"
        )


if __name__ == "__main__":
    main()
