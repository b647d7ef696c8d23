"""The one document the three files are made from: a cover, a colophon, the contents, then every page.

A carried edition is a publication of its own: its cover says what it is (a
reference guide to the letter), who publishes it and the date of its
content; its colophon says where it is published, under which licence, in
which language, of which version, and how to check the file.

Every id is prefixed with its page's prefix (``letter--conclusion``): the same
ids ("what the letter asks") are on several pages. A link to another page of
the edition becomes an in-document cross-reference (the PDF prints its page
number); a link to anything else of the site (``recommendations.json``,
another language) becomes an absolute address on the site; every outside
link gets a numbered note at the end of its page, with the full address, the
day the source was read and its archived copy. A recommendation's headings
sit one level below the recommendations' index, as its place in the outline
says, and the timeline's events are headings a reader can jump between.

A link to an anchor that is not there, a page of the site that is missing,
or an address of this machine (a local build has no public address) fails
the build, naming the page and the language: a broken copy passed from hand
to hand cannot be fixed afterwards.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html
from mkdocs.exceptions import PluginError

from jointletter.editions import Language
from jointletter.provenance import LOCAL_HOSTS, Provenance
from jointletter.sources import WAYBACK_PREFIX, Source

RECOMMENDATIONS = "recommendations/"
CHINESE_LAST = 3  # characters a Chinese title's last line has at least
# Ids the document's own parts use; no page gets one of them as its prefix.
RESERVED_IDS = frozenset({"cover", "colophon", "colophon-title", "contents", "contents-title", "main", "top"})
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
# What is the website's only: permalinks, copy-link buttons, the timeline's
# filter (its targets stay), and the archived copies beside the sources,
# which the notes give.
INTERACTIVE = frozenset({"headerlink", "copy-link", "timeline__filter", "print-url", "source-archived", "web-only"})
DROPPED_TAGS = ("script", "noscript", "template", "style")
UNSUPPORTED_TAGS = ("img", "picture", "svg", "video", "audio", "iframe", "object", "embed", "canvas", "math")
HEADINGS = ("h1", "h2", "h3", "h4", "h5")
LOCAL = re.compile(
    "|".join(rf"\b{re.escape(host)}\b" if ":" not in host else re.escape(f"[{host}]") for host in LOCAL_HOSTS)
)
# Chinese punctuation: in runs (」）。) all marks but the last set half-width,
# as the OpenType feature chws would (Debian's Noto Serif CJK has halt only);
# “ ” ‘ ’ taken from the CJK face.
PUNCTUATION_RUN = re.compile(r"[，。、；：！？」』）》〉】〕”’「『（《〈【〔“‘]{2,}|[“”‘’]")


@dataclass(frozen=True)
class Section:
    """One page of the site, as MkDocs rendered it."""

    url: str  # site-relative, as page.url: "" or "letter/", "zh-hans/letter/"
    title: str  # as the reader sees it (its h1)
    html: str  # the rendered content: links relative to `url`, the page's own ids
    lede: str = ""  # text under the title (a recommendation's summary)


@dataclass(frozen=True)
class Publication:
    """What a carried edition is of: an edition of the site, who publishes it
    where, of which version, and the sources its notes describe."""

    words: Language
    provenance: Provenance
    sources: Mapping[str, Source]  # by address

    @property
    def site_url(self) -> str:
        """The primary address: every host's copy prints the same."""
        return self.provenance.primary_url

    @property
    def home(self) -> str:
        return self.site_url + self.words.edition.root

    @property
    def date(self) -> datetime.date:
        return self.provenance.content_date

    @property
    def lang(self) -> str:
        return self.words.edition.code

    @property
    def title(self) -> str:
        return self.words.t("site_name")

    @property
    def publisher(self) -> str:
        return self.words.t("publisher")

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
    pages: tuple[Page, ...]
    cover: Any  # <header>
    colophon: Any  # <section>
    toc: Any  # <nav>

    @property
    def home(self) -> str:
        return self.publication.home

    def parts(self) -> Iterator[tuple[str, Any]]:
        """Every part, with the name a failure gives it."""
        yield from (("cover", self.cover), ("colophon", self.colophon), ("contents", self.toc))
        yield from ((page.section.url, page.element) for page in self.pages)

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


def link(url: str, **attrs: str) -> Any:
    """An address shown as itself (set in the monospace face)."""
    return el("a", {"href": url, "class": "carry-url", **attrs}, url)


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


def _drop(node: Any, keep_text: bool = False) -> None:
    """Remove a node, keeping the text that follows it (and its own, with `keep_text`)."""
    parent = node.getparent()
    if parent is None:
        return
    previous = node.getprevious()
    text = ((node.text_content() if keep_text else "") or "") + (node.tail or "")
    if text:
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
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
    found.set("class", " ".join(sorted(classes(found) | {"carry-title"})))
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


