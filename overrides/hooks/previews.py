"""Link-preview images, drawn at build time from the recommendations' front matter.

One 1200x630 PNG per recommendation (``assets/social/<slug>.png``) and one for
the rest of the site (``assets/social/site.png``), in the site's palette, with
Charis SIL from ``fonts/``; in each Chinese edition the same, in its language
and script (``assets/social/zh-hans/<slug>.png``), drawn with Noto Serif CJK
cut down to the characters drawn (``scripts/subset_fonts.py`` cuts it; the
build stops, naming the characters, if one is missing). No network:
Material's ``social`` plugin downloads fonts and fails offline. The same input
gives the same bytes.

The recommendations and strings come from the site's model (``jointletter``).
"""

from __future__ import annotations

import io
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from PIL import Image, ImageDraw, ImageFont

from jointletter import plugins as adapter
from jointletter.previews import SITE_IMAGE, texts_for
from jointletter.project import Project

SIZE = (1200, 630)
MARGIN = 80
FOLDER = "assets/social/"
FONTS = Path(__file__).resolve().parents[2] / "fonts"
INK = "#1c2633"
ACCENT = "#f0a9a3"  # the dark scheme's accent: 8.4:1 on the ink
TEXT = "#ffffff"
MUTED = "#c9d1dc"
# The font for each language's text: (Regular, Bold). Numerals are Charis.
FACES = {
    "en": ("CharisSIL-Regular.ttf", "CharisSIL-Bold.ttf"),
    "zh-hans": ("NotoSerifCJKsc-Bold.subset.otf",) * 2,
    "zh-hant": ("NotoSerifCJKtc-Bold.subset.otf",) * 2,
}
# Characters a line of Chinese may not start with.
NO_LINE_START = set("，。、；：？！）」』”’·")


def image_path(name: str, locale: str = "en") -> str:
    folder = FOLDER if locale == "en" else f"{FOLDER}{locale}/"
    return f"{folder}{name}.png"


@cache
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONTS / name
    if not path.is_file():
        hint = " (make it with `uv run python scripts/subset_fonts.py`)" if "subset" in name else ""
        raise PluginError(f"fonts/{name}: font for the preview images is missing{hint}")
    return ImageFont.truetype(str(path), size)


@cache
def covered(name: str) -> frozenset[str]:
    """The characters a font can draw."""
    from fontTools.ttLib import TTFont

    return frozenset(chr(code) for code in TTFont(FONTS / name).getBestCmap())


def check_drawable(locale: str, texts: list[str]) -> None:
    for name in set(FACES[locale]):
        missing = sorted({c for text in texts for c in text} - covered(name))
        if missing:
            raise PluginError(
                f"fonts/{name}: the preview images need characters the font lacks: {''.join(missing)} "
                "(run `uv run python scripts/subset_fonts.py` to cut the font again)"
            )


def is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80


def tokens(text: str) -> list[tuple[str, str]]:
    """Units a line may break between, each with the space before it: words in
    Latin script, single characters in Chinese (never a closing mark first)."""
    out: list[tuple[str, str]] = []
    space = ""
    for char in text:
        if char.isspace():
            space = " "
        elif out and (char in NO_LINE_START or (not space and not is_cjk(char) and not is_cjk(out[-1][1][-1]))):
            out[-1] = (out[-1][0], out[-1][1] + char)
        else:
            out.append((space if out else "", char))
            space = ""
    return out


def wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for space, token in tokens(text):
        if lines and draw.textlength(f"{lines[-1]}{space}{token}", font=face) <= width:
            lines[-1] = f"{lines[-1]}{space}{token}"
        else:
            lines.append(token)
    return lines


def fit(
    draw: ImageDraw.ImageDraw, text: str, width: int, max_lines: int, sizes: range, bold: str
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    for size in sizes:
        face = font(bold, size)
        lines = wrap(draw, text, face, width)
        if len(lines) <= max_lines:
            return face, lines
    return face, lines


@lru_cache(maxsize=32)
def draw_card(kicker: str, title: str, numeral: str, footer: str, locale: str = "en") -> bytes:
    regular, bold = FACES[locale]
    image = Image.new("RGB", SIZE, INK)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rectangle((0, 0, 16, height), fill=ACCENT)

    draw.text((MARGIN, 64), kicker.upper(), font=font(regular, 26), fill=MUTED)
    left = MARGIN
    if numeral:
        draw.text((MARGIN - 6, 112), numeral, font=font("CharisSIL-Bold.ttf", 220), fill=ACCENT)
        left = MARGIN + 190
    face, lines = fit(draw, title, width - left - MARGIN, 5, range(64, 34, -4), bold)
    line_height = int(face.size * 1.2)
    y = 140
    for line in lines:
        draw.text((left, y), line, font=face, fill=TEXT)
        y += line_height

    draw.line((MARGIN, height - 110, width - MARGIN, height - 110), fill="#3a4759", width=2)
    draw.text((MARGIN, height - 84), footer, font=font(regular, 28), fill=MUTED)

    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    locale = adapter.edition(config).locale
    texts = texts_for(Project.of(config), locale)
    check_drawable(locale, [text for kicker, title, _, footer in texts.values() for text in (kicker, title, footer)])
    # No page links to these in Markdown, so they can join the site now,
    # before MkDocs copies its static files.
    for name, card in texts.items():
        files.append(File.generated(config, image_path(name, locale), content=draw_card(*card, locale)))
    # The template's image for a page: its recommendation's, or the site's.
    env.globals["preview_image"] = lambda rec: image_path(rec.slug if rec else SITE_IMAGE, locale)
    return env
