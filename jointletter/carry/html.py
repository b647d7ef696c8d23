"""The single HTML file, and the document as one HTML tree (also WeasyPrint's input for the PDF).

The file opens from disk in any browser: its styles are inline, light and
dark, and its Content Security Policy lets it load nothing at all.
"""

from __future__ import annotations

import base64
import copy
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from jointletter.carry import fonts
from jointletter.carry.document import Document, el

HERE = Path(__file__).resolve().parent


@cache
def styles(kind: str) -> str:
    """The stylesheet of one format: common.css, then the format's own, then the faces by language."""
    css = (HERE / "common.css").read_text(encoding="utf-8") + (HERE / f"{kind}.css").read_text(encoding="utf-8")
    if kind == "pdf":
        return fonts.pdf_faces() + css + fonts.pdf_rules()
    import rcssmin

    return rcssmin.cssmin(css + fonts.cjk_rules(fonts.SCREEN_STACKS))


def tree(doc: Document, style: str, *, single_file: bool) -> Any:
    """The whole document as one HTML tree: the single file, or WeasyPrint's input for the PDF."""
    publication = doc.publication
    head = el("head", None, None, el("meta", {"charset": "utf-8"}))
    if single_file:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        policy = f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
        head.extend(
            [
                el("meta", {"http-equiv": "Content-Security-Policy", "content": policy}),
                el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
                el("meta", {"name": "color-scheme", "content": "light dark"}),
                el("meta", {"name": "referrer", "content": "no-referrer"}),
            ]
        )
    else:
        date = publication.date.isoformat()
        description = publication.t("cover_line", date=publication.words.t("letter_date"))
        head.extend(
            [
                el("meta", {"name": "author", "content": publication.publisher}),
                el("meta", {"name": "dcterms.created", "content": date}),
                el("meta", {"name": "dcterms.modified", "content": date}),
                el("meta", {"name": "description", "content": description}),
            ]
        )
    head.extend([el("title", None, publication.title), el("style", None, style)])
    body = el("body")
    if single_file:
        body.append(el("a", {"class": "carry-skip", "href": "#main"}, publication.t("skip")))
    body.extend([copy.deepcopy(doc.cover), copy.deepcopy(doc.colophon), copy.deepcopy(doc.toc)])
    main = el("main", {"id": "main"})
    for page in doc.pages:
        element = copy.deepcopy(page.element)
        if single_file:
            element.append(
                el("p", {"class": "carry-back"}, None, el("a", {"href": "#contents"}, publication.t("contents")))
            )
        main.append(element)
    body.append(main)
    return el("html", {"lang": publication.lang}, None, head, body)


def serialize(root: Any) -> bytes:
    return lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8", method="html") + b"\n"


def make(doc: Document) -> bytes:
    return serialize(tree(doc, styles("html"), single_file=True))
