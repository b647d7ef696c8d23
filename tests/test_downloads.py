"""The carried editions: each language's PDF, single HTML file and EPUB, as the build publishes them.

Making and reading the files takes seconds: these tests are marked slow, and
the quick subset builds the site without them. The engine's refusals, on
small inputs, are quick.

They are read as a reader's tools read them: the PDF with pypdf (text layer, fonts, outline, tags,
links), the EPUB with zipfile, lxml and EPUBCheck, the HTML file from disk in Chromium. Each file is
read once per language (module-scoped caches): the PDFs are the slow part. The last tests prove the
engine's refusals (a broken anchor, a missing page, a character the PDF cannot draw) on small inputs.
"""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from mkdocs.exceptions import PluginError

from conftest import HTML_LANG, LANGS, REPORT_QUOTATIONS, ROOT, SITE_URL, Site, recommendations_of, squeeze
from jointletter import carry
from jointletter.carry import document, html
from jointletter.carry.pdf import check_drawable as drawable
from jointletter.editions import language
from jointletter.project import Project
from jointletter.provenance import Provenance
from jointletter.sources import by_address

pypdf = pytest.importorskip("pypdf")
BUDGET = {"pdf": {"en": 500_000, "zh-hans": 1_500_000, "zh-hant": 1_500_000}}
GZIP_BUDGET = 150_000  # the HTML file gzip-compressed, and the EPUB (already compressed)
XHTML = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def download(carried: Path, locale: str, ext: str) -> Path:
    path = carried / f"joint-letter-17-february-2021-{locale}.{ext}"
    assert path.is_file(), f"{locale}: no {ext.upper()} at downloads/{path.name}"
    return path


def titles(site: Site, locale: str) -> dict[str, str]:
    """Every page a reader can open in one edition, by URL, with its title (its h1, as the reader sees it)."""
    found = {}
    for page in site.pages_of(locale):
        if page.path.name != "index.html":
            continue  # a redirect page
        h1 = page.content.select_one("h1")
        assert h1 is not None, f"{page.path}: no h1"
        for link in h1.select(".headerlink"):
            link.decompose()
        found[page.url] = " ".join(h1.get_text().split())
    assert len(found) >= 12, f"{locale}: only {len(found)} pages found in the built site"
    return found


# ---------------------------------------------------------------------------
# PDF: read once per language
# ---------------------------------------------------------------------------


@dataclass
class Pdf:
    locale: str
    path: Path

    @cached_property
    def reader(self):
        return pypdf.PdfReader(self.path)

    @cached_property
    def text(self) -> str:
        """The text layer, as poppler's pdftotext reads it (pypdf's reader takes seconds a file)."""
        found = subprocess.run(["pdftotext", "-enc", "UTF-8", str(self.path), "-"], capture_output=True, timeout=60)
        assert found.returncode == 0, f"pdftotext cannot read {self.path.name}: {found.stderr!r}"
        return squeeze(found.stdout.decode("utf-8"))

    @cached_property
    def outline(self) -> list[str]:
        titles: list[str] = []

        def walk(items) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    titles.append(" ".join(str(item.title).split()))

        walk(self.reader.outline)
        return titles

    @cached_property
    def fonts(self) -> list[tuple[str, str, bool]]:
        """Every font the pages use, as poppler's pdffonts lists them: (name, type, embedded)."""
        found = subprocess.run(["pdffonts", str(self.path)], capture_output=True, text=True, timeout=60)
        assert found.returncode == 0, f"pdffonts cannot read {self.path.name}: {found.stderr}"
        rows = [re.split(r"\s{2,}", line.strip()) for line in found.stdout.splitlines()[2:] if line.strip()]
        return [(row[0], row[1], row[3].split()[0] == "yes") for row in rows]


