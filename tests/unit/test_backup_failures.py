"""Backups on a full disk or after a crash: a clear message, nothing left behind, no advice to restore."""

import errno
import logging
import os
import sqlite3
import subprocess
from collections import namedtuple
from pathlib import Path

import pytest

from frontdesk.cli import main as cli
from frontdesk.db import backup
from frontdesk.db.models import Department
from frontdesk.errors import UserError
from frontdesk.paths import data_paths
from frontdesk.services.core import system
from frontdesk.settings import Settings

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself (PostgreSQL: pg_dump on the server)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_too_little_room_is_refused_before_writing(paths, admin, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 1000))
    with pytest.raises(UserError, match="磁盘空间不足") as caught:
        system.backup_now(admin, paths, 14)
    assert "恢复" not in caught.value.message
    assert _leftovers(paths.backups) == []


def test_disk_full_while_writing_the_archive_leaves_nothing(paths, admin, monkeypatch):
    (paths.attachments / ("d" * 64 + ".png")).write_bytes(b"\x89PNG\r\n\x1a\n")  # copied to the store first

    def fill_then_fail(part: Path, snapshot: Path, names: list[str]) -> str:
        part.write_bytes(b"\x28\xb5\x2f\xfd" + b"\x00" * 5000)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup, "_write_archive", fill_then_fail)
    with pytest.raises(UserError, match="磁盘空间不足"):
        system.backup_now(admin, paths, 14)
    assert _leftovers(paths.backups) == []
    Department.create(name="照常保存")  # the database is untouched and still writable


class _FullOnVacuum:
    """A sqlite3 connection whose VACUUM INTO fails as SQLite does when the disk fills."""

    def __init__(self, real: sqlite3.Connection, message: str) -> None:
        self.real, self.message = real, message

    def execute(self, sql: str, *args):  # noqa: ANN002, ANN201
        if sql.startswith("VACUUM INTO"):
            Path(args[0][0]).write_bytes(b"\x00" * 4096)  # SQLite had begun writing the snapshot
            Path(args[0][0] + "-journal").write_bytes(b"\x00" * 512)
            raise sqlite3.OperationalError(self.message)
        return self.real.execute(sql, *args)

    def close(self) -> None:
        self.real.close()


@pytest.mark.parametrize(("message", "free", "expected"), [
    ("database or disk is full", 10**12, "磁盘空间不足"), ("disk I/O error", 10**12, "disk I/O error"),
    ("disk I/O error", 4096, "磁盘空间不足")])
def test_sqlite_errors_during_the_copy_are_clear_and_leave_nothing(paths, admin, monkeypatch, message, free,
                                                                  expected):
    monkeypatch.setattr(backup, "_check_room", lambda _f, _s: None)
    monkeypatch.setattr(backup, "_free_bytes", lambda _f: free)
    real_connect = sqlite3.connect
    monkeypatch.setattr(backup.sqlite3, "connect", lambda *a, **k: _FullOnVacuum(real_connect(*a, **k), message))
    with pytest.raises(UserError, match=expected) as caught:
        system.backup_now(admin, paths, 14)
    monkeypatch.undo()
    assert "备份失败" in caught.value.message and "restore 从备份恢复" not in caught.value.message
    assert _leftovers(paths.backups) == []


def test_leftovers_of_a_killed_backup_are_removed_at_the_next_start(paths, admin):
    names = ["frontdesk-20261118-100000-manual.tar.zst.part", "frontdesk-20261118-100000-manual.tar.zst.part-db",
             "frontdesk-20261118-100000-manual.tar.zst.part-db-journal", "frontdesk-20261118-090000-startup.part",
             "frontdesk-20261118-090000-startup.part-journal"]
    for name in names:
        (paths.backups / name).write_bytes(b"x" * 100)
    (paths.backups / "attachments").mkdir()
    (paths.backups / "attachments" / ".part-abc.png").write_bytes(b"x")
    (paths.attachments / (".restore-" + "c" * 64 + ".png")).write_bytes(b"x")  # a copy-back cut short
    staged = paths.root / "restore-pending.db"
    staged.write_bytes(b"x")  # unpacked for a restore that was never confirmed by a marker
    kept = system.backup_now(admin, paths, 14)
    system.stop()
    system.start(paths, Settings(), backup_on_start=False)
    assert _leftovers(paths.backups) == [kept.name]
    assert not staged.exists() and list(paths.attachments.iterdir()) == []


