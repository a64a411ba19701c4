"""After-sales through the window: repair intake → repaired → notified → picked up, printing, returns, export."""

from __future__ import annotations

from datetime import timedelta

import pytest
from gui_helpers import scripted, window_for
from PySide6.QtGui import QColor, QImage

from frontdesk import clock
from frontdesk.db.models import RepairOrder
from frontdesk.services.aftersales import order_list as aftersales_list
from frontdesk.services.aftersales import repairs
from frontdesk.ui import printing
from frontdesk.ui.dialogs.repair_detail import RepairDetailDialog
from frontdesk.ui.dialogs.repair_intake import RepairDialog
from frontdesk.ui.dialogs.repair_steps import NotifyDialog, PickupDialog, StepDialog
from frontdesk.ui.dialogs.return_edit import ReturnDialog
from frontdesk.ui.pages.repairs_page import STUCK_BG
from frontdesk.ui.pages.returns_page import PENDING_BG

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_repair_intake_to_pickup_with_papers(qtbot, paths, staff_actor, monkeypatch, tmp_path, message_boxes):
    photo = tmp_path / "earbuds.jpg"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e88e5"))
    assert image.save(str(photo), "JPG")
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"this is not a picture at all")
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("repairs")
    assert not page.buttons["step"].isEnabled()

    def intake(d: RepairDialog) -> None:
        d.accept()
        assert d.form.error_label("customer_name").isVisibleTo(d) and d.form.error_label("fault").isVisibleTo(d)
        assert d.saved is None
        d.customer_name.insert("张先生")
        d.phone.setText("13700001111")
        d.item.insert("蓝牙耳机")
        d.brand_model.insert("华为 FreeBuds 5")
        d.fault.insertPlainText("左耳无声音")
        d.accessory_boxes[1].setChecked(True)
        d.other_accessories.insert("充电盒")
        d.appearance.insert("外壳有轻微划痕")
        d.warranty.set_value("in")
        d.add_photos([str(fake)])
        assert "不是图片" in d.form.error_label("photos").text() and d.photos == []
        d.add_photos([str(photo)])
        assert len(d.photos) == 1 and d.photo_list.count() == 1
        d.accept()

    scripted(monkeypatch, RepairDialog, intake)
    page.buttons["new"].click()
    row = page.panel.current_row()
    assert row["customer_name"] == "张先生" and row["status"] == "accepted"
    stored = repairs.get_repair(staff_actor, row["uuid"])
    assert stored["accessories"] == "数据线、充电盒" and (paths.attachments / stored["photo_list"][0]).exists()

    def step(target: str):  # noqa: ANN202
        def script(d: StepDialog) -> None:
            d.status.set_value(target)
            d.note.insertPlainText(f"到{target}")
            d.accept()
        return script

    for target in ("sent", "repairing", "repaired"):
        scripted(monkeypatch, StepDialog, step(target))
        page.buttons["step"].click()
        assert page.panel.current_row()["status"] == target
    assert page.buttons["notify"].isEnabled() and not page.buttons["pickup"].isEnabled()

    def notify(d: NotifyDialog) -> None:
        d.method.set_value("phone")
        d.outcome.set_value("reached")
        d.note.insertPlainText("明天下午来取")
        d.accept()

    scripted(monkeypatch, NotifyDialog, notify)
    page.buttons["notify"].click()
    assert page.panel.current_row()["status"] == "notified" and page.buttons["pickup"].isEnabled()

    def pickup(d: PickupDialog) -> None:
        d.accept()
        assert d.form.error_label("inspection").isVisibleTo(d)
        d.inspection.insertPlainText("试听正常，配件齐全")
        d.accept()

    scripted(monkeypatch, PickupDialog, pickup)
    page.buttons["pickup"].click()
    assert page.panel.current_row()["status"] == "picked_up" and page.buttons["rework"].isEnabled()

    details = scripted(monkeypatch, RepairDetailDialog, lambda d: None)
    page.buttons["detail"].click()
    log = details[0].log
    assert log.rowCount() == 6 and log.item(4, 1).text() == "通知客户：电话，已通知到本人"

    previews = []
    monkeypatch.setattr(printing, "show_print_preview", lambda doc, parent: previews.append(doc))
    actions = page.buttons["print"].menu().actions()
    assert [a.text() for a in actions][:4] == ["维修受理单 - 打印预览…", "维修受理单 - 导出PDF…",
                                           "维修取件单 - 打印预览…", "维修取件单 - 导出PDF…"]
    actions[0].trigger()
    actions[2].trigger()
    assert [d.title for d in previews] == ["维修受理单", "维修取件单"]
    assert previews[0].copies == ["顾客联", "前台存根联"] and previews[0].qr_text == f"FD:WX:{row['number']}"
    pdf = page.export_pdf(lambda uuid: previews[1], tmp_path / "slip.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")

    page.panel.search.setText(row["number"])
    page.panel.search.returnPressed.emit()
    assert len(details) == 2 and page.panel.model.rowCount() == 1
    count = page.export_excel(aftersales_list.export_repairs, "维修工单", tmp_path / "repairs.xlsx")
    assert count == 1 and (tmp_path / "repairs.xlsx").exists()
    assert message_boxes == []


