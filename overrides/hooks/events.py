"""What happened next: the events, on each recommendation's page and on the timeline.

The events come from ``data/events.yml`` (``jointletter.events``), checked as
the build starts. Each recommendation page gets a section "What happened
next" with its events, oldest first; the timeline page (``docs/timeline.md``)
gets every event, by year, with the letter itself in its place. Both are
written as Markdown into the page before it is rendered, so that their
headings join the table of contents, their links are checked like any other,
and an event has the same address (its id) on both pages.

Without JavaScript the timeline narrows to one recommendation by its address
(``timeline/#rec-4``): the page's stylesheet shows only the events of the
recommendation whose marker is the target.
"""

from __future__ import annotations

import datetime
from typing import Any

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from jointletter import editions, glossary
from jointletter.chinese import to_traditional
from jointletter.events import LETTER, Event, events
from jointletter.project import Project
from jointletter.recommendations import SECTION, Recommendation, recommendations

TIMELINE = "timeline"
FILTERS = ("1", "2", "3", "4", "5", "6", "7", "tech", "context")


class Writer:
    """Markdown for one edition's events."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.project = Project.of(config)
        self.edition = editions.current(config)
        self.terms = glossary.pairs(self.project)
        self.recs = recommendations(self.project, self.edition.locale)
        self.events = events(self.project)

    @property
    def colon(self) -> str:
        return "：" if self.edition.chinese else ":"

    def t(self, key: str, **values: Any) -> str:
        return editions.translate(self.edition.locale, key, self.terms, **values)

    def date(self, event: Event | None = None, day: datetime.date = LETTER) -> str:
        if event is None:
            shown = editions.format_date(self.edition.locale, day, self.terms)
            return f'<time datetime="{day.isoformat()}">{shown}</time>'
        text = self.date(day=event.date)
        if event.end:
            # 18–19 March 2021, 2021年3月18日至19日; a range across months or
            # years gives the end in full.
            same_month = (event.end.year, event.end.month) == (event.date.year, event.date.month)
            if not same_month:
                text = f"{text}{'至' if self.edition.chinese else ' – '}{self.date(day=event.end)}"
            elif self.edition.chinese:
                text = f'{text}至<time datetime="{event.end.isoformat()}">{event.end.day}</time>日'
            else:
                start = f'<time datetime="{event.date.isoformat()}">{event.date.day}</time>'
                from babel.dates import format_date

                end = f'<time datetime="{event.end.isoformat()}">{event.end.day}</time>'
                text = f"{start}–{end} {format_date(event.end, 'MMMM y', locale=self.edition.babel)}"
        if event.before_letter:
            text += f" · {self.t('events.before')}"
        return text

    def sources(self, event: Event) -> str:
        # A source's name in the page's language, or its English name, marked.
        def link(s) -> str:
            locale = self.edition.locale
            if not s.translated(locale):
                return f'[{s.name("en")}]({s.url}){{ lang="en" }}'
            name = s.name(locale)
            return f"[{to_traditional(name, self.terms) if locale == 'zh-hant' else name}]({s.url})"

        links = ("、" if self.edition.chinese else ", ").join(link(s) for s in event.sources)
        return f"{self.t('events.sources')}{'：' if self.edition.chinese else ': '}{links}"

    def topic(self, event: Event, prefix: str) -> str:
        """The recommendation an event bears on, as a link from `prefix` (the
        way from the page to the docs root), or its topic."""
        if event.rec in ("tech", "context"):
            return f"{self.t(f'timeline.{event.rec}')}{self.colon} {self.t(f'timeline.{event.rec}_note')}".replace(
                "： ", "："
            )
        rec = self.recs[int(event.rec) - 1]
        label = self.t("timeline.recommendation", n=rec.number)
        separator = "：" if self.edition.chinese else ": "
        return f"[{label}{separator}{rec.title}]({prefix}{SECTION}/{rec.slug}.md)"

    def item(self, event: Event, prefix: str = "", with_topic: bool = False) -> str:
        parts = [
            f'<li class="event event--{event.rec}" id="{event.id}" markdown="block">',
            "",
            self.date(event),
            "{ .event__date }",
            "",
            event.text(self.edition.locale, self.terms),
            "",
        ]
        if with_topic:
            parts += [self.topic(event, prefix), "{ .event__topic }", ""]
        parts += [self.sources(event), "{ .event__sources }", "", "</li>"]
        return "\n".join(parts)

    def section(self, rec: Recommendation) -> str:
        """A recommendation page's "What happened next"."""
        mine = [event for event in self.events if event.rec == rec.number]
        lines = [f"## {self.t('events.heading')} {{ #what-happened-next }}", ""]
        if not mine:
            return "\n".join([*lines, self.t("events.none"), ""])
        # Searched on the timeline, not twice: every reader's index is smaller.
        events = '<ol class="events" markdown="block" data-search-exclude>'
        lines += [self.t("events.note"), "{ .events__note }", "", events, ""]
        lines += [self.item(event) + "\n" for event in mine]
        lines += [
            "</ol>",
            "",
            f"[{self.t('events.on_timeline')}](../{TIMELINE}.md#rec-{rec.number}){{ target=_self .events__more }}",
            "",
        ]
        return "\n".join(lines)

    def timeline(self) -> str:
        """Every event by year, the letter in its place, and the filter."""
        targets = "".join(f'<span class="timeline__target" id="rec-{key}"></span>' for key in FILTERS)
        links = [f"[{self.t('timeline.all')}](#what-happened-next){{ target=_self }}"]
        for key in FILTERS:
            if key in ("tech", "context"):
                label = self.t(f"timeline.{key}")
                links.append(f"[{label}](#rec-{key}){{ target=_self }}")
            else:  # a numeral, named in full for screen readers
                name = self.t("timeline.recommendation", n=key)
                links.append(f'[{key}](#rec-{key}){{ target=_self aria-label="{name}" }}')
        lines = [
            '<div class="timeline" markdown="block">',
            "",
            targets,
            "",
            f'<nav class="timeline__filter" aria-label="{self.t("timeline.filter")}" markdown="block">',
            "",
            f"{self.t('timeline.filter')}{self.colon} ".replace("： ", "：") + " · ".join(links),
            "",
            "</nav>",
            "",
        ]
        years: dict[int, list[str]] = {}
        letter_placed = False
        for event in self.events:
            items = years.setdefault(event.date.year, [])
            if not letter_placed and event.date >= LETTER:
                items.append(self.letter())
                letter_placed = True
            items.append(self.item(event, prefix="", with_topic=True))
        for year, items in years.items():
            # A year shows under a filter if it has an event of that
            # recommendation, or the letter, which always shows.
            letter = any('id="the-letter"' in item for item in items)
            classes = " ".join(
                f"has-{key}" for key in FILTERS if letter or any(f'event--{key}"' in item for item in items)
            )
            lines += [
                f'<section class="timeline__year {classes}" markdown="block">',
                "",
                f"## {year} {{ #{year} }}",
                "",
            ]
            lines += [
                '<ol class="events" markdown="block">',
                "",
                *[item + "\n" for item in items],
                "</ol>",
                "",
                "</section>",
                "",
            ]
        lines += [self.t("timeline.end"), "{ .timeline__end }", "", "</div>", ""]
        return "\n".join(lines)

    def letter(self) -> str:
        return "\n".join(
            [
                '<li class="event event--letter" id="the-letter" markdown="block">',
                "",
                self.date(),
                "{ .event__date }",
                "",
                f"**{self.t('timeline.letter')}{'。' if self.edition.chinese else '.'}**"
                f"{'' if self.edition.chinese else ' '}{self.t('timeline.letter_text')} "
                f"[{self.t('nav.The letter')}](letter.md)",
                "",
                "</li>",
            ]
        )


