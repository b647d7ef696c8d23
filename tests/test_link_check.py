"""The weekly link check (.github/workflows/links.yml), run as the workflow runs it.

Its steps "Build the site" and "Check every link" run here exactly as the
workflow writes them, under `bash -e` as GitHub runs them, with `uv run`
taken from this environment and lychee offline: over the site built as the
workflow builds it, and over a planted site whose broken links the report
(scripts/link_report.py, from lychee's real JSON) must name.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SUBPATH, Site, tool

WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"
ROOT_DIR = '--root-dir "$PWD/site"'


def step(name: str) -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = {s.get("name"): s for s in workflow["jobs"]["check"]["steps"]}
    assert name in steps, f"links.yml: the check job has no step {name!r}"
    return steps[name]


def checkout(folder: Path) -> Path:
    """What the check step reads from the repository, and a `uv` that runs
    `uv run CMD` from this environment, lychee offline."""
    (folder / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "lychee.toml", folder)
    shutil.copy2(ROOT / "scripts" / "link_report.py", folder / "scripts")
    uv = folder / "bin" / "uv"
    uv.parent.mkdir()
    python, lychee = shlex.quote(sys.executable), shlex.quote(tool("lychee"))
    uv.write_text(
        "#!/bin/sh\n"
        '[ "$1" = run ] || { echo "uv stand-in: only uv run, not: $*" >&2; exit 64; }\n'
        "shift\n"
        'case "$1" in\n'
        f'  lychee) shift; exec {lychee} --offline "$@" ;;\n'
        f'  python) shift; exec {python} "$@" ;;\n'
        f'  mkdocs) shift; exec {python} -m mkdocs "$@" ;;\n'
        "esac\n"
        'echo "uv stand-in: no command $1" >&2; exit 64\n',
        encoding="utf-8",
    )
    uv.chmod(0o755)
    return folder


def run(name: str, folder: Path, script: str | None = None) -> tuple[subprocess.CompletedProcess[str], str | None]:
    """Run a step of the check job in `folder`; its result and the report it outputs, if any."""
    definition = step(name)
    output = folder / "github_output"
    output.write_text("", encoding="utf-8")
    env = {
        k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SOURCE_DATE_EPOCH")
    }  # the workflow sets neither
    env |= definition.get("env", {}) | {
        "PATH": f"{folder / 'bin'}{os.pathsep}{env['PATH']}",
        "GITHUB_OUTPUT": str(output),
    }
    result = subprocess.run(
        ["bash", "-e", "-c", script or definition["run"]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    match = re.search(r"^report<<END_OF_REPORT\n(.*?)^END_OF_REPORT$", output.read_text(encoding="utf-8"), re.S | re.M)
    return result, match.group(1) if match else None


def entries(report: str) -> dict[str, tuple[str, str]]:
    """The report's broken links: name -> (error, cited on)."""
    return {m[0]: (m[1], m[2]) for m in re.findall(r"^- (\S+)\n  - error: (.*)\n  - cited on: (.*)$", report, re.M)}


