"""Staff roster from a spreadsheet a clerk typed: preview every row, then apply all of it or nothing."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontdesk.clock import now
from frontdesk.db.chunks import ChunkFailed, expected, write_in_chunks
from frontdesk.db.connection import transaction
from frontdesk.db.models import Department, ImportHistory, Staff, current_site_code
from frontdesk.domain.roles import ROLE_LABELS, Actor, Permission, Role
from frontdesk.errors import Message, T
from frontdesk.excel.sync_format import Problem
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.excel.table_reader import HeaderField, cell_date, cell_text, read_table
from frontdesk.services.core import audit
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.permissions import require

FIELDS = [
    HeaderField("staff_no", ("工号", "员工编号", "staff no", "employee no", "id"), required=True),
    HeaderField("name", ("姓名", "名字", "name", "full name"), required=True),
    HeaderField("department", ("部门", "所属部门", "department", "dept")),
    HeaderField("position", ("职位", "岗位", "职务", "position", "title")),
    HeaderField("role", ("角色", "权限", "role")),
    HeaderField("phone", ("电话", "手机", "联系电话", "手机号", "phone", "mobile")),
    HeaderField("hire_date", ("入职日期", "入职时间", "hire date", "hired")),
    HeaderField("active", ("在职", "状态", "在职状态", "active", "status")),
]
LABELS = {"staff_no": T("columns", "工号"), "name": T("columns", "姓名"), "department_uuid": T("columns", "部门"),
          "position": T("import", "职位"), "role": T("columns", "角色"), "phone": T("columns", "电话"),
          "hire_date": T("columns", "入职日期"), "active": T("columns", "在职")}  # Messages: the preview translates them
CHANGE = T("import", "{0}：{1} → {2}")
_ROLES = {**{r.value: r.value for r in Role}, **{label: r.value for r, label in ROLE_LABELS.items()},
          "员工": "staff", "经理": "manager",
          "agent": "staff", "supervisor": "manager", "administrator": "admin"}  # English labels (frontdesk_en.ts)
_KEYS = {"department": "department_uuid"}  # sheet column key → roster field
_YES = {"是", "在职", "1", "yes", "y", "true", "active", "√"}
_NO = {"否", "离职", "停用", "0", "no", "n", "false", "inactive", "×"}


@dataclass
class RosterRow:
    """One row of the sheet and what importing it does: 新增 (new), 更新 (update) or 不变 (same)."""

    line: int
    staff_no: str
    name: str
    action: str
    changes: list[str] = field(default_factory=list)


@dataclass
class RosterPreview:
    sheet: str
    rows: list[RosterRow]
    kept: list[str] = field(default_factory=list)  # labels of the columns the sheet lacks: those fields stay as they are

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def _row_input(values: dict[str, Any], departments: dict[str, str],
               before: staff_service.StaffInput | None) -> tuple[staff_service.StaffInput, dict[str, str]]:
    """The row as a roster entry: a column the sheet lacks keeps what ``before`` has (a new entry, the default).

    A blank 角色 or 在职 cell keeps the current value too; a blank 部门/职位/电话/入职日期 cell clears it.
    """
    errors: dict[str, str] = {}
    base = before or staff_service.StaffInput(staff_no="", name="")
    dept = base.department_uuid
    if "department" in values:
        dept_name = cell_text(values["department"])
        dept = departments.get(dept_name) if dept_name else None
        if dept_name and dept is None:
            errors["department_uuid"] = T("errors", "部门“{0}”不存在，请先在部门管理中添加").format(dept_name)
    role_text = cell_text(values.get("role"))
    role: str | None = base.role
    if role_text:
        role = _ROLES.get(role_text.casefold() if role_text.isascii() else role_text, None)
        if role is None:
            errors["role"] = T("errors", "角色“{0}”无效（客服、主管或管理员）").format(role_text)
    active_text = cell_text(values.get("active")).casefold()
    active: bool | None = base.active
    if active_text:
        active = True if active_text in _YES else False if active_text in _NO else None
        if active is None:
            errors["active"] = T("errors", "“{0}”应为 是/否（在职/离职）").format(active_text)
    hire = base.hire_date
    if "hire_date" in values:
        try:
            hire = cell_date(values["hire_date"])
        except ValueError as exc:
            hire, errors["hire_date"] = None, str(exc)
    data = staff_service.StaffInput(
        staff_no=cell_text(values.get("staff_no")), name=cell_text(values.get("name")), department_uuid=dept,
        position=cell_text(values["position"]) if "position" in values else base.position, role=role or base.role,
        phone=cell_text(values["phone"]) if "phone" in values else base.phone, hire_date=hire,
        active=base.active if active is None else active,
    )
    return data, errors


def _shown(key: str, value: Any, department_names: dict[str, str]) -> str:
    if value in (None, ""):
        return T("import", "空")
    if key == "department_uuid":
        return department_names.get(value, "?")
    if key == "role":
        return Message("enum", ROLE_LABELS[Role(value)]) if value in {r.value for r in Role} else str(value)
    if key == "active":
        return T("import", "在职") if value else T("import", "离职")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _changes(before: staff_service.StaffInput, data: staff_service.StaffInput,
             department_names: dict[str, str]) -> list[str]:
    """'部门：客服部 → 空' for each field the row changes."""
    old, new = staff_service.staff_input_dict(before), staff_service.staff_input_dict(data)
    return [CHANGE.format(LABELS[k], _shown(k, old[k], department_names), _shown(k, new[k], department_names))
            for k in new if old[k] != new[k]]


def _run(actor: Actor, path: str | os.PathLike[str], apply: bool) -> RosterPreview:
    require(actor, Permission.ADMIN_SITE)
    sheet, rows = read_table(path, FIELDS)
    if not rows:
        raise WorkbookRefused([Problem(sheet, None, "", "", "没有可导入的行")])
    present = set().union(*(values.keys() for _line, values in rows))
    preview = RosterPreview(sheet, [], [LABELS[_KEYS.get(f.key, f.key)] for f in FIELDS if f.key not in present])
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    writes: list[tuple[int, staff_service.StaffInput, str | None]] = []
    try:
        with transaction(write=False):  # every row checked in one read; clerks keep saving meanwhile
            departments = {d.name: d.uuid for d in Department.live().where(Department.site_code == current_site_code())}
            names = {uuid: name for name, uuid in departments.items()}
            existing = {s.staff_no: s for s in Staff.live().where(Staff.site_code == current_site_code())}
            admins = {s.uuid for s in existing.values() if staff_service._is_usable_admin(s)}
            for line, values in rows:
                old = existing.get(cell_text(values.get("staff_no")))
                before = staff_service.get_staff(actor, old.uuid) if old else None
                data, errors = _row_input(values, departments, before)
                if data.staff_no in seen:
                    errors["staff_no"] = T("errors", "与第 {0} 行工号重复").format(seen[data.staff_no])
                seen.setdefault(data.staff_no, line)
                changes = _changes(before, data, names) if before is not None else []
                if errors:  # the form's own checks too, so the row's every problem is listed at once
                    errors = {**staff_service._validate(data, old.uuid if old else None), **errors}
                elif before is None or changes:  # what save_staff would refuse, without writing yet
                    errors = staff_service._validate(data, old.uuid if old else None)
                    if old is not None and old.uuid == actor.uuid and not data.active:
                        errors["active"] = T("errors", "不能停用自己的账户")
                    errors.update(_last_admin(old, data, admins))
                    if not errors:
                        writes.append((line, data, old.uuid if old else None))
                for key, message in errors.items():
                    problems.append(Problem(sheet, line, LABELS.get(key, key), cell_text(values.get(key.removesuffix("_uuid"))),
                                            message))
                action = "new" if before is None else "update" if changes else "same"
                preview.rows.append(RosterRow(line, data.staff_no, data.name, action, changes))
            if problems:
                raise WorkbookRefused(problems)
            if not apply:
                raise _Preview
    except _Preview:
        return preview
    _write(actor, Path(path).name, preview, writes)
    return preview


def _last_admin(old: Staff | None, data: staff_service.StaffInput, admins: set[str]) -> dict[str, str]:
    """save_staff's last-admin rule over the whole sheet, before anything is written: ``admins`` holds the
    usable admins the rows so far leave; a row may not take away the last one."""
    if old is None:
        return {}
    stays = data.role == Role.ADMIN.value and data.active
    if old.uuid not in admins:
        if stays and old.password_hash:
            admins.add(old.uuid)
        return {}
    if admins - {old.uuid}:
        if not stays:
            admins.discard(old.uuid)
        return {}
    return staff_service.last_admin_errors(old, data)


class _Preview(Exception):
    """Ends the preview's read."""


