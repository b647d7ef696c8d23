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
    babel: str  # the locale Babel writes dates in

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
    "en": Edition("en", "en", "en_US", "English", CC_BY, "en_GB"),
    "zh-hans": Edition("zh-hans", "zh-Hans", "zh_CN", "简体中文", CC_BY + "deed.zh-hans", "zh_Hans_CN"),
    "zh-hant": Edition("zh-hant", "zh-Hant", "zh_TW", "繁體中文", CC_BY + "deed.zh-hant", "zh_Hant_TW"),
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


STRINGS_FILE = "data/strings.yml"


@cache
def _table() -> dict[str, dict[str, dict[str, str]]]:
    """data/strings.yml: the site's strings and Material's, by key, then locale."""
    from jointletter.project import ROOT, parse_yaml, read_text

    data = parse_yaml(read_text(ROOT / STRINGS_FILE), STRINGS_FILE)
    for section in ("site", "material"):
        for key, entry in data[section].items():
            wanted = ("en", "zh-hans") if section == "site" else ("zh-hans",)
            for locale in wanted:
                if not isinstance(entry, dict) or not isinstance(entry.get(locale), str):
                    raise PluginError(f"{STRINGS_FILE}: {section} string '{key}' has no {locale}")
    return data


def _column(section: str, locale: str) -> dict[str, str]:
    # Chinese strings are written on one line: YAML's folding would put spaces between characters.
    return {key: entry[locale].strip() for key, entry in _table()[section].items() if locale in entry}


@cache
def strings(locale: str, terms: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """The site's strings for one edition; `terms` are the glossary's pairs,
    which the Traditional conversion follows."""
    if locale == "zh-hant":
        made = {key: to_traditional(value, terms) for key, value in _column("site", "zh-hans").items()}
        return made | _column("site", "zh-hant")
    return _column("site", locale)


@cache
def material_strings(locale: str, terms: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """Material's interface strings the site gives itself, for a Chinese edition."""
    if locale == "zh-hant":
        made = {key: to_traditional(value, terms) for key, value in _column("material", "zh-hans").items()}
        return made | _column("material", "zh-hant")
    return _column("material", "zh-hans") if locale == "zh-hans" else {}


def translate(locale: str, key: str, terms: tuple[tuple[str, str], ...] = (), **values: Any) -> str:
    text = strings(locale, terms).get(key)
    if text is None:
        raise PluginError(f"jointletter/editions.py: no interface string '{key}' for {locale}")
    return text.format(**values) if values else text


def format_date(locale: str, day: Any, terms: tuple[tuple[str, str], ...] = ()) -> str:
    """A date in the edition's own style: 10 December 2021, 2021年12月10日."""
    from babel.dates import format_date as babel_date

    return babel_date(day, "long", locale=EDITIONS[locale].babel)
