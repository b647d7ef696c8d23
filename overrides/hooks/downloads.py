"""A copy to carry away: each edition as one PDF, one HTML file and one EPUB.

Once every page of an edition is rendered (``on_env``, before any page is
written), ``jointletter.carry`` assembles them, in the navigation's order,
into the three files (``downloads/joint-letter-17-february-2021-zh-hans.pdf``
...). The PDF takes seconds to draw: it is drawn in a worker process while
the build goes on, and written, with its size in the footers, once the whole
site is. Every page's footer links its edition's three, with their sizes
(``partials/copyright.html``); the Sources page lists them and says how to
check one (``partials/downloads.md``). ``downloads/SHA256SUMS`` holds all nine
files' digests, which the Pages workflow attests.

``extra.downloads`` in mkdocs.yml switches them (``DOWNLOADS=false`` for a
quick build); ``mkdocs serve`` never makes them, and says so. The same input
gives the same bytes: a rebuild of the same pages takes the files from a
cache outside the checkout (``$XDG_CACHE_HOME/joint-letter/downloads``, the
newest entries kept).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jointletter import carry
from jointletter import plugins as adapter
from jointletter.carry import document, epub, html, pdf
from jointletter.editions import EDITIONS, language
from jointletter.project import Project
from jointletter.provenance import provenance
from jointletter.recommendations import SECTION, recommendations
from jointletter.sources import SOURCES_PAGE, by_address

log = logging.getLogger("mkdocs.hooks.downloads")
SUMS = f"{carry.FOLDER}SHA256SUMS"
KEEP = 12  # cache entries: a few versions of the three editions
# In a footer, until the PDF drawn beside the build has its size.
PENDING = "@@size of {name}@@"


@dataclasses.dataclass
class Carried:
    """One edition's files as its build leaves them: the PDF perhaps still being drawn."""

    locale: str
    files: dict[str, bytes]
    pdf: Future[bytes] | None
    cache: Path


def made(config: MkDocsConfig) -> bool:
    """Whether this build makes the carried editions (mkdocs.yml: extra.downloads)."""
    switch = config.extra.get("downloads", True)
    if not isinstance(switch, bool):
        raise PluginError(f"mkdocs.yml: extra.downloads is {switch!r}; it must be true or false (DOWNLOADS=false)")
    return switch and not adapter.serving()


def names(locale: str) -> dict[str, str]:
    """An edition's three files, by extension."""
    return {ext: f"{carry.FOLDER}{carry.file_name(locale, ext)}" for ext in carry.FORMATS}


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    if adapter.nested(config):
        return
    adapter.session(config).clear()  # the first edition's build: a new build of the site
    if not made(config):
        why = "under `mkdocs serve`" if adapter.serving() else "with extra.downloads false"
        log.info(f"the carried editions (PDF, HTML, EPUB) are not made {why}; a plain `mkdocs build` makes them")


@plugins.event_priority(adapter.AFTER_I18N)  # the i18n plugin sorts the files it knows
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    # Declared now, written once the pages are rendered, so that links to
    # them are checked like any other.
    if made(config):
        for name in [*names(adapter.edition(config).locale).values(), SUMS]:
            files.append(File.generated(config, name, content=b""))
    return files


def heading(page: Page) -> str:
    """A page's title as its reader sees it: its h1 (the navigation's is shorter: "Home")."""
    first = page.toc.items[0] if page.toc.items else None
    return first.title if first is not None and first.level == 1 else page.title


def reading_order(files: Files) -> list[Page]:
    """The edition's pages as the navigation orders them: along Material's
    previous and next links, from the page that has no previous one."""
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    page = next((p for p in pages if p.previous_page is None and p.next_page is not None), None)
    order = []
    while page is not None:
        order.append(page)
        page = page.next_page
    return order


