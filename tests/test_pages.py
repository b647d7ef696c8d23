"""GitHub Pages: the site works under a project subpath, builds reproducibly, and the workflow is sound."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SITE_URL, Site, tool

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # follows redirects
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_missing_addresses_get_a_working_404_page_at_any_depth(served) -> None:
    for missing in ("nope", "nope/", "a/b/c/d/", "recommendations/nope/deeper/page.html"):
        status, body = fetch(served.url + missing)
        assert status == 404, f"{missing}: status {status}, expected 404"
        soup = BeautifulSoup(body, "lxml")
        assert soup.select_one("h1#page-not-found") is not None, f"{missing}: not the 404 page"
        assets = [el["href"] for el in soup.select('link[rel="stylesheet"], link[rel="icon"]')]
        assets += [el["src"] for el in soup.select("script[src], img[src]")]
        assert len(assets) >= 4, f"{missing}: the 404 page loads only {assets}"
        for asset in assets:
            url = urljoin(served.url + missing, asset)
            assert fetch(url)[0] == 200, f"{missing}: the 404 page's {asset} ({url}) does not load"
        for link in soup.select("a.md-tabs__link, a.md-header__button.md-logo"):
            url = urljoin(served.url + missing, link["href"])
            assert fetch(url)[0] == 200, f"{missing}: the 404 page's link {link['href']} ({url}) is broken"


def absolute_addresses(root: Path) -> list[str]:
    found = []
    for file in root.rglob("*.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        if soup.select_one('meta[http-equiv="refresh"]'):
            continue  # a redirect page: its links are relative, to the page it leads to
        found += [el["href"] for el in soup.select('link[rel="canonical"]')]
        found += [
            el["content"]
            for el in soup.select('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]')
        ]
        for script in soup.select('script[type="application/ld+json"]'):
            data = json.loads(script.string)
            found += [data["url"], data["image"]]
    data = json.loads((root / "recommendations.json").read_text())
    found += [entry["url"] for entry in data["recommendations"]]
    return found


@pytest.mark.slow
def test_another_site_url_changes_every_absolute_address(site: Site, instant) -> None:
    """The browser tests' build has its server's address for SITE_URL."""
    server, root = instant
    found = absolute_addresses(root)
    assert len(found) > 30, f"only {len(found)} absolute addresses found"
    wrong = [url for url in found if not url.startswith(server.url)]
    assert not wrong, f"addresses that did not follow SITE_URL={server.url}: {wrong[:5]}"
    assert all(url.startswith(SITE_URL) for url in absolute_addresses(site.root)), (
        "the default build has addresses off its SITE_URL"
    )


def test_a_build_prints_only_mkdocs_lines(site: Site) -> None:
    """No tool speaks on its own (jieba announced its dictionary on every
    build): every line is MkDocs' log, as `LEVEL - message`."""
    stray = [
        line for line in site.log.splitlines() if line.strip() and not re.match(r"^(INFO|WARNING|DEBUG)\s+-  ", line)
    ]
    assert not stray, "the build printed lines of its own:\n" + "\n".join(stray)


def digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.slow
def test_two_builds_of_one_commit_give_the_same_bytes_with_mkdocs_and_with_properdocs(site: Site, twin: Path) -> None:
    """Two guarantees at once: the session build (MkDocs) and its twin
    (ProperDocs, which continues MkDocs 1.x with the same plugin API), each in
    its own process with its own hash seed, made at the same time, hold every
    file the same, the carried editions included (made afresh by the twin),
    but for the generator tag: a build is reproducible, and the project builds
    with ProperDocs when Material stops. SOURCE_DATE_EPOCH fixes the dates."""
    first, second = digest(site.root), digest(twin)
    assert first.keys() == second.keys(), f"the builds hold different files: {sorted(first.keys() ^ second.keys())}"
    differ = [
        name
        for name in first
        if first[name] != second[name]
        and GENERATOR.sub(b"", (site.root / name).read_bytes()) != GENERATOR.sub(b"", (twin / name).read_bytes())
    ]
    assert not differ, f"files that differ between two builds of one commit: {differ}"
    assert any(name.endswith(".pdf") for name in first), "the builds made no carried editions to compare"
    sitemap = (site.root / "sitemap.xml").read_text()
    assert "<lastmod>2021-02-17</lastmod>" in sitemap, "sitemap dates do not come from SOURCE_DATE_EPOCH"


def test_workflow_is_clean_under_zizmor() -> None:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--persona", "pedantic", "--no-progress", str(ROOT / ".github")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"zizmor found problems:\n{result.stdout}\n{result.stderr}"


def test_workflow_tests_then_builds_with_the_pages_address_then_deploys() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers, (
        "workflow: not on push to main and on demand"
    )
    assert workflow["permissions"] == {}, "workflow: top-level permissions are not {}"
    assert workflow["concurrency"]["group"] == "pages", "workflow: no pages concurrency group"
    jobs = workflow["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build", (
        "workflow: jobs are not test -> build -> deploy"
    )
    assert any(step.get("run") == "uv run pytest" for step in jobs["test"]["steps"]), (
        "workflow: the test job does not run uv run pytest"
    )
    build = {step.get("name"): step for step in jobs["build"]["steps"]}["Build the site"]
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/", (
        "workflow: SITE_URL is not the Pages base_url"
    )
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in build["run"], (
        "workflow: SOURCE_DATE_EPOCH is not the last commit's time"
    )
    assert "mkdocs build --strict" in build["run"], "workflow: the build is not strict"
    for job in jobs.values():
        for step in job["steps"]:
            if "actions/checkout" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False, "workflow: checkout keeps credentials"
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    ecosystems = {update["package-ecosystem"] for update in dependabot["updates"]}
    assert ecosystems == {"uv", "github-actions"}, f"dependabot watches {ecosystems}"


