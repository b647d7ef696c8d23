"""Licences: every file says its licence (REUSE), each licence's text is in LICENSES/, and CITATION.cff is valid."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from conftest import ROOT

REUSE_TOML = ROOT / "REUSE.toml"
CITATION = ROOT / "CITATION.cff"
LICENSES = ROOT / "LICENSES"
EXPECTED_LICENCES = {"MIT", "CC-BY-4.0", "OFL-1.1"}
OPERATORS = {"AND", "OR", "WITH"}


def tool(name: str) -> str | None:
    """The dev dependency's executable next to the running Python, else one on PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def licences_in(expression: str) -> set[str]:
    """The licence identifiers in an SPDX expression such as `MIT OR CC-BY-4.0`."""
    words = re.findall(r"[A-Za-z0-9.+:-]+", expression)
    return {word.removesuffix("+") for word in words if word not in OPERATORS}


def annotations() -> list[dict]:
    return tomllib.loads(REUSE_TOML.read_text(encoding="utf-8")).get("annotations", [])


def citation() -> dict:
    return yaml.safe_load(CITATION.read_text(encoding="utf-8"))


def test_the_repository_passes_reuse_lint() -> None:
    reuse = tool("reuse")
    command = [reuse, "lint"] if reuse else [sys.executable, "-m", "reuse", "lint"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (
        "reuse lint fails (a file not covered by REUSE.toml? widen a glob there):\n"
        f"{result.stdout}\n{result.stderr}"
    )


def test_citation_file_is_valid_cff() -> None:
    cffconvert = tool("cffconvert")
    assert cffconvert, "cffconvert is not installed (it is in the dev dependency group)"
    result = subprocess.run(
        [cffconvert, "--validate", "-i", str(CITATION)], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, f"CITATION.cff is not valid CFF:\n{result.stdout}\n{result.stderr}"


def test_licences_folder_holds_the_three_licences() -> None:
    present = {path.stem for path in LICENSES.glob("*.txt")}
    missing = EXPECTED_LICENCES - present
    assert not missing, f"LICENSES/ lacks the text of {sorted(missing)}"
    for name in sorted(EXPECTED_LICENCES):
        text = (LICENSES / f"{name}.txt").read_text(encoding="utf-8")
        assert len(text) > 500, f"LICENSES/{name}.txt is too short to be the licence's full text"


def test_every_licence_named_in_reuse_toml_has_its_text() -> None:
    named: set[str] = set()
    for place, annotation in enumerate(annotations(), start=1):
        expression = annotation.get("SPDX-License-Identifier")
        assert expression, f"REUSE.toml: annotation {place} ({annotation.get('path')}) names no licence"
        named |= licences_in(expression)
    assert named >= EXPECTED_LICENCES, f"REUSE.toml does not use {sorted(EXPECTED_LICENCES - named)}"
    missing = sorted(name for name in named if not (LICENSES / f"{name}.txt").is_file())
    assert not missing, f"licences named in REUSE.toml without a text in LICENSES/: {missing}"


def test_citation_declares_the_text_licence_and_the_letter_date() -> None:
    cff = citation()
    assert cff.get("license") == "CC-BY-4.0", f"CITATION.cff: license is {cff.get('license')!r}, not CC-BY-4.0"
    for key in ("title", "abstract"):
        value = " ".join(str(cff.get(key, "")).split())
        assert "17 February 2021" in value, f"CITATION.cff: {key} does not mention 17 February 2021: {value!r}"
