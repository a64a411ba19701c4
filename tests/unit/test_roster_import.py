"""Roster from a hand-typed spreadsheet: headers in Chinese or English, blank rows, preview, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from sync_helpers import dump_all

from frontdesk.db.models import ImportHistory, Staff
from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.roster_import import import_roster, preview_roster


def _book(path, header, rows, title="员工花名册"):  # noqa: ANN001, ANN202
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_roster_preview_then_import(admin, tmp_path):
    staff_service.save_department(admin, "客服部")
    staff_service.save_staff(admin, staff_service.StaffInput(staff_no="1001", name="张三", position="领班"))
    path = _book(tmp_path / "r.xlsx", ["工号", "Name", "部门", "职位", "备注（不导入）", "入职日期", "在职", "Mobile"], [
        ["1001", "张三", "客服部", "主管助理", "x", dt.datetime(2023, 3, 1), "是", None],
        [None, None, None, None, None, None, None, None],
        [1002, "李四", "", "客服", "", "2024/5/6", "在职", "13800001234"],
        ["1003", "王五", None, None, None, None, "离职", None],
    ])
    before = dump_all()
    preview = preview_roster(admin, path)
    assert dump_all() == before  # a preview changes nothing
    assert [(r.line, r.staff_no, r.action) for r in preview.rows] == [
        (3, "1001", "update"), (5, "1002", "new"), (6, "1003", "new")]
    assert preview.rows[0].changes == ["部门：空 → 客服部", "职位：领班 → 主管助理", "入职日期：空 → 2023-03-01"]
    import_roster(admin, path)
    got = {s.staff_no: s for s in Staff.live()}
    assert got["1001"].position == "主管助理" and got["1001"].hire_date == dt.date(2023, 3, 1)
    assert got["1002"].phone == "13800001234" and got["1002"].hire_date == dt.date(2024, 5, 6)
    assert got["1003"].name == "王五" and not got["1003"].active
    assert ImportHistory.get(ImportHistory.kind == "roster").inserted == 2
    assert all(r.action == "same" for r in preview_roster(admin, path).rows)


def test_bad_rows_are_all_listed_and_nothing_is_imported(admin, tmp_path):
    path = _book(tmp_path / "bad.xlsx", ["staff no", "姓名", "Department", "角色", "入职日期"], [
        ["2001", "甲", "不存在的部门", "客服", "2024-01-01"],
        ["2002", "", None, "老板", "昨天"],
        ["2003", "丙", None, None, None],
        ["2003", "丁", None, None, None],
    ])
    before = dump_all()
    with pytest.raises(WorkbookRefused) as caught:
        import_roster(admin, path)
    assert dump_all() == before
    where = {(p.row, p.column) for p in caught.value.problems}
    assert {(3, "部门"), (4, "姓名"), (4, "角色"), (4, "入职日期"), (6, "工号")} <= where


def test_missing_required_column_and_permission(admin, make_actor, tmp_path):
    path = _book(tmp_path / "m.xlsx", ["姓名", "部门"], [["甲", ""]])
    with pytest.raises(WorkbookRefused) as caught:
        preview_roster(admin, path)
    assert caught.value.problems[0].column == "工号"
    with pytest.raises(PermissionDenied):
        import_roster(make_actor(Role.MANAGER), path)
