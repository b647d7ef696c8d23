"""Every outside address the site cites, grouped by host, with the pages that cite it.

    uv run mkdocs build && uv run python scripts/external_links.py [SITE_DIR]

Reads the built site (default ./site), so what it lists is what readers can
follow: a reviewer sees every outside host at a glance. The site asks
nothing of these hosts itself: they are only links.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def cited(site: Path) -> dict[str, dict[str, set[str]]]:
    """host -> address -> pages citing it."""
    hosts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        content = soup.select_one(".md-content") or soup
        page = "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for link in content.select("a[href^='http']"):
            hosts[urlsplit(link["href"]).hostname][link["href"]].add(page)
    return hosts


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not site.is_dir():
        sys.exit(f"{site}: not a built site (run `uv run mkdocs build` first)")
    hosts = cited(site)
    print(f"{sum(len(urls) for urls in hosts.values())} outside addresses on {len(hosts)} hosts\n")
    for host in sorted(hosts):
        print(host)
        for url, pages in sorted(hosts[host].items()):
            print(
                f"  {url}\n    cited on {len(pages)} page(s): "
                f"{', '.join(sorted(pages)[:4])}{' ...' if len(pages) > 4 else ''}"
            )


if __name__ == "__main__":
    main()
