"""The glossary: one rendering per term, in each script (``data/glossary.yml``).

The Traditional column is Taiwan's usage and is what the conversion of the
Simplified text must give: ``jointletter.chinese`` takes it as reviewed
exceptions. The tests hold every Chinese page to it (no "avoid" rendering).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from jointletter.project import Project, parse_yaml, read_text

FILE = "data/glossary.yml"


@dataclass(frozen=True)
class Term:
    en: str
    hans: str
    hant: str
    avoid: tuple[str, ...] = ()
    note: str = ""


def glossary(project: Project) -> list[Term]:
    path = project.root / FILE
    if not path.is_file():
        raise PluginError(f"{FILE} is missing: the Traditional conversion follows it")
    data = parse_yaml(read_text(path), FILE) or []
    if not isinstance(data, list):
        raise PluginError(f"{FILE}: must be a list of terms")
    terms = []
    for place, entry in enumerate(data, start=1):
        where = f"{FILE}: term {place} ({entry.get('en', '?') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict):
            raise PluginError(f"{where}: must have the keys en, zh-hans, zh-hant")
        for key in ("en", "zh-hans", "zh-hant"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise PluginError(f"{where}: key '{key}' is missing or empty")
        avoid = entry.get("avoid") or []
        if not isinstance(avoid, list) or not all(isinstance(a, str) for a in avoid):
            raise PluginError(f"{where}: key 'avoid' must be a list of renderings")
        terms.append(Term(entry["en"], entry["zh-hans"], entry["zh-hant"], tuple(avoid), entry.get("note") or ""))
    return terms


def pairs(project: Project) -> tuple[tuple[str, str], ...]:
    """(Simplified, Traditional) for the conversion: every term, those written
    alike in both scripts too (OpenCC's phrasing would change 支持 to 支援)."""
    return tuple(sorted({(t.hans, t.hant) for t in glossary(project)}))
