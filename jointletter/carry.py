"""Carried editions: one language of the site as a PDF, a single HTML file and an EPUB 3.

Readers at risk pass documents on as files and read them offline; advocates print them. So each
edition of the site is also made into three files, from the pages MkDocs has rendered, in one
assembled document: a cover, a table of contents, then every page in navigation order.

- Every id is prefixed with its page's prefix (``letter--conclusion``): the same ids ("what the
  letter asks") are on several pages. A link to another page of the edition becomes an in-document
  anchor; a link to anything else of the site (``recommendations.json``, another language) becomes an
  absolute address on the site; outside links stay live. A link to an anchor that is not there, a
  page of the site that is missing, or a character the PDF's fonts cannot draw fails the build with
  :class:`mkdocs.exceptions.PluginError`, naming the page and the language: a broken copy passed
  from hand to hand cannot be fixed afterwards.
- The PDF (WeasyPrint, PDF/UA-1, tagged) is set in Charis SIL for Latin text and Noto Serif CJK SC or
  TC for Chinese, chosen by ``lang`` as the CSS does, with every font embedded as a subset.
- The HTML file has its styles inline and a Content Security Policy that lets it load nothing at all.
- The EPUB is written here with :mod:`zipfile`, so that the same input gives the same bytes.

All three are deterministic: the only date in them is ``Edition.build_date``.

Use: in ``on_env`` of each language's build (every page is rendered by then), pass that edition's
pages in navigation order, and the URLs it must have, then write the files below the site::

    files = make_all(edition, sections, expected_urls=[page.url for page in nav.pages])
    for ext, data in files.items():
        (Path(config.site_dir) / FOLDER / FILE_NAMES[(edition.locale, ext)]).write_bytes(data)

``make_pdf``, ``make_html`` and ``make_epub`` make one file each (each assembles the document
again: ``make_all`` does it once); ``check`` runs every check without making a file. A
recommendation is a page below ``recommendations/``: it gets its number (by order) and its lede.

``Edition.strings``: the labels, in the edition's language (English values shown). ``{...}`` are
filled in here.

==========================  =====================================================================
key                         English
==========================  =====================================================================
``contents``                ``Contents``
``skip``                    ``Skip to the text`` (the HTML file's skip link)
``cover_line``              ``A joint letter to President Joe Biden, {date}`` (the letter's date)
``edition_of``              ``Edition of {date}`` (the build date)
``address``                 ``Online: {url}`` (the edition's home page)
``licence``                 ``Text and data: CC BY 4.0, {url}. Quotations remain their authors'.``
``copy_note``               ``A copy of the website, to read offline, print and pass on. The
                            website may have changed since this edition was made.``
``recommendation_n_of``     ``Recommendation {n} of {total}``
``licence_url``             optional: the licence's address, if not the English deed
==========================  =====================================================================
"""

from __future__ import annotations

import base64
import copy
import datetime
import hashlib
import io
import logging
import re
import subprocess
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html
from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Section:
    url: str  # the page's site-relative URL as MkDocs gives page.url: "" or "letter/", "zh-hans/letter/"
    title: str  # the page's title as the reader sees it (its h1)
    html: str  # the page's rendered content (page.content): links relative to `url`, the page's own ids
    lede: str = ""  # optional text shown under the title (a recommendation's summary), plain text


@dataclass(frozen=True)
class Edition:
    locale: str  # "en", "zh-hans", "zh-hant"
    lang: str  # BCP 47 for <html lang>, the PDF /Lang and dc:language: "en", "zh-Hans", "zh-Hant"
    site_url: str  # the whole site's published address, absolute, ending in "/"
    title: str  # the site's name in this language
    letter_date: str  # "17 February 2021" / "2021年2月17日"
    build_date: datetime.date  # the edition's build date (from SOURCE_DATE_EPOCH when set), on the cover
    strings: Mapping[str, str]  # labels in the edition's language: see the module's docstring


# ---------------------------------------------------------------------------
# Names and constants
# ---------------------------------------------------------------------------

FOLDER = "downloads/"
FORMATS = ("pdf", "html", "epub")
LOCALES = ("en", "zh-hans", "zh-hant")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
STRING_KEYS = (
    "contents",
    "skip",
    "cover_line",
    "edition_of",
    "address",
    "licence",
    "copy_note",
    "recommendation_n_of",
)


def file_name(locale: str, ext: str) -> str:
    """The download's file name, below the site's ``downloads/`` folder."""
    return f"joint-letter-17-february-2021-{locale}.{ext}"


