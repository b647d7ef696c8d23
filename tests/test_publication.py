"""Who publishes the site and how to reach them, where it is published, and every source with its archived copy."""

from __future__ import annotations

import importlib.util
import urllib.parse

import pytest
import yaml

from conftest import LANGS, MIRROR, REPOSITORY, ROOT, SITE_URL, Site

PUBLISHED_BY = {"en": "This site is published by", "zh-hans": "本站由", "zh-hant": "本站由"}
READ_ON = {"en": ", read on ", "zh-hans": "，查阅于", "zh-hant": "，查閱於"}


def source_entries() -> dict[str, dict]:
    """data/sources.yml as written: each source's keys."""
    return yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))


def archive_script():
    spec = importlib.util.spec_from_file_location("archive_sources", ROOT / "scripts" / "archive_sources.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("locale", LANGS)
def test_each_sources_page_says_who_publishes_the_site_and_lists_every_source_with_its_copy(
    site: Site, locale: str
) -> None:
    content = site.page(f"{LANGS[locale]}sources/").content
    publisher = content.find(id="publisher").find_next_sibling("p")
    assert publisher is not None and PUBLISHED_BY[locale] in publisher.get_text(), f"{locale} sources: no publisher"
    links = [a["href"] for a in publisher.select("a[href]")]
    assert f"https://github.com/{REPOSITORY}" in links and f"https://github.com/{REPOSITORY}/issues" in links, (
        f"{locale} sources: the publisher's paragraph does not link the repository and its issues: {links}"
    )
    listed = content.find(id="every-source").find_next("ul")
    archived = {a["href"] for a in listed.select("a[href^='https://web.archive.org/web/']")}
    expected = len(source_entries())
    assert len(listed.select("li")) == expected == len(archived), (
        f"{locale} sources: {len(listed.select('li'))} sources listed, {len(archived)} archived copies, "
        f"{expected} sources in data/sources.yml"
    )
    # A source's name, the day it was read and its copy, separated as a sentence's parts are;
    # Chinese sentences follow one another without a space.
    odd = [li.get_text() for li in listed.select("li") if READ_ON[locale] not in li.get_text() or "、" in li.get_text()]
    assert not odd, f"{locale} sources: entries not written as name{READ_ON[locale]}…: {odd[:2]}"
    assert locale == "en" or "。 " not in publisher.get_text(), f"{locale} sources: a space between Chinese sentences"


def test_every_footer_names_the_repository_and_each_events_source_its_archived_copy(site: Site) -> None:
    for page in site.html_pages():
        if page.soup.select_one(".md-content") is None:
            continue  # a redirect page
        line = page.soup.select_one(".md-copyright__publisher")
        assert line is not None and REPOSITORY in line.get_text(), (
            f"{page.path}: the footer does not name the repository"
        )
    for locale, root in LANGS.items():
        for event in site.page(f"{root}timeline/").content.select("li.event:not(.event--letter)"):
            sources = event.select(".event__sources > a[href]")
            copies = event.select(".event__sources .source-archived a[href^='https://web.archive.org/web/']")
            assert sources and len(copies) == len(sources), f"{locale} timeline #{event['id']}: no archived copies"


def test_the_weekly_archiving_skips_cleanly_without_keys(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.delenv("ARCHIVE_ACCESS_KEY", raising=False)
    monkeypatch.delenv("ARCHIVE_SECRET_KEY", raising=False)
    assert archive_script().main(send=lambda request: pytest.fail("a request was sent without keys")) == 0
    assert "skipped" in summary.read_text(encoding="utf-8"), "the run's summary does not say the archiving was skipped"


def test_the_weekly_archiving_asks_save_page_now_for_every_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to the network call: one request per source still online, as Save Page Now 2 reads it."""
    monkeypatch.setenv("ARCHIVE_ACCESS_KEY", "key")
    monkeypatch.setenv("ARCHIVE_SECRET_KEY", "secret")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    sent = []
    assert archive_script().main(send=lambda request: sent.append(request) or {"job_id": "x"}, pause=0) == 0
    online = sorted(entry["url"] for entry in source_entries().values() if not entry.get("gone"))
    asked = sorted(urllib.parse.parse_qs(request.data.decode())["url"][0] for request in sent)
    assert asked == online, f"{len(asked)} captures asked for {len(online)} sources still online, or not the same ones"
    for request in sent:
        form = urllib.parse.parse_qs(request.data.decode())
        assert request.full_url == "https://web.archive.org/save" and request.get_method() == "POST", request.full_url
        assert request.get_header("Authorization") == "LOW key:secret", request.headers
        assert form["if_not_archived_within"] == ["30d"] and form["url"][0].startswith("https://"), form


@pytest.mark.slow
def test_each_sources_page_lists_where_the_site_is_published(site: Site, instant) -> None:
    """The primary and the mirror mkdocs.yml names; a build with no mirror set up, the primary only."""
    _, without_mirror = instant
    for locale, root in LANGS.items():
        listed = site.page(f"{root}sources/").content.find(id="sites").find_next("ul")
        hosts = [a["href"] for a in listed.select("a[href]")]
        assert hosts == [SITE_URL + root, MIRROR + root], f"{locale} sources: the site is published at {hosts}"
        page = (without_mirror / root / "sources" / "index.html").read_text(encoding="utf-8")
        assert MIRROR not in page, f"{locale} sources: a build without a mirror names {MIRROR}"