def make(config: MkDocsConfig, files: Files) -> Carried:
    """The edition's files: from the cache, or made now, the PDF in a worker."""
    project = Project.of(config)
    words = language(adapter.edition(config), project)
    recs = {rec.slug: rec for rec in recommendations(project, words.edition.locale)}
    sections = []
    for page in reading_order(files):
        rec = recs.get(page.file.name) if page.file.src_uri.startswith(f"{SECTION}/") else None
        url = "" if page.url in (".", "./") else page.url
        title, lede = (rec.title, rec.summary) if rec else (heading(page), "")
        sections.append(carry.Section(url, title, page.content or "", lede))
    # Every page of the edition, whether or not the navigation lists it.
    expected = sorted("" if file.url in (".", "./") else file.url for file in files.documentation_pages())
    publication = carry.Publication(words, provenance(config), by_address(project))
    # The same on every host: the files print the primary address, not the host's.
    host_free = dataclasses.replace(publication.provenance, site_url="")
    key = repr(
        (carry.engine(), words.edition, words.strings, words.terms, host_free, publication.sources, sections, expected)
    )
    folder = cache() / hashlib.sha256(key.encode()).hexdigest()
    if all((folder / f"file.{ext}").is_file() for ext in carry.FORMATS):
        folder.touch()
        stored = {ext: (folder / f"file.{ext}").read_bytes() for ext in carry.FORMATS}
        return Carried(words.edition.locale, stored, None, folder)
    doc = document.assemble(publication, sections, expected)
    session = adapter.session(config)
    if "pool" not in session:
        # One worker per edition, even on fewer cores: none waits for another's
        # PDF. WeasyPrint is loaded once, here, for the workers forked from this process.
        importlib.import_module("weasyprint")
        # Forked where the platform allows it (Linux: the PDFs are drawn with Fontconfig).
        fork = multiprocessing.get_context("fork") if sys.platform == "linux" else None
        session["pool"] = ProcessPoolExecutor(max_workers=len(EDITIONS), mp_context=fork)
    job = session["pool"].submit(pdf.render, pdf.source(doc), words.edition.locale)
    return Carried(words.edition.locale, {"html": html.make(doc), "epub": epub.make(doc)}, job, folder)


def size(data: bytes) -> str:
    return f"{len(data) / 1024:.0f} KB" if len(data) < 1024 * 1024 else f"{len(data) / 1024 / 1024:.1f} MB"


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    env.globals["downloads"] = []
    if not made(config):
        return env
    edition = make(config, files)
    adapter.session(config).setdefault("editions", []).append(edition)
    for ext, name in names(edition.locale).items():
        data = edition.files.get(ext)
        files.get_file_from_path(name).content_bytes = data or b""
        shown = size(data) if data is not None else PENDING.format(name=name)
        env.globals["downloads"].append({"name": name, "format": carry.FORMATS[ext], "size": shown})
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """The Sources page lists the files and says how to check one."""
    if page.file.name != SOURCES_PAGE or not made(config):
        return markdown
    words = language(adapter.edition(config), Project.of(config))
    template = adapter.partials(config).get_template("partials/downloads.md")
    listed = template.render(
        t=words.t,
        edition=words.edition,
        names=names(words.edition.locale),
        formats=carry.FORMATS,
        checksums=SUMS,
        provenance=provenance(config),
    )
    return f"{markdown.rstrip()}\n\n{listed}"


@plugins.event_priority(adapter.SITE_WRITTEN)
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    """The PDFs drawn beside the build, their sizes in the footers; the cache;
    SHA256SUMS, as `sha256sum -c` reads it, over every edition's files."""
    if adapter.nested(config) or not made(config):
        return
    site = Path(config.site_dir)
    session = adapter.session(config)
    try:
        for edition in session.get("editions", []):
            if edition.pdf is not None:
                edition.files["pdf"] = edition.pdf.result()
                name = names(edition.locale)["pdf"]
                (site / name).write_bytes(edition.files["pdf"])
                placeholder, shown = PENDING.format(name=name), size(edition.files["pdf"])
                for page in pages_of(site, edition.locale):
                    text = page.read_text(encoding="utf-8")
                    if placeholder in text:
                        page.write_text(text.replace(placeholder, shown), encoding="utf-8")
                store(edition)
    finally:
        if "pool" in session:
            session.pop("pool").shutdown(cancel_futures=True)
    folder = site / carry.FOLDER
    wanted = [carry.file_name(locale, ext) for locale in EDITIONS for ext in carry.FORMATS]
    missing = [name for name in wanted if not (folder / name).is_file() or not (folder / name).stat().st_size]
    if missing:
        raise PluginError(f"carried editions: {', '.join(missing)} not written")
    digests = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in sorted(wanted)}
    (folder / "SHA256SUMS").write_text("".join(f"{d}  {n}\n" for n, d in digests.items()), encoding="utf-8")


def pages_of(site: Path, locale: str) -> list[Path]:
    """An edition's pages as written: not another edition's, not the carried HTML files."""
    elsewhere = (carry.FOLDER, *(e.root for e in EDITIONS.values() if e.locale != locale and e.root))
    pages = (site / EDITIONS[locale].root).rglob("*.html")
    return [page for page in pages if not page.relative_to(site).as_posix().startswith(elsewhere)]


def store(edition: Carried) -> None:
    """The edition's files into the cache, whole or not at all: another build
    may read or prune the cache at the same time."""
    cache().mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=cache()))
    for ext, data in edition.files.items():
        (partial / f"file.{ext}").write_bytes(data)
    try:
        os.replace(partial, edition.cache)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # another build stored the same files first
    stored = [path for path in cache().iterdir() if not path.name.startswith(".")]
    for old in sorted(stored, key=_age)[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # pruned by another build meanwhile
        return 0.0


def cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "joint-letter" / "downloads"
