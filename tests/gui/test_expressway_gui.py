"""Help calls and notices in the window: a clerk records a help call through the dialog (a bad plate and 桩号
are shown at their fields, nothing saved), follows it up to its outcome, logs a notice; staff cannot delete."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QPushButton

from frontdesk import clock
from frontdesk.db.models import HelpCall, OutboundNotice
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.help_call_edit import HelpCallDialog
from frontdesk.ui.dialogs.notice_edit import NoticeDialog
from frontdesk.ui.pages.expressway_page import ExpresswayPage


def _page(qtbot, paths, actor) -> ExpresswayPage:  # noqa: ANN001
    page = ExpresswayPage(AppContext(paths, Settings(), actor, "测试服务台"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_clerk_records_and_follows_up_a_help_call(qtbot, paths, staff_actor, monkeypatch, frozen_clock):
    page = _page(qtbot, paths, staff_actor)
    assert page.findChild(QPushButton, "deleteCall") is None  # staff record, managers delete

    def bad_then_good(dialog: HelpCallDialog) -> int:
        dialog.plate.setText("浙G123")
        dialog.stake.setText("123公里")
        dialog.accept()
        for field in ("plate", "stake", "direction", "description"):
            assert dialog.form.error_label(field).isVisibleTo(dialog), field
        assert HelpCall.select().count() == 0
        dialog.plate.setText("浙gd12345")
        dialog.stake.setText("k123+400")
        dialog.direction.set_value("up")
        dialog.vehicle_type.set_value("car")
        dialog.description.setPlainText("新能源车电量耗尽")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(HelpCallDialog, "exec", bad_then_good)
    page.findChild(QPushButton, "addCall").click()
    row = page.calls.model.rows[0]
    assert (row["plate"], row["stake"], row["outcome"]) == ("浙GD12345", "K123+400", "open")

    def dispatch_and_close(dialog: HelpCallDialog) -> int:
        assert dialog.plate.text() == "浙GD12345"
        dialog.dispatched.setText("清障车")
        dialog.accept()  # what was sent without when
        assert dialog.form.error_label("dispatched_at").isVisibleTo(dialog)
        dialog.dispatched_at.set_value(clock.now() - timedelta(minutes=5))  # before the call: refused
        dialog.accept()
        assert "早于" in dialog.form.error_label("dispatched_at").text()
        dialog.dispatched_at.set_value(clock.now())
        dialog.outcome.set_value("towed")
        dialog.closed_at.set_value(clock.now())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(HelpCallDialog, "exec", dispatch_and_close)
    page.calls.table.selectRow(0)
    page.findChild(QPushButton, "editCall").click()
    row = page.calls.model.rows[0]
    assert (row["dispatched"], row["outcome"]) == ("清障车", "towed")


def test_clerk_logs_a_notice_with_its_reach(qtbot, paths, staff_actor, monkeypatch, frozen_clock):
    page = _page(qtbot, paths, staff_actor)

    def fill(dialog: NoticeDialog) -> int:
        dialog.accept()  # nothing typed
        for field in ("title", "content", "reach"):
            assert dialog.form.error_label(field).isVisibleTo(dialog), field
        assert OutboundNotice.select().count() == 0
        dialog.kind.set_value("publicity")
        dialog.title.setText("冬季行车安全提示")
        dialog.content.setPlainText("出行前检查轮胎。")
        dialog.reach.setValue(800)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NoticeDialog, "exec", fill)
    page.tabs.setCurrentIndex(1)
    page.findChild(QPushButton, "addNotice").click()
    assert [r["title"] for r in page.notices.model.rows] == ["冬季行车安全提示"]
    assert "800" in page.reach_label.text()


def test_manager_deletes_a_help_call(qtbot, paths, manager, monkeypatch, frozen_clock):
    from frontdesk.domain.expressway import HelpCallInput
    from frontdesk.services.expressway import help_calls

    help_calls.save_help_call(manager, HelpCallInput("medical", clock.now(), direction="service_area",
                                                     description="旅客晕倒"))
    page = _page(qtbot, paths, manager)
    monkeypatch.setattr("frontdesk.ui.pages.expressway_page.confirm", lambda *_a: True)
    page.calls.table.selectRow(0)
    page.findChild(QPushButton, "deleteCall").click()
    assert page.calls.model.rowCount() == 0
