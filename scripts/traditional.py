"""Make the Traditional Chinese pages from the Simplified ones.

    uv run python scripts/traditional.py          # write docs/**/*.zh-hant.md
    uv run python scripts/traditional.py --check  # fail if any is out of date

The Simplified pages (`*.zh-hans.md`) are the source; each Traditional page
(`*.zh-hant.md`) is made from one by OpenCC with Taiwan's standard
character forms (`s2tw`, the same conversion as the interface
strings in overrides/hooks/i18n.py), so the two scripts always say the same
thing. Never edit a Traditional page by hand: edit the Simplified page and
run this script. The test suite fails if a Traditional page is out of date.

One exception to the conversion: a phrase quoted from Human Rights in
China's Chinese translation of the letter (in “ ” on a Simplified page) is
given as HRIC's own Traditional page writes it, since a quotation stays
exactly as it was published.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# HRIC's renderings (its Simplified page -> its Traditional page), as
# published: https://www.hrichina.org/chs/... and /cht/... (see Sources).
HRIC = {
    "致拜登政府的联署信：将人权作为对华政策的中心": "致拜登政府的聯署信：將人權作爲對華政策的中心",
    "关于：以人权为中心制定对华政策": "關于：以人權爲中心制定對華政策",
    "以人权为中心制定对华政策": "以人權爲中心制定對華政策",
    "24个致力于促进中国尊重人权的组织和个人": "24個致力于促進中國尊重人權的組織和個人",
    "约瑟夫·R·拜登": "約瑟夫·R·拜登",
    "美利坚合众国总统": "美利堅合衆國總統",
    "国家安全顾问杰克·沙利文": "國家安全顧問杰克·沙利文",
    "国务卿安东尼·布林肯": "國務卿安東尼·布林肯",
    "中国国家主席习近平": "中國國家主席習近平",
    "将人权作为对华政策的中心": "將人權作爲對華政策的中心",
    "香港和新疆维吾尔地区": "香港和新疆維吾爾地區",
}


def i18n():
    spec = importlib.util.spec_from_file_location("i18n", ROOT / "overrides" / "hooks" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def traditional(source: Path, text: str) -> str:
    """The Traditional page for a Simplified page's text."""
    quotes = {f"“{hans}”": f"“{hant}”" for hans, hant in HRIC.items()}
    # A recommendation whose heading in the letter is known only in HRIC's
    # rendering gives that rendering as its `letter_heading`.
    quotes |= {f"letter_heading: {hans}\n": f"letter_heading: {hant}\n" for hans, hant in HRIC.items()}
    # Convert the text between HRIC's quotations; give those as HRIC wrote them.
    pattern = "(" + "|".join(re.escape(q) for q in sorted(quotes, key=len, reverse=True)) + ")"
    convert = i18n().to_traditional
    text = "".join(quotes[part] if part in quotes else convert(part) for part in re.split(pattern, text))
    text = text.replace('lang="zh-Hans"', 'lang="zh-Hant"')
    # Where a page quotes HRIC's Simplified page, the Traditional one quotes
    # (and links) HRIC's Traditional page.
    text = text.replace("[簡體中文版][hric-hans]", "[繁體中文版][hric-hant]")
    # The licence's own page in Traditional Chinese.
    text = text.replace("][cc-by-hans]", "][cc-by-hant]")
    notice = f"# Made from {source.name} by scripts/traditional.py: edit that file, not this one.\n"
    assert text.startswith("---\n"), f"{source}: no front matter"
    return "---\n" + notice + text[4:]


def pages() -> list[tuple[Path, Path]]:
    return [(hans, hans.with_name(hans.name.replace(".zh-hans.md", ".zh-hant.md"))) for hans in sorted(DOCS.rglob("*.zh-hans.md"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if a page is out of date")
    args = parser.parse_args()
    stale = []
    for hans, hant in pages():
        text = traditional(hans, hans.read_text(encoding="utf-8"))
        if hant.is_file() and hant.read_text(encoding="utf-8") == text:
            continue
        stale.append(hant.relative_to(ROOT).as_posix())
        if not args.check:
            hant.write_text(text, encoding="utf-8")
    if args.check and stale:
        sys.exit("out of date (run `uv run python scripts/traditional.py`): " + ", ".join(stale))
    print(("out of date: " if args.check else "written: ") + (", ".join(stale) or "none"))


if __name__ == "__main__":
    main()
