"""In a real browser: accessibility, keyboard, privacy, search, deep links, no-JS, print, page weight.

Playwright drives Chromium against the built site served on loopback under its
subpath, as GitHub Pages serves it. The browser is found in this order:
CHROMIUM_PATH, /usr/bin/chromium, a Playwright-managed browser. Without one
these tests skip, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import SITE_URL, Recommendation

pytest.importorskip("playwright")
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

EDITIONS = ["", "zh-hans/", "zh-hant/"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}
# A word found on each recommendation's page, in the report's order.
SEARCH_WORDS = ("detained", "Turkic", "lawyers", "Olympics", "existing", "propaganda", "distinction")


def wait_until(page: Page, expression: str, timeout: int = 10000) -> None:
    """Wait until a JavaScript expression is true in the page. (Playwright's
    wait_for_function evaluates a string in the page, which the site's
    Content Security Policy rightly forbids; evaluate() is not subject to it.)"""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(50)


def tab_to(page: Page, expression: str, what: str, presses: int = 20) -> None:
    """Press Tab until a JavaScript expression about the focused element is true."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(expression):
            return
    pytest.fail(f"Tab never reaches {what}")


def open_page(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    # Material's palette script and instant navigation run on load.
    wait_until(page, "typeof document$ !== 'undefined'")


# ---------------------------------------------------------------------------
# One tour per colour scheme: accessibility, the policy, requests, no JavaScript
# ---------------------------------------------------------------------------

# Every Content Security Policy violation, reported to the console, where the
# tour collects it across navigations.
WATCH = """
document.addEventListener("securitypolicyviolation", e => {
  console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
MISSING = ("no/such/page/", "zh-hans/no/such/page/", "zh-hant/a/b/c/")
# The browser tests' build keeps an old address working (conftest.REDIRECT):
# its redirect page in each edition, and where it leads.
REDIRECTS = {f"{root}old-officials/": f"{root}officials/" for root in ("", "zh-hans/", "zh-hant/")}
# Each kind of page, in each edition, whose first load is counted request by request.
FIRST_LOADS = ("", "letter/", "recommendations/winter-olympics/", "timeline/", "no/such/page/")


def first_load(browser: Browser, server, url: str) -> list[tuple[str, int, int]]:
    """What a first visit to a page asks of the server, in a fresh browser,
    once the page is idle (Material fetches its sitemap and search index
    after load)."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    server.log.clear()
    page.goto(server.url + url, wait_until="networkidle")
    log = list(server.log)
    context.close()
    return log


@pytest.mark.parametrize("scheme", SCHEMES)
def test_tour(browser: Browser, instant, scheme: str) -> None:
    """Every page, in this colour scheme, at desktop and phone widths: axe finds
    no violation (every rule in the light tour; in the dark one the rules of
    colour, the only thing the scheme changes), nothing violates the Content
    Security Policy, no request leaves the site's server; in the light tour
    also: each kind of page's first load asks for no address twice and for
    nothing that fails, in at most 10 requests; and without JavaScript every
    page has its content and navigation."""
    from axe_playwright_python.sync_playwright import Axe

    server, root = instant
    rules = "" if scheme == "light" else ", runOnly: ['color-contrast', 'link-in-text-block']"
    run_axe = f"axe.run(document, {{resultTypes: ['violations']{rules}}}).then(r => r.violations)"
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme=scheme, reduced_motion="reduce")
    context.add_init_script(WATCH)
    # axe with every page (Playwright's init scripts are not subject to the
    # page's policy), parsed once a page rather than sent over at each run.
    context.add_init_script(Axe().axe_script)
    requests: list[str] = []
    violations: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()

    def watch(message) -> None:
        if message.text.startswith("securitypolicyviolation"):
            violations.append(message.text)

    page.on("console", watch)
    problems = []
    urls = [*built_urls(root), *MISSING]
    if scheme == "dark":
        # Colour is the stylesheet's, the same for every edition; the
        # Traditional pages are the Simplified ones converted, element for
        # element, so the dark tour reads English and Simplified.
        urls = [url for url in urls if not url.startswith("zh-hant/")]
    for url in urls:
        if url in REDIRECTS:
            page.goto(server.url + url, wait_until="load")
            page.wait_for_url(server.url + REDIRECTS[url])  # the redirect page's script ran under the policy
        open_page(page, server.url + url if url not in REDIRECTS else page.url)
        actual = page.evaluate("document.body.dataset.mdColorScheme")
        if actual != SCHEMES[scheme]:
            problems.append(f"/{url}: the {scheme} system scheme shows Material's scheme {actual!r}")
        for viewport in ("desktop", "phone"):
            page.set_viewport_size(VIEWPORTS[viewport])
            for violation in page.evaluate(run_axe):
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                problems.append(
                    f"/{url} [{scheme}, {viewport}]: axe: {violation['id']}: {violation['help']} at {targets}"
                )
        page.set_viewport_size(VIEWPORTS["desktop"])
        problems += [f"/{url}: {v}" for v in violations]
        violations.clear()
    # Stop listening first: closing a context while its page still reports
    # to a listener has been seen to hang Playwright.
    page.remove_listener("console", watch)
    context.close()
    own = urlsplit(server.origin).netloc
    elsewhere = sorted(
        {u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own}
    )
    problems += [f"a request left the site's server: {u}" for u in elsewhere]
    if scheme == "light":
        for edition in ("", "zh-hans/", "zh-hant/"):
            for kind in FIRST_LOADS:
                url = edition + kind
                log = first_load(browser, server, url)
                paths = [path for path, _, _ in log]
                twice = sorted({p for p in paths if paths.count(p) > 1})
                failed = [
                    (path, status)
                    for path, status, _ in log
                    if status >= 400 and path != urlsplit(server.url + url).path
                ]
                if twice:
                    problems.append(f"/{url}: first load asks twice for {twice}")
                if failed:
                    problems.append(f"/{url}: first load asks for what fails: {failed}")
                if len(log) > 10:
                    problems.append(f"/{url}: first load makes {len(log)} requests: {paths}")
        problems += without_javascript(browser, server, root)
    assert not problems, "\n".join(problems)


