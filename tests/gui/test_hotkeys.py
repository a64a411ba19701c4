"""Hotkeys from anywhere in the main window, the F1 cheat sheet read from the actions, a walk-in in 5 keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from frontdesk.domain.roles import ROLE_PERMISSIONS, Permission, Role
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.ui.dialogs.complaint_new import ComplaintDialog
from frontdesk.ui.dialogs.handover_edit import HandoverDialog
from frontdesk.ui.dialogs.repair_intake import RepairDialog
from frontdesk.ui.dialogs.return_edit import ReturnDialog
from frontdesk.ui.dialogs.shortcuts import ShortcutsDialog
from frontdesk.ui.hotkeys import JOBS
from frontdesk.ui.keyboard import is_input
from tests.gui.gui_helpers import scripted, window_for
from tests.gui.test_reception_gui import typed

NO_KEY = Qt.KeyboardModifier.NoModifier


def active_window(qtbot, paths, actor):  # noqa: ANN001, ANN201
    window = window_for(qtbot, paths, actor)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def press(qtbot, key, mod=NO_KEY) -> None:  # noqa: ANN001
    """A key where the keyboard is now (as a clerk presses it), not sent to a chosen widget."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "keyboard focus lost"
    qtbot.keyClick(target, key, mod)


def test_walk_in_from_the_main_window_in_five_key_actions(qtbot, paths, staff_actor, frozen_clock):
    window = active_window(qtbot, paths, staff_actor)
    assert window.current_page().objectName() == "page_dashboard"  # not starting on the reception page
    keys = 0

    def key(k, mod=NO_KEY):  # noqa: ANN001, ANN202
        nonlocal keys
        keys += 1
        press(qtbot, k, mod)

    key(Qt.Key.Key_F2)                                            # 1 new contact, from the dashboard
    page = window.pages["reception"]
    assert window.current_page() is page and QApplication.focusWidget() is page.form.customer_name
    typed(page.form.customer_name, "王女士")
    key(Qt.Key.Key_Tab)                                           # 2
    typed(QApplication.focusWidget(), "13800138000")
    key(Qt.Key.Key_Tab)                                           # 3
    typed(QApplication.focusWidget(), "咨询停车场收费标准")
    key(Qt.Key.Key_Tab)                                           # 4
    typed(QApplication.focusWidget(), "已告知：首小时免费")
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # 5 save and close
    assert keys == 5
    rows = reception.list_contacts(staff_actor, ListQuery()).rows
    assert [(r["customer_name"], r["phone"], r["request"], r["status"]) for r in rows] == [
        ("王女士", "13800138000", "咨询停车场收费标准", "closed")]
    assert QApplication.focusWidget() is page.form.customer_name  # ready for the next one


@pytest.mark.parametrize(("key", "cls"), [(Qt.Key.Key_F3, ComplaintDialog), (Qt.Key.Key_F4, ReturnDialog),
                                          (Qt.Key.Key_F6, RepairDialog), (Qt.Key.Key_F7, HandoverDialog)])
def test_each_job_key_opens_its_form_with_the_cursor_in_it(qtbot, paths, staff_actor, frozen_clock, monkeypatch,
                                                         key, cls):
    window = active_window(qtbot, paths, staff_actor)
    window.open_page("reception")
    window.pages["reception"].form.request.setFocus()  # typing somewhere else on another page
    focused: list[object] = []

    def look(dialog: QDialog) -> None:
        dialog.show()
        focused.append(dialog.focusWidget())
        dialog.reject()

    seen = scripted(monkeypatch, cls, look)
    press(qtbot, key)
    assert len(seen) == 1 and is_input(focused[0])


def test_refresh_and_search_act_on_the_current_list(qtbot, paths, staff_actor, frozen_clock, monkeypatch):
    window = active_window(qtbot, paths, staff_actor)
    page = window.open_page("complaints")
    page.panel.table.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.panel.search
    refreshed = []
    monkeypatch.setattr(page, "refresh", lambda: refreshed.append(1))
    press(qtbot, Qt.Key.Key_F5)
    assert refreshed == [1]
    reception_page = window.open_page("reception")
    reception_page.form.phone.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the reception page's own Ctrl+F is gone
    assert QApplication.focusWidget() is reception_page.panel.search


