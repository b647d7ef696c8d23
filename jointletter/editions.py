"""The three editions and the site's interface in each.

English is the site's source language and sits at the root; Simplified
Chinese (mainland usage) and Traditional Chinese (Taiwan's usage, zh-TW) sit
under ``zh-hans/`` and ``zh-hant/``. mkdocs.yml lists the same three for the
i18n plugin, which builds one after the other; ``current()`` says which one a
build is making.

The interface is written here in English and in Simplified Chinese.
Traditional is made from the Simplified strings by the same conversion as the
pages (``jointletter.chinese``), except for the few keys in ``TAIWAN``, where
Taiwan says it otherwise and no conversion can know.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from mkdocs.exceptions import PluginError

from jointletter.chinese import to_traditional


@dataclass(frozen=True)
class Edition:
    locale: str  # the i18n plugin's locale: file suffix and folder
    code: str  # BCP 47: <html lang>, hreflang, JSON-LD inLanguage
    og_locale: str
    name: str  # in its own language, for the language links
    licence: str  # the CC BY 4.0 deed in this language

    @property
    def root(self) -> str:
        """The edition's folder below the site's root ('' for English)."""
        return "" if self.locale == DEFAULT else f"{self.locale}/"

    @property
    def chinese(self) -> bool:
        return self.locale != DEFAULT


DEFAULT = "en"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
EDITIONS: dict[str, Edition] = {
    "en": Edition("en", "en", "en_US", "English", CC_BY),
    "zh-hans": Edition("zh-hans", "zh-Hans", "zh_CN", "简体中文", CC_BY + "deed.zh-hans"),
    "zh-hant": Edition("zh-hant", "zh-Hant", "zh_TW", "繁體中文", CC_BY + "deed.zh-hant"),
}


def current(config: Any) -> Edition:
    """The edition a build is making, as the i18n plugin says (before its
    first on_config it has not set it yet: that is the default language)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured")
    locale = plugin.current_language or plugin.default_language
    if locale not in EDITIONS:
        raise PluginError(f"mkdocs.yml: the i18n plugin builds '{locale}', which jointletter/editions.py does not know")
    return EDITIONS[locale]


def check_plugin_languages(config: Any) -> None:
    """mkdocs.yml's i18n languages are exactly these editions, in this order."""
    plugin = config.plugins.get("i18n")
    listed = [(lang.locale, lang.name, bool(lang.default)) for lang in plugin.config.languages]
    wanted = [(e.locale, e.name, e.locale == DEFAULT) for e in EDITIONS.values()]
    if listed != wanted:
        raise PluginError(
            f"mkdocs.yml: the i18n plugin's languages are {listed}, but jointletter/editions.py has {wanted}"
        )


