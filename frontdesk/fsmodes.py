"""Files and folders only their owner may read (0600 / 0700 on Linux): the database, backups, logs."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700, or tighten it if it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty as 0600 if missing, or tighten an existing file; returns it for ``.open()``."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        tighten(path)
    return path


def tighten(*paths: Path) -> None:
    """Make existing files owner-only (files made by an older version were 0644); missing ones are skipped."""
    if not POSIX:
        return
    for path in paths:
        try:
            os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)
        except FileNotFoundError:
            pass
