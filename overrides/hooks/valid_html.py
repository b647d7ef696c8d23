"""Valid HTML5: mend the two spots where Material's stock markup fails the Nu checker.

Both are outside any template block (``base.html`` and ``partials/nav-item.html``),
so they are mended in the output rather than by copying those templates:

- ``autocomplete="off"`` on the checkbox toggles for the drawer and search
  (HTML allows ``autocomplete`` on text-like inputs only);
- ``tabindex=""`` on navigation section labels (not a number).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = ' tabindex=""'


def mend(html: str) -> str:
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", html).replace(EMPTY_TABINDEX, "")


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return mend(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    # Static templates such as 404.html
    return mend(output_content) if template_name.endswith(".html") else output_content
