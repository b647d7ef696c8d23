"""The EPUB 3: a cover (an image drawn like the site's previews), the
colophon, the contents, one XHTML file per page.

Its package names the publisher as creator and publisher, and carries the
EPUB Accessibility metadata that is true of it: textual, with a structure to
navigate, a table of contents and an alternative text for the cover image;
the same pages pass axe-core in the HTML file and EPUBCheck here. Written with
:mod:`zipfile`, with fixed times, modes and order, so that the same input
gives the same bytes.
"""

from __future__ import annotations

import copy
import datetime
import io
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from jointletter.carry.document import Document, el, toc
from jointletter.carry.html import styles
from jointletter.previews import cover

XHTML = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
# What is true of the file (EPUB Accessibility 1.1): it is text, with a cover
# image described by its alternative text; structured, with a table of
# contents, in the reading order of its pages; nothing in it flashes or moves.
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityHazard", "none"),
)
# No dcterms:conformsTo or a11y:certifiedBy: no EPUB accessibility checker
# (DAISY Ace) has evaluated the file here; the summary says what was checked.
CONTAINER = b"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _to_xhtml(element: Any) -> Any:
    """An HTML element as XHTML: in the XHTML namespace, `lang` doubled as `xml:lang`."""
    element = copy.deepcopy(element)
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if not node.tag.startswith("{"):
            node.tag = f"{{{XHTML}}}{node.tag}"
        if node.get("lang") is not None:
            node.set(XML_LANG, node.get("lang"))
    return element


def _xhtml(doc: Document, title: str, body_class: str, *content: Any) -> bytes:
    lang = doc.publication.lang
    root = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML, "epub": EPUB_NS})
    root.set("lang", lang)
    root.set(XML_LANG, lang)
    head = etree.SubElement(root, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}meta", charset="utf-8")
    etree.SubElement(head, f"{{{XHTML}}}title").text = title
    etree.SubElement(head, f"{{{XHTML}}}link", rel="stylesheet", type="text/css", href="style.css")
    body = etree.SubElement(root, f"{{{XHTML}}}body")
    body.set("class", body_class)
    body.extend(_to_xhtml(element) for element in content)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>") + b"\n"


def _links(doc: Document, element: Any, owner: Mapping[str, str]) -> Any:
    """In-document anchors as links between the EPUB's files: "#letter--why" -> "letter.xhtml#letter--why"."""
    element = copy.deepcopy(element)
    prefixes = {page.prefix for page in doc.pages}
    for a in element.iter("a"):
        href = a.get("href") or ""
        if href[1:] in prefixes:
            a.set("href", f"{href[1:]}.xhtml")
        elif href.startswith("#") and href[1:] in owner:
            a.set("href", f"{owner[href[1:]]}.xhtml{href}")
    return element


def _nav(doc: Document) -> bytes:
    publication = doc.publication
    contents = toc(publication, doc.pages, href=lambda page: f"{page.prefix}.xhtml")
    contents.set(EPUB_TYPE, "toc")
    contents.set("role", "doc-toc")
    marks = [
        ("cover.xhtml", "cover", publication.title),
        ("colophon.xhtml", "copyright-page", publication.t("colophon")),
        ("nav.xhtml", "toc", publication.t("contents")),
        (f"{doc.pages[0].prefix}.xhtml", "bodymatter", doc.pages[0].label),
    ]
    items = [el("li", None, None, el("a", {"href": href, EPUB_TYPE: kind}, text)) for href, kind, text in marks]
    landmarks = el(
        "nav", {EPUB_TYPE: "landmarks", "id": "landmarks", "hidden": "hidden"}, None, el("ol", None, None, *items)
    )
    return _xhtml(doc, publication.t("contents"), "carry-nav", contents, landmarks)


