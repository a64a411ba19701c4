"""Desk lists and messages: staff search, a dozen phrases in view, messages that go, a warning that stays put."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.domain.roles import Role
from frontdesk.ui.dialogs.incident_edit import IncidentDialog
from tests.gui.gui_helpers import window_for
from tests.gui.test_reception_gui import typed


def test_staff_checklist_has_a_search_and_enter_ticks_without_saving(qtbot, paths, manager, make_actor):
    for name in ("张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"):
        make_actor(Role.STAFF, name)
    dialog = IncidentDialog(manager)
    qtbot.addWidget(dialog)
    saves = []
    dialog.save = lambda: saves.append(1)
    dialog.show()
    assert dialog.focusWidget() is dialog.staff_search  # the keyboard starts by finding the person
    visible = [dialog.staff.item(i) for i in range(dialog.staff.count())]
    assert len(visible) >= 9
    dialog.staff_search.insert("王五")  # as the input method commits it
    shown = [i for i in visible if not i.isHidden()]
    assert [i.text() for i in shown] == [next(i.text() for i in visible if "王五" in i.text())]
    qtbot.keyClick(dialog.staff_search, Qt.Key.Key_Return)
    assert shown[0].checkState() == Qt.CheckState.Checked and saves == [] and dialog.isVisible()
    assert dialog.staff_count.text() == "已选 1 人"
    assert dialog.staff_search.selectedText() == "王五"  # typing the next name replaces it
    dialog.staff_search.clear()
    assert not any(i.isHidden() for i in visible)
    rows_shown = dialog.staff.viewport().height() // dialog.staff.sizeHintForRow(0)
    assert rows_shown >= 7  # was 5 of 23


def test_phrase_book_shows_at_least_eight_phrases_at_1366x768(qtbot, paths, staff_actor):
    window = window_for(qtbot, paths, staff_actor)
    window.resize(1366, 768)
    page = window.open_page("reception")
    qtbot.waitUntil(lambda: page.phrase_panel.list.count() > 0)
    phrases = page.phrase_panel.list
    qtbot.waitUntil(lambda: phrases.viewport().height() > 100)
    assert phrases.viewport().height() // phrases.sizeHintForRow(0) >= 8


def test_save_message_and_a_fixed_error_go_on_the_next_edit(qtbot, paths, staff_actor):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("reception")
    form = page.form
    form.channel.set_value("phone")
    typed(form.request, "咨询停车场收费标准")
    qtbot.keyClick(form.request, Qt.Key.Key_Return)
    assert form.errors["phone"].isVisibleTo(form)  # a phone call needs the number
    qtbot.keyClicks(form.phone, "1")
    assert not form.errors["phone"].isVisibleTo(form)  # being fixed: the message goes
    form.phone.clear()
    qtbot.keyClicks(form.phone, "13800138000")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.form_message.text().startswith("已保存")
    qtbot.keyClicks(QApplication.focusWidget(), "x")  # the next entry starts
    assert form.form_message.text() == ""


def test_a_forbidden_phrase_warning_does_not_move_the_form(qtbot, paths, staff_actor):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("reception")
    form = page.form
    qtbot.waitUntil(lambda: form.request.isVisible())
    before = (form.request.mapTo(page, form.request.rect().topLeft()), form.handling.y(), form.height(),
              page.panel.mapTo(page, page.panel.rect().topLeft()))
    typed(form.handling, "不行就是不行")
    assert page.forbidden_watch.check()
    QApplication.processEvents()
    assert page.forbidden_watch.label.isVisible() and "忌语" in page.forbidden_watch.label.text()
    after = (form.request.mapTo(page, form.request.rect().topLeft()), form.handling.y(), form.height(),
             page.panel.mapTo(page, page.panel.rect().topLeft()))
    assert after == before