# ---------------------------------------------------------------------------
# The site as the workflow builds it
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def weekly(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checkout with the site in site/, as the build step leaves it: the
    suite's build, below its subpath (site/joint-letter/), so that its
    root-relative links (/joint-letter/letter/) are the site's own files."""
    build = step("Build the site")["run"]
    assert build.strip() == "uv run mkdocs build --strict", (
        f"links.yml: the build step is not the plain strict build: {build}"
    )
    folder = checkout(tmp_path_factory.mktemp("weekly") / "repo")
    shutil.copytree(site.root, folder / "site" / SUBPATH.strip("/"))
    return folder


def test_the_weekly_archiving_runs_the_tested_script_with_the_secrets_and_no_more() -> None:
    """Save Page Now's keys reach the step from the repository's secrets, and
    only that step; without them the script skips cleanly (test_publication.py)."""
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["archive"]
    assert job["permissions"] == {"contents": "read"}, f"links.yml: the archive job asks for {job['permissions']}"
    run = [step for step in job["steps"] if step.get("run")]
    assert [step["run"] for step in run] == ["uv run python scripts/archive_sources.py"], run
    assert run[0]["env"] == {
        "ARCHIVE_ACCESS_KEY": "${{ secrets.ARCHIVE_ACCESS_KEY }}",
        "ARCHIVE_SECRET_KEY": "${{ secrets.ARCHIVE_SECRET_KEY }}",
    }, run[0]["env"]


def test_the_weekly_check_uses_the_tested_config_and_root_dir() -> None:
    line = next(
        (text for text in step("Check every link")["run"].splitlines() if text.strip().startswith("uv run lychee")),
        None,
    )
    assert line, "links.yml: the check step does not run `uv run lychee`"
    args = shlex.split(line.partition("||")[0])
    assert "lychee.toml" in args and args[args.index("lychee.toml") - 1] == "--config", (
        f"links.yml: lychee does not read lychee.toml, the config tests/test_security.py checks: {args}"
    )
    assert ROOT_DIR in line, f"links.yml: lychee runs without {ROOT_DIR}: {line}"


def test_the_weekly_check_finds_nothing_broken_on_the_site_as_the_workflow_builds_it(weekly: Path) -> None:
    assert f'href="{SUBPATH}letter/"' in (weekly / "site" / SUBPATH.strip("/") / "404.html").read_text(
        encoding="utf-8"
    ), "test set-up: the 404 page has no root-relative link to check"
    result, report = run("Check every link", weekly)
    assert result.returncode == 0, (
        f"links.yml: the check step fails on the site it builds:\n{result.stdout}\n{result.stderr}"
    )
    assert report == "", f"links.yml: the check step reports broken links on the site it builds:\n{report}"
    checked = json.loads((weekly / "lychee.json").read_text(encoding="utf-8"))
    assert checked["total"] > 1000 and checked["errors"] == 0, (
        f"lychee did not check the site's links: {checked['total']} checked, {checked['errors']} errors"
    )


def test_without_root_dir_the_weekly_check_would_report_the_404_page(weekly: Path) -> None:
    """What the weekly issue said before the step had --root-dir: proves the test above can fail."""
    script = step("Check every link")["run"]
    assert ROOT_DIR in script, f"links.yml: the check step has no {ROOT_DIR}"
    result, report = run("Check every link", weekly, script.replace(ROOT_DIR, ""))
    assert result.returncode == 0, f"the check step without --root-dir fails instead of reporting:\n{result.stderr}"
    assert report and f"`{SUBPATH}404.html`" in report, (
        f"without --root-dir the report does not name the 404 page:\n{report}"
    )


# ---------------------------------------------------------------------------
# The report, from lychee's real JSON
# ---------------------------------------------------------------------------

PLANTED = {
    "index.html": (
        '<a href="missing/">gone</a> <a href="page/#nowhere">no anchor</a> '
        '<a href="/page/#here">root-relative, works</a> <p id="top">'
    ),
    "page/index.html": '<h1 id="here">Here</h1> <a href="../#top">up</a> <a href="../missing/">gone again</a>',
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The check step over a small site with one broken link (cited twice) and one broken anchor."""
    folder = checkout(tmp_path_factory.mktemp("planted"))
    for path, body in PLANTED.items():
        page = folder / "site" / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<!doctype html><html lang=en><title>t</title><body>{body}</body></html>\n", encoding="utf-8")
    result, report = run("Check every link", folder)
    assert result.returncode == 0, (
        f"links.yml: the check step fails instead of reporting broken links:\n{result.stdout}\n{result.stderr}"
    )
    assert report is not None, "links.yml: the check step writes no report output"
    return folder, report


def test_the_report_names_each_broken_link_the_pages_citing_it_and_the_error(planted: tuple[Path, str]) -> None:
    _, report = planted
    found = entries(report)
    assert "2 broken link(s)" in report, f"the report does not count 2 broken links:\n{report}"
    assert "`/missing`" in found, f"the report does not name the broken link /missing:\n{report}"
    assert "`/page#nowhere`" in found, f"the report does not name the broken anchor /page#nowhere:\n{report}"
    assert found["`/missing`"][1] == "`/`, `/page/`", f"the report does not name both pages citing /missing:\n{report}"
    assert found["`/page#nowhere`"][1] == "`/`", f"the report does not name the page citing /page#nowhere:\n{report}"
    for name, (error, _) in found.items():
        assert error.strip(), f"the report gives no error for {name}:\n{report}"
    assert set(found) == {"`/missing`", "`/page#nowhere`"}, (
        f"the report names more than the two broken links (the root-relative /page/#here works):\n{report}"
    )


def test_a_link_that_times_out_is_reported_too(planted: tuple[Path, str]) -> None:
    """lychee counts a timeout as a failure but lists it apart from errors."""
    folder, _ = planted
    data = json.loads((folder / "lychee.json").read_text(encoding="utf-8"))
    data["timeout_map"], data["error_map"] = data["error_map"], {}
    data["timeouts"], data["errors"] = data["errors"], 0
    for failures in data["timeout_map"].values():
        for failure in failures:
            failure["status"] = {"text": "Timeout", "details": "Request timed out"}
    (folder / "timeouts.json").write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/link_report.py", "timeouts.json", "site"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"link_report.py fails on timeouts:\n{result.stderr}"
    assert entries(result.stdout).get("`/missing`", ("",))[0] == "Timeout", (
        f"the report does not list /missing as timed out:\n{result.stdout}"
    )


def test_the_check_step_stops_without_a_report_when_lychee_checks_no_links(tmp_path: Path) -> None:
    """lychee exits 0 on a glob that finds no page; that must not close the issue as "every link works"."""
    folder = checkout(tmp_path)
    (folder / "site").mkdir()
    result, report = run("Check every link", folder)
    assert result.returncode != 0, "links.yml: the check step succeeds although lychee checked no links"
    assert "lychee checked no links" in result.stderr, (
        f"link_report.py does not say that lychee checked no links:\n{result.stderr}"
    )
    assert report is None, f"links.yml: the check step outputs a report although none could be made: {report!r}"


# lychee's JSON, changed as a new lychee might change it: what link_report.py must then say.
CHANGES: dict[str, tuple[Callable[[str], str], str]] = {
    "error_map renamed": (lambda t: t.replace('"error_map"', '"fail_map"'), "'error_map'"),
    "timeout_map renamed": (lambda t: t.replace('"timeout_map"', '"timeouts_map"'), "'timeout_map'"),
    "errors renamed": (lambda t: t.replace('"errors"', '"error_count"'), "'errors'"),
    "errors miscounted": (lambda t: t.replace('"errors": 3', '"errors": 4'), "'errors' is 4 but 'error_map' lists 3"),
    "url renamed": (lambda t: t.replace('"url"', '"uri"'), "without 'url'"),
    "status.text renamed": (lambda t: t.replace('"text"', '"message"'), "'status.text'"),
    "total renamed": (lambda t: t.replace('"total"', '"checked"'), "lychee checked no links"),
    "a list, not an object": (lambda t: f"[{t}]", "a JSON object expected"),
    "not JSON": (lambda t: "", "Expecting value"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_the_report_stops_loudly_on_json_it_does_not_read(planted: tuple[Path, str], change: str) -> None:
    folder, _ = planted
    text = (folder / "lychee.json").read_text(encoding="utf-8")
    assert json.loads(text)["errors"] == 3, "test set-up: lychee did not find the planted site's 3 failures"
    alter, expected = CHANGES[change]
    altered = alter(text)
    assert altered != text, f"test set-up: '{change}' changes nothing in lychee's JSON"
    (folder / "changed.json").write_text(altered, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/link_report.py", "changed.json", "site"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0, f"link_report.py exits 0 on JSON with {change}"
    assert result.stdout == "", f"link_report.py prints a report from JSON with {change}:\n{result.stdout}"
    assert "link_report.py" in result.stderr and expected in result.stderr, (
        f"link_report.py does not say {expected!r} for {change}:\n{result.stderr}"
    )