# The site's own interface. `{n}`, `{total}` ... are filled in where used.
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
        "nav.What happened next": "What happened next",
        "nav.Officials": "Officials",
        "nav.Sources": "Sources",
        "permalink": "Link to this section",
        "languages": "This page in other languages",
        "palette.auto": "Switch to light mode",
        "palette.light": "Switch to dark mode",
        "palette.dark": "Switch to the system's colour scheme",
        "the_seven": "The seven recommendations",
        "recommendation_n_of": "Recommendation {n} of {total}",
        "recommendation_n": "Recommendation {n}",
        "copy_link": "Copy link",
        "copy_link_to": "Copy link to recommendation {n}",
        "copied": "Link copied",
        "copied_status": "Link copied to the clipboard",
        "copy_failed": "Copy failed",
        "copy_failed_status": "The link could not be copied",
        "rec_title": "Recommendation {n}: {title}",
        "card_prefix": "Recommendation {n}: ",
        "image_alt_rec": "Recommendation {n} of {total}: {title}",
        "image_alt_site": "{site}: the joint letter of 17 February 2021 to President Joe Biden",
        "not_found": "Page not found",
        "not_found_text": "There is nothing at this address.",
        "not_found_more": (
            "The site's addresses are kept working when pages move, so a link that led here may have been mistyped."
        ),
        "not_found_home": "Go to the home page",
        "letter_date": "17 February 2021",
        "letter_sender": "24 organizations and individuals",
        "preview_meta": "17 February 2021 · 24 organizations and individuals · to President Joe Biden",
        "preview_site_title": "Make human rights a priority in US policy on China",
        "date": "{day} {month} {year}",
        "months": "January February March April May June July August September October November December",
        "events.heading": "What happened next",
        "events.note": (
            "These events are context. They are not part of the letter, and this site does not claim "
            "the letter caused them."
        ),
        "events.none": "This site has no checked, dated event to record under this recommendation.",
        "events.on_timeline": "All events on the timeline",
        "events.sources": "Sources",
        "events.before": "before the letter",
        "timeline.letter": "The letter is sent",
        "timeline.letter_text": "24 organizations and individuals write to President Biden.",
        "timeline.filter": "Show events for",
        "timeline.all": "All",
        "timeline.tech": "Technology",
        "timeline.context": "Context",
        "timeline.tech_note": "Bears on the letter's “Focus on technology”, which the news report leaves out.",
        "timeline.context_note": "Bears on Xinjiang generally, not on one recommendation.",
        "timeline.recommendation": "Recommendation {n}",
        "timeline.end": "The Biden administration ends on 20 January 2025; the record ends here.",
        "downloads": "Download this site",
        "downloads.text": (
            "Each edition of this site is also one PDF, one HTML file that opens in any browser without a network, "
            "and one EPUB, to keep, print and pass on. The footer of every page links them, with their sizes."
        ),
        "downloads.verify": (
            "To check a file: [SHA256SUMS]({sums}) holds each file's SHA-256 digest, and `sha256sum -c SHA256SUMS`, "
            "run in a folder with the files, checks them. The workflow that builds this site also attests each "
            "file's provenance: `gh attestation verify FILE --repo OWNER/REPO`, with the GitHub repository that "
            "publishes the site, checks that a file is the one it built."
        ),
        "download_item": "{format} · {language} · {size}",
        "carry.contents": "Contents",
        "carry.skip": "Skip to the text",
        "carry.cover_line": "A joint letter to President Joe Biden, {date}",
        "carry.edition_of": "Edition of {date}",
        "carry.address": "Online: {url}",
        "carry.licence": "Text and data: CC BY 4.0, {url}. Quotations remain their authors'.",
        "carry.copy_note": (
            "A copy of the website, to read offline, print and pass on. "
            "The website may have changed since this edition was made."
        ),
        "carry.recommendation_n_of": "Recommendation {n} of {total}",
    },
    "zh-hans": {
        "site_name": "以人权为本的美国对华政策",
        "site_description": (
            "2021年2月17日，24个组织和个人联名致信拜登总统，呼吁让人权成为美国对华政策的优先事项。"
            "本站介绍这封联名信及新闻报道所列的七项建议。"
        ),
        "copyright": (
            '文字与数据：<a href="{licence}" rel="license" lang="en">CC BY 4.0</a>。'
            '引文版权归原作者所有。代码：<span lang="en">MIT</span>。'
        ),
        "data_note": (
            "引文版权归原作者所有，不在本许可范围内。letter_heading 是信件原文的英文标题；"
            "letter_heading_translation 是本站对该标题的中文翻译。"
        ),
        "nav.Home": "首页",
        "nav.The letter": "联名信",
        "nav.Recommendations": "建议",
        "nav.What happened next": "后续进展",
        "nav.Officials": "相关官员",
        "nav.Sources": "资料来源",
        "permalink": "本节链接",
        "languages": "本页的其他语言版本",
        "palette.auto": "切换到浅色模式",
        "palette.light": "切换到深色模式",
        "palette.dark": "跟随系统的颜色模式",
        "the_seven": "七项建议",
        "recommendation_n_of": "建议{n}（共{total}项）",
        "recommendation_n": "建议{n}",
        "copy_link": "复制链接",
        "copy_link_to": "复制第{n}项建议的链接",
        "copied": "已复制链接",
        "copied_status": "链接已复制到剪贴板",
        "copy_failed": "复制失败",
        "copy_failed_status": "无法复制链接",
        "rec_title": "建议{n}：{title}",
        "card_prefix": "建议{n}：",
        "image_alt_rec": "建议{n}（共{total}项）：{title}",
        "image_alt_site": "{site}：2021年2月17日致拜登总统的联名信",
        "not_found": "找不到页面",
        "not_found_text": "这个网址下没有页面。",
        "not_found_more": "本站页面即使移动位置，原来的网址也始终有效，因此您点击的链接可能输错了。",
        "not_found_home": "前往中文首页",
        "letter_date": "2021年2月17日",
        "letter_sender": "24个组织和个人",
        "preview_meta": "2021年2月17日 · 24个组织和个人 · 致拜登总统",
        "preview_site_title": "让人权成为美国对华政策的优先事项",
        "date": "{year}年{month}月{day}日",
        "months": "1 2 3 4 5 6 7 8 9 10 11 12",
        "events.heading": "后续进展",
        "events.note": "以下事件只是背景，不属于信件内容；本站并不声称这些事件是由这封信促成的。",
        "events.none": "本站尚无经过核实、日期确切的事件可列于这项建议之下。",
        "events.on_timeline": "查看全部后续进展",
        "events.sources": "来源",
        "events.before": "写信之前",
        "timeline.letter": "联名信发出",
        "timeline.letter_text": "24个组织和个人致信拜登总统。",
        "timeline.filter": "筛选事件",
        "timeline.all": "全部",
        "timeline.tech": "技术",
        "timeline.context": "背景",
        "timeline.tech_note": (
            '涉及信件的“<span lang="en">Focus on technology</span>”（本站译文：“聚焦技术”）一项，'
            "新闻报道没有提到这一项。"
        ),
        "timeline.context_note": "涉及新疆的整体情况，不针对某一项建议。",
        "timeline.recommendation": "建议{n}",
        "timeline.end": "拜登政府的任期于2025年1月20日结束，本记录到此为止。",
        "downloads": "下载本站",
        "downloads.text": (
            "本站的每个语言版本也制作成一个PDF文件、一个无需联网即可在任何浏览器中打开的HTML文件和一个EPUB电子书，"
            "便于保存、打印和转发。每页的页脚都列出了这些文件及其大小。"
        ),
        "downloads.verify": (
            "如何核对文件：[SHA256SUMS]({sums})列出了每个文件的SHA-256摘要，在存放这些文件的文件夹中运行"
            "`sha256sum -c SHA256SUMS`即可核对。构建本站的工作流程还为每个文件记录了来源证明：运行"
            "`gh attestation verify 文件名 --repo OWNER/REPO`（OWNER/REPO为发布本站的GitHub项目），"
            "即可核实文件确实由它构建。"
        ),
        "download_item": "{format} · {language} · {size}",
        "carry.contents": "目录",
        "carry.skip": "跳到正文",
        "carry.cover_line": "致拜登总统的联名信，{date}",
        "carry.edition_of": "{date}版",
        "carry.address": "网址：{url}",
        "carry.licence": "文字与数据：CC BY 4.0，{url}。引文版权归原作者所有。",
        "carry.copy_note": "本站的副本，可供离线阅读、打印和转发。本版本制作之后，网站内容可能已有更新。",
        "carry.recommendation_n_of": "建议{n}（共{total}项）",
    },
}