def mkdocs_config() -> dict:
    """mkdocs.yml, its !ENV values left out."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_every_mirror_has_its_deploy_job_which_skips_cleanly_without_secrets() -> None:
    """Each mirror mkdocs.yml names is built for its own address with the
    primary's as PRIMARY_URL, its downloads compared with the attested files,
    then published, by the job it names; without the
    account's secrets that job publishes nothing and says so in the run's summary."""
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    mirrors = mkdocs_config()["extra"]["mirrors"]
    assert mirrors, "mkdocs.yml names no mirror"
    for mirror in mirrors:
        job = jobs.get(mirror["deploy"])
        assert job is not None, f"mkdocs.yml: the mirror's deploy job {mirror['deploy']!r} is not in pages.yml"
        assert job["environment"]["name"] and job["permissions"] == {"contents": "read", "pages": "read"}, job
        steps = job["steps"]
        check = steps[0]
        assert "GITHUB_STEP_SUMMARY" in check["run"] and "ready=true" in check["run"], check
        assert all(step.get("if") == "steps.setup.outputs.ready == 'true'" for step in steps[1:]), (
            "pages.yml: a step of the mirror job runs without its secrets"
        )
        build = next(step for step in steps if "mkdocs build --strict" in step.get("run", ""))
        assert build["env"]["PRIMARY_URL"] == "${{ steps.pages.outputs.base_url }}/", build["env"]
        # The build job's attested downloads, fetched and compared after the mirror's build, before publishing.
        uploaded = next(step for step in jobs["build"]["steps"] if "upload-artifact@" in step.get("uses", ""))
        order = [
            next(i for i, step in enumerate(steps) if "mkdocs build --strict" in step.get("run", "")),
            next(i for i, step in enumerate(steps) if "download-artifact@" in step.get("uses", "")),
            next(
                i for i, step in enumerate(steps) if "diff -r primary-downloads site/downloads" in step.get("run", "")
            ),
            len(steps) - 1,
        ]
        fetched = steps[order[1]]["with"]
        assert order == sorted(set(order)), "pages.yml: the mirror does not build, fetch, compare, then publish"
        assert uploaded["with"]["path"] == "site/downloads" and fetched["name"] == uploaded["with"]["name"], (
            "pages.yml: the mirror does not fetch the build job's downloads"
        )
        assert fetched["path"] == "primary-downloads", fetched
        deploy = steps[-1]
        assert (
            deploy["uses"].startswith("cloudflare/wrangler-action@")
            and "pages deploy site" in deploy["with"]["command"]
        )


def test_one_render_blocking_stylesheet_and_no_blocking_script(site: Site) -> None:
    problems = []
    for page in site.html_pages():
        head = page.soup.head
        sheets = [
            link["href"]
            for link in head.select('link[rel="stylesheet"]')
            if link.get("media") in (None, "all", "screen")
        ]
        if len(sheets) > 1:
            problems.append(f"{page.path}: {len(sheets)} render-blocking stylesheets: {sheets}")
        for script in head.select("script[src]"):
            if not (script.has_attr("defer") or script.has_attr("async") or script.get("type") == "module"):
                problems.append(
                    f"{page.path}: <script src={script['src']}> in <head> blocks rendering (no defer or async)"
                )
    assert not problems, "\n".join(problems)


def test_every_script_is_preloaded_from_the_head_after_the_policy(site: Site) -> None:
    """A policy in a <meta> tag stops Chromium's preload scanner: without these
    tags Material's script and the site's are fetched one after the other,
    late, and run after the first paint (overrides/hooks/csp.py)."""
    problems = []
    for page in site.html_pages():
        scripts = [script["src"] for script in page.soup.select("script[src]")]
        if page.soup.select_one("script[data-leaves]"):
            # A page that may leave at once (the English not-found page at a
            # Chinese address) starts no download the next page would repeat.
            scripts = []
        head = page.soup.head
        preloaded = [link["href"] for link in head.select('link[rel="preload"][as="script"]')]
        if preloaded != scripts:
            problems.append(f"{page.path}: scripts {scripts} but <head> preloads {preloaded}")
        # After the policy, so that it applies to them; before the stylesheet
        # and any inline script, which waits for the stylesheet, so that they
        # are fetched beside it.
        order = [
            tag.name if tag.name == "meta" else tag.get("rel", ["script"])[0]
            for tag in head.find_all(["meta", "link", "script"])
            if tag.name != "meta" or tag.get("http-equiv") == "Content-Security-Policy"
        ]
        if scripts and order[: 1 + len(scripts)] != ["meta"] + ["preload"] * len(scripts):
            problems.append(
                f"{page.path}: <head> has {order[:6]}: not the policy, then the preloads, before any "
                "stylesheet or script"
            )
    assert not problems, "\n".join(problems)


def test_the_stylesheet_bundle_stops_if_material_ships_another_stylesheet(tmp_path: Path) -> None:
    import importlib.util
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location("stylesheet_hook", ROOT / "overrides" / "hooks" / "stylesheet.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    for name in ("main.0a1b2c3d.min.css", "palette.4e5f6a7b.min.css"):
        (folder / name).write_text("")
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[str(tmp_path)]))
    assert [p.name for p in hook.material_stylesheets(config)] == ["main.0a1b2c3d.min.css", "palette.4e5f6a7b.min.css"]
    (folder / "extra.8c9d0e1f.min.css").write_text("")
    try:
        hook.material_stylesheets(config)
    except PluginError as error:
        assert "overrides/hooks/stylesheet.py" in str(error) and "extra" in str(error), str(error)
    else:
        raise AssertionError("another stylesheet of Material's did not stop the build")
