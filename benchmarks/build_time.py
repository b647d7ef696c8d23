"""How long a full build takes, and what the carried editions add to it.

    uv run python benchmarks/build_time.py [--runs N]

Runs `mkdocs build --strict` N times into a temp folder, alternating a full
build (the carried editions made afresh: each run has an empty cache,
XDG_CACHE_HOME) and one with DOWNLOADS=false, and prints the median and range
of "Documentation built in X seconds" (the build itself) and of the command's
wall-clock time (Python start-up included), for each, and the difference.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(env: dict[str, str], out: str) -> tuple[float, float]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", out],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    return float(re.search(r"built in ([\d.]+) seconds", result.stderr + result.stdout).group(1)), wall


def summary(name: str, runs: list[tuple[float, float]]) -> str:
    built, wall = [b for b, _ in runs], [w for _, w in runs]
    return (
        f"{name}: median {statistics.median(built):.2f} s (range {min(built):.2f}-{max(built):.2f}) as MkDocs "
        f"reports it; whole command {statistics.median(wall):.2f} s (range {min(wall):.2f}-{max(wall):.2f})"
    )


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
    full, skipped = [], []
    with tempfile.TemporaryDirectory() as out:
        for run in range(args.runs):
            full.append(build({**env, "XDG_CACHE_HOME": f"{out}-cache-{run}"}, out))
            shutil.rmtree(f"{out}-cache-{run}", ignore_errors=True)
            skipped.append(build({**env, "DOWNLOADS": "false"}, out))
    print(f"{args.runs} runs each, interleaved:")
    print(summary("full build", full))
    print(summary("without the carried editions (DOWNLOADS=false)", skipped))
    added = statistics.median(b for b, _ in full) - statistics.median(b for b, _ in skipped)
    print(f"the carried editions add {added:.2f} s (difference of the medians)")


if __name__ == "__main__":
    main()
