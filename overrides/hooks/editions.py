"""The three editions: each build in its language, with its own interface.

mkdocs-static-i18n builds the site once per edition (``jointletter.editions``):
English at the root, Simplified Chinese under ``zh-hans/``, Traditional under
``zh-hant/``, each from ``page.md`` and its translations. This hook gives each
build what the plugin leaves to us:

- the interface in the edition's language: the site's name, description and
  licence line, the navigation, the palette toggle, the permalinks' title, and
  the strings templates ask for (``t()``; Material's own, ``partials/languages/``);
- before anything is rendered, a check of every page's translations: both
  exist, their front matter is valid YAML with exactly the English page's
  keys, and each Traditional page is what the conversion of its Simplified
  page makes (``scripts/traditional.py`` makes it);
- each edition as a site of its own for Material's script (its own base,
  hence its own search index and sitemap), and the links to the same page in
  the other editions (``partials/languages-bar.html``);
- a not-found page and a sitemap in each edition (``zh-hans/404.html``,
  ``zh-hans/sitemap.xml``);
- the abbreviations' tooltips on every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from jointletter import plugins as adapter
from jointletter.chinese import traditional_page, traditional_pages
from jointletter.editions import CC_BY, DEFAULT, EDITIONS, Edition, language
from jointletter.project import Project, front_matter, read_text

PALETTE_KEYS = ("palette.auto", "palette.light", "palette.dark")
PER_EDITION = ("404.html", "sitemap.xml")


def check_translations(project: Project) -> None:
    """Every page has both translations, with valid front matter and the
    English page's keys, and every Traditional page is up to date."""
    missing = []
    for source in sorted(project.docs.rglob("*.md")):
        if source.name.count(".") != 1:
            continue  # a translation: checked from its English page
        keys = set(front_matter(project, source))
        for edition in EDITIONS.values():
            translation = source.with_name(f"{source.stem}.{edition.locale}.md")
            if not edition.chinese:
                continue
            if not translation.is_file():
                missing.append(project.name(translation))
                continue
            name, meta = project.name(translation), front_matter(project, translation)
            for key in sorted(keys - set(meta)):
                raise PluginError(f"{name}: front matter key '{key}' is missing ({project.name(source)} has it)")
            for key in sorted(set(meta) - keys):
                raise PluginError(
                    f"{name}: front matter key '{key}' is not in {project.name(source)}; "
                    "a translation has the same keys"
                )
    if missing:
        hint = (
            "write the Simplified page; the Traditional one is made from it by `uv run python scripts/traditional.py`"
        )
        also = f"; also {', '.join(missing[1:])}" if missing[1:] else ""
        raise PluginError(f"{missing[0]}: translation missing ({hint}){also}")
    for hans, hant in traditional_pages(project):
        if not hant.is_file() or read_text(hant) != traditional_page(project, hans):
            raise PluginError(
                f"{project.name(hant)}: not what {hans.name} makes; run `uv run python scripts/traditional.py` "
                "(edit the Simplified page, never the Traditional one)"
            )


@plugins.event_priority(adapter.AFTER_I18N)
def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    adapter.check_languages(config)
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is not set (it comes from the SITE_URL environment variable); "
            "link previews and canonical addresses need the site's full address"
        )
    edition = adapter.edition(config)
    if not adapter.nested(config):  # as the build starts, before any file is read
        check_translations(Project.of(config))
    words = language(edition, Project.of(config))
    config.theme["language"] = edition.locale
    config.site_name = words.t("site_name")
    config.site_description = words.t("site_description")
    config.copyright = words.t("copyright", licence=edition.licence)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words.t("permalink")
    for palette, key in zip(config.theme["palette"], PALETTE_KEYS):
        palette["toggle"]["name"] = words.t(key)
    # Readers' choice of light or dark holds across the three editions.
    config.extra["scope"] = urlsplit(config.site_url).path or "/"
    # Each edition writes its own not-found page and sitemap, in its folder.
    templates = config.theme.static_templates
    for name in PER_EDITION:
        for other in EDITIONS.values():
            templates.discard(f"{other.root}{name}")
        templates.add(f"{edition.root}{name}")
    return config


@plugins.event_priority(adapter.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    edition = adapter.edition(config)
    if not edition.chinese:
        return files
    adapter.redirect_in_edition(config, files)
    # The theme's files (Material's scripts, the site's assets) are the same
    # in every edition: the English build has written them.
    docs = Path(config.docs_dir)
    for file in [f for f in files if f.abs_src_path and not f.is_documentation_page()]:
        if not Path(file.abs_src_path).is_relative_to(docs):
            files.remove(file)
    return files


@plugins.event_priority(adapter.AFTER_I18N)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    words = language(adapter.edition(config), Project.of(config))
    english = language(DEFAULT, Project.of(config)).strings

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, (Section, Page)) and f"nav.{item.title}" in english:
                item.title = words.t(f"nav.{item.title}")
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    project = Project.of(config)
    words = language(adapter.edition(config), project)
    env.globals.update(
        edition=words.edition,
        editions=EDITIONS,
        language=words,
        t=words.t,
        translate=lambda locale, key, **values: language(locale, project).t(key, **values),
        material_string=lambda key, fallback: words.material.get(key, fallback),
        alternates=adapter.alternates,
        cc_by=CC_BY,
    )
    return adapter.compile_once(env, config)


def abbreviations(project: Project, edition: Edition) -> str:
    """The abbreviations' tooltips in the edition's language (UN, IOC, HRIC ...)."""
    if not edition.chinese:
        return read_text(project.root / "includes" / "abbreviations.md")
    return language(edition, project).script(read_text(project.root / "includes" / "abbreviations.zh-hans.md"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    project, edition = Project.of(config), adapter.edition(config)
    return f"{markdown.rstrip()}\n\n{abbreviations(project, edition)}"


def page_languages(page: Page | None, edition: Edition, config: MkDocsConfig) -> list[dict[str, Any]]:
    """This page in each edition: name, language, address from here, current."""
    found = adapter.alternates(page) if page else {}
    links = []
    for other in EDITIONS.values():
        if page is not None and other.locale not in found:
            raise PluginError(f"docs/{page.file.src_uri}: no {other.name} version of this page")
        if page is None:  # a not-found page: the edition's home, from the site's root
            href = urlsplit(config.site_url).path + other.root
        else:
            href = get_relative_url(found[other.locale] or "./", page.url)
        links.append({"name": other.name, "lang": other.code, "href": href, "current": other == edition})
    return links


@plugins.event_priority(adapter.AFTER_I18N)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, **kwargs: Any
) -> dict[str, Any]:
    edition = adapter.edition(config)
    # Material's script reads the search index and sitemap at this base: the
    # edition's own folder.
    context["base_url"] = get_relative_url(edition.root or "./", page.url).rstrip("/") or "."
    context["page_languages"] = page_languages(page, edition, config)
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig, **kwargs: Any
) -> dict[str, Any]:
    edition = adapter.edition(config)
    if template_name.endswith("404.html"):
        context["page_languages"] = page_languages(None, edition, config)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    edition = adapter.edition(config)
    if not edition.chinese or template_name != f"{edition.root}404.html":
        return output
    # The page's assets are at the site's root (".."), but Material's script
    # must read this edition's search index and sitemap (".").
    if '"base": ".."' not in output:
        raise PluginError(f'overrides/hooks/editions.py: {template_name} has no Material base ".." to mend')
    return output.replace('"base": ".."', '"base": "."', 1)