def _outline(wrapper: Any, depth: int) -> None:
    """Headings one level down per level of depth, and each dated event a heading below its section's."""
    if depth:
        for heading in list(wrapper.iter(*HEADINGS)):
            heading.tag = f"h{int(heading.tag[1]) + depth}"
    for date in wrapper.xpath(".//li[contains(concat(' ', @class, ' '), ' event ')]/p[@class='event__date']"):
        date.tag = f"h{3 + depth}"


def _nowrap(publication: Publication, *elements: Any) -> None:
    """No line break inside "US-China" in titles; a Chinese title's last
    characters kept together, so that none is left alone on a line."""
    for element in elements:
        for node in [element, *element.iterdescendants()]:
            if isinstance(node.tag, str) and node.text and "US-China" in node.text:
                before, after = node.text.split("US-China", 1)
                node.text = before
                node.insert(0, el("span", {"class": "carry-nowrap"}, "US-China"))
                node[0].tail = after
        if publication.words.edition.chinese:
            _keep_end(element, CHINESE_LAST)


def _keep_end(element: Any, count: int) -> None:
    """The last `count` characters of an element's text in one unbreakable span."""
    last = element[-1] if len(element) else None
    text = (last.tail if last is not None else element.text) or ""
    if len(text.rstrip()) <= count * 2:
        return
    text = text.rstrip()
    end = el("span", {"class": "carry-nowrap"}, text[-count:])
    end.tail = None
    if last is not None:
        last.tail = text[:-count]
    else:
        element.text = text[:-count]
    element.append(end)


def _page(publication: Publication, section: Section, prefix: str, depth: int, number: int | None, total: int) -> Page:
    """One page as a <section> of the document: ids prefixed, a recommendation's number, lede and address added."""
    wrapper = _parse(publication, section)
    h1 = _heading(wrapper, section.title)
    _rename_ids(publication, section, wrapper, prefix)
    parent = h1.getparent()
    after = [el("p", {"class": "lede carry-lede"}, section.lede)] if section.lede else []
    if publication.provenance.published:  # its stable address, printed on every copy
        url = link(publication.site_url + section.url)
        after.append(fill(el("p", {"class": "carry-address"}), publication.t("address", url="{url}"), url=url))
    for offset, element in enumerate(after, start=1):
        element.tail = "\n"
        parent.insert(parent.index(h1) + offset, element)
    label = section.title
    names = ["carry-page", f"carry-depth-{depth}"]
    if number is not None:
        kicker = el("p", {"class": "carry-kicker"}, publication.t("recommendation_n_of", n=number, total=total))
        kicker.tail = "\n"
        parent.insert(parent.index(h1), kicker)
        label = f"{number}. {section.title}"
        h1.set("data-label", label)
        names.append("carry-recommendation")
    _nowrap(publication, h1)
    _outline(wrapper, depth)
    wrapper.set("id", prefix)
    wrapper.set("class", " ".join(names))
    wrapper.set("aria-labelledby", h1.get("id"))
    wrapper.set("data-title", label)
    return Page(section, prefix, depth, number, label, wrapper)


