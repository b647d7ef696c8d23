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

from conftest import (
    HTML_LANG,
    LANGS,
    NILE_POST,
    REPORT_QUOTATIONS,
    ROOT,
    SITE_URL,
    Site,
    below_root,
    recommendations_of,
)
from jointletter import glossary
from jointletter.chinese import to_traditional
from jointletter.previews import drawn
from jointletter.project import Project

NAMES = {"en": "English", "zh-hans": "简体中文", "zh-hant": "繁體中文"}
QUOTATIONS = (*REPORT_QUOTATIONS, NILE_POST)
TRANSLATION_LABEL = {"zh-hans": "本站译文", "zh-hant": "本站譯文"}
HRIC = {"zh-hans": "https://www.hrichina.org/chs/", "zh-hant": "https://www.hrichina.org/cht/"}


@pytest.mark.parametrize("locale", LANGS)
def test_every_page_has_its_language_and_links_to_the_same_page_in_each_edition(site: Site, locale: str) -> None:
    """<html lang>, and the bar of languages (Material's announcement bar, which
    instant navigation replaces with each page). No page has a <link
    rel=alternate>: Material's script would fetch a sitemap beside each; the
    alternates are in the sitemaps (next test)."""
    pages = list(site.pages_of(locale))
    assert len(pages) == 13, f"{locale}: {len(pages)} pages, expected 13"
    for page in pages:
        html_lang = page.soup.html.get("lang")
        assert html_lang == HTML_LANG[locale], f"{page.path}: <html lang={html_lang!r}>, expected {HTML_LANG[locale]!r}"
        assert not page.soup.select("link[rel=alternate]"), (
            f"{page.path}: a <link rel=alternate>, for which Material would fetch a sitemap that does not exist"
        )
        links = page.soup.select('[data-md-component="announce"] nav.site-languages a')
        assert [a.get_text(strip=True) for a in links] == list(NAMES.values()), (
            f"{page.path}: the languages read {[a.get_text(strip=True) for a in links]}"
        )
        url = below_root(page, locale)
        for link, (code, root) in zip(links, LANGS.items()):
            assert link["lang"] == link["hreflang"] == HTML_LANG[code], (
                f"{page.path}: {NAMES[code]} is not marked as {HTML_LANG[code]}"
            )
            target = (Path("/") / page.path.parent / link["href"]).resolve()
            wanted = (Path("/") / (root + url)).resolve()
            assert target == wanted, f"{page.path}: {NAMES[code]} links to {link['href']}, not to /{root}{url}"
            assert ("aria-current" in link.attrs) == (code == locale), (
                f"{page.path}: aria-current is wrong on {NAMES[code]}"
            )


