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
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from frontdesk.fsmodes import private_file

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
    # "" = the SQLite file in the data folder; or a postgresql://user@host:port/db URL (several counters). The
    # password is never written here: ``save`` moves it to the OS keyring or the owner-only password file.
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
        if split_password(settings.database)[1]:  # written by hand, or by a version before the password store
            try:
                settings.save(path)
            except OSError as exc:
                log.warning("could not move the server password out of %s (%s)", path, exc)
        return settings

    def save(self, path: Path) -> None:
        """Write the settings; a password in the server URL goes to the password store, not into the file."""
        values = asdict(self)
        url, password = split_password(self.database)
        if password:
            store_password(path.parent, url, password)
        values["database"] = url
        _write_json(path, values)

    def connect_url(self, root: Path) -> str:
        """The server URL with its password from the store (as typed when it holds one); "" for SQLite."""
        url, password = split_password(self.database)
        if not url:
            return ""
        return with_password(url, password or load_password(root, url))


# --- the server password, outside settings.json ------------------------------------------------------------

KEYRING_SERVICE = "FrontDesk"
PASSWORD_FILE = "server-password.json"  # in the data folder, 0600, when the OS has no usable keyring
KEYRING, FILE = "keyring", "file"


def split_password(url: str) -> tuple[str, str]:
    """(the URL without its password, the password or "") of a postgresql:// URL; other text unchanged."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres") or parts.password is None:
        return url, ""
    userinfo, host = parts.netloc.rsplit("@", 1)
    user = userinfo.split(":", 1)[0]
    bare = urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))
    return bare, unquote(parts.password)


def with_password(url: str, password: str) -> str:
    """``url`` (without a password) with ``password`` put in; the URL itself when there is none."""
    if not password:
        return url
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    user = parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else ""
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


def _keyring() -> Any | None:
    """The OS keyring when one is usable (Windows Credential Manager, macOS Keychain, Secret Service), else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring setup is no keyring
        log.warning("the OS keyring could not be loaded; the server password goes to the owner-only file")
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def password_store_kind() -> str:
    """Where ``store_password`` keeps a password on this computer: KEYRING or FILE."""
    return KEYRING if _keyring() is not None else FILE


def password_file(root: Path) -> Path:
    return root / PASSWORD_FILE


def store_password(root: Path, url: str, password: str) -> str:
    """Keep the password for ``url`` (its login: user, host, port, database) and return where: KEYRING or FILE."""
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, url, password)
            return KEYRING
        except Exception as exc:  # noqa: BLE001 - a locked or refusing keyring: fall back to the file
            log.warning("the OS keyring refused the server password (%s); using the owner-only file", exc)
    path = password_file(root)
    root.mkdir(parents=True, exist_ok=True)
    saved = _read_json(path) or {}
    saved[url] = password
    private_file(path)
    tmp = private_file(path.with_suffix(".tmp"))
    tmp.write_text(json.dumps(saved, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return FILE


def load_password(root: Path, url: str) -> str:
    """The password kept for ``url``: the OS keyring first, then the owner-only file; "" when none."""
    backend = _keyring()
    if backend is not None:
        try:
            found = backend.get_password(KEYRING_SERVICE, url)
        except Exception:  # noqa: BLE001
            found = None
        if found:
            return found
    value = (_read_json(password_file(root)) or {}).get(url, "")
    return value if isinstance(value, str) else ""


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
