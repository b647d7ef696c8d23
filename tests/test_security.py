"""Reader safety: the Content Security Policy and referrer policy on every page, proven in Chromium;
every outside address the site cites, listed for a reviewer."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SUBPATH, Site

REQUIRED = {
    "default-src": ["'none'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}
INLINE = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</script>", re.S)


def parse_policy(html: str) -> dict[str, list[str]] | None:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    if match is None:
        return None
    return {part.split()[0]: part.split()[1:] for part in match.group(1).split(";") if part.strip()}


def inline_scripts(html: str) -> list[str]:
    return [
        m.group("text")
        for m in INLINE.finditer(html)
        if "src=" not in m.group("attrs") and "json" not in m.group("attrs")
    ]


def all_html(root: Path) -> list[Path]:
    """The site's pages (the carried editions' HTML files have a policy of
    their own, that lets them load nothing: test_downloads.py)."""
    return sorted(p for p in root.rglob("*.html") if not p.relative_to(root).as_posix().startswith("downloads/"))


def test_every_page_has_a_policy_before_any_script(site: Site) -> None:
    problems = []
    files = all_html(site.root)
    assert len(files) >= 37, f"only {len(files)} pages"
    for path in files:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site.root)
        policy = parse_policy(html)
        if policy is None:
            problems.append(f"{name}: no Content-Security-Policy meta tag")
            continue
        head = html[: html.index("</head>")]
        if head.index("Content-Security-Policy") > min(
            (head.find(t) for t in ("<script", "<link", "<style") if t in head), default=len(head)
        ):
            problems.append(f"{name}: the policy comes after a script, stylesheet or style")
        for directive, sources in REQUIRED.items():
            if policy.get(directive) != sources:
                problems.append(f"{name}: {directive} is {policy.get(directive)}, expected {sources}")
        scripts = policy.get("script-src", [])
        if scripts[:1] != ["'self'"] or any(s in scripts for s in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:")):
            problems.append(f"{name}: script-src is {scripts}")
        wanted = {
            f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
            for text in inline_scripts(html)
        }
        if set(scripts[1:]) != wanted:
            problems.append(
                f"{name}: script-src hashes {sorted(scripts[1:])} are not exactly those of its inline "
                f"scripts {sorted(wanted)}"
            )
        if '<meta name="referrer" content="no-referrer">' not in head:
            problems.append(f"{name}: no referrer policy")
        if re.search(r'\sstyle="', html) or re.search(r"\son[a-z]+=", html):
            problems.append(f"{name}: an inline style or event handler attribute, which the policy blocks")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------
# In Chromium: the policy blocks what it should (tests/test_browser.py proves
# that no page and no interaction violates it)
# ---------------------------------------------------------------------------

WATCH = """
document.addEventListener("securitypolicyviolation", e => {
  console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
PLANTED = """
<img src="{host}pixel.png" alt="planted">
<script src="{host}tracker.js"></script>
<link rel="stylesheet" href="{host}style.css">
"""


@pytest.mark.browser
def test_the_policy_blocks_a_planted_third_party_image_script_and_stylesheet(
    browser, site: Site, tmp_path: Path
) -> None:
    from jointletter.pages_server import PagesServer

    # The third party: another server on loopback, which logs every request.
    third = tmp_path / "third"
    third.mkdir()
    for name in ("pixel.png", "tracker.js", "style.css"):
        (third / name).write_text("", encoding="utf-8")
    # The built site with the three planted in one page, as an attacker who
    # could edit a page's HTML would: the page keeps its policy.
    root = tmp_path / "www"
    shutil.copytree(site.root, root)
    with PagesServer(root, SUBPATH) as server, PagesServer(third, "/") as other:
        letter = root / "letter" / "index.html"
        letter.write_text(
            letter.read_text(encoding="utf-8").replace("</article>", PLANTED.format(host=other.url) + "</article>", 1),
            encoding="utf-8",
        )
        context = browser.new_context()
        context.add_init_script(WATCH)
        page = context.new_page()
        seen: list[str] = []

        def watch(message) -> None:
            if message.text.startswith("securitypolicyviolation"):
                seen.append(message.text.removeprefix("securitypolicyviolation ").strip())

        page.on("console", watch)
        page.goto(server.url + "letter/", wait_until="networkidle")
        page.remove_listener("console", watch)
        context.close()
        for kind, directive in (
            ("pixel.png", "img-src"),
            ("tracker.js", "script-src-elem"),
            ("style.css", "style-src-elem"),
        ):
            assert any(v.startswith(directive) and kind in v for v in seen), (
                f"the policy did not block the planted {kind}: {seen}"
            )
        assert other.log == [], f"requests reached the third party: {other.log}"


def test_the_script_lists_every_outside_address(site: Site) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "external_links.py"), str(site.root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    listed = (ROOT / "data" / "sources.yml").read_text(encoding="utf-8")
    for url in re.findall(r"^  url: (\S+)$", listed, re.M):
        assert url in result.stdout, f"scripts/external_links.py does not list {url}"
