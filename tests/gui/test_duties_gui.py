"""The duty checklist in the window: a clerk ticks the meter line, the dialog refusing a missing or bad reading at
its field; the manager raises W08 for a missed line from the page in one step; the readings export."""

from __future__ import annotations

from datetime import date, timedelta

from gui_helpers import window_for
from openpyxl import load_workbook

from frontdesk.db.models import DutyCheck, Incident, ShiftType
from frontdesk.services.personnel import shifts
from frontdesk.ui import file_dialogs
from frontdesk.ui.dialogs.duty_edit import DutyItemDialog, DutyTickDialog, MissedDutyDialog

TODAY = date(2026, 11, 18)


def test_a_clerk_ticks_the_meter_line_with_its_reading(qtbot, paths, staff_actor, monkeypatch, frozen_clock,
                                                        tmp_path):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("duty")
    page.refresh()
    assert "missedDuties" not in [t.objectName() for t in page.findChildren(type(page.table))]  # clerks: no W08 tab
    assert page.table.item(0, 1).text() == "抄早电表"

    def bad_then_good(dialog: DutyTickDialog) -> int:
        dialog.accept()  # no reading
        assert dialog.form.error_label("reading").isVisibleTo(dialog)
        qtbot.keyClicks(dialog.reading, "48k")
        dialog.accept()
        assert "数字" in dialog.form.error_label("reading").text()
        assert DutyCheck.select().count() == 0
        dialog.reading.clear()
        qtbot.keyClicks(dialog.reading, "48210.5")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DutyTickDialog, "exec", bad_then_good)
    page.table.selectRow(0)
    page.tick_btn.click()
    assert page.table.item(0, 2).text() == "48210.50 kWh"
    assert page.table.item(0, 3).text() == "客服小王"
    assert page.summary.text().startswith("已完成 1 / 3")
    page.tabs.setCurrentIndex(1)
    page.record_filter.set_value("readings")
    target = tmp_path / "readings.xlsx"
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: target)
    assert page.export_excel() == 1
    sheet = load_workbook(target).active
    assert sheet.max_row == 2 and "抄早电表" in [c.value for c in sheet[2]]


def test_the_manager_raises_w08_for_a_missed_line_and_edits_the_checklist(qtbot, paths, manager, staff_actor,
                                                                           monkeypatch, frozen_clock):
    morning = ShiftType.get(ShiftType.name == "早班").uuid
    shifts.assign(manager, staff_actor.uuid, TODAY - timedelta(days=1), morning)
    window = window_for(qtbot, paths, manager)
    page = window.open_page("duty")
    page.refresh()
    assert page.missed_table.rowCount() == 3
    assert page.missed_table.item(0, 4).text() == "客服小王"

    def raise_it(dialog: MissedDutyDialog) -> int:
        dialog.amount.setText("abc")
        dialog.accept()
        assert dialog.form.error_label("amount").isVisibleTo(dialog)
        assert Incident.select().count() == 0
        dialog.amount.setText("20")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MissedDutyDialog, "exec", raise_it)
    page.missed_table.selectRow(0)
    page.raise_btn.click()
    incident = Incident.get()
    assert (incident.rule_code, incident.staff_uuid, incident.source) == ("W08", staff_actor.uuid, "duty")
    assert page.missed_table.item(0, 5).text() == "已登记"

    def add_line(dialog: DutyItemDialog) -> int:
        dialog.name.setText("泳池水温")
        dialog.due_time.setText("9点")
        dialog.accept()
        assert dialog.form.error_label("due_time").isVisibleTo(dialog)
        dialog.due_time.setText("10:30")
        dialog.needs_reading.setChecked(True)
        dialog.unit.setText("℃")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DutyItemDialog, "exec", add_line)
    page.findChild(type(page.tick_btn), "addDuty").click()
    assert page.items_table.item(page.items_table.rowCount() - 1, 0).text() == "泳池水温"
    assert "泳池水温" in [page.table.item(i, 1).text() for i in range(page.table.rowCount())]
