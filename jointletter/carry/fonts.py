"""The carried editions' faces: Charis SIL for Latin text, Noto Serif CJK SC or TC for Chinese,
Noto Sans Mono CJK for addresses and commands.

Charis SIL comes with the project (``fonts/``); the CJK faces are the
system's, found through Fontconfig (Debian: ``fonts-noto-cjk``), as WeasyPrint
finds them: so the PDFs are made on Linux (or wherever Fontconfig and those
fonts are). The CJK face follows ``lang`` as the stylesheets' ``:lang()`` rules
do; in Chinese text the quotation marks come from it too (Charis draws them
otherwise), and every character is checked against the face that will draw
it: a PDF with a missing glyph cannot be fixed once it is passed on.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from jointletter.project import ROOT

LATIN_FACE = "Charis SIL"
LATIN_FILES = {400: ROOT / "fonts" / "CharisSIL-Regular.ttf", 700: ROOT / "fonts" / "CharisSIL-Bold.ttf"}
PDF_FAMILY = "Charis SIL Embedded"
# The CJK serif for a `lang`, most specific first, as :lang() matches it.
CJK_FACES = (
    ("zh-Hant", "Noto Serif CJK TC"),
    ("zh-TW", "Noto Serif CJK TC"),
    ("zh-HK", "Noto Serif CJK TC"),
    ("zh", "Noto Serif CJK SC"),
)
# Addresses and commands: a monospace face with Latin and CJK, in each script's forms.
MONO_FACES = {"Noto Serif CJK SC": "Noto Sans Mono CJK SC", "Noto Serif CJK TC": "Noto Sans Mono CJK TC"}
MONO = MONO_FACES["Noto Serif CJK SC"]  # in English text
SCREEN_STACKS = {
    "latin": 'Charter,"Bitstream Charter","Sitka Text",Cambria',
    "Noto Serif CJK SC": '"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif',
    "Noto Serif CJK TC": '"Noto Serif CJK TC","Source Han Serif TC","Songti TC",PMingLiU,serif',
}


def cjk_face(lang: str | None) -> str | None:
    """The CJK face a `lang` value selects, or None when it selects none (it inherits)."""
    value = (lang or "").lower()
    for key, face in CJK_FACES:
        if value and (value == key.lower() or value.startswith(key.lower() + "-")):
            return face
    return None


def cjk_rules(stacks: Mapping[str, str]) -> str:
    """The faces by `lang`, generic first so that the more specific rule wins, as cjk_face() decides."""
    return "".join(
        f"[lang]:lang({lang}){{font-family:{stacks['latin']},{stacks[face]}}}" for lang, face in reversed(CJK_FACES)
    )


def pdf_faces() -> str:
    """@font-face rules for the embedded Charis SIL."""
    return "".join(
        f'@font-face{{font-family:"{PDF_FAMILY}";src:url("{path.as_uri()}") format("truetype");'
        f"font-weight:{weight};font-style:normal}}"
        for weight, path in LATIN_FILES.items()
    )


def pdf_rules() -> str:
    """The faces by `lang` for the PDF: Charis, then the CJK serif; Chinese
    quotation marks (document.py marks them) in the CJK face; addresses and
    commands in mono."""
    rules = [f':is(code,.carry-url){{font-family:"{MONO}"}}']
    for lang, face in reversed(CJK_FACES):
        rules.append(f'[lang]:lang({lang}){{font-family:"{PDF_FAMILY}","{face}"}}')
        rules.append(f'[lang]:lang({lang}) .carry-cjk{{font-family:"{face}"}}')
        rules.append(f'[lang]:lang({lang}) :is(code,.carry-url){{font-family:"{MONO_FACES[face]}"}}')
    return "".join(rules)


@cache
def system_face(family: str, style: str) -> tuple[str, int]:
    """The file (and index in a collection) that Fontconfig, hence WeasyPrint, uses for a family."""
    if shutil.which("fc-match") is None:
        raise PluginError(
            "carried editions: Fontconfig's fc-match is not installed; the PDFs need Fontconfig and the "
            "Noto Serif CJK fonts (Debian: apt-get install fontconfig fonts-noto-cjk), or build with DOWNLOADS=false"
        )
    found = subprocess.run(
        ["fc-match", "-f", "%{file}|%{index}|%{family}", f"{family}:{style}"],
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout
    path, _, rest = found.partition("|")
    index, _, families = rest.partition("|")
    if family not in families.split(","):
        raise PluginError(f"carried editions: the font {family} is not installed (Debian: fonts-noto-cjk)")
    return path, int(index or 0)


@cache
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def coverage(face: str) -> frozenset[int]:
    """The characters a face draws in both weights the PDF uses."""
    if face == LATIN_FACE:
        files = [(str(path), 0) for path in LATIN_FILES.values()]
    else:
        files = [system_face(face, style) for style in ("weight=regular", "weight=bold")]
    return frozenset.intersection(*(_cmap(path, index) for path, index in files))


def identity() -> list[bytes]:
    """What the faces are, for a cache of files drawn with them: Charis SIL's
    bytes, and the CJK files' names, sizes and dates."""
    parts = [path.read_bytes() for path in LATIN_FILES.values()]
    for face in sorted({*dict(CJK_FACES).values(), *MONO_FACES.values()}):
        for style in ("weight=regular", "weight=bold"):
            path = Path(system_face(face, style)[0])
            parts.append(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    return parts


def texts(element: Any, face: str | None, base: str) -> Iterator[tuple[str, str | None]]:
    """Every text in an element, with the CJK face its `lang` selects (None: Latin
    only); addresses and commands with the mono face of the edition's script."""
    if not isinstance(element.tag, str):
        return
    face = cjk_face(element.get("lang")) or face
    literal = element.tag == "code" or "carry-url" in (element.get("class") or "").split()
    own = MONO_FACES.get(cjk_face(element.get("lang")) or base or "", MONO) if literal else face
    if element.text:
        yield element.text, own
    for child in element:
        yield from texts(child, own if literal else face, base)
        if child.tail:
            yield child.tail, face


def undrawable(text: str, face: str | None) -> str | None:
    """The first character of a text that neither Charis nor the face can draw."""
    latin = frozenset() if face in MONO_FACES.values() else coverage(LATIN_FACE)
    cjk = coverage(face) if face else frozenset()
    for char in text:
        if char in " \t\r\n" or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        if ord(char) not in latin and ord(char) not in cjk:
            return char
    return None
