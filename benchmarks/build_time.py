"""How long a full build takes: MkDocs' own figure and the whole command.

    uv run python benchmarks/build_time.py [--runs N]

Runs `mkdocs build --strict` N times into a temp folder (clean each time) and
prints the median and range of "Documentation built in X seconds" (the build
itself) and of the command's wall-clock time (Python start-up included).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SITE_URL": os.environ.get("SITE_URL", "https://example.github.io/joint-letter/"),
    }
    built, wall = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.runs):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", out],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            wall.append(time.perf_counter() - start)
            built.append(float(re.search(r"built in ([\d.]+) seconds", result.stderr + result.stdout).group(1)))
    print(
        f"full build, {args.runs} runs: median {statistics.median(built):.2f} s (range "
        f"{min(built):.2f}-{max(built):.2f}) "
        f"as MkDocs reports it; whole command {statistics.median(wall):.2f} s (range {min(wall):.2f}-{max(wall):.2f})"
    )


if __name__ == "__main__":
    main()
