"""Backups: compressed and checked copies with attachments, retention, restore end to end."""

import os
import sqlite3
import time
from pathlib import Path

import pytest

from frontdesk.db import backup, restore
from frontdesk.db.models import Department
from frontdesk.errors import PermissionDenied, UserError
from frontdesk.services.core import attachments, system
from frontdesk.settings import Settings

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself (PostgreSQL: pg_dump on the server)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _photo(tmp_path, paths, n: int) -> str:  # noqa: ANN001
    source = tmp_path / f"photo{n}.png"
    source.write_bytes(PNG + bytes([n]) * 100)
    return attachments.store_image(source, paths.attachments)


def _departments_in(archive, tmp_path) -> set[str]:  # noqa: ANN001
    target = tmp_path / "unpacked.db"
    restore.unpack(archive, target)
    conn = sqlite3.connect(target)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM department")}
    finally:
        conn.close()
        target.unlink()


def test_backup_is_compressed_checked_and_rotates(paths, admin, tmp_path):
    Department.create(name="客服中心")
    made = [backup.backup_database(paths.backups, keep=3, reason=f"r{i}") for i in range(5)]
    left = backup.list_backups(paths.backups)
    assert len(left) == 3
    assert {b.path for b in left} == set(made[-3:])
    assert all(b.path.name.endswith(".tar.zst") for b in left)
    found = backup.read_archive(made[-1])
    assert found.digest == found.expected and len(found.digest) == 64
    assert _departments_in(made[-1], tmp_path) == {"客服中心"}
    restore.unpack(made[-1], tmp_path / "plain.db")
    assert left[0].size < (tmp_path / "plain.db").stat().st_size / 3


def test_backup_service_needs_admin(paths, staff_actor, manager):
    for actor in (staff_actor, manager):
        with pytest.raises(PermissionDenied):
            system.backup_now(actor, paths, 14)
        with pytest.raises(PermissionDenied):
            system.list_backups(actor, paths)


def test_restore_brings_back_records_and_attachments(paths, admin, tmp_path):
    Department.create(name="旧部门")
    first = _photo(tmp_path, paths, 1)
    saved = system.backup_now(admin, paths, 14)
    assert (paths.backups / "attachments" / first).is_file()
    assert backup.attachment_names(saved) == [first]
    Department.create(name="新部门")
    (paths.attachments / first).unlink()  # lost since
    second = _photo(tmp_path, paths, 2)
    system.schedule_restore(admin, paths, saved)
    system.stop()
    system.start(paths, Settings(), backup_on_start=False)
    assert {d.name for d in Department.select()} == {"旧部门"}
    assert (paths.attachments / first).read_bytes() == PNG + bytes([1]) * 100
    assert (paths.attachments / second).exists()  # a newer photo is not deleted
    before = [b for b in backup.list_backups(paths.backups) if b.reason == "before-restore"]
    assert len(before) == 1 and _departments_in(before[0].path, tmp_path) == {"旧部门", "新部门"}
    assert not restore.staged_file(paths.restore_marker).exists()


def test_attachments_are_copied_once(paths, admin, tmp_path):
    name = _photo(tmp_path, paths, 3)
    system.backup_now(admin, paths, 14)
    stored = paths.backups / "attachments" / name
    stamp = stored.stat().st_mtime_ns
    system.backup_now(admin, paths, 14)
    assert stored.stat().st_mtime_ns == stamp
    assert len(list((paths.backups / "attachments").iterdir())) == 1


def test_old_raw_backup_is_still_restorable(paths, admin):
    Department.create(name="旧版备份")
    raw = paths.backups / "frontdesk-20260101-000000-manual.db"
    conn = sqlite3.connect(paths.database)
    conn.execute("VACUUM INTO ?", (str(raw),))
    conn.close()
    Department.create(name="之后")
    assert [b.path for b in system.list_backups(admin, paths)] == [raw]
    system.schedule_restore(admin, paths, raw)
    system.stop()
    system.start(paths, Settings(), backup_on_start=False)
    assert {d.name for d in Department.select()} == {"旧版备份"}


