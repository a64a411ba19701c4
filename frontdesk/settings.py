"""Per-installation user settings, declared once with types and defaults and upgraded by version."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


@dataclass
class Settings:
    """Options kept in ``settings.json`` in the data folder (site-wide options live in the database)."""

    version: int = SETTINGS_VERSION
    language: str = "zh_CN"
    backups_to_keep: int = 14
    backups_max_total_mb: int = 5120  # oldest backups go first when all of them together pass this
    backup_on_start: bool = True
    page_size: int = 50
    last_user: str = ""
    window: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        raw = _upgrade(raw)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        settings = cls(**values)
        if settings.language not in LANGUAGES:
            settings.language = "zh_CN"
        settings.backups_to_keep = max(1, int(settings.backups_to_keep))
        settings.backups_max_total_mb = max(100, int(settings.backups_max_total_mb))
        settings.page_size = min(500, max(10, int(settings.page_size)))
        return settings

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings file up to SETTINGS_VERSION (one step per version as they arrive)."""
    raw.setdefault("version", SETTINGS_VERSION)
    return raw
