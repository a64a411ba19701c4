"""The reception page from the keyboard: a walk-in in a handful of keys, history, transfer, close."""

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.transfer_edit import ReplyDialog, TransferDialog
from frontdesk.ui.main_window import MainWindow


def open_reception(qtbot, paths, actor):  # noqa: ANN001, ANN201
    window = MainWindow(AppContext(paths, Settings(), actor, "测试服务台"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    page = window.open_page("reception")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window, page


def typed(widget, text: str) -> None:  # noqa: ANN001
    """Text as the input method commits it (QTest can only type ASCII)."""
    if text.isascii():
        from pytestqt.qtbot import QtBot

        QtBot.keyClicks(widget, text)
    else:
        widget.insert(text)


def test_walk_in_with_six_key_actions(qtbot, paths, staff_actor):
    window, page = open_reception(qtbot, paths, staff_actor)
    keys = 0

    def key(k, mod=Qt.KeyboardModifier.NoModifier):  # noqa: ANN001, ANN202
        nonlocal keys
        keys += 1
        target = QApplication.focusWidget()
        assert target is not None, "keyboard focus lost"
        qtbot.keyClick(target, k, mod)

    started = time.perf_counter()
    key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)          # 1 new
    assert QApplication.focusWidget() is page.form.customer_name
    typed(page.form.customer_name, "王女士")
    key(Qt.Key.Key_Tab)                                              # 2
    typed(QApplication.focusWidget(), "13800138000")
    key(Qt.Key.Key_Tab)                                              # 3
    assert QApplication.focusWidget() is page.form.request
    typed(page.form.request, "咨询停车场收费标准")
    key(Qt.Key.Key_Tab)                                              # 4
    typed(page.form.handling, "已告知：首小时免费")
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)      # 5 save and close
    assert keys <= 6
    assert time.perf_counter() - started < 30
    page_rows = reception.list_contacts(staff_actor, ListQuery())
    assert page_rows.total == 1
    row = page_rows.rows[0]
    assert (row["customer_name"], row["phone"], row["status"]) == ("王女士", "13800138000", "closed")
    assert page.panel.model.rowCount() == 1
    assert "已保存" in page.form.form_message.text()
    assert QApplication.focusWidget() is page.form.customer_name  # ready for the next one


def test_channel_and_category_are_remembered_and_errors_shown(qtbot, paths, staff_actor):
    window, page = open_reception(qtbot, paths, staff_actor)
    page.form.channel.set_value("phone")
    page.form.category.set_value("help")
    typed(page.form.request, "轮胎漏气求助")
    qtbot.keyClick(page.form.request, Qt.Key.Key_Return)
    assert page.form.errors["phone"].isVisibleTo(page)  # phone calls need the number
    assert reception.list_contacts(staff_actor, ListQuery()).total == 0
    typed(page.form.phone, "0579-82345678")
    qtbot.keyClick(page.form.phone, Qt.Key.Key_Return)
    assert reception.list_contacts(staff_actor, ListQuery()).total == 1
    assert page.form.channel.value() == "phone" and page.form.category.value() == "help"
    qtbot.keyClick(page.form.request, Qt.Key.Key_Escape)
    assert page.form.request.text() == ""


def test_history_transfer_and_reply(qtbot, paths, staff_actor, manager, monkeypatch):
    dept = staff_service.save_department(manager, "工程维修部")
    window, page = open_reception(qtbot, paths, staff_actor)
    typed(page.form.phone, "13800138000")
    typed(page.form.request, "空调不制冷")
    page.form.save(close=False)
    typed(page.form.phone, "13800138000")
    page.form.phoneChanged.emit("13800138000")
    assert page.history.count() == 1 and "空调不制冷" in page.history.item(0).text()

    page.panel.table.selectRow(0)

    def fill_transfer(dialog: TransferDialog) -> int:
        dialog.department.set_value(dept)
        dialog.instructions.insert("请派人检修")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TransferDialog, "exec", fill_transfer)
    page.transfer_btn.click()
    assert page.panel.model.rows[0]["status"] == "transferred"

    transfers_page = window.open_page("transfers")
    assert transfers_page.panel.model.rowCount() == 1

    def fill_reply(dialog: ReplyDialog) -> int:
        dialog.reply.insert("已更换压缩机")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReplyDialog, "exec", fill_reply)
    transfers_page.panel.table.selectRow(0)
    transfers_page.findChild(type(page.transfer_btn), "reply").click()
    assert transfers_page.panel.model.rows[0]["status"] == "replied"


def test_request_column_fills_the_width_left_in_view(qtbot, paths, staff_actor):
    window, page = open_reception(qtbot, paths, staff_actor)
    window.resize(1366, 768)
    QApplication.processEvents()
    table = page.panel.table
    request = [c.key for c in page.panel.model.columns].index("request")
    left, width = table.columnViewportPosition(request), table.columnWidth(request)
    assert left + 150 < table.viewport().width()  # 核心诉求 starts well inside the view
    assert left + width >= table.viewport().width()  # and runs to its right edge
    channel = [c.key for c in page.panel.model.columns].index("channel")
    assert table.columnWidth(channel) < 100  # an enum column fits its own labels (现场, 电话…), not 立即回复
    window.close()
