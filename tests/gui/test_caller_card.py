"""The caller card: four typed digits show the matching callers; Enter takes one into the form; the history
holds five entries at 1366×768; a walk-in of a new caller still saves on Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.domain.visits import KeyCustomerInput
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception.visits import save_key_customer
from frontdesk.ui.dialogs.complaint_detail import ComplaintDetailDialog
from tests.gui.gui_helpers import scripted, window_for
from tests.gui.test_reception_gui import typed


def earlier(actor, phone: str, name: str, n: int, category: str = Category.CONSULT.value) -> None:  # noqa: ANN001
    for i in range(n):
        reception.save_contact(actor, ContactInput(channel=Channel.PHONE.value, category=category,
                                                   customer_name=name, phone=phone, request=f"第{i + 1}次咨询"))


def test_four_digits_then_enter_take_the_caller(qtbot, paths, staff_actor, frozen_clock, monkeypatch):
    earlier(staff_actor, "13912345678", "李先生", 6)
    earlier(staff_actor, "13912345678", "李先生", 1, Category.COMPLAINT.value)
    save_key_customer(staff_actor, KeyCustomerInput(name="永康物流有限公司", phone="19597602094", level="key"))
    window = window_for(qtbot, paths, staff_actor)
    window.resize(1366, 768)
    page = window.open_page("reception")
    form, card = page.form, page.card
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "5678")  # the last four digits, as the caller reads them out
    qtbot.waitUntil(lambda: card.selected() is not None)
    caller = card.selected()
    assert (caller.phone, caller.name, caller.contacts) == ("13912345678", "李先生", 7)
    assert "李先生" in card.header.text() and "未结投诉 1 件" in card.facts.text()
    assert card.history.count() == 8  # the open complaint, then the last seven contacts
    qtbot.waitUntil(lambda: card.history.viewport().height() > 50)
    assert card.history.viewport().height() // card.history.sizeHintForRow(0) >= 5
    assert card.hint.isVisible() and "Enter" in card.hint.text()
    cases = scripted(monkeypatch, ComplaintDetailDialog, lambda d: None)
    card._open(card.history.item(0))  # double-click on the open complaint: its detail
    assert len(cases) == 1 and window.current_page().objectName() == "page_complaints"
    window.open_page("reception")
    form.phone.setFocus()
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert (form.customer_name.text(), form.phone.text()) == ("李先生", "13912345678")
    assert QApplication.focusWidget() is form.request
    assert reception.list_contacts(staff_actor, ListQuery()).total == 7  # taken, not saved

    form.clear()
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "2094")  # a key customer who never called: known by the register
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)  # Enter before the lookup's pause: it runs first
    assert (form.customer_name.text(), form.phone.text()) == ("永康物流有限公司", "19597602094")
    assert "重点客户" in card.header.text()


def test_up_down_choose_among_callers_and_a_new_number_saves(qtbot, paths, staff_actor, frozen_clock):
    earlier(staff_actor, "13800001234", "王女士", 1)
    earlier(staff_actor, "13900001234", "赵先生", 1)
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("reception")
    form, card = page.form, page.card
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "1234")
    form.flush_phone()
    assert [c.name for c in card.callers] == ["赵先生", "王女士"] and card.chooser.isVisible()
    qtbot.keyClick(form.phone, Qt.Key.Key_Down)
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.customer_name.text() == "王女士" and form.phone.text() == "13800001234"

    form.clear()
    typed(form.request, "咨询停车场收费标准")
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "13700137000")  # nobody known: Enter saves as before
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.form_message.text().startswith("已保存")
    assert reception.list_contacts(staff_actor, ListQuery()).total == 3
