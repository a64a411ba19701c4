"""Imports change only what the sheet says, and money is refused (never rounded) past two decimals or the ceiling."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from frontdesk import clock
from frontdesk.db.models import FineRule, Incident, Staff
from frontdesk.domain import fines
from frontdesk.domain.roles import Role
from frontdesk.errors import ValidationError
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.roster_import import import_roster, preview_roster
from frontdesk.services.discipline import fine_rules
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput
from frontdesk.services.discipline.schedule_import import import_fines, parse_fine, preview_fines

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")


def _sheet(path: Path, header: list[str], rows: list[list[object]], title: str = "罚款标准") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def senior(admin):  # noqa: ANN001, ANN201
    """A 主管 with every roster field filled in, who has left (inactive)."""
    dept = staff_service.save_department(admin, "客服部")
    uuid = staff_service.save_staff(admin, staff_service.StaffInput(
        "1001", "张三", dept, "领班", Role.MANAGER.value, "13800138000", dt.date(2020, 5, 1), active=False))
    return uuid


def test_a_sheet_with_only_number_and_name_changes_nothing_else(admin, senior, tmp_path):
    before = staff_service.get_staff(admin, senior)
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名"], [["1001", "张三"], ["1002", "李四"]], "花名册")
    preview = preview_roster(admin, path)
    assert [r.action for r in preview.rows] == ["same", "new"]
    assert set(preview.kept) == {"部门", "职位", "角色", "电话", "入职日期", "在职"}
    import_roster(admin, path)
    assert staff_service.get_staff(admin, senior) == before  # department, position, 主管, phone, hire date, left
    new = Staff.get(Staff.staff_no == "1002")
    assert (new.role, new.active, new.position) == ("staff", True, "")  # a new entry takes the defaults


def test_blank_role_and_status_cells_keep_them_a_blank_text_cell_clears(admin, senior, tmp_path):
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名", "角色", "在职", "职位"], [["1001", "张三", None, "", ""]], "花名册")
    preview = preview_roster(admin, path)
    assert preview.rows[0].changes == ["职位：领班 → 空"]
    assert set(preview.kept) == {"部门", "电话", "入职日期"}
    import_roster(admin, path)
    staff = Staff.get(Staff.uuid == senior)
    assert (staff.role, staff.active, staff.position) == ("manager", False, "")


def test_the_preview_names_old_and_new_values(admin, senior, tmp_path):
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名", "部门", "角色", "在职", "入职日期"],
                  [["1001", "张三丰", "", "客服", "是", "2021-03-04"]], "花名册")
    changes = preview_roster(admin, path).rows[0].changes
    assert changes == ["姓名：张三 → 张三丰", "部门：客服部 → 空", "角色：主管 → 客服", "入职日期：2020-05-01 → 2021-03-04",
                       "在职：离职 → 在职"]
    assert Staff.get(Staff.uuid == senior).name == "张三"  # a preview writes nothing


@pytest.mark.parametrize("bad", ["10.005", "0.001", "99999999999", "100000.01"])
def test_parse_fine_refuses_money_it_would_have_to_round_or_is_absurd(bad):
    with pytest.raises(ValueError, match="两位小数|上限"):
        parse_fine(bad)
    with pytest.raises(ValueError):
        parse_fine(f"10-{bad}")


def test_parse_fine_accepts_the_ceiling_and_cents():
    assert parse_fine("100000") == (Decimal("100000.00"), Decimal("100000.00"), fines.Unit.ONCE)
    assert parse_fine(10.5)[0] == Decimal("10.50") and parse_fine("0.01")[0] == Decimal("0.01")


def test_fine_schedule_import_names_the_cell_of_bad_money(admin, tmp_path):
    path = _sheet(tmp_path / "f.xlsx", ["编号", "违规行为", "罚款", "分档"], [
        ["R01", "聊天", "10.005", None],
        ["R02", "吃东西", 99_999_999_999, None],
        ["W01", "着装", "0.001", None],
        ["L01", None, None, "15:10.005, 30:20"],
        ["R03", "串岗", "20", None],  # good, but nothing is imported while any row is bad
    ])
    rules_before = FineRule.select().count()
    with pytest.raises(WorkbookRefused) as caught:
        preview_fines(admin, path)
    problems = {(p.sheet, p.row, p.column): p for p in caught.value.problems}
    assert set(problems) == {("罚款标准", 2, "罚款"), ("罚款标准", 3, "罚款"), ("罚款标准", 4, "罚款"), ("罚款标准", 5, "分档")}
    assert problems[("罚款标准", 2, "罚款")].value == "10.005" and "两位小数" in problems[("罚款标准", 2, "罚款")].message
    assert "上限" in problems[("罚款标准", 3, "罚款")].message
    with pytest.raises(WorkbookRefused):
        import_fines(admin, path)
    assert FineRule.select().count() == rules_before


def test_rule_form_refuses_amounts_past_the_ceiling(admin):
    spec = fines.RuleSpec("R90", fines.RULES_CAT, "测试", Decimal("10"), Decimal("100000.50"), fines.Unit.ONCE,
                          fines.Dismissal.NONE, ())
    with pytest.raises(ValidationError) as info:
        fine_rules.save_version(admin, spec, clock.today())
    assert "上限" in info.value.fields["max_amount"]


@pytest.mark.parametrize(("typed", "part"), [("10.005", "两位小数"), ("0.001", "两位小数"), ("100000.01", "上限"),
                                             ("99999999999", "上限"), ("-1", "负"), ("abc", "金额")])
def test_the_amount_typed_in_a_form_is_refused_not_rounded(typed, part):
    with pytest.raises(ValidationError) as info:
        fine_rules.money(typed, "amount")
    assert part in info.value.fields["amount"]


def test_money_at_the_limits_is_accepted():
    assert fine_rules.money("100000", "amount") == Decimal("100000.00")
    assert fine_rules.money(" 20.5 ", "amount") == Decimal("20.50")


def test_incident_form_refuses_fractions_of_a_fen_and_absurd_amounts(manager, staff_actor, frozen_clock):
    spec = fines.RuleSpec("R91", fines.RULES_CAT, "大额", Decimal("0"), Decimal("100000"), fines.Unit.PER_TIME,
                          fines.Dismissal.NONE, ())
    fine_rules.save_version(manager, spec, clock.today())
    when = clock.now() - dt.timedelta(minutes=5)
    for amount, quantity, part in (("10.005", 1, "两位小数"), ("100000.01", 2, "上限"), ("99999999999", 1, "上限")):
        with pytest.raises(ValidationError) as info:
            discipline.record_incident(manager, IncidentInput([staff_actor.uuid], "R91", when, Decimal(amount),
                                                              quantity=quantity))
        assert part in info.value.fields["amount"]
    assert Incident.select().count() == 0
    [uuid] = discipline.record_incident(manager, IncidentInput([staff_actor.uuid], "R91", when, Decimal("20")))
    with pytest.raises(ValidationError, match="两位小数"):
        discipline.confirm(manager, uuid, Decimal("20.001"))
    assert Incident.get(Incident.uuid == uuid).amount == Decimal("20.00")
