"""The sources: cited by key on every page, shown with their archived copies, listed on the Sources page.

Every outside source is kept once, in ``data/sources.yml`` (``jointletter.sources``):
its link reference is added to every page, so that a page cites it as
``[Front Line Defenders][fld]``; an event's source line gives each source's
archived copy and the day it was read (``partials/event.md``). The Sources
page says who publishes the site and how to reach them, where the site is
published, and lists every source with its archived copy
(``partials/sources.md``); its ready citations name the site's address and
its repository (``%SITE_URL%``, ``%REPOSITORY%``). A local build has neither:
its citations say where the reader puts them, and it prints no address of
this machine.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from jointletter import plugins as adapter
from jointletter.editions import language
from jointletter.project import Project
from jointletter.provenance import provenance
from jointletter.sources import SOURCES_PAGE, references, sources


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    project = Project.of(config)
    words = language(adapter.edition(config), project)
    found = provenance(config)
    if page.file.name == SOURCES_PAGE:
        listed = (
            adapter.partials(config)
            .get_template("partials/sources.md")
            .render(
                t=words.t, language=words, edition=words.edition, provenance=found, sources=sources(project).values()
            )
        )
        markdown = f"{markdown.rstrip()}\n\n{listed}"
    if found.published:
        markdown = markdown.replace("%SITE_URL%", found.primary_url + words.edition.root)
    else:
        markdown = markdown.replace("%SITE_URL%", words.t("your_address"))
    markdown = markdown.replace("%REPOSITORY%", found.repository or words.t("your_repository"))
    return f"{markdown.rstrip()}\n\n{references(project)}"


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    env.globals["provenance"] = provenance(config)
    return env
