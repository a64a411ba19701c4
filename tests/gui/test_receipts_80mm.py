"""80 mm receipts: the voucher, intake receipt and pickup slip on the roll when the site chooses it (one page
80 mm wide, as long as its content, CJK text and the QR code), the settings dialog, Ctrl+P without preview."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument

from frontdesk import clock
from frontdesk.domain.repairs import RepairInput
from frontdesk.domain.returns import ReturnInput
from frontdesk.errors import PermissionDenied
from frontdesk.services.aftersales import papers, print_settings, repairs, returns
from frontdesk.ui import printing
from frontdesk.ui.dialogs.print_settings import PrintSettingsDialog
from tests.gui.gui_helpers import window_for

POINTS_80MM = 80 / 25.4 * 72


def _records(actor):  # noqa: ANN001, ANN202
    repair = repairs.create_repair(actor, RepairInput("张先生", "13700001111", "蓝牙耳机", "左耳无声音",
                                                      appearance="外壳有轻微划痕",
                                                      estimated_date=clock.today() + timedelta(days=5)))
    back = returns.create_return(actor, ReturnInput(
        "王女士", "13800138000", "return", "digital", "充电宝", Decimal("99"), clock.today(), receipt_no="A1",
        reason="无法充电", refund_amount="99"))
    return repair, back


def test_the_three_papers_print_on_the_roll(qapp, manager, tmp_path, frozen_clock):
    repair, back = _records(manager)
    assert papers.repair_receipt(manager, repair.uuid).paper == "A4"  # until the site chooses
    print_settings.save(manager, print_settings.PrintSettings(dict.fromkeys(print_settings.KINDS, "R80")))
    docs = [papers.return_voucher(manager, back.uuid, "测试服务台"), papers.repair_receipt(manager, repair.uuid),
            papers.pickup_slip(manager, repair.uuid)]
    for doc in docs:
        assert doc.paper == "R80"
        pdf = QPdfDocument()
        pdf.load(str(printing.write_pdf(doc, tmp_path / f"{doc.title}.pdf")))
        assert pdf.pageCount() == 1  # continuous: both copies on one length of paper, a tear-off line between
        size = pdf.pagePointSize(0)
        assert abs(size.width() - POINTS_80MM) < 1 and size.height() > 4 * size.width()
        text = pdf.getAllText(0).text()
        assert doc.number in text and doc.title in text and "沿此线撕下" in text
        image = pdf.render(0, QSize(round(size.width() * 2), round(size.height() * 2)))
        top = image.copy(0, 0, image.width(), image.width())  # the QR code sits under the title
        dark = sum(1 for x in range(0, top.width(), 3) for y in range(0, top.height(), 3)
                   if top.pixelColor(x, y).lightness() < 80)
        assert dark > 200


def test_only_managers_choose_the_paper(staff_actor):
    with pytest.raises(PermissionDenied):
        print_settings.save(staff_actor, print_settings.PrintSettings({"pickup_slip": "R80"}))


def test_settings_dialog_and_ctrl_p_prints_without_a_preview(qtbot, paths, manager, frozen_clock, monkeypatch):
    repair, _back = _records(manager)
    dialog = PrintSettingsDialog(manager)
    qtbot.addWidget(dialog)
    dialog.papers["repair_receipt"].set_value("R80")
    dialog.direct.setChecked(True)
    dialog.accept()
    assert print_settings.load() == print_settings.PrintSettings(
        {"return_voucher": "A4", "repair_receipt": "R80", "pickup_slip": "A4"}, True)
    printed, previews = [], []
    monkeypatch.setattr(printing, "print_direct", lambda doc: printed.append(doc) or "小票机")
    monkeypatch.setattr(printing, "show_print_preview", lambda doc, parent: previews.append(doc))
    window = window_for(qtbot, paths, manager)
    page = window.open_page("repairs")
    page.panel.table.selectRow(0)
    page.panel.table.setFocus()
    qtbot.keyClick(page.panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [(d.title, d.paper, d.number) for d in printed] == [("维修受理单", "R80", repair.number)]
    assert previews == []
    print_settings.save(manager, print_settings.PrintSettings({}, direct=False))
    qtbot.keyClick(page.panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(previews) == 1 and len(printed) == 1
