"""Staff roster and departments, managed by managers (roster) and admins (accounts and roles)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import transaction
from frontdesk.db.models import Department, Staff, current_site_code
from frontdesk.domain.phones import phone_problem
from frontdesk.domain.roles import Actor, Permission, Role
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern, run_page
from frontdesk.services.core.passwords import hash_password, password_problem
from frontdesk.services.core.permissions import require


@dataclass
class StaffInput:
    """The roster form."""

    staff_no: str
    name: str
    department_uuid: str | None = None
    position: str = ""
    role: str = Role.STAFF.value
    phone: str = ""
    hire_date: date | None = None
    active: bool = True


ROSTER_FIELDS = ("staff_no", "name", "department_uuid", "position", "role", "phone", "hire_date", "active")


def _validate(data: StaffInput, own_uuid: str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.staff_no.strip():
        errors["staff_no"] = T("errors", "请填写工号")
    elif len(data.staff_no.strip()) > 20:
        errors["staff_no"] = T("errors", "工号不超过 20 位")
    else:
        clash = Staff.live().where(
            (Staff.staff_no == data.staff_no.strip()) & (Staff.site_code == current_site_code())
        )
        if own_uuid:
            clash = clash.where(Staff.uuid != own_uuid)
        if clash.exists():
            errors["staff_no"] = T("errors", "工号 {0} 已被使用").format(data.staff_no.strip())
    if not data.name.strip():
        errors["name"] = T("errors", "请填写姓名")
    elif len(data.name.strip()) > 30:
        errors["name"] = T("errors", "姓名不超过 30 字")
    problem = phone_problem(data.phone)
    if problem:
        errors["phone"] = problem
    if data.role not in {r.value for r in Role}:
        errors["role"] = T("errors", "角色无效")
    if data.hire_date and data.hire_date > clock.today():
        errors["hire_date"] = T("errors", "入职日期不能晚于今天")
    if data.department_uuid and not Department.live().where(Department.uuid == data.department_uuid).exists():
        errors["department_uuid"] = T("errors", "部门不存在")
    return errors


def _row(staff: Staff) -> dict[str, Any]:
    return {f: getattr(staff, f) for f in ROSTER_FIELDS}


def save_staff(actor: Actor, data: StaffInput, uuid: str | None = None, password: str | None = None) -> str:
    """Create or update a roster entry; roles other than 客服 and passwords need the admin."""
    require(actor, Permission.MANAGE_ROSTER)
    data.staff_no, data.name, data.phone = data.staff_no.strip(), data.name.strip(), data.phone.strip()
    with transaction():
        staff = None
        if uuid:
            staff = Staff.live().where(Staff.uuid == uuid).first()
            if staff is None:
                raise NotFound(T("errors", "员工不存在或已删除"))
        current_role = staff.role if staff else Role.STAFF.value
        if data.role != current_role or current_role == Role.ADMIN.value:
            require(actor, Permission.MANAGE_ACCOUNTS)  # a manager changes no admin account at all
        if staff is not None and staff.uuid == actor.uuid and not data.active:
            raise ValidationError({"active": T("errors", "不能停用自己的账户")})
        errors = _validate(data, uuid)
        if staff is not None:
            errors.update(_last_admin_problems(staff, data))
        if password:
            require(actor, Permission.MANAGE_ACCOUNTS)
            problem = password_problem(password)
            if problem:
                errors["password"] = problem
        if errors:
            raise ValidationError(errors)
        old = _row(staff) if staff else None
        if staff is None:
            staff = Staff()
        for name in ROSTER_FIELDS:
            setattr(staff, name, getattr(data, name))
        if password:
            staff.password_hash = hash_password(password)
        staff.save()
        audit.record(actor, "staff", staff.uuid, "update" if old else "create", old, _row(staff))
        return staff.uuid


def usable_admins(site_code: str) -> set[str]:
    """The uuids of ``site_code``'s admins who can sign in (active, not deleted, with a password)."""
    rows = Staff.live().select(Staff.uuid).where(
        (Staff.site_code == site_code) & (Staff.role == Role.ADMIN.value) & (Staff.active == True)  # noqa: E712
        & Staff.password_hash.is_null(False) & (Staff.password_hash != ""))
    return {uuid for (uuid,) in rows.tuples()}


def _is_usable_admin(staff: Staff) -> bool:
    return staff.role == Role.ADMIN.value and staff.active and not staff.deleted and bool(staff.password_hash)


def _last_admin_problems(staff: Staff, data: StaffInput) -> dict[str, str]:
    """Why this change would leave the site without an active admin who can sign in (empty when it would not)."""
    if not _is_usable_admin(staff):
        return {}
    others = Staff.live().where(
        (Staff.site_code == staff.site_code) & (Staff.uuid != staff.uuid) & (Staff.role == Role.ADMIN.value)
        & (Staff.active == True) & Staff.password_hash.is_null(False) & (Staff.password_hash != "")  # noqa: E712
    )
    if others.exists():
        return {}
    return last_admin_errors(staff, data)


def last_admin_errors(staff: Staff, data: StaffInput) -> dict[str, str]:
    """What ``data`` would take away from ``staff``, the last usable admin, by field (shared with the import)."""
    errors: dict[str, str] = {}
    if data.role != Role.ADMIN.value:
        errors["role"] = T("errors", "{0} 是最后一位在职管理员，不能改为其他角色").format(staff.name)
    if not data.active:
        errors["active"] = T("errors", "{0} 是最后一位在职管理员，不能停用").format(staff.name)
    if data.staff_no != staff.staff_no:
        errors["staff_no"] = T("errors", "{0} 是最后一位在职管理员，不能更改工号").format(staff.name)
    return errors