@pytest.mark.parametrize("locale", LANGS)
def test_each_edition_has_its_own_search_index_and_sitemap(site: Site, locale: str) -> None:
    root = LANGS[locale]
    index = json.loads((site.root / root / "search" / "search_index.json").read_text(encoding="utf-8"))
    urls = {below_root(page, locale) for page in site.pages_of(locale)}
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == urls, f"{locale}: the search index covers {sorted(locations ^ urls)} wrongly"
    if locale != "en":
        assert "\u200b" in index["config"]["separator"] or "u200b" in index["config"]["separator"], (
            "the search separator does not split Chinese words"
        )
        text = " ".join(doc["text"] for doc in index["docs"])
        assert re.search(r"[\u4e00-\u9fff]\u200b[\u4e00-\u9fff]", text), (
            f"{locale}: Chinese text in the index is not cut into words"
        )
        # How a query typed in the other script becomes this edition's (the site's script converts it).
        table = json.loads((site.root / root / "search" / "script.json").read_text(encoding="utf-8"))
        typed, wanted = ("維吾爾", "维吾尔") if locale == "zh-hans" else ("维吾尔", "維吾爾")
        assert "".join(table["chars"].get(c, c) for c in typed) == wanted, f"{locale}: {typed} does not become {wanted}"
        typed, wanted = ("網路", "网络") if locale == "zh-hans" else ("网络", "網路")
        assert table["words"].get(typed) == wanted, f"{locale}: the word {typed} does not become {wanted}"
        size = len(gzip.compress(json.dumps(table).encode(), 9, mtime=0))
        assert size < 4000, f"{locale}: the conversion table is {size} bytes compressed: more than the site's words"
    sitemap = (site.root / root / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(locs) == sorted(SITE_URL + root + url for url in urls), f"{locale}: sitemap lists {locs}"
    for url in urls:
        for code, other in LANGS.items():
            assert f'hreflang="{HTML_LANG[code]}" href="{SITE_URL + other + url}"' in sitemap, (
                f"{locale} sitemap: no {code} alternate for /{root}{url}"
            )
        assert f'hreflang="x-default" href="{SITE_URL + url}"' in sitemap, (
            f"{locale} sitemap: no x-default for /{root}{url}"
        )


def test_a_chinese_search_index_is_at_most_1_6_times_the_english_one(site: Site) -> None:
    sizes = {
        code: len(gzip.compress((site.root / root / "search" / "search_index.json").read_bytes(), 9, mtime=0))
        for code, root in LANGS.items()
    }
    for code in ("zh-hans", "zh-hant"):
        assert sizes[code] <= 1.6 * sizes["en"], (
            f"{code}: search index {sizes[code]} bytes compressed, English {sizes['en']}: more than 1.6 times"
        )


def test_the_base_of_each_page_is_its_editions_root(site: Site) -> None:
    for locale, root in LANGS.items():
        for page in site.pages_of(locale):
            config = json.loads(page.soup.select_one("#__config").string)
            base = (page.path.parent / config["base"]).as_posix()
            assert Path(base).resolve() == (Path(root or ".")).resolve(), (
                f"{page.path}: Material's base is {config['base']}, not the {locale} root"
            )


# Words the mainland writes and Taiwan writes otherwise (Taiwan's form after
# each): none may stand on a Traditional page.
MAINLAND_ONLY = {
    "鏈接": "連結",
    "互聯網": "網際網路",
    "數據": "資料",
    "程序代碼": "程式碼",
    "剪貼板": "剪貼簿",
    "訪問日期": "瀏覽日期",
    "頁腳": "頁尾",
    "報道": "報導",
    "信息": "資訊",
    "視頻": "影片",
    "軟件": "軟體",
    "默認": "預設",
    "沙利文": "蘇利文",
    "國際奧委會": "國際奧會",
    "普薩基": "莎琪",
    "哈里斯": "賀錦麗",
    "定向制裁": "針對性制裁",
    "活動人士": "社運人士",
    "活動家": "社運人士",
    "異見": "異議",
    "水軍": "網軍",
    "構建": "建置",
    "生成了建置": "產生了建置",
    "無需聯網": "無需連網",
    "在網上": "在網路上",
    "GitHub專案": "GitHub儲存庫",
    "GitHub項目": "GitHub儲存庫",
    "許可範圍": "授權範圍",
    "人臉識別": "臉部辨識",
    "特別專案工作組": "專項工作小組",
    "郵政編碼": "郵遞區號",
    "力度": "力道",
    "伍德賽德": "伍塞德",
    "監控技術": "監控科技",
    "一概不新增": "一概不添加",
    "修訂記錄": "修訂紀錄",
    "這些記錄": "這些紀錄",
    "本記錄": "本紀錄",
    "知識共享": "創用CC",
    "通過GitHub": "透過GitHub",
    "倉庫": "儲存庫",
    "本地建置": "本機建置",
    "提交問題報告": "回報問題",
    "報告錯誤": "回報錯誤",
    "無法訪問": "無法連上",
    "訪問的日期": "瀏覽的日期",
    "校驗": "驗證",
    "工作流建置": "工作流程建置",
    "工作流還": "工作流程還",
    "拜登」「美利堅": "拜登」、「美利堅",
}


# Traditional forms that are not Taiwan's standard ones (Taiwan's after each):
# HRIC's Traditional page, a mechanical conversion, writes several of them.
VARIANTS = {
    "爲": "為",
    "衆": "眾",
    "幷": "並",
    "綫": "線",
    "裏": "裡",
    "峯": "峰",
    "羣": "群",
    "啓": "啟",
    "關于": "關於",
}


def reader_text(page, locale: str) -> list[str]:
    """All a reader or a screen reader meets on a page in its language: text,
    labels, titles, alt texts, metadata, the strings Material's and the site's
    scripts show (JSON); not what is marked as another language."""
    text = []
    for tag in page.soup.find_all(True):
        marked = tag.find_parent(lang=True)
        if marked is not None and marked.get("lang") != HTML_LANG[locale]:
            continue
        if tag.get("lang", HTML_LANG[locale]) != HTML_LANG[locale]:
            continue
        if tag.name == "script" and tag.get("type") == "application/json":
            data = json.loads(tag.string)
            text += [str(v) for v in (data.get("translations") or data).values() if isinstance(v, str)]
            continue
        if tag.name not in ("script", "style"):
            text += [str(s) for s in tag.find_all(string=True, recursive=False)]
        text += [value for value in tag.attrs.values() if isinstance(value, str)]
    return text


def chinese_pages(site: Site, locale: str):
    """The edition's pages and its not-found page."""
    yield from site.pages_of(locale)
    yield site.page(f"{LANGS[locale]}404.html")


def test_traditional_pages_follow_taiwan_usage_and_the_glossary(site: Site) -> None:
    """Taiwan's words and 「」 quotation marks on every Traditional page, and
    no Chinese page uses a rendering the glossary rules out."""
    problems = []
    for page in chinese_pages(site, "zh-hant"):
        text = " ".join(reader_text(page, "zh-hant"))
        problems += [
            f"{page.path}: {word} (Taiwan writes {taiwan})" for word, taiwan in MAINLAND_ONLY.items() if word in text
        ]
        problems += [
            f"{page.path}: {form} (Taiwan's standard form is {std})" for form, std in VARIANTS.items() if form in text
        ]
        if "“" in text or "”" in text:
            problems.append(f"{page.path}: “ ” quotation marks outside English text (Taiwan writes 「」)")
    terms = glossary.glossary(Project(ROOT))
    assert terms, "data/glossary.yml holds no terms"
    for locale in ("zh-hans", "zh-hant"):
        for page in site.pages_of(locale):
            text = " ".join(reader_text(page, locale))
            for term in terms:
                for avoid in term.avoid:
                    form = avoid if locale == "zh-hans" else to_traditional(avoid, glossary.pairs(Project(ROOT)))
                    if locale == "zh-hant" and term.hant in form:
                        continue  # the conversion itself gives the wanted form
                    if form in text:
                        problems.append(
                            f"{page.path}: {form!r}, where the glossary has "
                            f"{term.hans if locale == 'zh-hans' else term.hant!r} for {term.en!r}"
                        )
    assert not problems, "\n".join(problems)


def han(text: str) -> set[str]:
    return {c for c in text if "\u3400" <= c <= "\u9fff"}


@pytest.mark.parametrize(
    "locale, other", [("zh-hans", hanzidentifier.TRADITIONAL), ("zh-hant", hanzidentifier.SIMPLIFIED)]
)
def test_no_character_of_the_other_script(site: Site, locale: str, other: int) -> None:
    """Quotations of HRIC included: they are given in the edition's standard forms."""
    problems = []
    for page in chinese_pages(site, locale):
        wrong = sorted(c for c in han(" ".join(reader_text(page, locale))) if hanzidentifier.identify(c) == other)
        if wrong:
            problems.append(f"{page.path}: {''.join(wrong)}")
    script = "Traditional" if other == hanzidentifier.TRADITIONAL else "Simplified"
    assert not problems, f"{script}-only characters on {locale} pages:\n" + "\n".join(problems)


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_no_english_left_in_the_interface(site: Site, locale: str) -> None:
    """Every string the chrome shows or speaks, the not-found page included, is
    Chinese: labels, titles, placeholders, tooltips (abbreviations too), the
    scripts' strings."""
    problems = []
    for page in chinese_pages(site, locale):
        words = [t.strip() for t in reader_text(page, locale)]
        english = [t for t in words if re.fullmatch(r"[A-Z][a-z]+(?: [a-z']+){1,}\.?", t)]
        for abbr in page.soup.select(".md-content abbr[title]"):
            if not han(abbr["title"]):
                english.append(f"abbr {abbr.get_text()}: {abbr['title']}")
        if english:
            problems.append(f"{page.path}: {sorted(set(english))[:8]}")
    assert not problems, f"English in the {locale} interface:\n" + "\n".join(problems)


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_quotations_stay_in_english_with_a_labelled_translation(site: Site, locale: str) -> None:
    content = site.page(LANGS[locale] + "letter/").content
    for figure in content.select("figure.quotation"):
        quote = figure.select_one("blockquote p")
        assert quote is not None and quote.get("lang") == "en", f"{locale} letter: a quotation is not marked as English"
        following = figure.find_next_sibling()
        assert following is not None and "quote-translation" in following.get("class", []), (
            f"{locale} letter: a quotation has no translation after it"
        )
        assert following.get_text(strip=True).startswith(TRANSLATION_LABEL[locale]), (
            f"{locale} letter: the translation is not labelled {TRANSLATION_LABEL[locale]!r}"
        )
    quotes = " ".join(q.get_text(" ", strip=True) for q in content.select("figure.quotation blockquote"))
    for quotation in QUOTATIONS:
        assert quotation in quotes, f"{locale} letter: the quotation is not given verbatim in English: {quotation!r}"
    pull = site.page(LANGS[locale]).content.select_one("figure.pull-quote")
    assert pull is not None and QUOTATIONS[0] in pull.get_text(" ", strip=True), (
        f"{locale} home: the pull quote is not the report's wording"
    )
    assert TRANSLATION_LABEL[locale] in pull.find_next_sibling().get_text(), (
        f"{locale} home: the pull quote has no labelled translation"
    )


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_chinese_letter_and_sources_link_hrics_chinese_text(site: Site, locale: str) -> None:
    for url in ("letter/", "sources/"):
        links = [a["href"] for a in site.page(LANGS[locale] + url).content.select("a[href]")]
        assert any(href.startswith(HRIC[locale]) or href.startswith(HRIC["zh-hans"]) for href in links), (
            f"{locale} {url}: no link to HRIC's Chinese text"
        )
    sources = site.page(LANGS[locale] + "sources/").content.get_text()
    assert "本站" in sources and ("翻译" in sources or "翻譯" in sources or "译" in sources or "譯" in sources), (
        f"{locale} sources: does not say the translation is the site's own"
    )


@pytest.mark.parametrize("locale", LANGS)
def test_the_interface_is_in_the_pages_language(site: Site, locale: str) -> None:
    rec = recommendations_of(locale)[3]
    page = site.page(rec.url)
    meta = page.content.select_one(".rec-header__meta").get_text(" ", strip=True)
    wanted = {"en": "Recommendation 4 of 7", "zh-hans": "建议4（共7项）", "zh-hant": "建議4（共7項）"}[locale]
    assert wanted in meta, f"{locale}: the recommendation line reads {meta!r}"
    search = page.soup.select_one("input.md-search__input")["placeholder"]
    assert search == {"en": "Search", "zh-hans": "搜索", "zh-hant": "搜尋"}[locale], (
        f"{locale}: search placeholder {search!r}"
    )
    strings = json.loads(page.soup.select_one("#__site").string)
    assert strings["copied"] == {"en": "Link copied", "zh-hans": "已复制链接", "zh-hant": "已複製連結"}[locale], (
        f"{locale}: copy-link strings {strings}"
    )


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_chinese_previews(site: Site, locale: str) -> None:
    from PIL import Image

    og_locale = {"zh-hans": "zh_CN", "zh-hant": "zh_TW"}[locale]
    english = {rec.slug: rec for rec in recommendations_of()}
    for rec in recommendations_of(locale):
        page = site.page(rec.url)
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.soup.select("meta[content]")}
        assert meta["og:locale"] == og_locale, f"{page.path}: og:locale {meta['og:locale']}"
        assert rec.title in meta["og:title"] and meta["og:description"] == rec.summary, (
            f"{page.path}: the preview is not in {locale}"
        )
        image = meta["og:image"]
        assert image == f"{SITE_URL}assets/social/{locale}/{rec.slug}.png", f"{page.path}: og:image {image}"
        path = site.root / image.removeprefix(SITE_URL)
        assert Image.open(path).size == (1200, 630), f"{path.name}: not 1200x630"
        assert path.read_bytes() != (site.root / f"assets/social/{rec.slug}.png").read_bytes(), (
            f"{path}: same image as the English one"
        )
        data = json.loads(page.soup.select_one('script[type="application/ld+json"]').string)
        assert data["inLanguage"] == HTML_LANG[locale], f"{page.path}: JSON-LD inLanguage {data['inLanguage']}"
        assert english[rec.slug].number == rec.number


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_every_character_drawn_is_in_the_font(locale: str) -> None:
    from fontTools.ttLib import TTFont

    text = drawn(Project(ROOT), locale)
    name = f"NotoSerifCJK{'sc' if locale == 'zh-hans' else 'tc'}-Bold.subset.otf"
    font = TTFont(ROOT / "fonts" / name)
    cmap = font.getBestCmap()
    missing = [c for c in text if ord(c) not in cmap]
    assert not missing, f"fonts/{name} lacks {''.join(missing)}: run `uv run python scripts/subset_fonts.py`"
    assert len(cmap) < 400, f"fonts/{name} holds {len(cmap)} characters: it is not cut down to those drawn"


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_each_edition_publishes_its_recommendations_json(site: Site, locale: str) -> None:
    data = json.loads((site.root / LANGS[locale] / "recommendations.json").read_text(encoding="utf-8"))
    recs = recommendations_of(locale)
    assert [(e["number"], e["slug"], e["title"], e["summary"]) for e in data["recommendations"]] == [
        (r.number, r.slug, r.title, r.summary) for r in recs
    ], f"{locale}/recommendations.json does not match the {locale} front matter"
    assert all(e["url"] == SITE_URL + r.url for e, r in zip(data["recommendations"], recs)), (
        f"{locale}/recommendations.json: wrong addresses"
    )
    # The letter's own heading stays in English; the Chinese rendering is labelled as such.
    english = recommendations_of("en")
    for entry, rec, original in zip(data["recommendations"], recs, english):
        assert entry["letter_heading"] == original.letter_heading, (
            f"{locale}/recommendations.json: entry {rec.number}'s letter_heading is {entry['letter_heading']!r}, "
            f"not the letter's own words {original.letter_heading!r}"
        )
        assert entry["letter_heading_translation"] == rec.letter_heading, (
            f"{locale}/recommendations.json: entry {rec.number} has no letter_heading_translation from its front matter"
        )
    assert "letter_heading_translation" in data["note"], (
        f"{locale}/recommendations.json: the note does not explain the translated headings"
    )
    links = [a["href"] for a in site.page(LANGS[locale] + "sources/").content.select("a[href]")]
    assert "../recommendations.json" in links, f"{locale} sources: no link to its recommendations.json"


