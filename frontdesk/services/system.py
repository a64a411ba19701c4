"""Opening the data folder (restore, migrate, start-up backup), health checks and backups."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from frontdesk.db import backup as backups
from frontdesk.db.connection import close_database, open_database, translate_error
from frontdesk.db.migrations import LATEST_VERSION, migrate, pending_migrations, schema_version
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, UserError
from frontdesk.paths import DataPaths
from frontdesk.services import audit, site
from frontdesk.services.permissions import require
from frontdesk.settings import Settings

log = logging.getLogger(__name__)


def start(paths: DataPaths, settings: Settings, *, backup_on_start: bool | None = None) -> None:
    """Apply a pending restore, open and migrate the database, take the start-up backup."""
    restored = backups.apply_pending_restore(paths.restore_marker, paths.database, paths.backups)
    if restored:
        log.info("restored database from %s", restored)
    existed = paths.database.exists()
    try:
        open_database(paths.database)
        migrate(paths.backups, keep=settings.backups_to_keep)
        site.load_site()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        mapped = translate_error(exc)
        if mapped is not exc:
            raise mapped from exc
        raise UserError(
            T("errors", "数据库文件已损坏，无法打开（{0}）。\n请在“系统维护”中或用命令 restore 从备份恢复：{1}").format(
                exc, paths.backups
            )
        ) from exc
    do_backup = settings.backup_on_start if backup_on_start is None else backup_on_start
    if existed and do_backup and site.is_initialized():
        startup_backup(paths, settings)


def startup_backup(paths: DataPaths, settings: Settings) -> Path | None:
    """The automatic backup at start; reads through its own connection, so it may run on a worker thread."""
    try:
        return backups.backup_database(
            paths.backups, keep=settings.backups_to_keep, reason="startup", source_file=paths.database
        )
    except (UserError, OSError) as exc:  # a full disk must not stop the desk from working
        log.warning("start-up backup failed: %s", exc)
        return None


def stop() -> None:
    close_database()


@dataclass(frozen=True)
class Health:
    """The result of ``check``."""

    schema_version: int
    latest_version: int
    problems: list[str]
    initialized: bool
    pending: list[int]

    @property
    def healthy(self) -> bool:
        return not self.problems and not self.pending and self.initialized


def check() -> Health:
    problems = backups.integrity_problems() + audit.chain_problems()
    pending = [m.version for m in pending_migrations()]
    return Health(schema_version(), LATEST_VERSION, problems, site.is_initialized(), pending)


def backup_now(actor: Actor, paths: DataPaths, keep: int) -> Path:
    require(actor, Permission.ADMIN_SITE)
    path = backups.backup_database(paths.backups, keep=keep, reason="manual")
    audit.record(actor, "backup", "", "backup", None, {"file": path.name})
    return path


def list_backups(actor: Actor, paths: DataPaths) -> list[backups.BackupInfo]:
    require(actor, Permission.ADMIN_SITE)
    return backups.list_backups(paths.backups)


def schedule_restore(actor: Actor, paths: DataPaths, backup: Path) -> None:
    """Admin picks a backup; it replaces the database when the app restarts."""
    require(actor, Permission.ADMIN_SITE)
    backups.schedule_restore(paths.restore_marker, backup)
    audit.record(actor, "backup", "", "schedule_restore", None, {"file": backup.name})
