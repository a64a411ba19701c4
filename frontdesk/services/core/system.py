"""Opening the data folder (restore, migrate, start-up backup), health checks and backups."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from frontdesk.db import backup as backups
from frontdesk.db import restore as restores
from frontdesk.db.connection import (
    ServerProbe,
    close_database,
    is_corruption,
    is_postgres,
    is_server_url,
    open_database,
    probe,
    server_fields,
    server_url,
    shown_target,
    translate_error,
)
from frontdesk.db.connection import drop_connection as forget_connection
from frontdesk.db.migrations import LATEST_VERSION, migrate, pending_migrations, schema_version
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import DatabaseUnreachable, StorageError, T, UserError, ValidationError
from frontdesk.paths import DataPaths
from frontdesk.services.core import audit, audit_match, site
from frontdesk.services.core.permissions import require
from frontdesk.services.sync import bundle as sync_bundle
from frontdesk.services.sync import keys as sync_keys
from frontdesk.settings import Settings

log = logging.getLogger(__name__)

LOW_DISK_BYTES = 16 * 1024 * 1024  # below this an I/O error at open is the full disk, not a damaged file


def database_target(paths: DataPaths, settings: Settings) -> str | Path:
    """The database this installation uses: the settings' server URL (with its password from the keyring or
    the owner-only file), else the SQLite file in the data folder."""
    return settings.connect_url(paths.root) if is_server_url(settings.database) else paths.database


def on_server(settings: Settings) -> bool:
    """Whether these settings point at a PostgreSQL server rather than this PC's SQLite file."""
    return is_server_url(settings.database)


def compose_server_url(host: str, port: str, dbname: str, user: str, password: str = "") -> str:
    """The URL the settings keep for a server login typed in a form (port checked, parts quoted)."""
    errors: dict[str, str] = {}
    if not host.strip():
        errors["host"] = T("errors", "请填写服务器地址")
    if not dbname.strip():
        errors["dbname"] = T("errors", "请填写数据库名")
    if not user.strip():
        errors["user"] = T("errors", "请填写用户名")
    port = port.strip() or "5432"
    if not port.isdigit() or not 0 < int(port) < 65536:
        errors["port"] = T("errors", "端口为 1–65535 的数字")
    if errors:
        raise ValidationError(errors)
    return server_url(host, port, dbname, user, password)


def server_login(settings: Settings, paths: DataPaths) -> dict[str, str]:
    """host, port, dbname, user and password of the configured server, for the settings form."""
    return server_fields(settings.connect_url(paths.root))


def test_server(url: str) -> ServerProbe:
    """Connect once to the server ``url`` names (the desk's own database stays as it is); DatabaseUnreachable
    names the reason when it fails."""
    return probe(url)


def expected_error(exc: BaseException) -> UserError | None:
    """The UserError a database driver error means (the server went away mid-session), or None for a bug.

    A lost server connection is forgotten here, so the user's retry connects again.
    """
    if isinstance(exc, UserError):
        return exc
    if not isinstance(exc, peewee.DatabaseError | peewee.InterfaceError | sqlite3.OperationalError):
        return None
    mapped = translate_error(exc)
    if mapped is exc or not isinstance(mapped, UserError):
        return None
    if isinstance(mapped, DatabaseUnreachable):
        forget_connection()
    return mapped


def shown_database(paths: DataPaths, settings: Settings) -> str:
    """The database as the user may see it (a server URL without its password)."""
    return shown_target(database_target(paths, settings))


def start(paths: DataPaths, settings: Settings, *, backup_on_start: bool | None = None) -> None:
    """Remove a killed backup's leftovers, apply a pending restore, open and migrate the database, take the
    start-up backup (a SQLite file; a server database is only opened and migrated)."""
    target = database_target(paths, settings)
    sync_keys.use(paths.sync_keys)  # the data folder's, whichever database: keys and photos never live in it
    sync_bundle.use(paths.attachments)
    if is_server_url(target):
        open_database(target)  # an unreachable server is a DatabaseUnreachable (a UserError) already
        try:
            migrate(None)
            site.load_site()
        except peewee.DatabaseError as exc:
            mapped = translate_error(exc)
            if mapped is not exc:
                raise mapped from exc
            raise
        return
    backups.remove_leftovers(paths.backups)
    restored = restores.apply_pending_restore(
        paths.restore_marker, paths.database, paths.backups, paths.attachments,
        keep=settings.backups_to_keep, max_total_bytes=max_total_bytes(settings),
    )
    if restored:
        log.info("restored database from %s", restored)
    existed = paths.database.exists()
    try:
        open_database(paths.database)
        migrate(paths.backups, keep=settings.backups_to_keep)
        site.load_site()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        mapped = translate_error(exc)
        if isinstance(mapped, StorageError) and shutil.disk_usage(paths.root).free < LOW_DISK_BYTES:
            raise StorageError(T("errors", "数据文件夹所在的磁盘空间已满（{0}），数据库无法打开。这不表示数据库已损坏，请不要从备份恢复：清理磁盘后重新启动即可。").format(paths.root)) from exc
        if mapped is not exc:
            raise mapped from exc
        if is_corruption(exc):  # only then is a backup the answer: restoring loses what was saved since
            raise UserError(
                T("errors", "数据库文件已损坏，无法打开（{0}）。\n请在“系统维护”中或用命令 restore 从备份恢复：{1}").format(
                    exc, paths.backups
                )
            ) from exc
        log.exception("database did not open")
        raise UserError(T("errors", "无法打开数据库（{0}）。这不表示数据库已损坏，请不要从备份恢复；请检查磁盘和数据文件夹后重试，如仍不行请联系技术支持（日志：{1}）。").format(exc, paths.log_file)) from exc
    do_backup = settings.backup_on_start if backup_on_start is None else backup_on_start
    if existed and do_backup and site.is_initialized():
        startup_backup(paths, settings)


