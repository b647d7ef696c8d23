"""Ask the Internet Archive to save every source the site cites, so that a copy outlasts the page.

    ARCHIVE_ACCESS_KEY=... ARCHIVE_SECRET_KEY=... uv run python scripts/archive_sources.py

For each source in data/sources.yml (except those marked gone), a Save Page
Now 2 request (``POST https://web.archive.org/save``), which the Archive skips
when it has a capture from the last 30 days. The keys are an archive.org
account's S3 keys (the weekly link workflow takes them from the repository's
secrets). Without them it saves nothing, says so, and succeeds: a fork without
the secrets still runs its weekly check. What it did goes to the run's summary
(``GITHUB_STEP_SUMMARY``) when there is one. The site links each source's copy
nearest the day it was read (``https://web.archive.org/web/<date>/<url>``).
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from jointletter.project import Project
from jointletter.sources import Source, sources

SAVE = "https://web.archive.org/save"
# Save Page Now allows a few captures a minute for an account.
PAUSE = 9.0


def request(source: Source, access: str, secret: str) -> urllib.request.Request:
    """The Save Page Now 2 request for one source: skipped by the Archive if
    it holds a capture from the last 30 days."""
    form = {"url": source.url, "if_not_archived_within": "30d", "skip_first_archive": "1"}
    return urllib.request.Request(
        SAVE,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Accept": "application/json", "Authorization": f"LOW {access}:{secret}"},
        method="POST",
    )


def wanted(found: dict[str, Source]) -> list[Source]:
    """The sources to save: every one still online."""
    return [source for source in found.values() if not source.gone]


def summary(lines: list[str]) -> None:
    print("\n".join(lines))
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")


def main(send: Callable[[urllib.request.Request], dict] | None = None, pause: float = PAUSE) -> int:
    access, secret = os.environ.get("ARCHIVE_ACCESS_KEY"), os.environ.get("ARCHIVE_SECRET_KEY")
    todo = wanted(sources(Project()))
    if not (access and secret):
        summary(
            [
                "### Archiving sources: skipped",
                f"No archive.org keys (secrets ARCHIVE_ACCESS_KEY, ARCHIVE_SECRET_KEY): {len(todo)} sources not sent "
                "to the Internet Archive's Save Page Now. The link check runs all the same.",
            ]
        )
        return 0
    send = send or _send
    lines, failed = ["### Archiving sources", ""], 0
    for number, source in enumerate(todo):
        if number:
            time.sleep(pause)
        try:
            answer = send(request(source, access, secret))
            lines.append(f"- {source.key}: {answer.get('job_id') or answer.get('message') or 'sent'}")
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            failed += 1
            lines.append(f"- {source.key}: not saved ({error})")
    lines.append(f"\n{len(todo) - failed} of {len(todo)} sources sent to Save Page Now.")
    summary(lines)
    return 0


def _send(req: urllib.request.Request) -> dict:
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.loads(response.read().decode("utf-8") or "{}")


if __name__ == "__main__":
    sys.exit(main())
