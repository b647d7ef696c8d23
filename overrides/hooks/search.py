"""Search in each edition's own language, and in either Chinese script.

Material's search plugin writes one index of every page; this hook splits it
into one per edition, at the edition's root, where Material's script reads it
(``editions.py`` gives each page its edition's base). A Chinese reader types
in the script of their input method, which need not be the page's: each
Chinese index gets a field of its own, ``other``, with the words of each
page's title and headings that are written otherwise in the other script
(冬奧 on a Simplified page, 冬奥 on a Traditional one). Material's search reads the fields from the
index's config, so the words are found but never shown.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig

from jointletter import plugins as adapter
from jointletter.chinese import other_script_forms
from jointletter.editions import EDITIONS

WORD = re.compile(r"[\u3400-\u9fff]{1,8}")
OTHER = "other"


def other_words(text: str, locale: str) -> str:
    """The section's Chinese words (as jieba cut them, joined by U+200B) in the
    other script, where they differ."""
    words = dict.fromkeys(WORD.findall(text.replace("\u200b", " ")))
    return " ".join(other_script_forms(words, locale))


def split(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The whole site's index as one index per edition, locations relative to
    the edition's root. In a Chinese edition each page's first entry carries
    the other script's forms of the words of the page's title and headings:
    a query in either script for what a page is about finds it. (All its
    words would double the index a Chinese reader downloads.)"""
    out = {}
    for locale, edition in EDITIONS.items():
        others = tuple(e.root for e in EDITIONS.values() if e.root and e is not edition)
        config = dict(index["config"])
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if edition.root and location.startswith(edition.root):
                doc = {**doc, "location": location[len(edition.root) :]}
            elif edition.root or location.startswith(others):
                continue
            docs.append(doc)
        if edition.chinese:
            pages: dict[str, list[str]] = {}
            for doc in docs:
                pages.setdefault(doc["location"].split("#")[0], []).append(doc["title"])
            for doc in docs:
                words = pages.pop(doc["location"].split("#")[0], None)
                if words is not None:
                    doc[OTHER] = other_words(" ".join(words), locale)
            config["fields"] = {**config.get("fields", {}), OTHER: {"boost": 1}}
        out[locale] = {"config": config, "docs": docs}
    return out


@plugins.event_priority(adapter.FIRST)
def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    adapter.search_dictionary_from_config_dir(config)
    # jieba, which cuts Chinese into words, tells every build on stderr that
    # it loaded its dictionary: a build prints MkDocs' lines only.
    import jieba

    jieba.setLogLevel(logging.WARNING)


@plugins.event_priority(adapter.SITE_WRITTEN)
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if adapter.nested(config):
        return  # one edition of three: the first build finishes the site
    site = Path(config.site_dir)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for locale, data in split(index).items():
        out = site / EDITIONS[locale].root / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
