"""What the pages say: the letter's date and quotations, the officials, the glossary, the chrome."""

from __future__ import annotations

import pytest

from conftest import REPORT_QUOTATIONS, Site

OFFICIALS = {
    "joe-biden": "Joe Biden",
    "jake-sullivan": "Jake Sullivan",
    "antony-blinken": "Antony Blinken",
    "xi-jinping": "Xi Jinping",
}


def test_letter_holds_the_reports_quotations_verbatim(site: Site) -> None:
    quotes = " ".join(q.get_text(" ", strip=True) for q in site.page("letter/").content.select("blockquote"))
    for quotation in REPORT_QUOTATIONS:
        assert quotation in quotes, f"letter: the report's quotation is not in a block quote verbatim: {quotation!r}"


def test_letter_gives_date_addressee_and_subject(site: Site) -> None:
    content = site.page("letter/").content
    time = content.select_one(".letter-date time")
    assert time is not None and time["datetime"] == "2021-02-17", "letter: no date line for 17 February 2021"
    assert time.get_text(strip=True) == "17 February 2021", "letter: the date line does not read 17 February 2021"
    address = content.select_one(".letter-head address")
    assert address is not None and "Joseph R. Biden" in address.get_text(), "letter: no addressee block"
    assert "Re: A Human Rights Approach to US-China Policy" in content.get_text(" "), "letter: no subject line"


@pytest.mark.parametrize("anchor, name", OFFICIALS.items())
def test_each_official_has_a_section_linking_a_recommendation(site: Site, anchor: str, name: str) -> None:
    content = site.page("officials/").content
    heading = content.find(id=anchor)
    assert heading is not None, f"officials: no section with anchor #{anchor}"
    assert heading.get_text(strip=True).rstrip("¶") == name, f"officials: #{anchor} is not headed {name!r}"
    section = heading.find_parent("section")
    assert section is not None, f"officials: {name} is not in a section of their own"
    links = [a["href"] for a in section.select("a[href]")]
    assert any(href.startswith("../recommendations/") for href in links), (
        f"officials: {name} links to no recommendation"
    )


def test_xi_jinping_is_set_apart(site: Site) -> None:
    section = site.page("officials/").content.find(id="xi-jinping").find_parent("section")
    assert "official--pressed" in section["class"], "officials: Xi Jinping is not set apart from the US officials"


def test_abbreviations_show_as_tooltips(site: Site) -> None:
    abbrs = {
        a.get_text(): a["title"] for page in site.html_pages() for a in page.soup.select(".md-content abbr[title]")
    }
    for short in ("UN", "IOC", "OHCHR", "NGOs", "HRIC"):
        assert short in abbrs, f"no <abbr> tooltip for {short} on any page"
    assert abbrs["OHCHR"].startswith("Office of the United Nations High Commissioner")


def test_no_made_with_material_and_no_repository_widget(site: Site) -> None:
    for page in site.html_pages():
        assert "Made with" not in page.html, f"{page.path}: has the 'Made with Material' line"
        assert page.soup.select_one(".md-source") is None, f"{page.path}: has a repository widget"


def test_home_says_what_when_who_and_to_whom(site: Site) -> None:
    hero = site.page("").content.select_one(".hero")
    assert hero is not None, "home: no hero"
    text = hero.get_text(" ", strip=True)
    for wanted in (
        "17 February 2021",
        "24 organizations and individuals",
        "President Joe Biden",
        "A Human Rights Approach to US-China Policy",
    ):
        assert wanted in text, f"home: the opening does not say {wanted!r}"
    button = hero.select_one("a.md-button--primary")
    assert button is not None and button["href"] == "letter/", "home: no primary 'Read the letter' button"
    assert site.page("").soup.select_one(".md-sidebar--primary[hidden]") is not None, (
        "home: the side navigation is shown"
    )


def test_the_home_page_pull_quote_is_the_reports_wording(site: Site) -> None:
    quote = site.page("").content.select_one("figure.pull-quote blockquote")
    assert quote is not None, "home: no pull quote"
    assert REPORT_QUOTATIONS[0] in quote.get_text(" ", strip=True), "home: the pull quote is not the report's wording"


def test_the_site_publishes_only_what_readers_need(site: Site) -> None:
    private = [p for p in site.root.rglob("*") if p.suffix in (".ttf", ".py", ".md", ".txt", ".lock", ".toml")]
    assert not private, f"the built site publishes project files: {[str(p.relative_to(site.root)) for p in private]}"
