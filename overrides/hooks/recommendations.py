"""The seven recommendations on the site: their pages, the cards, the data file.

The recommendations are read from their pages' front matter by
``jointletter.recommendations``, checked as the build starts (before any page
is rendered, so a fault stops the build at once, naming the file and the
key), and handed to the templates as ``recommendations``: each page's
numeral, title and lede, the cards on the home page and the index. Each
edition's ``recommendations.json`` is written from the same data, with each
recommendation's events.
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

from jointletter import plugins as adapter
from jointletter.editions import CC_BY, EDITIONS, language
from jointletter.events import events
from jointletter.project import Project
from jointletter.recommendations import SECTION, Recommendation, recommendations

DATA_FILE = "recommendations.json"


def _recs(config: MkDocsConfig) -> list[Recommendation]:
    return recommendations(Project.of(config), adapter.edition(config).locale)


def of(page: Page | None, recs: list[Recommendation]) -> Recommendation | None:
    """The recommendation a page is, if it is one."""
    if page is None or not page.file.src_uri.startswith(f"{SECTION}/") or page.file.name == "index":
        return None
    return next(rec for rec in recs if rec.slug == page.file.name)


def _data_file(config: MkDocsConfig) -> str:
    """Each edition's own file at its root (the i18n plugin would take a second
    recommendations.json for a translation of the first)."""
    edition = adapter.edition(config)
    return f"recommendations.{edition.locale}.json" if edition.chinese else DATA_FILE


@plugins.event_priority(adapter.CHECKS)
def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    if not adapter.nested(config):  # every edition's faults as the build starts, before any file is read
        for locale in EDITIONS:
            recommendations(Project.of(config), locale)


@plugins.event_priority(adapter.AFTER_I18N)  # the i18n plugin sorts the files it knows
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    edition = adapter.edition(config)
    # Written once the pages are read (on_env); declared now so that links to
    # it are checked like any other.
    file = File.generated(config, _data_file(config), content=b"")
    file.dest_uri = f"{edition.root}{DATA_FILE}"
    files.append(file)
    return files


@plugins.event_priority(adapter.AFTER_I18N)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    listed = [page.file.name for page in nav.pages if of(page, _recs(config))]
    for place, (slug, rec) in enumerate(zip(listed, _recs(config)), start=1):
        if slug != rec.slug:
            raise PluginError(
                f"mkdocs.yml: nav lists docs/{SECTION}/{slug}.md in place {place} of the recommendations, "
                f"but front matter key 'number' {place} belongs to docs/{SECTION}/{rec.slug}.md"
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
    anchor = f" {{ #{slugify(rec.english_title, '-')} }}" if adapter.edition(config).chinese else ""
    return f"# {rec.title}{anchor}\n\n{markdown}"


def data(config: MkDocsConfig, recs: list[Recommendation]) -> str:
    """recommendations.json: the seven, each with its events, in the edition's
    language. `letter_heading` is always the letter's own words; a Chinese
    rendering is `letter_heading_translation`, never taken for them."""
    project = Project.of(config)
    words = language(adapter.edition(config), project)
    entries = []
    for rec in recs:
        entry: dict[str, Any] = {"number": rec.number, "slug": rec.slug, "title": rec.title, "summary": rec.summary}
        entry["letter_heading"] = rec.english_heading
        if words.edition.chinese:
            entry["letter_heading_translation"] = rec.letter_heading
        entry["url"] = config.site_url + rec.url
        entry["events"] = [
            {
                "date": event.date.isoformat(),
                **({"end": event.end.isoformat()} if event.end else {}),
                "text": event.text(words),
                "sources": [source.url for source in event.sources],
                "url": f"{config.site_url}{rec.url}#{event.id}",
            }
            for event in events(project)
            if event.rec == rec.number
        ]
        entries.append(entry)
    header = {
        "site": config.site_url + words.edition.root,
        "language": words.edition.code,
        "license": "CC-BY-4.0",
        "license_url": CC_BY,
        "note": words.t("data_note"),
    }
    return json.dumps({**header, "recommendations": entries}, ensure_ascii=False, indent=2) + "\n"


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    recs = _recs(config)
    env.globals["recommendations"] = recs
    env.globals["recommendation_of"] = lambda page: of(page, recs)
    files.get_file_from_path(_data_file(config)).content_string = data(config, recs)
    return env
