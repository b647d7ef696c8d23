"""The Chinese edition: three languages, one site.

mkdocs-static-i18n builds the site once per language: English at the root,
Simplified Chinese under ``zh-hans/``, Traditional under ``zh-hant/``, each
from ``page.md`` and its translations ``page.zh-hans.md`` and
``page.zh-hant.md``. This hook adds what the plugin leaves to us:

- the site's own interface strings in each language (``t()`` in templates),
  Traditional derived from Simplified by OpenCC, so the two cannot drift;
- a check that every page has both translations, naming the missing file;
- per-page alternates: absolute ``hreflang`` links for the three languages
  and ``x-default``, and the header's language switcher;
- each language as a site of its own for Material's script: its own base,
  search index and sitemap, so that search stays in the reader's language
  and instant navigation never crosses languages (a switch of language is a
  full page load, so ``<html lang>`` and the whole interface change with it).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

# The Traditional standard: Taiwan's standard character forms, without
# OpenCC's phrase substitutions (s2twp), which changed the meaning of this
# site's text (支持 "support" became 支援 "aid", 对象 "target" became 物件
# "object", 发布 "publish" became 釋出 "release").
TRADITIONAL = "s2tw"
# Where OpenCC's word segmentation goes wrong on this site's text.
CORRECTIONS = {"附上鍊接": "附上鏈接"}


@dataclass(frozen=True)
class Language:
    locale: str  # the plugin's locale: file suffix and folder
    code: str  # BCP 47: <html lang>, hreflang, JSON-LD inLanguage
    og_locale: str
    name: str  # in its own language, for the switcher

    @property
    def root(self) -> str:
        """The language's folder below the site's root ('' for English)."""
        return "" if self.locale == DEFAULT else f"{self.locale}/"


DEFAULT = "en"
# The licence of the site's text and data, in each language.
LICENCE = {
    "en": "https://creativecommons.org/licenses/by/4.0/",
    "zh-hans": "https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
    "zh-hant": "https://creativecommons.org/licenses/by/4.0/deed.zh-hant",
}
LANGUAGES = {
    "en": Language("en", "en", "en_US", "English"),
    "zh-hans": Language("zh-hans", "zh-Hans", "zh_CN", "简体中文"),
    "zh-hant": Language("zh-hant", "zh-Hant", "zh_TW", "繁體中文"),
}

# The site's own interface, in English and in Simplified Chinese. Traditional
# is derived from Simplified (see strings()). `{n}` and `{total}` are filled
# in by the templates.
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "site_name": "A Human Rights Approach to US-China Policy",
        "site_description": (
            "The joint letter of 17 February 2021 in which 24 organizations and individuals asked "
            "President Joe Biden to make human rights a priority in US-China policy, with its seven "
            "recommendations as reported."
        ),
        "copyright": (
            'Text and data: <a href="{licence}" rel="license">CC BY 4.0</a>. '
            "Quotations remain their authors'. Code: MIT."
        ),
        "data_note": "Quotations remain their authors' and are not covered by the licence.",
        "nav.Home": "Home",
        "nav.The letter": "The letter",
        "nav.Recommendations": "Recommendations",
        "nav.Officials": "Officials",
        "nav.Sources": "Sources",
        "permalink": "Link to this section",
        "language": "Language",
        "the_seven": "The seven recommendations",
        "recommendation_n_of": "Recommendation {n} of {total}",
        "recommendation_n": "Recommendation {n}",
        "copy_link": "Copy link",
        "copy_link_to": "Copy link to recommendation {n}",
        "copied": "Link copied",
        "copied_status": "Link copied to the clipboard",
        "copy_failed": "Copy failed",
        "copy_failed_status": "The link could not be copied",
        "other_recommendations": "Other recommendations",
        "previous": "Previous recommendation",
        "next": "Next recommendation",
        "rec_title": "Recommendation {n}: {title}",
        "card_prefix": "Recommendation {n}: ",
        "image_alt_rec": "Recommendation {n} of {total}: {title}",
        "image_alt_site": "{site}: the joint letter of 17 February 2021 to President Joe Biden",
        "not_found": "Page not found",
        "not_found_text": "There is nothing at this address.",
        "not_found_home": "Go to the home page",
        "letter_date": "17 February 2021",
        "preview_meta": "17 February 2021 · 24 organizations and individuals · to President Joe Biden",
        "preview_site_title": "Make human rights a priority in US policy on China",
    },
    "zh-hans": {
        "site_name": "以人权为本的美国对华政策",
        "site_description": (
            "2021年2月17日，24个组织和个人联名致信拜登总统，呼吁把人权作为美国对华政策的优先事项。"
            "本站介绍这封联名信及新闻报道所列的七项建议。"
        ),
        "copyright": '文字与数据：<a href="{licence}" rel="license" lang="en">CC BY 4.0</a>。引文版权归原作者所有。代码：<span lang="en">MIT</span>。',
        "data_note": (
            "引文版权归原作者所有，不在本许可范围内。letter_heading 是信件原文的英文标题；"
            "letter_heading_translation 是它的中文译法：第1项采用中国人权发表的译法，其余各项为本站自译。"
        ),
        "nav.Home": "首页",
        "nav.The letter": "联名信",
        "nav.Recommendations": "建议",
        "nav.Officials": "相关官员",
        "nav.Sources": "资料来源",
        "permalink": "本节链接",
        "language": "语言",
        "the_seven": "七项建议",
        "recommendation_n_of": "建议 {n}（共 {total} 项）",
        "recommendation_n": "建议 {n}",
        "copy_link": "复制链接",
        "copy_link_to": "复制建议 {n} 的链接",
        "copied": "已复制链接",
        "copied_status": "链接已复制到剪贴板",
        "copy_failed": "复制失败",
        "copy_failed_status": "无法复制链接",
        "other_recommendations": "其他建议",
        "previous": "上一项建议",
        "next": "下一项建议",
        "rec_title": "建议 {n}：{title}",
        "card_prefix": "建议 {n}：",
        "image_alt_rec": "建议 {n}（共 {total} 项）：{title}",
        "image_alt_site": "{site}：2021年2月17日致拜登总统的联名信",
        "not_found": "找不到页面",
        "not_found_text": "此地址没有任何内容。",
        "not_found_home": "前往中文首页",
        "letter_date": "2021年2月17日",
        "preview_meta": "2021年2月17日 · 24个组织和个人 · 致拜登总统",
        "preview_site_title": "让人权成为美国对华政策的优先事项",
    },
}


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC(TRADITIONAL)


def to_traditional(text: str) -> str:
    """Simplified to Traditional, by OpenCC with the site's chosen standard."""
    text = _converter().convert(text)
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


