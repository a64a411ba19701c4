"""Per-installation settings, kept apart as Picard does: ``Settings`` are the options a user chooses,
declared once with types and defaults and upgraded by version; ``Persist`` is state the program
remembers by itself (window geometry, the last login name). Site-wide options live in the database
(``services/core/site_settings.py``)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2  # 2: window geometry and the last user moved to the state file
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
MOVED_TO_STATE = ("window", "last_user")


def _read_json(path: Path) -> dict[str, Any] | None:
    """The object in ``path``; None when the file is missing or unreadable (that is logged)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return None
    return raw if isinstance(raw, dict) else None


def _write_json(path: Path, values: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


@dataclass
class Settings:
    """Options kept in ``settings.json`` in the data folder."""

    version: int = SETTINGS_VERSION
    language: str = "zh_CN"
    backups_to_keep: int = 14
    backups_max_total_mb: int = 5120  # oldest backups go first when all of them together pass this
    backup_on_start: bool = True
    page_size: int = 50
    # "" = the SQLite file in the data folder; or a postgresql://user:pass@host:port/db URL (several counters)
    database: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        raw = _read_json(path)
        if raw is None:
            return cls()
        raw = _upgrade(raw)
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in raw.items() if k in known})
        if settings.language not in LANGUAGES:
            settings.language = "zh_CN"
        settings.backups_to_keep = max(1, int(settings.backups_to_keep))
        settings.backups_max_total_mb = max(100, int(settings.backups_max_total_mb))
        settings.page_size = min(500, max(10, int(settings.page_size)))
        settings.database = str(settings.database or "").strip()
        return settings

    def save(self, path: Path) -> None:
        _write_json(path, asdict(self))


@dataclass
class Persist:
    """State remembered between sessions in ``state.json``: never shown as an option, safe to lose."""

    last_user: str = ""
    window: dict[str, str] = field(default_factory=dict)  # "geometry": base64 of QWidget.saveGeometry()

    @classmethod
    def load(cls, path: Path, legacy_settings: Path | None = None) -> Persist:
        """Read ``path``; before its first save, take what a version-1 settings file still holds."""
        raw = _read_json(path)
        if raw is None and legacy_settings is not None:
            raw = {k: v for k, v in (_read_json(legacy_settings) or {}).items() if k in MOVED_TO_STATE}
        raw = raw or {}
        last_user = raw.get("last_user", "")
        window = raw.get("window", {})
        return cls(
            last_user=last_user if isinstance(last_user, str) else "",
            window={str(k): v for k, v in window.items() if isinstance(v, str)} if isinstance(window, dict) else {},
        )

    def save(self, path: Path) -> None:
        _write_json(path, asdict(self))


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings file up to SETTINGS_VERSION, one step per version."""
    version = raw.get("version", 1)
    if version < 2:  # the keys ``Persist.load`` reads from the old file are left out from now on
        raw = {k: v for k, v in raw.items() if k not in MOVED_TO_STATE}
    raw["version"] = SETTINGS_VERSION
    return raw