def built_urls(root: Path) -> list[str]:
    """Every page a reader can open in the built site (not 404 pages), and the
    redirect pages."""
    return sorted(p.relative_to(root).as_posix().removesuffix("index.html") for p in root.rglob("index.html"))


def without_javascript(browser: Browser, server, root: Path) -> list[str]:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], java_script_enabled=False)
    page = context.new_page()
    problems = []
    for url in built_urls(root):
        if url in REDIRECTS:
            continue  # a redirect page: with JavaScript off it offers its link (test_urls.py)
        page.goto(server.url + url)
        if not page.locator(".md-content h1").first.is_visible():
            problems.append(f"/{url}: no visible heading without JavaScript")
        if len(page.locator(".md-content").inner_text()) < 20:
            problems.append(f"/{url}: no content without JavaScript")
        tabs = page.locator("a.md-tabs__link:visible").count()
        if tabs < 5:
            problems.append(f"/{url}: {tabs} navigation tabs visible without JavaScript")
        if page.locator(".site-languages a:visible").count() != 3:
            problems.append(f"/{url}: the three editions are not linked without JavaScript")
    page.goto(server.url)
    if page.locator(".rec-cards a.rec-card:visible").count() != 7:
        problems.append("home: the seven recommendation links are not all visible without JavaScript")
    page.goto(server.url + "timeline/#rec-4")
    shown = page.locator("li.event:visible").count()
    fours = page.locator("li.event--4").count()
    if shown != fours + 1:  # its events and the letter
        problems.append(
            f"timeline/#rec-4 without JavaScript shows {shown} entries, not recommendation 4's {fours} and the letter"
        )
    context.close()
    return problems


# ---------------------------------------------------------------------------
# Keyboard
# ---------------------------------------------------------------------------