def _package(doc: Document, files: Sequence[tuple[str, str]]) -> bytes:
    """The package document: metadata, every file, the reading order."""
    publication = doc.publication
    package = etree.Element(f"{{{OPF}}}package", nsmap={None: OPF}, version="3.0", **{"unique-identifier": "pub-id"})
    package.set(XML_LANG, publication.lang)
    metadata = etree.SubElement(package, f"{{{OPF}}}metadata", nsmap={"dc": DC})
    identifier = etree.SubElement(metadata, f"{{{DC}}}identifier", id="pub-id")
    identifier.text = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, doc.home)}"
    provenance = publication.provenance
    for name, value in (
        ("title", publication.title),
        ("creator", publication.publisher),
        ("publisher", publication.publisher),
        ("language", publication.lang),
        ("date", publication.date.isoformat()),
        ("source", doc.home if provenance.published else ""),
        ("rights", publication.t("licence", url=publication.words.edition.licence)),
        ("description", publication.t("cover_line", date=publication.words.t("letter_date"))),
    ):
        if value:
            etree.SubElement(metadata, f"{{{DC}}}{name}").text = value
    for prop, value in (
        ("dcterms:modified", f"{publication.date.isoformat()}T00:00:00Z"),
        *ACCESSIBILITY,
        ("schema:accessibilitySummary", publication.t("accessibility")),
    ):
        etree.SubElement(metadata, f"{{{OPF}}}meta", property=prop).text = value
    manifest = etree.SubElement(package, f"{{{OPF}}}manifest")
    xhtml = {"media-type": "application/xhtml+xml"}
    etree.SubElement(manifest, f"{{{OPF}}}item", id="nav", href="nav.xhtml", properties="nav", **xhtml)
    etree.SubElement(manifest, f"{{{OPF}}}item", id="css", href="style.css", **{"media-type": "text/css"})
    image = {"media-type": "image/png", "properties": "cover-image"}
    etree.SubElement(manifest, f"{{{OPF}}}item", id="cover-image", href="cover.png", **image)
    for item_id, href in files:
        etree.SubElement(manifest, f"{{{OPF}}}item", id=item_id, href=href, **xhtml)
    spine = etree.SubElement(package, f"{{{OPF}}}spine")
    for item_id in (*(item_id for item_id, _ in files[:2]), "nav", *(item_id for item_id, _ in files[2:])):
        etree.SubElement(spine, f"{{{OPF}}}itemref", idref=item_id)
    return etree.tostring(package, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _zip(date: datetime.date, entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip with the same bytes for the same entries: fixed times, modes and order; mimetype first, stored."""
    buffer = io.BytesIO()
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [("mimetype", b"application/epub+zip"), *entries]:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(
                info, data, compress_type=method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None
            )
    return buffer.getvalue()


def make(doc: Document) -> bytes:
    publication = doc.publication
    owner = doc.owner()
    picture = el("img", {"src": "cover.png", "alt": publication.title, "class": "carry-cover__image"})
    contents = [
        (
            "EPUB/cover.xhtml",
            _xhtml(doc, publication.title, "carry-cover-page", el("div", None, None, picture), doc.cover),
        ),
        ("EPUB/colophon.xhtml", _xhtml(doc, publication.t("colophon"), "carry-body", doc.colophon)),
    ]
    files = [("cover", "cover.xhtml"), ("colophon", "colophon.xhtml")]
    for page in doc.pages:
        element = _links(doc, page.element, owner)
        element.set(EPUB_TYPE, "chapter")
        contents.append((f"EPUB/{page.prefix}.xhtml", _xhtml(doc, page.label, "carry-body", element)))
        files.append((f"page-{page.prefix}", f"{page.prefix}.xhtml"))
    contents += [
        ("EPUB/nav.xhtml", _nav(doc)),
        ("EPUB/style.css", styles("epub").encode("utf-8")),
        ("EPUB/cover.png", cover(publication.words)),
        ("EPUB/package.opf", _package(doc, files)),
    ]
    return _zip(doc.publication.date, [("META-INF/container.xml", CONTAINER), *contents])