@lru_cache(maxsize=None)
def strings(locale: str) -> dict[str, str]:
    if locale == "zh-hant":
        return {key: to_traditional(value) for key, value in STRINGS["zh-hans"].items()}
    return STRINGS[locale]


def translate(locale: str, key: str, **values: Any) -> str:
    text = strings(locale).get(key)
    if text is None:
        raise PluginError(f"overrides/hooks/i18n.py: no interface string '{key}' for {locale}")
    return text.format(**values) if values else text


# Pages of every language, for the sitemaps: locale -> [(url, lastmod, alternates)]
_pages: dict[str, list[tuple[str, str, dict[str, str]]]] = {}


def current(config: MkDocsConfig) -> Language:
    return LANGUAGES[config.theme["language"]]


def _i18n(config: MkDocsConfig):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured")
    return plugin


# The plugin warns that Material's instant navigation and its contextual
# language switcher do not mix. Here they do: each language is its own site
# for instant navigation, and the switcher's links are full page loads.
class _InstantNavigationIsHandled(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_InstantNavigationIsHandled())


@plugins.event_priority(-110)  # after the plugin has set the build's language
def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    lang = current(config)
    if not _i18n(config).building:  # the first of the three builds
        _pages.clear()
    config.site_name = translate(lang.locale, "site_name")
    config.site_description = translate(lang.locale, "site_description")
    config.copyright = translate(lang.locale, "copyright", licence=LICENCE[lang.locale])
    # Readers' choices (light or dark) hold across the three languages.
    site_path = urlsplit(config.site_url or "/").path or "/"
    config.extra["scope"] = site_path
    # Until a page sets its own (on_page_context), the alternates are the
    # three home pages: so it is on the 404 page, which has no page.
    config.extra.alternate = _alternate_list({locale: other.root for locale, other in LANGUAGES.items()}, lang, config.site_url, lambda url: site_path + url)
    # Each language writes its own sitemap (on_post_build); the 404 page is
    # the English build's, with a line in each language.
    templates = config.theme.static_templates
    templates.discard("sitemap.xml")
    if lang.locale == DEFAULT:
        templates.add("404.html")
    else:
        templates.discard("404.html")
    return config


