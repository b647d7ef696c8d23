"""Link-preview images, drawn at build time from the recommendations' front matter.

One 1200x630 PNG per recommendation (``assets/social/<slug>.png``) and one for
the rest of the site (``assets/social/site.png``), in the site's palette, with
Charis SIL from ``fonts/``. No network: Material's ``social`` plugin
downloads fonts and fails offline. The same input gives the same bytes.

Runs after ``recommendations.py``, whose ordered list it reads from the
template globals.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 80
FOLDER = "assets/social/"
FONTS = Path(__file__).resolve().parents[2] / "fonts"
INK = "#1c2633"
ACCENT = "#f0a9a3"  # the dark scheme's accent: 8.4:1 on the ink
TEXT = "#ffffff"
MUTED = "#c9d1dc"
SITE_IMAGE = "site"


def image_path(name: str) -> str:
    return f"{FOLDER}{name}.png"


@lru_cache(maxsize=None)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONTS / f"CharisSIL-{weight}.ttf"
    if not path.is_file():
        raise PluginError(f"fonts/{path.name}: font for the preview images is missing")
    return ImageFont.truetype(str(path), size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=face) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit(draw: ImageDraw.ImageDraw, text: str, width: int, max_lines: int, sizes: range) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    for size in sizes:
        face = font("Bold", size)
        lines = wrap(draw, text, face, width)
        if len(lines) <= max_lines:
            return face, lines
    return face, lines


@lru_cache(maxsize=32)
def draw_card(kicker: str, title: str, numeral: str, footer: str) -> bytes:
    image = Image.new("RGB", SIZE, INK)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rectangle((0, 0, 16, height), fill=ACCENT)

    draw.text((MARGIN, 64), kicker.upper(), font=font("Regular", 26), fill=MUTED)
    left = MARGIN
    if numeral:
        draw.text((MARGIN - 6, 112), numeral, font=font("Bold", 220), fill=ACCENT)
        left = MARGIN + 190
    face, lines = fit(draw, title, width - left - MARGIN, 5, range(64, 34, -4))
    line_height = int(face.size * 1.2)
    y = 140
    for line in lines:
        draw.text((left, y), line, font=face, fill=TEXT)
        y += line_height

    draw.line((MARGIN, height - 110, width - MARGIN, height - 110), fill="#3a4759", width=2)
    draw.text((MARGIN, height - 84), footer, font=font("Regular", 28), fill=MUTED)

    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    # Previews, canonical links and recommendations.json need absolute URLs.
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is not set (it comes from the SITE_URL environment variable); "
            "link previews and canonical addresses need the site's full address"
        )


def on_env(env: Environment, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    footer = f"{config.site_name} · 17 February 2021"
    cards = {
        SITE_IMAGE: draw_card(
            config.site_name,
            "Make human rights a priority in US policy on China",
            "",
            "17 February 2021 · 24 organizations and individuals · to President Joe Biden",
        )
    }
    recommendations = env.globals["recommendations"]
    for rec in recommendations:
        cards[rec.slug] = draw_card(
            f"Recommendation {rec.number} of {len(recommendations)}", rec.title, str(rec.number), footer
        )
    # No page links to these in Markdown, so they can join the site now,
    # before MkDocs copies its static files.
    for name, data in cards.items():
        files.append(File.generated(config, image_path(name), content=data))
    # The template's image for a page: its recommendation's, or the site's.
    env.globals["preview_image"] = lambda rec: image_path(rec.slug if rec else SITE_IMAGE)
    return env