@pytest.fixture
def page(browser: Browser):
    """A desktop page that fails the test if anything done with it violates
    the Content Security Policy (search, the palette, instant navigation,
    the languages, copy link, print)."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(WATCH)
    page = context.new_page()
    violations: list[str] = []

    def watch(message) -> None:
        if message.text.startswith("securitypolicyviolation"):
            violations.append(message.text)

    page.on("console", watch)
    yield page
    page.remove_listener("console", watch)
    context.close()
    assert not violations, "Content Security Policy violations:\n" + "\n".join(violations)


@pytest.mark.parametrize("edition", EDITIONS)
def test_skip_link_moves_focus_to_the_content(page: Page, served, edition: str) -> None:
    open_page(page, served.url + edition + "letter/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), (
        "the first Tab does not reach the skip link"
    )
    target = page.evaluate("document.activeElement.hash")
    page.keyboard.press("Enter")
    wait_until(page, f"location.hash === {target!r}", timeout=5000)
    page.wait_for_timeout(100)  # the browser moves its focus start point with the jump
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.md-content')")
    where = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert inside, f"after the skip link, the next Tab is not in the content but on {where}"


FOCUSABLE = {
    "content link": ".md-content a[href^='http']",
    "button": ".md-content .md-button",
    "copy link": ".md-content a.copy-link",
    "navigation link": ".md-nav--primary a.md-nav__link",
    "tab": "a.md-tabs__link",
    "footer link": "a.md-footer__link",
}


@pytest.mark.parametrize("edition", EDITIONS)
def test_focus_is_visible_on_links_and_buttons(page: Page, served, edition: str) -> None:
    problems = []
    for url in (edition + path for path in ("", "letter/", "recommendations/winter-olympics/")):
        open_page(page, served.url + url)
        page.keyboard.press("Tab")  # keyboard modality, so :focus-visible applies
        for name, selector in FOCUSABLE.items():
            element = page.locator(selector).first
            if element.count() == 0 or not element.is_visible():
                continue
            element.focus()
            style = element.evaluate(
                "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow] }"
            )
            outline_style, outline_width, shadow = style
            if (outline_style == "none" or outline_width == "0px") and shadow == "none":
                problems.append(f"/{url}: no visible focus on the {name} ({selector})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("edition", EDITIONS)
def test_palette_toggle_works_from_the_keyboard(page: Page, served, edition: str) -> None:
    open_page(page, served.url + edition + "letter/")
    before = page.evaluate("document.body.dataset.mdColorMedia")
    tab_to(page, "document.activeElement.name === '__palette'", "the palette toggle", presses=15)
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    wait_until(page, f"document.body.dataset.mdColorMedia !== {before!r}", timeout=5000)
    after = page.evaluate("document.body.dataset.mdColorMedia")
    assert after != before, f"pressing Enter on {label!r} did not change the scheme"
    assert page.evaluate("document.activeElement.name === '__palette'"), "focus left the palette toggle"


def test_search_works_from_the_keyboard(page: Page, served) -> None:
    open_page(page, served.url + "letter/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')"), "'/' does not open search"
    page.keyboard.type("Olympics")
    page.wait_for_selector(".md-search-result__item a[href*='h=olympics']")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result')"), (
        "ArrowDown does not move into the results"
    )
    href = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("#")[0] == href.split("#")[0])


# ---------------------------------------------------------------------------
# Search, deep links, copy link
# ---------------------------------------------------------------------------


def search(page: Page, word: str) -> list[str]:
    """Open search from the keyboard, type a word, return the result addresses without their query."""
    page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.type(word)
    marker = f"h={word.lower()}"
    wait_until(
        page, f"[...document.querySelectorAll('.md-search-result__link')].some(a => a.href.includes({marker!r}))"
    )
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    return [href.split("?")[0].split("#")[0] for href in hrefs]


def test_a_distinctive_word_finds_each_recommendation(
    page: Page, served, recommendations: list[Recommendation]
) -> None:
    open_page(page, served.url)
    for rec, word in zip(recommendations, SEARCH_WORDS):
        hrefs = search(page, word)
        page.keyboard.press("Escape")
        wanted = served.url + rec.url
        assert wanted in hrefs, f"searching {word!r} does not find {rec.url}: {hrefs}"


@pytest.mark.parametrize("edition", ["", "zh-hans/", "zh-hant/"])
def test_deep_links_scroll_the_recommendation_into_view(
    browser: Browser, served, recommendations: list[Recommendation], edition: str
) -> None:
    for viewport in VIEWPORTS.values():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for rec in recommendations:
            # Each link followed from elsewhere, as a reader arrives from a
            # shared address: a new document every time, never a jump within one.
            page.goto("about:blank")
            open_page(page, f"{served.url}{edition}letter/#{rec.slug}")
            heading = f"document.getElementById({rec.slug!r}).getBoundingClientRect().top"
            # The browser scrolls once the page is laid out (later on a busy
            # machine); what it reached is measured and reported below.
            with contextlib.suppress(AssertionError):
                wait_until(page, f"{heading} >= 0 && {heading} < {viewport['height'] / 2}", timeout=3000)
            top = page.evaluate(f"document.getElementById({rec.slug!r}).getBoundingClientRect().top")
            assert 0 <= top < viewport["height"] / 2, (
                f"{edition}letter/#{rec.slug} at {viewport['width']}px: heading is at {top}px, not in view"
            )
        context.close()


# What the copy-link button says, and what it tells a screen reader, in each edition.
COPY_LINK = {
    "": ("Copy link to recommendation {n}", "Link copied", "Link copied to the clipboard"),
    "zh-hans/": ("复制第{n}项建议的链接", "已复制链接", "链接已复制到剪贴板"),
    "zh-hant/": ("複製第{n}項建議的連結", "已複製連結", "連結已複製到剪貼簿"),
}


@pytest.mark.parametrize("edition", EDITIONS)
def test_copy_link_copies_the_published_address(
    browser: Browser, served, recommendations: list[Recommendation], edition: str
) -> None:
    label, copied, spoken = COPY_LINK[edition]
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.origin)
    page = context.new_page()
    for rec in (recommendations[0], recommendations[3]):
        url = edition + rec.url
        open_page(page, served.url + url)
        page.locator(".rec-header a.copy-link").click()
        wait_until(page, f"document.querySelector('.rec-header a.copy-link').textContent === {copied!r}")
        assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + url, (
            f"{url}: copy link copied the wrong address"
        )
        assert page.url == served.url + url, f"{url}: copy link navigated away"
    open_page(page, served.url + edition + "letter/")
    rec = recommendations[4]
    button = f'a.copy-link[aria-label="{label.format(n=rec.number)}"]'
    page.locator(button).click()
    wait_until(page, f"document.querySelector({button!r}).textContent === {copied!r}")
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + edition + rec.url, (
        f"{edition}letter: copy link copied the wrong address"
    )
    status = page.evaluate("document.querySelector('[role=status]').textContent")
    assert status == spoken, f"{edition}letter: the spoken confirmation is {status!r}, not {spoken!r}"
    context.close()


def test_chinese_search_finds_the_page_in_either_script(page: Page, served) -> None:
    """A reader types with a Simplified or a Traditional input method, on
    either Chinese edition, and finds the page that holds the word: in a title
    (冬奥, recommendation 4), in the text (维吾尔, recommendation 2), or as the
    mainland and Taiwan write it otherwise (定向制裁 and 針對性制裁, recommendation 5); and
    with an input method, converted only once the word is chosen."""
    cases = {
        "winter-olympics": ("冬奥", "冬奧"),
        "international-bodies": ("维吾尔人", "維吾爾人"),
        "targeted-sanctions": ("定向制裁", "針對性制裁"),
    }
    for root in ("zh-hans/", "zh-hant/"):
        open_page(page, served.url + root + "letter/")
        for slug, words in cases.items():
            for word in words:
                page.keyboard.press("/")
                page.keyboard.press("Control+A")
                page.keyboard.type(word)  # typed as text, as an input method would commit it
                page.keyboard.press("End")  # Material searches on a key's release
                wanted = served.url + root + f"recommendations/{slug}/"
                wait_until(
                    page,
                    "[...document.querySelectorAll('.md-search-result__link')]"
                    f".some(a => a.href.split('?')[0].split('#')[0] === {wanted!r})",
                )
                hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
                assert all(href.startswith(served.url + root) for href in hrefs), (
                    f"searching {word!r} on /{root} finds pages in another edition: {hrefs}"
                )
                page.keyboard.press("Escape")
    # With an input method: nothing is converted while the reader composes;
    # the chosen word is converted and searched, with no key pressed after it.
    open_page(page, served.url + "zh-hans/letter/")
    page.keyboard.press("/")
    ime = page.context.new_cdp_session(page)
    ime.send("Input.imeSetComposition", {"text": "維吾爾人", "selectionStart": 4, "selectionEnd": 4})
    composing = page.input_value(".md-search__input")
    ime.send("Input.insertText", {"text": "維吾爾人"})
    wanted = served.url + "zh-hans/recommendations/international-bodies/"
    wait_until(
        page,
        "[...document.querySelectorAll('.md-search-result__link')]"
        f".some(a => a.href.split('?')[0].split('#')[0] === {wanted!r})",
    )
    chosen = page.input_value(".md-search__input")
    assert (composing, chosen) == ("維吾爾人", "维吾尔人"), f"composing: {composing!r}, then chosen: {chosen!r}"
    page.keyboard.press("Escape")
    open_page(page, served.url + "letter/")
    assert "winter-olympics" in " ".join(search(page, "Olympics")), "English search no longer finds recommendation 4"
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert not any("/zh-han" in href for href in hrefs), f"English search finds Chinese pages: {hrefs}"


def test_the_languages_follow_instant_navigation_and_work_from_the_keyboard(page: Page, instant) -> None:
    served, _ = instant
    open_page(page, served.url + "zh-hans/")
    page.evaluate("window.__still_here = true")
    page.locator(".md-tabs a.md-tabs__link").nth(1).click()  # the letter, by instant navigation
    page.wait_for_url(served.url + "zh-hans/letter/")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__still_here === true"), "the tab was a full page load, not instant navigation"
    # From the top of the page, Tab to 繁體中文 in the bar of languages, and
    # press Enter.
    page.locator(".md-skip").focus()
    tab_to(page, "document.activeElement.getAttribute('hreflang') === 'zh-Hant'", "the bar's 繁體中文 link")
    assert page.evaluate("getComputedStyle(document.activeElement).visibility") == "visible", (
        "the focused language link is not visible"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(served.url + "zh-hant/letter/")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant", "after the switch, <html lang> is not zh-Hant"
    assert page.locator(".md-tabs a.md-tabs__link").nth(1).inner_text() == "聯名信", (
        "after the switch, the tabs are not in Traditional Chinese"
    )


# ---------------------------------------------------------------------------
# On paper
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("edition", ["", "zh-hans/", "zh-hant/"])
def test_print_hides_the_chrome_and_shows_the_address(
    page: Page, served, recommendations: list[Recommendation], edition: str
) -> None:
    rec = recommendations[3]
    open_page(page, served.url + edition + rec.url)
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-banner",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        "a.copy-link",
        ".md-top",
    ):
        locator = page.locator(selector).first
        assert locator.count() == 0 or not locator.is_visible(), f"print: {selector} is shown"
    url = page.locator(".print-url")
    assert url.is_visible() and url.inner_text() == SITE_URL + edition + rec.url, (
        f"print /{edition}: the page's address is not under the title"
    )
    colours = page.evaluate(
        "[getComputedStyle(document.querySelector('.md-typeset p')).color, "
        "getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], f"print: text is not black on white: {colours}"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.md-content a[data-print-url]'), '::after').content"
    )
    assert "https://" in after, f"print: links do not show their address ({after})"

    open_page(page, served.url + edition + "letter/")
    page.emulate_media(media="print")
    for rec in recommendations:
        assert page.locator(f"#{rec.slug}").is_visible(), (
            f"print: the letter does not print recommendation {rec.number}"
        )
    assert page.locator("#conclusion").is_visible(), "print: the letter does not print its conclusion"


# ---------------------------------------------------------------------------
# Page weight (bytes are deterministic, so these are budgets, not timings)
# ---------------------------------------------------------------------------

HOME_BUDGET_BYTES = 90 * 1024
HOME_BUDGET_REQUESTS = 10
NEXT_PAGE_BUDGET_BYTES = 15 * 1024


@pytest.mark.parametrize("edition", ["", "zh-hans/", "zh-hant/"])
def test_page_weight_budgets(browser: Browser, instant, edition: str) -> None:
    server, _ = instant
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    server.log.clear()
    page.goto(server.url + edition, wait_until="networkidle")
    first = list(server.log)
    server.log.clear()
    page.evaluate("window.__still_here = true")
    page.locator('a.md-tabs__link[href$="officials/"]').click()
    page.wait_for_url(server.url + edition + "officials/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__still_here === true"), (
        f"/{edition}: the click was a full page load, not instant navigation"
    )
    second = list(server.log)
    context.close()
    first_bytes = sum(size for _, _, size in first)
    assert len(first) <= HOME_BUDGET_REQUESTS, (
        f"/{edition} home: {len(first)} requests, budget {HOME_BUDGET_REQUESTS}: {[p for p, _, _ in first]}"
    )
    assert first_bytes <= HOME_BUDGET_BYTES, (
        f"/{edition} home: {first_bytes} compressed bytes, budget {HOME_BUDGET_BYTES}: {first}"
    )
    second_bytes = sum(size for _, _, size in second)
    assert second_bytes <= NEXT_PAGE_BUDGET_BYTES, (
        f"/{edition} instant navigation: {second_bytes} bytes, budget {NEXT_PAGE_BUDGET_BYTES}: {second}"
    )


# ---------------------------------------------------------------------------
# The same site on a mirror
# ---------------------------------------------------------------------------


def test_the_site_on_a_mirror_comes_from_the_mirror_and_names_the_primary(
    browser: Browser, mirror, carried: Path, served
) -> None:
    """Built for a second host serving it at its root, in every edition: every
    page loads with nothing asked of any other host and nothing failing; its
    preview image, search and downloads come from the mirror; canonical names
    the primary's copy; copy link copies the mirror's address; the carried
    editions are the primary build's, byte for byte. The primary stays under
    /joint-letter/ (the other tests)."""
    server, root = mirror
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    context.add_init_script(WATCH)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    problems = []
    for url in built_urls(root):
        server.log.clear()
        open_page(page, server.url + url)
        failed = [(path, status) for path, status, _ in server.log if status >= 400]
        if failed:
            problems.append(f"/{url}: {failed} fail")
        canonical = page.get_attribute("link[rel=canonical]", "href") if not url.endswith("old-officials/") else None
        if canonical is not None and canonical != SITE_URL + page.url.removeprefix(server.url):
            problems.append(f"/{url}: canonical is {canonical}, not the primary's copy")
        image = page.get_attribute('meta[property="og:image"]', "content")
        if image and not image.startswith(server.url):
            problems.append(f"/{url}: the preview image {image} is not the mirror's")
        for href in page.eval_on_selector_all(".md-copyright__downloads a", "links => links.map(a => a.href)"):
            if not href.startswith(server.url):
                problems.append(f"/{url}: a download leads to {href}")
    page.set_viewport_size(VIEWPORTS["desktop"])  # search from the keyboard, as on a desk
    for edition, word in (("", "Olympics"), ("zh-hans/", "冬奥"), ("zh-hant/", "冬奧")):
        open_page(page, server.url + edition + "letter/")
        page.keyboard.press("/")
        page.keyboard.type(word)
        page.keyboard.press("End")
        wait_until(page, "document.querySelectorAll('.md-search-result__link').length > 0")
        hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        problems += [f"/{edition} search: a result at {href}" for href in hrefs if not href.startswith(server.url)]
        page.keyboard.press("Escape")
    open_page(page, server.url + "recommendations/winter-olympics/")
    page.locator(".rec-header a.copy-link").click()
    wait_until(page, "document.querySelector('.rec-header a.copy-link').textContent === 'Link copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    if copied != server.url + "recommendations/winter-olympics/":
        problems.append(f"copy link copies {copied}, not the mirror's address")
    context.close()
    own = urlsplit(server.origin).netloc
    problems += sorted({f"a request left the mirror: {u}" for u in requests if urlsplit(u).netloc not in (own, "")})
    for file in sorted(carried.iterdir()):
        if (root / "downloads" / file.name).read_bytes() != file.read_bytes():
            problems.append(f"downloads/{file.name} differs from the primary build's")
    assert not problems, "\n".join(problems)
