"""Build the site once per session, as GitHub Pages would publish it, and parse it.

The build uses ``SITE_URL=https://example.github.io/joint-letter/`` so that
every test also proves the site works under a project subpath.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from jointletter import glossary
from jointletter.editions import translate
from jointletter.pages_server import CHROMIUM_ARGS
from jointletter.project import Project
from jointletter.recommendations import Recommendation
from jointletter.recommendations import recommendations as model_recommendations

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.github.io/joint-letter/"
SUBPATH = urlsplit(SITE_URL).path
SOURCE_DATE_EPOCH = "1613520000"  # 17 February 2021, 00:00 UTC
# What a build needs from the project; everything else (tests, caches) stays out.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "includes", "fonts", "data", "jointletter")
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
        """Every page the site serves from its templates (not the carried
        editions' HTML files in downloads/, which test_downloads.py checks)."""
        return [
            self.page(str(p.relative_to(self.root)))
            for p in sorted(self.root.rglob("*.html"))
            if not p.relative_to(self.root).as_posix().startswith("downloads/")
        ]


def recommendations_of(locale: str = "en") -> list[Recommendation]:
    """One edition's recommendations, from the site's model."""
    return model_recommendations(Project(ROOT), locale)


def t(locale: str, key: str, **values: object) -> str:
    """An interface string as the build gives it (the Traditional ones made
    with the glossary)."""
    return translate(locale, key, glossary.pairs(Project(ROOT)), **values)


# A recommendation, as the tests name it.
Rec = Recommendation


def below_root(rec: Recommendation) -> str:
    """A recommendation's address below its edition's root: recommendations/x/."""
    return f"recommendations/{rec.slug}/"


def build_in_process(project: Path, out: Path, **env: str) -> str:
    """Build a project in this process, as `mkdocs build --strict` does, and
    return what it logged. For builds that must fail early (bad input): it
    saves a Python start-up per case. An exception other than MkDocs' own
    abort (which the command line would print as a traceback) is raised."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.levelname} - {record.getMessage()}")

    handler = Collect(logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    saved = dict(os.environ)
    os.environ.update(build_env(**{"DOWNLOADS": "skip", **env}))
    cwd = os.getcwd()
    try:
        os.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
        build(config)
        records.append("BUILT")
    except (Abort, ConfigurationError) as error:
        records.append(f"ABORTED - {error}")
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
        os.environ.clear()
        os.environ.update(saved)
    return "\n".join(records)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    return Site(out, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def recommendations() -> list[Recommendation]:
    return recommendations_of()


# Chromium, as a session-wide fixture for every browser test.
HOW_TO_GET_ONE = (
    "set CHROMIUM_PATH, or install Debian's chromium (apt-get install chromium); never `playwright install` here"
)


def find_browser(playwright) -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    try:
        managed = playwright.chromium.executable_path
    except Exception:
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
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(site: Site):
    """The built site on loopback under its subpath, as GitHub Pages serves it."""
    from jointletter.pages_server import PagesServer

    with PagesServer(site.root, SUBPATH) as server:
        yield server


# An address that moved: the browser tests' build keeps it working, as
# mkdocs.yml would after a page is renamed (test_urls.py, test_browser.py).
REDIRECT = "redirect_maps:\n        old-officials.md: officials.md"


@pytest.fixture(scope="session")
def instant(tmp_path_factory: pytest.TempPathFactory):
    """The site built for its own server's address, gzip-compressed: Material's
    instant navigation takes only links its sitemap lists, matched by host
    and port, so only such a build shows instant navigation on loopback."""
    from jointletter.pages_server import PagesServer

    root = tmp_path_factory.mktemp("instant")
    project = copy_project(tmp_path_factory.mktemp("instant-project"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("redirect_maps: {}", REDIRECT), encoding="utf-8")
    with PagesServer(root, SUBPATH, gzip=True) as server:
        # The carried editions are the session build's subject (test_downloads.py), not this one's.
        result = mkdocs_build(project, root, SITE_URL=server.url, DOWNLOADS="skip")
        assert result.returncode == 0, result.stderr
        yield server, root
