"""Licences: every file says its licence (REUSE), each licence's text is in LICENSES/, CITATION.cff is
valid, and the built site states the text licence where the README says it does (footer, JSON-LD,
recommendations.json) and gives a ready citation on each Sources page."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import HTML_LANG, LANGS, ROOT, SITE_URL, Page, Site, recommendations_of, tool

REUSE_TOML = ROOT / "REUSE.toml"
CITATION = ROOT / "CITATION.cff"
LICENSES = ROOT / "LICENSES"
EXPECTED_LICENCES = {"MIT", "CC-BY-4.0", "OFL-1.1"}
OPERATORS = {"AND", "OR", "WITH"}


def licences_in(expression: str) -> set[str]:
    """The licence identifiers in an SPDX expression such as `MIT OR CC-BY-4.0`."""
    words = re.findall(r"[A-Za-z0-9.+:-]+", expression)
    return {word.removesuffix("+") for word in words if word not in OPERATORS}


def annotations() -> list[dict]:
    return tomllib.loads(REUSE_TOML.read_text(encoding="utf-8")).get("annotations", [])


def citation() -> dict:
    return yaml.safe_load(CITATION.read_text(encoding="utf-8"))


def test_the_repository_passes_reuse_lint() -> None:
    result = subprocess.run([tool("reuse"), "--root", str(ROOT), "lint"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (
        f"reuse lint fails (a file not covered by REUSE.toml? widen a glob there):\n{result.stdout}\n{result.stderr}"
    )


def test_citation_file_is_valid_cff() -> None:
    result = subprocess.run(
        [tool("cffconvert"), "--validate", "-i", str(CITATION)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"CITATION.cff is not valid CFF:\n{result.stdout}\n{result.stderr}"


def test_licences_folder_holds_the_three_licences() -> None:
    present = {path.stem for path in LICENSES.glob("*.txt")}
    missing = EXPECTED_LICENCES - present
    assert not missing, f"LICENSES/ lacks the text of {sorted(missing)}"
    for name in sorted(EXPECTED_LICENCES):
        text = (LICENSES / f"{name}.txt").read_text(encoding="utf-8")
        assert len(text) > 500, f"LICENSES/{name}.txt is too short to be the licence's full text"


def test_every_licence_named_in_reuse_toml_has_its_text() -> None:
    named: set[str] = set()
    for place, annotation in enumerate(annotations(), start=1):
        expression = annotation.get("SPDX-License-Identifier")
        assert expression, f"REUSE.toml: annotation {place} ({annotation.get('path')}) names no licence"
        named |= licences_in(expression)
    assert named >= EXPECTED_LICENCES, f"REUSE.toml does not use {sorted(EXPECTED_LICENCES - named)}"
    missing = sorted(name for name in named if not (LICENSES / f"{name}.txt").is_file())
    assert not missing, f"licences named in REUSE.toml without a text in LICENSES/: {missing}"


def test_citation_declares_the_text_licence_and_the_letter_date() -> None:
    cff = citation()
    assert cff.get("license") == "CC-BY-4.0", f"CITATION.cff: license is {cff.get('license')!r}, not CC-BY-4.0"
    for key in ("title", "abstract"):
        value = " ".join(str(cff.get(key, "")).split())
        assert "17 February 2021" in value, f"CITATION.cff: {key} does not mention 17 February 2021: {value!r}"


# ---------------------------------------------------------------------------
# The licence as the built site states it: footer, JSON-LD, recommendations.json
# and the ready citations on each Sources page.
# ---------------------------------------------------------------------------

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
# The licence deed in each edition's language, and what the footer says.
DEED = {"en": CC_BY, "zh-hans": CC_BY + "deed.zh-hans", "zh-hant": CC_BY + "deed.zh-hant"}
FOOTER = {
    "en": "Text and data: CC BY 4.0. Quotations remain their authors’. Code: MIT.",
    "zh-hans": "文字与数据：CC BY 4.0。引文版权归原作者所有。代码：MIT。",
    "zh-hant": "文字與資料：CC BY 4.0。引文版權歸原作者所有。程式碼：MIT。",
}
SITE_NAME = {"en": "A Human Rights Approach to US-China Policy", "zh-hans": "以人权为本的美国对华政策",
             "zh-hant": "以人權為本的美國對華政策"}  # fmt: skip
LETTER_DATE = {"en": "17 February 2021", "zh-hans": "2021年2月17日", "zh-hant": "2021年2月17日"}
# How each edition's citations end: the date the reader read the page.
ACCESSED = {
    "en": r"Accessed (\S[^\n]*?)\.",
    "zh-hans": r"访问日期：(\S[^\n]*?)。",
    "zh-hant": r"瀏覽日期：(\S[^\n]*?)。",
}


def words(text: str) -> str:
    return " ".join(text.split())


def locale_of(page: Page) -> str:
    """The edition a built page belongs to, by its folder (the 404 page is the English build's)."""
    path = page.path.as_posix()
    return next((locale for locale, root in LANGS.items() if root and path.startswith(root)), "en")


def is_redirect(page: Page) -> bool:
    """A stub the redirects plugin writes for a moved page: no layout, so no footer."""
    return page.soup.select_one('meta[http-equiv="refresh"]') is not None and not page.soup.select_one(".md-content")


def test_every_page_states_the_text_licence_in_its_language(site: Site) -> None:
    pages = [page for page in site.html_pages() if not is_redirect(page)]
    seen = {locale_of(page) for page in pages}
    assert seen == set(LANGS), f"built pages found only for {sorted(seen)}, not for every language in {sorted(LANGS)}"
    assert any(page.path.as_posix() == "404.html" for page in pages), "the build wrote no 404.html"
    for page in pages:
        locale = locale_of(page)
        licence = DEED[locale]
        html_lang = page.soup.html.get("lang")
        assert html_lang == HTML_LANG[locale], (
            f"{page.path}: <html lang={html_lang!r}>, but its footer should be in {HTML_LANG[locale]!r}"
        )
        copyright_ = page.soup.select_one("footer .md-copyright")
        assert copyright_ is not None, (
            f"{page.path}: the footer has no copyright line (no .md-copyright), so no licence"
        )
        line = BeautifulSoup(str(copyright_), "html.parser")
        for extra in line.select(".md-copyright__downloads, .md-copyright__publisher, br"):
            extra.decompose()  # the downloads' and the publisher's lines
        text = words(line.get_text(" "))
        wanted = FOOTER[locale]
        assert text.replace(" ", "") == wanted.replace(" ", ""), (
            f"{page.path}: the footer's licence line reads {text!r}, not {wanted!r}"
        )
        links = copyright_.select('a[rel~="license"]')
        assert any(link.get("href") == licence and words(link.get_text()) == "CC BY 4.0" for link in links), (
            f"{page.path}: the footer has no 'CC BY 4.0' link (rel=license) to {licence}; "
            f"its licence links: {[(words(link.get_text()), link.get('href')) for link in links]}"
        )


def test_every_page_with_json_ld_names_the_licence(site: Site) -> None:
    found = 0
    for page in site.html_pages():
        for script in page.soup.select('script[type="application/ld+json"]'):
            found += 1
            try:
                data = json.loads(script.string or "")
            except json.JSONDecodeError as error:
                raise AssertionError(f"{page.path}: its JSON-LD is not valid JSON ({error})") from None
            assert data.get("license") == CC_BY, (
                f"{page.path}: JSON-LD ({data.get('@type')}) has license {data.get('license')!r}, not {CC_BY!r}"
            )
    assert found, "no page of the built site has JSON-LD at all"


@pytest.mark.parametrize("locale", LANGS)
def test_each_recommendations_json_carries_the_licence_and_the_site(site: Site, locale: str) -> None:
    path = f"{LANGS[locale]}recommendations.json"
    file = site.root / path
    assert file.is_file(), f"the build wrote no {path}"
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data.get("license") == "CC-BY-4.0", f"{path}: top-level license is {data.get('license')!r}, not 'CC-BY-4.0'"
    assert data.get("license_url") == CC_BY, (
        f"{path}: top-level license_url is {data.get('license_url')!r}, not {CC_BY!r}"
    )
    edition = SITE_URL + LANGS[locale]
    assert data.get("site") == edition, (
        f"{path}: top-level site is {data.get('site')!r}, not this edition's address {edition!r}"
    )


@pytest.mark.parametrize("locale", LANGS)
def test_each_sources_page_shows_how_to_cite_the_site_and_a_recommendation(site: Site, locale: str) -> None:
    url = f"{LANGS[locale]}sources/"
    page = site.page(url)
    heading = page.content.find(["h2", "h3"], id="cite")
    assert heading is not None, f"{page.path}: no 'How to cite' section (no heading with id 'cite')"
    citations = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2") or (sibling.name == "h3" and heading.name == "h3"):
            break
        citations += [words(code.get_text()) for code in sibling.find_all("code")]
    assert citations, f"{page.path}#cite: the 'How to cite' section gives no citation (no code block)"

    edition = SITE_URL + LANGS[locale]
    site_name = SITE_NAME[locale]
    recs = {rec.slug: rec for rec in recommendations_of(locale)}
    rec_address = re.compile(re.escape(edition) + r"recommendations/([a-z0-9-]+)/")
    for_site = [c for c in citations if edition in c and not rec_address.search(c)]
    for_rec = [c for c in citations if rec_address.search(c)]
    assert for_site, (
        f"{page.path}#cite: no citation of the site itself at this edition's address {edition!r}: {citations}"
    )
    assert for_rec, (
        f"{page.path}#cite: no citation of a recommendation at an address under {edition}recommendations/: {citations}"
    )

    for kind, cited in (("the site", for_site[0]), ("a recommendation", for_rec[0])):
        assert site_name in cited, (
            f"{page.path}#cite: the citation of {kind} does not give the site's name {site_name!r}: {cited!r}"
        )
        assert re.search(ACCESSED[locale] + r"$", cited), (
            f"{page.path}#cite: the citation of {kind} does not end with the date accessed "
            f"(/{ACCESSED[locale]}/): {cited!r}"
        )
        for address in re.findall(r"https?://[^\s。，]+", cited):
            assert address.rstrip(".").startswith(edition), (
                f"{page.path}#cite: the citation of {kind} gives {address!r}, not an address of this edition "
                f"({edition})"
            )
    # The site's title: its name, and the letter it is about by date (in English, CITATION.cff's title).
    letter_date = LETTER_DATE[locale]
    assert letter_date in for_site[0], (
        f"{page.path}#cite: the citation of the site does not give its full title (no letter date "
        f"{letter_date!r}): {for_site[0]!r}"
    )
    if locale == "en":
        title = words(citation()["title"])
        assert title in for_site[0], (
            f"{page.path}#cite: the citation of the site does not give CITATION.cff's title {title!r}: {for_site[0]!r}"
        )
    slug = rec_address.search(for_rec[0]).group(1)
    assert slug in recs, (
        f"{page.path}#cite: the cited recommendation address names no recommendation ({slug!r}): {for_rec[0]!r}"
    )
    cited_page = f"{LANGS[locale]}recommendations/{slug}/index.html"
    assert (site.root / cited_page).is_file(), (
        f"{page.path}#cite: the cited recommendation has no built page ({cited_page})"
    )
    assert recs[slug].title in for_rec[0], (
        f"{page.path}#cite: the citation of recommendation {slug!r} does not give its {locale} title "
        f"{recs[slug].title!r}: {for_rec[0]!r}"
    )