@pytest.mark.parametrize("damage", ["truncate", "flip", "raw-garbage"])
def test_damaged_backup_is_refused(paths, admin, damage):
    if damage == "raw-garbage":
        bad = paths.backups / "frontdesk-20260101-000000-manual.db"
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    else:
        bad = system.backup_now(admin, paths, 14)
        data = bytearray(bad.read_bytes())
        if damage == "truncate":
            data = data[: len(data) // 2]
        else:
            data[len(data) // 2] ^= 0xFF
        bad.write_bytes(bytes(data))
    with pytest.raises(UserError, match="损坏"):
        system.schedule_restore(admin, paths, bad)
    assert not paths.restore_marker.exists()
    assert not restore.staged_file(paths.restore_marker).exists()


def test_missing_backup_is_refused(paths, admin):
    with pytest.raises(UserError, match="找不到"):
        system.schedule_restore(admin, paths, paths.backups / "nope.tar.zst")


def test_retention_by_total_size_keeps_the_newest_and_drops_unneeded_attachments(paths, admin, tmp_path):
    old_photo = _photo(tmp_path, paths, 4)
    made = [backup.backup_database(paths.backups, keep=14, reason=f"r{i}") for i in range(3)]
    (paths.attachments / old_photo).unlink()
    made.append(backup.backup_database(paths.backups, keep=14, reason="r3"))
    photo_size = (paths.backups / "attachments" / old_photo).stat().st_size
    backup.rotate(paths.backups, keep=14,
                  max_total_bytes=made[3].stat().st_size + made[2].stat().st_size + photo_size)
    assert [b.path for b in backup.list_backups(paths.backups)] == [made[3], made[2]]
    assert (paths.backups / "attachments" / old_photo).exists()  # made[2] still names it
    backup.rotate(paths.backups, keep=14, max_total_bytes=1)
    assert [b.path for b in backup.list_backups(paths.backups)] == [made[3]]
    assert not (paths.backups / "attachments" / old_photo).exists()


def test_settings_carry_a_size_limit(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings.load(path).backups_max_total_mb == 5120
    path.write_text('{"backups_max_total_mb": 3}', encoding="utf-8")
    assert Settings.load(path).backups_max_total_mb == 100  # clamped, never "no backups at all"


def test_backup_finishes_while_a_clerk_saves_every_tenth_of_a_second(paths, admin):
    import threading

    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE filler (data BLOB)")
    conn.execute("CREATE TABLE clerk_save (n INTEGER)")
    conn.executemany("INSERT INTO filler VALUES (?)", ((os.urandom(8192),) for _ in range(4000)))  # 32 MB
    conn.commit()
    conn.close()
    stop, waits, errors = threading.Event(), [], []

    def clerk() -> None:
        own = sqlite3.connect(paths.database, timeout=10, isolation_level=None)
        n = 0
        try:
            while not stop.is_set():
                began = time.perf_counter()
                own.execute("BEGIN IMMEDIATE")
                own.execute("INSERT INTO clerk_save VALUES (?)", (n,))
                own.execute("COMMIT")
                waits.append(time.perf_counter() - began)
                n += 1
                time.sleep(0.1)  # not Event.wait: under libfaketime its timeout overshoots
        except sqlite3.Error as exc:
            errors.append(exc)
        finally:
            own.close()

    writer = threading.Thread(target=clerk)
    writer.start()
    try:
        time.sleep(0.25)
        saves_before = len(waits)
        began = time.perf_counter()
        made = system.backup_now(admin, paths, 14)
        took = time.perf_counter() - began
        saves_during = len(waits) - saves_before
    finally:
        stop.set()
        writer.join()
    assert errors == []
    assert saves_during >= 2, f"the copy ({took:.2f} s) was too quick to overlap any save"
    assert max(waits) < 1.0
    assert backup.read_archive(made).digest == backup.read_archive(made).expected


def test_cli_backup_then_restore_end_to_end(tmp_path, capsys):
    from frontdesk.cli import main

    data = tmp_path / "site"

    def run(*args: str) -> int:
        return main(["--data-dir", str(data), *args])

    assert run("init", "--site-code", "S07", "--site-name", "东阳服务区", "--admin-user", "admin",
               "--admin-password", "secret1") == 0
    photo = data / "attachments" / ("b" * 64 + ".png")
    photo.write_bytes(PNG)
    capsys.readouterr()
    assert run("backup") == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.is_file() and made.name.endswith(".tar.zst")
    conn = sqlite3.connect(data / "frontdesk.db")
    conn.execute("UPDATE site_setting SET value = '改过的名字' WHERE key = 'site_name'")
    conn.commit()
    conn.close()
    photo.unlink()
    assert run("restore", str(made)) == 0
    conn = sqlite3.connect(data / "frontdesk.db")
    assert conn.execute("SELECT value FROM site_setting WHERE key = 'site_name'").fetchone() == ("东阳服务区",)
    conn.close()
    assert photo.read_bytes() == PNG
    assert run("check") == 0
