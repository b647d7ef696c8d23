"""Who publishes a build, where, and of which version: the site's provenance.

GitHub Actions gives the repository (``GITHUB_REPOSITORY``, ``OWNER/REPO``)
and its server (``GITHUB_SERVER_URL``); mkdocs.yml reads them as
``extra.repository`` and ``extra.repository_server``. The site's address is
``site_url`` (``SITE_URL``); a mirror's build also knows the primary's
(``extra.primary_url``, ``PRIMARY_URL``), and mkdocs.yml lists the mirrors
(``extra.mirrors``). A build whose address is this machine's is a local,
unpublished build: nothing it makes prints that address.

The content's date is the day of the last commit that changed the pages or
the data, not the day of the build; with the commit, it says which version a
printed copy is.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_build_datetime

from jointletter import plugins as adapter
from jointletter.project import Project

# What a reader reads: the pages, the data, and the templates and the conversion that write text.
CONTENT = ("docs", "data", "includes", "overrides/partials", "overrides/*.html", "jointletter/chinese.py")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")
REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Provenance:
    site_url: str  # this build's host: where its pages are served
    primary_url: str  # the site's primary address, which every host's carried editions print
    mirrors: tuple[str, ...]  # the other hosts that publish the same site
    repository: str  # OWNER/REPO, or "" for a local build
    server: str  # https://github.com
    commit: str  # the commit built, or "" outside a git checkout
    content_date: datetime.date

    @property
    def published(self) -> bool:
        """Whether this build has a public address (not this machine's)."""
        return urlsplit(self.primary_url).hostname not in LOCAL_HOSTS

    @property
    def repository_url(self) -> str:
        return f"{self.server.rstrip('/')}/{self.repository}" if self.repository else ""

    @property
    def issues_url(self) -> str:
        return f"{self.repository_url}/issues" if self.repository else ""

    @property
    def hosts(self) -> tuple[str, ...]:
        """Every address the site is published at, the primary first."""
        return (self.primary_url, *self.mirrors)


def _git(project: Project, *args: str) -> str:
    try:
        found = subprocess.run(
            ["git", "-C", str(project.root), *args], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return ""  # no git: a copy of the files, not a checkout
    return found.stdout.strip() if found.returncode == 0 else ""


def _version(project: Project) -> tuple[str, datetime.date | None]:
    commit = _git(project, "rev-parse", "HEAD")
    if commit and _git(project, "status", "--porcelain", "--", *CONTENT):
        commit += "+"  # content changed since that commit
    day = _git(project, "log", "-1", "--format=%cs", "--", *CONTENT)
    return commit, datetime.date.fromisoformat(day) if day else None


def _address(value: str, key: str) -> str:
    if not re.match(r"^https?://[^/]+/(.*/)?$", value):
        raise PluginError(f"mkdocs.yml: {key} {value!r} is not an absolute address ending in /")
    if not value.startswith("https://") and urlsplit(value).hostname not in LOCAL_HOSTS:
        raise PluginError(f"mkdocs.yml: {key} {value!r} is not https")
    return value


def mirror_urls(entries: Any) -> list[str]:
    """The addresses of the mirrors set up (mkdocs.yml: extra.mirrors, each with its url and deploy job)."""
    if not isinstance(entries, list):
        raise PluginError("mkdocs.yml: extra.mirrors must be a list of mirrors, each with url and deploy")
    urls = []
    for place, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("deploy"), str) or "url" not in entry:
            raise PluginError(f"mkdocs.yml: extra.mirrors, mirror {place}: needs url and deploy (its job in pages.yml)")
        if entry["url"]:
            urls.append(str(entry["url"]))
    return urls


def provenance(config: Any) -> Provenance:
    """The build's provenance, from its config (and git, for the version)."""
    extra = config.extra
    repository = str(extra.get("repository") or "")
    if repository and not REPOSITORY.fullmatch(repository):
        raise PluginError(f"mkdocs.yml: extra.repository {repository!r} is not OWNER/REPO (GITHUB_REPOSITORY)")
    site_url = _address(config.site_url, "site_url")
    primary = _address(extra.get("primary_url") or site_url, "extra.primary_url (PRIMARY_URL)")
    mirrors = tuple(_address(url, "extra.mirrors") for url in mirror_urls(extra.get("mirrors") or ()))
    # Asked of git once a build (not once a process: `mkdocs serve` rebuilds after commits).
    session = adapter.session(config)
    if "version" not in session:
        session["version"] = _version(Project.of(config))
    commit, day = session["version"]
    return Provenance(
        site_url=site_url,
        primary_url=primary,
        mirrors=tuple(m for m in mirrors if m != primary),
        repository=repository,
        server=str(extra.get("repository_server") or "https://github.com"),
        commit=commit,
        content_date=day or get_build_datetime().date(),
    )
