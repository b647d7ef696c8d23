"""Bad input stops the build with a message that names the file and what is wrong, never a traceback.

Each case copies the project into a temp folder, breaks one thing on purpose
and builds it, in this process (`build_in_process`: the command line prints
MkDocs' abort as one error line; any other exception would be a traceback,
and fails the test). The checks run as the build starts, so most cases stop
within a fraction of a second.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build_in_process, copy_project

REC = "docs/recommendations/winter-olympics.md"
REC_HANS = "docs/recommendations/winter-olympics.zh-hans.md"
REC_HANT = "docs/recommendations/winter-olympics.zh-hant.md"
EVENTS = "data/events.yml"


def edit(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"test set-up: {old!r} is not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def write(path: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / path).write_text(text, encoding="utf-8")

    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)

    return apply


def remove(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def drop_key(path: str, key: str) -> Callable[[Path], None]:
    """Remove a front-matter key (and its folded lines) from a page."""

    def apply(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        changed = re.sub(rf"^{key}:.*\n(?:[ ]+.*\n)*", "", text, count=1, flags=re.M)
        assert changed != text, f"test set-up: no key {key!r} in {path}"
        file.write_text(changed, encoding="utf-8")

    return apply


def move_event(event_id: str, before: str | None = None, copy: bool = False) -> Callable[[Path], None]:
    """Copy an event's whole entry next to itself, or move it before another's."""

    def apply(root: Path) -> None:
        file = root / EVENTS
        text = file.read_text(encoding="utf-8")
        start = text.index(f"- id: {event_id}\n")
        end = text.find("\n- id: ", start) + 1 or len(text)
        entry = text[start:end]
        if copy:
            text = text[:end] + entry + text[end:]
        else:
            text = text[:start] + text[end:]
            at = text.index(f"- id: {before}\n")
            text = text[:at] + entry + text[at:]
        file.write_text(text, encoding="utf-8")

    return apply


LONG_SUMMARY = "summary: " + "This summary runs on. " * 10 + "\n"
EIGHTH = """---
template: recommendation.html
number: 8
title: Focus on technology
summary: The letter's third heading, which the report leaves out.
letter_heading: Focus on technology
---

## What the letter asks