# Where Taiwan says a string otherwise than a conversion of the Simplified
# one gives (checked against Taiwan's usage, zh-TW).
TAIWAN: dict[str, str] = {
    "palette.dark": "依照系統的色彩模式",
    "palette.auto": "切換為淺色模式",
    "palette.light": "切換為深色模式",
}

# Material's own interface strings, where its Chinese tables read as machine
# Chinese or use the other script (its zh-Hant "找到 1 个" has a Simplified 个,
# "頁脚" a Simplified 脚). The Traditional ones are made from these too.
MATERIAL: dict[str, str] = {
    "action.skip": "跳到正文",
    "clipboard.copy": "复制",
    "clipboard.copied": "已复制",
    "footer": "页脚",
    "footer.next": "下一页",
    "footer.previous": "上一页",
    "header": "页眉",
    "nav": "导航",
    "search": "搜索",
    "search.placeholder": "搜索",
    "search.share": "分享",
    "search.reset": "清除",
    "search.result.initializer": "正在准备搜索",
    "search.result.placeholder": "输入关键词开始搜索",
    "search.result.none": "没有找到结果",
    "search.result.one": "找到 1 个结果",
    "search.result.other": "找到 # 个结果",
    "search.result.more.one": "本页还有 1 个结果",
    "search.result.more.other": "本页还有 # 个结果",
    "search.result.term.missing": "缺少",
    "select.language": "选择语言",
    "select.version": "选择版本",
    "tabs": "标签页",
    "toc": "目录",
    "top": "回到顶部",
}
MATERIAL_TAIWAN: dict[str, str] = {
    "footer": "頁尾",
    "header": "頁首",
    "nav": "導覽",
    "tabs": "分頁",
    "top": "回到頂端",
    "action.skip": "跳到主要內容",
    "search.result.initializer": "正在準備搜尋",
    "search.result.placeholder": "輸入關鍵字開始搜尋",
}


@cache
def strings(locale: str, terms: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """The site's strings for one edition; `terms` are the glossary's pairs,
    which the Traditional conversion follows."""
    if locale == "zh-hant":
        made = {key: to_traditional(value, terms) for key, value in STRINGS["zh-hans"].items()}
        return made | TAIWAN
    return STRINGS[locale]


@cache
def material_strings(locale: str, terms: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """Material's interface strings the site gives itself, for a Chinese edition."""
    if locale == "zh-hant":
        return {key: to_traditional(value, terms) for key, value in MATERIAL.items()} | MATERIAL_TAIWAN
    return MATERIAL if locale == "zh-hans" else {}


def translate(locale: str, key: str, terms: tuple[tuple[str, str], ...] = (), **values: Any) -> str:
    text = strings(locale, terms).get(key)
    if text is None:
        raise PluginError(f"jointletter/editions.py: no interface string '{key}' for {locale}")
    return text.format(**values) if values else text


def format_date(locale: str, day: Any, terms: tuple[tuple[str, str], ...] = ()) -> str:
    """A date in the edition's own style: 10 December 2021, 2021年12月10日."""
    months = translate(locale, "months", terms).split()
    return translate(locale, "date", terms, day=day.day, month=months[day.month - 1], year=day.year)
