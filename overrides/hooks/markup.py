"""Valid, accessible HTML: mend the few spots where Material's stock markup falls short.

Each is outside any template block (``base.html``, ``partials/nav-item.html``,
``partials/search.html``, ``partials/footer.html``), so it is mended in the
output rather than by copying those templates. Each patch must find its
pattern on every page it applies to: if Material's markup changes, the build
stops and names the patch, rather than shipping the fault again silently.

- ``autocomplete="off"`` on the checkbox toggles for the drawer and search
  (HTML allows ``autocomplete`` on text-like inputs only);
- ``tabindex=""`` on navigation section labels (not a number);
- ``autocorrect="off"`` on the search field, which the HTML checker does not allow;
- a name for the search dialog (axe: aria-dialog-name), its field's;
- the skip link as a plain link (``target="_self"``), its target focusable
  (``tabindex="-1"``): instant navigation would take it over and scroll to the
  content without moving the keyboard's place;
- the footer's "Previous: 首页" names, with the edition's own colon.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from jointletter import plugins as adapter
from jointletter.editions import language
from jointletter.project import Project


@dataclass(frozen=True)
class Patch:
    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]
    pages_only: bool = False  # not on the not-found pages (no table of contents, no pager)


def _skip(match: re.Match[str]) -> str:
    return f'{match.group(1)} class="md-skip" target="_self">'


PATCHES = (
    Patch(
        "toggle autocomplete",
        re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">'),
        lambda m: f"{m.group(1)}>",
    ),
    Patch(
        "empty tabindex",
        re.compile(r'(<label class="md-nav__link [^"]*" for="__nav_\w+" id="__nav_\w+_label")( tabindex="[^"]*")'),
        lambda m: m.group(1) + ("" if m.group(2) == ' tabindex=""' else m.group(2)),
        pages_only=True,
    ),
    Patch("search autocorrect", re.compile(r' autocorrect="off"'), lambda m: ""),
    Patch(
        "search dialog name",
        re.compile(
            r'(<div class="md-search" data-md-component="search" role="dialog")(>.*?class="md-search__input" '
            r'name="query" aria-label="([^"]*)")',
            re.S,
        ),
        lambda m: f'{m.group(1)} aria-label="{m.group(3)}"{m.group(2)}',
    ),
    Patch("skip link", re.compile(r'(<a href="#[^"]*") class="md-skip">'), _skip, pages_only=True),
)
SKIP_TARGET = re.compile(r'<a href="#([^"]*)" class="md-skip" target="_self">')
PAGER = re.compile(r'(class="md-footer__link md-footer__link--(?:prev|next)" aria-label="[^":]*): ')


def mend(html: str, where: str, colon: str, page: bool) -> str:
    for patch in PATCHES:
        if patch.pages_only and not page:
            continue
        html, count = patch.pattern.subn(patch.replace, html)
        if not count:
            raise PluginError(
                f"overrides/hooks/markup.py: patch '{patch.name}' found nothing in {where}; "
                "Material's markup has changed"
            )
    skip = SKIP_TARGET.search(html)
    if skip:
        target = f'id="{skip.group(1)}"'
        if target not in html:
            raise PluginError(f"overrides/hooks/markup.py: the skip link's target #{skip.group(1)} is not in {where}")
        html = html.replace(target, f'{target} tabindex="-1"', 1)
    if colon != ": " and "md-footer__link--" in html:
        html, count = PAGER.subn(lambda m: f"{m.group(1)}{colon}", html)
        if not count:
            raise PluginError(
                f"overrides/hooks/markup.py: patch 'pager colon' found nothing in {where}; "
                "Material's markup has changed"
            )
    return html


@plugins.event_priority(adapter.AFTER_I18N)
def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    colon = language(adapter.edition(config), Project.of(config)).t("colon")
    return mend(output, page.file.src_uri, colon, page=True)


def on_post_template(output: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    if not template_name.endswith("404.html"):
        return output
    colon = language(adapter.edition(config), Project.of(config)).t("colon")
    return mend(output, template_name, colon, page=False)