@pytest.fixture(scope="module")
def pdfs(carried: Path):
    cache: dict[str, Pdf] = {}

    def get(locale: str) -> Pdf:
        if locale not in cache:
            cache[locale] = Pdf(locale, download(carried, locale, "pdf"))
        return cache[locale]

    return get


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_pdf_carries_every_page_each_recommendation_and_the_quotations(site: Site, pdfs, locale: str) -> None:
    pdf = pdfs(locale)
    missing = [
        f"{url or 'home'} ({title})" for url, title in titles(site, locale).items() if squeeze(title) not in pdf.text
    ]
    assert not missing, f"{locale} PDF: the text layer lacks the title of {', '.join(missing)}"
    recs = [rec.title for rec in recommendations_of(locale) if squeeze(rec.title) not in pdf.text]
    assert not recs, f"{locale} PDF: the text layer lacks the recommendations {recs}"
    quotes = [quote for quote in REPORT_QUOTATIONS if squeeze(quote) not in pdf.text]
    assert not quotes, f"{locale} PDF: the text layer lacks the news report's quotation {quotes}"


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_pdf_embeds_every_font_as_outlines(pdfs, locale: str) -> None:
    fonts = pdfs(locale).fonts
    assert fonts, f"{locale} PDF: no fonts found"
    type3 = [name for name, kind, _ in fonts if "Type 3" in kind]
    assert not type3, f"{locale} PDF: Type 3 (bitmap) fonts {type3}"
    loose = [name for name, _, embedded in fonts if not embedded]
    assert not loose, f"{locale} PDF: fonts not embedded {loose}"
    if locale != "en":
        face = "Noto-Serif-CJK-TC" if locale == "zh-hant" else "Noto-Serif-CJK-SC"
        assert any(face in name for name, _, _ in fonts), f"{locale} PDF: the Chinese text is not in {face}"


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_pdf_is_tagged_in_its_language_with_a_title_and_an_outline(site: Site, pdfs, locale: str) -> None:
    pdf = pdfs(locale)
    root = pdf.reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo")
    assert mark_info is not None and bool(mark_info.get_object().get("/Marked")), f"{locale} PDF: not /Marked"
    assert "/StructTreeRoot" in root, f"{locale} PDF: no structure tree (/StructTreeRoot)"
    assert root.get("/Lang") == HTML_LANG[locale], f"{locale} PDF: /Lang is {root.get('/Lang')!r}"
    title = pdf.reader.metadata.title if pdf.reader.metadata else None
    assert title, f"{locale} PDF: no title in its metadata"
    outline = [squeeze(title) for title in pdf.outline]
    missing = [t for t in titles(site, locale).values() if not any(squeeze(t) in entry for entry in outline)]
    assert not missing, f"{locale} PDF: the outline has no entry for the pages {missing}"
    recs = [rec.title for rec in recommendations_of(locale) if not any(squeeze(rec.title) in e for e in outline)]
    assert not recs, f"{locale} PDF: the outline has no entry for the recommendations {recs}"


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_every_link_in_the_pdf_goes_somewhere(pdfs, locale: str) -> None:
    reader = pdfs(locale).reader
    names = set(reader.named_destinations)
    internal, external, problems = 0, 0, []
    for number, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            action = action.get_object() if action is not None else {}
            if action.get("/S") == "/URI":
                external += 1
                uri = str(action.get("/URI"))
                if not uri.startswith(("https://", "http://", "mailto:")):
                    problems.append(f"page {number}: a link to {uri!r}")
                continue
            dest = annot.get("/Dest", action.get("/D"))
            internal += 1
            if dest is None or (isinstance(dest, str) and dest not in names):
                problems.append(f"page {number}: an in-document link without a destination ({dest!r})")
    assert not problems, f"{locale} PDF: " + "; ".join(problems[:10])
    assert internal >= 20, f"{locale} PDF: only {internal} in-document links (the contents alone have 13)"
    assert external >= 20, f"{locale} PDF: only {external} links to sources"


