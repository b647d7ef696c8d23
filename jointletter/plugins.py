"""The one adapter for what MkDocs' plugins do not offer as API.

mkdocs-static-i18n (1.3) builds the site once per edition: the English build
first, whose ``on_post_build`` builds the others with the same config. Which
edition a build makes, whether it is one of those nested builds, and each
page's versions in the other editions are attributes of the plugin, not API;
mkdocs-redirects (1.2) knows only the redirect maps mkdocs.yml names, in
English. The hooks reach them here and nowhere else, and the versions of both
plugins are pinned to the minor releases this file is tested with.

Hooks run in the order of their priorities, named here: the i18n plugin's
events run at -100.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from jointletter.editions import DEFAULT, EDITIONS, Edition

# Before the plugins' own events.
FIRST = 100
# As the build starts, once the i18n plugin has chosen the build's edition:
# the checks of the project's data, before the hooks that read it.
CHECKS = -105
# After the i18n plugin's own events (it sorts the files, makes the navigation).
AFTER_I18N = -110
# After the i18n plugin's on_post_build has built the other editions: the
# site is whole.
SITE_WRITTEN = -110
# Last of all, once every other hook has written its files.
LAST = -120


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured")
    return plugin


def edition(config: MkDocsConfig) -> Edition:
    """The edition a build is making (before the plugin's first on_config: the
    default). Not in the first build's on_post_build once the others are
    built: the plugin leaves the last edition's there."""
    plugin = _i18n(config)
    locale = plugin.current_language or plugin.default_language
    if locale not in EDITIONS:
        raise PluginError(f"mkdocs.yml: the i18n plugin builds '{locale}', which jointletter/editions.py does not know")
    return EDITIONS[locale]


def nested(config: MkDocsConfig) -> bool:
    """Whether this is one of the builds the first (English) build runs inside it."""
    return bool(_i18n(config).building)


def check_languages(config: MkDocsConfig) -> None:
    """mkdocs.yml's i18n languages are exactly the model's editions, in its order."""
    listed = [(lang.locale, lang.name, bool(lang.default)) for lang in _i18n(config).config.languages]
    wanted = [(e.locale, e.name, e.locale == DEFAULT) for e in EDITIONS.values()]
    if listed != wanted:
        raise PluginError(
            f"mkdocs.yml: the i18n plugin's languages are {listed}, but jointletter/editions.py has {wanted}"
        )


def alternates(page: Page) -> dict[str, str]:
    """A page's address in each edition it exists in, site-relative ('' for the home page)."""
    found: dict[str, File] = getattr(page.file, "alternates", {})
    return {locale: "" if file.url in (".", "./") else file.url for locale, file in found.items() if locale in EDITIONS}


def redirect_in_edition(config: MkDocsConfig, files: Files) -> None:
    """The redirect maps in mkdocs.yml name English files; in a Chinese edition
    they mean the same pages below the edition's folder."""
    redirects = config.plugins.get("redirects")
    current = edition(config)
    if redirects is None or not current.chinese:
        return
    redirects.redirects = {f"{current.root}{old}": new for old, new in redirects.redirects.items()}
    redirects.doc_pages = {getattr(file, "norm_src_uri", file.src_uri): file for file in files.documentation_pages()}


def search_dictionary_from_config_dir(config: MkDocsConfig) -> None:
    """Material's search reads its jieba dictionary from a path relative to the
    working directory: make it the config file's folder, as for every other
    path in mkdocs.yml, so that a build works from anywhere."""
    search = config.plugins.get("material/search")
    path = search.config.jieba_dict if search is not None else None
    if path and not Path(path).is_absolute():
        search.config.jieba_dict = str(Path(config.config_file_path).parent / path)


def strict_warnings(config: MkDocsConfig) -> int:
    """How many warnings a strict build has logged so far (MkDocs counts them,
    to abort once the whole site is built)."""
    if not config.strict:
        return 0
    # A nested build adds a counter of its own: each counts the same warnings.
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return max((sum(count for _, count in counter.get_counts()) for counter in counters), default=0)


def session(config: MkDocsConfig) -> dict[str, Any]:
    """What one build of the site keeps from one edition's build to the next
    (work started in one, finished once all are written): kept on the i18n
    plugin, which lives as long as that build; the first edition's build
    empties it."""
    store: dict[str, Any] = _i18n(config).__dict__.setdefault("_jointletter_session", {})
    return store


class _Compiled(BytecodeCache):
    """Templates compiled once for the whole site, not once per edition (Jinja
    checks each template's source against the checksum kept with it)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def compile_once(env: Environment, config: MkDocsConfig) -> Environment:
    """The theme's environment, sharing its compiled templates with the other
    editions' (each edition's build gets a new environment from MkDocs)."""
    env.bytecode_cache = session(config).setdefault("compiled", _Compiled())
    return env


def partials(config: MkDocsConfig) -> Environment:
    """The theme's templates for the Markdown the hooks add (partials/*.md):
    one Jinja environment per edition's build. MkDocs' Theme.get_env makes a
    new one at each call, which compiles every template again."""
    envs: dict[str, Environment] = session(config).setdefault("partials", {})
    locale = edition(config).locale
    if locale not in envs:
        envs[locale] = compile_once(config.theme.get_env(), config)
    return envs[locale]


def serving() -> bool:
    """Whether this process is `mkdocs serve` (its live reload needs the pages
    as MkDocs writes them: no policy, no carried editions). MkDocs tells only
    on_startup, once per process, and no build afterwards: its command line
    says it for every build."""
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), "")
    return command == "serve"  # `mkdocs serve`, `mkdocs -v serve`
