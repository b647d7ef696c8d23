"""One render-blocking stylesheet: Material's main and palette stylesheets and the site's own.

Material links two stylesheets in its ``styles`` block (``main`` and, with a
palette, ``palette``) and the site adds a third; each one holds the first
paint. This hook joins them, in that order, into one file named by its
content (``assets/stylesheets/site.<hash>.css``, so a change is never served
stale), which ``overrides/main.html`` links instead. Material's files are read
as installed, never edited.

It leaves out what this site can never use, by rule, so the cascade of what
stays is unchanged:

- the palette's rules for Material's named colours
  (``[data-md-color-primary=indigo]`` ...): this site's palette is
  ``custom``;
- rules whose every selector names a component this site does not have
  (``UNUSED`` below: content tabs, annotations, Mermaid, the version
  selector, the cookie consent ...).

Material's two are found among the theme's files; if Material ever ships
another stylesheet beside them, the build stops and says so: the bundle would
otherwise miss it.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import rcssmin
import tinycss2
from jinja2 import Environment
from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from jointletter import plugins as adapter

SITE_CSS = "assets/stylesheets/site.css"
MATERIAL_CSS = re.compile(r"assets/stylesheets/(?P<name>[^/]+)\.[0-9a-f]+\.min\.css")
WANTED = ("main", "palette")
NAMED_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=(?!custom\])")
# Components the site never renders: a rule is dropped only when every one of
# its selectors names one of these.
UNUSED = re.compile(
    r"\.md-annotation|\.md-version|\.md-consent|\.md-source|\.md-tag|"
    r"\.md-progress|\.md-status|\.md-post|\.md-profile|\.md-draft|\.tabbed-|\.mermaid|"
    r"\.task-list|\.critic|\.arithmatex|\.keys|\.emojione|\.twemoji|\.gemoji|"
    r"\.md-typeset \.mdx-|\.md-social|"
    r"\.(?:abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|question|help|faq|"
    r"warning|caution|attention|failure|fail|missing|danger|error|bug|example|quote|cite)\b"
)
# The custom properties of those components (icons as SVG, Mermaid's colours):
# dropped from the rules that declare them.
UNUSED_PROPERTIES = re.compile(
    r"--md-(?:source|status|tag|annotation|version|tabbed|tasklist|mermaid|post|code-select|code-copy|"
    r"typeset-table-sort|details)-|--md-admonition-icon--(?!note)|--md-(?:tag|version)-icon"
)


def material_stylesheets(config: MkDocsConfig) -> list[Path]:
    """Material's main and palette stylesheets, in that order, as installed."""
    found: dict[str, Path] = {}
    for folder in reversed(config.theme.dirs):  # the first folder wins, as for templates
        for path in Path(folder).glob("assets/stylesheets/*.min.css"):
            match = MATERIAL_CSS.fullmatch(path.relative_to(folder).as_posix())
            if match:
                found[match.group("name")] = path
    if sorted(found) != sorted(WANTED):
        raise PluginError(
            f"overrides/hooks/stylesheet.py: Material's stylesheets are {sorted(found)}, not {list(WANTED)}; "
            "the one-stylesheet bundle needs updating"
        )
    return [found[name] for name in WANTED]


def _keep(rule) -> bool:
    if rule.type != "qualified-rule":
        return True
    selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
    if all(NAMED_COLOUR.search(s) for s in selectors):
        return False
    if not all(UNUSED.search(s) for s in selectors):
        declarations = tinycss2.parse_blocks_contents(rule.content)
        kept = [d for d in declarations if d.type != "declaration" or not UNUSED_PROPERTIES.match(d.name)]
        if len(kept) != len(declarations):
            rule.content = [token for d in kept if d.type == "declaration" for token in (*_declaration(d),)]
        return True
    return False


def _declaration(declaration) -> list:
    """A declaration as tokens again, with its semicolon."""
    text = f"{declaration.name}:{tinycss2.serialize(declaration.value)}{'!important' if declaration.important else ''};"
    return tinycss2.parse_component_value_list(text)


def _trim(css: str) -> str:
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = [
                r for r in tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True) if _keep(r)
            ]
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{tinycss2.serialize(inner)}}}")
        elif _keep(rule):
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


@plugins.event_priority(adapter.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    # The site's stylesheet is part of the bundle, not a file of its own.
    site_css = files.get_file_from_path(SITE_CSS)
    if site_css is not None:
        files.remove(site_css)
    return files


@lru_cache(maxsize=4)  # the same for the three languages' builds
def _bundle(sources: tuple[tuple[str, float], ...]) -> str:
    *material, (site_css, _) = sources
    parts = [_trim(Path(path).read_text(encoding="utf-8")) for path, _ in material]
    parts.append(rcssmin.cssmin(Path(site_css).read_text(encoding="utf-8")))
    return "\n".join(parts) + "\n"


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    material = material_stylesheets(config)
    site_css = Path(config.docs_dir) / SITE_CSS
    if not site_css.is_file():
        raise PluginError(f"docs/{SITE_CSS}: the site's stylesheet is missing")
    sources = [*map(str, material), str(site_css)]
    css = _bundle(tuple((path, Path(path).stat().st_mtime) for path in sources))
    name = f"assets/stylesheets/site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    env.globals["stylesheet"] = name
    if adapter.edition(config).chinese:
        return env  # the English build has written it
    for path in material:
        # Bundled: Material's own copy is not published.
        src = path.relative_to(path.parents[2]).as_posix()
        for uri in (src, f"{src}.map"):
            file = files.get_file_from_path(uri)
            if file is not None:
                files.remove(file)
    files.append(File.generated(config, name, content=css))
    return env
