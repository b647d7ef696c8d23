"""Make the word list that Chinese search is cut with: jieba's, for this site's words.

    uv run python scripts/search_dictionary.py          # write includes/jieba.txt
    uv run python scripts/search_dictionary.py --check  # fail if it is out of date

Material's search cuts Chinese into words at build time with jieba, whose
dictionary (349,000 words) takes most of a second to load on every build.
Only the words that occur in this site's Chinese pages can ever be found, so
this script keeps those, with jieba's own frequencies, adds the site's key
terms (SITE_WORDS), and one filler entry that keeps jieba's total frequency, so
that the pages are cut exactly as with the whole dictionary. Run it after
editing a Chinese page; the test suite fails while the list is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "includes" / "jieba.txt"
# Terms readers search for that jieba would cut apart, in both scripts.
SITE_WORDS = {
    "冬奥": 2000,
    "冬奥会": 2000,
    "冬奧": 2000,
    "冬奧會": 2000,
    "人权": 20000,
    "人權": 20000,
    "定向制裁": 2000,
    "針對性制裁": 2000,
}
FILLER = "\ue000"  # a word no page contains
LONGEST = 16


def corpus() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.zh-han*.md")))


def dictionary() -> str:
    text = corpus()
    pieces = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(i + LONGEST, len(text)) + 1)}
    kept, total = {}, 0
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            total += int(freq)
            if word in pieces:
                kept[word] = (int(freq), tag)
    for word, freq in SITE_WORDS.items():
        kept[word] = (freq, "n")
    lines = [f"{word} {freq} {tag}" for word, (freq, tag) in sorted(kept.items())]
    # Keep the whole dictionary's total, on which jieba's choice between two
    # ways of cutting a phrase depends.
    lines.append(f"{FILLER} {max(total - sum(freq for freq, _ in kept.values()), 1)} x")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if the list is out of date")
    args = parser.parse_args()
    text = dictionary()
    current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
    if args.check:
        if text != current:
            sys.exit(f"{OUT.relative_to(ROOT)} is out of date: run `uv run python scripts/search_dictionary.py`")
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10))} words")


if __name__ == "__main__":
    main()
