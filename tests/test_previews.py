"""Sharing: link-preview tags, preview images, JSON-LD, recommendations.json, copy-link buttons."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from conftest import SITE_URL, Recommendation, Site, build_in_process, copy_project

PREVIEW_TAGS = (
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:type"),
    ("property", "og:site_name"),
    ("property", "og:url"),
    ("property", "og:image"),
    ("property", "og:image:alt"),
    ("name", "twitter:card"),
    ("name", "description"),
)


def content_pages(site: Site):
    """Every page a reader can open: not the 404 page, not redirects."""
    return [p for p in site.html_pages() if p.path.name != "404.html" and p.soup.select_one(".md-content")]


def meta(page, attr: str, name: str) -> str | None:
    tag = page.soup.find("meta", attrs={attr: name})
    return tag["content"] if tag else None


def test_every_page_has_absolute_preview_tags(site: Site) -> None:
    for page in content_pages(site):
        for attr, name in PREVIEW_TAGS:
            assert meta(page, attr, name), f"{page.path}: no <meta {attr}={name!r}>"
        canonical = page.soup.select_one('link[rel="canonical"]')
        assert canonical is not None, f"{page.path}: no canonical link"
        expected = SITE_URL + page.path.as_posix().removesuffix("index.html")
        assert canonical["href"] == expected, f"{page.path}: canonical is {canonical['href']}, expected {expected}"
        assert meta(page, "property", "og:url") == expected, f"{page.path}: og:url is not the canonical URL"
        assert meta(page, "name", "twitter:card") == "summary_large_image", (
            f"{page.path}: twitter:card is not summary_large_image"
        )
        image = meta(page, "property", "og:image")
        assert image.startswith(SITE_URL), f"{page.path}: og:image {image} is not absolute on the site"
        assert (site.root / image.removeprefix(SITE_URL)).is_file(), f"{page.path}: og:image {image} is not built"
        assert meta(page, "name", "description") == meta(page, "property", "og:description"), (
            f"{page.path}: description and og:description differ"
        )


def test_recommendation_previews_use_the_front_matter(site: Site, recommendations: list[Recommendation]) -> None:
    for rec in recommendations:
        page = site.page(rec.url)
        assert meta(page, "name", "description") == rec.summary, f"{rec.url}: description is not the summary"
        assert rec.title in meta(page, "property", "og:title"), f"{rec.url}: og:title lacks the title"
        assert meta(page, "property", "og:image") == f"{SITE_URL}assets/social/{rec.slug}.png", (
            f"{rec.url}: og:image is not its own"
        )
        assert rec.title in meta(page, "property", "og:image:alt"), f"{rec.url}: og:image:alt lacks the title"


def test_each_recommendation_has_its_own_1200x630_png(site: Site, recommendations: list[Recommendation]) -> None:
    seen: dict[bytes, str] = {}
    for name in [rec.slug for rec in recommendations] + ["site"]:
        path = site.root / "assets" / "social" / f"{name}.png"
        assert path.is_file(), f"no preview image {path.name}"
        data = path.read_bytes()
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and image.size == (1200, 630), (
            f"{path.name}: {image.format} {image.size}, not a 1200x630 PNG"
        )
        assert data not in seen, f"{path.name} is the same image as {seen.get(data)}"
        seen[data] = path.name


def test_json_ld_parses_and_describes_the_page(site: Site, recommendations: list[Recommendation]) -> None:
    rec_urls = {SITE_URL + rec.url: rec for rec in recommendations}
    for page in content_pages(site):
        scripts = page.soup.select('script[type="application/ld+json"]')
        assert len(scripts) == 1, f"{page.path}: {len(scripts)} JSON-LD blocks, expected 1"
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org", f"{page.path}: JSON-LD has no schema.org context"
        assert data["url"] == page.soup.select_one('link[rel="canonical"]')["href"], (
            f"{page.path}: JSON-LD url is not canonical"
        )
        assert data["about"]["dateSent"] == "2021-02-17", f"{page.path}: JSON-LD does not describe the letter"
        if data["url"] in rec_urls:
            rec = rec_urls[data["url"]]
            entity = data.get("mainEntity", {})
            assert entity.get("position") == rec.number and entity.get("name") == rec.title, (
                f"{page.path}: JSON-LD mainEntity is not recommendation {rec.number}"
            )
            assert entity.get("isPartOf", {}).get("@id") == data["about"]["@id"], (
                f"{page.path}: JSON-LD does not say it is part of the letter"
            )


def test_recommendations_json_matches_the_front_matter(site: Site, recommendations: list[Recommendation]) -> None:
    data = json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))
    entries = data["recommendations"]
    assert len(entries) == 7, f"recommendations.json: {len(entries)} entries, expected 7"
    for rec, entry in zip(recommendations, entries):
        assert set(entry) == {"number", "slug", "title", "summary", "letter_heading", "url", "events"}, (
            f"recommendations.json: entry {rec.number} has keys {sorted(entry)}"
        )
        assert (entry["number"], entry["slug"], entry["title"], entry["summary"], entry["letter_heading"]) == (
            rec.number,
            rec.slug,
            rec.title,
            rec.summary,
            rec.letter_heading,
        ), f"recommendations.json: entry {rec.number} differs from the front matter"
        assert entry["url"] == SITE_URL + rec.url, f"recommendations.json: entry {rec.number} url is {entry['url']}"
        assert (site.root / entry["url"].removeprefix(SITE_URL) / "index.html").is_file(), (
            f"recommendations.json: {entry['url']} does not resolve"
        )


def test_sources_links_the_data(site: Site) -> None:
    links = [a["href"] for a in site.page("sources/").content.select("a[href]")]
    assert "../recommendations.json" in links, "sources: no link to recommendations.json"


def test_copy_link_buttons_are_plain_links_to_the_page(site: Site, recommendations: list[Recommendation]) -> None:
    letter = site.page("letter/").content
    for rec in recommendations:
        button = site.page(rec.url).content.select_one("a.copy-link")
        assert button is not None and button["href"] == "./", (
            f"{rec.url}: no copy-link button linking to the page itself"
        )
        assert letter.select_one(f'a.copy-link[href="../{rec.url}"]') is not None, (
            f"letter: no copy-link button for recommendation {rec.number}"
        )
        url = site.page(rec.url).content.select_one(".print-url")
        assert url is not None and url.get_text(strip=True) == SITE_URL + rec.url, (
            f"{rec.url}: no URL under the title for print"
        )


@pytest.mark.parametrize("value", ["", None])
def test_a_missing_site_url_is_named(tmp_path: Path, value: str | None) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    if value is None:
        lines = [line for line in config.read_text().splitlines() if not line.startswith("site_url:")]
        config.write_text("\n".join(lines) + "\n")
    output = build_in_process(project, tmp_path / "site", SITE_URL=value or "")
    assert "BUILT" not in output, "a build without site_url passed"
    assert "site_url" in output and "mkdocs.yml" in output, output
