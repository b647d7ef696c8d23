"""Page weight and load times: this site against a plain Material build of the same Markdown.

    uv run python benchmarks/page_weight.py [--runs N]

Builds both sites in this run (the plain one: Material with ``font: false``,
instant navigation, the same Markdown extensions, no overrides, no hooks),
serves each gzip-compressed on loopback under /joint-letter/, as GitHub Pages
would, and loads each kind of page in Chromium: cold (empty cache), then from
the home page by instant navigation. Prints requests, compressed bytes and
DOMContentLoaded / load times (medians of N runs), side by side, with the
ratio of this site to the plain build. A script, not a test: times vary with
the machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from playwright.sync_api import sync_playwright  # noqa: E402

from jointletter.editions import EDITIONS  # noqa: E402
from jointletter.pages_server import CHROMIUM_ARGS, PagesServer  # noqa: E402
from jointletter.project import Project  # noqa: E402
from jointletter.sources import references  # noqa: E402

SUBPATH = "/joint-letter/"
# name: (this site's path, the plain build's path for the same Markdown)
PAGES = {
    "home": ("", ""),
    "letter": ("letter/", "letter/"),
    "recommendation": ("recommendations/winter-olympics/", "recommendations/winter-olympics/"),
    "officials": ("officials/", "officials/"),
    "sources": ("sources/", "sources/"),
    "zh-hans home": ("zh-hans/", "index.zh-hans/"),
    "zh-hans recommendation": ("zh-hans/recommendations/winter-olympics/", "recommendations/winter-olympics.zh-hans/"),
    "zh-hant home": ("zh-hant/", "index.zh-hant/"),
    "zh-hant recommendation": ("zh-hant/recommendations/winter-olympics/", "recommendations/winter-olympics.zh-hant/"),
}

PLAIN_CONFIG = """\
site_name: A Human Rights Approach to US-China Policy
site_url: {site_url}
theme:
  name: material
  font: false
  features:
    - navigation.instant
    - navigation.tabs
    - navigation.indexes
plugins:
  - search
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - md_in_html
  - tables
  - smarty
  - toc:
      permalink: true
  - pymdownx.snippets:
      auto_append:
        - includes/abbreviations.md
        - includes/links.md
      check_paths: true
  - pymdownx.superfences
