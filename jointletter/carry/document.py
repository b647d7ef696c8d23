"""The one document the three files are made from: a cover, the contents, then every page.

Every id is prefixed with its page's prefix (``letter--conclusion``): the same
ids ("what the letter asks") are on several pages. A link to another page of
the edition becomes an in-document anchor; a link to anything else of the site
(``recommendations.json``, another language) becomes an absolute address on
the site; outside links stay live. A link to an anchor that is not there, or a
page of the site that is missing, fails the build, naming the page and the
language: a broken copy passed from hand to hand cannot be fixed afterwards.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html
from mkdocs.exceptions import PluginError

from jointletter.editions import Language

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
# The site's interactive bits, which mean nothing on paper or in a file:
# permalinks, copy-link buttons, the timeline's filter (its targets stay).
INTERACTIVE = frozenset({"headerlink", "copy-link", "timeline__filter"})
DROPPED_TAGS = ("script", "noscript", "template", "style")
UNSUPPORTED_TAGS = ("img", "picture", "svg", "video", "audio", "iframe", "object", "embed", "canvas", "math")


@dataclass(frozen=True)
class Section:
    """One page of the site, as MkDocs rendered it."""

    url: str  # site-relative, as page.url: "" or "letter/", "zh-hans/letter/"
    title: str  # as the reader sees it (its h1)
    html: str  # the rendered content: links relative to `url`, the page's own ids
    lede: str = ""  # text under the title (a recommendation's summary)


@dataclass(frozen=True)
class Publication:
    """What a carried edition is of: an edition of the site, at an address, of a date."""

    words: Language
    site_url: str  # the whole site's published address, absolute, ending in "/"
    date: datetime.date  # the edition's date, on the cover and in the metadata

    @property
    def lang(self) -> str:
        return self.words.edition.code

    @property
    def title(self) -> str:
        return self.words.t("site_name")

    def t(self, key: str, **values: Any) -> str:
        return self.words.t(f"carry.{key}", **values)

    def fail(self, where: str, problem: str) -> PluginError:
        return PluginError(f"carried editions ({self.words.edition.locale}): page '{where}' {problem}")


@dataclass(frozen=True)
class Page:
    section: Section
    prefix: str  # the page's id, and the start of every id in it
    depth: int  # 0 for a top-level page, 1 for a recommendation below the recommendations' index
    number: int | None  # a recommendation's number
    label: str  # in the contents and the outline: "4. Consider the 2022 Winter Olympics..."
    element: Any  # <section>, ids and links rewritten


@dataclass(frozen=True)
class Document:
    publication: Publication
    home: str  # the edition's home page, absolute
    pages: tuple[Page, ...]
    cover: Any  # <header>
    toc: Any  # <nav>

    def owner(self) -> dict[str, str]:
        """Each id in the pages, to the prefix of the page it is on (the EPUB's file)."""
        return {el.get("id"): page.prefix for page in self.pages for el in page.element.iter() if el.get("id")}


def el(tag: str, attrs: Mapping[str, str] | None = None, text: str | None = None, *children: Any) -> Any:
    element = lxml_html.Element(tag, {k: v for k, v in (attrs or {}).items() if v is not None})
    element.text = text
    element.extend(children)
    return element


def fill(parent: Any, template: str, **parts: Any) -> Any:
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


def classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower() or "page"
    return slug if slug[0].isalpha() else f"p-{slug}"


def _prefixes(root: str, sections: Sequence[Section]) -> list[str]:
    """A short, readable, unique id per page: "letter", "winter-olympics", "home"."""
    taken = set(RESERVED_IDS)
    prefixes = []
    for section in sections:
        path = re.sub(r"/index\.html$|\.html$", "", section.url.removeprefix(root).strip("/"))
        candidates = [_slug(path.rsplit("/", 1)[-1]), _slug(path.replace("/", "-"))] if path else ["home"]
        numbered = (f"{candidates[-1]}-{n}" for n in range(2, len(sections) + len(taken) + 2))
        prefix = next(c for c in (*candidates, *numbered) if c not in taken)
        taken.add(prefix)
        prefixes.append(prefix)
    return prefixes


def _drop(node: Any) -> None:
    """Remove a node, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    previous = node.getprevious()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _parse(publication: Publication, section: Section) -> Any:
    """The page's content as a <section>, without the site's interactive bits."""
    wrapper = lxml_html.fragment_fromstring(section.html or "", create_parent="section")
    for comment in wrapper.xpath(".//comment() | .//processing-instruction()"):
        _drop(comment)
    for element in list(wrapper.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in DROPPED_TAGS or classes(element) & INTERACTIVE:
            _drop(element)
        elif element.tag in UNSUPPORTED_TAGS:
            raise publication.fail(section.url, f"has <{element.tag}>, which the carried editions do not carry yet")
    for element in wrapper.iter():
        if isinstance(element.tag, str):
            for name in [n for n in element.attrib if n.startswith("on") or n == "style"]:
                del element.attrib[name]
    return wrapper


def _heading(wrapper: Any, title: str) -> Any:
    """The page's h1: its own, or one made from the title; with an id to label the page."""
    found = wrapper.find(".//h1")
    if found is None:
        found = el("h1", None, title)
        found.tail = "\n"
        wrapper.insert(0, found)
    if not found.get("id"):
        ids = {e.get("id") for e in wrapper.iter() if isinstance(e.tag, str)}
        found.set("id", "title" if "title" not in ids else "carry-title")
    return found


def _rename_ids(publication: Publication, section: Section, wrapper: Any, prefix: str) -> None:
    """Prefix every id in the page, and every reference to one (aria-labelledby, for, headers)."""
    renamed = {}
    for element in wrapper.iter():
        if isinstance(element.tag, str) and element.get("id"):
            renamed[element.get("id")] = f"{prefix}--{element.get('id')}"
            element.set("id", renamed[element.get("id")])
    for element in wrapper.iter():
        for name in ID_REFS if isinstance(element.tag, str) else ():
            value = element.get(name)
            if value is None:
                continue
            missing = [token for token in value.split() if token not in renamed]
            if missing:
                raise publication.fail(section.url, f"has {name}=\"{value}\", but no element with id '{missing[0]}'")
            element.set(name, " ".join(renamed[token] for token in value.split()))


def _page(publication: Publication, section: Section, prefix: str, depth: int, number: int | None, total: int) -> Page:
    """One page as a <section> of the document: ids prefixed, a recommendation's number and lede added."""
    wrapper = _parse(publication, section)
    h1 = _heading(wrapper, section.title)
    _rename_ids(publication, section, wrapper, prefix)
    parent = h1.getparent()
    if section.lede:
        lede = el("p", {"class": "lede carry-lede"}, section.lede)
        lede.tail = "\n"
        parent.insert(parent.index(h1) + 1, lede)
    label = section.title
    names = ["carry-page", f"carry-depth-{depth}"]
    if number is not None:
        kicker = el("p", {"class": "carry-kicker"}, publication.t("recommendation_n_of", n=number, total=total))
        kicker.tail = "\n"
        parent.insert(parent.index(h1), kicker)
        label = f"{number}. {section.title}"
        h1.set("data-label", label)
        names.append("carry-recommendation")
    wrapper.set("id", prefix)
    wrapper.set("class", " ".join(names))
    wrapper.set("aria-labelledby", h1.get("id"))
    wrapper.set("data-title", label)
    return Page(section, prefix, depth, number, label, wrapper)


def _shown(url: str) -> str:
    """A URL as a reader would compare it with link text: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", url.strip()).rstrip("/")


def _resolve(publication: Publication, page: Page, href: str, prefixes: Mapping[str, str]) -> str:
    """Where a link of a page goes in the document: "#id" inside it, else an absolute address."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return href
    if not (parts.scheme or parts.netloc or parts.path or parts.query):
        return f"#{page.prefix}--{unquote(parts.fragment)}" if parts.fragment else f"#{page.prefix}"
    absolute = urljoin(publication.site_url + page.section.url, href)
    target, site = urlsplit(absolute), urlsplit(publication.site_url)
    if (target.scheme, target.netloc) != (site.scheme, site.netloc) or not target.path.startswith(site.path):
        return href
    path = re.sub(r"(^|/)index\.html$", r"\1", target.path[len(site.path) :])
    if target.query or path not in prefixes:
        return absolute
    prefix = prefixes[path]
    return f"#{prefix}--{unquote(target.fragment)}" if target.fragment else f"#{prefix}"


def _link_pages(publication: Publication, pages: Sequence[Page]) -> None:
    """Rewrite every link, then prove that every in-document one has its target."""
    prefixes = {page.section.url: page.prefix for page in pages}
    ids = {e.get("id") for page in pages for e in page.element.iter() if isinstance(e.tag, str) and e.get("id")}
    for page in pages:
        for a in page.element.iter("a", "area"):
            href = a.get("href")
            if href is None:
                continue
            resolved = _resolve(publication, page, href.strip(), prefixes)
            a.set("href", resolved)
            if resolved.startswith("#") and resolved[1:] not in ids:
                raise publication.fail(page.section.url, f"links to '{href}', an anchor that does not exist")
            if resolved.startswith("http") and _shown(a.text_content()) == _shown(resolved):
                a.set("class", " ".join(sorted(classes(a) | {"carry-url"})))


def _cover(publication: Publication, home: str) -> Any:
    """The cover: the site's title, the letter's date, where the site is, the edition's date, the licence."""
    words = publication.words
    header = el("header", {"class": "carry-cover", "id": "cover"})
    header.append(el("p", {"class": "carry-cover__line"}, publication.t("cover_line", date=words.t("letter_date"))))
    header.append(el("h1", {"class": "carry-cover__title"}, publication.title))
    about = el("div", {"class": "carry-cover__about"})
    date = el("time", {"datetime": publication.date.isoformat()}, words.date(publication.date))
    about.append(
        fill(el("p", {"class": "carry-cover__edition"}), publication.t("edition_of", date="{date}"), date=date)
    )
    link = el("a", {"href": home, "class": "carry-url"}, home)
    about.append(fill(el("p", {"class": "carry-cover__address"}), publication.t("address", url="{url}"), url=link))
    deed = words.edition.licence
    link = el("a", {"href": deed, "rel": "license", "class": "carry-url"}, deed)
    about.append(fill(el("p", {"class": "carry-cover__licence"}), publication.t("licence", url="{url}"), url=link))
    about.append(el("p", {"class": "carry-cover__note"}, publication.t("copy_note")))
    header.append(about)
    return header


def toc(publication: Publication, pages: Sequence[Page], href: Callable[[Page], str] = lambda p: f"#{p.prefix}") -> Any:
    """The contents: every page, each recommendation listed below the recommendations' index."""
    nav = el("nav", {"class": "carry-toc", "id": "contents", "aria-labelledby": "contents-title"})
    nav.append(el("h2", {"id": "contents-title"}, publication.t("contents")))
    lists = [el("ol")]
    nav.append(lists[0])
    last_item = None
    for page in pages:
        del lists[page.depth + 1 :]
        while len(lists) < page.depth + 1:
            nested = el("ol")
            (last_item if last_item is not None else lists[-1]).append(nested)
            lists.append(nested)
        last_item = el(
            "li", {"class": f"carry-toc__depth-{page.depth}"}, None, el("a", {"href": href(page)}, page.label)
        )
        lists[-1].append(last_item)
    return nav


def assemble(publication: Publication, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> Document:
    """The document, checked: every expected page, every link's target."""
    locale = publication.words.edition.locale
    if not sections:
        raise PluginError(f"carried editions ({locale}): no pages were given")
    if not re.match(r"^https?://[^/]+/(.*/)?$", publication.site_url):
        raise PluginError(
            f"carried editions ({locale}): site_url {publication.site_url!r} is not absolute with a final /"
        )
    urls = [s.url for s in sections]
    duplicate = next((url for url in urls if urls.count(url) > 1), None)
    if duplicate is not None:
        raise publication.fail(duplicate, "is given twice")
    missing = [url for url in expected_urls if url not in urls]
    if missing:
        also = f" (also {', '.join(missing[1:])})" if missing[1:] else ""
        raise publication.fail(missing[0], "is missing from the document" + also)
    root = publication.words.edition.root
    numbered = [
        url for url in urls if url.removeprefix(root).startswith(RECOMMENDATIONS) and url != root + RECOMMENDATIONS
    ]
    pages = tuple(
        _page(
            publication,
            section,
            prefix,
            sum(1 for other in urls if other not in (section.url, root) and section.url.startswith(other)),
            numbered.index(section.url) + 1 if section.url in numbered else None,
            len(numbered),
        )
        for section, prefix in zip(sections, _prefixes(root, sections))
    )
    _link_pages(publication, pages)
    home = publication.site_url + root
    return Document(publication, home, pages, _cover(publication, home), toc(publication, pages))