def _shown(url: str) -> str:
    """A URL as a reader would compare it with link text: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", url.strip()).rstrip("/")


def _resolve(publication: Publication, page: Page, href: str, prefixes: Mapping[str, str]) -> str | None:
    """Where a link of a page goes in the document: "#id" inside it, else an absolute
    address; None for an address of the site in a local build, which has none."""
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
        return absolute if publication.provenance.published else None
    prefix = prefixes[path]
    return f"#{prefix}--{unquote(target.fragment)}" if target.fragment else f"#{prefix}"


def _link_pages(publication: Publication, pages: Sequence[Page]) -> None:
    """Rewrite every link, prove that every in-document one has its target, and
    give every outside one its note."""
    prefixes = {page.section.url: page.prefix for page in pages}
    ids = {e.get("id") for page in pages for e in page.element.iter() if isinstance(e.tag, str) and e.get("id")}
    for page in pages:
        notes: dict[str, int] = {}
        for a in list(page.element.iter("a", "area")):
            href = a.get("href")
            if href is None:
                continue
            resolved = _resolve(publication, page, href.strip(), prefixes)
            if resolved is None:
                _drop(a, keep_text=True)
                continue
            if resolved.startswith("#") and resolved[1:] not in ids:
                raise publication.fail(page.section.url, f"links to '{href}', an anchor that does not exist")
            if href.startswith("http") and _shown(a.text_content()) == _shown(href):
                # An address the reader sees printed (a chapter's own, a host's) stays
                # that address: no page number after it, no note.
                a.set("class", " ".join(sorted(classes(a) | {"carry-url"})))
                continue
            a.set("href", resolved)
            if resolved.startswith("#"):
                a.set("class", " ".join(sorted(classes(a) | {"carry-xref"})))
            elif resolved.startswith("http") and _shown(a.text_content()) == _shown(resolved):
                a.set("class", " ".join(sorted(classes(a) | {"carry-url"})))
            elif resolved.startswith("http"):
                number = notes.setdefault(resolved, len(notes) + 1)
                call = el("a", {"href": f"#{page.prefix}--note-{number}", "class": "carry-noteref"}, str(number))
                marker = el("sup", {"class": "carry-noteref"}, None, call)
                marker.tail, a.tail = a.tail, None
                a.addnext(marker)
        if notes:
            page.element.append(_notes(publication, page, notes))


def _notes(publication: Publication, page: Page, notes: Mapping[str, int]) -> Any:
    """A page's outside sources as numbered notes: name, address, the day read, the archived copy."""
    words = publication.words
    level = 2 + page.depth
    title = f"{page.prefix}--notes"
    listed = el("ol", {"class": "carry-notes__list"})
    for url, number in notes.items():
        item = el("li", {"id": f"{page.prefix}--note-{number}", "value": str(number)})
        source = publication.sources.get(url)
        if source is None:
            own = (publication.site_url, publication.provenance.repository_url or publication.site_url)
            if not url.startswith(own):
                raise publication.fail(
                    page.section.url,
                    f"links to {url}, which is not a source in data/sources.yml (no access date, no archived copy)",
                )
            item.append(link(url))  # an address of the site or of its repository
        else:
            template = publication.t("note_gone" if source.gone else "note")
            fill(
                item,
                template,
                name=el("span", None, words.script(source.name(words.edition.locale))),
                url=link(source.url),  # the original address, gone or not
                accessed=el("time", {"datetime": source.accessed.isoformat()}, words.date(source.accessed)),
                archived=_archived(source),
            )
        listed.append(item)
    heading = el(f"h{level}", {"id": title, "class": "carry-notes__title"}, publication.t("notes"))
    how = el("p", {"class": "carry-notes__how"}, publication.t("archive_address", prefix=WAYBACK_PREFIX))
    # Named by its heading and its page's ("Notes Home"): each page has its own.
    named = f"{title} {page.element.get('aria-labelledby')}"
    return el("section", {"class": "carry-notes", "aria-labelledby": named}, None, heading, how, listed)


def _archived(source: Source) -> Any:
    """An archived copy's link; the Internet Archive's, shown by its day only
    (the notes say how its address is made: the prefix, the day, the source's address)."""
    day = f"{WAYBACK_PREFIX}{source.accessed:%Y%m%d}/"
    if source.archived == day + source.url:
        return el("a", {"href": source.archived, "class": "carry-url"}, day + "…")
    return link(source.archived)


def _cover(publication: Publication) -> Any:
    """The cover: what the file is, the title, who publishes it, the content's date, where, the licence."""
    words, provenance = publication.words, publication.provenance
    header = el("header", {"class": "carry-cover", "id": "cover"})
    header.append(el("p", {"class": "carry-cover__line"}, publication.t("cover_line", date=words.t("letter_date"))))
    title = el("h1", {"class": "carry-cover__title"}, publication.title)
    _nowrap(publication, title)
    header.append(title)
    header.append(
        el("p", {"class": "carry-cover__publisher"}, publication.t("cover_publisher", publisher=publication.publisher))
    )
    about = el("div", {"class": "carry-cover__about"})
    date = el("time", {"datetime": publication.date.isoformat()}, words.date(publication.date))
    about.append(
        fill(el("p", {"class": "carry-cover__edition"}), publication.t("edition_of", date="{date}"), date=date)
    )
    if provenance.published:
        about.append(fill(el("p"), publication.t("address", url="{url}"), url=link(publication.home)))
    else:
        about.append(el("p", {"class": "carry-cover__local"}, publication.t("local")))
    deed = words.edition.licence
    about.append(fill(el("p"), publication.t("licence", url="{url}"), url=link(deed, rel="license")))
    about.append(el("p", {"class": "carry-cover__note"}, publication.t("copy_note")))
    header.append(about)
    return header


