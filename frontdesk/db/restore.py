"""Restore: a backup is unpacked and checked when chosen, then swapped in (with its attachments) at the next start;
on PostgreSQL the chosen dump is put back at once with pg_restore, after a dump of the database as it was."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tarfile
from contextlib import suppress
from pathlib import Path

import zstandard

from frontdesk import clock
from frontdesk.db import backup as backups
from frontdesk.db import pgdump
from frontdesk.db.connection import database
from frontdesk.errors import T, UserError
from frontdesk.fsmodes import private_dir, private_file, tighten

log = logging.getLogger(__name__)


def staged_file(marker: Path) -> Path:
    """Where the chosen backup's database waits, unpacked and checked, for the next start."""
    return marker.with_name("restore-pending.db")


def unpack(backup: Path, target: Path) -> list[str]:
    """Write the database in ``backup`` to ``target`` and check it; returns the attachments it names.

    Raises UserError (target removed) when the file is damaged or the disk cannot take it.
    """
    if not backup.is_file():
        raise UserError(T("errors", "找不到备份文件：{0}").format(backup))
    target.unlink(missing_ok=True)
    try:
        if backup.name.endswith(backups.ARCHIVE):
            found = backups.read_archive(backup, extract_to=target)
            if not found.expected or found.digest != found.expected:
                raise UserError(T("errors", "该备份文件已损坏，不能恢复：{0}").format(T("errors", "校验值不符")))
            names = found.attachments
        else:
            shutil.copyfile(backup, private_file(target))
            names = []
        problems = backups.integrity_problems(target)
        if problems:
            raise UserError(T("errors", "该备份文件已损坏，不能恢复：{0}").format("；".join(problems[:3])))
        return names
    except (tarfile.TarError, zstandard.ZstdError, EOFError) as exc:
        target.unlink(missing_ok=True)
        raise UserError(T("errors", "该备份文件已损坏，不能恢复：{0}").format(exc)) from exc
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise backups.backup_error(exc, target.parent) from exc
    except UserError:
        target.unlink(missing_ok=True)
        raise


def restore_server(backup: Path, backup_folder: Path, keep: int = 14,
                   max_total_bytes: int | None = backups.DEFAULT_MAX_TOTAL_BYTES) -> Path:
    """PostgreSQL: check the dump, keep the database as it is now as a ``before-restore`` dump, then
    ``pg_restore`` the chosen one in a single transaction (a failure leaves the database as it was).

    Returns the before-restore dump. Every counter should restart afterwards (the system page restarts this one).
    """
    if not backup.is_file():
        raise UserError(T("errors", "找不到备份文件：{0}").format(backup))
    if not backup.name.endswith(pgdump.SUFFIX):
        raise UserError(T("errors", "{0} 是单机（SQLite）数据库的备份，不能恢复到数据库服务器上；要把单机数据搬到服务器上，请用 migrate-to 命令。").format(backup.name))
    pgdump.check(backup)
    before = backups.backup_database(backup_folder, keep=None, reason="before-restore")
    database.obj.close()  # our own idle connection holds nothing, but a fresh one sees the restored tables
    pgdump.restore(database.obj.database, backup)
    backups.rotate(backup_folder, keep, max_total_bytes)
    return before


def schedule_restore(marker: Path, backup: Path) -> None:
    """Unpack and check ``backup`` now; mark it to replace the database at the next start."""
    if backup.name.endswith(pgdump.SUFFIX):
        raise UserError(T("errors", "{0} 是数据库服务器（PostgreSQL）的备份，不能恢复为单机数据库。").format(backup.name))
    unpack(backup, staged_file(marker))
    marker.write_text(str(backup), encoding="utf-8")
    tighten(marker)


def apply_pending_restore(
    marker: Path, database_file: Path, backup_folder: Path, attachments: Path | None = None,
    keep: int = 14, max_total_bytes: int | None = backups.DEFAULT_MAX_TOTAL_BYTES,
) -> Path | None:
    """Before the database opens: keep the current file as a backup, then put the chosen one in place and
    copy back the attachments it names. Nothing changes if any step before the swap fails."""
    attachments = attachments if attachments is not None else database_file.parent / backups.STORE
    for stale in attachments.glob(".restore-*"):  # a copy-back cut short
        stale.unlink(missing_ok=True)
    if not marker.exists():
        staged_file(marker).unlink(missing_ok=True)
        return None
    backup = Path(marker.read_text(encoding="utf-8").strip())
    staged = staged_file(marker)
    marker.unlink()
    try:
        names = backups.attachment_names(backup) if staged.is_file() else unpack(backup, staged)
        if database_file.exists():
            _keep_current(database_file, backup_folder, attachments)
        for suffix in ("-wal", "-shm"):
            Path(str(database_file) + suffix).unlink(missing_ok=True)
        staged.replace(database_file)
        tighten(database_file)
    finally:
        staged.unlink(missing_ok=True)
    missing = _restore_attachments(names, backup_folder / backups.STORE, attachments)
    if missing:
        log.warning("restore: %d attachments named by %s are not in the backup store", len(missing), backup.name)
    backups.rotate(backup_folder, keep, max_total_bytes)
    return backup


def _keep_current(database_file: Path, backup_folder: Path, attachments: Path) -> None:
    """Back the current database up first; a damaged one (the usual reason to restore) is copied raw."""
    try:
        backups.backup_database(backup_folder, keep=None, reason="before-restore", source_file=database_file,
                                attachments=attachments)
        return
    except backups.SourceDamaged:
        pass
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    copy = backup_folder / f"{backups.PREFIX}{stamp}-before-restore{backups.LEGACY}"
    try:
        for suffix in ("", "-wal"):
            source = Path(str(database_file) + suffix)
            if source.exists():
                shutil.copyfile(source, private_file(Path(str(copy) + suffix)))
    except OSError as exc:
        for suffix in ("", "-wal"):
            with suppress(OSError):
                Path(str(copy) + suffix).unlink(missing_ok=True)
        raise backups.backup_error(exc, backup_folder) from exc
    log.warning("current database is damaged; kept a raw copy as %s", copy.name)


def _restore_attachments(names: list[str], store: Path, live: Path) -> list[str]:
    """Copy back every named attachment the live folder lacks; returns those the store does not have."""
    missing = []
    for name in names:
        if (live / name).exists():
            continue
        if not (store / name).is_file():
            missing.append(name)
            continue
        private_dir(live)
        part = live / f".restore-{name}"
        try:
            shutil.copyfile(store / name, private_file(part))
            part.replace(live / name)
        finally:
            part.unlink(missing_ok=True)
    return missing
