"""Turn the link checker's JSON into the text of the weekly issue.

    uv run lychee --config lychee.toml --format json --output lychee.json 'site/**/*.html'
    uv run python scripts/link_report.py lychee.json site

Prints Markdown: each broken address, the error, and the pages that cite it
(as their addresses below the site's root). Used by
.github/workflows/links.yml; prints nothing if nothing is broken.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def broken(report: dict, site: Path) -> dict[str, tuple[str, set[str]]]:
    """address -> (error, pages citing it)."""
    found: dict[str, tuple[str, set[str]]] = {}
    pages: dict[str, set[str]] = defaultdict(set)
    for source, failures in report.get("error_map", {}).items():
        path = Path(source)
        page = "/" + (path.relative_to(site.resolve()) if path.is_absolute() else path.relative_to(site)).as_posix().removesuffix("index.html")
        for failure in failures:
            url = failure["url"]
            pages[url].add(page)
            status = failure.get("status", {})
            found[url] = (status.get("text") or str(status), pages[url])
    return found


def main() -> None:
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    site = Path(sys.argv[2] if len(sys.argv) > 2 else "site")
    links = broken(report, site)
    if not links:
        return
    print(f"The weekly check found {len(links)} broken link(s).\n")
    print("For each: replace it with the same page's new address, or cite an archived copy and say so on the page (see README, \"Sources that stay checkable\").\n")
    for url, (error, pages) in sorted(links.items()):
        print(f"- <{url}>\n  - error: {error}\n  - cited on: {', '.join(f'`{p}`' for p in sorted(pages))}")


if __name__ == "__main__":
    main()
