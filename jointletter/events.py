"""The record: the checked events, from just before the letter to the administration's end, in data/events.yml.

One entry per event, oldest first: its address (date and a short slug), its
date, the recommendation it bears on, its sources (link references defined in
``data/sources.yml``, the one place each outside source is kept) and its
text in English and Simplified Chinese. The Traditional text is made by the
conversion, so no event's text is written twice. The build renders every
event on its recommendation's page and on the timeline, and puts them in
``recommendations.json``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from jointletter.project import Project, parse_yaml, read_text
from jointletter.sources import FILE as SOURCES
from jointletter.sources import Source, sources

if TYPE_CHECKING:
    from jointletter.editions import Language

FILE = "data/events.yml"
LETTER = datetime.date(2021, 2, 17)
# The record's span: the Biden administration.
START = datetime.date(2021, 1, 20)
END = datetime.date(2025, 1, 20)
TOPICS = ("tech", "context")  # the letter's "Focus on technology"; no single recommendation
ID = re.compile(r"(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Event:
    id: str
    date: datetime.date
    end: datetime.date | None
    rec: int | str  # 1..7, "tech" or "context"
    sources: tuple[Source, ...]
    en: str
    hans: str

    @property
    def before_letter(self) -> bool:
        return self.date < LETTER

    def text(self, words: Language) -> str:
        """The event in an edition's language."""
        return words.script(self.hans, sentence=True) if words.edition.chinese else self.en


WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"


def _words(text: str) -> str:
    """Lines joined: with a space in English, with none between Chinese characters."""
    text = " ".join(text.split())
    return re.sub(f"(?<={WIDE}) (?={WIDE})", "", text)


def _date(value: object, where: str, key: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise PluginError(f"{where}: '{key}' is {value!r}, not a real calendar date (YYYY-MM-DD)") from None


def _event(entry: object, where: str, known: dict[str, Source]) -> Event:
    if not isinstance(entry, dict):
        raise PluginError(f"{where}: must be a set of keys (id, date, rec, sources, en, zh-hans)")
    date = _date(entry.get("date"), where, "date")
    if not START <= date <= END:
        raise PluginError(f"{where}: date {date} falls outside the record's span, {START} to {END}")
    end = _date(entry["end"], where, "end") if entry.get("end") is not None else None
    if end is not None and not date < end <= END:
        raise PluginError(f"{where}: end {end} must come after date {date}, within the record's span")
    event_id = str(entry.get("id") or "")
    match = ID.fullmatch(event_id)
    if not match or match.group(1) != date.isoformat():
        raise PluginError(f"{where}: 'id' must be its date and a short slug, like {date}-a-short-slug")
    rec = entry.get("rec")
    if not (rec in TOPICS or (isinstance(rec, int) and not isinstance(rec, bool) and 1 <= rec <= 7)):
        raise PluginError(f"{where}: 'rec' is {rec!r}; it must be a recommendation's number (1 to 7), tech or context")
    keys = entry.get("sources")
    if not isinstance(keys, list) or not keys:
        raise PluginError(f"{where}: 'sources' must name at least one source (a key in {SOURCES})")
    found = []
    for key in keys:
        if key not in known:
            raise PluginError(f"{where}: source '{key}' is not in {SOURCES}")
        found.append(known[key])
    texts = {}
    for key in ("en", "zh-hans"):
        text = entry.get(key)
        if not isinstance(text, str) or not text.strip():
            raise PluginError(f"{where}: the text in '{key}' is missing")
        texts[key] = _words(text)
    return Event(event_id, date, end, rec, tuple(found), texts["en"], texts["zh-hans"])


def events(project: Project) -> list[Event]:
    """Every event, checked, oldest first."""
    path = project.root / FILE
    if not path.is_file():
        raise PluginError(f"{FILE} is missing: the timeline and the recommendations' events are made from it")
    return list(_events(read_text(path), tuple(sources(project).items())))


@lru_cache(maxsize=8)
def _events(text: str, known: tuple[tuple[str, Source], ...]) -> tuple[Event, ...]:
    data = parse_yaml(text, FILE) or []
    if not isinstance(data, list):
        raise PluginError(f"{FILE}: must be a list of events")
    links = dict(known)
    out: list[Event] = []
    seen: set[str] = set()
    for place, entry in enumerate(data, start=1):
        label = entry.get("id") if isinstance(entry, dict) else None
        where = f"{FILE}: event {place}" + (f" ({label})" if label else "")
        event = _event(entry, where, links)
        if event.id in seen:
            raise PluginError(f"{where}: another event has the address {event.id}")
        if out and event.date < out[-1].date:
            raise PluginError(f"{where}: comes after {out[-1].id} but is dated earlier; keep the file oldest first")
        seen.add(event.id)
        out.append(event)
    return tuple(out)
