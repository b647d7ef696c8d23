"""The three editions: languages, alternates, switcher, search, sitemaps, the Chinese text itself."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import hanzidentifier
import pytest

from conftest import HTML_LANG, LANGS, ROOT, SITE_URL, Site, load, read_recommendations

NAMES = {"en": "English", "zh-hans": "简体中文", "zh-hant": "繁體中文"}
# The news report's two quotations, and the Nile Post's, exactly as published.
QUOTATIONS = (
    "your government’s actions and response are critical to stopping – and perhaps even reversing – this crisis.",
    "Our organizations look forward to working with you and your government in this urgent task.",
    "President Xi and his government are assaulting human rights on a scale unprecedented in decades.",
)
TRANSLATION_LABEL = {"zh-hans": "本站译文", "zh-hant": "本站譯文"}
HRIC = {"zh-hans": "https://www.hrichina.org/chs/", "zh-hant": "https://www.hrichina.org/cht/"}


def pages_of(site: Site, locale: str):
    """Every page a reader can open in one edition (not the 404 page, not redirects)."""
    others = tuple(root for code, root in LANGS.items() if root and code != locale)
    for page in site.html_pages():
        path = page.path.as_posix()
        if path == "404.html" or not page.soup.select_one(".md-content"):
            continue
        if (LANGS[locale] and path.startswith(LANGS[locale])) or (not LANGS[locale] and not path.startswith(others)):
            yield page


def below_root(page, locale: str) -> str:
    return page.path.as_posix().removesuffix("index.html")[len(LANGS[locale]):]


@pytest.mark.parametrize("locale", LANGS)
def test_every_page_has_its_language_and_alternates(site: Site, locale: str) -> None:
    pages = list(pages_of(site, locale))
    assert len(pages) == 12, f"{locale}: {len(pages)} pages, expected 12"
    for page in pages:
        html_lang = page.soup.html.get("lang")
        assert html_lang == HTML_LANG[locale], f"{page.path}: <html lang={html_lang!r}>, expected {HTML_LANG[locale]!r}"
        url = below_root(page, locale)
        links = {link["hreflang"]: link["href"] for link in page.soup.select('link[rel="alternate"][hreflang]')}
        wanted = {HTML_LANG[code]: SITE_URL + root + url for code, root in LANGS.items()} | {"x-default": SITE_URL + url}
        assert links == wanted, f"{page.path}: hreflang alternates are {links}, expected {wanted}"


@pytest.mark.parametrize("locale", LANGS)
def test_the_switcher_goes_to_the_same_page_in_each_language(site: Site, locale: str) -> None:
    for page in pages_of(site, locale):
        links = page.soup.select(".md-header .md-select__link")
        assert [a.get_text(strip=True) for a in links] == list(NAMES.values()), f"{page.path}: switcher reads {[a.get_text(strip=True) for a in links]}"
        url = below_root(page, locale)
        for link, (code, root) in zip(links, LANGS.items()):
            assert link["lang"] == link["hreflang"] == HTML_LANG[code], f"{page.path}: {NAMES[code]} is not marked as {HTML_LANG[code]}"
            assert link["target"] == "_self", f"{page.path}: the switch to {NAMES[code]} is not a full page load"
            target = (page.path.parent / link["href"]).as_posix()
            wanted = (Path(root + url) if root + url else Path(".")).as_posix()
            assert Path(target).resolve() == (Path(wanted)).resolve() or target.rstrip("/.") == wanted.rstrip("/"), (
                f"{page.path}: {NAMES[code]} links to {link['href']}, not to /{root}{url}"
            )
            assert ("aria-current" in link.attrs) == (code == locale), f"{page.path}: aria-current is wrong on {NAMES[code]}"
        button = page.soup.select_one(".md-header .md-select button")
        assert button is not None and button.get("aria-label"), f"{page.path}: the switcher's button has no name"


@pytest.mark.parametrize("locale", LANGS)
def test_each_edition_has_its_own_search_index_and_sitemap(site: Site, locale: str) -> None:
    root = LANGS[locale]
    index = json.loads((site.root / root / "search" / "search_index.json").read_text(encoding="utf-8"))
    urls = {below_root(page, locale) for page in pages_of(site, locale)}
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == urls, f"{locale}: the search index covers {sorted(locations ^ urls)} wrongly"
    if locale != "en":
        assert "\u200b" in index["config"]["separator"] or "u200b" in index["config"]["separator"], "the search separator does not split Chinese words"
        text = " ".join(doc["text"] for doc in index["docs"])
        assert re.search(r"[\u4e00-\u9fff]\u200b[\u4e00-\u9fff]", text), f"{locale}: Chinese text in the index is not cut into words"
    sitemap = (site.root / root / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(locs) == sorted(SITE_URL + root + url for url in urls), f"{locale}: sitemap lists {locs}"
    for url in urls:
        for code, other in LANGS.items():
            assert f'hreflang="{HTML_LANG[code]}" href="{SITE_URL + other + url}"' in sitemap, f"{locale} sitemap: no {code} alternate for /{root}{url}"
        assert f'hreflang="x-default" href="{SITE_URL + url}"' in sitemap, f"{locale} sitemap: no x-default for /{root}{url}"


def test_a_chinese_search_index_is_at_most_half_as_large_again(site: Site) -> None:
    sizes = {code: len(gzip.compress((site.root / root / "search" / "search_index.json").read_bytes(), 9, mtime=0)) for code, root in LANGS.items()}
    for code in ("zh-hans", "zh-hant"):
        assert sizes[code] <= 1.5 * sizes["en"], f"{code}: search index {sizes[code]} bytes compressed, English {sizes['en']}: more than half as large again"


def test_the_base_of_each_page_is_its_editions_root(site: Site) -> None:
    for locale, root in LANGS.items():
        for page in pages_of(site, locale):
            config = json.loads(page.soup.select_one("#__config").string)
            base = (page.path.parent / config["base"]).as_posix()
            assert Path(base).resolve() == (Path(root or ".")).resolve(), f"{page.path}: Material's base is {config['base']}, not the {locale} root"


def test_traditional_pages_are_made_from_the_simplified_ones() -> None:
    traditional = load("scripts/traditional.py")
    for hans, hant in traditional.pages():
        assert hant.is_file(), f"{hant.relative_to(ROOT)} is missing: run `uv run python scripts/traditional.py`"
        made = traditional.traditional(hans, hans.read_text(encoding="utf-8"))
        assert hant.read_text(encoding="utf-8") == made, (
            f"{hant.relative_to(ROOT)} is not what {hans.name} gives (edit the Simplified page, then run `uv run python scripts/traditional.py`)"
        )


def han(text: str) -> set[str]:
    return {c for c in text if "\u3400" <= c <= "\u9fff"}


@pytest.mark.parametrize("locale, other", [("zh-hans", hanzidentifier.TRADITIONAL), ("zh-hant", hanzidentifier.SIMPLIFIED)])
def test_no_character_of_the_other_script(site: Site, locale: str, other: int) -> None:
    traditional = load("scripts/traditional.py")
    allowed = set()
    if locale == "zh-hant":  # HRIC's own Traditional wording, quoted exactly
        allowed = {c for phrase in traditional.HRIC.values() for c in phrase}
    problems = []
    for page in pages_of(site, locale):
        # All a reader or a screen reader meets: text, labels, titles, alt
        # texts, metadata, the site's strings; not what is marked as another
        # language (the switcher names each language in its own script).
        text = []
        for tag in page.soup.find_all(True):
            if tag.find_parent(lang=True) is not None and tag.find_parent(lang=True).get("lang") != HTML_LANG[locale]:
                continue
            if tag.get("lang", HTML_LANG[locale]) != HTML_LANG[locale]:
                continue
            text += [str(s) for s in tag.find_all(string=True, recursive=False)]
            text += [value for value in tag.attrs.values() if isinstance(value, str)]
        wrong = sorted(c for c in han(" ".join(text)) - allowed if hanzidentifier.identify(c) == other)
        if wrong:
            problems.append(f"{page.path}: {''.join(wrong)}")
    script = "Traditional" if other == hanzidentifier.TRADITIONAL else "Simplified"
    assert not problems, f"{script}-only characters on {locale} pages:\n" + "\n".join(problems)


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_quotations_stay_in_english_with_a_labelled_translation(site: Site, locale: str) -> None:
    content = site.page(LANGS[locale] + "letter/").content
    for figure in content.select("figure.quotation"):
        quote = figure.select_one("blockquote p")
        assert quote is not None and quote.get("lang") == "en", f"{locale} letter: a quotation is not marked as English"
        following = figure.find_next_sibling()
        assert following is not None and "quote-translation" in following.get("class", []), f"{locale} letter: a quotation has no translation after it"
        assert following.get_text(strip=True).startswith(TRANSLATION_LABEL[locale]), f"{locale} letter: the translation is not labelled {TRANSLATION_LABEL[locale]!r}"
    quotes = " ".join(q.get_text(" ", strip=True) for q in content.select("figure.quotation blockquote"))
    for quotation in QUOTATIONS:
        assert quotation in quotes, f"{locale} letter: the quotation is not given verbatim in English: {quotation!r}"
    pull = site.page(LANGS[locale]).content.select_one("figure.pull-quote")
    assert pull is not None and QUOTATIONS[0] in pull.get_text(" ", strip=True), f"{locale} home: the pull quote is not the report's wording"
    assert TRANSLATION_LABEL[locale] in pull.find_next_sibling().get_text(), f"{locale} home: the pull quote has no labelled translation"


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_chinese_letter_and_sources_link_hrics_chinese_text(site: Site, locale: str) -> None:
    for url in ("letter/", "sources/"):
        links = [a["href"] for a in site.page(LANGS[locale] + url).content.select("a[href]")]
        assert any(href.startswith(HRIC[locale]) or href.startswith(HRIC["zh-hans"]) for href in links), f"{locale} {url}: no link to HRIC's Chinese text"
    sources = site.page(LANGS[locale] + "sources/").content.get_text()
    assert "本站" in sources and ("翻译" in sources or "翻譯" in sources or "译" in sources or "譯" in sources), f"{locale} sources: does not say the translation is the site's own"


@pytest.mark.parametrize("locale", LANGS)
def test_the_interface_is_in_the_pages_language(site: Site, locale: str) -> None:
    rec = read_recommendations(locale)[3]
    page = site.page(LANGS[locale] + rec.url)
    meta = page.content.select_one(".rec-header__meta").get_text(" ", strip=True)
    wanted = {"en": "Recommendation 4 of 7", "zh-hans": "建议 4（共 7 项）", "zh-hant": "建議 4（共 7 項）"}[locale]
    assert wanted in meta, f"{locale}: the recommendation line reads {meta!r}"
    pager = page.content.select_one("nav.rec-pager")
    assert pager["aria-label"] == {"en": "Other recommendations", "zh-hans": "其他建议", "zh-hant": "其他建議"}[locale], f"{locale}: pager label {pager['aria-label']!r}"
    search = page.soup.select_one("input.md-search__input")["placeholder"]
    assert search == {"en": "Search", "zh-hans": "搜索", "zh-hant": "搜尋"}[locale], f"{locale}: search placeholder {search!r}"
    strings = json.loads(page.soup.select_one("#__site").string)
    assert strings["copied"] == {"en": "Link copied", "zh-hans": "已复制链接", "zh-hant": "已複製鏈接"}[locale], f"{locale}: copy-link strings {strings}"


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_chinese_previews(site: Site, locale: str) -> None:
    from PIL import Image

    og_locale = {"zh-hans": "zh_CN", "zh-hant": "zh_TW"}[locale]
    english = {rec.slug: rec for rec in read_recommendations()}
    for rec in read_recommendations(locale):
        page = site.page(LANGS[locale] + rec.url)
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.soup.select("meta[content]")}
        assert meta["og:locale"] == og_locale, f"{page.path}: og:locale {meta['og:locale']}"
        assert rec.title in meta["og:title"] and meta["og:description"] == rec.summary, f"{page.path}: the preview is not in {locale}"
        image = meta["og:image"]
        assert image == f"{SITE_URL}assets/social/{locale}/{rec.slug}.png", f"{page.path}: og:image {image}"
        path = site.root / image.removeprefix(SITE_URL)
        assert Image.open(path).size == (1200, 630), f"{path.name}: not 1200x630"
        assert path.read_bytes() != (site.root / f"assets/social/{rec.slug}.png").read_bytes(), f"{path}: same image as the English one"
        data = json.loads(page.soup.select_one('script[type="application/ld+json"]').string)
        assert data["inLanguage"] == HTML_LANG[locale], f"{page.path}: JSON-LD inLanguage {data['inLanguage']}"
        assert english[rec.slug].number == rec.number


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_every_character_drawn_is_in_the_font(locale: str) -> None:
    from fontTools.ttLib import TTFont

    fonts = load("scripts/subset_fonts.py")
    text = fonts.drawn(locale)
    name = f"NotoSerifCJK{'sc' if locale == 'zh-hans' else 'tc'}-Bold.subset.otf"
    font = TTFont(ROOT / "fonts" / name)
    cmap = font.getBestCmap()
    missing = [c for c in text if ord(c) not in cmap]
    assert not missing, f"fonts/{name} lacks {''.join(missing)}: run `uv run python scripts/subset_fonts.py`"
    assert len(cmap) < 400, f"fonts/{name} holds {len(cmap)} characters: it is not cut down to those drawn"


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_each_edition_publishes_its_recommendations_json(site: Site, locale: str) -> None:
    data = json.loads((site.root / LANGS[locale] / "recommendations.json").read_text(encoding="utf-8"))
    recs = read_recommendations(locale)
    assert [(e["number"], e["slug"], e["title"], e["summary"]) for e in data["recommendations"]] == [
        (r.number, r.slug, r.title, r.summary) for r in recs
    ], f"{locale}/recommendations.json does not match the {locale} front matter"
    assert all(e["url"] == SITE_URL + LANGS[locale] + r.url for e, r in zip(data["recommendations"], recs)), f"{locale}/recommendations.json: wrong addresses"
    # The letter's own heading stays in English; the Chinese rendering is labelled as such.
    english = read_recommendations("en")
    for entry, rec, original in zip(data["recommendations"], recs, english):
        assert entry["letter_heading"] == original.letter_heading, (
            f"{locale}/recommendations.json: entry {rec.number}'s letter_heading is {entry['letter_heading']!r}, "
            f"not the letter's own words {original.letter_heading!r}"
        )
        assert entry["letter_heading_translation"] == rec.letter_heading, (
            f"{locale}/recommendations.json: entry {rec.number} has no letter_heading_translation from its front matter"
        )
    assert "letter_heading_translation" in data["note"], f"{locale}/recommendations.json: the note does not explain the translated headings"
    links = [a["href"] for a in site.page(LANGS[locale] + "sources/").content.select("a[href]")]
    assert "../recommendations.json" in links, f"{locale} sources: no link to its recommendations.json"


def test_the_404_page_speaks_all_three_languages(site: Site) -> None:
    page = site.page("404.html")
    for locale, root in LANGS.items():
        if not root:
            continue
        section = page.soup.select_one(f'section[lang="{HTML_LANG[locale]}"]')
        assert section is not None, f"404: no section in {locale}"
        link = section.select_one("a[href]")
        assert link is not None and link["href"].endswith(f"/{root}"), f"404: the {locale} line does not link to its home page"


def test_the_traditional_script_reports_nothing_out_of_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "traditional.py"), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_search_dictionary_is_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "search_dictionary.py"), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
