"""Complaints through the window: new case, illegal jump, pause/resume, detail, close, slip, overdue, holidays."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from gui_helpers import scripted, window_for
from PySide6.QtCore import QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from frontdesk import clock
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.roles import Role
from frontdesk.domain.sla import Stage
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.complaints import handling
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


def test_case_from_new_to_closed_through_the_page(qtbot, paths, staff_actor, manager, make_actor, monkeypatch,
                                                  tmp_path, message_boxes):
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
    assert "解决时限" in detail.findChild(QLabel, "value_11").text()  # the due time shown names its clock

    pdf = page.export_pdf(tmp_path / "slip.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    previews = []
    monkeypatch.setattr(printing, "show_print_preview", lambda doc, parent: previews.append(doc))
    page.print_btn.menu().actions()[0].trigger()
    assert previews[0].title == "投诉转办处理单" and previews[0].number == row["number"]
    assert [a.text() for a in page.print_btn.menu().actions()][:2] == ["打印预览…", "导出PDF…"]

    uuid = row["uuid"]
    complaints.advance(manager, uuid, Stage.PLAN, "处理")
    handling.approve_plan(make_actor(Role.MANAGER, "经理老周"), uuid)  # a major case: a second manager approves
    handling.escalate(manager, uuid, "公司分管副总")
    for stage, by in ((Stage.FEEDBACK, manager), (Stage.EXECUTE, staff_actor), (Stage.ARCHIVE, staff_actor)):
        complaints.advance(by, uuid, stage, "处理")
    page.refresh()
    page.panel.table.selectRow(0)
    assert not page.buttons["close"].isEnabled() and "主管" in page.buttons["close"].toolTip()  # a clerk's window
    window = window_for(qtbot, paths, manager)
    page = window.open_page("complaints")

    def close(d: CloseDialog) -> None:
        d.accept()
        for name in ("sat_speed", "sat_result", "sat_communication", "note"):
            assert d.form.error_label(name).isVisibleTo(d), name
        for combo in d.dimensions.values():
            combo.set_value("satisfied")
        assert d.satisfaction.text() == "满意"  # derived: the worst of the three
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


def test_reception_born_case_is_reclassified_and_walked_by_the_right_roles(qtbot, paths, make_actor, monkeypatch,
                                                                          message_boxes):
    from frontdesk.domain.reception import Category, Channel, ContactInput
    from frontdesk.services.core import staff as staff_service
    from frontdesk.services.reception import contacts as reception
    from frontdesk.ui.dialogs.complaint_handling import ApproveDialog, ClassifyDialog, EscalateDialog

    clerk, handler = make_actor(Role.STAFF, "客服小王"), make_actor(Role.STAFF, "专员小张")
    manager, leader = make_actor(Role.MANAGER, "主管老李"), make_actor(Role.MANAGER, "经理老周")
    dept = staff_service.save_department(manager, "收费管理部")
    reception.save_contact(clerk, ContactInput(channel=Channel.PHONE.value, category=Category.COMPLAINT.value,
                                               customer_name="李先生", phone="13900139000", request="收费员态度恶劣"))
    pages = {who: window_for(qtbot, paths, actor).open_page("complaints")
             for who, actor in (("clerk", clerk), ("handler", handler), ("manager", manager), ("leader", leader))}

    def select(who: str) -> dict:
        page = pages[who]
        page.refresh()
        page.panel.table.selectRow(0)
        return page.panel.current_row()

    row = select("clerk")
    assert row["category"] == "other" and not pages["clerk"].buttons["classify"].isEnabled()

    def classify(d: ClassifyDialog) -> None:
        d.category.set_value("attitude")
        d.severity.set_value("major")
        d.level.set_value(2)
        d.department.set_value(dept)
        d.handler.set_value(handler.uuid)
        d.note.insertPlainText("回访后确认")
        d.accept()

    select("manager")
    scripted(monkeypatch, ClassifyDialog, classify)
    pages["manager"].buttons["classify"].click()
    row = select("manager")
    assert (row["category"], row["severity"], row["level"], row["handler_name"]) == ("attitude", "major", 2, "专员小张")

    def step(d: StageDialog) -> None:
        d.note.insertPlainText("按职责推进")
        d.remedy.set_value("refund")
        d.accept()

    scripted(monkeypatch, StageDialog, step)
    select("clerk")
    pages["clerk"].buttons["advance"].click()  # 受理 → 核实 by the clerk
    assert select("clerk")["stage"] == "verify" and not pages["clerk"].buttons["advance"].isEnabled()
    assert "承办人" in pages["clerk"].buttons["advance"].toolTip()
    select("handler")
    pages["handler"].buttons["advance"].click()  # 核实 → 方案 by the assigned handler
    assert select("handler")["stage"] == "plan" and not pages["handler"].buttons["advance"].isEnabled()
    assert not pages["handler"].buttons["approve"].isEnabled()

    scripted(monkeypatch, ApproveDialog, lambda d: (d.note.insertPlainText("同意"), d.accept()))
    for who in ("manager", "leader"):
        select(who)
        pages[who].buttons["approve"].click()

    def escalate(d: EscalateDialog) -> None:
        d.accept()
        assert d.form.error_label("reported_to").isVisibleTo(d)
        d.reported_to.setText("公司分管副总 张总")
        d.accept()

    scripted(monkeypatch, EscalateDialog, escalate)
    select("manager")
    pages["manager"].buttons["escalate"].click()
    select("manager")
    pages["manager"].buttons["advance"].click()  # 方案 → 反馈 by a manager, approved twice and escalated
    for expected in ("execute", "archive"):
        select("clerk")
        pages["clerk"].buttons["advance"].click()  # 反馈 → 执行 → 归档总结 by the clerk
        assert select("clerk")["stage"] == expected
    assert not pages["clerk"].buttons["close"].isEnabled()

    def close(d: CloseDialog) -> None:
        for combo in d.dimensions.values():
            combo.set_value("satisfied")
        d.note.insertPlainText("已致歉，加强培训")
        d.accept()

    scripted(monkeypatch, CloseDialog, close)
    select("manager")
    pages["manager"].buttons["close"].click()
    assert select("manager")["stage"] == "closed"
    case = complaints.get_complaint(manager, row["uuid"])
    assert [(e["kind"], e["actor_name"]) for e in case["events"] if e["kind"] != "classify"] == [
        ("stage", "客服小王"), ("stage", "专员小张"), ("approve", "主管老李"), ("approve", "经理老周"),
        ("escalate", "主管老李"), ("stage", "主管老李"), ("stage", "客服小王"), ("stage", "客服小王"),
        ("stage", "主管老李")]
    assert {e["field"] for e in case["events"] if e["kind"] == "classify"} == {
        "category", "severity", "level", "department_uuid", "handler_uuid"}
    assert message_boxes == []


def test_manager_edits_the_sla_policy_bad_budgets_are_named(qtbot, paths, manager, staff_actor, monkeypatch,
                                                            message_boxes):
    from frontdesk.db.models import SlaPolicy
    from frontdesk.services.complaints import sla_policy
    from frontdesk.ui.dialogs.sla_policy import PolicyDialog

    assert window_for(qtbot, paths, staff_actor).open_page("complaints").policy_btn.isHidden()
    page = window_for(qtbot, paths, manager).open_page("complaints")

    def edit(d: PolicyDialog) -> None:
        d.spins["stage_verify"].setValue(0)
        d.all_day.setChecked(False)
        d.start.setTime(QTime(22, 0))
        d.end.setTime(QTime(8, 0))
        d.accept()
        assert "核实" in d.unplaced_label.text() and d.unplaced_label.isVisibleTo(d)
        assert d.form.error_label("service_end").isVisibleTo(d) and SlaPolicy.select().count() == 0
        d.spins["stage_verify"].setValue(3)
        d.start.setTime(QTime(8, 0))
        d.end.setTime(QTime(22, 0))
        d.days.set_value("all")
        d.applies["respond_1"].setChecked(True)
        d.accept()

    scripted(monkeypatch, PolicyDialog, edit)
    page.policy_btn.click()
    policy = sla_policy.current_policy(manager)["policy"]
    assert policy.budget("stage_verify") == 3 and policy.budget("respond_1") == 1
    assert (policy.service_start, policy.service_end, policy.service_days.value) == (time(8), time(22), "all")
    assert message_boxes == []