def get_staff(actor: Actor, uuid: str) -> StaffInput:
    require(actor, Permission.MANAGE_ROSTER)
    staff = Staff.live().where(Staff.uuid == uuid).first()
    if staff is None:
        raise NotFound(T("errors", "员工不存在或已删除"))
    return StaffInput(**_row(staff))


STAFF_SORT = {
    "staff_no": Staff.staff_no,
    "name": Staff.name,
    "department": Department.name,
    "position": Staff.position,
    "role": Staff.role,
    "phone": Staff.phone,
    "hire_date": Staff.hire_date,
    "active": Staff.active,
    "last_login": Staff.last_login,
}


def staff_filters(query: ListQuery) -> list[peewee.Expression]:
    """The roster list's WHERE terms (shared with its Excel export)."""
    where: list[peewee.Expression] = [Staff.deleted == False]  # noqa: E712
    if query.search.strip():
        pattern = like_pattern(query.search.strip())
        where.append(Staff.staff_no.contains(query.search.strip()) | (Staff.name ** pattern) | (Staff.phone ** pattern))
    filters = query.filters
    if filters.get("department_uuid"):
        where.append(Staff.department == filters["department_uuid"])
    if filters.get("role"):
        where.append(Staff.role == filters["role"])
    if filters.get("active") is not None:
        where.append(Staff.active == bool(filters["active"]))
    return where


def list_staff(actor: Actor, query: ListQuery) -> Page:
    """The roster page: search by 工号, name or phone; filter by department, role, active."""
    require(actor, Permission.MANAGE_ROSTER)
    select = (
        Staff.select(
            Staff.uuid,
            Staff.staff_no,
            Staff.name,
            Department.name.alias("department"),
            Staff.position,
            Staff.role,
            Staff.phone,
            Staff.hire_date,
            Staff.active,
            Staff.last_login,
            Staff.locked_until,
        )
        .join(Department, peewee.JOIN.LEFT_OUTER, on=(Staff.department == Department.uuid))
        .where(*staff_filters(query))
    )
    return run_page(select, query, STAFF_SORT, (Staff.staff_no, False), Staff.id)


def staff_choices(actor: Actor, active_only: bool = True) -> list[tuple[str, str]]:
    """(uuid, "工号 姓名") for pickers; any signed-in user may read names."""
    require(actor, Permission.DESK_WORK)
    select = Staff.live().where(Staff.site_code == current_site_code())
    if active_only:
        select = select.where(Staff.active == True)  # noqa: E712
    return [(s.uuid, f"{s.staff_no} {s.name}") for s in select.order_by(Staff.staff_no)]


# --- departments --------------------------------------------------------------------------------


def _staff_count() -> peewee.Node:
    return (
        Staff.select(peewee.fn.COUNT(Staff.id))
        .where((Staff.department == Department.uuid) & (Staff.deleted == False) & (Staff.active == True))  # noqa: E712
    )


DEPARTMENTS = ListSpec(T("columns", "部门"), (
    col("name", T("columns", "部门名称"), ColumnKind.TEXT, Department.name, sort=True),
    col("staff_count", T("columns", "在职人数"), ColumnKind.INT, _staff_count()),
    col("active", T("columns", "启用"), ColumnKind.BOOL, Department.active),
    col("note", T("columns", "备注"), ColumnKind.LONG_TEXT, Department.note),
), default_order=(Department.name, False), tiebreak=Department.id)


def _department_select(fields: list[peewee.Node], include_inactive: bool) -> peewee.ModelSelect:
    select = Department.select(*fields).where(Department.deleted == False)  # noqa: E712
    if not include_inactive:
        select = select.where(Department.active == True)  # noqa: E712
    return select


def list_departments(actor: Actor, include_inactive: bool = False) -> list[dict[str, Any]]:
    """Every department (a short list, read whole), by name."""
    require(actor, Permission.DESK_WORK)
    select = _department_select(DEPARTMENTS.list_fields(Department.uuid), include_inactive)
    return list(select.order_by(Department.name, Department.id).dicts())


def export_departments(actor: Actor, query: ListQuery) -> ListExport:
    """The departments as listed (``include_inactive`` filter), for Excel."""
    require(actor, Permission.DESK_WORK)
    inactive = bool(query.filters.get("include_inactive"))
    return DEPARTMENTS.export(actor, lambda fields: _department_select(fields, inactive), query)


def save_department(actor: Actor, name: str, note: str = "", active: bool = True, uuid: str | None = None) -> str:
    require(actor, Permission.MANAGE_REFERENCE)
    name, note = name.strip(), note.strip()
    errors = {}
    if not name:
        errors["name"] = T("errors", "请填写部门名称")
    elif len(name) > 50:
        errors["name"] = T("errors", "部门名称不超过 50 字")
    if len(note) > 200:
        errors["note"] = T("errors", "备注不超过 200 字")
    with transaction():
        clash = Department.live().where((Department.name == name) & (Department.site_code == current_site_code()))
        if uuid:
            clash = clash.where(Department.uuid != uuid)
        if name and clash.exists():
            errors["name"] = T("errors", "部门“{0}”已存在").format(name)
        if errors:
            raise ValidationError(errors)
        dept = Department.live().where(Department.uuid == uuid).first() if uuid else Department()
        if dept is None:
            raise NotFound(T("errors", "部门不存在或已删除"))
        old = {"name": dept.name, "note": dept.note, "active": dept.active} if uuid else None
        dept.name, dept.note, dept.active = name, note, active
        dept.save()
        audit.record(actor, "department", dept.uuid, "update" if uuid else "create", old,
                     {"name": name, "note": note, "active": active})
        return dept.uuid


def staff_input_dict(data: StaffInput) -> dict[str, Any]:
    return asdict(data)
