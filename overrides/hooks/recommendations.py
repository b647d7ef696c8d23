"""The seven recommendations on the site: their pages, the cards, the data file.

The recommendations are read from their pages' front matter by
``jointletter.recommendations``, checked as the build starts (before any page
is rendered, so a fault stops the build at once, naming the file and the
key), and handed to the templates as ``recommendations``: each page's
numeral, title and lede, the cards on the home page and the index. Each
edition's ``recommendations.json`` is written from the same data, with each
recommendation's events (``jointletter.events``).
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment
from markdown.extensions.toc import slugify
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from jointletter import editions, glossary
from jointletter.editions import CC_BY, EDITIONS
from jointletter.events import events
from jointletter.project import Project
from jointletter.recommendations import SECTION, Recommendation, recommendations

DATA_FILE = "recommendations.json"


def _recs(config: MkDocsConfig) -> list[Recommendation]:
    return recommendations(Project.of(config), editions.current(config).locale)


def of(page: Page, recs: list[Recommendation]) -> Recommendation | None:
    """The recommendation a page is, if it is one."""
    name = page.file.name  # without its language suffix
    if not page.file.src_uri.startswith(f"{SECTION}/") or name == "index":
        return None
    return next(rec for rec in recs if rec.slug == name)


# After the i18n plugin has sorted the files, and before editions.py compares
# each translation's keys with its English page's, which must first be sound.
@plugins.event_priority(-105)
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    edition = editions.current(config)
    if not edition.chinese:  # the first build: every edition's faults now, before anything is rendered
        for locale in EDITIONS:
            recommendations(Project.of(config), locale)
    # Written once the pages are read (on_env); declared now so that links to
    # it are checked like any other. Each edition has its own, at its root.
    name = DATA_FILE if not edition.chinese else f"recommendations.{edition.locale}.json"
    file = File.generated(config, name, content=b"")
    file.dest_uri = f"{edition.root}{DATA_FILE}"
    files.append(file)
    return files


@plugins.event_priority(-110)  # after the i18n plugin's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    recs = _recs(config)
    listed = [
        page.file.name
        for page in nav.pages
        if page.file.src_uri.startswith(f"{SECTION}/") and page.file.name != "index"
    ]
    wanted = [rec.slug for rec in recs]
    for place, (slug, want) in enumerate(zip(listed, wanted), start=1):
        if slug != want:
            raise PluginError(
                f"mkdocs.yml: nav lists docs/{SECTION}/{slug}.md in place {place} of the recommendations, "
                f"but front matter key 'number' {place} belongs to docs/{SECTION}/{want}.md"
            )
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    rec = of(page, _recs(config))
    if rec is None:
        return markdown
    page.meta["description"] = rec.summary
    page.title = f"{rec.number}. {rec.title}"
    # The title is the page's heading, so that the table of contents and the
    # skip link start with it; a translation's heading keeps the English anchor.
    anchor = ""
    if editions.current(config).chinese:
        english = recommendations(Project.of(config))[rec.number - 1]
        anchor = f" {{ #{slugify(english.title, '-')} }}"
    return f"# {rec.title}{anchor}\n\n{markdown}"


def data(config: MkDocsConfig, recs: list[Recommendation]) -> str:
    """recommendations.json: the seven, each with its events, in the edition's
    language. `letter_heading` is always the letter's own words; a Chinese
    rendering is `letter_heading_translation`, never taken for them."""
    project = Project.of(config)
    edition = editions.current(config)
    terms = glossary.pairs(project)
    found = events(project)
    entries = []
    for rec in recs:
        entry: dict[str, Any] = {"number": rec.number, "slug": rec.slug, "title": rec.title, "summary": rec.summary}
        entry["letter_heading"] = rec.english_heading
        if edition.chinese:
            entry["letter_heading_translation"] = rec.letter_heading
        entry["url"] = config.site_url + rec.url
        entry["events"] = [
            {
                "date": event.date.isoformat(),
                **({"end": event.end.isoformat()} if event.end else {}),
                "text": event.text(edition.locale, terms),
                "sources": [source.url for source in event.sources],
                "url": f"{config.site_url}{rec.url}#{event.id}",
            }
            for event in found
            if event.rec == rec.number
        ]
        entries.append(entry)
    header = {
        "site": config.site_url + edition.root,
        "language": edition.code,
        "license": "CC-BY-4.0",
        "license_url": CC_BY,
        "note": editions.translate(edition.locale, "data_note", terms),
    }
    return json.dumps({**header, "recommendations": entries}, ensure_ascii=False, indent=2) + "\n"


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    recs = _recs(config)
    env.globals["recommendations"] = recs
    env.globals["recommendation_of"] = lambda page: of(page, recs) if page else None
    edition = editions.current(config)
    file = files.get_file_from_path(DATA_FILE if not edition.chinese else f"recommendations.{edition.locale}.json")
    assert file is not None, "declared in on_files"
    file.content_string = data(config, recs)
    return env
