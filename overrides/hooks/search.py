"""Search in each edition's own language, and in either Chinese script.

Material's search plugin writes one index of every page; this hook splits it
into one per edition, at the edition's root, where Material's script reads it
(``editions.py`` gives each page its edition's base). A Chinese reader types
in the script of their input method, which need not be the page's: beside
each Chinese index, ``search/script.json`` tells the site's script how the
other script writes the edition's words (``jointletter.chinese.query_table``),
and the query is converted as it is typed (``docs/assets/javascripts/site.js``).
The table holds only the site's own characters and the words that differ
beyond them (网络 is 網路 in Taiwan), and is fetched when the reader first
types: no reader's first load grows with it.
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
from jointletter.chinese import query_table
from jointletter.editions import EDITIONS, language
from jointletter.project import Project

WORDS = re.compile(r"[\u3400-\u9fff]+")
TABLE = "search/script.json"


def split(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The whole site's index as one index per edition, locations relative to the edition's root."""
    out = {}
    for locale, edition in EDITIONS.items():
        others = tuple(e.root for e in EDITIONS.values() if e.root and e is not edition)
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if edition.root and location.startswith(edition.root):
                doc = {**doc, "location": location[len(edition.root) :]}
            elif edition.root or location.startswith(others):
                continue
            docs.append(doc)
        out[locale] = {"config": index["config"], "docs": docs}
    return out


def words(index: dict[str, Any]) -> list[str]:
    """The Simplified edition's words, as jieba cut them (joined by U+200B)."""
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    return [word for word in WORDS.findall(text.replace("\u200b", " "))]


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
    indexes = split(json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8")))
    source = words(indexes["zh-hans"])
    terms = language("zh-hans", Project.of(config)).terms
    for locale, data in indexes.items():
        folder = site / EDITIONS[locale].root / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        if EDITIONS[locale].chinese:
            table = json.dumps(query_table(source, locale, terms), ensure_ascii=False, separators=(",", ":"))
            (site / EDITIONS[locale].root / TABLE).write_text(table, encoding="utf-8")
