"""Messages for absent colleagues in the window: the dialog refuses an empty message at its field and saves a
good one; the recipient sees a non-blocking list after login and the message on the handover page until read."""

from __future__ import annotations

from gui_helpers import window_for
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.db.models import DeskMessage
from frontdesk.domain.duty import MessageInput
from frontdesk.domain.roles import Role
from frontdesk.services.core import site
from frontdesk.services.personnel import messages
from frontdesk.ui import file_dialogs
from frontdesk.ui.dialogs.login import LoginDialog
from frontdesk.ui.dialogs.message_edit import MessageDialog, PendingMessagesDialog


def test_leaving_a_message_on_the_page_names_the_empty_field_then_saves(qtbot, paths, staff_actor, make_actor,
                                                                        monkeypatch, frozen_clock, tmp_path):
    colleague = make_actor(Role.STAFF, "小张")
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("messages")

    def empty_then_filled(dialog: MessageDialog) -> int:
        dialog.accept()
        assert dialog.form.error_label("body").isVisibleTo(dialog)
        assert DeskMessage.select().count() == 0
        dialog.recipient.set_value(colleague.uuid)
        dialog.caller.setText("张先生")
        qtbot.keyClicks(dialog.caller_phone, "13805710022")
        dialog.body.setPlainText("请回电改约私教课")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MessageDialog, "exec", empty_then_filled)
    page.buttons["leaveMessage"].click()
    assert [r["body"] for r in page.panel.model.rows] == ["请回电改约私教课"]
    assert page.panel.model.rows[0]["recipient_name"] == "小张"
    target = tmp_path / "messages.xlsx"
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: target)
    assert page.export_excel() == 1
    assert load_workbook(target).active.max_row == 2


def test_the_recipient_sees_the_messages_after_login_and_on_the_handover_until_read(qtbot, paths, make_actor,
                                                                                    frozen_clock):
    author = make_actor(Role.STAFF, "小王")
    reader = make_actor(Role.STAFF, "小张")  # password secret1
    reader_no, reader_uuid = reader.staff_no, reader.uuid
    messages.leave_message(author, MessageInput("会员钱包在保险柜", reader_uuid, urgent=True))
    messages.leave_message(author, MessageInput("打印机缺纸"))  # for the next shift

    login = LoginDialog(site.site_name(), reader_no)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.password, "secret1")
    with qtbot.waitSignal(login.accepted):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window = window_for(qtbot, paths, login.actor)
    qtbot.waitUntil(lambda: any(isinstance(w, PendingMessagesDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    popup = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PendingMessagesDialog) and w.isVisible())
    assert not popup.isModal()
    assert popup.panel.table.rowCount() == 2
    assert popup.panel.table.item(0, 3).text() == "会员钱包在保险柜"  # urgent first
    popup.panel.table.selectRow(0)
    popup.panel.ack_selected.click()  # read one now, the other later
    assert popup.panel.table.rowCount() == 1
    popup.reject()

    page = window.open_page("handover")
    page.refresh()
    assert page.messages.isVisibleTo(page)
    assert page.messages.table.item(0, 3).text() == "打印机缺纸"
    page.messages.ack_all.click()
    assert not page.messages.isVisibleTo(page)
    assert messages.pending_for(login.actor) == []
