"""The same site on every host: GitHub Pages, and the mirrors mkdocs.yml names.

A build for a mirror (``SITE_URL`` the mirror's address, ``PRIMARY_URL`` the
primary's) is a site of its own on that host: its links are relative, and
what a reader's browser or a link preview loads (the preview images, the
search index, the downloads) comes from the mirror, as do its sitemaps and
the address the copy-link button copies. Only the canonical address (and the
JSON-LD's identity of each page) names the primary's copy, so that search
engines credit one address; the carried editions print the primary's
address, so that they are the same bytes on every host.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from jointletter.provenance import provenance


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, **kwargs: Any
) -> dict[str, Any]:
    found = provenance(config)
    if found.primary_url != found.site_url:
        page.canonical_url = found.primary_url + ("" if page.url in (".", "./") else page.url)
    return context