# ---------------------------------------------------------------------------
# EPUB
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def epubcheck_results(carried: Path, epubcheck: tuple[int, str]) -> dict[str, list[str]]:
    """EPUBCheck's errors and fatal errors for each language's EPUB (run by conftest, beside the tests)."""
    output = epubcheck[1].splitlines()
    results = {}
    for locale in LANGS:
        path = str(download(carried, locale, "epub"))
        checked = [line for line in output if line.startswith(f"CHECKED {path} ")]
        assert checked, f"{locale} EPUB: EPUBCheck did not finish:\n" + "\n".join(output[-20:])
        errors = [line for line in output if line.startswith(("ERROR", "FATAL")) and path in line]
        errors += [f"{checked[0].rsplit(' ', 1)[1]} errors in all"] if checked[0].rsplit(" ", 1)[1] != "0" else []
        results[locale] = errors
    return results


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_epub_passes_epubcheck(epubcheck_results: dict[str, list[str]], locale: str) -> None:
    errors = epubcheck_results[locale]
    assert not errors, f"{locale} EPUB: EPUBCheck reports\n" + "\n".join(errors[:20])


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_epub_has_its_language_every_page_and_a_nav_listing_the_seven(
    site: Site, carried: Path, locale: str
) -> None:
    data = download(carried, locale, "epub").read_bytes()
    assert len(data) <= GZIP_BUDGET, f"{locale} EPUB: {len(data)} bytes, over {GZIP_BUDGET}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED), (
            f"{locale} EPUB: the first entry is {first.filename}, not mimetype stored uncompressed"
        )
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")
        package = etree.fromstring(archive.read(opf_path))
        language = package.findtext(".//dc:language", namespaces=OPF)
        assert language == HTML_LANG[locale], f"{locale} EPUB: dc:language is {language!r}"
        base = opf_path.rsplit("/", 1)[0] + "/" if "/" in opf_path else ""
        nav_href = package.find(".//opf:item[@properties='nav']", OPF).get("href")
        nav = etree.fromstring(archive.read(base + nav_href))
        toc = nav.find(".//x:nav[@epub:type='toc']", XHTML)
        assert toc is not None, f"{locale} EPUB: no nav epub:type=toc"
        listed = squeeze("".join(toc.itertext()))
        headings = [
            squeeze("".join(h1.itertext()))
            for item in package.iterfind(".//opf:item[@media-type='application/xhtml+xml']", OPF)
            for h1 in etree.fromstring(archive.read(base + item.get("href"))).xpath(
                ".//x:h1 | .//x:h2[contains(@class, 'carry-title')]", namespaces=XHTML
            )
        ]
    recs = [rec.title for rec in recommendations_of(locale) if squeeze(rec.title) not in listed]
    assert not recs, f"{locale} EPUB: the nav does not list the recommendations {recs}"
    missing = [title for title in titles(site, locale).values() if squeeze(title) not in listed]
    assert not missing, f"{locale} EPUB: the nav does not list the pages {missing}"
    missing = [title for title in titles(site, locale).values() if squeeze(title) not in headings]
    assert not missing, f"{locale} EPUB: no file has the page (its h1) {missing}"


