"""Visits and phrase book GUI: phrase panel copy, forbidden warning, due list → visit, key customers, manager page."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from frontdesk.db.models import Complaint, Contact, ReturnVisit
from frontdesk.domain.reception import ContactInput
from frontdesk.services.reception import contacts as reception
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.key_customer_edit import KeyCustomerDialog
from frontdesk.ui.dialogs.phrase_edit import ForbiddenDialog
from frontdesk.ui.dialogs.visit_edit import VisitDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.pages.phrases_page import PhrasesPage
from frontdesk.ui.pages.visits_page import VisitsPage
from frontdesk.ui.widgets.phrase_panel import ForbiddenWatcher, PhrasePanel


def _ctx(paths, actor) -> AppContext:  # noqa: ANN001
    return AppContext(paths, Settings(), actor, "测试服务台")


def test_phrase_panel_click_copies_and_emits(qtbot, staff_actor):
    panel = PhrasePanel(staff_actor)
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_situation("thanks")
    assert panel.phrases() == ["不客气，这是我们应尽的义务。", "谢谢您对金丽温的支持！"]
    item = panel.list.item(0)
    rect = panel.list.visualItemRect(item)
    with qtbot.waitSignal(panel.phraseChosen) as blocker:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["不客气，这是我们应尽的义务。"]
    assert QGuiApplication.clipboard().text() == "不客气，这是我们应尽的义务。"
    assert "已复制" in panel.hint.text()


def test_forbidden_watcher_warns_while_typing(qtbot, staff_actor):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    watcher = ForbiddenWatcher(edit, delay_ms=10)
    label: QLabel = watcher.label
    qtbot.addWidget(label)
    edit.insertPlainText("已答复客户：不行就是不行")
    qtbot.waitUntil(lambda: not label.isHidden())
    assert label.text().startswith("含服务忌语：") and "不行就是不行" in label.text()
    assert watcher.found == ["不行就是不行"]
    edit.setPlainText("已向客户说明收费标准，客户表示理解")
    qtbot.waitUntil(lambda: label.isHidden())
    assert watcher.found == []


def test_visit_dialog_shows_errors_next_to_fields(qtbot, staff_actor):
    dialog = VisitDialog(staff_actor)
    qtbot.addWidget(dialog)
    dialog.phone.setText("1380013")
    dialog.accept()
    for name in ("customer_name", "phone", "result"):
        assert dialog.form.error_label(name).isVisibleTo(dialog), name
    assert dialog.saved_uuid is None and ReturnVisit.select().count() == 0
    dialog.result_edit.setPlainText("我不知道")
    assert dialog.watcher.check() == ["我不知道"]
    assert dialog.watcher.label.isVisibleTo(dialog)


def test_due_complaint_visit_from_page(qtbot, paths, staff_actor, monkeypatch):
    saved = reception.save_contact(staff_actor, ContactInput(
        channel="phone", category="help", customer_name="赵女士", phone="13900001111",
        request="投诉停车场多收费", handling="已退款", close_now=True))
    complaint = Complaint.create(
        number="S01-TS-20260301-0001", opened_at=datetime(2026, 3, 1, 9), opened_by=staff_actor.uuid,
        customer_name="赵女士", phone="13900001111", subject="停车场多收费", stage="closed",
        closed_at=datetime(2026, 3, 5, 17), contact=saved.uuid,
    ).uuid
    page = VisitsPage(_ctx(paths, staff_actor))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    rows = page.due.model.rows
    assert [r["kind"] for r in rows] == ["complaint"]
    assert page.tabs.tabText(0) == "待回访（1）"
    assert page.toggle_customer_btn is None  # deactivating key customers is the manager's

    def fill(dialog: VisitDialog) -> int:
        assert dialog.customer_name.text() == "赵女士" and dialog.phone.text() == "13900001111"
        dialog.result_edit.setPlainText("已退款到账，客户表示满意")
        dialog.satisfaction.set_value("satisfied")
        dialog.accept()
        assert dialog.saved_uuid
        return 1

    monkeypatch.setattr(VisitDialog, "exec", fill)
    page.due.table.selectRow(0)
    page.visit_due_btn.click()
    assert page.due.model.rows == []
    visit = ReturnVisit.get()
    assert visit.complaint_uuid == complaint and visit.satisfaction == "satisfied"
    assert Contact.get(Contact.uuid == saved.uuid).status == "visited"
    page.tabs.setCurrentIndex(1)
    assert page.history.model.rows[0]["result"] == "已退款到账，客户表示满意"


def test_key_customer_added_then_deactivated_by_manager(qtbot, paths, staff_actor, manager, monkeypatch):
    page = VisitsPage(_ctx(paths, staff_actor))
    qtbot.addWidget(page)
    page.show()

    def fill(dialog: KeyCustomerDialog) -> int:
        dialog.name.setText("金华物流有限公司")
        dialog.phone.setText("0579-8555")
        dialog.accept()
        assert dialog.form.error_label("phone").isVisibleTo(dialog)
        dialog.phone.setText("0579-85551234")
        dialog.accept()
        return 1

    monkeypatch.setattr(KeyCustomerDialog, "exec", fill)
    page.tabs.setCurrentIndex(2)
    page.add_customer_btn.click()
    assert [r["name"] for r in page.customers.model.rows] == ["金华物流有限公司"]
    page.tabs.setCurrentIndex(0)
    assert page.due.model.rows[0]["kind"] == "customer"
    assert "今年已回访 0 次" in page.due.model.rows[0]["detail_text"]

    boss = VisitsPage(_ctx(paths, manager))
    qtbot.addWidget(boss)
    boss.show()
    boss.tabs.setCurrentIndex(2)
    boss.customers.table.selectRow(0)
    boss.toggle_customer_btn.click()
    assert boss.customers.model.rows == []
    boss.active_filter.set_value(False)
    assert boss.customers.model.rows[0]["active"] is False


def test_manager_phrase_page_adds_forbidden_phrase(qtbot, paths, manager, monkeypatch):
    page = PhrasesPage(_ctx(paths, manager))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.phrase_model.rowCount() > 30 and page.forbidden_model.rowCount() > 30
    page.situation.set_value("wrong_number")
    assert {r["situation"] for r in page.phrase_model.rows} == {"wrong_number"}

    def fill(dialog: ForbiddenDialog) -> int:
        dialog.text.setText("爱找谁找谁")
        dialog.accept()
        return 1

    monkeypatch.setattr(ForbiddenDialog, "exec", fill)
    page.tabs.setCurrentIndex(1)
    page.add_forbidden()
    page.tester.setText("你爱找谁找谁")
    assert page.watcher.check() == ["爱找谁找谁"]
    assert page.watcher.label.isVisibleTo(page)


def test_navigation_by_role(qtbot, paths, staff_actor, manager):
    staff_window = MainWindow(_ctx(paths, staff_actor))
    qtbot.addWidget(staff_window)
    keys = [spec.key for spec in staff_window.specs]
    assert "visits" in keys and "phrases" not in keys
    window = MainWindow(_ctx(paths, manager))
    qtbot.addWidget(window)
    window.show()
    for key in ("visits", "phrases"):
        page = window.open_page(key)
        assert page is not None and page.isVisible()
