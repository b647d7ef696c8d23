"""Carried editions: one edition of the site as a PDF, a single HTML file and an EPUB 3.

Readers at risk pass documents on as files and read them offline; advocates
print them. So each edition of the site is also made into three files, from
the pages MkDocs has rendered, in one assembled document (``document.py``): a
cover, the contents, then every page in navigation order. ``pdf.py`` draws it
with WeasyPrint in the faces of ``fonts.py``; ``html.py`` and ``epub.py``
write the other two; each format's stylesheet sits beside its module. The
same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jointletter.carry import fonts
from jointletter.carry.document import Publication, Section
from jointletter.previews import FONTS

FOLDER = "downloads/"
FORMATS = {"pdf": "PDF", "html": "HTML", "epub": "EPUB"}

__all__ = ["FOLDER", "FORMATS", "Publication", "Section", "engine", "file_name"]


def file_name(locale: str, ext: str) -> str:
    """A carried edition's file name, below the site's ``downloads/`` folder."""
    return f"joint-letter-17-february-2021-{locale}.{ext}"


@cache
def engine() -> str:
    """What the files are made with, for a cache of them: the model's code
    (this package's stylesheets included), the libraries that shape their
    bytes, and the fonts, the cover's subsets among them."""
    model = Path(__file__).parent.parent
    code = [p for p in sorted(model.rglob("*.*")) if p.suffix in (".py", ".css") and not p.name.startswith(".")]
    parts = [path.read_bytes() for path in code if path.is_file()]
    parts += [path.read_bytes() for path in sorted(FONTS.glob("*.otf"))]
    libraries = ("weasyprint", "pydyf", "fonttools", "lxml", "babel", "pillow", "rcssmin", "tinycss2")
    parts += [*fonts.identity(), *(f"{name} {version(name)}".encode() for name in libraries)]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()
