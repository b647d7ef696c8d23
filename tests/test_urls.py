"""Published addresses keep working: tests/urls.txt is the contract."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, Site, build_in_process, copy_project

MANIFEST = ROOT / "tests" / "urls.txt"
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', re.I)


def manifest() -> list[str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def built_file(root: Path, path: str) -> Path:
    path = path.lstrip("/")
    return root / (path + "index.html" if path == "" or path.endswith("/") else path)


def check_manifest(root: Path, urls: list[str]) -> list[str]:
    """What is wrong with each address, following redirects; empty when all resolve."""
    problems = []
    for url in urls:
        path, fragment = urlsplit(url).path, urlsplit(url).fragment
        for _hop in range(5):
            file = built_file(root, path)
            if not file.is_file():
                problems.append(f"{url}: no longer resolves ({file.relative_to(root)} is not built)")
                break
            if file.suffix != ".html":
                break
            html = file.read_text(encoding="utf-8")
            redirect = REDIRECT.search(html)
            if redirect is None:
                if fragment and not BeautifulSoup(html, "html.parser").find(id=fragment):
                    problems.append(f"{url}: no longer resolves (no #{fragment} on {file.relative_to(root)})")
                break
            path = urlsplit(urljoin("https://site" + path, redirect.group(1))).path
        else:
            problems.append(f"{url}: redirects in a loop")
    return problems


def move_a_page(dest: Path) -> Path:
    """A copy of the project in which winter-olympics.md (and its translations) is renamed beijing-2022.md, "
    "links updated."""
    project = copy_project(dest)
    for suffix in (".md", ".zh-hans.md", ".zh-hant.md"):
        (project / f"docs/recommendations/winter-olympics{suffix}").rename(
            project / f"docs/recommendations/beijing-2022{suffix}"
        )
    for file in [project / "mkdocs.yml", *(project / "docs").rglob("*.md")]:
        text = file.read_text(encoding="utf-8")
        text = text.replace("recommendations/winter-olympics.md", "recommendations/beijing-2022.md")
        file.write_text(text.replace("winter-olympics.zh-hans.md", "beijing-2022.zh-hans.md"), encoding="utf-8")
    return project


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


def test_a_moved_page_keeps_its_address_through_a_redirect(tmp_path: Path) -> None:
    project = move_a_page(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text, "test set-up: mkdocs.yml has no empty redirect_maps"
    config.write_text(
        text.replace(
            "redirect_maps: {}",
            "redirect_maps:\n        recommendations/winter-olympics.md: recommendations/beijing-2022.md",
        ),
        encoding="utf-8",
    )
    output = build_in_process(project, tmp_path / "site")
    assert "BUILT" in output, f"the moved site does not build:\n{output}"
    old = built_file(tmp_path / "site", "/recommendations/winter-olympics/").read_text(encoding="utf-8")
    redirect = REDIRECT.search(old)
    assert redirect and redirect.group(1).endswith("beijing-2022/"), "the old address is not a redirect to the new one"
    assert check_manifest(tmp_path / "site", manifest()) == [], "an address broke although the page kept a redirect"
    for root in LANGS.values():
        stub = built_file(tmp_path / "site", f"/{root}recommendations/winter-olympics/").read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in stub, (
            f"the redirect page /{root}recommendations/winter-olympics/ has no policy"
        )


def test_a_moved_page_without_a_redirect_is_named(site: Site, tmp_path: Path) -> None:
    """The built site without the page's old address, as a move without a
    redirect leaves it: the manifest check names each address that broke."""
    moved = tmp_path / "site"
    shutil.copytree(site.root, moved)
    for root in LANGS.values():
        shutil.rmtree(moved / root / "recommendations" / "winter-olympics")
    problems = check_manifest(moved, manifest())
    gone = [url for url in manifest() if "/recommendations/winter-olympics/" in url]
    wanted = [f"{url}: no longer resolves ({url.lstrip('/').split('#')[0]}index.html is not built)" for url in gone]
    assert len(gone) >= 3 and problems == wanted, problems