def test_the_start_up_backup_logs_its_failure(paths, admin, monkeypatch, caplog):
    def full(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise UserError("备份失败：磁盘空间不足")

    monkeypatch.setattr(backup, "backup_database", full)
    with caplog.at_level(logging.WARNING):
        assert system.startup_backup(paths, Settings()) is None
    assert "start-up backup failed" in caplog.text and "磁盘空间不足" in caplog.text

    def bug(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise sqlite3.InterfaceError("unexpected")

    monkeypatch.setattr(backup, "backup_database", bug)
    caplog.clear()
    assert system.startup_backup(paths, Settings()) is None
    assert caplog.records[-1].levelno == logging.ERROR and caplog.records[-1].exc_info


@pytest.mark.allow_log
def test_a_disk_io_error_at_open_is_not_called_corruption(paths, admin, monkeypatch):
    system.stop()

    def io_error(_path):  # noqa: ANN001, ANN202
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(system, "open_database", io_error)
    with pytest.raises(UserError) as caught:
        system.start(paths, Settings(), backup_on_start=False)
    assert "损坏" not in caught.value.message.replace("不表示数据库已损坏", "")
    assert "不要从备份恢复" in caught.value.message


def test_a_really_damaged_database_is_called_so(tmp_path):
    paths = data_paths(tmp_path / "d")
    paths.database.write_bytes(b"this is not a database" * 300)
    with pytest.raises(UserError, match="已损坏") as caught:
        system.start(paths, Settings(), backup_on_start=False)
    assert "restore 从备份恢复" in caught.value.message


def _tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _filled_site(data: Path, megabytes: int) -> None:
    assert cli(["--data-dir", str(data), "init", "--site-code", "S01", "--site-name", "测试站", "--admin-user",
                "admin", "--admin-password", "secret1"]) == 0
    conn = sqlite3.connect(data / "frontdesk.db")
    conn.execute("CREATE TABLE filler (data BLOB)")
    conn.executemany("INSERT INTO filler VALUES (?)", ((os.urandom(65536),) for _ in range(megabytes * 16)))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("precheck", [True, False])
def test_backup_to_a_real_full_disk(tmp_path, capsys, monkeypatch, precheck):
    """A 3 MB tmpfs as the backups folder (root only; skipped elsewhere), for a 6 MB incompressible database."""
    data = tmp_path / "d"
    _filled_site(data, 6)
    mount = data / "backups"
    if not _tmpfs(mount, "3m"):
        pytest.skip("needs root and tmpfs")
    try:
        if not precheck:  # let SQLite and the archive writer meet ENOSPC themselves
            monkeypatch.setattr(backup, "_check_room", lambda _f, _s: None)
        capsys.readouterr()
        assert cli(["--data-dir", str(data), "backup"]) == 2
        err = capsys.readouterr().err
        assert "磁盘空间不足" in err and "restore 从备份恢复" not in err and "Traceback" not in err
        assert _leftovers(mount) == []
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.allow_log
def test_backup_when_the_data_disk_itself_is_full(tmp_path, capsys):
    """The whole data folder on a full tmpfs: a clear message, never the advice to restore a backup."""
    data = tmp_path / "d"
    if not _tmpfs(data, "8m"):
        pytest.skip("needs root and tmpfs")
    try:
        _filled_site(data, 2)
        (data / "ballast").write_bytes(b"")
        with open(data / "ballast", "wb", buffering=0) as ballast:  # unbuffered: nothing left to flush at close
            try:
                while True:
                    ballast.write(b"\x00" * 65536)
            except OSError:
                pass
        capsys.readouterr()
        code = cli(["--data-dir", str(data), "backup"])
        err = capsys.readouterr().err
        assert code == 2 and "restore 从备份恢复" not in err and "Traceback" not in err
        assert "磁盘空间已满" in err, err
        assert _leftovers(data / "backups") == []
    finally:
        subprocess.run(["umount", str(data)], check=True)
