"""Links as written: outside addresses are well-formed https, and every heading has a permalink.

That every internal link and anchor resolves is proven by the strict build
(Markdown) and by lychee over the whole built site (test_link_check.py)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import SITE_URL, Site

# Attributes that hold an address, by element.
LINKING = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
}


def addresses(page):
    for tag, attr in LINKING.items():
        for el in page.soup.find_all(tag):
            value = el.get(attr)
            if value is not None:
                yield el, value


def test_external_links_are_well_formed_https(site: Site) -> None:
    problems = []
    for page in site.html_pages():
        for _, href in addresses(page):
            split = urlsplit(href)
            if split.scheme in ("http", "https") and not href.startswith(SITE_URL):
                if split.scheme != "https" or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", split.hostname or ""):
                    problems.append(f"{page.path}: {href!r} is not a well-formed https address")
                if re.search(r"\s", href):
                    problems.append(f"{page.path}: {href!r} has white space")
    assert not problems, "\n".join(problems)


def test_every_heading_has_a_permalink(site: Site) -> None:
    problems = []
    for page in site.html_pages():
        if page.path.name == "404.html" or not page.soup.select_one(".md-content"):
            continue
        for heading in page.content.select("h2, h3"):
            link = heading.select_one("a.headerlink")
            if not heading.get("id") or link is None or link["href"] != f"#{heading['id']}":
                problems.append(f"{page.path}: heading {heading.get_text(strip=True)!r} has no permalink")
    assert not problems, "\n".join(problems)