# ---------------------------------------------------------------------------
# The single HTML file
# ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_html_file_carries_every_page_and_can_load_nothing(site: Site, carried: Path, locale: str) -> None:
    data = download(carried, locale, "html").read_bytes()
    size = len(gzip.compress(data, 9))
    assert size <= GZIP_BUDGET, f"{locale} HTML: {size} bytes gzip-compressed, over {GZIP_BUDGET}"
    tree = lxml_html.document_fromstring(data)
    assert tree.get("lang") == HTML_LANG[locale], f"{locale} HTML: <html lang={tree.get('lang')!r}>"
    assert tree.findtext(".//title"), f"{locale} HTML: no <title>"
    assert len(tree.findall(".//main")) == 1, f"{locale} HTML: not exactly one <main>"
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and "default-src 'none'" in policy[0], f"{locale} HTML: no Content-Security-Policy default-src 'none'"
    assert not tree.xpath("//script | //link[@rel='stylesheet'] | //iframe"), f"{locale} HTML: loads a script or sheet"
    # A page's title is its h1; a recommendation's, an h2 below the index's.
    headings = [
        squeeze(h.text_content()) for h in tree.xpath("//main//h1 | //main//h2[contains(@class, 'carry-title')]")
    ]
    missing = [title for title in titles(site, locale).values() if squeeze(title) not in headings]
    assert not missing, f"{locale} HTML: lacks the pages (their titles) {missing}"
    ids = set(tree.xpath("//@id"))
    broken = [href for href in tree.xpath("//a/@href") if href.startswith("#") and href[1:] not in ids]
    assert not broken, f"{locale} HTML: in-file links without a target {broken[:10]}"
    relative = [
        href for href in tree.xpath("//a/@href") if not href.startswith(("#", "https://", "http://", "mailto:"))
    ]
    assert not relative, f"{locale} HTML: links that mean nothing in a file on disk {relative[:10]}"


@pytest.mark.browser
@pytest.mark.parametrize("locale", LANGS)
def test_the_html_file_opened_from_disk_makes_no_request_and_axe_finds_nothing(
    browser, carried: Path, locale: str
) -> None:
    """One load per language: axe in the light scheme, then its colour rules (all
    that the scheme changes) in the dark one."""
    from axe_playwright_python.sync_playwright import Axe

    path = download(carried, locale, "html")
    url = path.as_uri()
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="load")
    problems = []
    colour = {"resultTypes": ["violations"], "runOnly": ["color-contrast", "link-in-text-block"]}
    for scheme, options in (("light", {"resultTypes": ["violations"]}), ("dark", colour)):
        page.emulate_media(color_scheme=scheme)
        for violation in Axe().run(page, options=options).response["violations"]:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
            problems.append(f"[{scheme}] {violation['id']}: {violation['help']} at {targets}")
    context.close()
    others = [request for request in requests if request != url]
    assert not others, f"{locale} HTML: opened from disk, it requests {others}"
    assert not problems, f"{locale} HTML: axe violations:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# Budgets and names
# ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_each_pdf_is_within_its_budget(carried: Path, locale: str) -> None:
    size = download(carried, locale, "pdf").stat().st_size
    assert size <= BUDGET["pdf"][locale], f"{locale} PDF: {size} bytes, over {BUDGET['pdf'][locale]}"


# ---------------------------------------------------------------------------
# The engine's refusals, on small inputs (no build, no PDF made)
# ---------------------------------------------------------------------------

DAY = datetime.date(2021, 2, 17)
PROVENANCE = Provenance(SITE_URL, SITE_URL, (), "example/joint-letter", "https://github.com", "", DAY)
SOURCE = "https://www.frontlinedefenders.org/en/statement-report/open-letter-human-rights-approach-us-china-policy"
PUBLICATION = carry.Publication(language("en", Project(ROOT)), PROVENANCE, by_address(Project(ROOT)))
SMALL = [
    carry.Section("", "Home", '<h1 id="home">Home</h1><p><a href="letter/#why">Why</a> <!-- recommendations --></p>'),
    carry.Section(
        "letter/",
        "The letter",
        '<h1 id="the-letter">The letter<a class="headerlink" href="#the-letter">¶</a></h1>'
        '<h2 id="why">Why</h2><p><a href="../recommendations.json">data</a> '
        f'<a href="../zh-hans/letter/" lang="zh-Hans">中文</a> <a href="{SOURCE}">source</a></p>',
    ),
    carry.Section("recommendations/a/", "First", '<h1 id="first">First</h1><h2 id="why">Why</h2>', "A summary."),
]


def single_file(sections: list[carry.Section], expected: list[str] | None = None) -> bytes:
    return html.make(document.assemble(PUBLICATION, sections, expected or []))


