"""The outside sources the site cites (``data/sources.yml``): the one place each is kept.

Each source has its address, its name in English and Simplified Chinese (the
Traditional name is made by the conversion), the day it was read, and the
address of an archived copy: the Internet Archive's copy nearest that day,
unless the entry gives another. A source marked ``gone`` is linked through its
archived copy everywhere the site cites it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from mkdocs.exceptions import PluginError

from jointletter.project import Project, parse_yaml, read_text

FILE = "data/sources.yml"
WAYBACK_PREFIX = "https://web.archive.org/web/"
WAYBACK = WAYBACK_PREFIX + "{date:%Y%m%d}/{url}"
# The Sources page, which lists every source (a page name, as MkDocs gives it).
SOURCES_PAGE = "sources"


@dataclass(frozen=True)
class Source:
    key: str
    url: str
    names: tuple[tuple[str, str], ...]  # (locale, name): en, zh-hans
    accessed: datetime.date
    archived: str
    gone: bool = False  # no longer online: cited through its archived copy

    @property
    def link(self) -> str:
        """Where the site's links to it go."""
        return self.archived if self.gone else self.url

    def name(self, locale: str) -> str:
        """The name in an edition's language (Traditional: the Simplified name, to be converted)."""
        names = dict(self.names)
        return names.get("zh-hans" if locale == "zh-hant" else locale) or names["en"]

    def translated(self, locale: str) -> bool:
        """Whether the name shown in this edition is its own (not the English one)."""
        return locale == "en" or "zh-hans" in dict(self.names)


def _source(key: object, entry: object) -> Source:
    where = f"{FILE}: source '{key}'"
    if not isinstance(entry, dict):
        raise PluginError(f"{where}: must have the keys url, name, accessed")
    url = entry.get("url")
    if not isinstance(url, str) or not url.startswith("https://"):
        raise PluginError(f"{where}: 'url' is {url!r}, not an https address")
    names = entry.get("name")
    if not isinstance(names, dict) or not isinstance(names.get("en"), str) or not names["en"].strip():
        raise PluginError(f"{where}: 'name' needs at least its English name (en)")
    accessed = entry.get("accessed")
    try:
        day = datetime.date.fromisoformat(str(accessed))
    except ValueError:
        raise PluginError(f"{where}: 'accessed' is {accessed!r}, not a date (YYYY-MM-DD)") from None
    archived = entry.get("archived") or WAYBACK.format(date=day, url=url)
    if not str(archived).startswith("https://"):
        raise PluginError(f"{where}: 'archived' is {archived!r}, not an https address")
    found = tuple((locale, " ".join(str(names[locale]).split())) for locale in ("en", "zh-hans") if names.get(locale))
    gone = entry.get("gone", False)
    if not isinstance(gone, bool):
        raise PluginError(f"{where}: 'gone' is {gone!r}; it must be true or false")
    return Source(str(key), url, found, day, str(archived), gone)


@lru_cache(maxsize=8)
def _sources(text: str) -> dict[str, Source]:
    data = parse_yaml(text, FILE) or {}
    if not isinstance(data, dict):
        raise PluginError(f"{FILE}: must map each source's key to its entry")
    return {str(key): _source(key, entry) for key, entry in data.items()}


def sources(project: Project) -> dict[str, Source]:
    """Every source, by key, checked."""
    path = project.root / FILE
    if not path.is_file():
        raise PluginError(f"{FILE} is missing: every outside source the site cites is kept there")
    return _sources(read_text(path))


def references(project: Project) -> str:
    """Every source as a Markdown link reference, for the pages to cite by key."""
    return "".join(f"[{key}]: {source.link}\n" for key, source in sources(project).items())


def by_address(project: Project) -> dict[str, Source]:
    """Every source, by each address a page may link it with."""
    return {address: s for s in sources(project).values() for address in (s.url, s.archived)}