@plugins.event_priority(-105)  # as the build starts, before any page is read
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    events(Project.of(config))  # every fault now, naming the event
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    name = page.file.name
    if page.file.src_uri.startswith(f"{SECTION}/") and name != "index":
        writer = Writer(config)
        rec = next(rec for rec in writer.recs if rec.slug == name)
        return markdown.rstrip() + "\n\n" + writer.section(rec)
    if page.file.src_uri.startswith(f"{TIMELINE}.") or page.file.src_uri == f"{TIMELINE}.md":
        return markdown.rstrip() + "\n\n" + Writer(config).timeline()
    return markdown


def on_env(env: Any, config: MkDocsConfig, files: Files, **kwargs: Any) -> Any:
    writer = Writer(config)

    def timeline_entity(page: Page) -> dict[str, Any] | None:
        """The timeline page's JSON-LD: a list of dated events, in date order."""
        if page.file.name != TIMELINE:
            return None
        return {
            "@type": "ItemList",
            "name": page.title,
            "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "numberOfItems": len(writer.events),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": place,
                    "item": {
                        "@type": "Event",
                        "name": event.text(writer.edition.locale, writer.terms),
                        "startDate": event.date.isoformat(),
                        **({"endDate": event.end.isoformat()} if event.end else {}),
                        "url": f"{page.canonical_url}#{event.id}",
                        "subjectOf": [source.url for source in event.sources],
                    },
                }
                for place, event in enumerate(writer.events, start=1)
            ],
        }

    env.globals["timeline_entity"] = timeline_entity
    return env
