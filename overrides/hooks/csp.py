"""Reader safety: a Content Security Policy and no referrer, on every page the build writes.

GitHub Pages cannot send headers, so the policy is a ``<meta http-equiv>``
tag, written as the first thing in each page's ``<head>`` after its charset,
before any script. It is added once the whole site is written (every
language, the 404 page, the redirect pages), and each page's policy allows
exactly the inline scripts that page has, by the SHA-256 of their text as
written: change a script in a template and the next build allows the new one.

A policy in a ``<meta>`` tag has a cost in Chromium: the preload scanner,
which fetches a page's scripts while the parser is still busy, stops at it.
Material's script and the site's, at the end of ``<body>``, would then be
asked for only when the parser reaches them, one after the other, and run
after the first paint instead of before it (``benchmarks/lighthouse.py``
measured the difference as blocking time). So each page also names its
scripts in ``<link rel="preload">`` tags right after the policy, so that
they are fetched beside the stylesheet, as the preload scanner would: any
later, and the parser reaches them only once the stylesheet has arrived
(an inline script in ``<head>`` waits for it).

``mkdocs serve`` adds a live-reload script of its own to every page, which
the policy would block: under ``serve`` the build says so and adds no policy.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs import plugins
from mkdocs.config.defaults import MkDocsConfig

from jointletter import plugins as adapter
from jointletter.carry import FOLDER

log = logging.getLogger("mkdocs.hooks.csp")

# What the site is proven to need (tests/test_security.py), and nothing else.
POLICY = {
    # Nothing is allowed unless it is listed below.
    "default-src": "'none'",
    # The site's own scripts (Material's bundle, the site's script), and the
    # inline scripts of the page itself, by hash: Material's scope, palette
    # and scroll-target snippets (JSON data blocks are not scripts).
    "script-src": "'self' {hashes}",
    # The one stylesheet (overrides/hooks/stylesheet.py); no inline styles.
    "style-src": "'self'",
    # The favicon and preview images; Material draws its icons as data: SVG
    # masks in its stylesheet.
    "img-src": "'self' data:",
    # System fonts only; nothing is fetched, but a local font is the site's.
    "font-src": "'self'",
    # Material's search index, sitemaps, and pages fetched by instant navigation.
    "connect-src": "'self'",
    # Material's search worker.
    "worker-src": "'self'",
    # No plugins, no <base> to redirect relative addresses, no form sends
    # anything anywhere (search runs in the page).
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</script>", re.S)
DATA_BLOCK = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
LEAVES = re.compile(r"<script\b[^>]*\sdata-leaves\b")
EXTERNAL_SCRIPT = re.compile(r"""<script\b[^>]*?\ssrc=["']?([^"'\s>]+)""")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
REFERRER = '<meta name="referrer" content="no-referrer">'
POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy"', re.I)


def script_hashes(html: str) -> list[str]:
    """SHA-256 of each inline script the browser would run, as CSP sources."""
    found = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or DATA_BLOCK.search(attrs):
            continue
        digest = hashlib.sha256(match.group("text").encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(found)


def policy(html: str) -> str:
    hashes = " ".join(script_hashes(html))
    return "; ".join(f"{key} {value.format(hashes=hashes)}".strip() for key, value in POLICY.items())


def preloads(html: str) -> str:
    """A preload tag for each script the page loads, in the page's order;
    none on a page that may leave for another at once (a script marked
    data-leaves: the English not-found page at a Chinese address)."""
    if LEAVES.search(html):
        return ""
    sources = dict.fromkeys(EXTERNAL_SCRIPT.findall(html))
    return "".join(f'<link rel="preload" href="{src}" as="script">' for src in sources)


def protect(html: str) -> str:
    """The page with its policy, its referrer policy and its scripts'
    preloads at the top of <head>."""
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">{REFERRER}{preloads(html)}'
    charset = CHARSET.search(html)
    if charset:
        return html[: charset.end()] + tags + html[charset.end() :]
    head = html.index("<head>") + len("<head>")
    return html[:head] + '<meta charset="utf-8">' + tags + html[head:]


@plugins.event_priority(adapter.LAST)  # after every edition and the redirect pages
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if adapter.nested(config):
        return  # one edition of three: the first build finishes the site
    if adapter.serving():
        log.info("mkdocs serve: pages get no Content Security Policy here (it would block live reload)")
        return
    site = Path(config.site_dir)
    for path in site.rglob("*.html"):
        if path.relative_to(site).as_posix().startswith(FOLDER):
            continue  # the carried editions have a policy of their own, and their digests are published
        html = path.read_text(encoding="utf-8")
        if not POLICY_TAG.search(html):
            path.write_text(protect(html), encoding="utf-8")