def test_links_become_anchors_addresses_and_notes_and_ids_are_prefixed() -> None:
    tree = lxml_html.document_fromstring(single_file(SMALL, [s.url for s in SMALL]))
    letter = tree.get_element_by_id("letter")
    links = {a.text_content(): a.get("href") for a in tree.get_element_by_id("main").iter("a")}
    assert links["Why"] == "#letter--why", links
    assert links["data"] == SITE_URL + "recommendations.json", links
    assert links["source"] == SOURCE, links
    note = letter.xpath(".//a[text()='source']/following-sibling::sup[1]/a")[0].get("href")
    text = tree.get_element_by_id(note[1:]).text_content()
    for wanted in ("Front Line Defenders", SOURCE, "Read on 28 November 2026", "https://web.archive.org/web/20261128/"):
        assert wanted in text, f"the source's note lacks {wanted!r}: {text!r}"
    assert {"letter--why", "a--why", "home", "letter", "a"} <= set(tree.xpath("//@id"))
    assert not tree.xpath("//a[contains(@class, 'headerlink')]"), "a permalink is left in"
    assert "Recommendation 1 of 1" in tree.text_content() and "A summary." in tree.text_content()
    assert tree.get_element_by_id("colophon") is not None, "no colophon"


@pytest.mark.parametrize(
    "href, problem",
    [
        ("https://example.org/x", r"https://example.org/x.*not a source"),  # an outside address not in sources.yml
        ("../../letter/#nowhere", r"#nowhere"),  # an anchor the document does not have
    ],
)
def test_a_link_the_document_cannot_keep_fails_naming_the_page_and_the_language(href: str, problem: str) -> None:
    odd = [*SMALL[:2], carry.Section("recommendations/a/", "First", f'<h1>First</h1><a href="{href}">x</a>')]
    with pytest.raises(PluginError, match=rf"\(en\).*'recommendations/a/'.*{problem}"):
        single_file(odd)


def test_a_local_build_prints_no_local_address() -> None:
    local = dataclasses.replace(PROVENANCE, site_url="http://127.0.0.1:8000/", primary_url="http://127.0.0.1:8000/")
    publication = dataclasses.replace(PUBLICATION, provenance=local)
    made = html.make(document.assemble(publication, SMALL))
    assert b"127.0.0.1" not in made, "a local build's carried edition prints the local address"
    assert b"A local build, not published" in made, "a local build's carried edition does not say so"
    planted = [*SMALL[:2], carry.Section("recommendations/a/", "First", "<h1>First</h1><p>http://localhost:8000/</p>")]
    with pytest.raises(PluginError, match=r"\(en\).*'recommendations/a/'.*local address"):
        document.assemble(publication, planted)


def test_a_missing_page_fails_naming_it_and_the_language() -> None:
    with pytest.raises(PluginError, match=r"\(en\).*'sources/' is missing"):
        single_file(SMALL, [*(s.url for s in SMALL), "sources/"])


def test_a_character_the_pdf_cannot_draw_fails_naming_the_page_and_the_language() -> None:
    odd = [*SMALL[:2], carry.Section("recommendations/a/", "First", "<h1>First</h1><p>\u16a0 rune</p>")]
    with pytest.raises(PluginError, match=r"\(en\).*'recommendations/a/'.*U\+16A0"):
        drawable(document.assemble(PUBLICATION, odd))
    unmarked = [*SMALL[:2], carry.Section("recommendations/a/", "First", "<h1>First</h1><p>习近平</p>")]
    with pytest.raises(PluginError, match=r"\(en\).*'recommendations/a/'"):
        drawable(document.assemble(PUBLICATION, unmarked))
    marked = [*SMALL[:2], carry.Section("recommendations/a/", "First", '<h1>First</h1><p lang="zh-Hans">习近平</p>')]
    drawable(document.assemble(PUBLICATION, marked))


