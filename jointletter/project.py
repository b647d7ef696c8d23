"""The project's files: where they are, and reading them with errors that name the place.

Every error here is a ``PluginError`` (MkDocs prints it as one line and stops
the build, with no traceback), naming the file relative to the project and,
for YAML, the line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
FRONT_MATTER = "---"


@dataclass(frozen=True)
class Project:
    """One checkout of the project: the folder mkdocs.yml is in. Tests build
    copies of it, so nothing here assumes the package's own folder."""

    root: Path = ROOT

    @classmethod
    def of(cls, config: Any) -> Project:
        return cls(Path(config.config_file_path).resolve().parent)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def name(self, path: Path) -> str:
        """A path as the editor knows it: relative to the project."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def _position(error: yaml.YAMLError, offset: int = 0) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is None:
        return ""
    return f", line {mark.line + 1 + offset}, column {mark.column + 1}"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML with dates left as text, for the model to check: PyYAML's own date
    reading fails on 2021-02-30 with an error that names no place."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=512)
def parse_yaml(text: str, where: str, offset: int = 0) -> Any:
    """YAML, or a PluginError naming the file, line and column of the fault.
    Parsed once per text (the three editions' builds and every hook read the
    same files): callers must not change what it returns."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise PluginError(f"{where}{_position(error, offset)}: not valid YAML ({problem})") from None


@lru_cache(maxsize=512)
def _read(path: Path, mtime_ns: int, size: int) -> str:
    return path.read_text(encoding="utf-8")


def read_text(path: Path) -> str:
    """A file's text, read once per change (the three languages' builds and
    the hooks all ask for the same files)."""
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """The front matter block (without its fences) and the body."""
    if not text.startswith(FRONT_MATTER + "\n"):
        return None, text
    end = text.find(f"\n{FRONT_MATTER}\n", len(FRONT_MATTER))
    if end == -1:
        return None, text
    return text[len(FRONT_MATTER) + 1 : end + 1], text[end + len(FRONT_MATTER) + 2 :]


def front_matter(project: Project, path: Path) -> dict[str, Any]:
    """A page's front matter as a dict; a fault names the page, line and column."""
    where = project.name(path)
    block, _ = split_front_matter(read_text(path))
    if block is None:
        return {}
    data = parse_yaml(block, where, offset=1)  # line 1 is the opening fence
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PluginError(f"{where}: the front matter is not a set of keys and values")
    return data
