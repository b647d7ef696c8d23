"""The code itself: Ruff finds nothing to lint or format, and nothing outside tests/ imports from it."""

from __future__ import annotations

import re
import subprocess
import tomllib

from conftest import ROOT, tool


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool("ruff"), *args, str(ROOT)], capture_output=True, text=True, timeout=120)


def test_ruff_finds_nothing_to_lint() -> None:
    result = ruff("check")
    assert result.returncode == 0, f"ruff check (settings in pyproject.toml):\n{result.stdout}{result.stderr}"


def test_ruff_finds_nothing_to_format() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, f"ruff format --check (run `uv run ruff format .`):\n{result.stdout}{result.stderr}"


def test_the_lock_resolves_one_version_of_each_package() -> None:
    """The same packages, hence the same bytes, on every Python the project allows."""
    packages = [package["name"] for package in tomllib.loads((ROOT / "uv.lock").read_text())["package"]]
    twice = sorted({name for name in packages if packages.count(name) > 1})
    assert not twice, f"uv.lock resolves these to more than one version, by Python: {twice}"


def test_nothing_outside_the_tests_imports_from_them() -> None:
    tests = {path.stem for path in (ROOT / "tests").glob("*.py")}
    pattern = re.compile(rf"^\s*(?:from|import)\s+(?:tests\b|(?:{'|'.join(map(re.escape, tests))})\b)", re.M)
    offenders = [
        path.relative_to(ROOT).as_posix()
        for folder in ("jointletter", "overrides", "scripts", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8")) or '/ "tests"' in path.read_text(encoding="utf-8")
    ]
    assert not offenders, f"these import from tests/: {offenders}"
