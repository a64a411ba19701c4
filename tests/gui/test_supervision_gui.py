"""Supervision in the window: a manager records a mystery-shopper visit (the form refusing a missing inspector at
its field), adds a finding that raises a discipline incident, views it; a clerk logs a comment-box entry and the
manager follows it up and closes it; both lists export."""

from __future__ import annotations

from gui_helpers import window_for
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from frontdesk.db.models import Incident, Inspection, PublicOpinion
from frontdesk.ui import file_dialogs
from frontdesk.ui.dialogs.supervision_edit import (
    FindingDialog,
    InspectionDialog,
    InspectionViewDialog,
    OpinionDialog,
    OpinionFollowUpDialog,
)


def test_a_mystery_visit_with_a_finding_that_raises_an_incident(qtbot, paths, manager, staff_actor, monkeypatch,
                                                                 frozen_clock, tmp_path):
    window = window_for(qtbot, paths, manager)
    page = window.open_page("supervision")

    def visit(dialog: InspectionDialog) -> int:
        assert dialog.kind.value() == "mystery" and dialog.inspector.text() == ""
        dialog.accept()
        assert dialog.form.error_label("inspector").isVisibleTo(dialog)
        assert Inspection.select().count() == 0
        dialog.inspector.setText("暗访员 A")
        dialog.staff.set_value(staff_actor.uuid)
        dialog.checklist.item(2, 0).setCheckState(Qt.CheckState.Unchecked)  # 服务态度 failed
        dialog.recording.setText(r"\\nas\录音\前台.mp3")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(InspectionDialog, "exec", visit)
    page.buttons["newMystery"].click()
    row = page.inspections.model.rows[0]
    assert (row["kind"], row["staff_name"], row["failed"]) == ("mystery", "客服小王", 1)

    def finding(dialog: FindingDialog) -> int:
        dialog.text.setText("见顾客进门未主动问好")
        dialog.action.set_value("incident")
        dialog.accept()  # no rule chosen
        assert dialog.form.error_label("rule_code").isVisibleTo(dialog)
        assert Incident.select().count() == 0
        dialog.rule.set_value("R07")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FindingDialog, "exec", finding)
    page.inspections.table.selectRow(0)
    page.buttons["addFinding"].click()
    incident = Incident.get()
    assert (incident.rule_code, incident.staff_uuid, incident.evidence) == ("R07", staff_actor.uuid, r"\\nas\录音\前台.mp3")
    assert page.inspections.model.rows[0]["findings"] == 1
    seen = []
    monkeypatch.setattr(InspectionViewDialog, "exec",
                        lambda d: seen.append(d.findChild(QTableWidget, "findings").item(0, 1).text()) or 0)
    page.inspections.table.selectRow(0)
    page.view()
    assert seen == ["见顾客进门未主动问好"]
    target = tmp_path / "inspections.xlsx"
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: target)
    assert page.export_excel() == 1
    assert load_workbook(target).active.max_row == 2


def test_an_opinion_logged_by_a_clerk_and_closed_by_the_manager(qtbot, paths, manager, staff_actor, monkeypatch,
                                                                 frozen_clock):
    clerk_window = window_for(qtbot, paths, staff_actor)
    page = clerk_window.open_page("supervision")
    assert "newMystery" not in page.buttons and "followUp" not in page.buttons
    page.tabs.setCurrentWidget(page.opinions)

    def log(dialog: OpinionDialog) -> int:
        dialog.source.set_value("online")
        dialog.content.setPlainText("前台等了十分钟没人理")
        dialog.accept()  # an online rating needs its platform
        assert dialog.form.error_label("platform").isVisibleTo(dialog)
        assert PublicOpinion.select().count() == 0
        dialog.platform.setText("大众点评")
        dialog.rating.set_value(2)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpinionDialog, "exec", log)
    page.buttons["logOpinion"].click()
    assert page.opinions.model.rows[0]["rating"] == 2

    manager_page = window_for(qtbot, paths, manager).open_page("supervision")
    manager_page.tabs.setCurrentWidget(manager_page.opinions)

    def close(dialog: OpinionFollowUpDialog) -> int:
        dialog.accept()  # nothing written
        assert dialog.form.error_label("follow_up").isVisibleTo(dialog)
        dialog.follow_up.setPlainText("已在平台致歉，高峰加派一人")
        dialog.close_it.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpinionFollowUpDialog, "exec", close)
    manager_page.opinions.table.selectRow(0)
    manager_page.buttons["followUp"].click()
    assert manager_page.opinions.model.rows[0]["status"] == "closed"