FILE_NAMES: dict[tuple[str, str], str] = {
    (locale, ext): file_name(locale, ext) for locale in LOCALES for ext in FORMATS
}

RECOMMENDATIONS = "recommendations/"
# Ids the document's own parts use; no page gets one of them as its prefix.
RESERVED_IDS = frozenset({"cover", "contents", "contents-title", "main", "top"})
ID_REFS = (
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-flowto",
    "aria-details",
    "for",
    "headers",
)
# The site's interactive bits, which mean nothing on paper or in a file: permalinks, copy-link buttons,
# the timeline's filter (its targets stay: other pages link to them).
INTERACTIVE = frozenset({"headerlink", "copy-link", "timeline__filter"})
DROPPED_TAGS = ("script", "noscript", "template", "style")
UNSUPPORTED_TAGS = ("img", "picture", "svg", "video", "audio", "iframe", "object", "embed", "canvas", "math")

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "fonts"
LATIN_FACE = "Charis SIL"
LATIN_FILES = {400: FONTS / "CharisSIL-Regular.ttf", 700: FONTS / "CharisSIL-Bold.ttf"}
# The CJK serif for a `lang`, most specific first, as :lang() matches it.
CJK_FACES = (
    ("zh-Hant", "Noto Serif CJK TC"),
    ("zh-TW", "Noto Serif CJK TC"),
    ("zh-HK", "Noto Serif CJK TC"),
    ("zh", "Noto Serif CJK SC"),
)
PDF_FAMILY = "Charis SIL Embedded"

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

XHTML = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"


# ---------------------------------------------------------------------------
# The assembled document
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    section: Section
    prefix: str  # the page's id, and the start of every id in it
    depth: int  # 0 for a top-level page, 1 for a recommendation below the recommendations' index
    number: int | None  # a recommendation's number
    label: str  # the page in the contents and the outline: "4. Consider the 2022 Winter Olympics..."
    element: Any  # <section>, ids and links rewritten


@dataclass(frozen=True)
class _Document:
    edition: Edition
    home: str  # the edition's home page, absolute
    pages: tuple[_Page, ...]
    cover: Any  # <header>
    toc: Any  # <nav>

    def owner(self) -> dict[str, str]:
        """Each id in the pages, to the prefix of the page it is on (the EPUB's file)."""
        return {el.get("id"): page.prefix for page in self.pages for el in page.element.iter() if el.get("id")}


def _fail(edition: Edition, where: str, problem: str) -> PluginError:
    return PluginError(f"carried editions ({edition.locale}): page '{where}' {problem}")


def _text(edition: Edition, key: str, **values: str) -> str:
    template = edition.strings.get(key)
    if template is None:
        raise PluginError(f"carried editions ({edition.locale}): no string '{key}' (needs {', '.join(STRING_KEYS)})")
    return template.format(**values) if values else template


