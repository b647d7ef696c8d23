"""The seven recommendations, read from their pages' front matter: the single source of truth.

Each page under ``docs/recommendations/`` (except ``index.md``) carries
``number``, ``title``, ``summary`` and ``letter_heading``; its translations
carry the same keys and the same ``number``. Everything the site says about a
recommendation (its page, the cards, the letter, previews, the data file, the
carried editions) is made from what ``recommendations()`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from jointletter.editions import DEFAULT, EDITIONS
from jointletter.project import Project, front_matter

SECTION = "recommendations"
COUNT = 7
SUMMARY_MAX = 200
KEYS: dict[str, type] = {"number": int, "title": str, "summary": str, "letter_heading": str}


@dataclass(frozen=True)
class Recommendation:
    number: int
    slug: str
    title: str
    summary: str
    letter_heading: str  # as this edition gives it (a translation's rendering, in Chinese)
    english_heading: str  # the letter's own words
    english_title: str  # the English page's title: the heading's anchor in every edition
    locale: str

    @property
    def url(self) -> str:
        """Site-relative: recommendations/winter-olympics/ (zh-hans/... in Chinese)."""
        return f"{EDITIONS[self.locale].root}{SECTION}/{self.slug}/"

    @property
    def src(self) -> str:
        suffix = "" if self.locale == DEFAULT else f".{self.locale}"
        return f"docs/{SECTION}/{self.slug}{suffix}.md"


def _fail(src: str, key: str, problem: str) -> PluginError:
    return PluginError(f"{src}: front matter key '{key}' {problem}")


def _checked(project: Project, path: Path) -> dict:
    src = project.name(path)
    meta = front_matter(project, path)
    for key, kind in KEYS.items():
        value = meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _fail(src, key, "is missing or empty")
        # YAML reads `yes` as a bool, and bool is an int in Python.
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _fail(src, key, f"must be {'a whole number' if kind is int else 'text'}, not {value!r}")
    if not 1 <= meta["number"] <= COUNT:
        raise _fail(src, "number", f"must be between 1 and {COUNT}, not {meta['number']}")
    summary = " ".join(meta["summary"].split())
    if len(summary) > SUMMARY_MAX:
        raise _fail(src, "summary", f"is {len(summary)} characters long; the most is {SUMMARY_MAX}")
    return {key: " ".join(value.split()) if isinstance(value, str) else value for key, value in meta.items()}


def pages(project: Project) -> list[Path]:
    """The English recommendation pages."""
    folder = project.docs / SECTION
    return sorted(p for p in folder.glob("*.md") if p.name.count(".") == 1 and p.name != "index.md")


def recommendations(project: Project, locale: str = DEFAULT) -> list[Recommendation]:
    """One edition's seven, in order, checked as a whole."""
    found: dict[int, Recommendation] = {}
    for english_path in pages(project):
        english = _checked(project, english_path)
        path = english_path if locale == DEFAULT else english_path.with_name(f"{english_path.stem}.{locale}.md")
        if not path.is_file():
            raise PluginError(
                f"{project.name(path)}: translation missing (write the Simplified page; the Traditional one is made "
                "from it by `uv run python scripts/traditional.py`)"
            )
        meta = english if path == english_path else _checked(project, path)
        src = project.name(path)
        if meta["number"] != english["number"]:
            raise _fail(src, "number", f"is {meta['number']}, but {project.name(english_path)} has {english['number']}")
        rec = Recommendation(
            number=meta["number"],
            slug=english_path.stem,
            title=meta["title"],
            summary=meta["summary"],
            letter_heading=meta["letter_heading"],
            english_heading=english["letter_heading"],
            english_title=english["title"],
            locale=locale,
        )
        other = found.setdefault(rec.number, rec)
        if other is not rec:
            raise PluginError(
                f"{other.src} and {rec.src}: front matter key 'number' is {rec.number} in both; "
                "each recommendation needs its own number"
            )
    if len(found) != COUNT:
        missing = sorted(set(range(1, COUNT + 1)) - found.keys())
        raise PluginError(
            f"docs/{SECTION}/: found {len(found)} recommendation pages, expected {COUNT}; "
            f"front matter key 'number' {', '.join(map(str, missing))} is not used by any page"
        )
    return [found[n] for n in sorted(found)]
