"""The three editions: each build in its language, with its own interface.

mkdocs-static-i18n builds the site once per edition (``jointletter.editions``):
English at the root, Simplified Chinese under ``zh-hans/``, Traditional under
``zh-hant/``, each from ``page.md`` and its translations. This hook gives each
build what the plugin leaves to us:

- the interface in the edition's language: the site's name, description and
  licence line, the navigation, the palette toggle, and the strings templates
  ask for (``t()``; Material's own, ``partials/languages/``);
- before anything is rendered, a check of every page's translations: both
  exist, their front matter is valid YAML with exactly the English page's
  keys, and each Traditional page is what the conversion of its Simplified
  page makes (the build names the file; ``scripts/traditional.py`` makes it);
- each edition as a site of its own for Material's script (its own base,
  hence its own search index and sitemap), and the links to the same page in
  the other editions, in the bar above the header (``overrides/main.html``),
  which instant navigation replaces with each page;
- a not-found page in each edition (``zh-hans/404.html``), to which the
  English one sends readers of a missing Chinese address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from jointletter import editions, glossary
from jointletter.chinese import to_traditional, traditional_page, traditional_pages
from jointletter.editions import DEFAULT, EDITIONS, Edition
from jointletter.project import Project, front_matter, read_text
from jointletter.sources import references

PALETTE_KEYS = ("palette.auto", "palette.light", "palette.dark")


def check_translations(project: Project, files: Files) -> None:
    """Every page has both translations, with valid front matter and the
    English page's keys, and every Traditional page is up to date."""
    missing = []
    for file in files.documentation_pages():
        source = Path(file.abs_src_path or "")
        if source.name.count(".") != 1:
            continue  # a translation: checked from its English page
        keys = set(front_matter(project, source))
        for edition in EDITIONS.values():
            if not edition.chinese:
                continue
            translation = source.with_name(f"{source.stem}.{edition.locale}.md")
            if not translation.is_file():
                missing.append(project.name(translation))
                continue
            meta = front_matter(project, translation)
            name = project.name(translation)
            for key in sorted(keys - set(meta)):
                raise PluginError(f"{name}: front matter key '{key}' is missing ({project.name(source)} has it)")
            for key in sorted(set(meta) - keys):
                raise PluginError(
                    f"{name}: front matter key '{key}' is not in {project.name(source)}; a translation has "
                    "the same keys"
                )
    if missing:
        hint = (
            "write the Simplified page; the Traditional one is made from it by `uv run python scripts/traditional.py`"
        )
        raise PluginError(
            f"{missing[0]}: translation missing ({hint})" + (f"; also {', '.join(missing[1:])}" if missing[1:] else "")
        )
    for hans, hant in traditional_pages(project):
        if not hant.is_file() or read_text(hant) != traditional_page(project, hans):
            raise PluginError(
                f"{project.name(hant)}: not what {hans.name} makes; run `uv run python scripts/traditional.py` "
                "(edit the Simplified page, never the Traditional one)"
            )


@plugins.event_priority(-110)  # after the i18n plugin has chosen the build's language
def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    editions.check_plugin_languages(config)
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is not set (it comes from the SITE_URL environment variable); "
            "link previews and canonical addresses need the site's full address"
        )
    edition = editions.current(config)
    terms = glossary.pairs(Project.of(config))
    t = lambda key, **values: editions.translate(edition.locale, key, terms, **values)  # noqa: E731
    config.theme["language"] = edition.locale
    config.site_name = t("site_name")
    config.site_description = t("site_description")
    config.copyright = t("copyright", licence=edition.licence)
    for palette, key in zip(config.theme["palette"], PALETTE_KEYS):
        palette["toggle"]["name"] = t(key)
    # Readers' choice of light or dark holds across the three editions.
    config.extra["scope"] = urlsplit(config.site_url).path or "/"
    # Each edition writes its own sitemap (sitemaps.py) and its own
    # not-found page: English at the root, the others in their folder.
    templates = config.theme.static_templates
    templates.discard("sitemap.xml")
    for other in EDITIONS.values():
        templates.discard(f"{other.root}404.html")
    templates.add(f"{edition.root}404.html")
    return config


