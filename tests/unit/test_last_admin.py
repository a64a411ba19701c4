"""The last active admin is kept: not deactivated, demoted or renamed by form or import; reset-admin for a lock-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from frontdesk.cli import main
from frontdesk.db.models import AuditLog, Staff
from frontdesk.domain.roles import Role
from frontdesk.errors import AuthError, PermissionDenied, ValidationError
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core import auth
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.roster_import import import_roster

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

ADMIN_PASSWORD = "admin123"


def _edit(actor, uuid, **changes):  # noqa: ANN001, ANN003, ANN202
    data = staff_service.get_staff(actor, uuid)
    for key, value in changes.items():
        setattr(data, key, value)
    return staff_service.save_staff(actor, data, uuid)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"role": Role.MANAGER.value}, "role"), ({"role": Role.STAFF.value}, "role"), ({"staff_no": "root"}, "staff_no")],
)
def test_the_last_admin_cannot_demote_or_rename_itself(admin, changes, field):
    with pytest.raises(ValidationError) as info:
        _edit(admin, admin.uuid, **changes)
    assert "最后一位在职管理员" in info.value.fields[field]
    assert Staff.get(Staff.uuid == admin.uuid).role == "admin"


def test_one_of_two_admins_may_go_but_not_the_last(admin, make_actor):
    second = make_actor(Role.ADMIN, "副管理员")
    _edit(second, admin.uuid, active=False)  # two admins: one may go
    with pytest.raises(ValidationError) as info:
        _edit(second, second.uuid, role=Role.STAFF.value)  # now the last one
    assert "role" in info.value.fields
    _edit(second, admin.uuid, active=True)
    _edit(admin, second.uuid, role=Role.MANAGER.value)  # back to two, then one again: allowed
    assert Staff.get(Staff.uuid == second.uuid).role == "manager"


def test_a_deactivated_admins_open_session_cannot_deactivate_the_last_one(admin, make_actor):
    second = make_actor(Role.ADMIN, "副管理员")
    _edit(admin, second.uuid, active=False)
    with pytest.raises(ValidationError) as info:
        _edit(second, admin.uuid, active=False)
    assert "最后一位在职管理员" in info.value.fields["active"]


def test_an_admin_without_a_password_does_not_count(admin):
    staff_service.save_staff(admin, staff_service.StaffInput("9001", "无密码管理员", role=Role.ADMIN.value))
    with pytest.raises(ValidationError):
        _edit(admin, admin.uuid, role=Role.STAFF.value)


def test_a_manager_cannot_change_an_admin_account_at_all(admin, manager, make_actor):
    make_actor(Role.ADMIN, "副管理员")  # not the last one: still refused
    for changes in ({"active": False}, {"staff_no": "x1"}, {"name": "改名"}, {"phone": "13800138000"}):
        with pytest.raises(PermissionDenied):
            _edit(manager, admin.uuid, **changes)
    assert Staff.get(Staff.uuid == admin.uuid).name == "管理员"


def _sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(("column", "value"), [("角色", "客服"), ("在职", "离职"), ("角色", "主管")])
def test_a_roster_import_cannot_demote_or_deactivate_the_last_admin(admin, tmp_path, column, value):
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名", column], [["admin", "管理员", value]])
    with pytest.raises(WorkbookRefused) as caught:
        import_roster(admin, path)
    assert any(p.row == 2 and p.column == column for p in caught.value.problems)
    staff = Staff.get(Staff.uuid == admin.uuid)
    assert staff.role == "admin" and staff.active


def test_an_import_that_demotes_both_admins_is_refused_whole(admin, make_actor, tmp_path):
    second = make_actor(Role.ADMIN, "副管理员")
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名", "角色"],
                  [["admin", "管理员", "客服"], [second.staff_no, "副管理员", "客服"]])
    with pytest.raises(WorkbookRefused) as caught:
        import_roster(admin, path)
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "角色")]
    assert Staff.select().where(Staff.role == "admin").count() == 2


def _cli(paths, *args: str) -> int:  # noqa: ANN001
    return main(["--data-dir", str(paths.root), *args])


def test_reset_admin_unlocks_reactivates_and_is_audited(admin, make_actor, frozen_clock, capsys, paths):
    second = make_actor(Role.ADMIN, "副管理员")
    _edit(second, admin.uuid, active=False)
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(AuthError):
            auth.login(second.staff_no, "guess")
    assert _cli(paths, "reset-admin", "--password", "long-enough") == 2  # two admins: which one?
    assert "--user" in capsys.readouterr().err
    assert _cli(paths, "reset-admin", "--user", "admin", "--password", "123") == 2
    assert "--password" in capsys.readouterr().err
    assert _cli(paths, "reset-admin", "--user", "admin", "--password", "fresh-pass") == 0
    assert "admin" in capsys.readouterr().out
    assert auth.login("admin", "fresh-pass").role == Role.ADMIN
    entry = AuditLog.get((AuditLog.entity_uuid == admin.uuid) & (AuditLog.action == "reset_admin"))
    assert entry.actor_name == "系统" and "reset-admin" in entry.note
    assert _cli(paths, "reset-admin", "--user", second.staff_no, "--password", "fresh-two") == 0
    assert auth.login(second.staff_no, "fresh-two").staff_no == second.staff_no  # lock lifted


def test_reset_admin_can_make_a_staff_member_the_admin(admin, staff_actor, paths, capsys):
    Staff.update(role="staff").where(Staff.uuid == admin.uuid).execute()  # e.g. a hand-edited database
    assert _cli(paths, "reset-admin", "--password", "fresh-pass") == 2
    assert "--user" in capsys.readouterr().err
    assert _cli(paths, "reset-admin", "--user", "nobody", "--password", "fresh-pass") == 2
    assert _cli(paths, "reset-admin", "--user", staff_actor.staff_no, "--password", "fresh-pass") == 0
    assert auth.login(staff_actor.staff_no, "fresh-pass").role == Role.ADMIN


def test_reset_admin_needs_an_initialised_site(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "empty"), "reset-admin", "--password", "fresh-pass"]) == 2
    assert "init" in capsys.readouterr().err


def test_reset_admin_asks_the_password_twice_when_not_given(admin, paths, capsys, monkeypatch):
    answers = iter(["typed-pass", "typed-pass", "typed-pass", "other-one"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert _cli(paths, "reset-admin") == 0
    assert auth.login("admin", "typed-pass").staff_no == "admin"
    assert _cli(paths, "reset-admin") == 2  # the two differ: nothing changed
    assert "不一致" in capsys.readouterr().err
    assert auth.login("admin", "typed-pass").staff_no == "admin"
