"""Simplified to Traditional Chinese: Taiwan's usage, with a reviewed list of exceptions.

The Simplified text is the source; every Traditional text (the pages, the
interface strings, the events) is made from it here, so the two scripts
cannot drift. The conversion is OpenCC's ``s2twp``: Taiwan's standard
character forms *and* Taiwan's phrasing (鏈接 becomes 連結, 數據 資料). Where a
phrase substitution would change this site's meaning, or where Taiwan names a
person or body otherwise, the reviewed exceptions win:

- ``EXCEPTIONS`` below: substitutions of OpenCC's that change the meaning here
  (支持 "support" is not 支援 "aid"; 对象 "target" is not 物件 "object");
- the glossary (``data/glossary.yml``): every term's one Traditional rendering
  (Jake Sullivan is 蘇利文 in Taiwan, 沙利文 on the mainland).

Quotation marks become Taiwan's 「」 (『』 inside) where they enclose Chinese
text or an English phrase set in Chinese text; an English quotation keeps its
own “ ” and apostrophes. A phrase quoted from HRIC's Chinese translation keeps
HRIC's words: it is converted character by character only (``s2tw``), which
gives HRIC's wording in Taiwan's standard forms (HRIC's own Traditional page is
a mechanical conversion that writes 爲, 于, 衆).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from jointletter import glossary
from jointletter.project import Project, read_text

# What OpenCC's Taiwan phrasing (s2twp) would change in this site's meaning,
# found by comparing s2tw and s2twp over every page: Simplified -> Traditional.
EXCEPTIONS: dict[str, str] = {
    "支持": "支持",  # support, not 支援 (aid)
    "对象": "對象",  # the target of pressure, not 物件 (object)
    "发布": "發布",  # publish, not 釋出 (release)
    "声明": "聲明",  # a statement, not 宣告 (declaration)
    "联系": "聯繫",  # ties, not 聯絡 (contact)
    "程序代码": "程式碼",  # OpenCC makes 程式程式碼
    "制裁项目": "制裁計畫",  # a sanctions programme
    "人权项目": "人權計畫",  # the Uyghur Human Rights Project
    "制裁": "制裁",  # OpenCC makes 美國製裁 of 美国制裁
    "吴英杰": "吳英杰",  # a name: 杰 is his, not 傑
    "高级专员": "高級專員",  # not 高階專員
    "视频会晤": "視訊會晤",  # not 影片會晤
    "计划": "計畫",  # Taiwan's standard form
    "报道": "報導",
    # Taiwan's words for terms the glossary has in one Simplified spelling
    # (data/glossary.yml gives the sources): the other spellings.
    "在网上": "在網路上",  # online: Taiwan's 網路 (網上 is Hong Kong's and the mainland's)
    "物联网": "物聯網",  # Taiwan's form too: kept from 联网 -> 連網 (glossary)
    "公民社会活动人士": "公民社會運動人士",  # activists (glossary, 活动人士: 社運人士)
    "社会活动人士": "社運人士",
    "人权活动人士": "人權運動人士",
    "民主活动人士": "民主運動人士",
    "社会活动家": "社運人士",
    "人权活动家": "人權運動人士",
    "活动家": "社運人士",
    "异见": "異議",  # dissidents: 異議人士 (glossary, 异见人士); 异见者 異議者
    "水军": "網軍",  # online troll army (glossary, 网络水军)
    "GitHub 仓库": "GitHub 儲存庫",  # a repository (glossary, GitHub仓库)
    "GitHub项目": "GitHub儲存庫",  # s2twp: GitHub專案
    "GitHub 项目": "GitHub 儲存庫",
    "GitHub存储库": "GitHub儲存庫",
    "GitHub 存储库": "GitHub 儲存庫",
    "GitHub代码库": "GitHub儲存庫",
    "GitHub 代码库": "GitHub 儲存庫",
    "代码仓库": "程式碼儲存庫",
    "技术监控": "科技監控",  # technological surveillance (glossary, 聚焦技术)
    "标为“技术”": "標為“科技”",  # the timeline's label (strings: timeline.tech)
    "监控技术": "監控科技",  # surveillance technology, as 技术监控 above
    # Taiwan's words where the mainland's survive s2twp; the Taiwanese sources:
    # - 力道: the MOE's 重編國語辭典修訂本 marks 力度 as mainland usage, as quoted at
    #   https://vocus.cc/article/amp/678b9cf7fd897800010d715f
    # - 紀錄 for the noun, 記錄 for the verb (法律統一用字表, as the Executive Yuan
    #   reminded its offices): https://tw.appledaily.com/new/realtime/20190411/1548728/
    # - 透過 "by way of": https://developer.android.com/studio/build?hl=zh-tw
    # - 本機 "local": https://learn.microsoft.com/zh-tw/windows/win32/win_cert/certification-requirements-for-windows-desktop-apps
    # - 回報問題 (Google's Taiwan pages): https://bazel.build/docs/build?hl=zh-tw
    # - 無法連上 a site: Yahoo News Taiwan (用戶都無法成功連上),
    #   https://tw.news.yahoo.com/x-chatgpt-%E7%9B%B4%E9%80%A3%E4%B8%8D%E4%B8%8A-%E7%96%91cloudflare%E6%95%85%E9%9A%9C%E5%85%A8%E7%90%83%E5%A4%A7%E7%95%B6%E6%A9%9F-130729209.html
    # - 驗證 a file (驗證檔案完整性) by its 雜湊值: https://ivonblog.com/posts/windows-verify-file-checksum
    "力度": "力道",
    "不添加": "不添加",  # add (to the text): s2twp's 新增 is "add a new item"
    "修订记录": "修訂紀錄",
    "这些记录": "這些紀錄",
    "本记录": "本紀錄",
    "通过GitHub仓库": "透過GitHub儲存庫",  # 通过 meaning "pass" stays 通過
    "该仓库": "該儲存庫",  # repository (glossary, GitHub仓库)
    "[仓库]": "[儲存庫]",
    "本地构建": "本機建置",
    "提交问题报告": "回報問題",
    "报告错误": "回報錯誤",
    "无法访问": "無法連上",
    "访问的日期": "瀏覽的日期",  # as 访问日期 (glossary: 瀏覽日期)
    "校验值": "雜湊值",  # a file's SHA-256 hash (glossary, SHA-256摘要)
    "校验": "驗證",
    # Quoted items in a list take 、 between them in Taiwan (the MOE's 重訂標點符號手冊:
    # 頓號 between parallel words, as quoted at https://miousi.pixnet.net/blog/post/28684931/);
    # the mainland may leave it out (GB/T 15834-2011). HRIC's renderings on the letter page:
    "”“美利坚合众国总统": "”、“美利堅合眾國總統",
}

# HRIC's Chinese translation of the letter: phrases the site quotes from it,
# in HRIC's Simplified wording. Converted character by character only.
HRIC_PHRASES: tuple[str, ...] = (
    "致拜登政府的联署信：将人权作为对华政策的中心",
    "关于：以人权为中心制定对华政策",
    "以人权为中心制定对华政策",
    "24个致力于促进中国尊重人权的组织和个人",
    "约瑟夫·R·拜登",
    "美利坚合众国总统",
    "国家安全顾问杰克·沙利文",
    "国务卿安东尼·布林肯",
    "中国国家主席习近平",
    "将人权作为对华政策的中心",
    "香港和新疆维吾尔地区",
)

CJK = "\u3400-\u9fff\uf900-\ufaff"
# A quoted span on one line: “...” with no other opening mark inside.
QUOTED = re.compile(r"“([^“”\n]*)”")
INNER = re.compile(r"‘([^‘’\n]*)’")


@cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


@cache
def _fixed(terms: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], re.Pattern[str]]:
    """Every phrase with a reviewed Traditional form, and a pattern that finds
    them, longest first."""
    fixed = {hans: _opencc("s2tw").convert(hans) for hans in HRIC_PHRASES}
    fixed |= EXCEPTIONS
    fixed |= dict(terms)
    pattern = re.compile("|".join(re.escape(p) for p in sorted(fixed, key=len, reverse=True)))
    return fixed, pattern


def _convert_words(text: str, terms: tuple[tuple[str, str], ...]) -> str:
    fixed, pattern = _fixed(terms)
    out, start = [], 0
    for match in pattern.finditer(text):
        out.append(_opencc("s2twp").convert(text[start : match.start()]))
        out.append(fixed[match.group()])
        start = match.end()
    out.append(_opencc("s2twp").convert(text[start:]))
    return "".join(out)


def _is_chinese_quotation(inner: str) -> bool:
    """A quotation set in Chinese text: it holds Chinese, or it is an English
    phrase marked as such inside Chinese text (“<span lang="en">…</span>”)."""
    return bool(re.search(f"[{CJK}]", inner)) or inner.startswith('<span lang="en">')


def taiwan_quotes(text: str, sentence: bool = False) -> str:
    """“” to 「」 and ‘’ to 『』 around Chinese quotations; English ones stay.
    In a Chinese sentence (`sentence`), every quotation is set in Chinese text."""

    def chinese(inner: str) -> bool:
        return sentence or _is_chinese_quotation(inner)

    def inner(match: re.Match[str]) -> str:
        return f"『{match.group(1)}』" if chinese(match.group(1)) else match.group()

    def outer(match: re.Match[str]) -> str:
        if not chinese(match.group(1)):
            return match.group()
        return f"「{INNER.sub(inner, match.group(1))}」"

    return QUOTED.sub(outer, text)


def to_traditional(text: str, terms: Iterable[tuple[str, str]] = (), sentence: bool = False) -> str:
    """Simplified text (Markdown, a string, a sentence) in Taiwan's Traditional
    usage; `terms` are the glossary's (Simplified, Traditional) pairs. A
    `sentence` is Chinese throughout: its English quotations take 「」 too."""
    return taiwan_quotes(_convert_words(text, tuple(sorted(terms))), sentence)


def query_table(words: Iterable[str], locale: str, terms: Iterable[tuple[str, str]] = ()) -> dict[str, dict[str, str]]:
    """For search in either script: how a query typed in the other script
    becomes this edition's. `words` are the Simplified source's words (as
    search cut them). ``chars``: each character as the other script writes
    it (Taiwan's and Hong Kong's forms on the Simplified edition), where that
    is never ambiguous; ``words``: the words that differ otherwise (网络 is
    網路 in Taiwan; 制 is 製 in 製造 but stays 制 in 制裁). Only what the site
    holds: the browser gets a table of a few kilobytes, not a dictionary."""
    terms = tuple(sorted(terms))
    pairs: list[tuple[str, str]] = []  # (as the other script types it, as this edition writes it)
    for word in sorted(set(words)):
        hant = to_traditional(word, terms)
        if locale == "zh-hans":
            forms = {hant, _opencc("s2tw").convert(word), _opencc("s2hk").convert(word)}
            pairs += [(form, word) for form in sorted(forms)]
        else:
            pairs.append((word, hant))
    own = {char for _, written in pairs for char in written}
    candidates: dict[str, set[str]] = {}
    for typed, written in pairs:
        if len(typed) == len(written):
            for a, b in zip(typed, written):
                candidates.setdefault(a, set()).add(b)
    # A character is mapped only where it always becomes the same one and is
    # never written as itself in this edition.
    chars = {a: next(iter(b)) for a, b in candidates.items() if len(b) == 1 and a not in own and a not in b}
    phrases = {}
    for typed, written in pairs:
        if typed != written and "".join(chars.get(c, c) for c in typed) != written:
            phrases[typed] = written
    return {"chars": dict(sorted(chars.items())), "words": dict(sorted(phrases.items()))}


TRADITIONAL_NOTICE = "# Made from {name} by scripts/traditional.py: edit that file, not this one.\n"


def traditional_page(project: Project, source: Path) -> str:
    """The Traditional page for a Simplified one (``page.zh-hans.md``): its
    whole text converted, with a notice that says where it comes from."""
    text = to_traditional(read_text(source), glossary.pairs(project)).replace('lang="zh-Hans"', 'lang="zh-Hant"')
    # Where a page links HRIC's Simplified translation or the licence's
    # Simplified deed, the Traditional page links the Traditional one.
    text = text.replace("[簡體中文版][hric-hans]", "[繁體中文版][hric-hant]").replace("][cc-by-hans]", "][cc-by-hant]")
    return "---\n" + TRADITIONAL_NOTICE.format(name=source.name) + text.removeprefix("---\n")


def traditional_pages(project: Project) -> list[tuple[Path, Path]]:
    """Every Simplified page and the Traditional page made from it."""
    return [
        (hans, hans.with_name(hans.name.replace(".zh-hans.md", ".zh-hant.md")))
        for hans in sorted(project.docs.rglob("*.zh-hans.md"))
    ]
