"""Roster and departments: validation, permissions enforced in services, SQL paging."""

from datetime import timedelta

import pytest

from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.core import audit, staff
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.staff import StaffInput
from tests.conftest import FROZEN_AT

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_manager_keeps_roster(manager):
    dept = staff.save_department(manager, "客服中心", "前台")
    uuid = staff.save_staff(manager, StaffInput("3001", "张三", dept, "前台客服", phone="13800138000"))
    data = staff.get_staff(manager, uuid)
    assert (data.name, data.department_uuid, data.role) == ("张三", dept, "staff")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (StaffInput("", "张三"), "staff_no"),
        (StaffInput("3002", ""), "name"),
        (StaffInput("3002", "张三", phone="12345"), "phone"),
        (StaffInput("3002", "张三", hire_date=FROZEN_AT.date() + timedelta(days=1)), "hire_date"),
        (StaffInput("3002", "张三", department_uuid="no-such"), "department_uuid"),
    ],
)
def test_roster_validation(manager, data, field):
    with pytest.raises(ValidationError) as info:
        staff.save_staff(manager, data)
    assert field in info.value.fields


def test_duplicate_staff_number(manager):
    staff.save_staff(manager, StaffInput("3003", "李四"))
    with pytest.raises(ValidationError) as info:
        staff.save_staff(manager, StaffInput("3003", "王五"))
    assert "已被使用" in info.value.fields["staff_no"]


def test_roles_and_passwords_are_admin_only(manager, admin):
    with pytest.raises(PermissionDenied):
        staff.save_staff(manager, StaffInput("3004", "赵六", role=Role.MANAGER.value))
    with pytest.raises(PermissionDenied):
        staff.save_staff(manager, StaffInput("3004", "赵六"), password="secret1")
    staff.save_staff(admin, StaffInput("3004", "赵六", role=Role.MANAGER.value), password="secret1")


@pytest.mark.parametrize(
    "call",
    [
        lambda a: staff.save_staff(a, StaffInput("3005", "钱七")),
        lambda a: staff.list_staff(a, ListQuery()),
        lambda a: staff.get_staff(a, "x"),
        lambda a: staff.save_department(a, "新部门"),
        lambda a: audit.history(a, "x"),
    ],
    ids=["save_staff", "list_staff", "get_staff", "save_department", "audit_history"],
)
def test_staff_user_refused_manager_services(staff_actor, call):
    with pytest.raises(PermissionDenied):
        call(staff_actor)


def test_changes_are_audited(manager):
    uuid = staff.save_staff(manager, StaffInput("3006", "孙八", position="话务员"))
    staff.save_staff(manager, StaffInput("3006", "孙八", position="前台客服"), uuid)
    rows = audit.history(manager, uuid)
    assert [r["action"] for r in rows] == ["create", "update"]
    assert rows[1]["old"] == {"position": "话务员"} and rows[1]["new"] == {"position": "前台客服"}
    assert rows[1]["actor"] == "主管老李"


def test_list_pages_sorts_and_searches_in_sql(manager):
    for i in range(30):
        staff.save_staff(manager, StaffInput(f"4{i:03d}", f"员工{i:02d}", phone=f"139{i:08d}"))
    page = staff.list_staff(manager, ListQuery(page=1, page_size=10, sort_key="staff_no", descending=True))
    assert page.total == 32 and page.page_count == 4 and len(page.rows) == 10
    numbers = [r["staff_no"] for r in page.rows]
    assert numbers == sorted(numbers, reverse=True)
    assert staff.list_staff(manager, ListQuery(search="员工0")).total == 10
    assert staff.list_staff(manager, ListQuery(search="13900000007")).rows[0]["name"] == "员工07"
    assert staff.list_staff(manager, ListQuery(search="100%")).total == 0
    last = staff.list_staff(manager, ListQuery(page=99, page_size=10))
    assert last.page == 3 and len(last.rows) == 2


def test_cannot_deactivate_self(admin):
    with pytest.raises(ValidationError):
        staff.save_staff(admin, StaffInput("admin", "管理员", role="admin", active=False), admin.uuid)


def test_department_names_unique(manager):
    staff.save_department(manager, "工程部")
    with pytest.raises(ValidationError):
        staff.save_department(manager, "工程部")
    assert [d["name"] for d in staff.list_departments(manager)] == ["工程部"]