def _colophon(publication: Publication) -> Any:
    """About this edition: publisher, where, licence, language, date and version, how to check the file."""
    words, provenance = publication.words, publication.provenance
    publisher = publication.publisher
    rows: list[tuple[str, Any]] = [("publisher", el("span", None, publisher[:1].upper() + publisher[1:]))]
    if provenance.published:
        rows.append(("online", link(publication.home)))
        if provenance.mirrors:
            mirrors = el("span")
            for number, mirror in enumerate(provenance.mirrors):
                mirrors.append(link(mirror + words.edition.root))
                mirrors[-1].tail = words.t("list_separator") if number + 1 < len(provenance.mirrors) else None
            rows.append(("mirrors", mirrors))
    else:
        rows.append(("online", el("span", None, publication.t("local"))))
    if provenance.repository:
        rows += [("repository", link(provenance.repository_url)), ("errors", link(provenance.issues_url))]
    deed = words.edition.licence
    rows.append(("licence", fill(el("span"), publication.t("licence", url="{url}"), url=link(deed, rel="license"))))
    language = publication.t("colophon.language_text", language=words.edition.name)
    rows.append(("language", el("span", None, language)))
    date = el("time", {"datetime": publication.date.isoformat()}, words.date(publication.date))
    rows.append(("date", fill(el("span"), publication.t("colophon.date_text", date="{date}"), date=date)))
    if provenance.commit:
        commit = el("code", None, provenance.commit[:12] + ("+" if provenance.commit.endswith("+") else ""))
        rows.append(
            ("version", fill(el("span"), publication.t("colophon.version_text", commit="{commit}"), commit=commit))
        )
    if provenance.published and provenance.repository:
        check = _code(publication.t("colophon.check_text", repository=provenance.repository))
    else:
        check = el("span", None, publication.t("colophon.check_local"))
    rows.append(("check", check))
    listing = el("dl", {"class": "carry-colophon__list"})
    for key, value in rows:
        listing.append(el("dt", None, publication.t(f"colophon.{key}")))
        listing.append(el("dd", None, None, value))
    heading = el("h2", {"id": "colophon-title"}, publication.t("colophon"))
    return el(
        "section",
        {"class": "carry-colophon", "id": "colophon", "aria-labelledby": "colophon-title"},
        None,
        heading,
        listing,
    )


def _code(text: str) -> Any:
    """A string with `commands` in backticks, as text and <code>."""
    span = el("span")
    for number, piece in enumerate(text.split("`")):
        if number % 2:
            span.append(el("code", None, piece))
        elif len(span):
            span[-1].tail = piece
        else:
            span.text = piece
    return span


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


def _marks(text: str) -> tuple[str, list[Any]]:
    """A Chinese text as its part before the first run of punctuation, then a
    span for each run in the CJK face (Charis would draw “ ” otherwise), all
    its marks but the last half-width, the text after in its tail."""
    matches = list(PUNCTUATION_RUN.finditer(text))
    spans = []
    for match, following in zip(matches, [*matches[1:], None]):
        run, after = match.group(), text[match.end() : following.start() if following else len(text)]
        if len(run) > 1:
            span = el("span", {"class": "carry-cjk carry-halt"}, run[:-1])
            last = el("span", {"class": "carry-cjk"}, run[-1])
            span.tail, last.tail = None, after
            spans += [span, last]
        else:
            span = el("span", {"class": "carry-cjk"}, run)
            span.tail = after
            spans.append(span)
    return text[: matches[0].start()], spans


def _punctuation(element: Any, chinese: bool = True) -> None:
    """Chinese punctuation in the CJK face, its runs tightened, as a Chinese
    book sets it; not in English passages (lang="en") or addresses."""
    for node in list(element):
        if not isinstance(node.tag, str):
            continue
        lang = node.get("lang")
        inner = chinese if lang is None else lang.lower().startswith("zh")
        if node.tag not in ("code", "pre") and "carry-url" not in classes(node) and "carry-cjk" not in classes(node):
            _punctuation(node, inner)
        if chinese:
            _mark(node, "tail", element, element.index(node) + 1)
    if chinese:
        _mark(element, "text", element, 0)


def _mark(node: Any, attribute: str, parent: Any, at: int) -> None:
    value = getattr(node, attribute)
    if not value or not PUNCTUATION_RUN.search(value):
        return
    head, spans = _marks(value)
    setattr(node, attribute, head)
    for offset, span in enumerate(spans):
        parent.insert(at + offset, span)


def _no_local_address(doc: Document) -> None:
    """A carried edition never prints this machine's address (a local build has no public one)."""
    for where, element in doc.parts():
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            for value in (node.text, node.tail, node.get("href")):
                if value and LOCAL.search(value):
                    raise doc.publication.fail(
                        where, f"would print a local address, {LOCAL.search(value).group()}: {value.strip()[:80]!r}"
                    )


def assemble(publication: Publication, sections: Sequence[Section], expected_urls: Sequence[str] = ()) -> Document:
    """The document, checked: every expected page, every link's target, no local address."""
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
    doc = Document(publication, pages, _cover(publication), _colophon(publication), toc(publication, pages))
    if publication.words.edition.chinese:
        for _, element in doc.parts():
            _punctuation(element)
    _no_local_address(doc)
    return doc
