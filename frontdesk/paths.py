"""Where FrontDesk keeps its data: database, backups, logs, attachments and settings."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from frontdesk.fsmodes import private_dir

APP_NAME = "FrontDesk"
OWNER_ONLY = 0o600  # files holding customer data: on Linux only the user who made them may read them


def owner_only(path: str | os.PathLike[str]) -> None:
    """Let only the file's owner read and write it (POSIX; on Windows the per-user folder's ACLs apply)."""
    if os.name == "posix":
        os.chmod(path, OWNER_ONLY)


@dataclass(frozen=True)
class DataPaths:
    """The folders and files under one data directory."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "frontdesk.db"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "frontdesk.log"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def sync_keys(self) -> Path:
        """Pairing keys shared with other sites (owner-only files, outside the database)."""
        return self.root / "sync-keys"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def state_file(self) -> Path:
        """Remembered window state and last login (``settings.Persist``), apart from the options."""
        return self.root / "state.json"

    @property
    def restore_marker(self) -> Path:
        """A backup chosen for restore; swapped in at the next start, before the database opens."""
        return self.root / "restore-pending.txt"

    def ensure(self) -> DataPaths:
        """Create the folders readable by the user only (0700 on Linux); the root only when it is ours."""
        if not self.root.exists() or self.database.exists():
            private_dir(self.root)
        else:  # a --data-dir that already held other things keeps its mode
            self.root.mkdir(parents=True, exist_ok=True)
        for folder in (self.backups, self.logs, self.attachments):
            private_dir(folder)
        return self


def resource_dir() -> Path:
    """Read-only resources (translations, print templates, icons): beside the source tree, or inside a
    frozen bundle (PyInstaller's sys._MEIPASS), never the user's data folder."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def default_data_dir() -> Path:
    """The user's data folder (never the install folder), e.g. ~/.local/share/FrontDesk."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_paths(data_dir: str | Path | None = None) -> DataPaths:
    """Paths for ``data_dir`` (from ``--data-dir``) or the default data folder, created if missing."""
    root = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
    return DataPaths(root).ensure()
