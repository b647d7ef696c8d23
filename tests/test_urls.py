"""Published addresses keep working: tests/urls.txt is the contract."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import LANGS, ROOT, Site

MANIFEST = ROOT / "tests" / "urls.txt"
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', re.I)


def manifest() -> list[str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def built_file(root: Path, path: str) -> Path:
    path = path.lstrip("/")
    return root / (path + "index.html" if path == "" or path.endswith("/") else path)


def check_manifest(root: Path, urls: list[str], removed: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with each address, following redirects; empty when all
    resolve. Folders in `removed` count as not built."""
    problems = []
    for url in urls:
        path, fragment = urlsplit(url).path, urlsplit(url).fragment
        for _hop in range(5):
            file = built_file(root, path)
            if not file.is_file() or file.relative_to(root).as_posix().startswith(removed):
                problems.append(f"{url}: no longer resolves ({file.relative_to(root)} is not built)")
                break
            if file.suffix != ".html":
                break
            html = file.read_text(encoding="utf-8")
            redirect = REDIRECT.search(html)
            if redirect is None:
                if fragment and f'id="{fragment}"' not in html:
                    problems.append(f"{url}: no longer resolves (no #{fragment} on {file.relative_to(root)})")
                break
            path = urlsplit(urljoin("https://site" + path, redirect.group(1))).path
        else:
            problems.append(f"{url}: redirects in a loop")
    return problems


def test_manifest_lists_every_recommendation_and_official(recommendations) -> None:
    urls = manifest()
    for root in LANGS.values():
        for rec in recommendations:
            assert f"/{root}{rec.url}" in urls, f"tests/urls.txt: /{root}{rec.url} is missing"
            assert f"/{root}letter/#{rec.slug}" in urls, f"tests/urls.txt: /{root}letter/#{rec.slug} is missing"
        for anchor in ("joe-biden", "jake-sullivan", "antony-blinken", "xi-jinping"):
            assert f"/{root}officials/#{anchor}" in urls, f"tests/urls.txt: /{root}officials/#{anchor} is missing"


def test_every_published_address_resolves(site: Site) -> None:
    problems = check_manifest(site.root, manifest())
    assert not problems, "published addresses that broke:\n" + "\n".join(problems)


@pytest.mark.slow
def test_a_moved_page_keeps_its_address_through_a_redirect(instant) -> None:
    """The browser tests' build keeps the old address old-officials/ (conftest.REDIRECT), as mkdocs.yml
    would keep a renamed page's: in every edition it redirects to the page, with the site's policy (and
    tests/test_browser.py follows it in Chromium)."""
    _, root = instant
    for edition in LANGS.values():
        stub = built_file(root, f"/{edition}old-officials/").read_text(encoding="utf-8")
        redirect = REDIRECT.search(stub)
        assert redirect and redirect.group(1).endswith("officials/"), f"/{edition}old-officials/ is not a redirect"
        assert 'http-equiv="Content-Security-Policy"' in stub, (
            f"the redirect page /{edition}old-officials/ has no policy"
        )
    old = [f"/{edition}old-officials/#xi-jinping" for edition in LANGS.values()]
    assert check_manifest(root, old) == [], "an old address does not lead to its page and anchor"


def test_a_moved_page_without_a_redirect_is_named(site: Site) -> None:
    """The built site as a move without a redirect would leave it: the
    manifest check names each address that broke."""
    removed = tuple(f"{root}recommendations/winter-olympics/" for root in LANGS.values())
    problems = check_manifest(site.root, manifest(), removed)
    gone = [url for url in manifest() if "/recommendations/winter-olympics/" in url]
    wanted = [f"{url}: no longer resolves ({url.lstrip('/').split('#')[0]}index.html is not built)" for url in gone]
    assert len(gone) >= 3 and problems == wanted, problems
