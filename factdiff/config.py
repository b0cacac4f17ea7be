"""Project settings from ``[tool.factdiff]`` in pyproject.toml or from factdiff.toml.

Looked up from the folder of the inputs upwards (as pytest does from its arguments), then, if
none is found there, from the working folder upwards; a factdiff.toml wins over a
pyproject.toml in the same folder. Command-line flags override the settings, ``--config FILE`` names the file and
``--isolated`` uses none.

    [tool.factdiff]             # or the same keys at the top of factdiff.toml
    model = "all-MiniLM-L6-v2"
    fail-on = "warning"         # error, warning, info or never
    format = "markdown"         # terminal, json, markdown or html
    ignore = ["FD901", "spelling"]   # codes, code prefixes (FD9) or kinds, never reported
    align-threshold = 0.6       # cosine below which sentences are not aligned
    cache = true                # read and write the embedding cache
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .align import LINK_THRESHOLD
from .embed import DEFAULT_MODEL
from .errors import InputError

_SEVERITIES = ("error", "warning", "info", "never")
_FORMATS = ("terminal", "json", "markdown", "html")


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    fail_on: str = "error"
    format: str = "terminal"
    ignore: tuple[str, ...] = ()  # discrepancy codes (FD301) or kinds (place) never reported
    align_threshold: float = LINK_THRESHOLD
    cache: bool = True
    source: str | None = field(default=None, compare=False)  # the file the settings came from

    def ignores(self, code: str, kind: str) -> bool:
        """Whether a discrepancy of this code and kind is never reported (codes match by prefix)."""
        return kind in self.ignore or any(_is_code(i) and code.startswith(i) for i in self.ignore)

    def overridden(self, **flags) -> Settings:
        """These settings with every flag that was given on the command line (not None)."""
        return replace(self, **{k: v for k, v in flags.items() if v is not None})


def find_settings(start: Path | None = None) -> Settings:
    """Settings from the nearest factdiff.toml or pyproject.toml with a [tool.factdiff] table.

    ``start`` is a folder (default: the working folder); the search goes up from there.
    """
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        own = directory / "factdiff.toml"
        if own.is_file():
            return load_settings(own)
        project = directory / "pyproject.toml"
        if project.is_file() and "factdiff" in _read(project).get("tool", {}):
            return load_settings(project)
    return Settings()


def discover_settings(paths: list[str]) -> Settings:
    """Settings for these inputs: found from their folder upwards, else from the working folder."""
    start = start_folder(paths)
    settings = find_settings(start)
    if settings.source is None and start != Path.cwd().resolve():
        settings = find_settings(Path.cwd())
    return settings


def start_folder(paths: list[str]) -> Path:
    """Where to look for settings: the deepest folder holding every input (not stdin)."""
    folders = [
        str(p.resolve() if p.is_dir() else p.resolve().parent) for p in map(Path, paths) if str(p) != "-"
    ]
    if not folders:
        return Path.cwd()
    return Path(os.path.commonpath(folders))


def load_settings(path: Path) -> Settings:
    """Settings from one file: its [tool.factdiff] table (pyproject.toml), else its top-level keys."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: config file not found")
    data = _read(path)
    tool = data.get("tool", {})
    if path.name == "pyproject.toml" or (isinstance(tool, dict) and "factdiff" in tool):
        table = tool.get("factdiff", {}) if isinstance(tool, dict) else {}
    else:
        table = data
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.factdiff] must be a table")
    known = {f.name.replace("_", "-"): f.name for f in fields(Settings) if f.name != "source"}
    values = {}
    for key, value in table.items():
        if key not in known:
            raise InputError(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
        values[known[key]] = value
    settings = Settings(source=str(path), **_checked(path, values))
    return settings


def _checked(path: Path, values: dict) -> dict:
    if "fail_on" in values and values["fail_on"] not in _SEVERITIES:
        raise InputError(f"{path}: fail-on must be one of {', '.join(_SEVERITIES)}")
    if "format" in values and values["format"] not in _FORMATS:
        raise InputError(f"{path}: format must be one of {', '.join(_FORMATS)}")
    if "ignore" in values:
        if not isinstance(values["ignore"], list) or not all(isinstance(v, str) for v in values["ignore"]):
            raise InputError(f"{path}: ignore must be a list of codes or kinds")
        values["ignore"] = checked_ignores(values["ignore"], str(path))
    if "align_threshold" in values:
        threshold = values["align_threshold"]
        if not isinstance(threshold, (int, float)) or not 0.0 < threshold < 1.0:
            raise InputError(f"{path}: align-threshold must be a number between 0 and 1")
        values["align_threshold"] = float(threshold)
    for key in ("model",):
        if key in values and not isinstance(values[key], str):
            raise InputError(f"{path}: {key} must be a string")
    if "cache" in values and not isinstance(values["cache"], bool):
        raise InputError(f"{path}: cache must be true or false")
    return values


def known_codes() -> dict[str, str]:
    """Every discrepancy code factdiff reports, with its kind."""
    from .compare import all_rules

    return {rule.code: rule.kind for rule in all_rules()}


def _is_code(entry: str) -> bool:
    return entry[:2] == "FD"


def checked_ignores(entries, where: str) -> tuple[str, ...]:
    """``entries`` as given, after checking each names a kind or (a prefix of) a known code."""
    codes = known_codes()
    kinds = set(codes.values())
    out = []
    for entry in entries:
        entry = entry.strip()
        valid = entry in kinds or (_is_code(entry) and any(c.startswith(entry) for c in codes))
        if not valid:
            raise InputError(
                f"{where}: cannot ignore {entry!r}: not a code ({', '.join(codes)}) "
                f"nor a kind ({', '.join(sorted(kinds))})"
            )
        out.append(entry)
    return tuple(dict.fromkeys(out))


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML: {error}") from None