def _fill(parent: Any, template: str, **parts: Any) -> Any:
    """Append a string to an element with its ``{name}`` placeholders replaced by elements (links)."""
    last = None
    for piece in re.split(r"(\{\w+\})", template):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name in parts:
            last = parts[name]
            parent.append(last)
        elif last is None:
            parent.text = (parent.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece
    return parent


def _el(tag: str, attrs: Mapping[str, str] | None = None, text: str | None = None, *children: Any) -> Any:
    element = lxml_html.Element(tag, {k: v for k, v in (attrs or {}).items() if v is not None})
    element.text = text
    element.extend(children)
    return element


def format_date(lang: str, date: datetime.date) -> str:
    """A date as the edition writes it: "17 February 2021", "2021年2月17日"."""
    if lang.lower().startswith("zh"):
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _home(edition: Edition, sections: Sequence[Section]) -> str:
    """The edition's folder below the site: "" for English, "zh-hans/" for Simplified Chinese."""
    root = f"{edition.locale}/"
    return root if any(s.url.startswith(root) for s in sections) else ""


def _prefixes(root: str, sections: Sequence[Section]) -> list[str]:
    """A short, readable, unique id per page: "letter", "winter-olympics", "home"."""
    taken = set(RESERVED_IDS)
    prefixes = []
    for section in sections:
        path = section.url.removeprefix(root).strip("/")
        path = re.sub(r"/index\.html$|\.html$", "", path)
        candidates = [_slug(path.rsplit("/", 1)[-1]), _slug(path.replace("/", "-"))] if path else ["home"]
        numbered = (f"{candidates[-1]}-{n}" for n in range(2, len(sections) + len(taken) + 2))
        prefix = next(c for c in (*candidates, *numbered) if c not in taken)
        taken.add(prefix)
        prefixes.append(prefix)
    return prefixes


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower() or "page"
    return slug if slug[0].isalpha() else f"p-{slug}"


def _is_recommendation(root: str, url: str) -> bool:
    path = url.removeprefix(root)
    return path.startswith(RECOMMENDATIONS) and path != RECOMMENDATIONS


def _depth(root: str, url: str, urls: Sequence[str]) -> int:
    """How many other pages (the home page aside) a page is below: recommendations are below their index."""
    return sum(1 for other in urls if other != url and other != root and url.startswith(other))


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _parse(edition: Edition, section: Section) -> Any:
    """The page's content as a <section>, without the site's interactive bits."""
    wrapper = lxml_html.fragment_fromstring(section.html or "", create_parent="section")
    for comment in wrapper.xpath(".//comment() | .//processing-instruction()"):
        _drop(comment)
    for element in list(wrapper.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in DROPPED_TAGS or _classes(element) & INTERACTIVE:
            _drop(element)
        elif element.tag in UNSUPPORTED_TAGS:
            raise _fail(edition, section.url, f"has <{element.tag}>, which the carried editions do not carry yet")
    for element in wrapper.iter():
        if isinstance(element.tag, str):
            for name in [n for n in element.attrib if n.startswith("on") or n == "style"]:
                del element.attrib[name]
    return wrapper


def _drop(node: Any) -> None:
    """Remove a node, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _heading(wrapper: Any, title: str) -> Any:
    """The page's h1: its own, or one made from the title if its content has none; with an id to label the page."""
    found = wrapper.find(".//h1")
    if found is None:
        found = _el("h1", None, title)
        found.tail = "\n"
        wrapper.insert(0, found)
    if not found.get("id"):
        ids = {el.get("id") for el in wrapper.iter() if isinstance(el.tag, str)}
        found.set("id", "title" if "title" not in ids else "carry-title")
    return found


def _rename_ids(edition: Edition, page: Section, wrapper: Any, prefix: str) -> None:
    """Prefix every id in the page, and every reference to one (aria-labelledby, for, headers)."""
    renamed = {}
    for element in wrapper.iter():
        if isinstance(element.tag, str) and element.get("id"):
            renamed[element.get("id")] = f"{prefix}--{element.get('id')}"
            element.set("id", renamed[element.get("id")])
    for element in wrapper.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ID_REFS:
            value = element.get(name)
            if value is None:
                continue
            missing = [token for token in value.split() if token not in renamed]
            if missing:
                raise _fail(edition, page.url, f"has {name}=\"{value}\", but no element with id '{missing[0]}'")
            element.set(name, " ".join(renamed[token] for token in value.split()))


def _build_page(edition: Edition, section: Section, prefix: str, depth: int, number: int | None, total: int) -> _Page:
    """One page as a <section> of the document: ids prefixed, a recommendation's number and lede added."""
    wrapper = _parse(edition, section)
    h1 = _heading(wrapper, section.title)
    _rename_ids(edition, section, wrapper, prefix)
    parent = h1.getparent()
    if section.lede:
        lede = _el("p", {"class": "lede carry-lede"}, section.lede)
        lede.tail = "\n"
        parent.insert(parent.index(h1) + 1, lede)
    label = section.title
    classes = ["carry-page", f"carry-depth-{depth}"]
    if number is not None:
        kicker = _el(
            "p", {"class": "carry-kicker"}, _text(edition, "recommendation_n_of", n=str(number), total=str(total))
        )
        kicker.tail = "\n"
        parent.insert(parent.index(h1), kicker)
        label = f"{number}. {section.title}"
        h1.set("data-label", label)
        classes.append("carry-recommendation")
    wrapper.set("id", prefix)
    wrapper.set("class", " ".join(classes))
    wrapper.set("aria-labelledby", h1.get("id"))
    wrapper.set("data-title", label)
    return _Page(section, prefix, depth, number, label, wrapper)


def _resolve(edition: Edition, page: _Page, href: str, prefixes: Mapping[str, str]) -> str:
    """Where a link of a page goes in the document: "#id" inside it, else an absolute address."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return href
    if not (parts.scheme or parts.netloc or parts.path or parts.query):
        return f"#{page.prefix}--{unquote(parts.fragment)}" if parts.fragment else f"#{page.prefix}"
    absolute = urljoin(edition.site_url + page.section.url, href)
    target = urlsplit(absolute)
    site = urlsplit(edition.site_url)
    if (target.scheme, target.netloc) != (site.scheme, site.netloc) or not target.path.startswith(site.path):
        return href
    path = re.sub(r"(^|/)index\.html$", r"\1", target.path[len(site.path) :])
    if target.query or path not in prefixes:
        return absolute
    prefix = prefixes[path]
    return f"#{prefix}--{unquote(target.fragment)}" if target.fragment else f"#{prefix}"


def _link_pages(edition: Edition, pages: Sequence[_Page]) -> None:
    """Rewrite every link, then prove that every in-document one has its target."""
    prefixes = {page.section.url: page.prefix for page in pages}
    for page in pages:
        for a in page.element.iter("a", "area"):
            href = a.get("href")
            if href is None:
                continue
            resolved = _resolve(edition, page, href.strip(), prefixes)
            a.set("href", resolved)
            if resolved.startswith("#"):
                a.set("data-carry-from", href)
            elif resolved.startswith("http") and _shown(a.text_content()) == _shown(resolved):
                a.set("class", " ".join(sorted(_classes(a) | {"carry-url"})))
    ids = {el.get("id") for page in pages for el in page.element.iter() if isinstance(el.tag, str) and el.get("id")}
    for page in pages:
        for a in page.element.iter("a", "area"):
            href = a.get("href") or ""
            origin = a.attrib.pop("data-carry-from", None)
            if href.startswith("#") and href[1:] not in ids:
                raise _fail(edition, page.section.url, f"links to '{origin}', an anchor that does not exist")


def _shown(url: str) -> str:
    """A URL as a reader would compare it with link text: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", url.strip()).rstrip("/")


def _cover(edition: Edition, home: str) -> Any:
    """The cover: the site's title, the letter's date, where the site is, when this copy was made, the licence."""
    date = format_date(edition.lang, edition.build_date)
    header = _el("header", {"class": "carry-cover", "id": "cover"})
    header.append(_el("p", {"class": "carry-cover__line"}, _text(edition, "cover_line", date=edition.letter_date)))
    header.append(_el("h1", {"class": "carry-cover__title"}, edition.title))
    about = _el("div", {"class": "carry-cover__about"})
    edition_line = _el("p", {"class": "carry-cover__edition"})
    _fill(
        edition_line,
        _text(edition, "edition_of", date="{date}"),
        date=_el("time", {"datetime": edition.build_date.isoformat()}, date),
    )
    about.append(edition_line)
    address = _el("p", {"class": "carry-cover__address"})
    _fill(address, _text(edition, "address", url="{url}"), url=_el("a", {"href": home, "class": "carry-url"}, home))
    about.append(address)
    licence_url = edition.strings.get("licence_url", LICENCE_URL)
    licence = _el("p", {"class": "carry-cover__licence"})
    _fill(
        licence,
        _text(edition, "licence", url="{url}"),
        url=_el("a", {"href": licence_url, "rel": "license", "class": "carry-url"}, licence_url),
    )
    about.append(licence)
    about.append(_el("p", {"class": "carry-cover__note"}, _text(edition, "copy_note")))
    header.append(about)
    return header


def _toc(
    edition: Edition, pages: Sequence[_Page], href: Callable[[_Page], str] = lambda page: f"#{page.prefix}"
) -> Any:
    """The contents: every page, each recommendation listed below the recommendations' index."""
    nav = _el("nav", {"class": "carry-toc", "id": "contents", "aria-labelledby": "contents-title"})
    nav.append(_el("h2", {"id": "contents-title"}, _text(edition, "contents")))
    lists = [_el("ol")]
    nav.append(lists[0])
    last_item = None
    for page in pages:
        while len(lists) > page.depth + 1:
            lists.pop()
        while len(lists) < page.depth + 1:
            nested = _el("ol")
            (last_item if last_item is not None else lists[-1]).append(nested)
            lists.append(nested)
        last_item = _el(
            "li", {"class": f"carry-toc__depth-{page.depth}"}, None, _el("a", {"href": href(page)}, page.label)
        )
        lists[-1].append(last_item)
    return nav


def _assemble(edition: Edition, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> _Document:
    """The one document the three files are made from, checked: every expected page, every link's target."""
    if not sections:
        raise PluginError(f"carried editions ({edition.locale}): no pages were given")
    if not re.match(r"^https?://[^/]+/(.*/)?$", edition.site_url):
        raise PluginError(
            f"carried editions ({edition.locale}): site_url {edition.site_url!r} is not absolute with a final /"
        )
    urls = [s.url for s in sections]
    duplicate = next((url for url in urls if urls.count(url) > 1), None)
    if duplicate is not None:
        raise _fail(edition, duplicate, "is given twice")
    missing = [url for url in expected_urls if url not in urls]
    if missing:
        raise _fail(
            edition,
            missing[0],
            "is missing from the document" + (f" (also {', '.join(missing[1:])})" if missing[1:] else ""),
        )
    root = _home(edition, sections)
    prefixes = _prefixes(root, sections)
    numbered = [s.url for s in sections if _is_recommendation(root, s.url)]
    pages = tuple(
        _build_page(
            edition,
            section,
            prefix,
            _depth(root, section.url, urls),
            numbered.index(section.url) + 1 if section.url in numbered else None,
            len(numbered),
        )
        for section, prefix in zip(sections, prefixes)
    )
    _link_pages(edition, pages)
    home = edition.site_url + root
    return _Document(edition, home, pages, _cover(edition, home), _toc(edition, pages))


def check(edition: Edition, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> None:
    """Everything the three files are checked for, without making them (PluginError if not)."""
    _check_drawable(_assemble(edition, sections, expected_urls))


# ---------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------


@cache
def _css_file(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _minify(css: str) -> str:
    import rcssmin

    return rcssmin.cssmin(css)


def _cjk_rules(stacks: Mapping[str, str]) -> str:
    """The CJK face by `lang`, generic first so that the more specific rule wins, as _cjk_face() decides."""
    rules = []
    for lang, face in reversed(CJK_FACES):
        rules.append(f"[lang]:lang({lang}){{font-family:{stacks['latin']},{stacks[face]}}}")
    return "".join(rules)


def _cjk_face(lang: str | None) -> str | None:
    """The CJK face a `lang` value selects, or None when it does not select one (it inherits)."""
    if not lang:
        return None
    value = lang.lower()
    for key, face in CJK_FACES:
        if value == key.lower() or value.startswith(key.lower() + "-"):
            return face
    return None


SCREEN_STACKS = {
    "latin": 'Charter,"Bitstream Charter","Sitka Text",Cambria',
    "Noto Serif CJK SC": '"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif',
    "Noto Serif CJK TC": '"Noto Serif CJK TC","Source Han Serif TC","Songti TC",PMingLiU,serif',
}


def _screen_css() -> str:
    return _minify(_css_file("carry.css") + _css_file("carry_html.css") + _cjk_rules(SCREEN_STACKS))


def _epub_css() -> str:
    return _minify(_css_file("carry.css") + _css_file("carry_epub.css") + _cjk_rules(SCREEN_STACKS))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _pdf_css(edition: Edition) -> str:
    faces = "".join(
        f'@font-face{{font-family:"{PDF_FAMILY}";src:url("{path.as_uri()}") format("truetype");'
        f"font-weight:{weight};font-style:normal}}"
        for weight, path in LATIN_FILES.items()
    )
    stacks = {"latin": f'"{PDF_FAMILY}"', **{face: f'"{face}"' for _, face in CJK_FACES}}
    return faces + _css_file("carry.css") + _css_file("carry_pdf.css") + _cjk_rules(stacks)


# ---------------------------------------------------------------------------
# The single HTML file
# ---------------------------------------------------------------------------


def _head(edition: Edition, title: str, *extra: Any) -> Any:
    head = _el("head")
    head.append(_el("meta", {"charset": "utf-8"}))
    head.extend(extra)
    head.append(_el("title", None, title))
    return head


def _html_tree(doc: _Document, style: str, *, single_file: bool) -> Any:
    """The whole document as one HTML tree: the single file, or WeasyPrint's input for the PDF."""
    edition = doc.edition
    extra = []
    if single_file:
        digest = hashlib.sha256(style.encode()).digest()
        policy = (
            f"default-src 'none'; style-src 'sha256-{base64.b64encode(digest).decode()}'; img-src data:; "
            "base-uri 'none'; form-action 'none'"
        )
        extra = [
            _el("meta", {"http-equiv": "Content-Security-Policy", "content": policy}),
            _el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            _el("meta", {"name": "color-scheme", "content": "light dark"}),
            _el("meta", {"name": "referrer", "content": "no-referrer"}),
        ]
    else:
        date = edition.build_date.isoformat()
        extra = [
            _el("meta", {"name": "dcterms.created", "content": date}),
            _el("meta", {"name": "dcterms.modified", "content": date}),
            _el("meta", {"name": "description", "content": _text(edition, "cover_line", date=edition.letter_date)}),
        ]
    head = _head(edition, edition.title, *extra)
    head.append(_el("style", None, style))
    body = _el("body")
    if single_file:
        body.append(_el("a", {"class": "carry-skip", "href": "#main"}, _text(edition, "skip")))
    body.append(copy.deepcopy(doc.cover))
    body.append(copy.deepcopy(doc.toc))
    main = _el("main", {"id": "main"})
    for page in doc.pages:
        element = copy.deepcopy(page.element)
        if single_file:
            back = _el("p", {"class": "carry-back"}, None, _el("a", {"href": "#contents"}, _text(edition, "contents")))
            element.append(back)
        main.append(element)
    body.append(main)
    return _el("html", {"lang": edition.lang}, None, head, body)


def _serialize_html(tree: Any) -> bytes:
    return lxml_html.tostring(tree, doctype="<!DOCTYPE html>", encoding="utf-8", method="html") + b"\n"


def make_html(edition: Edition, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> bytes:
    """The edition as one HTML file that loads nothing: styles inline, links as in-file anchors."""
    return _make_html(_assemble(edition, sections, expected_urls))


def _make_html(doc: _Document) -> bytes:
    return _serialize_html(_html_tree(doc, _screen_css(), single_file=True))


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------


@cache
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def _system_face(family: str, style: str) -> tuple[str, int]:
    """The file (and index in a collection) that Fontconfig, hence WeasyPrint, uses for a family."""
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}|%{index}|%{family}", f"{family}:{style}"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError) as error:
        raise PluginError(f"carried editions: cannot ask Fontconfig for {family} ({error})") from None
    path, index, families = found.split("|", 2)
    if family not in families.split(","):
        raise PluginError(f"carried editions: the font {family} is not installed (Debian: fonts-noto-cjk)")
    return path, int(index)


@cache
def _coverage(face: str) -> frozenset[int]:
    """The characters a face draws in both weights the PDF uses."""
    if face == LATIN_FACE:
        files = [(str(path), 0) for path in LATIN_FILES.values()]
    else:
        files = [_system_face(face, style) for style in ("weight=regular", "weight=bold")]
    sets = [_cmap(path, index) for path, index in files]
    return frozenset.intersection(*sets)


def _texts(element: Any, face: str | None) -> Iterator[tuple[str, str | None]]:
    """Every text in an element, with the CJK face its `lang` selects (None: Latin only)."""
    if not isinstance(element.tag, str):
        return
    face = _cjk_face(element.get("lang")) or face
    if element.text:
        yield element.text, face
    if element.tag == "a" and (element.get("href") or "").startswith("http"):
        yield element.get("href"), face
    for child in element:
        yield from _texts(child, face)
        if child.tail:
            yield child.tail, face


def _undrawable(text: str, face: str | None) -> str | None:
    latin = _coverage(LATIN_FACE)
    cjk = _coverage(face) if face else frozenset()
    for char in text:
        code = ord(char)
        if char in " \t\r\n" or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        if code not in latin and code not in cjk:
            return char
    return None


def _check_drawable(doc: _Document) -> None:
    """Fail on any character that neither Charis nor the CJK face chosen for its `lang` can draw."""
    edition = doc.edition
    base = _cjk_face(edition.lang)
    parts = [("cover", doc.cover), ("contents", doc.toc)] + [(page.section.url, page.element) for page in doc.pages]
    for where, element in parts:
        for text, face in _texts(element, base):
            char = _undrawable(text, face)
            if char is not None:
                fonts = LATIN_FACE + (f" and {face}" if face else "")
                raise _fail(
                    edition,
                    where,
                    f"has {char!r} (U+{ord(char):04X}), which the PDF's fonts ({fonts}) cannot draw"
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

    allowed = {path.as_uri() for path in LATIN_FILES.values()}

    class FontsOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"the PDF loads nothing but its fonts, not {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=("file",))


INLINE_TAGS = ("a", "abbr", "span", "time", "strong", "b", "em", "i", "code", "cite", "q", "small", "sub", "sup")


def _spaces_inside(tree: Any) -> Any:
    """Move the space before each inline element into it ("them: <a>x</a>" -> "them:<a> x</a>").

    WeasyPrint 70 breaks a line at its first opportunity, not its last, when an inline
    element's first word does not fit at the end of the line ("The" alone, then the rest
    of the paragraph); a break opportunity inside the element avoids it. Same text, same look.
    """
    for element in tree.iter(*INLINE_TAGS):
        previous = element.getprevious()
        before = previous.tail if previous is not None else element.getparent().text
        if not before or not before[-1].isspace() or before[-1] == "\u00a0":
            continue
        trimmed = before.rstrip()
        if previous is not None:
            previous.tail = trimmed
        else:
            element.getparent().text = trimmed
        element.text = " " + (element.text or "")
    return tree


def make_pdf(edition: Edition, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> bytes:
    """The edition as an A4 PDF: cover, contents with page numbers, tagged, every font embedded as a subset."""
    return _make_pdf(_assemble(edition, sections, expected_urls))


def _make_pdf(doc: _Document) -> bytes:
    from weasyprint import HTML

    _check_drawable(doc)
    tree = _spaces_inside(_html_tree(doc, _pdf_css(doc.edition), single_file=False))
    source = _serialize_html(tree).decode("utf-8")
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        pdf = HTML(string=source, base_url=None, url_fetcher=_fonts_only()).write_pdf(
            pdf_variant="pdf/ua-1",
            pdf_identifier=True,
            uncompressed_pdf=False,
        )
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise PluginError(f"carried editions ({doc.edition.locale}): WeasyPrint warns: " + "; ".join(collect.messages))
    return pdf


# ---------------------------------------------------------------------------
# EPUB 3
# ---------------------------------------------------------------------------


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


def _xhtml(edition: Edition, title: str, body_class: str, *content: Any) -> bytes:
    root = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML, "epub": EPUB_NS})
    root.set("lang", edition.lang)
    root.set(XML_LANG, edition.lang)
    head = etree.SubElement(root, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}meta", charset="utf-8")
    etree.SubElement(head, f"{{{XHTML}}}title").text = title
    etree.SubElement(head, f"{{{XHTML}}}link", rel="stylesheet", type="text/css", href="style.css")
    body = etree.SubElement(root, f"{{{XHTML}}}body")
    body.set("class", body_class)
    body.extend(_to_xhtml(element) for element in content)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>") + b"\n"


def _epub_links(doc: _Document, element: Any, owner: Mapping[str, str]) -> Any:
    """In-document anchors as links between the EPUB's files: "#letter--why" -> "letter.xhtml#letter--why"."""
    element = copy.deepcopy(element)
    prefixes = {page.prefix for page in doc.pages}
    for a in element.iter("a"):
        href = a.get("href") or ""
        if not href.startswith("#"):
            continue
        target = href[1:]
        if target in prefixes:
            a.set("href", f"{target}.xhtml")
        elif target in owner:
            a.set("href", f"{owner[target]}.xhtml{href}")
    return element


def _nav_document(doc: _Document) -> bytes:
    edition = doc.edition
    toc = _toc(edition, doc.pages, href=lambda page: f"{page.prefix}.xhtml")
    toc.set(EPUB_TYPE, "toc")
    toc.set("role", "doc-toc")
    landmarks = _el(
        "nav",
        {EPUB_TYPE: "landmarks", "id": "landmarks", "hidden": "hidden"},
        None,
        _el(
            "ol",
            None,
            None,
            _el("li", None, None, _el("a", {"href": "cover.xhtml", EPUB_TYPE: "cover"}, edition.title)),
            _el("li", None, None, _el("a", {"href": "nav.xhtml", EPUB_TYPE: "toc"}, _text(edition, "contents"))),
            _el(
                "li",
                None,
                None,
                _el("a", {"href": f"{doc.pages[0].prefix}.xhtml", EPUB_TYPE: "bodymatter"}, doc.pages[0].label),
            ),
        ),
    )
    return _xhtml(edition, _text(edition, "contents"), "carry-nav", toc, landmarks)


def _package(doc: _Document, files: Sequence[tuple[str, str]]) -> bytes:
    """The package document: metadata, every file, the reading order."""
    edition = doc.edition
    opf = "http://www.idpf.org/2007/opf"
    dc = "http://purl.org/dc/elements/1.1/"
    package = etree.Element(f"{{{opf}}}package", nsmap={None: opf}, version="3.0", **{"unique-identifier": "pub-id"})
    package.set(XML_LANG, edition.lang)
    metadata = etree.SubElement(package, f"{{{opf}}}metadata", nsmap={"dc": dc})
    identifier = etree.SubElement(metadata, f"{{{dc}}}identifier", id="pub-id")
    identifier.text = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, doc.home)}"
    for name, value in (
        ("title", edition.title),
        ("language", edition.lang),
        ("date", edition.build_date.isoformat()),
        ("source", doc.home),
        ("rights", _licence_text(edition)),
        ("description", _text(edition, "cover_line", date=edition.letter_date)),
    ):
        etree.SubElement(metadata, f"{{{dc}}}{name}").text = value
    modified = etree.SubElement(metadata, f"{{{opf}}}meta", property="dcterms:modified")
    modified.text = f"{edition.build_date.isoformat()}T00:00:00Z"
    manifest = etree.SubElement(package, f"{{{opf}}}manifest")
    etree.SubElement(
        manifest,
        f"{{{opf}}}item",
        id="nav",
        href="nav.xhtml",
        properties="nav",
        **{"media-type": "application/xhtml+xml"},
    )
    etree.SubElement(manifest, f"{{{opf}}}item", id="css", href="style.css", **{"media-type": "text/css"})
    for item_id, href in files:
        etree.SubElement(manifest, f"{{{opf}}}item", id=item_id, href=href, **{"media-type": "application/xhtml+xml"})
    spine = etree.SubElement(package, f"{{{opf}}}spine")
    etree.SubElement(spine, f"{{{opf}}}itemref", idref=files[0][0])
    etree.SubElement(spine, f"{{{opf}}}itemref", idref="nav")
    for item_id, _ in files[1:]:
        etree.SubElement(spine, f"{{{opf}}}itemref", idref=item_id)
    return etree.tostring(package, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _licence_text(edition: Edition) -> str:
    return _text(edition, "licence", url=edition.strings.get("licence_url", LICENCE_URL))


CONTAINER = b"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def make_epub(edition: Edition, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> bytes:
    """The edition as an EPUB 3: a cover page, the contents, one XHTML file per page."""
    return _make_epub(_assemble(edition, sections, expected_urls))


def _make_epub(doc: _Document) -> bytes:
    edition = doc.edition
    owner = doc.owner()
    contents: list[tuple[str, bytes]] = [
        ("EPUB/cover.xhtml", _xhtml(edition, edition.title, "carry-cover-page", doc.cover))
    ]
    files = [("cover", "cover.xhtml")]
    for page in doc.pages:
        element = _epub_links(doc, page.element, owner)
        element.set(EPUB_TYPE, "chapter")
        contents.append((f"EPUB/{page.prefix}.xhtml", _xhtml(edition, page.label, "carry-body", element)))
        files.append((f"page-{page.prefix}", f"{page.prefix}.xhtml"))
    contents += [
        ("EPUB/nav.xhtml", _nav_document(doc)),
        ("EPUB/style.css", _epub_css().encode("utf-8")),
        ("EPUB/package.opf", _package(doc, files)),
    ]
    return _zip(edition.build_date, [("META-INF/container.xml", CONTAINER), *contents])


def _zip(date: datetime.date, entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip with the same bytes for the same entries: fixed times, modes and order; mimetype first, stored."""
    buffer = io.BytesIO()
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in [
            ("mimetype", b"application/epub+zip", zipfile.ZIP_STORED),
            *((n, d, zipfile.ZIP_DEFLATED) for n, d in entries),
        ]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(
                info, data, compress_type=method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None
            )
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# All three
# ---------------------------------------------------------------------------


def make_all(edition: Edition, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> dict[str, bytes]:
    """The three files from one assembled document, by extension ("pdf", "html", "epub")."""
    doc = _assemble(edition, sections, expected_urls)
    return {"pdf": _make_pdf(doc), "html": _make_html(doc), "epub": _make_epub(doc)}


def _engine() -> str:
    """What the files are made with, for a cache of them: this module, its
    stylesheets, WeasyPrint's version and the fonts (Charis SIL, and the
    system's Noto Serif CJK by size and date)."""
    from importlib.metadata import version

    here = Path(__file__).parent
    parts = [here.joinpath(name).read_bytes() for name in sorted(p.name for p in here.glob("carry*"))]
    parts += [path.read_bytes() for path in LATIN_FILES.values() if path.is_file()]
    for path in sorted(Path("/usr/share/fonts").glob("**/NotoSerifCJK*")):
        parts.append(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    return hashlib.sha256(b"".join(parts) + version("weasyprint").encode()).hexdigest()


ENGINE = _engine()