def test_stuck_repair_is_highlighted(qtbot, paths, staff_actor):
    from frontdesk.domain.repairs import RepairInput

    saved = repairs.create_repair(staff_actor, RepairInput("李女士", "13911112222", "手表", "不走字",
                                                           appearance="完好"))
    RepairOrder.update(status_since=clock.now() - timedelta(days=5)).execute()
    page = window_for(qtbot, paths, staff_actor).open_page("repairs")
    page.stuck_only.setChecked(True)
    model = page.panel.model
    assert [r["uuid"] for r in model.rows] == [saved.uuid]
    assert model.data(model.index(0, 0), 8).color() == QColor(STUCK_BG)


def test_return_needs_manager_approval(qtbot, paths, staff_actor, manager, monkeypatch, message_boxes):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("returns")
    assert not page.buttons["approve"].isVisible() and "policy" not in page.buttons

    def fill(d: ReturnDialog) -> None:
        d.customer_name.insert("王女士")
        d.phone.setText("13800138000")
        d.item.insert("羊毛大衣")
        d.amount_paid.setText("899")
        d.purchase_date.set_value(clock.today() - timedelta(days=8))
        assert "已超出期限" in d.policy.text()
        d.kind.set_value("exchange")
        assert "在期限内" in d.policy.text()
        d.kind.set_value("return")
        d.purchase_date.set_value(clock.today() - timedelta(days=2))
        d.receipt_no.setText("XP001")
        d.reason.insertPlainText("开线")
        d.checks["quality"][0].setChecked(False)
        d.checks["quality"][1].setText("袖口开线")
        d.refund_amount.setText("900")
        d.accept()
        assert "不能超过实付金额" in d.form.error_label("refund_amount").text()
        d.refund_amount.setText("899")
        assert "须主管审批" in d.approval.text()
        d.accept()

    scripted(monkeypatch, ReturnDialog, fill)
    page.buttons["new"].click()
    row = page.panel.current_row()
    assert row["status"] == "pending_approval" and not page.buttons["complete"].isEnabled()
    assert page.panel.model.data(page.panel.model.index(0, 0), 8).color() == QColor(PENDING_BG)

    boss = window_for(qtbot, paths, manager).open_page("returns")
    boss.panel.table.selectRow(0)
    assert boss.buttons["approve"].isEnabled()
    boss.buttons["approve"].click()
    page.refresh()
    page.panel.table.selectRow(0)
    assert page.panel.current_row()["status"] == "open"
    page.buttons["complete"].click()
    assert page.panel.current_row()["status"] == "completed"
    assert [kind for kind, _text in message_boxes] == ["question", "question"]
