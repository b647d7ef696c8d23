"""How long the carried editions take to make, and how big they are, for each language.

    uv run python benchmarks/downloads.py SITE_FOLDER [--runs N]

Reads a built site (``mkdocs build`` output) and, for each language, takes its pages in the
order of the site's navigation, each page's rendered content from ``article.md-content__inner``
(the build's hook passes MkDocs' ``page.content`` instead: the same HTML without the template's
additions, which are removed here as far as they matter). Then makes the PDF, the HTML file and
the EPUB N times each with jointletter.carry and prints the median and range of the times, and the
sizes: bytes, and gzip-compressed for the HTML file and the EPUB.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urljoin

from lxml import html

from jointletter import carry
from jointletter.carry import document, epub, pdf
from jointletter.carry import html as single
from jointletter.editions import EDITIONS, language
from jointletter.project import Project
from jointletter.provenance import Provenance
from jointletter.sources import by_address

# What the templates add around page.content, which the hook does not pass.
TEMPLATE_ADDITIONS = (
    "print-url",
    "rec-header__number",
    "rec-header__meta",
    "rec-pager",
    "rec-cards",
    "home-recommendations",
)


def with_class(element, name: str) -> list:
    return element.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def nav_order(site: Path, root: str) -> list[str]:
    """The edition's pages in the order of its navigation, as site-relative URLs."""
    home = html.parse(str(site / root / "index.html")).getroot()
    base = "https://site.invalid/" + root
    urls: list[str] = [root]
    for href in home.xpath("//nav[contains(@class, 'md-nav--primary')]//a[contains(@class, 'md-nav__link')]/@href"):
        url = urljoin(base, href).removeprefix("https://site.invalid/").split("#")[0]
        if url.startswith(root) and url not in urls and (site / url / "index.html").is_file():
            urls.append(url)
    return urls


def section(site: Path, url: str) -> carry.Section:
    page = html.parse(str(site / url / "index.html")).getroot()
    article = page.xpath("//article[contains(@class, 'md-content__inner')]")[0]
    is_rec = "recommendations/" in url and not url.endswith("recommendations/")
    lede = ""
    if is_rec:
        template_lede = with_class(article, "lede")[0]
        lede = " ".join(template_lede.text_content().split())
        template_lede.drop_tree()
    for name in TEMPLATE_ADDITIONS:
        for element in with_class(article, name):
            element.drop_tree()
    h1 = article.xpath(".//h1")[0]
    for link in h1.xpath(".//a[contains(@class, 'headerlink')]"):
        link.drop_tree()
    content = (article.text or "") + "".join(html.tostring(child, encoding="unicode") for child in article)
    return carry.Section(url, " ".join(h1.text_content().split()), content, lede)


def publication(site: Path, locale: str) -> carry.Publication:
    root = EDITIONS[locale].root
    home = html.parse(str(site / root / "index.html")).getroot()
    address = home.xpath("//link[@rel='canonical']/@href")[0].removesuffix(root)
    found = Provenance(
        address, address, (), "example/joint-letter", "https://github.com", "0" * 40, datetime.date(2021, 2, 17)
    )
    return carry.Publication(language(locale, Project()), found, by_address(Project()))


def timed(make: Callable[[], bytes], runs: int) -> tuple[list[float], bytes]:
    times, data = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        data = make()
        times.append(time.perf_counter() - start)
    return times, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    makers = {"pdf": pdf.make, "html": single.make, "epub": epub.make}
    print(f"{'':8} {'format':6} {'median':>8} {'range':>13} {'bytes':>10} {'gzip':>10}")
    for locale, edition in EDITIONS.items():
        urls = nav_order(args.site, edition.root)
        sections = [section(args.site, url) for url in urls]
        doc = document.assemble(publication(args.site, locale), sections, urls)
        for ext, make in makers.items():
            times, data = timed(partial(make, doc), args.runs)
            packed = f"{len(gzip.compress(data, 9)):>10}" if ext != "pdf" else f"{'':>10}"
            print(
                f"{locale:8} {ext:6} {statistics.median(times):>7.2f}s {min(times):>6.2f}-{max(times):.2f}s"
                f" {len(data):>10} {packed}"
            )
    print(f"({args.runs} runs each; {len(urls)} pages per language)")


if __name__ == "__main__":
    main()
