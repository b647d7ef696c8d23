"""What happened next: every event on its recommendation's page and on the timeline, in each edition."""

from __future__ import annotations

import json

import pytest

from conftest import LANGS, ROOT, SITE_URL, Site, below_root, recommendations_of
from jointletter.events import LETTER, events
from jointletter.project import Project

EVENTS = events(Project(ROOT))
DATE = {"en": "10 December 2021", "zh-hans": "2021年12月10日", "zh-hant": "2021年12月10日"}
# The talks in Anchorage, over two days: the one date range the record has.
RANGE = {"en": "18–19 March 2021", "zh-hans": "2021年3月18日至19日", "zh-hant": "2021年3月18日至19日"}


def test_the_record_holds_every_checked_event() -> None:
    """The 44 events of the project's checked facts, from before the letter to the administration's end."""
    assert len(EVENTS) == 44, f"data/events.yml holds {len(EVENTS)} events, not the 44 checked ones"
    assert [e for e in EVENTS if e.before_letter] and EVENTS[0].date < LETTER, "the event before the letter is missing"
    for rec in range(1, 8):
        assert any(e.rec == rec for e in EVENTS), f"no event bears on recommendation {rec}"


@pytest.mark.parametrize("locale", LANGS)
def test_each_recommendation_page_lists_its_events_with_dates_and_sources(site: Site, locale: str) -> None:
    for rec in recommendations_of(locale):
        content = site.page(rec.url).content
        heading = content.select_one("h2#what-happened-next")
        assert heading is not None, f"{rec.url}: no 'What happened next'"
        mine = [e for e in EVENTS if e.rec == rec.number]
        items = content.select("li.event")
        assert [li["id"] for li in items] == [e.id for e in mine], f"{rec.url}: events {[li['id'] for li in items]}"
        for li, event in zip(items, mine):
            time = li.select_one("time")
            assert time is not None and time["datetime"] == event.date.isoformat(), f"{rec.url}#{event.id}: no date"
            links = [a["href"] for a in li.select(".event__sources > a[href]")]
            assert links == [s.url for s in event.sources], f"{rec.url}#{event.id}: sources {links}"
        if mine:
            more = content.select_one("a.events__more")
            assert more is not None and more["href"] == f"../../timeline/#rec-{rec.number}", (
                f"{rec.url}: no link to the timeline narrowed to recommendation {rec.number}"
            )


@pytest.mark.parametrize("locale", LANGS)
def test_the_timeline_lists_every_event_in_order_with_the_letter_in_its_place(site: Site, locale: str) -> None:
    page = site.page(f"{LANGS[locale]}timeline/")
    items = page.content.select("li.event")
    ids = [li["id"] for li in items]
    wanted = [e.id for e in EVENTS]
    letter = next(i for i, e in enumerate(EVENTS) if e.date >= LETTER)
    wanted.insert(letter, "the-letter")
    assert ids == wanted, f"{locale} timeline: entries {ids[:5]}..., not every event in date order with the letter"
    years = [h["id"] for h in page.content.select("section.timeline__year > h2")]
    assert years == ["2021", "2022", "2023", "2024", "2025"], f"{locale} timeline: years {years}"
    recs = recommendations_of(locale)
    for li, event in zip([li for li in items if li["id"] != "the-letter"], EVENTS):
        if isinstance(event.rec, int):
            link = li.select_one(".event__topic a[href]")
            wanted_href = f"../{below_root(recs[event.rec - 1])}"
            assert link is not None and link["href"] == wanted_href, (
                f"{locale} timeline #{event.id}: no link to its recommendation"
            )
        else:
            assert li.select_one(".event__topic"), f"{locale} timeline #{event.id}: does not say what it bears on"
    dec = page.content.select_one('li[id^="2021-12-10"] time')
    assert dec is not None and dec.get_text() == DATE[locale], f"{locale} timeline: 10 December 2021 is written {dec}"
    anchorage = page.content.select_one('li[id="2021-03-18-anchorage-talks"] .event__date')
    assert " ".join(anchorage.get_text().split()) == RANGE[locale], f"{locale} timeline: the talks' dates: {anchorage}"
    days = [time["datetime"] for time in page.content.select(".event__date time:first-child")]
    assert days == sorted(days), f"{locale} timeline: the entries are not in date order: {days}"
    data = json.loads(page.soup.select_one('script[type="application/ld+json"]').string)
    entity = data.get("mainEntity", {})
    assert entity.get("@type") == "ItemList" and entity.get("numberOfItems") == len(EVENTS), (
        f"{locale} timeline: JSON-LD"
    )
    first = entity["itemListElement"][0]["item"]
    assert first["startDate"] == EVENTS[0].date.isoformat() and first["url"].endswith(f"#{EVENTS[0].id}"), first


@pytest.mark.parametrize("locale", LANGS)
def test_recommendations_json_carries_each_recommendations_events(site: Site, locale: str) -> None:
    data = json.loads((site.root / LANGS[locale] / "recommendations.json").read_text(encoding="utf-8"))
    for entry in data["recommendations"]:
        mine = [e for e in EVENTS if e.rec == entry["number"]]
        got = entry.get("events", [])
        assert [e["date"] for e in got] == [e.date.isoformat() for e in mine], (
            f"{locale} recommendations.json {entry['number']}"
        )
        for item, event in zip(got, mine):
            assert item["sources"] == [s.url for s in event.sources] and item["text"], f"{locale} {event.id}: {item}"
            assert item["url"] == f"{SITE_URL}{LANGS[locale]}recommendations/{entry['slug']}/#{event.id}"
