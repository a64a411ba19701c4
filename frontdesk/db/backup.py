"""Online backups with SQLite's backup API, rotation, integrity checks and restore at next start."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from frontdesk import clock
from frontdesk.db.connection import database
from frontdesk.errors import T, UserError

PREFIX = "frontdesk-"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    created: datetime
    size: int
    reason: str


def backup_database(
    folder: Path, keep: int = 14, reason: str = "manual", source_file: Path | None = None
) -> Path:
    """Copy the database to ``folder`` while it stays in use; keep the newest ``keep`` files.

    With ``source_file`` the copy reads through a connection of its own (safe on a worker thread).
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{PREFIX}{stamp}-{reason}.db"
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{PREFIX}{stamp}-{reason}-{n}.db"
    tmp = dest.with_suffix(".part")
    try:
        source = sqlite3.connect(source_file) if source_file else database.obj.connection()
        target = sqlite3.connect(tmp)
        try:
            source.backup(target, pages=4096)
        finally:
            target.close()
            if source_file:
                source.close()
        tmp.replace(dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(T("errors", "无法写入备份文件：{0}").format(exc.strerror or exc)) from exc
    rotate(folder, keep)
    return dest


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    infos = []
    for path in folder.glob(f"{PREFIX}*.db"):
        stat = path.stat()
        parts = path.stem[len(PREFIX) :].split("-", 2)
        reason = parts[2] if len(parts) > 2 else ""
        infos.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size, reason))
    return sorted(infos, key=lambda b: (b.created, b.path.name), reverse=True)


def rotate(folder: Path, keep: int) -> None:
    for stale in folder.glob(f"{PREFIX}*.part"):  # a copy cut short by a crash or power loss
        stale.unlink(missing_ok=True)
    for old in list_backups(folder)[max(1, keep) :]:
        old.path.unlink(missing_ok=True)


def integrity_problems(path: Path | None = None) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means healthy."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if path else database.obj.connection()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        problems += [
            T("errors", "外键引用错误：{0} 行 {1} → {2}").format(*r[:3]) for r in conn.execute("PRAGMA foreign_key_check")
        ]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        if path:
            conn.close()


def schedule_restore(marker: Path, backup: Path) -> None:
    """Check ``backup`` and mark it to replace the database at the next start."""
    if not backup.is_file():
        raise UserError(T("errors", "找不到备份文件：{0}").format(backup))
    problems = integrity_problems(backup)
    if problems:
        raise UserError(T("errors", "该备份文件已损坏，不能恢复：{0}").format("；".join(problems[:3])))
    marker.write_text(str(backup), encoding="utf-8")


def apply_pending_restore(marker: Path, database_file: Path, backups: Path) -> Path | None:
    """Before the database opens: keep the current file as a backup, then put the chosen one in place."""
    if not marker.exists():
        return None
    backup = Path(marker.read_text(encoding="utf-8").strip())
    marker.unlink()
    if not backup.is_file():
        raise UserError(T("errors", "要恢复的备份文件不存在：{0}").format(backup))
    if database_file.exists():
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        _copy_sqlite(database_file, backups / f"{PREFIX}{stamp}-before-restore.db")
    for suffix in ("-wal", "-shm"):
        Path(str(database_file) + suffix).unlink(missing_ok=True)
    tmp = database_file.with_suffix(".restoring")
    shutil.copy2(backup, tmp)
    tmp.replace(database_file)
    return backup


def _copy_sqlite(source_file: Path, dest: Path) -> None:
    """Copy a closed database file including what is still in its WAL."""
    source = sqlite3.connect(source_file)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
