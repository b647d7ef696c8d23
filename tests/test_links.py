"""Every link holds: internal links reach a built file and anchor, external ones are https."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

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
# Elements whose address the browser fetches as the page loads.
LOADED = ("script[src]", "img[src]", "iframe[src]", "source[src]", "link[href]")


def addresses(page):
    for tag, attr in LINKING.items():
        for el in page.soup.find_all(tag):
            value = el.get(attr)
            if value is not None:
                yield el, value


def resolve(site: Site, page, href: str) -> tuple[str, str] | None:
    """The built file and fragment an address points to, or None if it leaves the site."""
    url = urljoin(SITE_URL + page.path.as_posix(), href)
    if not url.startswith(SITE_URL):
        return None
    parts = urlsplit(url[len(SITE_URL) :])
    path = unquote(parts.path)
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, parts.fragment


def test_every_internal_address_resolves(site: Site) -> None:
    problems = []
    for page in site.html_pages():
        for el, href in addresses(page):
            if href.startswith(("mailto:", "data:")) or href == "":
                continue
            split = urlsplit(href)
            if split.scheme in ("http", "https") and not href.startswith(SITE_URL):
                continue  # external: see the next test
            if split.scheme not in ("", "http", "https"):
                problems.append(f"{page.path}: <{el.name}> uses the {split.scheme}: scheme ({href})")
                continue
            target = resolve(site, page, href)
            if target is None:
                problems.append(f"{page.path}: <{el.name}> {href!r} leaves the site's subpath")
                continue
            path, fragment = target
            if not (site.root / path).is_file():
                problems.append(f"{page.path}: <{el.name}> {href!r} -> {path} is not a built file")
            elif fragment and path.endswith(".html") and fragment not in site.page(path).ids:
                problems.append(f"{page.path}: <{el.name}> {href!r} -> no id {fragment!r} on {path}")
    assert not problems, "broken internal addresses:\n" + "\n".join(problems)


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


def test_no_page_loads_anything_from_another_host(site: Site) -> None:
    problems = []
    own_host = urlsplit(SITE_URL).hostname
    for page in site.html_pages():
        for selector in LOADED:
            for el in page.soup.select(selector):
                if el.name == "link" and not set(el.get("rel", [])) & {
                    "stylesheet",
                    "preload",
                    "modulepreload",
                    "icon",
                    "preconnect",
                    "dns-prefetch",
                    "manifest",
                }:
                    continue  # canonical, prev, next and alternates are not fetched
                address = el.get("src") or el.get("href")
                host = urlsplit(urljoin(SITE_URL, address)).hostname
                if host != own_host:
                    problems.append(f"{page.path}: <{el.name}> loads {address}")
        for style in page.soup.find_all("style"):
            for address in re.findall(r"url\(\s*['\"]?(https?:[^'\")]+)", style.get_text()):
                problems.append(f"{page.path}: inline style loads {address}")
    for css in site.root.glob("assets/stylesheets/site*.css"):
        for address in re.findall(r"url\(\s*['\"]?(https?:[^'\")]+)", css.read_text()):
            problems.append(f"{css.name} loads {address}")
    assert not problems, "requests to other hosts:\n" + "\n".join(problems)


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
