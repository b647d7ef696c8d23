"""Link-preview images, drawn at build time from the recommendations' front matter.

One 1200x630 PNG per recommendation (``assets/social/<slug>.png``) and one for
the rest of the site (``assets/social/site.png``); in each Chinese edition the
same, in its language and script (``assets/social/zh-hans/<slug>.png``). The
drawing is the model's (``jointletter.previews``), which the EPUB's cover shares.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from jointletter import plugins as adapter
from jointletter.editions import EDITIONS
from jointletter.previews import COVER, SITE_IMAGE, check_drawable, draw_card, texts_for
from jointletter.project import Project

FOLDER = "assets/social/"


def image_path(name: str, locale: str) -> str:
    """assets/social/winter-olympics.png, assets/social/zh-hans/winter-olympics.png."""
    return f"{FOLDER}{EDITIONS[locale].root}{name}.png"


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    locale = adapter.edition(config).locale
    texts = texts_for(Project.of(config), locale)
    check_drawable(locale, [text for card in texts.values() for text in card])
    # No page links to these in Markdown, so they can join the site now,
    # before MkDocs copies its static files.
    for name, card in texts.items():
        if name != COVER:
            files.append(File.generated(config, image_path(name, locale), content=draw_card(*card, locale)))
    # The template's image for a page: its recommendation's, or the site's.
    env.globals["preview_image"] = lambda rec: image_path(rec.slug if rec else SITE_IMAGE, locale)
    return env
