"""Complaints through the window: new case, illegal jump, pause/resume, detail, close, slip, overdue, holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gui_helpers import scripted, window_for
from PySide6.QtGui import QColor

from frontdesk import clock
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.sla import Stage
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import holidays
from frontdesk.ui import printing
from frontdesk.ui.dialogs.complaint_close import CloseDialog
from frontdesk.ui.dialogs.complaint_detail import ComplaintDetailDialog
from frontdesk.ui.dialogs.complaint_new import ComplaintDialog
from frontdesk.ui.dialogs.complaint_stage import NoteDialog, StageDialog
from frontdesk.ui.dialogs.holiday_edit import HolidayDialog
from frontdesk.ui.pages.complaints_page import OVERDUE_BG

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_case_from_new_to_closed_through_the_page(qtbot, paths, staff_actor, monkeypatch, tmp_path, message_boxes):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("complaints")
    assert "0 件" in window.overdue_label.text()

    def fill_new(d: ComplaintDialog) -> None:
        qtbot.keyClicks(d.phone, "1380013")
        d.accept()
        assert d.form.error_label("customer_name").isVisibleTo(d) and d.form.error_label("phone").isVisibleTo(d)
        assert d.form.error_label("subject").isVisibleTo(d) and d.saved_uuid is None
        d.customer_name.insert("王女士")
        d.phone.setText("13800138000")
        d.subject.insert("停车场多收费 10 元")
        d.severity.set_value("major")
        d.accept()

    scripted(monkeypatch, ComplaintDialog, fill_new)
    page.buttons["new"].click()
    assert page.panel.model.rowCount() == 1
    page.panel.table.selectRow(0)
    row = page.panel.current_row()
    assert row["stage"] == "accept" and row["customer_name"] == "王女士"
    assert page.buttons["advance"].isEnabled() and not page.buttons["resume"].isEnabled()

    def jump_then_step(d: StageDialog) -> None:
        d.stage.set_value(Stage.PLAN.value)
        d.note.insertPlainText("直接出方案")
        d.accept()
        assert "核实" in d.form.error_label("stage").text() and d.form.error_label("stage").isVisibleTo(d)
        d.stage.set_value(Stage.VERIFY.value)
        d.accept()

    scripted(monkeypatch, StageDialog, jump_then_step)
    page.buttons["advance"].click()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["stage"] == "verify"

    scripted(monkeypatch, NoteDialog, lambda d: (d.note.insertPlainText("等待客户提供小票"), d.accept()))
    page.buttons["pause"].click()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["paused"] and page.buttons["resume"].isEnabled()
    assert page.panel.model.data(page.panel.model.index(0, 0), 8).color() != QColor(OVERDUE_BG)
    page.buttons["resume"].click()
    page.panel.table.selectRow(0)
    assert not page.panel.current_row()["paused"]

    details = scripted(monkeypatch, ComplaintDetailDialog, lambda d: None)
    page.buttons["detail"].click()
    detail = details[0]
    assert detail.log.rowCount() == 3 and detail.log.item(1, 3).text() == "等待客户提供小票"
    labels = [detail.deadlines.item(r, 0).text() for r in range(detail.deadlines.rowCount())]
    assert labels == ["阶段：受理", "阶段：核实", "答复时限", "解决时限"]

    pdf = page.export_pdf(tmp_path / "slip.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    previews = []
    monkeypatch.setattr(printing, "show_print_preview", lambda doc, parent: previews.append(doc))
    page.print_btn.menu().actions()[0].trigger()
    assert previews[0].title == "投诉转办处理单" and previews[0].number == row["number"]
    assert [a.text() for a in page.print_btn.menu().actions()] == ["打印预览…", "导出PDF…"]

    uuid = row["uuid"]
    for stage in (Stage.PLAN, Stage.FEEDBACK, Stage.EXECUTE, Stage.ARCHIVE):
        complaints.advance(staff_actor, uuid, stage, "处理")

    def close(d: CloseDialog) -> None:
        d.accept()
        assert d.form.error_label("satisfaction").isVisibleTo(d) and d.form.error_label("note").isVisibleTo(d)
        d.satisfaction.set_value("satisfied")
        d.confirmed.setChecked(True)
        d.note.insertPlainText("已退还 10 元，客户满意")
        d.accept()

    page.refresh()
    page.panel.table.selectRow(0)
    scripted(monkeypatch, CloseDialog, close)
    page.buttons["close"].click()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["stage"] == "closed" and page.panel.current_row()["satisfaction"] == "satisfied"
    assert not page.buttons["advance"].isEnabled()
    assert message_boxes == []


def test_overdue_case_is_red_and_counted_in_the_status_bar(qtbot, paths, staff_actor):
    complaints.open_complaint(staff_actor, ComplaintInput("李先生", "", "卫生间不干净"))
    late = complaints.open_complaint(
        staff_actor, ComplaintInput("赵先生", "", "收费站排队过长", opened_at=clock.now() - timedelta(days=3)))
    window = window_for(qtbot, paths, staff_actor)
    assert "超期投诉：1 件" in window.overdue_label.text()
    window.overdue_label.linkActivated.emit("overdue")
    page = window.current_page()
    assert page.objectName() == "page_complaints" and page.overdue_only.isChecked()
    model = page.panel.model
    assert [r["uuid"] for r in model.rows] == [late.uuid]
    assert model.data(model.index(0, 2), 8).color() == QColor(OVERDUE_BG)
    page.overdue_only.setChecked(False)
    colors = {r["customer_name"]: model.data(model.index(i, 0), 8) for i, r in enumerate(model.rows)}
    assert colors["李先生"] is None and colors["赵先生"].color() == QColor(OVERDUE_BG)


def test_manager_edits_holidays_staff_cannot_see_the_page(qtbot, paths, manager, staff_actor, monkeypatch):
    assert "holidays" not in [s.key for s in window_for(qtbot, paths, staff_actor).specs]
    window = window_for(qtbot, paths, manager)
    page = window.open_page("holidays")
    page.year.setValue(2027)
    assert "未内置" in page.coverage.text()

    def fill(d: HolidayDialog) -> None:
        d.accept()
        assert d.form.error_label("date").isVisibleTo(d)
        d.day.set_value(date(2027, 10, 1))
        d.note.insert("国庆节")
        d.accept()

    scripted(monkeypatch, HolidayDialog, fill)
    page.add_btn.click()
    assert page.panel.model.rowCount() == 1 and page.panel.model.rows[0]["note"] == "国庆节"
    assert "1 条" in page.coverage.text()
    assert holidays.work_calendar().is_workday(date(2027, 10, 1)) is False
    page.year.setValue(2025)
    assert "已内置" in page.coverage.text() and page.panel.model.rowCount() == 0