@plugins.event_priority(-110)  # after the plugins' own on_files
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    lang = current(config)
    redirects = config.plugins.get("redirects")
    if lang.locale != DEFAULT and redirects is not None:
        # A moved page keeps its old address in every language: the redirect
        # maps in mkdocs.yml name English files; in a Chinese build they
        # mean the same page below that language's folder.
        redirects.redirects = {f"{lang.root}{old}": new for old, new in redirects.redirects.items()}
        redirects.doc_pages = {getattr(file, "norm_src_uri", file.src_uri): file for file in files.documentation_pages()}
    if lang.locale != DEFAULT:
        # The theme's files (Material's scripts, the site's assets) are the
        # same for every language: the English build has written them.
        docs = Path(config.docs_dir)
        for file in [f for f in files if not f.is_documentation_page() and not Path(f.abs_src_path or "").is_relative_to(docs)]:
            files.remove(file)
        return files
    docs = Path(config.docs_dir)
    missing = []
    for page in files.documentation_pages():
        source = Path(page.abs_src_path or "")
        for locale in LANGUAGES:
            if locale != DEFAULT and not source.with_suffix(f".{locale}.md").is_file():
                missing.append(f"docs/{source.with_suffix(f'.{locale}.md').relative_to(docs).as_posix()}")
    if missing:
        hint = "write the Simplified page; the Traditional one is made from it by `uv run python scripts/traditional.py`"
        raise PluginError(f"{missing[0]}: translation missing ({hint})" + (f"; also {', '.join(missing[1:])}" if missing[1:] else ""))
    return files


@plugins.event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    locale = current(config).locale

    def walk(items) -> None:
        for item in items:
            if isinstance(item, (Section, Page)) and item.title and f"nav.{item.title}" in strings(DEFAULT):
                item.title = translate(locale, f"nav.{item.title}")
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