Not known.
"""

CASES = {
    "missing key": (
        edit(REC, "letter_heading: Treat the 2022 Olympics as a diplomatic matter\n", ""),
        [REC, "'letter_heading'", "missing"],
    ),
    "empty key": (edit(REC, "title: Consider", "title: ''\nx: Consider"), [REC, "'title'", "empty"]),
    "wrong type": (edit(REC, "number: 4", "number: four"), [REC, "'number'", "whole number"]),
    "number out of range": (edit(REC, "number: 4", "number: 0"), [REC, "'number'", "between 1 and 7"]),
    "number used twice": (
        edit(REC, "number: 4", "number: 5"),
        [REC, "docs/recommendations/targeted-sanctions.md", "'number'", "both"],
    ),
    "summary too long": (
        edit(REC, "summary: >-\n", LONG_SUMMARY + "x: >-\n"),
        [REC, "'summary'", "characters"],
    ),
    "front matter that is not YAML": (edit(REC, "number: 4", "number: [4"), [REC, "not valid YAML", "line 4, column"]),
    "front matter of another page that is not YAML": (
        edit("docs/officials.md", "description: >-", "description: [>-"),
        ["docs/officials.md", "not valid YAML", "line 2, column"],
    ),
    "a Traditional page not made from its Simplified page": (
        edit(REC_HANS, "## ", "## 新", 1),
        [REC_HANT, "scripts/traditional.py"],
    ),
    "a string whose placeholder the site does not fill": (
        edit("data/strings.yml", "Recommendation {n} of {total}", "Recommendation {n} of {all}"),
        ["data/strings.yml", "'recommendation_n_of'", "for en", "does not take"],
    ),
    "an event on a date that does not exist": (
        edit(EVENTS, "date: 2021-12-06", "date: 2021-12-32"),
        [EVENTS, "2021-12-06-beijing-2022", "not a real calendar date"],
    ),
    "an event outside the record's span": (
        edit(EVENTS, "date: 2021-02-08", "date: 2020-02-08"),
        [EVENTS, "2021-02-08-human-rights-council", "outside the record's span"],
    ),
    "an event for a recommendation that does not exist": (
        edit(EVENTS, "rec: 4", "rec: 8"),
        [EVENTS, "2021-12-06-beijing-2022", "'rec' is 8"],
    ),
    "an event without a source": (
        edit(EVENTS, "sources: [nbc, amnesty]", "sources: []"),
        [EVENTS, "'sources' must name at least one source"],
    ),
    "a source that is not https": (
        edit("data/sources.yml", "url: https://olympics.nbcsports", "url: http://olympics.nbcsports"),
        ["data/sources.yml", "source 'nbc'", "not an https address"],
    ),
    "a source without the day it was read": (
        drop_key("data/sources.yml", "  accessed"),
        ["data/sources.yml", "source 'hric'", "'accessed'"],
    ),
    "a source whose archived copy is not https": (
        edit(
            "data/sources.yml", "  accessed: 2026-11-28\n", "  accessed: 2026-11-28\n  archived: http://example.org/\n"
        ),
        ["data/sources.yml", "source 'hric'", "'archived'", "not an https address"],
    ),
    "an event without its Chinese text": (
        drop_key(EVENTS, "  zh-hans"),
        [EVENTS, "the text in 'zh-hans' is missing"],
    ),
    "two events at one address": (
        move_event("2021-12-06-beijing-2022", copy=True),
        [EVENTS, "2021-12-06-beijing-2022", "another event has the address"],
    ),
    "events out of order": (
        move_event("2021-12-06-beijing-2022", before="2021-02-08-human-rights-council"),
        [EVENTS, "2021-02-08-human-rights-council", "keep the file oldest first"],
    ),
    "six recommendations": (
        both(
            remove(REC),
            remove(REC.replace(".md", ".zh-hans.md")),
            remove(REC.replace(".md", ".zh-hant.md")),
            edit("mkdocs.yml", "      - recommendations/winter-olympics.md\n", ""),
        ),
        ["docs/recommendations/", "expected 7", "'number' 4"],
    ),
    "an eighth recommendation": (
        both(
            write("docs/recommendations/focus-on-technology.md", EIGHTH),
            write("docs/recommendations/focus-on-technology.zh-hans.md", EIGHTH),
            write("docs/recommendations/focus-on-technology.zh-hant.md", EIGHTH),
            edit(
                "mkdocs.yml",
                "      - recommendations/government-and-people.md\n",
                "      - recommendations/government-and-people.md\n      - recommendations/focus-on-technology.md\n",
            ),
        ),
        ["docs/recommendations/focus-on-technology.md", "'number'", "between 1 and 7"],
    ),
    "nav out of order": (
        edit(
            "mkdocs.yml",
            "      - recommendations/human-rights-priority.md\n      - recommendations/international-bodies.md\n",
            "      - recommendations/international-bodies.md\n      - recommendations/human-rights-priority.md\n",
        ),
        ["mkdocs.yml", "docs/recommendations/human-rights-priority.md", "'number' 1"],
    ),
    "a recommendation without its Chinese pages": (
        both(remove(REC_HANS), remove(REC_HANT)),
        [REC_HANS, "translation missing"],
    ),
    "a Chinese page without its key": (drop_key(REC_HANS, "letter_heading"), [REC_HANS, "'letter_heading'", "missing"]),
    "a Chinese page without a key its English page has": (
        drop_key("docs/officials.zh-hant.md", "description"),
        ["docs/officials.zh-hant.md", "'description'", "missing", "docs/officials.md"],
    ),
    "a Chinese page with a key its English page lacks": (
        edit("docs/sources.zh-hans.md", "---\n", "---\nhide: [toc]\n"),
        ["docs/sources.zh-hans.md", "'hide'", "docs/sources.md"],
    ),
    "a Chinese page with another number": (
        edit(REC_HANS, "number: 4", "number: 5"),
        [REC_HANS, "'number'", "is 5", REC],
    ),
    "a mirror that is not https": (
        edit("mkdocs.yml", 'url: !ENV [CLOUDFLARE_PAGES_URL, ""]', "url: http://mirror.example.org/"),
        ["mkdocs.yml", "extra.mirrors", "http://mirror.example.org/", "not https"],
    ),
    "a mirror without its deploy job": (
        edit("mkdocs.yml", "      deploy: mirror\n", ""),
        ["mkdocs.yml", "extra.mirrors, mirror 1", "deploy"],
    ),
    "a link to a missing page": (
        edit("docs/letter.md", "## Conclusion", "See [nowhere](nowhere.md).\n\n## Conclusion"),
        ["letter.md", "nowhere.md", "the build stops before rendering"],
    ),
    "a link to a missing anchor": (
        edit("docs/letter.md", "## Conclusion", "See [nobody](officials.md#nobody).\n\n## Conclusion"),
        ["letter.md", "#nobody", "the build stops before the next edition"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_with_a_clear_message(case: str, tmp_path: Path) -> None:
    breakage, wanted = CASES[case]
    project = copy_project(tmp_path / "project")
    breakage(project)
    output = build_in_process(project, tmp_path / "site")
    assert "BUILT" not in output, f"{case}: the build passed\n{output}"
    for text in wanted:
        assert text in output, f"{case}: the error does not say {text!r}\n{output}"
    assert re.search(r"^(ERROR|WARNING)\b", output, re.M), f"{case}: no error line\n{output}"
