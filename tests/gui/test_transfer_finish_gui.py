"""Through the window: a department's reply finishes the transfer and closes the contact; 转办 is then offered no more."""

from __future__ import annotations

from datetime import datetime, timedelta

from gui_helpers import scripted, window_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from frontdesk import clock
from frontdesk.domain.reception import Category, Channel, ContactInput, ReplyMode, ReplyOutcome
from frontdesk.services.core import staff as staff_service
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import transfers
from frontdesk.ui.dialogs.transfer_edit import ReplyDialog


def _contact(actor, request: str, **kw) -> str:  # noqa: ANN001, ANN003
    return reception.save_contact(actor, ContactInput(channel=Channel.PHONE.value, category=Category.HELP.value,
                                                      customer_name="王女士", phone="13800138000", request=request,
                                                      **kw)).uuid


def test_reply_closes_the_contact_and_transfer_is_no_longer_offered(qtbot, paths, staff_actor, manager,
                                                                    monkeypatch, frozen_clock):
    frozen_clock.set(datetime(2026, 11, 23, 9, 0))
    dept = staff_service.save_department(manager, "工程维修部")
    first = _contact(staff_actor, "空调不制冷")
    transfers.transfer_contact(staff_actor, first, dept, clock.now() + timedelta(days=2))
    second = _contact(staff_actor, "卫生间漏水")
    transfers.transfer_contact(staff_actor, second, dept, clock.now() + timedelta(hours=2))
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("transfers")
    assert [r["contact_uuid"] for r in page.panel.model.rows] == [second, first]  # pending, due soonest first

    def close_it(dialog: ReplyDialog) -> None:
        assert not dialog.follow_up.isEnabled()
        dialog.outcome.set_value(ReplyOutcome.FOLLOW_UP.value)
        assert dialog.follow_up.isEnabled()
        dialog.reply.insert("已更换阀门")
        dialog.accept()  # a follow-up needs its text: the dialog stays open, the message under the field
        assert dialog.form.error_label("follow_up").isVisibleTo(dialog) and not dialog.result()
        dialog.outcome.set_value(ReplyOutcome.CLOSE.value)
        dialog.result_edit.insert("客户确认不再漏水")
        dialog.accept()

    scripted(monkeypatch, ReplyDialog, close_it)
    page.panel.table.selectRow(0)
    page.findChild(QPushButton, "reply").click()
    rows = page.panel.model.rows
    assert [(r["contact_uuid"], r["status"]) for r in rows] == [(first, "pending"), (second, "finished")]
    assert reception.get_contact(staff_actor, second)["status"] == "closed"

    desk = window.open_page("reception")
    desk.all_dates.setChecked(True)
    by_uuid = {r["uuid"]: i for i, r in enumerate(desk.panel.model.rows)}
    desk.panel.table.selectRow(by_uuid[second])
    assert not desk.transfer_btn.isEnabled() and not desk.close_btn.isEnabled()
    desk.panel.table.selectRow(by_uuid[first])
    assert desk.transfer_btn.isEnabled()


def test_due_promise_shown_in_the_list_and_the_dashboard_opens_it(qtbot, paths, staff_actor, frozen_clock):
    frozen_clock.set(datetime(2026, 11, 23, 9, 0))
    promised = _contact(staff_actor, "咨询发票补开", reply_mode=ReplyMode.LATER.value,
                        promised_reply_at=clock.now() + timedelta(hours=2))
    _contact(staff_actor, "失物登记", follow_up="找到后电话通知", follow_up_owner_uuid=staff_actor.uuid,
             follow_up_due=clock.today() + timedelta(days=3))
    window = window_for(qtbot, paths, staff_actor)
    board = window.current_page()
    assert board.objectName() == "page_dashboard" and ">1<" in board.links["replies_due"].text()
    assert ">0<" in board.links["follow_ups_due"].text()
    desk = board.open_link("replies_due")
    assert desk.status_filter.value() == "due:reply" and desk.all_dates.isChecked()
    assert [r["uuid"] for r in desk.panel.model.rows] == [promised]
    headers = [desk.panel.model.headerData(i, Qt.Orientation.Horizontal) for i in range(desk.panel.model.columnCount())]
    assert {"承诺答复时间", "跟进人", "跟进期限"} <= set(headers)
    desk.status_filter.set_value("due:follow_up")
    assert desk.panel.model.rowCount() == 0  # due in three days: not yet
    desk.status_filter.set_value(None)
    assert desk.panel.model.rowCount() == 2
    row = next(r for r in desk.panel.model.rows if r["follow_up"])
    assert row["follow_up_owner_name"] == "客服小王" and row["follow_up_due"] == clock.today() + timedelta(days=3)
