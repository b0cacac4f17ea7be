"""The one way factdiff keeps a cache on disk: SQLite, checked, never trusted when damaged.

Both caches (sentence vectors, parsed facts) need the same discipline: WAL so concurrent runs
can read and write, a checksum per entry, a file SQLite cannot read moved aside and started
afresh, and a folder that cannot be used (read-only, locked too long, disk full) meaning this run
goes on without the cache rather than failing. Subclasses give the file name, the schema and
what a row holds.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class SqliteStore:
    file_name = ""
    table = ""
    schema: tuple[str, ...] = ()

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / self.file_name
        self._db: sqlite3.Connection | None = None
        self.unavailable = False  # the folder cannot be used: this run goes on without the cache

    @staticmethod
    def digest(blob: bytes) -> str:
        return hashlib.sha256(blob).hexdigest()[:16]

    def guarded(self, action: Callable[[sqlite3.Connection], T], default: T) -> T:
        """Run ``action`` on the database; damage resets the file, anything else gives up."""
        try:
            return action(self._connect())
        except (sqlite3.OperationalError, OSError):
            self._give_up()
        except sqlite3.DatabaseError:
            self.reset()
        return default

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if self.unavailable:
            raise sqlite3.OperationalError("cache unavailable")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.OperationalError:  # cannot open (locked, read-only, no space): not damage
            raise
        except sqlite3.DatabaseError:
            self._quarantine()
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            for statement in self.schema:
                db.execute(statement)
            db.execute(f"SELECT count(*) FROM {self.table} WHERE rowid < 0").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _quarantine(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            file = Path(str(self.path) + suffix)
            try:  # a file that cannot be moved aside is left; the cache then goes unused
                if file.exists():
                    file.replace(file.with_name(f"{file.name}.corrupt-{int(time.time())}-{os.getpid()}"))
            except OSError:
                pass

    def _give_up(self) -> None:
        self.close()
        self.unavailable = True

    def reset(self) -> None:
        """Forget an unreadable cache file so the next use starts a fresh one."""
        self.close()
        self._quarantine()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
