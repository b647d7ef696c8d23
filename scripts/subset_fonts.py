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
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from jointletter.editions import EDITIONS
from jointletter.previews import drawn, faces
from jointletter.project import Project

TTC = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"


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
    project = Project()
    for locale, edition in EDITIONS.items():
        if not edition.cjk:
            continue
        text = drawn(project, locale)
        font = TTFont(args.ttc, fontNumber=face_index(args.ttc, f"Noto Serif CJK {edition.cjk}"))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        font.recalcTimestamp = False  # the same characters give the same bytes
        out = project.root / "fonts" / faces(locale)[1]
        font.save(out)
        print(f"{project.name(out)}: {len(text)} characters, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
