"""Backups: online copy, rotation, integrity, restore at next start."""

import pytest

from frontdesk.db import backup
from frontdesk.db.models import Department
from frontdesk.errors import PermissionDenied, UserError
from frontdesk.services import system
from frontdesk.settings import Settings


def test_backup_is_a_working_copy_and_rotates(paths, admin):
    Department.create(name="客服中心")
    made = [backup.backup_database(paths.backups, keep=3, reason=f"r{i}") for i in range(5)]
    left = backup.list_backups(paths.backups)
    assert len(left) == 3
    assert {b.path for b in left} == set(made[-3:])
    assert backup.integrity_problems(made[-1]) == []


def test_backup_service_needs_admin(paths, staff_actor, manager):
    for actor in (staff_actor, manager):
        with pytest.raises(PermissionDenied):
            system.backup_now(actor, paths, 14)
        with pytest.raises(PermissionDenied):
            system.list_backups(actor, paths)


def test_restore_replaces_database_at_next_start(paths, admin):
    Department.create(name="旧部门")
    saved = system.backup_now(admin, paths, 14)
    Department.create(name="新部门")
    system.schedule_restore(admin, paths, saved)
    system.stop()
    system.start(paths, Settings(), backup_on_start=False)
    names = {d.name for d in Department.select()}
    assert names == {"旧部门"}
    reasons = {b.reason for b in backup.list_backups(paths.backups)}
    assert "before-restore" in reasons


def test_corrupt_backup_is_refused(paths, admin):
    bad = paths.backups / "frontdesk-20260101-000000-manual.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(UserError, match="损坏"):
        system.schedule_restore(admin, paths, bad)
    assert not paths.restore_marker.exists()


def test_check_reports_healthy(admin):
    health = system.check()
    assert health.healthy and health.problems == []
