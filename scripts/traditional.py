"""Make the Traditional Chinese pages from the Simplified ones.

    uv run python scripts/traditional.py          # write docs/**/*.zh-hant.md
    uv run python scripts/traditional.py --check  # fail if any is out of date

The Simplified pages (`*.zh-hans.md`) are the source; each Traditional page
(`*.zh-hant.md`) is made from one by the site's conversion to Taiwan's usage
(`jointletter.chinese`: OpenCC's s2twp, the reviewed exceptions and the
glossary in data/glossary.yml), the same conversion as the interface strings
and the events. Never edit a Traditional page by hand: edit the Simplified
page and run this script. The build stops, naming the file, while a
Traditional page is not what this script makes.
"""

from __future__ import annotations

import argparse
import sys

from jointletter.chinese import traditional_page, traditional_pages
from jointletter.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if a page is out of date")
    args = parser.parse_args()
    project = Project()
    stale = []
    for hans, hant in traditional_pages(project):
        text = traditional_page(project, hans)
        if hant.is_file() and hant.read_text(encoding="utf-8") == text:
            continue
        stale.append(project.name(hant))
        if not args.check:
            hant.write_text(text, encoding="utf-8")
    if args.check and stale:
        sys.exit("out of date (run `uv run python scripts/traditional.py`): " + ", ".join(stale))
    print(("out of date: " if args.check else "written: ") + (", ".join(stale) or "none"))


if __name__ == "__main__":
    main()
