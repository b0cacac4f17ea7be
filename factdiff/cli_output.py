"""Writing what the commands produce: reports atomically, terminal text at a known width."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError

FILE_WIDTH = 100  # terminal-format width when not writing to a terminal: reports do not vary


def terminal_width() -> int:
    """The terminal's width, kept between 80 and 160 columns."""
    try:
        return max(80, min(os.get_terminal_size().columns, 160))
    except OSError:
        return FILE_WIDTH


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written report."""
    path = Path(path)
    if not path.parent.exists():
        raise InputError(f"{path}: output folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
