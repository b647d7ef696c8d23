"""The three editions, and each one's words.

English is the site's source language and sits at the root; Simplified
Chinese (mainland usage) and Traditional Chinese (Taiwan's usage, zh-TW) sit
under ``zh-hans/`` and ``zh-hant/``. ``EDITIONS`` is the one table of them:
mkdocs.yml lists the same three for the i18n plugin, and the build checks it.

A build of one edition speaks through its ``Language``: the interface strings
(``data/strings.yml``), dates (Babel) and the conversion of Simplified text to
the edition's script (Traditional is made from Simplified, with the glossary).
"""

from __future__ import annotations

import datetime
import re
import string
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel.dates import format_date
from mkdocs.exceptions import PluginError

from jointletter import glossary
from jointletter.chinese import to_traditional
from jointletter.project import Project, parse_yaml, read_text

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
STRINGS = "data/strings.yml"


@dataclass(frozen=True)
class Edition:
    locale: str  # the i18n plugin's locale: file suffix and folder
    code: str  # BCP 47: <html lang>, hreflang, JSON-LD inLanguage
    og_locale: str  # Open Graph
    babel: str  # the locale Babel writes dates in
    name: str  # in its own language, for the language links
    deed: str = ""  # the licence deed's language suffix
    cjk: str = ""  # the script of its Chinese faces (Noto Serif CJK SC, TC)

    @property
    def root(self) -> str:
        """The edition's folder below the site's root ('' for English)."""
        return f"{self.locale}/" if self.chinese else ""

    @property
    def chinese(self) -> bool:
        return self.locale != DEFAULT

    @property
    def licence(self) -> str:
        """The CC BY 4.0 deed in this edition's language."""
        return CC_BY + self.deed


DEFAULT = "en"
EDITIONS: dict[str, Edition] = {
    "en": Edition("en", "en", "en_US", "en_GB", "English"),
    "zh-hans": Edition("zh-hans", "zh-Hans", "zh_CN", "zh_Hans_CN", "简体中文", "deed.zh-hans", "SC"),
    "zh-hant": Edition("zh-hant", "zh-Hant", "zh_TW", "zh_Hant_TW", "繁體中文", "deed.zh-hant", "TC"),
}


class Language:
    """One edition's words: its strings, its dates, its script."""

    def __init__(self, edition: Edition, strings: dict[str, str], material: dict[str, str], terms: Any) -> None:
        self.edition = edition
        self.strings = strings
        self.material = material
        self.terms = terms  # the glossary's (Simplified, Traditional) pairs

    def t(self, key: str, **values: Any) -> str:
        """An interface string, its ``{placeholders}`` filled."""
        text = self.strings.get(key)
        if text is None:
            raise PluginError(f"{STRINGS}: no string '{key}' for {self.edition.locale}")
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as error:
            raise PluginError(
                f"{STRINGS}: string '{key}' for {self.edition.locale} ({text!r}) does not take "
                f"{sorted(values)}: {error!r} (placeholders are {{name}}; a brace itself is {{{{ or }}}})"
            ) from None

    def script(self, hans: str, sentence: bool = False) -> str:
        """Simplified text in this edition's script (Traditional: Taiwan's usage)."""
        return to_traditional(hans, self.terms, sentence) if self.edition.locale == "zh-hant" else hans

    def date(self, day: datetime.date, format: str = "long") -> str:
        """17 February 2021, 2021年2月17日."""
        return format_date(day, format, locale=self.edition.babel)

    def date_range(self, start: datetime.date, end: datetime.date) -> list[tuple[str, datetime.date | None]]:
        """A range as parts, each with the day it names (for ``<time>``):
        18–19 March 2021, 2021年3月18日至19日; across months, both in full."""
        to = "至" if self.edition.chinese else " – "
        if (start.year, start.month) != (end.year, end.month):
            return [(self.date(start), start), (to, None), (self.date(end), end)]
        if self.edition.chinese:
            return [(self.date(start), start), ("至", None), (str(end.day), end), ("日", None)]
        return [(str(start.day), start), ("–", None), (str(end.day), end), (" " + self.date(end, "MMMM y"), None)]


def _strings(text: str) -> dict[str, Any]:
    data = parse_yaml(text, STRINGS) if text else None
    if not isinstance(data, dict) or not all(isinstance(data.get(s), dict) for s in ("site", "material")):
        raise PluginError(f"{STRINGS}: must hold the sections site and material")
    for section, wanted in (("site", ("en", "zh-hans")), ("material", ("zh-hans",))):
        for key, entry in data[section].items():
            for locale in wanted:
                if not isinstance(entry, dict) or not isinstance(entry.get(locale), str):
                    raise PluginError(f"{STRINGS}: {section} string '{key}' has no {locale}")
            given = {locale: entry[locale] for locale in ("en", "zh-hans", "zh-hant") if locale in entry}
            for locale, text in given.items():
                if not isinstance(text, str) or not text.strip():
                    raise PluginError(f"{STRINGS}: {section} string '{key}': {locale} must be text, not {text!r}")
                _braces(text, key, locale)
    return data


def _braces(text: str, key: str, locale: str) -> None:
    """Fail on braces that str.format() cannot read (a lone { or })."""
    try:
        list(string.Formatter().parse(text))
    except ValueError as error:
        raise PluginError(
            f"{STRINGS}: string '{key}' for {locale} ({text!r}): {error} (a brace itself is {{{{ or }}}})"
        ) from None


def _column(entries: dict[str, dict[str, str]], locale: str) -> dict[str, str]:
    if locale == DEFAULT:  # English may be folded over lines
        return {key: re.sub(r"\s+", " ", entry[locale]) for key, entry in entries.items() if locale in entry}
    # Chinese is written on one line: folding would put spaces between characters.
    return {key: entry[locale].strip() for key, entry in entries.items() if locale in entry}


@cache
def _language(edition: Edition, strings_text: str, glossary_text: str, project: Project) -> Language:
    """One edition's words, made once per text of the strings and the glossary."""
    data = _strings(strings_text)
    terms = glossary.pairs(project)
    columns = {}
    for section in ("site", "material"):
        if edition.locale == "zh-hant":
            made = {key: to_traditional(value, terms) for key, value in _column(data[section], "zh-hans").items()}
            columns[section] = made | _column(data[section], "zh-hant")
        else:
            columns[section] = _column(data[section], edition.locale)
    return Language(edition, columns["site"], columns["material"], terms)


def language(edition: Edition | str, project: Project) -> Language:
    """An edition's words, made once per content of the strings and the glossary."""
    edition = EDITIONS[edition] if isinstance(edition, str) else edition
    texts = [read_text(p) if p.is_file() else "" for p in (project.root / STRINGS, project.root / glossary.FILE)]
    return _language(edition, *texts, project)