def test_each_edition_has_its_not_found_page(site: Site) -> None:
    """The root 404 page speaks all three languages without JavaScript, and
    with it sends a missing Chinese address to its edition's own page."""
    page = site.page("404.html")
    for locale, root in LANGS.items():
        if not root:
            continue
        section = page.soup.select_one(f'section[lang="{HTML_LANG[locale]}"]')
        assert section is not None, f"404: no section in {locale}"
        link = section.select_one("a[href]")
        assert link is not None and link["href"].endswith(f"/{root}"), (
            f"404: the {locale} line does not link to its home page"
        )
        assert f"{root}404.html" in page.html, f"404: does not send a missing {locale} address to {root}404.html"
        own = site.page(f"{root}404.html")
        assert own.soup.html["lang"] == HTML_LANG[locale], f"{root}404.html is not in {locale}"
        config = json.loads(own.soup.select_one("#__config").string)
        assert config["base"] == ".", f"{root}404.html: Material's base is {config['base']}, not its edition's root"
    for name in ("404.html", "zh-hans/404.html", "zh-hant/404.html"):
        assert site.page(name).soup.select_one('meta[name="robots"][content="noindex"]'), (
            f"{name}: not kept out of search engines"
        )


def test_the_search_dictionary_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "search_dictionary.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("locale", ["zh-hans", "zh-hant"])
def test_chinese_labels_take_chinese_punctuation(site: Site, locale: str) -> None:
    """What the chrome speaks or titles: full-width colons after Chinese ("上一页：首页", not
    "上一页: 首页"), and one separator in page titles (｜), never "-" or "–"."""
    problems = []
    for page in chinese_pages(site, locale):
        title = page.soup.title.get_text() if page.soup.title else ""
        if title.count("｜") != 1 or any(dash in title for dash in (" - ", "–", "—")):
            problems.append(f"{page.path}: title {title!r}")
        labels = [el.get(attr) for attr in ("aria-label", "title") for el in page.soup.select(f"[{attr}]")]
        problems += [f"{page.path}: {label!r}" for label in labels if re.search(r"[\u3400-\u9fff]\s?:", label)]
    assert not problems, f"ASCII punctuation in the {locale} chrome:\n" + "\n".join(sorted(set(problems))[:10])
