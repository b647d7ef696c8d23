"""Cut Noto Serif CJK down to the characters the Chinese preview images draw.

    uv run python scripts/subset_fonts.py [--ttc PATH]

The preview images (overrides/hooks/previews.py) draw each recommendation's
title, number and a few interface strings. A CJK font is about 20 MB; the
images need a few hundred characters. This script collects exactly the
characters drawn in each Chinese edition, from the same front matter and
strings the build uses, and writes `fonts/NotoSerifCJKsc-Bold.subset.otf`
(Simplified forms) and `fonts/NotoSerifCJKtc-Bold.subset.otf` (Traditional)
from Noto Serif CJK Bold (SIL Open Font License 1.1; Debian's fonts-noto-cjk).
Run it after changing a Chinese title: the build stops and names any
character the fonts lack.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import front_matter, load  # noqa: E402

TTC = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
# The face in the collection for each edition: its name must contain this.
FACES = {"zh-hans": "Noto Serif CJK SC", "zh-hant": "Noto Serif CJK TC"}


class Rec:
    def __init__(self, path: Path) -> None:
        meta = front_matter(path)
        self.number, self.title = meta["number"], " ".join(meta["title"].split())
        self.slug = path.name.split(".")[0]


def drawn(locale: str) -> str:
    """Every character the images of one edition draw."""
    i18n, previews = load("overrides/hooks/i18n.py"), load("overrides/hooks/previews.py")
    recs = sorted((Rec(p) for p in (ROOT / "docs" / "recommendations").glob(f"*.{locale}.md") if not p.name.startswith("index.")),
                  key=lambda rec: rec.number)
    t = lambda key, **values: i18n.translate(locale, key, **values)  # noqa: E731
    texts = previews.card_texts(t, i18n.translate(locale, "site_name"), recs)
    return "".join(sorted({c for card in texts.values() for text in card for c in text}))


def face_index(ttc: str, name: str) -> int:
    for index in range(10):
        font = TTFont(ttc, fontNumber=index, lazy=True)
        if font["name"].getDebugName(1) == name:
            return index
    raise SystemExit(f"{ttc}: no face named {name!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ttc", default=TTC, help=f"Noto Serif CJK Bold collection (default {TTC})")
    args = parser.parse_args()
    if not Path(args.ttc).is_file():
        raise SystemExit(f"{args.ttc} is missing: apt-get install fonts-noto-cjk")
    for locale, name in FACES.items():
        text = drawn(locale)
        font = TTFont(args.ttc, fontNumber=face_index(args.ttc, name))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        font.recalcTimestamp = False  # the same characters give the same bytes
        out = ROOT / "fonts" / f"NotoSerifCJK{'sc' if locale == 'zh-hans' else 'tc'}-Bold.subset.otf"
        font.save(out)
        print(f"{out.relative_to(ROOT)}: {len(text)} characters, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
