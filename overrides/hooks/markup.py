"""Valid, accessible HTML: mend the few spots where Material's stock markup falls short.

Each is outside any template block (``base.html``, ``partials/nav-item.html``,
``partials/search.html``), so it is mended in the output rather than by
copying those templates:

- ``autocomplete="off"`` on the checkbox toggles for the drawer and search
  (HTML allows ``autocomplete`` on text-like inputs only);
- ``tabindex=""`` on navigation section labels (not a number);
- ``autocorrect="off"`` on the search field, which the HTML checker does not
  allow;
- a name for the search dialog (axe: aria-dialog-name), the same as its
  field's, in the page's language;
- the skip link as a plain link (``target="_self"``): Material's instant
  navigation would take it over and scroll to the content without moving the
  keyboard's place; and its target focusable (``tabindex="-1"``), so that the
  browser moves focus there, and the next Tab goes on in the content, not
  back to the navigation.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = ' tabindex=""'
AUTOCORRECT = ' autocorrect="off"'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')
SKIP = re.compile(r'(<a href="#[^"]*") class="md-skip">')


def mend(html: str) -> str:
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html).replace(EMPTY_TABINDEX, "").replace(AUTOCORRECT, "")
    skip = SKIP.search(html)
    if skip:
        html = SKIP.sub(r'\1 class="md-skip" target="_self">', html)
        target = f'id="{skip.group(1).removeprefix("<a href=").strip(chr(34)).removeprefix("#")}"'
        html = html.replace(target, f'{target} tabindex="-1"', 1)
    name = SEARCH_NAME.search(html)
    if name:
        html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{name.group(1)}">'), 1)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return mend(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    # Static templates such as 404.html
    return mend(output_content) if template_name.endswith(".html") else output_content
