"""Fine schedule from a hand-typed spreadsheet: headers in Chinese or English, ranges, preview, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sync_helpers import dump_all

from frontdesk import clock
from frontdesk.clock import now
from frontdesk.db.models import FineRule, ImportHistory, Incident
from frontdesk.domain.fines import Dismissal, Unit
from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.discipline import fine_rules
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput
from frontdesk.services.discipline.schedule_import import import_fines, parse_fine, preview_fines
from tests.conftest import FROZEN_AT

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

TOMORROW = FROZEN_AT.date() + dt.timedelta(days=1)  # the module runs on the frozen clock


def _book(path, header, rows, title="前台罚款标准（2026 版）"):  # noqa: ANN001, ANN202
    wb = Workbook()
    ws = wb.active
    ws.title = "罚款标准"
    if title:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _rule(code: str, on: dt.date) -> FineRule:
    rule = fine_rules.rule_for(code, on)
    assert rule is not None
    return rule


@pytest.mark.parametrize(("text", "expected"), [
    ("20", ("20", "20", Unit.ONCE)), (20, ("20", "20", Unit.ONCE)), (12.5, ("12.5", "12.5", Unit.ONCE)),
    ("100-200", ("100", "200", Unit.ONCE)), ("100～200", ("100", "200", Unit.ONCE)),
    ("100 ~ 200 元", ("100", "200", Unit.ONCE)), ("50至100元", ("50", "100", Unit.ONCE)),
    ("10/人", ("10", "10", Unit.PER_PERSON)), ("10元/人", ("10", "10", Unit.PER_PERSON)),
    ("每人10元", ("10", "10", Unit.PER_PERSON)), ("20/次", ("20", "20", Unit.PER_TIME)),
    ("20 / time", ("20", "20", Unit.PER_TIME)), ("10-20/person", ("10", "20", Unit.PER_PERSON)),
])
def test_parse_fine(text, expected):  # noqa: ANN001
    low, high, unit = parse_fine(text)
    assert (low, high, unit) == (Decimal(expected[0]), Decimal(expected[1]), expected[2])


@pytest.mark.parametrize("text", ["二十", "-5", "10/月", "100-", "", True])
def test_parse_fine_refuses(text):  # noqa: ANN001
    with pytest.raises(ValueError):
        parse_fine(text)


def test_chinese_headers_preview_then_import(admin, tmp_path):
    path = _book(tmp_path / "f.xlsx", ["编号", "类别", "违规行为", "罚款", "是否辞退", "生效日期", "制表人"], [
        ["R01", "规章制度", "工作时间扎堆聊天", 5, "否", None, "张三"],  # as seeded
        ["R06", "规章制度", "不服从分配，顶撞经理、上司", "30～80", "", TOMORROW, None],
        [None, None, None, None, None, None, "（空行）"],
        [],
        ["W03", "工标考核", "前台地面脏乱（当班人员每人）", "20/人", None, TOMORROW.isoformat(), None],
        ["w09", "工标考核", "未按时交接班", "20/次", "情节严重者辞退", dt.datetime.combine(TOMORROW, dt.time()), None],
    ])
    before = dump_all()
    preview = preview_fines(admin, path)
    assert dump_all() == before  # a preview changes nothing
    assert [(r.line, r.code, r.action) for r in preview.rows] == [
        (3, "R01", "same"), (4, "R06", "update"), (7, "W03", "update"), (8, "W09", "new")]
    assert preview.rows[1].changes == ["罚款：20–50 → 30–80"]
    assert "罚款：10/人 → 20/人" in preview.rows[2].changes and any("违规行为" in c for c in preview.rows[2].changes)
    assert (preview.count("new"), preview.count("update"), preview.count("same")) == (1, 2, 1)
    import_fines(admin, path)
    r06 = _rule("R06", TOMORROW)
    assert (r06.min_amount, r06.max_amount, r06.effective_from) == (Decimal("30.00"), Decimal("80.00"), TOMORROW)
    assert _rule("R06", clock.today()).max_amount == Decimal("50.00")  # today the old version still holds
    w09 = _rule("W09", TOMORROW)
    assert (w09.unit, w09.dismissal, w09.min_amount) == (Unit.PER_TIME, Dismissal.SERIOUS, Decimal("20.00"))
    assert _rule("W03", TOMORROW).unit == Unit.PER_PERSON
    assert len(fine_rules.rule_history(admin, "R01")) == 1  # unchanged: no new version
    history = ImportHistory.get(ImportHistory.kind == "fines")
    assert (history.inserted, history.updated, history.skipped) == (1, 2, 1)
    again = preview_fines(admin, path)
    assert all(r.action == "same" for r in again.rows)


def test_english_headers_blank_cells_keep_the_current_version(admin, tmp_path):
    path = _book(tmp_path / "en.xlsx", ["Code", "Offence", "Extra column", "Fine", "Effective date"], [
        ["L01", "", "x", "10-60", ""],  # blank offence keeps it; tiers are kept
        ["R05", None, None, "100-300", None],
        ["L07", "Sleeping on duty", None, "50", None],  # category from the code's letter
    ], title=None)
    preview = import_fines(admin, path)
    assert [r.action for r in preview.rows] == ["update", "update", "new"]
    today = clock.today()
    l01 = _rule("L01", today)
    assert l01.max_amount == Decimal("60.00") and l01.tiers == "15:10, 30:20, 60:50"
    assert l01.offence == "迟到（按迟到分钟数分档）"
    r05 = _rule("R05", today)
    assert r05.max_amount == Decimal("300.00") and r05.dismissal == Dismissal.SERIOUS  # no dismissal column: kept
    l07 = _rule("L07", today)
    assert l07.category == "劳动纪律" and l07.offence == "Sleeping on duty"


def test_bad_rows_are_all_listed_and_nothing_is_imported(admin, tmp_path):
    path = _book(tmp_path / "bad.xlsx", ["代码", "category", "违纪行为", "金额", "dismissal", "生效日期"], [
        ["R01", "规章制度", "工作时间扎堆聊天", "二十", "否", None],
        ["X01", "其他", "", "10", None, None],
        ["R02", None, None, "30", "也许", "昨天"],
        ["R03", None, None, "200-100", None, None],
        ["R04", None, None, "15", None, "2020-01-01"],
        ["R04", None, None, "15", None, None],
        ["W01", None, None, "15", None, None],  # a good row: not imported either
    ])
    before = dump_all()
    with pytest.raises(WorkbookRefused) as caught:
        import_fines(admin, path)
    assert dump_all() == before
    where = {(p.sheet, p.row, p.column) for p in caught.value.problems}
    assert {("罚款标准", 3, "罚款"), ("罚款标准", 4, "类别"), ("罚款标准", 4, "违规行为"), ("罚款标准", 5, "是否辞退"),
            ("罚款标准", 5, "生效日期"), ("罚款标准", 6, "罚款"), ("罚款标准", 7, "生效日期"),
            ("罚款标准", 8, "编号")} <= where
    assert not any(p.row == 9 for p in caught.value.problems)
    values = {(p.row, p.column): p.value for p in caught.value.problems}
    assert values[(3, "罚款")] == "二十" and values[(5, "是否辞退")] == "也许" and values[(4, "类别")] == "其他"
    assert "2020-01-01" in values[(7, "生效日期")]


def test_missing_column_and_empty_sheet(admin, tmp_path):
    with pytest.raises(WorkbookRefused) as caught:
        preview_fines(admin, _book(tmp_path / "m.xlsx", ["编号", "违规行为"], [["R01", "聊天"]]))
    assert caught.value.problems[0].column == "罚款"
    with pytest.raises(WorkbookRefused):
        preview_fines(admin, _book(tmp_path / "e.xlsx", ["编号", "罚款"], [[None, None]]))


def test_new_version_keeps_recorded_incident(admin, manager, staff_actor, tmp_path):
    [uuid] = discipline.record_incident(manager, IncidentInput(
        [staff_actor.uuid], "R06", now() - dt.timedelta(hours=1), Decimal("50"), "顶撞主管"))
    recorded = Incident.get(Incident.uuid == uuid)
    path = _book(tmp_path / "up.xlsx", ["编号", "罚款"], [["R06", "60-100"]])
    import_fines(admin, path)
    after = Incident.get(Incident.uuid == uuid)
    assert (after.amount, after.rule_uuid) == (Decimal("50.00"), recorded.rule_uuid)
    assert _rule("R06", clock.today()).min_amount == Decimal("60.00")
    assert len(fine_rules.rule_history(admin, "R06")) == 2


def test_only_admins_import(admin, make_actor, tmp_path):
    path = _book(tmp_path / "p.xlsx", ["编号", "罚款"], [["R01", "8"]])
    for role in (Role.STAFF, Role.MANAGER):
        with pytest.raises(PermissionDenied):
            preview_fines(make_actor(role), path)
        with pytest.raises(PermissionDenied):
            import_fines(make_actor(role), path)
    assert len(fine_rules.rule_history(admin, "R01")) == 1
