"""Through the window: schedule and attendance, an incident and its appeal, month sign-off and export, a handover."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from gui_helpers import scripted, window_for
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from frontdesk import clock
from frontdesk.db.models import Incident, Shift
from frontdesk.services.discipline import fine_sheet
from frontdesk.services.personnel import shifts
from frontdesk.ui.dialogs import attendance_edit as adlg
from frontdesk.ui.dialogs.handover_edit import HandoverAckDialog, HandoverDialog
from frontdesk.ui.dialogs.incident_edit import AppealDialog, IncidentDialog, ReasonDialog
from frontdesk.ui.pages import fine_sheet_tab

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_manager_month_of_discipline_and_a_clerk_appeal(qtbot, frozen_clock, paths, manager, staff_actor, monkeypatch,
                                                        tmp_path, message_boxes):
    # the manager schedules a past shift and corrects its attendance: late 20 minutes
    window = window_for(qtbot, paths, manager)
    page = window.open_page("attendance")
    day = clock.today() - timedelta(days=1)

    def assign(d: adlg.AssignDialog) -> None:
        d.staff.set_value(staff_actor.uuid)
        d.day.set_value(day)
        d.accept()

    scripted(monkeypatch, adlg.AssignDialog, assign)
    page.grid.buttons["assign"].click()
    shift = Shift.get(Shift.staff == staff_actor.uuid)
    page.tabs.setCurrentIndex(1)
    page.panel.table.selectRow(0)

    def correct(d: adlg.AttendanceEditDialog) -> None:
        d.clock_in.set_value(shift.start_at + timedelta(minutes=20))
        d.clock_out.set_value(shift.end_at)
        d.accept()

    scripted(monkeypatch, adlg.AttendanceEditDialog, correct)
    page.buttons["edit"].click()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["status"] == "late" and page.panel.current_row()["late_minutes"] == 20
    page.buttons["propose"].click()
    assert "1 条" in message_boxes[-1][1]

    # discipline page: confirm the proposal, record a W06 with a bad then a good amount
    page = window.open_page("discipline")
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["rule_code"] == "L01" and page.panel.current_row()["status"] == "pending"
    page.buttons["confirm"].click()

    def record(d: IncidentDialog) -> None:
        for i in range(d.staff.count()):
            if d.staff.item(i).data(Qt.ItemDataRole.UserRole) == staff_actor.uuid:
                d.staff.item(i).setCheckState(Qt.CheckState.Checked)
        d.rule.set_value("W06")
        d.amount.setText("60")
        d.description.insert("退款未复核")
        d.confirm_now.setChecked(True)
        d.accept()
        assert "20–50" in d.form.error_label("amount").text()
        d.amount.setText("30")
        d.accept()

    scripted(monkeypatch, IncidentDialog, record)
    page.buttons["record"].click()
    assert page.panel.model.rowCount() == 2
    w06 = Incident.get(Incident.rule_code == "W06")
    assert w06.amount == Decimal("30.00") and w06.status == "confirmed"
    window.close()

    # the clerk sees only their own and appeals the W06
    clerk = window_for(qtbot, paths, staff_actor)
    assert "fine_rules" not in [s.key for s in clerk.specs]
    own = clerk.open_page("discipline")
    rows = [own.panel.model.row_at(i) for i in range(own.panel.model.rowCount())]
    assert {r["staff_uuid"] for r in rows} == {staff_actor.uuid} and "record" not in own.buttons
    own.panel.table.selectRow([r["uuid"] for r in rows].index(w06.uuid))

    def appeal(d: ReasonDialog) -> None:
        d.text.setPlainText("当时经理同意先退款后复核")
        d.accept()

    scripted(monkeypatch, ReasonDialog, appeal)
    own.buttons["appeal"].click()
    assert Incident.get(Incident.uuid == w06.uuid).status == "appealed"
    clerk.close()

    # the manager rejects the appeal with a lower fine, signs the month off and exports the sheet
    window = window_for(qtbot, paths, manager)
    page = window.open_page("discipline")
    page.status_filter.set_value("appealed")
    page.panel.table.selectRow(0)

    def decide(d: AppealDialog) -> None:
        d.amount.setText("20")
        d.note.insert("流程仍须遵守，酌情减轻")
        d.accept()

    scripted(monkeypatch, AppealDialog, decide)
    page.buttons["decide"].click()
    assert Incident.get(Incident.uuid == w06.uuid).amount == Decimal("20.00")
    page.tabs.setCurrentIndex(1)
    month = fine_sheet.month_of(day)
    page.sheet.month.set_value(month)
    total = page.sheet.table.item(page.sheet.table.rowCount() - 1, 3).text()
    assert total == str(Decimal("20") + Incident.get(Incident.rule_code == "L01").amount).removesuffix(".00")
    page.sheet.buttons["sign"].click()
    assert fine_sheet.month_locked(month) and "已签字锁定" in page.sheet.state.text()
    monkeypatch.setattr(fine_sheet_tab, "choose_xlsx", lambda *_: tmp_path / "fines.xlsx")
    page.sheet.buttons["export"].click()
    qtbot.waitUntil(lambda: (tmp_path / "fines.xlsx").exists(), timeout=5000)
    assert load_workbook(tmp_path / "fines.xlsx").worksheets[1].max_row == 3
    window.close()


def test_clerk_hands_over_and_the_next_one_acknowledges(qtbot, paths, manager, staff_actor, make_actor, monkeypatch):
    incoming = make_actor(name="客服小张")
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("handover")

    def hand_over(d: HandoverDialog) -> None:
        d.incoming.set_value(incoming.uuid)
        d.add_event("顾客突发疾病", "客服小王", "10:20", "已送医")
        d.notes.insertPlainText("打印机缺纸")
        d.accept()

    scripted(monkeypatch, HandoverDialog, hand_over)
    page.buttons["hand_over"].click()
    assert page.panel.model.rowCount() == 1
    window.close()

    nxt = window_for(qtbot, paths, incoming)
    page = nxt.open_page("handover")
    page.panel.table.selectRow(0)

    def ack(d: HandoverAckDialog) -> None:
        d.password.setText("wrong")
        d.accept()
        assert d.result() == 0
        d.password.setText("secret1")
        d.accept()

    scripted(monkeypatch, HandoverAckDialog, ack)
    page.buttons["acknowledge"].click()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["acknowledged_at"] is not None
    assert shifts.list_shift_types(incoming)
    assert isinstance(page.panel.current_row()["handed_at"], datetime)


def test_fine_sheet_opens_on_the_previous_month_until_the_5th(qtbot, frozen_clock, paths, manager):
    for day, expected in ((datetime(2027, 1, 5, 23, 59), "2026-12"), (datetime(2027, 1, 6, 0, 0), "2027-01"),
                          (datetime(2028, 3, 1, 9, 0), "2028-02")):
        frozen_clock.set(day)
        tab = fine_sheet_tab.FineSheetTab(window_for(qtbot, paths, manager).ctx)
        qtbot.addWidget(tab)
        assert tab.month.value() == expected


def test_attendance_list_runs_up_to_today_unless_future_shifts_asked_for(qtbot, frozen_clock, paths, manager):
    window = window_for(qtbot, paths, manager)
    page = window.open_page("attendance")
    assert page.panel.filters.get("day_to") == clock.today()
    page.future.setChecked(True)
    assert "day_to" not in page.panel.filters
    page.future.setChecked(False)
    assert page.panel.filters.get("day_to") == clock.today()
    window.close()