@plugins.event_priority(-110)  # after the i18n plugin has sorted the files
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    edition = editions.current(config)
    if not edition.chinese:
        check_translations(Project.of(config), files)
        return files
    # A moved page keeps its old address in every edition: the redirect maps
    # in mkdocs.yml name English files; here they mean the same page below
    # the edition's folder.
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        redirects.redirects = {f"{edition.root}{old}": new for old, new in redirects.redirects.items()}
        redirects.doc_pages = {
            getattr(file, "norm_src_uri", file.src_uri): file for file in files.documentation_pages()
        }
    # The theme's files (Material's scripts, the site's assets) are the same
    # in every edition: the English build has written them.
    docs = Path(config.docs_dir)
    theme = [
        f
        for f in files
        if f.abs_src_path and not f.is_documentation_page() and not Path(f.abs_src_path).is_relative_to(docs)
    ]
    for file in theme:
        files.remove(file)
    return files


@plugins.event_priority(-110)  # after the i18n plugin's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    edition = editions.current(config)
    terms = glossary.pairs(Project.of(config))

    def walk(items) -> None:
        for item in items:
            key = f"nav.{item.title}"
            if isinstance(item, (Section, Page)) and item.title and key in editions.strings(DEFAULT):
                item.title = editions.translate(edition.locale, key, terms)
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


class _Bytecode(BytecodeCache):
    """Compiled templates, kept across the three builds (one compile each)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_bytecode = _Bytecode()


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    edition = editions.current(config)
    terms = glossary.pairs(Project.of(config))
    env.bytecode_cache = _bytecode
    env.globals["edition"] = edition
    env.globals["editions"] = EDITIONS
    env.globals["t"] = lambda key, **values: editions.translate(edition.locale, key, terms, **values)
    env.globals["translate"] = lambda locale, key, **values: editions.translate(locale, key, terms, **values)
    material = editions.material_strings(edition.locale, terms)
    env.globals["material_string"] = lambda key, fallback: material.get(key, fallback)
    return env


def abbreviations(project: Project, edition: Edition) -> str:
    """The abbreviations' tooltips in the edition's language (UN, IOC, HRIC ...):
    includes/abbreviations.md, its Simplified translation, and the
    Traditional made from that."""
    if not edition.chinese:
        return read_text(project.root / "includes" / "abbreviations.md")
    text = read_text(project.root / "includes" / "abbreviations.zh-hans.md")
    return to_traditional(text, glossary.pairs(project)) if edition.locale == "zh-hant" else text


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    edition = editions.current(config)
    # A ready citation needs the published address: %SITE_URL% is the
    # address of the page's edition (its home page).
    markdown = markdown.replace("%SITE_URL%", config.site_url + edition.root)
    project = Project.of(config)
    return markdown.rstrip() + "\n\n" + abbreviations(project, edition) + "\n\n" + references(project)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    edition = editions.current(config)
    if not edition.chinese:
        return html
    english = editions.translate(DEFAULT, "permalink")
    own = editions.translate(edition.locale, "permalink", glossary.pairs(Project.of(config)))
    return html.replace(f'title="{english}"', f'title="{own}"')


def page_languages(page: Page | None, edition: Edition, config: MkDocsConfig) -> list[dict[str, Any]]:
    """This page in each edition: name, language, address from here, current."""
    found = getattr(page.file, "alternates", {}) if page else {}
    site_path = urlsplit(config.site_url).path
    links = []
    for other in EDITIONS.values():
        file = found.get(other.locale)
        if page is not None and file is None:
            raise PluginError(f"docs/{page.file.src_uri}: no {other.name} version of this page")
        url = "" if file is None or file.url in (".", "./") else file.url
        href = get_relative_url(url or "./", page.url) if page else site_path + other.root
        links.append({"name": other.name, "lang": other.code, "href": href, "current": other == edition})
    return links


@plugins.event_priority(-110)  # after the i18n plugin's own page context
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, **kwargs: Any
) -> dict[str, Any]:
    edition = editions.current(config)
    # Material's script reads the search index and sitemap at this base: the
    # edition's own folder.
    context["base_url"] = get_relative_url(edition.root or "./", page.url).rstrip("/") or "."
    context["page_languages"] = page_languages(page, edition, config)
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig, **kwargs: Any
) -> dict[str, Any]:
    edition = editions.current(config)
    if template_name.endswith("404.html"):
        context["page_languages"] = page_languages(None, edition, config)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    edition = editions.current(config)
    if edition.chinese and template_name == f"{edition.root}404.html":
        # The page's assets are at the site's root (".."), but Material's
        # script must read this edition's search index and sitemap (".").
        return output.replace('"base": ".."', '"base": "."', 1)
    return output
