"""The seven recommendations: their front matter is the single source of truth.

Each page under ``docs/recommendations/`` (except ``index.md``) carries
``number``, ``title``, ``summary`` and ``letter_heading``. This hook checks
them as the pages are read, then, once all pages are read, checks the set as a
whole and hands the ordered list to the templates as ``recommendations``
(home cards, the recommendations index, previous and next). It also writes
``recommendations.json`` at the root of each language from the same data.

It runs once per language (see ``i18n.py``): a translation must carry the
same ``number`` as its English page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markdown.extensions.toc import slugify
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

SECTION = "recommendations/"
COUNT = 7
SUMMARY_MAX = 200
KEYS: dict[str, type] = {"number": int, "title": str, "summary": str, "letter_heading": str}
DATA_FILE = "recommendations.json"


@dataclass(frozen=True)
class Recommendation:
    number: int
    slug: str
    title: str
    summary: str
    letter_heading: str
    page: Page

    @property
    def url(self) -> str:
        return self.page.url

    @property
    def src(self) -> str:
        return f"docs/{self.page.file.src_uri}"


_found: dict[str, Recommendation] = {}
_nav_order: list[str] = []


def is_recommendation(file: File) -> bool:
    # `name` is the file's name without its language suffix ("index").
    return file.src_uri.startswith(SECTION) and file.name != "index"


def _english(page: Page) -> tuple[str, dict[str, Any]]:
    """The English page a translation translates: its path and front matter."""
    localization = getattr(page.file, "localization", None)
    source = page.file.abs_src_path.replace(f".{localization}.md", ".md")
    src = f"docs/{page.file.src_uri.replace(f'.{localization}.md', '.md')}"
    try:
        with open(source, encoding="utf-8") as f:
            return src, get_data(f.read())[1]
    except OSError:
        raise PluginError(f"docs/{page.file.src_uri}: translates {src}, which does not exist") from None


def _fail(src: str, key: str, problem: str) -> PluginError:
    return PluginError(f"{src}: front matter key '{key}' {problem}")


def _read(page: Page, markdown: str) -> Recommendation:
    src = f"docs/{page.file.src_uri}"
    meta = page.meta
    if not meta and markdown.lstrip().startswith("---"):
        # MkDocs keeps a front matter block it cannot parse as page text.
        raise PluginError(f"{src}: the front matter is not valid YAML; it needs the keys {', '.join(KEYS)}")
    for key, kind in KEYS.items():
        value = meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _fail(src, key, "is missing or empty")
        # YAML reads `yes` as a bool, and bool is an int in Python.
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _fail(src, key, f"must be {'a whole number' if kind is int else 'text'}, not {value!r}")
    if not 1 <= meta["number"] <= COUNT:
        raise _fail(src, "number", f"must be between 1 and {COUNT}, not {meta['number']}")
    if getattr(page.file, "localization", None):
        english_src, english = _english(page)
        if english.get("number") != meta["number"]:
            raise _fail(src, "number", f"is {meta['number']}, but {english_src} has {english.get('number')!r}")
    summary = " ".join(meta["summary"].split())
    if len(summary) > SUMMARY_MAX:
        raise _fail(src, "summary", f"is {len(summary)} characters long; the most is {SUMMARY_MAX}")
    return Recommendation(
        number=meta["number"],
        slug=page.file.name,
        title=" ".join(meta["title"].split()),
        summary=summary,
        letter_heading=" ".join(meta["letter_heading"].split()),
        page=page,
    )


def _entry(rec: Recommendation) -> dict[str, Any]:
    """One recommendation in recommendations.json. `letter_heading` is always
    the letter's own words, in English; a translation's rendering of it is
    `letter_heading_translation`, so that it is never taken for the letter's."""
    entry: dict[str, Any] = {"number": rec.number, "slug": rec.slug, "title": rec.title, "summary": rec.summary}
    if getattr(rec.page.file, "localization", None):
        entry["letter_heading"] = " ".join(_english(rec.page)[1]["letter_heading"].split())
        entry["letter_heading_translation"] = rec.letter_heading
    else:
        entry["letter_heading"] = rec.letter_heading
    entry["url"] = rec.page.canonical_url
    return entry


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    # `mkdocs serve` rebuilds in the same process: start each build afresh.
    _found.clear()
    _nav_order.clear()


def _data_file(config: MkDocsConfig) -> str:
    """recommendations.json, named as the i18n plugin names a translation."""
    locale = config.theme["language"]
    return DATA_FILE if locale == "en" else DATA_FILE.replace(".json", f".{locale}.json")


@plugins.event_priority(-110)  # after the i18n plugin has sorted the files
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    # Written once the pages are read (see on_env); declared now so that
    # links to it are checked like any other. Each language has its own, at
    # its root: zh-hans/recommendations.json.
    file = File.generated(config, _data_file(config), content=b"")
    locale = config.theme["language"]
    if locale != "en":
        file.dest_uri = f"{locale}/{DATA_FILE}"
    files.append(file)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **kwargs: Any) -> Navigation:
    _nav_order.extend(page.file.src_uri for page in nav.pages if is_recommendation(page.file))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    if is_recommendation(page.file):
        rec = _read(page, markdown)
        _found[page.file.src_uri] = rec
        page.meta["description"] = rec.summary
        page.title = f"{rec.number}. {rec.title}"
        # The title is the page's heading, so that the table of contents and
        # the skip link start with it. A translation's heading keeps the
        # English page's anchor.
        anchor = ""
        if getattr(page.file, "localization", None):
            anchor = f" {{ #{slugify(_english(page)[1]['title'], '-')} }}"
        return f"# {rec.title}{anchor}\n\n{markdown}"
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    by_number: dict[int, Recommendation] = {}
    for rec in _found.values():
        other = by_number.setdefault(rec.number, rec)
        if other is not rec:
            raise PluginError(
                f"{other.src} and {rec.src}: front matter key 'number' is {rec.number} in both; "
                "each recommendation needs its own number"
            )
    if len(_found) != COUNT:
        missing = sorted(set(range(1, COUNT + 1)) - by_number.keys())
        raise PluginError(
            f"docs/{SECTION}: found {len(_found)} recommendation pages, expected {COUNT}; "
            f"front matter key 'number' {', '.join(map(str, missing))} is not used by any page"
        )
    recs = sorted(_found.values(), key=lambda rec: rec.number)
    expected = [rec.page.file.src_uri for rec in recs]
    if _nav_order and _nav_order != expected:
        for place, (listed, wanted) in enumerate(zip(_nav_order, expected), start=1):
            if listed != wanted:
                raise PluginError(
                    f"mkdocs.yml: nav lists docs/{listed} in place {place} of the recommendations, "
                    f"but front matter key 'number' {place} belongs to docs/{wanted}"
                )
    env.globals["recommendations"] = recs

    data = [_entry(rec) for rec in recs]
    lang = env.globals["site_lang"]
    header = {
        "site": config.site_url + lang.root,
        "language": lang.code,
        "license": "CC-BY-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "note": env.globals["t"]("data_note"),
    }
    text = json.dumps({**header, "recommendations": data}, ensure_ascii=False, indent=2) + "\n"
    generated = files.get_file_from_path(_data_file(config))
    assert generated is not None
    generated.content_string = text
    return env
