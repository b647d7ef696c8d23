"""What happened next: the events, on each recommendation's page and on the timeline.

The events come from ``data/events.yml`` (``jointletter.events``), checked as
the build starts. Each recommendation page gets a section "What happened
next" (``partials/events.md``); the timeline page gets every event, by year,
with the letter itself in its place (``partials/timeline.md``). Both are
Markdown, added to the page before it is rendered, so that their headings
join the table of contents, their links are checked like any other, and an
event has the same address (its id) on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from jointletter import plugins as adapter
from jointletter.editions import language
from jointletter.events import LETTER, TOPICS, Event, events
from jointletter.project import Project
from jointletter.recommendations import SECTION, recommendations

TIMELINE = "timeline"
FILTERS = (*map(str, range(1, 8)), *TOPICS)


@dataclass
class Year:
    """A year of the timeline: its events, the letter in its place ("letter"),
    and what they bear on (a year shows under a filter if it has an event of
    that recommendation, or the letter)."""

    year: int
    events: list[Event | str] = field(default_factory=list)
    recs: set[str] = field(default_factory=set)
    letter: bool = False


def years(found: list[Event]) -> list[Year]:
    out: list[Year] = []
    for event in found:
        if not out or out[-1].year != event.date.year:
            out.append(Year(event.date.year))
        if event.date >= LETTER and not any(year.letter for year in out):
            out[-1].events.append("letter")
            out[-1].letter = True
        out[-1].events.append(event)
        out[-1].recs.add(str(event.rec))
    return out


def render(config: MkDocsConfig, template: str, **context: Any) -> str:
    project = Project.of(config)
    words = language(adapter.edition(config), project)
    return (
        adapter.partials(config)
        .get_template(template)
        .render(
            edition=words.edition,
            language=words,
            t=words.t,
            recommendations=recommendations(project, words.edition.locale),
            topics=TOPICS,
            **context,
        )
    )


@plugins.event_priority(adapter.CHECKS)
def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    events(Project.of(config))  # every fault as the build starts, naming the event


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    name, src = page.file.name, page.file.src_uri
    if src.startswith(f"{SECTION}/") and name != "index":
        project = Project.of(config)
        rec = next(r for r in recommendations(project, adapter.edition(config).locale) if r.slug == name)
        mine = [event for event in events(project) if event.rec == rec.number]
        return f"{markdown.rstrip()}\n\n{render(config, 'partials/events.md', rec=rec, events=mine)}"
    if name == TIMELINE and "/" not in src:
        found = years(events(Project.of(config)))
        timeline = render(config, "partials/timeline.md", years=found, filters=FILTERS, letter=LETTER)
        return f"{markdown.rstrip()}\n\n{timeline}"
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    env.globals.update(events=events(Project.of(config)), timeline=TIMELINE, letter_date=LETTER)
    return env
