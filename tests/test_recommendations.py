"""All seven recommendations are there, in order, and linked from everywhere they should be,
in each of the three editions (English, Simplified and Traditional Chinese)."""

from __future__ import annotations

import pytest

from conftest import LANGS, Recommendation, Site, below_root, recommendations_of

SECTIONS = {
    "what-the-letter-asks": "What the letter asks",
    "in-the-published-letter": "In the published letter",
    "what-happened-next": "What happened next",
}


class Edition:
    """One language's site: its pages by URL below its root, and its recommendations."""

    def __init__(self, site: Site, locale: str) -> None:
        self.site, self.locale, self.root = site, locale, LANGS[locale]

    def page(self, url: str):
        """A page by its address below the edition's root."""
        return self.site.page(self.root + url)


@pytest.fixture(params=list(LANGS))
def edition(request, site: Site) -> Edition:
    return Edition(site, request.param)


@pytest.fixture
def recs(edition: Edition) -> list[Recommendation]:
    return recommendations_of(edition.locale)


def test_each_has_its_page_with_number_title_and_summary(edition: Edition, recs: list[Recommendation]) -> None:
    for rec in recs:
        content = edition.page(below_root(rec)).content
        h1 = content.select_one("h1")
        assert h1 is not None, f"{rec.url}: no h1"
        assert h1.get_text(" ", strip=True).replace("¶", "").strip() == rec.title, (
            f"{rec.url}: h1 is not the title {rec.title!r}"
        )
        number = content.select_one(".rec-header__number")
        assert number is not None and number.get_text(strip=True) == str(rec.number), (
            f"{rec.url}: numeral {rec.number} missing"
        )
        lede = content.select_one("p.lede")
        assert lede is not None and lede.get_text(strip=True) == rec.summary, (
            f"{rec.url}: summary missing from the lede"
        )
        for anchor, english in SECTIONS.items():
            heading = content.select_one(f"h2#{anchor}")
            assert heading is not None, f"{rec.url}: no section #{anchor}"
            if edition.locale == "en":
                assert heading.get_text(strip=True).rstrip("¶") == english, (
                    f"{rec.url}: #{anchor} is not headed {english!r}"
                )


def test_each_page_gives_the_published_letters_heading(
    edition: Edition, recs: list[Recommendation], recommendations: list[Recommendation]
) -> None:
    for rec, english in zip(recs, recommendations):
        content = edition.page(below_root(rec)).content
        section = content.select_one("#in-the-published-letter")
        assert section is not None, f"{rec.url}: no 'In the published letter' section"
        text = " ".join(" ".join(p.get_text(" ").split()) for p in section.find_next_siblings("p", limit=2))
        # The letter's own (English) heading, quoted exactly, in every edition.
        quoted = text.replace("“ ", "“").replace(" ”", "”").replace("「 ", "「").replace(" 」", "」")
        assert f"“{english.letter_heading}”" in quoted or f"「{english.letter_heading}」" in quoted, (
            f"{rec.url}: the published letter's heading {english.letter_heading!r} is not shown"
        )
        assert rec.letter_heading.replace(" ", "") in text.replace(" ", ""), (
            f"{rec.url}: the heading's rendering {rec.letter_heading!r} is not shown"
        )


def test_nav_lists_them_in_order(edition: Edition, recs: list[Recommendation]) -> None:
    recommendations = recs
    nav = edition.page("recommendations/").soup.select_one("nav.md-nav--primary")
    assert nav is not None, "recommendations index: no primary navigation"
    hrefs = [a["href"] for a in nav.select("a.md-nav__link[href]")]
    places = []
    for rec in recommendations:
        wanted = f"{rec.slug}/"
        assert wanted in hrefs, f"nav: no link to recommendation {rec.number} ({wanted})"
        places.append(hrefs.index(wanted))
    assert places == sorted(places), "nav: recommendations are not in the order 1..7"
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link[href]") if a["href"].endswith("/")]
    for rec in recommendations:
        assert f"{rec.number}. {rec.title}" in labels, (
            f"nav: recommendation {rec.number} is not labelled '{rec.number}. {rec.title}'"
        )