"""


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def build(project: Path, out: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(out)], cwd=project, env=env, check=True
    )


def plain_project(dest: Path, site_url: str) -> Path:
    """The same Markdown and nav, configured as plain Material (PLAIN_CONFIG)."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    dest.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(PLAIN_CONFIG.format(site_url=site_url) + "nav:\n" + nav, encoding="utf-8")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "includes", dest / "includes")
    # The sources the pages cite by key, which this site's build appends from data/sources.yml.
    (dest / "includes" / "links.md").write_text(references(Project(ROOT)), encoding="utf-8")
    for page in (dest / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^template: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    return dest


def measure(browser, server: PagesServer, runs: int, which: int) -> dict[str, dict[str, float]]:
    """`which`: 0 for this site's paths, 1 for the plain build's."""
    results: dict[str, dict[str, list[float]]] = {}
    for _ in range(runs):
        for name, paths in PAGES.items():
            path = paths[which]
            row = results.setdefault(
                name, {k: [] for k in ("requests", "bytes", "dcl", "load", "nav_requests", "nav_bytes", "nav_ms")}
            )
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            server.log.clear()
            page.goto(server.url + path, wait_until="networkidle")
            timing = page.evaluate(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " return [n.domContentLoadedEventEnd, n.loadEventEnd] })()"
            )
            row["requests"].append(len(server.log))
            row["bytes"].append(sum(size for _, _, size in server.log))
            row["dcl"].append(timing[0])
            row["load"].append(timing[1])
            context.close()
            edition = path.split("/")[0] + "/" if path.startswith("zh-han") else ""
            if path and path != edition and (which == 0 or not name.startswith("zh")):
                # From its home page, in a fresh browser, by instant navigation.
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.goto(server.url + edition, wait_until="networkidle")
                server.log.clear()
                target = SUBPATH + edition + path[len(edition) :].split("/")[0] + "/"
                link = page.locator(f'.md-tabs a[href$="{target}"]').first
                start = time.perf_counter()
                link.click()
                page.wait_for_url(lambda url, target=target: url.endswith(target), timeout=10000)
                page.wait_for_load_state("networkidle")
                row["nav_ms"].append((time.perf_counter() - start) * 1000)
                row["nav_requests"].append(len(server.log))
                row["nav_bytes"].append(sum(size for _, _, size in server.log))
                context.close()
    return {
        name: {k: statistics.median(v) if v else float("nan") for k, v in row.items()} for name, row in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        ours, plain = tmp / "ours", tmp / "plain"
        ours.mkdir()
        plain.mkdir()
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        with (
            PagesServer(ours, SUBPATH, gzip=True) as ours_server,
            PagesServer(plain, SUBPATH, gzip=True) as plain_server,
        ):
            build(ROOT, ours, ours_server.url)
            build(plain_project(tmp / "plain-project", plain_server.url), plain, plain_server.url)
            a = measure(browser, ours_server, args.runs, 0)
            b = measure(browser, plain_server, args.runs, 1)
            index = {
                name: gzip_size(ours / root / "search" / "search_index.json")
                for name, root in ((locale, edition.root) for locale, edition in EDITIONS.items())
            }
            plain_index = gzip_size(plain / "search" / "search_index.json")
        browser.close()

    print(f"Page weight, gzip, Chromium, median of {args.runs} runs: this site vs plain Material (ratio)\n")
    print(f"{'page':<24} {'requests':>14} {'KB compressed':>24} {'DOMContentLoaded ms':>26} {'load ms':>22}")
    for name in PAGES:
        x, y = a[name], b[name]
        print(
            f"{name:<24} {x['requests']:>5.0f} vs {y['requests']:<5.0f}"
            f" {x['bytes'] / 1024:>7.1f} vs {y['bytes'] / 1024:<6.1f} ({x['bytes'] / y['bytes']:.2f})"
            f" {x['dcl']:>7.0f} vs {y['dcl']:<6.0f} ({x['dcl'] / y['dcl']:.2f})"
            f" {x['load']:>6.0f} vs {y['load']:<6.0f} ({x['load'] / y['load']:.2f})"
        )
    print("\nThen opened from its home page by instant navigation (the plain build has no Chinese navigation):\n")
    print(f"{'page':<24} {'requests':>14} {'KB compressed':>24} {'click to idle ms':>26}")
    for name in PAGES:
        x, y = a[name], b[name]
        if x["nav_requests"] != x["nav_requests"]:  # NaN: a home page
            continue
        if y["nav_requests"] != y["nav_requests"]:
            print(
                f"{name:<24} {x['nav_requests']:>5.0f} vs -     {x['nav_bytes'] / 1024:>7.1f} vs -     "
                f"{'':>8} {x['nav_ms']:>7.0f} vs -"
            )
            continue
        print(
            f"{name:<24} {x['nav_requests']:>5.0f} vs {y['nav_requests']:<5.0f}"
            f" {x['nav_bytes'] / 1024:>7.1f} vs {y['nav_bytes'] / 1024:<6.1f}"
            f" ({x['nav_bytes'] / max(y['nav_bytes'], 1):.2f})"
            f" {x['nav_ms']:>7.0f} vs {y['nav_ms']:<6.0f} ({x['nav_ms'] / y['nav_ms']:.2f})"
        )
    print(
        "\nSearch index a reader downloads, KB compressed (plain Material: one index of every page, all languages):\n"
    )
    print(
        f"English {index['en'] / 1024:.1f}, Simplified {index['zh-hans'] / 1024:.1f}"
        f" ({index['zh-hans'] / index['en']:.2f} of English), Traditional {index['zh-hant'] / 1024:.1f}"
        f" ({index['zh-hant'] / index['en']:.2f}); plain Material {plain_index / 1024:.1f}"
    )


if __name__ == "__main__":
    main()