def _write(actor: Actor, file_name: str, preview: RosterPreview,
           writes: list[tuple[int, staff_service.StaffInput, str | None]]) -> None:
    """Every row was checked, so a failure here is the disk, the database or a bug: the rows already committed
    are undone again (a new one deleted, a changed one given back its stored values, each undo audited), so
    the roster is as it was before the import."""
    note = f"表格导入 {file_name} 中断，撤销"[:200]
    kept: list[str] = []

    def history() -> None:
        ImportHistory.create(at=now(), kind="roster", file_name=file_name[:260], actor_uuid=actor.uuid,
                             actor_name=actor.name, inserted=preview.count("new"),
                             updated=preview.count("update"), skipped=preview.count("same"))

    def save(write: tuple[int, staff_service.StaffInput, str | None]) -> tuple[str, dict[str, Any] | None, int]:
        _line, data, uuid = write
        before = Staff.get_or_none(Staff.uuid == uuid) if uuid else None
        saved = staff_service.save_staff(actor, data, uuid)
        return saved, dict(before.__data__) if before else None, Staff.get(Staff.uuid == saved).revision

    def undo(saved: list[tuple[str, dict[str, Any] | None, int]]) -> None:
        for uuid, before, revision in saved:
            current = Staff.get_or_none(Staff.uuid == uuid)
            if current is None or current.revision != revision:  # changed by someone since: theirs stays
                kept.append(uuid)
                continue
            if before is None:
                current.delete_instance()
                audit.record(actor, "staff", uuid, "import_undo", staff_service._row(current), None, note)
                continue
            Staff.update({Staff._meta.fields[k]: v for k, v in before.items() if k != "id"}).where(
                Staff.uuid == uuid).execute()
            audit.record(actor, "staff", uuid, "import_undo", staff_service._row(current),
                         staff_service._row(Staff.get(Staff.uuid == uuid)), note)

    try:
        write_in_chunks(writes, save, finish=history, undo=undo)
    except ChunkFailed as failed:
        if not expected(failed.cause):
            raise failed.cause from failed
        line = writes[failed.index][0] if failed.index < len(writes) else preview.rows[-1].line
        raise failed.user_error(line, len(kept)) from failed.cause


def preview_roster(actor: Actor, path: str | os.PathLike[str]) -> RosterPreview:
    """What importing ``path`` would do, row by row; raises WorkbookRefused listing every bad row."""
    return _run(actor, path, apply=False)


def import_roster(actor: Actor, path: str | os.PathLike[str]) -> RosterPreview:
    """Import the roster: on any bad row nothing; else every row, in short transactions."""
    return _run(actor, path, apply=True)
