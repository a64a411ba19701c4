"""The rotating log file, created and rotated readable by the user only (it names staff and customers)."""

from __future__ import annotations

import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from frontdesk.fsmodes import FILE_MODE, private_dir, tighten


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are 0600 on Linux, whatever the umask."""

    def __init__(self, filename: Path, max_bytes: int = 1_000_000, backup_count: int = 5) -> None:
        private_dir(filename.parent)
        tighten(filename, *(Path(f"{filename}.{n}") for n in range(1, backup_count + 1)))
        super().__init__(filename, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True)

    def _open(self) -> IO[str]:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        tighten(Path(self.baseFilename))
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)