class _Bytecode(BytecodeCache):
    """Compiled templates, kept across the three builds (one compile each)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_bytecode = _Bytecode()


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    lang = current(config)
    env.bytecode_cache = _bytecode
    env.globals["site_lang"] = lang
    env.globals["t"] = lambda key, **values: translate(lang.locale, key, **values)
    env.globals["languages"] = LANGUAGES
    env.globals["translate"] = translate
    return env


def _check_front_matter(page: Page) -> None:
    """A translation has exactly the front matter keys of its English page."""
    locale = getattr(page.file, "localization", None)
    if locale in (None, DEFAULT) or not page.file.abs_src_path:
        return
    english = Path(page.file.abs_src_path.replace(f".{locale}.md", ".md"))
    if not english.is_file():
        return  # on_files has named the page that is missing
    src = f"docs/{page.file.src_uri}"
    english_src = f"docs/{page.file.src_uri.replace(f'.{locale}.md', '.md')}"
    keys = set(get_data(english.read_text(encoding="utf-8"))[1])
    missing, extra = sorted(keys - set(page.meta)), sorted(set(page.meta) - keys)
    if missing:
        raise PluginError(f"{src}: front matter key '{missing[0]}' is missing ({english_src} has it)")
    if extra:
        raise PluginError(f"{src}: front matter key '{extra[0]}' is not in {english_src}; a translation has the same keys")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    _check_front_matter(page)
    # A ready citation needs the published address: %SITE_URL% is the
    # address of the page's edition (its language's home page).
    return markdown.replace("%SITE_URL%", config.site_url + current(config).root)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    locale = current(config).locale
    if locale == DEFAULT:
        return html
    english = translate(DEFAULT, "permalink")
    return html.replace(f'title="{english}"', f'title="{translate(locale, "permalink")}"')


def _alternates(page: Page, config: MkDocsConfig) -> dict[str, str]:
    """The page's address in each language, site-relative ('' is the home page)."""
    found = getattr(page.file, "alternates", {})
    urls = {}
    for locale, lang in LANGUAGES.items():
        file = found.get(locale)
        if file is None:
            raise PluginError(f"docs/{page.file.src_uri}: no {lang.name} version of this page")
        urls[locale] = "" if file.url in (".", "./") else file.url
    return urls


def _alternate_list(urls: dict[str, str], lang: Language, site_url: str, href) -> list[dict[str, Any]]:
    """For Material's templates: each language's address (absolute, for the
    hreflang links), the link from here (for the switcher), and x-default."""
    return [
        {
            "name": LANGUAGES[locale].name,
            "lang": LANGUAGES[locale].code,
            "link": site_url + url,
            "href": href(url),
            "current": locale == lang.locale,
        }
        for locale, url in urls.items()
    ] + [{"lang": "x-default", "link": site_url + urls[DEFAULT]}]


@plugins.event_priority(-110)  # after the plugin's own alternates
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, **kwargs: Any) -> dict[str, Any]:
    lang = current(config)
    # Material's script reads its search index and sitemap at this base:
    # the language's own folder.
    context["base_url"] = get_relative_url(lang.root or "./", page.url).rstrip("/") or "."
    urls = _alternates(page, config)
    # Attribute, not item: the plugin sets it so, and templates read it so.
    config.extra.alternate = _alternate_list(urls, lang, config.site_url, lambda url: get_relative_url(url or "./", page.url))
    _pages.setdefault(lang.locale, []).append((page.url, page.update_date, urls))
    return context


def _sitemap(site_url: str, pages: list[tuple[str, str, dict[str, str]]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, lastmod, urls in sorted(pages):
        lines += ["  <url>", f"    <loc>{escape(site_url + ('' if url in ('.', './') else url))}</loc>", f"    <lastmod>{lastmod}</lastmod>"]
        for locale, alternate in urls.items():
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{LANGUAGES[locale].code}" href="{escape(site_url + alternate)}"/>')
        lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{escape(site_url + urls[DEFAULT])}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _split_search_index(site_dir: Path) -> None:
    """One search index per language, at the language's own base."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for locale, lang in LANGUAGES.items():
        others = tuple(other.root for other in LANGUAGES.values() if other.root and other is not lang)
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if lang.root and location.startswith(lang.root):
                docs.append({**doc, "location": location[len(lang.root):]})
            elif not lang.root and not location.startswith(others):
                docs.append(doc)
        out = site_dir / lang.root / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        data = {"config": index["config"], "docs": docs}
        out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@plugins.event_priority(-110)  # after the plugin has built the other languages
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if _i18n(config).building:
        return  # one language of three: the first build finishes the site
    site_dir = Path(config.site_dir)
    for locale, lang in LANGUAGES.items():
        sitemap = site_dir / lang.root / "sitemap.xml"
        sitemap.parent.mkdir(parents=True, exist_ok=True)
        sitemap.write_text(_sitemap(config.site_url, _pages.get(locale, [])), encoding="utf-8")
    _split_search_index(site_dir)
