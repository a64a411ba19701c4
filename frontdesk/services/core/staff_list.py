"""The staff roster list (员工档案) declared once: its columns feed the roster page and its Excel export,
which has the same columns the roster import reads back."""

from __future__ import annotations

import peewee

from frontdesk.db.models import Department, Staff
from frontdesk.domain.labels import labeller
from frontdesk.domain.roles import ROLE_LABELS, Actor, Permission
from frontdesk.errors import T
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.permissions import require
from frontdesk.services.core.staff import staff_filters

_TEXT = ColumnKind.TEXT
STAFF = ListSpec(T("columns", "员工档案"), (
    col("staff_no", T("columns", "工号"), _TEXT, Staff.staff_no, sort=True),
    col("name", T("columns", "姓名"), _TEXT, Staff.name, sort=True),
    col("department", T("columns", "部门"), _TEXT, Department.name, sort=True),
    col("position", T("columns", "岗位"), _TEXT, Staff.position, sort=True),
    col("role", T("columns", "角色"), ColumnKind.ENUM, Staff.role, sort=True, labels=labeller(ROLE_LABELS)),
    col("phone", T("columns", "电话"), _TEXT, Staff.phone, sort=True),
    col("hire_date", T("columns", "入职日期"), ColumnKind.DATE, Staff.hire_date, sort=True),
    col("active", T("columns", "在职"), ColumnKind.BOOL, Staff.active, sort=True),
    col("last_login", T("columns", "最近登录"), ColumnKind.DATETIME, Staff.last_login, sort=True),
), default_order=(Staff.staff_no, False), tiebreak=Staff.id)


def export_staff(actor: Actor, query: ListQuery) -> ListExport:
    """The roster as filtered, every row, for Excel."""
    require(actor, Permission.MANAGE_ROSTER)
    where = staff_filters(query)
    total = Staff.select(Staff.id).where(*where).count()
    return STAFF.export(actor, lambda fields: Staff.select(*fields).join(
        Department, peewee.JOIN.LEFT_OUTER, on=(Staff.department == Department.uuid)).where(*where), query, total)
