"""The PDF: A4, tagged (no PDF/UA claim), Charis SIL and Noto Serif CJK embedded as subsets (WeasyPrint)."""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.exceptions import PluginError

from jointletter.carry import fonts
from jointletter.carry.document import Document
from jointletter.carry.html import serialize, styles, tree

INLINE_TAGS = ("a", "abbr", "span", "time", "strong", "b", "em", "i", "code", "cite", "q", "small", "sub", "sup")


def check_drawable(doc: Document) -> None:
    """Fail on any character that neither Charis nor the CJK face chosen for its `lang` can draw."""
    base = fonts.cjk_face(doc.publication.lang)
    for where, element in doc.parts():
        for text, face in fonts.texts(element, base, base):
            char = fonts.undrawable(text, face)
            if char is not None:
                faces = fonts.LATIN_FACE + (f" and {face}" if face else "")
                raise doc.publication.fail(
                    where,
                    f"has {char!r} (U+{ord(char):04X}), which the PDF's fonts ({faces}) cannot draw"
                    f", in: {text.strip()[:60]!r}",
                )


class _Collect(logging.Handler):
    """WeasyPrint's warnings (a font not loaded, CSS ignored): a PDF made despite them is not the one designed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _fonts_only() -> Any:
    """A URL fetcher for WeasyPrint that reads the project's font files and nothing else: no network."""
    from weasyprint.urls import URLFetcher

    allowed = {path.as_uri() for path in fonts.LATIN_FILES.values()}

    class FontsOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"the PDF loads nothing but its fonts, not {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=("file",))


def _spaces_inside(root: Any) -> Any:
    """Move the space before each inline element into it ("them: <a>x</a>" -> "them:<a> x</a>").

    WeasyPrint (70) breaks a line at its first opportunity, not its last, when an
    inline element's first word does not fit at the end of the line ("The" alone,
    then the rest of the paragraph); a break opportunity inside the element avoids
    it. Same text, same look.
    """
    for element in root.iter(*INLINE_TAGS):
        previous = element.getprevious()
        before = previous.tail if previous is not None else element.getparent().text
        if not before or not before[-1].isspace() or before[-1] == "\u00a0":
            continue
        if previous is not None:
            previous.tail = before.rstrip()
        else:
            element.getparent().text = before.rstrip()
        element.text = " " + (element.text or "")
    return root


def _content(template: str, value: str) -> str:
    """A string with one {placeholder} as CSS content around a CSS value: "p. {page}" -> "p. " counter(page)."""
    before, _, after = template.partition("{page}")
    return f"{_string(before)} {value} {_string(after)}"


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _paper(doc: Document) -> str:
    """What the PDF prints in the edition's language: page numbers after
    cross-references and at the foot of each page, with the edition's address;
    the document's short title at the head."""
    publication = doc.publication
    address = doc.home if publication.provenance.published else publication.t("local")
    see = _content(publication.t("see_page"), "target-counter(attr(href url), page)")
    page = _content(publication.t("page"), "counter(page)")
    return (
        f"a.carry-xref::after{{content:{see};white-space:nowrap}}"
        f"@page{{@top-left{{content:{_string(publication.title)}}}@bottom-left{{content:{_string(address)}}}"
        f"@bottom-right{{content:{page}}}}}"
    )


def source(doc: Document) -> str:
    """WeasyPrint's input for the document, once every character is known to be drawable."""
    check_drawable(doc)
    return serialize(_spaces_inside(tree(doc, styles("pdf") + _paper(doc), single_file=False))).decode("utf-8")


def render(source: str, locale: str) -> bytes:
    """The PDF from its input (a function of its own, so that a worker process can run it)."""
    from weasyprint import HTML

    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        # Tagged, but claiming no PDF/UA conformance: no validator here has confirmed it.
        pdf = HTML(string=source, base_url=None, url_fetcher=_fonts_only()).write_pdf(
            pdf_tags=True, pdf_identifier=True, uncompressed_pdf=False
        )
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise PluginError(f"carried editions ({locale}): WeasyPrint warns: " + "; ".join(collect.messages))
    return pdf


def make(doc: Document) -> bytes:
    return render(source(doc), doc.publication.words.edition.locale)
