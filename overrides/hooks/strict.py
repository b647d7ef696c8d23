"""A strict build that has warned stops at once, not after three editions and their PDFs.

MkDocs aborts a strict build that logged a warning (a link to a missing page
or anchor) only once the whole site is built. Every page's Markdown is read,
and its links checked, by ``on_env``; its anchors once its edition's pages are
written, by ``on_post_build``. This hook stops the build at each of those
points, so that a broken link costs a second, not the carried editions.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from jointletter import plugins as adapter


def stop_if_warned(config: MkDocsConfig, when: str) -> None:
    if warned := adapter.strict_warnings(config):
        raise PluginError(f"{warned} warning(s) above in strict mode: the build stops {when}")


@plugins.event_priority(adapter.FIRST)  # before the hooks that render or make files
def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    stop_if_warned(config, "before rendering the pages")
    return env


@plugins.event_priority(adapter.FIRST)  # before the i18n plugin builds the next edition
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    stop_if_warned(config, "before the next edition")
