"""One contact through the whole desk: walk-in complaint → transfer → case closed → return visit."""

from gui_helpers import scripted
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from frontdesk.domain.sla import Stage
from frontdesk.services.complaints import case_list as complaint_list
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import visits
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.complaint_close import CloseDialog
from frontdesk.ui.dialogs.complaint_stage import StageDialog
from frontdesk.ui.dialogs.transfer_edit import TransferDialog
from frontdesk.ui.dialogs.visit_edit import VisitDialog
from frontdesk.ui.main_window import MainWindow


def test_walk_in_complaint_to_return_visit(qtbot, paths, staff_actor, manager, monkeypatch):
    dept = staff_service.save_department(manager, "商户管理部")
    window = MainWindow(AppContext(paths, Settings(), staff_actor, "测试服务台"))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pageShown):
        window.show()
    window.activateWindow()
    desk = window.open_page("reception")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # 1. a walk-in complaint, from the keyboard
    desk.form.category.set_value("complaint")
    desk.form.customer_name.insert("王女士")
    desk.form.phone.setText("13800138000")
    desk.form.request.insert("投诉3楼商户拒绝退款")
    qtbot.keyClick(desk.form.request, Qt.Key.Key_Return)
    contact = reception.list_contacts(staff_actor, ListQuery()).rows[0]
    cases = complaint_list.list_complaints(staff_actor, ListQuery()).rows
    assert len(cases) == 1 and cases[0]["customer_name"] == "王女士"  # escalated to a linked case

    # 2. transferred to the department that owns the shop; the first-ask owner stays
    def transfer(d: TransferDialog) -> None:
        d.department.set_value(dept)
        d.instructions.insert("请商户当日答复")
        d.accept()

    scripted(monkeypatch, TransferDialog, transfer)
    desk.panel.table.selectRow(0)
    desk.transfer_btn.click()
    assert reception.get_contact(manager, contact["uuid"])["owner_uuid"] == staff_actor.uuid

    # 3. the case walks its stages and closes with the customer's satisfaction: the clerk finishes 受理,
    # a manager 核实 and 方案 (seed 000 template 2), the clerk 反馈 and 执行, the manager 归档 and closes
    clerk_page = window.open_page("complaints")
    manager_window = MainWindow(AppContext(paths, Settings(), manager, "测试服务台"))
    qtbot.addWidget(manager_window)
    manager_page = manager_window.open_page("complaints")
    steps = [(Stage.VERIFY, clerk_page), (Stage.PLAN, manager_page), (Stage.FEEDBACK, manager_page),
             (Stage.EXECUTE, clerk_page), (Stage.ARCHIVE, clerk_page)]
    for stage, page in steps:
        def advance(d: StageDialog, stage: Stage = stage) -> None:
            d.stage.set_value(stage.value)
            if stage is Stage.EXECUTE:
                d.remedy.set_value("refund")
            d.note.insertPlainText(f"{stage.label}完成")
            d.accept()

        scripted(monkeypatch, StageDialog, advance)
        page.refresh()
        page.panel.table.selectRow(0)
        page.buttons["advance"].click()
        page.panel.table.selectRow(0)
        assert page.panel.current_row()["stage"] == stage.value

    def close(d: CloseDialog) -> None:
        for combo in d.dimensions.values():  # speed, result, communication; the overall one is derived
            combo.set_value("satisfied")
        d.confirmed.setChecked(True)
        d.note.insertPlainText("商户已退款，客户满意")
        d.accept()

    scripted(monkeypatch, CloseDialog, close)
    page = manager_page
    page.refresh()
    page.panel.table.selectRow(0)
    page.buttons["close"].click()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["stage"] == Stage.CLOSED.value

    # the contact is closed at the desk with its handling
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("商户已退款", True))
    desk = window.open_page("reception")
    desk.panel.table.selectRow(0)
    desk.close_btn.click()

    # 4. the closed complaint is due a return visit; the visit marks the contact 已回访
    visits_page = window.open_page("visits")
    due = visits_page.due.model.rows
    assert len(due) == 1 and due[0]["customer_name"] == "王女士"

    def visit(d: VisitDialog) -> None:
        d.result_edit.insertPlainText("客户表示满意")
        d.accept()

    scripted(monkeypatch, VisitDialog, visit)
    visits_page.due.table.selectRow(0)
    visits_page.visit_due_btn.click()
    assert visits_page.due.model.rowCount() == 0
    assert visits.list_visits(staff_actor, ListQuery()).total == 1
    assert reception.get_contact(staff_actor, contact["uuid"])["status"] == "visited"
