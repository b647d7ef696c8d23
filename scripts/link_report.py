"""Turn the link checker's JSON into the text of the weekly issue.

    uv run lychee --config lychee.toml --root-dir "$PWD/site" --format json --output lychee.json 'site/**/*.html'
    uv run python scripts/link_report.py lychee.json site

Prints Markdown: each broken address (the site's own files as their paths
below its root), the error, and the pages that cite it. Links that time out
count as broken, as they do for lychee. Used by .github/workflows/links.yml;
prints nothing if nothing is broken. Stops with an error, printing nothing, if
the JSON is not the shape it reads (lychee changed its format) or lychee
checked no links: an empty report would close the issue as "every link works".
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

# lychee's failures: each map (source file -> [{"url", "status": {"text"}}])
# with the count lychee gives for it.
FAILURES = {"error_map": "errors", "timeout_map": "timeouts"}


class Unexpected(Exception):
    """lychee's JSON is not what this script reads."""


def below(path: Path, site: Path) -> str:
    """A path of the built site as an address below its root: '/', '/letter/', '/404.html'."""
    try:
        relative = path.resolve().relative_to(site).as_posix()
    except ValueError:
        raise Unexpected(f"{path} is not in the site folder {site}") from None
    return "/" + ("" if relative == "." else relative).removesuffix("index.html")


def address(url: str, site: Path) -> str:
    """How a broken link is named: an outside address as it is, a file of the site by its path."""
    parts = urlsplit(url)
    if parts.scheme != "file" or not Path(unquote(parts.path)).resolve().is_relative_to(site):
        return f"<{url}>"
    return f"`{below(Path(unquote(parts.path)), site)}{'#' + parts.fragment if parts.fragment else ''}`"


def broken(report: object, site: Path) -> dict[str, tuple[str, set[str]]]:
    """address -> (error, pages citing it). Raises Unexpected unless the JSON is as lychee writes it."""
    if not isinstance(report, dict):
        raise Unexpected(f"a JSON object expected, found {type(report).__name__}")
    if not isinstance(report.get("total"), int) or report["total"] < 1:
        raise Unexpected(
            f"lychee checked no links ('total' is {report.get('total')!r}): no pages, or a glob that found none"
        )
    site = site.resolve()
    found: dict[str, tuple[str, set[str]]] = {}
    pages: dict[str, set[str]] = defaultdict(set)
    for key, count in FAILURES.items():
        sources, expected = report.get(key), report.get(count)
        if not isinstance(sources, dict) or not isinstance(expected, int):
            raise Unexpected(f"no object {key!r} and number {count!r} (its keys: {', '.join(sorted(report))})")
        listed = 0
        for source, failures in sources.items():
            if not isinstance(failures, list):
                raise Unexpected(f"{key!r}: {source} has no list of failures")
            for failure in failures:
                url = failure.get("url") if isinstance(failure, dict) else None
                status = failure.get("status") if isinstance(failure, dict) else None
                error = status.get("text") if isinstance(status, dict) else None
                if not (isinstance(url, str) and url and isinstance(error, str) and error):
                    raise Unexpected(f"{key!r}: a failure on {source} without 'url' and 'status.text': {failure!r}")
                name = address(url, site)
                pages[name].add(below(Path(source), site))
                found[name] = (error, pages[name])
                listed += 1
        if listed != expected:
            raise Unexpected(f"{count!r} is {expected} but {key!r} lists {listed} failure(s)")
    return found


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(f"usage: {sys.argv[0]} LYCHEE_JSON [SITE_FOLDER]")
    path = Path(sys.argv[1])
    site = Path(sys.argv[2] if len(sys.argv) > 2 else "site")
    try:
        links = broken(json.loads(path.read_text(encoding="utf-8")), site)
    except (OSError, ValueError, Unexpected) as error:
        sys.exit(
            f"link_report.py: {path} is not lychee's JSON report as this script reads it: {error}. No report made."
        )
    if not links:
        return
    print(f"The weekly check found {len(links)} broken link(s).\n")
    print(
        "For each: replace it with the same page's new address, or cite an archived copy and say so on the "
        'page (see the README, "Reader safety and sources that stay checkable").\n'
    )
    for name, (error, cited) in sorted(links.items()):
        print(f"- {name}\n  - error: {error}\n  - cited on: {', '.join(f'`{p}`' for p in sorted(cited))}")


if __name__ == "__main__":
    main()
