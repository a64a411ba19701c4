"""Every dialog from the keyboard: the cursor starts in the first input, Tab follows the form, Enter and Ctrl+Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

from frontdesk.demo import runner as demo
from frontdesk.errors import NotFound
from frontdesk.ui import screenshots
from frontdesk.ui.dialogs.return_edit import ReturnDialog
from frontdesk.ui.keyboard import first_input, focus_chain, is_input, is_view
from tests.gui.gui_helpers import window_for


@pytest.fixture
def demo_window(qtbot, paths, admin, frozen_clock):  # noqa: ANN001, ANN201
    """The admin's main window over a small demo site (records for every registered dialog to show)."""
    demo.generate(1200)
    return window_for(qtbot, paths, admin)


def test_every_dialog_opens_with_the_cursor_in_an_input(qtbot, demo_window):
    dialogs = screenshots.all_dialogs()
    assert len(dialogs) > 40  # the registry the screenshots use: every module's dialogs
    opened, wrong, skipped = 0, [], []
    for name, factory in dialogs.items():
        try:
            dialog: QDialog = factory(demo_window)
        except (LookupError, NotFound):  # as in the screenshots: no demo record of that kind
            skipped.append(name)
            continue
        qtbot.addWidget(dialog)
        dialog.show()
        focused = dialog.focusWidget()
        buttons = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
        expected = first_input(focus_chain(dialog.layout()))
        if not (is_input(focused) or is_view(focused) and not is_input(expected)) or focused in buttons:
            wrong.append(f"{name}: {type(focused).__name__} {focused.objectName() if focused else ''}")
        opened += 1
        dialog.close()
    assert wrong == [], "\n".join(wrong)
    assert len(skipped) <= 3 and opened + len(skipped) == len(dialogs), skipped


def test_tab_follows_the_form_and_enter_in_a_text_box_is_a_new_line(qtbot, paths, staff_actor, frozen_clock):
    dialog = ReturnDialog(staff_actor)
    qtbot.addWidget(dialog)
    saves = []
    dialog.save = lambda: saves.append(dialog.reason.toPlainText())
    dialog.show()
    assert dialog.focusWidget() is dialog.customer_name  # not 保存
    order = []
    for _ in range(9):
        order.append(dialog.focusWidget().objectName())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert order == ["customer_name", "phone", "kind", "category", "item", "", "amount_paid", "purchase_date",
                     ""]  # quantity and the receipt check box have no name
    assert dialog.focusWidget() is dialog.receipt_no
    dialog.reason.setFocus()
    dialog.reason.insertPlainText("开线")  # as the input method commits it
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    dialog.reason.insertPlainText("袖口")
    assert isinstance(dialog.focusWidget(), QPlainTextEdit) and saves == [] and dialog.isVisible()
    assert dialog.reason.toPlainText() == "开线\n袖口"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saves == ["开线\n袖口"]  # Ctrl+Enter saves from a text box


def test_a_date_typed_wrong_is_shown_under_its_field_and_nothing_saved(qtbot, paths, staff_actor, frozen_clock):
    dialog = ReturnDialog(staff_actor)
    qtbot.addWidget(dialog)
    saves = []
    dialog.save = lambda: saves.append(1)
    dialog.show()
    qtbot.keyClicks(dialog.purchase_date, "11-31")
    qtbot.keyClick(dialog.purchase_date, Qt.Key.Key_Return)  # Enter in a one-line field saves
    assert saves == []
    assert dialog.form.error_label("purchase_date").text() == "没有这一天"
    assert dialog.focusWidget() is dialog.purchase_date