def test_cheat_sheet_lists_every_menu_shortcut(qtbot, paths, staff_actor, frozen_clock, monkeypatch):
    window = active_window(qtbot, paths, staff_actor)
    sheets = scripted(monkeypatch, ShortcutsDialog, lambda d: d.reject())
    press(qtbot, Qt.Key.Key_F1)
    assert len(sheets) == 1
    table = sheets[0].table
    listed = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    for job in JOBS:
        assert job.key in listed
    assert {"F1", "F5", "Ctrl+F"} <= set(listed)
    assert listed["F3"] == "新建投诉…"
    work_menu = window.work_menu.actions()
    assert [a.shortcut().toString() for a in work_menu if not a.isSeparator()][:5] == [j.key for j in JOBS]


def test_jobs_the_account_may_not_do_are_disabled_and_say_so(qtbot, paths, make_actor, monkeypatch, frozen_clock):
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.STAFF, frozenset({Permission.READ_OWN_PERSONNEL}))
    actor = make_actor(Role.STAFF, "只看本人")
    window = active_window(qtbot, paths, actor)
    jobs = [a for a in window.work_menu.actions() if a.objectName().startswith("hotkey_") and a.shortcut().toString()
            in {j.key for j in JOBS}]
    assert len(jobs) == 5 and not any(a.isEnabled() for a in jobs)
    assert all("没有这项权限" in a.statusTip() for a in jobs)
    press(qtbot, Qt.Key.Key_F3)
    assert "complaints" not in window.pages
    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    places = [sheet.table.item(r, 2).text() for r in range(sheet.table.rowCount()) if sheet.table.item(r, 0).text() == "F3"]
    assert places and "无权限" in places[0]


def test_a_return_with_a_typed_purchase_date_in_twelve_key_actions(qtbot, paths, staff_actor, frozen_clock,
                                                                   monkeypatch):
    from frontdesk.services.aftersales import order_list

    window = active_window(qtbot, paths, staff_actor)
    keys = 0

    def key(k, mod=NO_KEY):  # noqa: ANN001, ANN202
        nonlocal keys
        keys += 1
        press(qtbot, k, mod)

    def clerk(dialog: ReturnDialog) -> None:
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.customer_name)  # the cursor is in 顾客
        typed(QApplication.focusWidget(), "王女士")
        key(Qt.Key.Key_Tab)                                            # 2 phone
        typed(QApplication.focusWidget(), "13800138000")
        key(Qt.Key.Key_Tab)                                            # 3 kind: 退货 (the default)
        key(Qt.Key.Key_Tab)                                            # 4 category: 服装鞋帽
        key(Qt.Key.Key_Tab)                                            # 5 item
        typed(QApplication.focusWidget(), "羊毛大衣")
        key(Qt.Key.Key_Tab)                                            # 6 quantity 1
        key(Qt.Key.Key_Tab)                                            # 7 amount paid
        typed(QApplication.focusWidget(), "899")
        key(Qt.Key.Key_Tab)                                            # 8 purchase date, typed as 1115
        assert QApplication.focusWidget() is dialog.purchase_date
        typed(QApplication.focusWidget(), "1115")
        assert "购买后第 3 天" in dialog.policy.text() and "在期限内" in dialog.policy.text()  # live
        key(Qt.Key.Key_Tab)                                            # 9 the receipt check box
        key(Qt.Key.Key_Tab)                                            # 10 receipt number
        typed(QApplication.focusWidget(), "XP20261115")
        key(Qt.Key.Key_Tab)                                            # 11 reason (a text box)
        assert QApplication.focusWidget() is dialog.reason
        dialog.reason.insertPlainText("尺码不合适")
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)    # 12 save
        if dialog.isVisible():  # not saved: say which messages are showing
            pytest.fail(str({n: dialog.form.error_label(n).text() for n in dialog.form.names()
                             if dialog.form.error_label(n).text()}))

    seen = scripted(monkeypatch, ReturnDialog, clerk)
    key(Qt.Key.Key_F4)                                                 # 1 new return, from the dashboard
    assert len(seen) == 1 and keys == 12
    assert window.current_page() is window.pages["returns"]
    assert seen[0].saved is not None, seen[0].result()
    rows = order_list.list_returns(staff_actor, ListQuery()).rows
    assert len(rows) == 1
    saved = rows[0]
    assert (saved["customer_name"], str(saved["purchase_date"]), saved["item"]) == ("王女士", "2026-11-15", "羊毛大衣")