def max_total_bytes_of(max_total_mb: int | None) -> int:
    return (max_total_mb or Settings().backups_max_total_mb) * 1024 * 1024


def max_total_bytes(settings: Settings) -> int:
    return int(settings.backups_max_total_mb) * 1024 * 1024


def startup_backup(paths: DataPaths, settings: Settings) -> Path | None:
    """The automatic backup at start; reads through its own connection, so it may run on a worker thread.

    It never raises: a full disk must not stop the desk from working, and a thread's exception would be lost.
    A server database is backed up on the server (pg_dump), not by each counter.
    """
    if is_server_url(database_target(paths, settings)):
        return None
    try:
        return backups.backup_database(
            paths.backups, keep=settings.backups_to_keep, reason="startup", source_file=paths.database,
            attachments=paths.attachments, max_total_bytes=max_total_bytes(settings),
        )
    except UserError as exc:
        log.warning("start-up backup failed: %s", exc.message)
    except Exception:  # a bug: logged with its traceback, the desk goes on
        log.exception("start-up backup failed")
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
    problems = backups.integrity_problems() + audit.chain_problems() + audit_match.problems()
    pending = [m.version for m in pending_migrations()]
    return Health(schema_version(), LATEST_VERSION, problems, site.is_initialized(), pending)


def backup_now(actor: Actor, paths: DataPaths, keep: int, max_total_mb: int | None = None) -> Path:
    """A manual backup (database and new attachments), checked after writing; retention by count and size."""
    require(actor, Permission.ADMIN_SITE)
    limit = (max_total_mb or Settings().backups_max_total_mb) * 1024 * 1024
    path = backups.backup_database(paths.backups, keep=keep, reason="manual", source_file=paths.database,
                                   attachments=paths.attachments, max_total_bytes=limit)
    audit.record(actor, "backup", "", "backup", None, {"file": path.name})
    return path


def list_backups(actor: Actor, paths: DataPaths) -> list[backups.BackupInfo]:
    require(actor, Permission.ADMIN_SITE)
    return backups.list_backups(paths.backups)


def schedule_restore(actor: Actor, paths: DataPaths, backup: Path, keep: int = 14,
                     max_total_mb: int | None = None) -> None:
    """Admin picks a backup; it replaces the database when the app restarts (on a server: now, by pg_restore)."""
    require(actor, Permission.ADMIN_SITE)
    if is_postgres():  # a server database is restored at once (pg_restore), after a dump of it as it was
        before = restores.restore_server(backup, paths.backups, keep=keep,
                                         max_total_bytes=max_total_bytes_of(max_total_mb))
        audit.record(actor, "backup", "", "restore", None, {"file": backup.name, "before": before.name})
        return
    restores.schedule_restore(paths.restore_marker, backup)
    audit.record(actor, "backup", "", "schedule_restore", None, {"file": backup.name})


def shown_url(url: str) -> str:
    """A server URL as it may be printed (without its password)."""
    return shown_target(url)


def migrate_to(actor: Actor, paths: DataPaths, url: str, progress=None):  # noqa: ANN001, ANN201
    """Copy this installation's SQLite site into the empty PostgreSQL database ``url`` names (``migrate-to``);
    every table's count is checked (db/transfer.py). The SQLite file is only read and stays as it is."""
    from frontdesk.db import transfer

    require(actor, Permission.ADMIN_SITE)
    if not is_server_url(url):
        raise ValidationError({"url": T("errors", "请给出 postgresql://用户:密码@主机:端口/库名 形式的地址")})
    report = transfer.copy_site(paths.database, url, progress)
    open_database(paths.database)  # this PC's database stays the SQLite file until the settings say otherwise
    return report
