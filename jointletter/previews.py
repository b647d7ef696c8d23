"""The site's images: each link preview, and the EPUB's cover, in each edition.

One 1200x630 card per recommendation and one for the rest of the site, in
the site's palette, with Charis SIL, or in a Chinese edition with Noto Serif
CJK cut down to the characters drawn (``scripts/subset_fonts.py`` cuts it
from ``drawn()``; a character the font lacks stops the build, naming it).
No network (Material's ``social`` plugin downloads fonts); the same input
gives the same bytes.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache

from mkdocs.exceptions import PluginError
from PIL import Image, ImageDraw, ImageFont

from jointletter.editions import EDITIONS, Language, language
from jointletter.project import ROOT, Project
from jointletter.recommendations import recommendations

SITE_IMAGE = "site"
COVER = "cover"  # the EPUB's cover: not a preview
COVER_SIZE = (1200, 1800)


def cover_texts(words: Language) -> tuple[str, str, str, str]:
    """What the EPUB's cover says: what the file is, the title, who publishes it."""
    publisher = words.t("publisher")
    kicker = words.t("carry.cover_line", date=words.t("letter_date"))
    return (kicker, words.t("site_name"), "", publisher[:1].upper() + publisher[1:])


def card_texts(words: Language, project: Project) -> dict[str, tuple[str, str, str, str]]:
    """What each image says, by name: (kicker, title, numeral, footer)."""
    t = words.t
    recs = recommendations(project, words.edition.locale)
    footer = f"{t('site_name')} · {t('letter_date')}"
    cards = {SITE_IMAGE: (t("site_name"), t("preview_site_title"), "", t("preview_meta"))}
    cards[COVER] = cover_texts(words)
    for rec in recs:
        kicker = t("recommendation_n_of", n=rec.number, total=len(recs))
        cards[rec.slug] = (kicker, rec.title, str(rec.number), footer)
    return cards


def texts_for(project: Project, locale: str) -> dict[str, tuple[str, str, str, str]]:
    """What each image of one edition says."""
    return card_texts(language(locale, project), project)


SIZE = (1200, 630)
MARGIN = 80
FONTS = ROOT / "fonts"
INK = "#1c2633"
ACCENT = "#f0a9a3"  # the dark scheme's accent: 8.4:1 on the ink
TEXT = "#ffffff"
MUTED = "#c9d1dc"
LATIN = ("CharisSIL-Regular.ttf", "CharisSIL-Bold.ttf")


def faces(locale: str) -> tuple[str, str]:
    """The fonts for an edition's text: (regular, bold). Numerals are Charis;
    Chinese is Noto Serif CJK Bold, cut down by scripts/subset_fonts.py."""
    cjk = EDITIONS[locale].cjk
    return (f"NotoSerifCJK{cjk.lower()}-Bold.subset.otf",) * 2 if cjk else LATIN


# Characters a line of Chinese may not start with.
NO_LINE_START = set("，。、；：？！）」』”’·")


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
    for name in set(faces(locale)):
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
def draw_card(
    kicker: str, title: str, numeral: str, footer: str, locale: str = "en", size: tuple[int, int] = SIZE
) -> bytes:
    """A card in the site's palette: the kicker, a numeral (for a recommendation), the title, a footer line."""
    regular, bold = faces(locale)
    image = Image.new("RGB", size, INK)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, 0, 16, height), fill=ACCENT)

    for number, line in enumerate(wrap(draw, kicker.upper(), font(regular, 26), width - 2 * MARGIN)[:3]):
        draw.text((MARGIN, 64 + number * 34), line, font=font(regular, 26), fill=MUTED)
    left = MARGIN
    if numeral:
        draw.text((MARGIN - 6, 112), numeral, font=font("CharisSIL-Bold.ttf", 220), fill=ACCENT)
        left = MARGIN + 190
    portrait = height > width  # a cover: the title larger, a third of the way down
    sizes = range(112, 56, -8) if portrait else range(64, 34, -4)
    face, lines = fit(draw, title, width - left - MARGIN, 5, sizes, bold)
    if portrait and len(lines) > 1:  # a short Chinese title on one line, not broken inside a word
        one_line = fit(draw, title, width - left - MARGIN, 1, range(96, 71, -4), bold)
        face, lines = one_line if len(one_line[1]) == 1 else (face, lines)
    line_height = int(face.size * 1.2)
    y = (
        height // 3
        if portrait
        else 140 + 34 * (len(wrap(draw, kicker.upper(), font(regular, 26), width - 2 * MARGIN)[:3]) - 1)
    )
    for line in lines:
        draw.text((left, y), line, font=face, fill=TEXT)
        y += line_height

    draw.line((MARGIN, height - 110, width - MARGIN, height - 110), fill="#3a4759", width=2)
    draw.text((MARGIN, height - 84), footer, font=font(regular, 28), fill=MUTED)

    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def drawn(project: Project, locale: str) -> str:
    """Every character the images of one edition draw."""
    return "".join(sorted({c for card in texts_for(project, locale).values() for text in card for c in text}))


def cover(words: Language) -> bytes:
    """The EPUB's cover, drawn like the previews."""
    return draw_card(*cover_texts(words), words.edition.locale, COVER_SIZE)