# ---------------------------------------------------------------------------
# Publications people can cite, print and check
# ---------------------------------------------------------------------------

PUBLISHER = {
    "en": "the contributors to the reference site for the joint letter of 17 February 2021",
    "zh-hans": "2021年2月17日联名信参考网站的贡献者",
    "zh-hant": "2021年2月17日聯名信參考網站的貢獻者",
}
PAGE_REFERENCE = {"en": r"\(p\.\d+\)", "zh-hans": r"（第\d+页）", "zh-hant": r"（第\d+頁）"}
COLOPHON = {"en": "About this edition", "zh-hans": "关于本版", "zh-hant": "關於本版"}
REFERENCE_GUIDE = {
    "en": "A reference guide to the joint letter",
    "zh-hans": "联名信的参考指南",
    "zh-hant": "聯名信的參考指南",
}


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_pdf_says_who_publishes_it_and_where_each_chapter_is(pdfs, locale: str) -> None:
    """Its metadata names an author; its text names the publisher and the
    repository, prints every recommendation's address, cross-references with
    their pages and sources as notes with the day read and an archived copy;
    no local address, no OWNER/REPO."""
    pdf = pdfs(locale)
    author = pdf.reader.metadata.author if pdf.reader.metadata else None
    assert author == PUBLISHER[locale], f"{locale} PDF: its author is {author!r}"
    text = pdf.text
    for wanted in (PUBLISHER[locale], "example/joint-letter", COLOPHON[locale], REFERENCE_GUIDE[locale]):
        assert squeeze(wanted) in text, f"{locale} PDF: the text does not say {wanted!r}"
    for unwanted in ("127.0.0.1", "localhost", "OWNER/REPO"):
        assert unwanted not in text, f"{locale} PDF: the text has {unwanted!r}"
    for rec in recommendations_of(locale):
        address = f"{SITE_URL}{LANGS[locale]}recommendations/{rec.slug}/"
        assert squeeze(address) in text, f"{locale} PDF: recommendation {rec.number} does not print its address"
        assert not re.search(re.escape(squeeze(address)) + PAGE_REFERENCE[locale], text), (
            f"{locale} PDF: recommendation {rec.number}'s printed address is followed by a page reference"
        )
    assert len(re.findall(PAGE_REFERENCE[locale], text)) >= 20, f"{locale} PDF: cross-references give no pages"
    assert text.count("web.archive.org/web/") >= 40, f"{locale} PDF: the notes give no archived copies"


@pytest.mark.slow
@pytest.mark.parametrize("locale", LANGS)
def test_the_epub_has_a_cover_creator_publisher_and_accessibility_metadata(carried: Path, locale: str) -> None:
    with zipfile.ZipFile(download(carried, locale, "epub")) as archive:
        package = etree.fromstring(archive.read("EPUB/package.opf"))
        cover = package.find(".//opf:item[@properties='cover-image']", OPF)
        assert cover is not None, f"{locale} EPUB: no cover image"
        assert archive.read("EPUB/" + cover.get("href"))[:8] == b"\x89PNG\r\n\x1a\n", f"{locale} EPUB: cover not PNG"
    for name in ("creator", "publisher"):
        value = package.findtext(f".//dc:{name}", namespaces=OPF)
        assert value == PUBLISHER[locale], f"{locale} EPUB: dc:{name} is {value!r}"
    properties = {meta.get("property") for meta in package.iterfind(".//opf:meta", OPF)}
    for wanted in (
        "schema:accessMode",
        "schema:accessModeSufficient",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
    ):
        assert wanted in properties, f"{locale} EPUB: no {wanted} metadata"
    # Nothing here has evaluated it against EPUB Accessibility: it claims no conformance.
    claims = properties | {link.get("rel") for link in package.iterfind(".//opf:link", OPF)}
    assert not claims & {"dcterms:conformsTo", "a11y:certifiedBy"}, f"{locale} EPUB: claims what nothing checked"