def test_index_lists_them_numbered_with_title_and_summary(edition: Edition, recs: list[Recommendation]) -> None:
    recommendations = recs
    cards = edition.page("recommendations/").content.select(".rec-cards li")
    assert len(cards) == 7, f"recommendations index: {len(cards)} cards, expected 7"
    for rec, card in zip(recommendations, cards):
        assert card.get("value") == str(rec.number), f"recommendations index: card {rec.number} is out of order"
        assert rec.title in card.get_text(" ", strip=True), f"recommendations index: title of {rec.number} missing"
        assert rec.summary in card.get_text(" ", strip=True), f"recommendations index: summary of {rec.number} missing"
        assert card.select_one("a")["href"] == f"{rec.slug}/", (
            f"recommendations index: card {rec.number} does not link to its page"
        )


def test_home_links_each_with_card(edition: Edition, recs: list[Recommendation]) -> None:
    recommendations = recs
    content = edition.page("").content
    cards = content.select(".rec-cards li")
    assert len(cards) == 7, f"home: {len(cards)} recommendation cards, expected 7"
    for rec, card in zip(recommendations, cards):
        assert card.select_one("a")["href"] == below_root(rec), (
            f"home: card {rec.number} does not link to {below_root(rec)}"
        )
        assert card.select_one(".rec-card__number").get_text(strip=True) == str(rec.number), (
            f"home: card {rec.number} has no numeral"
        )
        assert rec.summary in card.get_text(" ", strip=True), f"home: card {rec.number} has no summary"


def test_letter_has_a_heading_and_anchor_for_each(edition: Edition, recs: list[Recommendation]) -> None:
    recommendations = recs
    content = edition.page("letter/").content
    for rec in recommendations:
        heading = content.find(id=rec.slug)
        assert heading is not None and heading.name == "h3", f"letter: no heading with anchor #{rec.slug}"
        text = heading.get_text(" ", strip=True).rstrip("¶").strip()
        assert text == f"{rec.number}. {rec.title}", (
            f"letter: heading #{rec.slug} reads {text!r}, not '{rec.number}. {rec.title}'"
        )
        links = [a["href"] for a in heading.find_all_next("a", limit=6)]
        assert f"../{below_root(rec)}" in links, f"letter: recommendation {rec.number} does not link to its page"


def test_previous_and_next_follow_the_numbers(edition: Edition, recs: list[Recommendation]) -> None:
    """Material's footer: previous and next in the navigation's order, which
    the build holds to the numbers."""
    for i, rec in enumerate(recs):
        footer = edition.page(below_root(rec)).soup.select_one("nav.md-footer__inner")
        assert footer is not None, f"{edition.root}{below_root(rec)}: no previous/next navigation"
        prev = footer.select_one("a.md-footer__link--prev")
        nxt = footer.select_one("a.md-footer__link--next")
        wanted_prev = f"../{recs[i - 1].slug}/" if i else "../"
        assert prev is not None and prev["href"] == wanted_prev, (
            f"{edition.root}{below_root(rec)}: previous is not {wanted_prev}"
        )
        if i + 1 < len(recs):
            assert nxt is not None and nxt["href"] == f"../{recs[i + 1].slug}/", (
                f"{edition.root}{below_root(rec)}: wrong next link"
            )
        assert len(edition.page(below_root(rec)).soup.select("a[rel=prev], a.md-footer__link--prev")) == 1, (
            f"{below_root(rec)}: more than one pager"
        )


def test_sources_table_matches_the_front_matter(
    edition: Edition, recs: list[Recommendation], recommendations: list[Recommendation]
) -> None:
    table = edition.page("sources/").content.select_one("#seven-in-the-report-eight-in-the-letter ~ table")
    assert table is not None, f"{edition.locale} sources: no comparison table"
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    by_report = {row[0]: row for row in rows}
    for rec, english in zip(recs, recommendations):
        row = by_report.get(str(rec.number))
        assert row is not None, f"{edition.locale} sources: no row for recommendation {rec.number}"
        assert row[1] == rec.title, f"{edition.locale} sources: row {rec.number} has title {row[1]!r}"
        if edition.locale == "en":
            assert row[3] == rec.letter_heading, (
                f"sources: row {rec.number} has heading {row[3]!r}, front matter says {rec.letter_heading!r}"
            )
        else:
            assert english.letter_heading in row[3] and rec.letter_heading.replace(" ", "") in row[3].replace(
                " ", ""
            ), (
                f"{edition.locale} sources: row {rec.number} does not give the heading "
                f"{english.letter_heading!r} and its rendering {rec.letter_heading!r}"
            )
    assert any("Focus on technology" in row[3] and row[0] == "—" for row in rows), (
        f"{edition.locale} sources: 'Focus on technology' row missing"
    )
