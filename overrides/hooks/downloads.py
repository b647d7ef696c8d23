"""A copy to carry away: each edition as one PDF, one HTML file and one EPUB.

Once every page of an edition is rendered (``on_env``, before any page is
written), ``jointletter.carry`` assembles them, in the navigation's order,
into the three files (``downloads/joint-letter-17-february-2021-zh-hans.pdf``
...), and this hook adds them to the site, with ``downloads/SHA256SUMS`` for
all nine, which the Pages workflow attests. Each page of the edition links
them from its footer, with each file's format, language and size; the Sources
page says how to check a file.

Making the PDFs takes seconds, so ``mkdocs serve`` does not make them (it
says so), and neither does a build with ``DOWNLOADS=skip`` (for a quick
build, and for the tests whose subject is something else): then the pages
do not link them either.
"""

from __future__ import annotations

import hashlib
import logging
import os
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from jointletter import carry, editions, glossary
from jointletter.project import Project
from jointletter.recommendations import SECTION, recommendations

log = logging.getLogger("mkdocs.hooks.downloads")
FORMATS = {"pdf": "PDF", "html": "HTML", "epub": "EPUB"}
SOURCES = "sources"
CACHE = ".cache/downloads"
SUMS = f"{carry.FOLDER}SHA256SUMS"
# Every edition's files and their digests, as the three builds make them.
_digests: dict[str, str] = {}
_nav: list[Page] = []
_serving = False


def on_startup(command: str, **kwargs: Any) -> None:
    global _serving
    _serving = command == "serve"


def made() -> bool:
    """Whether this build makes the carried editions."""
    return not _serving and os.environ.get("DOWNLOADS", "") != "skip"


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    if config.plugins["i18n"].building:
        return
    _digests.clear()  # the first of the three builds
    if not made():
        why = "under `mkdocs serve`" if _serving else "with DOWNLOADS=skip"
        log.info(f"the carried editions (PDF, HTML, EPUB) are not made {why}; a plain `mkdocs build` makes them")


@plugins.event_priority(-105)  # after the i18n plugin has sorted the files
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    # Declared now, written once the pages are rendered (on_env), so that
    # links to them are checked like any other.
    if not made():
        return files
    locale = editions.current(config).locale
    for ext in FORMATS:
        files.append(File.generated(config, f"{carry.FOLDER}{carry.file_name(locale, ext)}", content=b""))
    files.append(File.generated(config, SUMS, content=b""))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    _nav[:] = nav.pages
    return nav


def size(data: bytes) -> str:
    return f"{len(data) / 1024:.0f} KB" if len(data) < 1024 * 1024 else f"{len(data) / 1024 / 1024:.1f} MB"


def heading(page: Page) -> str:
    """A page's title as its reader sees it: its h1, the first entry of its
    table of contents (the navigation's title is shorter: "Home")."""
    first = page.toc.items[0] if page.toc.items else None
    return first.title if first is not None and first.level == 1 else page.title


def make(config: MkDocsConfig) -> dict[str, bytes]:
    """The edition's three files, by extension."""
    project = Project.of(config)
    edition = editions.current(config)
    terms = glossary.pairs(project)
    recs = {rec.slug: rec for rec in recommendations(project, edition.locale)}

    def t(key: str, **values: Any) -> str:
        return editions.translate(edition.locale, key, terms, **values)

    sections = []
    for page in _nav:
        rec = recs.get(page.file.name) if page.file.src_uri.startswith(f"{SECTION}/") else None
        sections.append(
            carry.Section(
                url="" if page.url in (".", "./") else page.url,
                title=rec.title if rec else heading(page),
                html=page.content or "",
                lede=rec.summary if rec else "",
            )
        )
    build_date = get_build_datetime().date()
    document = carry.Edition(
        locale=edition.locale,
        lang=edition.code,
        site_url=config.site_url,
        title=t("site_name"),
        letter_date=t("letter_date"),
        build_date=build_date,
        strings={key: t(f"carry.{key}") for key in carry.STRING_KEYS} | {"licence_url": edition.licence},
    )
    expected = [section.url for section in sections]
    # The same input gives the same bytes, so a second build of the same pages
    # (a rebuild, the tests' second engine) takes the files from the cache.
    key = hashlib.sha256(repr((carry.ENGINE, document, sections)).encode()).hexdigest()
    cache = project.root / CACHE / key
    if all((cache / f"file.{ext}").is_file() for ext in FORMATS):
        carry.check(document, sections, expected)
        return {ext: (cache / f"file.{ext}").read_bytes() for ext in FORMATS}
    made = carry.make_all(document, sections, expected)
    cache.mkdir(parents=True, exist_ok=True)
    for ext, data in made.items():
        (cache / f"file.{ext}").write_bytes(data)
    return made


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """The Sources page lists the files and says how to check one."""
    if page.file.name != SOURCES or not made():
        return markdown
    edition = editions.current(config)
    terms = glossary.pairs(Project.of(config))

    def t(key: str, **values: Any) -> str:
        return editions.translate(edition.locale, key, terms, **values)

    items = [
        f"- [{FORMATS[ext]} · {edition.name}]({carry.FOLDER}{carry.file_name(edition.locale, ext)})" for ext in FORMATS
    ]
    lines = [f"## {t('downloads')} {{ #downloads }}", "", t("downloads.text"), "", *items, "", t("downloads.verify")]
    # SHA256SUMS has no extension MkDocs knows: an address from the site's root.
    sums = urlsplit(config.site_url).path + SUMS
    return (
        markdown.rstrip()
        + "\n\n"
        + "\n".join(lines).replace("[SHA256SUMS]({sums})", f'<a href="{sums}">SHA256SUMS</a>')
        + "\n"
    )


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    if not made():
        return env
    edition = editions.current(config)
    terms = glossary.pairs(Project.of(config))
    links = []
    for ext, data in make(config).items():
        name = f"{carry.FOLDER}{carry.file_name(edition.locale, ext)}"
        files.get_file_from_path(name).content_bytes = data
        _digests[name] = hashlib.sha256(data).hexdigest()
        label = editions.translate(
            edition.locale, "download_item", terms, format=FORMATS[ext], language=edition.name, size=size(data)
        )
        links.append({"name": name, "label": label})
    # Every page's footer links them, in the edition's language, by absolute
    # path (the footer is the same on every page, at any depth).
    site_path = urlsplit(config.site_url).path
    items = " · ".join(f'<a href="{site_path}{link["name"]}" download>{link["label"]}</a>' for link in links)
    title = editions.translate(edition.locale, "downloads", terms)
    colon = "：" if edition.chinese else ": "
    config.copyright += f'<br><span class="md-copyright__downloads">{title}{colon}{items}</span>'
    # SHA256SUMS, as `sha256sum -c` reads it: each build writes the digests
    # so far; the last build's has all nine.
    text = "".join(f"{digest}  {name.removeprefix(carry.FOLDER)}\n" for name, digest in sorted(_digests.items()))
    files.get_file_from_path(SUMS).content_string = text
    return env
