"""One sitemap per edition, each page with its alternates in every edition.

Each edition's ``sitemap.xml`` sits at its root, where Material's script looks
for it (instant navigation follows only the addresses its edition's sitemap
lists), and gives search engines each page's address in the three editions
(``hreflang``) and ``x-default``. The pages carry no ``<link rel="alternate">``
of their own: Material's script fetches a sitemap beside every such link,
which for a page's alternates would be addresses that do not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from jointletter import editions
from jointletter.editions import DEFAULT, EDITIONS

# Every edition's pages, gathered as the three builds run: locale -> [(url, lastmod, alternates)]
_pages: dict[str, list[tuple[str, str, dict[str, str]]]] = {}


def _building_another(config: MkDocsConfig) -> bool:
    """True in the builds the i18n plugin runs from inside the first one."""
    return bool(config.plugins["i18n"].building)


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    if not _building_another(config):  # the first of the three builds
        _pages.clear()


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, **kwargs: Any) -> None:
    found = getattr(page.file, "alternates", {})
    urls = {locale: "" if file.url in (".", "./") else file.url for locale, file in found.items() if locale in EDITIONS}
    url = "" if page.url in (".", "./") else page.url
    _pages.setdefault(editions.current(config).locale, []).append((url, page.update_date, urls))


def sitemap(site_url: str, pages: list[tuple[str, str, dict[str, str]]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, lastmod, urls in sorted(pages):
        lines += ["  <url>", f"    <loc>{escape(site_url + url)}</loc>", f"    <lastmod>{lastmod}</lastmod>"]
        for locale, edition in EDITIONS.items():
            if locale in urls:
                href = escape(site_url + urls[locale])
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{edition.code}" href="{href}"/>')
        lines.append(
            f'    <xhtml:link rel="alternate" hreflang="x-default" href="{escape(site_url + urls.get(DEFAULT, url))}"/>'
        )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


@plugins.event_priority(-110)  # after the i18n plugin has built the other editions
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if _building_another(config):
        return
    for locale, edition in EDITIONS.items():
        path = Path(config.site_dir) / edition.root / "sitemap.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sitemap(config.site_url, _pages.get(locale, [])), encoding="utf-8")
