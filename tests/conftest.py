"""Build the site once per session, as GitHub Pages would publish it, and parse it.

The build uses ``SITE_URL=https://example.github.io/joint-letter/`` so that
every test also proves the site works under a project subpath.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.github.io/joint-letter/"
SUBPATH = urlsplit(SITE_URL).path
SOURCE_DATE_EPOCH = "1613520000"  # 17 February 2021, 00:00 UTC
# What a build needs from the project; everything else (tests, caches) stays out.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "includes", "fonts")
# Each edition's folder below the site's root, by the locale in its file names.
LANGS = {"en": "", "zh-hans": "zh-hans/", "zh-hant": "zh-hant/"}
HTML_LANG = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def build_env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "SITE_URL": SITE_URL,
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    env.update(extra)
    return env


def mkdocs_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on a project folder; never raises."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


@dataclass
class Page:
    path: Path  # relative to the site folder
    html: str

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

    @cached_property
    def content(self):
        main = self.soup.select_one(".md-content")
        assert main is not None, f"{self.path}: no .md-content"
        return main

    @property
    def ids(self) -> set[str]:
        return {el["id"] for el in self.soup.find_all(id=True)}


@dataclass
class Site:
    root: Path
    log: str
    pages: dict[str, Page] = field(default_factory=dict)

    def page(self, url: str) -> Page:
        """A page by its site-relative URL: '', 'letter/', 'recommendations/x/'."""
        path = url + "index.html" if url == "" or url.endswith("/") else url
        if path not in self.pages:
            file = self.root / path
            assert file.is_file(), f"no built page for URL {url!r} ({path})"
            self.pages[path] = Page(Path(path), file.read_text(encoding="utf-8"))
        return self.pages[path]

    def html_pages(self) -> list[Page]:
        return [self.page(str(p.relative_to(self.root))) for p in sorted(self.root.rglob("*.html"))]


def load(path: str) -> ModuleType:
    """A hook or script of the project by its path ("overrides/hooks/i18n.py"):
    they are files, not a package. Loaded once per session."""
    name = "project." + path.removesuffix(".py").replace("/", ".")
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1))


@dataclass(frozen=True)
class Rec:
    slug: str
    number: int
    title: str
    summary: str
    letter_heading: str

    @property
    def url(self) -> str:
        return f"recommendations/{self.slug}/"


def read_recommendations(locale: str = "en") -> list[Rec]:
    """The recommendations of one edition, from its files' front matter."""
    recs = []
    for path in sorted((ROOT / "docs" / "recommendations").glob("*.md")):
        slug, _, suffix = path.name.removesuffix(".md").partition(".")
        if slug == "index" or (suffix or "en") != locale:
            continue
        meta = front_matter(path)
        recs.append(
            Rec(
                slug=slug,
                number=meta["number"],
                title=" ".join(meta["title"].split()),
                summary=" ".join(meta["summary"].split()),
                letter_heading=" ".join(meta["letter_heading"].split()),
            )
        )
    return sorted(recs, key=lambda r: r.number)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    return Site(out, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def recommendations() -> list[Rec]:
    return read_recommendations()


# Chromium, as a session-wide fixture for every browser test.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_GET_ONE = "set CHROMIUM_PATH, or install Debian's chromium (apt-get install chromium); never `playwright install` here"


def find_browser(playwright) -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    try:
        managed = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - no managed browser registered
        return None
    return managed if managed and Path(managed).is_file() else None


@pytest.fixture(scope="session")
def browser():
    """Chromium: CHROMIUM_PATH, /usr/bin/chromium, or a Playwright-managed one.
    Without one the browser tests skip, except under CI=true, where they fail."""
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = find_browser(playwright)
        if path is None:
            message = f"no Chromium for the browser tests: {HOW_TO_GET_ONE}"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        browser = playwright.chromium.launch(executable_path=path, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(site: Site):
    """The built site on loopback under its subpath, as GitHub Pages serves it."""
    from pages_server import PagesServer

    with PagesServer(site.root, SUBPATH) as server:
        yield server
